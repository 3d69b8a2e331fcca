//! The built-in actor dictionaries as JSON (see `crates/dictionary_json.rs`).

include!("../dictionary_json.rs");

fn main() {
    dictionary_json(&["countries", "organisations", "agents", "people"]);
}
