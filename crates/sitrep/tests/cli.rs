//! The program end to end: the main job, bad input, idempotent ingest, the seeds.

use std::path::{Path, PathBuf};
use std::process::{Command, Output};

fn sitrep(db: &Path, args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_sitrep")).arg("--db").arg(db).args(args).output().expect("sitrep runs")
}

fn stdout(o: &Output) -> String {
    String::from_utf8_lossy(&o.stdout).into_owned()
}

fn stderr(o: &Output) -> String {
    String::from_utf8_lossy(&o.stderr).into_owned()
}

fn repo() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../..")
}

fn jsonl(o: &Output) -> Vec<serde_json::Value> {
    stdout(o).lines().map(|l| serde_json::from_str(l).expect("one JSON object per line")).collect()
}

#[test]
fn bad_input_is_rejected_item_by_item_and_the_batch_goes_on() {
    let dir = tempfile::tempdir().unwrap();
    let src = dir.path().join("in");
    std::fs::create_dir(&src).unwrap();
    std::fs::write(src.join("good.txt"), "Headline Of The Day\n\nRussia attacked Ukraine on Monday. Officials said so.\n").unwrap();
    std::fs::write(src.join("binary.txt"), [0u8, 159, 146, 150, 0, 1]).unwrap();
    std::fs::write(src.join("latin1.txt"), b"Caf\xe9 society met.").unwrap();
    std::fs::write(src.join("empty.txt"), "").unwrap();
    std::fs::write(src.join("big.txt"), "word ".repeat(300_000)).unwrap();
    std::fs::write(src.join("feed.jsonl"), "{\"id\":\"w1\",\"text\":\"Iran met Turkey in Ankara.\"}\nnot json\n{\"id\":\"w3\"}\n").unwrap();
    let db = dir.path().join("db");
    let o = sitrep(&db, &["run", src.to_str().unwrap(), "--max-bytes", "1000000", "--json"]);
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    let b: serde_json::Value = serde_json::from_str(&stdout(&o)).unwrap();
    // Windows-1252 text is decoded, not rejected.
    assert_eq!(b["stored"], 3, "{b}");
    let rejected: Vec<String> = b["rejected"].as_array().unwrap().iter().map(|r| format!("{}: {}", r["origin"], r["reason"])).collect();
    assert_eq!(rejected.len(), 5, "{rejected:#?}");
    let err = stderr(&o);
    for needle in ["binary.txt", "empty.txt", "big.txt", "feed.jsonl:2", "feed.jsonl:3"] {
        assert!(err.contains(needle), "stderr lacks {needle}: {err}");
    }
    // Nothing storable: exit 1. A missing path: exit 2 before anything starts.
    let only_bad = dir.path().join("bad");
    std::fs::create_dir(&only_bad).unwrap();
    std::fs::write(only_bad.join("e.txt"), "").unwrap();
    assert_eq!(sitrep(&db, &["ingest", only_bad.to_str().unwrap()]).status.code(), Some(1));
    let o = sitrep(&db, &["ingest", "/no/such/folder"]);
    assert_eq!(o.status.code(), Some(2));
    assert!(stderr(&o).contains("/no/such/folder"));
}

