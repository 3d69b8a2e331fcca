//! Sentences and tokens with byte offsets.
//!
//! Sentence ends are found by rule: final punctuation followed by a space and a capital, unless
//! the word before is a title ("Lt. Gen. Malik", "Mr. Tour"), an initial ("A. K. Singh"), a
//! number marker before a digit ("No. 3", "Jan. 5") or a dotted acronym before a name
//! ("the U.S. Army", "J.R.R. Tolkien"; but "the U.S. The E.U. followed" ends), a time before a day
//! or zone ("5 p.m. Tuesday") or a list number ("1. Withdraw troops"). Paragraph ends always end
//! a sentence, so headlines need no full stop. `tests/sentences.rs` holds the hard cases.

use sitrep_model::Span;

/// Words after which a full stop never ends a sentence.
const TITLES: &[&str] = &[
    "mr", "mrs", "ms", "dr", "prof", "gen", "lt", "col", "maj", "capt", "cpt", "sgt", "cpl", "pvt", "adm", "brig", "cmdr", "gov", "sen",
    "rep", "rev", "fr", "st", "mt", "ft", "hon", "pres", "amb", "supt", "insp", "det", "gen", "messrs", "mme", "retd", "rtd", "vs", "v",
    "approx", "dept", "est", "fig", "univ", "e.g", "i.e", "cf", "viz", "incl",
];

/// Words after which a full stop ends a sentence only when no number follows.
const BEFORE_NUMBER: &[&str] = &[
    "no", "nos", "vol", "art", "para", "p", "pp", "jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep", "sept", "oct", "nov", "dec",
    "ch", "sec", "rs", "figs", "tel",
];

/// Words that open a sentence: after a dotted acronym ("the U.S. The E.U. followed") they show
/// that the acronym ended the sentence before.
const OPENERS: &[&str] = &[
    "the",
    "a",
    "an",
    "he",
    "she",
    "it",
    "they",
    "we",
    "i",
    "you",
    "this",
    "that",
    "these",
    "those",
    "there",
    "but",
    "and",
    "in",
    "on",
    "at",
    "his",
    "her",
    "its",
    "their",
    "our",
    "some",
    "many",
    "no",
    "if",
    "when",
    "after",
    "as",
    "meanwhile",
    "however",
];

/// What may follow "a.m." or "p.m." inside a sentence besides a weekday ("5 p.m. Tuesday",
/// "4 a.m. GMT").
const AFTER_TIME: &[&str] = &["gmt", "utc", "et", "est", "edt", "pt", "pst", "cet", "ist", "pkt", "local"];

/// Words that can follow a dotted acronym inside a sentence ("the U.S. Army").
const AFTER_ACRONYM: &[&str] = &[
    "army",
    "navy",
    "air",
    "embassy",
    "senate",
    "congress",
    "president",
    "secretary",
    "state",
    "department",
    "treasury",
    "ambassador",
    "marine",
    "marines",
    "forces",
    "government",
    "special",
    "central",
    "command",
    "defense",
    "defence",
    "house",
    "supreme",
    "court",
    "capitol",
    "military",
    "envoy",
    "general",
    "national",
    "governments",
    "police",
];

/// Sentence spans of `text`, inside each paragraph span.
pub fn sentences(text: &str, paragraphs: &[Span]) -> Vec<Span> {
    let mut out = Vec::new();
    for p in paragraphs {
        split_paragraph(text, *p, &mut out);
    }
    out
}

