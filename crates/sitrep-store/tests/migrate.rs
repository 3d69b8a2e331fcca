//! Stores written by an older sitrep open in this one, their data carried over.

use rusqlite::Connection;
use sitrep_model::{Endpoint, Event, EventType, Evidence, Location, Status};
use sitrep_store::{EventFilter, Store};

/// An article as stores before version 7 kept it: JSON text.
fn old_article() -> String {
    let article = sitrep_model::Article { id: "a".into(), title: Some("Border talks".into()), ..Default::default() };
    serde_json::to_string(&article).unwrap()
}

/// An event as stores keep it: its evidence (a span of document `doc`) without text, and no story
/// or corroboration (both are read from other tables).
fn stored_event(id: &str, doc: &str, span: (usize, usize)) -> Event {
    let endpoint = |actor: &str, name: &str, text: &str| Endpoint {
        actor: actor.into(),
        name: name.into(),
        text: text.into(),
        country: Some(actor[..3].into()),
        agent: actor.get(3..).filter(|a| !a.is_empty()).map(Into::into),
        org: None,
    };
    Event {
        id: id.into(),
        doc: doc.into(),
        kind: EventType::Assault,
        mode: Some("shelling".into()),
        cameo: "195".into(),
        goldstein: -10.0,
        quad_class: 4,
        source: Some(endpoint("PAKMIL", "Pakistan military", "Pakistani troops")),
        target: Some(endpoint("AFG", "Afghanistan", "Afghan")),
        status: Status::Reported,
        attributed_to: Some(endpoint("AFGGOV", "Afghan government", "officials")),
        date: Some("2024-05-01".into()),
        date_precision: None,
        location: Some(Location {
            name: "Torkham".into(),
            country: Some("AFG".into()),
            lat: Some(34.1),
            lon: Some(71.09),
            how: "sentence".into(),
            admin1: None,
            geonames_id: Some(1123004),
            confidence: Some(0.8),
        }),
        evidence: vec![Evidence { doc: doc.into(), start: span.0, end: span.1, text: String::new() }],
        story: None,
        trigger: "shelled".into(),
        corroboration: None,
    }
}

/// The events `sitrep events` gives, with their evidence text cut from `text`.
fn with_evidence(mut events: Vec<Event>, text: &str) -> Vec<Event> {
    for e in &mut events {
        for ev in &mut e.evidence {
            ev.text = text[ev.start..ev.end].to_string();
        }
    }
    events
}

