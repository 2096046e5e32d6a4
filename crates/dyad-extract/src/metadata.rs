//! Page metadata: title, publication date, authors, site and language, from
//! `<meta>` tags, JSON-LD, `<time>`, the URL, and a cheap look at the text.

use crate::text::normalize;
use chrono::{DateTime, NaiveDate};
use ego_tree::NodeId;
use scraper::{ElementRef, Html, Selector};
use serde_json::Value;
use std::collections::HashMap;
use std::sync::LazyLock;

/// What a page says about itself.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Metadata {
    pub title: Option<String>,
    pub published: Option<NaiveDate>,
    pub authors: Vec<String>,
    pub site: Option<String>,
    pub language: Option<String>,
}

fn selector(css: &str) -> Selector {
    Selector::parse(css).expect("static selector")
}

static META: LazyLock<Selector> = LazyLock::new(|| selector("meta"));
static JSON_LD: LazyLock<Selector> = LazyLock::new(|| selector("script"));
static TITLE: LazyLock<Selector> = LazyLock::new(|| selector("title"));
static H1: LazyLock<Selector> = LazyLock::new(|| selector("h1"));
static TIME: LazyLock<Selector> = LazyLock::new(|| selector("time[datetime]"));
static ITEMPROP_DATE: LazyLock<Selector> = LazyLock::new(|| selector("[itemprop=datePublished]"));
static AUTHOR_LINKS: LazyLock<Selector> =
    LazyLock::new(|| selector("a[rel~=author], [itemprop=author], .byline, .author"));

/// Metadata of a parsed page. `main` is the main content element, where a
/// `<time>` is taken as the article's date.
pub fn from_html(dom: &Html, main: Option<NodeId>, url: Option<&str>) -> Metadata {
    let metas = meta_tags(dom);
    let meta = |keys: &[&str]| keys.iter().find_map(|k| metas.get(*k)).map(|v| normalize(v)).filter(|v| !v.is_empty());
    let ld = JsonLd::from_dom(dom);

    let site = meta(&["og:site_name", "application-name"])
        .or_else(|| ld.publisher.clone())
        .or_else(|| url.and_then(host).map(str::to_string));

    let title = meta(&["og:title", "twitter:title"])
        .or_else(|| first_text(dom.select(&TITLE)))
        .or_else(|| ld.headline.clone())
        .or_else(|| first_text(dom.select(&H1)))
        .map(|t| strip_site_suffix(&t, site.as_deref(), url.and_then(host)));

    let main_el = main.and_then(|id| dom.tree.get(id)).and_then(ElementRef::wrap).unwrap_or_else(|| dom.root_element());
    let published = ld
        .date_published
        .as_deref()
        .and_then(parse_date)
        .or_else(|| {
            [
                "article:published_time",
                "og:published_time",
                "published_time",
                "datepublished",
                "date",
                "pubdate",
                "publishdate",
                "publish-date",
                "dc.date",
                "dc.date.issued",
                "dcterms.created",
                "sailthru.date",
            ]
            .iter()
            .filter_map(|k| metas.get(*k))
            .find_map(|v| parse_date(v))
        })
        .or_else(|| {
            dom.select(&ITEMPROP_DATE).find_map(|e| {
                let v = e.attr("content").or_else(|| e.attr("datetime"))?;
                parse_date(v)
            })
        })
        .or_else(|| main_el.select(&TIME).find_map(|e| e.attr("datetime").and_then(parse_date)))
        .or_else(|| url.and_then(date_in_url));

    let mut authors = ld.authors.clone();
    if authors.is_empty() {
        authors = ["author", "article:author", "dc.creator", "sailthru.author"]
            .iter()
            .filter_map(|k| metas.get(*k))
            .filter_map(|v| clean_author(v))
            .take(1)
            .collect();
    }
    if authors.is_empty() {
        for e in dom.select(&AUTHOR_LINKS) {
            if let Some(name) = clean_author(&e.text().collect::<String>()) {
                if !authors.contains(&name) {
                    authors.push(name);
                }
            }
        }
    }

    let language = dom
        .root_element()
        .attr("lang")
        .or_else(|| dom.root_element().attr("xml:lang"))
        .and_then(language_code)
        .or_else(|| {
            ["content-language", "og:locale", "language", "dc.language"]
                .iter()
                .filter_map(|k| metas.get(*k))
                .find_map(|v| language_code(v))
        });

    Metadata { title, published, authors, site, language }
}

