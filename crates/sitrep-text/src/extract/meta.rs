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

/// The opening tag of a byline element; its text runs to the next closing block tag (found by
/// hand: a counted `.{1,400}?` in the pattern makes the lazy DFA build thousands of states).
static BYLINE_OPEN: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r#"(?i)<[a-z]+\b[^>]*?(?:itemprop\s*=\s*["']author["']|class\s*=\s*["'][^"']*\b(?:byline|author|writer)[^"']*["'])[^>]*>"#)
        .expect("byline pattern")
});

static AUTHOR_LINK_OPEN: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r#"(?i)<a\b[^>]*?rel\s*=\s*["']author["'][^>]*>"#).expect("author link"));

/// Closing tags that end a byline element.
static BYLINE_CLOSE: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"(?i)</(?:div|p|span|section|li|header|address)\s*>").expect("byline close"));

static LINK_CLOSE: LazyLock<Regex> = LazyLock::new(|| Regex::new(r"(?i)</a\s*>").expect("link close"));

static TAG: LazyLock<Regex> = LazyLock::new(|| Regex::new(r"<[^>]*>").expect("tag pattern"));

/// What JSON-LD blocks say, wherever the article object sits (top level, a list, `@graph`).
#[derive(Debug, Default, PartialEq, Eq)]
pub struct LinkedData {
    pub published: Option<String>,
    pub title: Option<String>,
    pub authors: Vec<String>,
}

/// The kinds of cue word a page is scanned for, each leading to one lookup below.
#[derive(Clone, Copy)]
enum Cue {
    /// A publication-date attribute (`itemprop="datePublished"`, `pubdate`, `dc.date`).
    PublishedProp,
    /// A date-carrying attribute (`datetime=`, `content=`).
    DateAttr,
    /// A JSON-LD script.
    LinkedData,
    /// A visible "Published"/"Posted" lead.
    Lead,
    /// A canonical URL (`rel="canonical"`, `og:url`).
    Canonical,
    /// A byline element or author link.
    Author,
}

const CUES: usize = 6;

/// Cue words, their kind, and how far into the page each kind is looked for (metadata sits
/// near the top; a 100 MB page is not searched to its end for a byline). The words lack their
/// first letter so that one case-sensitive search finds "Published", "published" and
/// "datePublished" alike: a case-sensitive automaton runs on a SIMD prefilter, several times
/// faster than a case-insensitive one (attribute names in upper case are the price, and rare).
const WORDS: &[(&str, Cue)] = &[
    ("ublish", Cue::PublishedProp), // also a `Lead`: see `scan`
    ("ubdate", Cue::PublishedProp),
    ("c.date", Cue::PublishedProp),
    ("ate.issued", Cue::PublishedProp),
    ("atetime", Cue::DateAttr),
    ("ontent", Cue::DateAttr),
    ("d+json", Cue::LinkedData),
    ("osted", Cue::Lead),
    ("anonical", Cue::Canonical),
    ("g:url", Cue::Canonical),
    ("uthor", Cue::Author),
    ("yline", Cue::Author),
    ("riter", Cue::Author),
];

const REACH: [usize; CUES] = [400_000, 400_000, usize::MAX, 300_000, 200_000, 150_000];

/// The longest reach but JSON-LD's, which is looked for to the end of the page.
const HEAD: usize = 400_000;

/// At most this many occurrences of one kind are looked at.
const MAX_HITS: usize = 64;

/// Where a page's metadata cues sit, found in one case-insensitive pass over it; each lookup
/// then reads only the few hundred bytes around its own cues.
pub struct Cues<'a> {
    html: &'a str,
    hits: [Vec<usize>; CUES],
}

impl<'a> Cues<'a> {
    pub fn scan(html: &'a str) -> Self {
        static WORDS_AC: LazyLock<aho_corasick::AhoCorasick> = LazyLock::new(|| {
            aho_corasick::AhoCorasick::builder()
                .match_kind(aho_corasick::MatchKind::LeftmostFirst)
                .build(WORDS.iter().map(|w| w.0))
                .expect("cue words")
        });
        let mut hits: [Vec<usize>; CUES] = Default::default();
        let mut add = |kind: Cue, at: usize| {
            let list = &mut hits[kind as usize];
            if at < REACH[kind as usize] && list.len() < MAX_HITS {
                list.push(at);
            }
        };
        let head = &html[..floor(html, HEAD)];
        for m in WORDS_AC.find_iter(head) {
            let (word, kind) = WORDS[m.pattern().as_usize()];
            let at = m.start().saturating_sub(1);
            add(kind, at);
            if word == "ublish" {
                add(Cue::Lead, at); // "Published on ..." in the visible text
            }
        }
        // Past the head only JSON-LD is looked for, by a plain (and much faster) byte search.
        for at in memchr::memmem::find_iter(&html.as_bytes()[head.len()..], b"ld+json") {
            add(Cue::LinkedData, head.len() + at);
        }
        Cues { html, hits }
    }

