//! Bytes to text, refusing what is not text.
//!
//! A byte-order mark decides first (UTF-8, UTF-16); then a declared charset (an HTTP header or
//! an HTML `<meta charset>`); then UTF-8 when the bytes are valid UTF-8; and otherwise
//! Windows-1252, the usual encoding of old Western pages and text files (Latin-1 is a subset
//! of it for printable text). Binary data is refused whatever the declaration.

use encoding_rs::{Encoding, UTF_8, WINDOWS_1252};

/// Whether the bytes look like binary data rather than text: NUL bytes, or many control
/// characters other than tab, newline, carriage return and form feed.
fn binary(bytes: &[u8]) -> Option<String> {
    let head = &bytes[..bytes.len().min(8192)];
    if head.contains(&0) {
        return Some("binary file (NUL bytes), not text".into());
    }
    let controls = head.iter().filter(|&&b| b < 0x20 && !matches!(b, b'\t' | b'\n' | b'\r' | 0x0c | 0x1b)).count();
    if controls * 20 > head.len().max(1) {
        return Some(format!("binary file ({controls} control bytes in the first {}), not text", head.len()));
    }
    None
}

/// Why bytes that are not UTF-8 and declare no charset are not Western text either, if they
/// are not. Windows-1252 text is mostly ASCII letters with an accented one here and there; more
/// bytes above 0x7F than ASCII letters is binary data without NULs, or text in a legacy encoding
/// (Cyrillic, Greek, Japanese) that reading as Windows-1252 would turn into gibberish.
fn not_western(bytes: &[u8]) -> Option<String> {
    let head = &bytes[..bytes.len().min(8192)];
    let high = head.iter().filter(|&&b| b >= 0x80).count();
    let letters = head.iter().filter(|b| b.is_ascii_alphabetic()).count();
    (high > letters).then(|| {
        format!(
            "not text: not UTF-8, and {high} of the first {} bytes are not ASCII (binary data, or text in a legacy encoding that \
             is not declared: declare its charset or convert it to UTF-8)",
            head.len()
        )
    })
}

/// The charset an HTML page declares in its first bytes (`<meta charset=...>` or the
/// `http-equiv` form), if encoding_rs knows it.
pub fn html_charset(bytes: &[u8]) -> Option<&'static Encoding> {
    let head = &bytes[..bytes.len().min(4096)];
    let lower: Vec<u8> = head.iter().map(u8::to_ascii_lowercase).collect();
    let mut from = 0;
    while let Some(off) = find(&lower[from..], b"charset=") {
        let at = from + off + b"charset=".len();
        let rest = &lower[at..];
        let rest = rest.strip_prefix(b"\"").or_else(|| rest.strip_prefix(b"'")).unwrap_or(rest);
        let end = rest.iter().position(|&b| !(b.is_ascii_alphanumeric() || matches!(b, b'-' | b'_' | b':' | b'.'))).unwrap_or(rest.len());
        if let Some(enc) = Encoding::for_label(&rest[..end]) {
            return Some(enc);
        }
        from = at;
    }
    None
}

fn find(hay: &[u8], needle: &[u8]) -> Option<usize> {
    hay.windows(needle.len()).position(|w| w == needle)
}

