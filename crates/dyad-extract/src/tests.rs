use super::*;
use dyad_core::BoilerplateReason::{self, *};

fn text_doc(body: &str) -> Document {
    Document::new("story.txt", MediaType::Text, body.as_bytes().to_vec())
}

fn html_doc(bytes: &[u8], url: Option<&str>) -> Document {
    let mut doc = Document::new("page.html", MediaType::Html, bytes.to_vec());
    doc.url = url.map(str::to_string);
    doc
}

fn reasons(article: &Article) -> Vec<(String, BoilerplateReason)> {
    article.boilerplate.iter().map(|b| (b.text.clone(), b.reason)).collect()
}

fn check_spans(article: &Article) {
    let lines: Vec<&str> = article.text.split('\n').collect();
    let spanned: Vec<&str> = article.paragraphs.iter().map(|s| s.slice(&article.text)).collect();
    assert_eq!(lines, spanned);
}

const STORY: &str = "\
The prime minister of Norland   met her counterpart from Southia in the border town of Esk on Monday, officials said.
The two leaders discussed a dispute over fishing rights that has strained relations since 2019.
\"We have agreed to keep talking,\" the prime minister told reporters after the meeting.
Southia's foreign ministry said a joint commission would meet again in the spring.
Reuters contributed reporting.
A Note from the Norland Herald:
Dear readers,
For thirty years we have reported on the region without fear or favour.
Independent journalism costs money. If you can, please support us with a monthly contribution from $5.
Thank you for reading.
Maybe later.
";

#[test]
fn plain_text_keeps_article_and_sets_aside_credit_and_appeal() {
    let article = extract(&text_doc(STORY)).unwrap();
    let lines: Vec<&str> = article.text.lines().collect();
    assert_eq!(lines.len(), 4, "{}", article.text);
    assert!(lines[0].starts_with("The prime minister of Norland met"), "spaces collapsed");
    assert!(lines[3].ends_with("in the spring."));
    check_spans(&article);
    let bp = reasons(&article);
    assert_eq!(bp[0], ("Reuters contributed reporting.".into(), WireCredit));
    assert_eq!(bp[1].0, "A Note from the Norland Herald:");
    assert_eq!(bp.len(), 7);
    assert!(bp[1..].iter().all(|(_, r)| *r == ReaderAppeal), "{bp:?}");
    assert!(!article.text.contains("thirty years"));
    assert_eq!(article.language.as_deref(), Some("en"));
    assert_eq!(article.title, None);
    assert_eq!(article.published, None);
    assert_eq!(article.doc_id, text_doc(STORY).id());
}

#[test]
fn plain_text_takes_date_url_and_title_from_the_document() {
    let mut doc = text_doc("Talks resumed on Monday between the two sides.");
    doc.url = Some("https://www.example.org/story".into());
    doc.published = chrono::NaiveDate::from_ymd_opt(2024, 7, 25);
    doc.title = Some("Talks resume".into());
    let article = extract(&doc).unwrap();
    assert_eq!(article.site.as_deref(), Some("example.org"));
    assert_eq!(article.published, doc.published);
    assert_eq!(article.published_precision, Some(Precision::Day));
    assert_eq!(article.title.as_deref(), Some("Talks resume"));
    assert_eq!(article.url, doc.url);
}

const PAGE: &str = r##"<!DOCTYPE html>
<html lang="en-GB">
<head>
<meta charset="utf-8">
<title>Ministers agree ceasefire talks | The Daily Example</title>
<meta property="og:site_name" content="The Daily Example">
<script type="application/ld+json">
{"@context": "https://schema.org", "@graph": [
  {"@type": "WebSite", "name": "The Daily Example"},
  {"@type": "NewsArticle", "headline": "Ministers agree ceasefire talks",
   "datePublished": "2024-07-25T21:15:00+03:00",
   "author": [{"@type": "Person", "name": "Jane Doe"}, {"@type": "Person", "name": "John Roe"}]}
]}
</script>
<style>p { color: red }</style>
</head>
<body>
<header><a href="/">The Daily Example</a></header>
<nav class="main-nav"><ul><li><a href="/world">World</a></li><li><a href="/politics">Politics</a></li></ul></nav>
<article>
  <h1>Ministers agree ceasefire talks</h1>
  <div class="share-bar"><a href="#">Facebook</a> <a href="#">Twitter</a></div>
  <p>Foreign ministers from both countries agreed on Thursday to open ceasefire talks next month in Geneva.</p>
  <p>The agreement followed <a href="/x">weeks of shuttle diplomacy</a> by mediators from three neighbouring states.</p>
  <h2>Next steps</h2>
  <p>Officials said the first round would focus on prisoner exchanges and humanitarian corridors.</p>
  <p>AFP contributed reporting.</p>
  <aside class="related-links"><h3>Related</h3><ul><li><a href="/a">Earlier talks collapsed</a></li></ul></aside>
