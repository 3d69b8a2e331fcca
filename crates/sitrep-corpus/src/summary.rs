//! What the cross-document stage needs of a document, and nothing more.
//!
//! Loading every stored article (text, sentences, alignment, event JSON) to recompute stories
//! made memory grow with the corpus. A `DocSummary` is small and bounded: the document's actors,
//! the ids its mentions resolve to, its most frequent content words, and its events' keys.

use std::borrow::Cow;
use std::collections::BTreeSet;
use std::sync::LazyLock;

use rustc_hash::{FxHashMap, FxHashSet};
use serde::{Deserialize, Serialize};
use sitrep_model::calendar::is_calendar_word;
use sitrep_model::{Actor, Doc, EventType, MentionKind, Status};

/// Content words kept per document: enough to tell stories apart, bounded whatever the length.
pub const WORDS_PER_DOC: usize = 150;
/// Names (capitalised words inside sentences) kept per document.
pub const NAMES_PER_DOC: usize = 60;

/// Capitalised words that name no one in particular (besides days and months): titles, words
/// that open quotations. They would make unrelated reports look alike.
const NOT_NAMES: &[&str] = &[
    "president",
    "prime",
    "minister",
    "ministry",
    "general",
    "secretary",
    "foreign",
    "defence",
    "defense",
    "chief",
    "head",
    "state",
    "states",
    "national",
    "united",
    "council",
    "security",
    "army",
    "forces",
    "force",
    "the",
    "this",
    "that",
    "and",
    "but",
    "for",
    "with",
    "his",
    "her",
    "its",
    "their",
    "colonel",
    "major",
    "senior",
    "lieutenant",
    "spokesman",
    "spokeswoman",
    "office",
    "government",
    "republic",
    "affairs",
    "interior",
    "mr",
    "mrs",
    "ms",
];

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
    #[serde(deserialize_with = "sorted_set")]
    pub actors: BTreeSet<String>,
    /// Its most frequent content words (the title's among them).
    #[serde(deserialize_with = "sorted_set")]
    pub words: BTreeSet<String>,
    /// Its most frequent names: words capitalised inside a sentence (places, people, groups,
    /// operations), lowercased. They tell one event from another of the same kind.
    #[serde(default, deserialize_with = "sorted_set")]
    pub names: BTreeSet<String>,
    /// MinHash signature of its word shingles, for near-duplicates (the store keeps it in a
    /// column of its own).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub minhash: Vec<u32>,
}

/// A set read as a list and built in one go: stored sets are written in order, and building a
/// set from a sorted list is linear where inserting its terms one by one is not (the corpus
/// stage reads every document's features back).
fn sorted_set<'de, D: serde::Deserializer<'de>>(d: D) -> Result<BTreeSet<String>, D::Error> {
    Ok(Vec::<String>::deserialize(d)?.into_iter().collect())
}

impl Features {
    pub fn of(doc: &Doc) -> Features {
        let actors = doc
            .mentions
            .iter()
            .filter(|m| !matches!(m.kind, MentionKind::Agent | MentionKind::Nationality))
            .filter_map(|m| m.actor.clone())
            .collect();
        // Keys borrow from the text where the word is already lower case (most are): a string
        // is made only for the few words kept.
        let mut counts: FxHashMap<Cow<'_, str>, usize> = FxHashMap::default();
        let title = doc.article.title.as_deref().unwrap_or("");
        let text = doc.article.text.as_str();
        let found = Word::all(text);
        // The title counts twice: it says what the report is about.
        let title_words = title.split(|c: char| !c.is_alphanumeric()).map(|w| (w, None));
        let text_words = found.iter().map(|w| (w.raw, Some(&w.lower)));
        for (w, lowered) in title_words.clone().chain(title_words).chain(text_words) {
            // Three bytes hold at most three characters, lower-cased or not: too short.
            if w.len() <= 3 {
                continue;
            }
            let w = lowered.map_or_else(|| lower(w), |l| Cow::Borrowed(l.as_ref()));
            if (w.is_ascii() || w.chars().count() > 3) && !is_stop(&w) && !w.bytes().all(|b| b.is_ascii_digit()) {
                *counts.entry(w).or_insert(0) += 1;
            }
        }
        let words = top(counts, WORDS_PER_DOC);
        Features { actors, words, names: names(&doc.article, &found), minhash: crate::dedup::signature_of(text, &found) }
    }
}

/// A word in lower case, borrowed when it already is (most words are).
pub(crate) fn lower(w: &str) -> Cow<'_, str> {
    if w.bytes().all(|b| !b.is_ascii_uppercase() && b.is_ascii()) { Cow::Borrowed(w) } else { Cow::Owned(w.to_lowercase()) }
}

