//! Calendar dates as pages write them: in metadata values, in URLs, and in the
//! visible text, where a label ("Published", "Erschienen am", "Updated") or the
//! place next to the headline says what the date is.

use crate::html::dom::{Dom, Node, NodeId, Tag};
use crate::text::FastMap;
use chrono::{DateTime, Datelike, FixedOffset, NaiveDate, Timelike};

/// A publication date from the forms metadata values use: ISO dates and
/// datetimes (the date as written, in the publisher's zone), RFC 2822,
/// "July 25, 2024", "25 July 2024", "2024/07/25", "20240725". Machine-written
/// slashed dates are month first ("11/01/2023" is 1 November) unless the first
/// number cannot be a month; dashed and dotted ones day first.
pub fn parse_date(raw: &str) -> Option<NaiveDate> {
    let s = raw.trim();
    let plausible = |d: NaiveDate| (1900..=2100).contains(&d.year()).then_some(d);
    if let Some(head) = s.get(..10) {
        for fmt in ["%Y-%m-%d", "%Y/%m/%d"] {
            if let Ok(d) = NaiveDate::parse_from_str(head, fmt) {
                return plausible(d);
            }
        }
    }
    if s.len() == 8 && s.bytes().all(|b| b.is_ascii_digit()) {
        return NaiveDate::parse_from_str(s, "%Y%m%d").ok().and_then(plausible);
    }
    if let Ok(dt) = DateTime::parse_from_rfc2822(s) {
        return plausible(dt.date_naive());
    }
    date_in_text(s, Some("en"))
}

/// The publisher's calendar date of a metadata value. A timestamp in UTC
/// ("2023-11-09T06:35:29Z") names the next day for an evening article in the
/// Americas; when the page writes the same instant elsewhere with its own
/// offset ("2023-11-08T22:35:29-08:00"), that local date is the one the
/// publisher printed.
///
/// A UTC timestamp on the hour at 21:00, 22:00 or 23:00 with no other form on
/// the page is the local midnight of a date-only value in a zone east of UTC
/// ("2021-11-04T23:00Z" is 5 November in Berlin): the date is the next day.
pub fn publisher_date(raw: &str, src: &str) -> Option<NaiveDate> {
    let date = parse_date(raw)?;
    let Some(utc) = timestamp(raw.trim()).filter(|t| t.offset().local_minus_utc() == 0) else { return Some(date) };
    if let Some(local) = local_twin(src, &utc) {
        return Some(local.date_naive());
    }
    let t = utc.time();
    let local_midnight = (21..=23).contains(&t.hour()) && t.minute() == 0 && t.second() == 0 && t.nanosecond() == 0;
    Some(if local_midnight { date.succ_opt().unwrap_or(date) } else { date })
}

/// Whether `raw` is an ISO 8601 timestamp in UTC (`Z` or a zero offset).
pub fn is_utc_timestamp(raw: &str) -> bool {
    timestamp(raw.trim()).is_some_and(|t| t.offset().local_minus_utc() == 0)
}

/// An ISO 8601 timestamp with an offset at the start of `s`:
/// `2024-07-25T21:15:00+03:00`, `...T21:15:00.123Z`, `...T21:15+0300`, `...T21:15Z`.
fn timestamp(s: &str) -> Option<DateTime<FixedOffset>> {
    let end = s.find(|c: char| c.is_whitespace() || matches!(c, '"' | '\'' | '<' | ',' | ')')).unwrap_or(s.len());
    let token = &s[..end];
    let token = match token.strip_suffix('Z') {
        Some(head) => std::borrow::Cow::Owned(format!("{head}+00:00")),
        None => std::borrow::Cow::Borrowed(token),
    };
    ["%Y-%m-%dT%H:%M:%S%.f%:z", "%Y-%m-%dT%H:%M:%S%.f%z", "%Y-%m-%dT%H:%M%:z", "%Y-%m-%dT%H:%M%z"]
        .iter()
        .find_map(|f| DateTime::parse_from_str(&token, f).ok())
}

/// The first timestamp in `src` with a non-zero offset that is the instant `utc`.
/// Its local date is the day of `utc` or the one on either side, so only
/// where the page writes one of those three dates is looked at.
fn local_twin(src: &str, utc: &DateTime<FixedOffset>) -> Option<DateTime<FixedOffset>> {
    let bytes = src.as_bytes();
    let digits = |r: std::ops::Range<usize>| bytes.get(r).is_some_and(|b| b.iter().all(u8::is_ascii_digit));
    let day = utc.date_naive();
    let days: Vec<String> = [day.pred_opt(), Some(day), day.succ_opt()]
        .into_iter()
        .flatten()
        .map(|d| d.format("%Y-%m-%d").to_string())
        .collect();
    // one pass over the page for what the three dates begin with (all of
    // "2024-07-" but at the turn of a month), each place then checked for one of
    // them whole: the places come in page order
    let common = days.iter().map(|d| d.len()).min().map_or(0, |shortest| {
        (0..shortest).take_while(|&i| days.iter().all(|d| d.as_bytes()[i] == days[0].as_bytes()[i])).count()
    });
    let first = days.first()?;
    memchr::memmem::find_iter(bytes, &first.as_bytes()[..common])
        // YYYY-MM-DDTHH
        .filter(|&p| {
            days.iter().any(|d| bytes[p..].starts_with(d.as_bytes()))
                && bytes.get(p + 10) == Some(&b'T')
                && digits(p + 11..p + 13)
        })
        .find_map(|p| timestamp(&src[p..]).filter(|found| found.offset().local_minus_utc() != 0 && found == utc))
}

