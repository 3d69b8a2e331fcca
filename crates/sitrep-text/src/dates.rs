//! Date expressions, resolved against the publication date into day intervals with a precision.
//!
//! Absolute forms ("5th January 2025", "January 5, 2025", "2024-03-14", "March 2024", "in 2021",
//! "from 1996 to 2001", "the 1990s") need no anchor; relative ones ("May 24", "this January",
//! "last year", "yesterday", "on Monday") are resolved against the publication date and are left
//! out when there is none.

use std::sync::LazyLock;

use regex::{Regex, RegexSet};
use sitrep_model::{DateMention, Precision};

const MONTHS: &str = r"January|February|March|April|May|June|July|August|September|October|November|December|Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept|Sep|Oct|Nov|Dec";

fn month_number(name: &str) -> Option<u32> {
    let n = name.trim_end_matches('.').to_lowercase();
    let m = match n.get(..3)? {
        "jan" => 1,
        "feb" => 2,
        "mar" => 3,
        "apr" => 4,
        "may" => 5,
        "jun" => 6,
        "jul" => 7,
        "aug" => 8,
        "sep" => 9,
        "oct" => 10,
        "nov" => 11,
        "dec" => 12,
        _ => return None,
    };
    Some(m)
}

/// The kinds of expression, tried together; the longest match at a position wins.
#[derive(Clone, Copy, Debug, PartialEq)]
enum Form {
    Iso,
    DayMonthYear,
    MonthDayYear,
    MonthDay,
    DayMonth,
    MonthYear,
    RelativeMonth,
    YearRange,
    Year,
    Decade,
    RelativeUnit,
    RelativeDay,
    Weekday,
}

impl Form {
    /// Whether [`resolve`] needs the publication date for the form (it gives nothing without).
    fn relative(self) -> bool {
        matches!(self, Form::MonthDay | Form::DayMonth | Form::RelativeMonth | Form::RelativeUnit | Form::RelativeDay | Form::Weekday)
    }
}

/// The patterns of the forms, in the order they are tried.
fn patterns() -> Vec<(Form, String)> {
    let m = MONTHS;
    vec![
        (Form::Iso, r"\b(\d{4})-(\d{2})-(\d{2})\b".into()),
        // With a year the month name is safe to match in any case ("MARCH 14, 2024" datelines).
        (Form::DayMonthYear, format!(r"\b(\d{{1,2}})(?:st|nd|rd|th)?\s+(?:of\s+)?(?i:({m}))\.?,?\s+(\d{{4}})\b")),
        (Form::MonthDayYear, format!(r"\b(?i:({m}))\.?\s+(\d{{1,2}})(?:st|nd|rd|th)?,?\s+(\d{{4}})\b")),
        (Form::MonthDay, format!(r"\b({m})\.?\s+(\d{{1,2}})(?:st|nd|rd|th)?\b")),
        (Form::DayMonth, format!(r"\b(\d{{1,2}})(?:st|nd|rd|th)?\s+(?:of\s+)?({m})\b")),
        (Form::MonthYear, format!(r"\b({m})\.?\s+(?:of\s+)?(\d{{4}})\b")),
        (Form::RelativeMonth, format!(r"\b(?i:(this|last|next|early|late|mid|in))[\s-]+({m})\b")),
        (
            Form::YearRange,
            r"\b(?i:from|between)\s+(\d{4})\s+(?i:to|and|until|till|through)\s+(\d{4})\b|\b(\d{4})\s*[-–]\s*(\d{4})\b".into(),
        ),
        (Form::Year, r"\b(1[89]\d{2}|20\d{2})\b".into()),
        (Form::Decade, r"\b(?i:the)\s+(1[89]|20)(\d)0s\b".into()),
        (Form::RelativeUnit, r"\b(?i)(this|last|next|previous|past|coming)\s+(year|month|week)\b".into()),
        (Form::RelativeDay, r"\b(?i)(yesterday|today|tomorrow)\b".into()),
        (Form::Weekday, r"\b(?:on|last|this|next)\s+(Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)\b".into()),
    ]
}

