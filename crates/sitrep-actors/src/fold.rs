//! The folded text that names are matched on, with a map back to the original bytes.
//!
//! Folding lower-cases, transliterates to ASCII (deunicode) and turns every run of spaces,
//! hyphens, dashes, apostrophes and dots into one space, so "Tehrik-i-Taliban", "tehrik i
//! taliban" and "Tehrik‐i‐Taliban" are one key, and "Pakistan's" is "pakistan s".

/// Folded text plus, for each folded byte, the original byte range of the character it came from.
#[derive(Clone, Debug, Default)]
pub struct Folded {
    pub text: String,
    starts: Vec<usize>,
    ends: Vec<usize>,
}

fn separator(c: char) -> bool {
    c.is_whitespace() || matches!(c, '-' | '‐' | '‑' | '–' | '—' | '\'' | '’' | '‘' | '`' | '.' | '_' | '/')
}

impl Folded {
    /// Fold `text[offset..]`-relative content; the map gives offsets into `text` plus `base`.
    pub fn new(text: &str, base: usize) -> Folded {
        let n = text.len();
        let mut f = Folded { text: String::with_capacity(n), starts: Vec::with_capacity(n), ends: Vec::with_capacity(n) };
        let mut pending_space = false;
        for (i, c) in text.char_indices() {
            let (s, e) = (base + i, base + i + c.len_utf8());
            if separator(c) {
                pending_space = !f.text.is_empty();
                continue;
            }
            // ASCII (nearly every character) folds without allocating.
            if c.is_ascii() {
                if !c.is_ascii_alphanumeric() {
                    pending_space = !f.text.is_empty();
                    continue;
                }
                if pending_space {
                    f.push(' ', s, s);
                    pending_space = false;
                }
                f.push(c.to_ascii_lowercase(), s, e);
                continue;
            }
            let piece: String = if c.is_alphanumeric() {
                deunicode::deunicode_char(c).unwrap_or("").to_lowercase().chars().filter(char::is_ascii_alphanumeric).collect()
            } else {
                String::new()
            };
            if piece.is_empty() {
                pending_space = !f.text.is_empty();
                continue;
            }
            if pending_space {
                f.push(' ', s, s);
                pending_space = false;
            }
            for ch in piece.chars() {
                f.push(ch, s, e);
            }
        }
        f
    }

    fn push(&mut self, c: char, s: usize, e: usize) {
        self.text.push(c);
        self.starts.push(s);
        self.ends.push(e);
    }

    /// Original byte range of folded range `[start, end)`.
    pub fn original(&self, start: usize, end: usize) -> (usize, usize) {
        (self.starts[start], self.ends[end - 1])
    }

    /// Whether `[start, end)` starts and ends at word boundaries of the folded text.
    pub fn at_boundaries(&self, start: usize, end: usize) -> bool {
        let b = self.text.as_bytes();
        (start == 0 || b[start - 1] == b' ') && (end == b.len() || b[end] == b' ')
    }
}

/// Fold a name the way text is folded: the key a dictionary alias is stored under.
pub fn key(name: &str) -> String {
    Folded::new(name, 0).text
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn spellings_fold_together() {
        assert_eq!(key("Tehrik-i-Taliban Pakistan"), "tehrik i taliban pakistan");
        assert_eq!(key("Tehrik i  Taliban  PAKISTAN"), "tehrik i taliban pakistan");
        assert_eq!(key("Pakistan’s"), "pakistan s");
        assert_eq!(key("U.S.-backed"), "u s backed");
        assert_eq!(key("Türkiye"), "turkiye");
    }

    #[test]
    fn map_points_back_to_original_bytes() {
        let t = "Hi Türkiye’s army";
        let f = Folded::new(t, 10);
        let at = f.text.find("turkiye").unwrap();
        let (s, e) = f.original(at, at + 7);
        assert_eq!(&t[s - 10..e - 10], "Türkiye");
    }
}
