//! `dyad ingest` at scale: the store does not depend on the number of threads, a
//! second run skips what is stored before processing it, `--since` skips old
//! documents, and malformed WARC records are named (file and offset), counted and
//! skipped while the run goes on.

use dyad_store::Store;
use flate2::{write::GzEncoder, Compression};
use std::io::Write;
use std::path::{Path, PathBuf};
use std::process::{Command, Output};

fn root() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../..")
}

fn dyad(args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_dyad")).current_dir(root()).args(args).output().expect("run dyad")
}

fn ingest(inputs: &[&Path], db: &Path, extra: &[&str]) -> Output {
    let mut args: Vec<String> = vec!["ingest".into()];
    args.extend(inputs.iter().map(|p| p.to_string_lossy().to_string()));
    args.extend(["--db".into(), db.to_string_lossy().to_string(), "--published".into(), "2025-04-14".into()]);
    args.extend(extra.iter().map(|s| s.to_string()));
    let args: Vec<&str> = args.iter().map(String::as_str).collect();
    dyad(&args)
}

fn stats(path: &Path) -> serde_json::Value {
    serde_json::from_str(&std::fs::read_to_string(path).expect("stats file written")).expect("stats are JSON")
}

fn warc_record(url: &str, http_head: &str, body: &[u8]) -> Vec<u8> {
    let mut block = http_head.as_bytes().to_vec();
    block.extend_from_slice(body);
    let mut r =
        format!("WARC/1.0\r\nWARC-Type: response\r\nWARC-Target-URI: {url}\r\nContent-Length: {}\r\n\r\n", block.len())
            .into_bytes();
    r.extend_from_slice(&block);
    r.extend_from_slice(b"\r\n\r\n");
    r
}

fn html_response(url: &str, body: &[u8]) -> Vec<u8> {
    warc_record(url, "HTTP/1.1 200 OK\r\nContent-Type: text/html\r\n\r\n", body)
}

fn gz(data: &[u8]) -> Vec<u8> {
    let mut e = GzEncoder::new(Vec::new(), Compression::fast());
    e.write_all(data).unwrap();
    e.finish().unwrap()
}

/// The example HTML pages, each `copies` times with its own URL, one gzip member per record.
fn example_warc(path: &Path, copies: usize) -> usize {
    let mut pages: Vec<PathBuf> = std::fs::read_dir(root().join("examples"))
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| p.extension().is_some_and(|e| e == "html"))
        .collect();
    pages.sort();
    assert!(pages.len() >= 3, "examples/ holds HTML pages");
    let mut out = Vec::new();
    let mut n = 0;
    for copy in 0..copies {
        for (i, p) in pages.iter().enumerate() {
            let body = std::fs::read(p).unwrap();
            out.extend(gz(&html_response(&format!("https://news.example/{i}?copy={copy}"), &body)));
            n += 1;
        }
    }
    std::fs::write(path, out).unwrap();
    n
}

/// Everything the pipeline wrote, in the order it was written (run ids and times left out).
fn dump(db: &Path) -> Vec<String> {
    let store = Store::open(db).unwrap();
    let c = store.connection();
    let mut rows = Vec::new();
    for sql in [
        "SELECT doc_id || '|' || source || '|' || group_id || '|' || COALESCE(similarity, '') FROM documents ORDER BY rowid",
        "SELECT doc_id || '|' || text || '|' || paragraphs || '|' || boilerplate FROM articles ORDER BY rowid",
        "SELECT event_id || '|' || cluster || '|' || record FROM events ORDER BY id",
        "SELECT cluster || '|' || num_mentions || '|' || num_articles || '|' || num_sources FROM clusters ORDER BY cluster",
        "SELECT doc_id || '|' || idx || '|' || start || '|' || label || '|' || COALESCE(actor, '') FROM entities ORDER BY doc_id, idx",
        "SELECT code || '|' || events FROM actors ORDER BY code",
        "SELECT doc_id || '|' || band || '|' || hash FROM doc_bands ORDER BY band, hash, doc_id",
    ] {
        let mut st = c.prepare(sql).unwrap();
        let found: Vec<String> = st.query_map([], |r| r.get::<_, String>(0)).unwrap().map(Result::unwrap).collect();
        rows.push(format!("-- {sql}: {} rows", found.len()));
        rows.extend(found);
    }
    rows
}

#[test]
fn the_store_is_the_same_on_one_thread_and_on_four() {
    let dir = tempfile::tempdir().unwrap();
    let warc = dir.path().join("news.warc.gz");
    let n = example_warc(&warc, 6);
    let examples = root().join("examples");
    let one = dir.path().join("one.db");
    let four = dir.path().join("four.db");
    let a = ingest(&[&warc, &examples], &one, &["--threads", "1", "--batch-size", "5"]);
    assert!(a.status.success(), "{}", String::from_utf8_lossy(&a.stderr));
    let b = ingest(&[&warc, &examples], &four, &["--threads", "4", "--batch-size", "5"]);
    assert!(b.status.success(), "{}", String::from_utf8_lossy(&b.stderr));
    let (a, b) = (dump(&one), dump(&four));
    let docs = Store::open(&one).unwrap().counts().unwrap();
    assert!(docs.documents as usize >= n && docs.events > 0, "{docs:?}");
    assert!(docs.groups < docs.documents, "copies of a page are grouped as near-duplicates: {docs:?}");
    assert_eq!(a.len(), b.len());
    for (x, y) in a.iter().zip(&b) {
        assert_eq!(x, y);
    }
}

