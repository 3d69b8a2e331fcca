//! Actor dictionaries: ours (compiled in from `dictionaries/`) and a user's, one automaton over both.

mod load;
pub mod petrarch;
mod plural;

use std::collections::{BTreeMap, HashMap, HashSet};

use aho_corasick::{AhoCorasick, MatchKind};

pub use load::DictionaryError;

/// What a dictionary name stands for.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum EntryKind {
    Organisation,
    Group,
    Person,
    Country,
    /// A capital used for its state ("Islamabad said").
    Capital,
    /// An adjective or demonym ("Pakistani").
    Adjective,
    /// A sector word ("troops").
    Agent,
}

/// One name the automaton knows.
#[derive(Clone, Debug)]
pub struct Entry {
    pub kind: EntryKind,
    /// Actor id (`PAK`, `ORG:isi`), or the agent code for sector words.
    pub actor: String,
    /// The canonical name of what it stands for.
    pub name: String,
    pub country: Option<String>,
    pub agent: Option<String>,
    /// Written in capitals (`ISI`, `IS`): matches only in capitals.
    pub acronym: bool,
}

#[derive(Clone, Debug, PartialEq)]
pub struct Country {
    pub code: String,
    pub name: String,
    pub lat: Option<f64>,
    pub lon: Option<f64>,
}

#[derive(Clone, Debug, PartialEq)]
pub struct Org {
    pub id: String,
    pub name: String,
    pub group: bool,
    pub country: Option<String>,
    pub agent: Option<String>,
    pub aliases: Vec<String>,
}

/// A person the dictionaries know, with their roles.
#[derive(Clone, Debug, PartialEq)]
pub struct Person {
    pub id: String,
    pub name: String,
    pub country: Option<String>,
    pub agent: Option<String>,
    pub aliases: Vec<String>,
    pub roles: Vec<sitrep_model::Role>,
}

impl Person {
    /// The organisation of the person's first current role.
    pub fn org(&self) -> Option<String> {
        self.roles.iter().find(|r| r.to.is_none() && r.org.is_some()).and_then(|r| r.org.clone())
    }
}

/// The compiled dictionaries.
pub struct Dictionary {
    /// Identifies the dictionaries' content: documents analysed with other dictionaries are
    /// analysed again.
    pub fingerprint: String,
    pub people: BTreeMap<String, Person>,
    pub countries: BTreeMap<String, Country>,
    pub orgs: BTreeMap<String, Org>,
    /// Agent code to its label ("MIL" -> "military").
    pub agents: BTreeMap<String, String>,
    entries: Vec<Entry>,
    /// The names' keys, in the automata's pattern order.
    keys: Vec<String>,
    /// A contiguous NFA: built in a quarter of the DFA's time (a few hundredths of a second at
    /// every start), searched about five times slower.
    automaton: AhoCorasick,
    /// The DFA, built once a run has shown it has enough text to pay for it ([`Dictionary::speed_up`]).
    dfa: std::sync::OnceLock<AhoCorasick>,
    /// Pairs of ids that must never be merged.
    never: HashSet<(String, String)>,
}

/// An automaton over the keys; the kind changes its speed, never its matches.
fn build(keys: &[String], kind: aho_corasick::AhoCorasickKind) -> AhoCorasick {
    AhoCorasick::builder().match_kind(MatchKind::Standard).kind(Some(kind)).build(keys).expect("dictionary automaton")
}

/// A dictionary hit in folded text.
#[derive(Clone, Debug)]
pub struct Hit<'a> {
    pub start: usize,
    pub end: usize,
    pub entry: &'a Entry,
}

impl Dictionary {
    /// Our dictionaries alone.
    pub fn builtin() -> Result<Dictionary, DictionaryError> {
        Self::with_user_files(&[])
    }

    /// Ours plus the user's files (a user's entry with an existing id replaces ours).
    pub fn with_user_files(paths: &[std::path::PathBuf]) -> Result<Dictionary, DictionaryError> {
        let mut src = load::Sources::builtin()?;
        for p in paths {
            src.add_file(p)?;
        }
        Ok(Self::compile(src))
    }

