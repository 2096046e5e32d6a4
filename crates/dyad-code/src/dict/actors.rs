//! dyad's actor dictionary format and its in-memory form.
//!
//! One entry per line, tab-separated: `ID  kind  roles  names  source`.
//! - kind: `country`, `person`, `org`, `place`, `group` or `agent`;
//! - roles: comma-separated `CODE FROM..TO` (ISO dates, either end open) or an
//!   undated `CODE` used outside every dated range; agents give role codes (`REB`);
//!   `---` marks a name that is no actor ("South China Sea": matched whole, so that
//!   "China" inside it is not an actor either);
//! - names: `;`-separated surface forms;
//! - source: where the facts come from.

use chrono::NaiveDate;
use std::fmt;

#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum ActorKind {
    Country,
    Person,
    Org,
    Place,
    Group,
    Agent,
}

impl ActorKind {
    pub fn parse(s: &str) -> Option<Self> {
        Some(match s {
            "country" => ActorKind::Country,
            "person" => ActorKind::Person,
            "org" => ActorKind::Org,
            "place" => ActorKind::Place,
            "group" => ActorKind::Group,
            "agent" => ActorKind::Agent,
            _ => return None,
        })
    }

    pub fn as_str(self) -> &'static str {
        match self {
            ActorKind::Country => "country",
            ActorKind::Person => "person",
            ActorKind::Org => "org",
            ActorKind::Place => "place",
            ActorKind::Group => "group",
            ActorKind::Agent => "agent",
        }
    }
}

/// A code an actor holds, possibly only between two dates (inclusive).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Role {
    pub code: String,
    pub from: Option<NaiveDate>,
    pub to: Option<NaiveDate>,
    /// False for the undated fallback role.
    pub dated: bool,
}

impl Role {
    pub fn covers(&self, date: NaiveDate) -> bool {
        self.dated && self.from.is_none_or(|f| f <= date) && self.to.is_none_or(|t| date <= t)
    }
}

impl Role {
    /// Append the role as [`fmt::Display`] writes it ("RUSGOV 2008-05-08..") without
    /// the formatting machinery: every actor mention's entry text names its roles.
    pub fn push_to(&self, s: &mut String) {
        s.push_str(&self.code);
        if self.dated {
            s.push(' ');
            if let Some(d) = self.from {
                push_date(s, d);
            }
            s.push_str("..");
            if let Some(d) = self.to {
                push_date(s, d);
            }
        }
    }
}

/// Append a date as chrono writes it (YYYY-MM-DD for the years 0 to 9999).
fn push_date(s: &mut String, d: NaiveDate) {
    use chrono::Datelike;
    let year = d.year();
    if !(0..=9999).contains(&year) {
        use std::fmt::Write;
        let _ = write!(s, "{d}");
        return;
    }
    let digit = |n: u32| char::from(b'0' + (n % 10) as u8);
    let (y, m, day) = (year as u32, d.month(), d.day());
    for c in [digit(y / 1000), digit(y / 100), digit(y / 10), digit(y), '-', digit(m / 10), digit(m), '-'] {
        s.push(c);
    }
    s.push(digit(day / 10));
    s.push(digit(day));
}

impl fmt::Display for Role {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let mut s = String::with_capacity(self.code.len() + 24);
        self.push_to(&mut s);
        f.write_str(&s)
    }
}

#[derive(Clone, Debug, PartialEq)]
pub struct ActorEntry {
    pub id: String,
    pub kind: ActorKind,
    pub roles: Vec<Role>,
    pub names: Vec<String>,
    pub source: String,
}

impl ActorEntry {
    /// The role in force on `date`: a dated role covering it (the latest-starting
    /// one when several do), else the undated fallback. Without a date, the role
    /// still open today, else the fallback, else the first.
    pub fn role_on(&self, date: Option<NaiveDate>) -> Option<&Role> {
        let fallback = || self.roles.iter().find(|r| !r.dated);
        match date {
            Some(d) => self.roles.iter().filter(|r| r.covers(d)).max_by_key(|r| r.from).or_else(fallback),
            None => self
                .roles
                .iter()
                .filter(|r| r.dated && r.to.is_none())
                .max_by_key(|r| r.from)
                .or_else(fallback)
                .or(self.roles.first()),
        }
    }

    /// One line of the dictionary format.
    pub fn to_line(&self) -> String {
        let roles: Vec<String> = self.roles.iter().map(|r| r.to_string()).collect();
        format!("{}\t{}\t{}\t{}\t{}", self.id, self.kind.as_str(), roles.join(", "), self.names.join("; "), self.source)
    }
}

/// A problem in a dictionary file, with the line it is on (counting from 1).
#[derive(Clone, Debug, PartialEq)]
pub struct DictError {
    pub file: String,
    pub line: usize,
    pub message: String,
}

impl fmt::Display for DictError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}:{}: {}", self.file, self.line, self.message)
    }
}

impl std::error::Error for DictError {}

