//! Main-text extraction over a folder of pages, for `bench/extract.sh`.
//!
//! `extract_bench DIR` reads every `*.html` or `*.html.gz` in DIR into memory, then extracts and
//! cleans each page, timing only that. It prints one JSON line per page (`id`, `text`) and a last
//! line with the totals (`pages`, `seconds`, `pages_per_s`, `bytes`). `SITREP_BENCH_STAGE=extract`
//! prints the text before cleaning; `SITREP_BENCH_STAGE=removed` prints what cleaning removed;
//! `SITREP_BENCH_STAGE=meta` prints each page's date, title and authors.

use std::io::{Read, Write};
use std::time::Instant;

use sitrep_model::{RawDoc, SourceFormat};

fn main() {
    let dir = std::env::args().nth(1).expect("usage: extract_bench DIR");
    let mut pages: Vec<(String, String)> = Vec::new();
    let mut names: Vec<_> = std::fs::read_dir(&dir).expect("readable folder").filter_map(Result::ok).map(|e| e.path()).collect();
    names.sort();
    for path in names {
        let name = path.file_name().unwrap().to_string_lossy().into_owned();
        let (id, gz) = if let Some(id) = name.strip_suffix(".html.gz") {
            (id.to_string(), true)
        } else if let Some(id) = name.strip_suffix(".html") {
            (id.to_string(), false)
        } else {
            continue;
        };
        let bytes = std::fs::read(&path).expect("readable page");
        let mut text = String::new();
        if gz {
            let mut raw = Vec::new();
            flate2::read::GzDecoder::new(&bytes[..]).read_to_end(&mut raw).expect("gzip");
            text = String::from_utf8_lossy(&raw).into_owned();
        } else {
            text.push_str(&String::from_utf8_lossy(&bytes));
        }
        pages.push((id, text));
    }
    let bytes: usize = pages.iter().map(|p| p.1.len()).sum();
    // SITREP_BENCH_STAGE=extract leaves cleaning out, to see what each stage costs and gives.
    let extract_only = std::env::var("SITREP_BENCH_STAGE").is_ok_and(|s| s == "extract");
    let removals = std::env::var("SITREP_BENCH_STAGE").is_ok_and(|s| s == "removed");
    if std::env::var("SITREP_BENCH_STAGE").is_ok_and(|s| s == "meta") {
        // Publication date, title and authors through the whole text stage.
        for (id, html) in &pages {
            let raw = RawDoc { id: id.clone(), format: SourceFormat::Html, text: html.clone(), ..Default::default() };
            let line = match sitrep_text::process(&raw) {
                Ok((a, _)) => serde_json::json!({"id": id, "published": a.published, "title": a.title, "authors": a.authors}),
                Err(e) => serde_json::json!({"id": id, "error": e.to_string()}),
            };
            println!("{line}");
        }
        return;
    }
    let start = Instant::now();
    let mut results = Vec::with_capacity(pages.len());
    for (id, html) in &pages {
        let raw = RawDoc { id: id.clone(), format: SourceFormat::Html, text: html.clone(), ..Default::default() };
        let text = match sitrep_text::extract::extract(&raw) {
            Ok(e) if extract_only => e.text,
            Ok(e) if removals => {
                let c = sitrep_text::clean::clean(&e.text, e.title.as_deref());
                let removed: Vec<_> = c.removed.iter().map(|r| serde_json::json!([r.reason, r.text])).collect();
                serde_json::to_string(&removed).unwrap()
            }
            Ok(e) => sitrep_text::clean::clean(&e.text, e.title.as_deref()).text,
            Err(_) => String::new(),
        };
        results.push(text);
    }
    let seconds = start.elapsed().as_secs_f64();
    let mut out = std::io::BufWriter::new(std::io::stdout().lock());
    for ((id, _), text) in pages.iter().zip(&results) {
        writeln!(out, "{}", serde_json::json!({"id": id, "text": text})).unwrap();
    }
    let n = pages.len();
    writeln!(out, "{}", serde_json::json!({"pages": n, "seconds": seconds, "pages_per_s": n as f64 / seconds, "bytes": bytes})).unwrap();
}
