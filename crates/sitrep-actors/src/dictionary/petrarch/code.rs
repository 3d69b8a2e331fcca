//! PETRARCH actor codes: `PAKGOVMIL 991014-021123` is Pakistan (first three letters), the
//! government and the military (each further three letters), from 14 Oct 1999 to 23 Nov 2002.

/// First-position codes that name a kind of international actor rather than a state.
const INTERNATIONAL: &[&str] = &["IGO", "NGO", "IMG", "MNC", "NGM", "INT"];

/// CAMEO sector (agent) codes; a code made only of these has no country.
const SECTORS: &[&str] = &[
    "GOV", "MIL", "REB", "OPP", "PTY", "COP", "JUD", "SPY", "MED", "EDU", "BUS", "CRM", "CVL", "LEG", "ELI", "HLH", "REF", "MOD", "RAD",
    "INS", "SEP", "UAF", "LAB", "AGR", "ENV", "HRI", "REL", "IGO", "NGO", "IMG", "MNC",
];

/// One parsed actor code.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Code {
    /// The code as written, upper-cased, without its dates.
    pub raw: String,
    /// The state (three letters), when the code starts with one.
    pub country: Option<String>,
    /// The sector codes after the country (or the international prefix: `IGO`, `NGO`, ...).
    pub agents: Vec<String>,
    /// Start and end of validity, `YYYY-MM-DD`.
    pub from: Option<String>,
    pub to: Option<String>,
    /// The code carried date bounds (even ones we could not read).
    pub dated: bool,
    /// Dates written but unreadable (`999999`, seven digits).
    pub bad_date: bool,
    /// `ELR/GAL`: alternatives, of which the first was kept.
    pub alternatives: bool,
}

impl Code {
    /// The first agent code, if any.
    pub fn agent(&self) -> Option<&str> {
        self.agents.first().map(String::as_str)
    }

    pub fn is_international(&self) -> bool {
        self.country.is_none() && self.agent().is_some_and(|a| INTERNATIONAL.contains(&a))
    }
}

/// Whether a three-letter code is a CAMEO sector code.
pub fn is_sector(code: &str) -> bool {
    SECTORS.contains(&code)
}

/// Parse the inside of one `[...]`. The error is the reason the code cannot be used.
pub fn parse(inside: &str) -> Result<Code, &'static str> {
    let inside = inside.trim();
    let end = inside.find(|c: char| c.is_whitespace() || c == '<' || c == '>').unwrap_or(inside.len());
    let (word, dates) = inside.split_at(end);
    // The date part may also follow without a space after a digit-free code: `HOB<950601`.
    let mut code = Code::default();
    let mut word = word.to_ascii_uppercase();
    if let Some((first, _)) = word.split_once('/') {
        code.alternatives = true;
        word = first.to_string();
    }
    if word.is_empty() && dates.trim().chars().next().is_some_and(|c| c.is_ascii_digit()) {
        return Err("date bounds without a code");
    }
    if word.chars().all(|c| matches!(c, '-' | '+' | '#' | '~')) {
        return Err("null code (---, +++, ###)");
    }
    if !word.chars().all(|c| c.is_ascii_uppercase()) {
        return Err("not a letter code");
    }
    if word.len() < 3 {
        return Err("code shorter than three letters");
    }
    code.raw = word.clone();
    let chunks: Vec<String> = word.as_bytes().chunks(3).filter(|c| c.len() == 3).map(|c| String::from_utf8_lossy(c).into_owned()).collect();
    let first = chunks[0].as_str();
    if INTERNATIONAL.contains(&first) || is_sector(first) {
        code.agents = chunks;
    } else {
        code.country = Some(chunks[0].clone());
        code.agents = chunks[1..].to_vec();
    }
    read_dates(dates.trim(), &mut code);
    Ok(code)
}

fn read_dates(s: &str, code: &mut Code) {
    if s.is_empty() {
        return;
    }
    code.dated = true;
    let mut ok = true;
    let mut date = |d: &str| {
        let d = date(d.trim());
        ok &= d.is_some();
        d
    };
    if let Some(rest) = s.strip_prefix('<') {
        code.to = date(rest);
    } else if let Some(rest) = s.strip_prefix('>') {
        code.from = date(rest);
    } else if let Some((a, b)) = s.split_once('-') {
        code.from = date(a);
        code.to = date(b);
    } else {
        code.from = date(s);
    }
    code.bad_date = !ok;
}

/// `991014` (two-digit years: up to 30 are 20xx) or `19991014` to `1999-10-14`.
pub fn date(s: &str) -> Option<String> {
    if !s.chars().all(|c| c.is_ascii_digit()) {
        return None;
    }
    let (year, rest) = match s.len() {
        6 => {
            let yy: u32 = s[..2].parse().ok()?;
            (if yy <= 30 { 2000 + yy } else { 1900 + yy }, &s[2..])
        }
        8 => (s[..4].parse().ok()?, &s[4..]),
        _ => return None,
    };
    let month: u32 = rest[..2].parse().ok()?;
    let day: u32 = rest[2..].parse().ok()?;
    if !(1..=12).contains(&month) || !(1..=31).contains(&day) {
        return None;
    }
    Some(format!("{year:04}-{month:02}-{day:02}"))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn country_agents_and_range() {
        let c = parse("PAKGOVMIL 991014-021123").unwrap();
        assert_eq!(c.country.as_deref(), Some("PAK"));
        assert_eq!(c.agents, vec!["GOV", "MIL"]);
        assert_eq!(c.from.as_deref(), Some("1999-10-14"));
        assert_eq!(c.to.as_deref(), Some("2002-11-23"));
        assert!(c.dated && !c.bad_date);
    }

    #[test]
    fn open_bounds_and_spacing() {
        let c = parse("HOB < 950601").unwrap();
        assert_eq!((c.country.as_deref(), c.from.as_deref(), c.to.as_deref()), (Some("HOB"), None, Some("1995-06-01")));
        let c = parse("HOBREB >990816").unwrap();
        assert_eq!(c.from.as_deref(), Some("1999-08-16"));
        let c = parse("HOBGOV 19950601 - 19990815").unwrap();
        assert_eq!((c.from.as_deref(), c.to.as_deref()), (Some("1995-06-01"), Some("1999-08-15")));
    }

    #[test]
    fn international_and_sector_only() {
        let c = parse("IGOUNO").unwrap();
        assert!(c.is_international());
        assert_eq!(c.agents, vec!["IGO", "UNO"]);
        let c = parse("ELI").unwrap();
        assert_eq!((c.country.as_deref(), c.agent()), (None, Some("ELI")));
    }

    #[test]
    fn unusable_codes() {
        assert!(parse("---").is_err());
        assert!(parse("+++").is_err());
        assert!(parse("### ").is_err());
        assert!(parse("950601-990815").is_err());
        assert!(parse("def1").is_err());
        let c = parse("pse").unwrap();
        assert_eq!(c.country.as_deref(), Some("PSE"));
        let c = parse("ELR/GAL").unwrap();
        assert!(c.alternatives);
        assert_eq!(c.raw, "ELR");
        let c = parse("USAELI 999999-999999").unwrap();
        assert!(c.dated && c.bad_date && c.from.is_none());
    }
}
