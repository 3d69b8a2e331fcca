use std::path::PathBuf;

use sitrep_ingest::{IngestOptions, read_paths};

#[test]
fn folders_are_walked_in_order_and_bad_files_rejected_not_fatal() {
    let dir = tempfile::tempdir().unwrap();
    let d = dir.path();
    std::fs::write(d.join("b.txt"), "Second article.\n").unwrap();
    std::fs::write(d.join("a.md"), "# First\n\nBody text.\n").unwrap();
    std::fs::write(d.join("bin.txt"), [0u8, 1, 2, 3]).unwrap();
    std::fs::write(d.join("empty.txt"), "").unwrap();
    std::fs::write(d.join("latin1.txt"), b"caf\xe9").unwrap();
    std::fs::write(d.join("notes.pdf"), "x").unwrap();
    std::fs::create_dir(d.join("sub")).unwrap();
    std::fs::write(d.join("sub/c.html"), "<html><body><p>Hi</p></body></html>").unwrap();
    std::fs::write(d.join("big.txt"), "x".repeat(2000)).unwrap();

    let opts = IngestOptions { max_bytes: 1000, ..Default::default() };
    let items: Vec<_> = read_paths(&[d.to_path_buf()], &opts).unwrap().collect();
    let ok: Vec<_> = items.iter().filter_map(|i| i.as_ref().ok()).map(|d| d.id.clone()).collect();
    assert_eq!(ok, ["a", "b", "latin1", "c"]);
    let latin1 = items.iter().filter_map(|i| i.as_ref().ok()).find(|d| d.id == "latin1").unwrap();
    assert_eq!(latin1.text, "café", "Windows-1252 text is decoded, not refused");
    let bad: Vec<_> = items.iter().filter_map(|i| i.as_ref().err()).collect();
    assert_eq!(bad.len(), 4, "{bad:?}");
    let text = bad.iter().map(|r| r.to_string()).collect::<Vec<_>>().join("\n");
    for needle in ["big.txt", "over the limit", "bin.txt: binary", "empty.txt: empty", "notes.pdf: unsupported"] {
        assert!(text.contains(needle), "missing {needle:?} in\n{text}");
    }
}

#[test]
fn a_missing_path_fails_before_anything_is_read() {
    let err = read_paths(&[PathBuf::from("/no/such/place")], &IngestOptions::default()).err().unwrap();
    assert!(err.to_string().contains("/no/such/place"));
}

#[test]
fn the_same_content_hashes_the_same() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(dir.path().join("x.txt"), "Same words.").unwrap();
    let h1 = read_paths(&[dir.path().to_path_buf()], &IngestOptions::default()).unwrap().next().unwrap().unwrap().hash;
    let h2 = read_paths(&[dir.path().to_path_buf()], &IngestOptions::default()).unwrap().next().unwrap().unwrap().hash;
    assert_eq!(h1, h2);
}

#[test]
fn gzip_compressed_files_are_read_as_what_they_hold() {
    use std::io::Write;
    let dir = tempfile::tempdir().unwrap();
    let gz = |path: &std::path::Path, body: &[u8]| {
        let mut e = flate2::write::GzEncoder::new(std::fs::File::create(path).unwrap(), flate2::Compression::default());
        e.write_all(body).unwrap();
        e.finish().unwrap();
    };
    gz(
        &dir.path().join("page.html.gz"),
        b"<html><body><article><p>Russia attacked Ukraine on Monday, officials said.</p></article></body></html>",
    );
    gz(
        &dir.path().join("wire.jsonl.gz"),
        b"{\"id\":\"w1\",\"text\":\"Iran met Turkey.\"}\n{\"id\":\"w2\",\"text\":\"India met Nepal.\"}\n",
    );
    let items: Vec<_> = read_paths(&[dir.path().to_path_buf()], &IngestOptions::default()).unwrap().collect();
    let ids: Vec<String> = items.iter().map(|i| i.as_ref().unwrap().id.clone()).collect();
    assert_eq!(ids, ["page", "w1", "w2"]);
    assert_eq!(items[0].as_ref().unwrap().format, sitrep_model::SourceFormat::Html);
    // The decompressed size is what the limit bounds.
    let small = IngestOptions { max_bytes: 50, ..Default::default() };
    let bad: Vec<_> = read_paths(&[dir.path().join("page.html.gz")], &small).unwrap().collect();
    assert!(bad[0].as_ref().unwrap_err().reason.contains("over the limit"));
}
