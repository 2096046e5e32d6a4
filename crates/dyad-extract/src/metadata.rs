//! Page metadata: title, publication date, authors, site and language, from
//! `<meta>` tags, JSON-LD, `<time>`, the URL, and a cheap look at the text.

use crate::dates::{self, publisher_date, DateLabel};
pub use crate::dates::{date_in_text, date_in_url, parse_date};
use crate::html::dom::{Dom, ElementRef, NodeId, Tag};
use crate::text::{contains_ignore_ascii_case, normalize};
use chrono::NaiveDate;
use serde_json::Value;
use std::collections::HashMap;

/// What a page says about itself.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Metadata {
    pub title: Option<String>,
    pub published: Option<NaiveDate>,
    /// Which evidence gave `published` ("json-ld datePublished", "url", "text
    /// labelled published", ...).
    pub published_from: Option<&'static str>,
    pub authors: Vec<String>,
    pub site: Option<String>,
    pub language: Option<String>,
}

/// `<meta>` names that give the publication date, best first.
const PUBLISHED_KEYS: &[&str] = &[
    "article:published_time",
    "og:published_time",
    "og:article:published_time",
    "article.published",
    "published_time",
    "published-date",
    "publish-date",
    "publishdate",
    "publish_date",
    "pubdate",
    "datepublished",
    "date_published",
    "publication_date",
    "parsely-pub-date",
    "sailthru.date",
    "citation_publication_date",
    "citation_date",
    "dc.date.issued",
    "dcterms.issued",
    "dc.date.created",
    "dcterms.created",
    "article_date_original",
    "original-publish-date",
    "cxenseparse:recs:publishtime",
    "displaydate",
    "created",
];

/// `<meta>` names of some date of the document, which CMSs fill with the
/// publication, the last change or the day the page was generated: weaker
/// than what the page shows.
const GENERIC_DATE_KEYS: &[&str] = &["dc.date", "dcterms.date", "date"];

/// `<meta>` names of the last modification: evidence only when nothing better exists.
const MODIFIED_KEYS: &[&str] =
    &["article:modified_time", "og:updated_time", "dateModified", "datemodified", "dcterms.modified", "last-modified"];

/// Class and id words of elements that show a date line.
fn is_date_word(w: &str) -> bool {
    ["date", "time", "publish", "posted", "byline", "dateline", "meta", "info", "submitted", "stamp"]
        .iter()
        .any(|p| contains_ignore_ascii_case(w, p))
}

/// The first elements (at most 64, not `html` or `body`) whose class or id
/// names a date line.
fn date_line_elements(dom: &Dom<'_>) -> Vec<NodeId> {
    dom.elements()
        // a word of the value contains one of the date words exactly when
        // the value does: the words have no separators
        .filter(|(_, el)| {
            !matches!(el.tag(), Tag::Html | Tag::Body)
                && el.attr("class").into_iter().chain(el.attr("id")).any(is_date_word)
        })
        .map(|(id, _)| id)
        .take(64)
        .collect()
}

/// Whether the date at element `id` is another item's, not the page's: it
/// stands in a comment section, in the site's header (a `header` or banner
/// holding neither the main content nor the headline: the day the page was
/// served), or in a teaser of another page (a small block around it holds a
/// link whose text reads as a headline and is not this page's title).
fn dated_elsewhere(dom: &Dom<'_>, id: NodeId, main: Option<NodeId>, headline: Option<NodeId>, title: &str) -> bool {
    let holds = |a: NodeId, n: Option<NodeId>| n.is_some_and(|n| dom.subtree(a).contains(&n));
    let in_main = main.is_some_and(|m| dom.subtree(m).contains(&id));
    for a in std::iter::once(id).chain(dom.ancestors(id)) {
        let Some(el) = dom.element(a) else { break };
        if crate::html::is_comment_section(el) {
            return true;
        }
        let banner = el.tag() == Tag::Header || el.attr("role").is_some_and(|r| r.eq_ignore_ascii_case("banner"));
        if banner && !in_main && !holds(a, main) && !holds(a, headline) {
            return true;
        }
    }
    let title = title.to_lowercase();
    for a in dom.ancestors(id).take(3) {
        let block = dom.subtree(a);
        if holds(a, headline) || holds(a, main) || block.len() > TEASER_NODES {
            break;
        }
        let teaser_link = block.clone().any(|n| {
            dom.element(n).is_some_and(|e| e.tag() == Tag::A && e.attr("href").is_some()) && {
                let text = normalize(&dom.text(n));
                text.split_whitespace().count() >= 5 && !title.contains(&text.to_lowercase())
            }
        });
        if teaser_link {
            return true;
        }
    }
    false
}

