//! Time expressions, normalised against the publication date.
//!
//! Rules over each sentence's tokens, left to right, longest match first. Values
//! are ISO dates (`2024-07-24`), months (`2023-03`) or years (`2015`). The text of
//! an expression leaves out a leading preposition ("on Thursday" -> "Thursday",
//! "since 2016" -> "2016", open-ended) but keeps modifiers ("late Wednesday").
//!
//! Decisions:
//! - News style: a weekday, "in March" or "March 5" without a year is the most
//!   recent one on or before the publication date, never after it ("last Friday"
//!   is strictly before; "next Friday" strictly after), unless the clause puts it
//!   in the future ("will meet on Friday", "talks are scheduled for March 5"): then
//!   it is the next one on or after publication.
//! - Weeks ("this week", "earlier this week", "last week", "two weeks ago") get
//!   the finest unit that holds the whole week (or the part of it meant): the
//!   month when the week lies in one month, else the year, else nothing.
//! - Decades ("the 1990s") are skipped: a year value would claim too much.
//! - Bare years 1900-2099 count only after a temporal preposition (in, since, by,
//!   ...), after early/late/mid, or as the second year of "from 2011 to 2015";
//!   never before a count noun ("in 2000 cases").
//! - Without a publication date only absolute expressions get values.

use crate::sentences::split;
use crate::tokens::is_general_punctuation;
use chrono::{Datelike, Days, NaiveDate, Weekday};
use dyad_core::calendar::{month_abbreviation, month_number, weekday};
use dyad_core::lexicon::REPORTED_SPEECH_VERBS;
use dyad_core::{Precision, Sentence, Span, TimeExpr, TokenKind};

/// Words after which a bare month or year is a time.
const PREPOSITIONS: &[&str] = &[
    "in",
    "since",
    "until",
    "till",
    "by",
    "from",
    "of",
    "before",
    "after",
    "during",
    "through",
    "throughout",
    "between",
    "around",
    "circa",
    "for",
];

/// Words linking a second year to a first: "from 2011 to 2015", "in 2011 and 2015".
const LINKS: &[&str] = &["to", "and", "or", "through", "until", "-", "\u{2013}", "\u{2014}"];

/// Nouns that make a preceding four-digit number a count, not a year.
const COUNT_NOUNS: &[&str] = &[
    "people",
    "troops",
    "soldiers",
    "cases",
    "deaths",
    "civilians",
    "votes",
    "dollars",
    "euros",
    "members",
    "tons",
    "tonnes",
    "units",
    "homes",
    "houses",
    "refugees",
    "km",
    "kilometres",
    "kilometers",
    "miles",
    "meters",
    "metres",
    "residents",
    "children",
    "migrants",
    "jobs",
    "workers",
    "points",
    "percent",
    "fighters",
    "prisoners",
    "families",
    "rockets",
    "missiles",
    "drones",
    "shells",
    "men",
    "women",
    "vehicles",
    "tanks",
    "feet",
    "hectares",
    "barrels",
    "signatures",
    "delegates",
    "seats",
    "students",
    "pages",
    "words",
    "rounds",
    "killed",
];

/// The lengths of the month names and abbreviations, in bytes ("may" to "september").
const MONTH_LENGTHS: std::ops::RangeInclusive<usize> = 3..=9;

const PARTS_OF_DAY: &[&str] = &["morning", "afternoon", "evening", "night", "overnight"];

