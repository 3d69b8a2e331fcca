//! The store: SQLite, one transaction per ingest batch.

mod query;

use std::collections::{BTreeMap, HashMap};
use std::path::{Path, PathBuf};

use rusqlite::{Connection, OptionalExtension, params};
use sitrep_corpus::actors::{ActorPool, Tally};
use sitrep_model::{Actor, Article, Corroboration, Doc, Event, Story};

pub use query::EventFilter;

const SCHEMA_VERSION: i64 = 8;

#[derive(Debug, thiserror::Error)]
pub enum StoreError {
    #[error("store {path}: {source}")]
    Open { path: String, source: rusqlite::Error },
    #[error("store: {0}")]
    Sql(#[from] rusqlite::Error),
    #[error("store: bad stored JSON: {0}")]
    Json(#[from] serde_json::Error),
    #[error("store: bad stored row: {0}")]
    Binary(#[from] postcard::Error),
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

/// A document waiting for the corpus stage.
#[derive(Clone, Debug, PartialEq)]
pub struct Pending {
    pub id: String,
    /// Its date now.
    pub published: Option<String>,
    /// Whether it is still stored (false: it was placed in a story, then removed).
    pub exists: bool,
    /// Its date when it was last placed in a story, if it was.
    pub clustered: Option<Option<String>>,
}

/// A document's rows, serialised and ready to write ([`Store::put_batch`]).
#[derive(Clone, Debug)]
pub struct Prepared {
    pub id: String,
    hash: String,
    origin: String,
    title: Option<String>,
    outlet: Option<String>,
    published: Option<String>,
    language: Option<String>,
    url: Option<String>,
    text: String,
    raw: String,
    /// The article in postcard, without its text (which has its own column).
    article: Vec<u8>,
    /// The document's mentions in text order, in postcard, and how many.
    mentions: Vec<u8>,
    mention_count: usize,
    /// Its features (see [`features_blob`]).
    features: Vec<u8>,
    minhash: Vec<u8>,
    /// The document's actors (see [`actors_blob`]), and as they are, for the actor pool.
    actors: Vec<u8>,
    actor_list: Vec<Actor>,
    events: Vec<EventRow>,
}

#[derive(Clone, Debug)]
struct EventRow {
    id: String,
    kind: &'static str,
    status: &'static str,
    source: Option<String>,
    target: Option<String>,
    source_country: Option<String>,
    target_country: Option<String>,
    date: Option<String>,
    goldstein: f64,
    /// The whole event (see [`event_blob`]).
    data: Vec<u8>,
}

impl Prepared {
    /// Serialise an analysed document and its raw input for the store.
    pub fn of(doc: Doc, raw: String) -> Result<Prepared> {
        let mut features = sitrep_corpus::Features::of(&doc);
        let minhash = sig_blob(&std::mem::take(&mut features.minhash));
        let Doc { mut article, mentions, mut actors, events, .. } = doc;
        let text = std::mem::take(&mut article.text);
        actors.sort_by(|a, b| a.id.cmp(&b.id));
        let events = events
            .into_iter()
            .map(|mut e| {
                // Evidence text is the document's own text at the span: stored once, with the
                // document, and cut out again when events are read.
                for ev in &mut e.evidence {
                    ev.text = String::new();
                }
                Ok(EventRow {
                    kind: e.kind.as_str(),
                    status: e.status.as_str(),
                    source: e.source.as_ref().map(|s| s.actor.clone()),
                    target: e.target.as_ref().map(|s| s.actor.clone()),
                    source_country: e.source.as_ref().and_then(|s| s.country.clone()),
                    target_country: e.target.as_ref().and_then(|s| s.country.clone()),
                    date: e.date.clone(),
                    goldstein: e.goldstein,
                    data: event_blob(&e)?,
                    id: e.id,
                })
            })
            .collect::<Result<Vec<_>>>()?;
        Ok(Prepared {
            article: postcard::to_stdvec(&article)?,
            id: article.id,
            hash: article.hash,
            origin: article.origin,
            title: article.title,
            outlet: article.outlet,
            published: article.published,
            language: article.language,
            url: article.url,
            text,
            raw,
            mentions: postcard::to_stdvec(&mentions)?,
            mention_count: mentions.len(),
            features: features_blob(&features)?,
            minhash,
            actors: actors_blob(&actors)?,
            actor_list: actors,
            events,
        })
    }
}

/// A batch's rows, in whatever transaction `conn` is in.
fn put_docs(conn: &Connection, docs: &[Prepared], analysis: &str) -> Result<Vec<Put>> {
    let mut out = Vec::with_capacity(docs.len());
    let mut pool = PoolChanges::new(conn);
    for d in docs {
        let old: Option<(String, String)> = conn
            .prepare_cached("SELECT hash, analysis FROM documents WHERE id = ?1")?
            .query_row([&d.id], |r| Ok((r.get(0)?, r.get(1)?)))
            .optional()?;
        let put = match old {
            Some((h, an)) if h == d.hash && an == analysis => {
                out.push(Put::Unchanged);
                continue;
            }
            Some(_) => Put::Replaced,
            None => Put::New,
        };
        if put == Put::Replaced {
            delete_document(conn, &mut pool, &d.id)?;
        }
        pool.count(&d.actor_list, true)?;
        conn.prepare_cached("INSERT OR IGNORE INTO pending (doc) VALUES (?1)")?.execute([&d.id])?;
        conn.prepare_cached(
            "INSERT INTO documents (id, hash, analysis, origin, title, outlet, published, language, url, text, raw, article)
             VALUES (?1, ?2, ?12, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11)",
        )?
        .execute(params![
            d.id,
            d.hash,
            d.origin,
            d.title,
            d.outlet,
            d.published,
            d.language,
            d.url,
            d.text,
            d.raw,
            d.article,
            analysis
        ])?;
        conn.prepare_cached("INSERT OR REPLACE INTO doc_features (doc, data, minhash) VALUES (?1, ?2, ?3)")?
            .execute(params![d.id, d.features, d.minhash])?;
        conn.prepare_cached("INSERT OR REPLACE INTO doc_actors (doc, actors, mentions, mention_count) VALUES (?1, ?2, ?3, ?4)")?
            .execute(params![d.id, d.actors, d.mentions, d.mention_count as i64])?;
        let mut st = conn.prepare_cached(
            "INSERT INTO events (id, doc, seq, type, status, source, target, source_country, target_country, date, goldstein, data)
             VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12)",
        )?;
        for (i, e) in d.events.iter().enumerate() {
            st.execute(params![
                e.id,
                d.id,
                i as i64,
                e.kind,
                e.status,
                e.source,
                e.target,
                e.source_country,
                e.target_country,
                e.date,
                e.goldstein,
                e.data
            ])?;
        }
        out.push(put);
    }
    pool.write()?;
    Ok(out)
}

/// The stored actor pool's tallies (see `sitrep_corpus::actors::Tally`) that a batch changes:
/// each read once, counted in memory, written back at the end. The corpus stage reads the pool
/// instead of every document's actors, so its actor merge follows the distinct actors, not the
/// documents.
struct PoolChanges<'c> {
    conn: &'c Connection,
    tallies: BTreeMap<String, Tally>,
}

impl<'c> PoolChanges<'c> {
    fn new(conn: &'c Connection) -> PoolChanges<'c> {
        PoolChanges { conn, tallies: BTreeMap::new() }
    }

    /// Add (or take away) one document's actors.
    fn count(&mut self, actors: &[Actor], add: bool) -> Result<()> {
        for a in actors {
            if !self.tallies.contains_key(&a.id) {
                let stored: Option<Vec<u8>> = self
                    .conn
                    .prepare_cached("SELECT tally FROM actor_pool WHERE actor = ?1")?
                    .query_row([&a.id], |r| r.get(0))
                    .optional()?;
                let tally = stored.map(|b| postcard::from_bytes(&b)).transpose()?.unwrap_or_default();
                self.tallies.insert(a.id.clone(), tally);
            }
            self.tallies.get_mut(&a.id).expect("just read").count(a, add);
        }
        Ok(())
    }

    fn write(self) -> Result<()> {
        for (id, t) in &self.tallies {
            if t.is_empty() {
                self.conn.prepare_cached("DELETE FROM actor_pool WHERE actor = ?1")?.execute([id])?;
            } else {
                self.conn
                    .prepare_cached("INSERT OR REPLACE INTO actor_pool (actor, tally) VALUES (?1, ?2)")?
                    .execute(params![id, postcard::to_stdvec(t)?])?;
            }
        }
        Ok(())
    }
}

/// The actor pool counted again from every document's actors (a store from before the pool).
fn rebuild_actor_pool(conn: &Connection) -> Result<()> {
    conn.execute_batch("DELETE FROM actor_pool")?;
    let mut pool = PoolChanges::new(conn);
    let mut st = conn.prepare("SELECT actors FROM doc_actors")?;
    let mut rows = st.query([])?;
    while let Some(r) = rows.next()? {
        for a in blob_actors(blob_at(r, 0)?)? {
            pool.tallies.entry(a.id.clone()).or_default().count(&a, true);
        }
    }
    pool.write()
}

/// Remove a document and every row of its own (features, actors and mentions, events), and its
/// actors from the pool; the corpus stage is to place it again (or take it out of its story).
fn delete_document(conn: &Connection, pool: &mut PoolChanges, id: &str) -> Result<()> {
    let actors: Option<Vec<u8>> =
        conn.prepare_cached("SELECT actors FROM doc_actors WHERE doc = ?1")?.query_row([id], |r| r.get(0)).optional()?;
    if let Some(b) = actors {
        pool.count(&blob_actors(&b)?, false)?;
    }
    conn.prepare_cached("INSERT OR IGNORE INTO pending (doc) VALUES (?1)")?.execute([id])?;
    for table in ["doc_features", "doc_actors", "events"] {
        conn.prepare_cached(&format!("DELETE FROM {table} WHERE doc = ?1"))?.execute([id])?;
    }
    conn.prepare_cached("DELETE FROM documents WHERE id = ?1")?.execute([id])?;
    Ok(())
}

/// One document as near-duplicate detection sees it.
#[derive(Clone, Debug, PartialEq)]
pub struct SignatureRow {
    pub id: String,
    pub published: Option<String>,
    /// MinHash signature (empty for a document without words).
    pub minhash: Vec<u32>,
    /// The report it is recorded as copying, and their similarity.
    pub copies: Option<(String, f64)>,
}

/// A signature as stored: 128 u32, little-endian.
fn sig_blob(sig: &[u32]) -> Vec<u8> {
    sig.iter().flat_map(|v| v.to_le_bytes()).collect()
}

fn blob_sig(blob: &[u8]) -> Vec<u32> {
    blob.chunks_exact(4).map(|c| u32::from_le_bytes([c[0], c[1], c[2], c[3]])).collect()
}

/// Features as stored: postcard of (actors, words, names), each list in set order. Only the
/// corpus stage reads them, every document on every replay, so they are stored compactly; as
/// JSON, writing and reading them back was a tenth of an ingest's instructions.
fn features_blob(f: &sitrep_corpus::Features) -> Result<Vec<u8>> {
    Ok(postcard::to_stdvec(&(&f.actors, &f.words, &f.names))?)
}

fn blob_features(blob: &[u8]) -> Result<sitrep_corpus::Features> {
    let (actors, words, names): (Vec<String>, Vec<String>, Vec<String>) = postcard::from_bytes(blob)?;
    // Written in order, so each set is built in one pass.
    Ok(sitrep_corpus::Features {
        actors: actors.into_iter().collect(),
        words: words.into_iter().collect(),
        names: names.into_iter().collect(),
        minhash: Vec::new(),
    })
}

/// A document's own actors as stored: postcard of the list, by id. The actor merge reads every
/// document's list on each corpus update; the merged actors keep their JSON (`actors`).
fn actors_blob(actors: &[Actor]) -> Result<Vec<u8>> {
    Ok(postcard::to_stdvec(actors)?)
}

/// An event as stored: postcard of the whole [`Event`] (its evidence without text). Only sitrep
/// reads it back, and as JSON it was a third of the store (22 of 64 MB at 2,000 documents).
/// Postcard has no field names: a change to `Event` or its parts needs a migration.
fn event_blob(e: &Event) -> Result<Vec<u8>> {
    Ok(postcard::to_stdvec(e)?)
}

fn blob_event(blob: &[u8]) -> Result<Event> {
    Ok(postcard::from_bytes(blob)?)
}

/// A row's BLOB column, borrowed (not copied out).
fn blob_at<'a>(r: &'a rusqlite::Row, i: usize) -> rusqlite::Result<&'a [u8]> {
    r.get_ref(i)?.as_blob().map_err(|e| rusqlite::Error::FromSqlConversionFailure(i, rusqlite::types::Type::Blob, Box::new(e)))
}

fn blob_actors(blob: &[u8]) -> Result<Vec<Actor>> {
    Ok(postcard::from_bytes(blob)?)
}

/// Whether an older store has this table (migrations look before they change).
fn table_exists(conn: &Connection, table: &str) -> Result<bool> {
    Ok(conn.prepare("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = ?1")?.exists([table])?)
}

/// Whether an older store's table has this column.
fn column_exists(conn: &Connection, table: &str, column: &str) -> Result<bool> {
    Ok(conn.prepare("SELECT 1 FROM pragma_table_info(?1) WHERE name = ?2")?.exists([table, column])?)
}

/// Schema v4: move each document's signature out of its features JSON into the `minhash`
/// column, and drop the band table.
fn migrate_signatures(conn: &Connection) -> Result<()> {
    conn.execute_batch("DROP TABLE IF EXISTS doc_bands")?;
    let has_table = table_exists(conn, "doc_features")?;
    if !has_table {
        return Ok(());
    }
    let has_column = column_exists(conn, "doc_features", "minhash")?;
    if !has_column {
        conn.execute_batch("ALTER TABLE doc_features ADD COLUMN minhash BLOB")?;
    }
    let rows: Vec<(String, String)> = conn
        .prepare("SELECT doc, json FROM doc_features")?
        .query_map([], |r| Ok((r.get(0)?, r.get(1)?)))?
        .collect::<rusqlite::Result<_>>()?;
    let mut st = conn.prepare("UPDATE doc_features SET json = ?2, minhash = ?3 WHERE doc = ?1")?;
    for (doc, json) in rows {
        let mut features: sitrep_corpus::Features = serde_json::from_str(&json)?;
        let sig = sig_blob(&std::mem::take(&mut features.minhash));
        st.execute(params![doc, serde_json::to_string(&features)?, sig])?;
    }
    Ok(())
}

/// Schema v5: a document's actors are one row (a JSON array, by id) instead of a row each.
fn migrate_doc_actors(conn: &Connection) -> Result<()> {
    let old = column_exists(conn, "doc_actors", "actor")?;
    if old {
        conn.execute_batch(
            "ALTER TABLE doc_actors RENAME TO doc_actors_v3;
             CREATE TABLE doc_actors (doc TEXT PRIMARY KEY REFERENCES documents(id) ON DELETE CASCADE, json TEXT NOT NULL);
             INSERT INTO doc_actors (doc, json)
                 SELECT doc, '[' || group_concat(json, ',') || ']' FROM (SELECT doc, json FROM doc_actors_v3 ORDER BY doc, actor) GROUP BY doc;
             DROP TABLE doc_actors_v3;",
        )?;
    }
    Ok(())
}

/// Schema v5: corroboration moves into `event_stories` (NULL for an event told alone).
fn migrate_support(conn: &Connection) -> Result<()> {
    let old = table_exists(conn, "event_support")?;
    if old {
        conn.execute_batch(
            "ALTER TABLE event_stories ADD COLUMN support TEXT;
             UPDATE event_stories SET support = (SELECT json FROM event_support WHERE event_support.event = event_stories.event);
             DROP TABLE event_support;",
        )?;
    }
    Ok(())
}

/// Schema v6: a document's mentions are one JSON array beside its actors instead of a row each.
fn migrate_mentions(conn: &Connection) -> Result<()> {
    let old = table_exists(conn, "mentions")?;
    if !old {
        return Ok(());
    }
    let has_column = column_exists(conn, "doc_actors", "mentions")?;
    if !has_column {
        conn.execute_batch("ALTER TABLE doc_actors ADD COLUMN mentions TEXT NOT NULL DEFAULT '[]'")?;
    }
    let mut by_doc: Vec<(String, Vec<sitrep_model::Mention>)> = Vec::new();
    {
        let mut st =
            conn.prepare("SELECT doc, start, end, text, kind, actor, country, agent, org, how FROM mentions ORDER BY doc, start")?;
        let mut rows = st.query([])?;
        while let Some(r) = rows.next()? {
            let doc: String = r.get(0)?;
            let kind: String = r.get(4)?;
            let m = sitrep_model::Mention {
                start: r.get::<_, i64>(1)? as usize,
                end: r.get::<_, i64>(2)? as usize,
                text: r.get(3)?,
                kind: serde_json::from_value(serde_json::Value::String(kind))?,
                actor: r.get(5)?,
                country: r.get(6)?,
                agent: r.get(7)?,
                org: r.get(8)?,
                how: r.get(9)?,
            };
            match by_doc.last_mut() {
                Some((d, list)) if *d == doc => list.push(m),
                _ => by_doc.push((doc, vec![m])),
            }
        }
    }
    let mut st = conn.prepare("UPDATE doc_actors SET mentions = ?2 WHERE doc = ?1")?;
    for (doc, list) in by_doc {
        st.execute(params![doc, serde_json::to_string(&list)?])?;
    }
    conn.execute_batch("DROP TABLE mentions")?;
    Ok(())
}

/// One query plan per statement, whatever values are bound. Otherwise SQLite (built with
/// STAT4) re-prepared some cached statements at every new binding (the corpus stage's reading
/// of a document's events: once per document), hoping for a better plan that our tables, which
/// carry no statistics, never give.
fn stable_plans(conn: &Connection) -> Result<()> {
    conn.set_db_config(rusqlite::config::DbConfig::SQLITE_DBCONFIG_ENABLE_QPSG, true)?;
    Ok(())
}

/// Schema v7: a document's features, own actors, mentions and article are postcard instead of
/// JSON, and an event's story is read through its document (`event_stories` gives way to
/// `corroboration`, rows only for events told by more than themselves).
fn migrate_binary_rows(conn: &Connection) -> Result<()> {
    use rusqlite::types::Value;
    let blob = |b: Vec<u8>| Value::Blob(b);
    if table_exists(conn, "doc_features")? && column_exists(conn, "doc_features", "json")? {
        conn.execute_batch("ALTER TABLE doc_features ADD COLUMN data BLOB NOT NULL DEFAULT x''")?;
        rewrite_rows(conn, "SELECT doc, json FROM doc_features", "UPDATE doc_features SET data = ?2 WHERE doc = ?1", |json| {
            Ok(vec![blob(features_blob(&serde_json::from_str(json)?)?)])
        })?;
        conn.execute_batch("ALTER TABLE doc_features DROP COLUMN json")?;
    }
    if table_exists(conn, "doc_actors")? && !column_exists(conn, "doc_actors", "mention_count")? {
        if !column_exists(conn, "doc_actors", "mentions")? {
            // A store from before mentions were kept with the actors (and had no table of them).
            conn.execute_batch("ALTER TABLE doc_actors ADD COLUMN mentions TEXT NOT NULL DEFAULT '[]'")?;
        }
        conn.execute_batch("ALTER TABLE doc_actors ADD COLUMN mention_count INTEGER NOT NULL DEFAULT 0")?;
        let update = "UPDATE doc_actors SET mentions = ?2, mention_count = ?3 WHERE doc = ?1";
        rewrite_rows(conn, "SELECT doc, mentions FROM doc_actors", update, |json| {
            let list: Vec<sitrep_model::Mention> = serde_json::from_str(json)?;
            Ok(vec![blob(postcard::to_stdvec(&list)?), Value::Integer(list.len() as i64)])
        })?;
    }
    if table_exists(conn, "documents")? {
        // Articles stored as JSON text become postcard (a BLOB in the same column).
        let select = "SELECT id, article FROM documents WHERE typeof(article) = 'text'";
        rewrite_rows(conn, select, "UPDATE documents SET article = ?2 WHERE id = ?1", |json| {
            Ok(vec![blob(postcard::to_stdvec(&serde_json::from_str::<Article>(json)?)?)])
        })?;
    }
    if table_exists(conn, "event_stories")? {
        // An event's story is now its document's; only corroboration keeps rows.
        conn.execute_batch(
            "CREATE TABLE IF NOT EXISTS corroboration (event TEXT PRIMARY KEY, story TEXT NOT NULL, support TEXT NOT NULL);
             INSERT OR REPLACE INTO corroboration (event, story, support)
                 SELECT event, story, support FROM event_stories WHERE support IS NOT NULL;
             DROP TABLE event_stories;",
        )?;
    }
    if table_exists(conn, "doc_actors")? && column_exists(conn, "doc_actors", "json")? {
        conn.execute_batch("ALTER TABLE doc_actors ADD COLUMN actors BLOB NOT NULL DEFAULT x''")?;
        rewrite_rows(conn, "SELECT doc, json FROM doc_actors", "UPDATE doc_actors SET actors = ?2 WHERE doc = ?1", |json| {
            Ok(vec![blob(actors_blob(&serde_json::from_str::<Vec<Actor>>(json)?)?)])
        })?;
        conn.execute_batch("ALTER TABLE doc_actors DROP COLUMN json")?;
    }
    Ok(())
}

/// Make a table of text columns, keyed by its first, hold exactly `rows` (each the key, then
/// the other columns): only rows that differ from what is stored are written, and rows no
/// longer given are deleted. The merged actors are rewritten after every corpus update, when
/// most are as they were; deleting and inserting them all wrote the whole table each time.
fn sync_table(conn: &Connection, table: &str, columns: &[&str], rows: Vec<Vec<String>>) -> Result<()> {
    let (key, list) = (columns[0], columns.join(", "));
    let stored: HashMap<String, Vec<String>> = conn
        .prepare(&format!("SELECT {list} FROM {table}"))?
        .query_map([], |r| (0..columns.len()).map(|i| r.get(i)).collect::<rusqlite::Result<Vec<String>>>())?
        .map(|row| row.map(|row| (row[0].clone(), row)))
        .collect::<rusqlite::Result<_>>()?;
    let marks = vec!["?"; columns.len()].join(", ");
    let mut put = conn.prepare_cached(&format!("INSERT OR REPLACE INTO {table} ({list}) VALUES ({marks})"))?;
    let mut given = std::collections::HashSet::new();
    for row in &rows {
        if stored.get(&row[0]) != Some(row) {
            put.execute(rusqlite::params_from_iter(row))?;
        }
        given.insert(row[0].as_str());
    }
    let mut gone = conn.prepare_cached(&format!("DELETE FROM {table} WHERE {key} = ?1"))?;
    for k in stored.keys().filter(|k| !given.contains(k.as_str())) {
        gone.execute([k])?;
    }
    Ok(())
}

/// Rewrite a JSON column row by row: `select` reads (key, JSON); `update` binds the key, then
/// what `convert` makes of the JSON.
fn rewrite_rows(
    conn: &Connection,
    select: &str,
    update: &str,
    convert: impl Fn(&str) -> Result<Vec<rusqlite::types::Value>>,
) -> Result<()> {
    let rows: Vec<(String, String)> =
        conn.prepare(select)?.query_map([], |r| Ok((r.get(0)?, r.get(1)?)))?.collect::<rusqlite::Result<_>>()?;
    let mut st = conn.prepare(update)?;
    for (key, json) in rows {
        let mut values = vec![rusqlite::types::Value::Text(key)];
        values.extend(convert(&json)?);
        st.execute(rusqlite::params_from_iter(values))?;
    }
    Ok(())
}

/// Schema v7 and v8: an older events table (keyed by its id before v7, its events in JSON before
/// v8) is renamed `events_old`, and its indexes dropped, for the schema to create the new table
/// beside it ([`copy_old_events`] fills it). Whether there was one.
fn set_aside_events(conn: &Connection) -> Result<bool> {
    let old = table_exists(conn, "events")? && column_exists(conn, "events", "json")?;
    if old {
        conn.execute_batch(
            "ALTER TABLE events RENAME TO events_old;
             DROP INDEX IF EXISTS events_doc; DROP INDEX IF EXISTS events_type; DROP INDEX IF EXISTS events_source;
             DROP INDEX IF EXISTS events_target; DROP INDEX IF EXISTS events_date;",
        )?;
    }
    Ok(old)
}

/// Schema v8: the set-aside events copied into the new table, each event's JSON made postcard
/// ([`event_blob`]) on the way, in one transaction; then the old table goes. Converting the
/// column in place instead (add `data`, fill it, drop `json`) left the events' pages two thirds
/// empty: a 2,000-document store grew from 64 to 74 MB. Copied, the old table's pages go to the
/// free list for later rows. Rows are read in the order they were written, as SQLite keeps them:
/// sorting them by document would hold them all in memory.
fn copy_old_events(conn: &Connection) -> Result<()> {
    use rusqlite::types::Value;
    let tx = conn.unchecked_transaction()?;
    {
        let columns = "id, doc, seq, type, status, source, target, source_country, target_country, date, goldstein";
        let mut read = tx.prepare(&format!("SELECT {columns}, json FROM events_old"))?;
        let mut write =
            tx.prepare(&format!("INSERT INTO events ({columns}, data) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12)"))?;
        let mut rows = read.query([])?;
        while let Some(r) = rows.next()? {
            let json = r
                .get_ref(11)?
                .as_str()
                .map_err(|e| rusqlite::Error::FromSqlConversionFailure(11, rusqlite::types::Type::Text, Box::new(e)))?;
            let data = event_blob(&serde_json::from_str(json)?)?;
            let mut values = (0..11).map(|i| r.get(i)).collect::<rusqlite::Result<Vec<Value>>>()?;
            values.push(Value::Blob(data));
            write.execute(rusqlite::params_from_iter(values))?;
        }
    }
    tx.execute_batch("DROP TABLE events_old")?;
    tx.commit()?;
    Ok(())
}

/// A story's members (document id and date), in clustering order.
#[derive(Clone, Debug, PartialEq)]
pub struct Members {
    pub anchor: String,
    pub docs: Vec<(String, Option<String>)>,
}

impl Store {
    /// Open (creating if needed) the store at `path`.
    /// The database file, when the store is one (not in memory): the ingest leaves it and its
    /// journal files out of its input.
    pub fn path(&self) -> Option<PathBuf> {
        self.conn.path().filter(|p| !p.is_empty()).map(PathBuf::from)
    }