#[test]
fn a_second_run_skips_stored_documents_before_processing_them() {
    let dir = tempfile::tempdir().unwrap();
    let warc = dir.path().join("news.warc.gz");
    let n = example_warc(&warc, 2);
    let db = dir.path().join("dyad.db");
    let first_stats = dir.path().join("first.json");
    let first = ingest(&[&warc], &db, &["--stats", first_stats.to_str().unwrap()]);
    assert!(first.status.success(), "{}", String::from_utf8_lossy(&first.stderr));
    let first = stats(&first_stats);
    assert_eq!(first["added"], n);
    assert!(first["extract_seconds"].as_f64().unwrap() > 0.0);
    let before = Store::open(&db).unwrap().counts().unwrap();

    let again_stats = dir.path().join("again.json");
    let again = ingest(&[&warc], &db, &["--stats", again_stats.to_str().unwrap()]);
    assert!(again.status.success(), "{}", String::from_utf8_lossy(&again.stderr));
    let msg = String::from_utf8_lossy(&again.stderr);
    assert!(msg.contains(&format!("{n} already stored")) && msg.contains("0 added"), "{msg}");
    let again = stats(&again_stats);
    assert_eq!((again["added"].as_u64(), again["stored"].as_u64()), (Some(0), Some(n as u64)));
    // nothing was extracted, let alone annotated or coded
    assert_eq!(again["extract_seconds"].as_f64(), Some(0.0));
    assert_eq!(again["annotate_seconds"].as_f64(), Some(0.0));
    let after = Store::open(&db).unwrap().counts().unwrap();
    assert_eq!(dyad_store::Counts { runs: before.runs, ..after }, before);
}

#[test]
fn since_skips_documents_published_earlier_when_their_date_is_known() {
    let dir = tempfile::tempdir().unwrap();
    let text = "Kenyan police fired tear gas at protesters in Nairobi on Tuesday. The opposition leader \
                condemned the government and called for new demonstrations.";
    let jsonl = [
        ("https://a.example/old", Some("2020-01-02")),
        ("https://a.example/new", Some("2024-06-01")),
        ("https://a.example/undated", None),
    ]
    .iter()
    .map(|(url, date)| {
        let mut v = serde_json::json!({"url": url, "text": text});
        if let Some(d) = date {
            v["published"] = serde_json::json!(d);
        }
        v.to_string()
    })
    .collect::<Vec<_>>()
    .join("\n");
    std::fs::write(dir.path().join("feed.jsonl"), jsonl).unwrap();
    // dates found only by extraction, in the page's metadata
    let page = |date: &str| {
        format!(
            "<html><head><title>Protest</title><meta property=\"article:published_time\" content=\"{date}T10:00:00Z\">\
             </head><body><article><h1>Protest in Nairobi</h1><p>{text}</p><p>{text}</p></article></body></html>"
        )
    };
    std::fs::write(dir.path().join("old.html"), page("2019-05-05")).unwrap();
    std::fs::write(dir.path().join("new.html"), page("2025-01-01")).unwrap();
    let out_dir = tempfile::tempdir().unwrap();
    let db = out_dir.path().join("dyad.db");
    let stats_path = out_dir.path().join("stats.json");
    let out = Command::new(env!("CARGO_BIN_EXE_dyad"))
        .args(["ingest", dir.path().to_str().unwrap(), "--db", db.to_str().unwrap(), "--since", "2024-01-01"])
        .args(["--stats", stats_path.to_str().unwrap()])
        .output()
        .unwrap();
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    let s = stats(&stats_path);
    assert_eq!((s["documents"].as_u64(), s["before_since"].as_u64(), s["added"].as_u64()), (Some(5), Some(2), Some(3)));
    assert!(String::from_utf8_lossy(&out.stderr).contains("2 published before --since"));
    let store = Store::open(&db).unwrap();
    let mut st = store.connection().prepare("SELECT COALESCE(url, source) FROM documents ORDER BY 1").unwrap();
    let stored: Vec<String> = st.query_map([], |r| r.get(0)).unwrap().map(Result::unwrap).collect();
    assert_eq!(stored.len(), 3);
    assert!(stored.iter().any(|s| s.ends_with("new.html")), "{stored:?}");
    assert!(stored.iter().any(|s| s == "https://a.example/new") && stored.iter().any(|s| s.ends_with("/undated")));
    assert!(!stored.iter().any(|s| s.ends_with("old.html") || s.ends_with("/old")), "{stored:?}");
}

