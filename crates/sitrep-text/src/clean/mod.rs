//! Cleaning: from extracted text to the stored clean text.
//!
//! Lines are classified by shape (`lines`), the header (headline, byline, masthead) and trailer
//! (site names, prompts) are taken off, junk and prompts are dropped, lines broken by the page are
//! joined, and paragraphs repeated inside the article are kept once. Every drop is recorded.

mod builder;
mod lines;
pub mod outlet;

use sitrep_model::{Alignment, Removal, Span};

pub use builder::Builder;
pub use lines::{LineClass, classify, ends_sentence, is_title_case};

use crate::dates;

/// The byline's parts: who wrote it and when.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Byline {
    pub text: String,
    pub authors: Vec<String>,
    pub published: Option<String>,
}

/// The cleaner's output.
#[derive(Clone, Debug, Default)]
pub struct Cleaned {
    pub text: String,
    pub paragraphs: Vec<Span>,
    pub removed: Vec<Removal>,
    pub alignment: Alignment,
    pub title: Option<String>,
    pub masthead: Option<String>,
    pub byline: Option<Byline>,
}

/// One non-blank line: its content range (trimmed, Markdown markers off) and class.
#[derive(Clone, Debug)]
struct Line {
    start: usize,
    end: usize,
    /// Blank lines between the previous line and this one.
    gap: bool,
    class: LineClass,
}

fn split_lines(raw: &str) -> Vec<Line> {
    let mut out = Vec::new();
    let mut gap = false;
    let mut pos = 0;
    for piece in raw.split_inclusive('\n') {
        let line_start = pos;
        pos += piece.len();
        let (mut s, mut e) = (line_start, line_start + piece.trim_end().len());
        s += raw[s..e].len() - raw[s..e].trim_start().len();
        // Markdown markers that frame a whole line.
        let t = &raw[s..e];
        let hashes = t.len() - t.trim_start_matches('#').len();
        if hashes > 0 && hashes <= 6 && t[hashes..].starts_with(' ') {
            s += hashes + 1;
        } else if let Some(rest) = t.strip_prefix("> ") {
            s += t.len() - rest.len();
        }
        let t = &raw[s..e];
        for m in ["**", "*", "__", "_"] {
            if t.len() > 2 * m.len() && t.starts_with(m) && t.ends_with(m) {
                s += m.len();
                e -= m.len();
                break;
            }
        }
        let t = raw[s..e].trim();
        if t.is_empty() {
            gap = true;
            continue;
        }
        out.push(Line { start: s, end: e, gap, class: classify(t) });
        gap = false;
    }
    out
}

fn fold_key(s: &str) -> String {
    let mut key = String::with_capacity(s.len());
    push_fold_key(s, &mut key);
    key
}

/// Append `s`'s letters and digits, lower-cased, to `key` (ASCII without decoding).
fn push_fold_key(s: &str, key: &mut String) {
    if s.is_ascii() {
        // A plain loop over the bytes with the room reserved up front: through `extend` with a
        // filter the key grows a char at a time with no idea of its final size.
        key.reserve(s.len());
        for b in s.bytes() {
            if b.is_ascii_alphanumeric() {
                key.push(char::from(b.to_ascii_lowercase()));
            }
        }
    } else {
        key.extend(s.chars().filter(|c| c.is_alphanumeric()).flat_map(char::to_lowercase));
    }
}

/// A header line that is a byline: short, and holding a date or starting with "By".
fn parse_byline(line: &str) -> Option<Byline> {
    let words = line.split_whitespace().count();
    if words > 20 {
        return None;
    }
    let lower = line.to_lowercase();
    let date = dates::find_absolute(line).into_iter().find(|d| d.precision <= sitrep_model::Precision::Month);
    if date.is_none() && !lower.starts_with("by ") {
        return None;
    }
    let mut rest = line.to_string();
    if let Some(d) = &date {
        rest = format!("{}{}", &line[..d.start], &line[d.end..]);
    }
    let mut authors = Vec::new();
    for part in rest.split(['/', '|', '•', ',', '·']) {
        let p = part.trim().trim_matches(|c: char| c == '*' || c == '-' || c == '–');
        let p = p.strip_prefix("By ").or_else(|| p.strip_prefix("by ")).unwrap_or(p).trim();
        if p.is_empty() || p.to_lowercase().starts_with("published") || p.to_lowercase().starts_with("updated") {
            continue;
        }
        let ws: Vec<&str> = p.split_whitespace().collect();
        let namelike = (2..=4).contains(&ws.len())
            && ws.iter().all(|w| w.chars().next().is_some_and(char::is_uppercase))
            && !ws.iter().any(|w| {
                matches!(
                    w.to_lowercase().as_str(),
                    "desk" | "news" | "staff" | "bureau" | "agency" | "reporter" | "correspondent" | "service" | "times" | "post" | "media"
                )
            });
        if namelike {
            authors.push(p.to_string());
        }
    }
    Some(Byline { text: line.to_string(), authors, published: date.map(|d| d.from) })
}

