//! Organisations no dictionary lists, read from the shape of their names.
//!
//! A run of capitalised words that ends in a word heading organisations ("Council", "Ministry",
//! "Brigade") is one name, and so is its tail of "of"/"for" and capitalised words ("Ministry of
//! Culture", "State Board of Antiquities and Heritage"). A run may begin with an ordinal ("158th
//! Fighter Wing", "47th Mechanized Brigade") and may take in the sector words, nationalities and
//! countries the dictionary found inside it ("Syrian National Coalition"): the whole name is the
//! actor, not its parts. A run made of a nationality and sector words only ("Iraqi Security
//! Forces") stays the sector it names; its "of" tail joins the sector word ("Government of Iraq"
//! is Iraq's government).

use sitrep_model::{Mention, MentionKind, slug};
use sitrep_text::{Token, TokenKind};

use super::words::{ORG_HEAD_SET, SECTOR_MODIFIER_SET, not_name_word};
use crate::lower::{lower, with_lower};

/// Heads of military units: the organisation is armed forces.
const UNIT_HEADS: &[&str] = &[
    "battalion",
    "regiment",
    "brigade",
    "division",
    "corps",
    "squadron",
    "wing",
    "battery",
    "fleet",
    "command",
    "army",
    "navy",
    "force",
    "forces",
    "guard",
    "guards",
    "militia",
    "brigades",
];

/// Sectors of the state: a run of these and a nationality stays a sector ("Iraqi Security Forces").
const STATE_SECTORS: &[&str] = &["GOV", "MIL", "COP", "SPY", "LEG", "JUD"];

/// Heads of state bodies: the organisation is government.
const STATE_HEADS: &[&str] = &["ministry", "department", "government", "administration", "embassy", "consulate", "cabinet", "directorate"];

fn possessive(w: &str) -> bool {
    w.ends_with("'s") || w.ends_with("’s")
}

fn bare(w: &str) -> &str {
    w.strip_suffix("'s").or_else(|| w.strip_suffix("’s")).unwrap_or(w)
}

fn capitalised(w: &str) -> bool {
    w.chars().next().is_some_and(char::is_uppercase) && w.chars().any(char::is_lowercase)
}

/// "3rd", "158th", "21st".
fn ordinal(w: &str) -> bool {
    let digits = w.chars().take_while(char::is_ascii_digit).count();
    digits > 0 && matches!(&w[digits..], "st" | "nd" | "rd" | "th")
}

fn head_word(w: &str) -> bool {
    with_lower(bare(w), |w| ORG_HEAD_SET.has(w) || w == "government")
}

/// Mentions the run may take in: the dictionary's sector words, nationalities, countries, places.
fn absorbable(m: &Mention) -> bool {
    matches!(m.kind, MentionKind::Agent | MentionKind::Nationality | MentionKind::Country | MentionKind::Place)
}

/// One step of a run: a plain capitalised word, or a mention that starts at this token.
enum Step {
    Word(usize),
    Mention(usize),
}

