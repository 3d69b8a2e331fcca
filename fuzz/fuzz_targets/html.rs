//! The text stage on arbitrary bytes read as an HTML page.
#![no_main]

libfuzzer_sys::fuzz_target!(|data: &[u8]| sitrep_text::fuzzing::html(data));
