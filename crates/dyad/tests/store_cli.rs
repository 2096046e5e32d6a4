//! `dyad ingest`, `dyad export` and `dyad serve` end to end: idempotent ingest, a crash
//! in the middle of a batch, exports read back, and the server answering on loopback.

use dyad_store::Store;
use std::io::{BufRead, BufReader, Read, Write};
use std::path::{Path, PathBuf};
use std::process::{Command, Output, Stdio};

fn root() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../..")
}

fn dyad(args: &[&str], env: &[(&str, &str)]) -> Output {
    let mut c = Command::new(env!("CARGO_BIN_EXE_dyad"));
    c.current_dir(root()).args(args);
    for (k, v) in env {
        c.env(k, v);
    }
    c.output().expect("run dyad")
}

fn ingest(db: &Path, extra: &[&str], env: &[(&str, &str)]) -> Output {
    let db = db.to_str().unwrap();
    let mut args = vec!["ingest", "examples", "--db", db, "--published", "2025-04-14"];
    args.extend_from_slice(extra);
    dyad(&args, env)
}

#[test]
fn ingest_twice_stores_once() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("dyad.db");
    let first = ingest(&db, &[], &[]);
    assert!(first.status.success(), "{}", String::from_utf8_lossy(&first.stderr));
    let counts = Store::open(&db).unwrap().counts().unwrap();
    assert!(counts.documents >= 7 && counts.events > 0, "{counts:?}");
    let second = ingest(&db, &[], &[]);
    assert!(second.status.success());
    let msg = String::from_utf8_lossy(&second.stderr);
    assert!(msg.contains("0 added") && msg.contains(&format!("{} already stored", counts.documents)), "{msg}");
    let again = Store::open(&db).unwrap().counts().unwrap();
    assert_eq!(dyad_store::Counts { runs: counts.runs, ..again }, counts);
    assert_eq!(again.runs, 2, "each run is recorded");
}

#[test]
fn a_crash_mid_batch_loses_only_that_batch() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("dyad.db");
    // batches of 2; the process aborts while writing the fourth document (second batch)
    let crashed = ingest(&db, &["--batch-size", "2"], &[("DYAD_TEST_ABORT_AFTER", "3")]);
    assert!(!crashed.status.success(), "the process was aborted");
    {
        let store = Store::open(&db).unwrap();
        assert_eq!(store.integrity_check().unwrap(), "ok");
        let c = store.counts().unwrap();
        assert_eq!(c.documents, 2, "only the first batch was committed: {c:?}");
        let incomplete: i64 = store
            .connection()
            .query_row(
                "SELECT COUNT(*) FROM documents d WHERE NOT EXISTS (SELECT 1 FROM articles a WHERE a.doc_id = d.doc_id)
                   OR NOT EXISTS (SELECT 1 FROM sentences s WHERE s.doc_id = d.doc_id)",
                [],
                |r| r.get(0),
            )
            .unwrap();
        assert_eq!(incomplete, 0, "no half document");
        let orphans: i64 = store
            .connection()
            .query_row("SELECT COUNT(*) FROM events WHERE doc_id NOT IN (SELECT doc_id FROM documents)", [], |r| {
                r.get(0)
            })
            .unwrap();
        assert_eq!(orphans, 0);
    }
    // the next run stores the rest, and only the rest
    let resumed = ingest(&db, &["--batch-size", "2"], &[]);
    assert!(resumed.status.success(), "{}", String::from_utf8_lossy(&resumed.stderr));
    let msg = String::from_utf8_lossy(&resumed.stderr);
    assert!(msg.contains("2 already stored"), "{msg}");
    let full = tempfile::tempdir().unwrap();
    let reference = full.path().join("ref.db");
    assert!(ingest(&reference, &[], &[]).status.success());
    let (a, b) = (Store::open(&db).unwrap().counts().unwrap(), Store::open(&reference).unwrap().counts().unwrap());
    assert_eq!((a.documents, a.events, a.sentences, a.entities), (b.documents, b.events, b.sentences, b.entities));
}

#[test]
fn exports_read_back() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("dyad.db");
    assert!(ingest(&db, &[], &[]).status.success());
    let events = Store::open(&db).unwrap().counts().unwrap().events as usize;
    let dbs = db.to_str().unwrap();

    let out = dyad(&["export", "--db", dbs], &[]);
    assert!(out.status.success());
    assert_eq!(String::from_utf8_lossy(&out.stdout).lines().count(), events);

    let out = dyad(&["export", "--db", dbs, "--format", "gdelt"], &[]);
    assert!(out.status.success());
    let text = String::from_utf8(out.stdout).unwrap();
    assert!(text.lines().count() >= 1);
    assert!(text.lines().all(|l| l.split('\t').count() == 61));

    let out = dyad(&["export", "--db", dbs, "--format", "csv"], &[]);
    assert_eq!(String::from_utf8_lossy(&out.stdout).lines().next().unwrap().split(',').next(), Some("global_id"));

    let pq = dir.path().join("events.parquet");
    let out = dyad(&["export", "--db", dbs, "--format", "parquet", "--out", pq.to_str().unwrap()], &[]);
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    let bytes = std::fs::read(&pq).unwrap();
    assert!(bytes.starts_with(b"PAR1") && bytes.ends_with(b"PAR1"));

    let missing = dyad(&["export", "--db", dir.path().join("none.db").to_str().unwrap()], &[]);
    assert_eq!(missing.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&missing.stderr).contains("no such store"));
}

#[test]
fn serve_answers_on_loopback() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("dyad.db");
    assert!(ingest(&db, &[], &[]).status.success());
    let mut child = Command::new(env!("CARGO_BIN_EXE_dyad"))
        .args(["serve", "--db", db.to_str().unwrap(), "--addr", "127.0.0.1:0"])
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    let mut line = String::new();
    BufReader::new(child.stderr.take().unwrap()).read_line(&mut line).unwrap();
    let addr = line.split("http://").nth(1).and_then(|r| r.split('/').next()).map(String::from);
    let result = std::panic::catch_unwind(|| {
        let addr = addr.expect("the server prints its address");
        let mut s = std::net::TcpStream::connect(&addr).unwrap();
        s.set_read_timeout(Some(std::time::Duration::from_secs(10))).unwrap();
        write!(s, "GET /api/events?per_page=1 HTTP/1.1\r\nHost: {addr}\r\nConnection: close\r\n\r\n").unwrap();
        let mut resp = String::new();
        s.read_to_string(&mut resp).unwrap();
        assert!(resp.starts_with("HTTP/1.1 200"), "{resp}");
        assert!(resp.to_lowercase().contains("x-content-type-options: nosniff"));
        assert!(resp.contains("\"total\":"));
    });
    child.kill().ok();
    child.wait().ok();
    result.unwrap();
}