/// Add organisation names found in one sentence's tokens to `found`, replacing the dictionary
/// mentions they take in.
pub fn find(text: &str, toks: &[Token], found: &mut Vec<Mention>) {
    let covering = |k: usize, found: &[Mention]| found.iter().position(|m| m.start < toks[k].end && toks[k].start < m.end);
    // The token right after a mention.
    let after = |m: &Mention| toks.partition_point(|t| t.start < m.end);
    let mut i = 0;
    while i < toks.len() {
        let w = toks[i].text(text);
        let starts = toks[i].kind == TokenKind::Word && (capitalised(w) || ordinal(w) || covering(i, found).is_some());
        if !starts || (capitalised(w) && not_name_word(w) && covering(i, found).is_none()) {
            i += 1;
            continue;
        }
        // The run.
        let mut steps: Vec<Step> = Vec::new();
        let mut j = i;
        while j < toks.len() {
            let t = &toks[j];
            let wj = t.text(text);
            if let Some(mi) = covering(j, found) {
                let m = &found[mi];
                // "Syrian Arab Coalition": a known organisation's name ("Arab Coalition") after
                // another state's nationality is part of a longer name.
                let foreign_name = m.kind == MentionKind::Organisation
                    && m.start == t.start
                    && head_word(m.text.split_whitespace().last().unwrap_or(""))
                    && matches!(steps.last(), Some(&Step::Mention(p)) if matches!(found[p].kind, MentionKind::Nationality | MentionKind::Country)
                        && found[p].country.is_some() && found[p].country != m.country);
                if foreign_name {
                    steps.push(Step::Mention(mi));
                    j = after(m);
                    break;
                }
                if !absorbable(m) || m.start != t.start || (m.kind == MentionKind::Agent && !capitalised(&m.text)) {
                    break;
                }
                steps.push(Step::Mention(mi));
                let next = after(m);
                // "Ukraine's": the possessive ends the run.
                if next > j && possessive(toks[next - 1].text(text)) {
                    j = next;
                    break;
                }
                j = next;
                continue;
            }
            // "Post-Gazette", "Mid-American": a hyphen inside a capitalised word.
            if t.kind == TokenKind::Punct
                && matches!(wj, "-" | "‐")
                && !steps.is_empty()
                && toks[j - 1].end == t.start
                && toks.get(j + 1).is_some_and(|n| n.start == t.end && n.kind == TokenKind::Word && capitalised(n.text(text)))
            {
                steps.push(Step::Word(j + 1));
                j += 2;
                continue;
            }
            let first_ordinal = ordinal(wj) && steps.iter().all(|s| matches!(s, Step::Mention(..)));
            if t.kind == TokenKind::Word && (capitalised(wj) || first_ordinal) && !(steps.is_empty() && not_name_word(wj)) {
                steps.push(Step::Word(j));
                j += 1;
                if possessive(wj) {
                    break;
                }
                continue;
            }
            break;
        }
        let head_text = |s: &Step, found: &[Mention]| match *s {
            Step::Word(k) => toks[k].text(text).to_string(),
            Step::Mention(mi) => found[mi].text.split_whitespace().last().unwrap_or("").to_string(),
        };
        let Some(last) = steps.last() else {
            i += 1;
            continue;
        };
        let head = head_text(last, found);
        if !head_word(&head) {
            i = j.max(i + 1);
            continue;
        }
        // "Task Force 50", "Carrier Strike Group 12": a number after a unit's head is its name.
        let numbered = !possessive(toks[j - 1].text(text))
            && (UNIT_HEADS.contains(&&*lower(bare(&head))) || matches!(&*lower(bare(&head)), "group" | "unit"))
            && toks.get(j).is_some_and(|t| t.kind == TokenKind::Number && t.start == toks[j - 1].end + 1);
        if numbered {
            steps.push(Step::Word(j));
            j += 1;
        }
        let run_end = toks[j - 1].end - (toks[j - 1].text(text).len() - bare(toks[j - 1].text(text)).len());
        // The tail: "of Culture", "for the Middle East", "of Antiquities and Heritage".
        let mut tail: Vec<Step> = Vec::new();
        let mut end = run_end;
        if !possessive(toks[j - 1].text(text)) && toks.get(j).is_some_and(|t| matches!(t.text(text), "of" | "for")) {
            let mut k = j + 1;
            if toks.get(k).is_some_and(|t| t.text(text) == "the") {
                k += 1;
            }
            let mut words = Vec::new();
            while k < toks.len() && words.len() < 6 {
                let t = &toks[k];
                let wk = t.text(text);
                if let Some(mi) = covering(k, found) {
                    let m = &found[mi];
                    if !absorbable(m) || m.start != t.start {
                        break;
                    }
                    words.push(Step::Mention(mi));
                    k = after(m);
                    if possessive(toks[k - 1].text(text)) {
                        break;
                    }
                    continue;
                }
                // "and" between capitalised words, unless another organisation follows it.
                let joins = matches!(wk, "and" | "&")
                    && !words.is_empty()
                    && toks.get(k + 1).is_some_and(|n| capitalised(n.text(text)))
                    && !toks[k + 1..].iter().take_while(|n| capitalised(n.text(text))).any(|n| head_word(n.text(text)));
                if t.kind == TokenKind::Word && (capitalised(wk) || joins) {
                    words.push(Step::Word(k));
                    k += 1;
                    if possessive(wk) {
                        break;
                    }
                    continue;
                }
                break;
            }
            // Never end on "and".
            while words.last().is_some_and(|s| matches!(s, Step::Word(k) if matches!(toks[*k].text(text), "and" | "&"))) {
                words.pop();
            }
            // A long tail runs on into other names ("University of Texas Arlington Amneh Jafari"):
            // where the name ends is unknown, so the tail is left.
            let plain_words = words.iter().filter(|s| matches!(s, Step::Word(_))).count();
            if plain_words > 3 {
                words.clear();
            }
            if let Some(lw) = words.last() {
                let lk = match *lw {
                    Step::Word(k) => k,
                    Step::Mention(mi) => after(&found[mi]) - 1,
                };
                let lt = toks[lk];
                end = match *lw {
                    Step::Mention(mi) => found[mi].end,
                    Step::Word(_) => lt.end - (lt.text(text).len() - bare(lt.text(text)).len()),
                };
                tail = words;
            }
        }
        // A sector word of the state ("Ministry", "Army", "Police") keeps the run a sector; others
        // ("University", "Church") are part of a name like any word.
        let plain = steps.iter().any(|s| match *s {
            Step::Word(k) => {
                toks[k].kind == TokenKind::Word && !ordinal(toks[k].text(text)) && !SECTOR_MODIFIER_SET.has_lower(toks[k].text(text))
            }
            Step::Mention(mi) if found[mi].kind == MentionKind::Organisation => true,
            Step::Mention(mi) => {
                found[mi].kind == MentionKind::Agent && !found[mi].agent.as_deref().is_some_and(|a| STATE_SECTORS.contains(&a))
            }
        });
        let unit = numbered || steps.iter().any(|s| matches!(s, Step::Word(k) if ordinal(toks[*k].text(text))));
        // "Colorado State University of the US": a country after a full name says where it is.
        if plain && steps.len() >= 2 && tail.iter().all(|s| matches!(s, Step::Mention(mi) if found[*mi].kind == MentionKind::Country)) {
            tail.clear();
            end = run_end;
        }
        let next = if tail.is_empty() { j } else { toks.partition_point(|t| t.start < end) };
        let mentions_in =
            |steps: &[Step]| steps.iter().filter_map(|s| if let Step::Mention(mi) = *s { Some(mi) } else { None }).collect::<Vec<_>>();
        let (run_ms, tail_ms) = (mentions_in(&steps), mentions_in(&tail));
        let tail_country = {
            let cs: Vec<&String> = tail_ms.iter().filter_map(|&mi| found[mi].country.as_ref()).collect();
            (cs.len() == 1 && tail_ms.iter().all(|&mi| found[mi].kind != MentionKind::Agent)).then(|| cs[0].clone())
        };
        let start = match steps[0] {
            Step::Word(k) => toks[k].start,
            Step::Mention(mi) => found[mi].start,
        };
        let words = steps.len() + tail.len();
        // "Army of Islam", "Forces for Defence": a military sector word with a tail that is no
        // country names a group, not the state's forces.
        let named_tail = !tail.is_empty()
            && tail_country.is_none()
            && matches!(steps.last(), Some(&Step::Mention(mi)) if found[mi].kind == MentionKind::Agent && found[mi].agent.as_deref() != Some("GOV"));
        let mut drop: Vec<usize> = Vec::new();
        if (plain || unit || named_tail) && words >= 2 {
            let lower_head = bare(&head).to_lowercase();
            let country = run_ms
                .iter()
                .find(|&&mi| found[mi].kind != MentionKind::Agent)
                .and_then(|&mi| found[mi].country.clone())
                .or(tail_country)
                .or_else(|| possessor(text, start, found));
            let agent = if UNIT_HEADS.contains(&lower_head.as_str()) && (unit || lower_head != "force") {
                Some("MIL".to_string())
            } else if STATE_HEADS.contains(&lower_head.as_str()) {
                Some("GOV".to_string())
            } else {
                run_ms.iter().rev().find(|&&mi| found[mi].kind == MentionKind::Agent).and_then(|&mi| found[mi].agent.clone())
            };
            let surface = text[start..end].to_string();
            let actor = format!("ORG:{}", slug(&surface));
            drop.extend(run_ms.iter().chain(&tail_ms));
            // "the Foreign Affairs Ministry" with no country in sight: a state body of a state
            // the context gives, so the sector, not an organisation of its own.
            if country.is_none() && STATE_HEADS.contains(&lower_head.as_str()) && !unit {
                found.push(Mention {
                    start,
                    end,
                    text: surface,
                    kind: MentionKind::Agent,
                    actor: Some("GOV".into()),
                    country: None,
                    agent: Some("GOV".into()),
                    org: None,
                    how: "sector".into(),
                });
                drop.sort_unstable();
                for mi in drop.into_iter().rev() {
                    found.remove(mi);
                }
                i = next.max(i + 1);
                continue;
            }
            found.push(Mention {
                start,
                end,
                text: surface,
                kind: MentionKind::Organisation,
                actor: Some(actor.clone()),
                country,
                agent,
                org: Some(actor),
                how: "name".into(),
            });
        } else if !tail.is_empty()
            && !unit
            && let Some(&Step::Mention(mi)) = steps.last()
            && found[mi].kind == MentionKind::Agent
        {
            // "Government of Iraq", "Ministry of Defence": the sector word takes its tail.
            let m = &mut found[mi];
            m.end = end;
            m.text = text[m.start..end].to_string();
            if m.country.is_none()
                && let Some(c) = tail_country
            {
                m.actor = Some(format!("{c}{}", m.agent.as_deref().unwrap_or("")));
                m.how = "sector".into();
                m.country = Some(c);
            }
            drop.extend(&tail_ms);
        }
        drop.sort_unstable();
        for mi in drop.into_iter().rev() {
            found.remove(mi);
        }
        i = next.max(i + 1);
    }
}

