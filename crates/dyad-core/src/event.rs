use crate::{Precision, Span};
use serde::{Deserialize, Serialize};

/// The source or target of an event: the words, the code and where the code came from.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct EventActor {
    pub text: String,
    pub span: Span,
    pub code: String,
    pub country: Option<String>,
    pub sector: Option<String>,
    /// The dictionary entry (or rule) that gave the code, for audit.
    pub entry: String,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Plover {
    pub event: String,
    pub mode: Option<String>,
    pub context: Option<String>,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Location {
    pub name: String,
    pub country: Option<String>,
    pub lat: Option<f64>,
    pub lon: Option<f64>,
    #[serde(skip_serializing_if = "Option::is_none", default)]
    pub span: Option<Span>,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct SentenceRef {
    pub index: usize,
    pub span: Span,
    pub text: String,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Trigger {
    pub text: String,
    pub span: Span,
}

/// One coded event: who did what to whom, when and where, and from which words.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Event {
    pub doc_id: String,
    pub event_id: String,
    /// ISO date, month or year of the event.
    pub date: Option<String>,
    pub date_precision: Option<Precision>,
    /// The time expression the date came from, if not the publication date.
    #[serde(skip_serializing_if = "Option::is_none", default)]
    pub date_span: Option<Span>,
    pub historical: bool,
    pub negated: bool,
    pub hypothetical: bool,
    pub source: EventActor,
    pub target: Option<EventActor>,
    pub cameo: String,
    pub cameo_root: String,
    pub cameo_name: String,
    pub quad_class: u8,
    pub goldstein: f64,
    pub plover: Plover,
    pub location: Option<Location>,
    pub sentence: SentenceRef,
    pub trigger: Trigger,
    /// The verb pattern (or rule) that produced the code.
    pub rule: String,
}
