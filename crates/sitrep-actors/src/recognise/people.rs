//! People (and organisations and places no dictionary knows) from capitalised names and cues.
//!
//! A run of capitalised words is a person when a title or a cue word stands before it
//! ("Lt. Gen. Malik", "journalist Asad Toll", "President, Emomali Rahmon"), when a verb of saying
//! follows or precedes it ("Koribco said", "said Farid Mamundzay"), or when an apposition with a
//! title follows it ("Afyandar Mir, expert at ..."). Its last word can make it an organisation
//! ("Hindukush Media") or a place ("Durand Line") instead.

use sitrep_model::{Mention, MentionKind, slug};
use sitrep_text::{Token, TokenKind};

use super::sentence_has;
use super::words::*;
use crate::lower::lower;

/// A word without a trailing possessive ("Khan's" -> "Khan").
fn bare(w: &str) -> &str {
    w.strip_suffix("'s").or_else(|| w.strip_suffix("’s")).unwrap_or(w)
}

fn capitalised(w: &str) -> bool {
    w.chars().next().is_some_and(char::is_uppercase) && w.chars().any(char::is_lowercase)
}

fn is_title(w: &str) -> bool {
    TITLE_SET.has_lower(bare(w))
}

/// Words that head the names of operations, treaties, plans and laws, never of people.
const DOCUMENT_HEADS: &[&str] = &[
    "Operation",
    "Treaty",
    "Agreement",
    "Accord",
    "Accords",
    "Plan",
    "Act",
    "Pact",
    "Convention",
    "Protocol",
    "Charter",
    "Doctrine",
    "Initiative",
    "Resolution",
    "Declaration",
    "Memorandum",
    "Deal",
];