#[test]
fn a_version_3_store_keeps_its_signatures_and_actors() {
    let tmp = tempfile::tempdir().unwrap();
    let path = tmp.path().join("old.db");
    drop(Store::open(&path).unwrap());
    // Turn the new store into what version 3 wrote: the signature inside the features JSON
    // and a table of LSH bands.
    let sig: Vec<u32> = (0..128).map(|i| i * 7 + 1).collect();
    {
        let conn = Connection::open(&path).unwrap();
        conn.execute_batch(
            "DROP TABLE doc_features;
             CREATE TABLE doc_features (doc TEXT PRIMARY KEY, json TEXT NOT NULL);
             CREATE TABLE doc_bands (band INTEGER NOT NULL, doc TEXT NOT NULL);
             INSERT INTO documents (id, hash, origin, published, text, raw, article)
                 VALUES ('a', 'h', 'a.txt', '2024-05-01', 'text', 'text', '{}');
             INSERT INTO doc_bands (band, doc) VALUES (1, 'a');
             DROP TABLE doc_actors;
             CREATE TABLE doc_actors (doc TEXT NOT NULL, actor TEXT NOT NULL, json TEXT NOT NULL, PRIMARY KEY (doc, actor));
             DROP TABLE corroboration;
             CREATE TABLE event_stories (event TEXT PRIMARY KEY, story TEXT NOT NULL);
             CREATE TABLE event_support (event TEXT PRIMARY KEY, json TEXT NOT NULL);
             INSERT INTO event_stories (event, story) VALUES ('e1', 's1');
             INSERT INTO event_support (event, json) VALUES ('e1', '{\"documents\":2}');
             PRAGMA user_version = 3;",
        )
        .unwrap();
        conn.execute("UPDATE documents SET article = ?1", [old_article()]).unwrap();
        let json = serde_json::json!({"actors": ["PAK"], "words": ["border"], "names": [], "minhash": sig}).to_string();
        conn.execute("INSERT INTO doc_features (doc, json) VALUES ('a', ?1)", [json]).unwrap();
        for (id, name) in [("PAK", "Pakistan"), ("AFG", "Afghanistan")] {
            let actor = serde_json::json!({"id": id, "name": name, "kind": "country", "country": id, "aliases": [], "roles": [], "mentions": 1, "documents": 1});
            conn.execute("INSERT INTO doc_actors (doc, actor, json) VALUES ('a', ?1, ?2)", [id, &actor.to_string()]).unwrap();
        }
    }
    let store = Store::open(&path).unwrap();
    assert_eq!(store.signature_of("a").unwrap(), Some((Some("2024-05-01".to_string()), sig)));
    let features = store.features_of("a").unwrap().unwrap();
    assert!(features.minhash.is_empty() && features.words.contains("border"), "{features:?}");
    let mut lists = Vec::new();
    store.for_each_doc_actors(|list| lists.push(list.iter().map(|a| a.id.clone()).collect::<Vec<_>>())).unwrap();
    assert_eq!(lists, vec![vec!["AFG".to_string(), "PAK".to_string()]], "one list a document, by id");
    drop(store);
    let conn = Connection::open(&path).unwrap();
    let bands: i64 = conn.query_row("SELECT count(*) FROM sqlite_master WHERE name = 'doc_bands'", [], |r| r.get(0)).unwrap();
    assert_eq!(bands, 0);
    let support: (String, String) =
        conn.query_row("SELECT story, support FROM corroboration WHERE event = 'e1'", [], |r| Ok((r.get(0)?, r.get(1)?))).unwrap();
    assert_eq!(support, ("s1".to_string(), r#"{"documents":2}"#.to_string()), "corroboration kept with its story");
    let version: i64 = conn.pragma_query_value(None, "user_version", |r| r.get(0)).unwrap();
    assert_eq!(version, 8);
}

#[test]
fn a_version_5_store_keeps_its_mentions_in_text_order() {
    let tmp = tempfile::tempdir().unwrap();
    let path = tmp.path().join("v5.db");
    drop(Store::open(&path).unwrap());
    // What version 5 wrote: a row per mention, with its indexes.
    {
        let conn = Connection::open(&path).unwrap();
        conn.execute_batch(
            "DROP TABLE doc_actors;
             CREATE TABLE doc_actors (doc TEXT PRIMARY KEY, json TEXT NOT NULL);
             CREATE TABLE mentions (
                 doc TEXT NOT NULL, start INTEGER NOT NULL, end INTEGER NOT NULL, text TEXT NOT NULL,
                 kind TEXT NOT NULL, actor TEXT, country TEXT, agent TEXT, org TEXT, how TEXT NOT NULL,
                 PRIMARY KEY (doc, start));
             CREATE INDEX mentions_actor ON mentions(actor);
             INSERT INTO documents (id, hash, origin, text, raw, article) VALUES ('a', 'h', 'a.txt', 'text', 'text', '{}');
             INSERT INTO documents (id, hash, origin, text, raw, article) VALUES ('b', 'h', 'b.txt', 'text', 'text', '{}');
             INSERT INTO doc_actors (doc, json) VALUES ('a', '[]');
             INSERT INTO doc_actors (doc, json) VALUES ('b', '[]');
             INSERT INTO mentions VALUES ('a', 30, 41, 'Afghanistan', 'country', 'AFG', 'AFG', NULL, NULL, 'dictionary');
             INSERT INTO mentions VALUES ('a', 0, 9, 'Pakistani', 'nationality', NULL, 'PAK', NULL, NULL, 'dictionary');
             INSERT INTO mentions VALUES ('a', 10, 16, 'troops', 'agent', NULL, NULL, 'MIL', NULL, 'dictionary');
             PRAGMA user_version = 5;",
        )
        .unwrap();
        conn.execute("UPDATE documents SET article = ?1", [old_article()]).unwrap();
    }
    let store = Store::open(&path).unwrap();
    let a = store.mentions_of("a").unwrap();
    assert_eq!(a.iter().map(|m| (m.start, m.text.as_str())).collect::<Vec<_>>(), [(0, "Pakistani"), (10, "troops"), (30, "Afghanistan")]);
    assert_eq!(a[1].agent.as_deref(), Some("MIL"));
    assert_eq!(a[2].actor.as_deref(), Some("AFG"));
    assert!(store.mentions_of("b").unwrap().is_empty(), "a document without mentions has an empty list");
    assert_eq!(store.counts().unwrap()[1], 3);
    drop(store);
    let conn = Connection::open(&path).unwrap();
    let table: i64 = conn.query_row("SELECT count(*) FROM sqlite_master WHERE name = 'mentions'", [], |r| r.get(0)).unwrap();
    assert_eq!(table, 0, "the row-per-mention table is gone");
    let version: i64 = conn.pragma_query_value(None, "user_version", |r| r.get(0)).unwrap();
    assert_eq!(version, 8);
}

#[test]
fn a_version_6_store_keeps_its_features_and_actors_in_binary_rows() {
    let tmp = tempfile::tempdir().unwrap();
    let path = tmp.path().join("v6.db");
    drop(Store::open(&path).unwrap());
    // What version 6 wrote: features and a document's own actors as JSON.
    {
        let conn = Connection::open(&path).unwrap();
        conn.execute_batch(
            "DROP TABLE doc_features;
             CREATE TABLE doc_features (doc TEXT PRIMARY KEY, json TEXT NOT NULL, minhash BLOB);
             DROP TABLE doc_actors;
             CREATE TABLE doc_actors (doc TEXT PRIMARY KEY, json TEXT NOT NULL, mentions TEXT NOT NULL DEFAULT '[]');
             INSERT INTO documents (id, hash, origin, published, text, raw, article)
                 VALUES ('a', 'h', 'a.txt', '2024-05-01', 'text', 'text', '{}');
             DROP TABLE events;
             CREATE TABLE events (id TEXT PRIMARY KEY, doc TEXT NOT NULL, seq INTEGER NOT NULL, type TEXT NOT NULL,
                 status TEXT NOT NULL, source TEXT, target TEXT, source_country TEXT, target_country TEXT, date TEXT,
                 goldstein REAL NOT NULL, json TEXT NOT NULL);
             CREATE INDEX events_doc ON events(doc, seq);
             PRAGMA user_version = 6;",
        )
        .unwrap();
        let event = serde_json::to_string(&stored_event("e1", "a", (0, 4))).unwrap();
        conn.execute(
            "INSERT INTO events VALUES ('e1', 'a', 0, 'ASSAULT', 'reported', 'PAKMIL', 'AFG', 'PAK', 'AFG', '2024-05-01', -10.0, ?1)",
            [event],
        )
        .unwrap();
        conn.execute("UPDATE documents SET article = ?1", [old_article()]).unwrap();
        let json = serde_json::json!({"actors": ["AFG", "PAK"], "words": ["border", "crossing"], "names": ["torkham"]}).to_string();
        conn.execute("INSERT INTO doc_features (doc, json) VALUES ('a', ?1)", [json]).unwrap();
        let actors = serde_json::json!([
            {"id": "AFG", "name": "Afghanistan", "kind": "country", "country": "AFG", "agent": null, "aliases": ["Afghan"], "roles": [], "mentions": 2, "documents": 1},
            {"id": "PER:x", "name": "Asad Tour", "kind": "person", "country": "PAK", "agent": "GOV",
             "aliases": ["Asad Tour"], "roles": [{"title": "envoy", "org": null, "country": "PAK", "former": true, "from": null, "to": "2024"}], "mentions": 1, "documents": 1}
        ]);
        let mentions = serde_json::json!([
            {"start": 0, "end": 11, "text": "Afghanistan", "kind": "country", "actor": "AFG", "country": "AFG", "agent": null, "org": null, "how": "dictionary"}
        ]);
        conn.execute("INSERT INTO doc_actors (doc, json, mentions) VALUES ('a', ?1, ?2)", [actors.to_string(), mentions.to_string()])
            .unwrap();
    }
    let store = Store::open(&path).unwrap();
    let features = store.features_of("a").unwrap().unwrap();
    assert_eq!(features.actors.iter().collect::<Vec<_>>(), ["AFG", "PAK"]);
    assert_eq!(features.words.iter().collect::<Vec<_>>(), ["border", "crossing"]);
    assert_eq!(features.names.iter().collect::<Vec<_>>(), ["torkham"]);
    let mut lists = Vec::new();
    store.for_each_doc_actors(|list| lists.push(list.to_vec())).unwrap();
    assert_eq!(lists.len(), 1);
    let (afg, person) = (&lists[0][0], &lists[0][1]);
    assert_eq!((afg.id.as_str(), afg.mentions, afg.aliases.as_slice()), ("AFG", 2, ["Afghan".to_string()].as_slice()));
    assert_eq!((person.agent.as_deref(), person.roles[0].former, person.roles[0].to.as_deref()), (Some("GOV"), true, Some("2024")));
    let mentions = store.mentions_of("a").unwrap();
    assert_eq!(
        mentions.iter().map(|m| (m.start, m.text.as_str(), m.actor.as_deref())).collect::<Vec<_>>(),
        [(0, "Afghanistan", Some("AFG"))]
    );
    assert_eq!(store.counts().unwrap()[1], 1, "mentions counted");
    let (article, _) = store.article("a").unwrap().unwrap();
    assert_eq!((article.title.as_deref(), article.text.as_str()), (Some("Border talks"), "text"), "the article read back, with its text");
    assert_eq!(store.pending().unwrap().len(), 1, "the document no story holds yet is queued for the corpus stage");
    assert_eq!(store.events(&EventFilter::default()).unwrap(), with_evidence(vec![stored_event("e1", "a", (0, 4))], "text"));
    let (pooled, _) = store.actor_pool().unwrap().merge(&|_, _| false);
    assert_eq!(pooled.iter().map(|a| (a.id.as_str(), a.mentions)).collect::<Vec<_>>(), [("AFG", 2), ("PER:x", 1)], "the pool counted once");
    drop(store);
    let conn = Connection::open(&path).unwrap();
    let json_columns: i64 = conn
        .query_row(
            "SELECT (SELECT count(*) FROM pragma_table_info('doc_features') WHERE name = 'json')
                  + (SELECT count(*) FROM pragma_table_info('doc_actors') WHERE name = 'json')",
            [],
            |r| r.get(0),
        )
        .unwrap();
    assert_eq!(json_columns, 0, "the JSON columns are gone");
    let events: Vec<(String, String, i64)> = conn
        .prepare("SELECT id, doc, seq FROM events")
        .unwrap()
        .query_map([], |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?)))
        .unwrap()
        .collect::<Result<_, _>>()
        .unwrap();
    assert_eq!(events, [("e1".to_string(), "a".to_string(), 0)], "events carried into the new table");
    let keyed: i64 = conn.query_row("SELECT count(*) FROM pragma_table_info('events') WHERE pk = 1", [], |r| r.get(0)).unwrap();
    assert_eq!(keyed, 0, "no key on the event id");
    let version: i64 = conn.pragma_query_value(None, "user_version", |r| r.get(0)).unwrap();
    assert_eq!(version, 8);
}

