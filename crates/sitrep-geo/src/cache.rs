//! A snapshot of the loaded gazetteer beside its table, so that later commands skip the parse.
//!
//! Reading the populated-places table means parsing 17 MB of text and folding two and a half
//! million names: most of a short command's start-up. The loaded [`Places`] is written once
//! next to the table (`places.tsv.cache`) and read back in a fraction of the time. It is used
//! only while it was made from this very table (size and modification time) by the same code
//! and built-in data (a hash of the sources that build it, of `dictionaries/places.yaml` and of
//! `Cargo.lock`, compiled in: every binary of the workspace agrees on it, and a change to any of
//! them makes a new snapshot), and anything unreadable, stale or of another format is ignored
//! and replaced. `SITREP_GAZETTEER_CACHE=0` turns it off.

use std::hash::Hasher;
use std::io::Write;
use std::path::{Path, PathBuf};
use std::time::UNIX_EPOCH;

use serde::{Deserialize, Serialize};

use crate::places::Places;

/// Bumped whenever the snapshot's layout changes.
const FORMAT: u32 = 2;

/// What a snapshot must match to be used.
#[derive(Debug, PartialEq, Serialize, Deserialize)]
struct Stamp {
    format: u32,
    version: String,
    table: (u64, u128),
    code: u64,
}

/// What the loaded gazetteer depends on besides the table: the code that reads it, the data
/// compiled in, and the crates' versions (keshvar's countries among them).
const SOURCES: [&[u8]; 6] = [
    include_bytes!("places.rs"),
    include_bytes!("index.rs"),
    include_bytes!("fold.rs"),
    include_bytes!("cache.rs"),
    include_bytes!("../../../dictionaries/places.yaml"),
    include_bytes!("../../../Cargo.lock"),
];

fn code_hash() -> u64 {
    let mut h = rustc_hash::FxHasher::default();
    for s in SOURCES {
        h.write(s);
    }
    h.finish()
}

/// The file's size and modification time in nanoseconds.
fn file_stamp(path: &Path) -> Option<(u64, u128)> {
    let m = std::fs::metadata(path).ok()?;
    Some((m.len(), m.modified().ok()?.duration_since(UNIX_EPOCH).ok()?.as_nanos()))
}

fn stamp(table: &Path) -> Option<Stamp> {
    Some(Stamp { format: FORMAT, version: env!("CARGO_PKG_VERSION").to_string(), table: file_stamp(table)?, code: code_hash() })
}

/// Where the snapshot of a table lives.
pub(crate) fn path_of(table: &Path) -> PathBuf {
    let mut name = table.file_name().unwrap_or_default().to_os_string();
    name.push(".cache");
    table.with_file_name(name)
}

fn enabled() -> bool {
    std::env::var_os("SITREP_GAZETTEER_CACHE").is_none_or(|v| v != "0")
}

/// The gazetteer as last loaded from `table`, if a snapshot of it is there and current.
pub(crate) fn read(table: &Path) -> Option<Places> {
    if !enabled() {
        return None;
    }
    let bytes = std::fs::read(path_of(table)).ok()?;
    let (found, rest): (Stamp, &[u8]) = postcard::take_from_bytes(&bytes).ok()?;
    if Some(found) != stamp(table) {
        return None;
    }
    let snapshot: crate::places::Snapshot = postcard::from_bytes(rest).ok()?;
    Some(Places::from_snapshot(snapshot, table))
}

/// Write a snapshot of `places`, loaded from `table`, beside it. Best effort: a table in a
/// read-only folder simply has none. Written to a temporary file renamed into place, so a
/// reader never sees half a snapshot and two writers do not mix.
pub(crate) fn write(table: &Path, places: &Places) {
    if !enabled() {
        return;
    }
    let Some(stamp) = stamp(table) else { return };
    let target = path_of(table);
    let tmp = target.with_extension(format!("cache.{}.tmp", std::process::id()));
    let written = (|| -> Option<()> {
        let mut bytes = postcard::to_stdvec(&stamp).ok()?;
        bytes.extend(postcard::to_stdvec(&places.snapshot()).ok()?);
        let mut f = std::fs::File::create(&tmp).ok()?;
        f.write_all(&bytes).ok()?;
        f.sync_all().ok()?;
        std::fs::rename(&tmp, &target).ok()
    })();
    if written.is_none() {
        let _ = std::fs::remove_file(&tmp);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_snapshot_gives_the_same_gazetteer_until_the_table_changes() {
        let dir = std::env::temp_dir().join(format!("sitrep-geo-cache-{}", std::process::id()));
        std::fs::create_dir_all(&dir).unwrap();
        let table = dir.join("places.tsv");
        std::fs::write(&table, "P\t1\tAyni\t39.39\t68.54\tTJ\t08\t5000\tAini|Ajni\nP\t2\tLastville\t1.5\t2.5\tTJ\t08\t10\t\n").unwrap();
        let mut loaded = Places::builtin();
        loaded.add_table(&table).unwrap();
        assert!(read(&table).is_none(), "no snapshot yet");
        write(&table, &loaded);
        let cached = read(&table).expect("a current snapshot is read");
        assert!(cached.snapshot() == loaded.snapshot());
        for name in ["Ayni", "Ajni", "Lastville", "Pakistan", "Khyber Pakhtunkhwa", "Nowhereville"] {
            assert_eq!(cached.lookup(name), loaded.lookup(name), "{name}");
        }
        // Another table (here one line more) makes the snapshot stale.
        std::fs::write(&table, "P\t1\tAyni\t39.39\t68.54\tTJ\t08\t5000\t\nP\t3\tThirdville\t1.0\t2.0\tTJ\t08\t10\t\n").unwrap();
        assert!(read(&table).is_none(), "a changed table is read again");
        // A damaged snapshot is ignored, not an error.
        std::fs::write(path_of(&table), b"not a snapshot").unwrap();
        assert!(read(&table).is_none());
        std::fs::remove_dir_all(&dir).ok();
    }
}
