//! The data model every dyad stage shares.
//!
//! Data flows one way: [`Document`] (bytes as fetched) -> [`Article`] (clean text
//! and metadata) -> [`Annotated`] (sentences, tokens, entities, times, quotes) ->
//! [`Event`]s. Every span is a byte range `[start, end)` into [`Article::text`].
//! Field names are part of dyad's public record contract (see DESIGN.md).

mod actor;
mod annotation;
mod article;
pub mod calendar;
pub mod chars;
mod document;
mod event;
mod gdelt;
pub mod lexicon;
mod span;

pub use actor::ActorCode;
pub use annotation::{Annotated, Entity, EntityLabel, PosTag, Quote, Sentence, TimeExpr, Token, TokenKind};
pub use article::{Article, Boilerplate, BoilerplateReason};
pub use document::{doc_id, Document, MediaType};
pub use event::{csv_field, Event, EventActor, Location, Plover, SentenceRef, Trigger};
pub use gdelt::{GdeltExtras, GDELT_COLUMNS};
pub use span::Span;

/// How precisely a date is known.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, serde::Serialize, serde::Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Precision {
    Day,
    Month,
    Year,
}

impl Precision {
    pub fn as_str(self) -> &'static str {
        match self {
            Precision::Day => "day",
            Precision::Month => "month",
            Precision::Year => "year",
        }
    }
}
