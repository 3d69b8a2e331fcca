//! The event lexicon: patterns over lemmas, and the CAMEO table.

mod inflect;
mod load;
pub mod petrarch;

use std::collections::HashMap;

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
    by_first: HashMap<String, Vec<usize>>,
    lemmas: HashMap<String, Vec<String>>,
    cameo: HashMap<String, f64>,
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
        let cameo = load::builtin_cameo()?;
        let fingerprint = sitrep_model::short_id(&texts.iter().map(String::as_str).collect::<Vec<_>>());
        let mut lex = Lexicon { fingerprint, patterns: Vec::new(), by_first: HashMap::new(), lemmas: HashMap::new(), cameo };
        for row in rows {
            lex.add(row);
        }
        Ok(lex)
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
