//! PETRARCH agent dictionaries: synonym sets (`!MINST! = MINISTER, MINISTRY`) and entries
//! `WORDS {PLURALS} [~CODE]`, where `!NAME!` inside a word stands for each member of the set
//! (`CONGRESS!PERSON!` → congressman, congresswoman, ...).

use std::collections::HashMap;

use super::Report;
use super::actors::{clean_name, split_brackets};
use super::lines::content_lines;

/// One agent entry: the sector words it gives and the sector code.
#[derive(Clone, Debug, PartialEq)]
pub struct AgentEntry {
    pub line: usize,
    pub words: Vec<String>,
    /// The first three letters of the code (`~GOVMED` → `GOV`).
    pub code: String,
}

pub fn parse(file: &str, text: &str, report: &mut Report) -> Vec<AgentEntry> {
    let mut sets: HashMap<String, Vec<String>> = HashMap::new();
    let mut out = Vec::new();
    for (ln, line) in content_lines(text) {
        if line.starts_with('!')
            && let Some((name, members)) = line.split_once('=')
        {
            let members = members.split(',').map(|m| m.trim().to_string()).filter(|m| !m.is_empty()).collect();
            sets.insert(name.trim().to_string(), members);
            continue;
        }
        report.read += 1;
        let (head, brackets) = match split_brackets(&line) {
            Ok(x) => x,
            Err(e) => {
                report.error(file, ln, e);
                continue;
            }
        };
        let Some(raw_code) = brackets.first() else {
            report.error(file, ln, "agent without a [~CODE]");
            continue;
        };
        let letters: String = raw_code.chars().filter(|c| !c.is_whitespace() && *c != '~').collect::<String>().to_ascii_uppercase();
        if letters.len() < 3 || !letters.chars().all(|c| c.is_ascii_uppercase()) {
            report.skip("agent code not three letters or more");
            continue;
        }
        if letters.len() > 3 {
            report.note("compound agent code: the first sector kept");
        }
        // `WORD {PLURAL FORMS}`: both are words of the sector; `{}` says "no plural".
        let (word, plurals) = match head.split_once('{') {
            Some((w, p)) => (w.trim(), p.trim_end_matches('}').split_whitespace().collect::<Vec<_>>()),
            None => (head, Vec::new()),
        };
        let mut words = Vec::new();
        for w in std::iter::once(word).chain(plurals) {
            match expand(w, &sets) {
                Ok(forms) => words.extend(forms.iter().map(|f| clean_name(f).to_lowercase()).filter(|f| !f.is_empty())),
                Err(name) => report.error(file, ln, &format!("unknown synonym set {name}")),
            }
        }
        if words.is_empty() {
            report.skip("agent without words");
            continue;
        }
        out.push(AgentEntry { line: ln, words, code: letters[..3].to_string() });
    }
    out
}

/// Every spelling of a word with its `!SET!` references replaced by the set's members.
fn expand(word: &str, sets: &HashMap<String, Vec<String>>) -> Result<Vec<String>, String> {
    let Some(start) = word.find('!') else { return Ok(vec![word.to_string()]) };
    let Some(len) = word[start + 1..].find('!') else { return Ok(vec![word.replace('!', "")]) };
    let name = &word[start..start + len + 2];
    let members = sets.get(name).ok_or_else(|| name.to_string())?;
    let mut out = Vec::new();
    for m in members {
        out.extend(expand(&format!("{}{}{}", &word[..start], m, &word[start + len + 2..]), sets)?);
    }
    Ok(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sets_plurals_and_codes() {
        let text = "!PERSON! = MAN, WOMAN\n\
                    ATTORNEY_GENERAL {ATTORNEYS_GENERAL} [~GOV] # 2006\n\
                    CONGRESS!PERSON! [~LEG]\n\
                    HUMAN_RIGHTS_BODY  [NGO~]\n\
                    OFFICIAL_MEDIA {} [~GOVMED]\n\
                    POLICE {} [ ~COP]\n\
                    !NOPE!_CHIEF [~GOV]\n\
                    LONELY\n";
        let mut r = Report::default();
        let got = parse("ag.txt", text, &mut r);
        let pairs: Vec<(String, Vec<String>)> = got.iter().map(|a| (a.code.clone(), a.words.clone())).collect();
        assert_eq!(pairs[0], ("GOV".into(), vec!["attorney general".into(), "attorneys general".into()]));
        assert_eq!(pairs[1], ("LEG".into(), vec!["congressman".into(), "congresswoman".into()]));
        assert_eq!(pairs[2].0, "NGO");
        assert_eq!(pairs[3], ("GOV".into(), vec!["official media".into()]));
        assert_eq!(pairs[4].0, "COP");
        assert_eq!(r.errors, vec!["ag.txt:7: unknown synonym set !NOPE!".to_string(), "ag.txt:8: agent without a [~CODE]".to_string()]);
        assert_eq!(r.read, 7);
    }
}