/// Most nodes of a teaser: a linked headline, a date, a picture, a line of text.
const TEASER_NODES: usize = 40;

/// Metadata of a parsed page (`src` is the markup it was parsed from). `main`
/// is the main content element, where a `<time>` is taken as the article's date.
pub fn from_html(src: &str, dom: &Dom<'_>, main: Option<NodeId>, url: Option<&str>) -> Metadata {
    let mut metas: HashMap<String, String> = HashMap::new();
    let mut ld = JsonLd::default();
    let mut title_tag = None;
    let mut h1s: Vec<NodeId> = Vec::new();
    let mut lang = None;
    let mut locale: Option<&str> = None;
    let mut times: Vec<(NodeId, ElementRef<'_, '_>)> = Vec::new();
    let mut item_published = None;
    let mut item_modified = None;
    // elements named as the author by microdata or a link (in page order,
    // once per naming)
    let mut linked_authors: Vec<NodeId> = Vec::new();
    for (id, el) in dom.elements() {
        match el.tag() {
            Tag::Meta => {
                if let Some(content) = el.attr("content") {
                    for key in ["property", "name", "itemprop", "http-equiv"] {
                        if let Some(k) = el.attr(key) {
                            metas.entry(k.trim().to_ascii_lowercase()).or_insert_with(|| content.to_string());
                        }
                    }
                }
            }
            Tag::Script if el.attr("type").is_some_and(|t| t.trim().eq_ignore_ascii_case("application/ld+json")) => {
                ld.read_text(&dom.text(id));
            }
            Tag::Title if title_tag.is_none() => title_tag = Some(normalize(&dom.text(id))).filter(|t| !t.is_empty()),
            Tag::H1 if h1s.len() < 8 => h1s.push(id),
            Tag::Html if lang.is_none() => {
                locale = el.attr("lang").or_else(|| el.attr("xml:lang")).map(str::trim).filter(|l| !l.is_empty());
                lang = locale.and_then(language_code);
            }
            Tag::Time => times.push((id, el)),
            _ => {}
        }
        if let Some(prop) = el.attr("itemprop") {
            let value = || {
                el.attr("content").or_else(|| el.attr("datetime")).map(str::to_string).unwrap_or_else(|| dom.text(id))
            };
            if prop.contains("datePublished") && item_published.is_none() {
                item_published = parse_date(&value());
            } else if prop.contains("dateModified") && item_modified.is_none() {
                item_modified = parse_date(&value());
            } else if prop.split_whitespace().any(|p| p == "author") {
                linked_authors.push(id);
            }
        }
        if el.tag() == Tag::A && el.attr("rel").is_some_and(|r| r.split_whitespace().any(|w| w == "author")) {
            linked_authors.push(id);
        }
    }
    let meta = |keys: &[&str]| keys.iter().find_map(|k| metas.get(*k)).map(|v| normalize(v)).filter(|v| !v.is_empty());

    let site = meta(&["og:site_name", "application-name"])
        .or_else(|| ld.publisher.clone())
        .or_else(|| url.and_then(host).map(str::to_string));

    let in_main = |id: NodeId| main.is_some_and(|m| dom.subtree(m).contains(&id));
    let h1_node = h1s.iter().copied().find(|&id| in_main(id)).or_else(|| (h1s.len() == 1).then(|| h1s[0]));
    let h1 = h1_node.map(|id| normalize(&dom.text(id))).filter(|t| !t.is_empty());
    let host_name = url.and_then(host);
    let declared_title = title_tag.clone().or_else(|| meta(&["og:title"]));
    let title = choose_title(
        h1,
        meta(&["og:title", "twitter:title"]),
        title_tag,
        ld.headline.clone(),
        site.as_deref(),
        host_name,
    );

    let dated = publication_date(&PageDates {
        src,
        dom,
        metas: &metas,
        ld: &ld,
        item_published,
        item_modified,
        times: &times,
        main,
        headline: h1_node,
        declared_title: declared_title.as_deref(),
        url,
        lang: locale.filter(|_| lang.is_some()),
    });
    let (published, published_from) = dated.map_or((None, None), |(d, from)| (Some(d), Some(from)));

    let mut authors = ld.authors.clone();
    if authors.is_empty() {
        authors = ["author", "article:author", "dc.creator", "sailthru.author", "parsely-author"]
            .iter()
            .filter_map(|k| metas.get(*k))
            .filter_map(|v| clean_author(v))
            .take(1)
            .collect();
    }
    if authors.is_empty() {
        // with the elements whose class or id names a byline or author (the
        // first 16 named elements), in page order
        let mut author_nodes: Vec<NodeId> = Vec::new();
        let mut next = 0;
        for (id, el) in dom.elements() {
            while linked_authors.get(next) == Some(&id) {
                author_nodes.push(id);
                next += 1;
            }
            if author_nodes.len() < 16
                && el.attr("class").into_iter().chain(el.attr("id")).any(|v| has_token(v, &["byline", "author"]))
            {
                author_nodes.push(id);
            }
        }
        for id in author_nodes {
            if let Some(name) = clean_author(&dom.text(id)) {
                if !authors.contains(&name) {
                    authors.push(name);
                }
            }
        }
    }

    let language = lang.or_else(|| {
        ["content-language", "og:locale", "language", "dc.language"]
            .iter()
            .filter_map(|k| metas.get(*k))
            .find_map(|v| language_code(v))
    });

    Metadata { title, published, published_from, authors, site, language }
}

