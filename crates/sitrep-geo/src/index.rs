//! Folded name to entries, compact: the table puts half a million keys here at load, and a
//! `HashMap<String, Vec<u32>>` made that two allocations a key and about 80 MB. Keys lie back to
//! back in one string, each key's entries in one shared vector; the hash table holds key numbers.

use std::hash::BuildHasher;

use hashbrown::HashTable;
use rustc_hash::FxBuildHasher;
use serde::{Deserialize, Serialize};

/// One key: where its text starts (it ends where the next key's starts) and its entries.
#[derive(Clone, Copy, Debug, PartialEq, Serialize, Deserialize)]
pub(crate) struct Key {
    text: u32,
    ids: u32,
    len: u32,
    cap: u32,
}

#[derive(Clone, Debug, Default)]
pub(crate) struct Index {
    text: String,
    keys: Vec<Key>,
    ids: Vec<u32>,
    table: HashTable<u32>,
}

/// An index without its hash table, as a snapshot keeps it.
#[derive(Debug, PartialEq, Serialize, Deserialize)]
pub(crate) struct IndexParts {
    text: String,
    keys: Vec<Key>,
    ids: Vec<u32>,
}

fn hash(s: &str) -> u64 {
    FxBuildHasher.hash_one(s)
}

impl Index {
    fn key_text<'a>(text: &'a str, keys: &[Key], k: u32) -> &'a str {
        let start = keys[k as usize].text as usize;
        let end = keys.get(k as usize + 1).map_or(text.len(), |n| n.text as usize);
        &text[start..end]
    }

    /// Room for this many more keys without rehashing.
    pub(crate) fn reserve(&mut self, keys: usize) {
        let Index { text, keys: ks, table, .. } = self;
        table.reserve(keys, |&k| hash(Index::key_text(text, ks, k)));
        ks.reserve(keys);
        self.ids.reserve(keys);
    }

    /// Adds entry `id` under `key` (once: an entry already there stays where it is).
    pub(crate) fn insert(&mut self, key: &str, id: u32) {
        let h = hash(key);
        let Index { text, keys, ids, table } = self;
        let found = table.find(h, |&k| Index::key_text(text, keys, k) == key).copied();
        let Some(k) = found else {
            let k = keys.len() as u32;
            keys.push(Key { text: text.len() as u32, ids: ids.len() as u32, len: 1, cap: 1 });
            text.push_str(key);
            ids.push(id);
            table.insert_unique(h, k, |&k| hash(Index::key_text(text, keys, k)));
            return;
        };
        let e = &mut keys[k as usize];
        let at = e.ids as usize;
        if ids[at..at + e.len as usize].contains(&id) {
            return;
        }
        if e.len == e.cap {
            // Full: the entries move to the end of the shared vector with twice the room
            // (most keys have one entry, and few ever grow).
            let end = ids.len();
            if at + e.cap as usize != end {
                ids.extend_from_within(at..at + e.len as usize);
                e.ids = end as u32;
            }
            e.cap *= 2;
            ids.resize(e.ids as usize + e.cap as usize, 0);
        }
        ids[(e.ids + e.len) as usize] = id;
        e.len += 1;
    }

    /// The entries of a key; None for a key that has none (left so by [`Index::shrink_each`]).
    pub(crate) fn get(&self, key: &str) -> Option<&[u32]> {
        let k = *self.table.find(hash(key), |&k| Index::key_text(&self.text, &self.keys, k) == key)?;
        let e = self.keys[k as usize];
        Some(&self.ids[e.ids as usize..(e.ids + e.len) as usize]).filter(|v| !v.is_empty())
    }

    pub(crate) fn contains_key(&self, key: &str) -> bool {
        self.get(key).is_some()
    }

    /// The keys and entries, for a snapshot ([`crate::cache`]).
    pub(crate) fn parts(&self) -> IndexParts {
        IndexParts { text: self.text.clone(), keys: self.keys.clone(), ids: self.ids.clone() }
    }

    /// The index of a snapshot's keys and entries: only the hash table is built again.
    pub(crate) fn from_parts(p: IndexParts) -> Index {
        let IndexParts { text, keys, ids } = p;
        let mut table = HashTable::with_capacity(keys.len());
        for k in 0..keys.len() as u32 {
            table.insert_unique(hash(Index::key_text(&text, &keys, k)), k, |&k| hash(Index::key_text(&text, &keys, k)));
        }
        Index { text, keys, ids, table }
    }

    /// Lets `f` drop entries from each key's (it sees them in a vector it may only shorten).
    pub(crate) fn shrink_each(&mut self, mut f: impl FnMut(&mut Vec<u32>)) {
        let mut buf = Vec::new();
        for e in &mut self.keys {
            let span = &mut self.ids[e.ids as usize..(e.ids + e.len) as usize];
            buf.clear();
            buf.extend_from_slice(span);
            f(&mut buf);
            assert!(buf.len() <= span.len(), "Index::shrink_each only removes entries");
            span[..buf.len()].copy_from_slice(&buf);
            e.len = buf.len() as u32;
        }
    }
}

#[cfg(test)]
mod tests {
    use super::Index;

    #[test]
    fn keeps_order_and_skips_repeats() {
        let mut x = Index::default();
        for (k, i) in [("a", 1), ("b", 2), ("a", 3), ("a", 1), ("c", 4), ("a", 5), ("b", 6), ("a", 7), ("a", 8)] {
            x.insert(k, i);
        }
        assert_eq!(x.get("a"), Some(&[1, 3, 5, 7, 8][..]));
        assert_eq!(x.get("b"), Some(&[2, 6][..]));
        assert_eq!(x.get("c"), Some(&[4][..]));
        assert_eq!(x.get("d"), None);
        x.shrink_each(|v| v.retain(|i| i % 2 == 1));
        assert_eq!(x.get("a"), Some(&[1, 3, 5, 7][..]));
        assert_eq!(x.get("b"), None);
        assert!(!x.contains_key("b"));
        x.insert("b", 9);
        x.insert("a", 10);
        assert_eq!(x.get("b"), Some(&[9][..]));
        assert_eq!(x.get("a"), Some(&[1, 3, 5, 7, 10][..]));
    }
}
