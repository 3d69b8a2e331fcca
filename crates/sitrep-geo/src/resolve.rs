//! Toponym recognition in a text and resolution with its context: the article's other places and
//! countries, the countries of its actors, "Ayni, near Dushanbe"-style neighbours, the region a
//! place is said to be in ("Alexandria, Louisiana"), population and kind as priors.

use std::collections::HashSet;
use std::sync::LazyLock;

use rustc_hash::{FxHashMap, FxHashSet};

use crate::fold::{fold, fold_append, folds_to};
use crate::places::{Kind, Place, Places, Radians, distance_km};

/// What the rest of the pipeline knows about an article.
#[derive(Clone, Debug, Default)]
pub struct Hints {
    /// Countries (ISO alpha-3) of the article's actors.
    pub countries: Vec<String>,
    /// Byte spans that are not places (persons, organisations, groups).
    pub exclude: Vec<(usize, usize)>,
    /// The outlet's country code top-level domain ("uk" for a `.co.uk` site), if any: local
    /// news names local places, and a British paper's Richmond is the one in London.
    pub outlet_tld: Option<String>,
    /// The outlet's host name, lower case ("www.columbuslocalnews.com"): a paper is often named
    /// after its home ([`Places::outlet_home`]), whose places it reports.
    pub outlet_host: Option<String>,
}

impl Hints {
    /// From the actor stage: the countries of its mentions, and persons, organisations, groups
    /// and sectors as spans that are not places.
    pub fn from_mentions(mentions: &[sitrep_model::Mention]) -> Hints {
        use sitrep_model::MentionKind as K;
        let mut countries: Vec<String> = mentions.iter().filter_map(|m| m.country.clone()).collect();
        countries.sort();
        countries.dedup();
        let exclude = mentions
            .iter()
            .filter(|m| matches!(m.kind, K::Person | K::Organisation | K::Group | K::Agent))
            .map(|m| (m.start, m.end))
            .collect();
        Hints { countries, exclude, ..Default::default() }
    }

    /// The outlet's country code domain from the article's address (or bare host name); none for
    /// generic domains (.com, .org) and country codes sold as generic ones (.tv, .io, .co, .me).
    pub fn outlet(mut self, url: Option<&str>) -> Hints {
        let host = url.map(|u| u.trim()).map(|u| u.split("://").nth(1).unwrap_or(u)).and_then(|u| u.split(['/', ':', '?']).next());
        let tld = host.and_then(|h| h.trim_end_matches('.').rsplit('.').next()).map(|t| t.to_ascii_lowercase());
        self.outlet_tld = tld.filter(|t| t.len() == 2 && !GENERIC_CCTLDS.contains(&t.as_str()));
        self.outlet_host = host.map(|h| h.trim_end_matches('.').to_ascii_lowercase()).filter(|h| !h.is_empty());
        self
    }
}

/// Words the names of papers and broadcasters are made of besides their home's name, as they
/// run together in a domain ("thedailystar", "columbuslocalnews", "lasvegassun").
const MASTHEAD: &[&str] = &[
    "the",
    "daily",
    "weekly",
    "sunday",
    "evening",
    "morning",
    "news",
    "newspaper",
    "newspapers",
    "times",
    "post",
    "herald",
    "press",
    "free",
    "review",
    "register",
    "journal",
    "tribune",
    "star",
    "sun",
    "gazette",
    "courier",
    "citizen",
    "chronicle",
    "telegraph",
    "telegram",
    "standard",
    "observer",
    "independent",
    "mail",
    "record",
    "recorder",
    "express",
    "advocate",
    "leader",
    "dispatch",
    "democrat",
    "republican",
    "sentinel",
    "enquirer",
    "inquirer",
    "examiner",
    "bulletin",
    "ledger",
    "argus",
    "monitor",
    "online",
    "today",
    "local",
    "voice",
    "guardian",
    "mirror",
    "echo",
    "globe",
    "reporter",
    "item",
    "eagle",
    "beacon",
    "banner",
    "messenger",
    "mercury",
    "patriot",
    "pioneer",
    "statesman",
    "transcript",
    "union",
    "world",
    "bee",
    "blade",
    "call",
    "capital",
    "clarion",
    "constitution",
    "courant",
    "current",
    "gleaner",
    "intelligencer",
    "nation",
    "national",
    "outlook",
    "progress",
    "signal",
    "spokesman",
    "vindicator",
    "tv",
    "radio",
    "live",
    "now",
    "info",
    "media",
    "magazine",
    "report",
    "state",
    "city",
    "county",
    "metro",
    "weekender",
    "extra",
    "plus",
    "web",
    "net",
    "age",
    "insider",
];

/// The country code and generic second-level labels of a host ("co.uk", "com.au", "org.eg").
const HOST_SUFFIXES: &[&str] = &["www", "com", "co", "org", "net", "ac", "gov", "edu", "news", "info", "biz"];

/// Country code domains mostly used as generic ones.
const GENERIC_CCTLDS: &[&str] = &["tv", "io", "co", "me", "fm", "am", "ai", "ly", "cc", "ws", "to", "gg", "la", "nu", "tk", "eu"];

/// A place named in a text and what it was resolved to.
#[derive(Clone, Debug, PartialEq)]
pub struct Resolved {
    /// Byte span of the name in the text.
    pub start: usize,
    pub end: usize,
    /// The words of the text.
    pub text: String,
    /// The gazetteer's name for it.
    pub name: String,
    pub kind: Kind,
    /// ISO alpha-3.
    pub country: String,
    pub admin1: Option<String>,
    pub lat: f64,
    pub lon: f64,
    pub geonames_id: Option<u64>,
    /// Share of the score that went to this reading among all readings of the name, in (0, 1].
    pub confidence: f64,
    /// "Islamabad said": the place stands for an actor.
    pub metonym: bool,
}

/// Words that start with a capital only at the start of a sentence or in titles, yet name some
/// place somewhere.
/// A word that starts no place name: a function word, a title, a weekday or a month.
fn stop(lower: &str) -> bool {
    // In a set: recognition asks it thrice a name found, and a scan of the list was a tenth of
    // its cost.
    static STOP_SET: LazyLock<FxHashSet<&str>> = LazyLock::new(|| STOP.iter().copied().collect());
    STOP_SET.contains(lower) || sitrep_model::calendar::is_calendar_word(lower)
}

const STOP: &[&str] = &[
    "a",
    "about",
    "after",
    "all",
    "also",
    "an",
    "and",
    "any",
    "are",
    "as",
    "at",
    "before",
    "but",
    "by",
    "can",
    "for",
    "from",
    "had",
    "has",
    "have",
    "he",
    "her",
    "his",
    "how",
    "i",
    "if",
    "in",
    "into",
    "is",
    "it",
    "its",
    "many",
    "more",
    "most",
    "my",
    "no",
    "not",
    "now",
    "of",
    "on",
    "one",
    "or",
    "our",
    "over",
    "she",
    "so",
    "some",
    "such",
    "than",
    "that",
    "the",
    "their",
    "then",
    "there",
    "these",
    "they",
    "this",
    "those",
    "to",
    "two",
    "under",
    "up",
    "was",
    "we",
    "were",
    "what",
    "when",
    "where",
    "which",
    "while",
    "who",
    "will",
    "with",
    "would",
    "you",
    "mr",
    "mrs",
    "ms",
    "dr",
    "president",
    "minister",
    "general",
    "police",
    "army",
    "government",
    "city",
    "state",
    "county",
    "university",
    "north",
    "south",
    "east",
    "west",
    "central",
    "new",
    "old",
    "great",
    "victory",
    "union",
    "republic",
    "national",
    "independence",
    "liberty",
    "hope",
    "friendship",
    "progress",
    "justice",
    "paradise",
    "mobile",
    "reading",
    "split",
    "nice",
    "bath",
    "orange",
    "deal",
    "say",
    "said",
    "says",
    "officials",
    "official",
    "school",
    "church",
    "court",
    "center",
    "centre",
    "department",
    "office",
    "hospital",
    "street",
    "road",
    "lake",
    "river",
    "park",
    "island",
    "bay",
    "college",
    "district",
    "region",
    "province",
    "sheriff",
    "mayor",
    "governor",
    "council",
    "board",
    "american",
    "english",
    "french",
    "christian",
    "god",
    "jesus",
    "media",
    "page",
    "home",
    "best",
    "york",
    "post",
    "times",
    "news",
    "press",
    "daily",
    "world",
    "us",
    "un",
    "eu",
    "ok",
    "tv",
    "ap",
    "afp",
];

