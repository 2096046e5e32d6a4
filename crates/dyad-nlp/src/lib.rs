//! The annotate stage: an [`Article`] becomes an [`Annotated`] with sentences (and
//! their tokens), named entities, time expressions normalised against the
//! publication date, and direct quotes with speakers. Every span is a byte range
//! into `Article::text`.
//!
//! Sentences, times and quotes are rule-based; entities come from a statistical
//! tagger trained by dyad ([`ner`]). Everything is linear in the input and never
//! panics: each pass walks the tokens once with bounded look-around.

mod binio;
pub mod ner;
pub mod pos;
pub mod quotes;
pub mod sentences;
pub mod times;
pub mod tokens;

use dyad_core::{Annotated, Article};

/// Sentences (with tokens), named entities (from the tagger; actors are left for
/// the coder), time expressions and quotes.
pub fn annotate(article: Article) -> Annotated {
    let mut sentences = sentences::split(&article.text, &article.paragraphs);
    let token_infos = pos::tag_sentences_keeping_infos(&article.text, &mut sentences);
    let entities = ner::entities_reusing_infos(&article.text, &sentences, &token_infos);
    let times = times::find_times(&article.text, &sentences, article.published);
    let quotes = quotes::find_quotes(&article.text, &sentences);
    Annotated { article, sentences, entities, times, quotes }
}

/// `within` clamped to the text and moved onto char boundaries (start backwards,
/// end forwards), so slicing with it can never panic.
pub(crate) fn clamp_span(text: &str, start: usize, end: usize) -> (usize, usize) {
    let mut end = end.min(text.len());
    while !text.is_char_boundary(end) {
        end += 1;
    }
    let mut start = start.min(end);
    while !text.is_char_boundary(start) {
        start -= 1;
    }
    (start, end)
}

#[cfg(test)]
mod tests {
    use super::*;
    use chrono::NaiveDate;
    use dyad_core::Precision;

    #[test]
    fn annotates_an_article_end_to_end() {
        let text = "Border Talks Stall\nKYIV (Wire) - Envoys met on Monday. \"We made no progress \
                    at all,\" Ana Ruiz told Ivo Tam. She added: \"We will try again in May.\"\n";
        let a = annotate(Article {
            text: text.to_string(),
            published: NaiveDate::from_ymd_opt(2024, 7, 25),
            ..Article::default()
        });
        let sentences: Vec<&str> = a.sentences.iter().map(|s| s.span.slice(text)).collect();
        assert_eq!(
            sentences,
            vec![
                "Border Talks Stall",
                "KYIV (Wire) - Envoys met on Monday.",
                "\"We made no progress at all,\" Ana Ruiz told Ivo Tam.",
                "She added: \"We will try again in May.\""
            ]
        );
        let people: Vec<&str> =
            a.entities.iter().filter(|e| e.label == dyad_core::EntityLabel::PER).map(|e| e.text.as_str()).collect();
        assert!(people.contains(&"Ana Ruiz") && people.contains(&"Ivo Tam"), "{:?}", a.entities);
        assert!(a.entities.iter().all(|e| e.span.slice(text) == e.text && e.actor.is_none()));
        let times: Vec<(&str, &str, Precision)> =
            a.times.iter().map(|t| (t.text.as_str(), t.value.as_str(), t.precision)).collect();
        // "will try again in May", said in July: next May
        assert_eq!(times, vec![("Monday", "2024-07-22", Precision::Day), ("May", "2025-05", Precision::Month)]);
        let quotes: Vec<(&str, Option<&str>)> =
            a.quotes.iter().map(|q| (q.text.as_str(), q.speaker.as_deref())).collect();
        assert_eq!(
            quotes,
            vec![("We made no progress at all", Some("Ana Ruiz")), ("We will try again in May.", Some("She"))]
        );
    }

    #[test]
    fn empty_and_blank_articles() {
        for text in ["", "\n\n", "   ", "\u{feff}"] {
            let a = annotate(Article { text: text.to_string(), ..Article::default() });
            assert!(a.sentences.is_empty() && a.entities.is_empty() && a.times.is_empty() && a.quotes.is_empty());
        }
    }

    #[test]
    fn clamps_spans_onto_char_boundaries() {
        let text = "aé";
        assert_eq!(clamp_span(text, 2, 2), (1, 3));
        assert_eq!(clamp_span(text, 0, 99), (0, 3));
        assert_eq!(clamp_span(text, 5, 1), (1, 1));
    }
}
