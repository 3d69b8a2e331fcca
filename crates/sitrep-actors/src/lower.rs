//! Lower-casing words without allocating where it changes nothing.
//!
//! Recognition and resolution compare nearly every token, lower-cased, with word lists; most
//! tokens are ASCII words without capitals, which are their own lower case.

use std::borrow::Cow;
use std::collections::HashSet;
use std::hash::{BuildHasherDefault, Hasher};

/// `s.to_lowercase()`, borrowed when that is `s` itself.
pub(crate) fn lower(s: &str) -> Cow<'_, str> {
    if s.bytes().all(|b| b.is_ascii() && !b.is_ascii_uppercase()) {
        Cow::Borrowed(s)
    } else if s.is_ascii() {
        Cow::Owned(s.to_ascii_lowercase())
    } else {
        Cow::Owned(s.to_lowercase())
    }
}

/// Calls `f` with `s.to_lowercase()`, made on the stack for a short ASCII word.
pub(crate) fn with_lower<R>(s: &str, f: impl FnOnce(&str) -> R) -> R {
    const MAX: usize = 32;
    if s.len() <= MAX && s.is_ascii() {
        let mut buf = [0u8; MAX];
        let b = &mut buf[..s.len()];
        b.copy_from_slice(s.as_bytes());
        b.make_ascii_lowercase();
        f(std::str::from_utf8(b).expect("ASCII stays UTF-8"))
    } else {
        f(&s.to_lowercase())
    }
}

/// Whether `w.to_lowercase()` is one of `words` (lower-case words), without allocating for ASCII.
///
/// Inline, so each call site's short constant list unrolls into a few length and byte compares:
/// resolution asks this of every token. A word equal to a lower-case word but for ASCII case
/// lower-cases to it; only a word outside ASCII needs `to_lowercase` (a non-ASCII letter may
/// lower-case to an ASCII one, as the Kelvin sign does to "k").
#[inline]
pub(crate) fn is_one_of(w: &str, words: &[&str]) -> bool {
    words.iter().any(|x| x.len() == w.len() && x.eq_ignore_ascii_case(w)) || (!w.is_ascii() && is_one_of_wide(w, words))
}

/// [`is_one_of`] for a list of ASCII words of at most `MAX` bytes without a "k" (articles,
/// pronouns): only an ASCII word as short lower-cases to one of them (the one character outside
/// ASCII that lower-cases into it is the Kelvin sign, to "k"), so longer words, most of a text,
/// are turned away by their length alone.
#[inline]
pub(crate) fn is_one_of_short<const MAX: usize>(w: &str, words: &[&str]) -> bool {
    debug_assert!(words.iter().all(|x| x.len() <= MAX && x.is_ascii() && !x.contains('k')));
    w.len() <= MAX && is_one_of(w, words)
}

#[cold]
fn is_one_of_wide(w: &str, words: &[&str]) -> bool {
    let l = w.to_lowercase();
    words.contains(&l.as_str())
}

/// FNV-1a: short words hash in a few instructions (the default hasher is built for untrusted keys;
/// these sets hold fixed word lists).
pub(crate) struct Fnv(u64);

impl Default for Fnv {
    fn default() -> Fnv {
        Fnv(0xcbf2_9ce4_8422_2325)
    }
}

impl Hasher for Fnv {
    fn finish(&self) -> u64 {
        self.0
    }

    fn write(&mut self, bytes: &[u8]) {
        let mut h = self.0;
        for &b in bytes {
            h ^= u64::from(b);
            h = h.wrapping_mul(0x0100_0000_01b3);
        }
        self.0 = h;
    }
}

/// A fixed word list asked about nearly every token: a hash set, not a walk of the list.
pub(crate) struct WordSet(HashSet<&'static str, BuildHasherDefault<Fnv>>);

impl WordSet {
    pub(crate) fn new(words: &[&'static str]) -> WordSet {
        WordSet(words.iter().copied().collect())
    }

    /// Whether the list holds `w` as it is.
    pub(crate) fn has(&self, w: &str) -> bool {
        self.0.contains(w)
    }

    /// Whether the list holds `w.to_lowercase()`.
    pub(crate) fn has_lower(&self, w: &str) -> bool {
        with_lower(w, |l| self.has(l))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn lower_is_to_lowercase() {
        for s in ["", "the", "The", "U.S.", "ΣΑΣ", "Türkiye", "İstanbul", "KABUL", "al-Qaeda's", "ǅ"] {
            assert_eq!(lower(s), s.to_lowercase(), "{s}");
        }
        assert!(matches!(lower("forces"), Cow::Borrowed(_)));
    }

    #[test]
    fn sets_hold_their_words() {
        let list = ["the", "a", "near", "über", "al-"];
        let set = WordSet::new(&list);
        for w in list {
            assert!(set.has(w) && set.has_lower(&w.to_uppercase()), "{w}");
        }
        for w in ["", "th", "thee", "Near", "uber", "al"] {
            assert!(!set.has(w), "{w}");
        }
        assert!(is_one_of("The", &["a", "the"]) && is_one_of("THE", &["the"]) && !is_one_of("then", &["the"]));
        assert!(is_one_of("ΣΑΣ", &["σας"]) && !is_one_of("Über", &["uber"]));
        for w in ["", "a", "A", "the", "THE", "then", "\u{212a}", "Ä", "ǅ", "HİM", "him", "hers"] {
            assert_eq!(is_one_of_short::<3>(w, &["the", "a", "him"]), is_one_of(w, &["the", "a", "him"]), "{w}");
        }
        assert!(is_one_of("\u{212a}", &["k"]) && is_one_of("ÜBER", &["über"]) && is_one_of("üBER", &["über"]));
        let long = "A".repeat(40);
        assert_eq!(with_lower(&long, str::to_string), long.to_lowercase());
        assert_eq!(with_lower("KaBuL", str::to_string), "kabul");
    }
}
