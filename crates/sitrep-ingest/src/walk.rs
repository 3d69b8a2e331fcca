//! Finding sources: files named, folders walked, standard input.

use std::io::Read;
use std::path::{Path, PathBuf};

use sitrep_model::{RawDoc, SourceFormat, content_hash};

use crate::{IngestError, IngestOptions, Item, Rejection, decode, feed, jsonl, warc};

/// What a source holds, from its extension (or its first bytes for stdin).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum SourceKind {
    Text,
    Markdown,
    Html,
    JsonLines,
    /// An RSS or Atom feed: one document per entry.
    Feed,
    /// A WARC file, plain or gzip-compressed: one document per HTML response.
    Warc {
        gz: bool,
    },
    /// A file found in a folder whose type we do not read: reported, not read.
    Unsupported,
}

impl SourceKind {
    fn of(path: &Path) -> SourceKind {
        let name = path.file_name().and_then(|e| e.to_str()).unwrap_or("").to_ascii_lowercase();
        if name.ends_with(".warc.gz") {
            return SourceKind::Warc { gz: true };
        }
        // "page.html.gz": the kind of what is inside.
        if let Some(inner) = name.strip_suffix(".gz") {
            return SourceKind::of(Path::new(inner));
        }
        let ext = path.extension().and_then(|e| e.to_str()).unwrap_or("").to_ascii_lowercase();
        match ext.as_str() {
            "warc" => SourceKind::Warc { gz: false },
            "rss" | "atom" | "xml" => SourceKind::Feed,
            "txt" | "text" => SourceKind::Text,
            "md" | "markdown" => SourceKind::Markdown,
            "html" | "htm" | "xhtml" => SourceKind::Html,
            "jsonl" | "ndjson" => SourceKind::JsonLines,
            _ => SourceKind::Unsupported,
        }
    }

    fn sniff(bytes: &[u8]) -> SourceKind {
        let head = String::from_utf8_lossy(&bytes[..bytes.len().min(512)]).trim_start().to_ascii_lowercase();
        if bytes.starts_with(&[0x1f, 0x8b]) {
            SourceKind::Warc { gz: true }
        } else if head.starts_with("warc/") {
            SourceKind::Warc { gz: false }
        } else if head.starts_with("<?xml") || head.starts_with("<rss") || head.starts_with("<feed") {
            SourceKind::Feed
        } else if head.starts_with('{') {
            SourceKind::JsonLines
        } else if head.starts_with("<!doctype html") || head.starts_with("<html") || head.starts_with('<') {
            SourceKind::Html
        } else {
            SourceKind::Text
        }
    }
}

/// One file (or standard input) to read.
#[derive(Clone, Debug)]
pub struct Source {
    /// `None` for standard input.
    pub path: Option<PathBuf>,
    pub kind: SourceKind,
    /// Named on the command line (read whatever its extension) or found in a folder.
    pub named: bool,
}

/// All sources under `paths`, folders expanded in name order. A missing path is an error.
pub fn list_sources(paths: &[PathBuf]) -> Result<Vec<Source>, IngestError> {
    let mut out = Vec::new();
    for p in paths {
        if p.as_os_str() == "-" {
            out.push(Source { path: None, kind: SourceKind::Text, named: true });
            continue;
        }
        if !p.exists() {
            return Err(IngestError::Missing(p.clone()));
        }
        if p.is_dir() {
            let walker = walkdir::WalkDir::new(p).follow_links(true).sort_by_file_name();
            for entry in walker.into_iter().filter_map(Result::ok) {
                let name = entry.file_name().to_string_lossy();
                if !entry.file_type().is_file() || name.starts_with('.') {
                    continue;
                }
                let path = entry.into_path();
                out.push(Source { kind: SourceKind::of(&path), path: Some(path), named: false });
            }
        } else {
            let kind = match SourceKind::of(p) {
                SourceKind::Unsupported => SourceKind::Text,
                k => k,
            };
            out.push(Source { path: Some(p.clone()), kind, named: true });
        }
    }
    Ok(out)
}

/// Files to leave out of the input (see [`crate::IngestOptions::skip`]), compared by their
/// canonical paths so `./a/sitrep.db` and `a/sitrep.db` are one file.
pub(crate) struct Skip(Vec<PathBuf>);

impl Skip {
    pub(crate) fn new(files: &[PathBuf]) -> Skip {
        let mut out = Vec::new();
        for f in files.iter().filter_map(|f| canonical(f)) {
            for suffix in ["", "-wal", "-shm", "-journal"] {
                let mut n = f.clone().into_os_string();
                n.push(suffix);
                out.push(PathBuf::from(n));
            }
        }
        Skip(out)
    }

    pub(crate) fn covers(&self, source: &Source) -> bool {
        !self.0.is_empty() && source.path.as_deref().and_then(canonical).is_some_and(|p| self.0.contains(&p))
    }
}

/// A file's path with its folder canonical (the file itself need not exist yet: a store's
/// `-wal` appears while it is written).
fn canonical(path: &Path) -> Option<PathBuf> {
    let dir = path.parent().filter(|d| !d.as_os_str().is_empty()).unwrap_or(Path::new("."));
    Some(dir.canonicalize().ok()?.join(path.file_name()?))
}

