//! RSS and Atom feeds (through feed-rs): one document per entry, its content (or summary) as an
//! HTML fragment, with the entry's title, link, date and authors as metadata.

use sitrep_model::{Origin, RawDoc, SourceFormat, content_hash};

use crate::{Item, Rejection};

/// The entries of a feed. A feed that does not parse is one rejection naming the problem.
pub fn entries(path: &str, stem: &str, bytes: &[u8]) -> Vec<Item> {
    let feed = match feed_rs::parser::parse(bytes) {
        Ok(f) => f,
        Err(e) => return vec![Err(Rejection::new(path, None, format!("not a readable RSS or Atom feed: {e}")))],
    };
    let outlet = feed.title.as_ref().map(|t| t.content.trim().to_string()).filter(|t| !t.is_empty());
    let mut out = Vec::new();
    for (i, e) in feed.entries.into_iter().enumerate() {
        let n = i + 1;
        let body = e.content.as_ref().and_then(|c| c.body.clone()).or_else(|| e.summary.as_ref().map(|s| s.content.clone()));
        let Some(body) = body.filter(|b| !b.trim().is_empty()) else {
            out.push(Err(Rejection::new(path, Some(n), "feed entry without content or summary")));
            continue;
        };
        out.push(Ok(RawDoc {
            id: format!("{stem}-{n}"),
            origin: Origin { path: path.to_string(), line: Some(n) },
            format: SourceFormat::Html,
            hash: content_hash(body.as_bytes()),
            title: e.title.map(|t| t.content.trim().to_string()).filter(|t| !t.is_empty()),
            published: e.published.or(e.updated).map(|d| d.format("%Y-%m-%d").to_string()),
            outlet: outlet.clone(),
            url: e.links.first().map(|l| l.href.clone()),
            authors: e.authors.into_iter().map(|p| p.name.trim().to_string()).filter(|n| !n.is_empty()).collect(),
            text: body,
        }));
    }
    if out.is_empty() {
        out.push(Err(Rejection::new(path, None, "feed without entries")));
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn rss_and_atom_entries_with_metadata() {
        let rss = r#"<?xml version="1.0"?><rss version="2.0"><channel><title>The Wire</title>
            <item><title>Talks resume</title><link>https://w.example/1</link><pubDate>Tue, 14 Mar 2024 08:00:00 GMT</pubDate>
            <description>&lt;p&gt;Talks resumed in Doha on Monday.&lt;/p&gt;</description></item>
            <item><title>Empty</title></item></channel></rss>"#;
        let items = entries("f.rss", "f", rss.as_bytes());
        let d = items[0].as_ref().unwrap();
        assert_eq!(d.title.as_deref(), Some("Talks resume"));
        assert_eq!(d.published.as_deref(), Some("2024-03-14"));
        assert_eq!(d.outlet.as_deref(), Some("The Wire"));
        assert!(d.text.contains("<p>Talks resumed"));
        assert!(items[1].as_ref().unwrap_err().reason.contains("without content"));

        let atom = r#"<feed xmlns="http://www.w3.org/2005/Atom"><title>A</title><id>x</id><updated>2024-01-01T00:00:00Z</updated>
            <entry><id>e1</id><title>T</title><updated>2024-01-02T00:00:00Z</updated><author><name>Jane Doe</name></author>
            <content type="html">&lt;p&gt;Body.&lt;/p&gt;</content></entry></feed>"#;
        let items = entries("a.atom", "a", atom.as_bytes());
        let d = items[0].as_ref().unwrap();
        assert_eq!((d.authors.clone(), d.published.as_deref()), (vec!["Jane Doe".to_string()], Some("2024-01-02")));
    }

    #[test]
    fn invalid_xml_is_one_clear_rejection() {
        let items = entries("bad.xml", "bad", b"<rss><channel><item><title>x</title></chan");
        assert_eq!(items.len(), 1);
        assert!(items[0].as_ref().unwrap_err().reason.contains("not a readable RSS or Atom feed"));
    }
}