/// Words before a name that make it a place.
const LOCATIVE: &[&str] = &[
    "in", "near", "at", "from", "to", "into", "outside", "across", "around", "inside", "toward", "towards", "of", "through", "between",
    "via", "border", "province", "city", "town", "village", "district",
];

/// Verbs after a name that make it an actor ("Islamabad said").
const ACTOR_VERBS: &[&str] = &[
    "said",
    "says",
    "say",
    "told",
    "announced",
    "accused",
    "accuses",
    "denied",
    "denies",
    "warned",
    "warns",
    "claimed",
    "claims",
    "rejected",
    "condemned",
    "condemns",
    "urged",
    "urges",
    "insisted",
    "demanded",
    "demands",
    "responded",
    "agreed",
    "signed",
    "summoned",
    "blamed",
    "vowed",
    "threatened",
    "retaliated",
    "wants",
    "wanted",
    "believes",
    "sought",
    "seeks",
    "recalled",
    "expelled",
];

/// Words between a subject and its verb: auxiliaries, negation and adverbs ("Islamabad has
/// repeatedly accused", "Kabul has not denied").
const BEFORE_VERB: &[&str] = &[
    "has", "have", "had", "is", "was", "were", "are", "will", "would", "could", "also", "again", "not", "never", "already", "since",
    "then", "now",
];

/// Whether the words after a place make it an actor: a speech or stance verb, perhaps after
/// auxiliaries and adverbs ("Islamabad said", "Kabul has repeatedly denied").
fn acts(after: &str) -> bool {
    for w in after.split(|c: char| !c.is_alphabetic()).filter(|w| !w.is_empty()).take(4) {
        if ACTOR_VERBS.contains(&w) {
            return true;
        }
        if !(BEFORE_VERB.contains(&w) || (w.len() > 4 && w.ends_with("ly"))) {
            return false;
        }
    }
    false
}

const CONNECTORS: &[&str] = &["of", "de", "del", "la", "el", "al", "the", "and", "i", "e", "upon", "on", "sur", "am", "an", "da", "do"];

#[derive(Clone, Copy)]
struct Tok {
    start: usize,
    end: usize,
}

fn words(text: &str) -> Vec<Tok> {
    let mut out = Vec::new();
    let mut start = None;
    let mut i = 0;
    while i < text.len() {
        // Inside a word its ASCII letters and digits change nothing: skipped in one go.
        if start.is_some() {
            i += text.as_bytes()[i..].iter().position(|b| !b.is_ascii_alphanumeric()).unwrap_or(text.len() - i);
            if i == text.len() {
                break;
            }
        }
        // ASCII (most of any text) a byte at a time, without decoding it (`char_indices` was
        // most of the cost).
        let c = match text.as_bytes()[i] {
            b if b.is_ascii() => char::from(b),
            _ => text[i..].chars().next().unwrap_or_default(),
        };
        let at = i;
        i += c.len_utf8();
        let inner = c.is_alphanumeric() || ((c == '-' || c == '\'' || c == '’') && start.is_some());
        match (inner, start) {
            (true, None) => start = Some(at),
            (false, Some(s)) => {
                out.push(Tok { start: s, end: at });
                start = None;
            }
            _ => {}
        }
    }
    if let Some(s) = start {
        out.push(Tok { start: s, end: text.len() });
    }
    // Trailing hyphens and apostrophes are no part of a word.
    for t in &mut out {
        while t.end > t.start && matches!(text[..t.end].chars().last(), Some('-' | '\'' | '’')) {
            t.end -= text[..t.end].chars().last().map_or(1, char::len_utf8);
        }
    }
    out
}

/// The words of a text folded each once, as recognition tries them in names of one to six words.
/// A name's words are joined by spaces, dots and hyphens, which fold to the spaces between their
/// keys: its key is theirs joined by a space.
struct FoldedWords<'t> {
    text: &'t str,
    toks: &'t [Tok],
    /// Each word's key in `keys`, once folded.
    at: Vec<Option<std::ops::Range<usize>>>,
    keys: String,
}

impl<'t> FoldedWords<'t> {
    fn new(text: &'t str, toks: &'t [Tok]) -> FoldedWords<'t> {
        FoldedWords { text, toks, at: vec![None; toks.len()], keys: String::new() }
    }

    /// The key of the words `words` ([`fold`] of the text from the first to the last, when only
    /// spaces, dots and hyphens lie between them), into `out`.
    fn key(&mut self, words: std::ops::Range<usize>, out: &mut String) {
        out.clear();
        for k in words {
            let FoldedWords { text, toks, at, keys } = self;
            let r = at[k]
                .get_or_insert_with(|| {
                    let start = keys.len();
                    fold_append(&text[toks[k].start..toks[k].end], keys);
                    start..keys.len()
                })
                .clone();
            if !r.is_empty() {
                if !out.is_empty() {
                    out.push(' ');
                }
                out.push_str(&self.keys[r]);
            }
        }
    }
}

/// A word in the possessive: "Afghanistan's", "Pakistan’s", "the Philippines'".
fn possessive(w: &str) -> bool {
    w.ends_with("'s") || w.ends_with("’s") || w.ends_with("s'") || w.ends_with("s’")
}

fn capitalised(w: &str) -> bool {
    w.chars().next().is_some_and(char::is_uppercase)
}

fn sentence_initial(text: &str, at: usize) -> bool {
    let before = text[..at].trim_end_matches([' ', '"', '“', '\'', '‘', '(', '\t']);
    before.is_empty() || before.ends_with(['.', '!', '?', '\n', ':', '—'])
}

/// Weight of the population prior (log10) against the context.
const POP: f64 = 0.6;
/// Bonus of a place named by its own name over one that has it only as an alternate name.
const PRIMARY: f64 = 0.3;
/// Weight of the share of the article's other places in a candidate's country.
const VOTE: f64 = 3.0;
/// Weight of spatial coherence, per other name with a reading nearby (see `support`); the
/// distance at which a neighbour counts 1/e; the readings of each name considered, by prior.
/// Measured: 30 to 50 km and weights 1 to 2 score alike; 100 km and more blur neighbours.
const SUPPORT: f64 = 1.5;
const SUPPORT_KM: f64 = 50.0;
const SUPPORT_READINGS: usize = 20;
/// A city this populous is famous: its namesakes get half the country vote without other evidence.
const FAMOUS: u64 = 1_000_000;
/// A village (fewer people than this) is a stray when at least this much confidence of other
/// names' readings lies elsewhere and none in its country (see `resolve`).
const STRAY_POPULATION: u64 = 10_000;
const STRAY_VOTES: f64 = 3.0;
/// A name's likeliest readings, each with its point, its weight against the likeliest and
/// whether it is a country's capital.
type Readings<'a> = Vec<(Place<'a>, Radians, f64, bool)>;

