//! The types every sitrep stage shares.
//!
//! Stages are plain functions over these owned values; nothing here computes anything beyond
//! small helpers (ids, alignment look-ups), so the model can be read top-down in one sitting.

mod actor;
mod article;
pub mod calendar;
mod event;
mod ids;
mod raw;
mod span;
mod story;

pub use actor::{Actor, ActorKind, Mention, MentionKind, Role};
pub use article::{Alignment, Article, DateMention, Precision, Removal, Segment};
pub use event::{Corroboration, Endpoint, Event, EventType, Evidence, Location, Status};
pub use ids::{content_hash, short_id, slug};
pub use raw::{Origin, RawDoc, SourceFormat};
pub use span::Span;
pub use story::Story;

/// One document as it flows through the pipeline: each stage adds its part.
#[derive(Clone, Debug, Default, serde::Serialize, serde::Deserialize)]
pub struct Doc {
    pub article: Article,
    pub mentions: Vec<Mention>,
    /// Actors as resolved inside this document (cross-document merging happens in the corpus stage).
    pub actors: Vec<Actor>,
    pub events: Vec<Event>,
}