/// Month number of a month name or abbreviation in English, German, French,
/// Spanish, Italian, Portuguese, Dutch, the Scandinavian languages, Romanian,
/// Polish, Czech, Turkish, Greek, Russian and Ukrainian (nominative and the
/// genitive that follows a day, "15 августа"), or Arabic (the Egyptian names and
/// the Levantine ones of one word).
fn month(word: &str) -> Option<u32> {
    const MONTHS: [&[&str]; 12] = [
        &[
            "january",
            "jan",
            "januar",
            "jänner",
            "janvier",
            "enero",
            "gennaio",
            "janeiro",
            "januari",
            "ianuarie",
            "stycznia",
            "styczeń",
            "ledna",
            "leden",
            "ocak",
            "ιανουαρίου",
            "ιανουάριος",
            "января",
            "январь",
            "янв",
            "січня",
            "січень",
            "يناير",
        ],
        &[
            "february",
            "feb",
            "februar",
            "février",
            "fevrier",
            "febrero",
            "febbraio",
            "fevereiro",
            "februari",
            "februarie",
            "lutego",
            "luty",
            "února",
            "únor",
            "şubat",
            "φεβρουαρίου",
            "φεβρουάριος",
            "февраля",
            "февраль",
            "фев",
            "лютого",
            "лютий",
            "فبراير",
            "شباط",
        ],
        &[
            "march",
            "mar",
            "märz",
            "maerz",
            "mars",
            "marzo",
            "março",
            "marco",
            "maart",
            "mär",
            "martie",
            "marca",
            "marzec",
            "března",
            "březen",
            "mart",
            "μαρτίου",
            "μάρτιος",
            "марта",
            "март",
            "березня",
            "березень",
            "مارس",
            "آذار",
        ],
        &[
            "april",
            "apr",
            "avril",
            "abril",
            "aprile",
            "aprilie",
            "kwietnia",
            "kwiecień",
            "dubna",
            "duben",
            "nisan",
            "απριλίου",
            "απρίλιος",
            "апреля",
            "апрель",
            "апр",
            "квітня",
            "квітень",
            "أبريل",
            "ابريل",
            "نيسان",
        ],
        &[
            "may",
            "mai",
            "mayo",
            "maggio",
            "maio",
            "mei",
            "maj",
            "maja",
            "května",
            "květen",
            "mayıs",
            "μαΐου",
            "μάιος",
            "мая",
            "май",
            "травня",
            "травень",
            "مايو",
            "أيار",
        ],
        &[
            "june",
            "jun",
            "juni",
            "juin",
            "junio",
            "giugno",
            "junho",
            "iunie",
            "czerwca",
            "czerwiec",
            "června",
            "červen",
            "haziran",
            "ιουνίου",
            "ιούνιος",
            "июня",
            "июнь",
            "июн",
            "червня",
            "червень",
            "يونيو",
            "يونيه",
            "حزيران",
        ],
        &[
            "july",
            "jul",
            "juli",
            "juillet",
            "julio",
            "luglio",
            "julho",
            "iulie",
            "lipca",
            "lipiec",
            "července",
            "červenec",
            "temmuz",
            "ιουλίου",
            "ιούλιος",
            "июля",
            "июль",
            "июл",
            "липня",
            "липень",
            "يوليو",
            "يوليه",
            "تموز",
        ],
        &[
            "august",
            "aug",
            "août",
            "aout",
            "agosto",
            "augustus",
            "augusti",
            "sierpnia",
            "sierpień",
            "srpna",
            "srpen",
            "ağustos",
            "αυγούστου",
            "αύγουστος",
            "августа",
            "август",
            "авг",
            "серпня",
            "серпень",
            "أغسطس",
            "آب",
        ],
        &[
            "september",
            "sep",
            "sept",
            "septembre",
            "septiembre",
            "settembre",
            "setembro",
            "septembrie",
            "września",
            "wrzesień",
            "září",
            "eylül",
            "σεπτεμβρίου",
            "σεπτέμβριος",
            "сентября",
            "сентябрь",
            "сен",
            "сент",
            "вересня",
            "вересень",
            "سبتمبر",
            "أيلول",
        ],
        &[
            "october",
            "oct",
            "oktober",
            "okt",
            "octobre",
            "octubre",
            "ottobre",
            "outubro",
            "octombrie",
            "października",
            "październik",
            "října",
            "říjen",
            "ekim",
            "οκτωβρίου",
            "οκτώβριος",
            "октября",
            "октябрь",
            "окт",
            "жовтня",
            "жовтень",
            "أكتوبر",
            "اكتوبر",
        ],
        &[
            "november",
            "nov",
            "novembre",
            "noviembre",
            "novembro",
            "noiembrie",
            "listopada",
            "listopad",
            "listopadu",
            "kasım",
            "νοεμβρίου",
            "νοέμβριος",
            "ноября",
            "ноябрь",
            "ноя",
            "листопада",
            "листопад",
            "نوفمبر",
        ],
        &[
            "december",
            "dec",
            "dezember",
            "dez",
            "décembre",
            "decembre",
            "diciembre",
            "dicembre",
            "dezembro",
            "desember",
            "decembrie",
            "grudnia",
            "grudzień",
            "prosince",
            "prosinec",
            "aralık",
            "δεκεμβρίου",
            "δεκέμβριος",
            "декабря",
            "декабрь",
            "дек",
            "грудня",
            "грудень",
            "ديسمبر",
        ],
    ];
    if word.len() > 24 || !word.starts_with(char::is_alphabetic) {
        return None;
    }
    static INDEX: std::sync::OnceLock<FastMap<&str, u32>> = std::sync::OnceLock::new();
    let index = INDEX.get_or_init(|| {
        let mut index = FastMap::default();
        for (i, names) in MONTHS.iter().enumerate() {
            for name in names.iter() {
                index.entry(*name).or_insert(i as u32 + 1);
            }
        }
        index
    });
    let find = |w: &str| index.get(w).copied();
    if word.is_ascii() {
        let mut buf = [0u8; 24];
        let lower = &mut buf[..word.len()];
        lower.copy_from_slice(word.as_bytes());
        lower.make_ascii_lowercase();
        return std::str::from_utf8(lower).ok().and_then(|w| find(w.trim_end_matches('.')));
    }
    find(word.to_lowercase().trim_end_matches('.'))
}

/// A date written with the East Asian year, month and day signs in one
/// token, `2020年07月03日` (Chinese, Japanese), or in three, `2020년 7월 3일`
/// (Korean): (year, month, day) and how many tokens it took.
fn east_asian(tokens: [&str; 3]) -> Option<((i32, u32, u32), usize)> {
    let number = |s: &str| {
        (!s.is_empty() && s.len() <= 4 && s.bytes().all(|b| b.is_ascii_digit()))
            .then(|| s.parse::<u32>().ok())
            .flatten()
    };
    if let Some((y, rest)) = tokens[0].split_once('年') {
        let (m, rest) = rest.split_once('月')?;
        let d = rest.strip_suffix('日').unwrap_or(rest);
        return Some(((number(y)? as i32, number(m)?, number(d)?), 1));
    }
    let y = tokens[0].strip_suffix('년')?;
    let m = tokens[1].strip_suffix('월')?;
    let d = tokens[2].strip_suffix('일')?;
    Some(((number(y)? as i32, number(m)?, number(d)?), 3))
}

