//! The extract stage: a [`Document`] (HTML or plain text bytes) into an
//! [`Article`]: clean paragraphs, metadata, and the page furniture set aside with
//! the reason, for audit.
//!
//! - [`decode`]: bytes to text (BOM, declared charset, `<meta>`, UTF-8, detection);
//! - [`html`]: HTML to blocks in reading order plus [`metadata`];
//! - [`text`]: plain text to paragraphs;
//! - [`boilerplate`]: which blocks are article text, shared by both paths.

pub mod boilerplate;
pub mod dates;
pub mod decode;
pub mod html;
pub mod metadata;
pub mod text;

use boilerplate::Block;
use dyad_core::{Article, Boilerplate, Document, MediaType, Precision, Span};
use std::fmt;

/// A document that could not be turned into an article.
#[derive(Debug)]
pub struct ExtractError {
    pub source: String,
    pub message: String,
}

impl fmt::Display for ExtractError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}: {}", self.source, self.message)
    }
}

impl std::error::Error for ExtractError {}

/// Extracts the article of one document. A page with no article text is not an
/// error: it yields an article with empty `text` and everything in `boilerplate`.
pub fn extract(doc: &Document) -> Result<Article, ExtractError> {
    extract_with_id(doc, None)
}

/// [`extract`] for a caller that has computed the document's id ([`Document::id`])
/// already: hashing the whole page again would cost as much as a tenth of the
/// extraction of a small one.
pub fn extract_with_id(doc: &Document, doc_id: Option<String>) -> Result<Article, ExtractError> {
    if doc.bytes.iter().all(u8::is_ascii_whitespace) {
        return Err(ExtractError { source: doc.source.clone(), message: "empty document".into() });
    }
    let is_html = doc.media_type == MediaType::Html;
    let decoded = decode::decode(&doc.bytes, doc.charset.as_deref(), is_html);

    let (mut blocks, meta) = if is_html {
        let page = html::extract_html(&decoded.text, doc.url.as_deref());
        (page.blocks, page.meta)
    } else {
        (text::paragraphs(&decoded.text), metadata::Metadata::default())
    };
    boilerplate::classify(&mut blocks);
    boilerplate::set_aside_repeats(&mut blocks);

    let (text, paragraphs, boilerplate) = assemble(blocks);
    let published = meta.published.or(doc.published);
    let published_source = match (meta.published_from, doc.published) {
        (Some(from), _) => Some(from.to_string()),
        (None, Some(_)) => Some("document".to_string()),
        (None, None) => None,
    };
    let language = meta.language.or_else(|| metadata::guess_language(&text));
    let site = meta.site.or_else(|| doc.url.as_deref().and_then(metadata::host).map(str::to_string));
    Ok(Article {
        doc_id: doc_id.unwrap_or_else(|| doc.id()),
        source: doc.source.clone(),
        url: doc.url.clone(),
        title: meta.title.or_else(|| doc.title.clone()),
        published,
        published_precision: published.map(|_| Precision::Day),
        published_source,
        authors: meta.authors,
        site,
        language,
        text,
        paragraphs,
        boilerplate,
    })
}

/// Kept blocks become the text, one paragraph per line; the rest, in page
/// order, the boilerplate.
fn assemble(blocks: Vec<Block>) -> (String, Vec<Span>, Vec<Boilerplate>) {
    let mut text = String::new();
    let mut spans = Vec::new();
    let mut boilerplate = Vec::new();
    for block in blocks {
        match block.reason {
            Some(reason) => boilerplate.push(Boilerplate { text: block.text, reason }),
            None => {
                if !text.is_empty() {
                    text.push('\n');
                }
                let start = text.len();
                text.push_str(&block.text);
                spans.push(Span::new(start, text.len()));
            }
        }
    }
    (text, spans, boilerplate)
}

#[cfg(test)]
mod tests;