    /// A second, read-only connection to the same store file (None for an in-memory store): it
    /// sees what is committed, and lets one thread read while another writes (WAL mode).
    pub fn reader(&self) -> Result<Option<Store>> {
        let Some(path) = self.path() else { return Ok(None) };
        let conn =
            Connection::open_with_flags(&path, rusqlite::OpenFlags::SQLITE_OPEN_READ_ONLY | rusqlite::OpenFlags::SQLITE_OPEN_NO_MUTEX)
                .map_err(|source| StoreError::Open { path: path.display().to_string(), source })?;
        stable_plans(&conn)?;
        Ok(Some(Store { conn }))
    }

    /// A connection of its own that copies the write-ahead log into the store file while this
    /// one goes on writing (None for an in-memory store). Run after a bulk write, it moves the
    /// copy that closing the store would make off the critical path (see [`Checkpointer::run`]).
    pub fn checkpointer(&self) -> Result<Option<Checkpointer>> {
        let Some(path) = self.path() else { return Ok(None) };
        let conn =
            Connection::open_with_flags(&path, rusqlite::OpenFlags::SQLITE_OPEN_READ_WRITE | rusqlite::OpenFlags::SQLITE_OPEN_NO_MUTEX)
                .map_err(|source| StoreError::Open { path: path.display().to_string(), source })?;
        conn.pragma_update(None, "synchronous", "NORMAL")?;
        Ok(Some(Checkpointer { conn }))
    }

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
        // The schema declares which rows belong to a document, but enforcing it made SQLite look
        // up the parent for each of a document's ~100 rows and keep a statement journal: with
        // enforcement off the store stage ran 2-2.5x faster. `put_batch` deletes a replaced
        // document's rows itself (`delete_document`), the one place a document goes.
        conn.pragma_update(None, "foreign_keys", "OFF")?;
        stable_plans(&conn)?;
        let version: i64 = conn.pragma_query_value(None, "user_version", |r| r.get(0))?;
        if version > SCHEMA_VERSION {
            return Err(StoreError::TooNew { path: path.display().to_string(), found: version });
        }
        if version == 1 {
            // v2: documents remember which analysis produced them.
            conn.execute_batch("ALTER TABLE documents ADD COLUMN analysis TEXT NOT NULL DEFAULT ''")?;
        }
        if (1..3).contains(&version) {
            // v3: stories are kept by anchor with their members, so that the corpus stage can
            // work incrementally. They are derived data: drop them; the next ingest rebuilds them.
            conn.execute_batch("DROP TABLE IF EXISTS stories; DROP TABLE IF EXISTS event_stories; DROP TABLE IF EXISTS event_support;")?;
        }
        if (1..4).contains(&version) {
            // v4: signatures in their own compact column, read without parsing the features;
            // the LSH band table goes (the corpus stage holds bands in memory for its window).
            migrate_signatures(&conn)?;
        }
        if (1..5).contains(&version) {
            // v5: fewer, bigger rows for the one writer thread: a document's actors in one
            // row, corroboration beside the event's story and only when there is some.
            migrate_doc_actors(&conn)?;
            migrate_support(&conn)?;
        }
        if (1..6).contains(&version) {
            // v6: a document's mentions in one row beside its actors, not a row (and two index
            // entries) each.
            migrate_mentions(&conn)?;
        }
        if (1..7).contains(&version) {
            // v7: features and a document's own actors in postcard (only sitrep reads them);
            // corroboration only for events told by more than themselves.
            migrate_binary_rows(&conn)?;
        }
        let old_events = (1..8).contains(&version) && set_aside_events(&conn)?;
        conn.execute_batch(include_str!("schema.sql"))?;
        if old_events {
            // v7: events without an index on their id; v8: each event in postcard, not JSON.
            copy_old_events(&conn)?;
        }
        if (1..7).contains(&version) {
            // v7: the actor pool is kept as documents come and go, and so is the queue of
            // documents the corpus stage has yet to place (found once here the old way).
            rebuild_actor_pool(&conn)?;
            conn.execute_batch(
                "INSERT OR IGNORE INTO pending (doc)
                     SELECT d.id FROM documents d LEFT JOIN story_members m ON m.doc = d.id
                     WHERE m.doc IS NULL OR m.version != d.hash || ':' || d.analysis;
                 INSERT OR IGNORE INTO pending (doc)
                     SELECT m.doc FROM story_members m LEFT JOIN documents d ON d.id = m.doc WHERE d.id IS NULL;",
            )?;
        }
        conn.pragma_update(None, "user_version", SCHEMA_VERSION)?;
        Ok(Store { conn })
    }