/// How near a candidate (an entry) lies to another name's reading, `exp(-km / 150)`, by the two
/// entries: the last pass of resolution weighs mostly the same pairs as the one before,
/// and the trigonometry was most of [`Places::neighbours`]' cost.
type Near = FxHashMap<(u32, u32), f64>;

/// A span's reading (an entry) and its confidence, if it has one.
type Reading = Option<(u32, f64)>;

/// How much the outlet's home counts as context against a name in the article.
const HOME: f64 = 0.3;
/// Support between a county and a place in its state (counties have no point of their own).
const COUNTY_SUPPORT: f64 = 0.25;

/// The prior of a first-level region of 100,000 km² or more.
const REGION_PRIOR: f64 = 4.2;

fn prior(p: Place) -> f64 {
    match p.kind {
        Kind::Country => 5.5,
        Kind::Feature => 4.6,
        // A subdivision smaller than 100,000 km² is less known than namesake towns of its size
        // class: a tenth of the area weighs like a tenth of a city's population.
        Kind::Region if p.area > 0.0 => REGION_PRIOR - POP * (5.0 - p.area.log10()).max(0.0),
        Kind::Region => REGION_PRIOR,
        Kind::County => 2.8,
        Kind::City => POP * ((p.population + 10) as f64).log10().clamp(1.0, 7.5),
    }
}

impl Places {
    /// Candidate entries for the words of a span.
    fn candidates(&self, surface: &str) -> Vec<u32> {
        let key = fold(surface);
        if surface.trim_end().ends_with('.')
            && let Some(&d) = self.dotted.get(&key)
        {
            return vec![d];
        }
        let mut c = self.readings(&key);
        if let Some(&d) = self.demonyms.get(&key).or_else(|| self.demonyms.get(key.strip_suffix('s').unwrap_or(&key)))
            && !c.contains(&d)
        {
            c.push(d);
        }
        // A region named like a big city at its heart (Paris, Istanbul) is that city.
        let cities: Vec<(f64, f64, &str)> = c
            .iter()
            .map(|&i| self.get(i))
            .filter(|p| p.kind == Kind::City && p.population >= 50_000)
            .map(|p| (p.lat, p.lon, p.country))
            .collect();
        let drop: Vec<u32> = c
            .iter()
            .copied()
            .filter(|&i| {
                let p = self.get(i);
                p.kind == Kind::Region
                    && cities.iter().any(|&(la, lo, cc)| cc == p.country && distance_km((la, lo), (p.lat, p.lon)) < 150.0)
            })
            .collect();
        c.retain(|i| !drop.contains(i));
        // A capital's own name is the capital, not a region of its country named the same far
        // from it ("Washington": the capital before the state; see also `capital_prior`).
        let capitals: Vec<&str> =
            c.iter().filter(|&&i| self.is_capital(i) && folds_to(self.get(i).name, &key)).map(|&i| self.get(i).country).collect();
        if !capitals.is_empty() {
            c.retain(|&i| self.get(i).kind != Kind::Region || !capitals.contains(&self.get(i).country));
        }
        // A country's, large region's, capital's or great city's own name ("Missouri", "New
        // York", "Mexico", "Washington", "Jerusalem") is not a town that merely has it among its
        // alternate names (Bozeman, New York City, Mexico City; Reisterstown, Maryland, once
        // Washington; Funkstown, once Jerusalem).
        let own = |i: u32| {
            let p = self.get(i);
            match p.kind {
                Kind::Country => true,
                Kind::Region => p.area == 0.0 || p.area >= 10_000.0,
                Kind::City => p.population >= FAMOUS || self.is_capital(i),
                _ => false,
            }
        };
        if c.iter().any(|&i| own(i) && folds_to(self.get(i).name, &key)) {
            c.retain(|&i| self.get(i).kind != Kind::City || folds_to(self.get(i).name, &key));
        }
        c
    }

    /// Entries a folded name is a name of, less a prefix ("the", "city of") or suffix ("province") if need be.
    fn readings(&self, key: &str) -> Vec<u32> {
        if let Some(v) = self.index.get(key) {
            return v.to_vec();
        }
        for prefix in ["the ", "city of ", "town of ", "state of ", "province of ", "county of "] {
            if let Some(v) = key.strip_prefix(prefix).and_then(|k| self.index.get(k)) {
                return v.to_vec();
            }
        }
        for suffix in [
            " city",
            " province",
            " state",
            " district",
            " region",
            " county",
            " town",
            " village",
            " governorate",
            " oblast",
            " krai",
            " kray",
        ] {
            if let Some(v) = key.strip_suffix(suffix).and_then(|k| self.index.get(k)) {
                return v.to_vec();
            }
        }
        Vec::new()
    }

    /// Spans of the text that name places.
    pub fn recognise(&self, text: &str, hints: &Hints) -> Vec<(usize, usize)> {
        self.recognise_with_candidates(text, hints).0
    }

    /// [`Places::recognise`], with each span's [`Places::candidates`]: recognition weighs them,
    /// and [`Places::find`] resolves with them rather than look them up again.
    fn recognise_with_candidates(&self, text: &str, hints: &Hints) -> (Vec<(usize, usize)>, Vec<Vec<u32>>) {
        let toks = words(text);
        let excluded = |s: usize, e: usize| hints.exclude.iter().any(|&(a, b)| s < b && a < e);
        let lower = |t: &Tok| text[t.start..t.end].to_lowercase();
        let (mut out, mut out_cands) = (Vec::new(), Vec::new());
        // The words tried as a name, folded (one buffer: most are no name), each word once.
        let mut key = String::new();
        let mut folded = FoldedWords::new(text, &toks);
        // Each name's candidates, looked up once however often the article repeats it.
        let mut looked_up: FxHashMap<&str, Vec<u32>> = FxHashMap::default();
        let cap: Vec<bool> = toks.iter().map(|t| capitalised(&text[t.start..t.end])).collect();
        // The words of one name are capitalised or connectors ("Bosnia and Herzegovina"; no
        // connector lowers to ASCII from other letters), joined by spaces, dots or hyphens.
        let part = |k: usize| cap[k] || CONNECTORS.iter().any(|c| c.eq_ignore_ascii_case(&text[toks[k].start..toks[k].end]));
        let joined = |k: usize| text[toks[k - 1].end..toks[k].start].bytes().all(|b| matches!(b, b' ' | b'.' | b'-'));
        let mut i = 0;
        while i < toks.len() {
            let w = &text[toks[i].start..toks[i].end];
            if !cap[i] {
                i += 1;
                continue;
            }
            let mut found = None;
            let max = self.max_words.min(6).min(toks.len() - i);
            // How many words from this one can be one name.
            let run = 1 + (i + 1..i + max).take_while(|&k| part(k) && joined(k)).count();
            for n in (1..=run).rev() {
                let last = &toks[i + n - 1];
                if !cap[i + n - 1] {
                    continue;
                }
                let (s, e) = (toks[i].start, last.end);
                folded.key(i..i + n, &mut key);
                if self.index.contains_key(&key) {
                    found = Some((n, s, e));
                    break;
                }
            }
            // "London, Ont.": an abbreviation with its full stop right after a name and a comma.
            let (s0, e0) = (toks[i].start, toks[i].end);
            if found.is_none()
                && text[e0..].starts_with('.')
                && text[..s0].trim_end_matches(' ').ends_with(',')
                && self.dotted.contains_key(&fold(w))
            {
                found = Some((1, s0, e0 + 1));
            }
            let Some((n, s, e)) = found else {
                i += 1;
                continue;
            };
            let next_cap = toks
                .get(i + n)
                .is_some_and(|t| capitalised(&text[t.start..t.end]) && text[e..t.start].chars().all(|c| c == ' ') && !stop(&lower(t)));
            let prev = i.checked_sub(1).map(|k| &toks[k]);
            let prev_word = prev.map(lower).unwrap_or_default();
            // A possessive before the name is its owner, not the start of a longer name:
            // "Afghanistan's Paktika province", "Syria's Idlib".
            let prev_cap = prev.is_some_and(|t| {
                let w = &text[t.start..t.end];
                capitalised(w) && text[t.end..s].chars().all(|c| c == ' ') && !stop(&prev_word) && !possessive(w)
            });
            let single_stop = n == 1 && stop(&w.to_lowercase());
            let cands = looked_up.entry(&text[s..e]).or_insert_with(|| self.candidates(&text[s..e]));
            let best = cands.iter().map(|&c| prior(self.get(c))).fold(0.0, f64::max);
            let locative = LOCATIVE.contains(&prev_word.as_str()) || text[e..].trim_start().starts_with(',');
            let weak = (sentence_initial(text, s) && best < 3.0 && n == 1) || (best < 2.4 && !locative);
            if excluded(s, e) || next_cap || prev_cap || single_stop || weak {
                i += n;
                continue;
            }
            out.push((s, e));
            out_cands.push(cands.clone());
            i += n;
        }
        (out, out_cands)
    }

