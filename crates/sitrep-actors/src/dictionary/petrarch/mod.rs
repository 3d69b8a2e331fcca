//! Importing PETRARCH/TABARI actor and agent dictionaries into our YAML sections.
//!
//! A PETRARCH code is a country (three letters) followed by sector codes; names with a bare
//! country code extend our country (or, for a code we do not know, such as the fictional states
//! of PETRARCH's validation suite, become a country of their own); names with sectors or an
//! international prefix (`IGO`, `NGO`, `IMG`, ...) become organisations or groups; names with
//! date-bounded sector codes are people, each bounded code one of their roles. Nothing of ours
//! is lost: a country or agent row we already have is written back with the new names added.

pub mod actors;
pub mod agents;
pub mod code;
mod lines;

use std::collections::{BTreeMap, HashMap, HashSet};

use serde::Serialize;

use super::DictionaryError;
use super::load::Sources;
use actors::ActorEntry;
use agents::AgentEntry;
use code::Code;

/// What an import did: counts, reasons for what was left out, and errors naming file and line.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Report {
    pub read: usize,
    pub written: BTreeMap<String, usize>,
    pub skipped: BTreeMap<String, usize>,
    pub notes: BTreeMap<String, usize>,
    pub errors: Vec<String>,
}

impl Report {
    pub fn error(&mut self, file: &str, line: usize, message: &str) {
        self.errors.push(format!("{file}:{line}: {message}"));
    }

    pub fn skip(&mut self, reason: &str) {
        *self.skipped.entry(reason.to_string()).or_default() += 1;
    }

    pub fn note(&mut self, what: &str) {
        *self.notes.entry(what.to_string()).or_default() += 1;
    }

    pub fn skipped_total(&self) -> usize {
        self.skipped.values().sum()
    }
}

#[derive(Clone, Debug, Serialize, PartialEq)]
pub struct CountryOut {
    pub code: String,
    pub name: String,
    pub aliases: Vec<String>,
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub adjectives: Vec<String>,
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub capitals: Vec<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub lat: Option<f64>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub lon: Option<f64>,
}

#[derive(Clone, Debug, Serialize, PartialEq)]
pub struct OrgOut {
    pub id: String,
    pub name: String,
    pub kind: String,
    pub country: Option<String>,
    pub agent: Option<String>,
    pub aliases: Vec<String>,
}

#[derive(Clone, Debug, Serialize, PartialEq)]
pub struct RoleOut {
    pub title: String,
    pub org: Option<String>,
    pub country: Option<String>,
    pub from: Option<String>,
    pub to: Option<String>,
}

#[derive(Clone, Debug, Serialize, PartialEq)]
pub struct PersonOut {
    pub id: String,
    pub name: String,
    pub aliases: Vec<String>,
    pub country: Option<String>,
    pub agent: Option<String>,
    pub roles: Vec<RoleOut>,
}

#[derive(Clone, Debug, Serialize, PartialEq)]
pub struct AgentOut {
    pub code: String,
    pub label: String,
    pub words: Vec<String>,
}

/// The sectioned file `--dict` reads.
#[derive(Clone, Debug, Default, Serialize, PartialEq)]
pub struct ActorFile {
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub countries: Vec<CountryOut>,
    pub organisations: Vec<OrgOut>,
    pub people: Vec<PersonOut>,
    pub agents: Vec<AgentOut>,
}

impl ActorFile {
    pub fn to_yaml(&self) -> String {
        serde_yaml_ng::to_string(self).expect("plain data serialises")
    }

    pub fn is_empty(&self) -> bool {
        self.countries.is_empty() && self.organisations.is_empty() && self.people.is_empty() && self.agents.is_empty()
    }
}

/// Sector codes of armed or political movements: their organisations are `group`s.
const GROUP_SECTORS: &[&str] = &["REB", "INS", "SEP", "UAF", "IMG", "RAD", "OPP", "PTY"];

/// Collects the entries of several files, then builds one [`ActorFile`].
#[derive(Default)]
pub struct Importer {
    actors: Vec<ActorEntry>,
    agents: Vec<AgentEntry>,
    pub report: Report,
}

impl Importer {
    pub fn add_actors(&mut self, file: &str, text: &str) {
        let got = actors::parse(file, text, &mut self.report);
        self.actors.extend(got);
    }

    pub fn add_agents(&mut self, file: &str, text: &str) {
        let got = agents::parse(file, text, &mut self.report);
        self.agents.extend(got);
    }

    /// Build the file against our built-in dictionaries.
    pub fn finish(self) -> Result<(ActorFile, Report), DictionaryError> {
        Ok(self.finish_with(&Sources::builtin()?))
    }

