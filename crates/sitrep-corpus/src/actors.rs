//! Merging the documents' actors into corpus actors.

use std::borrow::Borrow;
use std::collections::BTreeMap;

use serde::{Deserialize, Serialize};
use sitrep_model::{Actor, ActorKind, Role};

use crate::DocSummary;

/// One in-document id folded into a corpus actor, and why.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Merge {
    pub from: String,
    pub into: String,
    pub why: String,
}

fn tokens(name: &str) -> Vec<String> {
    deunicode::deunicode(name)
        .to_lowercase()
        .split(|c: char| c.is_whitespace() || c == '-')
        .filter(|w| !w.is_empty())
        .map(str::to_string)
        .collect()
}

/// Whether two people's names are spellings of one name: same number of words, same initials,
/// close overall (Jaro-Winkler), and at most one word differing.
fn variant(a: &str, b: &str) -> bool {
    let (x, y) = (tokens(a), tokens(b));
    if x.len() != y.len() || x.len() < 2 {
        return false;
    }
    let differing = x.iter().zip(&y).filter(|(p, q)| p != q).count();
    let initials = x.iter().zip(&y).all(|(p, q)| p.chars().next() == q.chars().next());
    differing <= 1 && initials && strsim::jaro_winkler(&x.join(" "), &y.join(" ")) >= 0.9
}

/// Pool every document's actors by id, then merge people whose names are variants and whose
/// countries do not disagree. `never` says which pairs a dictionary forbids.
pub fn merge_actors(docs: &[DocSummary], never: &dyn Fn(&str, &str) -> bool) -> (Vec<Actor>, Vec<Merge>) {
    let mut pool = ActorPool::default();
    for d in docs {
        pool.add(&d.actors);
    }
    pool.merge(never)
}

/// Everything the documents say about one actor id, as counts: a document's part can be added
/// and taken away again in any order, so a store keeps the pool up to date as documents come
/// and go instead of re-reading every document's actors. The pooled actor takes each field's
/// most frequent value (ties: the first in order), its aliases and roles most frequent first.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct Tally {
    names: BTreeMap<String, usize>,
    kinds: BTreeMap<ActorKind, usize>,
    countries: BTreeMap<String, usize>,
    agents: BTreeMap<String, usize>,
    aliases: BTreeMap<String, usize>,
    roles: Vec<(Role, usize)>,
    mentions: usize,
    documents: usize,
}

/// Count one more (or one fewer) of `key`; a count that reaches zero goes. The key is copied
/// only when it is new.
fn bump<K: Ord + Borrow<Q>, Q: Ord + ToOwned<Owned = K> + ?Sized>(counts: &mut BTreeMap<K, usize>, key: &Q, add: bool) {
    match counts.get_mut(key) {
        Some(c) if add => *c += 1,
        Some(c) => {
            *c -= 1;
            if *c == 0 {
                counts.remove(key);
            }
        }
        None if add => {
            counts.insert(key.to_owned(), 1);
        }
        None => {}
    }
}

/// The most frequent key (ties: the first in key order).
fn most<K: Clone>(counts: &BTreeMap<K, usize>) -> Option<K> {
    let mut best: Option<(&K, usize)> = None;
    for (k, &c) in counts {
        if best.is_none_or(|(_, b)| c > b) {
            best = Some((k, c));
        }
    }
    best.map(|(k, _)| k.clone())
}

/// A role's fields in order: title, org, country, former, from, to.
type RoleKey<'a> = (&'a str, Option<&'a str>, Option<&'a str>, bool, Option<&'a str>, Option<&'a str>);

/// A role as a sort key: roles have no order of their own.
fn role_key(r: &Role) -> RoleKey<'_> {
    (&r.title, r.org.as_deref(), r.country.as_deref(), r.former, r.from.as_deref(), r.to.as_deref())
}

