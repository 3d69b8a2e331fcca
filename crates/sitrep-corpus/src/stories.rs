//! Grouping documents into stories.
//!
//! A document joins the story it resembles most, if the resemblance passes [`THRESHOLD`] and the
//! story's latest report is at most [`WINDOW_DAYS`] older and its first at most
//! [`MAX_SPAN_DAYS`]; otherwise it starts a story. The
//! resemblance weighs shared actors, names and content words, and fades with the days between
//! the document and the story (see [`time_factor`]): the same actors a year later make a new
//! story. Documents are taken in (publication date, id) order, undated ones first, so the result
//! does not depend on the order files were read.
//!
//! A story's profile is bounded (its most frequent actors, names and words), so a comparison
//! costs the same whatever the story's size, and only stories still open (inside the window) are
//! compared: memory and work follow the documents of the last few weeks, not the corpus. The
//! [`Clusterer`] keeps that rolling state; the store runs it incrementally (see
//! `sitrep::pipeline::update_corpus`).

use std::cmp::Reverse;
use std::collections::{BTreeMap, BTreeSet};

use rustc_hash::{FxHashMap, FxHashSet};
use serde::{Deserialize, Serialize};
use sitrep_model::{ActorKind, Story, calendar, short_id};

use crate::summary::{DocSummary, Features};

/// Days a story stays open to new reports after its latest one.
pub const WINDOW_DAYS: i64 = 14;
/// Days a story may span from its first report: reports on a running conflict keep arriving
/// within the window for months, and without a bound they would chain into one story of
/// thousands of reports (a siege in its second month is a new story that follows the first).
pub const MAX_SPAN_DAYS: i64 = 30;
/// Similarity a document needs to join a story (chosen on the dev half of eval/pairs.tsv).
pub const THRESHOLD: f64 = 0.18;
/// Actors a story's profile keeps.
const STORY_ACTORS: usize = 60;
/// Words a story's profile keeps.
const STORY_WORDS: usize = 300;
/// Names a story's profile keeps.
const STORY_NAMES: usize = 120;

/// Days since 1970-01-01 of a `YYYY-MM-DD` date (a missing month or day counts as the first).
pub fn day_number(date: &str) -> Option<i64> {
    let y: i64 = date.get(0..4)?.parse().ok()?;
    let m: u32 = date.get(5..7).and_then(|m| m.parse().ok()).filter(|m| (1..=12).contains(m)).unwrap_or(1);
    let d: u32 = date.get(8..10).and_then(|d| d.parse().ok()).filter(|d| (1..=31).contains(d)).unwrap_or(1);
    Some(calendar::days_from_civil(y, m, d))
}

/// The date (YYYY-MM-DD) of a day number: the inverse of [`day_number`].
pub fn day_date(n: i64) -> String {
    let (y, m, d) = calendar::civil_from_days(n);
    format!("{y:04}-{m:02}-{d:02}")
}

/// A document's date as a day number, for the window.
pub fn date_of(doc: &DocSummary) -> Option<i64> {
    doc.published.as_deref().and_then(day_number)
}

/// The order documents are clustered in: publication date (undated first), then id.
pub fn order_key(doc: &DocSummary) -> (Option<&str>, &str) {
    (doc.published.as_deref(), doc.id.as_str())
}

fn dice(a: &BTreeSet<String>, b: &BTreeSet<String>) -> f64 {
    if a.is_empty() || b.is_empty() {
        return 0.0;
    }
    let inter = a.intersection(b).count() as f64;
    inter / (a.len() + b.len()) as f64 * 2.0 // kinder to documents of unequal length
}

/// How much two documents (or a document and a story) share, part by part, each in [0, 1].
#[derive(Clone, Copy, Debug, Default, PartialEq)]
pub struct Parts {
    pub actors: f64,
    pub names: f64,
    pub words: f64,
}

impl Parts {
    pub fn of(a: &Features, b: &Features) -> Parts {
        Parts { actors: dice(&a.actors, &b.actors), names: dice(&a.names, &b.names), words: dice(&a.words, &b.words) }
    }

    /// The parts weighed into one figure, dates aside.
    pub fn content(&self) -> f64 {
        W_ACTORS * self.actors + W_NAMES * self.names + W_WORDS * self.words
    }
}

// Words weigh most: they are the widest view of what happened. Actors and names (resolved ids,
// capitalised words) are sparser and shared by every report on the same country.
const W_ACTORS: f64 = 0.25;
const W_NAMES: f64 = 0.25;
const W_WORDS: f64 = 0.5;

