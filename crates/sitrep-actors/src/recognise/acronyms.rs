//! Acronyms an article defines: "the World Monuments Fund (WMF)", "Iraqi Security Forces (ISF)".
//!
//! An acronym in brackets right after an organisation, a group or a sector of a country stands
//! for it; so does every later (or earlier) use of the acronym in the article. A capitalised name
//! no other rule found is an organisation when the bracketed acronym spells its initials
//! ("Hay'at Tahrir al-Sham (HTS)").

use sitrep_model::{Article, Mention, MentionKind, slug};
use sitrep_text::{Token, TokenKind};

use crate::SentenceTokens;

/// Last words of names that acronyms spell but that are no actors.
const THINGS: &[&str] = &[
    "agreement",
    "agreements",
    "treaty",
    "accord",
    "deal",
    "act",
    "law",
    "convention",
    "protocol",
    "resolution",
    "facility",
    "facilities",
    "plant",
    "reactor",
    "missile",
    "missiles",
    "system",
    "systems",
    "vehicle",
    "vehicles",
    "device",
    "devices",
    "weapon",
    "weapons",
    "zone",
    "area",
    "plan",
    "initiative",
    "strategy",
    "index",
    "report",
    "rate",
    "product",
    "test",
    "disorder",
    "syndrome",
    "disease",
    "virus",
];

/// Whether `w` reads as an acronym: two to eight letters or digits, mostly capitals ("ISF",
/// "NAVCENT", "JeM", "ISIS-K").
fn acronym_like(w: &str) -> bool {
    let letters: Vec<char> = w.chars().filter(|c| c.is_alphanumeric()).collect();
    let upper = letters.iter().filter(|c| c.is_uppercase()).count();
    (2..=8).contains(&letters.len())
        && upper >= 2
        && upper * 3 >= letters.len() * 2
        && letters[0].is_uppercase()
        && w.chars().all(|c| c.is_alphanumeric() || c == '-')
}

fn bare(w: &str) -> &str {
    w.strip_suffix("'s").or_else(|| w.strip_suffix("’s")).unwrap_or(w)
}

/// The acronym in brackets at tokens `k..`: "(", word, ")" with the word's token index.
fn bracketed(text: &str, toks: &[Token], k: usize) -> Option<usize> {
    let open = toks.get(k)?;
    if open.text(text) != "(" {
        return None;
    }
    // "ISIS-K" is three tokens; take words and hyphens up to the closing bracket.
    let close = (k + 1..toks.len().min(k + 5)).find(|&c| toks[c].text(text) == ")")?;
    let inner = &text[toks[k + 1].start..toks[close - 1].end];
    (close > k + 1 && acronym_like(inner)).then_some(k + 1)
}

/// The words of a name whose initials spell `acr`, ending right before token `k`: the start
/// of the name, if there is one.
fn spelled_by(text: &str, toks: &[Token], k: usize, acr: &str) -> Option<usize> {
    let letters: Vec<char> = acr.chars().filter(char::is_ascii_alphabetic).map(|c| c.to_ascii_lowercase()).collect();
    let mut need = letters.len();
    let mut i = k;
    while need > 0 && i > 0 {
        i -= 1;
        let t = &toks[i];
        let w = t.text(text);
        if t.kind != TokenKind::Word {
            if matches!(w, "-" | "'" | "’") {
                continue;
            }
            return None;
        }
        let first = w.chars().next()?;
        if first.is_lowercase() {
            // particles inside names: "of", "al", "and", "for", "the"
            if matches!(w, "of" | "al" | "el" | "and" | "for" | "the" | "de" | "du" | "la" | "i" | "e") {
                continue;
            }
            return None;
        }
        if first.to_ascii_lowercase() != letters[need - 1] {
            return None;
        }
        need -= 1;
    }
    (need == 0).then_some(i)
}

