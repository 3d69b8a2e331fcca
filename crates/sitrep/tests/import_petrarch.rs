//! `sitrep dict import-petrarch` end to end: PETRARCH files in, our YAML out, used for coding.

use std::process::Command;

fn sitrep(args: &[&str]) -> std::process::Output {
    Command::new(env!("CARGO_BIN_EXE_sitrep")).args(args).output().expect("sitrep runs")
}

#[test]
fn imported_dictionaries_code_a_sentence() {
    let dir = tempfile::tempdir().unwrap();
    let p = |n: &str| dir.path().join(n).display().to_string();
    std::fs::write(p("a.actors.txt"), "<!-- fictional states -->\nARNOR_ [ARN]\nGONDOR [GON]\n+MINAS_TIRITH\nBOROMIR [---]\n").unwrap();
    std::fs::write(
        p("a.verbs.txt"),
        "&GIFTS\n+GRAIN\n+HORSES\n\n--- BEFRIEND [051] ---\nBEFRIEND\n- * &GIFTS [073]\n--- MUMBLE [345] ---\nMUMBLE\n",
    )
    .unwrap();
    let out = sitrep(&["dict", "import-petrarch", &p("a.actors.txt"), &p("a.verbs.txt"), "--out", &p("imp"), "--kind", "actors"]);
    // --kind applies to every file: the verb file read as actors gives errors, not a crash.
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    let out = sitrep(&["dict", "import-petrarch", &p("a.actors.txt"), &p("a.verbs.txt"), &p("missing.txt"), "--out", &p("imp")]);
    let text = String::from_utf8_lossy(&out.stdout);
    assert!(out.status.success());
    assert!(text.contains("a.verbs.txt: verbs"), "{text}");
    assert!(text.contains("not a CAMEO code (WEIS or unknown)"), "{text}");
    assert!(String::from_utf8_lossy(&out.stderr).contains("missing.txt"));
    let verbs = std::fs::read_to_string(p("imp/verbs.yaml")).unwrap();
    assert!(verbs.contains("pattern: befriend * grain") && !verbs.contains("mumble"), "{verbs}");

    std::fs::write(p("doc.txt"), "Arnor befriended Minas Tirith on Monday.\n").unwrap();
    let db = p("db");
    let out = sitrep(&["--db", &db, "--dict", &p("imp/actors.yaml"), "--verbs", &p("imp/verbs.yaml"), "ingest", &p("doc.txt")]);
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    let out = sitrep(&["--db", &db, "events", "--format", "jsonl"]);
    let events: Vec<serde_json::Value> = String::from_utf8_lossy(&out.stdout).lines().map(|l| serde_json::from_str(l).unwrap()).collect();
    let e = events.iter().find(|e| e["cameo"] == "051").expect("the imported verb codes the sentence");
    assert_eq!(e["source"]["country"], "ARN");
    assert_eq!(e["target"]["country"], "GON");
}

#[test]
fn nothing_importable_exits_1() {
    let dir = tempfile::tempdir().unwrap();
    let f = dir.path().join("discards.txt");
    std::fs::write(&f, "MONTHS LATER\n+TYPHOON\n").unwrap();
    let out = sitrep(&["dict", "import-petrarch", &f.display().to_string(), "--out", &dir.path().join("o").display().to_string()]);
    assert_eq!(out.status.code(), Some(1));
    assert!(String::from_utf8_lossy(&out.stderr).contains("not a PETRARCH actor, agent or verb dictionary"));
}