impl Tally {
    /// One document's record of the actor, added or taken away again.
    pub fn count(&mut self, a: &Actor, add: bool) {
        bump(&mut self.names, a.name.as_str(), add);
        bump(&mut self.kinds, &a.kind, add);
        if let Some(c) = &a.country {
            bump(&mut self.countries, c.as_str(), add);
        }
        if let Some(g) = &a.agent {
            bump(&mut self.agents, g.as_str(), add);
        }
        for al in &a.aliases {
            bump(&mut self.aliases, al.as_str(), add);
        }
        for r in &a.roles {
            match self.roles.iter().position(|(x, _)| x == r) {
                Some(i) if add => self.roles[i].1 += 1,
                Some(i) => {
                    self.roles[i].1 -= 1;
                    if self.roles[i].1 == 0 {
                        self.roles.remove(i);
                    }
                }
                None if add => self.roles.push((r.clone(), 1)),
                None => {}
            }
        }
        if add {
            self.mentions += a.mentions;
            self.documents += 1;
        } else {
            self.mentions = self.mentions.saturating_sub(a.mentions);
            self.documents = self.documents.saturating_sub(1);
        }
    }

    /// Whether no document names the actor any more.
    pub fn is_empty(&self) -> bool {
        self.documents == 0
    }

    /// The pooled actor.
    pub fn actor(&self, id: &str) -> Actor {
        let mut aliases: Vec<(&String, usize)> = self.aliases.iter().map(|(a, &c)| (a, c)).collect();
        aliases.sort_by(|a, b| b.1.cmp(&a.1).then(a.0.cmp(b.0)));
        let mut roles: Vec<&(Role, usize)> = self.roles.iter().collect();
        roles.sort_by(|a, b| b.1.cmp(&a.1).then_with(|| role_key(&a.0).cmp(&role_key(&b.0))));
        Actor {
            id: id.to_string(),
            name: most(&self.names).unwrap_or_else(|| id.to_string()),
            kind: most(&self.kinds).unwrap_or(ActorKind::Sector),
            country: most(&self.countries),
            agent: most(&self.agents),
            aliases: aliases.into_iter().map(|(a, _)| a.clone()).collect(),
            roles: roles.into_iter().map(|(r, _)| r.clone()).collect(),
            mentions: self.mentions,
            documents: self.documents,
        }
    }
}

/// Every document's actors pooled by id ([`Tally`]), then merged across ids ([`ActorPool::merge`]).
#[derive(Default)]
pub struct ActorPool {
    tallies: BTreeMap<String, Tally>,
}

impl ActorPool {
    /// Pool one document's actors.
    pub fn add(&mut self, actors: &[Actor]) {
        for a in actors {
            self.tallies.entry(a.id.clone()).or_default().count(a, true);
        }
    }

    /// A pool kept elsewhere (a store's), by actor id.
    pub fn from_tallies(tallies: impl IntoIterator<Item = (String, Tally)>) -> ActorPool {
        ActorPool { tallies: tallies.into_iter().filter(|(_, t)| !t.is_empty()).collect() }
    }

