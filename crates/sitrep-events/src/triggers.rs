//! Finding pattern matches (triggers) in a sentence's tokens.

use sitrep_text::TokenKind;

use crate::lexicon::Lexicon;

/// Most words a `*` in a pattern stands for ("fired more than 300 drones and missiles at").
pub const MAX_GAP: usize = 5;

/// A pattern matched in a sentence: token range `[first, last]` (inclusive) and byte range.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Trigger {
    pub pattern: usize,
    pub first: usize,
    pub last: usize,
    pub start: usize,
    pub end: usize,
}

/// The words of a sentence (punctuation left out), with whether punctuation (other than a hyphen)
/// separates each from the previous one, and the ids of the lemmas each can stand for.
struct Words<'w> {
    idx: Vec<usize>,
    /// Lower-case, possessive "'s" cut off.
    lower: Vec<&'w str>,
    lemmas: Vec<&'w [u32]>,
    barrier_before: Vec<bool>,
}

fn words<'w>(lex: &'w Lexicon, sentence: &crate::Words<'w>) -> Words<'w> {
    let n = sentence.toks.len();
    let mut w = Words {
        idx: Vec::with_capacity(n),
        lower: Vec::with_capacity(n),
        lemmas: Vec::with_capacity(n),
        barrier_before: Vec::with_capacity(n),
    };
    let mut barrier = false;
    for (i, (t, &lower)) in sentence.toks.iter().zip(&sentence.lower).enumerate() {
        match t.kind {
            TokenKind::Punct => barrier |= t.text(sentence.text) != "-",
            _ => {
                // curly apostrophes are straight already: "’s" is "'s" here
                let s = lower.strip_suffix("'s").unwrap_or(lower);
                w.idx.push(i);
                w.lower.push(s);
                w.lemmas.push(lex.lemma_ids(s));
                w.barrier_before.push(barrier);
                barrier = false;
            }
        }
    }
    w
}

/// A number or a unit of count or measure ("5.1", "million", "tons").
fn is_quantity(word: &str) -> bool {
    word.chars().next().is_some_and(|c| c.is_ascii_digit() || c == '$')
        || matches!(
            word,
            "hundred"
                | "hundreds"
                | "thousand"
                | "thousands"
                | "million"
                | "millions"
                | "billion"
                | "billions"
                | "dollars"
                | "euros"
                | "tons"
                | "tonnes"
                | "kg"
                | "kilograms"
        )
}

/// A word that opens a clause of its own: a gap does not reach across it ("reserved the right to
/// resume fighting if negotiations failed" is no "resume * negotiation").
fn opens_clause(word: &str) -> bool {
    matches!(
        word,
        "if" | "unless"
            | "when"
            | "whenever"
            | "because"
            | "while"
            | "whereas"
            | "although"
            | "though"
            | "which"
            | "who"
            | "whom"
            | "whose"
    )
}

/// Match pattern words `pw` (lemma ids, `None` a gap) from word `pos`; returns the index after
/// the last matched word.
fn match_from(w: &Words, pw: &[Option<u32>], pos: usize, first: bool) -> Option<usize> {
    let Some(head) = pw.first() else { return Some(pos) };
    match head {
        Some(l) => {
            if pos >= w.lower.len() || (!first && w.barrier_before[pos]) || !w.lemmas[pos].contains(l) {
                return None;
            }
            match_from(w, &pw[1..], pos + 1, false)
        }
        None => {
            // Quantities are free: "gave Chad 5.1 million dollars of aid" is a gap of three words.
            let mut words = 0;
            let mut skip = 0;
            loop {
                if let Some(end) = match_from(w, &pw[1..], pos + skip, false) {
                    return Some(end);
                }
                let k = pos + skip;
                if k >= w.lower.len() || w.barrier_before[k] || opens_clause(w.lower[k]) {
                    return None;
                }
                if !is_quantity(w.lower[k]) {
                    words += 1;
                    if words > MAX_GAP {
                        return None;
                    }
                }
                skip += 1;
            }
        }
    }
}

/// Non-overlapping triggers in the sentence, longest patterns first. A match that cuts through
/// an actor's name (`names`: byte spans) is not a reading of the sentence: "stepped up assaults
/// on security forces" is no "step up * security".
pub fn find(lex: &Lexicon, sentence: &crate::Words<'_>, names: &[(usize, usize)]) -> Vec<Trigger> {
    let toks = sentence.toks;
    let w = words(lex, sentence);
    // The lemmas the sentence holds, sorted: a pattern that needs one it lacks cannot match, and
    // most patterns of a common word ("said", "attack") need another word the sentence lacks.
    let mut present: Vec<u32> = w.lemmas.iter().flat_map(|l| l.iter().copied()).collect();
    present.sort_unstable();
    present.dedup();
    let mut found: Vec<(usize, Trigger)> = Vec::new();
    for pos in 0..w.lower.len() {
        for &lemma in w.lemmas[pos] {
            for &p in lex.starting_with_id(lemma) {
                let pat = lex.pattern_ids(p);
                if pat.iter().skip(1).flatten().any(|id| present.binary_search(id).is_err()) {
                    continue;
                }
                if let Some(end) = match_from(&w, pat, pos, true) {
                    let (first, last) = (w.idx[pos], w.idx[end - 1]);
                    let (s, e) = (toks[first].start, toks[last].end);
                    if names.iter().any(|&(ns, ne)| (ns < s && s < ne) || (ns < e && e < ne)) {
                        continue;
                    }
                    let weight = pat.iter().filter(|x| x.is_some()).count();
                    found.push((weight, Trigger { pattern: p, first, last, start: toks[first].start, end: toks[last].end }));
                }
            }
        }
    }
    // Of two overlapping matches the one that starts first is the verb that governs the other
    // ("ended mediation efforts between": "end * mediation", not "mediation efforts between");
    // from one word, the longest pattern is the most specific reading.
    found.sort_by(|a, b| a.1.start.cmp(&b.1.start).then(b.0.cmp(&a.0)).then(a.1.pattern.cmp(&b.1.pattern)));
    let mut out: Vec<Trigger> = Vec::new();
    for (_, t) in found {
        if out.iter().any(|o| o.first <= t.last && t.first <= o.last) {
            continue;
        }
        out.push(t);
    }
    out.sort_by_key(|t| t.start);
    out
}
