//! A byte-level pass over HTML source before it is parsed: the elements that never hold article
//! text (scripts other than JSON-LD, styles, comments, inline SVG, iframes, templates,
//! navigation, footers) are cut out. On real news pages they are over half the bytes, and the tree builder need not see them.

/// Elements whose whole content is dropped, with the tag name as it must be matched.
/// `nav`, `footer` and `select` hold no article text either and are dropped again from the tree;
/// cutting them here only saves parsing them (an unbalanced one is left to the tree builder).
const DROPPED: &[&str] = &["script", "style", "svg", "noscript", "iframe", "template", "object", "nav", "footer", "select", "header"];

/// Case-insensitive `starts_with` on bytes.
fn starts_with_ci(hay: &[u8], needle: &str) -> bool {
    hay.len() >= needle.len() && hay[..needle.len()].eq_ignore_ascii_case(needle.as_bytes())
}

/// Position of the first case-insensitive `needle` in `hay` at or after `from`.
pub(super) fn find_ci(hay: &[u8], from: usize, needle: &str) -> Option<usize> {
    let first = needle.as_bytes()[0];
    let mut i = from;
    while i < hay.len() {
        let off = memchr::memchr2(first.to_ascii_lowercase(), first.to_ascii_uppercase(), &hay[i..])?;
        let at = i + off;
        if starts_with_ci(&hay[at..], needle) {
            return Some(at);
        }
        i = at + 1;
    }
    None
}

/// The end of the tag that starts at `start` (just after its `>`), or the end of the input.
fn tag_end(bytes: &[u8], start: usize) -> usize {
    memchr::memchr(b'>', &bytes[start..]).map_or(bytes.len(), |p| start + p + 1)
}

/// `html` without the dropped elements and comments. JSON-LD scripts are kept for metadata.
pub fn prune(html: &str) -> String {
    let bytes = html.as_bytes();
    let mut out = String::with_capacity(html.len() / 2);
    let mut copied = 0;
    let mut i = 0;
    while let Some(off) = memchr::memchr(b'<', &bytes[i..]) {
        let at = i + off;
        let rest = &bytes[at + 1..];
        if rest.starts_with(b"!--") {
            let end = find_ci(bytes, at + 4, "-->").map_or(bytes.len(), |e| e + 3);
            out.push_str(&html[copied..at]);
            copied = end;
            i = end;
            continue;
        }
        let name = DROPPED
            .iter()
            .find(|n| starts_with_ci(rest, n) && rest.get(n.len()).is_none_or(|b| b.is_ascii_whitespace() || matches!(b, b'>' | b'/')));
        let Some(name) = name else {
            i = at + 1;
            continue;
        };
        let open_end = tag_end(bytes, at);
        if *name == "script" && find_ci(&bytes[..open_end], at, "ld+json").is_some() {
            i = open_end;
            continue;
        }
        if bytes[..open_end].ends_with(b"/>") {
            out.push_str(&html[copied..at]);
            copied = open_end;
            i = open_end;
            continue;
        }
        let close = format!("</{name}");
        let end = match find_ci(bytes, open_end, &close) {
            Some(c) => tag_end(bytes, c),
            None => bytes.len(),
        };
        out.push_str(&html[copied..at]);
        copied = end;
        i = end;
    }
    out.push_str(&html[copied..]);
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn scripts_styles_and_comments_go_json_ld_stays() {
        let html = "<p>a</p><SCRIPT src=x>var s = '<p>no</p>';</script ><style>p{}</style><!-- c --><p>b</p>\
                    <script type=\"application/ld+json\">{\"x\":1}</script><svg><path/></svg><scripts>k</scripts>";
        assert_eq!(prune(html), "<p>a</p><p>b</p><script type=\"application/ld+json\">{\"x\":1}</script><scripts>k</scripts>");
    }

    #[test]
    fn unterminated_elements_end_the_page() {
        assert_eq!(prune("<p>a</p><script>never closed"), "<p>a</p>");
        assert_eq!(prune("<p>a</p><!-- open"), "<p>a</p>");
        assert_eq!(prune("<p>é</p><"), "<p>é</p><");
    }
}
