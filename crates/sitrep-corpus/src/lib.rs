//! The cross-document stage.

pub mod actors;
pub mod stories;

pub use actors::{Merge, merge_actors};
pub use stories::cluster;
pub mod corroborate;

pub use corroborate::corroborate;
