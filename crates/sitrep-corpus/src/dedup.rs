//! Near-duplicate documents: syndicated copies and light rewrites of one report.
//!
//! Each document gets a MinHash signature of its word 5-shingles (64 hash functions); signatures
//! are banded (16 bands of 4) so that only documents sharing a band are compared. Two documents
//! whose estimated Jaccard similarity is at least [`THRESHOLD`] are copies; the later one (by date,
//! then id) is linked to the earlier as its original, and does not count as an independent report.

use std::collections::{BTreeMap, HashMap};
use std::hash::{DefaultHasher, Hash, Hasher};

use crate::summary::DocSummary;

/// Hash functions in a signature.
pub const SIGNATURE: usize = 64;
const BANDS: usize = 16;
const ROWS: usize = SIGNATURE / BANDS;
/// Estimated Jaccard similarity from which two documents are copies.
pub const THRESHOLD: f64 = 0.8;
const SHINGLE: usize = 5;

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

/// The MinHash signature of a text (empty for texts shorter than one shingle).
pub fn signature(text: &str) -> Vec<u32> {
    let words: Vec<String> = text.split(|c: char| !c.is_alphanumeric()).filter(|w| !w.is_empty()).map(str::to_lowercase).collect();
    if words.len() < SHINGLE {
        return Vec::new();
    }
    let coef = coefficients();
    let mut mins = vec![u32::MAX; SIGNATURE];
    for w in words.windows(SHINGLE) {
        let mut h = DefaultHasher::new();
        w.hash(&mut h);
        let base = h.finish();
        for (m, (a, b)) in mins.iter_mut().zip(coef.iter()) {
            let v = (base.wrapping_mul(*a).wrapping_add(*b) >> 32) as u32;
            if v < *m {
                *m = v;
            }
        }
    }
    mins
}

/// Estimated Jaccard similarity of two signatures.
pub fn similarity(a: &[u32], b: &[u32]) -> f64 {
    if a.len() != SIGNATURE || b.len() != SIGNATURE {
        return 0.0;
    }
    a.iter().zip(b).filter(|(x, y)| x == y).count() as f64 / SIGNATURE as f64
}

/// Copies among the documents: `copy id -> (original id, similarity)`.
pub fn copies(docs: &[DocSummary]) -> HashMap<String, (String, f64)> {
    let mut buckets: HashMap<(usize, Vec<u32>), Vec<usize>> = HashMap::new();
    for (i, d) in docs.iter().enumerate() {
        let sig = &d.features.minhash;
        if sig.len() != SIGNATURE {
            continue;
        }
        for b in 0..BANDS {
            buckets.entry((b, sig[b * ROWS..(b + 1) * ROWS].to_vec())).or_default().push(i);
        }
    }
    let order = |i: usize| (docs[i].published.clone().unwrap_or_default(), docs[i].id.clone());
    let mut best: BTreeMap<usize, (usize, f64)> = BTreeMap::new();
    for members in buckets.values().filter(|m| m.len() > 1) {
        for (k, &i) in members.iter().enumerate() {
            for &j in &members[k + 1..] {
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
}