/// The evidence a page gives of its publication date.
struct PageDates<'a, 'd> {
    /// The markup, searched for the local form of a UTC timestamp.
    src: &'a str,
    dom: &'a Dom<'d>,
    metas: &'a HashMap<String, String>,
    ld: &'a JsonLd,
    item_published: Option<NaiveDate>,
    item_modified: Option<NaiveDate>,
    times: &'a [(NodeId, ElementRef<'a, 'd>)],
    main: Option<NodeId>,
    headline: Option<NodeId>,
    /// The `<title>` or `og:title`.
    declared_title: Option<&'a str>,
    url: Option<&'a str>,
    /// The page's language tag ("en-GB"), which says how it writes dates.
    lang: Option<&'a str>,
}

/// The publication date from the strongest evidence that names a day no later
/// than today, publication before revision:
/// 1. JSON-LD `datePublished`, then the publication `<meta>`s, then microdata;
/// 2. a `<time>` marked as the publication (by its own or its parents' class),
///    else one in the main content;
/// 3. a date in the URL;
/// 4. a date the text labels as the publication ("Veröffentlicht am", "Posted"),
///    else any `<time>`;
/// 5. a short date line (an element whose class or id names a date);
/// 6. the date written next to the headline, else a generic date `<meta>`
///    (`date`, `dc.date`), else one in the declared title, else under a
///    publication key of the JSON embedded in scripts;
/// 7. the revision: JSON-LD `dateModified`, the modification `<meta>`s,
///    microdata, a date the text labels as a revision ("Stand:", "Updated");
/// 8. the first date line of the visible text.
///
/// A date from step 1 gives way to another date of the metadata (or the day
/// beside a UTC timestamp) that the page shows next to its headline, when the
/// page shows the first nowhere.
fn publication_date(p: &PageDates<'_, '_>) -> Option<(NaiveDate, &'static str)> {
    let today = chrono::Utc::now().date_naive();
    let ok = |d: Option<NaiveDate>| d.filter(|d| *d <= today);
    let dom = p.dom;
    let in_main = |id: NodeId| p.main.is_some_and(|m| dom.subtree(m).contains(&id));
    let elsewhere = |id: NodeId| dated_elsewhere(dom, id, p.main, p.headline, p.declared_title.unwrap_or(""));
    let meta_date = |keys: &[&str]| {
        keys.iter().filter_map(|k| p.metas.get(&k.to_ascii_lowercase())).find_map(|v| ok(publisher_date(v, p.src)))
    };
    let time_date = |el: &ElementRef<'_, '_>, id: NodeId| {
        el.attr("datetime").and_then(|v| publisher_date(v, p.src)).or_else(|| date_in_text(&dom.text(id), p.lang))
    };
    let text_dates = std::cell::OnceCell::new();
    let text_dates = || text_dates.get_or_init(|| dates::text_dates(dom, p.lang, p.headline));
    let labelled =
        |label: DateLabel| text_dates().dates.iter().filter(|d| d.label == label).find_map(|d| ok(Some(d.date)));
    let publishing = |id: NodeId, el: &ElementRef<'_, '_>| {
        el.attr("pubdate").is_some()
            || std::iter::once(id).chain(dom.ancestors(id).take(2)).filter_map(|a| dom.element(a)).any(|e| {
                class_tokens(e)
                    .any(|w| contains_ignore_ascii_case(w, "publi") || contains_ignore_ascii_case(w, "posted"))
            })
    };
    let steps: [(&'static str, &dyn Fn() -> Option<NaiveDate>); 16] = [
        ("json-ld datePublished", &|| ok(p.ld.date_published.as_deref().and_then(|v| publisher_date(v, p.src)))),
        ("meta published", &|| meta_date(PUBLISHED_KEYS)),
        ("microdata datePublished", &|| ok(p.item_published)),
        ("time marked published", &|| {
            p.times.iter().filter(|(id, el)| publishing(*id, el)).find_map(|(id, el)| ok(time_date(el, *id)))
        }),
        ("time in main content", &|| {
            p.times.iter().filter(|(id, _)| in_main(*id)).find_map(|(id, el)| ok(time_date(el, *id)))
        }),
        ("url", &|| ok(p.url.and_then(date_in_url))),
        ("text labelled published", &|| labelled(DateLabel::Published)),
        ("time", &|| p.times.iter().filter(|(id, _)| !elsewhere(*id)).find_map(|(id, el)| ok(time_date(el, *id)))),
        ("date line", &|| {
            date_line_elements(dom).into_iter().find_map(|id| {
                let text = dom.text(id);
                if text.len() >= 200 || elsewhere(id) {
                    return None;
                }
                let found = dates::dates_in_text(&text, p.lang, 1).into_iter().next()?;
                let mut label = dates::label_around(&text, 0, &found, text.len(), None);
                if label == DateLabel::None {
                    // a label before the element (`<dt>Expires</dt><dd class=date>`)
                    let inside = dom.subtree(id);
                    let same = text_dates().dates.iter().find(|d| inside.contains(&d.node) && d.date == found.date);
                    label = same.map_or(label, |d| d.label);
                }
                (label != DateLabel::Other).then(|| ok(Some(found.date))).flatten()
            })
        }),
        ("next to headline", &|| ok(text_dates().next_to_headline().map(|d| d.date))),
        ("meta date", &|| meta_date(GENERIC_DATE_KEYS)),
        ("title", &|| ok(p.declared_title.and_then(|t| date_in_text(t, p.lang)))),
        ("script published", &|| ok(dates::date_in_scripts(p.src))),
        ("modified", &|| {
            ok(p.ld.date_modified.as_deref().and_then(|v| publisher_date(v, p.src)))
                .or_else(|| meta_date(MODIFIED_KEYS))
                .or_else(|| ok(p.item_modified))
        }),
        ("text labelled modified", &|| labelled(DateLabel::Modified)),
        ("first date line", &|| {
            text_dates().dates.iter().filter(|d| d.label != DateLabel::Other).find_map(|d| ok(Some(d.date)))
        }),
    ];
    let (date, from) = steps.iter().find_map(|(name, step)| step().map(|d| (d, *name)))?;
    if !matches!(from, "json-ld datePublished" | "meta published" | "microdata datePublished") {
        return Some((date, from));
    }
    // The metadata's other dates (of revision, or the same day again), and for
    // a UTC timestamp the days on either side, where the publisher's local
    // date may fall.
    let raw = p.ld.date_published.iter().chain(&p.ld.date_modified).chain(
        PUBLISHED_KEYS
            .iter()
            .chain(GENERIC_DATE_KEYS)
            .chain(MODIFIED_KEYS)
            .filter_map(|k| p.metas.get(&k.to_ascii_lowercase())),
    );
    let mut known: Vec<NaiveDate> = p.item_published.into_iter().chain(p.item_modified).collect();
    for v in raw {
        if let Some(d) = parse_date(v) {
            known.push(d);
            if dates::is_utc_timestamp(v) {
                known.extend(d.pred_opt().into_iter().chain(d.succ_opt()));
            }
        }
    }
    known.retain(|&d| d != date && ok(Some(d)).is_some());
    if known.is_empty() {
        return Some((date, from));
    }
    // When the page shows one of them next to its headline and the chosen
    // date nowhere, the CMS presents that one as the article's date: a
    // republished or reworked article, or the local day of a UTC timestamp.
    let texts = text_dates();
    match texts.next_to_headline() {
        Some(shown) if known.contains(&shown.date) && !texts.dates.iter().any(|t| t.date == date) => {
            Some((shown.date, "shown next to headline, in metadata"))
        }
        _ => Some((date, from)),
    }
}

/// Whether a class or id value has one of `words` (lowercase ASCII) as a word,
/// as [`class_tokens`] splits them, compared without ASCII case. One pass
/// over the bytes of an ASCII value.
fn has_token(value: &str, words: &[&str]) -> bool {
    if !value.is_ascii() {
        let mut tokens = value.split(|c: char| c.is_whitespace() || c == '_' || c == '-');
        return tokens.any(|t| words.iter().any(|w| t.eq_ignore_ascii_case(w)));
    }
    let is_sep = |b: u8| matches!(b, b'\t' | b'\n' | b'\x0B' | b'\x0C' | b'\r' | b' ' | b'_' | b'-');
    let bytes = value.as_bytes();
    let mut start = 0;
    for end in 0..=bytes.len() {
        if end == bytes.len() || is_sep(bytes[end]) {
            let token = &bytes[start..end];
            if words.iter().any(|w| token.eq_ignore_ascii_case(w.as_bytes())) {
                return true;
            }
            start = end + 1;
        }
    }
    false
}

/// The words of an element's class and id, split at whitespace, `_` and `-`
/// (compare them without ASCII case).
fn class_tokens<'e>(el: ElementRef<'e, '_>) -> impl Iterator<Item = &'e str> + 'e {
    el.attr("class")
        .into_iter()
        .chain(el.attr("id"))
        .flat_map(|v| v.split(|c: char| c.is_whitespace() || c == '_' || c == '-'))
        .filter(|w| !w.is_empty())
}

