//! Page metadata that Readability's meta-tag and JSON-LD reading misses, found by a byte scan of
//! the raw page (so it also sees headers and bylines that extraction cuts out): `<time
//! datetime>` and `itemprop="datePublished"` dates, a date in the URL (`/2024/03/14/`), and
//! bylines marked by `rel="author"`, `itemprop="author"` or a `byline`/`author` class.

use std::sync::LazyLock;

use regex::Regex;

static TIME_TAG: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r#"(?i)<(?:time|meta|span|abbr)\b[^>]*?(?:datetime|content)\s*=\s*["']?(\d{4}-\d{2}-\d{2})"#).expect("time pattern")
});

static PUBLISHED_PROP: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r#"(?i)<[a-z]+\b[^>]*?(?:itemprop|name|property|class)\s*=\s*["'][^"']*(?:datepublished|pubdate|publish|dc\.date|date\.issued)[^"']*["'][^>]*?(?:datetime|content)\s*=\s*["']?(\d{4}-\d{2}-\d{2})"#)
        .expect("published pattern")
});

static URL_DATE: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"/((?:19|20)\d{2})[/-]?(0[1-9]|1[0-2])[/-]?(0[1-9]|[12]\d|3[01])(?:/|[-_]|\.html|$)").expect("url date"));

static BYLINE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r#"(?is)<[a-z]+\b[^>]*?(?:itemprop\s*=\s*["']author["']|class\s*=\s*["'][^"']*\b(?:byline|author|writer)[^"']*["'])[^>]*>(.{1,400}?)</(?:div|p|span|section|li|header|address)\s*>"#,
    )
    .expect("byline pattern")
});

static AUTHOR_LINK: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r#"(?is)<a\b[^>]*?rel\s*=\s*["']author["'][^>]*>(.{1,200}?)</a\s*>"#).expect("author link"));

static TAG: LazyLock<Regex> = LazyLock::new(|| Regex::new(r"<[^>]*>").expect("tag pattern"));

/// The publication date a page gives outside meta tags and JSON-LD, `YYYY-MM-DD`.
pub fn published(html: &str, url: Option<&str>) -> Option<String> {
    let head = &html[..floor(html, 400_000)];
    let found =
        |re: &Regex, needles: &[&str]| windows(head, needles, 300).into_iter().find_map(|w| re.captures(w).map(|c| c[1].to_string()));
    if let Some(d) = found(&PUBLISHED_PROP, &["datepublished", "pubdate", "publish", "dc.date", "date.issued"]) {
        return Some(d);
    }
    if let Some(d) = found(&TIME_TAG, &["datetime", "content"]) {
        return Some(d);
    }
    let url = url?;
    URL_DATE.captures(url).map(|c| format!("{}-{}-{}", &c[1], &c[2], &c[3]))
}

/// What JSON-LD blocks say, wherever the article object sits (top level, a list, `@graph`).
#[derive(Debug, Default, PartialEq, Eq)]
pub struct LinkedData {
    pub published: Option<String>,
    pub title: Option<String>,
    pub authors: Vec<String>,
}