/// Decode `bytes` to text. `declared` is a charset from the container (an HTTP header);
/// `html` says to look for a `<meta charset>` as well. Returns the text and the encoding used.
pub fn decode(bytes: &[u8], declared: Option<&'static Encoding>, html: bool) -> Result<(String, &'static Encoding), String> {
    let (encoding, bytes) = match Encoding::for_bom(bytes) {
        Some((enc, bom)) => (Some(enc), &bytes[bom..]),
        None => (None, bytes),
    };
    // UTF-16 text is full of NUL bytes: only check for binary data in 8-bit encodings.
    if encoding.is_none_or(|e| e == UTF_8)
        && let Some(why) = binary(bytes)
    {
        return Err(why);
    }
    let encoding = encoding.or(declared).or_else(|| if html { html_charset(bytes) } else { None });
    let encoding = match encoding {
        // A page that declares UTF-8 but is not: read it as Windows-1252 rather than lose it.
        Some(e) if e == UTF_8 && std::str::from_utf8(bytes).is_err() => WINDOWS_1252,
        Some(e) => e,
        None if std::str::from_utf8(bytes).is_ok() => UTF_8,
        None => {
            if let Some(why) = not_western(bytes) {
                return Err(why);
            }
            WINDOWS_1252
        }
    };
    let (text, _) = encoding.decode_without_bom_handling(bytes);
    let text = text.into_owned();
    if text.trim().is_empty() {
        return Err("empty document".into());
    }
    Ok((text, encoding))
}

/// Decode a document's bytes (see [`decode`]) with no declared charset.
#[cfg(test)]
fn text(bytes: &[u8]) -> Result<String, String> {
    decode(bytes, None, false).map(|(t, _)| t)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn refuses_binary_and_empty() {
        assert!(text(b"\x00\x01\x02").unwrap_err().contains("binary"));
        assert!(text(b"\x01\x02\x03\x04\x05\x06 ab").unwrap_err().contains("binary"));
        assert!(text(b"  \n\t ").unwrap_err().contains("empty"));
    }

    #[test]
    fn boms_utf8_and_windows_1252() {
        assert_eq!(text(b"\xEF\xBB\xBFhello").unwrap(), "hello");
        assert_eq!(text(b"\xFF\xFEh\x00i\x00").unwrap(), "hi");
        assert_eq!(text("café".as_bytes()).unwrap(), "café");
        // Windows-1252: curly quotes and an e acute, not valid UTF-8.
        assert_eq!(text(b"\x93caf\xe9\x94 \x96 ok").unwrap(), "\u{201c}caf\u{e9}\u{201d} \u{2013} ok");
    }

    #[test]
    fn undeclared_bytes_that_are_neither_utf8_nor_western_are_refused() {
        // High bytes only, no NUL: what a compressed or image file can look like at its start.
        let noise: Vec<u8> = (0..2000u32).map(|i| 0x80 | (i.wrapping_mul(2_654_435_761) >> 24) as u8).collect();
        assert!(text(&noise).unwrap_err().contains("not UTF-8"));
        // Russian in Windows-1251 without a declaration: refused rather than read as gibberish.
        assert!(text(b"\xcc\xee\xf1\xea\xe2\xe0 \xe8 \xca\xe8\xe5\xe2").unwrap_err().contains("legacy encoding"));
        // The same bytes declared are read.
        let page = b"<meta charset=windows-1251><p>\xcc\xee\xf1\xea\xe2\xe0</p>";
        assert!(decode(page, None, true).unwrap().0.contains("\u{41c}\u{43e}\u{441}\u{43a}\u{432}\u{430}"));
        // French in Windows-1252: a few accented letters among many ASCII ones.
        assert_eq!(text(b"L'arm\xe9e a \xe9t\xe9 d\xe9ploy\xe9e").unwrap(), "L'arm\u{e9}e a \u{e9}t\u{e9} d\u{e9}ploy\u{e9}e");
    }

    #[test]
    fn html_meta_charset_is_honoured() {
        let page = b"<html><head><meta charset=\"iso-8859-2\"></head><body>\xb3\xf3d\xbc</body></html>";
        let (t, enc) = decode(page, None, true).unwrap();
        assert_eq!(enc.name(), "ISO-8859-2");
        assert!(t.contains("łódź"), "{t}");
        let page = b"<meta http-equiv=\"Content-Type\" content=\"text/html; charset=windows-1251\"><p>\xcc\xee\xf1\xea\xe2\xe0</p>";
        assert!(decode(page, None, true).unwrap().0.contains("Москва"));
    }
}