/// How much the days between two reports leave of their resemblance: 1 on the same day, 0.65
/// a week apart, 0.44 after two weeks, towards 0.3 for reports months or years apart (the same
/// actors and words then tell another story). Unknown dates take nothing away.
pub fn time_factor(days: Option<i64>) -> f64 {
    match days {
        Some(d) => {
            let x = d.abs() as f64 / TIME_SCALE_DAYS;
            TIME_FLOOR + (1.0 - TIME_FLOOR) / (1.0 + x * x)
        }
        None => 1.0,
    }
}

const TIME_SCALE_DAYS: f64 = 7.0;
const TIME_FLOOR: f64 = 0.3;

/// Similarity of two documents' features, in [0, 1], leaving dates aside.
pub fn similarity(a: &Features, b: &Features) -> f64 {
    Parts::of(a, b).content()
}

/// Days between two optional dates.
pub fn days_apart(a: Option<i64>, b: Option<i64>) -> Option<i64> {
    a.zip(b).map(|(x, y)| (x - y).abs())
}

/// Similarity of two dated documents, in [0, 1].
pub fn similarity_dated(a: &Features, da: Option<i64>, b: &Features, db: Option<i64>) -> f64 {
    similarity(a, b) * time_factor(days_apart(da, db))
}

/// Whether two documents would be put in one story: similar enough, and inside the window.
pub fn same_story(a: &Features, da: Option<i64>, b: &Features, db: Option<i64>) -> bool {
    similarity_dated(a, da, b, db) >= THRESHOLD && within_window(da, db)
}

pub fn within_window(a: Option<i64>, b: Option<i64>) -> bool {
    match (a, b) {
        (Some(x), Some(y)) => (x - y).abs() <= WINDOW_DAYS,
        _ => true,
    }
}

/// A story being built: bounded counts of its members' features, the profile they give, its
/// first and latest dates, and its members in the order they joined.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct StoryState {
    actors: Ranked,
    words: Ranked,
    names: Ranked,
    profile: Features,
    pub first: Option<i64>,
    pub last: Option<i64>,
    pub members: Vec<String>,
}

/// One part's counters (bounded) and the profile's terms ranked by count, then term: the
/// profile is the first `n` of that order.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
struct Ranked {
    /// Term to its count and whether it is in the profile.
    counts: FxHashMap<String, (usize, bool)>,
    /// The profile's terms by the count they were last ranked with (at most their count),
    /// most frequent first.
    ranked: BTreeSet<(Reverse<usize>, String)>,
}

impl Ranked {
    /// Count one more of each term and keep the profile (`profile`, `n` terms at most) the most
    /// frequent terms, ties by term; what entered and left it goes to `changes`.
    ///
    /// Only these terms gain, by one each, so a term outside the profile that is not among them
    /// is still beaten by every profile term: the new profile is the best `n` of the old one and
    /// these, found by letting each newcomer displace the profile's last term if it ranks above
    /// it. Profile terms are moved up first so that a newcomer is weighed against their counts.
    fn add(&mut self, items: &BTreeSet<String>, profile: &mut BTreeSet<String>, n: usize, part: usize, changes: &mut Vec<Change>) {
        if self.counts.is_empty() && profile.is_empty() {
            return self.first(items, profile, n, part, changes);
        }
        let mut newcomers = Vec::new();
        for k in items {
            let (count, held) = match self.counts.get_mut(k.as_str()) {
                Some((c, held)) => {
                    *c += 1;
                    (*c, *held)
                }
                None => {
                    self.counts.insert(k.clone(), (1, false));
                    (1, false)
                }
            };
            // A profile term's place in `ranked` is brought up to date only when it may be the
            // last (see `settle_last`): counts only grow, so a stale place is never too high.
            if !held {
                newcomers.push((Reverse(count), k));
            }
        }
        let (mut entered, mut left): (Vec<String>, Vec<String>) = (Vec::new(), Vec::new());
        for (count, k) in newcomers {
            if self.ranked.len() == n {
                self.settle_last();
                match self.ranked.last() {
                    Some((c, t)) if (count, k.as_str()) < (*c, t.as_str()) => {}
                    _ => continue,
                }
                let (_, gone) = self.ranked.pop_last().expect("a full profile has a last term");
                self.hold(&gone, false);
                match entered.iter().position(|e| *e == gone) {
                    Some(i) => {
                        entered.swap_remove(i);
                    }
                    None => left.push(gone),
                }
            }
            self.ranked.insert((count, k.clone()));
            self.hold(k, true);
            entered.push(k.clone());
        }
        left.sort_unstable();
        entered.sort_unstable();
        for t in &left {
            profile.remove(t);
        }
        profile.extend(entered.iter().cloned());
        changes.extend(left.into_iter().map(|t| (part, t, false)));
        changes.extend(entered.into_iter().map(|t| (part, t, true)));
        self.bound();
    }