/// The headline: the `<h1>` of the article (declared titles are often written
/// for search engines and social media, with the site name or a teaser), else
/// the declared title without the site name.
fn choose_title(
    h1: Option<String>,
    og: Option<String>,
    title_tag: Option<String>,
    headline: Option<String>,
    site: Option<&str>,
    host: Option<&str>,
) -> Option<String> {
    let squash = |s: &str| s.chars().filter(|c| c.is_alphanumeric()).flat_map(char::to_lowercase).collect::<String>();
    if let Some(h1) = &h1 {
        let key = squash(h1);
        let is_site = site.is_some_and(|s| squash(s) == key) || host.is_some_and(|h| squash(h).starts_with(&key));
        // An h1 sharing no word with a declared title of some length is a
        // box's heading ("Sign up for our briefing"), not the headline.
        let words = |s: &str| {
            s.split(|c: char| !c.is_alphanumeric())
                .filter(|w| w.chars().count() >= 4)
                .map(str::to_lowercase)
                .collect::<Vec<_>>()
        };
        let h1_words = words(h1);
        let stray = [&og, &title_tag, &headline].into_iter().flatten().any(|d| {
            let declared = words(&strip_site_suffix(d, site, host));
            declared.len() >= 3 && !declared.iter().any(|w| h1_words.contains(w))
        });
        if key.len() >= 8 && !is_site && h1.split_whitespace().count() >= 2 && !stray {
            // an all-capitals headline is usually styled text: the declared
            // title has the real casing
            let shouted = !h1.chars().any(char::is_lowercase);
            let same = [&og, &title_tag, &headline].into_iter().flatten().find(|d| squash(d) == key);
            return Some(match same {
                Some(d) if shouted => d.clone(),
                _ => h1.clone(),
            });
        }
    }
    og.or(title_tag).or(headline).or(h1).map(|t| strip_site_suffix(&t, site, host))
}

