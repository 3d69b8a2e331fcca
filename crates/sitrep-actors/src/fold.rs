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
    /// The ends of the ranges that are not a byte's own (`start + 1`, an ASCII letter or digit)
    /// or empty (a space): the bytes transliterated from a character outside ASCII, in order.
    /// Every sentence is folded, nearly all of it ASCII: one list written per byte, not two.
    wide_ends: Vec<(usize, usize)>,
}

fn separator(c: char) -> bool {
    c.is_whitespace() || matches!(c, '-' | '‐' | '‑' | '–' | '—' | '\'' | '’' | '‘' | '`' | '.' | '_' | '/')
}

/// Write one folded byte and the original span it stands for (a space stands for none: `s..s`).
#[inline]
fn emit(out: &mut Vec<u8>, starts: &mut Vec<usize>, wide_ends: &mut Vec<(usize, usize)>, b: u8, s: usize, e: usize) {
    out.push(b);
    starts.push(s);
    if e != s + usize::from(b != b' ') {
        wide_ends.push((out.len() - 1, e));
    }
}

impl Folded {
    /// Fold `text[offset..]`-relative content; the map gives offsets into `text` plus `base`.
    pub fn new(text: &str, base: usize) -> Folded {
        let n = text.len();
        let mut out: Vec<u8> = Vec::with_capacity(n);
        let mut starts = Vec::with_capacity(n);
        let mut wide_ends = Vec::new();
        let mut pending_space = false;
        let bytes = text.as_bytes();
        let mut i = 0;
        while i < n {
            let b = bytes[i];
            let s = base + i;
            // ASCII (nearly every character) folds byte by byte: a letter or digit is kept
            // lower-cased, anything else separates words.
            if b.is_ascii() {
                i += 1;
                if !b.is_ascii_alphanumeric() {
                    pending_space = !out.is_empty();
                    continue;
                }
                if std::mem::take(&mut pending_space) {
                    emit(&mut out, &mut starts, &mut wide_ends, b' ', s, s);
                }
                emit(&mut out, &mut starts, &mut wide_ends, b.to_ascii_lowercase(), s, s + 1);
                continue;
            }
            let c = text[i..].chars().next().expect("a character starts here");
            i += c.len_utf8();
            let e = base + i;
            if separator(c) {
                pending_space = !out.is_empty();
                continue;
            }
            let piece: String = if c.is_alphanumeric() {
                deunicode::deunicode_char(c).unwrap_or("").to_lowercase().chars().filter(char::is_ascii_alphanumeric).collect()
            } else {
                String::new()
            };
            if piece.is_empty() {
                pending_space = !out.is_empty();
                continue;
            }
            if std::mem::take(&mut pending_space) {
                emit(&mut out, &mut starts, &mut wide_ends, b' ', s, s);
            }
            for ch in piece.bytes() {
                emit(&mut out, &mut starts, &mut wide_ends, ch, s, e);
            }
        }
        // Only ASCII letters, digits and spaces were written.
        let text = String::from_utf8(out).expect("folded text is ASCII");
        Folded { text, starts, wide_ends }
    }

    /// Original byte range of folded range `[start, end)`.
    pub fn original(&self, start: usize, end: usize) -> (usize, usize) {
        let last = end - 1;
        let e = match self.wide_ends.binary_search_by_key(&last, |&(k, _)| k) {
            Ok(w) => self.wide_ends[w].1,
            Err(_) => self.starts[last] + usize::from(self.text.as_bytes()[last] != b' '),
        };
        (self.starts[start], e)
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
        // Every folded byte maps back to the one character it came from (a space to none).
        let t = "Ça—c'est «Straße» 北京 ü. A-1";
        let f = Folded::new(t, 3);
        for (k, b) in f.text.bytes().enumerate() {
            let (s, e) = f.original(k, k + 1);
            let c = &t[s - 3..e - 3];
            if b == b' ' {
                assert_eq!(s, e, "{k}");
            } else {
                assert_eq!(c.chars().count(), 1, "{k}: {c:?}");
                assert!(key(c).contains(char::from(b)), "{k}: {c:?}");
            }
        }
    }
}
