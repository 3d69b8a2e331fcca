//! Importing PETRARCH/TABARI verb dictionaries into `verbs.yaml` rows.
//!
//! The format: `&NAME` synonym sets with `+MEMBER` lines; verb blocks opened by
//! `--- VERB [code] ---`, listing verbs (`BAN {BANS BANNED}`, the braces holding irregular forms,
//! which our inflection makes itself), multi-word verbs (`+ANGERED_BY`, `KLM_NOP_+RST`: the `+`
//! marks the verb word) and patterns `- WORDS * WORDS [code]` that apply to every verb of the
//! block, `*` standing for the verb, `_` joining words, `&NAME` for each member of a set, `$` the
//! source, `+` the target, `%` a compound actor, `(...)` and `{...}` grouping phrases. Codes are
//! `[042]`, `[042:043]` (the first applies) or non-CAMEO (WEIS codes, `---`, letter suffixes):
//! those are skipped and counted. The PLOVER type comes from `dictionaries/cameo-plover.yaml`.

use std::collections::{BTreeMap, HashMap, HashSet};

use serde::{Deserialize, Serialize};

/// Largest number of patterns one line may expand into through its synonym sets.
const MAX_EXPANSION: usize = 64;

/// One row of `verbs.yaml`.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct VerbRow {
    pub pattern: String,
    #[serde(rename = "type")]
    pub kind: String,
    pub mode: Option<String>,
    pub cameo: String,
    pub reverse: bool,
}

/// What an import did: counts, reasons for what was left out, errors naming file and line.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Report {
    pub read: usize,
    pub written: usize,
    pub skipped: BTreeMap<String, usize>,
    pub notes: BTreeMap<String, usize>,
    pub errors: Vec<String>,
}

impl Report {
    fn error(&mut self, file: &str, line: usize, message: &str) {
        let e = format!("{file}:{line}: {message}");
        if !self.errors.contains(&e) {
            self.errors.push(e);
        }
    }

    fn skip(&mut self, reason: &str) {
        *self.skipped.entry(reason.to_string()).or_default() += 1;
    }

    fn note(&mut self, what: &str) {
        *self.notes.entry(what.to_string()).or_default() += 1;
    }
}

#[derive(Debug, Deserialize)]
pub(super) struct MapRow {
    cameo: String,
    #[serde(rename = "type")]
    kind: String,
    mode: Option<String>,
}

/// CAMEO → PLOVER by longest listed prefix, and the set of real CAMEO codes.
pub struct CameoMap {
    rows: HashMap<String, (String, Option<String>)>,
    codes: HashSet<String>,
}

impl CameoMap {
    pub fn builtin() -> Result<CameoMap, super::LexiconError> {
        let rows: Vec<MapRow> = super::load::parse_built("dictionaries/cameo-plover.yaml", super::load::BUILTIN_CAMEO_PLOVER_JSON)?;
        let codes = super::load::builtin_cameo()?.into_keys().collect();
        Ok(CameoMap { rows: rows.into_iter().map(|r| (r.cameo, (r.kind, r.mode))).collect(), codes })
    }

    /// The PLOVER type and mode of a CAMEO code, or why it has none.
    pub fn plover(&self, code: &str) -> Result<(&str, Option<&str>), &'static str> {
        if matches!(code.chars().next(), Some('-' | '+' | '#')) || code.is_empty() {
            return Err("null code (---, +++)");
        }
        if code.chars().any(|c| c.is_ascii_alphabetic()) && code.chars().any(|c| c.is_ascii_digit()) {
            return Err("code with a letter suffix");
        }
        if !self.codes.contains(code) {
            return Err("not a CAMEO code (WEIS or unknown)");
        }
        (1..=code.len())
            .rev()
            .find_map(|n| self.rows.get(&code[..n]))
            .map(|(k, m)| (k.as_str(), m.as_deref()))
            .ok_or("CAMEO 01 public statement: no PLOVER type")
    }
}

/// A verb of a block: its words and which of them is the verb.
#[derive(Clone, Debug)]
struct Verb {
    line: usize,
    words: Vec<String>,
    code: Option<String>,
}

#[derive(Clone, Debug)]
struct PatternLine {
    line: usize,
    /// Words before and after the verb; a word is a plain word or a `&SET` reference.
    before: Vec<String>,
    after: Vec<String>,
    reverse: bool,
    code: Option<String>,
}

#[derive(Default)]
struct Block {
    code: Option<String>,
    verbs: Vec<Verb>,
    patterns: Vec<PatternLine>,
}

