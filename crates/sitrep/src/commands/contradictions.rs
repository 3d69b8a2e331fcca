//! `sitrep stories --contradictions`: where the reports of one story disagree.
//!
//! Three kinds of disagreement are shown side by side (`kind`):
//! - `status`: one fact (type, source, target) told as happened by one report and as denied,
//!   unconfirmed or only alleged by another;
//! - `claim`: what one actor says it did, and another actor disputing that actor's claims ("the
//!   Taliban disputed Pakistan's claims");
//! - `numbers`: one violent fact told by several reports with different death tolls.

use std::collections::BTreeMap;
use std::io::Write;
use std::sync::LazyLock;

use anyhow::Result;
use serde::Serialize;
use sitrep_model::{Event, EventType, Status, Story};
use sitrep_store::{EventFilter, Store};

use crate::cli::Format;

#[derive(Serialize)]
struct Contradiction<'a> {
    story: &'a str,
    label: &'a str,
    kind: &'static str,
    fact: String,
    /// For `numbers`: the death toll each side's report gives, in the order of `says` then `denies`.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    tolls: Vec<u64>,
    /// The events on each side, with their status and evidence.
    says: Vec<&'a Event>,
    denies: Vec<&'a Event>,
}

fn side(e: &Event) -> String {
    let name = |p: &Option<sitrep_model::Endpoint>| p.as_ref().map(|p| p.name.clone()).unwrap_or_else(|| "?".into());
    format!("{} {} {}", name(&e.source), e.kind.as_str(), name(&e.target))
}

pub fn print(out: &mut dyn Write, store: &Store, stories: &[Story], format: Format) -> Result<i32> {
    let events = store.events(&EventFilter::default())?;
    let mut found: Vec<Contradiction> = Vec::new();
    for story in stories {
        let mine: Vec<&Event> = events.iter().filter(|e| e.story.as_deref() == Some(story.id.as_str())).collect();
        let mut facts: BTreeMap<(EventType, String, String), Vec<&Event>> = BTreeMap::new();
        for e in &mine {
            let key = (
                e.kind,
                e.source.as_ref().map(|s| s.actor.clone()).unwrap_or_default(),
                e.target.as_ref().map(|t| t.actor.clone()).unwrap_or_default(),
            );
            facts.entry(key).or_default().push(e);
        }
        for group in facts.values() {
            let says: Vec<&Event> = group.iter().copied().filter(|e| e.status.is_factual()).collect();
            let denies: Vec<&Event> =
                group.iter().copied().filter(|e| matches!(e.status, Status::Denied | Status::Unconfirmed | Status::Alleged)).collect();
            // Only across reports: one article hedging its own claim is not a contradiction.
            let docs_say: Vec<&str> = says.iter().map(|e| e.doc.as_str()).collect();
            if !says.is_empty() && denies.iter().any(|d| !docs_say.contains(&d.doc.as_str())) {
                found.push(Contradiction {
                    story: &story.id,
                    label: &story.label,
                    kind: "status",
                    fact: side(says[0]),
                    tolls: Vec::new(),
                    says,
                    denies,
                });
            }
            // Different death tolls for one violent fact, from different reports.
            if matches!(group[0].kind, EventType::Assault | EventType::Coerce) {
                let mut by_doc: BTreeMap<&str, (&Event, u64)> = BTreeMap::new();
                for e in group.iter().filter(|e| e.status.is_factual()) {
                    if let Some(n) = e.evidence.iter().filter_map(|v| death_toll(&v.text)).max() {
                        by_doc.entry(e.doc.as_str()).or_insert((e, n));
                    }
                }
                let tolls: Vec<u64> = by_doc.values().map(|x| x.1).collect();
                if tolls.len() >= 2 && tolls.iter().any(|&n| n != tolls[0]) {
                    let (first, rest) =
                        by_doc.values().collect::<Vec<_>>().split_first().map(|(a, b)| (*a, b.to_vec())).expect("two reports");
                    found.push(Contradiction {
                        story: &story.id,
                        label: &story.label,
                        kind: "numbers",
                        fact: side(first.0),
                        tolls,
                        says: vec![first.0],
                        denies: rest.iter().map(|x| x.0).collect(),
                    });
                }
            }
        }
        // An actor disputing another's claims, beside what the other says it did.
        for r in mine.iter().filter(|e| e.kind == EventType::Reject && e.status.is_factual()) {
            let Some(claimant) = r.target.as_ref().map(|t| t.actor.as_str()) else { continue };
            let about_claims = r.evidence.iter().any(|v| {
                let t = v.text.to_lowercase();
                t.contains("claim") || t.contains("account") || t.contains("version")
            });
            if !about_claims {
                continue;
            }
            // The claims: what the claimant is reported as saying, or says it did itself; those
            // of the disputing report first, else the story's.
            let claims = |same_doc: bool| -> Vec<&Event> {
                mine.iter()
                    .copied()
                    .filter(|e| {
                        e.id != r.id
                            && (!same_doc || e.doc == r.doc)
                            && e.status.is_factual()
                            && !matches!(e.kind, EventType::Reject | EventType::Accuse)
                            && (e.attributed_to.as_ref().is_some_and(|a| a.actor == claimant)
                                || (e.source.as_ref().is_some_and(|s| s.actor == claimant) && e.attributed_to.is_none()))
                    })
                    .collect()
            };
            let mut says = claims(true);
            if says.is_empty() {
                says = claims(false);
            }
            says.truncate(5);
            if !says.is_empty() {
                found.push(Contradiction {
                    story: &story.id,
                    label: &story.label,
                    kind: "claim",
                    fact: side(says[0]),
                    tolls: Vec::new(),
                    says,
                    denies: vec![*r],
                });
            }
        }
    }
    match format {
        Format::Jsonl => {
            for c in &found {
                serde_json::to_writer(&mut *out, c)?;
                writeln!(out)?;
            }
        }
        _ => {
            if found.is_empty() {
                writeln!(
                    out,
                    "No contradictions: no fact is told as happened by one report and denied, disputed or counted otherwise by another."
                )?;
            }
            for c in &found {
                let what = match c.kind {
                    "numbers" => format!(" (death tolls {})", c.tolls.iter().map(u64::to_string).collect::<Vec<_>>().join(" vs ")),
                    "claim" => " (a claim disputed)".to_string(),
                    _ => String::new(),
                };
                writeln!(out, "{} [{}]: {}{what}", c.label, c.story, c.fact)?;
                for e in &c.says {
                    writeln!(
                        out,
                        "  says     ({}, {}): \"{}\"",
                        e.status.as_str(),
                        e.doc,
                        e.evidence.first().map(|v| v.text.as_str()).unwrap_or("")
                    )?;
                }
                for e in &c.denies {
                    writeln!(
                        out,
                        "  disputes ({}, {}): \"{}\"",
                        e.status.as_str(),
                        e.doc,
                        e.evidence.first().map(|v| v.text.as_str()).unwrap_or("")
                    )?;
                }
            }
        }
    }
    Ok(0)
}