static FORMS: LazyLock<Vec<(Form, Regex)>> =
    LazyLock::new(|| patterns().into_iter().map(|(f, p)| (f, Regex::new(&p).expect("date pattern"))).collect());

/// "Two weeks after", "three days later", "two years ago": a distance from another date.
const OFFSET: &str = r"(?i)\b(a|an|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|a few|several|\d{1,3})\s+(day|week|month|year)s?\s+(after|before|later|earlier|afterwards|ago)\b";

/// The forms no literal leads (a digit, a word in any case), which the regex engine scans the
/// whole text for, one pass each, though few texts hold them: one pass of a set of them tells
/// which to search for at all. The offsets come last.
const SCREENED: [Form; 3] = [Form::DayMonthYear, Form::MonthDayYear, Form::YearRange];

static SCREEN: LazyLock<RegexSet> = LazyLock::new(|| {
    let all = patterns();
    let mut set: Vec<String> = SCREENED.iter().map(|f| all.iter().find(|(g, _)| g == f).expect("a screened form").1.clone()).collect();
    set.push(OFFSET.to_string());
    RegexSet::new(set).expect("date screen")
});

/// A calendar day.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord)]
struct Day {
    y: i32,
    m: u32,
    d: u32,
}

fn is_leap(y: i32) -> bool {
    (y % 4 == 0 && y % 100 != 0) || y % 400 == 0
}

fn days_in_month(y: i32, m: u32) -> u32 {
    match m {
        1 | 3 | 5 | 7 | 8 | 10 | 12 => 31,
        4 | 6 | 9 | 11 => 30,
        _ if is_leap(y) => 29,
        _ => 28,
    }
}

/// Days since 1970-01-01 (proleptic Gregorian), and back.
fn to_days(d: Day) -> i64 {
    sitrep_model::calendar::days_from_civil(i64::from(d.y), d.m, d.d)
}

fn from_days(z: i64) -> Day {
    let (y, m, d) = sitrep_model::calendar::civil_from_days(z);
    Day { y: y as i32, m, d }
}

fn fmt(d: Day) -> String {
    // Digits by hand in the common case: `format!` with padding costs several times as much,
    // and every date kept makes two of these.
    if (0..=9999).contains(&d.y) && d.m < 100 && d.d < 100 {
        let digit = |n: u32| char::from(b'0' + (n % 10) as u8);
        let y = d.y as u32;
        return [
            digit(y / 1000),
            digit(y / 100),
            digit(y / 10),
            digit(y),
            '-',
            digit(d.m / 10),
            digit(d.m),
            '-',
            digit(d.d / 10),
            digit(d.d),
        ]
        .iter()
        .collect();
    }
    format!("{:04}-{:02}-{:02}", d.y, d.m, d.d)
}

fn day(y: i32, m: u32, d: u32) -> Option<Day> {
    ((1..=12).contains(&m) && d >= 1 && d <= days_in_month(y, m)).then_some(Day { y, m, d })
}

fn month_span(y: i32, m: u32) -> (Day, Day) {
    (Day { y, m, d: 1 }, Day { y, m, d: days_in_month(y, m) })
}

fn year_span(y: i32) -> (Day, Day) {
    (Day { y, m: 1, d: 1 }, Day { y, m: 12, d: 31 })
}

fn parse_anchor(s: &str) -> Option<Day> {
    let y = s.get(0..4)?.parse().ok()?;
    let m = s.get(5..7).and_then(|m| m.parse().ok()).unwrap_or(1);
    let d = s.get(8..10).and_then(|d| d.parse().ok()).unwrap_or(1);
    day(y, m, d)
}

/// A publication date as given by metadata ("2024-03-14T08:00:00Z", "14 March 2024") to `YYYY-MM-DD`.
pub fn normalise_published(s: &str) -> Option<String> {
    let s = s.trim();
    if let Some(d) = parse_anchor(s).filter(|_| s.len() >= 10 && s.as_bytes().get(4) == Some(&b'-')) {
        return Some(fmt(d));
    }
    find_absolute(s).into_iter().find(|d| d.precision == Precision::Day).map(|d| d.from)
}

