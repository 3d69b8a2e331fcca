//! Publication date, title and author on 40 pages of ten structures (tests/fixtures/meta,
//! written by bench/make_meta_fixtures.py). `bench/extract.sh` compares the dates with htmldate.

use sitrep_model::{RawDoc, SourceFormat};

#[test]
fn dates_titles_and_authors_of_varied_pages() {
    let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/meta");
    let expected: serde_json::Value = serde_json::from_str(&std::fs::read_to_string(dir.join("expected.json")).unwrap()).unwrap();
    let (mut date, mut title, mut author, mut n) = (0, 0, 0, 0);
    let mut misses = Vec::new();
    for (name, want) in expected.as_object().unwrap() {
        n += 1;
        let html = std::fs::read_to_string(dir.join(format!("{name}.html"))).unwrap();
        let raw = RawDoc { id: name.clone(), format: SourceFormat::Html, text: html, ..Default::default() };
        let (a, _) = sitrep_text::process(&raw).unwrap_or_else(|e| panic!("{name}: {e}"));
        let ok_date = a.published.as_deref() == want["date"].as_str();
        let ok_title = a.title.as_deref() == want["title"].as_str();
        let ok_author = a.authors.iter().any(|x| Some(x.as_str()) == want["author"].as_str());
        date += ok_date as usize;
        title += ok_title as usize;
        author += ok_author as usize;
        if !(ok_date && ok_title && ok_author) {
            misses.push(format!("{name}: date {:?} title {:?} authors {:?}", a.published, a.title, a.authors));
        }
    }
    eprintln!("date {date}/{n} title {title}/{n} author {author}/{n}\n{}", misses.join("\n"));
    assert_eq!(n, 40);
    assert!(date >= 38 && title >= 36 && author >= 34, "date {date} title {title} author {author}\n{}", misses.join("\n"));
}