/// Reads verb files one after another and keeps the distinct rows.
pub struct Importer {
    map: CameoMap,
    rows: Vec<VerbRow>,
    seen: HashSet<(String, String, bool)>,
    pub report: Report,
}

impl Importer {
    pub fn new() -> Result<Importer, super::LexiconError> {
        Ok(Importer { map: CameoMap::builtin()?, rows: Vec::new(), seen: HashSet::new(), report: Report::default() })
    }

    pub fn finish(self) -> (Vec<VerbRow>, Report) {
        (self.rows, self.report)
    }

    pub fn add(&mut self, file: &str, text: &str) {
        let mut sets: HashMap<String, Vec<String>> = HashMap::new();
        let mut set: Option<String> = None;
        let mut block: Option<Block> = None;
        for (ln, line) in content_lines(text) {
            if line.starts_with("---") {
                set = None;
                if let Some(b) = block.take() {
                    self.emit(file, b, &sets);
                }
                let (_, codes) = split_brackets(&line);
                block = Some(Block { code: codes.first().map(|c| c.to_string()), ..Default::default() });
            } else if let Some(name) = line.strip_prefix('&') {
                let name = set_name(name);
                sets.entry(name.clone()).or_default();
                set = Some(name);
            } else if let (Some(member), Some(name)) = (line.strip_prefix('+'), set.as_ref()) {
                sets.get_mut(name).expect("opened").push(member.to_string());
            } else if let Some(rest) = line.strip_prefix('-') {
                set = None;
                self.report.read += 1;
                match (block.as_mut(), pattern_line(ln, rest)) {
                    (Some(b), Ok(p)) => b.patterns.push(p),
                    (None, _) => self.report.error(file, ln, "pattern outside a verb block"),
                    (_, Err(e)) => self.report.error(file, ln, e),
                }
            } else {
                set = None;
                self.report.read += 1;
                let Some(b) = block.as_mut() else {
                    self.report.error(file, ln, "verb outside a verb block");
                    continue;
                };
                let (head, codes) = split_brackets(&line);
                let head = head.split('{').next().unwrap_or_default();
                let words: Vec<String> = words_of(head.trim_start_matches('+'))
                    .into_iter()
                    .map(|w| w.trim_matches('+').to_string())
                    .filter(|w| !w.is_empty())
                    .collect();
                if words.is_empty() {
                    self.report.error(file, ln, "verb line without a verb");
                    continue;
                }
                b.verbs.push(Verb { line: ln, words, code: codes.first().map(|c| c.to_string()) });
            }
        }
        if let Some(b) = block.take() {
            self.emit(file, b, &sets);
        }
    }

    fn emit(&mut self, file: &str, b: Block, sets: &HashMap<String, Vec<String>>) {
        for v in &b.verbs {
            if let Some(coded) = self.code(v.code.as_ref().or(b.code.as_ref())) {
                self.push(file, v.line, &[], &v.words, &[], false, &coded, sets);
            }
        }
        for p in &b.patterns {
            if b.verbs.is_empty() {
                self.report.skip("pattern in a block without verbs");
                continue;
            }
            let Some(coded) = self.code(p.code.as_ref().or(b.code.as_ref())) else { continue };
            for v in &b.verbs {
                self.push(file, p.line, &p.before, &v.words, &p.after, p.reverse, &coded, sets);
            }
        }
    }

    /// The CAMEO code, PLOVER type and mode of a written code; a skip is counted when it has none.
    fn code(&mut self, raw: Option<&String>) -> Option<(String, String, Option<String>)> {
        let Some(raw) = raw else {
            self.report.skip("no code");
            return None;
        };
        // `[042:043]`: the first code (the second is the target's side); `[:173]` has only that.
        let code = raw.split(':').map(str::trim).find(|c| !c.is_empty()).unwrap_or("").to_ascii_uppercase();
        match self.map.plover(&code) {
            Ok((kind, mode)) => Some((code.clone(), kind.to_string(), mode.map(str::to_string))),
            Err(why) => {
                self.report.skip(why);
                None
            }
        }
    }