    /// Merge the pooled actors: people whose names are variants and whose countries agree, then
    /// a lone surname ("Mr. Tour") into the one person of the corpus whose name ends with it.
    pub fn merge(self, never: &dyn Fn(&str, &str) -> bool) -> (Vec<Actor>, Vec<Merge>) {
        let mut pooled: BTreeMap<String, Actor> = self.tallies.iter().map(|(id, t)| (id.clone(), t.actor(id))).collect();
        let agree = |a: &Actor, b: &Actor| a.country.is_none() || b.country.is_none() || a.country == b.country;
        // People across documents: spelling variants with agreeing context. A variant has the
        // same number of words and the same initials, so only people who share that shape are
        // compared: the work follows the people of each shape, not the square of all people.
        let people: Vec<(&String, Vec<String>)> =
            pooled.values().filter(|a| a.kind == ActorKind::Person).map(|a| (&a.id, tokens(&a.name))).collect();
        let mut shapes: BTreeMap<String, Vec<usize>> = BTreeMap::new();
        for (i, (_, t)) in people.iter().enumerate() {
            if t.len() >= 2 {
                shapes.entry(t.iter().filter_map(|w| w.chars().next()).collect()).or_default().push(i);
            }
        }
        let mut found: Vec<(usize, usize)> = Vec::new();
        for members in shapes.values() {
            let mut gone = vec![false; members.len()];
            for (i, &a) in members.iter().enumerate() {
                if gone[i] {
                    continue;
                }
                for (j, &b) in members.iter().enumerate().skip(i + 1) {
                    let (ia, ib) = (people[a].0, people[b].0);
                    if gone[j] || never(ia, ib) {
                        continue;
                    }
                    let (pa, pb) = (&pooled[ia], &pooled[ib]);
                    if agree(pa, pb) && variant(&pa.name, &pb.name) {
                        found.push((a, b));
                        gone[j] = true;
                    }
                }
            }
        }
        found.sort_unstable();
        let mut merges: Vec<Merge> = found
            .into_iter()
            .map(|(a, b)| {
                let (pa, pb) = (&pooled[people[a].0], &pooled[people[b].0]);
                let why = format!("spelling variant of {} ({} / {}), countries agree", pa.name, pa.name, pb.name);
                Merge { from: pb.id.clone(), into: pa.id.clone(), why }
            })
            .collect();
        let surnames = lone_surnames(&people, &merges, &pooled, never);
        drop(people);
        apply(&mut pooled, &merges);
        apply(&mut pooled, &surnames);
        merges.extend(surnames);
        (pooled.into_values().collect(), merges)
    }
}

/// A person known only by one word whose last word it is of exactly one person of the corpus
/// (after spelling variants are joined), their countries agreeing: "Mr. Tour" is Asad Tour when
/// no other Tour is known. With two candidates the surname stays apart.
fn lone_surnames(
    people: &[(&String, Vec<String>)],
    merges: &[Merge],
    pooled: &BTreeMap<String, Actor>,
    never: &dyn Fn(&str, &str) -> bool,
) -> Vec<Merge> {
    let into: BTreeMap<&str, &str> = merges.iter().map(|m| (m.from.as_str(), m.into.as_str())).collect();
    // Last word -> the people (after variants are joined) whose full names end with it: the
    // name, and aliases written as names ("Asad Tour" beside "Asad Toll"; not "ISI chief").
    let mut by_last: BTreeMap<String, Vec<&str>> = BTreeMap::new();
    for (id, t) in people {
        if t.len() < 2 {
            continue;
        }
        let owner = into.get(id.as_str()).copied().unwrap_or(id.as_str());
        let name_like = |a: &&String| a.split_whitespace().count() >= 2 && a.split_whitespace().all(|w| w.starts_with(char::is_uppercase));
        let aliases = pooled[id.as_str()].aliases.iter().filter(name_like).filter_map(|a| tokens(a).pop());
        for last in std::iter::once(t[t.len() - 1].clone()).chain(aliases) {
            let list = by_last.entry(last).or_default();
            if !list.contains(&owner) {
                list.push(owner);
            }
        }
    }
    let mut out = Vec::new();
    for (id, t) in people {
        if t.len() != 1 || into.contains_key(id.as_str()) {
            continue;
        }
        let Some([owner]) = by_last.get(&t[0]).map(Vec::as_slice) else { continue };
        let (lone, full) = (&pooled[id.as_str()], &pooled[*owner]);
        let agree = lone.country.is_none() || full.country.is_none() || lone.country == full.country;
        if agree && !never(owner, id) {
            let why = format!("surname of {}, the only person of that name ({} / {})", full.name, full.name, lone.name);
            out.push(Merge { from: id.to_string(), into: owner.to_string(), why });
        }
    }
    out
}

