//! Date parsing: page metadata dates, dates in text and URLs, and the time
//! expressions of the annotator resolved against a publication date.
#![no_main]
use dyad_core::Span;
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let Ok(text) = std::str::from_utf8(data) else { return };
    let _ = dyad_extract::metadata::parse_date(text);
    let _ = dyad_extract::metadata::date_in_text(text, Some("en"));
    let _ = dyad_extract::metadata::date_in_url(text);
    let paragraphs = [Span::new(0, text.len())];
    let sentences = dyad_nlp::sentences::split(text, &paragraphs);
    for published in [chrono::NaiveDate::from_ymd_opt(2024, 7, 9), None] {
        for t in dyad_nlp::times::find_times(text, &sentences, published) {
            assert!(text.get(t.span.start..t.span.end).is_some(), "time span off a char boundary");
        }
    }
});