#[test]
fn a_version_7_store_keeps_its_events_in_binary_rows() {
    let tmp = tempfile::tempdir().unwrap();
    let path = tmp.path().join("v7.db");
    drop(Store::open(&path).unwrap());
    let text = "Pakistani troops shelled Afghan posts, officials said. Afghan forces fired back.";
    let events = [stored_event("e1", "a", (0, 54)), stored_event("e2", "a", (55, 80)), stored_event("e3", "b", (0, 16))];
    // What version 7 wrote: each event whole as JSON, beside its queryable columns.
    {
        let conn = Connection::open(&path).unwrap();
        conn.execute_batch(
            "DROP TABLE events;
             CREATE TABLE events (id TEXT NOT NULL, doc TEXT NOT NULL, seq INTEGER NOT NULL, type TEXT NOT NULL,
                 status TEXT NOT NULL, source TEXT, target TEXT, source_country TEXT, target_country TEXT, date TEXT,
                 goldstein REAL NOT NULL, json TEXT NOT NULL);
             CREATE UNIQUE INDEX events_doc ON events(doc, seq);
             CREATE INDEX events_type ON events(type);
             PRAGMA user_version = 7;",
        )
        .unwrap();
        for doc in ["a", "b"] {
            conn.execute(
                "INSERT INTO documents (id, hash, origin, text, raw, article) VALUES (?1, 'h', 'x.txt', ?2, '', x'')",
                [doc, text],
            )
            .unwrap();
        }
        for (seq, e) in events.iter().enumerate() {
            conn.execute(
                "INSERT INTO events VALUES (?1, ?2, ?3, 'ASSAULT', 'reported', 'PAKMIL', 'AFG', 'PAK', 'AFG', '2024-05-01', -10.0, ?4)",
                rusqlite::params![e.id, e.doc, seq as i64, serde_json::to_string(e).unwrap()],
            )
            .unwrap();
        }
    }
    let store = Store::open(&path).unwrap();
    assert_eq!(store.events(&EventFilter::default()).unwrap(), with_evidence(events.to_vec(), text), "the same events, in order");
    let only_b = EventFilter { doc: Some("b".into()), ..Default::default() };
    assert_eq!(store.events(&only_b).unwrap(), with_evidence(vec![events[2].clone()], text), "the columns still filter");
    drop(store);
    let conn = Connection::open(&path).unwrap();
    let columns: Vec<String> = conn
        .prepare("SELECT name FROM pragma_table_info('events')")
        .unwrap()
        .query_map([], |r| r.get(0))
        .unwrap()
        .map(Result::unwrap)
        .collect();
    assert!(!columns.contains(&"json".to_string()) && columns.last().map(String::as_str) == Some("data"), "{columns:?}");
    let blobs: i64 = conn.query_row("SELECT count(*) FROM events WHERE typeof(data) = 'blob'", [], |r| r.get(0)).unwrap();
    assert_eq!(blobs, 3);
    let tables: i64 = conn.query_row("SELECT count(*) FROM sqlite_master WHERE name = 'events_old'", [], |r| r.get(0)).unwrap();
    assert_eq!(tables, 0, "the old table is gone");
    let indexes: i64 =
        conn.query_row("SELECT count(*) FROM sqlite_master WHERE type = 'index' AND tbl_name = 'events'", [], |r| r.get(0)).unwrap();
    assert_eq!(indexes, 5, "the new table has its indexes");
    let version: i64 = conn.pragma_query_value(None, "user_version", |r| r.get(0)).unwrap();
    assert_eq!(version, 8);
}
