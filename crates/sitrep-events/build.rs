//! The built-in event patterns and CAMEO tables as JSON (see `crates/dictionary_json.rs`).

include!("../dictionary_json.rs");

fn main() {
    dictionary_json(&["verbs", "cameo", "cameo-plover"]);
}
