//! The main job over our example corpus: concrete events and actors, statuses, provenance.

use std::path::{Path, PathBuf};
use std::process::{Command, Output};

use serde_json::Value;

fn sitrep(db: &Path, args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_sitrep")).arg("--db").arg(db).args(args).output().expect("sitrep runs")
}

fn corpus() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../../examples/corpus")
}

fn jsonl(o: &Output) -> Vec<Value> {
    String::from_utf8_lossy(&o.stdout).lines().map(|l| serde_json::from_str(l).unwrap()).collect()
}

/// One run over the corpus, shared by the tests of this file.
fn run() -> (tempfile::TempDir, PathBuf, Value) {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("db");
    let o = sitrep(&db, &["run", corpus().to_str().unwrap(), "--json"]);
    assert_eq!(o.status.code(), Some(0), "{}", String::from_utf8_lossy(&o.stderr));
    let briefing = serde_json::from_slice(&o.stdout).unwrap();
    (dir, db, briefing)
}

fn side(e: &Value, which: &str) -> String {
    e[which]["actor"].as_str().unwrap_or("").to_string()
}

fn find<'a>(events: &'a [Value], doc: &str, kind: &str, source: &str, target: &str) -> &'a Value {
    events
        .iter()
        .find(|e| e["doc"] == doc && e["type"] == kind && side(e, "source").starts_with(source) && side(e, "target").starts_with(target))
        .unwrap_or_else(|| panic!("no {kind} {source} -> {target} in {doc}"))
}

#[test]
fn the_example_corpus_codes_concrete_events_with_status_and_evidence() {
    let (_dir, db, briefing) = run();
    assert_eq!(briefing["stored"], 21, "every document of the corpus is stored: {briefing}");
    assert_eq!(briefing["rejected"].as_array().unwrap().len(), 0);
    let events = jsonl(&sitrep(&db, &["events", "--format", "jsonl"]));

    // Who did what to whom.
    let strike = find(&events, "houthi-strikes-sanaa", "ASSAULT", "USA", "GRP:houthis");
    assert_eq!(strike["status"], "asserted");
    assert_eq!(strike["quad_class"], 4);
    let visit = find(&events, "isi-chief-dushanbe", "CONSULT", "PER:asim-malik", "TJK");
    assert_eq!(visit["source"]["org"], "ORG:isi", "the ISI chief's role binds him to the ISI");
    assert_eq!(visit["source"]["country"], "PAK");
    let raid = find(&events, "paktika-airstrikes", "ASSAULT", "PAK", "AFG");
    assert_eq!(raid["status"], "reported", "told according to Taliban officials");

    // Hedged and denied claims are never plain facts.
    let talks = find(&events, "isi-chief-dushanbe", "CONSULT", "PER:asim-malik", "GRP:nrf");
    assert_eq!(talks["status"], "unconfirmed");
    let denial = find(&events, "goma-m23-capture", "REJECT", "RWA", "GRP:m23");
    assert_eq!(denial["status"], "asserted", "Rwanda's denial is itself a fact");
    assert!(
        !events.iter().any(|e| e["doc"] == "wire-002" && e["type"] == "RETREAT" && e["status"] == "asserted"),
        "a withdrawal due in 60 days is planned"
    );

    // Every evidence span is the exact text at its offsets, and boilerplate never is evidence.
    let docs: Vec<Value> =
        jsonl(&Command::new(env!("CARGO_BIN_EXE_sitrep")).args(["extract", corpus().to_str().unwrap()]).output().unwrap());
    for e in &events {
        let doc = docs.iter().find(|d| d["doc"] == e["doc"]).expect("event's document");
        let text = doc["text"].as_str().unwrap();
        for ev in e["evidence"].as_array().unwrap() {
            let (s, t) = (ev["start"].as_u64().unwrap() as usize, ev["end"].as_u64().unwrap() as usize);
            assert_eq!(&text[s..t], ev["text"].as_str().unwrap());
            for junk in ["Share this article", "?? ??", "Subscribe", "Advertisement", "All rights reserved"] {
                assert!(!ev["text"].as_str().unwrap().contains(junk), "boilerplate in evidence: {ev}");
            }
        }
    }
    // A paragraph repeated in an article yields its events once.
    let repeated = events
        .iter()
        .flat_map(|e| e["evidence"].as_array().unwrap().iter().map(|ev| (e["doc"].clone(), ev["start"].clone(), ev["text"].clone())))
        .filter(|(d, _, t)| d == "peshawar-mosque-bombing" && t.as_str().unwrap().contains("distanced the TTP from the bombing"))
        .map(|(_, s, _)| s.as_u64().unwrap())
        .collect::<std::collections::BTreeSet<_>>();
    assert!(repeated.len() <= 1, "{repeated:?}");
}

#[test]
fn spellings_of_one_actor_are_one_actor_and_lookalikes_stay_apart() {
    let (_dir, db, _) = run();
    let actors = jsonl(&sitrep(&db, &["actors", "--format", "jsonl"]));
    let holding = |form: &str| -> Vec<String> {
        actors
            .iter()
            .filter(|a| a["aliases"].as_array().unwrap().iter().any(|x| x.as_str() == Some(form)))
            .map(|a| a["id"].as_str().unwrap().to_string())
            .collect()
    };
    let ttp = holding("Tehrik-i-Taliban Pakistan");
    assert_eq!(ttp.len(), 1);
    assert_eq!(holding("Tehreek-e-Taliban Pakistan"), ttp);
    assert_eq!(holding("Hizbollah"), holding("Hezbollah"));
    assert_ne!(holding("Hamas"), holding("Palestinian Islamic Jihad"));
    let ttp_actor = actors.iter().find(|a| a["id"] == ttp[0].as_str()).unwrap();
    assert!(ttp_actor["documents"].as_u64().unwrap() >= 3);
}

#[test]
fn the_briefing_names_the_main_actors_and_dyads() {
    let (_dir, _db, b) = run();
    let names: Vec<&str> = b["actors"].as_array().unwrap().iter().map(|a| a["id"].as_str().unwrap()).collect();
    for id in ["ISR", "USA", "RUS", "PAK"] {
        assert!(names.contains(&id), "{id} among the actors most involved: {names:?}");
    }
    assert!(!b["hostile"].as_array().unwrap().is_empty());
    assert!(!b["cooperative"].as_array().unwrap().is_empty());
    for e in b["key_events"].as_array().unwrap() {
        assert!(e["status"] == "asserted" || e["status"] == "reported", "key events are facts: {e}");
        assert!(!e["evidence"].as_array().unwrap().is_empty());
    }
}
