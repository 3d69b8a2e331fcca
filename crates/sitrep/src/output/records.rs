//! How each record type prints as a row.

use sitrep_model::{Actor, Endpoint, Event, Story};

use super::Tabular;

fn ep(e: &Option<Endpoint>) -> String {
    match e {
        Some(e) if e.name.is_empty() => e.actor.clone(),
        Some(e) if e.actor.is_empty() || e.actor == e.name => e.name.clone(),
        Some(e) => format!("{} ({})", e.name, e.actor),
        None => "-".into(),
    }
}

impl Tabular for Event {
    fn headers() -> &'static [&'static str] {
        &["id", "doc", "date", "type", "mode", "cameo", "goldstein", "source", "target", "status", "attributed_to", "location", "evidence"]
    }
    fn row(&self) -> Vec<String> {
        vec![
            self.id.clone(),
            self.doc.clone(),
            self.date.clone().unwrap_or_default(),
            self.kind.as_str().into(),
            self.mode.clone().unwrap_or_default(),
            self.cameo.clone(),
            format!("{:+.1}", self.goldstein),
            ep(&self.source),
            ep(&self.target),
            self.status.as_str().into(),
            self.attributed_to.as_ref().map(|a| a.name.clone()).unwrap_or_default(),
            self.location.as_ref().map(|l| l.name.clone()).unwrap_or_default(),
            self.evidence.first().map(|e| e.text.clone()).unwrap_or_default(),
        ]
    }
}

impl Tabular for Actor {
    fn headers() -> &'static [&'static str] {
        &["id", "name", "kind", "country", "agent", "mentions", "documents", "aliases"]
    }
    fn row(&self) -> Vec<String> {
        vec![
            self.id.clone(),
            self.name.clone(),
            self.kind.as_str().into(),
            self.country.clone().unwrap_or_default(),
            self.agent.clone().unwrap_or_default(),
            self.mentions.to_string(),
            self.documents.to_string(),
            self.aliases.join("; "),
        ]
    }
}

impl Tabular for Story {
    fn headers() -> &'static [&'static str] {
        &["id", "label", "start", "end", "docs", "outlets", "events"]
    }
    fn row(&self) -> Vec<String> {
        vec![
            self.id.clone(),
            self.label.clone(),
            self.start.clone().unwrap_or_default(),
            self.end.clone().unwrap_or_default(),
            self.docs.join(" "),
            self.outlets.join("; "),
            self.events.len().to_string(),
        ]
    }
}