/// A date written in text, with its byte range.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct FoundDate {
    pub date: NaiveDate,
    pub start: usize,
    pub end: usize,
}

/// The first calendar date written in `text`; see [`dates_in_text`].
pub fn date_in_text(text: &str, lang: Option<&str>) -> Option<NaiveDate> {
    dates_in_text(text, lang, 1).first().map(|f| f.date)
}

/// Up to `limit` calendar dates written in `text`, in order: `2024-07-25`,
/// `25.07.2024`, `25-07-2024`, `25.07.24`, `07/25/2024` (slashed dates day first
/// unless the page is English or the day cannot be a month), `July 25, 2024`, `25. Juli 2024`,
/// `25 de julio de 2024`.
pub fn dates_in_text(text: &str, lang: Option<&str>, limit: usize) -> Vec<FoundDate> {
    let mut found = Vec::new();
    // tokens: (text, start, end)
    let mut toks: Vec<(&str, usize, usize)> = Vec::new();
    let mut start = None;
    for (i, c) in text.char_indices().chain(std::iter::once((text.len(), ' '))) {
        if c.is_alphanumeric() {
            start.get_or_insert(i);
        } else if let Some(s) = start.take() {
            toks.push((&text[s..i], s, i));
            if toks.len() > 400 {
                break;
            }
        }
    }
    let num =
        |t: &str| (t.len() <= 4 && t.bytes().all(|b| b.is_ascii_digit())).then(|| t.parse::<u32>().ok()).flatten();
    let day = |t: &str| {
        let t = ["st", "nd", "rd", "th", "er"].iter().find_map(|s| t.strip_suffix(s)).unwrap_or(t);
        num(t).filter(|d| (1..=31).contains(d) && t.len() <= 2)
    };
    let year = |t: &str| num(t).filter(|y| t.len() == 4 && (1990..=2100).contains(y));
    let make = |y: u32, m: u32, d: u32| NaiveDate::from_ymd_opt(y as i32, m, d);
    let sep = |a: usize, b: usize| text[toks[a].2..toks[b].1].trim();
    let us = month_first(lang);
    let this_year = chrono::Utc::now().year() as u32;
    let fillers = ["de", "of", "del", "the"];
    let mut i = 0;
    while i < toks.len() && found.len() < limit {
        let t = |k: usize| toks.get(i + k).map_or("", |x| x.0);
        let mut hit: Option<(NaiveDate, usize)> = None;
        // numeric: y-m-d or d.m.y / m/d/y, with the same separator twice
        if let (Some(a), Some(b), Some(c)) = (num(t(0)), num(t(1)), num(t(2))) {
            let (s1, s2) = (sep(i, i + 1), sep(i + 1, i + 2));
            // not the middle of a longer dotted number (a version, an address)
            let dotted_run = |at: usize, before: bool| {
                let b = text.as_bytes();
                if before {
                    at >= 2 && b[at - 1] == b'.' && b[at - 2].is_ascii_digit()
                } else {
                    b.get(at) == Some(&b'.') && b.get(at + 1).is_some_and(u8::is_ascii_digit)
                }
            };
            if s1 == s2 && matches!(s1, "-" | "." | "/") {
                if t(0).len() == 4 {
                    if let Some(d) = make(a, b, c).filter(|_| year(t(0)).is_some()) {
                        hit = Some((d, 2));
                    }
                } else if year(t(2)).is_some() && t(0).len() <= 2 && t(1).len() <= 2 {
                    let day_first = s1 != "/" || a > 12 || (!us && b <= 12);
                    let d = if day_first { make(c, b, a) } else { make(c, a, b) };
                    hit = d.map(|d| (d, 2));
                } else if s1 == "."
                    && [t(0), t(1), t(2)].iter().all(|t| t.len() == 2)
                    && !dotted_run(toks[i].1, true)
                    && !dotted_run(toks[i + 2].2, false)
                {
                    // 25.07.24: the century that does not lie in the future
                    let y = if 2000 + c <= this_year { 2000 + c } else { 1900 + c };
                    hit = make(y, b, a).map(|d| (d, 2));
                }
            }
        }
        // 2020年07月03日, 2020년 7월 3일
        if hit.is_none() && !t(0).is_ascii() {
            if let Some(((y, m, d), n)) = east_asian([t(0), t(1), t(2)]) {
                hit = NaiveDate::from_ymd_opt(y, m, d).filter(|_| (1990..=2100).contains(&y)).map(|date| (date, n - 1));
            }
        }
        // 25 July 2024, 25. Juli 2024, 25 de julio de 2024, 24 نيسان / أبريل 2020
        if hit.is_none() {
            if let Some(d) = day(t(0)) {
                let mut k = 1;
                while fillers.contains(&t(k)) {
                    k += 1;
                }
                if let Some(m) = month(t(k)) {
                    k += 1;
                    // the same month named again in a second language
                    if month(t(k)) == Some(m) {
                        k += 1;
                    }
                    while fillers.contains(&t(k)) {
                        k += 1;
                    }
                    if let Some(y) = year(t(k)) {
                        hit = make(y, m, d).map(|date| (date, k));
                    }
                }
            }
        }
        // July 25, 2024
        if hit.is_none() {
            if let Some(m) = month(t(0)) {
                if let (Some(d), Some(y)) = (day(t(1)), year(t(2))) {
                    hit = make(y, m, d).map(|date| (date, 2));
                }
            }
        }
        match hit {
            Some((date, last)) => {
                found.push(FoundDate { date, start: toks[i].1, end: toks[i + last].2 });
                i += last + 1;
            }
            None => i += 1,
        }
    }
    found
}

/// Whether a page in language `lang` (a language tag: "en", "en-US",
/// "en_GB") writes slashed dates month first: English of the United States
/// and the places that follow its usage (its territories, the Philippines,
/// Canada), or English with no region. The rest of the English-speaking world
/// writes them day first ("02/10/2020" is 2 October in London).
pub fn month_first(lang: Option<&str>) -> bool {
    let Some(lang) = lang else { return false };
    let mut tags = lang.trim().split(['-', '_']);
    if !tags.next().is_some_and(|l| l.eq_ignore_ascii_case("en")) {
        return false;
    }
    // the region follows the language and an optional four-letter script
    let region = tags.find(|t| t.len() != 4);
    region.is_none_or(|r| {
        ["US", "PH", "CA", "AS", "GU", "MP", "PR", "UM", "VI", "FM", "MH", "PW"]
            .iter()
            .any(|c| c.eq_ignore_ascii_case(r))
    })
}