#[test]
fn ingest_is_idempotent_and_a_changed_file_replaces_its_old_version() {
    let dir = tempfile::tempdir().unwrap();
    let src = dir.path().join("in");
    std::fs::create_dir(&src).unwrap();
    std::fs::write(src.join("a.txt"), "Russia attacked Ukraine on Monday.\n").unwrap();
    std::fs::write(src.join("b.txt"), "India met Pakistan in Delhi.\n").unwrap();
    let db = dir.path().join("db");
    let dump = |db: &Path| {
        let e = stdout(&sitrep(db, &["events", "--format", "jsonl"]));
        let a = stdout(&sitrep(db, &["actors", "--format", "jsonl"]));
        let s = stdout(&sitrep(db, &["stories", "--format", "jsonl"]));
        format!("{e}\n{a}\n{s}")
    };
    let first = sitrep(&db, &["ingest", src.to_str().unwrap(), "--json"]);
    let r: serde_json::Value = serde_json::from_str(&stdout(&first)).unwrap();
    assert_eq!((r["new"].as_u64(), r["unchanged"].as_u64()), (Some(2), Some(0)));
    let before = dump(&db);
    let second = sitrep(&db, &["ingest", src.to_str().unwrap(), "--json"]);
    let r: serde_json::Value = serde_json::from_str(&stdout(&second)).unwrap();
    assert_eq!((r["new"].as_u64(), r["unchanged"].as_u64()), (Some(0), Some(2)));
    assert_eq!(before, dump(&db), "ingesting twice leaves the store identical");

    std::fs::write(src.join("a.txt"), "Russia and Ukraine agreed a ceasefire.\n").unwrap();
    let third = sitrep(&db, &["ingest", src.to_str().unwrap(), "--json"]);
    let r: serde_json::Value = serde_json::from_str(&stdout(&third)).unwrap();
    assert_eq!((r["replaced"].as_u64(), r["unchanged"].as_u64()), (Some(1), Some(1)));
    let events = jsonl(&sitrep(&db, &["events", "--doc", "a", "--format", "jsonl"]));
    assert!(events.iter().all(|e| e["type"] != "ASSAULT"), "old events of a replaced file are gone: {events:?}");
}

/// The seed articles, when the shared data is beside the checkout.
#[test]
fn the_seeds_give_the_isi_chief_visit_and_taliban_pakistan_violence_with_evidence() {
    let seeds = repo().join("../shared/seeds");
    if !seeds.is_dir() {
        eprintln!("skipped: {} not found", seeds.display());
        return;
    }
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("db");
    assert!(sitrep(&db, &["ingest", seeds.to_str().unwrap()]).status.success());
    let events = jsonl(&sitrep(&db, &["events", "--format", "jsonl"]));
    let has = |e: &serde_json::Value, side: &str, needle: &str| e[side].to_string().to_lowercase().contains(needle);
    let visit = events
        .iter()
        .find(|e| e["type"] == "CONSULT" && has(e, "source", "isi") && has(e, "target", "tjk") && e["status"] == "asserted")
        .expect("the ISI chief's visit to Tajikistan");
    let ev = &visit["evidence"][0];
    assert!(ev["text"].as_str().unwrap().contains("Tajikistan"));
    assert!(ev["end"].as_u64() > ev["start"].as_u64());
    let violence = events.iter().filter(|e| {
        e["type"] == "ASSAULT"
            && ((has(e, "source", "taliban") && has(e, "target", "pak")) || (has(e, "source", "pak") && has(e, "target", "taliban")))
    });
    assert!(violence.count() >= 1, "Taliban-Pakistan violence");
    // Hedged claims never come out as plain facts.
    assert!(!events.iter().any(|e| e["doc"].as_str().unwrap().starts_with("001")
        && e["type"] == "CONSULT"
        && has(e, "target", "nrf")
        && e["status"] == "asserted"));
}

#[test]
fn jsonl_output_follows_the_documented_schemas() {
    let dir = tempfile::tempdir().unwrap();
    let src = dir.path().join("a.txt");
    std::fs::write(&src, "Pakistan's ISI chief, Lieutenant General Asim Malik, made a visit to Tajikistan on 5 January 2025.\n").unwrap();
    let db = dir.path().join("db");
    assert!(sitrep(&db, &["ingest", src.to_str().unwrap()]).status.success());
    let events = jsonl(&sitrep(&db, &["events", "--format", "jsonl"]));
    assert!(!events.is_empty());
    for e in &events {
        for key in [
            "id",
            "doc",
            "type",
            "mode",
            "cameo",
            "goldstein",
            "quad_class",
            "source",
            "target",
            "status",
            "attributed_to",
            "date",
            "date_precision",
            "location",
            "evidence",
            "story",
        ] {
            assert!(e.get(key).is_some(), "event lacks {key}: {e}");
        }
        for key in ["actor", "name", "text", "country", "agent", "org"] {
            assert!(e["source"].get(key).is_some(), "source lacks {key}");
        }
        for ev in e["evidence"].as_array().unwrap() {
            for key in ["doc", "start", "end", "text"] {
                assert!(ev.get(key).is_some(), "evidence lacks {key}");
            }
        }
    }
    let actors = jsonl(&sitrep(&db, &["actors", "--format", "jsonl"]));
    let malik = actors.iter().find(|a| a["id"] == "PER:asim-malik").expect("the person");
    for key in ["id", "name", "kind", "country", "aliases", "roles", "mentions", "documents"] {
        assert!(malik.get(key).is_some(), "actor lacks {key}: {malik}");
    }
    assert_eq!(malik["kind"], "person");
    let csv = stdout(&sitrep(&db, &["events", "--format", "csv"]));
    assert!(csv.starts_with("id,doc,date,type,"), "{csv}");
    let stories = jsonl(&sitrep(&db, &["stories", "--format", "jsonl"]));
    for key in ["id", "label", "start", "end", "docs", "outlets", "events"] {
        assert!(stories[0].get(key).is_some(), "story lacks {key}");
    }
}