    fn finish_with(mut self, ours: &Sources) -> (ActorFile, Report) {
        let known = known_names(ours);
        let labels: HashMap<&str, &str> = ours.agents.iter().map(|a| (a.code.as_str(), a.label.as_str())).collect();
        let mut b =
            Builder { known: &known, labels: &labels, ours, file: ActorFile::default(), ids: HashMap::new(), countries: BTreeMap::new() };
        let actors = std::mem::take(&mut self.actors);
        for e in actors {
            b.actor(e, &mut self.report);
        }
        let agents = std::mem::take(&mut self.agents);
        b.agents(agents, &mut self.report);
        let mut file = b.finish_countries();
        for (section, n) in [
            ("countries", file.countries.len()),
            ("organisations", file.organisations.len()),
            ("people", file.people.len()),
            ("agents", file.agents.len()),
        ] {
            if n > 0 {
                self.report.written.insert(section.to_string(), n);
            }
        }
        file.organisations.sort_by(|a, b| a.id.cmp(&b.id));
        file.people.sort_by(|a, b| a.id.cmp(&b.id));
        (file, self.report)
    }
}

/// Folded keys of every name our dictionaries already hold.
fn known_names(ours: &Sources) -> HashSet<String> {
    let mut k = HashSet::new();
    let mut add = |n: &str| {
        k.insert(crate::fold::key(n));
    };
    for c in &ours.countries {
        std::iter::once(&c.name).chain(&c.aliases).chain(&c.adjectives).chain(&c.capitals).for_each(|n| add(n));
    }
    for o in &ours.orgs {
        std::iter::once(&o.name).chain(&o.aliases).for_each(|n| add(n));
    }
    for p in &ours.people {
        std::iter::once(&p.name).chain(&p.aliases).for_each(|n| add(n));
    }
    for a in &ours.agents {
        a.words.iter().for_each(|n| add(n));
    }
    k
}

/// `MINAS TIRITH` → `Minas Tirith`; dotted abbreviations (`U.N.`) keep their capitals.
pub fn title_case(name: &str) -> String {
    name.split(' ')
        .map(|w| {
            if w.contains('.') && w.chars().filter(|c| c.is_alphabetic()).count() <= 4 {
                return w.to_uppercase();
            }
            let mut out = String::new();
            let mut start = true;
            for c in w.chars() {
                if start {
                    out.extend(c.to_uppercase());
                } else {
                    out.extend(c.to_lowercase());
                }
                start = matches!(c, '-' | '\'' | '(' | '/');
            }
            out
        })
        .collect::<Vec<_>>()
        .join(" ")
}

fn slug(name: &str) -> String {
    crate::fold::key(name).split(' ').filter(|w| !w.is_empty()).collect::<Vec<_>>().join("-")
}

struct Builder<'a> {
    known: &'a HashSet<String>,
    labels: &'a HashMap<&'a str, &'a str>,
    ours: &'a Sources,
    file: ActorFile,
    /// id → (index in its section, the code it was made from).
    ids: HashMap<String, (usize, String)>,
    /// Country code → its names, in order.
    countries: BTreeMap<String, Vec<String>>,
}