/// A date in a URL path: `/2024/07/25/`, `/2024-07-25-slug` or `/20240725/`.
pub fn date_in_url(url: &str) -> Option<NaiveDate> {
    let rest = url.split_once("://").map_or(url, |(_, r)| r);
    let path = rest.split(['?', '#']).next()?;
    let segments: Vec<&str> = path.split('/').skip(1).collect();
    let num = |s: &str, n: std::ops::RangeInclusive<usize>| {
        (n.contains(&s.len()) && s.bytes().all(|b| b.is_ascii_digit())).then(|| s.parse::<u32>().ok()).flatten()
    };
    for (i, seg) in segments.iter().enumerate() {
        if let (Some(y), Some(m), Some(d)) = (
            num(seg, 4..=4),
            segments.get(i + 1).and_then(|s| num(s, 1..=2)),
            segments.get(i + 2).and_then(|s| num(s, 1..=2)),
        ) {
            if let Some(date) = NaiveDate::from_ymd_opt(y as i32, m, d) {
                return parse_date(&date.to_string());
            }
        }
        // /20200428/slug
        if seg.len() == 8 && seg.bytes().all(|b| b.is_ascii_digit()) {
            if let Some(date) = parse_date(seg).filter(|d| d.year() >= 1995) {
                return Some(date);
            }
        }
        if seg.len() >= 10 && seg.as_bytes()[4] == b'-' && seg.as_bytes()[7] == b'-' {
            if let Some(date) = parse_date(seg) {
                return Some(date);
            }
        }
    }
    None
}

/// Keys of the publication date in the JSON that pages embed in scripts for
/// their own code (the store of a single-page app, an analytics layer).
const SCRIPT_PUBLISHED_KEYS: &[&str] = &[
    "datePublished",
    "publishedAt",
    "published_at",
    "publishDate",
    "publish_date",
    "publishedDate",
    "publicationDate",
    "date_published",
    "firstPublished",
];

/// The first publication date the page's embedded JSON gives under one of
/// [`SCRIPT_PUBLISHED_KEYS`] (`"published_at":"2019-03-02T06:22:28+01:00"`,
/// escaped quotes too), in the publisher's zone.
pub fn date_in_scripts(src: &str) -> Option<NaiveDate> {
    let mut first: Option<(usize, NaiveDate)> = None;
    for key in SCRIPT_PUBLISHED_KEYS {
        for quote in ["\"", "\\\""] {
            let needle = format!("{quote}{key}{quote}");
            let Some(at) = memchr::memmem::find(src.as_bytes(), needle.as_bytes()) else { continue };
            if first.is_some_and(|(pos, _)| pos < at) {
                continue;
            }
            let rest = src[at + needle.len()..].trim_start();
            let Some(rest) = rest.strip_prefix(':') else { continue };
            let rest = rest.trim_start();
            let Some(value) = rest.strip_prefix(quote) else { continue };
            let Some(end) = value.find(quote).filter(|&end| end <= 40) else { continue };
            let value = value[..end].replace("\\/", "/");
            if let Some(date) = publisher_date(&value, src) {
                first = Some((at, date));
            }
        }
    }
    first.map(|(_, d)| d)
}

/// What the words next to a date in the text say it is.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum DateLabel {
    /// "Published", "Veröffentlicht am", "Erstellt am", "Datum:", "posted on" ...
    Published,
    /// "Updated", "Aktualisiert", "Letzte Änderung", "Stand:", "Last revision" ...
    Modified,
    /// A date of something else: "Effective date", "Valid until", "Deadline",
    /// "Date of birth", "Registriert:", "Aktuelle Zeit", "Retrieved" ...
    Other,
    /// No label word near it.
    None,
}

/// Words that say a date is the publication.
const PUBLISHED_WORDS: &[&str] = &[
    "published",
    "posted",
    "dated",
    "released",
    "created",
    "written",
    "veröffentlicht",
    "erschienen",
    "erstellt",
    "gepostet",
    "geschrieben",
    "publié",
    "publiée",
    "publicado",
    "publicada",
    "pubblicato",
    "gepubliceerd",
    "publicatiedatum",
];

/// The generic nouns "date": a publication date unless a word next to them
/// says what other date it is ("Effective date", "Date of birth", "Last
/// modified date").
const DATE_NOUNS: &[&str] = &["date", "datum"];

/// Words that say a date is a revision.
const MODIFIED_WORDS: &[&str] = &[
    "updated",
    "update",
    "modified",
    "revised",
    "revision",
    "last",
    "aktualisiert",
    "aktualisierung",
    "geändert",
    "änderung",
    "bearbeitet",
    "stand",
    "jour",
    "actualizado",
    "actualizada",
    "aggiornato",
    "bijgewerkt",
];

