//! The store: SQLite, one transaction per ingest batch.

mod query;

use std::collections::HashMap;
use std::path::Path;

use rusqlite::{Connection, OptionalExtension, params};
use sitrep_model::{Actor, Article, Doc, Event, Story};

pub use query::EventFilter;

const SCHEMA_VERSION: i64 = 2;

#[derive(Debug, thiserror::Error)]
pub enum StoreError {
    #[error("store {path}: {source}")]
    Open { path: String, source: rusqlite::Error },
    #[error("store: {0}")]
    Sql(#[from] rusqlite::Error),
    #[error("store: bad stored JSON: {0}")]
    Json(#[from] serde_json::Error),
    #[error("store {path} has schema version {found}, newer than this sitrep ({SCHEMA_VERSION}): upgrade sitrep")]
    TooNew { path: String, found: i64 },
}

pub type Result<T> = std::result::Result<T, StoreError>;

/// What happened to a document offered to the store.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Put {
    New,
    Replaced,
    Unchanged,
}

pub struct Store {
    conn: Connection,
}

impl Store {
    /// Open (creating if needed) the store at `path`.
    pub fn open(path: &Path) -> Result<Store> {
        let open_err = |source| StoreError::Open { path: path.display().to_string(), source };
        let conn = Connection::open(path).map_err(open_err)?;
        // Bulk writes of many small rows: bigger pages (a new store only), a 64 MB page cache and
        // fewer WAL checkpoints made the store stage 2-2.5x faster (stages example, 5 MB).
        conn.pragma_update(None, "page_size", 8192).map_err(open_err)?;
        conn.pragma_update(None, "journal_mode", "WAL").map_err(open_err)?;
        conn.pragma_update(None, "synchronous", "NORMAL")?;
        conn.pragma_update(None, "cache_size", -65536)?;
        conn.pragma_update(None, "temp_store", "MEMORY")?;
        conn.pragma_update(None, "wal_autocheckpoint", 8192)?;
        conn.pragma_update(None, "foreign_keys", "ON")?;
        let version: i64 = conn.pragma_query_value(None, "user_version", |r| r.get(0))?;
        if version > SCHEMA_VERSION {
            return Err(StoreError::TooNew { path: path.display().to_string(), found: version });
        }
        if version == 1 {
            // v2: documents remember which analysis produced them.
            conn.execute_batch("ALTER TABLE documents ADD COLUMN analysis TEXT NOT NULL DEFAULT ''")?;
        }
        conn.execute_batch(include_str!("schema.sql"))?;
        conn.pragma_update(None, "user_version", SCHEMA_VERSION)?;
        Ok(Store { conn })
    }

    /// An in-memory store, for tests and `sitrep extract`-like one-offs.
    pub fn memory() -> Result<Store> {
        let conn = Connection::open_in_memory()?;
        conn.execute_batch(include_str!("schema.sql"))?;
        conn.pragma_update(None, "foreign_keys", "ON")?;
        Ok(Store { conn })
    }

    /// Every line learnt as an outlet's boilerplate, as (outlet, line), in order.
    pub fn outlet_boilerplate(&self) -> Result<Vec<(String, String)>> {
        let mut st = self.conn.prepare("SELECT outlet, line FROM outlet_boilerplate ORDER BY outlet, line")?;
        let rows = st.query_map([], |r| Ok((r.get(0)?, r.get(1)?)))?;
        Ok(rows.collect::<rusqlite::Result<_>>()?)
    }

    /// Remember lines learnt as outlets' boilerplate (those already known are left alone).
    pub fn put_outlet_boilerplate(&mut self, lines: &[(String, String)]) -> Result<()> {
        let tx = self.conn.transaction()?;
        {
            let mut st = tx.prepare("INSERT OR IGNORE INTO outlet_boilerplate (outlet, line) VALUES (?1, ?2)")?;
            for (outlet, line) in lines {
                st.execute([outlet, line])?;
            }
        }
        tx.commit()?;
        Ok(())
    }