impl Source {
    fn display(&self) -> String {
        self.path.as_ref().map(|p| p.display().to_string()).unwrap_or_else(|| "-".into())
    }

    /// The file stem is the document id ("page.html.gz" is "page").
    fn stem(&self) -> String {
        let Some(p) = self.path.as_ref() else { return "stdin".into() };
        let inner = if self.gzipped() { p.file_stem().map(Path::new) } else { Some(p.as_path()) };
        inner.and_then(|p| p.file_stem()).map(|s| s.to_string_lossy().into_owned()).unwrap_or_else(|| "stdin".into())
    }

    /// A gzip-compressed file of another kind ("page.html.gz", "wire.jsonl.gz").
    fn gzipped(&self) -> bool {
        !matches!(self.kind, SourceKind::Warc { .. })
            && self.path.as_ref().and_then(|p| p.extension()).is_some_and(|e| e.eq_ignore_ascii_case("gz"))
    }

    /// Read this source into documents, lazily for JSON Lines.
    pub fn read(self, options: &IngestOptions) -> Box<dyn Iterator<Item = Item>> {
        let name = self.display();
        if self.kind == SourceKind::Unsupported {
            let ext = self.path.as_ref().and_then(|p| p.extension()).map(|e| e.to_string_lossy().into_owned());
            let why = match ext {
                Some(e) => format!("unsupported file type .{e} (skipped)"),
                None => "unsupported file type, no extension (skipped)".to_string(),
            };
            return Box::new(std::iter::once(Err(Rejection::new(&name, None, why))));
        }
        if let Some(path) = &self.path {
            if let SourceKind::Warc { gz } = self.kind {
                return match std::fs::File::open(path) {
                    Ok(f) => Box::new(warc::records(name, self.stem(), Box::new(f), gz, options.clone())),
                    Err(e) => Box::new(std::iter::once(Err(Rejection::new(&name, None, e.to_string())))),
                };
            }
            if self.kind == SourceKind::JsonLines {
                let gz = self.gzipped();
                return match std::fs::File::open(path) {
                    Ok(f) if gz => {
                        Box::new(jsonl::records(name, std::io::BufReader::new(flate2::read::MultiGzDecoder::new(f)), options.clone()))
                    }
                    Ok(f) => Box::new(jsonl::records(name, std::io::BufReader::new(f), options.clone())),
                    Err(e) => Box::new(std::iter::once(Err(Rejection::new(&name, None, e.to_string())))),
                };
            }
            match std::fs::metadata(path) {
                Ok(m) if m.len() as usize > options.max_bytes && !self.gzipped() => {
                    let why = format!("{} bytes, over the limit of {} (--max-bytes)", m.len(), options.max_bytes);
                    return Box::new(std::iter::once(Err(Rejection::new(&name, None, why))));
                }
                Err(e) => return Box::new(std::iter::once(Err(Rejection::new(&name, None, e.to_string())))),
                _ => {}
            }
        }
        let bytes = match self.read_bytes(options.max_bytes) {
            Ok(b) => b,
            Err(why) => return Box::new(std::iter::once(Err(Rejection::new(&name, None, why)))),
        };
        let kind = if self.path.is_none() { SourceKind::sniff(&bytes) } else { self.kind };
        match kind {
            SourceKind::JsonLines => return Box::new(jsonl::records(name, std::io::Cursor::new(bytes), options.clone())),
            SourceKind::Warc { gz } => {
                return Box::new(warc::records(name, self.stem(), Box::new(std::io::Cursor::new(bytes)), gz, options.clone()));
            }
            SourceKind::Feed => return Box::new(feed::entries(&name, &self.stem(), &bytes).into_iter()),
            _ => {}
        }
        Box::new(std::iter::once(whole_file(&name, self.stem(), kind, &bytes)))
    }

    fn read_bytes(&self, max: usize) -> Result<Vec<u8>, String> {
        let mut buf = Vec::new();
        let res = match &self.path {
            // Decompressed size is bounded too: a small archive cannot fill memory.
            Some(p) if self.gzipped() => {
                std::fs::File::open(p).and_then(|f| flate2::read::MultiGzDecoder::new(f).take(max as u64 + 1).read_to_end(&mut buf))
            }
            Some(p) => std::fs::File::open(p).and_then(|f| f.take(max as u64 + 1).read_to_end(&mut buf)),
            None => std::io::stdin().lock().take(max as u64 + 1).read_to_end(&mut buf),
        };
        res.map_err(|e| e.to_string())?;
        if buf.len() > max {
            return Err(format!("over the limit of {max} bytes (--max-bytes)"));
        }
        Ok(buf)
    }
}

fn whole_file(name: &str, id: String, kind: SourceKind, bytes: &[u8]) -> Item {
    let (text, _) = decode::decode(bytes, None, kind == SourceKind::Html).map_err(|why| Rejection::new(name, None, why))?;
    let format = match kind {
        SourceKind::Markdown => SourceFormat::Markdown,
        SourceKind::Html => SourceFormat::Html,
        _ => SourceFormat::Text,
    };
    Ok(RawDoc {
        id,
        origin: sitrep_model::Origin { path: name.to_string(), line: None },
        format,
        hash: content_hash(bytes),
        text,
        ..Default::default()
    })
}
