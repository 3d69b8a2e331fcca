//! One module per subcommand.

pub mod briefing;
pub mod contradictions;
pub mod dict;
pub mod explain;
pub mod extract;
pub mod ingest;
pub mod list;
pub mod show;
pub mod similar;
