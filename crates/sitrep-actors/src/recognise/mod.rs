//! Recognition: every stretch of an article that names an actor, a place or a sector.
//!
//! Per sentence: dictionary hits on the folded text (longest first, acronyms only in capitals),
//! then people and unknown organisations from capitalised names with cues (`people`), then sector
//! words joined to the country or group before them ("Pakistani troops", "Pakistan's spy agency").

mod acronyms;
pub mod names;
mod people;
pub mod words;

use sitrep_model::{Article, Mention, MentionKind, Span};
use sitrep_text::{Token, TokenKind};

use crate::SentenceTokens;
use crate::dictionary::{Dictionary, EntryKind, Hit};
use crate::fold::Folded;
use crate::lower::is_one_of;

/// All mentions in the article, sorted by start, not overlapping.
pub fn mentions(dict: &Dictionary, article: &Article) -> Vec<Mention> {
    mentions_with(dict, article, &SentenceTokens::of(article))
}

/// [`mentions`] with the sentences' tokens already made.
pub(crate) fn mentions_with(dict: &Dictionary, article: &Article, sents: &SentenceTokens) -> Vec<Mention> {
    let mut out = Vec::new();
    for (&sentence, toks) in article.sentences.iter().zip(&sents.0) {
        let toks = toks.as_slice();
        let mut found = dictionary_mentions(dict, &article.text, sentence, toks);
        names::find(&article.text, toks, &mut found);
        names::coalition(&article.text, toks, &mut found);
        people::find(&article.text, toks, &mut found);
        people::speakers(&article.text, toks, &mut found);
        found.sort_by_key(|m| m.start);
        drop_sector_modifiers(&article.text, &mut found);
        drop_owned_bodies(&article.text, &mut found);
        join_sectors(dict, &article.text, toks, &mut found);
        demonym_people(&article.text, &mut found);
        allies(&article.text, &mut found);
        locate_sectors(dict, &article.text, &mut found);
        locate_places(&article.text, &mut found);
        absorb_stance(&article.text, &mut found);
        mark_modifiers(&article.text, &mut found);
        out.extend(found);
    }
    acronyms::find(article, sents, &mut out);
    shared_names(&mut out);
    out
}

/// Bare names two states share, with the state the dictionary gives them and the other one.
const SHARED_NAMES: &[(&str, &str, &str)] = &[("Congo", "COG", "COD")];

/// "Goma, in eastern DR Congo ... accused Congo of": a bare name two states share follows the
/// article's unambiguous mentions. When the article names only the other state (by its full
/// name, its people or its towns), the bare name is that state too.
fn shared_names(out: &mut [Mention]) {
    for &(name, default, other) in SHARED_NAMES {
        let bare = |m: &Mention| m.country.as_deref() == Some(default) && m.text.contains(name) && !m.text.contains("Republic of");
        let of = |m: &Mention, c: &str| m.country.as_deref() == Some(c) || m.actor.as_deref() == Some(c);
        let other_named = out.iter().any(|m| of(m, other));
        let default_named = out.iter().any(|m| of(m, default) && !bare(m));
        if !other_named || default_named {
            continue;
        }
        for m in out.iter_mut().filter(|m| bare(m)) {
            m.country = Some(other.to_string());
            if let Some(a) = m.actor.as_mut().filter(|a| a.starts_with(default)) {
                a.replace_range(..default.len(), other);
            }
        }
    }
}

/// Whether the text from the first token to the last holds `s`: a pass that needs it in a token
/// can skip a sentence without it.
pub(crate) fn sentence_has(text: &str, toks: &[Token], s: &str) -> bool {
    match (toks.first(), toks.last()) {
        (Some(first), Some(last)) => text[first.start..last.end].contains(s),
        _ => false,
    }
}