    /// [`Ranked::add`] for a story's first member: every count is one, so the profile is the
    /// first `n` terms in order, and the sets are built in one go (most stories have one member,
    /// and inserting their terms one at a time was most of the clustering's work).
    fn first(&mut self, items: &BTreeSet<String>, profile: &mut BTreeSet<String>, n: usize, part: usize, changes: &mut Vec<Change>) {
        self.counts = items.iter().enumerate().map(|(i, k)| (k.clone(), (1, i < n))).collect();
        self.ranked = items.iter().take(n).map(|k| (Reverse(1), k.clone())).collect();
        *profile = items.iter().take(n).cloned().collect();
        changes.extend(items.iter().take(n).map(|t| (part, t.clone(), true)));
        self.bound();
    }

    /// Bound the counters too: drop the rarest once they grow large (the profile, at most
    /// `STORY_WORDS` terms, is inside what is kept).
    fn bound(&mut self) {
        if self.counts.len() > 4 * STORY_WORDS {
            let mut all: Vec<(&String, usize)> = self.counts.iter().map(|(k, &(c, _))| (k, c)).collect();
            all.select_nth_unstable_by(2 * STORY_WORDS - 1, |a, b| b.1.cmp(&a.1).then(a.0.cmp(b.0)));
            let keep: FxHashSet<String> = all[..2 * STORY_WORDS].iter().map(|(k, _)| (*k).clone()).collect();
            self.counts.retain(|k, _| keep.contains(k));
        }
    }

    /// Re-rank stale terms at the end of `ranked` until its last term is in its place: every
    /// other term's count is at least the one it is ranked by, so none ranks below it.
    fn settle_last(&mut self) {
        while let Some((Reverse(ranked_by), t)) = self.ranked.last() {
            let count = self.counts.get(t.as_str()).map_or(0, |&(c, _)| c);
            if count == *ranked_by {
                return;
            }
            let (_, t) = self.ranked.pop_last().expect("there is a last term");
            self.ranked.insert((Reverse(count), t));
        }
    }

    fn hold(&mut self, term: &str, held: bool) {
        if let Some((_, h)) = self.counts.get_mut(term) {
            *h = held;
        }
    }
}

/// A term entering or leaving a story's profile: part (0 actors, 1 names, 2 words), term, entering.
type Change = (usize, String, bool);

impl StoryState {
    /// Add a member. A story's state is a function of its members in the order they joined, so
    /// it can always be rebuilt from them.
    pub fn add(&mut self, id: &str, f: &Features, date: Option<i64>) {
        self.add_changes(id, f, date);
    }

    /// [`StoryState::add`], returning the terms that entered or left the profile.
    fn add_changes(&mut self, id: &str, f: &Features, date: Option<i64>) -> Vec<Change> {
        let mut changes = Vec::new();
        self.actors.add(&f.actors, &mut self.profile.actors, STORY_ACTORS, 0, &mut changes);
        self.names.add(&f.names, &mut self.profile.names, STORY_NAMES, 1, &mut changes);
        self.words.add(&f.words, &mut self.profile.words, STORY_WORDS, 2, &mut changes);
        if let Some(d) = date {
            self.first = Some(self.first.map_or(d, |f| f.min(d)));
            self.last = Some(self.last.map_or(d, |l| l.max(d)));
        }
        self.members.push(id.to_string());
        changes
    }

    /// Days from a date to the story's span (0 inside it).
    pub fn days_to(&self, date: Option<i64>) -> Option<i64> {
        let (d, first, last) = (date?, self.first?, self.last?);
        Some(if d < first { first - d } else { (d - last).max(0) })
    }

    /// Whether a report of this date may still join.
    pub fn open_at(&self, date: Option<i64>) -> bool {
        match (date, self.last) {
            (Some(d), Some(last)) => d - last <= WINDOW_DAYS && self.first.is_none_or(|f| f - d <= WINDOW_DAYS && d - f <= MAX_SPAN_DAYS),
            _ => true,
        }
    }

    /// How much a document resembles the story, dates included.
    pub fn similarity(&self, f: &Features, date: Option<i64>) -> f64 {
        Parts::of(&self.profile, f).content() * time_factor(self.days_to(date))
    }

    pub fn profile(&self) -> &Features {
        &self.profile
    }
}

