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

use std::collections::{BTreeMap, HashMap};

use crate::summary::DocSummary;

/// Hash functions in a signature.
pub const SIGNATURE: usize = 128;
const BANDS: usize = 64;
const ROWS: usize = SIGNATURE / BANDS;
/// Estimated Jaccard similarity from which two documents are copies.
pub const THRESHOLD: f64 = 0.3;
const SHINGLE: usize = 3;

/// Fixed odd multipliers and offsets: the same text always gets the same signature.
fn coefficients() -> [(u64, u64); SIGNATURE] {
    let mut out = [(0u64, 0u64); SIGNATURE];
    let mut x: u64 = 0x9E37_79B9_7F4A_7C15;
    for c in out.iter_mut() {
        // splitmix64
        x = x.wrapping_add(0x9E37_79B9_7F4A_7C15);
        let mut z = x;
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        let a = (z ^ (z >> 31)) | 1;
        c.0 = a;
        c.1 = a.rotate_left(17);
    }
    out
}

/// A hash of a shingle that stays the same across builds and Rust releases (signatures are
/// stored): FNV-1a over the words' bytes, each word closed by a 0xFF byte (never in UTF-8),
/// mixed by splitmix64's finaliser.
fn shingle_hash(words: &[String]) -> u64 {
    let mut h: u64 = 0xcbf2_9ce4_8422_2325;
    for w in words {
        for &b in w.as_bytes().iter().chain(std::iter::once(&0xFF)) {
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
    let coef = coefficients();
    let mut mins = vec![u32::MAX; SIGNATURE];
    let mut any = false;
    for para in text.split("\n\n") {
        let words: Vec<String> = para.split(|c: char| !c.is_alphanumeric()).filter(|w| !w.is_empty()).map(str::to_lowercase).collect();
        if words.is_empty() {
            continue;
        }
        for w in words.windows(SHINGLE.min(words.len())) {
            any = true;
            let base = shingle_hash(w);
            for (m, (a, b)) in mins.iter_mut().zip(coef.iter()) {
                let v = (base.wrapping_mul(*a).wrapping_add(*b) >> 32) as u32;
                if v < *m {
                    *m = v;
                }
            }
        }
    }
    if any { mins } else { Vec::new() }
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

/// Copies among the documents: `copy id -> (original id, similarity)`.
///
/// A document's result depends only on the documents it is linked to, directly or through
/// other copies, so recomputing it over one such group (as `update_corpus` does for the groups
/// new documents touch) gives what a run over the whole corpus gives for them.
pub fn copies(docs: &[DocSummary]) -> HashMap<String, (String, f64)> {
    let mut buckets: HashMap<i64, Vec<usize>> = HashMap::new();
    for (i, d) in docs.iter().enumerate() {
        for key in band_keys(&d.features.minhash) {
            buckets.entry(key).or_default().push(i);
        }
    }
    let order = |i: usize| (docs[i].published.clone().unwrap_or_default(), docs[i].id.clone());
    let mut best: BTreeMap<usize, (usize, f64)> = BTreeMap::new();
    let mut seen: std::collections::HashSet<(usize, usize)> = std::collections::HashSet::new();
    for members in buckets.values().filter(|m| m.len() > 1) {
        for (k, &i) in members.iter().enumerate() {
            for &j in &members[k + 1..] {
                if !seen.insert((i.min(j), i.max(j))) {
                    continue;
                }
                let s = similarity(&docs[i].features.minhash, &docs[j].features.minhash);
                if s < THRESHOLD {
                    continue;
                }
                let (orig, copy) = if order(i) <= order(j) { (i, j) } else { (j, i) };
                let slot = best.entry(copy).or_insert((orig, s));
                if order(orig) < order(slot.0) {
                    *slot = (orig, s);
                }
            }
        }
    }
    // Follow chains so every copy points at the first report.
    let mut out = HashMap::new();
    for (&copy, &(mut orig, s)) in &best {
        let mut steps = 0;
        while let Some(&(o, _)) = best.get(&orig) {
            orig = o;
            steps += 1;
            if steps > docs.len() {
                break;
            }
        }
        out.insert(docs[copy].id.clone(), (docs[orig].id.clone(), s));
    }
    out
}

/// Near-duplicates found as documents arrive in order (date, then id): each new document is
/// checked against those before it that share an LSH band, and linked to the first report of the
/// group it copies, as [`copies`] links it. The store keeps the same bands on disk
/// (`doc_bands`); this in-memory index is what the throughput benchmark drives. Memory grows
/// linearly with the documents held (a signature and one entry per band each); `window_days`
/// bounds it by forgetting documents older than that.
#[derive(Default)]
pub struct Index {
    /// Band key -> the latest document holding it; older holders are chained through `next`.
    heads: HashMap<i64, u32>,
    /// For each (document, band): the previous holder of the same key, or `u32::MAX`.
    next: Vec<u32>,
    sigs: Vec<Vec<u32>>,
    days: Vec<Option<i64>>,
    /// Each document's original (itself when it is no copy).
    root: Vec<u32>,
    window_days: Option<i64>,
    /// Documents before this one are forgotten.
    first_kept: u32,
}

const NONE: u32 = u32::MAX;

impl Index {
    pub fn new(window_days: Option<i64>) -> Index {
        Index { window_days, ..Default::default() }
    }

    /// Documents held.
    pub fn len(&self) -> usize {
        self.sigs.len() - self.first_kept as usize
    }

    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }

    /// Add the next document (in date order); returns the first report it copies and the
    /// similarity of the closest earlier copy, if it is a copy.
    pub fn add(&mut self, sig: Vec<u32>, day: Option<i64>) -> Option<(u32, f64)> {
        if let (Some(w), Some(d)) = (self.window_days, day) {
            self.forget_before(d - w);
        }
        let me = self.sigs.len() as u32;
        let keys = band_keys(&sig);
        let mut best: Option<(u32, f64)> = None;
        let mut seen: Vec<u32> = Vec::new();
        for &k in &keys {
            let mut at = self.heads.get(&k).copied().unwrap_or(NONE);
            while at != NONE {
                let doc = at / BANDS as u32;
                if doc < self.first_kept {
                    break;
                }
                if !seen.contains(&doc) {
                    seen.push(doc);
                    let s = similarity(&sig, &self.sigs[doc as usize]);
                    // The earliest linked report wins, as in `copies`.
                    if s >= THRESHOLD && best.is_none_or(|(b, _)| doc < b) {
                        best = Some((doc, s));
                    }
                }
                at = self.next[at as usize];
            }
        }
        let out = best.map(|(doc, s)| (self.root[doc as usize], s));
        if keys.is_empty() {
            self.next.extend(std::iter::repeat_n(NONE, BANDS));
        } else {
            for (b, &k) in keys.iter().enumerate() {
                let slot = me * BANDS as u32 + b as u32;
                let prev = self.heads.insert(k, slot).unwrap_or(NONE);
                self.next.push(prev);
            }
        }
        self.sigs.push(sig);
        self.days.push(day);
        self.root.push(out.map_or(me, |(r, _)| r));
        out
    }

    /// Forget documents dated before `day` (they were added in date order).
    fn forget_before(&mut self, day: i64) {
        while (self.first_kept as usize) < self.sigs.len() && self.days[self.first_kept as usize].is_some_and(|d| d < day) {
            let doc = self.first_kept as usize;
            for (b, key) in band_keys(&self.sigs[doc]).into_iter().enumerate() {
                let slot = (doc * BANDS + b) as u32;
                // A key whose latest holder is this document has no later holder: drop it.
                if self.heads.get(&key) == Some(&slot) {
                    self.heads.remove(&key);
                }
            }
            self.sigs[doc] = Vec::new();
            self.first_kept += 1;
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

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
        let mut index = Index::new(None);
        assert_eq!(index.add(so.clone(), Some(1)), None);
        let other = "The central bank lowered its main interest rate by half a point on Wednesday, its first cut in four years, as inflation eased and hiring slowed across the country.";
        assert_eq!(index.add(signature(other), Some(1)), None, "another report is no copy");
        let (orig, sim) = index.add(se.clone(), Some(2)).expect("a copy");
        assert_eq!((orig, sim), (0, similarity(&so, &se)));
        let (orig, _) = index.add(se, Some(3)).expect("a copy of a copy");
        assert_eq!(orig, 0, "points at the first report");
        let mut windowed = Index::new(Some(7));
        windowed.add(so, Some(1));
        assert_eq!(windowed.add(signature(&edited), Some(30)), None, "forgotten after the window");
        assert_eq!(windowed.len(), 1);
    }

    #[test]
    fn signatures_do_not_change_between_builds() {
        // Signatures are stored: the hash must not depend on the Rust release or the platform
        // (the value was checked against the same FNV-1a and finaliser written in Python).
        assert_eq!(shingle_hash(&["the".to_string(), "dam".to_string(), "broke".to_string()]), 0x8391_dd82_8faa_cdd5);
    }
}