/// Fold each merged actor into its target: aliases, roles and counts.
fn apply(pooled: &mut BTreeMap<String, Actor>, merges: &[Merge]) {
    for m in merges {
        if let Some(from) = pooled.remove(&m.from) {
            let into = pooled.get_mut(&m.into).expect("merge target");
            for al in from.aliases {
                if !into.aliases.contains(&al) {
                    into.aliases.push(al);
                }
            }
            into.mentions += from.mentions;
            into.documents += from.documents;
            into.roles.extend(from.roles);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn variants_need_matching_shape() {
        assert!(variant("Asad Toll", "Asad Tour"));
        assert!(variant("Andrew Koribko", "Andrew Koribco"));
        assert!(!variant("Asim Malik", "Faiz Hameed"));
        assert!(!variant("Mohammad Yaqoob", "Mohammad Omar"));
        assert!(!variant("Malik", "Malik"));
    }

    fn person(id: &str, name: &str, country: Option<&str>) -> Actor {
        Actor {
            id: id.into(),
            name: name.into(),
            kind: ActorKind::Person,
            country: country.map(Into::into),
            agent: None,
            aliases: vec![name.into()],
            roles: Vec::new(),
            mentions: 1,
            documents: 0,
        }
    }

    #[test]
    fn a_lone_surname_joins_the_only_person_of_that_name() {
        let mut pool = ActorPool::default();
        pool.add(&[person("PER:asad-toll", "Asad Toll", None), person("PER:asad-tour", "Asad Tour", None)]);
        pool.add(&[person("PER:tour", "Tour", None), person("PER:khan", "Khan", None)]);
        pool.add(&[person("PER:imran-khan", "Imran Khan", Some("PAK")), person("PER:ismail-khan", "Ismail Khan", Some("AFG"))]);
        let (actors, merges) = pool.merge(&|_, _| false);
        let into = |from: &str| merges.iter().find(|m| m.from == from).map(|m| m.into.as_str());
        assert_eq!(into("PER:asad-tour"), Some("PER:asad-toll"), "spelling variant");
        assert_eq!(into("PER:tour"), Some("PER:asad-toll"), "the surname of the one Asad Tour/Toll");
        assert_eq!(into("PER:khan"), None, "two Khans: the surname stays apart");
        let toll = actors.iter().find(|a| a.id == "PER:asad-toll").unwrap();
        assert_eq!(toll.aliases, ["Asad Toll", "Asad Tour", "Tour"]);
        assert_eq!(toll.mentions, 3);
    }

    #[test]
    fn a_tally_is_the_same_whatever_the_order_documents_come_and_go_in() {
        let mut a = person("PER:x", "Asad Tour", Some("PAK"));
        a.aliases.push("Mr. Tour".into());
        let b = person("PER:x", "Asad Tour", None);
        let mut c = person("PER:x", "Asad Toor", Some("AFG"));
        c.roles.push(Role { title: "envoy".into(), ..Default::default() });
        let mut forwards = Tally::default();
        for d in [&a, &b, &c] {
            forwards.count(d, true);
        }
        // Another order, with a document counted, taken away and counted again.
        let mut shuffled = Tally::default();
        for (d, add) in [(&c, true), (&a, true), (&a, false), (&b, true), (&a, true)] {
            shuffled.count(d, add);
        }
        assert_eq!(forwards.actor("PER:x"), shuffled.actor("PER:x"));
        let x = forwards.actor("PER:x");
        assert_eq!((x.name.as_str(), x.documents, x.mentions), ("Asad Tour", 3, 3), "the name most documents give");
        assert_eq!(x.aliases, ["Asad Tour", "Asad Toor", "Mr. Tour"], "most frequent first, then in order");
        assert_eq!(x.country.as_deref(), Some("AFG"), "a tie between countries goes to the first in order");
        // Taking every document away leaves nothing.
        for d in [&a, &b, &c] {
            forwards.count(d, false);
        }
        assert!(forwards.is_empty() && forwards == Tally::default(), "{forwards:?}");
    }

    #[test]
    fn a_lone_surname_keeps_apart_from_a_person_of_another_country() {
        let mut pool = ActorPool::default();
        pool.add(&[person("PER:malik", "Malik", Some("IND")), person("PER:asim-malik", "Asim Malik", Some("PAK"))]);
        let (_, merges) = pool.merge(&|_, _| false);
        assert!(merges.is_empty(), "{merges:?}");
    }
}
