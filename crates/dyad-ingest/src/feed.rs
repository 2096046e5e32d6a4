//! RSS 2.0, RSS 1.0 (RDF) and Atom feeds: each item or entry becomes a document
//! with its link as URL, its date as publication date, its title, and its full
//! content (`content:encoded`, Atom `content`) or else its description or summary.
//!
//! Entities other than XML's five and HTML's named ones are never expanded, so a
//! "billion laughs" feed cannot blow up; a malformed feed yields the items read
//! before the error plus an error naming the byte offset.

use crate::jsonl::parse_published;
use crate::{human_limit, InputError, Item};
use chrono::{DateTime, NaiveDate};
use dyad_core::{Document, MediaType};
use quick_xml::escape::resolve_predefined_entity;
use quick_xml::events::Event;
use quick_xml::Reader;
use std::io::BufRead;

#[derive(Default)]
struct Draft {
    title: String,
    link: String,
    content: String,
    summary: String,
    date: String,
    updated: String,
    id: String,
}

/// Which field a text node belongs to, by the local name of its element.
fn field<'a>(d: &'a mut Draft, local: &str) -> Option<&'a mut String> {
    Some(match local {
        "title" => &mut d.title,
        "link" => &mut d.link,
        "encoded" | "content" => &mut d.content,
        "description" | "summary" => &mut d.summary,
        "pubDate" | "published" | "date" | "issued" => &mut d.date,
        "updated" | "modified" => &mut d.updated,
        "guid" | "id" => &mut d.id,
        _ => return None,
    })
}

fn local(name: &str) -> &str {
    name.rsplit(':').next().unwrap_or(name)
}

/// RFC 2822 (RSS), RFC 3339 (Atom) or a plain ISO date: the date as written.
pub(crate) fn feed_date(s: &str) -> Option<NaiveDate> {
    let s = s.trim();
    DateTime::parse_from_rfc2822(s)
        .map(|d| d.date_naive())
        .or_else(|_| DateTime::parse_from_rfc3339(s).map(|d| d.date_naive()))
        .ok()
        .or_else(|| parse_published(s))
}

/// Read a whole feed (at most `max_bytes`) and return its items as documents.
pub(crate) fn read_feed<R: BufRead>(source: &str, input: R, max_bytes: usize) -> Vec<Item> {
    let mut limited = input.take(max_bytes as u64 + 1);
    let mut reader = Reader::from_reader(&mut limited);
    // text is kept as written: entities arrive as separate events between pieces
    let mut buf = Vec::new();
    let mut out = Vec::new();
    let mut item: Option<Draft> = None;
    // the element whose text is being collected, inside the current item
    let mut current: Option<String> = None;
    let mut depth_in_item = 0usize;
    let mut count = 0usize;
    let err =
        |offset: u64, message: String| Err(InputError { source: source.to_string(), offset: Some(offset), message });
    loop {
        let pos = reader.buffer_position();
        let event = match reader.read_event_into(&mut buf) {
            Ok(e) => e,
            Err(e) => {
                out.push(err(pos, format!("malformed feed: {e}")));
                break;
            }
        };
        match event {
            Event::Start(e) => {
                let name = local(e.name().as_ref()).to_string();
                if item.is_none() && (name == "item" || name == "entry") {
                    item = Some(Draft::default());
                    depth_in_item = 0;
                } else if let Some(d) = item.as_mut() {
                    depth_in_item += 1;
                    if name == "link" {
                        if let Some(href) = atom_href(&e) {
                            d.link = href;
                        }
                    }
                    // nested markup inside content (XHTML Atom) stays with its field
                    if current.is_none() {
                        current = Some(name);
                    }
                }
            }
            Event::Empty(e) => {
                if let Some(d) = item.as_mut() {
                    if local(e.name().as_ref()) == "link" && d.link.is_empty() {
                        if let Some(href) = atom_href(&e) {
                            d.link = href;
                        }
                    }
                }
            }
            Event::End(e) => {
                let name = local(e.name().as_ref()).to_string();
                if item.is_some() && depth_in_item == 0 && (name == "item" || name == "entry") {
                    count += 1;
                    out.push(to_document(source, count, item.take().unwrap_or_default()));
                } else if item.is_some() {
                    depth_in_item = depth_in_item.saturating_sub(1);
                    if current.as_deref() == Some(name.as_str()) {
                        current = None;
                    }
                }
            }
            Event::Text(t) => push(&mut item, &current, &t.xml10_content()),
            Event::CData(t) => push(&mut item, &current, &t.into_inner()),
            Event::GeneralRef(r) => {
                let text = if r.is_char_ref() {
                    r.resolve_char_ref().ok().flatten().map(String::from)
                } else {
                    let name = r.into_inner();
                    resolve_predefined_entity(&name).map(String::from)
                };
                // unknown entities (a DTD's own) are never expanded
                push(&mut item, &current, &text.unwrap_or_default());
            }
            Event::Eof => break,
            _ => {}
        }
        buf.clear();
    }
    if limited.limit() == 0 {
        out.push(err(
            max_bytes as u64,
            format!("feed larger than the {} limit; the rest is not read", human_limit(max_bytes)),
        ));
    }
    out
}

fn push(item: &mut Option<Draft>, current: &Option<String>, text: &str) {
    if let (Some(d), Some(name)) = (item.as_mut(), current.as_ref()) {
        if let Some(f) = field(d, name) {
            f.push_str(text);
        }
    }
}