impl Builder<'_> {
    fn actor(&mut self, e: ActorEntry, report: &mut Report) {
        if e.names.is_empty() {
            report.skip("actor without a name");
            return;
        }
        if e.codes.is_empty() {
            report.skip(e.dropped.first().copied().unwrap_or("actor without a code"));
            return;
        }
        if e.codes.iter().any(|c| c.alternatives) {
            report.note("alternative codes (A/B): the first kept");
        }
        if e.codes.iter().any(|c| c.bad_date) {
            report.note("unreadable date bounds ignored");
        }
        let names: Vec<String> = e.names.iter().map(|n| title_case(&n.to_lowercase())).collect();
        // A person: some date-bounded code gives a sector, i.e. a role held for a time.
        let person = e.codes.iter().any(|c| c.dated && (c.from.is_some() || c.to.is_some()) && c.agent().is_some());
        // The code that holds outside every date bound: the last undated one, else the last.
        let default = e.codes.iter().rev().find(|c| !c.dated).unwrap_or_else(|| e.codes.last().expect("codes"));
        if person {
            self.person(names, default, &e.codes);
        } else {
            if e.codes.len() > 1 {
                report.note("date-bounded codes of a non-person: the default code kept");
            }
            if default.agents.is_empty() {
                self.country_names(default.country.clone().expect("a code without agents has a country"), names, report);
            } else {
                self.org(names, default);
            }
        }
    }

    fn sector<'c>(&self, code: &'c Code) -> Option<&'c str> {
        // The first sector we know the meaning of, else the first given.
        code.agents.iter().map(String::as_str).find(|a| code::is_sector(a)).or(code.agent())
    }

    fn unique_id(&mut self, prefix: &str, name: &str, code: &str) -> Result<String, usize> {
        let base = format!("{prefix}:{}", slug(name));
        let mut id = base.clone();
        let mut n = 1;
        while let Some((at, c)) = self.ids.get(&id) {
            if c == code {
                return Err(*at);
            }
            n += 1;
            id = format!("{base}-{n}");
        }
        Ok(id)
    }

    fn org(&mut self, names: Vec<String>, code: &Code) {
        let agent = self.sector(code).map(str::to_string);
        let group = code.agents.iter().any(|a| GROUP_SECTORS.contains(&a.as_str()));
        let prefix = if group { "GRP" } else { "ORG" };
        match self.unique_id(prefix, &names[0], &code.raw) {
            Err(at) => merge_names(&mut self.file.organisations[at].aliases, &names),
            Ok(id) => {
                self.ids.insert(id.clone(), (self.file.organisations.len(), code.raw.clone()));
                self.file.organisations.push(OrgOut {
                    id,
                    name: names[0].clone(),
                    kind: if group { "group" } else { "organisation" }.into(),
                    country: code.country.clone(),
                    agent,
                    aliases: dedup(&names[1..]),
                });
            }
        }
    }

    fn person(&mut self, names: Vec<String>, default: &Code, codes: &[Code]) {
        let roles = codes
            .iter()
            .filter(|c| c.dated && c.agent().is_some() && (c.from.is_some() || c.to.is_some()))
            .map(|c| {
                let sector = self.sector(c).unwrap_or_default();
                RoleOut {
                    title: self.labels.get(sector).map(|l| l.to_string()).unwrap_or_else(|| c.raw.clone()),
                    org: None,
                    country: c.country.clone(),
                    from: c.from.clone(),
                    to: c.to.clone(),
                }
            })
            .collect();
        let key = format!("{}|{}", default.raw, names.join("|"));
        match self.unique_id("PER", &names[0], &key) {
            Err(_) => {}
            Ok(id) => {
                self.ids.insert(id.clone(), (self.file.people.len(), key));
                self.file.people.push(PersonOut {
                    id,
                    name: names[0].clone(),
                    aliases: dedup(&names[1..]),
                    country: default.country.clone(),
                    agent: self.sector(default).map(str::to_string),
                    roles,
                });
            }
        }
    }

    fn country_names(&mut self, code: String, names: Vec<String>, report: &mut Report) {
        let fresh: Vec<String> = names.into_iter().filter(|n| !self.known.contains(&crate::fold::key(n))).collect();
        if fresh.is_empty() {
            report.skip("country names we already know");
            return;
        }
        merge_names(self.countries.entry(code).or_default(), &fresh);
    }

    /// Our country rows with the new names added, and rows for codes we do not know.
    fn finish_countries(mut self) -> ActorFile {
        for (code, names) in std::mem::take(&mut self.countries) {
            let row = match self.ours.countries.iter().find(|c| c.code == code) {
                Some(c) => {
                    let mut aliases = c.aliases.clone();
                    merge_names(&mut aliases, &names);
                    CountryOut {
                        code,
                        name: c.name.clone(),
                        aliases,
                        adjectives: c.adjectives.clone(),
                        capitals: c.capitals.clone(),
                        lat: c.lat,
                        lon: c.lon,
                    }
                }
                None => CountryOut {
                    code,
                    name: names[0].clone(),
                    aliases: names[1..].to_vec(),
                    adjectives: vec![],
                    capitals: vec![],
                    lat: None,
                    lon: None,
                },
            };
            self.file.countries.push(row);
        }
        self.file
    }

    /// One row per sector code; a code we have keeps our label and words and gains the new ones.
    fn agents(&mut self, entries: Vec<AgentEntry>, report: &mut Report) {
        let mut by_code: BTreeMap<String, Vec<String>> = BTreeMap::new();
        for e in entries {
            let fresh: Vec<String> = e.words.into_iter().filter(|w| !self.known.contains(&crate::fold::key(w))).collect();
            if fresh.is_empty() {
                report.skip("agent words we already know");
                continue;
            }
            merge_names(by_code.entry(e.code).or_default(), &fresh);
        }
        for (code, words) in by_code {
            let row = match self.ours.agents.iter().find(|a| a.code == code) {
                Some(a) => {
                    let mut all = a.words.clone();
                    merge_names(&mut all, &words);
                    AgentOut { code, label: a.label.clone(), words: all }
                }
                None => AgentOut { label: code.to_lowercase(), code, words },
            };
            self.file.agents.push(row);
        }
    }
}

/// Add names not yet present (compared folded).
fn merge_names(into: &mut Vec<String>, names: &[String]) {
    let mut seen: HashSet<String> = into.iter().map(|n| crate::fold::key(n)).collect();
    for n in names {
        if seen.insert(crate::fold::key(n)) {
            into.push(n.clone());
        }
    }
}