/// Words that say a date is not the page's publication nor its revision: when
/// something takes effect, stays valid or expires, a deadline, the dates of an
/// event, a birth or death, a member's registration, when a cited page was
/// accessed, and the current day a site prints in its header. In the languages
/// whose month names [`month`] reads.
const OTHER_WORDS: &[&str] = &[
    // English
    "effective",
    "valid",
    "validity",
    "expires",
    "expire",
    "expiry",
    "expiration",
    "expired",
    "deadline",
    "due",
    "until",
    "till",
    "closing",
    "closes",
    "opening",
    "opens",
    "start",
    "starts",
    "begins",
    "end",
    "ends",
    "event",
    "meeting",
    "hearing",
    "birth",
    "born",
    "died",
    "death",
    "registered",
    "joined",
    "accessed",
    "retrieved",
    "today",
    "current",
    "currently",
    // German
    "gültig",
    "gilt",
    "frist",
    "ablauf",
    "fällig",
    "stichtag",
    "termin",
    "veranstaltung",
    "beginn",
    "ende",
    "geboren",
    "gestorben",
    "geburtsdatum",
    "registriert",
    "beigetreten",
    "abgerufen",
    "heute",
    "aktuelle",
    // French
    "valable",
    "jusqu",
    "échéance",
    "limite",
    "événement",
    "évènement",
    "réunion",
    "début",
    "fin",
    "né",
    "née",
    "naissance",
    "décès",
    "décédé",
    "inscrit",
    "consulté",
    "aujourd",
    "ouverture",
    "clôture",
    // Spanish
    "válido",
    "válida",
    "vigencia",
    "vigente",
    "hasta",
    "vence",
    "vencimiento",
    "plazo",
    "evento",
    "reunión",
    "inicio",
    "nacimiento",
    "nacido",
    "nacida",
    "fallecido",
    "registrado",
    "consultado",
    "hoy",
    "apertura",
    "cierre",
    // Italian
    "valido",
    "valida",
    "validità",
    "scadenza",
    "scade",
    "fino",
    "entro",
    "riunione",
    "fine",
    "nascita",
    "nato",
    "nata",
    "iscritto",
    "registrato",
    "consultato",
    "oggi",
    "chiusura",
    // Portuguese
    "validade",
    "vigência",
    "até",
    "prazo",
    "vencimento",
    "reunião",
    "início",
    "fim",
    "nascimento",
    "nascido",
    "falecido",
    "acessado",
    "acesso",
    "hoje",
    "abertura",
    "encerramento",
    // Dutch
    "geldig",
    "vervaldatum",
    "evenement",
    "vergadering",
    "einde",
    "overleden",
    "geregistreerd",
    "geraadpleegd",
    "vandaag",
    "sluiting",
    // Swedish, Danish, Norwegian
    "giltig",
    "gyldig",
    "utgår",
    "udløber",
    "evenemang",
    "född",
    "født",
    "registrerad",
    "registreret",
    "hämtad",
    "idag",
    // Romanian
    "valabil",
    "valabilă",
    "expiră",
    "termen",
    "eveniment",
    "născut",
    "născută",
    "decedat",
    "înregistrat",
    "accesat",
    "azi",
    "astăzi",
    // Polish
    "ważny",
    "ważne",
    "ważna",
    "wydarzenie",
    "spotkanie",
    "urodzony",
    "urodzona",
    "urodzenia",
    "zmarł",
    "zarejestrowany",
    "dostęp",
    "dziś",
    "dzisiaj",
    // Czech
    "platnost",
    "platí",
    "termín",
    "událost",
    "narozen",
    "narozena",
    "narození",
    "zemřel",
    "registrován",
    "citováno",
    "dnes",
    // Turkish
    "geçerli",
    "geçerlilik",
    "bitiş",
    "başlangıç",
    "etkinlik",
    "toplantı",
    "doğum",
    "vefat",
    "kayıt",
    "erişim",
    "bugün",
    // Greek
    "ισχύει",
    "λήξη",
    "λήξης",
    "προθεσμία",
    "εκδήλωση",
    "γέννηση",
    "γεννήθηκε",
    "πέθανε",
    "εγγραφή",
    "πρόσβαση",
    "σήμερα",
    // Russian
    "действует",
    "действителен",
    "срок",
    "истекает",
    "мероприятие",
    "рождения",
    "родился",
    "родилась",
    "умер",
    "регистрации",
    "обращения",
    "сегодня",
    // Ukrainian
    "діє",
    "дійсний",
    "термін",
    "строк",
    "подія",
    "народження",
    "народився",
    "помер",
    "реєстрації",
    "звернення",
    "сьогодні",
    // Arabic
    "صلاحية",
    "انتهاء",
    "الموعد",
    "فعالية",
    "اجتماع",
    "تسجيل",
    "اليوم",
];

/// Weekday names, which stand between a date and its label ("Effective Date:
/// Saturday, July 25, 2020") without being one, in the languages whose month
/// names [`month`] reads.
const WEEKDAYS: &[&str] = &[
    "monday",
    "tuesday",
    "wednesday",
    "thursday",
    "friday",
    "saturday",
    "sunday",
    "mon",
    "tue",
    "tues",
    "wed",
    "thu",
    "thur",
    "thurs",
    "fri",
    "sat",
    "sun",
    "montag",
    "dienstag",
    "mittwoch",
    "donnerstag",
    "freitag",
    "samstag",
    "sonnabend",
    "sonntag",
    "lundi",
    "mardi",
    "mercredi",
    "jeudi",
    "vendredi",
    "samedi",
    "dimanche",
    "lunes",
    "martes",
    "miércoles",
    "jueves",
    "viernes",
    "sábado",
    "domingo",
    "lunedì",
    "martedì",
    "mercoledì",
    "giovedì",
    "venerdì",
    "sabato",
    "domenica",
    "segunda",
    "terça",
    "quarta",
    "quinta",
    "sexta",
    "feira",
    "maandag",
    "dinsdag",
    "woensdag",
    "donderdag",
    "vrijdag",
    "zaterdag",
    "zondag",
    "måndag",
    "mandag",
    "tisdag",
    "tirsdag",
    "onsdag",
    "torsdag",
    "fredag",
    "lördag",
    "lørdag",
    "söndag",
    "søndag",
    "luni",
    "marți",
    "miercuri",
    "joi",
    "vineri",
    "sâmbătă",
    "duminică",
    "poniedziałek",
    "wtorek",
    "środa",
    "czwartek",
    "piątek",
    "sobota",
    "niedziela",
    "pondělí",
    "úterý",
    "středa",
    "čtvrtek",
    "pátek",
    "neděle",
    "pazartesi",
    "salı",
    "çarşamba",
    "perşembe",
    "cuma",
    "cumartesi",
    "pazar",
    "δευτέρα",
    "τρίτη",
    "τετάρτη",
    "πέμπτη",
    "παρασκευή",
    "σάββατο",
    "κυριακή",
    "понедельник",
    "вторник",
    "среда",
    "четверг",
    "пятница",
    "суббота",
    "воскресенье",
    "понеділок",
    "вівторок",
    "середа",
    "четвер",
    "пʼятниця",
    "субота",
    "неділя",
    "الاثنين",
    "الإثنين",
    "الثلاثاء",
    "الأربعاء",
    "الخميس",
    "الجمعة",
    "السبت",
    "الأحد",
];

/// The label the nearest label words in `words` (nearest first) give. The
/// generic "date" reads as the publication unless a word further on names
/// another kind of date.
fn label_of<'a>(words: impl Iterator<Item = &'a str>) -> DateLabel {
    let mut noun = false;
    for w in words {
        let w = w.to_lowercase();
        let w = w.as_str();
        if OTHER_WORDS.contains(&w) {
            return DateLabel::Other;
        }
        if MODIFIED_WORDS.contains(&w) {
            return DateLabel::Modified;
        }
        if PUBLISHED_WORDS.contains(&w) {
            return DateLabel::Published;
        }
        noun |= DATE_NOUNS.contains(&w);
    }
    if noun {
        DateLabel::Published
    } else {
        DateLabel::None
    }
}

