//! HTML pages: the main text and metadata through `dom_smoothie` (a Readability port).

use dom_smoothie::{Config, Readability, TextMode};
use memchr::memchr;
use sitrep_model::RawDoc;

use super::{Extracted, Extractor};
use crate::TextError;

pub struct Html;

/// Pages nested deeper than this skip the Readability pass, whose cost grows with the square of
/// the depth (5,000 levels took about a minute), and get a plain tag-stripping extraction.
pub const MAX_DEPTH: usize = 512;

/// Elements that never hold content, so never nest.
const VOID: &[&str] =
    &["area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "param", "source", "track", "wbr", "keygen"];

/// Elements whose end tag is often left out ("<p>a<p>b"); the parser closes them, so they do not
/// count towards the depth.
const IMPLIED_END: &[&str] = &["p", "li", "td", "th", "tr", "dt", "dd", "option", "rt", "rp", "tbody", "thead"];

/// The deepest tag nesting in `html`, by a byte scan: `<tag` opens a level, `</tag` closes one,
/// `<tag/>`, void and implied-end elements, comments and declarations do neither. It stops
/// counting once `limit` is passed.
pub fn max_depth(html: &str, limit: usize) -> usize {
    let bytes = html.as_bytes();
    let (mut depth, mut max) = (0usize, 0usize);
    let mut i = 0;
    while let Some(off) = memchr(b'<', &bytes[i..]) {
        let at = i + off + 1;
        i = at;
        let Some(&first) = bytes.get(at) else { break };
        if bytes[at..].starts_with(b"!--") {
            i = find_ascii_ci(&html[at..], "-->").map_or(bytes.len(), |e| at + e + 3);
            continue;
        }
        let closing = first == b'/';
        let name_start = if closing { at + 1 } else { at };
        let name_len = bytes[name_start..].iter().take_while(|b| b.is_ascii_alphanumeric()).count();
        if name_len == 0 || !bytes[name_start].is_ascii_alphabetic() {
            continue;
        }
        let name = &bytes[name_start..name_start + name_len];
        let is = |list: &[&str]| list.iter().any(|n| n.as_bytes().eq_ignore_ascii_case(name));
        if is(VOID) || is(IMPLIED_END) {
            continue;
        }
        if closing {
            depth = depth.saturating_sub(1);
            continue;
        }
        let end = memchr(b'>', &bytes[name_start..]).map_or(bytes.len(), |e| name_start + e);
        if end > 0 && bytes[end - 1] == b'/' {
            continue;
        }
        depth += 1;
        if depth > max {
            max = depth;
            if max > limit {
                break;
            }
        }
    }
    max
}

/// Elements that end a line of text when stripped.
const BLOCKS: &[&str] = &[
    "p",
    "div",
    "br",
    "li",
    "ul",
    "ol",
    "h1",
    "h2",
    "h3",
    "h4",
    "h5",
    "h6",
    "tr",
    "table",
    "section",
    "article",
    "blockquote",
    "pre",
    "header",
    "footer",
    "main",
    "aside",
    "figure",
    "figcaption",
    "dd",
    "dt",
    "hr",
    "title",
    "body",
    "head",
];

/// Plain text of `html` by stripping tags: block elements become line breaks, the common
/// entities are decoded, `<head>` and the pruned elements are left out.
pub fn strip_tags(html: &str) -> String {
    let pruned = super::prune::prune(html);
    let body_from = find_ascii_ci(&pruned, "<body").unwrap_or(0);
    let src = &pruned[body_from..];
    let bytes = src.as_bytes();
    let mut raw = String::with_capacity(src.len() / 2);
    let mut i = 0;
    while i < bytes.len() {
        let Some(off) = memchr(b'<', &bytes[i..]) else {
            raw.push_str(&src[i..]);
            break;
        };
        raw.push_str(&src[i..i + off]);
        let at = i + off;
        let end = memchr(b'>', &bytes[at..]).map_or(bytes.len(), |e| at + e + 1);
        if matches!(bytes.get(at + 1), Some(b'!' | b'?')) {
            i = end; // doctype, processing instruction
            continue;
        }
        let name_start = at + 1 + usize::from(bytes.get(at + 1) == Some(&b'/'));
        let name_len = bytes[name_start.min(bytes.len())..].iter().take_while(|b| b.is_ascii_alphanumeric()).count();
        if name_len == 0 || !bytes[name_start].is_ascii_alphabetic() {
            raw.push('<');
            i = at + 1;
            continue;
        }
        let name = &bytes[name_start..name_start + name_len];
        if BLOCKS.iter().any(|n| n.as_bytes().eq_ignore_ascii_case(name)) {
            raw.push('\n');
        } else {
            raw.push(' ');
        }
        i = end;
    }
    let decoded = decode_entities(&raw);
    let mut out = String::with_capacity(decoded.len());
    for line in decoded.lines() {
        let line = line.split_whitespace().collect::<Vec<_>>().join(" ");
        if !line.is_empty() {
            out.push_str(&line);
            out.push('\n');
        }
    }
    out
}

fn find_ascii_ci(hay: &str, needle: &str) -> Option<usize> {
    super::prune::find_ci(hay.as_bytes(), 0, needle)
}

fn decode_entities(s: &str) -> String {
    if !s.contains('&') {
        return s.to_string();
    }
    let mut out = String::with_capacity(s.len());
    let mut rest = s;
    while let Some(p) = rest.find('&') {
        out.push_str(&rest[..p]);
        rest = &rest[p..];
        let semi = rest.as_bytes().iter().take(12).position(|&b| b == b';');
        let decoded = semi.and_then(|e| {
            let name = &rest[1..e];
            let c = match name {
                "amp" => Some('&'),
                "lt" => Some('<'),
                "gt" => Some('>'),
                "quot" => Some('"'),
                "apos" => Some('\''),
                "nbsp" => Some(' '),
                _ => name
                    .strip_prefix("#x")
                    .or_else(|| name.strip_prefix("#X"))
                    .and_then(|h| u32::from_str_radix(h, 16).ok())
                    .or_else(|| name.strip_prefix('#').and_then(|d| d.parse().ok()))
                    .and_then(char::from_u32),
            };
            c.map(|c| (c, e + 1))
        });
        match decoded {
            Some((c, len)) => {
                out.push(c);
                rest = &rest[len..];
            }
            None => {
                out.push('&');
                rest = &rest[1..];
            }
        }
    }
    out.push_str(rest);
    out
}

/// The text of the `<title>` element, if any.
fn page_title(html: &str) -> Option<String> {
    let mut cut = html.len().min(200_000);
    while !html.is_char_boundary(cut) {
        cut -= 1;
    }
    let head = &html[..cut];
    let open = find_ascii_ci(head, "<title")?;
    let start = open + head[open..].find('>')? + 1;
    let end = start + find_ascii_ci(&head[start..], "</title")?;
    non_empty(Some(decode_entities(&head[start..end])))
}

/// Extraction without the Readability pass, for pages too deeply nested to parse in time.
fn flat(raw: &RawDoc) -> Result<Extracted, TextError> {
    let text = strip_tags(&raw.text);
    if text.trim().is_empty() {
        return Err(TextError::NoText);
    }
    let cues = super::meta::Cues::scan(&raw.text);
    let ld = cues.json_ld();
    let mut authors = ld.authors;
    if authors.is_empty() {
        authors = cues.authors();
    }
    if authors.is_empty() {
        authors = raw.authors.clone();
    }
    let url = raw.url.clone().or_else(|| cues.canonical_url());
    let published = raw.published.clone().or(ld.published).or_else(|| cues.published(url.as_deref())).or_else(|| cues.text_date());
    Ok(Extracted {
        text,
        title: ld.title.or_else(|| raw.title.clone()).or_else(|| page_title(&raw.text)),
        outlet: raw.outlet.clone(),
        authors,
        published,
        url,
    })
}

fn non_empty(s: Option<String>) -> Option<String> {
    s.map(|s| s.trim().to_string()).filter(|s| !s.is_empty())
}

/// HTML without a document around it: no `<html>` or `<body>` tag in its first bytes.
fn is_fragment(html: &str) -> bool {
    let head = html.get(..html.len().min(2048)).unwrap_or(html).to_ascii_lowercase();
    !head.contains("<html") && !head.contains("<body")
}

impl Extractor for Html {
    fn extract(&self, raw: &RawDoc) -> Result<Extracted, TextError> {
        if max_depth(&raw.text, MAX_DEPTH) > MAX_DEPTH {
            return flat(raw);
        }
        let cfg = Config { text_mode: TextMode::Formatted, ..Default::default() };
        let url = raw.url.as_deref().filter(|u| u.starts_with("http"));
        let doc = dom_query::Document::from(super::prune::prune(&raw.text));
        super::dom::strip_furniture(&doc);
        let mut reader = Readability::with_document(doc, url, Some(cfg)).map_err(|e| TextError::Html(e.to_string()))?;
        let article = match reader.parse() {
            Ok(a) => a,
            // A fragment (a feed entry's content) has no page around it to score: its text is the article.
            Err(_) if is_fragment(&raw.text) => {
                let doc = dom_query::Document::from(raw.text.as_str());
                return Ok(Extracted {
                    text: doc.select("body").formatted_text().to_string(),
                    title: raw.title.clone(),
                    outlet: raw.outlet.clone(),
                    authors: raw.authors.clone(),
                    published: raw.published.clone(),
                    url: raw.url.clone(),
                });
            }
            Err(_) => return Err(TextError::NoText),
        };
        let cues = super::meta::Cues::scan(&raw.text);
        let ld = cues.json_ld();
        let mut authors = non_empty(article.byline.clone()).map(|b| super::meta::split_names(&b)).unwrap_or_default();
        if authors.is_empty() {
            authors = ld.authors;
        }
        if authors.is_empty() {
            authors = cues.authors();
        }
        let url = non_empty(article.url.clone()).or_else(|| raw.url.clone()).or_else(|| cues.canonical_url());
        let published = non_empty(article.published_time.clone())
            .or_else(|| raw.published.clone())
            .or(ld.published)
            .or_else(|| cues.published(url.as_deref()))
            .or_else(|| cues.text_date());
        Ok(Extracted {
            text: article.text_content.to_string(),
            title: ld.title.or_else(|| non_empty(Some(article.title.clone()))).or_else(|| raw.title.clone()),
            outlet: non_empty(article.site_name.clone()).or_else(|| raw.outlet.clone()),
            authors: if authors.is_empty() { raw.authors.clone() } else { authors },
            published,
            url,
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn depth_counts_nesting_not_void_or_self_closing_tags() {
        assert_eq!(max_depth("<html><body><div><p>a<br><img src=x/><span/></div></body></html>", 100), 3);
        assert_eq!(max_depth("<div><div></div><div><b>x</b></div></div>", 100), 3);
        assert_eq!(max_depth("a < b and <!-- <div> --> </div></div>", 100), 0);
        assert_eq!(max_depth(&"<div>".repeat(5000), 512), 513);
        assert_eq!(max_depth(&"<li>".repeat(5000), 512), 0);
    }

    #[test]
    fn stripping_keeps_blocks_as_lines_and_decodes_entities() {
        let html = "<html><head><title>T</title></head><body><h1>Head &amp; line</h1><div><p>One <b>two</b></p><p>three&nbsp;&#233;</p></div><script>x</script></body></html>";
        assert_eq!(strip_tags(html), "Head & line\nOne two\nthree é\n");
        assert_eq!(page_title(html).as_deref(), Some("T"));
    }
}
