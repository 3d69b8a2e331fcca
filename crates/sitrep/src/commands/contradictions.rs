//! `sitrep stories --contradictions`: where the reports of one story disagree.
//!
//! Two kinds of disagreement are shown side by side: one fact (type, source, target) told as
//! happened by one report and as denied, unconfirmed or only alleged by another; and a fact one
//! report asserts while an actor of the story rejects or denies it ("the Taliban disputed
//! Pakistan's claims").

use std::collections::BTreeMap;
use std::io::Write;

use anyhow::Result;
use serde::Serialize;
use sitrep_model::{Event, EventType, Status, Story};
use sitrep_store::{EventFilter, Store};

use crate::cli::Format;

#[derive(Serialize)]
struct Contradiction<'a> {
    story: &'a str,
    label: &'a str,
    fact: String,
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
                found.push(Contradiction { story: &story.id, label: &story.label, fact: side(says[0]), says, denies });
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
                writeln!(out, "No contradictions: no fact is told as happened by one report and denied or left unconfirmed by another.")?;
            }
            for c in &found {
                writeln!(out, "{} [{}]: {}", c.label, c.story, c.fact)?;
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