fn kind_of(e: EntryKind) -> MentionKind {
    match e {
        EntryKind::Organisation => MentionKind::Organisation,
        EntryKind::Group => MentionKind::Group,
        EntryKind::Person => MentionKind::Person,
        EntryKind::Country => MentionKind::Country,
        EntryKind::Capital => MentionKind::Place,
        EntryKind::Adjective => MentionKind::Nationality,
        EntryKind::Agent => MentionKind::Agent,
    }
}

/// Whether the word around `[start, end)` is written in capitals, like the acronym needs, and
/// is not just part of a line shouted in capitals.
fn acronym_ok(text: &str, start: usize, end: usize, toks: &[Token]) -> bool {
    let span = &text[start..end];
    if !span.chars().filter(|c| c.is_alphabetic()).all(char::is_uppercase) {
        return false;
    }
    let shouting = |t: Option<&Token>| {
        t.is_some_and(|t| {
            let w = t.text(text);
            t.kind == TokenKind::Word && w.chars().filter(|c| c.is_alphabetic()).count() > 1 && w.chars().all(|c| !c.is_lowercase())
        })
    };
    let i = toks.partition_point(|t| t.end <= start);
    let j = toks.partition_point(|t| t.start < end);
    !(i > 0 && shouting(toks.get(i - 1)) && shouting(toks.get(j)))
}

fn dictionary_mentions(dict: &Dictionary, text: &str, sentence: Span, toks: &[Token]) -> Vec<Mention> {
    let folded = Folded::new(&text[sentence.start..sentence.end], sentence.start);
    let mut hits: Vec<(usize, usize, Hit)> = dict
        .hits(&folded)
        .into_iter()
        .map(|h| {
            let (s, e) = folded.original(h.start, h.end);
            (s, e, h)
        })
        .filter(|(s, e, h)| !h.entry.acronym || acronym_ok(text, *s, *e, toks))
        .filter(|(s, _, _)| !negated_prefix(text, *s))
        .map(|(s, e, h)| (s, abbreviation_end(text, s, e), h))
        .collect();
    // Longest first, then leftmost: "Pakistani Taliban" beats "Pakistani" and "Taliban".
    hits.sort_by(|a, b| (b.1 - b.0).cmp(&(a.1 - a.0)).then(a.0.cmp(&b.0)));
    let mut taken: Vec<Span> = Vec::new();
    let mut out = Vec::new();
    for (s, e, h) in hits {
        let span = Span::new(s, e);
        if taken.iter().any(|t| t.overlaps(span)) {
            continue;
        }
        let en = h.entry;
        // "International Syria Support Group": a country inside a longer proper name is part of it.
        if en.kind == EntryKind::Country && inside_name(text, s, e, toks) {
            continue;
        }
        // "Hafez al-Assad", "Assad Hassan": a one-word name of a known person inside another
        // person's name is not that person.
        if en.kind == EntryKind::Person && !text[s..e].contains(' ') && in_other_name(text, s, e, toks) {
            continue;
        }
        taken.push(span);
        let kind = kind_of(en.kind);
        out.push(Mention {
            start: s,
            end: e,
            text: text[s..e].to_string(),
            kind,
            actor: Some(en.actor.clone()),
            country: en.country.clone(),
            agent: en.agent.clone(),
            org: match kind {
                MentionKind::Organisation | MentionKind::Group => Some(en.actor.clone()),
                MentionKind::Person => dict.people.get(&en.actor).and_then(|p| p.org()),
                _ => None,
            },
            how: if en.acronym { "acronym".into() } else { "dictionary".into() },
        });
    }
    out
}

/// "U.S." folds to "u s" and its match ends before the last dot; the dot belongs to the
/// abbreviation, so "U.S. forces" reads as a name and a sector word with nothing between.
fn abbreviation_end(text: &str, start: usize, end: usize) -> usize {
    // The dot after the match first: most matches have none, and that is a byte to look at.
    if !text[end..].starts_with('.') {
        return end;
    }
    let last_word = text[start..end].rsplit(' ').next().unwrap_or("");
    if last_word.contains('.') && last_word.ends_with(|c: char| c.is_alphabetic()) { end + 1 } else { end }
}