    /// The place an outlet's host is named after: a label that is, less "the" and masthead words
    /// at either end, the name of a country, a region or a town of 10,000 people or more (100,000
    /// for a bare label: "ahram" is a town too) ("columbuslocalnews.com": Columbus;
    /// "lasvegassun.com": Las Vegas; "amarillo.com": Amarillo; "thedailystar.net": none). A local paper reports its home's surroundings: its home is context like a name in
    /// the article ("Dublin" in a Columbus paper is the Ohio suburb).
    pub fn outlet_home(&self, host: &str) -> Option<String> {
        let labels: Vec<&str> = host.split('.').collect();
        // The last label is the top-level domain.
        let labels = &labels[..labels.len().saturating_sub(1)];
        labels.iter().filter(|l| !HOST_SUFFIXES.contains(l)).filter_map(|l| self.label_home(&l.replace('-', ""))).max_by_key(|h| h.len())
    }

    /// [`Places::outlet_home`] for one label of a host.
    fn label_home(&self, label: &str) -> Option<String> {
        if !label.bytes().all(|b| b.is_ascii_lowercase()) {
            return None;
        }
        let n = label.len();
        // Where a run of masthead words from the start can end, and where one to the end can begin.
        let mut from_start = vec![false; n + 1];
        from_start[0] = true;
        for i in 0..n {
            if from_start[i] {
                for w in MASTHEAD.iter().filter(|w| label[i..].starts_with(*w)) {
                    from_start[i + w.len()] = true;
                }
            }
        }
        let mut to_end = vec![false; n + 1];
        to_end[n] = true;
        for j in (0..n).rev() {
            to_end[j] = MASTHEAD.iter().any(|w| label[j..].starts_with(w) && to_end[j + w.len()]);
        }
        // The longest core between them that names a place, with up to two spaces put back.
        let mut cores: Vec<(usize, usize)> =
            (0..n).filter(|&i| from_start[i]).flat_map(|i| (i + 4..=n).filter(|&j| to_end[j]).map(move |j| (i, j))).collect();
        cores.sort_by_key(|&(i, j)| std::cmp::Reverse(j - i));
        cores.into_iter().find_map(|(i, j)| self.spaced_place(&label[i..j], if i == 0 && j == n { 100_000 } else { 10_000 }))
    }

    /// A place's folded name written without its spaces ("lasvegas"), if it is one a paper would be
    /// named after: a country, a region or a town of `people` or more.
    fn spaced_place(&self, core: &str, people: u64) -> Option<String> {
        let home = |key: &str| {
            self.index.get(key).is_some_and(|ids| {
                ids.iter().map(|&i| self.get(i)).any(|p| {
                    (matches!(p.kind, Kind::Country | Kind::Region) || (p.kind == Kind::City && p.population >= people))
                        && folds_to(p.name, key)
                })
            })
        };
        let n = core.len();
        let mut key = String::with_capacity(n + 2);
        // No space, one, then two (no word shorter than two letters).
        let splits =
            std::iter::once((n, n)).chain((2..n - 1).map(|a| (a, n))).chain((2..n - 1).flat_map(|a| (a + 2..n - 1).map(move |b| (a, b))));
        for (a, b) in splits {
            key.clear();
            key.push_str(&core[..a]);
            if a < n {
                key.push(' ');
                key.push_str(&core[a..b]);
            }
            if b < n {
                key.push(' ');
                key.push_str(&core[b..]);
            }
            if home(&key) {
                return Some(key);
            }
        }
        None
    }

    /// Resolves each span (byte offsets into `text`) with the others as context, and with the
    /// outlet's home ([`Places::outlet_home`]) as a name the article adds apart.
    pub fn resolve(&self, text: &str, spans: &[(usize, usize)], hints: &Hints) -> Vec<Option<Resolved>> {
        let cands = spans.iter().map(|&(s, e)| self.candidates(&text[s..e])).collect();
        self.resolve_candidates(text, spans, cands, hints)
    }

    /// [`Places::resolve`] given each span's candidates.
    fn resolve_candidates(&self, text: &str, spans: &[(usize, usize)], mut cands: Vec<Vec<u32>>, hints: &Hints) -> Vec<Option<Resolved>> {
        if let Some(home) = hints.outlet_host.as_deref().and_then(|h| self.outlet_home(h)) {
            // After a full stop, so that it is no container of the article's last name.
            let mut t = String::with_capacity(text.len() + home.len() + 2);
            t.push_str(text);
            t.push_str(".\n");
            let at = t.len();
            t.push_str(&home);
            let mut with = spans.to_vec();
            with.push((at, t.len()));
            cands.push(self.candidates(&home));
            let mut weight = vec![1.0; spans.len()];
            weight.push(HOME);
            let mut r = self.resolve_spans(&t, &with, cands, &weight, hints);
            r.pop();
            return r;
        }
        self.resolve_spans(text, spans, cands, &vec![1.0; spans.len()], hints)
    }

    /// [`Places::resolve`], each span's name counting as context by its weight.
    fn resolve_spans(
        &self,
        text: &str,
        spans: &[(usize, usize)],
        mut cands: Vec<Vec<u32>>,
        weight: &[f64],
        hints: &Hints,
    ) -> Vec<Option<Resolved>> {
        // Context names apart from the article (the outlet's home) keep their likeliest readings
        // only, as `support` weighs any name's: they are context, not resolved.
        for (c, _) in cands.iter_mut().zip(weight).filter(|(_, w)| **w < 1.0) {
            c.sort_by(|&a, &b| prior(self.get(b)).total_cmp(&prior(self.get(a))));
            c.truncate(SUPPORT_READINGS);
        }
        self.resolve_article(text, spans, &Article::new(self, text, spans, cands, weight), hints)
    }

