//! Name keys: ASCII, lower case, punctuation to spaces, common abbreviations spelled out.

/// The key a place name is indexed and looked up by: "St. Louis" and "Saint-Louis" meet at
/// "saint louis", "Ḩalab" at "halab".
pub fn fold(name: &str) -> String {
    let mut out = String::new();
    fold_append(name, &mut out);
    out
}

/// [`fold`] appended to a buffer: the gazetteer table's half a million names are folded into
/// shared buffers at load, allocating only to transliterate non-ASCII names.
pub(crate) fn fold_append(name: &str, out: &mut String) {
    // One word of ASCII letters and digits (most words of a text, and most names): its key is
    // itself in lower case, spelled out if an abbreviation.
    if !name.is_empty() && name.bytes().all(|b| b.is_ascii_alphanumeric()) {
        let from = out.len();
        out.push_str(name);
        out[from..].make_ascii_lowercase();
        if let Some(spelled) = spelled_out(&out[from..]) {
            out.truncate(from);
            out.push_str(spelled);
        }
        return;
    }
    fold_words(name, out);
}

/// [`fold_append`] of any name: transliterated, split into words, each cleaned.
fn fold_words(name: &str, out: &mut String) {
    let ascii = deunicode::deunicode_with_tofu_cow(name, "[?]");
    let base = out.len();
    out.reserve(ascii.len());
    // Bytes, not chars: the transliteration is ASCII (and a byte of a multi-byte character
    // would separate words as the character does).
    for word in ascii.as_bytes().split(|&b| !b.is_ascii_alphanumeric() && b != b'\'').filter(|w| !w.is_empty()) {
        let start = word.iter().position(|&b| b != b'\'').unwrap_or(word.len());
        let end = word.iter().rposition(|&b| b != b'\'').map_or(start, |i| i + 1);
        let mut w = &word[start..end];
        if let [rest @ .., b'\'', b's' | b'S'] = w {
            w = rest;
        }
        let mark = out.len();
        if mark > base {
            out.push(' ');
        }
        let from = out.len();
        out.extend(w.iter().filter(|&&b| b != b'\'').map(|&b| char::from(b.to_ascii_lowercase())));
        let spelled = match &out[from..] {
            "" => {
                out.truncate(mark);
                continue;
            }
            w => match spelled_out(w) {
                Some(spelled) => spelled,
                None => continue,
            },
        };
        out.truncate(from);
        out.push_str(spelled);
    }
}

/// What a word (in lower case) abbreviates, if it is an abbreviation keys spell out.
#[inline]
fn spelled_out(word: &str) -> Option<&'static str> {
    match word {
        "st" => Some("saint"),
        "ste" => Some("sainte"),
        "mt" => Some("mount"),
        "ft" => Some("fort"),
        "pt" => Some("point"),
        _ => None,
    }
}

/// Whether `name` folds to `key` (a key: [`fold`]'s output). Most names a key is looked up
/// with are plain, ASCII words of letters and digits between single spaces and no abbreviation,
/// which fold to themselves in lower case: compared as they are, not folded (resolution asks it
/// of every candidate of a name, and folding them was a tenth of its cost).
pub(crate) fn folds_to(name: &str, key: &str) -> bool {
    // A key is such words: a name equal to it but for case is plain.
    name.eq_ignore_ascii_case(key) || (!plain(name) && fold(name) == key)
}

/// Whether a name is ASCII words of letters and digits between single spaces, none an abbreviation.
fn plain(name: &str) -> bool {
    name.split(' ').all(|w| {
        !w.is_empty() && w.bytes().all(|b| b.is_ascii_alphanumeric()) && !(w.len() <= 3 && spelled_out(&w.to_ascii_lowercase()).is_some())
    })
}

#[cfg(test)]
mod tests {
    use super::{fold, folds_to};

    #[test]
    fn folds_to_is_fold_compared() {
        let names = [
            "Paris",
            "PARIS",
            "New York",
            "New  York",
            " Paris",
            "Paris ",
            "St Louis",
            "ST. Louis",
            "Saint Louis",
            "Mt Hood",
            "Pt",
            "Stella",
            "Côte d'Ivoire",
            "O'Hare",
            "Gandhi's",
            "",
            "a1 b2",
            "Ft",
            "Fort",
        ];
        for name in names {
            for key in names.iter().map(|n| fold(n)).chain(["paris".into(), "new york".into(), "saint louis".into(), "".into()]) {
                assert_eq!(folds_to(name, &key), fold(name) == key, "{name:?} {key:?}");
            }
        }
    }

    #[test]
    fn folds_accents_punctuation_and_abbreviations() {
        assert_eq!(fold("St. Louis"), "saint louis");
        assert_eq!(fold("Saint-Louis"), "saint louis");
        assert_eq!(fold("Ḩalab"), "halab");
        assert_eq!(fold("  Mazar-i-Sharif "), "mazar i sharif");
        assert_eq!(fold("Côte d'Ivoire"), "cote divoire");
        assert_eq!(fold("Ste. Foy, Mt Hood"), "sainte foy mount hood");
        assert_eq!(fold("Gandhi's 'Ashram'"), "gandhi ashram");
        assert_eq!(fold("''"), "");
    }

    #[test]
    fn a_plain_word_folds_as_any_name_does() {
        for w in ["Paris", "PARIS", "St", "ST", "ste", "Mt", "FT", "pt", "Kabul2", "x", "9", "Pts", "Saint"] {
            let (mut fast, mut slow) = ("key ".to_string(), "key ".to_string());
            super::fold_append(w, &mut fast);
            super::fold_words(w, &mut slow);
            assert_eq!(fast, slow, "{w}");
        }
    }
}