/// Capitalised words on both sides, the one before not opening the sentence.
fn inside_name(text: &str, start: usize, end: usize, toks: &[Token]) -> bool {
    let i = toks.partition_point(|t| t.end <= start);
    let j = toks.partition_point(|t| t.start < end);
    let cap = |t: Option<&Token>| {
        t.is_some_and(|t| {
            t.kind == TokenKind::Word
                && t.text(text).chars().next().is_some_and(char::is_uppercase)
                && t.text(text).chars().any(char::is_lowercase)
        })
    };
    i >= 2 && cap(toks.get(i - 1)) && cap(toks.get(j))
}

/// A capitalised name word or a particle ("al-") right before, or a capitalised word right after.
fn in_other_name(text: &str, start: usize, end: usize, toks: &[Token]) -> bool {
    let i = toks.partition_point(|t| t.end <= start);
    let j = toks.partition_point(|t| t.start < end);
    let name_word = |t: Option<&Token>| {
        t.is_some_and(|t| {
            let w = t.text(text);
            t.kind == TokenKind::Word
                && w.chars().next().is_some_and(char::is_uppercase)
                && w.chars().any(char::is_lowercase)
                && !words::TITLE_SET.has_lower(w)
                && !words::not_name_word(w)
        })
    };
    let before = text[..start].trim_end_matches(['-', '‐', ' ']);
    // Only the end of the text before matters: its last characters, lower-cased (a particle
    // and its space are at most five).
    let particle = text[..start].ends_with(['-', '‐', ' ']) && {
        let tail = lower_tail(before, 8);
        words::NAME_PARTICLES.iter().any(|p| tail.strip_suffix(p).is_some_and(|t| t.ends_with(' ')))
    };
    particle || (i >= 1 && toks[i - 1].end + 1 >= start && name_word(toks.get(i - 1))) || name_word(toks.get(j))
}

/// The last `chars` characters of `s`, lower-cased: what `s.to_lowercase()` ends with, for a
/// suffix of fewer characters (each character lower-cases to one or more, and the only one whose
/// lower case depends on its neighbours, a capital sigma, gives a sigma either way).
fn lower_tail(s: &str, chars: usize) -> String {
    let from = s.char_indices().rev().nth(chars - 1).map_or(0, |(i, _)| i);
    s[from..].to_lowercase()
}

/// "anti-Taliban", "pro-Russian": the name is part of an adjective about it, not a mention of it.
fn negated_prefix(text: &str, start: usize) -> bool {
    // Every prefix ends in a hyphen or a space after "i", "o" or "n", which only themselves and
    // their capitals lower-case to: without them right before, no prefix (asked of every
    // dictionary hit, most of them after a space).
    let mut last = text[..start].chars().rev();
    if !(matches!(last.next(), Some('-' | ' ' | '‐')) && matches!(last.next(), Some('i' | 'I' | 'o' | 'O' | 'n' | 'N'))) {
        return false;
    }
    let before = lower_tail(&text[..start], 8);
    ["anti-", "pro-", "non-", "anti ", "anti‐", "pro‐"].iter().any(|p| before.ends_with(p))
}

/// "anti-Taliban resistance groups", "pro-Russian separatists": the stance belongs to the sector
/// mention, so its text says whom the group stands against or for.
fn absorb_stance(text: &str, found: &mut [Mention]) {
    for i in 0..found.len() {
        if found[i].kind != MentionKind::Agent {
            let _ = i;
            continue;
        }
        let start = found[i].start;
        let floor = if i > 0 { found[i - 1].end } else { 0 };
        let window_start = start.saturating_sub(40).max(floor);
        let window_start = (window_start..=start).find(|&k| text.is_char_boundary(k)).unwrap_or(start);
        let window = &text[window_start..start];
        // Both stances hold a hyphen, which only a hyphen lower-cases to.
        if !window.contains('-') {
            continue;
        }
        let lower = window.to_lowercase();
        let Some(at) = ["anti-", "pro-"].iter().filter_map(|p| lower.rfind(p)).max() else { continue };
        let between = &window[at..];
        let words = between.split_whitespace().count();
        if words <= 2 && !between.contains([',', '.', ';', ':', '(', ')']) && (at == 0 || window[..at].ends_with(' ')) {
            let s = window_start + at;
            found[i].start = s;
            found[i].text = text[s..found[i].end].to_string();
        }
    }
}

