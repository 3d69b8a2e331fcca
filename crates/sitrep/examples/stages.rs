//! Per-stage throughput of the pipeline, and the aho-corasick floor, for `bench/run.sh`.
//!
//!     cargo run --release --example stages -- PATH...
//!
//! Reads every document at the paths into memory, then times each stage over all of them:
//! text, actors and events per document (on rayon's pool: `RAYON_NUM_THREADS=1` for one core),
//! then corpus (actor merging and stories) and store (SQLite, batches of 64 committed every
//! 1,024 documents as `sitrep ingest` does, one thread). Places are the gazetteer `sitrep`
//! loads (the populated-places table when there is one). The
//! floor is one pass of the actor dictionary's automaton over the folded text of the same
//! documents (folding timed apart). Prints one tab-separated line per stage:
//! `stage  seconds  MB/s  docs/s`, throughput over the input bytes.

use std::path::PathBuf;
use std::time::Instant;

use rayon::prelude::*;
use sitrep_actors::Dictionary;
use sitrep_actors::fold::Folded;
use sitrep_events::Lexicon;
use sitrep_geo::Places;
use sitrep_ingest::{IngestOptions, read_paths};
use sitrep_model::{Doc, RawDoc};
use sitrep_store::Store;

/// The same allocator as the `sitrep` binary, so the stages are timed as they run there.
#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;

fn line(stage: &str, secs: f64, bytes: usize, docs: usize) {
    println!("{stage}\t{secs:.3}\t{:.2}\t{:.0}", bytes as f64 / 1e6 / secs, docs as f64 / secs);
}

fn main() {
    let paths: Vec<PathBuf> = std::env::args().skip(1).map(PathBuf::from).collect();
    if paths.is_empty() {
        eprintln!("usage: stages PATH...");
        std::process::exit(2);
    }
    let raws: Vec<RawDoc> = read_paths(&paths, &IngestOptions::default()).expect("paths").filter_map(Result::ok).collect();
    let bytes: usize = raws.iter().map(|r| r.text.len()).sum();
    let n = raws.len();
    let dict = Dictionary::builtin().expect("dictionary");
    // The automaton a long ingest runs with (see `Dictionary::speed_up`).
    dict.speed_up();
    let lexicon = Lexicon::builtin().expect("lexicon");
    let geo = Places::load().unwrap_or_else(|_| Places::builtin());
    eprintln!("stages: {n} documents, {bytes} bytes, {} threads", rayon::current_num_threads());
    println!("stage\tseconds\tMB/s\tdocs/s");

    let t = Instant::now();
    let articles: Vec<_> = raws.par_iter().filter_map(|r| sitrep_text::process(r).ok()).collect();
    line("text", t.elapsed().as_secs_f64(), bytes, n);

    let t = Instant::now();
    let analysed: Vec<_> = articles.par_iter().map(|(a, _)| sitrep_actors::analyse(&dict, a)).collect();
    line("actors", t.elapsed().as_secs_f64(), bytes, n);

    let t = Instant::now();
    let events: Vec<_> =
        articles.par_iter().zip(analysed.par_iter()).map(|((a, _), (m, act))| sitrep_events::code(&lexicon, &geo, a, m, act)).collect();
    line("events", t.elapsed().as_secs_f64(), bytes, n);

    let docs: Vec<(Doc, String)> = articles
        .into_iter()
        .zip(analysed)
        .zip(events)
        .map(|(((article, source), (mentions, actors)), events)| (Doc { article, mentions, actors, events }, source))
        .collect();

    let t = Instant::now();
    let plain: Vec<sitrep_corpus::DocSummary> = docs.iter().map(|(d, _)| sitrep_corpus::DocSummary::of(d)).collect();
    let (actors, _merges) = sitrep_corpus::merge_actors(&plain, &|a, b| dict.never_merge(a, b));
    let stories = sitrep_corpus::cluster(&plain, &|id: &str| id.to_string());
    line("corpus", t.elapsed().as_secs_f64(), bytes, n);
    eprintln!("stages: {} actors, {} stories", actors.len(), stories.len());

    let dir = std::env::temp_dir().join(format!("sitrep-stages-{}", std::process::id()));
    std::fs::create_dir_all(&dir).expect("temp dir");
    // Rows are serialised on the analysis threads in `sitrep ingest`; the store line is the
    // SQLite writing alone, on one thread.
    let t = Instant::now();
    let prepared: Vec<sitrep_store::Prepared> =
        docs.into_par_iter().map(|(d, raw)| sitrep_store::Prepared::of(d, raw).expect("serialise")).collect();
    line("serialise", t.elapsed().as_secs_f64(), bytes, n);
    let t = Instant::now();
    {
        let mut store = Store::open(&dir.join("stages.db")).expect("store");
        for group in prepared.chunks(1024) {
            store.begin().expect("begin");
            for chunk in group.chunks(64) {
                store.put_batch(chunk, "bench").expect("put");
            }
            store.commit().expect("commit");
        }
    }
    line("store", t.elapsed().as_secs_f64(), bytes, n);
    let _ = std::fs::remove_dir_all(&dir);

    // The floor: one automaton pass over the same bytes, single thread, with the fastest
    // automaton (the DFA a long ingest switches to).
    let t = Instant::now();
    let folded: Vec<Folded> = raws.iter().map(|r| Folded::new(&r.text, 0)).collect();
    line("fold", t.elapsed().as_secs_f64(), bytes, n);
    let t = Instant::now();
    let hits: usize = folded.iter().map(|f| dict.hits(f).len()).sum();
    line("floor", t.elapsed().as_secs_f64(), bytes, n);
    eprintln!("stages: {hits} dictionary hits");
}