/// What JSON-LD blocks say about the article.
#[derive(Default)]
struct JsonLd {
    date_published: Option<String>,
    date_modified: Option<String>,
    headline: Option<String>,
    authors: Vec<String>,
    publisher: Option<String>,
}

impl JsonLd {
    fn read_text(&mut self, text: &str) {
        if let Ok(value) = serde_json::from_str::<Value>(text.trim()) {
            self.read(&value);
        }
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
                    if self.date_modified.is_none() {
                        self.date_modified = text("dateModified");
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

    #[test]
    fn class_words() {
        assert!(has_token("post-byline x", &["byline", "author"]));
        assert!(has_token("AUTHOR", &["byline", "author"]));
        assert!(!has_token("authors bylines", &["byline", "author"]));
        assert!(has_token("a\u{b}author", &["author"]));
        assert!(has_token("é author", &["author"]));
        assert!(!has_token("", &["author"]));
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

    #[test]
    fn an_h1_unrelated_to_the_declared_title_is_not_the_headline() {
        let s = |t: &str| Some(t.to_string());
        let title = |h1: &str| {
            choose_title(s(h1), s("Harbour Strike Enters Third Week as Talks Stall"), None, None, None, None)
        };
        assert_eq!(
            title("Sign up for our morning briefing").as_deref(),
            Some("Harbour Strike Enters Third Week as Talks Stall")
        );
        assert_eq!(title("Harbour strike enters third week").as_deref(), Some("Harbour strike enters third week"));
        // a declared title too short to judge by leaves the h1 alone
        let short = choose_title(s("Sign up for our morning briefing"), s("News"), None, None, None, None);
        assert_eq!(short.as_deref(), Some("Sign up for our morning briefing"));
    }
}
