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