const SMALL_NUMBERS: &[&str] =
    &["one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "eleven", "twelve"];

/// How many words before a time expression [`Finder::future`] looks at.
const FUTURE_LOOK_BACK: usize = 8;

/// Words that put the rest of their clause in the future ("wo" is "won't").
/// ("due" is left out: "due to rain" is a cause as often as "due to meet" a plan.)
const FUTURE_MARKERS: &[&str] =
    &["will", "'ll", "wo", "shall", "scheduled", "upcoming", "expected", "planned", "plans", "planning"];

/// How many words before "would" [`Finder::reported_future`] looks for a verb of saying
/// ("said on Tuesday that it would").
const REPORTED_LOOK_BACK: usize = 5;

/// Words that open another clause, past which a future marker does not reach.
const CLAUSE_BREAKS: &[&str] =
    &["and", "but", "or", "after", "when", "which", "who", "that", "while", "because", "said", "says", "told"];

/// Time expressions in every sentence. With no sentences (but some text) the text
/// is split first.
pub fn find_times(text: &str, sentences: &[Sentence], published: Option<NaiveDate>) -> Vec<TimeExpr> {
    let fallback;
    let sentences = if sentences.is_empty() {
        fallback = split(text, &[]);
        &fallback
    } else {
        sentences
    };
    let mut out = Vec::new();
    each_finder(text, sentences, published, |finder| finder.run(text, &mut out));
    out
}

/// Calls `f` with the finder of each sentence: its tokens with their lowercase forms.
fn each_finder(text: &str, sentences: &[Sentence], published: Option<NaiveDate>, mut f: impl FnMut(&Finder)) {
    // the lowercase forms of a sentence's words that are not lowercase already, one
    // after the other in one buffer (a String per capitalised word cost more than
    // finding the times)
    let mut lowered = String::new();
    let mut lows: Vec<(&str, Option<std::ops::Range<usize>>)> = Vec::new();
    for s in sentences {
        lowered.clear();
        lows.clear();
        for t in &s.tokens {
            let raw = t.span.slice(text);
            // most words are written in lowercase already, and punctuation has no
            // case: those are borrowed
            let at = if raw.len() > 24 || !raw.bytes().any(|b| b.is_ascii_uppercase() || !b.is_ascii()) {
                None
            } else if raw.is_ascii() {
                let start = lowered.len();
                lowered.push_str(raw);
                lowered[start..].make_ascii_lowercase();
                Some(start..lowered.len())
            } else if raw.chars().all(|c| is_general_punctuation(c) || (c.is_ascii() && !c.is_ascii_uppercase())) {
                None
            } else {
                let start = lowered.len();
                lowered.push_str(&dyad_core::chars::to_lowercase(raw));
                Some(start..lowered.len())
            };
            lows.push((raw, at));
        }
        let toks: Vec<Tok> = s
            .tokens
            .iter()
            .zip(&lows)
            .map(|(t, (raw, at))| {
                let low = match at {
                    Some(r) => &lowered[r.clone()],
                    None if raw.len() > 24 => "",
                    None => raw,
                };
                Tok { span: t.span, kind: t.kind, raw, low }
            })
            .collect();
        f(&Finder { toks: &toks, published });
    }
}

struct Tok<'a> {
    span: Span,
    kind: TokenKind,
    raw: &'a str,
    /// `raw` in lowercase, empty for a token longer than any word looked for
    low: &'a str,
}

/// A matched expression: tokens `first..=last` and its value.
struct Hit {
    last: usize,
    value: String,
    precision: Precision,
}

struct Finder<'a, 'b> {
    toks: &'b [Tok<'a>],
    published: Option<NaiveDate>,
}

impl Finder<'_, '_> {
    fn run(&self, text: &str, out: &mut Vec<TimeExpr>) {
        let mut i = 0;
        // token index just after the last expression, for "from 2011 to 2015"
        let mut last_end: Option<usize> = None;
        while i < self.toks.len() {
            // no rule starts at punctuation or a symbol (each needs a number or a word)
            if matches!(self.toks[i].kind, TokenKind::Punct | TokenKind::Symbol) {
                i += 1;
                continue;
            }
            let linked = last_end.is_some_and(|e| e + 1 == i && self.low(e).is_some_and(|w| LINKS.contains(&w)));
            let contextual =
                linked || i.checked_sub(1).and_then(|p| self.low(p)).is_some_and(|w| PREPOSITIONS.contains(&w));
            let Some(hit) = self.modified(i).or_else(|| self.core(i, contextual)) else {
                i += 1;
                continue;
            };
            // spans from the caller may be garbage: never build an inverted one
            let (start, end) = (self.toks[i].span.start, self.toks[hit.last].span.end);
            if let Some(t) = text.get(start..end) {
                let span = Span::new(start, end);
                let open_ended = i > 0 && self.low(i - 1) == Some("since");
                out.push(TimeExpr {
                    text: t.to_string(),
                    span,
                    value: hit.value,
                    precision: hit.precision,
                    open_ended,
                });
            }
            last_end = Some(hit.last + 1);
            i = hit.last + 1;
        }
    }

    fn low(&self, i: usize) -> Option<&str> {
        self.toks.get(i).map(|t| t.low)
    }

    /// `early 2015`, `late Wednesday`, `mid-March`, `earlier this week`.
    fn modified(&self, i: usize) -> Option<Hit> {
        let m = self.low(i)?;
        if !matches!(m, "early" | "late" | "mid" | "earlier" | "later") {
            return None;
        }
        let mut k = i + 1;
        if self.low(k) == Some("-") && self.adjacent(i, k) {
            k += 1;
        }
        let earlier_later = matches!(m, "earlier" | "later");
        if earlier_later && self.low(k) == Some("this") {
            // only the part of the week before / after publication
            if self.low(k + 1) == Some("week") {
                let p = self.published?;
                let (a, b) = week_of(p, 0)?;
                let (a, b) = if m == "earlier" { (a, p) } else { (p, b) };
                return hit_range(k + 1, a, b);
            }
        }
        // a modifier makes a bare month or year temporal: "early 2015", "mid-March"
        let hit = self.core(k, !earlier_later)?;
        Some(hit)
    }