#[test]
fn malformed_warc_records_are_named_counted_and_skipped() {
    let dir = tempfile::tempdir().unwrap();
    let page = std::fs::read(root().join("examples/protest-nairobi.html")).unwrap();
    let mut file = Vec::new();
    let mut bad = Vec::new();
    // 1. a good record
    file.extend(gz(&html_response("https://news.example/good-1", &page)));
    // 2. a gzip member cut in half, followed by the next member
    bad.push(file.len());
    let cut = gz(&html_response("https://news.example/cut", &page));
    file.extend(&cut[..cut.len() / 2]);
    // 3. a Content-Length that is not a number
    bad.push(file.len());
    file.extend(gz(
        b"WARC/1.0\r\nWARC-Type: response\r\nContent-Length: twelve\r\n\r\nHTTP/1.1 200 OK\r\n\r\n<p>x</p>",
    ));
    // 4. garbage where a record header should be
    bad.push(file.len());
    file.extend(gz(b"\x00\x07GET / garbage header line\r\nmore garbage\r\n\r\n"));
    // 5. a Content-Length larger than the record (truncated block)
    bad.push(file.len());
    file.extend(gz(
        b"WARC/1.0\r\nWARC-Type: response\r\nContent-Length: 90000\r\n\r\nHTTP/1.1 200 OK\r\n\r\n<p>short</p>",
    ));
    // 6. a header that says UTF-8 over windows-1252 bytes: decoded anyway, and stored
    let latin1: Vec<u8> = b"<html><head><title>Z\xfcrich talks</title></head><body><article><p>Swiss mediators met \
        delegations from both sides in Z\xfcrich on Monday, the ministry said. The caf\xe9 owners' association \
        condemned the attacks on the r\xe9fugi\xe9s and called for calm.</p><p>Officials in Z\xfcrich said the talks \
        would resume next week.</p></article></body></html>"
        .to_vec();
    file.extend(gz(&warc_record(
        "https://news.example/charset",
        "HTTP/1.1 200 OK\r\nContent-Type: text/html; charset=utf-8\r\n\r\n",
        &latin1,
    )));
    // 7. another good record, then a final member truncated by the end of the file
    file.extend(gz(&html_response("https://news.example/good-2", &page)));
    bad.push(file.len());
    let last = gz(&html_response("https://news.example/last", &page));
    file.extend(&last[..last.len() - 40]);
    let warc = dir.path().join("bad.warc.gz");
    std::fs::write(&warc, file).unwrap();

    let db = dir.path().join("dyad.db");
    let stats_path = dir.path().join("stats.json");
    let out = ingest(&[&warc], &db, &["--stats", stats_path.to_str().unwrap()]);
    let err = String::from_utf8_lossy(&out.stderr);
    assert_eq!(out.status.code(), Some(1), "malformed records make the exit code 1: {err}");
    for offset in &bad {
        assert!(err.contains(&format!("bad.warc.gz at byte {offset}:")), "record at {offset} named: {err}");
    }
    let s = stats(&stats_path);
    assert_eq!((s["malformed"].as_u64(), s["failed"].as_u64(), s["added"].as_u64()), (Some(5), Some(0), Some(3)));
    assert!(err.contains("5 malformed record(s) skipped"), "{err}");
    let store = Store::open(&db).unwrap();
    let text: String = store
        .connection()
        .query_row(
            "SELECT a.text FROM articles a JOIN documents d ON d.doc_id = a.doc_id WHERE d.url LIKE '%/charset'",
            [],
            |r| r.get(0),
        )
        .unwrap();
    assert!(text.contains("Zürich") && !text.contains('\u{fffd}'), "{text}");
}

#[test]
fn events_of_an_article_that_is_not_political_news_are_counted_as_set_aside() {
    let dir = tempfile::tempdir().unwrap();
    // a concert review: praise and criticism between people of no political code
    let review = "The band will reunite with its former singer for a tour next year. \
        McDonald praised Johnston after the show. Smith criticized Jones over ticket prices. \
        Fans cheered the guitarist at the last concert. The tour opens in June. Tickets go on sale on Friday.";
    std::fs::write(dir.path().join("review.txt"), review).unwrap();
    let out_dir = tempfile::tempdir().unwrap();
    let db = out_dir.path().join("dyad.db");
    let stats_path = out_dir.path().join("stats.json");
    let out = Command::new(env!("CARGO_BIN_EXE_dyad"))
        .args(["ingest", dir.path().to_str().unwrap(), "--db", db.to_str().unwrap(), "--published", "2024-05-10"])
        .args(["--stats", stats_path.to_str().unwrap()])
        .output()
        .unwrap();
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    let s = stats(&stats_path);
    assert_eq!((s["events"].as_u64(), s["set_aside"].as_u64()), (Some(0), Some(2)), "{s}");
    assert!(String::from_utf8_lossy(&out.stderr).contains("(2 set aside: not political news)"));
}