/// Stories being built over documents taken in [`order_key`] order. Only stories still open
/// are compared; closed ones wait in a list the caller may drain ([`Clusterer::take_closed`])
/// to write them out, which keeps memory to the stories of the last weeks.
///
/// An inverted index from profile terms to open stories finds the stories a document shares
/// anything with, and counts what it shares, so a document costs the postings of its own terms
/// rather than a comparison with every open story; the similarities are exactly those of
/// [`StoryState::similarity`].
#[derive(Default)]
pub struct Clusterer {
    /// Open stories in creation order.
    open: Vec<Entry>,
    closed: Vec<(usize, StoryState)>,
    started: usize,
    index: TermIndex,
    /// No open story's latest report is older than this day (a lower bound): nothing closes
    /// before `oldest + WINDOW_DAYS + 1`, so most documents need no scan for closed stories.
    oldest: Option<i64>,
}

struct Entry {
    /// Creation number.
    num: usize,
    /// Its place in the index (reused once the story closes).
    slot: u32,
    state: StoryState,
}

/// Profile terms (per part: actors, names, words) to the slots of the open stories holding them.
#[derive(Default)]
struct TermIndex {
    ids: [FxHashMap<String, u32>; 3],
    postings: [Vec<Vec<u32>>; 3],
    /// Per slot: shared terms counted for the document being placed.
    counts: Vec<[u32; 3]>,
    touched: Vec<u32>,
    free: Vec<u32>,
    /// Per slot: the position of its story in `open`.
    position: Vec<usize>,
}

impl TermIndex {
    fn slot(&mut self) -> u32 {
        self.free.pop().unwrap_or_else(|| {
            self.counts.push([0; 3]);
            self.position.push(0);
            (self.counts.len() - 1) as u32
        })
    }

    fn change(&mut self, slot: u32, (part, term, entering): &Change) {
        if *entering {
            let next = self.ids[*part].len() as u32;
            let id = *self.ids[*part].entry(term.clone()).or_insert(next);
            if id as usize == self.postings[*part].len() {
                self.postings[*part].push(Vec::new());
            }
            self.postings[*part][id as usize].push(slot);
        } else if let Some(&id) = self.ids[*part].get(term) {
            let list = &mut self.postings[*part][id as usize];
            if let Some(k) = list.iter().position(|&s| s == slot) {
                list.swap_remove(k);
            }
        }
    }

    fn insert(&mut self, slot: u32, profile: &Features) {
        for (part, terms) in [&profile.actors, &profile.names, &profile.words].into_iter().enumerate() {
            for t in terms {
                self.change(slot, &(part, t.clone(), true));
            }
        }
    }

    fn remove(&mut self, slot: u32, profile: &Features) {
        for (part, terms) in [&profile.actors, &profile.names, &profile.words].into_iter().enumerate() {
            for t in terms {
                self.change(slot, &(part, t.clone(), false));
            }
        }
        self.free.push(slot);
    }

    /// Count, per open story, the terms a document shares with its profile.
    fn count(&mut self, f: &Features) {
        for (part, terms) in [&f.actors, &f.names, &f.words].into_iter().enumerate() {
            for t in terms {
                let Some(&id) = self.ids[part].get(t) else { continue };
                for &slot in &self.postings[part][id as usize] {
                    let c = &mut self.counts[slot as usize];
                    if *c == [0; 3] {
                        self.touched.push(slot);
                    }
                    c[part] += 1;
                }
            }
        }
    }
}

fn dice_counts(inter: u32, a: usize, b: usize) -> f64 {
    if a == 0 || b == 0 {
        return 0.0;
    }
    inter as f64 / (a + b) as f64 * 2.0 // as `dice`, to the last bit
}

impl Clusterer {
    pub fn new() -> Clusterer {
        Clusterer::default()
    }

    /// A story already begun (rebuilt from its earlier members); seed them in the order they began.
    pub fn seed(&mut self, s: StoryState) {
        if let Some(l) = s.last {
            self.oldest = Some(self.oldest.map_or(l, |o| o.min(l)));
        }
        let slot = self.index.slot();
        self.index.insert(slot, &s.profile);
        self.index.position[slot as usize] = self.open.len();
        self.open.push(Entry { num: self.started, slot, state: s });
        self.started += 1;
    }

