//! Building clean text out of runs of the raw text, keeping the alignment exact.

use sitrep_model::{Alignment, Segment};
use unicode_normalization::{IsNormalized, UnicodeNormalization, is_nfc_quick};

/// Characters that carry no text and break matching: soft hyphen, zero-width space and joiners
/// used as junk, word joiner, byte-order mark.
fn invisible(c: char) -> bool {
    matches!(c, '\u{00AD}' | '\u{200B}' | '\u{2060}' | '\u{FEFF}')
}

/// Appends copied runs and inserted separators, recording where each copied byte came from.
#[derive(Default)]
pub struct Builder {
    pub out: String,
    pub segments: Vec<Segment>,
}

impl Builder {
    /// Copy `raw[start..end]`, dropping invisible characters and normalising to NFC.
    pub fn copy(&mut self, raw: &str, start: usize, end: usize) {
        let slice = &raw[start..end];
        // Each invisible character's UTF-8 starts with one of these bytes: without them the
        // slice is one run (nearly always).
        if !slice.bytes().any(|b| matches!(b, 0xC2 | 0xE2 | 0xEF)) {
            self.copy_run(raw, start, end);
            return;
        }
        let mut run_start = start;
        for (i, c) in slice.char_indices() {
            let at = start + i;
            if invisible(c) {
                self.copy_run(raw, run_start, at);
                run_start = at + c.len_utf8();
            }
        }
        self.copy_run(raw, run_start, end);
    }

    fn copy_run(&mut self, raw: &str, start: usize, end: usize) {
        if start >= end {
            return;
        }
        let s = &raw[start..end];
        let clean = self.out.len();
        // ASCII is always in NFC.
        if s.is_ascii() || matches!(is_nfc_quick(s.chars()), IsNormalized::Yes) {
            self.out.push_str(s);
            self.segments.push(Segment { clean, raw: start, len: s.len() });
        } else {
            // Rare: composed form differs in length; map the whole run to its start.
            self.out.extend(s.nfc());
            self.segments.push(Segment { clean, raw: start, len: 0 });
        }
    }

    /// Insert text that is not in the raw input (a paragraph break, a joining space).
    pub fn insert(&mut self, s: &str) {
        self.out.push_str(s);
    }

    pub fn len(&self) -> usize {
        self.out.len()
    }

    pub fn is_empty(&self) -> bool {
        self.out.is_empty()
    }

    pub fn finish(self) -> (String, Alignment) {
        (self.out, Alignment { segments: self.segments })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn invisible_characters_are_dropped_and_alignment_kept() {
        let raw = "ab\u{00AD}cd\u{200B}e";
        let mut b = Builder::default();
        b.copy(raw, 0, raw.len());
        b.insert("\n\n");
        b.copy(raw, 0, 2);
        let (text, al) = b.finish();
        assert_eq!(text, "abcde\n\nab");
        assert_eq!(al.to_raw(2), 4); // 'c' sits after the 2-byte soft hyphen
        assert_eq!(&raw[al.to_raw(4)..al.to_raw(4) + 1], "e");
        assert_eq!(al.to_raw(7), 0);
    }

    #[test]
    fn invisible_characters_start_with_the_screened_bytes() {
        for c in ['\u{00AD}', '\u{200B}', '\u{2060}', '\u{FEFF}'] {
            assert!(invisible(c));
            let mut b = [0u8; 4];
            assert!(matches!(c.encode_utf8(&mut b).as_bytes()[0], 0xC2 | 0xE2 | 0xEF), "{c:?}");
        }
    }

    #[test]
    fn decomposed_text_is_composed() {
        let raw = "Cafe\u{0301} here";
        let mut b = Builder::default();
        b.copy(raw, 0, raw.len());
        assert_eq!(b.out, "Caf\u{e9} here");
    }
}
