//! Resolution inside one document: which mentions are the same person, which roles bind people
//! to organisations and countries, and which titles-only mentions ("the ISI chief") stand for a
//! person named elsewhere in the article. Ends with the document's `Actor`s.

use std::borrow::Cow;
use std::collections::{BTreeMap, HashMap};
use std::hash::BuildHasherDefault;
use std::sync::LazyLock;

use sitrep_model::{Actor, ActorKind, Article, Mention, MentionKind, Role, slug};
use sitrep_text::{Token, TokenKind};

use crate::SentenceTokens;
use crate::dictionary::Dictionary;
use crate::lower::{Fnv, is_one_of, is_one_of_short, lower, with_lower};
use crate::recognise::words::SPEECH_VERBS;

/// Role nouns, longest first so "deputy prime minister" wins over "minister".
const ROLES: &[&str] = &[
    "deputy prime minister",
    "prime minister",
    "vice president",
    "foreign minister",
    "defence minister",
    "defense minister",
    "interior minister",
    "army chief",
    "spy chief",
    "intelligence chief",
    "secretary of state",
    "foreign secretary",
    "supreme leader",
    "spy master",
    "spymaster",
    "president",
    "minister",
    "chief",
    "head",
    "ambassador",
    "spokesman",
    "spokeswoman",
    "spokesperson",
    "commander",
    "general",
    "leader",
    "founder",
    "director",
    "secretary",
    "envoy",
    "governor",
    "king",
    "emir",
    "premier",
    "journalist",
    "reporter",
    "analyst",
    "expert",
    "chairman",
    "mayor",
    "senator",
    "colonel",
    "major",
];

/// The most words a role noun has.
const ROLE_WORDS: usize = 3;

/// The sector a role puts its holder in, when the organisation does not say.
fn role_agent(title: &str) -> Option<&'static str> {
    let last = title.rsplit(' ').next().unwrap_or(title);
    Some(match last {
        "president" | "minister" | "ambassador" | "secretary" | "envoy" | "governor" | "king" | "emir" | "premier" | "state" | "mayor"
        | "leader" => "GOV",
        "general" | "commander" | "colonel" | "major" => "MIL",
        "journalist" | "reporter" => "MED",
        "senator" => "LEG",
        _ => return None,
    })
}

/// A role found next to a mention.
struct FoundRole {
    title: String,
    org: Option<String>,
    country: Option<String>,
    agent: Option<String>,
    former: bool,
}

fn lower_words<'t>(text: &'t str, toks: &[Token]) -> Vec<Cow<'t, str>> {
    toks.iter().map(|t| lower(t.text(text))).collect()
}

/// [`ROLES`] split into words and grouped by their first, in list order: [`role_at`] runs for
/// every word of every window, so it looks up rather than walks the list (hashing the short
/// words with FNV: the default hasher was most of a lookup).
type ByFirst = HashMap<&'static str, Vec<(Vec<&'static str>, &'static str)>, BuildHasherDefault<Fnv>>;
static BY_FIRST: LazyLock<ByFirst> = LazyLock::new(|| {
    let mut map = ByFirst::default();
    for r in ROLES {
        let parts: Vec<&'static str> = r.split(' ').collect();
        map.entry(parts[0]).or_default().push((parts, r));
    }
    map
});

/// Whether a role noun can start at word `w` (as it is written): [`role_at`] finds none
/// anywhere else.
fn may_open_role(w: &str) -> bool {
    with_lower(w, |l| BY_FIRST.contains_key(strip_possessive(l)))
}

