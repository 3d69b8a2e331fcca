//! Sentence splitting over the example corpus's plain-text articles.

use criterion::{Criterion, Throughput, criterion_group, criterion_main};

fn texts() -> Vec<String> {
    let dir = concat!(env!("CARGO_MANIFEST_DIR"), "/../../examples/corpus");
    let mut paths: Vec<_> = std::fs::read_dir(dir).expect("examples/corpus").filter_map(|e| e.ok().map(|e| e.path())).collect();
    paths.sort();
    paths.iter().filter(|p| p.extension().is_some_and(|e| e == "txt")).map(|p| std::fs::read_to_string(p).expect("read")).collect()
}

fn bench(c: &mut Criterion) {
    let cleaned: Vec<_> = texts().iter().map(|t| sitrep_text::clean::clean(t, None)).collect();
    let bytes: usize = cleaned.iter().map(|c| c.text.len()).sum();
    let mut g = c.benchmark_group("text");
    g.throughput(Throughput::Bytes(bytes as u64));
    g.bench_function("sentences", |b| {
        b.iter(|| cleaned.iter().map(|c| sitrep_text::sentences(&c.text, &c.paragraphs).len()).sum::<usize>())
    });
    g.finish();
}

criterion_group!(benches, bench);
criterion_main!(benches);