    /// [`Places::resolve_spans`] of an article's spans numbered by name.
    fn resolve_article(&self, text: &str, spans: &[(usize, usize)], a: &Article, hints: &Hints) -> Vec<Option<Resolved>> {
        let weight = a.weight;
        let hint_countries: HashSet<&str> = hints.countries.iter().map(|s| s.as_str()).collect();

        // "uk" is the United Kingdom's domain, GB its ISO code.
        let outlet = hints.outlet_tld.as_deref().map(|t| if t == "uk" { "GB".to_string() } else { t.to_ascii_uppercase() });
        let outlet = outlet.as_deref().and_then(|a2| self.alpha3(a2));
        let support = self.support(a);
        // An article that names one place (with a reading) has nothing but its wording to choose
        // among namesakes by: American local news' (a sheriff, a high school, a street address)
        // weighs like an actor's country for the United States. Where other places are named,
        // they decide (the same words in a Canadian paper's article on Ontario would mislead).
        let names: HashSet<usize> = (0..spans.len()).filter(|&i| weight[i] == 1.0 && !a.cands[i].is_empty()).map(|i| a.key[i]).collect();
        let us_cues = if names.len() <= 1 && us_local_cues(text) > 0 { 0.5 } else { 0.0 };
        // Votes before the article's names': its actors' countries, the outlet's (which weighs
        // like an actor's: 0.5 to 2 score alike), American wording.
        // (A country no candidate is in gets its votes in the total only: none asks for its own.)
        let mut votes = vec![0.0; a.countries.len()];
        let mut total = 0.0;
        let given =
            hint_countries.iter().map(|&c| (c, 0.5)).chain(outlet.map(|c| (c, 0.5))).chain((us_cues > 0.0).then_some(("USA", us_cues)));
        for (c, w) in given {
            if let Some(&n) = a.countries.get(c) {
                votes[n] += w;
            }
            total += w;
        }
        // Current reading of each span and its confidence.
        let mut best: Vec<Option<(u32, f64)>> = vec![None; spans.len()];
        // Nearness of a candidate to another name's reading, alike in every pass ([`Near`]).
        let mut near = Near::default();
        for number in 0..3 {
            let pass = Pass::new(self, a, &best, number, votes.clone(), total);
            // Spans of one name followed by the same readings (mostly none) read alike.
            let mut read: FxHashMap<(usize, Vec<(usize, u32)>), Reading> = FxHashMap::default();
            let next = (0..spans.len())
                .map(|i| {
                    if a.cands[i].is_empty() {
                        return best[i];
                    }
                    let after = a.next[i].iter().filter_map(|&j| Some((a.key[j], pass.readings[j].as_ref()?.entry))).collect();
                    *read.entry((a.name[i], after)).or_insert_with(|| self.read(a, &pass, &support, i, &mut near))
                })
                .collect();
            best = next;
        }
        let points: Vec<Option<(f64, f64)>> = (0..spans.len()).map(|i| self.county_point(spans, &best, i)).collect();
        spans
            .iter()
            .zip(best)
            .zip(points)
            .map(|((&(s, e), b), point)| {
                let (i, confidence) = b?;
                let p = self.get(i);
                let (lat, lon) = point.unwrap_or((p.lat, p.lon));
                let metonym = acts(&text[e..]);
                Some(Resolved {
                    start: s,
                    end: e,
                    text: text[s..e].to_string(),
                    name: p.name.to_string(),
                    kind: p.kind,
                    country: p.country.to_string(),
                    admin1: p.admin1.map(str::to_string),
                    lat,
                    lon,
                    geonames_id: p.geonames_id,
                    confidence,
                    metonym,
                })
            })
            .collect()
    }

    /// Span `i`'s reading in a pass and its confidence, by its candidates' scores: prior, the
    /// countries the article's other names and actors vote for, neighbours and support.
    fn read(&self, a: &Article, pass: &Pass, support: &[Vec<(f64, f64)>], i: usize, near: &mut Near) -> Option<(u32, f64)> {
        let name = &a.names[a.name[i]];
        let support = &support[a.name[i]];
        // Votes of the other names' readings.
        let mut v = pass.votes.clone();
        let mut t = pass.total;
        for (j, share) in pass.shares.iter().enumerate() {
            if let Some((country, x)) = *share
                && a.key[j] != a.key[i]
            {
                v[country] += x;
                t += x;
            }
        }
        let scores: Vec<f64> = name
            .candidates
            .iter()
            .enumerate()
            .map(|(k, c)| {
                let p = c.place;
                let mut s = c.score;
                let (nb, nb_town) = if pass.number > 0 { self.neighbours(a, pass, i, c, near) } else { (0.0, 0.0) };
                let (sup, sup_town) = support[k];
                // A great city's small namesake near a capital the article names is no
                // nearer the article: a capital is named for its government as often
                // as for its streets (Damascus, Maryland beside "Washington").
                let namesake = name.famous && p.kind == Kind::City && p.population < FAMOUS;
                let (nb, sup) = if namesake { (nb_town, sup_town) } else { (nb, sup) };
                if t > 0.0 {
                    // Its small namesakes need more than the article's country: a
                    // place of theirs nearby, or their region named.
                    let f = if namesake && nb + sup < 0.05 { 0.5 } else { 1.0 };
                    s += f * VOTE * v[c.country] / t;
                }
                s + nb + sup
            })
            .collect();
        let max = scores.iter().copied().fold(f64::MIN, f64::max);
        let z: f64 = scores.iter().map(|s| ((s - max) * 2.0).exp()).sum();
        let k = scores.iter().position(|&s| s == max).unwrap_or(0);
        // A stray: a village in a country nothing else in the article is in, near none of
        // its places, is more likely a feature we lack (an airport, a hotel, a street)
        // named like it ("Heathrow", Florida): left unresolved.
        let c = &name.candidates[k];
        let p = c.place;
        let stray = pass.number == 2
            && p.kind == Kind::City
            && p.population < STRAY_POPULATION
            && t - pass.total >= STRAY_VOTES
            && v[c.country] == 0.0
            && support[k].0 < 0.05
            && self.neighbours(a, pass, i, c, near).0 < 0.05;
        (!stray).then_some((c.entry, 1.0 / z))
    }

    /// A reading's prior, where a capital named by its own name that a region of its country far
    /// from it also has ("Washington") weighs at least as that region would: the capital, not
    /// the state, and not the small towns named after it.
    fn capital_prior(&self, key: &str, c: u32, primary: bool) -> f64 {
        let p = self.get(c);
        if !primary || !self.is_capital(c) {
            return prior(p);
        }
        let far_region = self
            .index
            .get(key)
            .unwrap_or_default()
            .iter()
            .map(|&r| self.get(r))
            .any(|r| r.kind == Kind::Region && r.country == p.country && distance_km((r.lat, r.lon), (p.lat, p.lon)) >= 150.0);
        if far_region { prior(p).max(REGION_PRIOR) } else { prior(p) }
    }

    /// A county has no point of its own here (only its state's): it takes that of the town in
    /// its state the article names nearest to it, which local news names because it lies there.
    fn county_point(&self, spans: &[(usize, usize)], best: &[Option<(u32, f64)>], i: usize) -> Option<(f64, f64)> {
        let p = self.get(best[i]?.0);
        if p.kind != Kind::County {
            return None;
        }
        best.iter()
            .enumerate()
            .filter_map(|(j, b)| Some((j, self.get(b.as_ref()?.0))))
            .filter(|(_, q)| q.kind == Kind::City && q.country == p.country && q.admin1_code.is_some() && q.admin1_code == p.admin1_code)
            .min_by_key(|&(j, _)| spans[j].0.abs_diff(spans[i].0))
            .map(|(_, q)| (q.lat, q.lon))
    }

