//! The actor stage: recognising actors in an article and resolving them inside it.

pub mod dictionary;
pub mod fold;
pub mod recognise;
pub mod resolve;

use sitrep_model::{Actor, Article, Mention};

pub use dictionary::{Dictionary, DictionaryError};

/// Mentions (sorted by position) and the document's actors.
pub fn analyse(dict: &Dictionary, article: &Article) -> (Vec<Mention>, Vec<Actor>) {
    let mentions = recognise::mentions(dict, article);
    resolve::resolve(dict, article, mentions)
}