/// "the Iran-aligned group", "a U.S.-backed government": the name describes its neighbour's
/// allegiance; it is a modifier (giving a country), not an actor in the sentence.
fn mark_modifiers(text: &str, found: &mut [Mention]) {
    const LINKS: &[&str] = &[
        "aligned",
        "backed",
        "led",
        "based",
        "allied",
        "sponsored",
        "funded",
        "linked",
        "supported",
        "controlled",
        "run",
        "administered",
        "occupied",
        "held",
        "made",
        "born",
        "owned",
    ];
    for m in found.iter_mut() {
        let rest = &text[m.end..];
        let Some(after) = rest.strip_prefix('-').or_else(|| rest.strip_prefix('‐')) else { continue };
        let word: String = after.chars().take_while(|c| c.is_alphabetic()).collect::<String>().to_lowercase();
        if LINKS.contains(&word.as_str()) {
            m.kind = MentionKind::Nationality;
            m.how = format!("modifier:{word}");
        }
    }
}

/// "Syrians", "the Iraqis": a plural demonym names the country's people, an actor acting for its
/// country ("the Iraqis have cleared a fifth of the city"), not a modifier of the next word.
/// Its actor is the country itself: people, army or team, the text seldom says which.
/// Not so for an ethnic group, which may live in another state ("ethnic Albanians", "Bosnian
/// Serbs"): it stays a nationality.
fn demonym_people(text: &str, found: &mut [Mention]) {
    for i in 0..found.len() {
        let m = &found[i];
        let plural = m.text.ends_with('s') && !m.text.ends_with("ss");
        if m.kind != MentionKind::Nationality || m.how != "dictionary" || !plural || m.country.is_none() {
            continue;
        }
        let before = text[..m.start].trim_end();
        let ethnic = lower_tail(before, 8).ends_with("ethnic")
            || (i > 0 && found[i - 1].kind == MentionKind::Nationality && text[found[i - 1].end..m.start].trim().is_empty());
        if ethnic {
            continue;
        }
        let m = &mut found[i];
        m.kind = MentionKind::Agent;
        m.actor = m.country.clone();
        m.how = "people".into();
    }
}

/// "our Turkish allies", "their French counterparts", "Iraqi leaders": a nationality before a
/// plural noun for a state's partners or leaders is that state acting (its government, for
/// leaders), like a plural demonym.
fn allies(text: &str, found: &mut [Mention]) {
    for m in found.iter_mut() {
        if m.kind != MentionKind::Nationality || m.how != "dictionary" || m.country.is_none() {
            continue;
        }
        let rest = &text[m.end..];
        let Some(after) = rest.strip_prefix(' ') else { continue };
        let word: String = after.chars().take_while(|c| c.is_alphabetic()).collect();
        let gov = match word.as_str() {
            "allies" | "partners" | "counterparts" => false,
            "leaders" => true,
            _ => continue,
        };
        let country = m.country.clone().unwrap_or_default();
        m.end += 1 + word.len();
        m.text = text[m.start..m.end].to_string();
        m.kind = MentionKind::Agent;
        if gov {
            m.actor = Some(format!("{country}GOV"));
            m.agent = Some("GOV".into());
            m.how = "sector".into();
        } else {
            m.actor = Some(country);
            m.how = "people".into();
        }
    }
}