    #[allow(clippy::too_many_arguments)]
    fn push(
        &mut self,
        file: &str,
        line: usize,
        before: &[String],
        verb: &[String],
        after: &[String],
        reverse: bool,
        (code, kind, mode): &(String, String, Option<String>),
        sets: &HashMap<String, Vec<String>>,
    ) {
        let mut texts = Vec::new();
        for (part, gap) in [(before, false), (verb, !before.is_empty()), (after, !after.is_empty())] {
            let expanded = match expand(part, sets) {
                Ok(e) => e,
                Err(name) => {
                    self.report.error(file, line, &format!("unknown synonym set &{name}"));
                    return;
                }
            };
            texts.push((expanded, gap));
        }
        let mut patterns = vec![String::new()];
        for (alternatives, gap) in texts {
            if alternatives.is_empty() {
                continue;
            }
            let mut next = Vec::new();
            for p in &patterns {
                for a in &alternatives {
                    let sep = if p.is_empty() {
                        ""
                    } else if gap {
                        " * "
                    } else {
                        " "
                    };
                    next.push(format!("{p}{sep}{a}"));
                }
            }
            patterns = next;
        }
        if patterns.len() > MAX_EXPANSION {
            self.report.note("synonym-set expansions cut at 64 per pattern");
            patterns.truncate(MAX_EXPANSION);
        }
        for pattern in patterns {
            if self.seen.insert((pattern.clone(), code.clone(), reverse)) {
                self.report.written += 1;
                self.rows.push(VerbRow { pattern, kind: kind.clone(), mode: mode.clone(), cameo: code.clone(), reverse });
            }
        }
    }
}

/// `PREPOSIT1_` → `PREPOSIT1`: a set is referred to without its trailing underscore.
fn set_name(s: &str) -> String {
    s.trim().trim_end_matches('_').to_ascii_uppercase()
}

/// `NEW_&TIETYPES_RELATIONS` → `new`, `&TIETYPES`, `relations`; grouping brackets and `^` dropped.
fn words_of(s: &str) -> Vec<String> {
    s.replace('_', " ")
        .split_whitespace()
        .map(|w| w.trim_matches(|c| matches!(c, '(' | ')' | '{' | '}')))
        .filter(|w| !w.is_empty() && *w != "^")
        .map(|w| if let Some(name) = w.strip_prefix('&') { format!("&{}", set_name(name)) } else { w.to_lowercase() })
        .collect()
}

/// Every spelling of a word sequence with its set references replaced by each member.
fn expand(words: &[String], sets: &HashMap<String, Vec<String>>) -> Result<Vec<String>, String> {
    let mut out = vec![String::new()];
    for w in words {
        let alternatives = match w.strip_prefix('&') {
            Some(name) => {
                let members = sets.get(name).ok_or_else(|| name.to_string())?;
                let mut all = Vec::new();
                for m in members {
                    all.extend(expand(&words_of(m), sets)?);
                }
                all
            }
            None => vec![w.clone()],
        };
        let mut next = Vec::new();
        for p in &out {
            for a in &alternatives {
                next.push(if p.is_empty() { a.clone() } else { format!("{p} {a}") });
            }
            if next.len() > MAX_EXPANSION * 4 {
                break;
            }
        }
        out = next;
    }
    out.retain(|p| !p.is_empty());
    Ok(out)
}

/// `- SAID * TO ATTEND [082] # note` (the leading `-` already removed).
fn pattern_line(line: usize, rest: &str) -> Result<PatternLine, &'static str> {
    let (head, codes) = split_brackets(rest);
    let mut before = Vec::new();
    let mut after = Vec::new();
    let mut seen_verb = false;
    let mut reverse = false;
    for w in words_of(head) {
        // `*` may be glued: `IN_*` became `in`, `*`; markers may be glued too: `SUGGESTED_+`.
        let mut word = w.as_str();
        let marker = |c: &char| matches!(c, '$' | '+' | '%' | '*');
        while let Some(c) = word.chars().next().filter(marker).or_else(|| word.chars().last().filter(marker)) {
            match c {
                '*' if seen_verb => return Err("pattern with more than one verb position (*)"),
                '*' => seen_verb = true,
                // A source after the verb, or a target before it: the actor after the pattern is the source.
                '$' if seen_verb => reverse = true,
                '+' if !seen_verb => reverse = true,
                _ => {}
            }
            word = if word.starts_with(c) { &word[1..] } else { &word[..word.len() - 1] };
        }
        if !word.is_empty() {
            if seen_verb { after.push(word.to_string()) } else { before.push(word.to_string()) }
        }
    }
    if !seen_verb {
        return Err("pattern without a verb position (*)");
    }
    Ok(PatternLine { line, before, after, reverse, code: codes.first().map(|c| c.to_string()) })
}

