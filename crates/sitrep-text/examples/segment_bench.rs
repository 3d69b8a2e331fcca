//! Text-stage throughput on one thread: `segment_bench [DIR...] [--mb N]`.
//!
//! Reads the `.txt`, `.md` and `.html` files under the folders given (default
//! `../shared/seeds` and `examples/corpus`), repeats them to about N MB (default 20), and prints
//! the MB/s of `sitrep_text::process` (extraction, cleaning, sentences, dates) and of `sentences`
//! alone on the cleaned texts.

use std::time::Instant;

use sitrep_model::{RawDoc, SourceFormat};

fn files(dir: &std::path::Path, out: &mut Vec<(SourceFormat, String)>) {
    let Ok(entries) = std::fs::read_dir(dir) else { return };
    let mut paths: Vec<_> = entries.filter_map(Result::ok).map(|e| e.path()).collect();
    paths.sort();
    for p in paths {
        if p.is_dir() {
            files(&p, out);
            continue;
        }
        let format = match p.extension().and_then(|e| e.to_str()) {
            Some("txt") => SourceFormat::Text,
            Some("md") => SourceFormat::Markdown,
            Some("html") => SourceFormat::Html,
            _ => continue,
        };
        if let Ok(text) = std::fs::read_to_string(&p) {
            out.push((format, text));
        }
    }
}

fn main() {
    let mut args: Vec<String> = std::env::args().skip(1).collect();
    let mut mb = 20.0f64;
    if let Some(i) = args.iter().position(|a| a == "--mb") {
        mb = args.get(i + 1).and_then(|v| v.parse().ok()).expect("--mb N");
        args.drain(i..i + 2);
    }
    if args.is_empty() {
        args = vec!["../shared/seeds".into(), "examples/corpus".into()];
    }
    let mut docs = Vec::new();
    for a in &args {
        files(std::path::Path::new(a), &mut docs);
    }
    assert!(!docs.is_empty(), "no .txt, .md or .html files under {args:?}");
    let one: usize = docs.iter().map(|d| d.1.len()).sum();
    let copies = ((mb * 1e6) / one as f64).ceil().max(1.0) as usize;
    let raws: Vec<RawDoc> = (0..copies)
        .flat_map(|c| docs.iter().enumerate().map(move |(i, (f, t))| (c, i, *f, t)))
        .map(|(c, i, format, text)| RawDoc { id: format!("{c}-{i}"), format, text: text.clone(), ..Default::default() })
        .collect();
    let input_bytes: usize = raws.iter().map(|r| r.text.len()).sum();

    let start = Instant::now();
    let mut articles = Vec::with_capacity(raws.len());
    for r in &raws {
        if let Ok((a, _)) = sitrep_text::process(r) {
            articles.push(a);
        }
    }
    let process_s = start.elapsed().as_secs_f64();

    let clean_bytes: usize = articles.iter().map(|a| a.text.len()).sum();
    let start = Instant::now();
    let mut n = 0;
    for a in &articles {
        n += sitrep_text::sentences(&a.text, &a.paragraphs).len();
    }
    let sentences_s = start.elapsed().as_secs_f64();

    println!(
        "{} files x {copies} = {} docs, {:.1} MB input, {:.1} MB clean text, {n} sentences",
        docs.len(),
        raws.len(),
        input_bytes as f64 / 1e6,
        clean_bytes as f64 / 1e6
    );
    println!("process:   {:.2} s, {:.1} MB/s (input)", process_s, input_bytes as f64 / 1e6 / process_s);
    println!("sentences: {:.3} s, {:.1} MB/s (clean text)", sentences_s, clean_bytes as f64 / 1e6 / sentences_s);
}
