// Shared by the targets (included with `#[path]`): the document pipeline after ingest.
#![allow(dead_code)] // each target uses part of it

use dyad_code::{Coder, Dictionaries};
use std::sync::OnceLock;

pub fn coder() -> &'static Coder {
    static CODER: OnceLock<Coder> = OnceLock::new();
    CODER.get_or_init(|| Coder::new(Dictionaries::embedded()))
}

/// Extract, annotate and code one document, as `dyad code` does; errors are fine, panics are not.
pub fn pipeline(doc: &dyad_core::Document) {
    if let Ok(mut article) = dyad_extract::extract(doc) {
        if article.published.is_none() {
            article.published = chrono::NaiveDate::from_ymd_opt(2024, 7, 9);
        }
        let annotated = dyad_nlp::annotate(article);
        let _ = coder().code(&annotated);
    }
}

/// Every item of a stream read as a file called `name`, each document through the pipeline.
pub fn ingest(name: &str, data: &[u8], max_bytes: usize) {
    let opts = dyad_ingest::InputOptions { lines: false, max_bytes };
    let reader: Box<dyn std::io::Read> = Box::new(std::io::Cursor::new(data.to_vec()));
    for item in dyad_ingest::read_stream(name, reader, &opts) {
        match item {
            Ok(doc) => {
                assert!(doc.bytes.len() <= max_bytes, "{}: document over the limit", doc.source);
                pipeline(&doc);
            }
            Err(e) => assert!(!e.to_string().is_empty()),
        }
    }
}