fn dedup(names: &[String]) -> Vec<String> {
    let mut out = Vec::new();
    merge_names(&mut out, names);
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::dictionary::load::{AgentRow, CountryRow};

    fn ours() -> Sources {
        Sources {
            countries: vec![CountryRow {
                code: "PAK".into(),
                name: "Pakistan".into(),
                aliases: vec![],
                adjectives: vec!["Pakistani".into()],
                capitals: vec!["Islamabad".into()],
                lat: Some(30.4),
                lon: Some(69.3),
            }],
            agents: vec![AgentRow { code: "GOV".into(), label: "government".into(), words: vec!["government".into()] }],
            ..Default::default()
        }
    }

    const ACTORS: &str = "\
ARNOR_  [ARN]
+ARNORIAN
PAKISTAN [PAK]
+PAKISTANI
+WAZIRISTAN
HAMAS [PSEREBHMS]
WHITE_HOUSE [USAGOV]
UNITED_NATIONS_ [IGOUNO]
PERVEZ_MUSHARRAF_
+GENERAL_MUSHARRAF
\t[PAKGOVMIL 991014-021123]
\t[PAKELI]
BOROMIR [---]
";

    #[test]
    fn sections_from_codes() {
        let mut imp = Importer::default();
        imp.add_actors("v.txt", ACTORS);
        imp.add_agents("ag.txt", "AMBASSADOR [~GOV]\nGOVERNMENT [~GOV]\nGOLDEN_GOOSE {GOLDEN_GEESE} [~GGS]\n");
        let (f, r) = imp.finish_with(&ours());
        let codes: Vec<&str> = f.countries.iter().map(|c| c.code.as_str()).collect();
        assert_eq!(codes, vec!["ARN", "PAK"]);
        assert_eq!(f.countries[0].name, "Arnor");
        assert_eq!(f.countries[0].aliases, vec!["Arnorian"]);
        // Ours kept whole, the new name added.
        assert_eq!(f.countries[1].aliases, vec!["Waziristan"]);
        assert_eq!(f.countries[1].capitals, vec!["Islamabad"]);
        let orgs: Vec<(&str, &str, Option<&str>, Option<&str>)> =
            f.organisations.iter().map(|o| (o.id.as_str(), o.kind.as_str(), o.country.as_deref(), o.agent.as_deref())).collect();
        assert_eq!(
            orgs,
            vec![
                ("GRP:hamas", "group", Some("PSE"), Some("REB")),
                ("ORG:united-nations", "organisation", None, Some("IGO")),
                ("ORG:white-house", "organisation", Some("USA"), Some("GOV")),
            ]
        );
        let p = &f.people[0];
        assert_eq!((p.id.as_str(), p.name.as_str()), ("PER:pervez-musharraf", "Pervez Musharraf"));
        assert_eq!((p.country.as_deref(), p.agent.as_deref()), (Some("PAK"), Some("ELI")));
        assert_eq!(p.aliases, vec!["General Musharraf"]);
        assert_eq!(p.roles[0].title, "government");
        assert_eq!((p.roles[0].from.as_deref(), p.roles[0].to.as_deref()), (Some("1999-10-14"), Some("2002-11-23")));
        let agents: Vec<(&str, Vec<&str>)> =
            f.agents.iter().map(|a| (a.code.as_str(), a.words.iter().map(String::as_str).collect())).collect();
        assert_eq!(agents, vec![("GGS", vec!["golden goose", "golden geese"]), ("GOV", vec!["government", "ambassador"])]);
        assert_eq!(r.read, 10);
        assert_eq!(r.skipped.get("null code (---, +++, ###)"), Some(&1));
        assert_eq!(r.skipped.get("agent words we already know"), Some(&1));
        assert_eq!(r.written.get("organisations"), Some(&3));
    }

    #[test]
    fn written_file_loads_back() {
        let mut imp = Importer::default();
        imp.add_actors("v.txt", ACTORS);
        let (f, _) = imp.finish_with(&ours());
        let dir = std::env::temp_dir().join(format!("sitrep-petrarch-{}", std::process::id()));
        std::fs::create_dir_all(&dir).unwrap();
        let path = dir.join("actors.yaml");
        std::fs::write(&path, f.to_yaml()).unwrap();
        let mut src = ours();
        src.add_file(&path).unwrap();
        std::fs::remove_dir_all(&dir).ok();
        assert!(src.orgs.iter().any(|o| o.id == "GRP:hamas"));
        assert!(src.people.iter().any(|p| p.id == "PER:pervez-musharraf" && p.roles.len() == 1));
        assert!(src.countries.iter().any(|c| c.code == "ARN"));
    }

    #[test]
    fn titles() {
        assert_eq!(title_case("minas tirith"), "Minas Tirith");
        assert_eq!(title_case("u.n. secretary-general"), "U.N. Secretary-General");
        assert_eq!(title_case("al-qaeda"), "Al-Qaeda");
    }
}
