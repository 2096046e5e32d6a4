//! HTML (and plain text) extraction, charset decoding, then annotation and coding.
#![no_main]
#[path = "common.rs"]
mod common;
use dyad_core::{Document, MediaType};
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    // the first byte picks the media type and whether a charset is declared outside the page
    let Some((&flags, bytes)) = data.split_first() else { return };
    let media_type = if flags & 1 == 0 { MediaType::Html } else { MediaType::Text };
    let mut doc = Document::new("fuzz.html", media_type, bytes.to_vec());
    doc.charset = match flags >> 1 & 3 {
        1 => Some("utf-8".into()),
        2 => Some("windows-1251".into()),
        3 => Some("utf-16le".into()),
        _ => None,
    };
    common::pipeline(&doc);
});
