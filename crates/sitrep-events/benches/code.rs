//! Event coding over the example corpus's articles, actors already found.
//!
//! Throughput is in sentences (criterion's "elem/s"): criterion runs on one thread, so the figure
//! is sentences per second per core. `cargo bench -p sitrep-events --bench code`.

use criterion::{Criterion, Throughput, criterion_group, criterion_main};
use sitrep_model::RawDoc;

fn bench(c: &mut Criterion) {
    let dict = sitrep_actors::Dictionary::builtin().expect("dictionary");
    let lexicon = sitrep_events::Lexicon::builtin().expect("lexicon");
    let geo = sitrep_geo::Places::builtin();
    let dir = concat!(env!("CARGO_MANIFEST_DIR"), "/../../examples/corpus");
    let mut paths: Vec<_> = std::fs::read_dir(dir).expect("examples/corpus").filter_map(|e| e.ok().map(|e| e.path())).collect();
    paths.sort();
    let docs: Vec<_> = paths
        .iter()
        .filter(|p| p.extension().is_some_and(|e| e == "txt"))
        .map(|p| {
            let raw = RawDoc { id: "b".into(), text: std::fs::read_to_string(p).expect("read"), ..Default::default() };
            let article = sitrep_text::process(&raw).expect("article").0;
            let (mentions, actors) = sitrep_actors::analyse(&dict, &article);
            (article, mentions, actors)
        })
        .collect();
    let bytes: usize = docs.iter().map(|d| d.0.text.len()).sum();
    let sentences: usize = docs.iter().map(|d| d.0.sentences.len()).sum();
    eprintln!("events/code: {} articles, {sentences} sentences, {bytes} bytes", docs.len());
    let mut g = c.benchmark_group("events");
    g.throughput(Throughput::Elements(sentences as u64));
    g.bench_function("code", |b| {
        b.iter(|| docs.iter().map(|(a, m, act)| sitrep_events::code(&lexicon, &geo, a, m, act).len()).sum::<usize>())
    });
    g.finish();
}

criterion_group!(benches, bench);
criterion_main!(benches);