    /// The stored content hash of a document and the analysis that produced it, if it is stored.
    pub fn hash_of(&self, id: &str) -> Result<Option<(String, String)>> {
        Ok(self.conn.query_row("SELECT hash, analysis FROM documents WHERE id = ?1", [id], |r| Ok((r.get(0)?, r.get(1)?))).optional()?)
    }

    /// Write one batch of documents in one transaction. `analysis` names the dictionaries and
    /// version that analysed them: the same content analysed differently replaces the old rows.
    pub fn put_batch(&mut self, docs: &[(Doc, String)], analysis: &str) -> Result<Vec<Put>> {
        let tx = self.conn.transaction()?;
        let mut out = Vec::with_capacity(docs.len());
        for (doc, raw) in docs {
            let a = &doc.article;
            let old: Option<(String, String)> =
                tx.query_row("SELECT hash, analysis FROM documents WHERE id = ?1", [&a.id], |r| Ok((r.get(0)?, r.get(1)?))).optional()?;
            let put = match old {
                Some((h, an)) if h == a.hash && an == analysis => {
                    out.push(Put::Unchanged);
                    continue;
                }
                Some(_) => Put::Replaced,
                None => Put::New,
            };
            tx.execute("DELETE FROM documents WHERE id = ?1", [&a.id])?;
            // The article without its text, which has its own column.
            let mut slim = a.clone();
            slim.text = String::new();
            let features = sitrep_corpus::Features::of(doc);
            tx.execute(
                "INSERT INTO documents (id, hash, analysis, origin, title, outlet, published, language, url, text, raw, article)
                 VALUES (?1, ?2, ?12, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11)",
                params![
                    a.id,
                    a.hash,
                    a.origin,
                    a.title,
                    a.outlet,
                    a.published,
                    a.language,
                    a.url,
                    a.text,
                    raw,
                    serde_json::to_string(&slim)?,
                    analysis
                ],
            )?;
            {
                let mut st = tx.prepare_cached(
                    "INSERT OR REPLACE INTO mentions (doc, start, end, text, kind, actor, country, agent, org, how)
                     VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10)",
                )?;
                for m in &doc.mentions {
                    st.execute(params![
                        a.id,
                        m.start as i64,
                        m.end as i64,
                        m.text,
                        m.kind.as_str(),
                        m.actor,
                        m.country,
                        m.agent,
                        m.org,
                        m.how
                    ])?;
                }
                tx.prepare_cached("INSERT OR REPLACE INTO doc_features (doc, json) VALUES (?1, ?2)")?
                    .execute(params![a.id, serde_json::to_string(&features)?])?;
                let mut st = tx.prepare_cached("INSERT OR REPLACE INTO doc_actors (doc, actor, json) VALUES (?1, ?2, ?3)")?;
                for act in &doc.actors {
                    st.execute(params![a.id, act.id, serde_json::to_string(act)?])?;
                }
                let mut st = tx.prepare_cached(
                    "INSERT OR REPLACE INTO events (id, doc, seq, type, status, source, target, source_country, target_country, date, goldstein, json)
                     VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12)",
                )?;
                for (i, e) in doc.events.iter().enumerate() {
                    // Evidence text is the document's own text at the span: stored once, with
                    // the document, and cut out again when events are read.
                    let mut slim = e.clone();
                    for ev in &mut slim.evidence {
                        ev.text = String::new();
                    }
                    st.execute(params![
                        e.id,
                        e.doc,
                        i as i64,
                        e.kind.as_str(),
                        e.status.as_str(),
                        e.source.as_ref().map(|s| s.actor.clone()),
                        e.target.as_ref().map(|s| s.actor.clone()),
                        e.source.as_ref().and_then(|s| s.country.clone()),
                        e.target.as_ref().and_then(|s| s.country.clone()),
                        e.date,
                        e.goldstein,
                        serde_json::to_string(&slim)?
                    ])?;
                }
            }
            out.push(put);
        }
        tx.commit()?;
        Ok(out)
    }

    /// Every stored document as the corpus stage sees it: small rows, no text.
    pub fn summaries(&self) -> Result<Vec<sitrep_corpus::DocSummary>> {
        let mut out: Vec<sitrep_corpus::DocSummary> = Vec::new();
        let mut index = HashMap::new();
        let mut st = self.conn.prepare(
            "SELECT d.id, d.title, d.outlet, d.published, f.json FROM documents d LEFT JOIN doc_features f ON f.doc = d.id ORDER BY d.id",
        )?;
        let rows = st.query_map([], |r| {
            Ok((
                r.get::<_, String>(0)?,
                r.get::<_, Option<String>>(1)?,
                r.get::<_, Option<String>>(2)?,
                r.get::<_, Option<String>>(3)?,
                r.get::<_, Option<String>>(4)?,
            ))
        })?;
        for row in rows {
            let (id, title, outlet, published, features) = row?;
            let features = features.map(|f| serde_json::from_str(&f)).transpose()?.unwrap_or_default();
            index.insert(id.clone(), out.len());
            out.push(sitrep_corpus::DocSummary { id, title, outlet, published, features, ..Default::default() });
        }
        let mut st = self.conn.prepare("SELECT doc, json FROM doc_actors ORDER BY doc, actor")?;
        let rows = st.query_map([], |r| Ok((r.get::<_, String>(0)?, r.get::<_, String>(1)?)))?;
        for row in rows {
            let (doc, json) = row?;
            if let Some(&i) = index.get(&doc) {
                out[i].actors.push(serde_json::from_str(&json)?);
            }
        }
        let mut st = self.conn.prepare("SELECT doc, id, type, source, target, status FROM events ORDER BY doc, seq")?;
        let rows = st.query_map([], |r| {
            Ok((
                r.get::<_, String>(0)?,
                r.get::<_, String>(1)?,
                r.get::<_, String>(2)?,
                r.get::<_, Option<String>>(3)?,
                r.get::<_, Option<String>>(4)?,
                r.get::<_, String>(5)?,
            ))
        })?;
        for row in rows {
            let (doc, id, kind, source, target, status) = row?;
            let (Some(kind), Some(status)) = (sitrep_model::EventType::parse(&kind), sitrep_model::Status::parse(&status)) else {
                continue;
            };
            if let Some(&i) = index.get(&doc) {
                out[i].events.push(sitrep_corpus::EventKey {
                    id,
                    kind,
                    source: source.unwrap_or_default(),
                    target: target.unwrap_or_default(),
                    status,
                });
            }
        }
        Ok(out)
    }

    /// Replace the cross-document results: merged actors, their links, stories.
    pub fn put_corpus(
        &mut self,
        actors: &[Actor],
        links: &[(String, String, String)],
        stories: &[Story],
        support: &std::collections::HashMap<String, sitrep_model::Corroboration>,
    ) -> Result<()> {
        let tx = self.conn.transaction()?;
        tx.execute("DELETE FROM actors", [])?;
        tx.execute("DELETE FROM actor_links", [])?;
        tx.execute("DELETE FROM stories", [])?;
        tx.execute("DELETE FROM event_stories", [])?;
        tx.execute("DELETE FROM event_support", [])?;
        {
            let mut st = tx.prepare("INSERT INTO actors (id, json) VALUES (?1, ?2)")?;
            for a in actors {
                st.execute(params![a.id, serde_json::to_string(a)?])?;
            }
            let mut st = tx.prepare("INSERT OR REPLACE INTO actor_links (alias, actor, why) VALUES (?1, ?2, ?3)")?;
            for (alias, actor, why) in links {
                st.execute(params![alias, actor, why])?;
            }
            let mut sup = tx.prepare("INSERT OR REPLACE INTO event_support (event, json) VALUES (?1, ?2)")?;
            let mut ids: Vec<&String> = support.keys().collect();
            ids.sort();
            for id in ids {
                sup.execute(params![id, serde_json::to_string(&support[id])?])?;
            }
            let mut st = tx.prepare("INSERT INTO stories (id, seq, json) VALUES (?1, ?2, ?3)")?;
            let mut se = tx.prepare("INSERT OR REPLACE INTO event_stories (event, story) VALUES (?1, ?2)")?;
            for (i, s) in stories.iter().enumerate() {
                st.execute(params![s.id, i as i64, serde_json::to_string(s)?])?;
                for e in &s.events {
                    se.execute(params![e, s.id])?;
                }
            }
        }
        tx.commit()?;
        Ok(())
    }

    /// Merged actors, most mentioned first.
    pub fn actors(&self) -> Result<Vec<Actor>> {
        let mut st = self.conn.prepare("SELECT json FROM actors")?;
        let mut out: Vec<Actor> =
            st.query_map([], |r| r.get::<_, String>(0))?.map(|j| Ok(serde_json::from_str(&j?)?)).collect::<Result<_>>()?;
        out.sort_by(|a, b| b.mentions.cmp(&a.mentions).then(a.id.cmp(&b.id)));
        Ok(out)
    }

    /// Where an in-document actor id was merged to (itself when it was not).
    pub fn actor_links(&self) -> Result<HashMap<String, String>> {
        let mut st = self.conn.prepare("SELECT alias, actor FROM actor_links")?;
        let rows = st.query_map([], |r| Ok((r.get::<_, String>(0)?, r.get::<_, String>(1)?)))?;
        Ok(rows.collect::<std::result::Result<_, _>>()?)
    }

    /// Every merge link: (in-document id, merged actor, why).
    pub fn merges(&self) -> Result<Vec<(String, String, String)>> {
        let mut st = self.conn.prepare("SELECT alias, actor, why FROM actor_links ORDER BY actor, alias")?;
        let rows = st.query_map([], |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?)))?;
        Ok(rows.collect::<std::result::Result<_, _>>()?)
    }

    pub fn stories(&self) -> Result<Vec<Story>> {
        let mut st = self.conn.prepare("SELECT json FROM stories ORDER BY seq")?;
        let out = st.query_map([], |r| r.get::<_, String>(0))?.map(|j| Ok(serde_json::from_str(&j?)?)).collect::<Result<_>>()?;
        Ok(out)
    }

    /// Counts of documents, mentions, events, actors, stories.
    pub fn counts(&self) -> Result<[i64; 5]> {
        let c = |t: &str| self.conn.query_row(&format!("SELECT count(*) FROM {t}"), [], |r| r.get::<_, i64>(0));
        Ok([c("documents")?, c("mentions")?, c("events")?, c("actors")?, c("stories")?])
    }

    /// One stored article and its raw text.
    pub fn article(&self, id: &str) -> Result<Option<(Article, String)>> {
        let row: Option<(String, String, String)> = self
            .conn
            .query_row("SELECT article, raw, text FROM documents WHERE id = ?1", [id], |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?)))
            .optional()?;
        match row {
            Some((a, raw, text)) => {
                let mut article: Article = serde_json::from_str(&a)?;
                article.text = text;
                Ok(Some((article, raw)))
            }
            None => Ok(None),
        }
    }

    pub(crate) fn conn(&self) -> &Connection {
        &self.conn
    }
}

/// Rewrite an event's endpoint ids through the merge links.
pub fn relink(e: &mut Event, links: &HashMap<String, String>) {
    for ep in [e.source.as_mut(), e.target.as_mut(), e.attributed_to.as_mut()].into_iter().flatten() {
        if let Some(to) = links.get(&ep.actor) {
            ep.actor = to.clone();
        }
    }
}