</article>
<script>var x = "<p>not text</p>";</script>
<footer><p>Copyright 2024 The Daily Example. All rights reserved.</p></footer>
</body>
</html>"##;

#[test]
fn html_page_metadata_paragraphs_and_boilerplate() {
    let article = extract(&html_doc(PAGE.as_bytes(), Some("https://www.dailyexample.com/world/ceasefire"))).unwrap();
    assert_eq!(article.title.as_deref(), Some("Ministers agree ceasefire talks"));
    assert_eq!(article.published.unwrap().to_string(), "2024-07-25");
    assert_eq!(article.published_precision, Some(Precision::Day));
    assert_eq!(article.authors, ["Jane Doe", "John Roe"]);
    assert_eq!(article.site.as_deref(), Some("The Daily Example"));
    assert_eq!(article.language.as_deref(), Some("en"));
    let lines: Vec<&str> = article.text.lines().collect();
    assert_eq!(
        lines,
        [
            "Foreign ministers from both countries agreed on Thursday to open ceasefire talks next month in Geneva.",
            "The agreement followed weeks of shuttle diplomacy by mediators from three neighbouring states.",
            "Next steps",
            "Officials said the first round would focus on prisoner exchanges and humanitarian corridors.",
        ]
    );
    check_spans(&article);
    let bp = reasons(&article);
    let reason_of = |needle: &str| {
        bp.iter().find(|(t, _)| t.contains(needle)).map(|(_, r)| *r).unwrap_or_else(|| panic!("{needle} not in {bp:?}"))
    };
    assert_eq!(reason_of("World Politics"), Navigation);
    assert_eq!(reason_of("Facebook Twitter"), Share);
    assert_eq!(reason_of("AFP contributed"), WireCredit);
    assert_eq!(reason_of("Earlier talks collapsed"), RelatedLinks);
    assert_eq!(reason_of("Copyright 2024"), OutsideMainContent);
    assert!(!bp.iter().any(|(t, _)| t.contains("not text") || t.contains("color")));
    // page order
    let pos = |needle: &str| bp.iter().position(|(t, _)| t.contains(needle)).unwrap();
    assert!(pos("World Politics") < pos("Facebook") && pos("Facebook") < pos("AFP"));
    assert!(pos("AFP") < pos("Earlier talks") && pos("Earlier talks") < pos("Copyright"));
}

#[test]
fn html_metadata_fallbacks() {
    let page = r#"<html><head><title>Budget passes - Example Times</title>
        <meta name="author" content="Ann Lee">
        <meta http-equiv="content-language" content="fr-CA"></head>
        <body><div class="content"><p>The budget passed by a narrow margin late on Tuesday night after a long debate.</p>
        <p>Opposition members walked out before the final vote, saying they had been ignored.</p></div></body></html>"#;
    let article = extract(&html_doc(page.as_bytes(), Some("https://example-times.com/2023/03/14/budget"))).unwrap();
    assert_eq!(article.title.as_deref(), Some("Budget passes"));
    assert_eq!(article.published.unwrap().to_string(), "2023-03-14");
    assert_eq!(article.authors, ["Ann Lee"]);
    assert_eq!(article.site.as_deref(), Some("example-times.com"));
    assert_eq!(article.language.as_deref(), Some("fr"));
    assert_eq!(article.text.lines().count(), 2);

    let page = r#"<html><body><article><h1>Floods hit the north</h1>
        <p class="byline">By <a rel="author" href="/a">Sam Poe</a></p>
        <time datetime="2022-11-02T08:00">2 November</time>
        <p>Heavy rain flooded several towns in the north of the country overnight, officials said.</p>
        </article></body></html>"#;
    let article = extract(&html_doc(page.as_bytes(), None)).unwrap();
    assert_eq!(article.title.as_deref(), Some("Floods hit the north"));
    assert_eq!(article.published.unwrap().to_string(), "2022-11-02");
    assert_eq!(article.authors, ["Sam Poe"]);
    assert_eq!(article.site, None);
    assert_eq!(article.language.as_deref(), Some("en"), "guessed from the text");
    assert!(article.text.starts_with("Heavy rain"), "{}", article.text);
}