pub fn json_ld(html: &str) -> LinkedData {
    static BLOCK: LazyLock<Regex> =
        LazyLock::new(|| Regex::new(r#"(?is)<script\b[^>]*ld\+json[^>]*>(.*?)</script\s*>"#).expect("json-ld pattern"));
    let mut out = LinkedData::default();
    for w in windows(html, &["ld+json"], 200_000).into_iter().take(16) {
        let Some(c) = BLOCK.captures(w) else { continue };
        if let Ok(v) = serde_json::from_str::<serde_json::Value>(c[1].trim()) {
            walk_ld(&v, &mut out, 0);
        }
    }
    out
}

fn ld_names(v: &serde_json::Value) -> Vec<String> {
    match v {
        serde_json::Value::String(s) => split_names(s),
        serde_json::Value::Array(a) => a.iter().flat_map(ld_names).collect(),
        serde_json::Value::Object(o) => o.get("name").map(ld_names).unwrap_or_default(),
        _ => Vec::new(),
    }
}

fn walk_ld(v: &serde_json::Value, out: &mut LinkedData, depth: usize) {
    if depth > 8 {
        return;
    }
    match v {
        serde_json::Value::Array(a) => a.iter().for_each(|x| walk_ld(x, out, depth + 1)),
        serde_json::Value::Object(o) => {
            if let Some(d) = o.get("datePublished").and_then(|d| d.as_str()) {
                out.published.get_or_insert_with(|| d.to_string());
            }
            if o.contains_key("datePublished") || o.contains_key("articleBody") {
                if let Some(h) = o.get("headline").and_then(|h| h.as_str()) {
                    out.title.get_or_insert_with(|| h.trim().to_string());
                }
                if out.authors.is_empty()
                    && let Some(a) = o.get("author")
                {
                    out.authors = ld_names(a);
                }
            }
            if let Some(g) = o.get("@graph") {
                walk_ld(g, out, depth + 1);
            }
        }
        _ => {}
    }
}

/// A date the page's visible text introduces as the publication date ("Published on March 14,
/// 2024", "Posted 5th January 2025"), `YYYY-MM-DD`.
pub fn text_date(html: &str) -> Option<String> {
    static LEAD: LazyLock<Regex> = LazyLock::new(|| Regex::new(r"(?i)\b(?:published|posted|first published)\b").expect("lead"));
    let head = &html[..floor(html, 300_000)];
    for w in windows(head, &["published", "posted"], 300) {
        let text = TAG.replace_all(w, " ");
        let Some(m) = LEAD.find(&text) else { continue };
        let window = &text[m.end()..floor(&text, m.end() + 80)];
        if let Some(d) = crate::dates::find(window, None).into_iter().find(|d| d.precision == sitrep_model::Precision::Day) {
            return Some(d.from);
        }
    }
    None
}

/// The canonical URL a page names for itself (`og:url` or `rel="canonical"`).
pub fn canonical_url(html: &str) -> Option<String> {
    static CANON: LazyLock<Regex> = LazyLock::new(|| {
        Regex::new(r#"(?i)<(?:link|meta)\b[^>]*?(?:rel\s*=\s*["']canonical["']|property\s*=\s*["']og:url["'])[^>]*?(?:href|content)\s*=\s*["']([^"']+)["']"#)
            .expect("canonical pattern")
    });
    let head = &html[..floor(html, 200_000)];
    windows(head, &["canonical", "og:url"], 400).into_iter().find_map(|w| CANON.captures(w).map(|c| c[1].to_string()))
}

/// Author names from the first byline-marked element.
pub fn authors(html: &str) -> Vec<String> {
    let head = &html[..floor(html, 150_000)];
    for w in windows(head, &["author", "byline", "writer"], 800) {
        for c in AUTHOR_LINK.captures(w).into_iter().chain(BYLINE.captures(w)) {
            let text = TAG.replace_all(&c[1], " ");
            let text = text.replace("&amp;", "&").replace("&nbsp;", " ");
            let names = split_names(&text);
            if !names.is_empty() {
                return names;
            }
        }
    }
    Vec::new()
}

/// "By Jane Doe and John Roe, Reuters" to the names: capitalised runs of two to four words.
pub fn split_names(byline: &str) -> Vec<String> {
    let t = byline.split_whitespace().collect::<Vec<_>>().join(" ");
    let t = t.trim().trim_start_matches("By ").trim_start_matches("by ").trim_start_matches("BY ");
    let mut out = Vec::new();
    for part in t.split([',', '&', '|', '/', '·', '•']).flat_map(|s| s.split(" and ")) {
        let p = part.trim().trim_start_matches("By ").trim();
        let words: Vec<&str> = p.split_whitespace().collect();
        let namelike = (2..=4).contains(&words.len())
            && words.iter().all(|w| w.chars().next().is_some_and(char::is_uppercase) && !w.chars().any(|c| c.is_ascii_digit()));
        if namelike && !out.iter().any(|n: &String| n == p) {
            out.push(p.to_string());
        }
    }
    out
}

/// Short stretches of `html` around each occurrence of a needle (from the `<` before it to a few
/// hundred bytes after), in page order. The patterns above run only there: run over whole pages
/// they cost more than the extraction itself.
fn windows<'a>(html: &'a str, needles: &[&str], after: usize) -> Vec<&'a str> {
    let Ok(ac) = aho_corasick::AhoCorasick::builder().ascii_case_insensitive(true).build(needles) else {
        return Vec::new();
    };
    ac.find_iter(html)
        .take(64)
        .map(|m| {
            let h = m.start();
            let from = floor(html, h.saturating_sub(600));
            let start = html[from..h].rfind('<').map_or(h, |s| from + s);
            &html[floor(html, start)..floor(html, h + after)]
        })
        .collect()
}

fn floor(s: &str, at: usize) -> usize {
    let mut i = at.min(s.len());
    while !s.is_char_boundary(i) {
        i -= 1;
    }
    i
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn dates_from_tags_props_and_urls() {
        assert_eq!(published("<time datetime=\"2024-03-14T08:00\">Thursday</time>", None).as_deref(), Some("2024-03-14"));
        assert_eq!(published("<span itemprop=\"datePublished\" content=\"2023-01-02\">", None).as_deref(), Some("2023-01-02"));
        assert_eq!(published("<p>x</p>", Some("https://a.example/2019/11/20/story")).as_deref(), Some("2019-11-20"));
        assert_eq!(published("<p>x</p>", Some("https://a.example/news/123")), None);
    }

    #[test]
    fn bylines_to_names() {
        assert_eq!(authors("<div class=\"byline\">By <a href=#>Jane Doe</a> and John Roe, Reuters</div>"), ["Jane Doe", "John Roe"]);
        assert_eq!(authors("<a rel=\"author\" href=/x>Ana María López</a>"), ["Ana María López"]);
        assert!(authors("<div class=\"author-box\">Staff</div>").is_empty());
        // Multi-byte text before a match: windows start on character boundaries.
        let page = format!("<p>{}</p><span class=\"author\">Иван Петров</span>", "т".repeat(400));
        assert_eq!(authors(&page), ["Иван Петров"]);
    }
}
