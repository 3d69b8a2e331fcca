//! Grouping documents into stories.
//!
//! A document joins the story whose actors and words it shares most (a weighted overlap of
//! actor ids and of content words), if that share passes a threshold and the dates are within
//! a window; otherwise it starts a story. Documents are taken in date order, so the result does
//! not depend on the order files were read. A story's profile is bounded (its most frequent
//! words), so the cost of a comparison does not grow with the story.

use std::collections::{BTreeMap, BTreeSet};

use sitrep_model::{Story, short_id};

use crate::summary::{DocSummary, Features};

/// Days a story stays open to new reports.
pub const WINDOW_DAYS: i64 = 14;
/// Similarity a document needs to join a story.
pub const THRESHOLD: f64 = 0.3;
/// Words a story's profile keeps.
const STORY_WORDS: usize = 300;

fn day_number(date: &str) -> Option<i64> {
    let y: i64 = date.get(0..4)?.parse().ok()?;
    let m: i64 = date.get(5..7).and_then(|m| m.parse().ok()).unwrap_or(1);
    let d: i64 = date.get(8..10).and_then(|d| d.parse().ok()).unwrap_or(1);
    Some(y * 372 + m * 31 + d) // monotone, close enough for a window in days
}

/// A document's date as a day number, for the window.
pub fn date_of(doc: &DocSummary) -> Option<i64> {
    doc.published.as_deref().and_then(day_number)
}

fn dice(a: &BTreeSet<String>, b: &BTreeSet<String>) -> f64 {
    if a.is_empty() || b.is_empty() {
        return 0.0;
    }
    let inter = a.intersection(b).count() as f64;
    inter / (a.len() + b.len()) as f64 * 2.0 // kinder to documents of unequal length
}

/// Similarity of two documents' features, in [0, 1].
pub fn similarity(a: &Features, b: &Features) -> f64 {
    0.5 * dice(&a.actors, &b.actors) + 0.5 * dice(&a.words, &b.words)
}

pub fn within_window(a: Option<i64>, b: Option<i64>) -> bool {
    match (a, b) {
        (Some(x), Some(y)) => (x - y).abs() <= WINDOW_DAYS,
        _ => true,
    }
}

/// A story being built: its profile and members.
struct Open {
    actors: BTreeMap<String, usize>,
    words: BTreeMap<String, usize>,
    profile: Features,
    date: Option<i64>,
    members: Vec<usize>,
}

impl Open {
    fn add(&mut self, f: &Features, date: Option<i64>, i: usize) {
        for a in &f.actors {
            *self.actors.entry(a.clone()).or_default() += 1;
        }
        for w in &f.words {
            *self.words.entry(w.clone()).or_default() += 1;
        }
        let top = |m: &BTreeMap<String, usize>, n: usize| {
            let mut v: Vec<(&String, &usize)> = m.iter().collect();
            v.sort_by(|a, b| b.1.cmp(a.1).then(a.0.cmp(b.0)));
            v.into_iter().take(n).map(|(k, _)| k.clone()).collect::<BTreeSet<String>>()
        };
        self.profile = Features { actors: top(&self.actors, 60), words: top(&self.words, STORY_WORDS), minhash: Vec::new() };
        // Bound the counters too: drop the rarest once they grow large.
        for m in [&mut self.actors, &mut self.words] {
            if m.len() > 4 * STORY_WORDS {
                let keep: BTreeSet<String> = top(m, 2 * STORY_WORDS);
                m.retain(|k, _| keep.contains(k));
            }
        }
        self.date = date.or(self.date);
        self.members.push(i);
    }
}

/// Cluster documents into stories; each story lists its documents, outlets and events.
pub fn cluster(docs: &[DocSummary], name_of: &dyn Fn(&str) -> String) -> Vec<Story> {
    let mut order: Vec<usize> = (0..docs.len()).collect();
    order.sort_by(|&a, &b| docs[a].published.cmp(&docs[b].published).then(docs[a].id.cmp(&docs[b].id)));
    let mut open: Vec<Open> = Vec::new();
    for &i in &order {
        let f = &docs[i].features;
        let date = date_of(&docs[i]);
        let best = open
            .iter()
            .enumerate()
            .filter(|(_, s)| within_window(s.date, date))
            .map(|(k, s)| (k, similarity(&s.profile, f)))
            .filter(|(_, s)| *s >= THRESHOLD)
            .max_by(|a, b| a.1.total_cmp(&b.1));
        match best {
            Some((k, _)) => open[k].add(f, date, i),
            None => {
                let mut s = Open { actors: BTreeMap::new(), words: BTreeMap::new(), profile: Features::default(), date, members: vec![] };
                s.add(f, date, i);
                open.push(s);
            }
        }
    }
    open.into_iter().map(|s| story(docs, &s.members, name_of)).collect()
}

fn story(docs: &[DocSummary], members: &[usize], name_of: &dyn Fn(&str) -> String) -> Story {
    let mut ids: Vec<String> = members.iter().map(|&i| docs[i].id.clone()).collect();
    ids.sort();
    let mut outlets: Vec<String> = members.iter().filter_map(|&i| docs[i].outlet.clone()).collect();
    outlets.sort();
    outlets.dedup();
    let mut dates: Vec<String> = members.iter().filter_map(|&i| docs[i].published.clone()).collect();
    dates.sort();
    let mut events = Vec::new();
    let mut actor_count: BTreeMap<String, usize> = BTreeMap::new();
    let mut type_count: BTreeMap<&str, usize> = BTreeMap::new();
    for &i in members {
        for e in &docs[i].events {
            events.push(e.id.clone());
            for ep in [&e.source, &e.target] {
                if ep.is_empty() {
                    continue;
                }
                // Count a sector as its state ("PAKMIL" is Pakistan).
                let key = if ep.len() > 3 && !ep.contains(':') { ep[..3].to_string() } else { ep.clone() };
                *actor_count.entry(key).or_default() += 1;
            }
            *type_count.entry(e.kind.as_str()).or_default() += 1;
        }
    }
    let mut top: Vec<(String, usize)> = actor_count.into_iter().collect();
    top.sort_by(|a, b| b.1.cmp(&a.1).then(a.0.cmp(&b.0)));
    let names: Vec<String> = top.iter().take(2).map(|(a, _)| name_of(a)).collect();
    let kind = type_count.into_iter().max_by(|a, b| a.1.cmp(&b.1).then(b.0.cmp(a.0))).map(|(k, _)| k).unwrap_or("no events");
    let label = if names.is_empty() {
        docs[members[0]].title.clone().unwrap_or_else(|| ids[0].clone())
    } else {
        format!("{}: {}", names.join(" – "), kind)
    };
    Story {
        id: short_id(&ids.iter().map(String::as_str).collect::<Vec<_>>()),
        label,
        start: dates.first().cloned(),
        end: dates.last().cloned(),
        docs: ids,
        outlets,
        events,
    }
}