#[test]
fn publication_dates_from_the_visible_text_name_their_evidence() {
    let body =
        "<p>Heavy rain flooded several towns in the north of the country overnight, officials said on Monday.</p>";
    let page = |head: &str, top: &str| {
        format!("<html lang=\"de\"><head>{head}</head><body><div>{top}<article><h1>Hochwasser im Norden</h1>{body}</article></div></body></html>")
    };
    let dated = |html: String| {
        let a = extract(&html_doc(html.as_bytes(), None)).unwrap();
        (a.published.map(|d| d.to_string()), a.published_source)
    };
    let some = |d: &str, from: &str| (Some(d.to_string()), Some(from.to_string()));
    // a labelled date line beats an unlabelled one and the revision
    assert_eq!(
        dated(page("", "<p>Stand: 03.02.2022</p><p>Erschienen am: 01.02.2022</p>")),
        some("2022-02-01", "text labelled published")
    );
    // the date under the headline, when nothing marks the publication
    let html = format!(
        "<html><body><article><h1>Floods hit the north</h1><p>January 22, 2014</p>{body}</article>\
         <aside><p>Archive: March 3, 2013</p></aside></body></html>"
    );
    assert_eq!(dated(html), some("2014-01-22", "next to headline"));
    // a label saying published beats a time element outside the article
    let html = format!(
        "<html><body><div class=player><time datetime='2019-08-24T03:36:11+02:00'>24. August 2019</time></div>\
         <article><h1>Sternfusion</h1>{body}<p>Veröffentlicht am 16.08.2019</p></article></body></html>"
    );
    assert_eq!(dated(html), some("2019-08-16", "text labelled published"));
    // a revision only when nothing else dates the page
    assert_eq!(dated(page("", "<p>Stand: 03.02.2022</p>")), some("2022-02-03", "text labelled modified"));
    // metadata first, in the publisher's zone
    let head = r#"<meta property="article:published_time" content="2023-11-09T03:28:35Z">
        <script>var page = {"date": "2023-11-08T22:28:35-05:00"};</script>"#;
    assert_eq!(dated(page(head, "<p>Erschienen am: 01.02.2022</p>")), some("2023-11-08", "meta published"));
    // no evidence, no date
    assert_eq!(dated(page("", "")), (None, None));
    // a lone date line, unlabelled and away from the headline, when nothing else dates the page
    let far = format!("<p>12.03.2021</p><p>{}</p>", "Kontakt und Impressum. ".repeat(8));
    assert_eq!(dated(page("", &far)), some("2021-03-12", "first date line"));
    // dates the text labels as something else date nothing
    let register =
        "<dl><dt>Firma</dt><dd>Beispiel GmbH</dd><dt>Effective date</dt><dd>Saturday, July 25, 2020</dd></dl>";
    assert_eq!(dated(page("", register)), (None, None));
    let forum = "<p class=time>Aktuelle Zeit: 14.10.2020, 12:18</p><p>Registriert: 18.09.2008</p>";
    assert_eq!(dated(page("", forum)), (None, None));
    assert_eq!(
        dated(page("", &format!("{forum}<p>von admin » 21.01.2009</p>"))),
        some("2009-01-21", "next to headline")
    );
}