/// The label of date `f` of `text`: the words before it (from `from`, where
/// the previous date ended), or those of `previous` text when it opens the
/// text, as in `<dt>Datum</dt><dd>12.01.2017</dd>`; else the words after it
/// (up to `until`, where the next date starts), as in "wurde am 19. Mai 2010
/// um 23:03 Uhr gepostet".
pub fn label_around(text: &str, from: usize, f: &FoundDate, until: usize, previous: Option<&str>) -> DateLabel {
    let before = &text[from..f.start];
    let mut label = label_of(label_words(before).rev().take(4));
    if label == DateLabel::None && label_words(before).next().is_none() && from == 0 {
        if let Some(previous) = previous {
            label = label_of(label_words(previous).rev().take(3));
        }
    }
    if label == DateLabel::None {
        label = label_of(words(&text[f.end..until]).take(6));
    }
    label
}

/// Whether `w` names a day of the week.
fn is_weekday(w: &str) -> bool {
    w.len() <= 24 && WEEKDAYS.contains(&w.to_lowercase().as_str())
}

/// The words of `s` that may label a date: all but weekday names.
fn label_words(s: &str) -> impl DoubleEndedIterator<Item = &str> {
    words(s).filter(|w| !is_weekday(w))
}

/// The words (runs of letters) of `s`.
fn words(s: &str) -> impl DoubleEndedIterator<Item = &str> {
    s.split(|c: char| !c.is_alphabetic()).filter(|w| !w.is_empty())
}

/// A date in the visible text of a page.
#[derive(Clone, Copy, Debug)]
pub struct TextDate {
    pub date: NaiveDate,
    /// Bytes of visible text before it on the page (text nodes trimmed, one
    /// byte between nodes).
    pub offset: usize,
    pub label: DateLabel,
    /// The text node it is written in.
    pub node: NodeId,
}

/// Elements whose text no reader sees as text.
fn is_hidden_text(tag: Tag) -> bool {
    use Tag::*;
    matches!(tag, Script | Style | Noscript | Template | Textarea | Option | Select | Title | Head)
}

/// Longest text node read for dates: a date line, not a paragraph of prose
/// that mentions dates.
const DATE_LINE_BYTES: usize = 160;

/// Bytes at the start of a longer paragraph read for its dateline.
const DATELINE_BYTES: usize = 40;

/// Most dates read from one page's text.
const MAX_TEXT_DATES: usize = 256;

/// The dates of a page's visible text, and where its headline stands in it.
#[derive(Debug, Default)]
pub struct TextDates {
    pub dates: Vec<TextDate>,
    /// Offsets of the headline's first and last text, when it was given.
    pub headline: Option<(usize, usize)>,
}

impl TextDates {
    /// The date written next to the headline, unless labelled a revision or
    /// another kind of date: the
    /// first within a short stretch after it (a date line under the title), else
    /// the nearest just before it (a date line above the title).
    pub fn next_to_headline(&self) -> Option<&TextDate> {
        let (start, end) = self.headline?;
        let unrevised = || self.dates.iter().filter(|d| matches!(d.label, DateLabel::Published | DateLabel::None));
        let after = unrevised().find(|d| d.offset >= end && d.offset - end <= NEAR_HEADLINE_AFTER);
        after.or_else(|| unrevised().rev().find(|d| d.offset < start && start - d.offset <= NEAR_HEADLINE_BEFORE))
    }
}

/// Bytes of text after and before a headline in which a date is its date line.
const NEAR_HEADLINE_AFTER: usize = 300;
const NEAR_HEADLINE_BEFORE: usize = 150;

/// Whether the text node `id` lies in an element that names itself as the
/// current day ("today", "current-date"): the day the page was served, which
/// sites print in their header, not a date of the article.
fn shows_today(dom: &Dom<'_>, id: NodeId) -> bool {
    dom.ancestors(id).take(3).filter_map(|a| dom.element(a)).any(|e| {
        e.attr("class").into_iter().chain(e.attr("id")).any(|v| {
            ["today", "currentdate", "current-date", "current_date"]
                .iter()
                .any(|n| crate::text::contains_ignore_ascii_case(v, n))
        })
    })
}