    /// Put a document in the story it resembles most, or start one; returns the story's number
    /// (creation order). The best story wins; a tie goes to the older story.
    pub fn add(&mut self, id: &str, date: Option<i64>, f: &Features) -> usize {
        if let Some(d) = date {
            self.close_before(d);
        }
        self.index.count(f);
        let mut best: Option<(usize, f64)> = None;
        for slot in std::mem::take(&mut self.index.touched) {
            let shared = std::mem::take(&mut self.index.counts[slot as usize]);
            let pos = self.index.position[slot as usize];
            let s = &self.open[pos].state;
            if !s.open_at(date) {
                continue;
            }
            let p = &s.profile;
            let parts = Parts {
                actors: dice_counts(shared[0], p.actors.len(), f.actors.len()),
                names: dice_counts(shared[1], p.names.len(), f.names.len()),
                words: dice_counts(shared[2], p.words.len(), f.words.len()),
            };
            let sim = parts.content() * time_factor(s.days_to(date));
            if sim >= THRESHOLD && best.is_none_or(|(b, bs)| sim > bs || (sim == bs && pos < b)) {
                best = Some((pos, sim));
            }
        }
        match best {
            Some((pos, _)) => {
                let e = &mut self.open[pos];
                for c in e.state.add_changes(id, f, date) {
                    self.index.change(e.slot, &c);
                }
                e.num
            }
            None => {
                let mut s = StoryState::default();
                s.add(id, f, date);
                self.seed(s);
                self.started - 1
            }
        }
    }

    /// Close the stories no report of `date` or later can join.
    pub fn close_before(&mut self, date: i64) {
        if self.oldest.is_none_or(|o| date - o <= WINDOW_DAYS) {
            return;
        }
        self.oldest = self.open.iter().filter_map(|e| e.state.last).filter(|&l| date - l <= WINDOW_DAYS).min();
        if self.open.iter().all(|e| e.state.last.is_none_or(|l| date - l <= WINDOW_DAYS)) {
            return;
        }
        let (keep, gone): (Vec<Entry>, Vec<Entry>) =
            std::mem::take(&mut self.open).into_iter().partition(|e| e.state.last.is_none_or(|l| date - l <= WINDOW_DAYS));
        for e in gone {
            self.index.remove(e.slot, &e.state.profile);
            self.closed.push((e.num, e.state));
        }
        for (pos, e) in keep.iter().enumerate() {
            self.index.position[e.slot as usize] = pos;
        }
        self.open = keep;
    }

    /// Stories still open.
    pub fn open(&self) -> impl Iterator<Item = &StoryState> {
        self.open.iter().map(|e| &e.state)
    }

    /// The stories closed since the last call, in the order they began.
    pub fn take_closed(&mut self) -> Vec<StoryState> {
        let mut out = std::mem::take(&mut self.closed);
        out.sort_by_key(|(n, _)| *n);
        out.into_iter().map(|(_, s)| s).collect()
    }

    /// Every story not yet taken, in the order they began.
    pub fn finish(self) -> Vec<StoryState> {
        let mut all: Vec<(usize, StoryState)> = self.closed.into_iter().chain(self.open.into_iter().map(|e| (e.num, e.state))).collect();
        all.sort_by_key(|(n, _)| *n);
        all.into_iter().map(|(_, s)| s).collect()
    }
}

/// Cluster documents into stories; each story lists its documents, outlets and events.
pub fn cluster(docs: &[DocSummary], name_of: &dyn Fn(&str) -> String) -> Vec<Story> {
    let mut order: Vec<&DocSummary> = docs.iter().collect();
    order.sort_by(|a, b| order_key(a).cmp(&order_key(b)));
    let mut c = Clusterer::new();
    for d in &order {
        c.add(&d.id, date_of(d), &d.features);
    }
    let by_id: BTreeMap<&str, &DocSummary> = docs.iter().map(|d| (d.id.as_str(), d)).collect();
    c.finish()
        .iter()
        .map(|s| {
            let members: Vec<&DocSummary> = s.members.iter().map(|m| by_id[m.as_str()]).collect();
            story(&members, name_of, &|_| None)
        })
        .collect()
}

/// What a label needs to know of an actor id: its kind and its state, when known (members
/// carry their actors in memory; the store's summaries leave them out, so the caller looks them
/// up among the corpus actors).
pub type Describe<'a> = &'a dyn Fn(&str) -> Option<(ActorKind, Option<String>)>;

