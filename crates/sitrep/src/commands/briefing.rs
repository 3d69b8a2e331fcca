//! The briefing `sitrep run` prints: what was read, who is involved, who cooperates and who
//! fights, and the key events with their evidence.

use std::collections::{BTreeMap, HashSet};
use std::io::Write;
use std::path::Path;

use anyhow::Result;
use serde::Serialize;
use sitrep_graph::Dyad;
use sitrep_model::Event;
use sitrep_store::{EventFilter, Store};

use crate::pipeline::{IngestReport, Rejected};

#[derive(Serialize)]
pub struct ActorLine {
    pub id: String,
    pub name: String,
    pub events: usize,
}

#[derive(Serialize)]
pub struct Briefing {
    pub read: usize,
    pub stored: usize,
    pub new: usize,
    pub replaced: usize,
    pub unchanged: usize,
    pub rejected: Vec<Rejected>,
    pub events: usize,
    pub stories: usize,
    pub actors: Vec<ActorLine>,
    pub cooperative: Vec<Dyad>,
    pub hostile: Vec<Dyad>,
    pub key_events: Vec<Event>,
}

/// The briefing over the documents of this run.
pub fn build(store: &Store, report: &IngestReport, top: usize) -> Result<Briefing> {
    let docs: HashSet<&str> = report.docs.iter().map(String::as_str).collect();
    let events: Vec<Event> = store.events(&EventFilter::default())?.into_iter().filter(|e| docs.contains(e.doc.as_str())).collect();
    // The briefing speaks of identified actors: a bare sector word ("people", "the military")
    // with no state or group behind it says too little to rank.
    let identified = |ep: &Option<sitrep_model::Endpoint>| {
        ep.as_ref().is_some_and(|p| p.country.is_some() || p.actor.contains(':') || (p.actor.len() == 3 && p.agent.is_none()))
    };

    let mut involvement: BTreeMap<String, (String, usize)> = BTreeMap::new();
    for e in &events {
        for ep in [&e.source, &e.target] {
            if !identified(ep) {
                continue;
            }
            let Some(ep) = ep else { continue };
            let slot = involvement.entry(ep.actor.clone()).or_insert_with(|| (ep.name.clone(), 0));
            slot.1 += 1;
        }
    }
    let mut actors: Vec<ActorLine> = involvement.into_iter().map(|(id, (name, n))| ActorLine { id, name, events: n }).collect();
    actors.sort_by(|a, b| b.events.cmp(&a.events).then(a.id.cmp(&b.id)));
    actors.truncate(10);

    let known: Vec<Event> = events.iter().filter(|e| identified(&e.source) && identified(&e.target)).cloned().collect();
    let dyads = sitrep_graph::dyads(&known);
    let (coop, host) = sitrep_graph::strongest(&dyads, 5);

    // Key events: factual, both sides known, the weightiest first, one per dyad and type.
    let mut ranked: Vec<&Event> = known.iter().filter(|e| e.status.is_factual()).collect();
    ranked.sort_by(|a, b| {
        // Weightier acts first, and among them those more reports tell.
        let w = |e: &Event| {
            let told = e.corroboration.as_ref().map_or(1, |c| c.documents) as f64;
            e.goldstein.abs() * (1.0 + e.evidence.len() as f64) * told
        };
        w(b).total_cmp(&w(a)).then(a.doc.cmp(&b.doc)).then(a.id.cmp(&b.id))
    });
    // One key event per sentence and act: coordinated actors of one sentence are folded together.
    let mut seen = HashSet::new();
    let mut key_events: Vec<Event> = Vec::new();
    for e in ranked {
        // The same fact told by another report is one key event.
        if key_events.iter().any(|k| k.corroboration.as_ref().is_some_and(|c| c.events.contains(&e.id))) {
            continue;
        }
        let at = e.evidence.first().map(|ev| ev.start).unwrap_or(0);
        let key = (e.doc.clone(), at, e.kind);
        if let Some(k) = key_events.iter_mut().find(|k| (k.doc.clone(), k.evidence.first().map(|ev| ev.start).unwrap_or(0), k.kind) == key)
        {
            if let (Some(ks), Some(es)) = (k.source.as_mut(), e.source.as_ref())
                && k.target.as_ref().map(|t| &t.actor) == e.target.as_ref().map(|t| &t.actor)
                && !ks.name.contains(&es.name)
            {
                ks.name = format!("{}, {}", ks.name, es.name);
            }
            continue;
        }
        if seen.insert(key) {
            key_events.push(e.clone());
        }
        if key_events.len() >= top {
            break;
        }
    }
    let stories: HashSet<&str> = events.iter().filter_map(|e| e.story.as_deref()).collect();
    Ok(Briefing {
        read: report.read + report.rejected.len(),
        stored: report.stored(),
        new: report.new,
        replaced: report.replaced,
        unchanged: report.unchanged,
        rejected: report.rejected.clone(),
        events: events.len(),
        stories: stories.len(),
        actors,
        cooperative: coop.into_iter().cloned().collect(),
        hostile: host.into_iter().cloned().collect(),
        key_events,
    })
}

fn side(e: &Option<sitrep_model::Endpoint>) -> String {
    e.as_ref().map(|s| s.name.clone()).unwrap_or_else(|| "?".into())
}

pub fn print(out: &mut dyn Write, b: &Briefing, db: &Path) -> Result<()> {
    writeln!(
        out,
        "sitrep briefing: {} documents read, {} stored ({} new, {} replaced, {} unchanged), {} rejected",
        b.read,
        b.stored,
        b.new,
        b.replaced,
        b.unchanged,
        b.rejected.len()
    )?;
    for r in &b.rejected {
        writeln!(out, "  rejected {}: {}", r.origin, r.reason)?;
    }
    writeln!(out, "{} events in {} stories; store: {}", b.events, b.stories, db.display())?;
    writeln!(out, "\nActors most involved")?;
    for a in &b.actors {
        writeln!(out, "  {:<40} {:>4} events  [{}]", a.name, a.events, a.id)?;
    }
    let dyad = |out: &mut dyn Write, d: &Dyad| {
        writeln!(
            out,
            "  {} → {}: {} events ({} cooperative, {} hostile), Goldstein {:+.1}",
            d.source_name, d.target_name, d.events, d.cooperative, d.hostile, d.goldstein
        )
    };
    writeln!(out, "\nStrongest cooperative dyads")?;
    for d in &b.cooperative {
        dyad(out, d)?;
    }
    writeln!(out, "\nMost hostile dyads")?;
    for d in &b.hostile {
        dyad(out, d)?;
    }
    writeln!(out, "\nKey events")?;
    for e in &b.key_events {
        let attributed = e.attributed_to.as_ref().map(|a| format!(", per {}", a.name)).unwrap_or_default();
        let told = match &e.corroboration {
            Some(c) if c.documents > 1 && c.independent < c.documents => {
                format!(", told by {} documents ({} independent) from {} outlets", c.documents, c.independent, c.outlets)
            }
            Some(c) if c.documents > 1 => format!(", told by {} documents from {} outlets", c.documents, c.outlets),
            _ => String::new(),
        };
        let attributed = format!("{attributed}{told}");
        writeln!(
            out,
            "  {} {:<9} {} → {} [{}{}]",
            e.date.as_deref().unwrap_or("undated"),
            e.kind.as_str(),
            side(&e.source),
            side(&e.target),
            e.status.as_str(),
            attributed
        )?;
        if let Some(ev) = e.evidence.first() {
            writeln!(out, "      \"{}\" ({} @{}..{})", ev.text, ev.doc, ev.start, ev.end)?;
        }
    }
    Ok(())
}
