//! Dictionary matching and in-document resolution over the example corpus's articles.

use criterion::{Criterion, Throughput, criterion_group, criterion_main};
use sitrep_model::{Article, RawDoc};

fn articles() -> Vec<Article> {
    let dir = concat!(env!("CARGO_MANIFEST_DIR"), "/../../examples/corpus");
    let mut paths: Vec<_> = std::fs::read_dir(dir).expect("examples/corpus").filter_map(|e| e.ok().map(|e| e.path())).collect();
    paths.sort();
    paths
        .iter()
        .filter(|p| p.extension().is_some_and(|e| e == "txt"))
        .map(|p| {
            let raw = RawDoc { id: "b".into(), text: std::fs::read_to_string(p).expect("read"), ..Default::default() };
            sitrep_text::process(&raw).expect("article").0
        })
        .collect()
}

fn bench(c: &mut Criterion) {
    let dict = sitrep_actors::Dictionary::builtin().expect("dictionary");
    let articles = articles();
    let bytes: usize = articles.iter().map(|a| a.text.len()).sum();
    let mut g = c.benchmark_group("actors");
    g.throughput(Throughput::Bytes(bytes as u64));
    g.bench_function("analyse", |b| b.iter(|| articles.iter().map(|a| sitrep_actors::analyse(&dict, a).0.len()).sum::<usize>()));
    let folded: Vec<_> = articles.iter().map(|a| sitrep_actors::fold::Folded::new(&a.text, 0)).collect();
    // The NFA a run starts with, then the DFA a long run switches to (`Dictionary::speed_up`).
    g.bench_function("automaton_nfa", |b| b.iter(|| folded.iter().map(|f| dict.hits(f).len()).sum::<usize>()));
    dict.speed_up();
    g.bench_function("automaton", |b| b.iter(|| folded.iter().map(|f| dict.hits(f).len()).sum::<usize>()));
    g.bench_function("analyse_dfa", |b| b.iter(|| articles.iter().map(|a| sitrep_actors::analyse(&dict, a).0.len()).sum::<usize>()));
    g.finish();
}

criterion_group!(benches, bench);
criterion_main!(benches);