/// The actor keys a story's label names: the two most frequent event endpoints of its members
/// (a sector counted as its state: "PAKMIL" is "PAK"). A sector of no state ("militants",
/// "civilians") names no side, and an organisation or sector of the first actor's own state
/// does not stand for the other side ("China – China Coast Guard"), unless nothing else does.
pub fn label_keys(members: &[&DocSummary], describe: Describe) -> Vec<String> {
    let mut actor_count: BTreeMap<String, usize> = BTreeMap::new();
    let mut known: BTreeMap<&str, &sitrep_model::Actor> = BTreeMap::new();
    for d in members {
        for a in &d.actors {
            known.entry(a.id.as_str()).or_insert(a);
        }
        for e in &d.events {
            for ep in [&e.source, &e.target] {
                if ep.is_empty() {
                    continue;
                }
                let key = if ep.len() > 3 && !ep.contains(':') { ep[..3].to_string() } else { ep.clone() };
                *actor_count.entry(key).or_default() += 1;
            }
        }
    }
    let mut top: Vec<(String, usize)> = actor_count.into_iter().collect();
    top.sort_by(|a, b| b.1.cmp(&a.1).then(a.0.cmp(&b.0)));
    let about = |k: &str| known.get(k).map(|a| (a.kind, a.country.clone())).or_else(|| describe(k));
    let stateless_sector = |k: &str| about(k).is_some_and(|(kind, country)| kind == ActorKind::Sector && country.is_none());
    let part_of_state = |k: &str, state: &str| {
        about(k)
            .is_some_and(|(kind, country)| matches!(kind, ActorKind::Organisation | ActorKind::Sector) && country.as_deref() == Some(state))
    };
    let is_country = |k: &str| matches!(about(k), Some((ActorKind::Country, _)));
    let sides: Vec<&String> = top.iter().map(|(k, _)| k).filter(|k| !stateless_sector(k)).collect();
    let Some(first) = sides.first() else {
        return top.into_iter().take(2).map(|(a, _)| a).collect();
    };
    let first_state = if is_country(first) { Some(first.to_string()) } else { None };
    let apart = |k: &&&String| match &first_state {
        Some(state) => !part_of_state(k, state),
        None => !(is_country(k) && part_of_state(first, k)),
    };
    let second = sides[1..].iter().find(apart).or(sides.get(1));
    std::iter::once(*first).chain(second.copied()).cloned().collect()
}

