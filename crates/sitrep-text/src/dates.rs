//! Date expressions, resolved against the publication date into day intervals with a precision.
//!
//! Absolute forms ("5th January 2025", "January 5, 2025", "2024-03-14", "March 2024", "in 2021",
//! "from 1996 to 2001", "the 1990s") need no anchor; relative ones ("May 24", "this January",
//! "last year", "yesterday", "on Monday") are resolved against the publication date and are left
//! out when there is none.

use std::sync::LazyLock;

use regex::Regex;
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
#[derive(Clone, Copy, Debug)]
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

static FORMS: LazyLock<Vec<(Form, Regex)>> = LazyLock::new(|| {
    let m = MONTHS;
    let r = |s: String| Regex::new(&s).expect("date pattern");
    vec![
        (Form::Iso, r(r"\b(\d{4})-(\d{2})-(\d{2})\b".into())),
        // With a year the month name is safe to match in any case ("MARCH 14, 2024" datelines).
        (Form::DayMonthYear, r(format!(r"\b(\d{{1,2}})(?:st|nd|rd|th)?\s+(?:of\s+)?(?i:({m}))\.?,?\s+(\d{{4}})\b"))),
        (Form::MonthDayYear, r(format!(r"\b(?i:({m}))\.?\s+(\d{{1,2}})(?:st|nd|rd|th)?,?\s+(\d{{4}})\b"))),
        (Form::MonthDay, r(format!(r"\b({m})\.?\s+(\d{{1,2}})(?:st|nd|rd|th)?\b"))),
        (Form::DayMonth, r(format!(r"\b(\d{{1,2}})(?:st|nd|rd|th)?\s+(?:of\s+)?({m})\b"))),
        (Form::MonthYear, r(format!(r"\b({m})\.?\s+(?:of\s+)?(\d{{4}})\b"))),
        (Form::RelativeMonth, r(format!(r"\b(?i:(this|last|next|early|late|mid|in))[\s-]+({m})\b"))),
        (
            Form::YearRange,
            r(r"\b(?i:from|between)\s+(\d{4})\s+(?i:to|and|until|till|through)\s+(\d{4})\b|\b(\d{4})\s*[-–]\s*(\d{4})\b".into()),
        ),
        (Form::Year, r(r"\b(1[89]\d{2}|20\d{2})\b".into())),
        (Form::Decade, r(r"\b(?i:the)\s+(1[89]|20)(\d)0s\b".into())),
        (Form::RelativeUnit, r(r"\b(?i)(this|last|next|previous|past|coming)\s+(year|month|week)\b".into())),
        (Form::RelativeDay, r(r"\b(?i)(yesterday|today|tomorrow)\b".into())),
        (Form::Weekday, r(r"\b(?:on|last|this|next)\s+(Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)\b".into())),
    ]
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
    let (y, m) = if d.m <= 2 { (d.y as i64 - 1, d.m as i64 + 9) } else { (d.y as i64, d.m as i64 - 3) };
    let era = y.div_euclid(400);
    let yoe = y - era * 400;
    let doy = (153 * m + 2) / 5 + d.d as i64 - 1;
    let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    era * 146097 + doe - 719468
}

fn from_days(z: i64) -> Day {
    let z = z + 719468;
    let era = z.div_euclid(146097);
    let doe = z - era * 146097;
    let yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    let mp = (5 * doy + 2) / 153;
    let d = (doy - (153 * mp + 2) / 5 + 1) as u32;
    let m = if mp < 10 { mp + 3 } else { mp - 9 } as u32;
    let y = (yoe + era * 400 + if m <= 2 { 1 } else { 0 }) as i32;
    Day { y, m, d }
}

fn fmt(d: Day) -> String {
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
    find(s, None).into_iter().find(|d| d.precision == Precision::Day).map(|d| d.from)
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

/// Every date expression in `text`, resolved against `published` (`YYYY-MM-DD`) where needed.
pub fn find(text: &str, published: Option<&str>) -> Vec<DateMention> {
    let anchor = published.and_then(parse_anchor);
    let mut found: Vec<DateMention> = Vec::new();
    for (form, re) in FORMS.iter() {
        for caps in re.captures_iter(text) {
            let m = caps.get(0).unwrap();
            if let Some((from, to, precision)) = resolve(*form, &caps, anchor) {
                found.push(DateMention {
                    start: m.start(),
                    end: m.end(),
                    text: m.as_str().to_string(),
                    from: fmt(from),
                    to: fmt(to),
                    precision,
                });
            }
        }
    }
    // Longest first at each position, then drop anything overlapping a kept match.
    found.sort_by(|a, b| a.start.cmp(&b.start).then(b.end.cmp(&a.end)));
    let mut out: Vec<DateMention> = Vec::new();
    for d in found {
        if out.iter().any(|k| k.start < d.end && d.start < k.end) {
            continue;
        }
        out.push(d);
    }
    out.sort_by_key(|d| d.start);
    out
}

#[cfg(test)]
mod tests {
    use super::*;

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
    fn published_dates_normalise() {
        assert_eq!(normalise_published("2024-03-14T08:00:00Z").as_deref(), Some("2024-03-14"));
        assert_eq!(normalise_published("14 March 2024").as_deref(), Some("2024-03-14"));
        assert_eq!(normalise_published("nonsense"), None);
    }
}
