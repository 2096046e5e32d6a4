//! English month and weekday names (full, lowercase), the one list the stages
//! share: time expressions in the annotate stage, time phrases in the coder.

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
