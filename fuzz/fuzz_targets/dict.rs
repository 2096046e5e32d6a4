//! User dictionary files (actors or verb patterns), then coding a fixed text with them.
#![no_main]
#[path = "common.rs"]
mod common;
use dyad_code::{Coder, Dictionaries};
use dyad_core::{Document, MediaType};
use libfuzzer_sys::fuzz_target;

const TEXT: &str = "Kenya accused Ethiopia of shelling the border town on Monday. \
    President Ruto met the rebels in Nairobi and promised aid. Police arrested protesters.";

fuzz_target!(|data: &[u8]| {
    let Ok(text) = std::str::from_utf8(data) else { return };
    let mut dict = Dictionaries::empty();
    for e in dict.add_file("fuzz.txt", text) {
        assert!(!e.to_string().is_empty());
    }
    let coder = Coder::new(dict);
    let doc = Document::new("fixed.txt", MediaType::Text, TEXT.as_bytes().to_vec());
    let mut article = dyad_extract::extract(&doc).expect("a fixed text extracts");
    article.published = chrono::NaiveDate::from_ymd_opt(2024, 7, 9);
    let _ = coder.code(&dyad_nlp::annotate(article));
});