/// Add person, organisation and place mentions found in one sentence's tokens to `found`.
pub fn find(text: &str, toks: &[Token], found: &mut Vec<Mention>) {
    let covered = |t: &Token, found: &[Mention]| found.iter().any(|m| m.start < t.end && t.start < m.end);
    let mut i = 0;
    let mut new = Vec::new();
    while i < toks.len() {
        let t = &toks[i];
        let w = t.text(text);
        if t.kind != TokenKind::Word || !capitalised(w) || covered(t, found) {
            i += 1;
            continue;
        }
        // The run: capitalised words, particles inside, dots and hyphens after title words.
        let mut j = i;
        let mut words: Vec<usize> = Vec::new();
        while j < toks.len() {
            let tj = &toks[j];
            let wj = tj.text(text);
            let initial = tj.kind == TokenKind::Word
                && !words.is_empty()
                && wj.chars().count() == 1
                && wj.chars().all(char::is_uppercase)
                && toks.get(j + 1).is_some_and(|d| d.text(text) == "." && d.start == tj.end)
                && toks.get(j + 2).is_some_and(|n| n.kind == TokenKind::Word && capitalised(n.text(text)));
            // A nickname in quotes inside a name: "John 'J.D.' Dorrian".
            let nickname = (!words.is_empty() && tj.kind == TokenKind::Punct && matches!(wj, "'" | "\"" | "‘" | "“"))
                .then(|| {
                    let close = (j + 1..(j + 8).min(toks.len())).find(|&c| matches!(toks[c].text(text), "'" | "\"" | "’" | "”"))?;
                    let after = toks.get(close + 1)?;
                    (close > j + 1 && after.kind == TokenKind::Word && capitalised(after.text(text))).then_some(close)
                })
                .flatten();
            if let Some(close) = nickname {
                j = close + 1;
                continue;
            }
            if initial {
                // "Stephen J. Townsend": the initial and its dot belong to the name.
                words.push(j);
                j += 2;
                continue;
            }
            if tj.kind == TokenKind::Word && capitalised(wj) && !covered(tj, found) {
                words.push(j);
                if wj != bare(wj) {
                    j += 1;
                    break; // a possessive ends the name
                }
            } else if tj.kind == TokenKind::Word && NAME_PARTICLES.contains(&wj) && !words.is_empty() {
                words.push(j);
            } else if tj.kind == TokenKind::Punct
                && matches!(wj, "." | "-")
                && words.last().is_some_and(|&k| is_title(toks[k].text(text)) || (wj == "." && toks[k].text(text).chars().count() == 1))
            {
                // "Lt. Gen.", "Lieutenant-General", and initials ("Gary J. Volesky")
                // "Lt. Gen.", "Lieutenant-General"
            } else if tj.kind == TokenKind::Punct
                && wj == "-"
                && !words.is_empty()
                && toks.get(j + 1).is_some_and(|n| n.kind == TokenKind::Word && n.start == tj.end && toks[j - 1].end == tj.start)
            {
                // "Kim Jong-un": a hyphenated part of a name, whatever its case.
                words.push(j + 1);
                j += 2;
                continue;
            } else {
                break;
            }
            j += 1;
        }
        let next = j;
        while words.last().is_some_and(|&k| NAME_PARTICLES.contains(&toks[k].text(text))) {
            words.pop();
        }
        // Leading words that start sentences, then titles. A gerund opening the sentence before a
        // name is no part of it ("Following Assange's arrest", "Hosting Cook").
        let mut k = 0;
        while k < words.len() && not_name(&lower(toks[words[k]].text(text))) && !is_title(toks[words[k]].text(text)) {
            k += 1;
        }
        if k == 0 && words.len() >= 2 && words[0] == 0 && {
            let w = toks[words[0]].text(text);
            w.len() >= 6 && w.ends_with("ing")
        } {
            k = 1;
        }
        // "Near Mosul, ...": a sentence-initial cue the run took in.
        let lead_near = k > 0 && lower(toks[words[k - 1]].text(text)) == "near";
        // "Spc. Isiah Booker": an abbreviated title the sentence splitter took for a full stop
        // stands at the end of the sentence before.
        let mut titled = k == 0 && words.first() == Some(&0) && {
            let before = text[..toks[0].start].trim_end();
            before.strip_suffix('.').is_some_and(|b| {
                let w = b.rsplit(|c: char| !c.is_alphabetic()).next().unwrap_or("");
                w.chars().count() <= 4 && w.chars().next().is_some_and(char::is_uppercase) && is_title(w)
            })
        };
        while k < words.len() && is_title(toks[words[k]].text(text)) {
            titled = true;
            k += 1;
        }
        let mut name: Vec<usize> = words[k..].to_vec();
        // "Home Secretary Suella Braverman": a title inside the run ends it; the name follows.
        if let Some(t) = name.iter().rposition(|&n| is_title(toks[n].text(text))) {
            titled = true;
            name.drain(..=t);
        }
        // "Thanksgiving Day", "Victory Day": a day is no person. Nor is a named operation,
        // treaty, plan or law ("Operation Sindoor", "the Mutual Defense Treaty", "the Minsk
        // Accords", "the Patriot Act"), wherever its head word stands in the capitalised run.
        let document = |n: usize| DOCUMENT_HEADS.contains(&bare(toks[n].text(text)));
        // Nor a product, a cup or a party's members ("MacBook Pro", "Davis Cup", "House Democrats").
        let not_person_tail = |n: usize| name.len() >= 2 && NOT_PERSON_TAIL_SET.has_lower(bare(toks[n].text(text)));
        if name.last().is_some_and(|&n| toks[n].text(text) == "Day" || not_person_tail(n))
            || words.iter().any(|&n| document(n))
            || words.first().and_then(|&f| f.checked_sub(1)).is_some_and(|p| toks[p].kind == TokenKind::Word && document(p))
        {
            i = next.max(i + 1);
            continue;
        }
        // A lone word that heads organisations or places is no person ("Foreign Office Minister").
        let lone_head = name.len() == 1 && {
            let w = lower(bare(toks[name[0]].text(text)));
            ORG_HEAD_SET.has(&w) || PLACE_HEAD_SET.has(&w) || w == "government" || w == "federal"
        };
        if name.is_empty() || lone_head || name.iter().any(|&n| not_name(&lower(toks[n].text(text))) && !is_title(toks[n].text(text))) {
            i = next.max(i + 1);
            continue;
        }
        let first = &toks[name[0]];
        let last = &toks[*name.last().unwrap()];
        let (start, end) = (first.start, first.start + (last.end - first.start) - (last.text(text).len() - bare(last.text(text)).len()));
        let head = lower(bare(last.text(text)));

        // Cues around the run.
        let before = |n: usize| (words.first().map_or(i, |&f| f)).checked_sub(n).and_then(|p| toks.get(p)).map(|t| lower(t.text(text)));
        let cue_before = before(1).is_some_and(|w| PERSON_CUE_SET.has(&w) || APPOSITION_SET.has(&w))
            || (before(1).as_deref() == Some(",") && before(2).is_some_and(|w| is_title(&w) || PERSON_CUE_SET.has(&w)))
            || office_before(text, toks, words.first().map_or(i, |&f| f));
        let said_before = before(1).is_some_and(|w| SPEECH_SET.has(&w))
            || (before(1).as_deref() == Some(",") && before(2).is_some_and(|w| SPEECH_SET.has(&w)));
        let after = |n: usize| toks.get(next + n).map(|t| lower(t.text(text)));
        let said_after = after(0).is_some_and(|w| SPEECH_SET.has(&w))
            || (after(0).is_some_and(|w| w.ends_with("ly") || matches!(&*w, "later" | "also" | "then" | "again"))
                && after(1).is_some_and(|w| SPEECH_SET.has(&w)))
            || (after(0).as_deref() == Some("has") && after(1).is_some_and(|w| SPEECH_SET.has(&w)));
        // "Gareth Bayley, the UK Special Representative": a title after the comma. Not the end of a
        // quotation ("in Istanbul," the secretary said), where the title is the speaker.
        let quote_end = toks.get(next + 1).is_some_and(|t| matches!(t.text(text), "”" | "\"" | "’" | "'"));
        let title_speaks =
            (1..=5).filter_map(after).skip_while(|w| !PERSON_CUE_SET.has(w) && !is_title(w)).nth(1).is_some_and(|w| SPEECH_SET.has(&w));
        // "Indeed, ...", "Concerned, ...": a lone word opening the sentence is no name.
        let lone_opener = name.len() == 1 && name[0] == 0;
        let article = after(1).is_some_and(|w| matches!(&*w, "a" | "an" | "the"));
        let apposition = after(0).as_deref() == Some(",")
            && !quote_end
            && !title_speaks
            && !lone_opener
            && (1..=4).filter_map(after).any(|w| PERSON_CUE_SET.has(&w) || is_title(&w) || (article && APPOSITION_SET.has(&w)));
        let leads = after(0).is_some_and(|w| matches!(&*w, "government" | "administration" | "cabinet" | "regime"));
        // A full name right before a verb ("Boris Yeltsin hosted", "Oskar Fischer will visit") or
        // right after one ("hosted Ryutaro Hashimoto"): a person acting or acted on.
        let verbish = |w: &str| {
            w.ends_with("ed")
                || matches!(
                    w,
                    "has"
                        | "had"
                        | "have"
                        | "was"
                        | "is"
                        | "will"
                        | "would"
                        | "said"
                        | "says"
                        | "told"
                        | "met"
                        | "led"
                        | "held"
                        | "sent"
                        | "did"
                        | "does"
                        | "spoke"
                        | "made"
                )
        };
        let lower_word = |t: Option<&Token>| {
            t.filter(|t| t.kind == TokenKind::Word && t.text(text).chars().next().is_some_and(char::is_lowercase))
                .map(|t| lower(t.text(text)))
        };
        let next_tok = toks.get(next);
        let prev_tok = words.first().and_then(|&f| f.checked_sub(1)).and_then(|p| toks.get(p));
        let verb_adjacent = (2..=3).contains(&name.len())
            && name.iter().all(|&n| toks[n].text(text).chars().filter(|c| c.is_alphabetic()).count() >= 2)
            && (lower_word(next_tok).is_some_and(|w| verbish(&w)) || lower_word(prev_tok).is_some_and(|w| w.ends_with("ed")));

        // Places no gazetteer entry covered: "near Bayji", "the town of Dabiq", "Anbar province",
        // "in Jabla, Syria" (a known country or place after a comma).
        let place_cue = !titled
            && name.len() <= 4
            && (before(1).as_deref() == Some("near")
                || lead_near
                || (before(1).as_deref() == Some("of") && before(2).is_some_and(|w| PLACE_NOUN_SET.has(&w)))
                || next_tok.is_some_and(|t| t.kind == TokenKind::Word && PLACE_TAILS.contains(&t.text(text)))
                || (after(0).as_deref() == Some(",")
                    && toks.get(next + 1).is_some_and(|t| {
                        found.iter().any(|m| m.start == t.start && matches!(m.kind, MentionKind::Country | MentionKind::Place))
                    })
                    && before(1).is_some_and(|w| matches!(&*w, "in" | "near" | "at" | "from" | "to"))));
        // "South Dakota", "Fort Worth", "San Francisco": a place's first word.
        let place_opener = name.len() >= 2 && PLACE_OPENER_SET.has_lower(toks[name[0]].text(text));
        let kind = if ORG_HEAD_SET.has(&head) && name.len() >= 2 {
            Some(MentionKind::Organisation)
        } else if (PLACE_HEAD_SET.has(&head) && name.len() >= 2) || place_cue || (place_opener && !titled) {
            Some(MentionKind::Place)
        } else if titled || cue_before || said_before || said_after || apposition || leads || verb_adjacent {
            Some(MentionKind::Person)
        } else {
            None
        };
        if let Some(kind) = kind {
            let end = match next_tok {
                Some(t)
                    if kind == MentionKind::Place
                        && t.kind == TokenKind::Word
                        && PLACE_TAILS.contains(&t.text(text))
                        && end == last.end =>
                {
                    t.end
                }
                _ => end,
            };
            let surface = text[start..end].to_string();
            let (actor, how) = match kind {
                MentionKind::Person => (None, if titled { "title" } else { "cue" }),
                MentionKind::Organisation => (Some(format!("ORG:{}", slug(&surface))), "name"),
                _ => (None, "name"),
            };
            new.push(Mention { start, end, text: surface, kind, actor, country: None, agent: None, org: None, how: how.to_string() });
        }
        i = next.max(i + 1);
    }
    found.extend(new);
}