/// The month most recently named relative to the anchor ("in January" said in March 2025 is
/// January 2025; said in November 2024 it is January 2024).
fn nearest_past_month(anchor: Day, m: u32) -> i32 {
    if m <= anchor.m { anchor.y } else { anchor.y - 1 }
}

fn resolve(form: Form, caps: &regex::Captures, anchor: Option<Day>) -> Option<(Day, Day, Precision)> {
    let num = |i: usize| caps.get(i).and_then(|m| m.as_str().parse::<i64>().ok());
    let month = |i: usize| caps.get(i).and_then(|m| month_number(m.as_str()));
    let one = |d: Day| Some((d, d, Precision::Day));
    match form {
        Form::Iso => one(day(num(1)? as i32, num(2)? as u32, num(3)? as u32)?),
        Form::DayMonthYear => one(day(num(3)? as i32, month(2)?, num(1)? as u32)?),
        Form::MonthDayYear => one(day(num(3)? as i32, month(1)?, num(2)? as u32)?),
        Form::MonthDay | Form::DayMonth => {
            let a = anchor?;
            let (m, d) = if matches!(form, Form::MonthDay) { (month(1)?, num(2)? as u32) } else { (month(2)?, num(1)? as u32) };
            let y = if (m, d) <= (a.m, a.d) { a.y } else { a.y - 1 };
            one(day(y, m, d)?)
        }
        Form::MonthYear => {
            let (a, b) = month_span(num(2)? as i32, month(1)?);
            Some((a, b, Precision::Month))
        }
        Form::RelativeMonth => {
            let a = anchor?;
            let m = month(2)?;
            let y = match caps.get(1)?.as_str().to_lowercase().as_str() {
                "next" => {
                    if m > a.m {
                        a.y
                    } else {
                        a.y + 1
                    }
                }
                "last" => {
                    if m < a.m {
                        a.y
                    } else {
                        a.y - 1
                    }
                }
                "this" => a.y,
                _ => nearest_past_month(a, m),
            };
            let (s, e) = month_span(y, m);
            Some((s, e, Precision::Month))
        }
        Form::YearRange => {
            let (y1, y2) = match (num(1), num(2)) {
                (Some(a), Some(b)) => (a, b),
                _ => (num(3)?, num(4)?),
            };
            if !(1800..=2100).contains(&y1) || y2 < y1 || y2 > 2100 {
                return None;
            }
            Some((year_span(y1 as i32).0, year_span(y2 as i32).1, Precision::Year))
        }
        Form::Year => {
            let (a, b) = year_span(num(1)? as i32);
            Some((a, b, Precision::Year))
        }
        Form::Decade => {
            let y = (num(1)? * 100 + num(2)? * 10) as i32;
            Some((year_span(y).0, year_span(y + 9).1, Precision::Decade))
        }
        Form::RelativeUnit => {
            let a = anchor?;
            let shift: i64 = match caps.get(1)?.as_str().to_lowercase().as_str() {
                "this" => 0,
                "next" | "coming" => 1,
                _ => -1,
            };
            match caps.get(2)?.as_str().to_lowercase().as_str() {
                "year" => {
                    let (s, e) = year_span(a.y + shift as i32);
                    Some((s, e, Precision::Year))
                }
                "month" => {
                    let total = a.y as i64 * 12 + a.m as i64 - 1 + shift;
                    let (s, e) = month_span(total.div_euclid(12) as i32, (total.rem_euclid(12) + 1) as u32);
                    Some((s, e, Precision::Month))
                }
                _ => {
                    let base = to_days(a) + 7 * shift;
                    let monday = base - (base + 3).rem_euclid(7);
                    Some((from_days(monday), from_days(monday + 6), Precision::Day))
                }
            }
        }
        Form::RelativeDay => {
            let a = to_days(anchor?);
            let d = match caps.get(1)?.as_str().to_lowercase().as_str() {
                "yesterday" => a - 1,
                "tomorrow" => a + 1,
                _ => a,
            };
            one(from_days(d))
        }
        Form::Weekday => {
            let a = to_days(anchor?);
            let names = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"];
            let name = caps.get(1)?.as_str();
            let want = names.iter().position(|n| *n == name)? as i64;
            let today = (a + 3).rem_euclid(7); // 1970-01-01 was a Thursday (index 3)
            let back = (today - want).rem_euclid(7);
            one(from_days(a - back))
        }
    }
}

