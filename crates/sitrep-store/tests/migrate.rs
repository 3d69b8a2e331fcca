//! Stores written by an older sitrep open in this one, their data carried over.

use rusqlite::Connection;
use sitrep_store::Store;

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
            "ALTER TABLE doc_features DROP COLUMN minhash;
             CREATE TABLE doc_bands (band INTEGER NOT NULL, doc TEXT NOT NULL);
             INSERT INTO documents (id, hash, origin, published, text, raw, article)
                 VALUES ('a', 'h', 'a.txt', '2024-05-01', 'text', 'text', '{}');
             INSERT INTO doc_bands (band, doc) VALUES (1, 'a');
             DROP TABLE doc_actors;
             CREATE TABLE doc_actors (doc TEXT NOT NULL, actor TEXT NOT NULL, json TEXT NOT NULL, PRIMARY KEY (doc, actor));
             DROP TABLE event_stories;
             CREATE TABLE event_stories (event TEXT PRIMARY KEY, story TEXT NOT NULL);
             CREATE TABLE event_support (event TEXT PRIMARY KEY, json TEXT NOT NULL);
             INSERT INTO event_stories (event, story) VALUES ('e1', 's1');
             INSERT INTO event_support (event, json) VALUES ('e1', '{\"documents\":2}');
             PRAGMA user_version = 3;",
        )
        .unwrap();
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
    let support: String = conn.query_row("SELECT support FROM event_stories WHERE event = 'e1'", [], |r| r.get(0)).unwrap();
    assert_eq!(support, r#"{"documents":2}"#, "corroboration kept beside the story");
    let version: i64 = conn.pragma_query_value(None, "user_version", |r| r.get(0)).unwrap();
    assert_eq!(version, 6);
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
            "ALTER TABLE doc_actors DROP COLUMN mentions;
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
    assert_eq!(version, 6);
}