    /// The first of the rules (in the order of [`Finder::every_rule`]) that matches
    /// at `i`, asking only those that can start at a token of its kind: a date in
    /// digits, a year and a bare year need a number; a month, weekday or relative
    /// word is never one; nothing starts at punctuation or a symbol.
    fn core(&self, i: usize, contextual: bool) -> Option<Hit> {
        match self.toks.get(i)?.kind {
            TokenKind::Number => self.iso_date(i).or_else(|| self.day_month(i)).or_else(|| self.ago(i)).or_else(|| {
                if contextual {
                    self.bare_year(i)
                } else {
                    None
                }
            }),
            TokenKind::Word => self
                .day_month(i)
                .or_else(|| self.month_first(i, contextual))
                .or_else(|| self.relative(i))
                .or_else(|| self.weekday(i))
                .or_else(|| self.ago(i)),
            TokenKind::Punct | TokenKind::Symbol => None,
        }
    }

    /// Every rule at `i` in turn, the first match winning: what [`Finder::core`]
    /// gives, whatever the token's kind.
    #[cfg(test)]
    fn every_rule(&self, i: usize, contextual: bool) -> Option<Hit> {
        self.iso_date(i)
            .or_else(|| self.day_month(i))
            .or_else(|| self.month_first(i, contextual))
            .or_else(|| self.relative(i))
            .or_else(|| self.weekday(i))
            .or_else(|| self.ago(i))
            .or_else(|| if contextual { self.bare_year(i) } else { None })
    }

    fn adjacent(&self, a: usize, b: usize) -> bool {
        match (self.toks.get(a), self.toks.get(b)) {
            (Some(x), Some(y)) => x.span.end == y.span.start,
            _ => false,
        }
    }

    /// `2023-03-05`
    fn iso_date(&self, i: usize) -> Option<Hit> {
        let y = self.number(i, 4)?;
        if self.low(i + 1)? != "-" || self.low(i + 3)? != "-" {
            return None;
        }
        if !(i..i + 4).all(|k| self.adjacent(k, k + 1)) {
            return None;
        }
        let m = self.number(i + 2, 2)?;
        let d = self.number(i + 4, 2)?;
        let date = NaiveDate::from_ymd_opt(y as i32, m, d)?;
        Some(day_hit(i + 4, date))
    }

    /// `5 March`, `5 March 2023`, `the 5th of March`
    fn day_month(&self, i: usize) -> Option<Hit> {
        let d = self.day_number(i)?;
        let mut k = i + 1;
        if self.low(k) == Some("of") {
            k += 1;
        }
        let m = self.month(k, true)?;
        if let Some(y) = self.year_number(k + 1, 1000, 2999) {
            let date = NaiveDate::from_ymd_opt(y, m, d)?;
            return Some(day_hit(k + 1, date));
        }
        let date = self.infer_year(i, m, d)?;
        Some(day_hit(k, date))
    }

    /// `March 5, 2023`, `March 5`, `March 2023`, `March of last year`, `in March`
    fn month_first(&self, i: usize, contextual: bool) -> Option<Hit> {
        let m = self.month(i, true)?;
        if let Some(d) = self.day_number(i + 1) {
            let mut k = i + 2;
            if self.low(k) == Some(",") {
                k += 1;
            }
            if let Some(y) = self.year_number(k, 1000, 2999) {
                let date = NaiveDate::from_ymd_opt(y, m, d)?;
                return Some(day_hit(k, date));
            }
            let date = self.infer_year(i, m, d)?;
            return Some(day_hit(i + 1, date));
        }
        if let Some(y) = self.year_number(i + 1, 1000, 2999) {
            return Some(month_hit(i + 1, y as i64, m));
        }
        if self.low(i + 1) == Some("of") {
            if let Some(y) = self.year_number(i + 2, 1000, 2999) {
                return Some(month_hit(i + 2, y as i64, m));
            }
            if self.low(i + 3) == Some("year") {
                let shift = match self.low(i + 2)? {
                    "last" => -1,
                    "this" => 0,
                    "next" => 1,
                    _ => return None,
                };
                let p = self.published?;
                return Some(month_hit(i + 3, p.year() as i64 + shift, m));
            }
        }
        // a bare month needs a preposition or a modifier, and a full name
        let full = month_number(self.low(i)?.trim_end_matches('.')).is_some();
        if !(contextual && full) {
            return None;
        }
        let p = self.published?;
        let year = match self.future(i) {
            false if m > p.month() => p.year() - 1,
            true if m < p.month() => p.year() + 1,
            _ => p.year(),
        };
        Some(month_hit(i, year as i64, m))
    }

