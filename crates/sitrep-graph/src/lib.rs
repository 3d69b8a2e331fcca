//! The signed actor graph.

use std::collections::BTreeMap;

use serde::Serialize;
use sitrep_model::Event;

/// Events from one actor to another, folded.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Dyad {
    pub source: String,
    pub source_name: String,
    pub target: String,
    pub target_name: String,
    pub events: usize,
    pub cooperative: usize,
    pub hostile: usize,
    /// Sum of the events' Goldstein scores: above zero the dyad leans to cooperation.
    pub goldstein: f64,
}

/// Fold factual (asserted or reported) events with both ends into directed dyads.
pub fn dyads(events: &[Event]) -> Vec<Dyad> {
    let mut map: BTreeMap<(String, String), Dyad> = BTreeMap::new();
    for e in events.iter().filter(|e| e.status.is_factual()) {
        let (Some(s), Some(t)) = (&e.source, &e.target) else { continue };
        if s.actor.is_empty() || t.actor.is_empty() || s.actor == t.actor {
            continue;
        }
        let d = map.entry((s.actor.clone(), t.actor.clone())).or_insert_with(|| Dyad {
            source: s.actor.clone(),
            source_name: s.name.clone(),
            target: t.actor.clone(),
            target_name: t.name.clone(),
            events: 0,
            cooperative: 0,
            hostile: 0,
            goldstein: 0.0,
        });
        d.events += 1;
        if e.kind.is_cooperative() {
            d.cooperative += 1;
        } else {
            d.hostile += 1;
        }
        d.goldstein += e.goldstein;
    }
    map.into_values().collect()
}

/// The `n` most cooperative and `n` most hostile dyads.
pub fn strongest(dyads: &[Dyad], n: usize) -> (Vec<&Dyad>, Vec<&Dyad>) {
    let mut coop: Vec<&Dyad> = dyads.iter().filter(|d| d.goldstein > 0.0).collect();
    coop.sort_by(|a, b| b.goldstein.total_cmp(&a.goldstein).then(a.source.cmp(&b.source)));
    let mut host: Vec<&Dyad> = dyads.iter().filter(|d| d.goldstein < 0.0).collect();
    host.sort_by(|a, b| a.goldstein.total_cmp(&b.goldstein).then(a.source.cmp(&b.source)));
    coop.truncate(n);
    host.truncate(n);
    (coop, host)
}