/// The dates in a page's visible text, in page order, each with the label
/// the words around it give: before it (in its text node, or the previous
/// one when it opens its node, as in `<dt>Datum</dt><dd>12.01.2017</dd>`),
/// else just after it ("wurde am 19. Mai 2010 um 23:03 Uhr gepostet").
/// `headline` is the element of the page's title, located in the same text.
pub fn text_dates(dom: &Dom<'_>, lang: Option<&str>, headline: Option<NodeId>) -> TextDates {
    let mut out = TextDates::default();
    let headline = headline.map(|h| dom.subtree(h));
    let mut offset = 0usize;
    let mut previous: &str = "";
    for id in 0..dom.len() {
        let Node::Text(text) = dom.node(id) else { continue };
        if dom.parent(id).and_then(|p| dom.element(p)).is_some_and(|e| is_hidden_text(e.tag())) {
            continue;
        }
        let text: &str = crate::text::trim(text);
        if text.is_empty() {
            continue;
        }
        // a date line, or the dateline that opens a paragraph ("Karlsruhe,
        // (12.11.2021). Traditionell ...", "27.1.2022 - Bei der ...")
        let line = if text.len() <= DATE_LINE_BYTES {
            text
        } else {
            let mut cut = DATELINE_BYTES;
            while !text.is_char_boundary(cut) {
                cut -= 1;
            }
            &text[..cut]
        };
        if out.dates.len() < MAX_TEXT_DATES && line.bytes().any(|b| b.is_ascii_digit()) {
            let mut after_last = 0;
            let mut found = dates_in_text(line, lang, 8);
            if !found.is_empty() && shows_today(dom, id) {
                found.clear();
            }
            if line.len() < text.len() {
                // whole, not cut at the end of the opening, and first in it
                // or after the place ("Karlsruhe, (12.11.2021).")
                found.retain(|f| {
                    let before = text[..f.start].trim_end().trim_end_matches('(').trim_end();
                    f.end < line.len() && (before.is_empty() || (before.ends_with(',') && words(before).count() <= 3))
                });
                found.truncate(1);
            }
            for (k, f) in found.iter().enumerate() {
                let until = found.get(k + 1).map_or(text.len(), |n| n.start);
                let label = label_around(text, after_last, f, until, Some(previous));
                out.dates.push(TextDate { date: f.date, offset: offset + f.start, label, node: id });
                after_last = f.end;
                if out.dates.len() >= MAX_TEXT_DATES {
                    break;
                }
            }
        }
        if headline.as_ref().is_some_and(|h| h.contains(&id)) {
            let (start, _) = out.headline.unwrap_or((offset, offset));
            out.headline = Some((start, offset + text.len()));
        }
        offset += text.len() + 1;
        previous = text;
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(y: i32, m: u32, day: u32) -> Option<NaiveDate> {
        NaiveDate::from_ymd_opt(y, m, day)
    }

    #[test]
    fn dates() {
        assert_eq!(parse_date("2024-07-25T23:30:00+03:00"), d(2024, 7, 25));
        assert_eq!(parse_date("2024/07/25"), d(2024, 7, 25));
        assert_eq!(parse_date("20240725"), d(2024, 7, 25));
        assert_eq!(parse_date("Thu, 25 Jul 2024 10:00:00 +0000"), d(2024, 7, 25));
        assert_eq!(parse_date("July 25, 2024"), d(2024, 7, 25));
        assert_eq!(parse_date("25 July 2024 12:00"), d(2024, 7, 25));
        assert_eq!(parse_date("2024-02-31"), None);
        assert_eq!(parse_date("yesterday"), None);
        assert_eq!(parse_date("0001-01-01"), None);
        assert_eq!(parse_date("ü"), None);
        assert_eq!(date_in_url("https://x.com/news/2024/07/25/talks-stall/"), d(2024, 7, 25));
        assert_eq!(date_in_url("https://x.com/2024-07-25-talks"), d(2024, 7, 25));
        assert_eq!(date_in_url("https://x.com/2024/13/45/x"), None);
        assert_eq!(date_in_url("https://x.com/a"), None);
    }

    #[test]
    fn machine_dates_are_month_first_only_when_slashed() {
        assert_eq!(parse_date("11/01/2023 12:43:42"), d(2023, 11, 1));
        assert_eq!(parse_date("25/07/2024"), d(2024, 7, 25));
        assert_eq!(parse_date("01-11-2023 10:29"), d(2023, 11, 1));
        assert_eq!(date_in_text("am 11/01/2023", Some("de")), d(2023, 1, 11));
        // English writes them month first in the United States, day first elsewhere
        assert_eq!(date_in_text("02/10/2020", Some("en")), d(2020, 2, 10));
        assert_eq!(date_in_text("02/10/2020", Some("en-US")), d(2020, 2, 10));
        assert_eq!(date_in_text("02/10/2020", Some("en-GB")), d(2020, 10, 2));
        assert_eq!(date_in_text("02/10/2020", Some("en_AU")), d(2020, 10, 2));
        assert_eq!(date_in_text("02/10/2020", Some("en-Latn-IN")), d(2020, 10, 2));
        assert!(month_first(Some("EN-us")) && !month_first(Some("fr-CA")) && !month_first(None));
    }

    #[test]
    fn month_names_of_many_languages_and_east_asian_dates() {
        assert_eq!(date_in_text("15 августа 2016, 13:43", None), d(2016, 8, 15));
        assert_eq!(date_in_text("3 березня 2021", None), d(2021, 3, 3));
        assert_eq!(date_in_text("duminică, 20 septembrie 2020", None), d(2020, 9, 20));
        assert_eq!(date_in_text("5 października 2019 r.", None), d(2019, 10, 5));
        assert_eq!(date_in_text("7 Οκτωβρίου 2020", None), d(2020, 10, 7));
        assert_eq!(date_in_text("الأربعاء، 07 أكتوبر 2020", None), d(2020, 10, 7));
        // a month named twice, in two languages
        assert_eq!(date_in_text("24 نيسان / أبريل 2020", None), d(2020, 4, 24));
        assert_eq!(date_in_text("发布时间：2020年07月03日 10:20", None), d(2020, 7, 3));
        assert_eq!(date_in_text("2019年6月24日", None), d(2019, 6, 24));
        assert_eq!(date_in_text("2020년 7월 3일", None), d(2020, 7, 3));
        assert_eq!(date_in_text("2020年13月03日", None), None);
    }

    #[test]
    fn two_digit_years_are_dotted_day_month_year() {
        assert_eq!(date_in_text("Party, 30.10.23", None), d(2023, 10, 30));
        assert_eq!(date_in_text("Anmeldedatum 26.10.98", None), d(1998, 10, 26));
        // parts of longer dotted numbers are no dates
        assert_eq!(date_in_text("Version 2.10.12.19 released", None), None);
        assert_eq!(date_in_text("host 10.12.19.5", None), None);
        let all = dates_in_text("Letzte Änderung: 31.10.2023 - Erschienen am: 01.11.2023", None, 8);
        assert_eq!(
            all.iter().map(|f| f.date).collect::<Vec<_>>(),
            vec![d(2023, 10, 31).unwrap(), d(2023, 11, 1).unwrap()]
        );
    }

    #[test]
    fn utc_timestamps_take_the_publishers_local_date() {
        let page = r#"<meta content="2023-11-09T06:35:29+00:00"> {"publicationDate":"2023-11-08T22:35:29-08:00"}"#;
        assert_eq!(publisher_date("2023-11-09T06:35:29+00:00", page), d(2023, 11, 8));
        assert_eq!(publisher_date("2023-11-09T06:35:29Z", page), d(2023, 11, 8));
        // another instant written locally says nothing of this one
        assert_eq!(publisher_date("2023-11-09T07:00:00Z", page), d(2023, 11, 9));
        // local midnight east of UTC, written in UTC
        assert_eq!(publisher_date("2021-11-04T23:00Z", ""), d(2021, 11, 5));
        assert_eq!(publisher_date("2021-11-04T23:17:00Z", ""), d(2021, 11, 4));
        // a value with its own offset is the local date already
        assert_eq!(publisher_date("2021-11-04T23:00:00+01:00", page), d(2021, 11, 4));
        assert_eq!(publisher_date("2020-01-20T09:49:32+0000", page), d(2020, 1, 20));
    }

    #[test]
    fn the_local_twin_is_found_across_the_turn_of_a_month_and_a_year() {
        // the local date is the next month (and year) from the UTC one: the
        // dates looked for then share only part of their beginning
        let page =
            r#"<time datetime="2019-12-31T21:30:00Z"></time> <script>{"made":"2020-01-01T02:30:00+05:00"}</script>"#;
        assert_eq!(publisher_date("2019-12-31T21:30:00Z", page), d(2020, 1, 1));
        let page = r#"{"at":"2024-05-31T19:05:00-04:00"} <meta content="2024-06-01T01:05:00+02:00">"#;
        assert_eq!(publisher_date("2024-05-31T23:05:00Z", page), d(2024, 5, 31));
        // the first twin in the page wins, whichever of the three dates it writes
        let page = r#"{"a":"2024-06-01T01:05:00+02:00","b":"2024-05-31T19:05:00-04:00"}"#;
        assert_eq!(publisher_date("2024-05-31T23:05:00Z", page), d(2024, 6, 1));
    }

    #[test]
    fn dates_in_urls_and_embedded_json() {
        assert_eq!(date_in_url("https://www.thelocal.se/20200428/meet-the-swede"), d(2020, 4, 28));
        assert_eq!(date_in_url("https://x.com/article/12345678/slug"), None, "an id, not a date");
        let page =
            r#"<script>window.__STATE__ = {"title":"Sidamo","published_at":"2019-03-02T06:22:28+01:00"};</script>"#;
        assert_eq!(date_in_scripts(page), d(2019, 3, 2));
        let escaped = r#"<script>var s = "{\"publishedDate\":\"2016-11-04T20:37:27Z\",\"updatedDate\":\"2016-11-05\"}";</script>"#;
        assert_eq!(date_in_scripts(escaped), d(2016, 11, 4));
        // the first publication key in the page wins; other keys are not dates of the page
        let two = r#"{"publishDate":"2020/02/24","related":{"datePublished":"2019-01-01"},"modified":"2021-01-01"}"#;
        assert_eq!(date_in_scripts(two), d(2020, 2, 24));
        assert_eq!(date_in_scripts(r#"{"updatedAt":"2020-01-01","publishedAt":null}"#), None);
    }

    fn labels(html: &str) -> Vec<(NaiveDate, DateLabel)> {
        let dom = Dom::parse(html);
        text_dates(&dom, None, None).dates.iter().map(|t| (t.date, t.label)).collect()
    }

    #[test]
    fn words_around_a_date_say_what_it_is() {
        let day = |y, m, dd| d(y, m, dd).unwrap();
        assert_eq!(
            labels("<dl><dt>Datum</dt> <dd>12.01.2017</dd></dl>"),
            vec![(day(2017, 1, 12), DateLabel::Published)]
        );
        assert_eq!(
            labels("<p>Letzte Änderung: 31.10.2023 - 14:49<br>Erschienen am: 01.11.2023</p>"),
            vec![(day(2023, 10, 31), DateLabel::Modified), (day(2023, 11, 1), DateLabel::Published)]
        );
        assert_eq!(
            labels("<p>Date of Last Revision: August 9, 2017</p>"),
            vec![(day(2017, 8, 9), DateLabel::Modified)]
        );
        assert_eq!(
            labels("<p>wurde am 19. Mai 2010 um 23:03 Uhr gepostet</p>"),
            vec![(day(2010, 5, 19), DateLabel::Published)]
        );
        assert_eq!(labels("<p>Party, 30.10.23</p>"), vec![(day(2023, 10, 30), DateLabel::None)]);
        // prose that mentions a date is no date line; scripts are not text
        let prose = "<p>Laut der am 28.01.2022 in Kraft getretenen Verordnung dürfen Veranstaltungen wieder mit mehr \
                     Zuschauern stattfinden, wie der Verband am Mittwoch mitteilte, und die Vereine freuen sich.</p>";
        assert_eq!(labels(prose), vec![]);
        assert_eq!(labels("<script>var published = '01.02.2020';</script>"), vec![]);
        // the dateline that opens a paragraph, not a date further on or cut at the opening's end
        let prose = "Traditionell gedenken die Gemeinden am Sonntag ihrer Verstorbenen, in diesem Jahr wieder mit Gottesdiensten";
        assert_eq!(
            labels(&format!("<p>Karlsruhe, (12.11.2021). {prose}, {prose} am 21.11.2021.</p>")),
            vec![(day(2021, 11, 12), DateLabel::None)]
        );
        assert_eq!(labels(&format!("<p>Nach Angaben des Verbands vom 12.05.2021 {prose}, {prose}.</p>")), vec![]);
        // dates of other things than the page
        for (other, year) in [
            ("<p>Effective Date: Saturday, July 25, 2020</p>", 2020),
            ("<dl><dt>Effective Date</dt><dd>Saturday, July 25, 2020</dd></dl>", 2020),
            ("<p>Date of birth: 25 July 1990</p>", 1990),
            ("<p>Valable jusqu'au 25 juillet 2020</p>", 2020),
            ("<p>Aktuelle Zeit: 25.07.2020, 12:18</p>", 2020),
            ("<p>Срок действия: 25 июля 2020</p>", 2020),
        ] {
            assert_eq!(labels(other), vec![(day(year, 7, 25), DateLabel::Other)], "{other}");
        }
        // "date" is the publication unless a word beside it says otherwise
        assert_eq!(labels("<p>Date: July 25, 2020</p>"), vec![(day(2020, 7, 25), DateLabel::Published)]);
        assert_eq!(labels("<p>Last modified date: July 25, 2020</p>"), vec![(day(2020, 7, 25), DateLabel::Modified)]);
        assert_eq!(labels("<p>Posted on Saturday, July 25, 2020</p>"), vec![(day(2020, 7, 25), DateLabel::Published)]);
        // the day the page was served, in the site's header
        assert_eq!(labels("<div class='header-today'><span>Wednesday, August 19, 2020</span></div>"), vec![]);
    }

    #[test]
    fn the_date_next_to_the_headline() {
        let html = "<p>Archiv 03.03.2013</p><article><h1>Top 10 of the year</h1><p>January 22, 2014</p>\
                    <p>Body text.</p></article><footer>Stand 01.02.2015</footer>";
        let dom = Dom::parse(html);
        let h1 = dom.elements().find(|(_, e)| e.name() == "h1").map(|(id, _)| id);
        let found = text_dates(&dom, Some("en"), h1);
        assert_eq!(found.next_to_headline().map(|t| t.date), d(2014, 1, 22));
        assert!(text_dates(&dom, Some("en"), None).next_to_headline().is_none());
        // a date far from the headline is not its date line
        let far = format!("<h1>Headline here</h1><p>{}</p><p>January 22, 2014</p>", "word ".repeat(100));
        let dom = Dom::parse(&far);
        let h1 = dom.elements().find(|(_, e)| e.name() == "h1").map(|(id, _)| id);
        assert!(text_dates(&dom, Some("en"), h1).next_to_headline().is_none());
    }
}