    /// today, yesterday, tonight, last night, this morning, last/this/next
    /// week/month/year, last/next March, last/next Friday.
    fn relative(&self, i: usize) -> Option<Hit> {
        let w = self.low(i)?;
        let offset = match w {
            "today" | "tonight" => Some(0),
            "yesterday" => Some(-1),
            "tomorrow" => Some(1),
            _ => None,
        };
        if let Some(off) = offset {
            let p = self.published?;
            let date = shift_days(p, off)?;
            let last =
                if w != "tonight" && self.low(i + 1).is_some_and(|n| PARTS_OF_DAY.contains(&n)) { i + 1 } else { i };
            return Some(day_hit(last, date));
        }
        if !matches!(w, "last" | "this" | "next") {
            return None;
        }
        let next = self.low(i + 1)?;
        let shift: i64 = match w {
            "last" => -1,
            "this" => 0,
            _ => 1,
        };
        match next {
            "night" if w == "last" => {
                let p = self.published?;
                Some(day_hit(i + 1, shift_days(p, -1)?))
            }
            "morning" | "afternoon" | "evening" if w == "this" => Some(day_hit(i + 1, self.published?)),
            "week" => {
                let (a, b) = week_of(self.published?, shift)?;
                hit_range(i + 1, a, b)
            }
            "month" => {
                let p = self.published?;
                let (y, m) = add_months(p.year() as i64, p.month(), shift);
                Some(month_hit(i + 1, y, m))
            }
            "year" => Some(year_hit(i + 1, self.published?.year() as i64 + shift)),
            _ => {
                let p = self.published?;
                if let Some(m) = self.month(i + 1, false) {
                    // "last March": the most recent March before this month
                    let y = p.year() as i64;
                    let year = match shift {
                        -1 => {
                            if m < p.month() {
                                y
                            } else {
                                y - 1
                            }
                        }
                        0 => y,
                        _ => {
                            if m > p.month() {
                                y
                            } else {
                                y + 1
                            }
                        }
                    };
                    return Some(month_hit(i + 1, year, m));
                }
                let wd = weekday(next)?;
                let date = match shift {
                    -1 => weekday_before(p, wd, true)?,
                    0 => weekday_before(p, wd, false)?,
                    _ => weekday_after(p, wd, true)?,
                };
                Some(day_hit(self.part_of_day(i + 1), date))
            }
        }
    }

    /// `Thursday`, `Wednesday night`: the most recent such day on or before
    /// publication. A weekday followed by a full date leaves it to the date.
    fn weekday(&self, i: usize) -> Option<Hit> {
        let wd = weekday(self.low(i)?)?;
        let mut k = i + 1;
        if self.low(k) == Some(",") {
            k += 1;
        }
        if self.day_month(k).is_some() || self.month_first(k, false).is_some() {
            return None;
        }
        let p = self.published?;
        let date = if self.future(i) { weekday_after(p, wd, false)? } else { weekday_before(p, wd, false)? };
        Some(day_hit(self.part_of_day(i), date))
    }

    fn part_of_day(&self, i: usize) -> usize {
        if self.low(i + 1).is_some_and(|n| PARTS_OF_DAY.contains(&n)) {
            i + 1
        } else {
            i
        }
    }

    /// `two days ago`, `a year ago`, `three weeks ago`
    fn ago(&self, i: usize) -> Option<Hit> {
        let n = self.count(i)?;
        let unit = self.low(i + 1)?;
        if self.low(i + 2)? != "ago" {
            return None;
        }
        let p = self.published?;
        let last = i + 2;
        match unit.trim_end_matches('s') {
            "day" => Some(day_hit(last, shift_days(p, -n)?)),
            "week" => {
                let mid = shift_days(p, -7 * n)?;
                hit_range(last, shift_days(mid, -3)?, shift_days(mid, 3)?)
            }
            "month" => {
                let (y, m) = add_months(p.year() as i64, p.month(), -n);
                Some(month_hit(last, y, m))
            }
            "year" => Some(year_hit(last, p.year() as i64 - n)),
            _ => None,
        }
    }

    /// `2015` after a preposition; not `2000 troops`.
    fn bare_year(&self, i: usize) -> Option<Hit> {
        let y = self.year_number(i, 1900, 2099)?;
        if self.low(i + 1).is_some_and(|n| COUNT_NOUNS.contains(&n)) {
            return None;
        }
        Some(year_hit(i, y as i64))
    }

    fn number(&self, i: usize, digits: usize) -> Option<u32> {
        let t = self.toks.get(i)?;
        if t.kind != TokenKind::Number || t.raw.len() != digits {
            return None;
        }
        t.raw.parse().ok()
    }

    fn year_number(&self, i: usize, lo: i32, hi: i32) -> Option<i32> {
        let y = self.number(i, 4)? as i32;
        (lo..=hi).contains(&y).then_some(y)
    }

    /// `5`, `05`, `5th`, `22nd`
    fn day_number(&self, i: usize) -> Option<u32> {
        let t = self.toks.get(i)?;
        // the digits below are a non-empty prefix: most words fail at their first byte
        if !t.low.as_bytes().first().is_some_and(u8::is_ascii_digit) {
            return None;
        }
        let digits = t.low.trim_end_matches(['s', 't', 'n', 'd', 'r', 'h']);
        let suffix = &t.low[digits.len()..];
        if !matches!(suffix, "" | "st" | "nd" | "rd" | "th") || digits.is_empty() || digits.len() > 2 {
            return None;
        }
        if !digits.bytes().all(|b| b.is_ascii_digit()) {
            return None;
        }
        let d: u32 = digits.parse().ok()?;
        (1..=31).contains(&d).then_some(d)
    }