/// "Minister for the Middle East, Tobias Ellwood", "Minister for the Middle East Tobias
/// Ellwood": the name follows an office whose title word stands a few capitalised words back,
/// past "of", "for" and "the".
fn office_before(text: &str, toks: &[Token], first: usize) -> bool {
    // Right before the name: a comma, or the last word of a place the dictionary found (else
    // that word would be in the run); "of", "for", "the" there make the run the office's tail.
    let Some(p) = first.checked_sub(1) else { return false };
    let prev = toks[p].text(text);
    if prev != "," && !(toks[p].kind == TokenKind::Word && capitalised(prev)) {
        return false;
    }
    let mut k = if prev == "," { p } else { first };
    let mut steps = 0;
    let mut inner = false;
    while k > 0 && steps < 7 {
        k -= 1;
        steps += 1;
        let w = toks[k].text(text);
        if is_title(w) {
            // Only an office with a tail ("for the Middle East"), not a bare title next to the name.
            return inner;
        }
        if matches!(w, "of" | "for" | "the") {
            inner = true;
            continue;
        }
        if toks[k].kind != TokenKind::Word || !capitalised(w) {
            return false;
        }
    }
    false
}

/// "SECRETARY KERRY:", "MR KIRBY:": a speaker's label in a transcript, a title and a name in
/// capitals before a colon at the start of a line.
pub fn speakers(text: &str, toks: &[Token], found: &mut Vec<Mention>) {
    // A speaker's name ends at a colon: a sentence without one (nearly all) has none.
    if !sentence_has(text, toks, ":") {
        return;
    }
    let caps =
        |t: &Token| t.kind == TokenKind::Word && t.text(text).chars().all(char::is_uppercase) && t.text(text).chars().nth(1).is_some();
    for k in 0..toks.len().saturating_sub(2) {
        let title = &toks[k];
        // Cheap tests first; a name is one to three words, so its colon is at most four tokens on.
        if !caps(title) || !is_title(title.text(text)) {
            continue;
        }
        let Some(colon) = toks[k + 1..toks.len().min(k + 5)].iter().position(|t| t.text(text) == ":").map(|p| k + 1 + p) else { continue };
        let line_start = text[..title.start].rfind('\n').map_or(0, |p| p + 1);
        let opens_line = text[line_start..title.start].trim().is_empty() || k == 0;
        let name = &toks[k + 1..colon];
        if !opens_line || name.is_empty() || !name.iter().all(caps) {
            continue;
        }
        let (start, end) = (name[0].start, name[name.len() - 1].end);
        if found.iter().any(|m| m.start < end && start < m.end) {
            continue;
        }
        found.push(Mention {
            start,
            end,
            text: text[start..end].to_string(),
            kind: MentionKind::Person,
            actor: None,
            country: None,
            agent: None,
            org: None,
            how: "speaker".into(),
        });
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use sitrep_model::Span;

    fn people(text: &str) -> Vec<(String, MentionKind)> {
        let toks = sitrep_text::tokens(text, Span::new(0, text.len()));
        let mut found = Vec::new();
        find(text, &toks, &mut found);
        found.into_iter().map(|m| (m.text, m.kind)).collect()
    }

    #[test]
    fn names_after_offices_and_in_appositions() {
        assert_eq!(people("Minister for the Middle East, Tobias Ellwood, responds to the attack")[0].0, "Tobias Ellwood");
        assert_eq!(people("Spc. Isiah L. Booker, of Cibolo, Texas, died")[0].0, "Isiah L. Booker");
        assert_eq!(people("the report, Gareth Bayley, the UK Special Representative for Syria said")[0].0, "Gareth Bayley");
        assert!(people("an attack in Istanbul,” the secretary said").is_empty());
        assert!(people("an attack in Istanbul, the secretary said").is_empty());
        assert!(people("killed on Thanksgiving Day, the release said").is_empty());
        assert!(people("Indeed, Doctor Smith asserts that talks were held").iter().all(|p| p.0 != "Indeed"));
        assert!(people("Concerned, his family doctor put in a call").is_empty());
        assert!(people("as normal. Prices are different in the air. Voters could have shown it").is_empty());
    }

    #[test]
    fn places_products_and_parties_are_no_persons() {
        let persons = |text: &str| people(text).into_iter().filter(|p| p.1 == MentionKind::Person).map(|p| p.0).collect::<Vec<_>>();
        assert!(persons("South Dakota has banned the sale, officials said.").is_empty());
        assert_eq!(people("Fort Worth said it would appeal.").first().map(|p| p.1), Some(MentionKind::Place));
        assert!(persons("The new MacBook Pro was shown on Monday.").is_empty());
        assert!(persons("House Democrats said the vote would go ahead.").is_empty());
        assert!(persons("Davis Cup organisers said the final would move.").is_empty());
        assert!(persons("Emirates Airline said flights would resume.").is_empty());
        assert_eq!(persons("Following Assange said nothing."), ["Assange"], "the opening gerund is no part of the name");
        assert_eq!(persons("Gordon Sondland said he had no knowledge of it."), ["Gordon Sondland"]);
    }

    #[test]
    fn speakers_in_transcripts() {
        let text = "QUESTION: Any agreements?\nSECRETARY KERRY: We talked about it.\nMR KIRBY: Thanks.";
        let toks = sitrep_text::tokens(text, Span::new(0, text.len()));
        let mut found = Vec::new();
        speakers(text, &toks, &mut found);
        assert_eq!(found.iter().map(|m| m.text.as_str()).collect::<Vec<_>>(), ["KERRY", "KIRBY"]);
    }

    #[test]
    fn middle_initials_and_nicknames_stay_inside_names() {
        assert_eq!(people("Lt. Gen. Stephen J. Townsend said")[0].0, "Stephen J. Townsend");
        assert_eq!(people("Gen. Joseph L. Votel met them")[0].0, "Joseph L. Votel");
        assert_eq!(people("said Col. John 'J.D.' Dorrian, a spokesman")[0].0, "John 'J.D.' Dorrian");
    }

    #[test]
    fn unknown_places_by_their_cues() {
        let place = |t: &str| people(t).into_iter().filter(|p| p.1 == MentionKind::Place).map(|p| p.0).collect::<Vec<_>>();
        assert_eq!(place("Near Bayji, one strike hit a truck."), ["Bayji"]);
        assert_eq!(place("Two strikes landed near Ayn Isa on Friday."), ["Ayn Isa"]);
        assert_eq!(place("rebels took the town of Dabiq from the group"), ["Dabiq"]);
        assert_eq!(place("members of a tribe in Anbar province said"), ["Anbar province"]);
        // A title makes a person, whatever the cue.
        assert!(place("near President Omar Bashir").is_empty());
        // Without a cue an unknown name is no place.
        assert!(place("Bayji was quiet.").is_empty());
    }

    #[test]
    fn names_with_cues_are_people() {
        assert_eq!(people("Lt. Gen. Malik met him."), [("Malik".to_string(), MentionKind::Person)]);
        assert_eq!(people("Pakistani journalist Asad Toll revealed it."), [("Asad Toll".to_string(), MentionKind::Person)]);
        assert_eq!(people("Koribco said it."), [("Koribco".to_string(), MentionKind::Person)]);
        assert_eq!(people("a miscalculation, said Farid Mamundzay, the envoy."), [("Farid Mamundzay".to_string(), MentionKind::Person)]);
        assert_eq!(people("Lieutenant-General Faiz Hameed of the agency arrived."), [("Faiz Hameed".to_string(), MentionKind::Person)]);
        assert_eq!(people("against former premier Imran Khan's party"), [("Imran Khan".to_string(), MentionKind::Person)]);
    }

    #[test]
    fn heads_make_organisations_and_places_and_bare_names_are_left() {
        assert_eq!(people("a report by Hindukush Media says"), [("Hindukush Media".to_string(), MentionKind::Organisation)]);
        assert_eq!(people("troops in the Durand Line area"), [("Durand Line".to_string(), MentionKind::Place)]);
        assert!(people("The Meanwhile Stuff happened.").is_empty());
    }
}
