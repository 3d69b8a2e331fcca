//! What the cross-document stage needs of a document, and nothing more.
//!
//! Loading every stored article (text, sentences, alignment, event JSON) to recompute stories
//! made memory grow with the corpus. A `DocSummary` is small and bounded: the document's actors,
//! the ids its mentions resolve to, its most frequent content words, and its events' keys.

use std::collections::{BTreeMap, BTreeSet};

use serde::{Deserialize, Serialize};
use sitrep_model::{Actor, Doc, EventType, MentionKind, Status};

/// Content words kept per document: enough to tell stories apart, bounded whatever the length.
pub const WORDS_PER_DOC: usize = 150;

const STOP: &[&str] = &[
    "the",
    "a",
    "an",
    "and",
    "or",
    "of",
    "to",
    "in",
    "on",
    "at",
    "for",
    "with",
    "by",
    "from",
    "that",
    "this",
    "these",
    "those",
    "is",
    "are",
    "was",
    "were",
    "be",
    "been",
    "has",
    "have",
    "had",
    "it",
    "its",
    "their",
    "his",
    "her",
    "as",
    "but",
    "not",
    "also",
    "said",
    "says",
    "after",
    "before",
    "which",
    "who",
    "will",
    "would",
    "could",
    "there",
    "than",
    "more",
    "about",
    "into",
    "over",
    "they",
    "he",
    "she",
    "we",
    "our",
    "new",
    "other",
    "while",
    "amid",
    "when",
    "what",
    "them",
    "since",
    "some",
    "most",
    "many",
    "such",
    "been",
    "being",
    "where",
    "last",
    "year",
    "years",
    "told",
    "including",
];

/// An event reduced to what makes it the same fact as another.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct EventKey {
    pub id: String,
    pub kind: EventType,
    pub source: String,
    pub target: String,
    pub status: Status,
}

/// The features a document brings to stories (stored per document at ingest).
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct Features {
    /// Actor ids its mentions resolve to (not bare sectors or nationalities).
    pub actors: BTreeSet<String>,
    /// Its most frequent content words.
    pub words: BTreeSet<String>,
    /// MinHash signature of its word shingles, for near-duplicates.
    #[serde(default)]
    pub minhash: Vec<u32>,
}

impl Features {
    pub fn of(doc: &Doc) -> Features {
        let actors = doc
            .mentions
            .iter()
            .filter(|m| !matches!(m.kind, MentionKind::Agent | MentionKind::Nationality))
            .filter_map(|m| m.actor.clone())
            .collect();
        let mut counts: BTreeMap<String, usize> = BTreeMap::new();
        for w in doc.article.text.split(|c: char| !c.is_alphanumeric()) {
            let w = w.to_lowercase();
            if w.chars().count() > 3 && !STOP.contains(&w.as_str()) && !w.chars().all(|c| c.is_ascii_digit()) {
                *counts.entry(w).or_default() += 1;
            }
        }
        let mut ranked: Vec<(String, usize)> = counts.into_iter().collect();
        ranked.sort_by(|a, b| b.1.cmp(&a.1).then(a.0.cmp(&b.0)));
        let words = ranked.into_iter().take(WORDS_PER_DOC).map(|(w, _)| w).collect();
        Features { actors, words, minhash: crate::dedup::signature(&doc.article.text) }
    }
}

/// One document as the corpus stage sees it.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct DocSummary {
    pub id: String,
    pub title: Option<String>,
    pub outlet: Option<String>,
    pub published: Option<String>,
    pub actors: Vec<Actor>,
    pub features: Features,
    pub events: Vec<EventKey>,
}

impl DocSummary {
    pub fn of(doc: &Doc) -> DocSummary {
        let a = &doc.article;
        DocSummary {
            id: a.id.clone(),
            title: a.title.clone(),
            outlet: a.outlet.clone(),
            published: a.published.clone(),
            actors: doc.actors.clone(),
            features: Features::of(doc),
            events: doc
                .events
                .iter()
                .map(|e| EventKey {
                    id: e.id.clone(),
                    kind: e.kind,
                    source: e.source.as_ref().map(|s| s.actor.clone()).unwrap_or_default(),
                    target: e.target.as_ref().map(|t| t.actor.clone()).unwrap_or_default(),
                    status: e.status,
                })
                .collect(),
        }
    }
}
