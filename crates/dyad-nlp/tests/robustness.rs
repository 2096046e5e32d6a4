//! Pathological input: no punctuation, random bytes, odd spans. Nothing may panic,
//! every span must slice the text, and time must stay linear.

use chrono::NaiveDate;
use dyad_core::{Annotated, Article, Sentence, Span, Token, TokenKind};
use std::time::Instant;

fn article(text: String, paragraphs: Vec<Span>) -> Article {
    Article { published: NaiveDate::from_ymd_opt(2024, 7, 25), text, paragraphs, ..Article::default() }
}

fn check(a: &Annotated) {
    let text = &a.article.text;
    let mut last_end = 0;
    for s in &a.sentences {
        assert!(s.span.start >= last_end, "sentences are sorted and disjoint");
        last_end = s.span.end;
        assert!(text.get(s.span.start..s.span.end).is_some());
        assert!(s.tokens.len() <= 1200);
        for t in &s.tokens {
            assert!(text.get(t.span.start..t.span.end).is_some());
        }
    }
    for t in &a.times {
        assert_eq!(&text[t.span.start..t.span.end], t.text);
    }
    for q in &a.quotes {
        assert_eq!(&text[q.span.start..q.span.end], q.text);
        if let Some(sp) = q.speaker_span {
            assert_eq!(Some(&text[sp.start..sp.end]), q.speaker.as_deref());
        }
    }
}

/// A small xorshift generator: deterministic, no dependency.
fn random_bytes(n: usize, mut seed: u64) -> Vec<u8> {
    (0..n)
        .map(|_| {
            seed ^= seed << 13;
            seed ^= seed >> 7;
            seed ^= seed << 17;
            (seed >> 24) as u8
        })
        .collect()
}

#[test]
fn two_megabytes_without_punctuation() {
    let text = "lorem ipsum dolor sit amet consectetur ".repeat(2_000_000 / 39);
    let start = Instant::now();
    let a = dyad_nlp::annotate(article(text, Vec::new()));
    check(&a);
    assert!(a.sentences.len() > 100);
    assert!(start.elapsed().as_secs() < 30, "{:?}", start.elapsed());

    // one 2 MB "word", and 2 MB of quotes
    for text in ["x".repeat(2_000_000), "\"".repeat(2_000_000), "é\"".repeat(500_000)] {
        let a = dyad_nlp::annotate(article(text, Vec::new()));
        check(&a);
    }
}

#[test]
fn random_bytes_decoded_lossily() {
    for seed in 1..40u64 {
        let bytes = random_bytes(20_000, seed.wrapping_mul(0x9E37_79B9_7F4A_7C15));
        let text = String::from_utf8_lossy(&bytes).into_owned();
        check(&dyad_nlp::annotate(article(text.clone(), Vec::new())));
        // paragraphs off char boundaries and past the end
        let paragraphs = vec![Span::new(3, 5001), Span::new(4000, 9000), Span::new(8999, 99_999)];
        check(&dyad_nlp::annotate(article(text, paragraphs)));
    }
    // random ASCII built from news-like pieces
    let pieces = [
        "\"",
        "“",
        "”",
        " said",
        " Putin",
        ".",
        ",",
        " in",
        " 2015",
        " March",
        " 5",
        " last",
        " year",
        " U.S.",
        " Mr.",
        "\n",
        " on",
        " Thursday",
        " -",
        "’s",
        " since",
        ":",
        " he",
        " told",
        "?",
        " according",
        " to",
        "0",
        "-",
        "2023",
    ];
    for seed in 1..20u64 {
        let text: String = random_bytes(5000, seed).into_iter().map(|b| pieces[b as usize % pieces.len()]).collect();
        let a = dyad_nlp::annotate(article(text, Vec::new()));
        check(&a);
    }
}

#[test]
fn garbage_sentences_do_not_panic() {
    let text = "héllo \"wörld\" said Bo on Friday in 2015.";
    let bad = vec![Sentence {
        span: Span::new(2, 500),
        tokens: vec![
            Token { span: Span::new(2, 3), kind: TokenKind::Word },
            Token { span: Span::new(400, 401), kind: TokenKind::Punct },
            Token { span: Span { start: 7, end: 3 }, kind: TokenKind::Number },
        ],
        tags: Vec::new(),
    }];
    let _ = dyad_nlp::times::find_times(text, &bad, NaiveDate::from_ymd_opt(2024, 7, 25));
    let _ = dyad_nlp::quotes::find_quotes(text, &bad);
    let _ = dyad_nlp::times::find_times(text, &[], None);
    let _ = dyad_nlp::quotes::find_quotes(text, &[]);
}

#[test]
fn the_shipped_tagger_tags_news_words_in_context() {
    let tags =
        |words: &[&str]| -> Vec<&'static str> { dyad_nlp::pos::tag_words(words).iter().map(|t| t.as_str()).collect() };
    assert!(dyad_nlp::pos::model().is_some(), "data/pos/model.bin must hold a model");
    let t = tags(&["Russia", "attacks", "Ukraine", "."]);
    assert_eq!(t[1], "VBZ", "{t:?}");
    let t = tags(&["The", "attacks", "on", "Kyiv", "continued", "."]);
    assert_eq!((t[1], t[4]), ("NNS", "VBD"), "{t:?}");
    let t = tags(&["Syrian", "government", "forces", "shelled", "the", "town", "."]);
    assert_eq!((t[2], t[3]), ("NNS", "VBD"), "{t:?}");
    // every token gets a tag, and nothing breaks on odd input
    assert_eq!(tags(&["", "\u{0}", "---", "😀"]).len(), 4);
    assert!(tags(&[]).is_empty());
}
