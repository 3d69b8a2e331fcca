//! Near-duplicate documents: syndicated copies and light rewrites of one report.
//!
//! Each document gets a MinHash signature (128 hash functions) of its word 3-shingles, taken
//! inside paragraphs so that reordering paragraphs changes nothing; signatures are banded (64
//! bands of 2) so that only documents sharing a band are compared. Two documents whose estimated
//! Jaccard similarity is at least [`THRESHOLD`] are copies; the later one (by date, then id) is
//! linked to the earlier as its original, and does not count as an independent report.
//!
//! Why these settings (`bench/near_dup.sh`): on edited copies of our articles (paragraphs
//! reordered, headline changed, boilerplate added, 10% of the words replaced, and all together)
//! the exact 3-shingle Jaccard of a copy with its original was at least 0.51, and of two distinct
//! reports of one story at most 0.045. 0.3 sits in that gap and still takes a copy with a fifth
//! of its words replaced (about 0.34). Five-word shingles lose too much to a 10% edit (0.33 at
//! worst, near the estimator's noise); single words make distinct reports of one event alike.
//! 128 hash functions rather than 64 halve the estimator's variance (a 10%-edited copy was
//! estimated as low as 0.36 with 64, 0.41 with 128). With 64 bands of 2 rows, a pair at J = 0.3
//! becomes a candidate with probability 0.998, and unrelated reports (J near 0.01) with 0.006.

use std::collections::HashMap;

use crate::summary::{DocSummary, Word};

/// Hash functions in a signature.
pub const SIGNATURE: usize = 128;
const BANDS: usize = 64;
const ROWS: usize = SIGNATURE / BANDS;
/// Estimated Jaccard similarity from which two documents are copies.
pub const THRESHOLD: f64 = 0.3;
const SHINGLE: usize = 3;

/// Fixed odd multipliers and offsets: the same text always gets the same signature. Kept as
/// two arrays (not pairs) so that the per-shingle loop over them vectorises.
struct Coefficients {
    a: [u64; SIGNATURE],
    b: [u64; SIGNATURE],
}

fn coefficients() -> &'static Coefficients {
    static COEFFICIENTS: std::sync::LazyLock<Coefficients> = std::sync::LazyLock::new(|| {
        let mut c = Coefficients { a: [0; SIGNATURE], b: [0; SIGNATURE] };
        let mut x: u64 = 0x9E37_79B9_7F4A_7C15;
        for i in 0..SIGNATURE {
            // splitmix64
            x = x.wrapping_add(0x9E37_79B9_7F4A_7C15);
            let mut z = x;
            z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
            z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
            let a = (z ^ (z >> 31)) | 1;
            c.a[i] = a;
            c.b[i] = a.rotate_left(17);
        }
        c
    });
    &COEFFICIENTS
}

