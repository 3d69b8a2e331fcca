//! A document stored again with other content keeps none of its old rows.

use rusqlite::Connection;
use sitrep_model::{Article, Doc, Mention, MentionKind};
use sitrep_store::{Prepared, Put, Store};

fn doc(hash: &str, mentions: &[(usize, &str)]) -> Doc {
    let article = Article {
        id: "a".into(),
        hash: hash.into(),
        origin: "a.txt".into(),
        text: "Pakistan and Afghanistan".into(),
        ..Default::default()
    };
    let mentions = mentions
        .iter()
        .map(|&(start, text)| Mention {
            start,
            end: start + text.len(),
            text: text.into(),
            kind: MentionKind::Country,
            actor: Some(text[..3].to_uppercase()),
            country: None,
            agent: None,
            org: None,
            how: "dictionary".into(),
        })
        .collect();
    Doc { article, mentions, ..Default::default() }
}

#[test]
fn a_replaced_document_leaves_no_rows_behind() {
    let tmp = tempfile::tempdir().unwrap();
    let path = tmp.path().join("db");
    let mut store = Store::open(&path).unwrap();
    let put = |store: &mut Store, d: Doc| store.put_batch(&[Prepared::of(d, "raw".into()).unwrap()], "test").unwrap();
    assert_eq!(put(&mut store, doc("h1", &[(0, "Pakistan"), (13, "Afghanistan")])), vec![Put::New]);
    assert_eq!(put(&mut store, doc("h1", &[(0, "Pakistan"), (13, "Afghanistan")])), vec![Put::Unchanged]);
    assert_eq!(put(&mut store, doc("h2", &[(13, "Afghanistan")])), vec![Put::Replaced]);
    drop(store);
    let conn = Connection::open(&path).unwrap();
    let count = |table: &str| conn.query_row(&format!("SELECT count(*) FROM {table}"), [], |r| r.get::<_, i64>(0)).unwrap();
    assert_eq!((count("documents"), count("doc_features"), count("doc_actors")), (1, 1, 1));
    drop(conn);
    let store = Store::open(&path).unwrap();
    let mentions = store.mentions_of("a").unwrap();
    assert_eq!(
        mentions.iter().map(|m| (m.start, m.text.as_str())).collect::<Vec<_>>(),
        [(13, "Afghanistan")],
        "the new version's mentions only"
    );
    assert_eq!(store.counts().unwrap()[1], 1);
}

#[test]
fn batches_written_inside_an_open_transaction_stand_or_fall_with_it() {
    let tmp = tempfile::tempdir().unwrap();
    let path = tmp.path().join("db");
    let mut store = Store::open(&path).unwrap();
    let put = |store: &mut Store, d: Doc| store.put_batch(&[Prepared::of(d, "raw".into()).unwrap()], "test").unwrap();
    store.begin().unwrap();
    assert!(store.in_transaction());
    assert_eq!(put(&mut store, doc("h1", &[(0, "Pakistan")])), vec![Put::New]);
    assert_eq!(put(&mut store, doc("h1", &[(0, "Pakistan")])), vec![Put::Unchanged], "its own writes are seen");
    store.rollback().unwrap();
    assert_eq!(store.counts().unwrap()[0], 0, "rolled back with the transaction");
    store.begin().unwrap();
    assert_eq!(put(&mut store, doc("h1", &[(0, "Pakistan")])), vec![Put::New]);
    store.commit().unwrap();
    assert!(!store.in_transaction());
    assert_eq!(store.counts().unwrap()[0], 1);
}
