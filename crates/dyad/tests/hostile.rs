//! Hostile inputs through the built binary: each one gives a clear error on stderr
//! naming the file (and the byte offset where there is one), never a panic, and the
//! run goes on to the good input given after it (exit status 1: some inputs failed).

use flate2::write::GzEncoder;
use flate2::Compression;
use std::io::Write;
use std::path::{Path, PathBuf};
use std::process::{Command, Output};

const GOOD: &str = "Kenya accused Ethiopia of shelling the border town on Monday.";

fn dyad(args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_dyad")).args(args).output().expect("run dyad")
}

struct Run {
    status: i32,
    stdout: String,
    stderr: String,
}

/// `dyad SUB [opts] HOSTILE good.txt`, checked for the invariants every hostile input shares.
fn run_with(sub: &str, opts: &[&str], hostile: &Path, dir: &Path) -> Run {
    let good = dir.join("good.txt");
    std::fs::write(&good, GOOD).unwrap();
    let mut args = vec![sub, "--published", "2024-07-09"];
    args.extend_from_slice(opts);
    args.push(hostile.to_str().unwrap());
    args.push(good.to_str().unwrap());
    let out = dyad(&args);
    let run = Run {
        status: out.status.code().unwrap_or(-1),
        stdout: String::from_utf8_lossy(&out.stdout).into_owned(),
        stderr: String::from_utf8_lossy(&out.stderr).into_owned(),
    };
    assert!(!run.stderr.contains("panicked"), "{}: {}", hostile.display(), run.stderr);
    assert!(run.stdout.contains("Ethiopia"), "the run went on to the good input: {}", run.stderr);
    run
}

fn write(dir: &Path, name: &str, bytes: &[u8]) -> PathBuf {
    let p = dir.join(name);
    std::fs::write(&p, bytes).unwrap();
    p
}

/// Bombs are built as an attacker would: at the highest compression (the fastest
/// level of zlib-rs, like zlib-ng's, caps the ratio far lower).
fn gzip(bytes: impl IntoIterator<Item = Vec<u8>>) -> Vec<u8> {
    let mut gz = GzEncoder::new(Vec::new(), Compression::best());
    for b in bytes {
        gz.write_all(&b).unwrap();
    }
    gz.finish().unwrap()
}

/// The stderr line about `path`.
fn error_for<'a>(run: &'a Run, path: &Path) -> &'a str {
    let name = path.display().to_string();
    run.stderr.lines().find(|l| l.contains(&name)).unwrap_or_else(|| panic!("no error naming {name}: {}", run.stderr))
}

#[test]
fn empty_binary_and_whitespace_inputs_are_named_errors() {
    let dir = tempfile::tempdir().unwrap();
    for (name, bytes, message) in [
        ("empty.txt", &b""[..], "empty input"),
        ("blank.html", &b" \n\t\r\n "[..], "empty input"),
        ("image.txt", &b"\x89PNG\r\n\x1a\n\0\0\0\rIHDR\0\0\x01\0"[..], "binary content"),
        ("nul.html", &b"<html>\0\0\0\x01\x02\x03<body>x</body>"[..], "binary content"),
    ] {
        let path = write(dir.path(), name, bytes);
        let run = run_with("code", &[], &path, dir.path());
        assert_eq!(run.status, 1, "{name}");
        assert!(error_for(&run, &path).contains(message), "{name}: {}", run.stderr);
    }
}

#[test]
fn invalid_utf8_and_utf16_without_bom_are_decoded() {
    let dir = tempfile::tempdir().unwrap();
    // Latin-1 bytes, invalid as UTF-8
    let latin1 =
        write(dir.path(), "latin1.txt", b"Le pr\xe9sident fran\xe7ais a rencontr\xe9 Ruto \xe0 Nairobi.\xff\xfe\x80");
    let run = run_with("extract", &[], &latin1, dir.path());
    assert_eq!(run.status, 0, "{}", run.stderr);
    assert!(run.stdout.contains("président français"), "{}", run.stdout);

    let text = "<html><body><p>Russia accused Ukraine of shelling Kursk on Monday, \u{41a}\u{438}\u{435}\u{432} said.</p></body></html>";
    for (name, bytes) in [
        ("le.html", text.encode_utf16().flat_map(u16::to_le_bytes).collect::<Vec<u8>>()),
        ("be.html", text.encode_utf16().flat_map(u16::to_be_bytes).collect()),
    ] {
        let path = write(dir.path(), name, &bytes);
        let run = run_with("code", &[], &path, dir.path());
        assert_eq!(run.status, 0, "{name}: {}", run.stderr);
        assert!(run.stdout.contains("\"cameo\"") && run.stdout.contains("Kursk"), "{name} was coded: {}", run.stdout);
    }
}