    /// Short stretches of the page around each cue of a kind (from the `<` before it to `after`
    /// bytes past it), in page order, overlapping stretches merged so that no byte is scanned
    /// twice. The patterns run only there: over whole pages they cost more than the extraction.
    fn windows(&self, cue: Cue, after: usize) -> Vec<&'a str> {
        let html = self.html;
        let mut spans: Vec<(usize, usize)> = Vec::new();
        for &h in &self.hits[cue as usize] {
            let from = floor(html, h.saturating_sub(600));
            let start = floor(html, html[from..h].rfind('<').map_or(h, |s| from + s));
            let end = floor(html, h + after);
            match spans.last_mut() {
                Some(last) if start <= last.1 => last.1 = last.1.max(end),
                _ => spans.push((start, end)),
            }
        }
        spans.into_iter().map(|(s, e)| &html[s..e]).collect()
    }

    /// The publication date a page gives outside meta tags and JSON-LD, `YYYY-MM-DD`.
    pub fn published(&self, url: Option<&str>) -> Option<String> {
        let found = |re: &Regex, cue: Cue| self.windows(cue, 300).into_iter().find_map(|w| re.captures(w).map(|c| c[1].to_string()));
        if let Some(d) = found(&PUBLISHED_PROP, Cue::PublishedProp) {
            return Some(d);
        }
        if let Some(d) = found(&TIME_TAG, Cue::DateAttr) {
            return Some(d);
        }
        let url = url?;
        URL_DATE.captures(url).map(|c| format!("{}-{}-{}", &c[1], &c[2], &c[3]))
    }

    /// What the page's JSON-LD blocks say.
    pub fn json_ld(&self) -> LinkedData {
        static BLOCK: LazyLock<Regex> =
            LazyLock::new(|| Regex::new(r#"(?is)<script\b[^>]*ld\+json[^>]*>(.*?)</script\s*>"#).expect("json-ld pattern"));
        let mut out = LinkedData::default();
        for c in self.windows(Cue::LinkedData, 200_000).into_iter().flat_map(|w| BLOCK.captures_iter(w)).take(16) {
            if let Ok(v) = serde_json::from_str::<serde_json::Value>(c[1].trim()) {
                walk_ld(&v, &mut out, 0);
            }
        }
        out
    }

    /// A date the page's visible text introduces as the publication date ("Published on March
    /// 14, 2024", "Posted 5th January 2025"), `YYYY-MM-DD`.
    pub fn text_date(&self) -> Option<String> {
        static LEAD: LazyLock<Regex> = LazyLock::new(|| Regex::new(r"(?i)\b(?:published|posted|first published)\b").expect("lead"));
        for w in self.windows(Cue::Lead, 300) {
            let text = TAG.replace_all(w, " ");
            for m in LEAD.find_iter(&text) {
                let window = &text[m.end()..floor(&text, m.end() + 80)];
                if let Some(d) = crate::dates::find(window, None).into_iter().find(|d| d.precision == sitrep_model::Precision::Day) {
                    return Some(d.from);
                }
            }
        }
        None
    }

    /// The canonical URL a page names for itself (`og:url` or `rel="canonical"`).
    pub fn canonical_url(&self) -> Option<String> {
        static CANON: LazyLock<Regex> = LazyLock::new(|| {
            Regex::new(r#"(?i)<(?:link|meta)\b[^>]*?(?:rel\s*=\s*["']canonical["']|property\s*=\s*["']og:url["'])[^>]*?(?:href|content)\s*=\s*["']([^"']+)["']"#)
                .expect("canonical pattern")
        });
        self.windows(Cue::Canonical, 400).into_iter().find_map(|w| CANON.captures(w).map(|c| c[1].to_string()))
    }

    /// Author names from the first byline-marked element.
    pub fn authors(&self) -> Vec<String> {
        for w in self.windows(Cue::Author, 800) {
            let elements = element_texts(w, &AUTHOR_LINK_OPEN, &LINK_CLOSE, 200).chain(element_texts(w, &BYLINE_OPEN, &BYLINE_CLOSE, 400));
            for inner in elements {
                let text = TAG.replace_all(inner, " ");
                let text = text.replace("&amp;", "&").replace("&nbsp;", " ");
                let names = split_names(&text);
                if !names.is_empty() {
                    return names;
                }
            }
        }
        Vec::new()
    }
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

/// The inner markup of each element that `open` starts in `w`, up to the first `close` within
/// `limit` bytes (elements with no close that near are skipped).
fn element_texts<'a>(w: &'a str, open: &'a Regex, close: &'a Regex, limit: usize) -> impl Iterator<Item = &'a str> + 'a {
    open.find_iter(w).filter_map(move |m| {
        let rest = &w[m.end()..floor(w, m.end() + limit + 16)];
        let end = close.find(rest)?.start();
        (end >= 1 && end <= limit).then(|| &rest[..end])
    })
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
        assert_eq!(Cues::scan("<time datetime=\"2024-03-14T08:00\">Thursday</time>").published(None).as_deref(), Some("2024-03-14"));
        assert_eq!(Cues::scan("<span itemprop=\"datePublished\" content=\"2023-01-02\">").published(None).as_deref(), Some("2023-01-02"));
        assert_eq!(Cues::scan("<p>x</p>").published(Some("https://a.example/2019/11/20/story")).as_deref(), Some("2019-11-20"));
        assert_eq!(Cues::scan("<p>x</p>").published(Some("https://a.example/news/123")), None);
    }

    #[test]
    fn bylines_to_names() {
        assert_eq!(
            Cues::scan("<div class=\"byline\">By <a href=#>Jane Doe</a> and John Roe, Reuters</div>").authors(),
            ["Jane Doe", "John Roe"]
        );
        assert_eq!(Cues::scan("<a rel=\"author\" href=/x>Ana María López</a>").authors(), ["Ana María López"]);
        assert!(Cues::scan("<div class=\"author-box\">Staff</div>").authors().is_empty());
        // Multi-byte text before a match: windows start on character boundaries.
        let page = format!("<p>{}</p><span class=\"author\">Иван Петров</span>", "т".repeat(400));
        assert_eq!(Cues::scan(&page).authors(), ["Иван Петров"]);
    }
}
