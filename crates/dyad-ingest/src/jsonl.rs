//! JSONL: one document per line, `{"url", "html" | "text", "published"?, "title"?}`.

use crate::lines::LineReader;
use crate::{InputError, Item};
use chrono::NaiveDate;
use dyad_core::{Document, MediaType};
use serde_json::Value;
use std::io::BufRead;

pub(crate) struct JsonlDocs<R> {
    lines: LineReader<R>,
}

impl<R: BufRead> JsonlDocs<R> {
    pub fn new(source: String, reader: R, max: usize) -> Self {
        JsonlDocs { lines: LineReader::new(source, reader, max) }
    }
}

impl<R: BufRead> Iterator for JsonlDocs<R> {
    type Item = Item;

    fn next(&mut self) -> Option<Item> {
        loop {
            let line = match self.lines.next_line()? {
                Ok(line) => line,
                Err(e) => return Some(Err(e)),
            };
            if line.bytes.iter().all(u8::is_ascii_whitespace) {
                continue;
            }
            let source = self.lines.line_source(line.number);
            debug_assert!(source.starts_with(self.lines.source()));
            return Some(parse_line(&line.bytes, source.clone()).map_err(|message| InputError {
                source,
                offset: Some(line.offset),
                message,
            }));
        }
    }
}

fn parse_line(bytes: &[u8], source: String) -> Result<Document, String> {
    let value: Value = serde_json::from_slice(bytes).map_err(|e| format!("invalid JSON: {e}"))?;
    let obj = value.as_object().ok_or("expected a JSON object with \"html\" or \"text\"")?;
    let field = |key: &str| -> Result<Option<&str>, String> {
        match obj.get(key) {
            None | Some(Value::Null) => Ok(None),
            Some(Value::String(s)) => Ok(Some(s.as_str())),
            Some(_) => Err(format!("\"{key}\" must be a string")),
        }
    };
    let (media_type, body) = match (field("html")?, field("text")?) {
        (Some(html), _) => (MediaType::Html, html),
        (None, Some(text)) => (MediaType::Text, text),
        (None, None) => return Err("missing \"html\" or \"text\"".into()),
    };
    if body.trim().is_empty() {
        return Err("empty input".into());
    }
    let mut doc = Document::new(source, media_type, body.as_bytes().to_vec());
    doc.url = field("url")?.map(str::to_string);
    doc.title = field("title")?.map(str::trim).filter(|t| !t.is_empty()).map(str::to_string);
    if let Some(published) = field("published")? {
        doc.published = Some(
            parse_published(published)
                .ok_or_else(|| format!("\"published\" is not a date (YYYY-MM-DD or ISO datetime): {published:?}"))?,
        );
    }
    // JSON strings are UTF-8 whatever a <meta charset> inside them claims.
    doc.charset = Some("utf-8".into());
    Ok(doc)
}

/// `YYYY-MM-DD` or an ISO datetime, of which the date is taken as written.
pub(crate) fn parse_published(s: &str) -> Option<NaiveDate> {
    let s = s.trim();
    let date = s.get(..10)?;
    let rest = &s[10..];
    if !(rest.is_empty() || rest.starts_with(['T', 't', ' '])) {
        return None;
    }
    NaiveDate::parse_from_str(date, "%Y-%m-%d").ok()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn published_dates() {
        let d = NaiveDate::from_ymd_opt(2024, 7, 25);
        assert_eq!(parse_published("2024-07-25"), d);
        assert_eq!(parse_published("2024-07-25T23:10:00+03:00"), d);
        assert_eq!(parse_published("2024-07-25 08:00"), d);
        assert_eq!(parse_published("2024-02-30"), None);
        assert_eq!(parse_published("25/07/2024"), None);
        assert_eq!(parse_published("2024-07-2"), None);
        assert_eq!(parse_published("é"), None);
    }
}
