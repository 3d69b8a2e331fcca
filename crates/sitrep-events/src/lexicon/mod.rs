//! The event lexicon: patterns over lemmas, and the CAMEO table.

mod inflect;
mod load;
pub mod petrarch;

use rustc_hash::FxHashMap;

use sitrep_model::EventType;

pub use load::LexiconError;

/// One word of a pattern.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum PatternWord {
    Lemma(String),
    /// Up to five free words inside the clause.
    Gap,
}

/// One event pattern.
#[derive(Clone, Debug)]
pub struct Pattern {
    pub words: Vec<PatternWord>,
    pub kind: EventType,
    pub mode: Option<String>,
    pub cameo: String,
    /// The actor after the pattern is the source ("receive arms from X").
    pub reverse: bool,
    pub text: String,
}

/// Patterns indexed by their first lemma, and the map from surface words to lemmas.
pub struct Lexicon {
    /// Identifies the patterns' content.
    pub fingerprint: String,
    pub patterns: Vec<Pattern>,
    by_first: FxHashMap<String, Vec<usize>>,
    lemmas: FxHashMap<String, Vec<String>>,
    cameo: FxHashMap<String, f64>,
    /// The same, numbered: matching compares integers, not strings, and looks a word up once.
    ids: Ids,
}

/// Every pattern lemma numbered; what a surface word can stand for, and each pattern, in numbers.
#[derive(Default)]
struct Ids {
    /// Surface word -> ids of the lemmas it can stand for (its own first when it is one).
    of_word: FxHashMap<String, Vec<u32>>,
    /// Pattern -> its words: a lemma's id, or `None` for a gap.
    patterns: Vec<Vec<Option<u32>>>,
    /// Lemma id -> the patterns starting with it.
    by_first: Vec<Vec<usize>>,
}

impl Lexicon {
    pub fn builtin() -> Result<Lexicon, LexiconError> {
        Self::with_user_files(&[])
    }

    /// Ours plus a user's pattern files (same YAML format).
    pub fn with_user_files(paths: &[std::path::PathBuf]) -> Result<Lexicon, LexiconError> {
        let mut rows = load::builtin_patterns()?;
        let mut texts = vec![load::BUILTIN_VERBS.to_string(), load::BUILTIN_CAMEO.to_string()];
        for p in paths {
            let (file_rows, text) = load::pattern_file(p)?;
            rows.extend(file_rows);
            texts.push(text);
        }
        let cameo = load::builtin_cameo()?.into_iter().collect();
        let fingerprint = sitrep_model::short_id(&texts.iter().map(String::as_str).collect::<Vec<_>>());
        let mut lex = Lexicon {
            fingerprint,
            patterns: Vec::new(),
            by_first: FxHashMap::default(),
            lemmas: FxHashMap::default(),
            cameo,
            ids: Ids::default(),
        };
        for row in rows {
            lex.add(row);
        }
        lex.number();
        Ok(lex)
    }

    /// Number the lemmas once all patterns are in.
    fn number(&mut self) {
        let mut id: FxHashMap<&str, u32> = FxHashMap::default();
        for p in &self.patterns {
            for w in &p.words {
                if let PatternWord::Lemma(l) = w {
                    let n = id.len() as u32;
                    id.entry(l.as_str()).or_insert(n);
                }
            }
        }
        let mut ids = Ids { by_first: vec![Vec::new(); id.len()], ..Ids::default() };
        let words = self.lemmas.keys().map(String::as_str).chain(id.keys().copied());
        for word in words {
            if !ids.of_word.contains_key(word) {
                let of: Vec<u32> = self.lemmas_of(word).filter_map(|l| id.get(l).copied()).collect();
                ids.of_word.insert(word.to_string(), of);
            }
        }
        for p in &self.patterns {
            ids.patterns.push(p.words.iter().map(|w| if let PatternWord::Lemma(l) = w { Some(id[l.as_str()]) } else { None }).collect());
        }
        for (first, pats) in &self.by_first {
            ids.by_first[id[first.as_str()] as usize] = pats.clone();
        }
        self.ids = ids;
    }

    fn add(&mut self, row: load::PatternRow) {
        let Some(kind) = EventType::parse(&row.kind) else { return };
        let words: Vec<PatternWord> = row
            .pattern
            .split(|c: char| c.is_whitespace() || c == '-')
            .filter(|w| !w.is_empty())
            .map(|w| if w == "*" { PatternWord::Gap } else { PatternWord::Lemma(w.to_lowercase()) })
            .collect();
        let Some(PatternWord::Lemma(first)) = words.first().cloned() else { return };
        for w in &words {
            if let PatternWord::Lemma(l) = w {
                for form in inflect::forms(l) {
                    let e = self.lemmas.entry(form).or_default();
                    if !e.contains(l) {
                        e.push(l.clone());
                    }
                }
            }
        }
        self.by_first.entry(first).or_default().push(self.patterns.len());
        self.patterns.push(Pattern { words, kind, mode: row.mode, cameo: row.cameo, reverse: row.reverse, text: row.pattern });
    }

    /// The lemmas a lower-case surface word can stand for (itself included).
    pub fn lemmas_of<'a>(&'a self, word: &'a str) -> impl Iterator<Item = &'a str> {
        std::iter::once(word).chain(self.lemmas.get(word).into_iter().flatten().map(String::as_str).filter(move |l| *l != word))
    }

    /// Ids of the pattern lemmas a lower-case surface word can stand for: `word` stands for lemma
    /// `l` exactly when `l`'s id is among them.
    pub fn lemma_ids(&self, word: &str) -> &[u32] {
        self.ids.of_word.get(word).map(Vec::as_slice).unwrap_or(&[])
    }

    /// Pattern `p`'s words as lemma ids (`None`: a gap).
    pub fn pattern_ids(&self, p: usize) -> &[Option<u32>] {
        &self.ids.patterns[p]
    }

    /// Patterns starting with the lemma numbered `id`.
    pub fn starting_with_id(&self, id: u32) -> &[usize] {
        &self.ids.by_first[id as usize]
    }

    /// Whether a lower-case surface word can start a pattern.
    pub fn starts_pattern(&self, word: &str) -> bool {
        self.lemma_ids(word).iter().any(|&l| !self.starting_with_id(l).is_empty())
    }

    /// Patterns starting with `lemma`.
    pub fn starting_with(&self, lemma: &str) -> &[usize] {
        self.by_first.get(lemma).map(Vec::as_slice).unwrap_or(&[])
    }

    /// Goldstein score of a CAMEO code (its root's when the code is unknown).
    pub fn goldstein(&self, code: &str) -> f64 {
        let mut c = code;
        loop {
            if let Some(g) = self.cameo.get(c) {
                return *g;
            }
            if c.len() <= 2 {
                return 0.0;
            }
            c = &c[..c.len() - 1];
        }
    }
}
