//! The cross-document stage.

pub mod actors;
pub mod corroborate;
pub mod dedup;
pub mod stories;
pub mod summary;

pub use actors::{Merge, merge_actors};
pub use corroborate::corroborate;
pub use stories::cluster;
pub use summary::{DocSummary, EventKey, Features};

/// Version of the stored per-document features (words, names, MinHash): part of the analysis
/// fingerprint, so documents stored with older features are analysed again when re-ingested.
pub const FEATURES_VERSION: u32 = 2;
