//! Words of the calendar. Capitalised, they look like names ("Monday", "May") to every stage
//! that guesses names from capitals: the actor recogniser, toponym recognition and the story
//! profiles all leave them out through this one list.

/// The seven weekdays first ([`is_weekday`]), then the months.
const WORDS: &[&str] = &[
    "monday",
    "tuesday",
    "wednesday",
    "thursday",
    "friday",
    "saturday",
    "sunday",
    "january",
    "february",
    "march",
    "april",
    "may",
    "june",
    "july",
    "august",
    "september",
    "october",
    "november",
    "december",
];

/// Whether a lower-case word is the name of a weekday.
pub fn is_weekday(lower: &str) -> bool {
    WORDS[..7].contains(&lower)
}

/// Whether a lower-case word is the name of a weekday or a month.
pub fn is_calendar_word(lower: &str) -> bool {
    WORDS.contains(&lower)
}

/// Days since 1970-01-01 of a date of the proleptic Gregorian calendar. Dates in text and the
/// story window both count days; this is the one place that does the arithmetic.
pub fn days_from_civil(y: i64, m: u32, d: u32) -> i64 {
    // Counted from March, so that leap days come last.
    let (y, m) = if m <= 2 { (y - 1, i64::from(m) + 9) } else { (y, i64::from(m) - 3) };
    let era = y.div_euclid(400);
    let yoe = y - era * 400;
    let doy = (153 * m + 2) / 5 + i64::from(d) - 1;
    let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    era * 146_097 + doe - 719_468
}

/// The date (year, month, day) of a day count: the inverse of [`days_from_civil`].
pub fn civil_from_days(n: i64) -> (i64, u32, u32) {
    let z = n + 719_468;
    let era = z.div_euclid(146_097);
    let doe = z - era * 146_097;
    let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    let mp = (5 * doy + 2) / 153;
    let d = (doy - (153 * mp + 2) / 5 + 1) as u32;
    let m = if mp < 10 { mp + 3 } else { mp - 9 } as u32;
    (yoe + era * 400 + i64::from(m <= 2), m, d)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn weekdays_are_the_first_seven() {
        assert!(is_weekday("sunday") && !is_weekday("january") && is_calendar_word("january"));
    }

    #[test]
    fn days_and_dates_round_trip() {
        assert_eq!(days_from_civil(1970, 1, 1), 0);
        assert_eq!(days_from_civil(2024, 3, 1) - days_from_civil(2024, 2, 28), 2, "2024 is a leap year");
        for n in [-800_000, -1, 0, 59, 19_000, 20_513, 2_000_000] {
            let (y, m, d) = civil_from_days(n);
            assert_eq!(days_from_civil(y, m, d), n);
        }
    }
}