/// A word of a text (a run of letters and digits): where it starts, as written, and in lower
/// case. A document's words are found once and serve its signature, its word counts and its
/// names.
pub(crate) struct Word<'a> {
    pub start: usize,
    pub raw: &'a str,
    /// Borrowed from the text when the word is already lower case (most are).
    pub lower: std::borrow::Cow<'a, str>,
}

impl<'a> Word<'a> {
    pub(crate) fn all(text: &'a str) -> Vec<Word<'a>> {
        let mut out = Vec::new();
        let mut pos = 0;
        for raw in text.split(|c: char| !c.is_alphanumeric()) {
            let start = pos;
            // The separator after the word: one character, whatever its length in bytes.
            pos += raw.len() + text[start + raw.len()..].chars().next().map_or(0, char::len_utf8);
            if !raw.is_empty() {
                out.push(Word { start, raw, lower: lower(raw) });
            }
        }
        out
    }

    pub(crate) fn end(&self) -> usize {
        self.start + self.raw.len()
    }
}

/// Whether a lower-case word is a function word ([`STOP`]).
fn is_stop(w: &str) -> bool {
    static SET: LazyLock<FxHashSet<&'static str>> = LazyLock::new(|| STOP.iter().copied().collect());
    SET.contains(w)
}

/// The `n` most frequent keys (ties by key).
fn top<'a>(counts: impl IntoIterator<Item = (Cow<'a, str>, usize)>, n: usize) -> BTreeSet<String> {
    let mut ranked: Vec<(Cow<'a, str>, usize)> = counts.into_iter().collect();
    if ranked.len() > n && n > 0 {
        // Which keys are the first `n` needs no full sort; the set orders them.
        ranked.select_nth_unstable_by(n - 1, |a, b| b.1.cmp(&a.1).then(a.0.cmp(&b.0)));
    }
    ranked.into_iter().take(n).map(|(w, _)| w.into_owned()).collect()
}

/// Whether a lower-case word is in [`NOT_NAMES`].
fn is_not_name(w: &str) -> bool {
    static SET: LazyLock<FxHashSet<&'static str>> = LazyLock::new(|| NOT_NAMES.iter().copied().collect());
    SET.contains(w)
}

/// Words capitalised inside a sentence. A sentence's first word is capitalised whatever it is,
/// so it counts only when the word is also seen capitalised elsewhere.
fn names(article: &sitrep_model::Article, words: &[Word]) -> BTreeSet<String> {
    let text = article.text.as_str();
    let mut starts: Vec<usize> = article.sentences.iter().map(|s| s.start).chain(article.paragraphs.iter().map(|p| p.start)).collect();
    starts.sort_unstable();
    let mut inside: FxHashMap<Cow<'_, str>, usize> = FxHashMap::default();
    let mut opening: Vec<Cow<'_, str>> = Vec::new();
    // Words come in text order: the last sentence start at or before a word only moves on.
    let mut start = 0;
    for word in words {
        let (at, w) = (word.start, word.raw);
        if !w.chars().next().is_some_and(char::is_uppercase) || w.chars().count() < 2 {
            continue;
        }
        let lower = Cow::Borrowed(word.lower.as_ref());
        if is_not_name(&lower) || is_stop(&lower) || is_calendar_word(&lower) {
            continue;
        }
        while start < starts.len() && starts[start] <= at {
            start += 1;
        }
        // Opening a sentence: only quotation marks and spaces between its start and the word.
        let first = start > 0 && text[starts[start - 1]..at].chars().all(|c| !c.is_alphanumeric());
        if first {
            opening.push(lower);
        } else {
            *inside.entry(lower).or_insert(0) += 1;
        }
    }
    // A word opening several sentences counts once.
    opening.sort_unstable();
    opening.dedup();
    for w in opening {
        if let Some(c) = inside.get_mut(&w) {
            *c += 1;
        }
    }
    top(inside, NAMES_PER_DOC)
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

#[cfg(test)]
mod tests {
    use sitrep_model::{Article, Span};

    #[test]
    fn names_are_words_capitalised_inside_sentences() {
        let text = "Rescuers reached Amizmiz on Sunday. The quake hit Al Haouz. Amizmiz was cut off, and Rescuers said so.";
        let mut article = Article { text: text.into(), ..Default::default() };
        let mut start = 0;
        for s in text.split_inclusive(". ") {
            article.sentences.push(Span::new(start, start + s.trim_end().len()));
            start += s.len();
        }
        let names = super::names(&article, &super::Word::all(text));
        let got: Vec<&str> = names.iter().map(String::as_str).collect();
        // "The" opens a sentence only; "Rescuers" opens one but is also capitalised inside one.
        assert_eq!(got, vec!["al", "amizmiz", "haouz", "rescuers"]);
    }
}
