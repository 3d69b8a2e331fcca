//! The actor stage: recognising actors in an article and resolving them inside it.

pub mod dictionary;
pub mod fold;
mod lower;
pub mod recognise;
pub mod resolve;

use sitrep_model::{Actor, Article, Mention, Span};
use sitrep_text::{Token, tokens};

pub use dictionary::{Dictionary, DictionaryError};

/// Mentions (sorted by position) and the document's actors.
pub fn analyse(dict: &Dictionary, article: &Article) -> (Vec<Mention>, Vec<Actor>) {
    // Recognition and resolution both walk every sentence's tokens: made once here.
    let sents = SentenceTokens::of(article);
    let mentions = recognise::mentions_with(dict, article, &sents);
    resolve::resolve_with(dict, article, &sents, mentions)
}

/// Each sentence's tokens, made once per document: several passes walk the sentences, and
/// re-tokenising them was a quarter of resolution's time.
pub(crate) struct SentenceTokens(Vec<Vec<Token>>);

impl SentenceTokens {
    pub(crate) fn of(article: &Article) -> SentenceTokens {
        SentenceTokens(article.sentences.iter().map(|&s| tokens(&article.text, s)).collect())
    }

    /// The tokens of the sentence holding `pos` (of the whole text outside any sentence).
    pub(crate) fn at<'a>(&'a self, article: &Article, pos: usize) -> std::borrow::Cow<'a, [Token]> {
        match article.sentence_at(pos) {
            Some(i) => std::borrow::Cow::Borrowed(&self.0[i]),
            None => std::borrow::Cow::Owned(tokens(&article.text, Span::new(0, article.text.len()))),
        }
    }
}