/// Add the mentions of acronyms the article defines to `found` (all of the article's
/// mentions, sorted by start), keeping them sorted.
pub(crate) fn find(article: &Article, sents: &SentenceTokens, found: &mut Vec<Mention>) {
    let text = &article.text;
    let covered = |found: &[Mention], s: usize, e: usize| found.iter().any(|m| m.start < e && s < m.end);
    let mut defined: Vec<(String, Mention)> = Vec::new();
    let mut added: Vec<Mention> = Vec::new();
    for toks in &sents.0 {
        let toks = toks.as_slice();
        for k in 0..toks.len() {
            let Some(a) = bracketed(text, toks, k) else { continue };
            let close = (a..toks.len()).find(|&c| toks[c].text(text) == ")").unwrap_or(a);
            let (s, e) = (toks[a].start, toks[close - 1].end);
            let acr = text[s..e].to_string();
            if defined.iter().any(|(d, _)| *d == acr) || covered(found, s, e) || covered(&added, s, e) {
                continue;
            }
            let before = toks[k].start;
            let owner = found
                .iter()
                .rev()
                .find(|m| m.end <= before && text[m.end..before].trim().is_empty() && m.actor.is_some() && m.kind != MentionKind::Person);
            let owner = owner.filter(|m| {
                let named = matches!(m.kind, MentionKind::Organisation | MentionKind::Group)
                    || (m.kind == MentionKind::Agent && m.country.is_some());
                let first = acr.chars().next().unwrap_or(' ');
                named && m.text.split(|c: char| !c.is_alphanumeric()).any(|w| w.starts_with(first))
            });
            let template = match owner {
                Some(m) => m.clone(),
                None => {
                    // An unknown name its acronym spells: an organisation.
                    let Some(first) = spelled_by(text, toks, k, &acr) else { continue };
                    let (ns, ne) = (toks[first].start, toks[k - 1].end);
                    // "Free Trade Agreement (FTA)", "Uranium Conversion Facility (UCF)": acronyms
                    // spell things as well as bodies.
                    let last = toks[k - 1].text(text).to_lowercase();
                    if THINGS.contains(&last.as_str()) {
                        continue;
                    }
                    if covered(found, ns, ne) || covered(&added, ns, ne) || ne <= ns {
                        continue;
                    }
                    let name = &text[ns..ne];
                    let actor = format!("ORG:{}", slug(name));
                    let m = Mention {
                        start: ns,
                        end: ne,
                        text: name.to_string(),
                        kind: MentionKind::Organisation,
                        actor: Some(actor.clone()),
                        country: None,
                        agent: None,
                        org: Some(actor),
                        how: "name".into(),
                    };
                    added.push(m.clone());
                    m
                }
            };
            defined.push((acr, template));
        }
    }
    if defined.is_empty() {
        return;
    }
    for toks in &sents.0 {
        for &t in toks {
            let w = bare(t.text(text));
            // "ISIS-K" is several tokens: its first must start the whole acronym, ending at a word end.
            let whole = |d: &String| {
                d == w
                    || (d.contains('-')
                        && text[t.start..].starts_with(d.as_str())
                        && !text[t.start + d.len()..].starts_with(char::is_alphanumeric))
            };
            let Some((acr, m)) = defined.iter().find(|(d, _)| whole(d)) else { continue };
            let end = t.start + acr.len();
            if covered(found, t.start, end) || covered(&added, t.start, end) {
                continue;
            }
            added.push(Mention { start: t.start, end, text: acr.clone(), how: "acronym".into(), ..m.clone() });
        }
    }
    found.extend(added);
    found.sort_by_key(|m| m.start);
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn acronyms_look_like_acronyms() {
        for w in ["ISF", "NAVCENT", "JeM", "ISIS-K", "CTF"] {
            assert!(acronym_like(w), "{w}");
        }
        for w in ["Iraq", "a", "the", "2016", "I"] {
            assert!(!acronym_like(w), "{w}");
        }
    }
}
