//! What the coder's test files share: the coder on the embedded dictionaries, and a
//! short text coded as an article published on a given day, with the spans of every
//! event checked against the text.
#![allow(dead_code)] // each test file uses its own part of this

use chrono::NaiveDate;
use dyad_code::{Coder, Dictionaries};
use dyad_core::{Article, Event};
use std::sync::OnceLock;

pub fn coder() -> &'static Coder {
    static CODER: OnceLock<Coder> = OnceLock::new();
    CODER.get_or_init(|| Coder::new(Dictionaries::embedded()))
}

/// `text` as one paragraph published on `published` (YYYY-MM-DD).
pub fn article(text: &str, published: &str) -> Article {
    Article {
        doc_id: dyad_core::doc_id("test", text.as_bytes()),
        source: "test".into(),
        text: text.into(),
        paragraphs: vec![dyad_core::Span::new(0, text.len())],
        published: NaiveDate::parse_from_str(published, "%Y-%m-%d").ok(),
        ..Default::default()
    }
}

/// The events `coder` finds in `text`; every quoted text must be the article's text
/// at its span.
pub fn code_with(coder: &Coder, text: &str, published: &str) -> Vec<Event> {
    let coded = coder.code(&dyad_nlp::annotate(article(text, published)));
    for e in &coded.events {
        assert_eq!(
            e.sentence.text,
            e.sentence.span.slice(text),
            "sentence text must equal the article text at its span"
        );
        assert_eq!(e.trigger.text, e.trigger.span.slice(text));
        assert_eq!(e.source.text, e.source.span.slice(text));
        if let Some(t) = &e.target {
            assert_eq!(t.text, t.span.slice(text));
        }
    }
    coded.events
}

pub fn code(text: &str, published: &str) -> Vec<Event> {
    code_with(coder(), text, published)
}

/// (source code, CAMEO code, target code) of each event.
pub fn triples(events: &[Event]) -> Vec<(String, String, String)> {
    events
        .iter()
        .map(|e| {
            (e.source.code.clone(), e.cameo.clone(), e.target.as_ref().map(|t| t.code.clone()).unwrap_or_default())
        })
        .collect()
}

/// The source text of the first event on `trigger`.
pub fn source_of<'e>(events: &'e [Event], trigger: &str) -> Option<&'e str> {
    events.iter().find(|e| e.trigger.text == trigger).map(|e| e.source.text.as_str())
}

/// The target text of the first event on `trigger`.
pub fn target_of<'e>(events: &'e [Event], trigger: &str) -> Option<&'e str> {
    events.iter().find(|e| e.trigger.text == trigger).and_then(|e| e.target.as_ref()).map(|t| t.text.as_str())
}