/// [`find`] without a publication date: only the absolute forms resolve then, and each of them
/// holds a digit, so a text without one (most headlines and header lines) has none.
pub(crate) fn find_absolute(text: &str) -> Vec<DateMention> {
    if !text.chars().any(char::is_numeric) {
        return Vec::new();
    }
    find(text, None)
}

/// Every date expression in `text`, resolved against `published` (`YYYY-MM-DD`) where needed.
pub fn find(text: &str, published: Option<&str>) -> Vec<DateMention> {
    let anchor = published.and_then(parse_anchor);
    // Matches as spans and days: many overlap a longer one and are dropped, so their strings
    // are made only for those kept.
    let mut found: Vec<(usize, usize, Day, Day, Precision)> = Vec::new();
    let screen = SCREEN.matches(text);
    for (form, re) in FORMS.iter() {
        // A relative form resolves only against a publication date: without one, no search.
        if anchor.is_none() && form.relative() {
            continue;
        }
        // A screened form that matches nowhere in the text: no search.
        if SCREENED.iter().position(|f| f == form).is_some_and(|k| !screen.matched(k)) {
            continue;
        }
        // A decade is written with "0s" ("the 1990s", outside the pattern's case-insensitive
        // part): a text without it has none, and the pattern, led by "the", scans slowly.
        if matches!(form, Form::Decade) && !text.contains("0s") {
            continue;
        }
        for caps in re.captures_iter(text) {
            let m = caps.get(0).unwrap();
            if let Some((from, to, precision)) = resolve(*form, &caps, anchor) {
                found.push((m.start(), m.end(), from, to, precision));
            }
        }
    }
    // Longest first at each position, then drop anything overlapping a kept match.
    found.sort_by(|a, b| a.0.cmp(&b.0).then(b.1.cmp(&a.1)));
    let mut out: Vec<DateMention> = Vec::new();
    for (start, end, from, to, precision) in found {
        if out.iter().any(|k| k.start < end && start < k.end) {
            continue;
        }
        out.push(DateMention { start, end, text: text[start..end].to_string(), from: fmt(from), to: fmt(to), precision });
    }
    out.sort_by_key(|d| d.start);
    if screen.matched(SCREENED.len()) {
        offsets(text, &mut out, anchor);
    }
    out
}