/// A sector word followed by "in <capital or country>" belongs to that country
/// ("the government in Islamabad").
fn locate_sectors(dict: &Dictionary, text: &str, found: &mut [Mention]) {
    for i in 0..found.len().saturating_sub(1) {
        let (a, b) = (&found[i], &found[i + 1]);
        if a.kind != MentionKind::Agent || a.country.is_some() || !matches!(b.kind, MentionKind::Place | MentionKind::Country) {
            continue;
        }
        if matches!(text[a.end..b.start].trim(), "in" | "of") && b.country.is_some() {
            let country = b.country.clone();
            let m = &mut found[i];
            m.actor = Some(format!("{}{}", country.as_deref().unwrap_or(""), m.agent.as_deref().unwrap_or("")));
            let label = format!(
                "{} {}",
                country.as_deref().and_then(|c| dict.name_of(c)).unwrap_or(""),
                m.agent.as_deref().and_then(|a| dict.agents.get(a)).map(String::as_str).unwrap_or("")
            );
            m.how = format!("sector:{}", label.trim());
            m.country = country;
        }
    }
}

/// A place found by its cues takes the country the text puts it in: "Jabla, Syria", "the Barmal
/// district of Afghanistan's Paktika province", "Afghanistan's Paktika province".
fn locate_places(text: &str, found: &mut [Mention]) {
    for i in 0..found.len() {
        if found[i].kind != MentionKind::Place || found[i].country.is_some() {
            continue;
        }
        let next = found.get(i + 1).filter(|b| {
            b.country.is_some()
                && matches!(b.kind, MentionKind::Country | MentionKind::Place)
                && matches!(text[found[i].end..b.start].trim(), "," | "of" | "in" | "of the" | "in the")
        });
        let before = i
            .checked_sub(1)
            .map(|k| &found[k])
            .filter(|a| a.kind == MentionKind::Country && matches!(text[a.end..found[i].start].trim(), "'s" | "’s" | "'s the" | "’s the"));
        let country = next.or(before).and_then(|m| m.country.clone());
        if country.is_some() {
            found[i].country = country;
        }
    }
}

/// People who write or speak about a sector without being part of it ("military bloggers",
/// "security analysts", "intelligence experts", "government critics").
const COMMENTATORS: &[&str] = &[
    "blogger",
    "bloggers",
    "analyst",
    "analysts",
    "expert",
    "experts",
    "commentator",
    "commentators",
    "historian",
    "historians",
    "watcher",
    "watchers",
    "correspondent",
    "correspondents",
    "journalist",
    "journalists",
    "reporter",
    "reporters",
    "critic",
    "critics",
    "scholar",
    "scholars",
    "researcher",
    "researchers",
    "pundit",
    "pundits",
];

/// "Some Russian military bloggers called for ...": a sector word that only modifies a noun for
/// commentators names no member of the sector, so it is no mention (the nationality before it
/// stays, as for "Russian bloggers").
fn drop_sector_modifiers(text: &str, found: &mut Vec<Mention>) {
    found.retain(|m| {
        if m.kind != MentionKind::Agent {
            return true;
        }
        let Some(after) = text[m.end..].strip_prefix(' ') else { return true };
        let word = after.find(|c: char| !c.is_alphabetic()).map_or(after, |n| &after[..n]);
        !is_one_of(word, COMMENTATORS)
    });
}

/// "Zelensky called an emergency meeting of his security council": an organisation's name
/// written in lower case after a possessive pronoun is the owner's own body of that kind (a
/// national security council), not the organisation the dictionary names (the UN's).
fn drop_owned_bodies(text: &str, found: &mut Vec<Mention>) {
    found.retain(|m| {
        if m.kind != MentionKind::Organisation || m.text.chars().any(char::is_uppercase) {
            return true;
        }
        let before = text[..m.start].trim_end();
        let owner = before.rsplit(|c: char| !c.is_alphabetic()).next().unwrap_or_default();
        !matches!(owner, "his" | "her" | "its" | "their" | "our" | "my" | "your")
    });
}