    /// Spatial coherence, before any reading is chosen: how close each candidate lies to some
    /// reading of each other name ("London" near "St. Thomas" is the Ontario one), each reading
    /// weighted by its population prior against its name's likeliest. Per name of the article
    /// ([`Article::name`]): its spans' are alike.
    fn support(&self, a: &Article) -> Vec<Vec<(f64, f64)>> {
        let local = |p: Place| matches!(p.kind, Kind::City | Kind::County | Kind::Feature);
        // How much one reading supports another: nearness for points; a county (which has its
        // state's point here) and a place in the same state, a state apart.
        let prox = |(p, pr): (Place, Radians), (q, qr): (Place, Radians)| -> f64 {
            if p.kind == Kind::County || q.kind == Kind::County {
                let same = p.country == q.country && p.admin1_code.is_some() && p.admin1_code == q.admin1_code;
                return if same { COUNTY_SUPPORT } else { 0.0 };
            }
            // Past 5 degrees of latitude (550 km) a neighbour counts nothing: skip the trigonometry.
            if (p.lat - q.lat).abs() >= 5.0 {
                return 0.0;
            }
            (-pr.distance_km(qr) / SUPPORT_KM).exp()
        };
        // One entry per distinct key: its likeliest readings by prior, with their weight against
        // its likeliest local reading (a Barbados parish called "St. Thomas" makes the Ontario
        // town no less likely a neighbour), or against the country when the name is one's; and
        // the name's weight as context (the most of its spans').
        let mut names: Vec<(usize, f64, Readings)> = Vec::new();
        for ((&n, &k), &w) in a.name.iter().zip(&a.key).zip(a.weight) {
            if let Some(n) = names.iter_mut().find(|n| n.0 == k) {
                n.1 = n.1.max(w);
                continue;
            }
            let cs = &a.names[n].candidates;
            // Sorted by number, not as candidates (a name can have hundreds of readings).
            let mut r: Vec<(f64, usize)> = cs.iter().map(|c| c.prior).zip(0..).collect();
            let country = cs.iter().any(|c| c.place.kind == Kind::Country);
            let max = r.iter().filter(|x| country || local(cs[x.1].place)).map(|x| x.0).fold(f64::MIN, f64::max);
            r.sort_by(|a, b| b.0.total_cmp(&a.0));
            r.truncate(SUPPORT_READINGS);
            names.push((
                k,
                w,
                r.iter()
                    .map(|&(pr, x)| (&cs[x], pr))
                    .filter(|(c, _)| local(c.place))
                    .map(|(c, pr)| (c.place, c.at, (pr - max).exp(), self.is_capital(c.entry)))
                    .collect(),
            ));
        }
        a.first
            .iter()
            .zip(&a.names)
            .map(|(&i, name)| {
                let k = a.key[i];
                // A country's name is no namesake to choose among ("Egypt", "Russia" are towns too).
                let country_name = name.candidates.iter().any(|c| c.place.kind == Kind::Country);
                name.candidates
                    .iter()
                    .map(|c| {
                        if !local(c.place) || country_name {
                            return (0.0, 0.0);
                        }
                        let at = (c.place, c.at);
                        let (mut all, mut towns) = (0.0, 0.0);
                        for (_, w, r) in names.iter().filter(|n| n.0 != k) {
                            let (mut a, mut t) = (0.0f64, 0.0f64);
                            for &(q, qr, wt, cap) in r {
                                let x = wt * prox(at, (q, qr));
                                a = a.max(x);
                                if !cap {
                                    t = t.max(x);
                                }
                            }
                            all += w * a;
                            towns += w * t;
                        }
                        (SUPPORT * all, SUPPORT * towns)
                    })
                    .collect()
            })
            .collect()
    }

    /// Context from the other spans' readings: the region or country a place is said to be in,
    /// and nearby places; and the same without capitals as neighbours (see [`Places::support`]).
    /// Only the names right after span `i` depend on where it is; the rest is its name's.
    fn neighbours(&self, a: &Article, pass: &Pass, i: usize, c: &Candidate, cache: &mut Near) -> (f64, f64) {
        let (p, at, region) = (c.place, c.at, c.region);
        // (Countries by number: comparing their codes was a tenth of the cost.)
        let contains = |r: &Context| match r.place.kind {
            Kind::Region => {
                region == Some(r.entry)
                    || (region.is_none()
                        && r.country == Some(c.country)
                        && self.in_bounds(r.entry, p.lat, p.lon).unwrap_or_else(|| at.distance_km(r.at) < 300.0))
            }
            Kind::Country => r.country == Some(c.country) && p.kind != Kind::Country,
            _ => false,
        };
        let local = |k: Kind| matches!(k, Kind::City | Kind::County | Kind::Feature);
        let mut bonus = 0.0f64;
        let mut near = 0.0f64;
        let mut near_town = 0.0f64;
        for r in pass.context.iter().filter(|r| r.key != a.key[i] && r.entry != c.entry) {
            // Only a region or a country contains: a town is ruled out before the call.
            if matches!(r.place.kind, Kind::Region | Kind::Country) && contains(r) {
                // 2.0 for a named state let it pull its small towns over big foreign namesakes;
                // a country named elsewhere says little about which of its places: at 0.5 it
                // made "Egypt" and "England" towns of a US article (1.0 made Russia Ohio's).
                bonus = bonus.max(if r.place.kind == Kind::Region { 1.5 } else { 0.25 });
            }
            if local(r.place.kind) && local(p.kind) {
                let e = *cache.entry((c.entry, r.entry)).or_insert_with(|| (-at.distance_km(r.at) / 150.0).exp());
                let n = 1.5 * r.weight * e;
                near = near.max(n);
                if !r.capital {
                    near_town = near_town.max(n);
                }
            }
        }
        // "Alexandria, Louisiana", "Ayni, Tajikistan": the next name is the container. But
        // "Russia, France and Britain": a country's name beside another country's is a list of
        // countries, not a town in the second ("Russia", Ohio).
        let list = |q: Place| {
            q.kind == Kind::Country
                && p.kind != Kind::Country
                && self.index.get(&a.keys[i]).unwrap_or_default().iter().any(|&r| self.get(r).kind == Kind::Country)
        };
        for &j in &a.next[i] {
            let Some(r) = &pass.readings[j] else { continue };
            if r.key != a.key[i] && r.entry != c.entry && contains(r) && !list(r.place) {
                bonus = bonus.max(4.0);
            }
        }
        (bonus + near, bonus + near_town)
    }

    /// Recognition and resolution in one: the places a text names.
    pub fn find(&self, text: &str, hints: &Hints) -> Vec<Resolved> {
        let (spans, cands) = self.recognise_with_candidates(text, hints);
        self.resolve_candidates(text, &spans, cands, hints).into_iter().flatten().collect()
    }
}

/// The spans resolution reads, numbered by name: a name repeated in an article ("Gaza" five
/// times) is scored once, not once a span, as its readings' scores are alike but for the names
/// right after each span.
struct Article<'a> {
    cands: Vec<Vec<u32>>,
    /// Each span's weight as context (1, less for names apart from the text).
    weight: &'a [f64],
    /// Each span's folded name, and its number among the distinct ones.
    keys: Vec<String>,
    key: Vec<usize>,
    /// Each span's name: its key and candidates (a dotted abbreviation has other candidates than
    /// the word it folds like) by number, and each name's first span.
    name: Vec<usize>,
    first: Vec<usize>,
    /// Per name, its candidates looked up.
    names: Vec<Name<'a>>,
    /// The candidates' countries, numbered: votes for them are counted in a vector.
    countries: FxHashMap<&'a str, usize>,
    /// Per span, the spans right after it, where a name may be its container: "Alexandria,
    /// Louisiana".
    next: Vec<Vec<usize>>,
}