/// The story its members (in the order they joined) make: id, label, span, outlets, events.
pub fn story(members: &[&DocSummary], name_of: &dyn Fn(&str) -> String, describe: Describe) -> Story {
    let mut ids: Vec<String> = members.iter().map(|d| d.id.clone()).collect();
    ids.sort();
    let mut outlets: Vec<String> = members.iter().filter_map(|d| d.outlet.clone()).collect();
    outlets.sort();
    outlets.dedup();
    let mut dates: Vec<String> = members.iter().filter_map(|d| d.published.clone()).collect();
    dates.sort();
    let mut events = Vec::new();
    let mut type_count: BTreeMap<&str, usize> = BTreeMap::new();
    for d in members {
        for e in &d.events {
            events.push(e.id.clone());
            *type_count.entry(e.kind.as_str()).or_default() += 1;
        }
    }
    let names: Vec<String> = label_keys(members, describe).iter().map(|a| name_of(a)).collect();
    let kind = type_count.into_iter().max_by(|a, b| a.1.cmp(&b.1).then(b.0.cmp(a.0))).map(|(k, _)| k).unwrap_or("no events");
    let label = if names.is_empty() {
        members[0].title.clone().unwrap_or_else(|| ids[0].clone())
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

#[cfg(test)]
mod tests {
    #[test]
    fn day_numbers_and_dates_round_trip() {
        for date in ["1970-01-01", "2000-02-29", "2023-03-01", "2024-12-31", "1899-07-14"] {
            assert_eq!(super::day_date(super::day_number(date).unwrap()), date);
        }
        assert_eq!(super::day_number("2023-03-01").unwrap() - super::day_number("2023-02-28").unwrap(), 1);
    }

    use super::*;

    fn feats(actors: &[&str], words: &[&str]) -> Features {
        Features {
            actors: actors.iter().map(|s| s.to_string()).collect(),
            words: words.iter().map(|s| s.to_string()).collect(),
            names: actors.iter().map(|s| s.to_lowercase()).collect(),
            minhash: Vec::new(),
        }
    }

    fn actor(id: &str, kind: ActorKind, country: Option<&str>) -> sitrep_model::Actor {
        sitrep_model::Actor {
            id: id.into(),
            name: id.into(),
            kind,
            country: country.map(Into::into),
            agent: None,
            aliases: Vec::new(),
            roles: Vec::new(),
            mentions: 1,
            documents: 1,
        }
    }

    fn labelled(actors: Vec<sitrep_model::Actor>, dyads: &[(&str, &str)]) -> Vec<String> {
        let events = dyads
            .iter()
            .enumerate()
            .map(|(i, (s, t))| crate::summary::EventKey {
                id: format!("e{i}"),
                kind: sitrep_model::EventType::Accuse,
                source: s.to_string(),
                target: t.to_string(),
                status: sitrep_model::Status::Asserted,
            })
            .collect();
        let d = DocSummary { id: "d".into(), actors, events, ..Default::default() };
        label_keys(&[&d], &|_| None)
    }

    #[test]
    fn a_label_names_two_sides_not_a_state_and_its_own_agency_nor_a_stateless_sector() {
        use ActorKind::*;
        let actors = vec![
            actor("CHN", Country, Some("CHN")),
            actor("PHL", Country, Some("PHL")),
            actor("ORG:china-coast-guard", Organisation, Some("CHN")),
            actor("MIL", Sector, None),
        ];
        let dyads = [
            ("ORG:china-coast-guard", "PHL"),
            ("CHN", "PHL"),
            ("CHN", "MIL"),
            ("ORG:china-coast-guard", "MIL"),
            ("CHN", "ORG:china-coast-guard"),
            ("MIL", "CHN"),
        ];
        assert_eq!(labelled(actors.clone(), &dyads), ["CHN", "PHL"]);
        // A group of the same state is a side of its own (an insurgency against its government).
        let actors = vec![actor("SDN", Country, Some("SDN")), actor("GRP:rsf", Group, Some("SDN")), actor("CVL", Sector, None)];
        let dyads = [("GRP:rsf", "CVL"), ("GRP:rsf", "CVL"), ("GRP:rsf", "SDN"), ("SDNMIL", "GRP:rsf")];
        assert_eq!(labelled(actors, &dyads), ["GRP:rsf", "SDN"]);
    }

    fn doc(id: &str, date: &str, f: Features) -> DocSummary {
        DocSummary { id: id.into(), published: Some(date.into()), features: f, ..Default::default() }
    }

    #[test]
    fn day_numbers_count_real_days() {
        assert_eq!(day_number("1970-01-01"), Some(0));
        assert_eq!(day_number("2024-03-01").unwrap() - day_number("2024-02-28").unwrap(), 2, "2024 is a leap year");
        assert_eq!(day_number("2023-03-01").unwrap() - day_number("2023-02-28").unwrap(), 1);
        assert_eq!(day_number("2025-01-01").unwrap() - day_number("2024-12-31").unwrap(), 1);
        assert_eq!(day_number("2024-06"), day_number("2024-06-01"));
        assert_eq!(day_number("soon"), None);
    }

    #[test]
    fn a_running_story_is_cut_after_its_span() {
        // The same siege reported every five days for two months.
        let f = feats(&["SDN", "GRP:rsf"], &["siege", "fasher", "shelling", "camp"]);
        let docs: Vec<DocSummary> = (0..13).map(|i| doc(&format!("d{i:02}"), &day_date(20_000 + 5 * i), f.clone())).collect();
        let stories = cluster(&docs, &|id: &str| id.to_string());
        assert!(stories.len() >= 2, "{stories:?}");
        for s in &stories {
            let days: Vec<i64> = s.docs.iter().map(|d| 20_000 + 5 * d[1..].parse::<i64>().unwrap()).collect();
            assert!(days.iter().max().unwrap() - days.iter().min().unwrap() <= MAX_SPAN_DAYS, "{stories:?}");
        }
    }

    #[test]
    fn resemblance_fades_with_the_days_between_reports() {
        assert_eq!(time_factor(Some(0)), 1.0);
        assert_eq!(time_factor(None), 1.0);
        assert!(time_factor(Some(7)) > time_factor(Some(14)));
        assert!(time_factor(Some(365)) < 0.31 && time_factor(Some(365)) >= TIME_FLOOR);
        let f = feats(&["SDN", "GRP:rsf"], &["khartoum", "fighting", "airport", "palace"]);
        assert!(same_story(&f, Some(100), &f, Some(101)));
        assert!(!same_story(&f, Some(100), &f, Some(100 + WINDOW_DAYS + 1)), "outside the window");
    }

    #[test]
    fn the_same_actors_a_year_later_are_a_new_story() {
        let f = || feats(&["SDN", "GRP:rsf"], &["khartoum", "fighting", "airport", "palace"]);
        let other = feats(&["MAR"], &["earthquake", "atlas", "villages", "rescue"]);
        let docs =
            vec![doc("a", "2023-04-15", f()), doc("b", "2023-04-16", f()), doc("c", "2023-04-16", other), doc("d", "2024-04-15", f())];
        let stories = cluster(&docs, &|id| id.to_string());
        let groups: Vec<Vec<String>> = stories.iter().map(|s| s.docs.clone()).collect();
        assert_eq!(groups, vec![vec!["a".to_string(), "b".to_string()], vec!["c".to_string()], vec!["d".to_string()]]);
    }

    #[test]
    fn input_order_does_not_matter_and_rolling_state_forgets_closed_stories() {
        let f = |w: &str| feats(&["UKR", "RUS"], &["dam", "flood", w]);
        let docs: Vec<DocSummary> =
            (0..40).map(|i| doc(&format!("d{i:02}"), &format!("2023-{:02}-{:02}", 1 + i / 8, 1 + (i % 8) * 3), f("kherson"))).collect();
        let mut reversed = docs.clone();
        reversed.reverse();
        let name = |id: &str| id.to_string();
        assert_eq!(cluster(&docs, &name), cluster(&reversed, &name));
        let mut c = Clusterer::new();
        for d in &docs {
            c.add(&d.id, date_of(d), &d.features);
            c.take_closed();
            assert!(c.open().count() <= 2, "only stories inside the window are held");
        }
    }

    /// The plain way: compare with every open story through [`StoryState::similarity`].
    fn naive(docs: &[DocSummary]) -> Vec<Vec<String>> {
        let mut stories: Vec<StoryState> = Vec::new();
        for d in docs {
            let date = date_of(d);
            let mut best: Option<(usize, f64)> = None;
            for (k, s) in stories.iter().enumerate() {
                let open = s.last.is_none_or(|l| date.is_none_or(|d| d - l <= WINDOW_DAYS)) && s.open_at(date);
                let sim = s.similarity(&d.features, date);
                if open && sim >= THRESHOLD && best.is_none_or(|(_, b)| sim > b) {
                    best = Some((k, sim));
                }
            }
            match best {
                Some((k, _)) => stories[k].add(&d.id, &d.features, date),
                None => {
                    let mut s = StoryState::default();
                    s.add(&d.id, &d.features, date);
                    stories.push(s);
                }
            }
        }
        stories.into_iter().map(|s| s.members).collect()
    }

    #[test]
    fn the_term_index_finds_what_comparing_with_every_story_finds() {
        // A deterministic stream: small vocabularies, so stories share terms and profiles churn.
        let mut x: u64 = 42;
        let mut rand = |n: u64| {
            x = x.wrapping_mul(6364136223846793005).wrapping_add(1442695040888963407);
            (x >> 33) % n
        };
        let mut docs = Vec::new();
        for i in 0..600 {
            let day = i / 12;
            // Topics drift: each lives a few days beside its neighbours.
            let topic = day / 3 * 4 + rand(8);
            let words: Vec<String> =
                (0..60).map(|_| format!("w{}", if rand(3) > 0 { topic * 30 + rand(25) } else { rand(3000) })).collect();
            let names: Vec<String> = (0..8).map(|_| format!("n{}", topic * 6 + rand(6))).collect();
            let actors: Vec<String> = (0..3).map(|_| format!("A{}", topic * 4 + rand(4))).collect();
            let f = Features {
                actors: actors.into_iter().collect(),
                words: words.into_iter().collect(),
                names: names.into_iter().collect(),
                minhash: Vec::new(),
            };
            let date = format!("2024-{:02}-{:02}", 1 + day / 28, 1 + day % 28);
            docs.push(doc(&format!("d{i:04}"), &date, f));
        }
        docs.sort_by(|a, b| order_key(a).cmp(&order_key(b)));
        let mut c = Clusterer::new();
        for d in &docs {
            c.add(&d.id, date_of(d), &d.features);
        }
        let fast: Vec<Vec<String>> = c.finish().into_iter().map(|s| s.members).collect();
        let slow = naive(&docs);
        assert!(fast.len() > 40 && fast.len() < 500, "{} stories", fast.len());
        assert_eq!(fast, slow);
    }

    #[test]
    fn a_profile_is_the_most_frequent_terms_of_its_members_ties_by_term() {
        // Members drawing words from a skewed vocabulary of 900 (the counters stay untrimmed):
        // after each addition the profile must be the top terms recounted from scratch.
        let mut state = StoryState::default();
        let mut counts: BTreeMap<String, usize> = BTreeMap::new();
        let mut x: u64 = 7;
        for i in 0..400 {
            let mut words = Vec::new();
            for _ in 0..40 {
                x = x.wrapping_mul(6364136223846793005).wrapping_add(1442695040888963407);
                let r = (x >> 33) % 900;
                words.push(format!("w{}", r * r / 900));
            }
            let refs: Vec<&str> = words.iter().map(String::as_str).collect();
            let f = feats(&[], &refs);
            for w in &f.words {
                *counts.entry(w.clone()).or_default() += 1;
            }
            state.add(&format!("d{i}"), &f, None);
            let mut ranked: Vec<(&String, &usize)> = counts.iter().collect();
            ranked.sort_by(|a, b| b.1.cmp(a.1).then(a.0.cmp(b.0)));
            let expected: BTreeSet<String> = ranked.into_iter().take(STORY_WORDS).map(|(k, _)| k.clone()).collect();
            assert_eq!(state.profile().words, expected, "after member {i}");
        }
    }
}
