//! A bounded local load test of `/api/events`: copy the events of a store until it
//! holds at least N, serve it on loopback, send R requests C at a time with a mix of
//! filters, and print p50/p99 latency. The same run first sends the same number of
//! requests to `/api/openapi.json` (a static body, no store), the baseline: the cost of
//! the HTTP stack and the client on this machine, against which the event list's figures
//! are read as ratios. The event list is loaded twice: on a server without its answer
//! cache (every request is a store query: the worst case) and as `dyad serve` runs it
//! (repeated questions answered from memory while the store is unchanged).
//!
//! Each copy of the events is shifted back by a week per round, so the grown store spans
//! years of days rather than repeating the same dates.
//!
//! `cargo run --release -p dyad-server --example load -- STORE [N=100000] [R=10000] [C=50]`
//! (STORE is copied first: it is not changed.)

use std::time::{Duration, Instant};
use tokio::io::{AsyncReadExt, AsyncWriteExt};

#[tokio::main]
async fn main() {
    let args: Vec<String> = std::env::args().collect();
    let Some(src) = args.get(1) else {
        eprintln!("usage: load STORE [EVENTS] [REQUESTS] [CONCURRENCY]");
        std::process::exit(2);
    };
    let want: i64 = args.get(2).and_then(|s| s.parse().ok()).unwrap_or(100_000);
    let requests: usize = args.get(3).and_then(|s| s.parse().ok()).unwrap_or(10_000);
    let concurrency: usize = args.get(4).and_then(|s| s.parse().ok()).unwrap_or(50);

    let dir = tempfile::tempdir().unwrap();
    let dir_path = dir.path().to_path_buf();
    if std::env::var_os("LOAD_KEEP").is_some() {
        std::mem::forget(dir);
        eprintln!("store kept in {}", dir_path.display());
    }
    let db = dir_path.join("load.db");
    std::fs::copy(src, &db).expect("copy the store");
    let t = Instant::now();
    let total = grow(&db, want);
    eprintln!("store: {total} events (copied in {:.1} s)", t.elapsed().as_secs_f64());

    // the server as `dyad serve` runs it, and the same without its answer cache: every
    // request of the second goes to the store
    let start = |limits: dyad_server::Limits| {
        let app = dyad_server::router_with(&db, &limits).unwrap();
        let listener = std::net::TcpListener::bind("127.0.0.1:0").unwrap();
        listener.set_nonblocking(true).unwrap();
        let addr = listener.local_addr().unwrap();
        let listener = tokio::net::TcpListener::from_std(listener).unwrap();
        tokio::spawn(async move { axum::serve(listener, app).await.unwrap() });
        addr
    };
    let addr = start(dyad_server::Limits::default());
    let uncached = start(dyad_server::Limits { cache_bytes: 0, ..dyad_server::Limits::default() });

    let queries = [
        "/api/events",
        "/api/events?actor=RUS",
        "/api/events?actor=putin",
        "/api/events?quad_class=4&sort=goldstein",
        "/api/events?cameo=04&page=20",
        "/api/events?from=2025-01-01&to=2025-06",
        "/api/events?q=sanctions",
        "/api/events?country=SYR&per_page=100",
        "/api/events?plover=CONSULT&negated=false",
        "/api/events?source=TUR&sort=date",
        "/api/events?root=19&from=2020",
    ];
    // each query alone first, one at a time: where the time goes before any queueing
    for q in queries {
        let one = run(uncached, &[q], 20, 1).await;
        println!("alone {q}: p50 {:.2} ms, max {:.2} ms", pct(&one, 0.5), pct(&one, 1.0));
    }
    let baseline = run(addr, &["/api/openapi.json"], requests, concurrency).await;
    report("baseline /api/openapi.json", &baseline, total, concurrency, None);
    let events = run(uncached, &queries, requests, concurrency).await;
    report("/api/events (mixed filters), no cache", &events, total, concurrency, Some(&baseline));
    let events = run(addr, &queries, requests, concurrency).await;
    report("/api/events (mixed filters), as served", &events, total, concurrency, Some(&baseline));
}

struct Run {
    lat: Vec<Duration>,
    wall: Duration,
}