    /// `two`, `3`, `a`
    fn count(&self, i: usize) -> Option<i64> {
        let w = self.low(i)?;
        if matches!(w, "a" | "an") {
            return Some(1);
        }
        if let Some(k) = SMALL_NUMBERS.iter().position(|&n| n == w) {
            return Some(k as i64 + 1);
        }
        if w.len() <= 3 && !w.is_empty() && w.bytes().all(|b| b.is_ascii_digit()) {
            return w.parse().ok();
        }
        None
    }

    /// Month number of a month name; "May", "March" and "Mar" only capitalised.
    fn month(&self, i: usize, abbreviations: bool) -> Option<u32> {
        let t = self.toks.get(i)?;
        let w = t.low.trim_end_matches('.');
        // no month name or abbreviation is shorter or longer (most words are)
        if !MONTH_LENGTHS.contains(&w.len()) {
            return None;
        }
        let capital = t.raw.starts_with(|c: char| c.is_uppercase());
        if matches!(w, "may" | "march" | "mar") && !capital {
            return None;
        }
        if let Some(m) = month_number(w) {
            return Some(m);
        }
        if abbreviations && capital {
            return month_abbreviation(w);
        }
        None
    }

    /// The most recent (month, day) on or before publication, or the next one on or
    /// after it when the expression at `i` is in a future clause.
    fn infer_year(&self, i: usize, m: u32, d: u32) -> Option<NaiveDate> {
        let p = self.published?;
        let this = NaiveDate::from_ymd_opt(p.year(), m, d);
        if self.future(i) {
            return match this {
                Some(date) if date >= p => Some(date),
                _ => NaiveDate::from_ymd_opt(p.year().checked_add(1)?, m, d),
            };
        }
        match this {
            Some(date) if date <= p => Some(date),
            _ => NaiveDate::from_ymd_opt(p.year().checked_sub(1)?, m, d),
        }
    }

    /// Is the expression starting at token `i` in a clause about the future: a future
    /// auxiliary or a word of schedule among the words before it in its clause ("will
    /// meet on Friday", "is scheduled to open March 5", "the upcoming vote on Monday")? The
    /// look-back stops at punctuation and at words that open another clause ("said on
    /// Friday it will", "will travel after talks ended Friday" stay in the past).
    fn future(&self, i: usize) -> bool {
        // (a word's own hyphens, as in "three-day", neither end the clause nor count)
        let joined = |k: usize| {
            let t = &self.toks[k];
            t.raw == "-"
                && k > 0
                && k + 1 < self.toks.len()
                && self.toks[k - 1].span.end == t.span.start
                && t.span.end == self.toks[k + 1].span.start
        };
        let mut looked: usize = 0;
        for k in (0..i).rev() {
            if joined(k) {
                // (the part after the hyphen was counted; the part before it is the same word)
                looked = looked.saturating_sub(1);
                continue;
            }
            if looked == FUTURE_LOOK_BACK {
                return false;
            }
            looked += 1;
            let Some(w) = self.low(k) else { return false };
            // "they'll" and "won't" may come as one word
            if FUTURE_MARKERS.contains(&w) || w.ends_with("'ll") || w.ends_with("’ll") || matches!(w, "won't" | "won’t")
            {
                return true;
            }
            if w == "would" && self.reported_future(k) {
                return true;
            }
            let boundary = self.toks[k].kind == TokenKind::Punct || CLAUSE_BREAKS.contains(&w);
            if boundary && k + 1 < i {
                return false;
            }
        }
        false
    }
}

impl Finder<'_, '_> {
    /// "said they would boycott on Friday": a "would" at `k` is the future of reported
    /// speech when a verb of saying stands among the few words before it and no "have"
    /// follows it ("would have won" is past, a counterfactual); elsewhere "would" is too
    /// often conditional or a past habit to look forward.
    fn reported_future(&self, k: usize) -> bool {
        self.low(k + 1) != Some("have")
            && (k.saturating_sub(REPORTED_LOOK_BACK)..k)
                .any(|j| self.low(j).is_some_and(|w| REPORTED_SPEECH_VERBS.contains(&w)))
    }
}

fn weekday_before(p: NaiveDate, wd: Weekday, strictly: bool) -> Option<NaiveDate> {
    let mut delta = (p.weekday().num_days_from_monday() + 7 - wd.num_days_from_monday()) % 7;
    if strictly && delta == 0 {
        delta = 7;
    }
    p.checked_sub_days(Days::new(delta as u64))
}

fn weekday_after(p: NaiveDate, wd: Weekday, strictly: bool) -> Option<NaiveDate> {
    let mut delta = (wd.num_days_from_monday() + 7 - p.weekday().num_days_from_monday()) % 7;
    if strictly && delta == 0 {
        delta = 7;
    }
    p.checked_add_days(Days::new(delta as u64))
}

