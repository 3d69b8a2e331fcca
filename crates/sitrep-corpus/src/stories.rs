//! Grouping documents into stories.
//!
//! A document joins the story whose actors and words it shares most (a weighted overlap of
//! actor ids and of content words), if that share passes a threshold and the dates are within
//! a window; otherwise it starts a story. Documents are taken in date order, so the result does
//! not depend on the order files were read.

use std::collections::{BTreeMap, BTreeSet};

use sitrep_model::{Doc, Story, short_id};

/// Days a story stays open to new reports.
pub const WINDOW_DAYS: i64 = 14;
/// Similarity a document needs to join a story.
pub const THRESHOLD: f64 = 0.3;

const STOP: &[&str] = &[
    "the", "a", "an", "and", "or", "of", "to", "in", "on", "at", "for", "with", "by", "from", "that", "this", "these", "those", "is",
    "are", "was", "were", "be", "been", "has", "have", "had", "it", "its", "their", "his", "her", "as", "but", "not", "also", "said",
    "says", "after", "before", "which", "who", "will", "would", "could", "there", "than", "more", "about", "into", "over", "they", "he",
    "she", "we", "our", "new", "other", "been", "while", "amid",
];

/// What a document brings to clustering.
pub struct Features {
    pub actors: BTreeSet<String>,
    pub words: BTreeSet<String>,
    pub date: Option<i64>,
}

fn day_number(date: &str) -> Option<i64> {
    let y: i64 = date.get(0..4)?.parse().ok()?;
    let m: i64 = date.get(5..7).and_then(|m| m.parse().ok()).unwrap_or(1);
    let d: i64 = date.get(8..10).and_then(|d| d.parse().ok()).unwrap_or(1);
    Some(y * 372 + m * 31 + d) // monotone, close enough for a window in days
}

pub fn features(doc: &Doc) -> Features {
    let actors = doc
        .mentions
        .iter()
        .filter(|m| !matches!(m.kind, sitrep_model::MentionKind::Agent | sitrep_model::MentionKind::Nationality))
        .filter_map(|m| m.actor.clone())
        .collect();
    let words = doc
        .article
        .text
        .split(|c: char| !c.is_alphanumeric())
        .map(str::to_lowercase)
        .filter(|w| w.len() > 3 && !STOP.contains(&w.as_str()) && !w.chars().all(|c| c.is_ascii_digit()))
        .collect();
    Features { actors, words, date: doc.article.published.as_deref().and_then(day_number) }
}

fn jaccard(a: &BTreeSet<String>, b: &BTreeSet<String>) -> f64 {
    if a.is_empty() || b.is_empty() {
        return 0.0;
    }
    let inter = a.intersection(b).count() as f64;
    inter / (a.len() + b.len()) as f64 * 2.0 // Dice: kinder to documents of unequal length
}

/// Similarity of two documents' features, in [0, 1].
pub fn similarity(a: &Features, b: &Features) -> f64 {
    0.5 * jaccard(&a.actors, &b.actors) + 0.5 * jaccard(&a.words, &b.words)
}

pub fn within_window(a: Option<i64>, b: Option<i64>) -> bool {
    match (a, b) {
        (Some(x), Some(y)) => (x - y).abs() <= WINDOW_DAYS,
        _ => true,
    }
}

/// Cluster documents into stories; each story lists its documents, outlets and events.
pub fn cluster(docs: &[Doc], name_of: &dyn Fn(&str) -> String) -> Vec<Story> {
    let mut order: Vec<usize> = (0..docs.len()).collect();
    order.sort_by(|&a, &b| docs[a].article.published.cmp(&docs[b].article.published).then(docs[a].article.id.cmp(&docs[b].article.id)));
    let feats: Vec<Features> = docs.iter().map(features).collect();
    let mut clusters: Vec<(Features, Vec<usize>)> = Vec::new();
    for &i in &order {
        let f = &feats[i];
        let best = clusters
            .iter()
            .enumerate()
            .filter(|(_, (cf, _))| within_window(cf.date, f.date))
            .map(|(k, (cf, _))| (k, similarity(cf, f)))
            .filter(|(_, s)| *s >= THRESHOLD)
            .max_by(|a, b| a.1.total_cmp(&b.1));
        match best {
            Some((k, _)) => {
                let (cf, members) = &mut clusters[k];
                cf.actors.extend(f.actors.iter().cloned());
                cf.words.extend(f.words.iter().cloned());
                cf.date = f.date.or(cf.date);
                members.push(i);
            }
            None => clusters.push((Features { actors: f.actors.clone(), words: f.words.clone(), date: f.date }, vec![i])),
        }
    }
    clusters.into_iter().map(|(_, members)| story(docs, &members, name_of)).collect()
}

fn story(docs: &[Doc], members: &[usize], name_of: &dyn Fn(&str) -> String) -> Story {
    let mut ids: Vec<String> = members.iter().map(|&i| docs[i].article.id.clone()).collect();
    ids.sort();
    let mut outlets: Vec<String> = members.iter().filter_map(|&i| docs[i].article.outlet.clone()).collect();
    outlets.sort();
    outlets.dedup();
    let mut dates: Vec<String> = members.iter().filter_map(|&i| docs[i].article.published.clone()).collect();
    dates.sort();
    let mut events = Vec::new();
    let mut actor_count: BTreeMap<String, usize> = BTreeMap::new();
    let mut type_count: BTreeMap<&str, usize> = BTreeMap::new();
    for &i in members {
        for e in &docs[i].events {
            events.push(e.id.clone());
            for ep in [&e.source, &e.target].into_iter().flatten() {
                let key = ep.country.clone().unwrap_or_else(|| ep.actor.clone());
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
        docs[members[0]].article.title.clone().unwrap_or_else(|| ids[0].clone())
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
