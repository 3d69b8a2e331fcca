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

fn actor(id: &str, name: &str, alias: &str, mentions: usize) -> sitrep_model::Actor {
    sitrep_model::Actor {
        id: id.into(),
        name: name.into(),
        kind: sitrep_model::ActorKind::Country,
        country: Some(id.into()),
        agent: None,
        aliases: vec![alias.into()],
        roles: Vec::new(),
        mentions,
        documents: 1,
    }
}

#[test]
fn the_actor_pool_follows_documents_stored_and_replaced() {
    let tmp = tempfile::tempdir().unwrap();
    let mut store = Store::open(&tmp.path().join("db")).unwrap();
    let with = |id: &str, hash: &str, actors: Vec<sitrep_model::Actor>| {
        let mut d = doc(hash, &[]);
        d.article.id = id.into();
        d.actors = actors;
        Prepared::of(d, "raw".into()).unwrap()
    };
    let a1 = with("a", "h1", vec![actor("AFG", "Afghanistan", "Afghan", 2), actor("PAK", "Pakistan", "Pakistani", 1)]);
    let b = with("b", "h1", vec![actor("PAK", "Pakistan", "Islamabad", 3)]);
    store.put_batch(&[a1, b], "test").unwrap();
    // `a` again, now naming Afghanistan only: its old part of Pakistan's tally is taken away.
    let a2 = with("a", "h2", vec![actor("AFG", "Afghanistan", "Kabul", 1)]);
    assert_eq!(store.put_batch(&[a2], "test").unwrap(), vec![Put::Replaced]);
    let (actors, _) = store.actor_pool().unwrap().merge(&|_, _| false);
    let got: Vec<(&str, usize, usize, Vec<&str>)> =
        actors.iter().map(|a| (a.id.as_str(), a.mentions, a.documents, a.aliases.iter().map(String::as_str).collect())).collect();
    assert_eq!(got, [("AFG", 1, 1, vec!["Kabul"]), ("PAK", 3, 1, vec!["Islamabad"])]);
}

#[test]
fn only_documents_stored_or_replaced_since_the_corpus_stage_are_pending() {
    let tmp = tempfile::tempdir().unwrap();
    let mut store = Store::open(&tmp.path().join("db")).unwrap();
    let put = |store: &mut Store, d: Doc| store.put_batch(&[Prepared::of(d, "raw".into()).unwrap()], "test").unwrap();
    let ids = |store: &Store| store.pending().unwrap().into_iter().map(|p| (p.id, p.exists)).collect::<Vec<_>>();
    put(&mut store, doc("h1", &[(0, "Pakistan")]));
    assert_eq!(ids(&store), [("a".to_string(), true)]);
    store.clear_pending().unwrap();
    assert!(ids(&store).is_empty(), "placed by the corpus stage");
    put(&mut store, doc("h1", &[(0, "Pakistan")]));
    assert!(ids(&store).is_empty(), "the same content again is nothing new");
    put(&mut store, doc("h2", &[(13, "Afghanistan")]));
    assert_eq!(ids(&store), [("a".to_string(), true)], "a replaced document is placed again");
}

#[test]
fn merged_actors_written_again_keep_only_what_the_merge_gives() {
    let tmp = tempfile::tempdir().unwrap();
    let store = Store::open(&tmp.path().join("db")).unwrap();
    let link = |a: &str, b: &str| (a.to_string(), b.to_string(), "spelling".to_string());
    store
        .put_actors(&[actor("PAK", "Pakistan", "Pakistani", 2), actor("AFG", "Afghanistan", "Afghan", 1)], &[link("PER:x", "PER:y")])
        .unwrap();
    store.put_actors(&[actor("PAK", "Pakistan", "Islamabad", 3)], &[]).unwrap();
    let got: Vec<(String, Vec<String>)> = store.actors().unwrap().into_iter().map(|a| (a.id, a.aliases)).collect();
    assert_eq!(got, [("PAK".to_string(), vec!["Islamabad".to_string()])], "changed rows rewritten, gone ones removed");
    assert!(store.actor_links().unwrap().is_empty());
}