/// "Two weeks after May 24", "a week before the March 3 vote", "three days later", "two years
/// ago": a distance from another date. `after`/`before` take the date that follows (at most
/// "the" between), `later`/`earlier` the date mentioned last before, `ago` the publication date.
/// The expression then covers the distance and its anchor, and the anchor's interval moves by
/// the distance; its precision is the coarser of the anchor's and the unit's.
fn offsets(text: &str, found: &mut Vec<DateMention>, published: Option<Day>) {
    static OFFSET_RE: LazyLock<Regex> = LazyLock::new(|| Regex::new(OFFSET).expect("offset pattern"));
    let mut added = Vec::new();
    for c in OFFSET_RE.captures_iter(text) {
        let m = c.get(0).unwrap();
        let n: i64 = match c[1].to_lowercase().as_str() {
            "a" | "an" | "one" => 1,
            "two" => 2,
            "three" | "a few" => 3,
            "four" => 4,
            "five" => 5,
            "six" => 6,
            "seven" => 7,
            "eight" => 8,
            "nine" => 9,
            "ten" => 10,
            "eleven" => 11,
            "twelve" => 12,
            "several" => 4,
            digits => digits.parse().unwrap_or(0),
        };
        let unit = c[2].to_lowercase();
        let dir = c[3].to_lowercase();
        let sign = if matches!(dir.as_str(), "before" | "earlier" | "ago") { -1 } else { 1 };
        // The anchor: its interval and precision, and the span the new expression covers.
        let (from, to, precision, start, end, replaces) = match dir.as_str() {
            "after" | "before" => {
                let Some(i) = found.iter().position(|d| d.start >= m.end()) else { continue };
                let gap = text[m.end()..found[i].start].trim().to_lowercase();
                if !(gap.is_empty() || gap == "the") {
                    continue;
                }
                let d = &found[i];
                (parse_anchor(&d.from), parse_anchor(&d.to), d.precision, m.start(), d.end, Some(i))
            }
            "later" | "earlier" | "afterwards" => {
                let Some(d) = found.iter().rev().find(|d| d.end <= m.start()) else { continue };
                (parse_anchor(&d.from), parse_anchor(&d.to), d.precision, m.start(), m.end(), None)
            }
            _ => {
                let Some(p) = published else { continue };
                (Some(p), Some(p), Precision::Day, m.start(), m.end(), None)
            }
        };
        let (Some(from), Some(to)) = (from, to) else { continue };
        let unit_precision = match unit.as_str() {
            "day" | "week" => Precision::Day,
            "month" => Precision::Month,
            _ => Precision::Year,
        };
        let precision = precision.max(unit_precision);
        // A distance in days from a year, or in years from a decade, says nothing usable.
        if precision > unit_precision.max(Precision::Month) && unit_precision == Precision::Day {
            continue;
        }
        let shift = |d: Day| match unit.as_str() {
            "day" => from_days(to_days(d) + sign * n),
            "week" => from_days(to_days(d) + sign * 7 * n),
            "month" => add_months(d, sign * n),
            _ => add_months(d, sign * 12 * n),
        };
        let (mut a, mut b) = (shift(from), shift(to));
        match precision {
            Precision::Month => (a, b) = (month_span(a.y, a.m).0, month_span(b.y, b.m).1),
            Precision::Year | Precision::Decade => (a, b) = (year_span(a.y).0, year_span(b.y).1),
            Precision::Day => {}
        }
        added.push((replaces, DateMention { start, end, text: text[start..end].to_string(), from: fmt(a), to: fmt(b), precision }));
    }
    let replaced: Vec<usize> = added.iter().filter_map(|(r, _)| *r).collect();
    let mut i = 0;
    found.retain(|_| {
        i += 1;
        !replaced.contains(&(i - 1))
    });
    for (_, d) in added {
        if !found.iter().any(|k| k.start < d.end && d.start < k.end) {
            found.push(d);
        }
    }
    found.sort_by_key(|d| d.start);
}