    /// An in-memory store, for tests and `sitrep extract`-like one-offs.
    pub fn memory() -> Result<Store> {
        let conn = Connection::open_in_memory()?;
        stable_plans(&conn)?;
        conn.execute_batch(include_str!("schema.sql"))?;
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
    /// The rows were serialised beforehand ([`Prepared::of`], on the analysis threads): SQLite
    /// writes on one thread, so that thread does nothing else.
    pub fn put_batch(&mut self, docs: &[Prepared], analysis: &str) -> Result<Vec<Put>> {
        // Inside the caller's transaction ([`Store::begin`]) when one is open: the writer of a
        // long ingest commits every thousand documents or so, not every batch.
        if !self.conn.is_autocommit() {
            return put_docs(&self.conn, docs, analysis);
        }
        let tx = self.conn.transaction()?;
        let out = put_docs(&tx, docs, analysis)?;
        tx.commit()?;
        Ok(out)
    }

    /// Start one transaction around the corpus stage's reads and writes.
    pub fn begin(&self) -> Result<()> {
        self.conn.execute_batch("BEGIN IMMEDIATE")?;
        Ok(())
    }

    pub fn commit(&self) -> Result<()> {
        self.conn.execute_batch("COMMIT")?;
        Ok(())
    }

    /// Whether a transaction is open ([`Store::begin`]).
    pub fn in_transaction(&self) -> bool {
        !self.conn.is_autocommit()
    }

    pub fn rollback(&self) -> Result<()> {
        self.conn.execute_batch("ROLLBACK")?;
        Ok(())
    }

    /// Replace the merged actors and their links.
    pub fn put_actors(&self, actors: &[Actor], links: &[(String, String, String)]) -> Result<()> {
        let actors = actors.iter().map(|a| Ok(vec![a.id.clone(), serde_json::to_string(a)?])).collect::<Result<_>>()?;
        sync_table(&self.conn, "actors", &["id", "json"], actors)?;
        let links = links.iter().map(|(alias, actor, why)| vec![alias.clone(), actor.clone(), why.clone()]).collect();
        sync_table(&self.conn, "actor_links", &["alias", "actor", "why"], links)
    }

    /// A stored document's mentions, in text order (empty for a document not stored).
    pub fn mentions_of(&self, doc: &str) -> Result<Vec<sitrep_model::Mention>> {
        let blob: Option<Vec<u8>> =
            self.conn.prepare_cached("SELECT mentions FROM doc_actors WHERE doc = ?1")?.query_row([doc], |r| r.get(0)).optional()?;
        Ok(match blob {
            Some(b) => postcard::from_bytes(&b)?,
            None => Vec::new(),
        })
    }

    /// The actor pool: every stored document's actors, counted by id.
    pub fn actor_pool(&self) -> Result<ActorPool> {
        let mut st = self.conn.prepare("SELECT actor, tally FROM actor_pool ORDER BY actor")?;
        let mut rows = st.query([])?;
        let mut tallies = Vec::new();
        while let Some(r) = rows.next()? {
            tallies.push((r.get::<_, String>(0)?, postcard::from_bytes::<Tally>(blob_at(r, 1)?)?));
        }
        Ok(ActorPool::from_tallies(tallies))
    }

    /// Each document's in-document actors, one document at a time (in id order).
    pub fn for_each_doc_actors(&self, mut f: impl FnMut(&[Actor])) -> Result<()> {
        let mut st = self.conn.prepare("SELECT actors FROM doc_actors ORDER BY doc")?;
        let mut rows = st.query([])?;
        while let Some(r) = rows.next()? {
            let list = blob_actors(blob_at(r, 0)?)?;
            if !list.is_empty() {
                f(&list);
            }
        }
        Ok(())
    }

    /// Documents the corpus stage has not placed in a story under their current version (new,
    /// replaced, re-analysed), and placed ones that are gone.
    pub fn pending(&self) -> Result<Vec<Pending>> {
        let mut out = Vec::new();
        let mut st = self.conn.prepare(
            "SELECT d.id, d.published, m.doc IS NOT NULL, m.published FROM pending p JOIN documents d ON d.id = p.doc
             LEFT JOIN story_members m ON m.doc = d.id
             WHERE m.doc IS NULL OR m.version != d.hash || ':' || d.analysis",
        )?;
        let rows = st.query_map([], |r| {
            let had: bool = r.get(2)?;
            Ok(Pending { id: r.get(0)?, published: r.get(1)?, exists: true, clustered: had.then(|| r.get(3)).transpose()? })
        })?;
        for row in rows {
            out.push(row?);
        }
        let mut st = self.conn.prepare(
            "SELECT m.doc, m.published FROM pending p JOIN story_members m ON m.doc = p.doc
             LEFT JOIN documents d ON d.id = m.doc WHERE d.id IS NULL",
        )?;
        let rows = st.query_map([], |r| Ok(Pending { id: r.get(0)?, published: None, exists: false, clustered: Some(r.get(1)?) }))?;
        for row in rows {
            out.push(row?);
        }
        Ok(out)
    }

    /// The corpus stage has placed every pending document (in its transaction).
    pub fn clear_pending(&self) -> Result<()> {
        self.conn.execute_batch("DELETE FROM pending")?;
        Ok(())
    }

    /// Stories that reports from day `since` on could join (latest report on or after it, or
    /// undated), each with its members in clustering order; every story when `since` is None.
    pub fn stories_open_since(&self, since: Option<i64>) -> Result<Vec<Members>> {
        // Two statements, not `?1 IS NULL OR ...`: with that term SQLite read every story
        // member in the store and sorted them; without it, it walks the stories and reads the
        // members of the open ones only.
        let filter = if since.is_some() { "WHERE s.last_day IS NULL OR s.last_day >= ?1" } else { "WHERE ?1 IS NULL" };
        let mut st = self.conn.prepare(&format!(
            "SELECT s.anchor, m.doc, m.published FROM stories s JOIN story_members m ON m.story = s.anchor {filter}
             ORDER BY s.anchor_published IS NOT NULL, s.anchor_published, s.anchor, m.published IS NOT NULL, m.published, m.doc"
        ))?;
        let rows = st.query_map([since], |r| Ok((r.get::<_, String>(0)?, r.get::<_, String>(1)?, r.get::<_, Option<String>>(2)?)))?;
        let mut out: Vec<Members> = Vec::new();
        for row in rows {
            let (anchor, doc, published) = row?;
            if out.last().is_none_or(|m| m.anchor != anchor) {
                out.push(Members { anchor: anchor.clone(), docs: Vec::new() });
            }
            out.last_mut().expect("pushed").docs.push((doc, published));
        }
        Ok(out)
    }

    /// The members of one story, in clustering order.
    pub fn story_members(&self, anchor: &str) -> Result<Vec<String>> {
        let mut st =
            self.conn.prepare_cached("SELECT doc FROM story_members WHERE story = ?1 ORDER BY published IS NOT NULL, published, doc")?;
        let rows = st.query_map([anchor], |r| r.get::<_, String>(0))?;
        Ok(rows.collect::<std::result::Result<_, _>>()?)
    }

    /// One document's stored features.
    pub fn features_of(&self, id: &str) -> Result<Option<sitrep_corpus::Features>> {
        let blob: Option<Vec<u8>> =
            self.conn.prepare_cached("SELECT data FROM doc_features WHERE doc = ?1")?.query_row([id], |r| r.get(0)).optional()?;
        blob.map(|b| blob_features(&b)).transpose()
    }

    /// Every document from a clustering key on (date, then id; undated first), in that order,
    /// with its features; `from` None means every document.
    pub fn for_each_doc_from<E: From<StoreError>>(
        &self,
        from: Option<(Option<&str>, &str)>,
        mut f: impl FnMut(String, Option<String>, sitrep_corpus::Features) -> std::result::Result<(), E>,
    ) -> std::result::Result<(), E> {
        // NULL dates sort first, as None does before Some in Rust; text compares bytewise.
        let (p, id) = from.map_or((None, ""), |(p, id)| (p, id));
        let mut st = self
            .conn
            .prepare(
                "SELECT d.id, d.published, f.data FROM documents d JOIN doc_features f ON f.doc = d.id
             WHERE ?3 = 0
                OR (?1 IS NULL AND (d.published IS NOT NULL OR d.id >= ?2))
                OR (?1 IS NOT NULL AND (d.published > ?1 OR (d.published = ?1 AND d.id >= ?2)))
             ORDER BY d.published IS NOT NULL, d.published, d.id",
            )
            .map_err(StoreError::from)?;
        let mut rows = st.query(params![p, id, from.is_some()]).map_err(StoreError::from)?;
        while let Some(r) = rows.next().map_err(StoreError::from)? {
            let features = blob_features(blob_at(r, 2).map_err(StoreError::from)?)?;
            f(r.get(0).map_err(StoreError::from)?, r.get(1).map_err(StoreError::from)?, features)?;
        }
        Ok(())
    }

    /// One document as a story's record needs it: date, outlet, title and event keys (no
    /// features and no actors: labels, corroboration and spans are made of these).
    pub fn summary_of(&self, id: &str) -> Result<Option<sitrep_corpus::DocSummary>> {
        type Row = (Option<String>, Option<String>, Option<String>);
        let row: Option<Row> = self
            .conn
            .prepare_cached("SELECT title, outlet, published FROM documents WHERE id = ?1")?
            .query_row([id], |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?)))
            .optional()?;
        let Some((title, outlet, published)) = row else { return Ok(None) };
        let mut doc = sitrep_corpus::DocSummary { id: id.to_string(), title, outlet, published, ..Default::default() };
        let mut st = self.conn.prepare_cached("SELECT id, type, source, target, status FROM events WHERE doc = ?1 ORDER BY seq")?;
        let rows = st.query_map([id], |r| {
            Ok((
                r.get::<_, String>(0)?,
                r.get::<_, String>(1)?,
                r.get::<_, Option<String>>(2)?,
                r.get::<_, Option<String>>(3)?,
                r.get::<_, String>(4)?,
            ))
        })?;
        for row in rows {
            let (eid, kind, source, target, status) = row?;
            let (Some(kind), Some(status)) = (sitrep_model::EventType::parse(&kind), sitrep_model::Status::parse(&status)) else {
                continue;
            };
            doc.events.push(sitrep_corpus::EventKey {
                id: eid,
                kind,
                source: source.unwrap_or_default(),
                target: target.unwrap_or_default(),
                status,
            });
        }
        Ok(Some(doc))
    }

    /// Remove a story (by anchor) with its members, event links and corroboration.
    pub fn delete_story(&self, anchor: &str) -> Result<()> {
        let id: Option<String> =
            self.conn.prepare_cached("SELECT id FROM stories WHERE anchor = ?1")?.query_row([anchor], |r| r.get(0)).optional()?;
        if let Some(id) = id {
            self.conn.prepare_cached("DELETE FROM corroboration WHERE story = ?1")?.execute([&id])?;
        }
        self.conn.prepare_cached("DELETE FROM stories WHERE anchor = ?1")?.execute([anchor])?;
        self.conn.prepare_cached("DELETE FROM story_members WHERE story = ?1")?.execute([anchor])?;
        Ok(())
    }

    /// Write a story: its members (`story.docs`, recorded under their current version), its
    /// events and their corroboration. `anchor` is its first document in clustering order.
    pub fn put_story(
        &self,
        anchor: &str,
        last_day: Option<i64>,
        label_keys: &[String],
        story: &Story,
        support: &HashMap<String, sitrep_model::Corroboration>,
    ) -> Result<()> {
        self.conn
            .prepare_cached(
                "INSERT OR REPLACE INTO stories (id, anchor, anchor_published, last_day, label_keys, json)
                 SELECT ?1, ?2, d.published, ?3, ?4, ?5 FROM documents d WHERE d.id = ?2",
            )?
            .execute(params![story.id, anchor, last_day, format!("|{}|", label_keys.join("|")), serde_json::to_string(story)?])?;
        let mut st = self.conn.prepare_cached(
            "INSERT OR REPLACE INTO story_members (doc, story, published, version)
             SELECT d.id, ?2, d.published, d.hash || ':' || d.analysis FROM documents d WHERE d.id = ?1",
        )?;
        for d in &story.docs {
            st.execute(params![d, anchor])?;
        }
        // Its events are its documents' (read through story_members); only corroboration beyond
        // the event itself needs a row.
        let mut se = self.conn.prepare_cached("INSERT OR REPLACE INTO corroboration (event, story, support) VALUES (?1, ?2, ?3)")?;
        for e in &story.events {
            if let Some(c) = support.get(e).filter(|c| **c != Corroboration::alone(e)) {
                se.execute(params![e, story.id, serde_json::to_string(c)?])?;
            }
        }
        Ok(())
    }

    /// Anchors of the stories holding these documents.
    pub fn stories_of_docs(&self, docs: &[String]) -> Result<Vec<String>> {
        let mut st = self.conn.prepare_cached("SELECT story FROM story_members WHERE doc = ?1")?;
        let mut out = Vec::new();
        for d in docs {
            if let Some(a) = st.query_row([d], |r| r.get::<_, String>(0)).optional()? {
                out.push(a);
            }
        }
        Ok(out)
    }

    /// Anchors of the stories whose label names this actor key.
    pub fn stories_labelled_with(&self, key: &str) -> Result<Vec<String>> {
        let mut st = self.conn.prepare_cached("SELECT anchor FROM stories WHERE instr(label_keys, ?1) > 0")?;
        let rows = st.query_map([format!("|{key}|")], |r| r.get::<_, String>(0))?;
        Ok(rows.collect::<std::result::Result<_, _>>()?)
    }

    /// Anchors of the stories with an event whose source or target is this in-document id.
    pub fn stories_with_actor(&self, actor: &str) -> Result<Vec<String>> {
        let mut st = self.conn.prepare_cached(
            "SELECT DISTINCT s.anchor FROM events e JOIN story_members m ON m.doc = e.doc JOIN stories s ON s.anchor = m.story
             WHERE e.source = ?1 OR e.target = ?1",
        )?;
        let rows = st.query_map([actor], |r| r.get::<_, String>(0))?;
        Ok(rows.collect::<std::result::Result<_, _>>()?)
    }

    /// A document's date and MinHash signature.
    pub fn signature_of(&self, id: &str) -> Result<Option<(Option<String>, Vec<u32>)>> {
        let row: Option<(Option<String>, Option<Vec<u8>>)> = self
            .conn
            .prepare_cached("SELECT d.published, f.minhash FROM documents d JOIN doc_features f ON f.doc = d.id WHERE d.id = ?1")?
            .query_row([id], |r| Ok((r.get(0)?, r.get(1)?)))
            .optional()?;
        Ok(row.map(|(published, sig)| (published, sig.map_or_else(Vec::new, |b| blob_sig(&b)))))
    }

    /// Every undated document, then every document dated on or after `since` (all documents
    /// with None), in clustering order (date, then id), with its signature and the report it is
    /// recorded as copying. The corpus stage replays near-duplicates over this.
    pub fn for_each_signature_since<E: From<StoreError>>(
        &self,
        since: Option<&str>,
        mut f: impl FnMut(SignatureRow) -> std::result::Result<(), E>,
    ) -> std::result::Result<(), E> {
        let mut st = self
            .conn
            .prepare(
                "SELECT d.id, d.published, f.minhash, c.original, c.similarity FROM documents d
                 JOIN doc_features f ON f.doc = d.id LEFT JOIN copies c ON c.doc = d.id
                 WHERE ?1 IS NULL OR d.published IS NULL OR d.published >= ?1
                 ORDER BY d.published IS NOT NULL, d.published, d.id",
            )
            .map_err(StoreError::from)?;
        let mut rows = st.query(params![since]).map_err(StoreError::from)?;
        while let Some(r) = rows.next().map_err(StoreError::from)? {
            let get = |r: &rusqlite::Row| -> rusqlite::Result<SignatureRow> {
                let original: Option<String> = r.get(3)?;
                Ok(SignatureRow {
                    id: r.get(0)?,
                    published: r.get(1)?,
                    minhash: r.get::<_, Option<Vec<u8>>>(2)?.map_or_else(Vec::new, |b| blob_sig(&b)),
                    copies: match original {
                        Some(o) => Some((o, r.get(4)?)),
                        None => None,
                    },
                })
            };
            f(get(r).map_err(StoreError::from)?)?;
        }
        Ok(())
    }

    /// The report a document copies, if it is a copy.
    pub fn copy_of(&self, id: &str) -> Result<Option<(String, f64)>> {
        Ok(self
            .conn
            .prepare_cached("SELECT original, similarity FROM copies WHERE doc = ?1")?
            .query_row([id], |r| Ok((r.get(0)?, r.get(1)?)))
            .optional()?)
    }

    /// Record a document as a copy of `link` (original, similarity), or as no copy with None.
    pub fn set_copy(&self, doc: &str, link: Option<&(String, f64)>) -> Result<()> {
        self.conn.prepare_cached("DELETE FROM copies WHERE doc = ?1")?.execute([doc])?;
        if let Some((original, similarity)) = link {
            self.conn
                .prepare_cached("INSERT INTO copies (doc, original, similarity) VALUES (?1, ?2, ?3)")?
                .execute(params![doc, original, similarity])?;
        }
        Ok(())
    }

    /// Merged actors, most mentioned first.
    pub fn actors(&self) -> Result<Vec<Actor>> {
        let mut st = self.conn.prepare("SELECT json FROM actors ORDER BY id")?;
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

    /// Every story, in the order they began (their first reports' dates, then ids).
    pub fn stories(&self) -> Result<Vec<Story>> {
        let mut st = self.conn.prepare("SELECT json FROM stories ORDER BY anchor_published IS NOT NULL, anchor_published, anchor")?;
        let out = st.query_map([], |r| r.get::<_, String>(0))?.map(|j| Ok(serde_json::from_str(&j?)?)).collect::<Result<_>>()?;
        Ok(out)
    }

    /// Counts of documents, mentions, events, actors, stories.
    pub fn counts(&self) -> Result<[i64; 5]> {
        let c = |t: &str| self.conn.query_row(&format!("SELECT count(*) FROM {t}"), [], |r| r.get::<_, i64>(0));
        let mentions = self.conn.query_row("SELECT coalesce(sum(mention_count), 0) FROM doc_actors", [], |r| r.get::<_, i64>(0))?;
        Ok([c("documents")?, mentions, c("events")?, c("actors")?, c("stories")?])
    }

    /// One stored article and its raw text.
    pub fn article(&self, id: &str) -> Result<Option<(Article, String)>> {
        let row: Option<(Vec<u8>, String, String)> = self
            .conn
            .query_row("SELECT article, raw, text FROM documents WHERE id = ?1", [id], |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?)))
            .optional()?;
        match row {
            Some((a, raw, text)) => {
                let mut article: Article = postcard::from_bytes(&a)?;
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

/// Copies committed pages from the write-ahead log into the store file, on a thread of its own.
pub struct Checkpointer {
    conn: Connection,
}

impl Checkpointer {
    /// A passive checkpoint: it copies what is committed and waits for no one, so a writer on
    /// the store's own connection goes on meanwhile; what that writer adds later is left for
    /// the next checkpoint (at the latest, the one SQLite makes when the store is closed).
    pub fn run(self) -> Result<()> {
        self.conn.query_row("PRAGMA wal_checkpoint(PASSIVE)", [], |_| Ok(()))?;
        Ok(())
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
