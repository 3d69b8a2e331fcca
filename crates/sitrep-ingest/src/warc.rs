//! WARC files (plain or gzip-compressed): the HTML pages in their `response` records.
//!
//! Records are read one at a time from a stream, so memory is bounded by the largest record
//! (and records over `--max-bytes` are skipped unread, with a rejection). A truncated file or
//! gzip stream yields the records before the damage and one rejection saying where it stopped.

use std::io::{BufRead, Read};

use sitrep_model::{Origin, RawDoc, SourceFormat, content_hash};

use crate::{IngestOptions, Item, Rejection, decode};

/// Read one header block (up to a blank line): the lines, or `None` at a clean end of input.
fn header_block<R: BufRead>(r: &mut R) -> Result<Option<Vec<String>>, String> {
    let mut lines = Vec::new();
    loop {
        let mut line = Vec::new();
        let n = r.by_ref().take(64 * 1024).read_until(b'\n', &mut line).map_err(|e| e.to_string())?;
        if n == 0 {
            return if lines.is_empty() { Ok(None) } else { Err("file ends inside a record header".into()) };
        }
        let text = String::from_utf8_lossy(&line).trim_end_matches(['\r', '\n']).to_string();
        if text.is_empty() {
            if lines.is_empty() {
                continue; // blank lines between records
            }
            return Ok(Some(lines));
        }
        lines.push(text);
    }
}

fn header<'a>(lines: &'a [String], name: &str) -> Option<&'a str> {
    lines.iter().find_map(|l| {
        let (k, v) = l.split_once(':')?;
        k.trim().eq_ignore_ascii_case(name).then(|| v.trim())
    })
}

/// The pages of a WARC stream. `gz` says the stream is gzip-compressed (one member per record or
/// one for the whole file: both are read).
pub fn records(path: String, stem: String, reader: Box<dyn Read>, gz: bool, options: IngestOptions) -> impl Iterator<Item = Item> {
    let reader: Box<dyn Read> = if gz { Box::new(flate2::read::MultiGzDecoder::new(reader)) } else { reader };
    let mut r = std::io::BufReader::new(reader);
    let mut n = 0usize;
    let mut done = false;
    std::iter::from_fn(move || {
        while !done {
            n += 1;
            let reject = |why: String| Some(Err(Rejection::new(&path, None, format!("record {n}: {why}"))));
            let head = match header_block(&mut r) {
                Ok(Some(h)) => h,
                Ok(None) => return None,
                Err(e) => {
                    done = true;
                    return reject(format!("truncated or damaged file: {e}"));
                }
            };
            if !head[0].starts_with("WARC/") {
                done = true;
                return reject(format!("not a WARC record (starts with {:?})", head[0].chars().take(40).collect::<String>()));
            }
            let Some(len) = header(&head, "Content-Length").and_then(|v| v.parse::<u64>().ok()) else {
                done = true;
                return reject("record without a Content-Length".into());
            };
            let wanted = header(&head, "WARC-Type").is_some_and(|t| t.eq_ignore_ascii_case("response"))
                && header(&head, "Content-Type").is_some_and(|t| t.to_ascii_lowercase().starts_with("application/http"));
            if !wanted || len as usize > options.max_bytes {
                match std::io::copy(&mut r.by_ref().take(len), &mut std::io::sink()) {
                    Ok(got) if got == len => {}
                    Ok(got) => {
                        done = true;
                        return reject(format!("truncated: the file ends {} bytes into a {len}-byte record", got));
                    }
                    Err(e) => {
                        done = true;
                        return reject(format!("truncated or damaged file: {e}"));
                    }
                }
                if wanted {
                    return reject(format!("{len} bytes, over the limit of {} (--max-bytes)", options.max_bytes));
                }
                continue;
            }
            let mut body = Vec::with_capacity(len as usize);
            match r.by_ref().take(len).read_to_end(&mut body) {
                Ok(got) if got as u64 == len => {}
                Ok(got) => {
                    done = true;
                    return reject(format!("truncated: the file ends {got} bytes into a {len}-byte record"));
                }
                Err(e) => {
                    done = true;
                    return reject(format!("truncated or damaged file: {e}"));
                }
            }
            let url = header(&head, "WARC-Target-URI").map(|u| u.trim_matches(['<', '>']).to_string());
            match page(&path, &stem, n, &body, url) {
                Some(item) => return Some(item),
                None => continue,
            }
        }
        None
    })
}

