//! Bad pages give a clear error or a sensible article, never a crash.

use sitrep_model::{RawDoc, SourceFormat};

fn html(text: String) -> RawDoc {
    RawDoc { id: "t".into(), format: SourceFormat::Html, text, ..Default::default() }
}

const BODY: &str = "<p>The army withdrew from the border town on Monday after three days of fighting, officials said. \
    Residents began to return to their homes on Tuesday morning, according to local reporters.</p>";

#[test]
fn malformed_html_still_gives_the_text() {
    let page = format!("<html><body><div><b><i>{BODY}</b></i><p>Unclosed <span>tags <div>everywhere.{BODY}</body>");
    let (a, _) = sitrep_text::process(&html(page)).unwrap();
    assert!(a.text.contains("The army withdrew"));
}

#[test]
fn deeply_nested_html_does_not_overflow() {
    let depth = 1000;
    let page = format!("<html><body>{}{BODY}{}</body></html>", "<div>".repeat(depth), "</div>".repeat(depth));
    let res = std::thread::Builder::new().stack_size(8 << 20).spawn(move || sitrep_text::process(&html(page)).map(|a| a.0.text)).unwrap();
    let _ = res.join().expect("no panic or overflow");
}

#[test]
fn a_page_with_no_article_is_a_clear_error() {
    let page = "<html><head><title>Menu</title></head><body><nav><a href=/>Home</a></nav><script>x()</script></body></html>";
    let err = sitrep_text::process(&html(page.to_string())).unwrap_err();
    assert_eq!(err.to_string(), "no article text found");
}

#[test]
fn a_feed_fragment_is_its_own_article() {
    let raw = RawDoc { title: Some("Talks resume".into()), ..html("<p>Talks resumed in Doha on Monday, officials said.</p>".into()) };
    let (a, _) = sitrep_text::process(&raw).unwrap();
    assert_eq!(a.text, "Talks resumed in Doha on Monday, officials said.");
    assert_eq!(a.title.as_deref(), Some("Talks resume"));
}

#[test]
fn a_large_page_is_handled_in_bounded_time() {
    // 400 kB of paragraphs: extraction is linear, not quadratic.
    let page = format!("<html><body><article>{}</article></body></html>", BODY.repeat(2_000));
    let t = std::time::Instant::now();
    let (a, _) = sitrep_text::process(&html(page)).unwrap();
    assert!(a.text.contains("The army withdrew"));
    assert!(t.elapsed().as_secs() < 60);
}

#[test]
fn a_page_nested_5000_deep_falls_back_to_stripping_tags_fast() {
    let depth = 5000;
    let page = format!(
        "<html><head><title>Deep page</title></head><body>{}{BODY}{}</body></html>",
        "<div><span>".repeat(depth / 2),
        "</span></div>".repeat(depth / 2)
    );
    let start = std::time::Instant::now();
    let (a, _) = sitrep_text::process(&html(page)).unwrap();
    assert!(a.text.contains("The army withdrew from the border town on Monday"), "{}", a.text);
    assert_eq!(a.title.as_deref(), Some("Deep page"));
    assert!(start.elapsed().as_secs() < 5, "took {:?}", start.elapsed());
}
