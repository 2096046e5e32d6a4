//! The founding example from DESIGN.md, when the shared seed file is present.

use chrono::NaiveDate;
use dyad_core::{Article, Precision, Span};
use std::path::Path;

#[test]
fn seed_article() {
    let path = Path::new(env!("CARGO_MANIFEST_DIR")).join("../../../shared/seed/moscow-times-putin-assad.txt");
    let Ok(page) = std::fs::read_to_string(&path) else {
        eprintln!("skipping: seed file {} not found", path.display());
        return;
    };
    // the article body: the lines up to "Pro-Turkish forces ...", one paragraph each
    let mut text = String::new();
    let mut paragraphs = Vec::new();
    for line in page.lines() {
        let start = text.len();
        text.push_str(line.trim_end());
        paragraphs.push(Span::new(start, text.len()));
        let done = line.starts_with("Pro-Turkish forces");
        if done {
            break;
        }
        text.push('\n');
    }
    let article = Article { published: NaiveDate::from_ymd_opt(2024, 7, 25), text, paragraphs, ..Article::default() };
    let a = dyad_nlp::annotate(article);
    let text = &a.article.text;

    assert!(a.sentences.len() >= 12, "{} sentences", a.sentences.len());
    if std::env::var_os("DYAD_SHOW").is_some() {
        for s in &a.sentences {
            eprintln!("| {}", &text[s.span.start..s.span.end]);
        }
        eprintln!("{:#?}", a.times);
    }
    for s in &a.sentences {
        assert!(text.get(s.span.start..s.span.end).is_some());
    }
    // entities from the NER tagger: exact spans, no actors (the coder adds them)
    for e in &a.entities {
        assert_eq!(&text[e.span.start..e.span.end], e.text);
        assert!(e.actor.is_none());
    }
    let names: Vec<&str> = a.entities.iter().map(|e| e.text.as_str()).collect();
    assert!(names.iter().any(|n| n.contains("Putin")), "{names:?}");

    let times: Vec<(&str, &str, Precision, bool)> = a
        .times
        .iter()
        .map(|t| {
            assert_eq!(&text[t.span.start..t.span.end], t.text);
            (t.text.as_str(), t.value.as_str(), t.precision, t.open_ended)
        })
        .collect();
    for want in [
        ("Thursday", "2024-07-25", Precision::Day, false),
        ("late Wednesday", "2024-07-24", Precision::Day, false),
        ("2015", "2015", Precision::Year, false),
        ("March of last year", "2023-03", Precision::Month, true),
        ("2011", "2011", Precision::Year, false),
        ("2019", "2019", Precision::Year, false),
        ("2016", "2016", Precision::Year, true),
    ] {
        assert!(times.contains(&want), "missing {want:?} in {times:?}");
    }
    assert_eq!(times.len(), 7, "{times:?}");

    for q in &a.quotes {
        assert_eq!(&text[q.span.start..q.span.end], q.text);
    }
    let putin: Vec<_> = a.quotes.iter().filter(|q| q.speaker.as_deref() == Some("Putin")).collect();
    assert!(putin.len() >= 2, "{:?}", a.quotes);
    assert!(putin[0].text.starts_with("Of course, I am very interested"));
    assert!(putin.iter().any(|q| q.text.starts_with("Unfortunately, it tends to worsen")));
    assert!(a
        .quotes
        .iter()
        .any(|q| q.speaker.as_deref() == Some("Erdogan") && q.text.starts_with("Now, we have come to such a point")));
    // "escalation" and "terror corridor" are scare quotes
    assert!(a.quotes.iter().all(|q| q.text != "escalation" && q.text != "terror corridor"));
    assert_eq!(a.quotes.len(), 3, "{:?}", a.quotes);
}
