//! Date finding on arbitrary text, with and without a publication date to resolve against.
#![no_main]

libfuzzer_sys::fuzz_target!(|data: &[u8]| sitrep_text::fuzzing::dates(data));