/// Monday and Sunday of the week `shift` weeks from the one holding `p`.
fn week_of(p: NaiveDate, shift: i64) -> Option<(NaiveDate, NaiveDate)> {
    let monday = shift_days(p, -(p.weekday().num_days_from_monday() as i64) + 7 * shift)?;
    Some((monday, shift_days(monday, 6)?))
}

fn shift_days(p: NaiveDate, by: i64) -> Option<NaiveDate> {
    if by >= 0 {
        p.checked_add_days(Days::new(by as u64))
    } else {
        p.checked_sub_days(Days::new(by.unsigned_abs()))
    }
}

fn add_months(y: i64, m: u32, by: i64) -> (i64, u32) {
    let total = y * 12 + (m as i64 - 1) + by;
    (total.div_euclid(12), (total.rem_euclid(12) + 1) as u32)
}

fn day_hit(last: usize, d: NaiveDate) -> Hit {
    Hit { last, value: format!("{:04}-{:02}-{:02}", d.year(), d.month(), d.day()), precision: Precision::Day }
}

fn month_hit(last: usize, y: i64, m: u32) -> Hit {
    Hit { last, value: format!("{y:04}-{m:02}"), precision: Precision::Month }
}

fn year_hit(last: usize, y: i64) -> Hit {
    Hit { last, value: format!("{y:04}"), precision: Precision::Year }
}