fn split_paragraph(text: &str, para: Span, out: &mut Vec<Span>) {
    let bytes = text.as_bytes();
    let mut start = para.start;
    let mut i = para.start;
    while i < para.end {
        // Only a mark or an ellipsis's first byte can end a sentence: straight to the next.
        match bytes[i..para.end].iter().position(|&b| matches!(b, b'.' | b'!' | b'?' | 0xE2)) {
            Some(k) => i += k,
            None => break,
        }
        let c = bytes[i];
        let ellipsis = c == 0xE2 && text.is_char_boundary(i) && text[i..].starts_with('…');
        if !matches!(c, b'.' | b'!' | b'?') && !ellipsis {
            i += 1;
            continue;
        }
        let mark = i;
        // Take in repeated marks and closing quotes or brackets.
        let mut end = i + text[i..].chars().next().map_or(1, char::len_utf8);
        while end < para.end {
            let ch = text[end..].chars().next().unwrap();
            if matches!(ch, '.' | '!' | '?' | '"' | '\'' | '”' | '’' | ')' | ']' | '…') {
                end += ch.len_utf8();
            } else {
                break;
            }
        }
        i = end;
        if end >= para.end {
            break;
        }
        let rest = &text[end..para.end];
        let gap = rest.len() - rest.trim_start().len();
        if gap == 0 {
            continue; // "U.S.-backed", "3.5", "Afghanistan.Tensions" glued words stay
        }
        let next = rest.trim_start();
        let Some(first) = next.chars().next() else { break };
        if !(first.is_uppercase() || first.is_ascii_digit() || matches!(first, '"' | '“' | '‘' | '\'' | '(' | '[')) {
            continue;
        }
        if c == b'.' && !ends_here(text, start, mark, next) {
            continue;
        }
        push_trimmed(text, start, end, out);
        start = end + gap;
    }
    push_trimmed(text, start, para.end, out);
}

/// Whether the full stop at `dot` ends a sentence, given the text after it.
fn ends_here(text: &str, start: usize, dot: usize, next: &str) -> bool {
    let before = &text[start..dot];
    let word = before.rsplit(char::is_whitespace).next().unwrap_or("");
    // Opening brackets and quotes are not part of the word ("(retd.", "[p.").
    let word = word.trim_start_matches(|c: char| !c.is_alphanumeric());
    let lower = word.to_lowercase();
    // A list number opening the sentence ("1. Withdraw troops.").
    if !word.is_empty() && word.len() <= 3 && word.bytes().all(|b| b.is_ascii_digit()) && before.trim() == word {
        return false;
    }
    if matches!(lower.as_str(), "a.m" | "p.m") {
        let next = next_word_lower(next);
        return !(AFTER_TIME.contains(&next.as_str()) || sitrep_model::calendar::is_weekday(&next));
    }
    let next_word = next_word_lower(next);
    let next_is_number = next.starts_with(|c: char| c.is_ascii_digit());
    if TITLES.contains(&lower.as_str()) {
        return false;
    }
    if BEFORE_NUMBER.contains(&lower.as_str()) && next_is_number {
        return false;
    }
    // An initial: one capital letter ("A. K. Singh"), also after another initial ("A.K.").
    let letters: Vec<char> = word.chars().filter(|c| c.is_alphabetic()).collect();
    if letters.len() == 1 && letters[0].is_uppercase() {
        return false;
    }
    // A dotted acronym ("U.S", "U.K"): the sentence goes on before a name it modifies.
    if word.contains('.') && letters.iter().all(|c| c.is_uppercase()) {
        if OPENERS.contains(&next_word.as_str()) {
            return true;
        }
        let after = next.split_whitespace().nth(1).unwrap_or("");
        let name_follows = after.chars().next().is_some_and(char::is_uppercase);
        if AFTER_ACRONYM.contains(&next_word.as_str()) || name_follows {
            return false;
        }
        // Initials or a place ("J.R.R. Tolkien", "Washington, D.C. Police") rather than a country
        // or body named with an article ("the U.K. Officials said").
        let prev = before[..before.len() - word.len()].split_whitespace().next_back().unwrap_or("");
        let prev = prev.trim_matches(|c: char| !c.is_alphanumeric()).to_lowercase();
        return matches!(prev.as_str(), "the" | "of" | "by" | "to" | "in" | "from" | "and" | "with");
    }
    true
}

