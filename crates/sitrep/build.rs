//! A fingerprint of the code that analyses a document (text, actors, events, places and the
//! model they fill), for the store's record of which analysis produced a document: after an
//! upgrade that changes how documents are read, `sitrep ingest` analyses stored documents again
//! instead of keeping what the old rules found. Dictionaries have fingerprints of their own.

use std::path::{Path, PathBuf};

const ANALYSING_CRATES: [&str; 5] = ["sitrep-text", "sitrep-actors", "sitrep-events", "sitrep-geo", "sitrep-model"];

fn files(dir: &Path, out: &mut Vec<PathBuf>) {
    let Ok(entries) = std::fs::read_dir(dir) else { return };
    for e in entries.flatten() {
        let p = e.path();
        if p.is_dir() {
            files(&p, out);
        } else {
            out.push(p);
        }
    }
}

fn main() {
    let crates = Path::new(env!("CARGO_MANIFEST_DIR")).join("..");
    let mut paths = Vec::new();
    for name in ANALYSING_CRATES {
        let src = crates.join(name).join("src");
        println!("cargo:rerun-if-changed={}", src.display());
        files(&src, &mut paths);
    }
    paths.sort();
    // FNV-1a over each file's path (from the crates folder) and contents: the same sources give
    // the same fingerprint on every machine and toolchain.
    let mut h: u64 = 0xcbf2_9ce4_8422_2325;
    for p in &paths {
        let name = p.strip_prefix(&crates).unwrap_or(p).to_string_lossy().replace('\\', "/");
        for b in name.bytes().chain([0xFF]).chain(std::fs::read(p).unwrap_or_default()) {
            h ^= u64::from(b);
            h = h.wrapping_mul(0x0000_0100_0000_01B3);
        }
    }
    println!("cargo:rustc-env=SITREP_ANALYSIS_CODE={h:016x}");
}
