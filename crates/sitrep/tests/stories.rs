//! The corpus stage is incremental: ingesting a corpus in parts, in any order, gives the stories,
//! near-duplicate links and corroboration that one ingest of the whole gives, and documents that
//! arrive in date order cost only themselves.

use std::path::{Path, PathBuf};
use std::process::{Command, Output};

fn sitrep(db: &Path, args: &[&str]) -> Output {
    let o = Command::new(env!("CARGO_BIN_EXE_sitrep")).arg("--db").arg(db).args(args).output().expect("sitrep runs");
    assert!(o.status.success(), "sitrep {args:?}: {}", String::from_utf8_lossy(&o.stderr));
    o
}

fn repo() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../..")
}

/// Every article of our two corpora, with its date (from its dateline), oldest first.
fn articles() -> Vec<(String, PathBuf)> {
    let mut out = Vec::new();
    for dir in ["examples/corpus", "eval/pairs"] {
        for e in std::fs::read_dir(repo().join(dir)).unwrap() {
            let p = e.unwrap().path();
            out.push((p.file_name().unwrap().to_string_lossy().into_owned(), p));
        }
    }
    out.sort();
    out
}

fn ingest(db: &Path, files: &[&(String, PathBuf)], dir: &Path) -> serde_json::Value {
    std::fs::create_dir_all(dir).unwrap();
    for (name, p) in files {
        std::fs::copy(p, dir.join(name)).unwrap();
    }
    let o = sitrep(db, &["ingest", dir.to_str().unwrap(), "--json"]);
    serde_json::from_slice(&o.stdout).unwrap()
}

/// What the corpus stage decides, as text: stories (in order), events with their story and
/// corroboration, merged actors.
fn dump(db: &Path) -> String {
    let out = |args: &[&str]| String::from_utf8(sitrep(db, args).stdout).unwrap();
    [out(&["stories", "--format", "jsonl"]), out(&["events", "--format", "jsonl"]), out(&["actors", "--format", "jsonl"])].join("\n")
}

#[test]
fn ingesting_in_parts_in_any_order_gives_what_one_ingest_gives() {
    let all = articles();
    let tmp = tempfile::tempdir().unwrap();
    let whole = tmp.path().join("whole.db");
    let r = ingest(&whole, &all.iter().collect::<Vec<_>>(), &tmp.path().join("whole"));
    assert_eq!(r["corpus"]["pending"], all.len() as u64 + 2, "wire.jsonl holds three documents: {r}");
    let expected = dump(&whole);
    let stories = String::from_utf8(sitrep(&whole, &["stories", "--format", "jsonl"]).stdout).unwrap();
    assert!(stories.lines().count() >= 40, "{stories}");
    assert!(stories.lines().any(|l| l.contains("kakhovka-dam-breach-a") && l.contains("kakhovka-dam-breach-b")));

    // Alternate files: each half spans every date, so the second ingest lands among the first.
    let (a, b): (Vec<_>, Vec<_>) = all.iter().enumerate().partition(|(i, _)| i % 2 == 0);
    let a: Vec<_> = a.into_iter().map(|(_, f)| f).collect();
    let b: Vec<_> = b.into_iter().map(|(_, f)| f).collect();
    for (name, first, second) in [("ab", &a, &b), ("ba", &b, &a)] {
        let db = tmp.path().join(format!("{name}.db"));
        ingest(&db, first, &tmp.path().join(format!("{name}-1")));
        ingest(&db, second, &tmp.path().join(format!("{name}-2")));
        assert_eq!(dump(&db), expected, "ingested in two halves ({name})");
    }
}