/// `<meta>` contents keyed by lowercased property, name, itemprop or http-equiv;
/// the first of each wins.
fn meta_tags(dom: &Html) -> HashMap<String, String> {
    let mut map = HashMap::new();
    for e in dom.select(&META) {
        let Some(content) = e.attr("content") else {
            continue;
        };
        for key in ["property", "name", "itemprop", "http-equiv"] {
            if let Some(k) = e.attr(key) {
                map.entry(k.trim().to_ascii_lowercase()).or_insert_with(|| content.to_string());
            }
        }
    }
    map
}

fn first_text<'a>(mut elements: impl Iterator<Item = ElementRef<'a>>) -> Option<String> {
    elements.find_map(|e| {
        let t = normalize(&e.text().collect::<String>());
        (!t.is_empty()).then_some(t)
    })
}

/// What JSON-LD blocks say about the article.
#[derive(Default)]
struct JsonLd {
    date_published: Option<String>,
    headline: Option<String>,
    authors: Vec<String>,
    publisher: Option<String>,
}

impl JsonLd {
    fn from_dom(dom: &Html) -> JsonLd {
        let mut ld = JsonLd::default();
        for script in dom.select(&JSON_LD) {
            let is_ld = script.attr("type").is_some_and(|t| t.trim().eq_ignore_ascii_case("application/ld+json"));
            if !is_ld {
                continue;
            }
            let text: String = script.text().collect();
            if let Ok(value) = serde_json::from_str::<Value>(text.trim()) {
                ld.read(&value);
            }
        }
        ld
    }

    /// Walks objects, arrays and `@graph`s with an explicit stack; the first
    /// object that has a field wins it.
    fn read(&mut self, root: &Value) {
        let mut stack = vec![root];
        while let Some(value) = stack.pop() {
            match value {
                Value::Array(items) => stack.extend(items.iter().rev()),
                Value::Object(obj) => {
                    let text = |k: &str| obj.get(k).and_then(Value::as_str).map(normalize);
                    if self.date_published.is_none() {
                        self.date_published = text("datePublished").or_else(|| text("dateCreated"));
                    }
                    if self.headline.is_none() {
                        self.headline = text("headline").filter(|h| !h.is_empty());
                    }
                    if self.authors.is_empty() {
                        if let Some(author) = obj.get("author") {
                            self.authors = names(author);
                        }
                    }
                    if self.publisher.is_none() {
                        self.publisher = obj.get("publisher").and_then(|p| names(p).into_iter().next());
                    }
                    if let Some(graph) = obj.get("@graph") {
                        stack.push(graph);
                    }
                }
                _ => {}
            }
        }
    }
}

/// Names from a JSON-LD person or organisation: a string, `{name}`, or a list.
fn names(value: &Value) -> Vec<String> {
    let items: Vec<&Value> = match value {
        Value::Array(items) => items.iter().collect(),
        other => vec![other],
    };
    let mut out = Vec::new();
    for item in items {
        let name = match item {
            Value::String(s) => Some(s.as_str()),
            Value::Object(o) => o.get("name").and_then(Value::as_str),
            _ => None,
        };
        if let Some(name) = name.and_then(clean_author) {
            if !out.contains(&name) {
                out.push(name);
            }
        }
    }
    out
}

/// A person's name from a byline: "By Jane Doe" -> "Jane Doe"; URLs and
/// overlong strings are not names.
fn clean_author(raw: &str) -> Option<String> {
    let name = normalize(raw);
    let name = ["By ", "by ", "BY "].iter().find_map(|p| name.strip_prefix(p)).unwrap_or(&name).trim();
    let ok = !name.is_empty() && name.chars().count() <= 80 && !name.contains("://") && !name.starts_with("www.");
    ok.then(|| name.to_string())
}

/// "en-US" -> "en"; anything that is not a 2-3 letter code is ignored.
fn language_code(raw: &str) -> Option<String> {
    let primary = raw.trim().split(['-', '_', ',', ';']).next()?.trim();
    let ok = (2..=3).contains(&primary.len()) && primary.chars().all(|c| c.is_ascii_alphabetic());
    ok.then(|| primary.to_ascii_lowercase())
}