fn parse_date(s: &str) -> Result<Option<NaiveDate>, String> {
    let s = s.trim();
    if s.is_empty() {
        return Ok(None);
    }
    if let Some(d) = plain_date(s) {
        return Ok(Some(d));
    }
    NaiveDate::parse_from_str(s, "%Y-%m-%d").map(Some).map_err(|_| format!("bad date {s:?} (want YYYY-MM-DD)"))
}

/// A valid date written exactly "YYYY-MM-DD", read without chrono's format parser
/// (as that parser reads it; anything else is left to it).
fn plain_date(s: &str) -> Option<NaiveDate> {
    let b = s.as_bytes();
    if b.len() != 10 || b[4] != b'-' || b[7] != b'-' {
        return None;
    }
    let num = |from: usize, to: usize| -> Option<u32> {
        b[from..to].iter().try_fold(0u32, |n, &c| c.is_ascii_digit().then(|| n * 10 + u32::from(c - b'0')))
    };
    NaiveDate::from_ymd_opt(num(0, 4)? as i32, num(5, 7)?, num(8, 10)?)
}

pub fn parse_role(s: &str) -> Result<Role, String> {
    let mut parts = s.split_whitespace();
    let code = parts.next().ok_or("empty role")?.trim_start_matches('~').to_string();
    // `/` joins alternative codes, as PETRARCH's `[FRO/BIL/SAM]`; a trailing `~` puts an
    // agent's code before the country's (PETRARCH's `[NGO~]`)
    let body = code.strip_suffix('~').unwrap_or(&code);
    // `---`: a name that is no actor ("South China Sea"), matched so that the shorter
    // names inside it ("China") are not
    let no_actor = code == "---";
    if !no_actor && (body.is_empty() || !body.chars().all(|c| c.is_ascii_alphanumeric() || c == '/')) {
        return Err(format!("bad code {code:?}"));
    }
    match parts.next() {
        None => Ok(Role { code, from: None, to: None, dated: false }),
        Some(range) => {
            // (`range.split_once("..")` without building a substring searcher for each role)
            let dots = range.as_bytes().windows(2).position(|w| w == b"..");
            let (a, b) = dots
                .map(|i| (&range[..i], &range[i + 2..]))
                .ok_or_else(|| format!("bad range {range:?} (want FROM..TO)"))?;
            Ok(Role { code, from: parse_date(a)?, to: parse_date(b)?, dated: true })
        }
    }
}

/// `s.split(sep as char)` for an ASCII separator, found by a plain byte loop: the
/// library's search calls `memchr`, which for the short fields of dictionary lines
/// costs more than it saves.
pub(crate) fn split_ascii(s: &str, sep: u8) -> impl Iterator<Item = &str> {
    debug_assert!(sep.is_ascii());
    let mut rest = Some(s);
    std::iter::from_fn(move || {
        let r = rest?;
        match r.bytes().position(|b| b == sep) {
            Some(i) => {
                rest = Some(&r[i + 1..]);
                Some(&r[..i])
            }
            None => {
                rest = None;
                Some(r)
            }
        }
    })
}