/// The finest unit holding both dates, or None when they are in different years.
fn hit_range(last: usize, a: NaiveDate, b: NaiveDate) -> Option<Hit> {
    if a == b {
        Some(day_hit(last, a))
    } else if (a.year(), a.month()) == (b.year(), b.month()) {
        Some(month_hit(last, a.year() as i64, a.month()))
    } else if a.year() == b.year() {
        Some(year_hit(last, a.year() as i64))
    } else {
        None
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn month_lengths_hold_every_month_word() {
        for w in dyad_core::calendar::MONTH_NAMES
            .iter()
            .chain(dyad_core::calendar::MONTH_ABBREVIATIONS.iter().map(|(a, _)| a))
        {
            assert!(MONTH_LENGTHS.contains(&w.len()), "{w}");
        }
    }

    #[test]
    fn caseless_punctuation_lowercases_to_itself() {
        for c in (0..=0x10ffffu32).filter_map(char::from_u32).filter(|&c| is_general_punctuation(c)) {
            assert_eq!(c.to_lowercase().to_string(), c.to_string(), "U+{:04X}", c as u32);
        }
        // borrowed, copied in lowercase or lowered in full: the same times either way
        let text = "On “MONDAY” — or Tuesday, 5 MARCH 2024 — ΣΟΦΊΑ met Ünal.";
        let times: Vec<(String, String)> =
            find_times(text, &[], Some(date("2024-03-07"))).into_iter().map(|t| (t.text, t.value)).collect();
        assert_eq!(
            times,
            vec![
                ("MONDAY".to_string(), "2024-03-04".to_string()),
                ("5 MARCH 2024".to_string(), "2024-03-05".to_string())
            ]
        );
    }

    #[test]
    fn rules_by_token_kind_match_every_rule() {
        // a text with a time of each kind and numbers, symbols and punctuation that
        // are none: at every token, with and without a preposition before it, the
        // rules asked by kind give what asking every rule gives
        let text = "On 2023-03-05, 4 April and the 9th of May 2021 passed; by June 12, 2022 (or in \
                    July) the 40 boats left last week, two days ago and 3 years ago. Since 2015 \
                    nobody sailed on Friday, early 2019 or mid-March, a month ago: 2,000 crew, \
                    $5, 7% and 1999 ferries. Next Tuesday we go; 12th - 14th August 2020 too.\n";
        let sentences = split(text, &[]);
        let (mut tokens, mut hits) = (0, 0);
        each_finder(text, &sentences, Some(date("2024-07-25")), |finder| {
            for i in 0..finder.toks.len() {
                for contextual in [false, true] {
                    let key = |h: Option<Hit>| h.map(|h| (h.last, h.value, h.precision));
                    let by_kind = key(finder.core(i, contextual));
                    hits += by_kind.is_some() as usize;
                    assert_eq!(by_kind, key(finder.every_rule(i, contextual)), "at {:?}", finder.toks[i].raw);
                }
                tokens += 1;
            }
        });
        assert!(tokens >= 80 && hits >= 20, "{tokens} tokens, {hits} hits");
    }

    fn date(s: &str) -> NaiveDate {
        NaiveDate::parse_from_str(s, "%Y-%m-%d").unwrap()
    }

    /// (text, value, precision, open_ended) for `text` published on `published`.
    fn times(text: &str, published: Option<&str>) -> Vec<(String, String, Precision, bool)> {
        let t = find_times(text, &split(text, &[]), published.map(date));
        for x in &t {
            assert_eq!(&text[x.span.start..x.span.end], x.text);
        }
        t.into_iter().map(|x| (x.text, x.value, x.precision, x.open_ended)).collect()
    }

    fn one(text: &str, published: &str) -> (String, String, Precision, bool) {
        let t = times(text, Some(published));
        assert_eq!(t.len(), 1, "{text}: {t:?}");
        t.into_iter().next().unwrap()
    }

    fn e(text: &str, value: &str, p: Precision, open: bool) -> (String, String, Precision, bool) {
        (text.to_string(), value.to_string(), p, open)
    }

    const PUB: &str = "2024-07-25"; // a Thursday

    #[test]
    fn seed_phrases() {
        use Precision::*;
        assert_eq!(one("The agency said so on Thursday.", PUB), e("Thursday", "2024-07-25", Day, false));
        assert_eq!(one("The talks, held late Wednesday, ended.", PUB), e("late Wednesday", "2024-07-24", Day, false));
        assert_eq!(one("It intervened in 2015 during the war.", PUB), e("2015", "2015", Year, false));
        assert_eq!(
            one("They had not met since March of last year.", PUB),
            e("March of last year", "2023-03", Month, true)
        );
        assert_eq!(one("Protests began in 2011, and later.", PUB), e("2011", "2011", Year, false));
        assert_eq!(one("What he in 2019 dubbed a plan.", PUB), e("2019", "2019", Year, false));
        assert_eq!(one("Raids have continued since 2016, officials say.", PUB), e("2016", "2016", Year, true));
    }

    #[test]
    fn weekdays_are_never_after_publication() {
        use Precision::*;
        assert_eq!(one("Early Monday, shelling resumed.", PUB), e("Early Monday", "2024-07-22", Day, false));
        assert_eq!(one("They left Friday.", PUB), e("Friday", "2024-07-19", Day, false));
        assert_eq!(one("Fires burned Wednesday night.", PUB), e("Wednesday night", "2024-07-24", Day, false));
        assert_eq!(one("He spoke last Thursday.", PUB), e("last Thursday", "2024-07-18", Day, false));
        assert_eq!(one("A vote is due next Monday.", PUB), e("next Monday", "2024-07-29", Day, false));
        assert_eq!(one("On SATURDAY crowds came.", PUB), e("SATURDAY", "2024-07-20", Day, false));
        // a weekday before a full date defers to the date
        assert_eq!(one("It was signed on Tuesday, July 9, 2024.", PUB), e("July 9, 2024", "2024-07-09", Day, false));
    }

    #[test]
    fn a_future_clause_looks_forward() {
        use Precision::*;
        // PUB is Thursday 2024-07-25
        assert_eq!(one("The ministers will meet on Friday.", PUB), e("Friday", "2024-07-26", Day, false));
        assert_eq!(one("Talks are scheduled to resume Monday.", PUB), e("Monday", "2024-07-29", Day, false));
        assert_eq!(one("They'll vote on Saturday.", PUB), e("Saturday", "2024-07-27", Day, false));
        // a hyphenated word is one word of the clause
        assert_eq!(
            one("The envoy will begin a three-day visit to Kenya on Monday.", PUB),
            e("Monday", "2024-07-29", Day, false)
        );
        assert_eq!(one("The envoy ended a three-day visit on Monday.", PUB), e("Monday", "2024-07-22", Day, false));
        assert_eq!(one("The result will be known on Thursday.", PUB), e("Thursday", "2024-07-25", Day, false));
        assert_eq!(one("He won't attend on Friday.", PUB), e("Friday", "2024-07-26", Day, false));
        assert_eq!(one("He won on Friday.", PUB), e("Friday", "2024-07-19", Day, false));
        assert_eq!(one("Elections will be held in March.", PUB), e("March", "2025-03", Month, false));
        assert_eq!(one("The summit will open on March 5.", PUB), e("March 5", "2025-03-05", Day, false));
        assert_eq!(one("The summit will open on September 5.", PUB), e("September 5", "2024-09-05", Day, false));
        // the future belongs to another clause: the time stays on or before publication
        assert_eq!(one("Officials said on Friday that talks will resume.", PUB), e("Friday", "2024-07-19", Day, false));
        assert_eq!(one("She will travel after talks ended on Friday.", PUB), e("Friday", "2024-07-19", Day, false));
        assert_eq!(one("It will rain, officials warned on Monday.", PUB), e("Monday", "2024-07-22", Day, false));
        assert_eq!(one("The match was called off due to rain on Monday.", PUB), e("Monday", "2024-07-22", Day, false));
        assert_eq!(one("The vote in March will decide it.", PUB), e("March", "2024-03", Month, false));
        // "would" after a verb of saying is the future of reported speech; elsewhere it
        // is a condition or a habit, and "would have" is past
        assert_eq!(
            one("The rebels said they would boycott the vote on Friday.", PUB),
            e("Friday", "2024-07-26", Day, false)
        );
        assert_eq!(one("He announced that he would visit Kyiv in March.", PUB), e("March", "2025-03", Month, false));
        assert_eq!(one("They would meet on Friday if asked.", PUB), e("Friday", "2024-07-19", Day, false));
        assert_eq!(
            one("Officials said the team would have won on Friday.", PUB),
            e("Friday", "2024-07-19", Day, false)
        );
    }

    #[test]
    fn relative_days_months_years() {
        use Precision::*;
        let all = times(
            "Today and yesterday, tomorrow, tonight and last night. This week, earlier this \
             week, last month, this month, next month, last year, this year, next year.",
            Some(PUB),
        );
        let got: Vec<(&str, &str, Precision)> = all.iter().map(|(t, v, p, _)| (t.as_str(), v.as_str(), *p)).collect();
        assert_eq!(
            got,
            vec![
                ("Today", "2024-07-25", Day),
                ("yesterday", "2024-07-24", Day),
                ("tomorrow", "2024-07-26", Day),
                ("tonight", "2024-07-25", Day),
                ("last night", "2024-07-24", Day),
                ("This week", "2024-07", Month),
                ("earlier this week", "2024-07", Month),
                ("last month", "2024-06", Month),
                ("this month", "2024-07", Month),
                ("next month", "2024-08", Month),
                ("last year", "2023", Year),
                ("this year", "2024", Year),
                ("next year", "2025", Year),
            ]
        );
        // a week spanning two months gets no month
        assert_eq!(one("It rained this week.", "2024-07-31"), e("this week", "2024", Year, false));
        assert!(times("It rained this week.", Some("2024-12-31")).is_empty());
        assert_eq!(one("It fell two days ago.", PUB), e("two days ago", "2024-07-23", Day, false));
        assert_eq!(one("It fell a year ago.", PUB), e("a year ago", "2023", Year, false));
        assert_eq!(one("It fell 3 months ago.", "2024-02-10"), e("3 months ago", "2023-11", Month, false));
    }

    #[test]
    fn months_and_dates() {
        use Precision::*;
        assert_eq!(one("Talks began in March.", PUB), e("March", "2024-03", Month, false));
        assert_eq!(one("Talks began in September.", PUB), e("September", "2023-09", Month, false));
        assert_eq!(one("Talks began last March.", PUB), e("last March", "2024-03", Month, false));
        assert_eq!(one("Talks began last July.", PUB), e("last July", "2023-07", Month, false));
        assert_eq!(one("Talks began in March 2023.", PUB), e("March 2023", "2023-03", Month, false));
        assert_eq!(one("Talks began on March 5.", PUB), e("March 5", "2024-03-05", Day, false));
        assert_eq!(one("Talks began on Dec. 5.", PUB), e("Dec. 5", "2023-12-05", Day, false));
        assert_eq!(one("Talks began on 5 March.", PUB), e("5 March", "2024-03-05", Day, false));
        assert_eq!(one("Talks began on March 5, 2023.", PUB), e("March 5, 2023", "2023-03-05", Day, false));
        assert_eq!(one("Talks began on 5 March 2023.", PUB), e("5 March 2023", "2023-03-05", Day, false));
        assert_eq!(one("Talks began on the 5th of March.", PUB), e("5th of March", "2024-03-05", Day, false));
        assert_eq!(one("Talks began on 2023-03-05.", PUB), e("2023-03-05", "2023-03-05", Day, false));
        assert_eq!(one("Talks began in early 2015.", PUB), e("early 2015", "2015", Year, false));
        assert_eq!(one("Talks began in mid-March.", PUB), e("mid-March", "2024-03", Month, false));
        assert_eq!(one("Aid ends by 2030.", PUB), e("2030", "2030", Year, false));
    }

    #[test]
    fn absolute_only_without_publication_date() {
        let t = times("On Thursday, last year and in March, and on 5 March 2023 and in 2015 and 2023-01-02.", None);
        let values: Vec<&str> = t.iter().map(|x| x.1.as_str()).collect();
        assert_eq!(values, vec!["2023-03-05", "2015", "2023-01-02"]);
    }

    #[test]
    fn numbers_that_are_not_years() {
        assert!(times("Some 2,000 troops moved under Resolution 2254.", Some(PUB)).is_empty());
        assert!(times("It rose to 2015 and then 1999 in total.", Some(PUB)).is_empty());
        assert!(times("Aid reached 2000 people in 2000 homes.", Some(PUB)).is_empty());
        assert!(times("The 1990s were calm; we may march.", Some(PUB)).is_empty());
        assert!(times("In the 1990s it was calm.", Some(PUB)).is_empty());
        let t = times("It ran from 2011 to 2015.", Some(PUB));
        assert_eq!(t.len(), 2);
        assert_eq!((t[0].1.as_str(), t[1].1.as_str()), ("2011", "2015"));
    }

    #[test]
    fn odd_publication_dates_do_not_panic() {
        for p in [NaiveDate::MIN, NaiveDate::MAX] {
            let text = "Yesterday, tomorrow, last year, next month, next Monday, in March, \
                        two days ago, this week, March 5, last March.";
            let _ = find_times(text, &split(text, &[]), Some(p));
        }
    }
}
