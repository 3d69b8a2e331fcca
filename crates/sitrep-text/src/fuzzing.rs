//! The bodies of the fuzz targets (`fuzz/`), shared with the stable smoke test
//! (`tests/fuzz_smoke.rs`): they panic when an invariant breaks.

use sitrep_model::{RawDoc, SourceFormat, Span};

fn check_span(text: &str, span: Span, what: &str) {
    assert!(span.start <= span.end && span.end <= text.len(), "{what} {span:?} outside 0..{}", text.len());
    assert!(text.is_char_boundary(span.start) && text.is_char_boundary(span.end), "{what} {span:?} not on char boundaries");
}

/// The whole text stage on `data` read as an HTML page: no panic, and every paragraph, sentence,
/// token and date span lies on char boundaries within the article text.
pub fn html(data: &[u8]) {
    let raw =
        RawDoc { id: "fuzz".into(), format: SourceFormat::Html, text: String::from_utf8_lossy(data).into_owned(), ..Default::default() };
    let Ok((a, _)) = crate::process(&raw) else { return };
    for p in &a.paragraphs {
        check_span(&a.text, *p, "paragraph");
    }
    for s in &a.sentences {
        check_span(&a.text, *s, "sentence");
        for t in crate::tokens(&a.text, *s) {
            check_span(&a.text, Span::new(t.start, t.end), "token");
        }
    }
    for d in &a.dates {
        check_span(&a.text, Span::new(d.start, d.end), "date");
    }
}

/// Date finding on `data` as text, without an anchor and with one taken from the first byte:
/// no panic, spans valid and matching their text.
pub fn dates(data: &[u8]) {
    const ANCHORS: &[&str] = &["2024-02-29", "2023-01-01", "1999-12-31", "2025-06-10", "0001-01-01", "9999-12-31", "2024-13-40", "x"];
    let text = String::from_utf8_lossy(data);
    let anchor = data.first().map(|b| ANCHORS[*b as usize % ANCHORS.len()]);
    for anchor in [None, anchor] {
        for d in crate::dates::find(&text, anchor) {
            check_span(&text, Span::new(d.start, d.end), "date");
            assert_eq!(&text[d.start..d.end], d.text, "date text");
        }
    }
}