/// "the Coalition", "Coalition aircraft": capitalised alone, the word names the coalition the
/// article is about (resolution finds which); "the ruling coalition" in lower case is left.
pub fn coalition(text: &str, toks: &[Token], found: &mut Vec<Mention>) {
    // One search of the sentence rather than a look at each of its tokens.
    if !super::sentence_has(text, toks, "Coalition") {
        return;
    }
    for t in toks {
        let w = t.text(text);
        if bare(w) != "Coalition" || found.iter().any(|m| m.start < t.end && t.start < m.end) {
            continue;
        }
        let end = t.start + bare(w).len();
        found.push(Mention {
            start: t.start,
            end,
            text: text[t.start..end].to_string(),
            kind: MentionKind::Organisation,
            actor: Some(COALITION.into()),
            country: None,
            agent: None,
            org: Some(COALITION.into()),
            how: "coalition".into(),
        });
    }
}

/// The actor of "the Coalition" when the article names no coalition.
pub const COALITION: &str = "ORG:coalition";

/// The country of a possessive right before `start`: "Ukraine's 47th Mechanized Brigade".
fn possessor(text: &str, start: usize, found: &[Mention]) -> Option<String> {
    let before = text[..start].trim_end();
    let owner = before.strip_suffix("'s").or_else(|| before.strip_suffix("’s"))?;
    found.iter().find(|m| m.end == owner.len() && matches!(m.kind, MentionKind::Country)).and_then(|m| m.country.clone())
}

