//! Throughput of the corpus stage's two incremental steps, near-duplicates and story clustering,
//! with many documents already present. Prints a Markdown table; asserts nothing.
//!
//! Documents are synthetic summaries (features as the store keeps them), made deterministically:
//! a stream at a fixed number of reports a day, where each report starts a story or follows one
//! begun in the last few days, draws most of its words, names and actors from its story and the
//! rest from Zipf-distributed background vocabularies, and one report in ten is an edited copy
//! of an earlier one (a tenth of its words replaced). MinHash signatures are computed from the
//! generated text before the clock starts.
//!
//!     cargo run --release -p sitrep-corpus --example stories_bench -- --present 10000,100000
//!
//! Options: --present N[,N...] (documents fed first, timed as a bulk load), --measure M
//! (documents then timed one by one, default 2000), --per-day R (default 1000), --seed S,
//! --dedup-window DAYS (forget documents older than that in the near-duplicate index).

use std::collections::{BTreeMap, BTreeSet};
use std::time::Instant;

use sitrep_corpus::Features;
use sitrep_corpus::dedup::{self, Index};
use sitrep_corpus::stories::Clusterer;

/// splitmix64: a small deterministic generator.
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9E37_79B9_7F4A_7C15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        z ^ (z >> 31)
    }
    fn below(&mut self, n: usize) -> usize {
        (self.next() % n as u64) as usize
    }
    fn chance(&mut self, p: f64) -> bool {
        (self.next() >> 11) as f64 / (1u64 << 53) as f64 <= p
    }
}

/// Zipf(1) over `n` items.
struct Zipf(Vec<f64>);

impl Zipf {
    fn new(n: usize) -> Zipf {
        let mut acc = 0.0;
        Zipf(
            (1..=n)
                .map(|k| {
                    acc += 1.0 / k as f64;
                    acc
                })
                .collect(),
        )
    }
    fn draw(&self, rng: &mut Rng) -> usize {
        let x = (rng.next() >> 11) as f64 / (1u64 << 53) as f64 * self.0.last().unwrap();
        self.0.partition_point(|&c| c < x).min(self.0.len() - 1)
    }
}

struct Topic {
    words: Vec<usize>,
    names: Vec<usize>,
    actors: Vec<usize>,
    day: i64,
    reports: Vec<String>,
}

struct Doc {
    id: String,
    day: i64,
    features: Features,
}

struct Stream {
    rng: Rng,
    words: Zipf,
    names: Zipf,
    actors: Zipf,
    topics: Vec<Topic>,
    texts: BTreeMap<String, String>,
    n: usize,
    per_day: usize,
}

impl Stream {
    fn new(seed: u64, per_day: usize) -> Stream {
        Stream {
            rng: Rng(seed),
            words: Zipf::new(30_000),
            names: Zipf::new(20_000),
            actors: Zipf::new(2_000),
            topics: Vec::new(),
            texts: BTreeMap::new(),
            n: 0,
            per_day,
        }
    }

    fn next(&mut self) -> Doc {
        let day = 19_000 + (self.n / self.per_day) as i64;
        let id = format!("d{:08}", self.n);
        self.n += 1;
        // Stories stay in the news for up to five days.
        self.topics.retain(|t| day - t.day <= 5);
        if self.topics.is_empty() || self.rng.chance(0.45) {
            let r = &mut self.rng;
            let words = (0..80).map(|_| 2_000 + r.below(28_000)).collect();
            let names = (0..12).map(|_| self.names.draw(r)).collect();
            let actors = (0..4).map(|_| self.actors.draw(r)).collect();
            self.topics.push(Topic { words, names, actors, day, reports: Vec::new() });
        }
        let k = self.rng.below(self.topics.len());
        let copy = !self.topics[k].reports.is_empty() && self.rng.chance(0.10);
        let text = if copy {
            let from = self.topics[k].reports[self.rng.below(self.topics[k].reports.len())].clone();
            let original = self.texts[&from].clone();
            original.split(' ').map(|w| if self.rng.chance(0.10) { "replaced" } else { w }).collect::<Vec<_>>().join(" ")
        } else {
            let mut paras = Vec::new();
            for _ in 0..5 {
                let mut p = Vec::new();
                for _ in 0..50 {
                    let w = if self.rng.chance(0.55) {
                        self.topics[k].words[self.rng.below(self.topics[k].words.len())]
                    } else {
                        self.words.draw(&mut self.rng)
                    };
                    p.push(format!("w{w}"));
                }
                paras.push(p.join(" "));
            }
            paras.join("\n\n")
        };
        let mut counts: BTreeMap<&str, usize> = BTreeMap::new();
        for w in text.split_whitespace() {
            *counts.entry(w).or_default() += 1;
        }
        let mut ranked: Vec<(&str, usize)> = counts.into_iter().collect();
        ranked.sort_by(|a, b| b.1.cmp(&a.1).then(a.0.cmp(b.0)));
        let t = &self.topics[k];
        let mut names: BTreeSet<String> = t.names.iter().filter(|_| self.rng.chance(0.7)).map(|n| format!("n{n}")).collect();
        names.insert(format!("n{}", self.names.draw(&mut self.rng)));
        let mut actors: BTreeSet<String> = t.actors.iter().map(|a| format!("A{a}")).collect();
        actors.insert(format!("A{}", self.actors.draw(&mut self.rng)));
        let features = Features {
            words: ranked.into_iter().take(sitrep_corpus::summary::WORDS_PER_DOC).map(|(w, _)| w.to_string()).collect(),
            names,
            actors,
            minhash: dedup::signature(&text),
        };
        self.topics[k].reports.push(id.clone());
        self.texts.insert(id.clone(), text);
        // Texts are only needed to make copies of recent reports.
        if self.texts.len() > 20 * self.per_day {
            let old = self.texts.keys().next().cloned().unwrap();
            self.texts.remove(&old);
            for t in &mut self.topics {
                t.reports.retain(|r| r != &old);
            }
        }
        Doc { id, day, features }
    }
}

