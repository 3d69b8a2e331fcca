//! What a line of an article is: body text, a headline, a byline, a site prompt, or junk.
//! General rules of shape and wording, not lists of one site's strings.

use std::sync::LazyLock;

use regex::Regex;

/// The class of one line.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum LineClass {
    /// Running text: sentences with final punctuation.
    Body,
    /// A short line without final punctuation: a headline, masthead, sub-heading or site name.
    Short,
    /// Share, follow, subscribe, read-more, copyright, advertisement prompts.
    Prompt,
    /// Mostly not letters: OCR debris (`?? ??`), separators, stray symbols.
    Junk,
}

static PROMPT: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"(?ix)
        (?-u:\b)(follow|like|join|find)\s+us(?-u:\b)
      | (?-u:\b)share\s+(this|on|via|the\s+story|the\s+article)(?-u:\b)
      | (?-u:\b)subscribe(?-u:\b) | (?-u:\b)newsletters?(?-u:\b) | (?-u:\b)sign\s+up(?-u:\b) | (?-u:\b)click\s+here(?-u:\b)
      | ^\s*(read|see)\s+(more|also)(?-u:\b) | (?-u:\b)read\s+more\s+(on|at|about)(?-u:\b) | ^\s*also\s+read(?-u:\b)
      | (?-u:\b)all\s+rights\s+reserved(?-u:\b) | © | \(c\)\s*\d{4} | ^\s*copyright(?-u:\b)
      | ^\s*(advertisement|sponsored(\s+content)?|promoted|ad)\s*$
      | (?-u:\b)download\s+(our|the)\s+app(?-u:\b)
      | (?-u:\b)for\s+(breaking|the\s+latest|latest|live)\s+news(?-u:\b)
      | ^\s*(related|recommended|most\s+read|most\s+popular|trending|more\s+from|more\s+stories|top\s+stories)(?-u:\b)
      | (?-u:\b)(whatsapp|telegram|facebook|twitter|instagram|youtube|x)\s+(channel|page|account|feed)(?-u:\b)
      | ^\s*(photo|image|file\s+photo|picture|credit|caption|video)\s*[:|/]
      | (?-u:\b)getty\s+images(?-u:\b) | (?-u:\b)cookies?(?-u:\b).*(?-u:\b)(accept|policy|consent)(?-u:\b)
      | (?-u:\b)skip\s+to\s+(main\s+)?content(?-u:\b) | ^\s*(home|menu|search|log\s*in|sign\s+in)\s*$
        ",
    )
    .expect("prompt pattern")
});

/// Word boundaries in `PROMPT` are ASCII ones, so the pattern runs as a DFA: the prompt words
/// are all ASCII, and Unicode-aware boundaries made this the slowest step of cleaning a page.
/// Letters' and digits' share of the visible characters, the word count and the letter count,
/// in one pass over the line.
fn shape(line: &str) -> (f32, usize, usize) {
    let (mut visible, mut alnum, mut alphabetic, mut words) = (0usize, 0usize, 0usize, 0usize);
    let mut in_word = false;
    for c in line.chars() {
        if c.is_whitespace() {
            in_word = false;
            continue;
        }
        visible += 1;
        words += usize::from(!in_word);
        in_word = true;
        if c.is_alphabetic() {
            alphabetic += 1;
            alnum += 1;
        } else if c.is_numeric() {
            alnum += 1;
        }
    }
    (alnum as f32 / visible.max(1) as f32, words, alphabetic)
}

/// Prompts are short: a sentence that mentions signing up or a newsletter in passing is text.
const PROMPT_MAX_WORDS: usize = 18;

/// Whether the line ends like a sentence.
pub fn ends_sentence(line: &str) -> bool {
    let t = line.trim_end_matches(|c: char| c.is_whitespace() || matches!(c, '"' | '”' | '’' | '\'' | ')' | ']' | '*' | '_'));
    t.ends_with(['.', '!', '?', '…', ':', ';'])
}

/// Classify one trimmed, non-empty line.
pub fn classify(line: &str) -> LineClass {
    let (letters, words, alphabetic) = shape(line);
    // Table rows ("5 Joey Logano 2380 2 3") are text; symbols and OCR debris are not.
    if letters < 0.5 || alphabetic < 2 {
        return LineClass::Junk;
    }
    if words <= PROMPT_MAX_WORDS && PROMPT.is_match(line) {
        return LineClass::Prompt;
    }
    if !ends_sentence(line) && words <= 25 {
        return LineClass::Short;
    }
    LineClass::Body
}

/// Headline style: most longer words start with a capital.
pub fn is_title_case(line: &str) -> bool {
    let words: Vec<&str> = line.split_whitespace().filter(|w| w.chars().filter(|c| c.is_alphabetic()).count() > 3).collect();
    if words.len() < 2 {
        return false;
    }
    let caps = words.iter().filter(|w| w.chars().find(|c| c.is_alphabetic()).is_some_and(char::is_uppercase)).count();
    caps * 10 >= words.len() * 7
}

/// The words that cannot end a paragraph: a paragraph ending in one was broken by the page.
pub fn ends_with_function_word(line: &str) -> bool {
    const FUNCTION: &[&str] = &[
        "the", "a", "an", "of", "to", "in", "on", "at", "by", "for", "with", "from", "and", "or", "but", "that", "which", "who", "as",
        "its", "their", "his", "her", "this", "these", "those", "is", "are", "was", "were", "has", "have",
    ];
    line.split_whitespace().next_back().is_some_and(|w| FUNCTION.contains(&w.to_lowercase().as_str()))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn lines_are_classified_by_shape_and_wording() {
        assert_eq!(classify("?? ??"), LineClass::Junk);
        assert_eq!(classify("-"), LineClass::Junk);
        assert_eq!(classify("■ ■ ■"), LineClass::Junk);
        assert_eq!(classify("Follow us on Telegram for daily updates"), LineClass::Prompt);
        assert_eq!(classify("Share this article"), LineClass::Prompt);
        assert_eq!(classify("Advertisement"), LineClass::Prompt);
        assert_eq!(classify("© 2024 Some Outlet. All rights reserved."), LineClass::Prompt);
        assert_eq!(classify("Newspapers in English"), LineClass::Short);
        assert_eq!(classify("The army said it had repelled the attack."), LineClass::Body);
        assert_eq!(classify("He also said the talks would resume soon, officials added"), LineClass::Short);
    }

    #[test]
    fn headlines_look_like_headlines() {
        assert!(is_title_case("How A Covert Relationship With The Taliban Backfired"));
        assert!(!is_title_case("the talks were held in private"));
        assert!(ends_with_function_word("people familiar with the matter said. The"));
        assert!(!ends_with_function_word("the matter said."));
    }
}
