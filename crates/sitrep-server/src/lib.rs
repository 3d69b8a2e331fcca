//! The HTTP API and web UI of sitrep (`sitrep serve`). Not built yet: see this crate's README.