#[test]
fn date_lines_of_other_items_do_not_date_the_page() {
    let body = "<p>The council approved the new budget after a long debate, the mayor said on Tuesday evening.</p>";
    let dated = |html: String| {
        let a = extract(&html_doc(html.as_bytes(), None)).unwrap();
        (a.published.map(|d| d.to_string()), a.published_source)
    };
    let some = |d: &str, from: &str| (Some(d.to_string()), Some(from.to_string()));
    let page = |header: &str, own: &str, before: &str| {
        format!(
            "<html><head><title>Council passes budget</title></head><body><header><a href=/>Example Town News</a>{header}</header>\
             {before}<main><h1>Council passes budget</h1>{own}<div class=story>{body}{body}</div></main></body></html>"
        )
    };
    // the site's header shows the day the page was served
    let today = "<span class=date>Wednesday, 26.02.2020</span>";
    assert_eq!(dated(page(today, "<p class=date>01.05.2017</p>", "")), some("2017-05-01", "date line"));
    // a comment's date, and teasers of other stories with their linked headline and date
    let comments = "<ol class=comment-list><li><div class=comment-meta>15.12.2015 11:21</div><p>Nice!</p></li></ol>";
    let teaser = |n: u32| {
        format!(
            "<div class=teaser><a href=/story/{n}>Harbour strike enters its third week as talks stall</a>\
             <div class=post-date>0{n}.08.2020</div></div>"
        )
    };
    let related = format!("<div class=related>{}{}</div>", teaser(1), teaser(2));
    let own = "<p class=date>01.05.2017</p>";
    assert_eq!(dated(page("", own, comments)), some("2017-05-01", "date line"));
    assert_eq!(dated(page("", own, &related)), some("2017-05-01", "date line"));
    let times = "<div class=teaser><a href=/story/1>Harbour strike enters its third week as talks stall</a>\
                 <time datetime=2020-08-01>1 August</time></div><div><time datetime=2017-05-01>1 May</time></div>";
    assert_eq!(dated(page("", "", times)), some("2017-05-01", "time"));
    // the page's own title, linked to itself, is no other story
    let own = "<div class=entry><a href=/council-passes-budget>Council passes budget</a><span class=date>12.03.2021</span></div>";
    assert_eq!(dated(page("", own, "")), some("2021-03-12", "date line"));
}

#[test]
fn the_metadata_date_the_page_shows_by_its_headline_wins() {
    let body = "<p>Grain prices rose for the third week in a row, traders in the port said on Friday.</p>";
    let page = |head: &str, line: &str| {
        format!("<html><head>{head}</head><body><article><h1>Grain prices rise again</h1><p>{line}</p>{body}</article></body></html>")
    };
    let dated = |html: String| {
        let a = extract(&html_doc(html.as_bytes(), None)).unwrap();
        (a.published.map(|d| d.to_string()), a.published_source)
    };
    let some = |d: &str, from: &str| (Some(d.to_string()), Some(from.to_string()));
    let head = r#"<script type="application/ld+json">{"@type":"NewsArticle","datePublished":"2021-11-29T14:13:37+01:00","dateModified":"2022-01-12T14:27:30+01:00"}</script>"#;
    // a reworked article shown with its revision date
    assert_eq!(dated(page(head, "12.01.2022")), some("2022-01-12", "shown next to headline, in metadata"));
    // the publication shown anywhere keeps it
    assert_eq!(
        dated(page(head, "12.01.2022 (first published 29.11.2021)")),
        some("2021-11-29", "json-ld datePublished")
    );
    // a date the metadata does not know is no reason to leave it
    assert_eq!(dated(page(head, "03.02.2022")), some("2021-11-29", "json-ld datePublished"));
    // the publisher's local day of a UTC timestamp
    let utc = r#"<meta property="article:published_time" content="2018-12-31T23:11:59+00:00">"#;
    assert_eq!(dated(page(utc, "2019-01-01")), some("2019-01-01", "shown next to headline, in metadata"));
    assert_eq!(dated(page(utc, "2019-01-05")), some("2018-12-31", "meta published"));
    // a generic date meta is weaker than a date the page shows
    let generic = r#"<meta name="date" content="2020-04-30">"#;
    assert_eq!(dated(page(generic, "<time>29.04.2020, 12:01 Uhr</time>")), some("2020-04-29", "time in main content"));
    assert_eq!(dated(page(generic, "")), some("2020-04-30", "meta date"));
}