/// Sector words take the country or group right before them: "Pakistani troops" is one
/// mention of Pakistan's military; "Taliban fighters" stays the Taliban.
fn join_sectors(dict: &Dictionary, text: &str, toks: &[Token], found: &mut Vec<Mention>) {
    let mut i = 1;
    while i < found.len() {
        let (prev, cur) = (&found[i - 1], &found[i]);
        if cur.kind != MentionKind::Agent {
            i += 1;
            continue;
        }
        // At most two words between, and only modifiers: "Pakistani military personnel",
        // "Pakistan's spy agency", "Afghan security agencies".
        let between = &text[prev.end..cur.start];
        let gap: Vec<&str> =
            toks.iter().filter(|t| t.start >= prev.end && t.end <= cur.start && t.kind == TokenKind::Word).map(|t| t.text(text)).collect();
        let possessive = between.trim_start().starts_with("'s") || between.trim_start().starts_with("’s");
        let modifiers = gap.iter().all(|w| words::SECTOR_MODIFIER_SET.has_lower(w));
        // "Tehreek Taliban Pakistan (TTP) militants": an acronym in brackets still heads the sector word.
        let bracketed = between.trim() == ")" && text[..prev.start].ends_with('(');
        let close =
            bracketed || (!between.contains([',', ';', '.', '(', ')']) && gap.len() <= 2 && modifiers) || (possessive && gap.len() <= 1);
        let gap_words = gap.len();
        if !close {
            i += 1;
            continue;
        }
        match prev.kind {
            MentionKind::Country | MentionKind::Nationality | MentionKind::Place => {
                let country = prev.country.clone();
                let agent = cur.agent.clone();
                let code = format!("{}{}", country.as_deref().unwrap_or(""), agent.as_deref().unwrap_or(""));
                let label = format!(
                    "{} {}",
                    country.as_deref().and_then(|c| dict.name_of(c)).unwrap_or(""),
                    agent.as_deref().and_then(|a| dict.agents.get(a)).map(String::as_str).unwrap_or("")
                );
                let joined = Mention {
                    start: prev.start,
                    end: cur.end,
                    text: text[prev.start..cur.end].to_string(),
                    kind: MentionKind::Agent,
                    actor: Some(code),
                    country,
                    agent,
                    org: None,
                    how: format!("sector:{}", label.trim()),
                };
                found[i - 1] = joined;
                found.remove(i);
            }
            // "the Assad regime", "Putin's government": a known leader's government is the
            // government of the leader's country.
            MentionKind::Person
                if prev.country.is_some()
                    && cur.agent.as_deref() == Some("GOV")
                    && matches!(cur.text.to_lowercase().as_str(), "regime" | "government" | "administration" | "cabinet") =>
            {
                let country = prev.country.clone();
                let label = format!("{} government", country.as_deref().and_then(|c| dict.name_of(c)).unwrap_or(""));
                let joined = Mention {
                    start: prev.start,
                    end: cur.end,
                    text: text[prev.start..cur.end].to_string(),
                    kind: MentionKind::Agent,
                    actor: Some(format!("{}GOV", country.as_deref().unwrap_or(""))),
                    country,
                    agent: Some("GOV".into()),
                    org: None,
                    how: format!("sector:{}", label.trim()),
                };
                found[i - 1] = joined;
                found.remove(i);
            }
            MentionKind::Group | MentionKind::Organisation if gap_words == 0 => {
                // "Taliban fighters" is one mention of the Taliban; "(TTP) militants" keeps "TTP".
                if !bracketed {
                    let mut g = found[i - 1].clone();
                    g.end = cur.end;
                    g.text = text[g.start..g.end].to_string();
                    found[i - 1] = g;
                }
                found.remove(i);
            }
            _ => i += 1,
        }
    }
}
