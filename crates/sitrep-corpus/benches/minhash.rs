//! MinHash signatures (near-duplicate detection): the example corpus's clean texts.

use criterion::{Criterion, Throughput, criterion_group, criterion_main};
use sitrep_corpus::dedup::signature;
use sitrep_model::RawDoc;

fn bench(c: &mut Criterion) {
    let dir = concat!(env!("CARGO_MANIFEST_DIR"), "/../../examples/corpus");
    let mut paths: Vec<_> = std::fs::read_dir(dir).expect("examples/corpus").filter_map(|e| e.ok().map(|e| e.path())).collect();
    paths.sort();
    let texts: Vec<String> = paths
        .iter()
        .filter(|p| p.extension().is_some_and(|e| e == "txt"))
        .map(|p| {
            let raw = RawDoc { id: "b".into(), text: std::fs::read_to_string(p).expect("read"), ..Default::default() };
            sitrep_text::process(&raw).expect("article").0.text
        })
        .collect();
    let mut group = c.benchmark_group("dedup");
    group.throughput(Throughput::Bytes(texts.iter().map(|t| t.len() as u64).sum()));
    group.bench_function("signature", |b| b.iter(|| texts.iter().map(|t| signature(t)[0] as u64).sum::<u64>()));
    group.finish();
}

criterion_group!(benches, bench);
criterion_main!(benches);
