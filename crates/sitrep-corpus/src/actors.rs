//! Merging the documents' actors into corpus actors.

use std::collections::BTreeMap;

use sitrep_model::{Actor, ActorKind};

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

/// [`merge_actors`] fed one document at a time (a store streams them): memory follows the
/// distinct actors, not the documents.
#[derive(Default)]
pub struct ActorPool {
    pooled: BTreeMap<String, Actor>,
}

impl ActorPool {
    /// Pool one document's actors.
    pub fn add(&mut self, actors: &[Actor]) {
        let pooled = &mut self.pooled;
        for a in actors {
            match pooled.get_mut(&a.id) {
                Some(p) => {
                    for al in &a.aliases {
                        if !p.aliases.contains(al) {
                            p.aliases.push(al.clone());
                        }
                    }
                    for r in &a.roles {
                        if !p.roles.contains(r) {
                            p.roles.push(r.clone());
                        }
                    }
                    p.mentions += a.mentions;
                    p.documents += 1;
                    if p.country.is_none() {
                        p.country = a.country.clone();
                    }
                    if p.agent.is_none() {
                        p.agent = a.agent.clone();
                    }
                }
                None => {
                    pooled.insert(a.id.clone(), Actor { documents: 1, ..a.clone() });
                }
            }
        }
    }

    /// Merge the pooled actors: people whose names are variants and whose countries agree, then
    /// a lone surname ("Mr. Tour") into the one person of the corpus whose name ends with it.
    pub fn merge(self, never: &dyn Fn(&str, &str) -> bool) -> (Vec<Actor>, Vec<Merge>) {
        let mut pooled = self.pooled;
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
    fn a_lone_surname_keeps_apart_from_a_person_of_another_country() {
        let mut pool = ActorPool::default();
        pool.add(&[person("PER:malik", "Malik", Some("IND")), person("PER:asim-malik", "Asim Malik", Some("PAK"))]);
        let (_, merges) = pool.merge(&|_, _| false);
        assert!(merges.is_empty(), "{merges:?}");
    }
}