/// A short line after the body that reads as a label (a site name, a section, "Newspapers in
/// English"), not as content: a few words, no digits, no handle, link or list marker.
fn is_trailer(line: &str) -> bool {
    line.split_whitespace().count() <= 6 && !line.contains(|c: char| c.is_ascii_digit() || matches!(c, '@' | '/' | ':' | '—' | '['))
}

/// Clean extracted text. `known_title` is the headline a container already gave (HTML, JSON).
pub fn clean(raw: &str, known_title: Option<&str>) -> Cleaned {
    clean_with(raw, known_title, &|_| false)
}

/// Clean extracted text, also dropping the lines `boilerplate` names (an outlet's own, learnt
/// from its other pages: see [`outlet`]). Header lines keep their roles (a masthead stays the
/// masthead); only lines that would otherwise be kept are tested.
pub fn clean_with(raw: &str, known_title: Option<&str>, boilerplate: &dyn Fn(&str) -> bool) -> Cleaned {
    let lines = split_lines(raw);
    let mut out = Cleaned::default();
    let mut keep = vec![true; lines.len()];
    let remove = |i: usize, reason: &str, out: &mut Cleaned, keep: &mut Vec<bool>| {
        keep[i] = false;
        let l = &lines[i];
        out.removed.push(Removal { start: l.start, end: l.end, reason: reason.to_string(), text: raw[l.start..l.end].to_string() });
    };
    let text_of = |i: usize| &raw[lines[i].start..lines[i].end];

    // Where the body starts and ends. A headline may end in "?" or "!!": title case marks it.
    let is_header = |i: usize| {
        let t = text_of(i);
        // "The Foreign Secretary, Boris Johnson, said:" is running text in title case, not a headline
        let speech = t.ends_with(':')
            || t.split_whitespace().any(|w| matches!(w.trim_matches(|c: char| !c.is_alphabetic()), "said" | "says" | "told"));
        lines[i].class != LineClass::Body || (is_title_case(t) && !speech && t.split_whitespace().count() <= 25)
    };
    let first_body = (0..lines.len()).find(|&i| !is_header(i));
    let last_body = (0..lines.len()).rev().find(|&i| lines[i].class == LineClass::Body);
    let (first, last) = match (first_body, last_body) {
        (Some(f), Some(l)) if f <= l => (f, l),
        // No running text at all (a list, a short note): keep what is not junk or a prompt.
        _ => (0, lines.len().saturating_sub(1)),
    };
    let known_key = known_title.map(fold_key);

    for (i, line) in lines.iter().enumerate() {
        let t = text_of(i);
        let class = line.class;
        if class == LineClass::Junk {
            remove(i, "junk", &mut out, &mut keep);
        } else if class == LineClass::Prompt {
            remove(i, "prompt", &mut out, &mut keep);
        } else if i < first {
            if known_key.as_deref() == Some(fold_key(t).as_str()) {
                remove(i, "title", &mut out, &mut keep);
            } else if out.byline.is_none()
                && let Some(b) = parse_byline(t)
            {
                if t.to_lowercase().starts_with("published")
                    && let Some(by) = t.rsplit_once(" by ")
                {
                    out.masthead.get_or_insert_with(|| by.1.trim_matches(['*', '_', ' ']).to_string());
                }
                out.byline = Some(b);
                remove(i, "byline", &mut out, &mut keep);
            } else if out.title.is_none() && known_title.is_none() && t.split_whitespace().count() >= 3 {
                out.title = Some(t.to_string());
                remove(i, "title", &mut out, &mut keep);
            } else if out.masthead.is_none() && t.split_whitespace().count() <= 5 {
                out.masthead = Some(t.to_string());
                remove(i, "masthead", &mut out, &mut keep);
            } else if t.split_whitespace().count() <= 6 {
                remove(i, "header", &mut out, &mut keep);
            }
        } else if i > last && class == LineClass::Short && is_trailer(t) {
            remove(i, "trailer", &mut out, &mut keep);
        }
    }

    for i in 0..lines.len() {
        if keep[i] && boilerplate(text_of(i)) {
            remove(i, "outlet boilerplate", &mut out, &mut keep);
        }
    }

    // Paragraphs: lines joined where the page broke a sentence.
    let mut paragraphs: Vec<Vec<usize>> = Vec::new();
    let mut prev: Option<usize> = None;
    for i in (0..lines.len()).filter(|&i| keep[i]) {
        let join = prev.is_some_and(|p| {
            let pt = text_of(p);
            let adjacent = p + 1 == i && !lines[i].gap;
            let starts_lower = text_of(i).chars().next().is_some_and(char::is_lowercase);
            (p + 1 == i && lines::ends_with_function_word(pt)) || (adjacent && !ends_sentence(pt) && starts_lower)
        });
        match paragraphs.last_mut() {
            Some(para) if join => para.push(i),
            _ => paragraphs.push(vec![i]),
        }
        prev = Some(i);
    }

    // Paragraphs repeated inside the article are kept once.
    let mut seen = std::collections::HashSet::new();
    let mut b = Builder::default();
    for para in paragraphs {
        let mut key = String::new();
        for &i in &para {
            push_fold_key(text_of(i), &mut key);
        }
        if key.len() >= 20 && !seen.insert(key) {
            for &i in &para {
                remove(i, "repeated paragraph", &mut out, &mut keep);
            }
            continue;
        }
        if !b.is_empty() {
            b.insert("\n\n");
        }
        let start = b.len();
        for (k, &i) in para.iter().enumerate() {
            if k > 0 {
                b.insert(" ");
            }
            b.copy(raw, lines[i].start, lines[i].end);
        }
        out.paragraphs.push(Span::new(start, b.len()));
    }
    let (text, alignment) = b.finish();
    out.text = text;
    out.alignment = alignment;
    out.removed.sort_by_key(|r| r.start);
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn header_trailer_junk_prompts_and_repeats_come_out() {
        let raw = "Daily Planet\nTroops Pull Back From The Border Town\nBy Jane Doe | March 14, 2024\n\nThe army withdrew from the town on Monday. Residents returned.\n\n?? ??\nShare this article\n\nThe army withdrew from the town on Monday. Residents returned.\n\nOfficials said talks would resume, and that the\n\nceasefire held.\n\nNewspapers in English\nNewspapers from Europe\n";
        let c = clean(raw, None);
        assert_eq!(
            c.text,
            "The army withdrew from the town on Monday. Residents returned.\n\nOfficials said talks would resume, and that the ceasefire held."
        );
        assert_eq!(c.title.as_deref(), Some("Troops Pull Back From The Border Town"));
        assert_eq!(c.masthead.as_deref(), Some("Daily Planet"));
        let b = c.byline.unwrap();
        assert_eq!(b.authors, ["Jane Doe"]);
        assert_eq!(b.published.as_deref(), Some("2024-03-14"));
        let reasons: Vec<&str> = c.removed.iter().map(|r| r.reason.as_str()).collect();
        assert_eq!(reasons, ["masthead", "title", "byline", "junk", "prompt", "repeated paragraph", "trailer", "trailer"]);
        for r in &c.removed {
            assert_eq!(&raw[r.start..r.end], r.text);
        }
        // Every clean byte maps back to the same byte of the raw input (separators aside).
        let at = c.text.find("ceasefire").unwrap();
        let raw_at = c.alignment.to_raw(at);
        assert_eq!(&raw[raw_at..raw_at + 9], "ceasefire");
    }

    #[test]
    fn markdown_markers_are_not_text() {
        let c = clean("# A Headline Of Some Length\n*Published 2024-03-14 by The Wire*\n\nThe talks ended.\n", None);
        assert_eq!(c.text, "The talks ended.");
        assert_eq!(c.title.as_deref(), Some("A Headline Of Some Length"));
        assert_eq!(c.masthead.as_deref(), Some("The Wire"));
        assert_eq!(c.byline.unwrap().published.as_deref(), Some("2024-03-14"));
    }
}
