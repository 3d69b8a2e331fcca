//! JSON Lines: one article per line, with configurable field names.

use std::io::BufRead;

use serde_json::Value;
use sitrep_model::{Origin, RawDoc, SourceFormat, content_hash};

use crate::{IngestOptions, Item, Rejection};

/// Which fields of a record hold what. Each list is tried in order; the first present wins.
#[derive(Clone, Debug)]
pub struct JsonFields {
    pub text: Vec<String>,
    pub id: Vec<String>,
    pub title: Vec<String>,
    pub date: Vec<String>,
    pub outlet: Vec<String>,
    pub url: Vec<String>,
    pub authors: Vec<String>,
}

fn names(list: &[&str]) -> Vec<String> {
    list.iter().map(|s| s.to_string()).collect()
}

impl Default for JsonFields {
    fn default() -> Self {
        JsonFields {
            text: names(&["text", "body", "content", "article"]),
            id: names(&["id", "doc", "guid", "uuid"]),
            title: names(&["title", "headline"]),
            date: names(&["published", "date", "publish_date", "published_at", "pubdate"]),
            outlet: names(&["outlet", "source", "site", "site_name", "publisher"]),
            url: names(&["url", "link"]),
            authors: names(&["authors", "author", "byline"]),
        }
    }
}

fn field<'a>(obj: &'a serde_json::Map<String, Value>, names: &[String]) -> Option<&'a Value> {
    names.iter().find_map(|n| obj.get(n)).filter(|v| !v.is_null())
}

fn string(v: Option<&Value>) -> Option<String> {
    match v? {
        Value::String(s) if !s.trim().is_empty() => Some(s.trim().to_string()),
        Value::Number(n) => Some(n.to_string()),
        _ => None,
    }
}

/// The records of a JSON Lines stream, read line by line.
pub fn records<R: BufRead + 'static>(path: String, reader: R, options: IngestOptions) -> impl Iterator<Item = Item> {
    let stem = std::path::Path::new(&path).file_stem().map(|s| s.to_string_lossy().into_owned()).unwrap_or_else(|| "stdin".into());
    let mut lines = reader.split(b'\n').enumerate();
    std::iter::from_fn(move || {
        loop {
            let (i, line) = lines.next()?;
            let n = i + 1;
            let line = match line {
                Ok(l) => l,
                Err(e) => return Some(Err(Rejection::new(&path, Some(n), e.to_string()))),
            };
            if line.iter().all(u8::is_ascii_whitespace) {
                continue;
            }
            return Some(record(&path, &stem, n, &line, &options));
        }
    })
}

fn record(path: &str, stem: &str, n: usize, line: &[u8], options: &IngestOptions) -> Item {
    let reject = |why: String| Rejection::new(path, Some(n), why);
    if line.len() > options.max_bytes {
        return Err(reject(format!("record of {} bytes, over the limit of {} (--max-bytes)", line.len(), options.max_bytes)));
    }
    let text = std::str::from_utf8(line).map_err(|e| reject(format!("invalid UTF-8 at byte {}", e.valid_up_to())))?;
    let value: Value = serde_json::from_str(text).map_err(|e| reject(format!("not JSON: {e}")))?;
    let Value::Object(obj) = value else {
        return Err(reject("not a JSON object".into()));
    };
    let f = &options.json;
    let body = string(field(&obj, &f.text)).ok_or_else(|| reject(format!("no text field (looked for {})", f.text.join(", "))))?;
    let id = string(field(&obj, &f.id)).unwrap_or_else(|| format!("{stem}-{n}"));
    let authors = match field(&obj, &f.authors) {
        Some(Value::Array(a)) => a.iter().filter_map(|v| string(Some(v))).collect(),
        other => string(other).into_iter().collect(),
    };
    Ok(RawDoc {
        id,
        origin: Origin { path: path.to_string(), line: Some(n) },
        format: SourceFormat::Json,
        hash: content_hash(line),
        text: body,
        title: string(field(&obj, &f.title)),
        published: string(field(&obj, &f.date)),
        outlet: string(field(&obj, &f.outlet)),
        url: string(field(&obj, &f.url)),
        authors,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn read(input: &str) -> Vec<Item> {
        records("w.jsonl".into(), std::io::Cursor::new(input.as_bytes().to_vec()), IngestOptions::default()).collect()
    }

    #[test]
    fn good_and_bad_records_are_told_apart_by_line() {
        let items = read("{\"id\":\"a\",\"text\":\"Hello there.\",\"title\":\"T\"}\n\nnot json\n{\"id\":\"c\"}\n[1]\n{\"body\":\"x\"}\n");
        assert_eq!(items.len(), 5);
        let a = items[0].as_ref().unwrap();
        assert_eq!((a.id.as_str(), a.title.as_deref(), a.origin.line), ("a", Some("T"), Some(1)));
        let e = items[1].as_ref().unwrap_err();
        assert_eq!(e.origin.line, Some(3));
        assert!(e.reason.starts_with("not JSON"));
        assert!(items[2].as_ref().unwrap_err().reason.contains("no text field"));
        assert!(items[3].as_ref().unwrap_err().reason.contains("not a JSON object"));
        assert_eq!(items[4].as_ref().unwrap().id, "w-6");
    }
}