fn next_word_lower(next: &str) -> String {
    next.chars().take_while(|c| c.is_alphanumeric()).collect::<String>().to_lowercase()
}

fn push_trimmed(text: &str, start: usize, end: usize, out: &mut Vec<Span>) {
    let s = &text[start..end];
    let lead = s.len() - s.trim_start().len();
    let trail = s.len() - s.trim_end().len();
    if start + lead < end - trail {
        out.push(Span::new(start + lead, end - trail));
    }
}

/// What a token is.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum TokenKind {
    Word,
    Number,
    Punct,
}

/// A token: a word (letters, inner apostrophes), a number, or one punctuation character.
/// Hyphens split words ("US-led" is "US", "-", "led") so phrases match whatever the hyphenation.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Token {
    pub start: usize,
    pub end: usize,
    pub kind: TokenKind,
}

impl Token {
    /// Inline: the other stages call this for nearly every token, from other crates.
    #[inline]
    pub fn text<'a>(&self, text: &'a str) -> &'a str {
        &text[self.start..self.end]
    }
}

/// Tokens of `text[span]`, with offsets into `text`.
pub fn tokens(text: &str, span: Span) -> Vec<Token> {
    let s = &text[span.start..span.end];
    // Byte positions, decoding a char only where it is not ASCII: this runs on every sentence
    // of every stage. About one token in five bytes.
    let at = |i: usize| -> Option<char> {
        let b = *s.as_bytes().get(i)?;
        if b.is_ascii() { Some(char::from(b)) } else { s[i..].chars().next() }
    };
    let mut out = Vec::with_capacity(s.len() / 5 + 1);
    let mut i = 0;
    while let Some(c) = at(i) {
        let start = i;
        i += c.len_utf8();
        if c.is_whitespace() {
            continue;
        }
        if !c.is_alphanumeric() {
            out.push(Token { start: span.start + start, end: span.start + i, kind: TokenKind::Punct });
            continue;
        }
        let mut numeric = c.is_ascii_digit();
        loop {
            // ASCII letters and digits, most of a word, a byte at a time without decoding.
            while let Some(&b) = s.as_bytes().get(i)
                && b.is_ascii_alphanumeric()
            {
                numeric &= b.is_ascii_digit();
                i += 1;
            }
            let Some(d) = at(i) else { break };
            if d.is_alphanumeric() {
                numeric &= d.is_ascii_digit();
            } else if matches!(d, '\'' | '’' | '.' | ',') {
                // inner apostrophe ("didn't"), decimal point or thousands separator ("3.5", "1,200")
                let after = at(i + d.len_utf8());
                let inner = match d {
                    '.' | ',' => numeric && after.is_some_and(|a| a.is_ascii_digit()),
                    _ => after.is_some_and(char::is_alphabetic),
                };
                if !inner {
                    break;
                }
            } else {
                break;
            }
            i += d.len_utf8();
        }
        let kind = if numeric { TokenKind::Number } else { TokenKind::Word };
        out.push(Token { start: span.start + start, end: span.start + i, kind });
    }
    out
}