fn split_brackets(line: &str) -> (&str, Vec<&str>) {
    let head_end = line.find('[').unwrap_or(line.len());
    let (head, mut rest) = line.split_at(head_end);
    let mut inside = Vec::new();
    while let Some(open) = rest.find('[') {
        let Some(close) = rest[open..].find(']') else { break };
        inside.push(rest[open + 1..open + close].trim());
        rest = &rest[open + close + 1..];
    }
    (head.trim(), inside)
}

/// Meaningful lines: `<!-- ... -->` (possibly over several lines) and `#` comments removed.
fn content_lines(text: &str) -> Vec<(usize, String)> {
    let mut out = Vec::new();
    let mut in_block = false;
    for (i, raw) in text.lines().enumerate() {
        let mut kept = String::new();
        let mut rest = raw;
        loop {
            if in_block {
                let Some(end) = rest.find("-->") else { break };
                rest = &rest[end + 3..];
                in_block = false;
            } else if let Some(start) = rest.find("<!") {
                kept.push_str(&rest[..start]);
                rest = &rest[start + 2..];
                in_block = true;
            } else {
                kept.push_str(rest);
                break;
            }
        }
        let line = kept.split('#').next().unwrap_or_default().trim();
        if !line.is_empty() {
            out.push((i + 1, line.to_string()));
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    const SAMPLE: &str = "\
<!-- sets -->
&TIES_
+MILITARY
+ECONOMIC_AND_TRADE

--- RESTORE  [064] ---
RESTORE {RESTORES RESTORED}
+BRING_BACK
- * DIPLOMATIC &TIES [064]  # comment
- * (TO POWER) $ [0841:0842]
- HALF_* [075A]
- * EFFORT [987]
- * &NOPE [064]

--- ABANDON [---] ---
ABANDON
- * TALKS [125]
- * * TWICE [125]
";

    fn run() -> (Vec<VerbRow>, Report) {
        let mut imp = Importer::new().unwrap();
        imp.add("v.txt", SAMPLE);
        imp.finish()
    }

    #[test]
    fn blocks_patterns_and_sets() {
        let (rows, _) = run();
        let got: Vec<(&str, &str, &str, bool)> =
            rows.iter().map(|r| (r.pattern.as_str(), r.kind.as_str(), r.cameo.as_str(), r.reverse)).collect();
        assert_eq!(
            got,
            vec![
                ("restore", "COOPERATE", "064", false),
                ("bring back", "COOPERATE", "064", false),
                ("restore * diplomatic military", "COOPERATE", "064", false),
                ("restore * diplomatic economic and trade", "COOPERATE", "064", false),
                ("bring back * diplomatic military", "COOPERATE", "064", false),
                ("bring back * diplomatic economic and trade", "COOPERATE", "064", false),
                ("restore * to power", "RETREAT", "0841", true),
                ("bring back * to power", "RETREAT", "0841", true),
                ("abandon * talks", "REJECT", "125", false),
            ]
        );
        assert_eq!(rows[6].mode.as_deref(), Some("release"));
    }

    #[test]
    fn skips_and_errors_are_counted() {
        let (_, r) = run();
        assert_eq!(r.skipped.get("code with a letter suffix"), Some(&1));
        assert_eq!(r.skipped.get("not a CAMEO code (WEIS or unknown)"), Some(&1));
        assert_eq!(r.skipped.get("null code (---, +++)"), Some(&1));
        assert_eq!(
            r.errors,
            vec!["v.txt:13: unknown synonym set &NOPE".to_string(), "v.txt:18: pattern with more than one verb position (*)".to_string()]
        );
        assert_eq!(r.read, 10);
        assert_eq!(r.written, 9);
    }

    #[test]
    fn cameo_to_plover() {
        let m = CameoMap::builtin().unwrap();
        assert_eq!(m.plover("0874"), Ok(("RETREAT", Some("withdraw"))));
        assert_eq!(m.plover("195"), Ok(("ASSAULT", Some("aerial"))));
        assert_eq!(m.plover("163"), Ok(("SANCTION", None)));
        assert_eq!(m.plover("010").map(|x| x.0), Err("CAMEO 01 public statement: no PLOVER type"));
        assert!(m.plover("901").is_err());
    }

    #[test]
    fn rows_read_back_as_verbs_yaml() {
        let (rows, _) = run();
        let yaml = serde_yaml_ng::to_string(&rows).unwrap();
        let back: Vec<super::super::load::PatternRow> = serde_yaml_ng::from_str(&yaml).unwrap();
        assert_eq!(back.len(), rows.len());
        assert!(back[6].reverse && back[6].kind == "RETREAT" && back[6].mode.as_deref() == Some("release"));
    }
}