#[test]
fn deep_nesting_does_not_overflow_the_stack() {
    let dir = tempfile::tempdir().unwrap();
    let depth = 100_000;
    let html = format!("<html><body>{}<p>{GOOD}</p>{}</body></html>", "<div>".repeat(depth), "</div>".repeat(depth));
    let path = write(dir.path(), "deep.html", html.as_bytes());
    let run = run_with("code", &[], &path, dir.path());
    assert_eq!(run.status, 0, "{}", run.stderr);
    assert!(run.stdout.matches("\"Ethiopia\"").count() >= 2, "both documents coded: {}", run.stdout);

    let unclosed = format!("<html><body>{}{GOOD}", "<b><i><span><table><tr><td>".repeat(depth / 6));
    let path = write(dir.path(), "unclosed.html", unclosed.as_bytes());
    let run = run_with("code", &[], &path, dir.path());
    assert_eq!(run.status, 0, "{}", run.stderr);

    let json = format!("{}\n{{\"text\": \"{GOOD}\"}}\n", "[".repeat(depth));
    let path = write(dir.path(), "deep.jsonl", json.as_bytes());
    let run = run_with("code", &[], &path, dir.path());
    assert_eq!(run.status, 1);
    let line = error_for(&run, &path);
    assert!(line.contains("deep.jsonl:1 at byte 0") && line.contains("invalid JSON"), "{line}");
    assert!(run.stdout.matches("\"Ethiopia\"").count() >= 2, "the next line was read");

    let feed = format!(
        "<?xml version=\"1.0\"?><rss><channel><item><title>t</title><description>{}</description></item></channel></rss>",
        "<x>".repeat(depth)
    );
    let path = write(dir.path(), "deep.rss", feed.as_bytes());
    let run = run_with("code", &[], &path, dir.path());
    assert_eq!(run.status, 1);
    assert!(error_for(&run, &path).contains("at byte"), "{}", run.stderr);
}

#[test]
fn a_50_mb_single_line_is_refused_without_holding_it() {
    let dir = tempfile::tempdir().unwrap();
    let mut big = vec![b'a'; 50 * 1024 * 1024];
    big.extend_from_slice(format!("\n{GOOD}\n").as_bytes());
    let path = write(dir.path(), "line.txt", &big);
    // one document: over the default 8 MiB limit
    let run = run_with("code", &[], &path, dir.path());
    assert_eq!(run.status, 1);
    assert!(error_for(&run, &path).contains("exceeds the 8 MiB document limit"), "{}", run.stderr);
    // one document per line: the long line is an error at byte 0, the next line is read
    let run = run_with("code", &["--lines"], &path, dir.path());
    assert_eq!(run.status, 1);
    let line = error_for(&run, &path);
    assert!(line.contains("line.txt:1 at byte 0") && line.contains("line exceeds"), "{line}");
    assert!(run.stdout.matches("\"Ethiopia\"").count() >= 2, "the line after it was coded: {}", run.stderr);
    // the same line inside JSONL
    let mut jsonl = b"{\"text\": \"".to_vec();
    jsonl.extend(std::iter::repeat_n(b'b', 50 * 1024 * 1024));
    jsonl.extend_from_slice(format!("\"}}\n{{\"text\": \"{GOOD}\"}}\n").as_bytes());
    let path = write(dir.path(), "line.jsonl", &jsonl);
    let run = run_with("code", &[], &path, dir.path());
    assert_eq!(run.status, 1);
    assert!(error_for(&run, &path).contains("line.jsonl:1 at byte 0"), "{}", run.stderr);
    assert!(run.stdout.matches("\"Ethiopia\"").count() >= 2, "the line after it was coded");
}