#[test]
fn reports_of_one_story_that_disagree_are_shown_side_by_side() {
    let dir = tempfile::tempdir().unwrap();
    let src = dir.path().join("in");
    std::fs::create_dir(&src).unwrap();
    std::fs::write(src.join("a.txt"), "Russia attacked Ukraine on Monday, officials in Kyiv said.\n").unwrap();
    std::fs::write(src.join("b.txt"), "Russia denied that it attacked Ukraine on Monday.\n").unwrap();
    let db = dir.path().join("db");
    assert!(sitrep(&db, &["ingest", src.to_str().unwrap()]).status.success());
    let found = jsonl(&sitrep(&db, &["stories", "--contradictions", "--format", "jsonl"]));
    assert_eq!(found.len(), 1, "{found:?}");
    assert_eq!(found[0]["says"][0]["doc"], "a");
    assert_eq!(found[0]["denies"][0]["doc"], "b");
    assert_eq!(found[0]["denies"][0]["status"], "denied");
    // Each report's event knows the other tells the same fact.
    let events = jsonl(&sitrep(&db, &["events", "--type", "ASSAULT", "--format", "jsonl"]));
    assert!(events.iter().all(|e| e["corroboration"]["documents"] == 2 && e["corroboration"]["statuses"].as_array().unwrap().len() == 2));
}

#[test]
fn a_syndicated_copy_is_not_an_independent_report() {
    let dir = tempfile::tempdir().unwrap();
    let src = dir.path().join("in");
    std::fs::create_dir(&src).unwrap();
    let body = "Pakistani jets carried out airstrikes on several villages in Afghanistan's Paktika province on Tuesday, killing at least fifteen people, according to Taliban officials. Pakistan said the raids hit militant hideouts used by the Pakistani Taliban near the border.\n";
    std::fs::write(src.join("original.txt"), format!("Kabul Desk / 24 December 2024\n\n{body}")).unwrap();
    std::fs::write(src.join("copy.txt"), format!("Wire Service / 24 December 2024\n\n{body}\nShare this article\n")).unwrap();
    let db = dir.path().join("db");
    assert!(sitrep(&db, &["ingest", src.to_str().unwrap()]).status.success());
    let events = jsonl(&sitrep(&db, &["events", "--type", "ASSAULT", "--format", "jsonl"]));
    let raid = events.iter().find(|e| e["source"]["country"] == "PAK").expect("the raid");
    assert_eq!(raid["corroboration"]["documents"], 2);
    assert_eq!(raid["corroboration"]["independent"], 1, "{raid}");
    let same = serde_json::from_slice::<serde_json::Value>(
        &Command::new(env!("CARGO_BIN_EXE_sitrep"))
            .args(["similar", src.join("original.txt").to_str().unwrap(), src.join("copy.txt").to_str().unwrap()])
            .output()
            .unwrap()
            .stdout,
    )
    .unwrap();
    assert_eq!(same["near_duplicate"], true);
    assert_eq!(same["same_story"], true);
}