/// Parse a dictionary file. Bad lines are reported and skipped; good ones kept.
pub fn parse_actor_file(file: &str, text: &str) -> (Vec<ActorEntry>, Vec<DictError>) {
    let mut entries = Vec::new();
    let mut errors = Vec::new();
    for (i, line) in text.lines().enumerate() {
        let line = line.trim_end_matches('\r');
        if line.trim().is_empty() || line.starts_with('#') {
            continue;
        }
        let err = |message: String| DictError { file: file.to_string(), line: i + 1, message };
        let cols: Vec<&str> = split_ascii(line, b'\t').collect();
        if cols.len() < 4 {
            errors.push(err(format!(
                "want 4 or 5 tab-separated columns (ID, kind, roles, names, source), found {}",
                cols.len()
            )));
            continue;
        }
        let Some(kind) = ActorKind::parse(cols[1].trim()) else {
            errors.push(err(format!("unknown kind {:?}", cols[1])));
            continue;
        };
        let roles: Result<Vec<Role>, String> =
            split_ascii(cols[2], b',').map(str::trim).filter(|s| !s.is_empty()).map(parse_role).collect();
        let roles = match roles {
            Ok(r) if !r.is_empty() => r,
            Ok(_) => {
                errors.push(err("no role codes".into()));
                continue;
            }
            Err(e) => {
                errors.push(err(e));
                continue;
            }
        };
        let names: Vec<String> =
            split_ascii(cols[3], b';').map(str::trim).filter(|s| !s.is_empty()).map(String::from).collect();
        if names.is_empty() {
            errors.push(err("no names".into()));
            continue;
        }
        entries.push(ActorEntry {
            id: cols[0].trim().to_string(),
            kind,
            roles,
            names,
            source: cols.get(4).map(|s| s.trim().to_string()).unwrap_or_default(),
        });
    }
    (entries, errors)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ascii_split_is_the_library_split() {
        for s in ["", "a", "\t", "a\tb", "\ta\t\tb\t", "caf\u{e9}\t\u{2013};x", "no separator here", ";;", "a;b; c"] {
            for sep in [b'\t', b';', b',', b'|'] {
                let want: Vec<&str> = s.split(sep as char).collect();
                assert_eq!(split_ascii(s, sep).collect::<Vec<_>>(), want, "{s:?} {sep}");
            }
        }
    }

    #[test]
    fn role_ranges_split_at_the_first_two_dots() {
        for (s, want) in [
            ("GOV 2001-01-01..2002-02-02", Ok((Some(d("2001-01-01")), Some(d("2002-02-02"))))),
            ("GOV ..2002-02-02", Ok((None, Some(d("2002-02-02"))))),
            ("GOV 2001-01-01..", Ok((Some(d("2001-01-01")), None))),
            ("GOV ..", Ok((None, None))),
            ("GOV 2001-01-01...2002-02-02", Err("bad date \".2002-02-02\" (want YYYY-MM-DD)".to_string())),
            ("GOV 2001-01-01.2002-02-02", Err("bad range \"2001-01-01.2002-02-02\" (want FROM..TO)".to_string())),
            ("GOV .", Err("bad range \".\" (want FROM..TO)".to_string())),
        ] {
            assert_eq!(parse_role(s).map(|r| (r.from, r.to)), want, "{s}");
        }
    }

    #[test]
    fn plain_dates_read_as_chrono_reads_them() {
        for s in [
            "2003-03-14",
            "1991-12-21",
            "2024-02-29",
            "0001-01-01",
            "9999-12-31",
            "2023-02-29",
            "2023-13-01",
            "2023-00-10",
            "2023-01-32",
            "2023-1-011",
            "20230-1-01",
            "2023/01/01",
            "+023-01-01",
            "2023-01-0a",
        ] {
            let chrono = NaiveDate::parse_from_str(s, "%Y-%m-%d").ok();
            assert_eq!(plain_date(s).or(chrono), chrono, "{s}");
            assert_eq!(parse_date(s).ok().flatten(), chrono, "{s}");
        }
        assert!(plain_date("2003-03-14").is_some());
    }

    fn d(s: &str) -> NaiveDate {
        NaiveDate::parse_from_str(s, "%Y-%m-%d").unwrap()
    }

    #[test]
    fn roles_follow_the_date() {
        let text = "# comment\nX_LEADER\tperson\tXXXELI ..2009-12-31, XXXGOV 2010-01-01..2015-06-30, XXXGOV 2020-01-01.., XXXELI\tJane Doe; Doe\ttest\n";
        let (entries, errors) = parse_actor_file("t.tsv", text);
        assert!(errors.is_empty(), "{errors:?}");
        let e = &entries[0];
        assert_eq!(e.names, vec!["Jane Doe", "Doe"]);
        assert_eq!(e.role_on(Some(d("2012-03-01"))).unwrap().code, "XXXGOV");
        assert_eq!(e.role_on(Some(d("2017-03-01"))).unwrap().code, "XXXELI", "gap uses the fallback");
        assert_eq!(e.role_on(Some(d("2024-07-25"))).unwrap().code, "XXXGOV");
        assert_eq!(e.role_on(Some(d("2001-01-01"))).unwrap().code, "XXXELI");
        assert_eq!(e.role_on(None).unwrap().to_string(), "XXXGOV 2020-01-01..");
        assert_eq!(parse_actor_file("t", &e.to_line()).0[0], *e, "round trip");
    }

    #[test]
    fn bad_lines_are_reported_with_line_numbers() {
        let text = "A\tperson\tXXX\tName\n\nB\tnobody\tXXX\tName\nC\tperson\tXXX 2020-13-01..\tName\nD\tperson\tXXX\n";
        let (entries, errors) = parse_actor_file("user.tsv", text);
        assert_eq!(entries.len(), 1);
        let lines: Vec<usize> = errors.iter().map(|e| e.line).collect();
        assert_eq!(lines, vec![3, 4, 5]);
        assert!(errors[1].to_string().starts_with("user.tsv:4: bad date"));
    }

    #[test]
    fn role_dates_written_as_chrono_writes_them() {
        let dates = [(2008, 5, 8), (1999, 12, 31), (1, 1, 1), (0, 6, 9), (9999, 12, 31), (10000, 1, 1), (-5, 3, 4)];
        for (y, m, d) in dates {
            let date = NaiveDate::from_ymd_opt(y, m, d).unwrap();
            let role = Role { code: "GOV".into(), from: Some(date), to: Some(date), dated: true };
            assert_eq!(role.to_string(), format!("GOV {date}..{date}"));
            let open = Role { code: "GOV".into(), from: None, to: Some(date), dated: true };
            assert_eq!(open.to_string(), format!("GOV ..{date}"));
        }
        let undated = Role { code: "GOV".into(), from: None, to: None, dated: false };
        assert_eq!(undated.to_string(), "GOV");
    }
}
