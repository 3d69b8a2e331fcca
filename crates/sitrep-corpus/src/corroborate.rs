//! Corroboration: one fact told by several reports of a story.
//!
//! Events of a story's documents are the same fact when they share type, source and target
//! (merged actor ids). Each gets the number of documents and distinct outlets that tell it, and
//! the statuses they give it, so that "asserted by one, denied by another" shows.

use std::collections::{BTreeMap, BTreeSet, HashMap};

use sitrep_model::{Corroboration, Story};

use crate::DocSummary;

/// Events of a fact listed with each of them (the counts stay exact beyond it).
pub const MAX_LISTED: usize = 20;

/// Corroboration of every event that belongs to a story, keyed by event id.
pub fn corroborate(
    docs: &[DocSummary],
    stories: &[Story],
    links: &HashMap<String, String>,
    copies: &HashMap<String, (String, f64)>,
) -> HashMap<String, Corroboration> {
    let by_id: HashMap<&str, &DocSummary> = docs.iter().map(|d| (d.id.as_str(), d)).collect();
    let relink = |id: &str| links.get(id).cloned().unwrap_or_else(|| id.to_string());
    let mut out = HashMap::new();
    for story in stories {
        // fact -> (event ids, documents, outlets, statuses)
        type Fact = (Vec<String>, BTreeSet<String>, BTreeSet<String>, BTreeSet<String>);
        let mut facts: BTreeMap<(String, String, String), Fact> = BTreeMap::new();
        for doc_id in &story.docs {
            let Some(doc) = by_id.get(doc_id.as_str()) else { continue };
            let outlet = doc.outlet.clone().unwrap_or_else(|| format!("doc:{doc_id}"));
            for e in &doc.events {
                let key = (e.kind.as_str().to_string(), relink(&e.source), relink(&e.target));
                let f = facts.entry(key).or_default();
                f.0.push(e.id.clone());
                f.1.insert(doc_id.clone());
                f.2.insert(outlet.clone());
                f.3.insert(e.status.as_str().to_string());
            }
        }
        for (ids, documents, outlets, statuses) in facts.into_values() {
            // A copy of another document telling the same fact is no independent report.
            let independent = documents.iter().filter(|d| !copies.get(*d).is_some_and(|(o, _)| documents.contains(o))).count();
            let c = Corroboration {
                documents: documents.len(),
                independent,
                outlets: outlets.len(),
                // A widely told fact would otherwise carry its whole list in every copy.
                events: ids.iter().take(MAX_LISTED).cloned().collect(),
                statuses: if statuses.len() > 1 { statuses.into_iter().collect() } else { Vec::new() },
            };
            for id in ids {
                out.insert(id, c.clone());
            }
        }
    }
    out
}