#[test]
fn gzip_bombs_stop_at_the_size_limit() {
    let dir = tempfile::tempdir().unwrap();
    let chunk = || vec![b'a'; 1 << 20];
    // 256 MiB of text in well under a megabyte
    let bomb = gzip((0..256).map(|_| chunk()));
    assert!(bomb.len() < 2 << 20);
    let path = write(dir.path(), "bomb.txt.gz", &bomb);
    let run = run_with("code", &[], &path, dir.path());
    assert_eq!(run.status, 1);
    assert!(error_for(&run, &path).contains("decompressed content exceeds the 8 MiB document limit"), "{}", run.stderr);

    // inside a WARC record's gzip member, and inside an HTTP Content-Encoding: gzip body
    let record = |block: Vec<u8>| {
        let mut r = format!(
            "WARC/1.0\r\nWARC-Type: response\r\nWARC-Target-URI: https://x.example/\r\nContent-Length: {}\r\n\r\n",
            block.len()
        )
        .into_bytes();
        r.extend(block);
        r.extend_from_slice(b"\r\n\r\n");
        r
    };
    let http = |body: Vec<u8>, extra: &str| {
        let mut h = format!("HTTP/1.1 200 OK\r\nContent-Type: text/html\r\n{extra}\r\n").into_bytes();
        h.extend(body);
        h
    };
    let big_member = gzip((0..64).map(|_| chunk()));
    let encoded = record(http(gzip((0..64).map(|_| chunk())), "Content-Encoding: gzip\r\n"));
    let good = record(http(format!("<p>{GOOD}</p>").into_bytes(), ""));
    let mut warc = big_member.clone();
    let second = warc.len();
    warc.extend(gzip([encoded]));
    warc.extend(gzip([good]));
    let path = write(dir.path(), "bomb.warc.gz", &warc);
    let run = run_with("code", &[], &path, dir.path());
    assert_eq!(run.status, 1);
    let lines: Vec<&str> = run.stderr.lines().filter(|l| l.contains("bomb.warc.gz")).collect();
    assert!(lines.iter().any(|l| l.contains("at byte 0") && l.contains("limit")), "{lines:?}");
    assert!(
        lines.iter().any(|l| l.contains(&format!("at byte {second}")) && l.contains("decompressed body exceeds")),
        "{lines:?}"
    );
    assert!(run.stdout.matches("\"Ethiopia\"").count() >= 2, "the good record after the bombs was coded");

    // a feed and a JSONL file that decompress past the limit
    let path = write(
        dir.path(),
        "bomb.rss.gz",
        &gzip([b"<rss><channel><item><description>".to_vec()].into_iter().chain((0..16).map(|_| chunk()))),
    );
    let run = run_with("code", &[], &path, dir.path());
    assert_eq!(run.status, 1);
    assert!(error_for(&run, &path).contains("feed larger than the 8 MiB limit"), "{}", run.stderr);
}

#[test]
fn entity_bombs_in_feeds_are_not_expanded() {
    let dir = tempfile::tempdir().unwrap();
    let mut dtd = String::from("<!ENTITY l0 \"lol\">");
    for i in 1..10 {
        let prev = format!("&l{};", i - 1);
        dtd.push_str(&format!("<!ENTITY l{i} \"{}\">", prev.repeat(10)));
    }
    let feed = format!(
        "<?xml version=\"1.0\"?><!DOCTYPE rss [{dtd}]><rss><channel><item><title>&l9;</title><description>&l9; {GOOD} &l9;</description></item></channel></rss>"
    );
    let path = write(dir.path(), "laughs.rss", feed.as_bytes());
    let run = run_with("extract", &[], &path, dir.path());
    assert_eq!(run.status, 0, "{}", run.stderr);
    let first = run.stdout.lines().next().unwrap();
    assert!(first.contains("laughs.rss#1") && first.len() < 4000, "not expanded: {} bytes", first.len());
    assert!(!first.contains("lollol"));
}

#[test]
fn huge_numbers_of_tiny_records_stream_through() {
    let dir = tempfile::tempdir().unwrap();
    let n = 20_000;
    let mut jsonl = String::new();
    for i in 0..n {
        jsonl.push_str(&format!("{{\"text\": \"Item {i}.\"}}\n"));
        if i % 1000 == 999 {
            jsonl.push_str("{not json}\n");
        }
    }
    let path = write(dir.path(), "tiny.jsonl", jsonl.as_bytes());
    let run = run_with("extract", &[], &path, dir.path());
    assert_eq!(run.status, 1);
    assert_eq!(run.stdout.lines().count(), n + 1, "every tiny record and the good file");
    let errors: Vec<&str> = run.stderr.lines().filter(|l| l.contains("invalid JSON")).collect();
    assert_eq!(errors.len(), n / 1000, "{}", run.stderr);
    assert!(errors[0].contains("tiny.jsonl:1001 at byte "), "{}", errors[0]);

    // a WARC of many tiny records of which few are pages
    let mut warc = Vec::new();
    for i in 0..5_000 {
        let (kind, block) =
            if i % 10 == 0 { ("resource", format!("Note {i}.")) } else { ("metadata", "k: v".to_string()) };
        warc.extend(format!("WARC/1.0\r\nWARC-Type: {kind}\r\nContent-Type: text/plain\r\nContent-Length: {}\r\n\r\n{block}\r\n\r\n", block.len()).bytes());
    }
    let path = write(dir.path(), "tiny.warc", &warc);
    let run = run_with("extract", &[], &path, dir.path());
    assert_eq!(run.status, 0, "{}", run.stderr);
    assert_eq!(run.stdout.lines().count(), 501);
}