#[test]
fn reports_arriving_in_date_order_only_cluster_themselves() {
    let tmp = tempfile::tempdir().unwrap();
    let src = repo().join("eval/pairs");
    let day = |name: &str| {
        let text = std::fs::read_to_string(src.join(name)).unwrap();
        text.lines().nth(1).unwrap().to_string()
    };
    // The Kakhovka reports (June 2023), then the Wagner ones (late June and August 2023).
    let older = ["kakhovka-dam-breach-a.txt", "kakhovka-dam-breach-b.txt", "kakhovka-floods-recede.txt"];
    let newer = ["wagner-rostov-mutiny.txt", "wagner-march-halted.txt", "prigozhin-plane-crash.txt"];
    assert!(day(older[0]).contains("June 2023") && day(newer[2]).contains("August 2023"));
    let files = |names: &[&str]| names.iter().map(|n| (n.to_string(), src.join(n))).collect::<Vec<_>>();
    let (o, n) = (files(&older), files(&newer));
    let db = tmp.path().join("db");
    ingest(&db, &o.iter().collect::<Vec<_>>(), &tmp.path().join("1"));
    let r = ingest(&db, &n.iter().collect::<Vec<_>>(), &tmp.path().join("2"));
    assert_eq!(r["corpus"]["pending"], 3, "{r}");
    assert_eq!(r["corpus"]["replayed"], 3, "only the new reports are clustered: {r}");
    let stories = String::from_utf8(sitrep(&db, &["stories", "--format", "jsonl"]).stdout).unwrap();
    let groups: Vec<Vec<String>> = stories
        .lines()
        .map(|l| {
            serde_json::from_str::<serde_json::Value>(l).unwrap()["docs"]
                .as_array()
                .unwrap()
                .iter()
                .map(|d| d.as_str().unwrap().to_string())
                .collect()
        })
        .collect();
    assert_eq!(
        groups,
        vec![
            vec!["kakhovka-dam-breach-a", "kakhovka-dam-breach-b", "kakhovka-floods-recede"],
            vec!["wagner-march-halted", "wagner-rostov-mutiny"],
            vec!["prigozhin-plane-crash"],
        ],
        "the crash two months after the mutiny is a story of its own"
    );
    // Nothing new: nothing recomputed.
    let again = ingest(&db, &n.iter().collect::<Vec<_>>(), &tmp.path().join("2"));
    assert_eq!(again["corpus"]["pending"], 0, "{again}");
    assert_eq!(again["corpus"]["stories_written"], 0, "{again}");
}

#[test]
fn an_edited_copy_arriving_later_is_linked_to_its_original() {
    let tmp = tempfile::tempdir().unwrap();
    let src = repo().join("eval/pairs/gabon-coup.txt");
    let text = std::fs::read_to_string(&src).unwrap();
    // Another outlet's copy: its own headline and byline, a line of boilerplate, a word changed.
    let body: Vec<&str> = text.splitn(3, '\n').collect();
    let copy = format!(
        "Gabon officers take over after disputed vote\nWire Service / 30 August 2023\n{}\n\nShare this article\n",
        body[2].replace("oil-producing", "oil-rich")
    );
    let (orig_dir, copy_dir, both_dir) = (tmp.path().join("orig"), tmp.path().join("copy"), tmp.path().join("both"));
    for d in [&orig_dir, &copy_dir, &both_dir] {
        std::fs::create_dir(d).unwrap();
    }
    std::fs::copy(&src, orig_dir.join("gabon-coup.txt")).unwrap();
    std::fs::copy(&src, both_dir.join("gabon-coup.txt")).unwrap();
    std::fs::write(copy_dir.join("gabon-copy.txt"), &copy).unwrap();
    std::fs::write(both_dir.join("gabon-copy.txt"), &copy).unwrap();
    let events = |db: &Path| String::from_utf8(sitrep(db, &["events", "--format", "jsonl"]).stdout).unwrap();
    // Same date: "gabon-copy" sorts first, so it counts as the first report. Ingested after the
    // other, it lands before a report already placed (the group is recomputed); ingested first,
    // the other arrives after it (only the newcomer's link is computed). Both must give what
    // one ingest of both gives.
    let mut runs = Vec::new();
    for (name, order) in [("oc", [&orig_dir, &copy_dir]), ("co", [&copy_dir, &orig_dir])] {
        let db = tmp.path().join(name);
        for dir in order {
            sitrep(&db, &["ingest", dir.to_str().unwrap()]);
        }
        runs.push(events(&db));
    }
    let db = tmp.path().join("both.db");
    sitrep(&db, &["ingest", both_dir.to_str().unwrap()]);
    let together = events(&db);
    assert_eq!(runs[0], together);
    assert_eq!(runs[1], together);
    let events: Vec<serde_json::Value> = together.lines().map(|l| serde_json::from_str(l).unwrap()).collect();
    let told_twice: Vec<&serde_json::Value> = events.iter().filter(|e| e["corroboration"]["documents"] == 2).collect();
    assert!(!told_twice.is_empty(), "both reports tell the same facts: {events:?}");
    assert!(told_twice.iter().all(|e| e["corroboration"]["independent"] == 1), "the copy is no independent report");
}
