//! Reading sources: paths in, a stream of `RawDoc`s (or `Rejection`s) out.

mod decode;
mod feed;
mod jsonl;
mod walk;
mod warc;

pub use decode::{decode, html_charset};

use std::collections::HashMap;
use std::path::PathBuf;

use sitrep_model::{Origin, RawDoc};

pub use jsonl::JsonFields;
pub use walk::{Source, SourceKind, list_sources};

/// How to read sources.
#[derive(Clone, Debug)]
pub struct IngestOptions {
    /// A document larger than this many bytes is rejected (a page, a text file, one JSONL record).
    pub max_bytes: usize,
    pub json: JsonFields,
    /// Files never read as input, with their SQLite companions (`-wal`, `-shm`, `-journal`):
    /// the store being written, when it lies inside a folder being ingested. They are not
    /// articles, so they are left out, not rejected.
    pub skip: Vec<PathBuf>,
}

impl Default for IngestOptions {
    fn default() -> Self {
        IngestOptions { max_bytes: 16 * 1024 * 1024, json: JsonFields::default(), skip: Vec::new() }
    }
}

/// A document that could not be read, and why. Counted and reported, never silently dropped.
#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
#[error("{origin}: {reason}")]
pub struct Rejection {
    pub origin: Origin,
    pub reason: String,
}

impl Rejection {
    pub fn new(path: &str, line: Option<usize>, reason: impl Into<String>) -> Self {
        Rejection { origin: Origin { path: path.to_string(), line }, reason: reason.into() }
    }
}

/// Errors that stop a run before anything is read.
#[derive(Debug, thiserror::Error)]
pub enum IngestError {
    #[error("{0}: no such file or folder")]
    Missing(PathBuf),
}

pub type Item = Result<RawDoc, Rejection>;

/// Every document found at `paths`, in a stable order, read lazily one source at a time.
///
/// Fails up front only when a path does not exist; everything else is a per-item `Rejection`.
pub fn read_paths(paths: &[PathBuf], options: &IngestOptions) -> Result<DocStream, IngestError> {
    let skip = walk::Skip::new(&options.skip);
    let sources: Vec<_> = list_sources(paths)?.into_iter().filter(|s| !skip.covers(s)).collect();
    Ok(DocStream { sources: sources.into_iter(), current: None, options: options.clone(), seen: HashMap::new() })
}

/// The lazy stream returned by [`read_paths`].
pub struct DocStream {
    sources: std::vec::IntoIter<Source>,
    current: Option<Box<dyn Iterator<Item = Item>>>,
    options: IngestOptions,
    /// Ids handed out so far, so two sources never share one.
    seen: HashMap<String, String>,
}

impl DocStream {
    /// Number of sources (files, stdin) still to read, for progress bars.
    pub fn sources_left(&self) -> usize {
        self.sources.len()
    }

    /// Two different sources with the same id (`a.txt`, `a.html`) get the origin as id instead.
    fn unique_id(&mut self, doc: &mut RawDoc) {
        let origin = doc.origin.to_string();
        match self.seen.get(&doc.id) {
            Some(first) if *first != origin => doc.id = origin.clone(),
            _ => {}
        }
        self.seen.entry(doc.id.clone()).or_insert(origin);
    }
}

impl Iterator for DocStream {
    type Item = Item;

    fn next(&mut self) -> Option<Item> {
        loop {
            if let Some(cur) = self.current.as_mut() {
                if let Some(item) = cur.next() {
                    return Some(item.map(|mut d| {
                        self.unique_id(&mut d);
                        d
                    }));
                }
                self.current = None;
            }
            let src = self.sources.next()?;
            self.current = Some(src.read(&self.options));
        }
    }
}