#[cfg(test)]
mod tests {
    use super::*;
    use sitrep_model::Span;

    fn orgs(text: &str, found: Vec<Mention>) -> Vec<(String, MentionKind, Option<String>)> {
        let toks = sitrep_text::tokens(text, Span::new(0, text.len()));
        let mut found = found;
        find(text, &toks, &mut found);
        found.sort_by_key(|m| m.start);
        found.into_iter().map(|m| (m.text, m.kind, m.country)).collect()
    }

    fn m(text: &str, word: &str, kind: MentionKind, country: Option<&str>, agent: Option<&str>) -> Mention {
        let start = text.find(word).unwrap();
        Mention {
            start,
            end: start + word.len(),
            text: word.into(),
            kind,
            actor: country.map(|c| format!("{c}{}", agent.unwrap_or(""))),
            country: country.map(str::to_string),
            agent: agent.map(str::to_string),
            org: None,
            how: "dictionary".into(),
        }
    }

    #[test]
    fn names_with_of_tails_are_one_organisation() {
        let t = "The grant went to the State Board of Antiquities and Heritage and the Red Cross.";
        assert_eq!(orgs(t, vec![])[0].0, "State Board of Antiquities and Heritage");
        let t = "He read the Board of Inquiry's report.";
        assert_eq!(orgs(t, vec![])[0].0, "Board of Inquiry");
    }

    #[test]
    fn ordinals_open_military_units() {
        let t = "Airmen of the 158th Fighter Wing joined the 47th Mechanized Brigade.";
        let fighter = m(t, "Fighter", MentionKind::Agent, None, Some("INS"));
        let brigade = m(t, "Brigade", MentionKind::Agent, None, Some("MIL"));
        let got = orgs(t, vec![fighter, brigade]);
        assert_eq!(got.iter().map(|g| g.0.as_str()).collect::<Vec<_>>(), ["158th Fighter Wing", "47th Mechanized Brigade"]);
        assert!(got.iter().all(|g| g.1 == MentionKind::Organisation));
        let t = "Ukraine's 47th Mechanized Brigade held the line.";
        let got = orgs(t, vec![m(t, "Ukraine", MentionKind::Country, Some("UKR"), None)]);
        assert_eq!(got[1], ("47th Mechanized Brigade".to_string(), MentionKind::Organisation, Some("UKR".to_string())));
    }