/// `d` moved by `months`, the day kept where the month has it (else its last day).
fn add_months(d: Day, months: i64) -> Day {
    let total = d.y as i64 * 12 + (d.m as i64 - 1) + months;
    let (y, m) = (total.div_euclid(12) as i32, (total.rem_euclid(12) + 1) as u32);
    Day { y, m, d: d.d.min(days_in_month(y, m)) }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn days_are_written_as_format_writes_them() {
        for y in (-20..=10020).step_by(7).chain([0, 999, 1000, 9999, 10000]) {
            for (m, d) in [(1, 1), (2, 29), (9, 9), (10, 10), (12, 31), (99, 99), (100, 5), (5, 100)] {
                let day = Day { y, m, d };
                assert_eq!(fmt(day), format!("{:04}-{:02}-{:02}", y, m, d));
            }
        }
    }

    fn one(text: &str, anchor: Option<&str>) -> (String, String, Precision) {
        let d = find(text, anchor);
        assert_eq!(d.len(), 1, "{text}: {d:?}");
        (d[0].from.clone(), d[0].to.clone(), d[0].precision)
    }

    #[test]
    fn absolute_dates() {
        assert_eq!(one("News Desk / 5th January 2025", None), ("2025-01-05".into(), "2025-01-05".into(), Precision::Day));
        assert_eq!(one("on January 5, 2025 in Kabul", None).0, "2025-01-05");
        assert_eq!(one("in March 2024", None), ("2024-03-01".into(), "2024-03-31".into(), Precision::Month));
        assert_eq!(one("fell in 2021", None), ("2021-01-01".into(), "2021-12-31".into(), Precision::Year));
        assert_eq!(one("from 1996 to 2001", None), ("1996-01-01".into(), "2001-12-31".into(), Precision::Year));
        assert_eq!(one("in the 1990s", None), ("1990-01-01".into(), "1999-12-31".into(), Precision::Decade));
        assert_eq!(one("2024-02-29", None).0, "2024-02-29");
        assert!(find("2023-02-29", None).iter().all(|d| d.precision != Precision::Day), "no such day");
    }

    #[test]
    fn distances_from_another_date() {
        let p = Some("2025-01-05");
        assert_eq!(one("Two weeks after May 24, the envoy returned", p), ("2024-06-07".into(), "2024-06-07".into(), Precision::Day));
        assert_eq!(one("a week before the March 3 vote", p).0, "2024-02-25");
        assert_eq!(one("two months after March 2023", p), ("2023-05-01".into(), "2023-05-31".into(), Precision::Month));
        assert_eq!(one("two years ago", p), ("2023-01-01".into(), "2023-12-31".into(), Precision::Year));
        assert_eq!(one("ten days ago", p).0, "2024-12-26");
        let d = find("The talks began on 30 January 2024. Three days later they collapsed.", p);
        assert_eq!(d.len(), 2, "{d:?}");
        assert_eq!((d[1].text.as_str(), d[1].from.as_str()), ("Three days later", "2024-02-02"));
        // No anchor: nothing to measure from.
        assert!(find("Three days later they collapsed.", p).is_empty());
        assert!(find("two days after the election", p).is_empty());
        // A distance in days from a whole year is no date.
        assert!(find("two days after the 2024 election", p).iter().all(|d| d.text == "2024"));
    }

    #[test]
    fn relative_dates_need_the_publication_date() {
        let p = Some("2023-06-10");
        assert_eq!(one("This January, the group struck", p), ("2023-01-01".into(), "2023-01-31".into(), Precision::Month));
        assert_eq!(one("a car bomb on May 24, which", p).0, "2023-05-24");
        assert_eq!(one("last year", p), ("2022-01-01".into(), "2022-12-31".into(), Precision::Year));
        assert_eq!(one("yesterday", p).0, "2023-06-09");
        assert_eq!(one("on Monday", p).0, "2023-06-05"); // 2023-06-10 was a Saturday
        assert!(find("last year", None).is_empty());
        assert!(find("they may go", p).is_empty(), "modal 'may' is not a month");
    }

    #[test]
    fn the_screen_says_which_forms_match() {
        let texts = [
            "On 5th of JANUARY, 2025 and MARCH 14, 2024, from 1996 to 2001 and 1996–2001.",
            "Two weeks after May 24, three days later, ten years ago.",
            "Nothing here but 12 and May.",
            "",
        ];
        let offset = Regex::new(OFFSET).unwrap();
        for t in texts {
            let screen = SCREEN.matches(t);
            for (k, f) in SCREENED.iter().enumerate() {
                let re = &FORMS.iter().find(|(g, _)| g == f).unwrap().1;
                assert_eq!(screen.matched(k), re.is_match(t), "{f:?} {t}");
            }
            assert_eq!(screen.matched(SCREENED.len()), offset.is_match(t), "{t}");
        }
    }

    #[test]
    fn without_a_digit_nothing_is_absolute() {
        for t in ["yesterday, this week, on Monday, last January, in May, May 24th", "the nineteen-nineties, a week ago"] {
            assert!(find(t, None).is_empty(), "{t}");
            assert!(!find(t, Some("2025-01-05")).is_empty(), "{t}");
        }
    }

    #[test]
    fn published_dates_normalise() {
        assert_eq!(normalise_published("2024-03-14T08:00:00Z").as_deref(), Some("2024-03-14"));
        assert_eq!(normalise_published("14 March 2024").as_deref(), Some("2024-03-14"));
        assert_eq!(normalise_published("nonsense"), None);
    }
}
