//! PETRARCH actor dictionaries: a name line (`HAMAS [PSEREBHMS]`), `+SYNONYM` lines, and codes
//! on the name line or on lines of their own (`[PAKGOVMIL 991014-021123]`). Names written before
//! any code share the code that follows (`U.N._` then `UN_SECRETARY_GENERAL ... [IGOUNO]`).

use super::Report;
use super::code::{self, Code};
use super::lines::content_lines;

/// One actor entry as written: its names (the first is the main one) and its usable codes.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct ActorEntry {
    pub line: usize,
    pub names: Vec<String>,
    pub codes: Vec<Code>,
    /// Why codes were dropped, when some were.
    pub dropped: Vec<&'static str>,
}

/// `RADAGAST THE_BROWN` → `RADAGAST THE BROWN`.
pub fn clean_name(raw: &str) -> String {
    raw.replace('_', " ").split_whitespace().collect::<Vec<_>>().join(" ")
}

/// Split `NAME [A] [B]` into the text before the first bracket and the bracket contents.
pub(super) fn split_brackets(line: &str) -> Result<(&str, Vec<&str>), &'static str> {
    let head_end = line.find('[').unwrap_or(line.len());
    let (head, mut rest) = line.split_at(head_end);
    let mut inside = Vec::new();
    while let Some(open) = rest.find('[') {
        let Some(close) = rest[open..].find(']') else { return Err("unclosed [") };
        inside.push(&rest[open + 1..open + close]);
        rest = &rest[open + close + 1..];
    }
    Ok((head.trim(), inside))
}

pub fn parse(file: &str, text: &str, report: &mut Report) -> Vec<ActorEntry> {
    let mut out = Vec::new();
    let mut current: Option<ActorEntry> = None;
    for (ln, line) in content_lines(text) {
        let (head, brackets) = match split_brackets(&line) {
            Ok(x) => x,
            Err(e) => {
                report.error(file, ln, e);
                continue;
            }
        };
        if let Some(alias) = head.strip_prefix('+') {
            match current.as_mut() {
                Some(c) => c.names.push(clean_name(alias)),
                None => report.error(file, ln, "synonym (+) before any actor"),
            }
        } else if !head.is_empty() {
            match current.as_mut() {
                // Names without a code yet are synonyms of what follows.
                Some(c) if c.codes.is_empty() && c.dropped.is_empty() => c.names.push(clean_name(head)),
                _ => {
                    out.extend(current.take());
                    current = Some(ActorEntry { line: ln, names: vec![clean_name(head)], ..Default::default() });
                }
            }
        } else if current.is_none() {
            report.error(file, ln, "code before any actor");
            continue;
        }
        if let Some(c) = current.as_mut() {
            for b in brackets {
                match code::parse(b) {
                    Ok(code) => c.codes.push(code),
                    Err(why) => c.dropped.push(why),
                }
            }
        }
    }
    out.extend(current);
    for e in &mut out {
        e.names.retain(|n| !n.is_empty());
    }
    report.read += out.len();
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    const SAMPLE: &str = "\
<!-- test actors -->
HAMAS [PSEREBHMS]
GOLLUM  # a comment
+SMEAGOL
\t[HOB < 950601]
\t[HOBGOV 19950601 - 19990815]
U.N._
UN_SECRETARY_GENERAL
+UNSG
\t[IGOUNO]
BOROMIR  [---]
+ORPHAN [X
";

    #[test]
    fn entries_aliases_and_shared_codes() {
        let mut r = Report::default();
        let got = parse("a.txt", SAMPLE, &mut r);
        assert_eq!(got.len(), 4);
        assert_eq!(got[0].names, vec!["HAMAS"]);
        assert_eq!(got[0].codes[0].agents, vec!["REB", "HMS"]);
        assert_eq!(got[1].names, vec!["GOLLUM", "SMEAGOL"]);
        assert_eq!(got[1].codes.len(), 2);
        assert_eq!(got[2].names, vec!["U.N.", "UN SECRETARY GENERAL", "UNSG"]);
        assert!(got[3].codes.is_empty());
        assert_eq!(got[3].dropped, vec!["null code (---, +++, ###)"]);
        assert_eq!(r.read, 4);
        assert_eq!(r.errors, vec!["a.txt:12: unclosed [".to_string()]);
    }
}
