//! Boilerplate learnt from an outlet's own pages: a short line that one outlet prints on page
//! after page ("Follow Dawn on WhatsApp", "The views expressed are the author's own") is not
//! article text, whatever its shape. Line-shape rules cannot know such lines; repetition across
//! documents of the same outlet does.
//!
//! A line becomes boilerplate for an outlet once it has been seen in [`MIN_PAGES`] of that
//! outlet's documents that are otherwise different (their paragraph sketches overlap less than
//! [`MAX_OVERLAP`]): three updates of one story share paragraphs and must keep them. Memory is
//! bounded per outlet, not by the corpus.

use std::collections::{BTreeMap, HashMap, HashSet};

/// Documents, pairwise different, that must carry a line before it counts as boilerplate.
pub const MIN_PAGES: usize = 3;

/// Above this estimated share of common paragraphs two documents count as versions of one page.
pub const MAX_OVERLAP: f64 = 0.5;

/// Only short lines are candidates: boilerplate is a label or a prompt, not a paragraph of news.
const MAX_WORDS: usize = 30;

/// Candidate lines remembered per outlet; the least recently seen are forgotten first.
const MAX_CANDIDATES: usize = 4096;

/// Size of a document's paragraph sketch (the smallest paragraph hashes).
const SKETCH: usize = 16;

/// The key a line is matched by: its letters and digits, lower-cased, hashed with a fixed hash
/// (so that keys agree between runs).
pub fn line_key(line: &str) -> u64 {
    // FNV-1a over the folded characters: small, fixed, and good enough for short lines.
    let mut h: u64 = 0xcbf2_9ce4_8422_2325;
    for c in line.chars().filter(|c| c.is_alphanumeric()).flat_map(char::to_lowercase) {
        let mut buf = [0u8; 4];
        for b in c.encode_utf8(&mut buf).bytes() {
            h ^= u64::from(b);
            h = h.wrapping_mul(0x0100_0000_01b3);
        }
    }
    h
}

/// An outlet's name as it is grouped by: trimmed and lower-cased.
pub fn outlet_key(outlet: &str) -> String {
    outlet.trim().to_lowercase()
}

#[derive(Default)]
struct Outlet {
    /// Candidate line keys: when they were last seen (a count of documents) and the sketches
    /// of the documents they were seen in.
    candidates: HashMap<u64, (u64, Vec<Vec<u64>>)>,
    /// Documents observed, the clock for `candidates`.
    pages: u64,
    /// Confirmed boilerplate: key and the line's text (for people and for the store).
    confirmed: BTreeMap<u64, String>,
}

/// What is known of each outlet's boilerplate.
#[derive(Default)]
pub struct OutletLines {
    outlets: BTreeMap<String, Outlet>,
}

impl OutletLines {
    /// Add a line known to be boilerplate (one learnt by an earlier run).
    pub fn insert_confirmed(&mut self, outlet: &str, line: &str) {
        self.outlets.entry(outlet_key(outlet)).or_default().confirmed.insert(line_key(line), line.to_string());
    }

    /// Every confirmed line, as (outlet, line).
    pub fn confirmed(&self) -> impl Iterator<Item = (&str, &str)> {
        self.outlets.iter().flat_map(|(o, v)| v.confirmed.values().map(move |l| (o.as_str(), l.as_str())))
    }

    /// Whether `line` is known boilerplate of `outlet`.
    pub fn is_boilerplate(&self, outlet: &str, line: &str) -> bool {
        self.outlets.get(&outlet_key(outlet)).is_some_and(|o| !o.confirmed.is_empty() && o.confirmed.contains_key(&line_key(line)))
    }

    /// Whether any paragraph of a clean `text` is known boilerplate of `outlet`.
    pub fn touches(&self, outlet: &str, text: &str) -> bool {
        let Some(o) = self.outlets.get(&outlet_key(outlet)) else { return false };
        !o.confirmed.is_empty() && paragraphs(text).any(|p| o.confirmed.contains_key(&line_key(p)))
    }