    fn compile(src: load::Sources) -> Dictionary {
        let fingerprint = sitrep_model::short_id(&src.texts.iter().map(String::as_str).collect::<Vec<_>>());
        let mut by_key: HashMap<String, Entry> = HashMap::new();
        let mut add = |name: &str, e: Entry| {
            let key = crate::fold::key(name);
            if key.is_empty() {
                return;
            }
            let letters: String = name.chars().filter(|c| c.is_alphabetic()).collect();
            let acronym = !letters.is_empty() && letters.len() <= 5 && letters.chars().all(|c| c.is_uppercase());
            let e = Entry { acronym, ..e };
            match by_key.get(&key) {
                // The more specific kind wins a shared name; at equal kinds the first stays.
                Some(old) if (old.kind, old.acronym) <= (e.kind, e.acronym) => {}
                _ => {
                    by_key.insert(key, e);
                }
            }
        };
        let mut countries = BTreeMap::new();
        for c in &src.countries {
            let entry = |kind| Entry {
                kind,
                actor: c.code.clone(),
                name: c.name.clone(),
                country: Some(c.code.clone()),
                agent: None,
                acronym: false,
            };
            for n in std::iter::once(&c.name).chain(&c.aliases) {
                add(n, entry(EntryKind::Country));
            }
            for n in &c.adjectives {
                add(n, entry(EntryKind::Adjective));
            }
            for n in &c.capitals {
                add(n, entry(EntryKind::Capital));
            }
            countries.insert(c.code.clone(), Country { code: c.code.clone(), name: c.name.clone(), lat: c.lat, lon: c.lon });
        }
        let mut orgs = BTreeMap::new();
        let mut never = HashSet::new();
        for o in &src.orgs {
            let group = o.kind == "group";
            let kind = if group { EntryKind::Group } else { EntryKind::Organisation };
            for n in std::iter::once(&o.name).chain(&o.aliases) {
                add(
                    n,
                    Entry {
                        kind,
                        actor: o.id.clone(),
                        name: o.name.clone(),
                        country: o.country.clone(),
                        agent: o.agent.clone(),
                        acronym: false,
                    },
                );
            }
            for other in &o.not {
                never.insert((o.id.clone(), other.clone()));
                never.insert((other.clone(), o.id.clone()));
            }
            orgs.insert(
                o.id.clone(),
                Org {
                    id: o.id.clone(),
                    name: o.name.clone(),
                    group,
                    country: o.country.clone(),
                    agent: o.agent.clone(),
                    aliases: o.aliases.clone(),
                },
            );
        }
        let mut people = BTreeMap::new();
        for p in &src.people {
            let roles: Vec<sitrep_model::Role> = p
                .roles
                .iter()
                .map(|r| sitrep_model::Role {
                    title: r.title.clone(),
                    org: r.org.clone(),
                    country: r.country.clone(),
                    former: r.to.is_some(),
                    from: r.from.clone(),
                    to: r.to.clone(),
                })
                .collect();
            let person = Person {
                id: p.id.clone(),
                name: p.name.clone(),
                country: p.country.clone(),
                agent: p.agent.clone(),
                aliases: p.aliases.clone(),
                roles,
            };
            for n in std::iter::once(&p.name).chain(&p.aliases) {
                add(
                    n,
                    Entry {
                        kind: EntryKind::Person,
                        actor: p.id.clone(),
                        name: p.name.clone(),
                        country: p.country.clone(),
                        agent: p.agent.clone(),
                        acronym: false,
                    },
                );
            }
            people.insert(p.id.clone(), person);
        }
        let mut agents = BTreeMap::new();
        for a in &src.agents {
            for w in &a.words {
                for form in plural::forms(w) {
                    add(
                        &form,
                        Entry {
                            kind: EntryKind::Agent,
                            actor: a.code.clone(),
                            name: a.label.clone(),
                            country: None,
                            agent: Some(a.code.clone()),
                            acronym: false,
                        },
                    );
                }
            }
            agents.insert(a.code.clone(), a.label.clone());
        }
        // Sorted keys: the same dictionaries always build the same automaton.
        let mut keyed: Vec<(String, Entry)> = by_key.into_iter().collect();
        keyed.sort_by(|a, b| a.0.cmp(&b.0));
        let (keys, entries): (Vec<String>, Vec<Entry>) = keyed.into_iter().unzip();
        let automaton = build(&keys, aho_corasick::AhoCorasickKind::ContiguousNFA);
        Dictionary { fingerprint, people, countries, orgs, agents, entries, keys, automaton, dfa: Default::default(), never }
    }

    /// Build the faster automaton for the rest of a long run. It finds the same hits; its build
    /// costs what searching a few thousand articles with the NFA costs more, so a short run (a
    /// day's news, one file) is better off without it. Later calls do nothing.
    pub fn speed_up(&self) {
        self.dfa.get_or_init(|| build(&self.keys, aho_corasick::AhoCorasickKind::DFA));
    }

    /// Every dictionary hit in folded text at word boundaries, overlapping ones included.
    pub fn hits<'a>(&'a self, folded: &crate::fold::Folded) -> Vec<Hit<'a>> {
        self.dfa
            .get()
            .unwrap_or(&self.automaton)
            .find_overlapping_iter(&folded.text)
            .filter(|m| folded.at_boundaries(m.start(), m.end()))
            .map(|m| Hit { start: m.start(), end: m.end(), entry: &self.entries[m.pattern().as_usize()] })
            .collect()
    }

    /// Number of names the automaton holds.
    pub fn len(&self) -> usize {
        self.entries.len()
    }

    pub fn is_empty(&self) -> bool {
        self.entries.is_empty()
    }

    /// Whether the dictionaries forbid merging these two actors.
    pub fn never_merge(&self, a: &str, b: &str) -> bool {
        self.never.contains(&(a.to_string(), b.to_string()))
    }

    /// The canonical name of an actor id, when the dictionaries know it.
    pub fn name_of(&self, id: &str) -> Option<&str> {
        self.countries
            .get(id)
            .map(|c| c.name.as_str())
            .or_else(|| self.orgs.get(id).map(|o| o.name.as_str()))
            .or_else(|| self.people.get(id).map(|p| p.name.as_str()))
    }
}
