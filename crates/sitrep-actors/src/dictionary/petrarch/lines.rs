//! The line layer shared by PETRARCH dictionaries: `<!-- ... -->` comments (which may span
//! lines), `#` comments to the end of a line, blank lines.

/// The meaningful lines of a file: (1-based line number, trimmed text without comments).
pub fn content_lines(text: &str) -> Vec<(usize, String)> {
    let mut out = Vec::new();
    let mut in_block = false;
    for (i, raw) in text.lines().enumerate() {
        let mut kept = String::new();
        let mut rest = raw;
        loop {
            if in_block {
                match rest.find("-->") {
                    Some(end) => {
                        rest = &rest[end + 3..];
                        in_block = false;
                    }
                    None => break,
                }
            } else {
                // `<!--` and the sloppy `<! --` both open a block.
                match rest.find("<!") {
                    Some(start) => {
                        kept.push_str(&rest[..start]);
                        rest = &rest[start + 2..];
                        in_block = true;
                    }
                    None => {
                        kept.push_str(rest);
                        break;
                    }
                }
            }
        }
        let line = match kept.find('#') {
            Some(h) => &kept[..h],
            None => &kept[..],
        };
        let line = line.trim();
        if !line.is_empty() {
            out.push((i + 1, line.to_string()));
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn drops_both_comment_kinds() {
        let text = "<!-- head -->\nHAMAS [PSE] # note\n<!--\n# inside\nNOT ME\n-->\n\n  +ALIAS\t\nX <! -- sloppy --> Y";
        let got = content_lines(text);
        assert_eq!(got, vec![(2, "HAMAS [PSE]".to_string()), (8, "+ALIAS".to_string()), (9, "X  Y".to_string())]);
    }
}
