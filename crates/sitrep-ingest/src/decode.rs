//! Bytes to text, refusing what is not text.

/// Decode a document's bytes as UTF-8 (a BOM is dropped). Binary data, invalid UTF-8 and
/// documents with no visible text are refused with a reason a person can act on.
pub fn text(bytes: &[u8]) -> Result<String, String> {
    let bytes = bytes.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(bytes);
    if bytes.iter().take(8192).any(|&b| b == 0) {
        return Err("binary file (NUL bytes), not text".into());
    }
    let text = match std::str::from_utf8(bytes) {
        Ok(t) => t,
        Err(e) => {
            let at = e.valid_up_to();
            let line = bytes[..at].iter().filter(|&&b| b == b'\n').count() + 1;
            return Err(format!("invalid UTF-8 at byte {at} (line {line})"));
        }
    };
    if text.trim().is_empty() {
        return Err("empty document".into());
    }
    Ok(text.to_string())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn refuses_binary_invalid_and_empty() {
        assert!(text(b"\x00\x01\x02").unwrap_err().contains("binary"));
        let e = text(b"ok\nthen \xff here").unwrap_err();
        assert!(e.contains("byte 8") && e.contains("line 2"), "{e}");
        assert!(text(b"  \n\t ").unwrap_err().contains("empty"));
        assert_eq!(text(b"\xEF\xBB\xBFhello").unwrap(), "hello");
    }
}