    #[test]
    fn a_nationality_inside_a_name_is_part_of_it() {
        let t = "Officials met the Syrian National Coalition on Monday.";
        let got = orgs(t, vec![m(t, "Syrian", MentionKind::Nationality, Some("SYR"), None)]);
        assert_eq!(got, [("Syrian National Coalition".to_string(), MentionKind::Organisation, Some("SYR".to_string()))]);
    }

    #[test]
    fn sector_names_stay_sectors_and_take_their_tail() {
        let t = "It backs the Government of Iraq against the group.";
        let got =
            orgs(t, vec![m(t, "Government", MentionKind::Agent, None, Some("GOV")), m(t, "Iraq", MentionKind::Country, Some("IRQ"), None)]);
        assert_eq!(got, [("Government of Iraq".to_string(), MentionKind::Agent, Some("IRQ".to_string()))]);
        let t = "Iraqi Security Forces retook the town.";
        let found = vec![
            m(t, "Iraqi", MentionKind::Nationality, Some("IRQ"), None),
            m(t, "Security Forces", MentionKind::Agent, None, Some("COP")),
        ];
        assert_eq!(orgs(t, found).len(), 2, "a nationality and a sector word are left to join as a sector");
    }

    #[test]
    fn tails_stop_where_the_name_may_end() {
        let t = "A student at University of Texas Arlington Amneh Jafari heard of it.";
        assert!(orgs(t, vec![]).is_empty());
        let t = "a team from Colorado State University of the US has analysed it";
        let got = orgs(t, vec![m(t, "US", MentionKind::Country, Some("USA"), None)]);
        assert_eq!(got[0].0, "Colorado State University");
        let t = "a team from the University of Sheffield has analysed it";
        let got = orgs(
            t,
            vec![m(t, "University", MentionKind::Agent, None, Some("EDU")), m(t, "Sheffield", MentionKind::Place, Some("GBR"), None)],
        );
        assert_eq!(got, [("University of Sheffield".to_string(), MentionKind::Organisation, Some("GBR".to_string()))]);
    }

    #[test]
    fn state_modifiers_keep_a_sector() {
        let t = "Abadi met the Federal Government of Iraq on Monday.";
        let found = vec![m(t, "Government", MentionKind::Agent, None, Some("GOV")), m(t, "Iraq", MentionKind::Country, Some("IRQ"), None)];
        let got = orgs(t, found);
        assert_eq!(got, [("Government of Iraq".to_string(), MentionKind::Agent, Some("IRQ".to_string()))]);
    }

    #[test]
    fn state_bodies_without_a_country_stay_sectors_and_armies_with_tails_are_groups() {
        let t = "the Foreign Affairs Ministry said on Sunday";
        let got = orgs(t, vec![m(t, "Ministry", MentionKind::Agent, None, Some("GOV"))]);
        assert_eq!(got, [("Foreign Affairs Ministry".to_string(), MentionKind::Agent, None)]);
        let t = "fighters of the Army of Islam shelled the town";
        let got = orgs(t, vec![m(t, "Army", MentionKind::Agent, None, Some("MIL"))]);
        assert_eq!(got, [("Army of Islam".to_string(), MentionKind::Organisation, None)]);
    }

    #[test]
    fn hyphenated_words_stay_inside_names() {
        assert_eq!(orgs("via Brian Batko of the Pittsburgh Post-Gazette on Monday", vec![])[0].0, "Pittsburgh Post-Gazette");
    }

    #[test]
    fn a_known_name_after_another_states_nationality_is_part_of_a_longer_name() {
        let t = "the SDF, which includes the Syrian Arab Coalition, has made gains";
        let mut arab = m(t, "Arab Coalition", MentionKind::Organisation, Some("SAU"), None);
        arab.actor = Some("ORG:saudi-led-coalition".into());
        let got = orgs(t, vec![m(t, "Syrian", MentionKind::Nationality, Some("SYR"), None), arab]);
        assert_eq!(got, [("Syrian Arab Coalition".to_string(), MentionKind::Organisation, Some("SYR".to_string()))]);
    }

    #[test]
    fn numbers_after_unit_heads_name_them() {
        let t = "The frigate joined Task Force 50 on Monday.";
        assert_eq!(orgs(t, vec![])[0], ("Task Force 50".to_string(), MentionKind::Organisation, None));
        assert!(orgs("the Council 2024 report", vec![]).is_empty());
    }

    #[test]
    fn runs_without_a_head_or_in_lower_case_are_left() {
        assert!(orgs("The Foreign Office Minister spoke.", vec![]).is_empty());
        assert!(orgs("the council of elders met", vec![]).is_empty());
        assert!(orgs("In Council elections, turnout fell.", vec![]).is_empty());
    }
}