fn peak_rss_mb() -> f64 {
    let status = std::fs::read_to_string("/proc/self/status").unwrap_or_default();
    status
        .lines()
        .find(|l| l.starts_with("VmHWM:"))
        .and_then(|l| l.split_whitespace().nth(1))
        .and_then(|kb| kb.parse::<f64>().ok())
        .map_or(f64::NAN, |kb| kb / 1024.0)
}

fn arg<T: std::str::FromStr>(args: &[String], name: &str) -> Option<T> {
    args.iter().position(|a| a == name).and_then(|i| args.get(i + 1)).and_then(|v| v.parse().ok())
}

fn main() {
    let args: Vec<String> = std::env::args().collect();
    let present: Vec<usize> = arg::<String>(&args, "--present")
        .unwrap_or_else(|| "10000,100000".into())
        .split(',')
        .map(|n| n.trim().parse().expect("--present N[,N...]"))
        .collect();
    let measure: usize = arg(&args, "--measure").unwrap_or(2000);
    let per_day: usize = arg(&args, "--per-day").unwrap_or(1000);
    let seed: u64 = arg(&args, "--seed").unwrap_or(7);
    let window: Option<i64> = arg(&args, "--dedup-window");
    println!(
        "| present | load (docs/s) | measured | dedup (docs/s) | clustering (docs/s) | both (docs/s) | open stories | copies found | peak RSS |"
    );
    println!("| ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |");
    for &n in &present {
        let mut stream = Stream::new(seed, per_day);
        let mut index = Index::with_window(window);
        let mut clusterer = Clusterer::new();
        let mut copies = 0usize;
        // Load: generate and add the documents already present (generation not timed).
        let mut load = std::time::Duration::ZERO;
        let mut batch = Vec::with_capacity(10_000);
        let mut done = 0;
        while done < n {
            batch.clear();
            while batch.len() < 10_000 && done + batch.len() < n {
                batch.push(stream.next());
            }
            let t = Instant::now();
            for mut d in batch.drain(..) {
                copies += index.add(std::mem::take(&mut d.features.minhash), Some(d.day)).is_some() as usize;
                clusterer.add(&d.id, Some(d.day), &d.features);
                clusterer.take_closed();
                done += 1;
            }
            load += t.elapsed();
        }
        // Measure: the next documents, one step at a time.
        let docs: Vec<Doc> = (0..measure).map(|_| stream.next()).collect();
        let (mut t_dedup, mut t_cluster) = (std::time::Duration::ZERO, std::time::Duration::ZERO);
        for mut d in docs {
            let sig = std::mem::take(&mut d.features.minhash);
            let t = Instant::now();
            copies += index.add(sig, Some(d.day)).is_some() as usize;
            let u = Instant::now();
            clusterer.add(&d.id, Some(d.day), &d.features);
            clusterer.take_closed();
            t_cluster += u.elapsed();
            t_dedup += u - t;
        }
        let rate = |d: std::time::Duration| measure as f64 / d.as_secs_f64();
        println!(
            "| {n} | {:.0} | {measure} | {:.0} | {:.0} | {:.0} | {} | {copies} | {:.0} MB |",
            n as f64 / load.as_secs_f64().max(1e-9),
            rate(t_dedup),
            rate(t_cluster),
            rate(t_dedup + t_cluster),
            clusterer.open().count(),
            peak_rss_mb()
        );
    }
}
