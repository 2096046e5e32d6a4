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

impl EventActor {
    /// Is this side of the event a state, someone of a state or an organisation (see
    /// [`crate::ActorCode::is_state_or_organisation`])?
    pub fn is_state_or_organisation(&self) -> bool {
        crate::actor::is_state_or_organisation(&self.code)
    }
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
    /// The GeoNames id of the place (a city's, or a country's when the place is a country).
    #[serde(skip_serializing_if = "Option::is_none", default)]
    pub geonames_id: Option<u64>,
    /// GeoNames feature code of a city (PPLC capital, PPLA seat of a first-level
    /// division, PPL ...), or `country` when the place is a whole country.
    #[serde(skip_serializing_if = "Option::is_none", default)]
    pub feature: Option<String>,
    /// The gazetteer's name with its country ("Moscow, Russia").
    #[serde(skip_serializing_if = "Option::is_none", default)]
    pub full_name: Option<String>,
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

impl Event {
    /// Column names of an event's flat form (CSV), in the order of [`Event::csv_cells`].
    pub const CSV_COLUMNS: &'static [&'static str] = &[
        "doc_id",
        "event_id",
        "date",
        "source_text",
        "source_code",
        "cameo",
        "cameo_name",
        "target_text",
        "target_code",
        "quad_class",
        "goldstein",
        "plover_event",
        "plover_mode",
        "negated",
        "hypothetical",
        "historical",
        "location",
        "trigger",
        "sentence",
    ];

    /// The event as flat cells, one per [`Event::CSV_COLUMNS`] name.
    pub fn csv_cells(&self) -> Vec<String> {
        let target = |f: fn(&EventActor) -> &String| self.target.as_ref().map(|t| f(t).clone()).unwrap_or_default();
        vec![
            self.doc_id.clone(),
            self.event_id.clone(),
            self.date.clone().unwrap_or_default(),
            self.source.text.clone(),
            self.source.code.clone(),
            self.cameo.clone(),
            self.cameo_name.clone(),
            target(|t| &t.text),
            target(|t| &t.code),
            self.quad_class.to_string(),
            self.goldstein.to_string(),
            self.plover.event.clone(),
            self.plover.mode.clone().unwrap_or_default(),
            self.negated.to_string(),
            self.hypothetical.to_string(),
            self.historical.to_string(),
            self.location.as_ref().map(|l| l.name.clone()).unwrap_or_default(),
            self.trigger.text.clone(),
            self.sentence.text.clone(),
        ]
    }
}

/// A CSV field, quoted (RFC 4180) when it holds a comma, quote or line break.
pub fn csv_field(s: &str) -> String {
    if s.contains([',', '"', '\n', '\r']) {
        format!("\"{}\"", s.replace('"', "\"\""))
    } else {
        s.to_string()
    }
}

#[cfg(test)]
mod tests {
    use super::csv_field;

    #[test]
    fn csv_fields_are_quoted_only_when_needed() {
        assert_eq!(csv_field("a,b"), "\"a,b\"");
        assert_eq!(csv_field("say \"x\""), "\"say \"\"x\"\"\"");
        assert_eq!(csv_field("line\nbreak"), "\"line\nbreak\"");
        assert_eq!(csv_field("plain"), "plain");
    }
}
