use crate::{Precision, Span};
use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

/// Why a piece of a page was set aside instead of kept as article text.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum BoilerplateReason {
    /// "AFP contributed reporting.", "Reuters contributed to this report."
    WireCredit,
    /// Donation, subscription or membership appeals and everything after them.
    ReaderAppeal,
    Newsletter,
    Navigation,
    Share,
    RelatedLinks,
    Comments,
    Cookie,
    Advertisement,
    Byline,
    Caption,
    /// Page furniture with too little text or too many links to be article text.
    LowTextDensity,
    /// Outside the main content block of an HTML page.
    OutsideMainContent,
}

/// Text found on the page but not coded, kept for audit.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Boilerplate {
    pub text: String,
    pub reason: BoilerplateReason,
}

/// Clean article text plus metadata: the output of the extract stage.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct Article {
    pub doc_id: String,
    pub source: String,
    pub url: Option<String>,
    pub title: Option<String>,
    /// Publication date, `YYYY-MM-DD`.
    pub published: Option<NaiveDate>,
    pub published_precision: Option<Precision>,
    /// The evidence `published` came from: "json-ld datePublished", "meta
    /// published", "url", "text labelled published", "next to headline",
    /// "document" (given with the document: feed item, JSONL, `--published`) ...
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub published_source: Option<String>,
    pub authors: Vec<String>,
    pub site: Option<String>,
    /// ISO 639-1 code, e.g. "en".
    pub language: Option<String>,
    /// The article body; paragraphs separated by a newline. All spans index into it.
    pub text: String,
    /// Paragraph spans into `text`, in reading order.
    #[serde(default)]
    pub paragraphs: Vec<Span>,
    pub boilerplate: Vec<Boilerplate>,
}