impl<'a> Article<'a> {
    fn new(places: &'a Places, text: &str, spans: &[(usize, usize)], cands: Vec<Vec<u32>>, weight: &'a [f64]) -> Article<'a> {
        Article::numbered(places, text, spans, cands, weight, true)
    }

    /// Each span a name of its own, as if no name were repeated: what sharing must not change.
    #[cfg(test)]
    fn apart(places: &'a Places, text: &str, spans: &[(usize, usize)], cands: Vec<Vec<u32>>, weight: &'a [f64]) -> Article<'a> {
        Article::numbered(places, text, spans, cands, weight, false)
    }

    fn numbered(
        places: &'a Places,
        text: &str,
        spans: &[(usize, usize)],
        cands: Vec<Vec<u32>>,
        weight: &'a [f64],
        share: bool,
    ) -> Article<'a> {
        let keys: Vec<String> = spans.iter().map(|&(s, e)| fold(&text[s..e])).collect();
        let key = number(keys.iter().map(String::as_str));
        let name = if share { number(key.iter().zip(&cands).map(|(&k, c)| (k, c.as_slice()))) } else { (0..spans.len()).collect() };
        let mut first = Vec::new();
        for (i, &n) in name.iter().enumerate() {
            if n == first.len() {
                first.push(i);
            }
        }
        let mut countries = FxHashMap::default();
        let names = first.iter().map(|&i| Name::new(places, &keys[i], &cands[i], &mut countries)).collect();
        let next = spans
            .iter()
            .map(|&(_, end)| {
                (0..spans.len())
                    .filter(|&j| {
                        let start = spans[j].0;
                        start >= end && start - end <= 3 && text[end..start].trim().trim_matches(',').trim().is_empty()
                    })
                    .collect()
            })
            .collect();
        Article { cands, weight, keys, key, name, first, names, countries, next }
    }
}

/// A name of the article: its candidates, and whether it is a great city's own ("Paris",
/// "London"), whose small namesakes need more than the article's country.
struct Name<'a> {
    candidates: Vec<Candidate<'a>>,
    famous: bool,
}

/// A reading of a name, with what each pass of scoring asks of the gazetteer looked up once.
struct Candidate<'a> {
    entry: u32,
    place: Place<'a>,
    at: Radians,
    /// The region containing it, where codes tell ([`Places::region_of`]).
    region: Option<u32>,
    /// Its prior, and its score's start: [`Places::capital_prior`], more when the name is its own.
    prior: f64,
    score: f64,
    /// Its country's number among the article's ([`Article::countries`]).
    country: usize,
}

impl<'a> Name<'a> {
    /// The candidates of a name (its key), their countries numbered in `countries`.
    fn new(places: &'a Places, key: &str, cands: &[u32], countries: &mut FxHashMap<&'a str, usize>) -> Name<'a> {
        let mut famous = false;
        let candidates = cands
            .iter()
            .map(|&c| {
                let place = places.get(c);
                let primary = folds_to(place.name, key);
                famous |= primary && place.kind == Kind::City && place.population >= FAMOUS;
                let score = places.capital_prior(key, c, primary) + if primary { PRIMARY } else { 0.0 };
                let n = countries.len();
                let country = *countries.entry(place.country).or_insert(n);
                let (at, region) = (Radians::new((place.lat, place.lon)), places.region_of(c));
                Candidate { entry: c, place, at, region, prior: prior(place), score, country }
            })
            .collect();
        Name { candidates, famous }
    }
}

/// Each item's number among the distinct items, in order of first appearance.
fn number<T: std::hash::Hash + Eq>(items: impl Iterator<Item = T>) -> Vec<usize> {
    let mut seen: FxHashMap<T, usize> = FxHashMap::default();
    items
        .map(|x| {
            let n = seen.len();
            *seen.entry(x).or_insert(n)
        })
        .collect()
}

/// One of the other names' readings as context for a candidate ([`Places::neighbours`]).
#[derive(Clone, Copy)]
struct Context<'a> {
    key: usize,
    entry: u32,
    place: Place<'a>,
    at: Radians,
    /// Its country's number among the article's ([`Article::countries`]: it is a candidate).
    country: Option<usize>,
    weight: f64,
    capital: bool,
}

/// A pass of resolution: the readings the last one chose.
struct Pass<'a> {
    number: usize,
    /// Each span's vote for its reading's country (by number), after the first pass (which has none).
    shares: Vec<Option<(usize, f64)>>,
    /// Each span's reading, looked up.
    readings: Vec<Option<Context<'a>>>,
    /// The readings as context, each key's reading at a weight once: neighbours take the most
    /// of any, so a name repeated adds nothing.
    context: Vec<Context<'a>>,
    /// Votes for countries (by number) apart from the article's names ([`Places::resolve_spans`]).
    votes: Vec<f64>,
    total: f64,
}

impl<'a> Pass<'a> {
    fn new(places: &'a Places, a: &Article, best: &'a [Option<(u32, f64)>], number: usize, votes: Vec<f64>, total: f64) -> Pass<'a> {
        let readings: Vec<Option<Context>> = best
            .iter()
            .enumerate()
            .map(|(j, b)| {
                let (o, _) = (*b)?;
                let q = places.get(o);
                let (key, weight, capital) = (a.key[j], a.weight[j], places.is_capital(o));
                Some(Context {
                    key,
                    entry: o,
                    place: q,
                    at: Radians::new((q.lat, q.lon)),
                    country: a.countries.get(q.country).copied(),
                    weight,
                    capital,
                })
            })
            .collect();
        let shares = readings
            .iter()
            .zip(best)
            .map(|(r, b)| {
                let r = r.as_ref().filter(|r| number > 0 && !r.place.country.is_empty())?;
                Some((r.country?, b.as_ref()?.1 * r.weight))
            })
            .collect();
        let mut seen = FxHashSet::default();
        let context = readings.iter().flatten().filter(|r| seen.insert((r.key, r.entry, r.weight.to_bits()))).copied().collect();
        Pass { number, shares, readings, context, votes, total }
    }
}

/// How many kinds of wording that American local news uses, and news from elsewhere seldom, the
/// text has: a county or parish after its name ("Tarrant County"), a township, a sheriff, sales
/// tax, a school district, a high, middle or elementary school, a grade ("seventh-grader"),
/// zoning, a state legislature, a ZIP code, a street address with its abbreviation ("1200 E.
/// Broad St."). Not the dollar, "p.m." or "percent": Canadian and wire news use them too.
pub(crate) fn us_local_cues(text: &str) -> usize {
    let toks = words(text);
    let w = |k: usize| toks.get(k).map_or("", |t| &text[t.start..t.end]);
    let mut seen = [false; 10];
    for k in 0..toks.len() {
        let word = w(k);
        // Less a possessive ("the sheriff's office").
        let lower = word.to_ascii_lowercase();
        let lower = lower.trim_end_matches("'s").trim_end_matches("’s");
        let next = w(k + 1).to_ascii_lowercase();
        let next = next.trim_end_matches("'s").trim_end_matches("’s");
        let cue = match lower {
            "county" | "parish" if k > 0 && capitalised(w(k - 1)) && word.starts_with(char::is_uppercase) => Some(0),
            "township" | "townships" => Some(1),
            "sheriff" | "sheriffs" => Some(2),
            "sales" if next == "tax" || next == "taxes" => Some(3),
            "school" if next == "district" || next == "districts" => Some(4),
            "high" | "middle" | "elementary" if next == "school" || next == "schools" || next == "schooler" || next == "schoolers" => {
                Some(5)
            }
            _ if lower.ends_with("-grader") || lower.ends_with("-graders") => Some(6),
            "zoning" => Some(7),
            "legislature" => Some(8),
            "zip" if word == "ZIP" => Some(8),
            _ => None,
        };
        if let Some(c) = cue {
            seen[c] = true;
        }
        // "1200 E. Broad St.": a house number, a name and a street type with its full stop.
        if word.bytes().all(|b| b.is_ascii_digit()) {
            let mut j = k + 1;
            if matches!(w(j), "N" | "S" | "E" | "W") {
                j += 1;
            }
            let street =
                |t: usize| matches!(w(t), "St" | "Ave" | "Blvd" | "Rd" | "Dr" | "Ln" | "Hwy") && text[toks[t].end..].starts_with('.');
            if capitalised(w(j)) && (street(j + 1) || (capitalised(w(j + 1)) && street(j + 2))) {
                seen[9] = true;
            }
        }
    }
    seen.iter().filter(|&&b| b).count()
}

