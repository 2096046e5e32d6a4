use super::*;
use dyad_core::MediaType;
use flate2::write::GzEncoder;
use flate2::Compression;
use std::io::Write;
use std::path::Path;

fn write(dir: &Path, name: &str, bytes: &[u8]) -> String {
    let path = dir.join(name);
    if let Some(parent) = path.parent() {
        std::fs::create_dir_all(parent).unwrap();
    }
    std::fs::write(&path, bytes).unwrap();
    path.display().to_string()
}

fn gzip(bytes: &[u8]) -> Vec<u8> {
    let mut enc = GzEncoder::new(Vec::new(), Compression::default());
    enc.write_all(bytes).unwrap();
    enc.finish().unwrap()
}

fn read(args: &[String], opts: &InputOptions) -> Vec<Result<Document, InputError>> {
    read_inputs(args, opts).collect()
}

fn ok(items: &[Result<Document, InputError>]) -> Vec<&Document> {
    items.iter().filter_map(|r| r.as_ref().ok()).collect()
}

fn errors(items: &[Result<Document, InputError>]) -> Vec<String> {
    items.iter().filter_map(|r| r.as_ref().err().map(|e| e.to_string())).collect()
}

#[test]
fn media_types_by_extension_and_sniffing() {
    let dir = tempfile::tempdir().unwrap();
    let d = dir.path();
    let args = vec![
        write(d, "a.txt", b"<html> mentioned in plain text"),
        write(d, "b.htm", b"no markers at all"),
        write(d, "c", b"<!DOCTYPE html><p>hi</p>"),
        write(d, "d.dat", b"just words"),
        write(d, "e.html.gz", &gzip(b"<p>zipped</p>")),
        write(d, "f.page", &gzip(b"<body>gzip by magic</body>")),
        write(d, "g.gz", &gzip(b"text inside gzip")),
    ];
    let items = read(&args, &InputOptions::default());
    assert!(errors(&items).is_empty(), "{:?}", errors(&items));
    let docs = ok(&items);
    let types: Vec<MediaType> = docs.iter().map(|d| d.media_type).collect();
    use MediaType::*;
    assert_eq!(types, [Text, Html, Html, Text, Html, Html, Text]);
    assert_eq!(docs[4].bytes, b"<p>zipped</p>");
    assert_eq!(docs[6].bytes, b"text inside gzip");
    assert_eq!(docs[0].source, args[0]);
    assert!(docs.iter().all(|d| d.url.is_none() && d.charset.is_none()));
}

#[test]
fn directories_walk_sorted_skipping_hidden_and_non_inputs() {
    let dir = tempfile::tempdir().unwrap();
    let d = dir.path();
    write(d, "b/2.txt", b"two");
    write(d, "b/1.txt", b"one");
    write(d, "a.html", b"<p>a</p>");
    write(d, "c/z.txt", b"zed");
    write(d, ".hidden.txt", b"hidden");
    write(d, ".git/config.txt", b"hidden dir");
    write(d, "b/photo.png", b"\x89PNG\r\n\x1a\n\0\0\0");
    write(d, "b/paper.pdf", b"%PDF-1.4");
    let items = read(&[d.display().to_string()], &InputOptions::default());
    assert!(errors(&items).is_empty(), "{:?}", errors(&items));
    let bodies: Vec<&[u8]> = ok(&items).iter().map(|d| d.bytes.as_slice()).collect();
    assert_eq!(bodies, [&b"<p>a</p>"[..], b"one", b"two", b"zed"]);
}

#[test]
fn explicit_non_input_and_missing_paths_are_errors_and_iteration_goes_on() {
    let dir = tempfile::tempdir().unwrap();
    let d = dir.path();
    let png = write(d, "photo.png", b"\x89PNG\r\n\x1a\n\0\0\0");
    let missing = d.join("nope.txt").display().to_string();
    let good = write(d, "good.txt", b"fine");
    let items = read(&[png.clone(), missing.clone(), good], &InputOptions::default());
    assert_eq!(items.len(), 3);
    let errs = errors(&items);
    assert!(errs[0].starts_with(&png) && errs[0].contains(".png"), "{errs:?}");
    assert_eq!(errs[1], format!("{missing}: no such file or directory"));
    assert_eq!(ok(&items)[0].bytes, b"fine");
}

#[test]
fn empty_binary_and_oversized_inputs() {
    let dir = tempfile::tempdir().unwrap();
    let d = dir.path();
    let empty = write(d, "empty.txt", b"");
    let blank = write(d, "blank.txt", b"  \n\n ");
    let binary = write(d, "bin.txt", b"abc\0def");
    let controls = write(d, "ctl.html", &[0x01u8; 50]);
    let big = write(d, "big.txt", &vec![b'a'; 10_000_000]);
    let items = read(&[empty, blank, binary, controls, big], &InputOptions::default());
    let errs = errors(&items);
    assert_eq!(errs.len(), 5, "{errs:?}");
    assert!(errs[0].ends_with("empty.txt: empty input"));
    assert!(errs[1].ends_with("blank.txt: empty input"));
    assert!(errs[2].ends_with("bin.txt: binary content, not text or HTML"));
    assert!(errs[3].ends_with("ctl.html: binary content, not text or HTML"));
    assert!(
        errs[4].ends_with("big.txt: 10.0 MB exceeds the 8 MiB document limit; raise it with --max-bytes"),
        "{}",
        errs[4]
    );
}