    /// Learn from one document of `outlet` (its clean text). Returns the lines that this
    /// document confirmed as boilerplate.
    pub fn observe(&mut self, outlet: &str, text: &str) -> Vec<String> {
        let mut keys: Vec<(u64, &str)> = paragraphs(text).map(|p| (line_key(p), p)).collect();
        let mut sketch: Vec<u64> = keys.iter().map(|k| k.0).collect();
        sketch.sort_unstable();
        sketch.dedup();
        sketch.truncate(SKETCH);
        keys.retain(|(_, p)| p.split_whitespace().count() <= MAX_WORDS);
        let o = self.outlets.entry(outlet_key(outlet)).or_default();
        o.pages += 1;
        let now = o.pages;
        let mut seen = HashSet::new();
        let mut new = Vec::new();
        for (key, line) in keys {
            if !seen.insert(key) || o.confirmed.contains_key(&key) {
                continue;
            }
            let (last, sightings) = o.candidates.entry(key).or_default();
            *last = now;
            if sightings.iter().all(|s| overlap(s, &sketch) < MAX_OVERLAP) {
                sightings.push(sketch.clone());
            }
            if sightings.len() >= MIN_PAGES {
                o.candidates.remove(&key);
                o.confirmed.insert(key, line.to_string());
                new.push(line.to_string());
            }
        }
        // Past the bound, the least recently seen quarter is forgotten (ties by key, so that the
        // same input always forgets the same lines).
        if o.candidates.len() > MAX_CANDIDATES {
            let mut by_age: Vec<(u64, u64)> = o.candidates.iter().map(|(k, (seen, _))| (*seen, *k)).collect();
            by_age.sort_unstable();
            for (_, k) in by_age.iter().take(MAX_CANDIDATES / 4) {
                o.candidates.remove(k);
            }
        }
        new
    }
}

/// The non-empty paragraphs of a clean text.
fn paragraphs(text: &str) -> impl Iterator<Item = &str> {
    text.split("\n\n").map(str::trim).filter(|p| !p.is_empty())
}

/// Estimated share of common paragraphs of two documents from their bottom-k sketches.
fn overlap(a: &[u64], b: &[u64]) -> f64 {
    let mut union: Vec<u64> = a.iter().chain(b).copied().collect();
    union.sort_unstable();
    union.dedup();
    union.truncate(SKETCH.min(union.len()));
    if union.is_empty() {
        return 0.0;
    }
    let both = union.iter().filter(|k| a.binary_search(k).is_ok() && b.binary_search(k).is_ok()).count();
    both as f64 / union.len() as f64
}

#[cfg(test)]
mod tests {
    use super::*;

    fn page(body: &str) -> String {
        format!("{body}\n\nFollow the Frontier Post on WhatsApp for updates")
    }

    #[test]
    fn a_line_on_three_different_pages_of_one_outlet_is_boilerplate() {
        let mut lines = OutletLines::default();
        assert!(lines.observe("Frontier Post", &page("Troops left the town on Monday.\n\nTalks resume next week.")).is_empty());
        assert!(lines.observe("Frontier Post", &page("The court adjourned the case.\n\nLawyers objected.")).is_empty());
        // Another outlet's page does not count for this one.
        assert!(lines.observe("Daily Star", &page("Floods hit the valley.\n\nSchools closed.")).is_empty());
        let new = lines.observe("frontier post ", &page("Prices rose again in March.\n\nTraders protested."));
        assert_eq!(new, ["Follow the Frontier Post on WhatsApp for updates"]);
        assert!(lines.is_boilerplate("Frontier Post", "follow the frontier post on WhatsApp for updates!"));
        assert!(!lines.is_boilerplate("Daily Star", "Follow the Frontier Post on WhatsApp for updates"));
        assert!(lines.touches("Frontier Post", &page("Anything.")));
    }

    #[test]
    fn versions_of_one_story_do_not_make_their_shared_lines_boilerplate() {
        let mut lines = OutletLines::default();
        let shared = "The minister said the border would reopen.\n\nTraders welcomed it.\n\nTrucks queued overnight.";
        for update in ["First update.", "Second update.", "Third update.", "Fourth update."] {
            assert!(lines.observe("Frontier Post", &format!("{update}\n\n{shared}")).is_empty());
        }
    }

    #[test]
    fn learnt_lines_round_trip_and_keys_are_stable() {
        let mut lines = OutletLines::default();
        lines.insert_confirmed("Dawn", "Read more on our app");
        assert_eq!(lines.confirmed().collect::<Vec<_>>(), [("dawn", "Read more on our app")]);
        assert_eq!(line_key("Read more, on our app."), line_key("read more on our APP"));
        assert_eq!(line_key("abc"), 0xe71f_a219_0541_574b);
    }
}
