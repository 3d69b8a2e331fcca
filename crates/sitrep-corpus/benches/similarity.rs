//! Story similarity: every pair of the example corpus's articles, features computed once.

use criterion::{Criterion, criterion_group, criterion_main};
use sitrep_corpus::Features;
use sitrep_corpus::stories::similarity;
use sitrep_model::{Doc, RawDoc};

fn bench(c: &mut Criterion) {
    let dict = sitrep_actors::Dictionary::builtin().expect("dictionary");
    let dir = concat!(env!("CARGO_MANIFEST_DIR"), "/../../examples/corpus");
    let mut paths: Vec<_> = std::fs::read_dir(dir).expect("examples/corpus").filter_map(|e| e.ok().map(|e| e.path())).collect();
    paths.sort();
    let feats: Vec<_> = paths
        .iter()
        .filter(|p| p.extension().is_some_and(|e| e == "txt"))
        .map(|p| {
            let raw = RawDoc { id: "b".into(), text: std::fs::read_to_string(p).expect("read"), ..Default::default() };
            let article = sitrep_text::process(&raw).expect("article").0;
            let (mentions, actors) = sitrep_actors::analyse(&dict, &article);
            Features::of(&Doc { article, mentions, actors, events: Vec::new() })
        })
        .collect();
    c.bench_function("stories/similarity_all_pairs", |b| {
        b.iter(|| {
            let mut s = 0.0;
            for a in &feats {
                for b in &feats {
                    s += similarity(a, b);
                }
            }
            s
        })
    });
}

criterion_group!(benches, bench);
criterion_main!(benches);
