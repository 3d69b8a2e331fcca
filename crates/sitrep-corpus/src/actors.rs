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

    /// Merge the pooled actors: people whose names are variants and whose countries agree.
    pub fn merge(self, never: &dyn Fn(&str, &str) -> bool) -> (Vec<Actor>, Vec<Merge>) {
        let mut pooled = self.pooled;
        // People across documents: spelling variants with agreeing context.
        let people: Vec<String> = pooled.values().filter(|a| a.kind == ActorKind::Person).map(|a| a.id.clone()).collect();
        let mut merges = Vec::new();
        let mut gone: Vec<String> = Vec::new();
        for (i, a) in people.iter().enumerate() {
            if gone.contains(a) {
                continue;
            }
            for b in &people[i + 1..] {
                if gone.contains(b) || never(a, b) {
                    continue;
                }
                let (pa, pb) = (&pooled[a], &pooled[b]);
                let countries_agree = pa.country.is_none() || pb.country.is_none() || pa.country == pb.country;
                if countries_agree && variant(&pa.name, &pb.name) {
                    let why = format!("spelling variant of {} ({} / {}), countries agree", pa.name, pa.name, pb.name);
                    merges.push(Merge { from: b.clone(), into: a.clone(), why });
                    gone.push(b.clone());
                }
            }
        }
        for m in &merges {
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
        (pooled.into_values().collect(), merges)
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
}