/// "en" when the text reads as English (common function words), else unknown.
pub fn guess_language(text: &str) -> Option<String> {
    const EN: &[&str] = &["the", "and", "of", "to", "in", "is", "that", "was", "for", "with", "said", "on"];
    // The first 400 words split at whitespace as `split_whitespace` splits, walked byte by byte
    // (a character is decoded only outside ASCII); counted without lower-casing copies: only an
    // ASCII word lower-cases to one of these.
    let b = text.as_bytes();
    let n = b.len();
    // The character at `i` (not ASCII): whether it is whitespace, and its length.
    let wide = |i: usize| -> (bool, usize) {
        let c = text[i..].chars().next().expect("a character starts here");
        (c.is_whitespace(), c.len_utf8())
    };
    let space = |x: u8| matches!(x, b' ' | b'\t'..=b'\r');
    let (mut words, mut hits) = (0, 0);
    let mut i = 0;
    while words < 400 {
        while i < n {
            if b[i].is_ascii() {
                if !space(b[i]) {
                    break;
                }
                i += 1;
            } else {
                let (ws, len) = wide(i);
                if !ws {
                    break;
                }
                i += len;
            }
        }
        if i >= n {
            break;
        }
        let start = i;
        let mut ascii = true;
        while i < n {
            if b[i].is_ascii() {
                if space(b[i]) {
                    break;
                }
                i += 1;
            } else {
                let (ws, len) = wide(i);
                if ws {
                    break;
                }
                ascii = false;
                i += len;
            }
        }
        words += 1;
        let w = &b[start..i];
        hits += usize::from(ascii && w.len() <= 4 && EN.iter().any(|e| w.eq_ignore_ascii_case(e.as_bytes())));
    }
    (words >= 5 && hits * 10 >= words).then(|| "en".to_string())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn split(text: &str) -> Vec<&str> {
        sentences(text, &[Span::new(0, text.len())]).iter().map(|s| s.of(text)).collect()
    }

    #[test]
    fn news_abbreviations_do_not_end_sentences() {
        assert_eq!(
            split("According to the office, Lt. Gen. Malik met President Rahmon. Mr. Tour said so."),
            ["According to the office, Lt. Gen. Malik met President Rahmon.", "Mr. Tour said so."]
        );
        assert_eq!(split("The U.S.-backed government fell. It was 2021."), ["The U.S.-backed government fell.", "It was 2021."]);
        assert_eq!(split("Talks began on Jan. 5 in Doha. No. 3 was next."), ["Talks began on Jan. 5 in Doha.", "No. 3 was next."]);
        assert_eq!(split("Maj. Gen. (retd.) A. K. Singh spoke."), ["Maj. Gen. (retd.) A. K. Singh spoke."]);
        assert_eq!(
            split("They flew to the U.K. Officials said it was planned."),
            ["They flew to the U.K.", "Officials said it was planned."]
        );
        assert_eq!(split("The U.S. Army left. \"We are done,\" he said."), ["The U.S. Army left.", "\"We are done,\" he said."]);
        assert_eq!(split("Is it over? \"No!\" She left."), ["Is it over?", "\"No!\"", "She left."]);
    }

    #[test]
    fn language_counts_words_as_split_whitespace_does() {
        let reference = |text: &str| {
            const EN: &[&str] = &["the", "and", "of", "to", "in", "is", "that", "was", "for", "with", "said", "on"];
            let (mut words, mut hits) = (0, 0);
            for w in text.split_whitespace().take(400) {
                words += 1;
                hits += usize::from(w.is_ascii() && EN.iter().any(|e| w.eq_ignore_ascii_case(e)));
            }
            (words >= 5 && hits * 10 >= words).then(|| "en".to_string())
        };
        let long = "The army said on Monday ".repeat(120);
        let mixed = "Le\u{a0}the\u{2003}and\u{3000}of\u{85}to in\x0bis\x0cthat\rwas for\twith\nsaid on ".repeat(3);
        for t in [
            "",
            "the and of",
            "The AND of to in is",
            "héllo the the the the",
            " \u{a0}the and of to in ",
            &long,
            &mixed,
            "x y z w v u t s r q p the",
        ] {
            assert_eq!(guess_language(t), reference(t), "{t:?}");
        }
        assert_eq!(guess_language(&mixed).as_deref(), Some("en"));
    }

    #[test]
    fn tokens_split_words_numbers_and_punctuation() {
        let t = "US-led forces didn't fire 1,200 rounds.";
        let toks: Vec<&str> = tokens(t, Span::new(0, t.len())).iter().map(|k| k.text(t)).collect();
        assert_eq!(toks, ["US", "-", "led", "forces", "didn't", "fire", "1,200", "rounds", "."]);
    }
}