/// The death toll a sentence gives, if any: "killed at least 46 people", "26 civilians were
/// killed", "four people were killed", "the death toll rose to 31". The largest when several.
fn death_toll(sentence: &str) -> Option<u64> {
    const N: &str = r"(\d[\d,]*|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|fifteen|twenty|thirty|forty|fifty|hundred)";
    static PATTERNS: LazyLock<Vec<regex::Regex>> = LazyLock::new(|| {
        [
            format!(r"(?i)\b(?:killed|killing|kills|left)\s+(?:at least |more than |over |about |around |nearly |some |up to )?{N}\b"),
            format!(r"(?i)\b{N}\s+(?:[a-z-]+\s+){{0,3}}?(?:were|have been|had been|was|are)?\s*(?:killed|dead|died)\b"),
            format!(r"(?i)\bdeath toll\s+(?:rose to|of|at|reached|climbed to|stood at)\s+(?:at least )?{N}\b"),
        ]
        .iter()
        .map(|p| regex::Regex::new(p).expect("death toll pattern"))
        .collect()
    });
    let word = |w: &str| -> Option<u64> {
        let w = w.to_lowercase().replace(',', "");
        w.parse().ok().or(match w.as_str() {
            "one" => Some(1),
            "two" => Some(2),
            "three" => Some(3),
            "four" => Some(4),
            "five" => Some(5),
            "six" => Some(6),
            "seven" => Some(7),
            "eight" => Some(8),
            "nine" => Some(9),
            "ten" => Some(10),
            "eleven" => Some(11),
            "twelve" => Some(12),
            "fifteen" => Some(15),
            "twenty" => Some(20),
            "thirty" => Some(30),
            "forty" => Some(40),
            "fifty" => Some(50),
            "hundred" => Some(100),
            _ => None,
        })
    };
    PATTERNS
        .iter()
        .flat_map(|re| re.captures_iter(sentence).filter_map(|c| c.get(1).and_then(|m| word(m.as_str()))).collect::<Vec<_>>())
        // a year is no toll ("killed in 2021" is not matched, but "2021 were killed" could be)
        .filter(|&n| !(1900..=2100).contains(&n))
        .max()
}

#[cfg(test)]
mod tests {
    use super::death_toll;

    #[test]
    fn death_tolls_from_sentences() {
        assert_eq!(death_toll("Taliban officials said the raids killed at least 46 people."), Some(46));
        assert_eq!(death_toll("Pakistan's military said 26 civilians were killed and dozens wounded."), Some(26));
        assert_eq!(death_toll("Four people were killed in a suicide car bomb."), Some(4));
        assert_eq!(death_toll("The death toll rose to 1,200 on Sunday."), Some(1200));
        assert_eq!(death_toll("Troops were deployed to the border."), None);
    }
}
