//! Sector words placed by their neighbours.
//!
//! The actor stage joins a nationality to the sector word right after it ("Kenyan troops"). Words
//! in between ("Latvian constitutional court", "Irish nationalist guerrillas", "Nicaragua's
//! Sandinista government") and a place after it ("rebels in the Ivory Coast", "opposition groups
//! in Zimbabwe") leave the sector word without a country; this reads them, so the event's source
//! or target is that country's sector.

use std::borrow::Cow;

use sitrep_model::{Mention, MentionKind, Span};
use sitrep_text::{Token, TokenKind};

use crate::Lexicon;

/// Words that end a noun phrase: reading back across one of them leaves the phrase.
const STOP: &[&str] = &[
    "the", "a", "an", "and", "or", "but", "of", "in", "on", "at", "to", "for", "from", "with", "by", "against", "as", "that", "which",
    "who", "is", "are", "was", "were", "be", "been", "has", "have", "had", "will", "would", "said", "says", "say", "not", "than",
];

/// Modifiers of sector words that also begin event patterns ("military aid", "riot police").
const MODIFIERS: &[&str] = &[
    "military",
    "paramilitary",
    "security",
    "riot",
    "border",
    "police",
    "naval",
    "air",
    "army",
    "special",
    "secret",
    "armed",
    "peace",
    "peacekeeping",
    "humanitarian",
    "opposition",
    "rebel",
    "government",
];

/// Parts of a country named by direction ("in southern Serbia").
const COMPASS: &[&str] = &[
    "north",
    "south",
    "east",
    "west",
    "northern",
    "southern",
    "eastern",
    "western",
    "central",
    "northeast",
    "northwest",
    "southeast",
    "southwest",
    "northeastern",
    "northwestern",
    "southeastern",
    "southwestern",
];

/// Copies of `mentions` in which sector words without a country get one from their neighbours;
/// `toks` are the tokens of each sentence. The mentions are copied only once one changes.
pub fn qualify<'a>(lex: &Lexicon, text: &str, sentences: &[Span], toks: &[Vec<Token>], mentions: &'a [Mention]) -> Cow<'a, [Mention]> {
    let bare = |m: &Mention| m.kind == MentionKind::Agent && m.country.is_none();
    let mut out = Cow::Borrowed(mentions);
    if !mentions.iter().any(bare) {
        return out;
    }
    for (&s, toks) in sentences.iter().zip(toks) {
        let here: Vec<usize> = (0..out.len()).filter(|&i| out[i].start >= s.start && out[i].end <= s.end).collect();
        if !here.iter().any(|&i| bare(&out[i])) {
            continue;
        }
        for &i in &here {
            let m = &out[i];
            if m.kind != MentionKind::Agent || m.country.is_some() {
                continue;
            }
            let others: Vec<&Mention> = here.iter().filter(|&&j| j != i).map(|&j| &out[j]).collect();
            let Some(c) = modifier_before(lex, text, toks, m, &others).or_else(|| place_after(lex, text, toks, m, &others)) else {
                continue;
            };
            let m = &mut out.to_mut()[i];
            m.actor = Some(format!("{c}{}", m.agent.as_deref().unwrap_or("")));
            m.country = Some(c);
        }
    }
    out
}

fn tok_at(toks: &[Token], pos: usize) -> usize {
    toks.partition_point(|t| t.end <= pos)
}

/// A nationality or a country's possessive at most two modifiers before the sector word.
fn modifier_before(lex: &Lexicon, text: &str, toks: &[Token], m: &Mention, others: &[&Mention]) -> Option<String> {
    let mut k = tok_at(toks, m.start);
    let mut modifiers = 0;
    while k > 0 {
        k -= 1;
        let t = &toks[k];
        if let Some(o) = others.iter().find(|o| o.start <= t.start && t.start < o.end) {
            let possessive = text[o.end..].starts_with("'s") || text[o.end..].starts_with("’s");
            let joined = text[o.end..].starts_with('-');
            // "Darfur rebels", "Kabul police": a place right before the sector word is its home
            // ("Serbian military police": a placed sector word right before lends its country)
            let adjacent = modifiers == 0 && matches!(o.kind, MentionKind::Place | MentionKind::Country | MentionKind::Agent);
            let state = matches!(o.kind, MentionKind::Country | MentionKind::Place);
            let ok = o.kind == MentionKind::Nationality || adjacent || (state && (possessive || joined));
            return o.country.clone().filter(|_| ok);
        }
        let w = t.text(text).to_lowercase();
        if t.kind == TokenKind::Punct {
            if w == "-" {
                continue;
            }
            return None;
        }
        let hyphened = k > 0 && toks[k - 1].text(text) == "-" && toks[k - 1].end == t.start;
        // a verb ends the phrase ("Russian forces killed civilians"): words that start an event
        // pattern, or look like a past tense not joined by a hyphen ("Vietnamese-led")
        let verbish = !MODIFIERS.contains(&w.as_str()) && (lex.starts_pattern(&w) || (w.ends_with("ed") && !hyphened));
        if STOP.contains(&w.as_str()) || verbish || w.ends_with("'s") || w.ends_with("’s") {
            return None;
        }
        modifiers += 1;
        if modifiers > 2 {
            return None;
        }
    }
    None
}

/// "rebels in the Ivory Coast", "opposition groups in Zimbabwe": a country (or a place in one)
/// after "in", "of" or "from" right behind the sector word (one noun may come between).
fn place_after(lex: &Lexicon, text: &str, toks: &[Token], m: &Mention, others: &[&Mention]) -> Option<String> {
    let word = |i: usize| toks.get(i).map(|t| t.text(text).to_lowercase()).unwrap_or_default();
    let mut k = tok_at(toks, m.end);
    let starts_noun = |w: &str| w.chars().all(char::is_alphabetic) && !STOP.contains(&w) && !w.ends_with("ed") && !lex.starts_pattern(w);
    if starts_noun(&word(k)) && matches!(word(k + 1).as_str(), "in" | "of" | "from") {
        k += 1;
    }
    if !matches!(word(k).as_str(), "in" | "of" | "from") {
        return None;
    }
    k += 1;
    if word(k) == "the" {
        k += 1;
    }
    // "Albanians of southern Serbia": a part of the country is still in it
    if COMPASS.contains(&word(k).as_str()) && toks.get(k).is_some_and(|t| t.text(text).starts_with(|c: char| c.is_ascii_lowercase())) {
        k += 1;
    }
    let t = toks.get(k)?;
    let o = others.iter().find(|o| o.start == t.start)?;
    matches!(o.kind, MentionKind::Country | MentionKind::Place).then(|| o.country.clone()).flatten()
}
