//! Words of the calendar. Capitalised, they look like names ("Monday", "May") to every stage
//! that guesses names from capitals: the actor recogniser, toponym recognition and the story
//! profiles all leave them out through this one list.

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

/// Whether a lower-case word is the name of a weekday or a month.
pub fn is_calendar_word(lower: &str) -> bool {
    WORDS.contains(&lower)
}