#[test]
fn gzip_bomb_is_capped() {
    let dir = tempfile::tempdir().unwrap();
    let bomb = write(dir.path(), "bomb.txt.gz", &gzip(&vec![b'a'; 5_000_000]));
    let opts = InputOptions { max_bytes: 1024 * 1024, ..InputOptions::default() };
    let errs = errors(&read(&[bomb], &opts));
    assert_eq!(errs.len(), 1);
    assert!(errs[0].contains("decompressed content exceeds the 1 MiB document limit"), "{}", errs[0]);
    let corrupt = write(dir.path(), "bad.txt.gz", &[0x1f, 0x8b, 8, 0, 1, 2, 3]);
    let errs = errors(&read(&[corrupt], &opts));
    assert!(errs[0].contains("corrupt gzip"), "{errs:?}");
}

#[test]
fn invalid_utf8_is_kept_raw() {
    let dir = tempfile::tempdir().unwrap();
    let path = write(dir.path(), "latin1.txt", b"caf\xe9 au lait");
    let items = read(&[path], &InputOptions::default());
    assert_eq!(ok(&items)[0].bytes, b"caf\xe9 au lait");
}

#[test]
fn lines_mode_numbers_lines_from_one() {
    let dir = tempfile::tempdir().unwrap();
    let path = write(dir.path(), "l.txt", b"first line\r\n\n  \nfourth line\nlast");
    let opts = InputOptions { lines: true, ..InputOptions::default() };
    let items = read(std::slice::from_ref(&path), &opts);
    let docs = ok(&items);
    let got: Vec<(String, &[u8])> = docs.iter().map(|d| (d.source.clone(), d.bytes.as_slice())).collect();
    assert_eq!(
        got,
        [
            (format!("{path}:1"), &b"first line"[..]),
            (format!("{path}:4"), b"fourth line"),
            (format!("{path}:5"), b"last"),
        ]
    );
    assert!(docs.iter().all(|d| d.media_type == MediaType::Text));
    // HTML stays one document in lines mode
    let html = write(dir.path(), "p.html", b"<p>a</p>\n<p>b</p>\n");
    assert_eq!(ok(&read(&[html], &opts)).len(), 1);
}

#[test]
fn jsonl_documents_and_bad_lines() {
    let dir = tempfile::tempdir().unwrap();
    let body = concat!(
        r#"{"url": "https://example.com/a", "html": "<p>A</p>", "published": "2024-07-25T10:00:00Z", "title": "A"}"#,
        "\n",
        r#"{"url": "https://example.com/b", "text": "B text", "published": "2024-07-26"}"#,
        "\n\n",
        "not json\n",
        r#"{"url": "https://example.com/c"}"#,
        "\n",
        r#"{"text": "D", "published": "yesterday"}"#,
        "\n",
        r#"{"text": "E"}"#,
    );
    let path = write(dir.path(), "docs.jsonl", body.as_bytes());
    let items = read(std::slice::from_ref(&path), &InputOptions::default());
    assert_eq!(items.len(), 6);
    let docs = ok(&items);
    assert_eq!(docs.len(), 3);
    assert_eq!(docs[0].source, format!("{path}:1"));
    assert_eq!(docs[0].url.as_deref(), Some("https://example.com/a"));
    assert_eq!(docs[0].media_type, MediaType::Html);
    assert_eq!(docs[0].bytes, b"<p>A</p>");
    assert_eq!(docs[0].title.as_deref(), Some("A"));
    assert_eq!(docs[0].published.unwrap().to_string(), "2024-07-25");
    assert_eq!(docs[1].media_type, MediaType::Text);
    assert_eq!(docs[1].published.unwrap().to_string(), "2024-07-26");
    assert_eq!(docs[2].source, format!("{path}:7"));
    let bad: Vec<&InputError> = items.iter().filter_map(|r| r.as_ref().err()).collect();
    assert_eq!(bad[0].source, format!("{path}:4"));
    let line4 = body.find("not json").unwrap() as u64;
    assert_eq!(bad[0].offset, Some(line4));
    assert!(bad[0].to_string().starts_with(&format!("{path}:4 at byte {line4}: invalid JSON")));
    assert!(bad[1].message.contains("missing \"html\" or \"text\""));
    assert!(bad[2].message.contains("published"));
}

