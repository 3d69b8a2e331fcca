//! Reading dictionary YAML: ours from the binary, a user's from files.

use std::path::{Path, PathBuf};

use serde::Deserialize;

#[derive(Debug, thiserror::Error)]
pub enum DictionaryError {
    #[error("{path}: {message}")]
    Parse { path: String, message: String },
    #[error("{0}: {1}")]
    Io(PathBuf, std::io::Error),
}

#[derive(Clone, Debug, Deserialize)]
pub struct CountryRow {
    pub code: String,
    pub name: String,
    #[serde(default)]
    pub aliases: Vec<String>,
    #[serde(default)]
    pub adjectives: Vec<String>,
    #[serde(default)]
    pub capitals: Vec<String>,
    pub lat: Option<f64>,
    pub lon: Option<f64>,
}

#[derive(Clone, Debug, Deserialize)]
pub struct OrgRow {
    pub id: String,
    pub name: String,
    #[serde(default = "organisation")]
    pub kind: String,
    pub country: Option<String>,
    pub agent: Option<String>,
    #[serde(default)]
    pub aliases: Vec<String>,
    #[serde(default)]
    pub not: Vec<String>,
}

fn organisation() -> String {
    "organisation".into()
}

#[derive(Clone, Debug, Deserialize)]
pub struct AgentRow {
    pub code: String,
    pub label: String,
    #[serde(default)]
    pub words: Vec<String>,
}

#[derive(Clone, Debug, Deserialize)]
pub struct RoleRow {
    pub title: String,
    pub org: Option<String>,
    pub country: Option<String>,
    pub from: Option<String>,
    pub to: Option<String>,
}

#[derive(Clone, Debug, Deserialize)]
pub struct PersonRow {
    pub id: String,
    pub name: String,
    #[serde(default)]
    pub aliases: Vec<String>,
    pub country: Option<String>,
    pub agent: Option<String>,
    #[serde(default)]
    pub roles: Vec<RoleRow>,
}

/// A user's file: one list of one kind, or sections of each.
#[derive(Debug, Deserialize)]
#[serde(untagged)]
enum UserFile {
    Sections {
        #[serde(default)]
        countries: Vec<CountryRow>,
        #[serde(default, alias = "organizations", alias = "groups")]
        organisations: Vec<OrgRow>,
        #[serde(default)]
        agents: Vec<AgentRow>,
        #[serde(default)]
        people: Vec<PersonRow>,
    },
    Countries(Vec<CountryRow>),
    People(Vec<PersonRow>),
    Orgs(Vec<OrgRow>),
    Agents(Vec<AgentRow>),
}

/// All rows before compiling.
#[derive(Default)]
pub struct Sources {
    /// Every text the rows came from, in order: what the dictionary's fingerprint is made of.
    pub texts: Vec<String>,
    pub countries: Vec<CountryRow>,
    pub orgs: Vec<OrgRow>,
    pub agents: Vec<AgentRow>,
    pub people: Vec<PersonRow>,
}

fn parse<T: serde::de::DeserializeOwned>(path: &str, text: &str) -> Result<T, DictionaryError> {
    serde_yaml_ng::from_str(text).map_err(|e| DictionaryError::Parse { path: path.to_string(), message: e.to_string() })
}

/// A built-in dictionary, from the JSON the build made of its YAML (`build.rs`).
fn parse_built<T: serde::de::DeserializeOwned>(path: &str, json: &str) -> Result<T, DictionaryError> {
    serde_json::from_str(json).map_err(|e| DictionaryError::Parse { path: path.to_string(), message: e.to_string() })
}

/// A built-in dictionary: its path, its YAML (what the fingerprint is made of) and its JSON.
macro_rules! built_in {
    ($name:literal) => {
        (
            concat!("dictionaries/", $name, ".yaml"),
            include_str!(concat!("../../../../dictionaries/", $name, ".yaml")),
            include_str!(concat!(env!("OUT_DIR"), "/", $name, ".json")),
        )
    };
}

const COUNTRIES: (&str, &str, &str) = built_in!("countries");
const ORGANISATIONS: (&str, &str, &str) = built_in!("organisations");
const AGENTS: (&str, &str, &str) = built_in!("agents");
const PEOPLE: (&str, &str, &str) = built_in!("people");

impl Sources {
    pub fn builtin() -> Result<Sources, DictionaryError> {
        let texts = [COUNTRIES, ORGANISATIONS, AGENTS, PEOPLE].map(|(_, yaml, _)| yaml.to_string()).to_vec();
        Ok(Sources {
            texts,
            countries: parse_built(COUNTRIES.0, COUNTRIES.2)?,
            orgs: parse_built(ORGANISATIONS.0, ORGANISATIONS.2)?,
            agents: parse_built(AGENTS.0, AGENTS.2)?,
            people: parse_built(PEOPLE.0, PEOPLE.2)?,
        })
    }

    /// Add a user's file; an entry whose id (or country code, or agent code) we have replaces ours.
    pub fn add_file(&mut self, path: &Path) -> Result<(), DictionaryError> {
        let text = std::fs::read_to_string(path).map_err(|e| DictionaryError::Io(path.to_path_buf(), e))?;
        let name = path.display().to_string();
        self.texts.push(text.clone());
        match parse::<UserFile>(&name, &text)? {
            UserFile::Sections { countries, organisations, agents, people } => {
                self.add(countries, organisations, agents);
                self.add_people(people);
            }
            UserFile::People(p) => self.add_people(p),
            UserFile::Countries(c) => self.add(c, vec![], vec![]),
            UserFile::Orgs(o) => self.add(vec![], o, vec![]),
            UserFile::Agents(a) => self.add(vec![], vec![], a),
        }
        Ok(())
    }

    fn add_people(&mut self, people: Vec<PersonRow>) {
        for p in people {
            self.people.retain(|x| x.id != p.id);
            self.people.insert(0, p);
        }
    }

    fn add(&mut self, countries: Vec<CountryRow>, orgs: Vec<OrgRow>, agents: Vec<AgentRow>) {
        // A user's rows go first: where two rows share a name, the first one keeps it.
        for c in countries {
            self.countries.retain(|x| x.code != c.code);
            self.countries.insert(0, c);
        }
        for o in orgs {
            self.orgs.retain(|x| x.id != o.id);
            self.orgs.insert(0, o);
        }
        for a in agents {
            self.agents.retain(|x| x.code != a.code);
            self.agents.insert(0, a);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The JSON the build writes is read into the very rows the YAML gives.
    #[test]
    fn built_in_json_reads_as_the_yaml() {
        fn same<T: serde::de::DeserializeOwned + std::fmt::Debug>((path, yaml, json): (&str, &str, &str)) {
            let from_yaml: Vec<T> = parse(path, yaml).unwrap();
            let from_json: Vec<T> = parse_built(path, json).unwrap();
            assert!(!from_yaml.is_empty(), "{path}");
            assert_eq!(format!("{from_yaml:?}"), format!("{from_json:?}"), "{path}");
        }
        same::<CountryRow>(COUNTRIES);
        same::<OrgRow>(ORGANISATIONS);
        same::<AgentRow>(AGENTS);
        same::<PersonRow>(PEOPLE);
    }
}