/// An HTTP response to a document, when it is an HTML page; `None` for other content types.
fn page(path: &str, stem: &str, n: usize, body: &[u8], url: Option<String>) -> Option<Item> {
    let reject = |why: String| Rejection::new(path, None, format!("record {n}: {why}"));
    let split = body.windows(4).position(|w| w == b"\r\n\r\n").map(|p| (p, p + 4));
    let split = split.or_else(|| body.windows(2).position(|w| w == b"\n\n").map(|p| (p, p + 2)));
    let Some((head_end, payload_start)) = split else {
        return Some(Err(reject("HTTP response without a header end".into())));
    };
    let head = String::from_utf8_lossy(&body[..head_end]);
    let lines: Vec<String> = head.lines().map(str::to_string).collect();
    let status = lines.first().and_then(|l| l.split_whitespace().nth(1)).unwrap_or("");
    let ctype = header(&lines, "Content-Type").unwrap_or("").to_ascii_lowercase();
    if !ctype.contains("html") || !status.starts_with('2') {
        return None;
    }
    if header(&lines, "Content-Encoding").is_some_and(|e| !e.eq_ignore_ascii_case("identity")) {
        return Some(Err(reject("compressed HTTP payload (Content-Encoding) is not read".into())));
    }
    let declared = ctype.split_once("charset=").and_then(|(_, c)| encoding_rs::Encoding::for_label(c.trim_matches(['"', ' ']).as_bytes()));
    let payload = &body[payload_start..];
    let text = match decode::decode(payload, declared, true) {
        Ok((t, _)) => t,
        Err(why) => return Some(Err(reject(why))),
    };
    Some(Ok(RawDoc {
        id: format!("{stem}-{n}"),
        origin: Origin { path: path.to_string(), line: Some(n) },
        format: SourceFormat::Html,
        hash: content_hash(payload),
        text,
        url,
        ..Default::default()
    }))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn record(kind: &str, ctype: &str, body: &str) -> String {
        format!(
            "WARC/1.0\r\nWARC-Type: {kind}\r\nWARC-Target-URI: https://example.org/a\r\nContent-Type: {ctype}\r\nContent-Length: {}\r\n\r\n{body}\r\n\r\n",
            body.len()
        )
    }

    fn read(bytes: Vec<u8>, gz: bool) -> Vec<Item> {
        records("x.warc".into(), "x".into(), Box::new(std::io::Cursor::new(bytes)), gz, IngestOptions::default()).collect()
    }

    fn sample() -> String {
        let page = "HTTP/1.1 200 OK\r\nContent-Type: text/html; charset=utf-8\r\n\r\n<html><body><p>Hello.</p></body></html>";
        let image = "HTTP/1.1 200 OK\r\nContent-Type: image/png\r\n\r\nPNG";
        [
            record("warcinfo", "application/warc-fields", "software: test"),
            record("request", "application/http; msgtype=request", "GET /a HTTP/1.1\r\n\r\n"),
            record("response", "application/http; msgtype=response", page),
            record("response", "application/http; msgtype=response", image),
            record("response", "application/http; msgtype=response", page),
        ]
        .concat()
    }

    #[test]
    fn html_responses_are_pages() {
        let items = read(sample().into_bytes(), false);
        assert_eq!(items.len(), 2, "{items:?}");
        let d = items[0].as_ref().unwrap();
        assert_eq!((d.format, d.url.as_deref(), d.origin.line), (SourceFormat::Html, Some("https://example.org/a"), Some(3)));
        assert!(d.text.contains("<p>Hello.</p>"));
    }

    #[test]
    fn gzip_and_truncation() {
        use std::io::Write;
        let mut gz = flate2::write::GzEncoder::new(Vec::new(), flate2::Compression::fast());
        gz.write_all(sample().as_bytes()).unwrap();
        let bytes = gz.finish().unwrap();
        assert_eq!(read(bytes.clone(), true).iter().filter(|i| i.is_ok()).count(), 2);
        // Cut the compressed stream short: what came before is read, then one clear rejection.
        let items = read(bytes[..bytes.len() - 30].to_vec(), true);
        let last = items.last().unwrap().as_ref().unwrap_err();
        assert!(last.reason.contains("truncated"), "{last}");
        // A plain file cut inside a record.
        let s = sample();
        let items = read(s.as_bytes()[..s.len() - 20].to_vec(), false);
        assert_eq!(items.iter().filter(|i| i.is_ok()).count(), 1);
        assert!(items.last().unwrap().as_ref().unwrap_err().reason.contains("truncated"));
        // Not a WARC file at all.
        let items = read(b"hello there\n\n".to_vec(), false);
        assert!(items[0].as_ref().unwrap_err().reason.contains("not a WARC record"));
    }
}