/// The `href` of an Atom `<link>` that points at the article (no rel, or alternate).
fn atom_href(e: &quick_xml::events::BytesStart) -> Option<String> {
    let mut href = None;
    let mut rel_ok = true;
    for a in e.attributes().flatten() {
        let value = a.value.to_string();
        match a.key.as_ref() {
            "href" => href = Some(value),
            "rel" => rel_ok = value == "alternate",
            _ => {}
        }
    }
    href.filter(|_| rel_ok)
}

fn to_document(source: &str, n: usize, d: Draft) -> Item {
    let body = if !d.content.trim().is_empty() { d.content } else { d.summary };
    let item_source = format!("{source}#{n}");
    if body.trim().is_empty() && d.title.trim().is_empty() {
        return Err(InputError { source: item_source, offset: None, message: "feed item without content".into() });
    }
    // a feed item without a body still has its headline
    let body = if body.trim().is_empty() { d.title.clone() } else { body };
    let mut doc = Document::new(item_source, MediaType::Html, body.into_bytes());
    let link = d.link.trim();
    let id = d.id.trim();
    doc.url =
        if !link.is_empty() { Some(link.to_string()) } else { Some(id.to_string()).filter(|s| s.starts_with("http")) };
    doc.published = feed_date(&d.date).or_else(|| feed_date(&d.updated));
    doc.title = Some(d.title.trim().to_string()).filter(|t| !t.is_empty());
    // XML text is decoded to UTF-8 by the reader, whatever the page inside declares
    doc.charset = Some("utf-8".into());
    Ok(doc)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn docs(xml: &str) -> Vec<Item> {
        read_feed("f.xml", xml.as_bytes(), 1 << 20)
    }

    #[test]
    fn rss_items_become_documents() {
        let xml = r#"<?xml version="1.0"?><rss version="2.0" xmlns:content="http://purl.org/rss/1.0/modules/content/">
<channel><title>Wire</title>
<item><title>Talks resume</title><link>https://news.example/a</link>
<pubDate>Tue, 09 Jul 2024 10:00:00 +0000</pubDate>
<description>Short &amp; sweet</description>
<content:encoded><![CDATA[<p>Kenya and Ethiopia resumed talks.</p>]]></content:encoded></item>
<item><title>Only a summary</title><link>https://news.example/b</link><description>&lt;p&gt;Chad closed its border.&lt;/p&gt;</description></item>
</channel></rss>"#;
        let d = docs(xml);
        assert_eq!(d.len(), 2);
        let a = d[0].as_ref().unwrap();
        assert_eq!(a.source, "f.xml#1");
        assert_eq!(a.url.as_deref(), Some("https://news.example/a"));
        assert_eq!(a.published, NaiveDate::from_ymd_opt(2024, 7, 9));
        assert_eq!(a.title.as_deref(), Some("Talks resume"));
        assert_eq!(String::from_utf8_lossy(&a.bytes), "<p>Kenya and Ethiopia resumed talks.</p>");
        let b = d[1].as_ref().unwrap();
        assert_eq!(String::from_utf8_lossy(&b.bytes), "<p>Chad closed its border.</p>");
    }

    #[test]
    fn atom_entries_with_links_and_dates() {
        let xml = r#"<feed xmlns="http://www.w3.org/2005/Atom"><title>t</title>
<entry><title>Summit</title><link rel="self" href="https://news.example/self"/><link href="https://news.example/summit"/>
<id>tag:x</id><updated>2024-07-10T08:00:00Z</updated><published>2024-07-09T08:00:00+02:00</published>
<content type="html">&lt;p&gt;Leaders met.&lt;/p&gt;</content></entry></feed>"#;
        let d = docs(xml);
        let e = d[0].as_ref().unwrap();
        assert_eq!(e.url.as_deref(), Some("https://news.example/summit"));
        assert_eq!(e.published, NaiveDate::from_ymd_opt(2024, 7, 9), "published wins over updated");
        assert_eq!(String::from_utf8_lossy(&e.bytes), "<p>Leaders met.</p>");
    }

    #[test]
    fn entity_bombs_are_not_expanded_and_broken_feeds_report_offsets() {
        let bomb = r#"<?xml version="1.0"?><!DOCTYPE lolz [<!ENTITY lol "lol"><!ENTITY lol2 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;">]>
<rss><channel><item><title>&lol2;</title><description>x &lol2; y</description></item></channel></rss>"#;
        let d = docs(bomb);
        let item = d[0].as_ref().unwrap();
        assert!(item.bytes.len() < 20, "{:?}", String::from_utf8_lossy(&item.bytes));
        let broken = "<rss><channel><item><title>One</title><description>ok</description></item><item><title>Two</tit";
        let d = docs(broken);
        assert!(d[0].is_ok());
        let e = d.iter().find_map(|i| i.as_ref().err()).expect("an error");
        assert!(e.offset.is_some() && e.message.contains("malformed"), "{e}");
    }

    #[test]
    fn feed_dates() {
        assert_eq!(feed_date("Wed, 24 Jul 2024 23:00:00 GMT"), NaiveDate::from_ymd_opt(2024, 7, 24));
        assert_eq!(feed_date("2024-07-24"), NaiveDate::from_ymd_opt(2024, 7, 24));
        assert_eq!(feed_date("yesterday"), None);
    }
}
