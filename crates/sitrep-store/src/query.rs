//! Event queries with filters.

use rusqlite::OptionalExtension;
use rusqlite::types::Value;
use sitrep_model::{Event, EventType, Status};

use crate::{Result, Store, blob_event, relink};

/// Filters of `sitrep events`. Actor filters match ids, names, surface text and countries.
#[derive(Clone, Debug, Default)]
pub struct EventFilter {
    pub actor: Option<String>,
    pub dyad: Option<(String, String)>,
    pub kinds: Vec<EventType>,
    pub statuses: Vec<Status>,
    pub since: Option<String>,
    pub until: Option<String>,
    pub doc: Option<String>,
}

fn involves(e: &Event, who: &str, source: bool, target: bool) -> bool {
    let w = who.to_lowercase();
    let hit = |ep: &Option<sitrep_model::Endpoint>| {
        ep.as_ref().is_some_and(|p| {
            [Some(&p.actor), Some(&p.name), Some(&p.text), p.country.as_ref(), p.org.as_ref()]
                .into_iter()
                .flatten()
                .any(|s| s.to_lowercase() == w || (w.len() > 3 && s.to_lowercase().contains(&w)))
        })
    };
    (source && hit(&e.source)) || (target && hit(&e.target))
}

impl Store {
    /// Events matching the filter, in document order, with merged actor ids and their story.
    pub fn events(&self, f: &EventFilter) -> Result<Vec<Event>> {
        // An event's story is its document's; corroboration has a row only when others tell it too.
        let mut sql = String::from(
            "SELECT e.data, s.id, c.support FROM events e
             LEFT JOIN story_members m ON m.doc = e.doc LEFT JOIN stories s ON s.anchor = m.story
             LEFT JOIN corroboration c ON c.event = e.id WHERE 1=1",
        );
        let mut args: Vec<Value> = Vec::new();
        if !f.kinds.is_empty() {
            sql += &format!(" AND e.type IN ({})", vec!["?"; f.kinds.len()].join(","));
            args.extend(f.kinds.iter().map(|k| Value::Text(k.as_str().into())));
        }
        if !f.statuses.is_empty() {
            sql += &format!(" AND e.status IN ({})", vec!["?"; f.statuses.len()].join(","));
            args.extend(f.statuses.iter().map(|k| Value::Text(k.as_str().into())));
        }
        if let Some(d) = &f.doc {
            sql += " AND e.doc = ?";
            args.push(Value::Text(d.clone()));
        }
        if let Some(s) = &f.since {
            sql += " AND substr(e.date, 1, 10) >= ?";
            args.push(Value::Text(s.clone()));
        }
        if let Some(u) = &f.until {
            sql += " AND substr(e.date, 1, 10) <= ?";
            args.push(Value::Text(u.clone()));
        }
        sql += " ORDER BY e.doc, e.seq";
        let links = self.actor_links()?;
        let mut st = self.conn().prepare(&sql)?;
        let rows = st.query_map(rusqlite::params_from_iter(args), |r| {
            Ok((r.get::<_, Vec<u8>>(0)?, r.get::<_, Option<String>>(1)?, r.get::<_, Option<String>>(2)?))
        })?;
        let mut out = Vec::new();
        // Rows come in document order: each document's text is read once, for its evidence.
        let mut text_of = self.conn().prepare("SELECT text FROM documents WHERE id = ?1")?;
        let mut doc_text: (String, String) = (String::new(), String::new());
        for row in rows {
            let (data, story, support) = row?;
            let mut e = blob_event(&data)?;
            for ev in &mut e.evidence {
                if ev.text.is_empty() {
                    if doc_text.0 != ev.doc {
                        let text: Option<String> = text_of.query_row([&ev.doc], |r| r.get(0)).optional()?;
                        doc_text = (ev.doc.clone(), text.unwrap_or_default());
                    }
                    ev.text = doc_text.1.get(ev.start..ev.end).unwrap_or_default().to_string();
                }
            }
            relink(&mut e, &links);
            e.corroboration = match (support, &story) {
                (Some(s), _) => Some(serde_json::from_str(&s)?),
                (None, Some(_)) => Some(sitrep_model::Corroboration::alone(&e.id)),
                (None, None) => None,
            };
            e.story = story;
            if let Some(a) = &f.actor
                && !involves(&e, a, true, true)
            {
                continue;
            }
            if let Some((a, b)) = &f.dyad
                && !((involves(&e, a, true, false) && involves(&e, b, false, true))
                    || (involves(&e, b, true, false) && involves(&e, a, false, true)))
            {
                continue;
            }
            out.push(e);
        }
        Ok(out)
    }
}