#[test]
fn windows_1252_with_and_without_declaration() {
    let mut declared = b"<html><head><meta charset=\"windows-1252\"></head><body><p>".to_vec();
    declared.extend_from_slice(
        b"Le caf\xe9 \x93Le Monde\x94 a ferm\xe9 ses portes apr\xe8s trente ann\xe9es, selon le maire.",
    );
    declared.extend_from_slice(b"</p></body></html>");
    let article = extract(&html_doc(&declared, None)).unwrap();
    assert!(article.text.contains("café “Le Monde” a fermé"), "{}", article.text);

    let undeclared = b"Le caf\xe9 a ferm\xe9 ses portes apr\xe8s trente ann\xe9es d'activit\xe9, \
        a d\xe9clar\xe9 le maire. Les habitants du quartier ont exprim\xe9 leur tristesse \
        et leur col\xe8re devant la d\xe9cision de la soci\xe9t\xe9 propri\xe9taire.";
    let article = extract(&text_doc_bytes(undeclared)).unwrap();
    assert!(article.text.starts_with("Le café a fermé"), "{}", article.text);
    assert!(article.text.contains("propriétaire"));
}

fn text_doc_bytes(bytes: &[u8]) -> Document {
    Document::new("latin.txt", MediaType::Text, bytes.to_vec())
}

#[test]
fn invalid_utf8_does_not_fail() {
    let bytes = b"Valid start \xff\xfe\xfd then \xc3( broken \xe2\x82 sequences, all in one line.";
    let article = extract(&text_doc_bytes(bytes)).unwrap();
    assert!(article.text.starts_with("Valid start"));
    check_spans(&article);
    let article = extract(&html_doc(b"<p>caf\xc3\xa9 \xff ok</p>", None)).unwrap();
    assert!(article.text.contains("ok"));
}

#[test]
fn deep_nesting_does_not_panic() {
    let depth = 100_000;
    let mut page = String::with_capacity(depth * 11 + 100);
    page.push_str("<html><body>");
    for _ in 0..depth {
        page.push_str("<div>");
    }
    page.push_str("<p>Deep inside the page there is a sentence of article text for us.</p>");
    for _ in 0..depth {
        page.push_str("</div>");
    }
    page.push_str("</body></html>");
    let article = extract(&html_doc(page.as_bytes(), None)).unwrap();
    assert!(article.text.contains("Deep inside"), "{:?}", article.boilerplate);
}

#[test]
fn empty_and_textless_documents() {
    let err = extract(&text_doc("  \n ")).unwrap_err();
    assert_eq!(err.to_string(), "story.txt: empty document");
    let article = extract(&html_doc(b"<html><body><nav>Home</nav></body></html>", None)).unwrap();
    assert_eq!(article.text, "");
    assert!(article.paragraphs.is_empty());
    assert_eq!(reasons(&article), [("Home".to_string(), Navigation)]);
}

#[test]
fn seed_article_from_shared() {
    let path =
        std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../../../shared/seed/moscow-times-putin-assad.txt");
    let Ok(bytes) = std::fs::read(&path) else {
        eprintln!("skipping: seed not found at {}", path.display());
        return;
    };
    let doc = Document::new("moscow-times-putin-assad.txt", MediaType::Text, bytes);
    let article = extract(&doc).unwrap();
    assert!(
        article
            .text
            .ends_with("Pro-Turkish forces in Syria now control two vast strips of territory along the border."),
        "{}",
        article.text
    );
    assert!(article.text.starts_with("President Vladimir Putin met"));
    check_spans(&article);
    let bp = reasons(&article);
    assert_eq!(bp[0], ("AFP contributed reporting.".into(), WireCredit));
    assert_eq!(bp[1], ("A Message from The Moscow Times:".into(), ReaderAppeal));
    assert!(bp[1..].iter().all(|(_, r)| *r == ReaderAppeal), "{bp:?}");
    assert_eq!(bp.last().unwrap().0, "Remind me later.");
}
