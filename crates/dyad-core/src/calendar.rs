//! English month and weekday names (full, lowercase) and the month abbreviations, the
//! one list the stages share: time expressions in the annotate stage, time phrases in
//! the coder.

use chrono::Weekday;

/// Full month names, January first.
pub const MONTH_NAMES: [&str; 12] = [
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

/// Month abbreviations (lowercase, without their full stop: "Sept." is "sept") with
/// their month; May has none.
pub const MONTH_ABBREVIATIONS: [(&str, u32); 12] = [
    ("jan", 1),
    ("feb", 2),
    ("mar", 3),
    ("apr", 4),
    ("jun", 6),
    ("jul", 7),
    ("aug", 8),
    ("sep", 9),
    ("sept", 9),
    ("oct", 10),
    ("nov", 11),
    ("dec", 12),
];

/// Full weekday names with their day, Monday first.
pub const WEEKDAY_NAMES: [(&str, Weekday); 7] = [
    ("monday", Weekday::Mon),
    ("tuesday", Weekday::Tue),
    ("wednesday", Weekday::Wed),
    ("thursday", Weekday::Thu),
    ("friday", Weekday::Fri),
    ("saturday", Weekday::Sat),
    ("sunday", Weekday::Sun),
];

/// The month (1-12) a full lowercase month name names.
pub fn month_number(lower: &str) -> Option<u32> {
    MONTH_NAMES.iter().position(|&m| m == lower).map(|k| k as u32 + 1)
}

/// The month (1-12) a lowercase month abbreviation without its full stop names.
pub fn month_abbreviation(lower: &str) -> Option<u32> {
    MONTH_ABBREVIATIONS.iter().find(|(a, _)| *a == lower).map(|&(_, m)| m)
}

/// The day a full lowercase weekday name names.
pub fn weekday(lower: &str) -> Option<Weekday> {
    WEEKDAY_NAMES.iter().find(|(n, _)| *n == lower).map(|&(_, d)| d)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_map_to_months_and_days() {
        assert_eq!(month_number("january"), Some(1));
        assert_eq!(month_number("december"), Some(12));
        assert_eq!(month_number("jan"), None, "full names only");
        assert_eq!(weekday("wednesday"), Some(Weekday::Wed));
        assert_eq!(weekday("Wednesday"), None, "lowercase only");
    }
}