/// The place a dateline names ("PESHAWAR, Pakistan (Reuters) —"), if the text opens with one.
pub fn dateline<'a>(text: &str, places: &'a [Resolved]) -> Option<&'a Resolved> {
    let first = places.first()?;
    let lead = text[..first.start].trim();
    let after = text[first.end..].trim_start();
    (lead.is_empty() && after.starts_with([',', '(', '—', '–', '-', ':'])).then_some(first)
}

/// The article's main place: the most often named, the most specific on a tie.
pub fn main_place(places: &[Resolved]) -> Option<&Resolved> {
    main_place_led(places, 0)
}

/// [`main_place`] for an article whose lead (its first paragraph, where news says where the
/// story happens) ends at byte `lead_end`: a place named there counts once more. So "strikes on
/// Afghanistan's Paktika province" in the lead outweighs a region named once in the background.
pub fn main_place_led(places: &[Resolved], lead_end: usize) -> Option<&Resolved> {
    // Each key's count takes its own bonus: the order the keys come in changes nothing.
    let mut count: FxHashMap<(&str, &str), f64> = FxHashMap::default();
    let mut led: FxHashMap<(&str, &str), f64> = FxHashMap::default();
    for p in places.iter().filter(|p| !p.metonym) {
        let key = (p.name.as_str(), p.country.as_str());
        *count.entry(key).or_default() += p.confidence;
        if p.start < lead_end {
            let l = led.entry(key).or_default();
            *l = l.max(p.confidence);
        }
    }
    for (key, bonus) in led {
        *count.entry(key).or_default() += bonus;
    }
    let rank = |p: &Resolved| match p.kind {
        Kind::City | Kind::County | Kind::Feature => 2,
        Kind::Region => 1,
        Kind::Country => 0,
    };
    places.iter().filter(|p| !p.metonym).max_by(|a, b| {
        let ca = count[&(a.name.as_str(), a.country.as_str())];
        let cb = count[&(b.name.as_str(), b.country.as_str())];
        ca.total_cmp(&cb).then(rank(a).cmp(&rank(b))).then(b.start.cmp(&a.start))
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_place_after_its_owners_possessive_is_found() {
        let places = Places::builtin();
        let text = "Jets struck villages of Afghanistan's Paktika province, and Pakistan’s Balochistan was shelled.";
        let found: Vec<&str> = places.recognise(text, &Hints::default()).into_iter().map(|(s, e)| &text[s..e]).collect();
        assert!(found.contains(&"Paktika") && found.contains(&"Balochistan"), "{found:?}");
    }

    #[test]
    fn find_resolves_with_the_candidates_recognition_found() {
        let places = Places::builtin();
        let text = "Jets struck Paktika province near Khost, Afghanistan. Islamabad said Peshawar and Paris were calm.";
        for hints in [Hints::default(), Hints::default().outlet(Some("https://www.kabultimes.af/news"))] {
            let spans = places.recognise(text, &hints);
            let apart: Vec<Resolved> = places.resolve(text, &spans, &hints).into_iter().flatten().collect();
            assert!(apart.len() >= 4, "{apart:?}");
            assert_eq!(places.find(text, &hints), apart);
        }
        assert_eq!(places.outlet_home("www.kabultimes.af").as_deref(), Some("kabul"), "the outlet's home is resolved with the rest");
    }

    #[test]
    fn a_repeated_name_reads_as_each_of_its_spans_would() {
        let places = Places::builtin();
        let text = "Punjab police said. Punjab, Pakistan was calm near Lahore. Georgia and Punjab, India voted. \
                    Georgia, Tbilisi said; Punjab and Georgia met. Kabul and Kabul, Afghanistan; Georgia.";
        let spans = places.recognise(text, &Hints::default());
        let keys: Vec<String> = spans.iter().map(|&(s, e)| fold(&text[s..e])).collect();
        assert!(keys.iter().filter(|k| *k == "punjab").count() >= 4 && keys.iter().filter(|k| *k == "georgia").count() >= 3, "{keys:?}");
        for hints in [Hints::default(), Hints { countries: vec!["IND".into()], ..Hints::default() }] {
            let cands = || spans.iter().map(|&(s, e)| places.candidates(&text[s..e])).collect();
            let weight = vec![1.0; spans.len()];
            let article = Article::new(&places, text, &spans, cands(), &weight);
            assert!(article.names.len() + 5 < spans.len(), "names repeated");
            let shared = places.resolve_article(text, &spans, &article, &hints);
            let apart = places.resolve_article(text, &spans, &Article::apart(&places, text, &spans, cands(), &weight), &hints);
            assert_eq!(shared, apart);
            assert_eq!(shared, places.resolve(text, &spans, &hints));
        }
    }

    #[test]
    fn words_are_letters_and_digits_with_inner_hyphens_and_apostrophes() {
        let text = "Côte d’Ivoire's 2nd-largest- city, 'Abidjan'; Ḩalab— 北京 x-’ -y";
        let found: Vec<&str> = words(text).iter().map(|t| &text[t.start..t.end]).collect();
        assert_eq!(found, ["Côte", "d’Ivoire's", "2nd-largest", "city", "Abidjan", "Ḩalab", "北京", "x", "y"]);
    }

    #[test]
    fn words_folded_each_make_the_key_of_the_name() {
        for text in [
            "St. Louis",
            "Ste-Foy Mt. Hood",
            "Côte d'Ivoire",
            "Ḩalab--Aleppo",
            "O'Hare's  Ft. Worth",
            "Bei-北京 Ürümqi.’s",
            "Dash- and 'Quote' x",
        ] {
            let toks = words(text);
            let mut folded = FoldedWords::new(text, &toks);
            let mut key = String::new();
            for i in 0..toks.len() {
                for j in i + 1..=toks.len() {
                    let (s, e) = (toks[i].start, toks[j - 1].end);
                    if (i + 1..j).all(|k| text[toks[k - 1].end..toks[k].start].chars().all(|c| matches!(c, ' ' | '.' | '-'))) {
                        folded.key(i..j, &mut key);
                        assert_eq!(key, fold(&text[s..e]), "{text:?} {i}..{j}");
                    }
                }
            }
        }
    }

    #[test]
    fn a_place_that_speaks_or_takes_a_stance_is_an_actor() {
        assert!(acts(" said on Monday"));
        assert!(acts(" has repeatedly accused the Taliban"));
        assert!(!acts(", which has long denied it"), "a relative clause is about the place");
        assert!(acts(" has not denied"));
        assert!(!acts(" is a city of two million"));
        assert!(!acts(" province, officials said"));
    }

    #[test]
    fn american_local_wording_is_counted_by_kind() {
        assert_eq!(us_local_cues("The Tarrant County sheriff's office and the sheriff said so."), 2);
        assert_eq!(us_local_cues("A fire at 3125 Clarksville St. and one at 12 N. Main Ave. were put out."), 1);
        assert_eq!(us_local_cues("The seventh-grader's middle school is in the school district."), 3);
        assert_eq!(
            us_local_cues("Aid of $5 million arrived at 7 p.m.; prices rose 40 percent."),
            0,
            "wire and Canadian news use these too"
        );
        assert_eq!(us_local_cues("County Cork and the county council met."), 0, "a county before its name is Irish");
        assert_eq!(us_local_cues("High winds hit the coast. School reopened."), 0);
    }
}