/// The host of a URL, without `www.`, user info or port.
pub fn host(url: &str) -> Option<&str> {
    let rest = url.split_once("://").map_or(url, |(_, r)| r);
    let authority = rest.split(['/', '?', '#']).next()?;
    let authority = authority.rsplit_once('@').map_or(authority, |(_, h)| h);
    let host = authority.split(':').next()?;
    let host = host.strip_prefix("www.").unwrap_or(host);
    (!host.is_empty() && host.contains('.')).then_some(host)
}

/// "Talks stall | Example News" -> "Talks stall" when the suffix names the site.
fn strip_site_suffix(title: &str, site: Option<&str>, host: Option<&str>) -> String {
    let squash = |s: &str| s.chars().filter(|c| c.is_alphanumeric()).flat_map(char::to_lowercase).collect::<String>();
    let names: Vec<String> = site
        .into_iter()
        .chain(host)
        .chain(host.and_then(|h| h.split('.').next()))
        .map(squash)
        .filter(|n| !n.is_empty())
        .collect();
    for sep in [" | ", " - ", " — ", " – ", " :: ", " · "] {
        if let Some((head, tail)) = title.rsplit_once(sep) {
            let tail = squash(tail);
            let matches = names.iter().any(|n| *n == tail || n.contains(&tail) || tail.contains(n.as_str()));
            if matches && !head.trim().is_empty() {
                return head.trim().to_string();
            }
        }
    }
    title.to_string()
}

/// A publication date from the forms pages use: ISO dates and datetimes (the
/// date as written, in the publisher's zone), RFC 2822, "July 25, 2024",
/// "25 July 2024", "2024/07/25", "20240725".
pub fn parse_date(raw: &str) -> Option<NaiveDate> {
    let s = raw.trim();
    let plausible = |d: NaiveDate| {
        use chrono::Datelike;
        (1900..=2100).contains(&d.year()).then_some(d)
    };
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
    let cleaned: String = s.replace(',', " ");
    let words: Vec<&str> = cleaned.split_whitespace().take(3).collect();
    let joined = words.join(" ");
    for fmt in ["%B %d %Y", "%b %d %Y", "%d %B %Y", "%d %b %Y"] {
        if let Ok(d) = NaiveDate::parse_from_str(&joined, fmt) {
            return plausible(d);
        }
    }
    None
}

/// A date in a URL path: `/2024/07/25/` or `/2024-07-25-slug`.
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
        if seg.len() >= 10 && seg.as_bytes()[4] == b'-' && seg.as_bytes()[7] == b'-' {
            if let Some(date) = parse_date(seg) {
                return Some(date);
            }
        }
    }
    None
}

/// "en" when common English function words make up a good share of the words;
/// otherwise unknown. A cheap stand-in until a real language identifier.
pub fn guess_language(text: &str) -> Option<String> {
    const STOPWORDS: &[&str] = &[
        "the", "and", "of", "to", "in", "is", "that", "for", "on", "with", "was", "as", "by", "at", "it", "from",
        "said", "his", "he", "be", "has", "have", "are", "were", "an", "this", "which", "who", "not", "but", "they",
        "their", "will", "would", "its",
    ];
    let mut words = 0usize;
    let mut hits = 0usize;
    for word in text.split(|c: char| !c.is_alphabetic()).filter(|w| !w.is_empty()).take(2000) {
        words += 1;
        if STOPWORDS.contains(&word.to_lowercase().as_str()) {
            hits += 1;
        }
    }
    (words >= 8 && hits * 5 >= words).then(|| "en".to_string())
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
    fn hosts_titles_languages() {
        assert_eq!(host("https://www.example.com:443/a?b"), Some("example.com"));
        assert_eq!(host("not a url"), None);
        assert_eq!(strip_site_suffix("Talks stall | Example News", Some("Example News"), None), "Talks stall");
        assert_eq!(strip_site_suffix("Talks stall - example.com", None, Some("example.com")), "Talks stall");
        assert_eq!(strip_site_suffix("Left - right talks", Some("Example News"), None), "Left - right talks");
        assert_eq!(language_code("en-US").as_deref(), Some("en"));
        assert_eq!(language_code("de_DE").as_deref(), Some("de"));
        assert_eq!(language_code("english!"), None);
        assert_eq!(
            guess_language("The talks were held in the capital and it was said that they will continue.").as_deref(),
            Some("en")
        );
        assert_eq!(guess_language("Die Gespräche wurden in der Hauptstadt geführt und sollen weitergehen."), None);
    }
}
