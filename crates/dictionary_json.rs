// Included by the build scripts of the crates that compile dictionaries in (sitrep-actors,
// sitrep-events): it is not a module of any crate.
//
// Our dictionaries are YAML, for people to read and edit; parsing half a megabyte of YAML was
// most of every command's start. A build turns each built-in file into JSON in OUT_DIR, which
// the program parses into the same rows several times faster (a test in each crate checks
// that both readings agree). Users' dictionaries are read as YAML at run time.

/// Write `dictionaries/NAME.yaml` (from the workspace root) as `OUT_DIR/NAME.json`.
fn dictionary_json(names: &[&str]) {
    let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../../dictionaries");
    let out = std::path::PathBuf::from(std::env::var_os("OUT_DIR").expect("cargo sets OUT_DIR"));
    for name in names {
        let path = root.join(format!("{name}.yaml"));
        println!("cargo:rerun-if-changed={}", path.display());
        let text = std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
        let value: serde_yaml_ng::Value = serde_yaml_ng::from_str(&text).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
        let json = serde_json::to_string(&value).unwrap_or_else(|e| panic!("{} as JSON: {e}", path.display()));
        std::fs::write(out.join(format!("{name}.json")), json).expect("writing to OUT_DIR");
    }
}