#[test]
fn a_line_an_outlet_prints_on_every_page_is_learnt_as_its_boilerplate() {
    let dir = tempfile::tempdir().unwrap();
    let src = dir.path().join("in");
    std::fs::create_dir(&src).unwrap();
    let bodies = [
        "Flooding closed the main road to the district on Monday, officials said, and rescue teams moved families to schools.",
        "The provincial assembly passed the budget after a long debate on Tuesday, with the opposition walking out in protest.",
        "Police arrested four men suspected of smuggling fuel across the border, the district police chief told reporters.",
        "Traders in the old bazaar shut their shops on Thursday to protest against a new tax on imported goods.",
    ];
    let motto = "The Frontier Herald is an independent voice of the tribal districts";
    for (i, b) in bodies.iter().enumerate() {
        std::fs::write(src.join(format!("page{i}.txt")), format!("Frontier Herald\n\n{b}\n\n{motto}\n")).unwrap();
    }
    // Streaming: pages after the third different page of the outlet lose the line.
    let out = Command::new(env!("CARGO_BIN_EXE_sitrep")).args(["extract", src.to_str().unwrap()]).output().unwrap();
    let docs = jsonl(&out);
    assert_eq!(docs.len(), 4);
    assert!(docs[0]["text"].as_str().unwrap().contains(motto));
    assert!(!docs[3]["text"].as_str().unwrap().contains(motto), "{}", docs[3]);
    assert!(docs[3]["removed"].as_array().unwrap().iter().any(|r| r["reason"] == "outlet boilerplate"));
    // An ingest analyses the batch again once it has learnt the line, and remembers it.
    let db = dir.path().join("db");
    assert!(sitrep(&db, &["ingest", src.to_str().unwrap()]).status.success());
    for i in 0..4 {
        let shown = stdout(&sitrep(&db, &["show", &format!("page{i}"), "--removed"]));
        assert!(shown.contains("outlet boilerplate"), "{shown}");
    }
    std::fs::write(src.join("page4.txt"), format!("Frontier Herald\n\nA new bridge opened over the river on Friday.\n\n{motto}\n"))
        .unwrap();
    assert!(sitrep(&db, &["ingest", src.join("page4.txt").to_str().unwrap()]).status.success());
    assert!(stdout(&sitrep(&db, &["show", "page4", "--removed"])).contains("outlet boilerplate"));
}

#[test]
fn different_death_tolls_and_disputed_claims_are_contradictions() {
    let dir = tempfile::tempdir().unwrap();
    let src = dir.path().join("in");
    std::fs::create_dir(&src).unwrap();
    std::fs::write(
        src.join("a.txt"),
        "Kabul Desk / 25 December 2024\n\nPakistani jets struck villages in Afghanistan's Paktika province on Tuesday, killing at least 46 people, Taliban officials said.\n",
    )
    .unwrap();
    std::fs::write(
        src.join("b.txt"),
        "Islamabad Desk / 25 December 2024\n\nPakistani jets struck hideouts in Afghanistan's Paktika province on Tuesday, killing eight militants, Pakistani security officials said.\n\nPakistan's airstrikes targeting the TTP in Afghanistan hit training camps. The Taliban disputed Pakistan's claims, saying the dead were refugees.\n",
    )
    .unwrap();
    let db = dir.path().join("db");
    assert!(sitrep(&db, &["ingest", src.to_str().unwrap()]).status.success());
    let found = jsonl(&sitrep(&db, &["stories", "--contradictions", "--format", "jsonl"]));
    let numbers = found.iter().find(|c| c["kind"] == "numbers").unwrap_or_else(|| panic!("{found:#?}"));
    assert_eq!(numbers["tolls"], serde_json::json!([46, 8]));
    let claim = found.iter().find(|c| c["kind"] == "claim").unwrap_or_else(|| panic!("{found:#?}"));
    assert!(claim["denies"][0]["evidence"][0]["text"].as_str().unwrap().contains("disputed"));
}

#[test]
fn a_store_inside_the_folder_being_ingested_is_not_read_as_input() {
    let dir = tempfile::tempdir().unwrap();
    let d = dir.path();
    std::fs::write(d.join("a.txt"), "Kabul, 3 March 2024. Pakistani jets struck camps in Khost province, officials said.\n").unwrap();
    let db = d.join("sitrep.db");
    for round in 0..2 {
        let out = sitrep(&db, &["ingest", "--json", d.to_str().unwrap()]);
        assert!(out.status.success(), "round {round}: {}", stderr(&out));
        let report: serde_json::Value = serde_json::from_str(&stdout(&out)).unwrap();
        assert_eq!(report["rejected"].as_array().map(Vec::len), Some(0), "round {round}: {report}");
        assert_eq!(report["read"], 1, "round {round}: only the article is input");
    }
}