/// `requests` GETs over `paths` (round robin), `concurrency` at a time.
async fn run(addr: std::net::SocketAddr, paths: &[&'static str], requests: usize, concurrency: usize) -> Run {
    let paths: Vec<&'static str> = paths.to_vec();
    let started = Instant::now();
    let mut handles = Vec::new();
    for w in 0..concurrency {
        let n = requests / concurrency + usize::from(w < requests % concurrency);
        let paths = paths.clone();
        handles.push(tokio::spawn(async move {
            let mut lat = Vec::with_capacity(n);
            for i in 0..n {
                let path = paths[(w + i) % paths.len()];
                let t = Instant::now();
                let status = get(addr, path).await;
                assert_eq!(status, 200, "{path}");
                lat.push(t.elapsed());
            }
            lat
        }));
    }
    let mut lat: Vec<Duration> = Vec::new();
    for h in handles {
        lat.extend(h.await.unwrap());
    }
    lat.sort();
    Run { lat, wall: started.elapsed() }
}

fn pct(r: &Run, p: f64) -> f64 {
    r.lat[((r.lat.len() as f64 * p) as usize).min(r.lat.len() - 1)].as_secs_f64() * 1000.0
}

fn report(what: &str, r: &Run, total: i64, concurrency: usize, baseline: Option<&Run>) {
    let ratio = baseline
        .map(|b| format!(" ({:.1}x / {:.1}x the baseline)", pct(r, 0.5) / pct(b, 0.5), pct(r, 0.99) / pct(b, 0.99)));
    println!(
        "{what}: {} requests, {concurrency} concurrent, {total} events: p50 {:.1} ms, p90 {:.1} ms, p99 {:.1} ms, max {:.1} ms, {:.0} req/s{}",
        r.lat.len(),
        pct(r, 0.50),
        pct(r, 0.90),
        pct(r, 0.99),
        pct(r, 1.0),
        r.lat.len() as f64 / r.wall.as_secs_f64(),
        ratio.unwrap_or_default()
    );
}

/// One GET over a fresh connection; returns the status code.
async fn get(addr: std::net::SocketAddr, path: &str) -> u16 {
    let mut s = tokio::net::TcpStream::connect(addr).await.unwrap();
    let req = format!("GET {path} HTTP/1.1\r\nHost: {addr}\r\nConnection: close\r\n\r\n");
    s.write_all(req.as_bytes()).await.unwrap();
    let mut buf = Vec::new();
    s.read_to_end(&mut buf).await.unwrap();
    std::str::from_utf8(&buf[..12.min(buf.len())])
        .ok()
        .and_then(|l| l.get(9..12))
        .and_then(|c| c.parse().ok())
        .unwrap_or(0)
}

/// Double the events (new ids, same documents and clusters) until there are `want`.
fn grow(db: &std::path::Path, want: i64) -> i64 {
    let conn = rusqlite::Connection::open(db).unwrap();
    let count =
        |c: &rusqlite::Connection| -> i64 { c.query_row("SELECT COUNT(*) FROM events", [], |r| r.get(0)).unwrap() };
    let mut n = count(&conn);
    assert!(n > 0, "the store has no events to copy");
    let mut round = 0;
    while n < want {
        round += 1;
        let days = 7 * round;
        conn.execute_batch(&format!(
            "BEGIN;
             INSERT INTO events (event_id, doc_id, date, date_precision, historical, negated, hypothetical, source_code,
                source_text, source_country, target_code, target_text, target_country, cameo, cameo_root, quad_class,
                goldstein, plover_event, plover_mode, location_name, location_country, lat, lon, sentence_index, cluster, record)
             SELECT event_id || '-copy{round}', doc_id,
                CASE WHEN length(date) = 10 THEN date(date, '-{days} days') ELSE date END, date_precision, historical, negated, hypothetical, source_code,
                source_text, source_country, target_code, target_text, target_country, cameo, cameo_root, quad_class,
                goldstein, plover_event, plover_mode, location_name, location_country, lat, lon, sentence_index, cluster, record
             FROM events;
             INSERT INTO event_fts (rowid, text) SELECT e.id, f.text FROM events e
                JOIN events o ON o.event_id || '-copy{round}' = e.event_id JOIN event_fts f ON f.rowid = o.id;
             COMMIT;"
        ))
        .unwrap();
        n = count(&conn);
    }
    conn.execute_batch("ANALYZE;").unwrap();
    n
}