/// A hash of a shingle that stays the same across builds and Rust releases (signatures are
/// stored): FNV-1a over the words' bytes, each word closed by a 0xFF byte (never in UTF-8),
/// mixed by splitmix64's finaliser.
fn shingle_hash<W: AsRef<str>>(words: &[W]) -> u64 {
    let mut h: u64 = 0xcbf2_9ce4_8422_2325;
    for w in words {
        for &b in w.as_ref().as_bytes().iter().chain(std::iter::once(&0xFF)) {
            h ^= u64::from(b);
            h = h.wrapping_mul(0x0000_0100_0000_01B3);
        }
    }
    h = (h ^ (h >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
    h = (h ^ (h >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
    h ^ (h >> 31)
}

/// The MinHash signature of a text (empty for texts without words). Shingles are taken inside
/// paragraphs (blocks separated by a blank line); a paragraph shorter than a shingle is one.
pub fn signature(text: &str) -> Vec<u32> {
    signature_of(text, &Word::all(text))
}

/// [`signature`] of a text whose words are already found (see [`Word::all`]).
pub(crate) fn signature_of(text: &str, words: &[Word]) -> Vec<u32> {
    #[cfg(target_arch = "x86_64")]
    {
        if std::arch::is_x86_feature_detected!("avx512f") && std::arch::is_x86_feature_detected!("avx512dq") {
            // SAFETY: the CPU has the features the function is compiled for.
            return unsafe { signature_avx512(text, words) };
        }
        if std::arch::is_x86_feature_detected!("avx2") {
            // SAFETY: as above.
            return unsafe { signature_avx2(text, words) };
        }
    }
    signature_with(text, words)
}

/// [`signature_with`] compiled for AVX-512 (eight 64-bit products at once).
#[cfg(target_arch = "x86_64")]
#[target_feature(enable = "avx512f,avx512dq")]
fn signature_avx512(text: &str, words: &[Word]) -> Vec<u32> {
    signature_with(text, words)
}

/// [`signature_with`] compiled for AVX2.
#[cfg(target_arch = "x86_64")]
#[target_feature(enable = "avx2")]
fn signature_avx2(text: &str, words: &[Word]) -> Vec<u32> {
    signature_with(text, words)
}

/// The signature itself: the same arithmetic whatever the instruction set, so the same text
/// gets the same signature on every machine (they are stored).
#[inline(always)]
fn signature_with(text: &str, words: &[Word]) -> Vec<u32> {
    let coef = coefficients();
    let mut mins = [u32::MAX; SIGNATURE];
    let mut any = false;
    let mut para: Vec<&str> = Vec::new();
    let mut i = 0;
    while i < words.len() {
        // A paragraph: words up to a blank line between two of them (a word never holds one).
        para.clear();
        para.push(&words[i].lower);
        i += 1;
        while i < words.len() && !text[words[i - 1].end()..words[i].start].contains("\n\n") {
            para.push(&words[i].lower);
            i += 1;
        }
        for w in para.windows(SHINGLE.min(para.len())) {
            any = true;
            let base = shingle_hash(w);
            for ((m, a), b) in mins.iter_mut().zip(&coef.a).zip(&coef.b) {
                *m = (*m).min((base.wrapping_mul(*a).wrapping_add(*b) >> 32) as u32);
            }
        }
    }
    if any { mins.to_vec() } else { Vec::new() }
}

/// Estimated Jaccard similarity of two signatures.
pub fn similarity(a: &[u32], b: &[u32]) -> f64 {
    if a.len() != SIGNATURE || b.len() != SIGNATURE {
        return 0.0;
    }
    a.iter().zip(b).filter(|(x, y)| x == y).count() as f64 / SIGNATURE as f64
}

/// The LSH bands of a signature, each hashed (with its position) to one number; two documents
/// are compared when they share one. Stored, so the hash is fixed (see [`shingle_hash`]).
pub fn band_keys(sig: &[u32]) -> Vec<i64> {
    if sig.len() != SIGNATURE {
        return Vec::new();
    }
    (0..BANDS)
        .map(|b| {
            let mut h: u64 = 0xcbf2_9ce4_8422_2325 ^ (b as u64);
            for &v in &sig[b * ROWS..(b + 1) * ROWS] {
                for byte in v.to_le_bytes() {
                    h ^= u64::from(byte);
                    h = h.wrapping_mul(0x0000_0100_0000_01B3);
                }
            }
            h = (h ^ (h >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
            h = (h ^ (h >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
            (h ^ (h >> 31)) as i64
        })
        .collect()
}

/// Days between two dated reports beyond which they are not compared: syndicated copies and
/// rewrites of one report appear within days of each other, and bounding the distance keeps the
/// work per new document bounded by the reports of the last weeks, whatever the corpus size (a
/// corpus whose articles share many paragraphs otherwise makes every band a crowd).
pub const WINDOW_DAYS: i64 = 30;

/// Whether two documents (by day number) may be copies at all: both dated and at most
/// [`WINDOW_DAYS`] apart, or either undated (an undated copy could be of any report).
pub fn comparable(a: Option<i64>, b: Option<i64>) -> bool {
    match (a, b) {
        (Some(x), Some(y)) => (x - y).abs() <= WINDOW_DAYS,
        _ => true,
    }
}

/// Copies among the documents: `copy id -> (original id, similarity)`.
///
/// A document is compared with those that share an LSH band and are [`comparable`] in date. A
/// copy points at the first report (by date, then id; undated first) of the chain of earliest
/// originals it belongs to, as [`Index`] does when documents arrive in that order.
pub fn copies(docs: &[DocSummary]) -> HashMap<String, (String, f64)> {
    let mut order: Vec<usize> = (0..docs.len()).collect();
    order.sort_by(|&a, &b| (&docs[a].published, &docs[a].id).cmp(&(&docs[b].published, &docs[b].id)));
    let mut index = Index::with_window(Some(WINDOW_DAYS));
    let mut out = HashMap::new();
    let mut roots: Vec<usize> = Vec::with_capacity(docs.len());
    for &i in &order {
        let day = crate::stories::date_of(&docs[i]);
        let root = match index.push(docs[i].features.minhash.clone(), day) {
            Some((earlier, s)) => {
                let root = roots[earlier as usize];
                out.insert(docs[i].id.clone(), (docs[root].id.clone(), s));
                root
            }
            None => i,
        };
        roots.push(root);
    }
    out
}

/// Near-duplicates found as documents arrive in clustering order (undated first, then by date,
/// then id): each new document is compared with the held documents that share an LSH band, and
/// linked to the earliest one at or above [`THRESHOLD`]. Dated documents are forgotten once they
/// are more than the window older than the newest one, so memory and work per document follow
/// the reports of the last weeks, not the corpus; undated ones are kept (they are comparable
/// with everything). The corpus stage replays the documents of the window before the earliest
/// new one through an index like this; the throughput benchmark drives it directly.
#[derive(Default)]
pub struct Index {
    /// Band key -> the latest dated document holding it; older holders are chained through `next`.
    dated: HashMap<i64, u32>,
    /// The same for undated documents, which are never forgotten.
    undated: HashMap<i64, u32>,
    /// For each (document, band): the previous holder of the same key, or `NONE`.
    next: Vec<u32>,
    sigs: Vec<Vec<u32>>,
    days: Vec<Option<i64>>,
    /// Each document's original (itself when it is no copy).
    root: Vec<u32>,
    window_days: Option<i64>,
    /// Dated documents before this one are forgotten.
    first_kept: u32,
    held: usize,
    /// For each document, the last document whose candidates included it (each candidate is
    /// compared once however many bands it shares).
    seen: Vec<u32>,
}

const NONE: u32 = u32::MAX;

impl Index {
    /// An index with the corpus stage's window ([`WINDOW_DAYS`]).
    pub fn new() -> Index {
        Index::with_window(Some(WINDOW_DAYS))
    }

    /// An index that forgets dated documents older than `window_days` (never, with None).
    pub fn with_window(window_days: Option<i64>) -> Index {
        Index { window_days, ..Default::default() }
    }

    /// Documents held.
    pub fn len(&self) -> usize {
        self.held
    }

    pub fn is_empty(&self) -> bool {
        self.held == 0
    }

    /// Add the next document; returns the first report it copies (as the index of the document
    /// in the order added) and the similarity of the closest earlier copy, if it is a copy.
    pub fn add(&mut self, sig: Vec<u32>, day: Option<i64>) -> Option<(u32, f64)> {
        let found = self.push(sig, day);
        let out = found.map(|(doc, s)| (self.root[doc as usize], s));
        let me = self.root.len() as u32 - 1;
        self.root[me as usize] = out.map_or(me, |(r, _)| r);
        out
    }

    /// Add the next document; returns the earliest held document it is a copy of (its index in
    /// the order added) and their similarity. The caller follows originals further.
    pub fn push(&mut self, sig: Vec<u32>, day: Option<i64>) -> Option<(u32, f64)> {
        if let (Some(w), Some(d)) = (self.window_days, day) {
            self.forget_before(d - w);
        }
        let me = self.sigs.len() as u32;
        let keys = band_keys(&sig);
        let mut best: Option<(u32, f64)> = None;
        self.seen.push(me);
        let Index { dated, undated, next, sigs, days, seen, first_kept, .. } = self;
        for &k in &keys {
            for (heads, is_dated) in [(&*undated, false), (&*dated, true)] {
                let mut at = heads.get(&k).copied().unwrap_or(NONE);
                while at != NONE {
                    let doc = at / BANDS as u32;
                    if is_dated && doc < *first_kept {
                        break;
                    }
                    // Each candidate once, however many bands it shares; an undated document
                    // added after dated ones still compares only what is comparable.
                    if seen[doc as usize] != me && comparable(day, days[doc as usize]) {
                        seen[doc as usize] = me;
                        let s = similarity(&sig, &sigs[doc as usize]);
                        if s >= THRESHOLD && best.is_none_or(|(b, _)| doc < b) {
                            best = Some((doc, s));
                        }
                    }
                    at = next[at as usize];
                }
            }
        }
        if keys.is_empty() {
            self.next.extend(std::iter::repeat_n(NONE, BANDS));
        } else {
            let heads = if day.is_some() { &mut self.dated } else { &mut self.undated };
            for (b, &k) in keys.iter().enumerate() {
                let slot = me * BANDS as u32 + b as u32;
                let prev = heads.insert(k, slot).unwrap_or(NONE);
                self.next.push(prev);
            }
        }
        self.sigs.push(sig);
        self.days.push(day);
        self.root.push(me);
        self.held += 1;
        best
    }

    /// Forget dated documents before `day` (they were added in date order).
    fn forget_before(&mut self, day: i64) {
        while (self.first_kept as usize) < self.sigs.len() && self.days[self.first_kept as usize].is_none_or(|d| d < day) {
            let doc = self.first_kept as usize;
            self.first_kept += 1;
            if self.days[doc].is_none() {
                continue; // undated: kept, in its own chains
            }
            for (b, key) in band_keys(&self.sigs[doc]).into_iter().enumerate() {
                let slot = (doc * BANDS + b) as u32;
                // A key whose latest holder is this document has no later holder: drop it.
                if self.dated.get(&key) == Some(&slot) {
                    self.dated.remove(&key);
                }
            }
            self.sigs[doc] = Vec::new();
            self.held -= 1;
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_instruction_set_gives_the_portable_signature() {
        let texts = [
            "Pakistani jets struck camps in Khost.\n\nThe Taliban said 46 people were killed, most of them women and children.",
            "One",
            "Two words",
            "Élan vital: ÇA ÉTAIT déjà vu.\n\n\n\nAnother paragraph, after blank lines.",
            "",
        ];
        for t in texts {
            let portable = signature_with(t, &Word::all(t));
            assert_eq!(signature(t), portable, "{t:?}");
            // The first hash function, by hand: the least of (h * a + b) >> 32 over the shingles.
            if let Some(&first) = portable.first() {
                let c = coefficients();
                let words: Vec<String> =
                    t.split(|c: char| !c.is_alphanumeric()).filter(|w| !w.is_empty()).map(|w| w.to_lowercase()).collect();
                assert!(
                    words
                        .windows(SHINGLE.min(words.len()))
                        .any(|w| ((shingle_hash(w).wrapping_mul(c.a[0]).wrapping_add(c.b[0])) >> 32) as u32 == first)
                );
            }
        }
    }

    #[test]
    fn copies_are_close_and_different_reports_are_not() {
        let a = "Pakistan's intelligence chief made an unannounced visit to Tajikistan on Sunday and met the president at his palace, officials said, as tensions with the Taliban grew along the border.";
        let copy = format!("{a} Share this article.");
        let other = "The army of Sudan carried out air strikes on positions of the Rapid Support Forces around El Fasher, according to statements from the military on Monday night.";
        let (sa, sc, so) = (signature(a), signature(&copy), signature(other));
        assert!(similarity(&sa, &sc) >= THRESHOLD, "{}", similarity(&sa, &sc));
        assert!(similarity(&sa, &so) < 0.2);
        assert_eq!(signature(a), sa, "same text, same signature");
    }

    #[test]
    fn reordered_paragraphs_and_a_tenth_of_words_changed_are_still_copies() {
        let paras = [
            "Rebels of the movement walked into the centre of the provincial capital on Sunday, meeting little resistance after government troops withdrew from their positions overnight, residents said.",
            "The rebels took the city's airport on Friday. It is the second provincial capital they have seized since January, when they captured the largest city of the region to the north.",
            "The government said the city was under occupation and that it was doing everything it could to restore order. Looting of warehouses and shops was reported before the rebels arrived.",
        ];
        let original = paras.join("\n\n");
        let reordered = [paras[2], paras[0], paras[1]].join("\n\n");
        assert_eq!(signature(&original), signature(&reordered), "shingles stay inside paragraphs");
        // Every tenth word replaced.
        let edited: String =
            original.split(' ').enumerate().map(|(i, w)| if i % 10 == 5 { "reportedly" } else { w }).collect::<Vec<_>>().join(" ");
        let (so, se) = (signature(&original), signature(&edited));
        assert!(similarity(&so, &se) >= THRESHOLD, "{}", similarity(&so, &se));
        let docs: Vec<DocSummary> = [("a", "2025-02-16", &original), ("b", "2025-02-17", &edited)]
            .iter()
            .map(|(id, date, text)| DocSummary {
                id: id.to_string(),
                published: Some(date.to_string()),
                features: crate::Features { minhash: signature(text), ..Default::default() },
                ..Default::default()
            })
            .collect();
        let found = copies(&docs);
        assert_eq!(found.get("b").map(|(o, _)| o.as_str()), Some("a"), "the later one is the copy: {found:?}");
        let mut index = Index::with_window(None);
        assert_eq!(index.add(so.clone(), Some(1)), None);
        let other = "The central bank lowered its main interest rate by half a point on Wednesday, its first cut in four years, as inflation eased and hiring slowed across the country.";
        assert_eq!(index.add(signature(other), Some(1)), None, "another report is no copy");
        let (orig, sim) = index.add(se.clone(), Some(2)).expect("a copy");
        assert_eq!((orig, sim), (0, similarity(&so, &se)));
        let (orig, _) = index.add(se, Some(3)).expect("a copy of a copy");
        assert_eq!(orig, 0, "points at the first report");
        let mut windowed = Index::with_window(Some(7));
        windowed.add(so, Some(1));
        assert_eq!(windowed.add(signature(&edited), Some(30)), None, "forgotten after the window");
        assert_eq!(windowed.len(), 1);
    }

    #[test]
    fn copies_are_sought_within_the_window_and_undated_ones_everywhere() {
        let text = "The port city fell to the rebels on Sunday after two days of fighting, officials said, and thousands of residents fled north along the coast road toward the border.";
        let doc = |id: &str, published: Option<&str>| DocSummary {
            id: id.to_string(),
            published: published.map(str::to_string),
            features: crate::Features { minhash: signature(text), ..Default::default() },
            ..Default::default()
        };
        let docs = [doc("a", Some("2024-01-01")), doc("b", Some("2024-01-20")), doc("c", Some("2024-06-01"))];
        let found = copies(&docs);
        assert_eq!(found.get("b").map(|(o, _)| o.as_str()), Some("a"));
        assert_eq!(found.get("c"), None, "five months later is a new report: {found:?}");
        let with_undated = [docs[0].clone(), docs[2].clone(), doc("u", None)];
        let found = copies(&with_undated);
        // Undated sorts first: it is the original of both, however far apart they are.
        assert_eq!(found.get("a").map(|(o, _)| o.as_str()), Some("u"));
        assert_eq!(found.get("c").map(|(o, _)| o.as_str()), Some("u"));
        // The index gives the same links when the documents arrive in that order.
        let mut index = Index::new();
        assert_eq!(index.add(signature(text), None), None);
        assert_eq!(index.add(signature(text), Some(100)).map(|(o, _)| o), Some(0));
        assert_eq!(index.add(signature(text), Some(300)).map(|(o, _)| o), Some(0), "undated documents are never forgotten");
        assert_eq!(index.len(), 2, "the first dated one is forgotten");
    }

    #[test]
    fn paragraphs_are_the_blocks_between_blank_lines() {
        // The signature as defined: split at blank lines, then into words, shingled per block.
        let by_blocks = |text: &str| -> Vec<u32> {
            let c = coefficients();
            let mut mins = [u32::MAX; SIGNATURE];
            let mut any = false;
            for para in text.split("\n\n") {
                let words: Vec<String> =
                    para.split(|c: char| !c.is_alphanumeric()).filter(|w| !w.is_empty()).map(|w| w.to_lowercase()).collect();
                for w in words.windows(SHINGLE.min(words.len()).max(1)) {
                    any = true;
                    let h = shingle_hash(w);
                    for (k, m) in mins.iter_mut().enumerate() {
                        *m = (*m).min((h.wrapping_mul(c.a[k]).wrapping_add(c.b[k]) >> 32) as u32);
                    }
                }
            }
            if any { mins.to_vec() } else { Vec::new() }
        };
        for text in [
            "\n\nOpening after a blank line. Two\n\n\nthree blank.\n\n",
            "A single\nline break does not part paragraphs; «ÉTÉ» — déjà\n \nvu, 2024.",
            "One two\n\nthree\n\nfour five six seven",
            "   ",
        ] {
            assert_eq!(signature(text), by_blocks(text), "{text:?}");
        }
    }

    #[test]
    fn signatures_do_not_change_between_builds() {
        // Signatures are stored: the hash must not depend on the Rust release or the platform
        // (the value was checked against the same FNV-1a and finaliser written in Python).
        assert_eq!(shingle_hash(&["the".to_string(), "dam".to_string(), "broke".to_string()]), 0x8391_dd82_8faa_cdd5);
    }
}