/// The longest role noun ending at or starting at word `i` of `words`.
fn role_at(words: &[Cow<'_, str>], i: usize) -> Option<(usize, usize, &'static str)> {
    let candidates = BY_FIRST.get(strip_possessive(words.get(i)?))?;
    for (parts, r) in candidates {
        if i + parts.len() <= words.len() && parts.iter().enumerate().all(|(k, p)| strip_possessive(&words[i + k]) == *p) {
            return Some((i, i + parts.len(), r));
        }
    }
    None
}

/// A word without its possessive endings ("chief's" -> "chief").
fn strip_possessive(mut w: &str) -> &str {
    while let Some(s) = w.strip_suffix("'s") {
        w = s;
    }
    while let Some(s) = w.strip_suffix("’s") {
        w = s;
    }
    w
}

/// Every role in a window of tokens. A role's organisation or country is the mention nearest
/// before its noun, else the first after it ("head of Pakistan's spy agency").
fn roles_in(text: &str, window: &[Token], mentions: &[Mention], dict: &Dictionary) -> Vec<FoundRole> {
    let words = lower_words(text, window);
    let mut out = Vec::new();
    let mut i = 0;
    let former = words.iter().any(|w| matches!(&**w, "former" | "then" | "ex" | "retired" | "erstwhile"));
    while i < words.len() {
        let Some((rs, re, title)) = role_at(&words, i) else {
            i += 1;
            continue;
        };
        i = re;
        let role_start = window[rs].start;
        let role_end = window[re - 1].end;
        let (win_start, win_end) = (window[0].start, window[window.len() - 1].end);
        let inside = |m: &&Mention| m.start >= win_start && m.end <= win_end && m.kind != MentionKind::Person;
        let before = mentions.iter().filter(inside).rfind(|m| m.end <= role_start);
        let after = mentions.iter().filter(inside).find(|m| m.start >= role_end);
        let m = before.or(after);
        let (org, country, agent) = match m {
            Some(m) if matches!(m.kind, MentionKind::Organisation | MentionKind::Group) => {
                let org = m.actor.clone();
                let agent = org.as_deref().and_then(|o| dict.orgs.get(o)).and_then(|o| o.agent.clone()).or_else(|| m.agent.clone());
                (org, m.country.clone(), agent)
            }
            Some(m) => (None, m.country.clone(), m.agent.clone()),
            None => (None, None, None),
        };
        let agent =
            if org.is_some() && matches!(title, "chief" | "head" | "director" | "spokesman" | "spokesperson" | "spokeswoman" | "leader") {
                agent
            } else {
                role_agent(title).map(str::to_string).or(agent)
            };
        out.push(FoundRole { title: title.to_string(), org, country, agent, former });
    }
    // Roles tied to an organisation say most about a person: they come first.
    out.sort_by_key(|r| (r.org.is_none(), r.country.is_none()));
    out
}

/// Add a role unless one with the same title says as much or more.
fn add_role(roles: &mut Vec<Role>, role: Role) {
    let covers =
        |a: &Role, b: &Role| a.title == b.title && (b.org.is_none() || a.org == b.org) && (b.country.is_none() || a.country == b.country);
    if let Some(r) = roles.iter_mut().find(|r| covers(r, &role)) {
        // The article names the person by the role ("The Foreign Secretary, Boris Johnson"): it
        // is held as the article speaks, whatever years the dictionary gives it.
        if !role.former {
            r.former = false;
        }
        return;
    }
    roles.retain(|r| !covers(&role, r));
    roles.push(role);
}

/// One person being resolved.
struct Person {
    /// The dictionary's id for a known person.
    fixed: Option<String>,
    /// Name forms without titles, first seen first (a known person's dictionary name first).
    forms: Vec<String>,
    roles: Vec<Role>,
    country: Option<String>,
    agent: Option<String>,
    org: Option<String>,
    last_seen: usize,
}

impl Person {
    fn canonical(&self) -> &str {
        self.forms.iter().find(|f| f.contains(' ')).unwrap_or(&self.forms[0])
    }
    fn id(&self) -> String {
        self.fixed.clone().unwrap_or_else(|| format!("PER:{}", slug(self.canonical())))
    }
}

/// A name's words, folded: "Kim Jong-un" and "Kim Jong Un" have the same words.
fn name_tokens(s: &str) -> Vec<String> {
    s.split(|c: char| c.is_whitespace() || c == '-' || c == '‐')
        .filter(|w| !w.is_empty())
        .map(|w| deunicode::deunicode(w).to_lowercase())
        .collect()
}

/// Whether name `m` (tokens) is the person with forms `forms`.
fn same_person(m: &[String], p: &Person) -> bool {
    p.forms.iter().any(|f| {
        let f = name_tokens(f);
        if m.len() == 1 {
            let last = f.last().unwrap();
            return *last == m[0]
                || (last.chars().next() == m[0].chars().next() && strsim::jaro_winkler(last, &m[0]) >= 0.9 && m[0].len() >= 5);
        }
        if f == m {
            return true;
        }
        // One form inside the other: "Abdul Ghani Baradar" in "Mullah Abdul Ghani Baradar".
        let (short, long): (&[String], &[String]) = if f.len() < m.len() { (&f, m) } else { (m, &f) };
        if short.len() >= 2 && long.windows(short.len()).any(|w| w == short) {
            return true;
        }
        // A spelling variant: one word spelled differently, same initials, close overall
        // ("Asad Toll" / "Asad Tour", "Zabihullah Mujahid" / "Zabiullah Mujahid").
        f.len() == m.len()
            && f.iter().zip(m).filter(|(a, b)| a != b).count() == 1
            && f.iter().zip(m).all(|(a, b)| a.chars().next() == b.chars().next())
            && strsim::jaro_winkler(&f.join(" "), &m.join(" ")) >= 0.9
    })
}

/// Bare surnames of people named in full elsewhere in the article ("Yaqoob has ...").
fn surname_mentions(article: &Article, sents: &SentenceTokens, mentions: &mut Vec<Mention>) {
    let text = &article.text;
    let surnames: Vec<String> = mentions
        .iter()
        .filter(|m| m.kind == MentionKind::Person && m.text.split_whitespace().count() >= 2)
        .filter_map(|m| m.text.split_whitespace().last().map(str::to_string))
        .filter(|s| s.chars().count() >= 3)
        .collect();
    if surnames.is_empty() {
        return;
    }
    let mut found = Vec::new();
    for toks in &sents.0 {
        for &t in toks {
            if t.kind != TokenKind::Word {
                continue;
            }
            let w = t.text(text);
            let bare = w.strip_suffix("'s").or_else(|| w.strip_suffix("’s")).unwrap_or(w);
            // The surname as written, or a spelling of it ("Rakhmon" for "Rahmon"): a
            // capitalised word of five letters or more.
            let first = bare.chars().next();
            let spelling = first.is_some_and(char::is_uppercase) && bare.chars().count() >= 5;
            let close = |s: &String| {
                s == bare || (spelling && first == s.chars().next() && strsim::jaro_winkler(&bare.to_lowercase(), &s.to_lowercase()) >= 0.9)
            };
            if !surnames.iter().any(close) {
                continue;
            }
            let end = t.start + bare.len();
            if mentions.iter().any(|m| m.start < end && t.start < m.end) {
                continue;
            }
            // A given name right before the surname belongs to the mention ("Zabiullah Mujahid").
            let mut start = t.start;
            let before = text[..t.start].trim_end_matches(' ');
            if before.len() + 1 == t.start {
                let given = before.rsplit(|c: char| !c.is_alphanumeric()).next().unwrap_or("");
                let given_start = before.len() - given.len();
                if given.chars().next().is_some_and(char::is_uppercase)
                    && given.chars().count() >= 3
                    && !crate::recognise::words::not_name_word(given)
                    && !mentions.iter().any(|m| m.start < before.len() && given_start < m.end)
                {
                    start = given_start;
                }
            }
            found.push(Mention {
                start,
                end,
                text: text[start..end].to_string(),
                kind: MentionKind::Person,
                actor: None,
                country: None,
                agent: None,
                org: None,
                how: "surname".into(),
            });
        }
    }
    if !found.is_empty() {
        mentions.extend(found);
        mentions.sort_by_key(|m| m.start);
    }
}

/// A name inside a relative aside between commas ("al-Shabaab, which is linked to al-Qaeda,
/// said"): it describes the antecedent and is not what "the group" later points back to.
fn in_relative_aside(text: &str, m: &Mention) -> bool {
    let before = &text[..m.start];
    let Some(comma) = before.rfind(',') else { return false };
    let opener = before[comma + 1..].trim_start().to_lowercase();
    let relative = ["which ", "who ", "whose "].iter().any(|w| opener.starts_with(w)) && before.len() - comma < 80;
    relative && text[m.end..].find(',').is_some_and(|c| c < 40 && !text[m.end..m.end + c].contains('.'))
}

/// "The group", "these groups", "the movement": the armed or political group named last,
/// within the three sentences before, other than one named in a relative aside.
fn group_anaphora(article: &Article, sents: &SentenceTokens, mentions: &mut Vec<Mention>) {
    let text = &article.text;
    let mut found = Vec::new();
    for (si, toks) in sents.0.iter().enumerate() {
        for w in toks.windows(2) {
            // The determiner first: most words are too long for one.
            if !is_one_of_short::<5>(w[0].text(text), &["the", "these", "this", "such"])
                || !is_one_of(w[1].text(text), &["group", "groups", "movement", "outfit"])
            {
                continue;
            }
            let (start, end) = (w[0].start, w[1].end);
            if mentions.iter().any(|m| m.start < end && start < m.end) {
                continue;
            }
            let window_start = article.sentences[si.saturating_sub(3)].start;
            let Some(ante) = mentions
                .iter()
                .rev()
                .find(|m| m.kind == MentionKind::Group && m.end <= start && m.start >= window_start && !in_relative_aside(text, m))
            else {
                continue;
            };
            found.push(Mention { start, end, text: text[start..end].to_string(), how: "anaphor".into(), ..ante.clone() });
        }
    }
    // "the Iran-aligned group", "this Russian-backed movement": the same, with a modifier of
    // which the country or patron is only a part; the anaphor replaces the modifier's mention.
    let mut replaced = Vec::new();
    for (k, m) in mentions.iter().enumerate() {
        if !m.how.starts_with("modifier:") {
            continue;
        }
        let before = text[..m.start].trim_end();
        let det_start = before.rfind(|c: char| c.is_whitespace()).map_or(0, |p| p + 1);
        let det = before[det_start..].to_lowercase();
        let compound_end = text[m.end..].find(char::is_whitespace).map_or(text.len(), |p| m.end + p);
        let rest = &text[compound_end..];
        let head_start = compound_end + (rest.len() - rest.trim_start().len());
        let head_end = text[head_start..].find(|c: char| !c.is_alphanumeric()).map_or(text.len(), |p| head_start + p);
        let head = text[head_start..head_end].to_lowercase();
        if !matches!(det.as_str(), "the" | "these" | "this" | "such")
            || !matches!(head.as_str(), "group" | "groups" | "movement" | "outfit")
        {
            continue;
        }
        let (start, end) = (det_start, head_end);
        if mentions.iter().enumerate().any(|(o, x)| o != k && x.start < end && start < x.end) {
            continue;
        }
        let Some(si) = article.sentence_at(start) else { continue };
        let window_start = article.sentences[si.saturating_sub(3)].start;
        let Some(ante) = mentions
            .iter()
            .rev()
            .find(|x| x.kind == MentionKind::Group && x.end <= start && x.start >= window_start && !in_relative_aside(text, x))
        else {
            continue;
        };
        replaced.push((k, Mention { start, end, text: text[start..end].to_string(), how: "anaphor".into(), ..ante.clone() }));
    }
    for (k, m) in replaced.into_iter().rev() {
        mentions[k] = m;
    }
    if !found.is_empty() {
        mentions.extend(found);
        mentions.sort_by_key(|m| m.start);
    }
}

/// "The United Kingdom Home Office" then "the Home Office", "the Andy Warhol Foundation for the
/// Visual Arts" then "the Andy Warhol Foundation": an organisation read from its name's shape is
/// the one named before whose name starts or ends with the same two or more words.
fn name_variants(mentions: &mut [Mention]) {
    let words = |m: &Mention| -> Vec<String> {
        m.text
            .split_whitespace()
            .map(|w| w.trim_end_matches("'s").trim_end_matches("’s").to_lowercase())
            .skip_while(|w| w == "the")
            .collect()
    };
    for i in 0..mentions.len() {
        if mentions[i].kind != MentionKind::Organisation || mentions[i].how != "name" {
            continue;
        }
        let w = words(&mentions[i]);
        let same = |o: &Mention| {
            let v = words(o);
            let (short, long) = if v.len() < w.len() { (&v, &w) } else { (&w, &v) };
            short.len() >= 2 && short.len() < long.len() && (long.starts_with(short) || long.ends_with(short))
        };
        let Some(o) = mentions[..i]
            .iter()
            .rev()
            .find(|o| matches!(o.kind, MentionKind::Organisation | MentionKind::Group) && o.actor.is_some() && same(o))
            .cloned()
        else {
            continue;
        };
        let m = &mut mentions[i];
        m.actor = o.actor.clone();
        m.org = o.actor;
        m.country = m.country.take().or(o.country);
    }
}

/// "the Coalition", "the coalition": the coalition the article names ("the US-led coalition",
/// "the Global Coalition against Daesh"), the nearest before, else the first after. The word in
/// capitals stays a coalition of its own when none is named; in lower case ("the ruling
/// coalition") it is only taken when one is.
fn coalition_anaphora(article: &Article, sents: &SentenceTokens, mentions: &mut Vec<Mention>) {
    let text = &article.text;
    let named = |m: &Mention| {
        m.how != "coalition"
            && matches!(m.kind, MentionKind::Organisation | MentionKind::Group)
            && m.actor.as_deref().is_some_and(|a| a.contains("coalition"))
    };
    let antecedent = |mentions: &[Mention], at: usize| {
        mentions.iter().rev().find(|m| m.end <= at && named(m)).or_else(|| mentions.iter().find(|m| m.start >= at && named(m))).cloned()
    };
    for i in 0..mentions.len() {
        if mentions[i].how != "coalition" {
            continue;
        }
        if let Some(a) = antecedent(mentions, mentions[i].start) {
            let m = &mut mentions[i];
            m.actor = a.actor;
            m.org = a.org;
            m.country = a.country;
            m.agent = a.agent;
            m.kind = a.kind;
            m.how = "anaphor".into();
        }
    }
    let mut found = Vec::new();
    for toks in &sents.0 {
        for w in toks.windows(2) {
            if w[1].text(text) != "coalition" || lower(w[0].text(text)) != "the" {
                continue;
            }
            let (start, end) = (w[0].start, w[1].end);
            if mentions.iter().any(|m| m.start < end && start < m.end) {
                continue;
            }
            if let Some(a) = antecedent(mentions, start) {
                found.push(Mention { start, end, text: text[start..end].to_string(), how: "anaphor".into(), ..a });
            }
        }
    }
    if !found.is_empty() {
        mentions.extend(found);
        mentions.sort_by_key(|m| m.start);
    }
}

/// "the TTP, a militant group targeting Pakistan", "Hamas, the group that runs Gaza": a bare
/// sector word set off by a comma and an article right after a named group or organisation
/// describes it, and is it.
fn appositions(text: &str, mentions: &mut [Mention]) {
    for i in 1..mentions.len() {
        let (before, rest) = mentions.split_at_mut(i);
        let (p, m) = (&before[i - 1], &mut rest[0]);
        if m.kind != MentionKind::Agent || m.country.is_some() || p.actor.is_none() {
            continue;
        }
        // Not a state: "Kyiv, the government said" may be another government speaking.
        if !matches!(p.kind, MentionKind::Group | MentionKind::Organisation) {
            continue;
        }
        let between = text[p.end..m.start].trim_start_matches([')', ']']).trim();
        // "In a statement to the broadcaster, the Church denied it": the comma closed a phrase
        // and the sector word is the subject of the clause that follows.
        let next: String = text[m.end..].split_whitespace().next().unwrap_or("").to_string();
        let verb = next.chars().next().is_some_and(char::is_lowercase)
            && (SPEECH_VERBS.contains(&next.as_str())
                || matches!(
                    next.as_str(),
                    "has" | "have" | "had" | "is" | "are" | "was" | "were" | "will" | "would" | "denied" | "denies"
                ));
        if !verb && matches!(between.to_lowercase().as_str(), ", a" | ", an" | ", the") {
            m.kind = p.kind;
            m.actor = p.actor.clone();
            m.country = p.country.clone();
            m.agent = p.agent.clone().or(m.agent.take());
            m.org = p.org.clone();
            m.how = "apposition".into();
        }
    }
}

/// "German Foreign Minister Oskar Fischer", "Pakistani journalist Asad Toll": a sector mention
/// right before a person's name is that person's title. It is folded into the person (as a role
/// giving country and sector) instead of standing as a second actor. Returns, per person mention
/// start, the title's role.
fn sector_titles(text: &str, mentions: &mut Vec<Mention>) -> Vec<(usize, Role, Option<String>)> {
    let mut out = Vec::new();
    let mut drop = Vec::new();
    for i in 1..mentions.len() {
        let (t, p) = (&mentions[i - 1], &mentions[i]);
        if t.kind != MentionKind::Agent || p.kind != MentionKind::Person || t.end > p.start {
            continue;
        }
        // Only a comma or title words between ("Iran's supreme leader Ayatollah Ali Khamenei").
        let between = text[t.end..p.start].trim();
        let titles_only = between
            .split(|c: char| c.is_whitespace() || c == '.')
            .filter(|w| !w.is_empty())
            .all(|w| crate::recognise::words::TITLE_SET.has_lower(w));
        if !(between.is_empty() || between == "," || titles_only) {
            continue;
        }
        // "German Foreign Minister" -> "foreign minister": the nationality is the role's country.
        let words: Vec<String> = t.text.split_whitespace().map(str::to_lowercase).collect();
        let skip = usize::from(t.how.starts_with("sector:") && words.len() > 1);
        let title = words[skip..].join(" ");
        let role = Role { title, org: None, country: t.country.clone(), former: false, from: None, to: None };
        out.push((p.start, role, t.agent.clone()));
        drop.push(i - 1);
    }
    for i in drop.into_iter().rev() {
        mentions.remove(i);
    }
    out
}

/// Words that end a run of modifiers between a possessive pronoun and a sector word.
const FUNCTION_WORDS: &[&str] =
    &["with", "of", "to", "on", "in", "at", "for", "from", "by", "against", "and", "or", "than", "as", "into", "over"];
/// Prepositions whose object is not what a later "its" stands for.
const PREPOSITIONS: &[&str] =
    &["at", "to", "of", "with", "against", "from", "in", "into", "toward", "towards", "near", "over", "between", "among", "about"];

/// A plural name, or a name before a plural noun it modifies ("the Houthis", "Taliban factions").
fn plural_name(text: &str, o: &Mention) -> bool {
    let plural = |w: &str| w.len() > 3 && w.ends_with('s') && !w.ends_with("ss") && !w.ends_with("'s") && !w.ends_with("’s");
    plural(&o.text) || text[o.end..].split_whitespace().next().is_some_and(|w| w.chars().all(|c| c.is_ascii_lowercase()) && plural(w))
}

/// "its fighters", "their forces": a sector word owned by a pronoun belongs to the group or
/// state the pronoun stands for (see below), so in "JNIM said its fighters" they are JNIM's.
fn owned_sectors(article: &Article, mentions: &mut [Mention]) {
    let text = &article.text;
    for i in 0..mentions.len() {
        let m = &mentions[i];
        if m.kind != MentionKind::Agent || m.country.is_some() {
            continue;
        }
        // "Its government said", "its first direct military attack", "their own forces": the
        // pronoun in any case, with at most two lower-case modifiers between it and the word.
        let before: Vec<&str> = text[..m.start].split_whitespace().rev().take(3).collect();
        let Some(p) = before.iter().position(|w| w.eq_ignore_ascii_case("its") || w.eq_ignore_ascii_case("their")) else { continue };
        let modifiers = before[..p].iter().all(|w| w.chars().all(|c| c.is_ascii_lowercase() || c == '-') && !FUNCTION_WORDS.contains(w));
        if !modifiers {
            continue;
        }
        let here = article.sentence_at(m.start).unwrap_or(0);
        let sentence_start = article.sentences[here].start;
        let owner_kind =
            |o: &Mention| matches!(o.kind, MentionKind::Group | MentionKind::Organisation | MentionKind::Country) && o.actor.is_some();
        // In its own sentence the owner is the nearest actor that is no object of a preposition
        // ("Iran fired missiles at Israel, in its first attack" is Iran's); a pronoun before any
        // actor of its sentence stands for the subject of the sentence before, its first actor.
        let after_preposition = |o: &Mention| {
            text[..o.start]
                .split_whitespace()
                .rev()
                .map(str::to_lowercase)
                .find(|w| !matches!(w.as_str(), "the" | "a" | "an" | "some" | "both" | "all" | "other"))
                .is_some_and(|w| PREPOSITIONS.contains(&w.as_str()))
        };
        // "The army said it was investigating why its forces ...": a sector word nearer than
        // any named owner is what the pronoun stands for; the forces are the army's own.
        // A sector word agrees in number: "its" a singular one ("the army"), "their" a plural.
        let plural_pronoun = before[p].eq_ignore_ascii_case("their");
        let agrees = |o: &Mention| o.text.ends_with('s') == plural_pronoun;
        let candidates = || {
            mentions[..i]
                .iter()
                .rev()
                .take_while(|o| o.start >= sentence_start)
                .filter(|o| (owner_kind(o) || (o.kind == MentionKind::Agent && agrees(o))) && !after_preposition(o))
        };
        // "some Taliban factions oppose helping Pakistan's efforts to fight the TTP, and ... didn't
        // recognize their regime": "their" takes a plural name before a nearer singular one.
        let in_sentence = candidates().find(|o| plural_pronoun && plural_name(text, o)).or_else(|| candidates().next());
        let owner = match in_sentence {
            Some(o) => Some(o.clone()),
            None if !mentions[..i]
                .iter()
                .any(|o| o.start >= sentence_start && (owner_kind(o) || (o.kind == MentionKind::Agent && agrees(o))))
                && here > 0 =>
            {
                let prev = article.sentences[here - 1];
                mentions[..i].iter().find(|o| o.start >= prev.start && o.end <= prev.end && owner_kind(o)).cloned()
            }
            None => None,
        };
        let Some(owner) = owner else { continue };
        let m = &mut mentions[i];
        if owner.kind == MentionKind::Agent {
            m.actor = owner.actor.clone();
            m.country = owner.country.clone();
        } else if matches!(owner.kind, MentionKind::Country) {
            m.actor = Some(format!("{}{}", owner.country.as_deref().unwrap_or(""), m.agent.as_deref().unwrap_or("")));
            m.country = owner.country.clone();
        } else {
            m.actor = owner.actor.clone();
            m.country = owner.country.clone();
            m.org = owner.actor.clone();
            m.kind = owner.kind;
        }
        m.how = "owner".into();
    }
}

/// Resolve mentions inside the document and build its actors.
pub fn resolve(dict: &Dictionary, article: &Article, mentions: Vec<Mention>) -> (Vec<Mention>, Vec<Actor>) {
    resolve_with(dict, article, &SentenceTokens::of(article), mentions)
}

/// [`resolve`] with the sentences' tokens already made.
pub(crate) fn resolve_with(
    dict: &Dictionary,
    article: &Article,
    sents: &SentenceTokens,
    mut mentions: Vec<Mention>,
) -> (Vec<Mention>, Vec<Actor>) {
    let text = &article.text;
    surname_mentions(article, sents, &mut mentions);
    group_anaphora(article, sents, &mut mentions);
    coalition_anaphora(article, sents, &mut mentions);
    appositions(text, &mut mentions);
    name_variants(&mut mentions);
    let titles = sector_titles(text, &mut mentions);
    owned_sectors(article, &mut mentions);
    let mut people: Vec<Person> = Vec::new();
    let mut owner: Vec<Option<usize>> = vec![None; mentions.len()];

    // People: group name forms, attach roles from the words around each mention.
    for i in 0..mentions.len() {
        if mentions[i].kind != MentionKind::Person {
            continue;
        }
        let toks = name_tokens(&mentions[i].text);
        let known = mentions[i].actor.as_ref().and_then(|id| dict.people.get(id));
        let found = match known {
            Some(k) => people.iter().position(|p| p.fixed.as_deref() == Some(k.id.as_str())),
            None => (0..people.len()).rev().filter(|&p| same_person(&toks, &people[p])).max_by_key(|&p| people[p].last_seen),
        };
        let p = match found {
            Some(p) => p,
            None => {
                let mut person = Person { fixed: None, forms: vec![], roles: vec![], country: None, agent: None, org: None, last_seen: 0 };
                if let Some(k) = known {
                    person.fixed = Some(k.id.clone());
                    person.forms = std::iter::once(k.name.clone()).chain(k.aliases.iter().cloned()).collect();
                    person.roles = k.roles.clone();
                    person.country = k.country.clone();
                    person.agent = k.agent.clone();
                    person.org = k.org();
                }
                people.push(person);
                people.len() - 1
            }
        };
        if !people[p].forms.contains(&mentions[i].text) {
            people[p].forms.push(mentions[i].text.clone());
        }
        for (at, role, agent) in titles.iter().filter(|(at, _, _)| *at == mentions[i].start) {
            let _ = at;
            let person = &mut people[p];
            if person.country.is_none() {
                person.country = role.country.clone();
            }
            if person.agent.is_none() {
                person.agent = agent.clone();
            }
            add_role(&mut person.roles, role.clone());
        }
        people[p].last_seen = i;
        owner[i] = Some(p);

        let stoks = sents.at(article, mentions[i].start);
        let at = stoks.partition_point(|t| t.end <= mentions[i].start);
        let end = stoks.partition_point(|t| t.start < mentions[i].end);
        let prev_person_end = mentions[..i].iter().rev().find(|m| m.kind == MentionKind::Person).map_or(0, |m| m.end);
        let from = at.saturating_sub(8);
        let mut before: Vec<Token> = stoks[from..at].iter().copied().skip_while(|t| t.start < prev_person_end).collect();
        // "Pakistan's ISI chief, Lieutenant General Asim Malik": a title before a comma is the
        // name's only when it opens the sentence; in "After meeting the Foreign Secretary,
        // Boris Johnson said" it is someone else.
        if let Some(c) = before.iter().rposition(|t| t.text(text) == ",") {
            let comma = before[c].start;
            // The stretch from the clause's start (the sentence's, or the last comma, colon or
            // semicolon before) to the comma: "Pakistan's ISI chief" after "…regime," is fine.
            let upto: Vec<&Token> = stoks.iter().take_while(|t| t.start < comma).collect();
            let from = upto.iter().rposition(|t| matches!(t.text(text), "," | ";" | ":")).map_or(0, |k| k + 1);
            let opens = upto[from..].iter().all(|t| {
                let w = t.text(text);
                t.kind != TokenKind::Word
                    || w.chars().next().is_some_and(char::is_uppercase)
                    || matches!(w, "of" | "for" | "the" | "and" | "'s" | "’s")
                    || ROLES.contains(&&*lower(w))
                    || crate::recognise::words::TITLE_SET.has_lower(w)
            });
            if !opens {
                before.drain(..=c);
            }
        }
        let mut roles = roles_in(text, &before, &mentions, dict);
        // "King Abdullah of Jordan": a title with nothing of its own before the name takes the
        // country or organisation after "of" (the bare titles are kept when nothing is there).
        let bare_titles = !roles.is_empty() && roles.iter().all(|r| r.country.is_none() && r.org.is_none());
        let kept = if bare_titles { std::mem::take(&mut roles) } else { Vec::new() };
        if roles.is_empty() && stoks.get(end).is_some_and(|t| matches!(t.text(text), "," | "of")) {
            // Up to the clause's end; the dots of "U.S." or "Lt." do not end it.
            let rest = &stoks[end + 1..];
            let stop = rest
                .iter()
                .enumerate()
                .position(|(k, t)| {
                    let abbreviation = t.text(text) == "."
                        && k > 0
                        && rest[k - 1].end == t.start
                        && rest[k - 1].text(text).chars().count() <= 2
                        && rest[k - 1].text(text).chars().next().is_some_and(char::is_uppercase);
                    t.kind == TokenKind::Punct && matches!(t.text(text), "," | "." | ";") && !abbreviation
                })
                .unwrap_or(rest.len());
            let after: Vec<Token> = rest[..stop].iter().copied().take(14).collect();
            if stoks[end].text(text) == "of" {
                if let Some(m) = mentions
                    .iter()
                    .find(|m| after.first().is_some_and(|t| m.start == t.start || m.start == after.get(1).map_or(0, |t| t.start)))
                {
                    roles.push(FoundRole {
                        title: before
                            .iter()
                            .rev()
                            .find_map(|t| {
                                let w = t.text(text).to_lowercase();
                                ROLES.contains(&w.as_str()).then_some(w)
                            })
                            .unwrap_or_else(|| "member".into()),
                        org: m.actor.clone().filter(|_| matches!(m.kind, MentionKind::Organisation | MentionKind::Group)),
                        country: m.country.clone(),
                        agent: m.agent.clone(),
                        former: false,
                    });
                }
            } else {
                roles = roles_in(text, &after, &mentions, dict);
            }
        }
        if roles.is_empty() {
            roles = kept;
        }
        for r in roles {
            let person = &mut people[p];
            if person.country.is_none() {
                person.country = r.country.clone();
            }
            if person.agent.is_none() {
                person.agent = r.agent.clone();
            }
            if person.org.is_none() {
                person.org = r.org.clone();
            }
            let role = Role { title: r.title, org: r.org, country: r.country, former: r.former, from: None, to: None };
            add_role(&mut person.roles, role);
        }
    }

    // Titles in apposition to a name are the person named.
    let phrases = title_appositions(article, sents, &mentions, &owner);
    if !phrases.is_empty() {
        let displaced: Vec<usize> = phrases.iter().flat_map(|(_, _, d)| d.clone()).collect();
        let mut all: Vec<(Mention, Option<usize>)> =
            mentions.into_iter().zip(owner).enumerate().filter(|(k, _)| !displaced.contains(k)).map(|(_, x)| x).collect();
        for (m, p, _) in phrases {
            let person = &people[p];
            let m = Mention { country: person.country.clone(), agent: person.agent.clone(), org: person.org.clone(), ..m };
            all.push((m, Some(p)));
        }
        all.sort_by_key(|(m, _)| m.start);
        (mentions, owner) = all.into_iter().unzip();
    }

    // Titles only: "the ISI chief", "Tajikistan's president" stand for the person holding that role.
    let mut replaced: Vec<(usize, Mention, usize)> = Vec::new();
    for (i, m) in mentions.iter().enumerate() {
        if !matches!(m.kind, MentionKind::Organisation | MentionKind::Group | MentionKind::Country | MentionKind::Nationality) {
            continue;
        }
        let stoks = sents.at(article, m.start);
        // The four tokens after the mention (tokens are in order), lower-cased only when a role
        // can open at the first word past a possessive.
        let after = &stoks[stoks.partition_point(|t| t.start < m.end)..];
        let after = &after[..after.len().min(4)];
        let skip = usize::from(after.first().is_some_and(|t| matches!(&*lower(t.text(text)), "'s" | "’s")));
        if !after.get(skip).is_some_and(|t| may_open_role(t.text(text))) {
            continue;
        }
        let words = lower_words(text, after);
        let Some((_, re, title)) = role_at(&words, skip) else { continue };
        // Not when a name follows: then the name itself is the mention ("U.N. Secretary-General
        // Kofi Annan": the rest of the title may stand between).
        let name_follows = mentions.get(i + 1).is_some_and(|n| {
            n.kind == MentionKind::Person && {
                let between = &text[m.end..n.start];
                !between.contains([',', ';', '(']) && between.split_whitespace().count() <= 4
            }
        });
        if name_follows {
            continue;
        }
        let holder = people.iter().position(|p| {
            p.roles.iter().any(|r| {
                r.title == title
                    && (r.org.is_some() && r.org == m.actor || r.org.is_none() && r.country.is_some() && r.country == m.country)
            })
        });
        if let Some(p) = holder {
            let end = after[re - 1].end;
            let person = &people[p];
            replaced.push((
                i,
                Mention {
                    start: m.start,
                    end,
                    text: text[m.start..end].to_string(),
                    kind: MentionKind::Person,
                    actor: None,
                    country: person.country.clone().or(m.country.clone()),
                    agent: person.agent.clone(),
                    org: person.org.clone().or(m.org.clone()),
                    how: "role".into(),
                },
                p,
            ));
        }
    }
    for (i, m, p) in replaced {
        mentions[i] = m;
        owner[i] = Some(p);
    }

    // "The president blamed al-Shabab": a bare role stands for the person who holds it here.
    let mut added: Vec<(Mention, usize)> = Vec::new();
    let mut displaced: Vec<usize> = Vec::new();
    for stoks in &sents.0 {
        for i in 0..stoks.len().saturating_sub(1) {
            if !is_one_of_short::<3>(stoks[i].text(text), &["the", "a"]) {
                continue;
            }
            // A role is at most ROLE_WORDS words: only those after the article are lower-cased,
            // and only when the first can open one.
            if !may_open_role(stoks[i + 1].text(text)) {
                continue;
            }
            let words = lower_words(text, &stoks[i + 1..stoks.len().min(i + 1 + ROLE_WORDS)]);
            let Some((_, re, title)) = role_at(&words, 0) else { continue };
            let re = i + 1 + re;
            let named_next = stoks.get(re).is_some_and(|t| t.text(text).chars().next().is_some_and(char::is_uppercase));
            let (start, end) = (stoks[i].start, stoks[re - 1].end);
            // A bare sector word inside the title ("Minister" in "the Prime Minister") gives way
            // to the person; any other mention there keeps the words.
            let inside: Vec<usize> = (0..mentions.len()).filter(|&k| mentions[k].start < end && start < mentions[k].end).collect();
            let bare_sector = |m: &Mention| m.kind == MentionKind::Agent && m.country.is_none() && m.start >= start && m.end <= end;
            if named_next || inside.iter().any(|&k| !bare_sector(&mentions[k])) {
                continue;
            }
            let holder = people
                .iter()
                .enumerate()
                .filter(|(_, p)| {
                    p.roles.iter().any(|r| r.title == title || r.title.ends_with(&format!(" {title}"))) && !p.roles.iter().all(|r| r.former)
                })
                .max_by_key(|(_, p)| p.last_seen)
                .map(|(k, _)| k);
            if let Some(p) = holder {
                let person = &people[p];
                let m = Mention {
                    start,
                    end,
                    text: text[start..end].to_string(),
                    kind: MentionKind::Person,
                    actor: None,
                    country: person.country.clone(),
                    agent: person.agent.clone(),
                    org: person.org.clone(),
                    how: "role".into(),
                };
                added.push((m, p));
                displaced.extend(inside);
            }
        }
    }
    if !added.is_empty() {
        let mut all: Vec<(Mention, Option<usize>)> =
            mentions.into_iter().zip(owner).enumerate().filter(|(k, _)| !displaced.contains(k)).map(|(_, x)| x).collect();
        all.extend(added.into_iter().map(|(m, p)| (m, Some(p))));
        all.sort_by_key(|(m, _)| m.start);
        (mentions, owner) = all.into_iter().unzip();
    }

    // Every person mention gets its person's id, country, sector and organisation.
    let person_ids: Vec<String> = people.iter().map(Person::id).collect();
    for (i, m) in mentions.iter_mut().enumerate() {
        if let Some(p) = owner[i] {
            let person = &people[p];
            m.actor = Some(person_ids[p].clone());
            if m.country.is_none() {
                m.country = person.country.clone();
            }
            if m.agent.is_none() {
                m.agent = person.agent.clone();
            }
            if m.org.is_none() {
                m.org = person.org.clone();
            }
        }
    }
    // A role mention overlapping a following name mention of the same person: keep one.
    mentions.dedup_by(|b, a| a.end > b.start && a.actor == b.actor);
    pronoun_mentions(article, sents, &mut mentions);

    let actors = build_actors(dict, &mentions, &people, &person_ids);
    (mentions, actors)
}

/// "Minister for the Middle East, Tobias Ellwood, said", "Gen. Joseph Votel, commander of U.S.
/// Central Command, said": a title phrase set off by a comma right beside a person's name is that
/// person (a role mention). Before the name it must open the sentence ("After meeting the
/// Foreign Secretary, Johnson said" names two people); after it, it must end at a comma, a full
/// stop or a verb of saying. Returns each phrase's mention, its person, and the mentions inside
/// it that give way (sector words, places, organisations named in the title).
fn title_appositions(
    article: &Article,
    sents: &SentenceTokens,
    mentions: &[Mention],
    owner: &[Option<usize>],
) -> Vec<(Mention, usize, Vec<usize>)> {
    let text = &article.text;
    // A role noun, not a word that only goes with one ("Prime", "Vice", "Air").
    let titled = |w: &str| {
        let w = lower(w);
        ROLES.contains(&&*w)
            || matches!(
                &*w,
                "representative"
                    | "adviser"
                    | "advisor"
                    | "commissioner"
                    | "coordinator"
                    | "chairwoman"
                    | "chair"
                    | "ceo"
                    | "officer"
                    | "administrator"
            )
    };
    // Words a title phrase is made of: capitalised words, acronyms, ordinals, role nouns and the
    // small words inside titles.
    let part = |t: &Token| {
        let w = t.text(text);
        (t.kind == TokenKind::Word
            && (w.chars().next().is_some_and(|c| c.is_uppercase() || c.is_ascii_digit())
                || titled(w)
                || matches!(w, "of" | "for" | "the" | "and")))
            || t.kind == TokenKind::Number
            || (t.kind == TokenKind::Punct && matches!(w, "." | "-" | "–"))
    };
    let mut out: Vec<(Mention, usize, Vec<usize>)> = Vec::new();
    for (i, m) in mentions.iter().enumerate() {
        let Some(p) = owner[i] else { continue };
        if m.kind != MentionKind::Person || m.how == "role" || m.how == "pronoun" {
            continue;
        }
        let Some(si) = article.sentence_at(m.start) else { continue };
        let toks = &sents.0[si];
        let at = toks.partition_point(|t| t.end <= m.start);
        let end = toks.partition_point(|t| t.start < m.end);
        let mut spans: Vec<(usize, usize)> = Vec::new();
        // After: ", commander of U.S. Central Command," / ", the UK Special Representative for Syria said".
        if toks.get(end).is_some_and(|t| t.text(text) == ",") {
            let first = end + 1 + usize::from(toks.get(end + 1).is_some_and(|t| matches!(t.text(text), "the" | "a" | "an")));
            let mut k = first;
            while k < toks.len() && k - first < 12 && part(&toks[k]) && !(toks[k].text(text) == "." && k + 1 == toks.len()) {
                k += 1;
            }
            // A dot that ends the sentence is no part of the phrase.
            let stop = toks.get(k).map(|t| lower(t.text(text)));
            let closed =
                k == toks.len() || stop.as_deref().is_some_and(|w| matches!(w, "," | "." | ";" | ")") || SPEECH_VERBS.contains(&w));
            // A lone noun ("commander, U.S. Central Command") is too little to stand for a person.
            let words = (first..k).filter(|&q| toks[q].kind == TokenKind::Word).count();
            if closed && words >= 2 && (first..k).any(|q| titled(toks[q].text(text))) {
                spans.push((toks[end + 1].start, toks[k - 1].end));
            }
        }
        // Before, opening the sentence: "Minister for the Middle East, Tobias Ellwood".
        if at >= 2
            && toks[at - 1].text(text) == ","
            && (0..at - 1).all(|q| part(&toks[q]))
            && (0..at - 1).any(|q| titled(toks[q].text(text)))
        {
            spans.push((toks[0].start, toks[at - 2].end));
        }
        for (s, e) in spans {
            let s = (s..=e).find(|&k| text.is_char_boundary(k)).unwrap_or(s);
            let e = text[s..e].trim_end_matches('.').len() + s;
            if e <= s || out.iter().any(|(o, _, _)| o.start < e && s < o.end) {
                continue;
            }
            let inside: Vec<usize> = (0..mentions.len()).filter(|&k| mentions[k].start < e && s < mentions[k].end).collect();
            let whole = inside.iter().all(|&k| mentions[k].start >= s && mentions[k].end <= e && mentions[k].kind != MentionKind::Person);
            if !whole {
                continue;
            }
            let mention = Mention {
                start: s,
                end: e,
                text: text[s..e].to_string(),
                kind: MentionKind::Person,
                actor: None,
                country: None,
                agent: None,
                org: None,
                how: "role".into(),
            };
            out.push((mention, p, inside));
        }
    }
    out
}

/// "He said", "she told reporters", "officials met him": a personal pronoun is the one person
/// named in its sentence before it or in the sentence before, when there is exactly one (with
/// two people in view it could be either, and it is left alone; so too when another person has
/// been named more often so far, the article's main character). "Her" counts only where it is
/// no possessive ("told her", not "her government").
fn pronoun_mentions(article: &Article, sents: &SentenceTokens, mentions: &mut Vec<Mention>) {
    let text = &article.text;
    let mut found = Vec::new();
    for (si, toks) in sents.0.iter().enumerate() {
        let window_start = article.sentences[si.saturating_sub(1)].start;
        for (k, t) in toks.iter().enumerate() {
            let object_her = || {
                toks.get(k + 1).is_none_or(|n| {
                    let n = n.text(text);
                    n.chars().all(|c| !c.is_alphanumeric())
                        || is_one_of(n, &["to", "that", "on", "in", "at", "as", "for", "with", "about", "and"])
                })
            };
            let w = t.text(text);
            // One look at each token for all four; "her" asks more.
            let pronoun = is_one_of_short::<3>(w, &["he", "she", "him", "her"]) && (!is_one_of(w, &["her"]) || object_her());
            if !pronoun || mentions.iter().any(|m| m.start < t.end && t.start < m.end) {
                continue;
            }
            let people: Vec<&Mention> = mentions
                .iter()
                .filter(|m| m.kind == MentionKind::Person && m.actor.is_some() && m.start >= window_start && m.end <= t.start)
                .collect();
            let Some(last) = people.last() else { continue };
            if people.iter().any(|m| m.actor != last.actor) {
                continue;
            }
            // The article's main character so far, if not this one, could be meant as well.
            let mut counts: BTreeMap<&str, usize> = BTreeMap::new();
            for m in mentions.iter().filter(|m| m.kind == MentionKind::Person && m.end <= t.start) {
                *counts.entry(m.actor.as_deref().unwrap_or("")).or_default() += 1;
            }
            let own = counts.get(last.actor.as_deref().unwrap_or("")).copied().unwrap_or(0);
            if counts.iter().any(|(a, &n)| Some(*a) != last.actor.as_deref() && n >= 2 && n > own) {
                continue;
            }
            // Not chained: a pronoun never stands as the antecedent of the next one (on GUM news
            // chaining found 27 pronouns instead of 16 but cut pairwise F1 from 78.6 to 76.1).
            found.push(Mention {
                start: t.start,
                end: t.end,
                text: text[t.start..t.end].to_string(),
                how: "pronoun".into(),
                ..(*last).clone()
            });
        }
    }
    if !found.is_empty() {
        mentions.extend(found);
        mentions.sort_by_key(|m| m.start);
    }
}

fn build_actors(dict: &Dictionary, mentions: &[Mention], people: &[Person], person_ids: &[String]) -> Vec<Actor> {
    // Actors in order of first mention, found by id through an ordered index (an actor is a
    // large value: the index holds only its number), and returned in the order of their ids.
    let mut actors: Vec<Actor> = Vec::new();
    let mut by_id: BTreeMap<&str, usize> = BTreeMap::new();
    for m in mentions {
        let Some(id) = m.actor.as_ref() else { continue };
        if !by_id.contains_key(id.as_str()) {
            let person = person_ids.iter().position(|p| p == id).map(|i| &people[i]);
            let (name, kind) = if let Some(p) = person {
                (p.canonical().to_string(), ActorKind::Person)
            } else if let Some(c) = dict.countries.get(id) {
                (c.name.clone(), ActorKind::Country)
            } else if let Some(o) = dict.orgs.get(id) {
                (o.name.clone(), if o.group { ActorKind::Group } else { ActorKind::Organisation })
            } else if m.kind == MentionKind::Agent {
                let label = m.how.strip_prefix("sector:").unwrap_or(&m.text).to_string();
                (label, ActorKind::Sector)
            } else if m.kind == MentionKind::Place {
                (m.text.clone(), ActorKind::Place)
            } else {
                (m.text.clone(), ActorKind::Organisation)
            };
            let actor = Actor {
                id: id.clone(),
                name,
                kind,
                country: m.country.clone(),
                agent: m.agent.clone(),
                aliases: vec![],
                roles: person.map(|p| p.roles.clone()).unwrap_or_default(),
                mentions: 0,
                documents: 1,
            };
            by_id.insert(id, actors.len());
            actors.push(actor);
        }
        let entry = &mut actors[by_id[id.as_str()]];
        entry.mentions += 1;
        // "the group" is how the text points back, not a name of the group.
        if m.how != "anaphor" && !entry.aliases.contains(&m.text) {
            entry.aliases.push(m.text.clone());
        }
        if entry.country.is_none() {
            entry.country = m.country.clone();
        }
    }
    let mut actors: Vec<Option<Actor>> = actors.into_iter().map(Some).collect();
    by_id.into_values().map(|k| actors[k].take().expect("each actor once")).collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn no_role_is_longer_than_role_words() {
        assert!(ROLES.iter().all(|r| r.split(' ').count() <= ROLE_WORDS));
        assert!(ROLES.iter().any(|r| r.split(' ').count() == ROLE_WORDS));
    }
}