#[test]
fn jsonl_gz_and_sniffed_jsonl() {
    let dir = tempfile::tempdir().unwrap();
    let line = br#"{"url": "u", "text": "t"}"#;
    let a = write(dir.path(), "a.jsonl.gz", &gzip(line));
    let b = write(dir.path(), "b.data", line);
    let items = read(&[a.clone(), b], &InputOptions::default());
    let docs = ok(&items);
    assert_eq!(docs.len(), 2);
    assert_eq!(docs[0].source, format!("{a}:1"));
    assert_eq!(docs[1].url.as_deref(), Some("u"));
}

#[test]
fn overlong_jsonl_line_is_an_error_and_reading_goes_on() {
    let dir = tempfile::tempdir().unwrap();
    let long = format!("{{\"text\": \"{}\"}}", "x".repeat(5000));
    let body = format!("{long}\n{{\"text\": \"short\"}}\n");
    let path = write(dir.path(), "long.jsonl", body.as_bytes());
    let opts = InputOptions { max_bytes: 1024, ..InputOptions::default() };
    let items = read(&[path], &opts);
    assert_eq!(items.len(), 2);
    let err = items[0].as_ref().unwrap_err();
    assert!(err.source.ends_with(":1") && err.message.contains("1 KiB"));
    let doc = items[1].as_ref().unwrap();
    assert!(doc.source.ends_with(":2"));
    assert_eq!(doc.bytes, b"short");
}

#[test]
fn error_display() {
    let e = InputError::new("a.txt", "empty input");
    assert_eq!(e.to_string(), "a.txt: empty input");
    let e = InputError { offset: Some(12), ..InputError::new("a.jsonl:2", "invalid JSON") };
    assert_eq!(e.to_string(), "a.jsonl:2 at byte 12: invalid JSON");
}

#[test]
fn sizes_for_messages() {
    assert_eq!(human_size(10_000_000), "10.0 MB");
    assert_eq!(human_size(1_500), "1.5 KB");
    assert_eq!(human_limit(8 * 1024 * 1024), "8 MiB");
    assert_eq!(human_limit(1000), "1000 bytes");
}

#[test]
fn stdin_like_streams_are_sniffed() {
    use std::io::Cursor;
    let opts = InputOptions::default();
    let open = |bytes: Vec<u8>| -> Vec<Result<Document, InputError>> {
        open::open_reader(STDIN_SOURCE.to_string(), None, None, Box::new(Cursor::new(bytes)), true, &opts).collect()
    };
    let docs = open(gzip(b"<!doctype html><p>x</p>"));
    let doc = docs[0].as_ref().unwrap();
    assert_eq!((doc.source.as_str(), doc.media_type), ("<stdin>", MediaType::Html));
    let docs = open(b"{\"text\": \"a\"}\n{\"text\": \"b\"}\n".to_vec());
    let sources: Vec<&str> = docs.iter().map(|d| d.as_ref().unwrap().source.as_str()).collect();
    assert_eq!(sources, ["<stdin>:1", "<stdin>:2"]);
    let errs = errors(&open(Vec::new()));
    assert_eq!(errs, ["<stdin>: empty input"]);
}

#[test]
fn streams_whose_first_record_holds_html_are_told_by_how_they_begin() {
    use std::io::Cursor;
    let opts = InputOptions::default();
    let open = |bytes: Vec<u8>| -> Vec<Result<Document, InputError>> {
        open::open_reader(STDIN_SOURCE.to_string(), None, None, Box::new(Cursor::new(bytes)), true, &opts).collect()
    };
    // `zcat crawl.warc.gz | dyad ingest -`: a WARC whose first response is a web page
    let page = b"<!doctype html><html><body><p>Troops crossed the border.</p></body></html>";
    let http = [
        format!("HTTP/1.1 200 OK\r\nContent-Type: text/html\r\nContent-Length: {}\r\n\r\n", page.len()).as_bytes(),
        page,
    ]
    .concat();
    let mut warc = Vec::new();
    for url in ["https://example.org/a", "https://example.org/b"] {
        warc.extend(
            format!(
                "WARC/1.0\r\nWARC-Type: response\r\nWARC-Target-URI: {url}\r\nContent-Type: application/http; msgtype=response\r\nContent-Length: {}\r\n\r\n",
                http.len()
            )
            .as_bytes(),
        );
        warc.extend(&http);
        warc.extend(b"\r\n\r\n");
    }
    for bytes in [warc.clone(), gzip(&warc)] {
        let docs = open(bytes);
        let urls: Vec<_> = docs.iter().map(|d| d.as_ref().unwrap().url.clone().unwrap_or_default()).collect();
        assert_eq!(urls, ["https://example.org/a", "https://example.org/b"]);
    }
    // a feed whose first item carries its HTML in CDATA
    let feed = b"<?xml version=\"1.0\"?><rss version=\"2.0\"><channel><title>Wire</title><item><title>One</title>\
<description><![CDATA[<p>Troops crossed the border.</p>]]></description></item><item><title>Two</title>\
<description><![CDATA[<p>Talks resumed.</p>]]></description></item></channel></rss>";
    assert_eq!(open(feed.to_vec()).iter().filter(|d| d.is_ok()).count(), 2);
}
