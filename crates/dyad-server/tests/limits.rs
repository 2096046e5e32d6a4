//! The server's bounds: URI and body size, methods, concurrent requests, open and idle
//! connections, query time; every refusal is JSON with the security headers.

use axum::body::Body;
use axum::http::{Request, StatusCode};
use axum::routing::get;
use axum::Router;
use dyad_server::{harden, router_with, serve_on, Limits};
use std::io::{Read, Write};
use std::net::TcpStream;
use std::path::PathBuf;
use std::sync::OnceLock;
use std::time::Duration;
use tower::ServiceExt;

/// A store holding the examples (enough rows that a full query runs many SQLite steps).
fn store() -> &'static PathBuf {
    static DB: OnceLock<(tempfile::TempDir, PathBuf)> = OnceLock::new();
    &DB.get_or_init(|| {
        let dir = tempfile::tempdir().unwrap();
        let db = dir.path().join("dyad.db");
        let coder = dyad_code::Coder::new(dyad_code::Dictionaries::embedded());
        let opts = dyad_ingest::InputOptions { lines: false, max_bytes: 8 << 20 };
        let inputs = vec![format!("{}/../../examples", env!("CARGO_MANIFEST_DIR"))];
        let batch: Vec<dyad_store::Processed> = dyad_ingest::read_inputs(&inputs, &opts)
            .map(|d| {
                let doc = d.unwrap();
                let mut article = dyad_extract::extract(&doc).unwrap();
                article.published = article.published.or(chrono::NaiveDate::from_ymd_opt(2025, 4, 14));
                let mut annotated = dyad_nlp::annotate(article);
                let coded = coder.code(&annotated);
                annotated.entities = coded.entities;
                dyad_store::Processed {
                    source: doc.source.clone(),
                    url: doc.url.clone(),
                    media_type: "text".into(),
                    bytes: doc.bytes.len(),
                    annotated,
                    events: coded.events,
                }
            })
            .collect();
        let mut s = dyad_store::Store::open(&db).unwrap();
        let run = s.begin_run("test").unwrap();
        s.write_batch(run, &batch).unwrap();
        (dir, db)
    })
    .1
}

async fn send(app: Router, req: Request<Body>) -> (StatusCode, axum::http::HeaderMap, serde_json::Value) {
    let res = app.oneshot(req).await.unwrap();
    let (status, headers) = (res.status(), res.headers().clone());
    let body = axum::body::to_bytes(res.into_body(), 1 << 24).await.unwrap();
    (status, headers, serde_json::from_slice(&body).unwrap_or(serde_json::Value::Null))
}

fn assert_hardened(h: &axum::http::HeaderMap) {
    assert!(h["content-security-policy"].to_str().unwrap().contains("default-src 'none'"));
    assert_eq!(h["x-content-type-options"], "nosniff");
}

#[tokio::test]
async fn long_uris_bodies_and_writes_are_refused_with_json_and_headers() {
    let app = router_with(store(), &Limits::default()).unwrap();
    let long = format!("/api/events?q={}", "a".repeat(10_000));
    let (s, h, body) = send(app.clone(), Request::get(long).body(Body::empty()).unwrap()).await;
    assert_eq!(s, StatusCode::URI_TOO_LONG);
    assert!(body["error"].as_str().unwrap().contains("8192"), "{body}");
    assert_hardened(&h);

    let req = Request::get("/api/events").header("content-length", "1000000").body(Body::from(vec![b'x'; 1_000_000]));
    let (s, h, _) = send(app.clone(), req.unwrap()).await;
    assert_eq!(s, StatusCode::PAYLOAD_TOO_LARGE);
    assert_hardened(&h);

    for method in ["POST", "PUT", "DELETE", "PATCH"] {
        let req = Request::builder().method(method).uri("/api/events").body(Body::empty()).unwrap();
        let (s, h, body) = send(app.clone(), req).await;
        assert_eq!(s, StatusCode::METHOD_NOT_ALLOWED, "{method}");
        assert_eq!(h["allow"], "GET, HEAD");
        assert!(body["error"].as_str().unwrap().contains("only reads"));
    }
    // within the limits all is as before
    let (s, h, body) = send(app, Request::get("/api/events?per_page=3").body(Body::empty()).unwrap()).await;
    assert_eq!(s, StatusCode::OK);
    assert_eq!(body["items"].as_array().unwrap().len(), 3);
    assert_hardened(&h);
}

#[tokio::test]
async fn a_query_past_the_time_limit_is_503_and_the_connection_serves_the_next() {
    let slow = Limits { query_timeout: Duration::ZERO, ..Limits::default() };
    let app = router_with(store(), &slow).unwrap();
    let (s, h, body) = send(app, Request::get("/api/events?per_page=500").body(Body::empty()).unwrap()).await;
    assert_eq!(s, StatusCode::SERVICE_UNAVAILABLE, "{body}");
    assert!(body["error"].as_str().unwrap().contains("time limit"), "{body}");
    assert_hardened(&h);
    let app = router_with(store(), &Limits::default()).unwrap();
    let (s, _, _) = send(app, Request::get("/api/events?per_page=500").body(Body::empty()).unwrap()).await;
    assert_eq!(s, StatusCode::OK);
}

#[tokio::test]
async fn requests_beyond_the_concurrency_limit_get_503_at_once() {
    let (entered_tx, entered_rx) = tokio::sync::oneshot::channel::<()>();
    let (release_tx, release_rx) = tokio::sync::oneshot::channel::<()>();
    let slots = std::sync::Mutex::new(Some((entered_tx, release_rx)));
    let slots = std::sync::Arc::new(slots);
    let handler = move || {
        let pair = slots.lock().unwrap().take();
        async move {
            if let Some((entered, release)) = pair {
                entered.send(()).unwrap();
                release.await.unwrap();
            }
            "done"
        }
    };
    let limits = Limits { max_concurrent_requests: 1, ..Limits::default() };
    let app = harden(Router::new().route("/slow", get(handler)), &limits);
    let first = tokio::spawn(app.clone().oneshot(Request::get("/slow").body(Body::empty()).unwrap()));
    entered_rx.await.unwrap();
    let (s, h, body) = send(app.clone(), Request::get("/slow").body(Body::empty()).unwrap()).await;
    assert_eq!(s, StatusCode::SERVICE_UNAVAILABLE);
    assert_eq!(h["retry-after"], "1");
    assert!(body["error"].as_str().unwrap().contains("too many requests"));
    release_tx.send(()).unwrap();
    assert_eq!(first.await.unwrap().unwrap().status(), StatusCode::OK);
    // the slot is free again
    let res = app.oneshot(Request::get("/slow").body(Body::empty()).unwrap()).await.unwrap();
    assert_eq!(res.status(), StatusCode::OK);
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn connections_beyond_the_limit_wait_until_an_idle_one_is_closed() {
    let limits = Limits { max_connections: 1, idle_timeout: Duration::from_secs(2), ..Limits::default() };
    let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await.unwrap();
    let addr = listener.local_addr().unwrap();
    let (stop_tx, stop_rx) = tokio::sync::oneshot::channel::<()>();
    let server = tokio::spawn(async move {
        serve_on(listener, store(), &limits, async {
            stop_rx.await.ok();
        })
        .await
    });
    let (idle_closed, response) = tokio::task::spawn_blocking(move || {
        // a client that connects and sends nothing holds the only slot...
        let mut idle = TcpStream::connect(addr).unwrap();
        std::thread::sleep(Duration::from_millis(100));
        let mut busy = TcpStream::connect(addr).unwrap();
        busy.write_all(b"GET /api/stats HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n").unwrap();
        // not served while the slot is taken (well inside the idle timeout)
        busy.set_read_timeout(Some(Duration::from_millis(300))).unwrap();
        let mut first = [0u8; 1];
        let waited = matches!(busy.read(&mut first), Err(e) if matches!(e.kind(), std::io::ErrorKind::WouldBlock | std::io::ErrorKind::TimedOut));
        assert!(waited, "a second connection was served while the limit was reached");
        // ...until the server drops it for idling; then the waiting client is served
        idle.set_read_timeout(Some(Duration::from_secs(30))).unwrap();
        let mut buf = [0u8; 16];
        let idle_closed = matches!(idle.read(&mut buf), Ok(0) | Err(_));
        busy.set_read_timeout(Some(Duration::from_secs(30))).unwrap();
        let mut response = String::new();
        busy.read_to_string(&mut response).unwrap();
        (idle_closed, response)
    })
    .await
    .unwrap();
    assert!(idle_closed, "the idle connection was closed by the server");
    assert!(response.starts_with("HTTP/1.1 200"), "{response}");
    assert!(response.contains("\"documents\""), "{response}");
    stop_tx.send(()).unwrap();
    server.await.unwrap().unwrap();
}

/// Found by the `api_query` fuzz target: a NUL byte in a search ended SQLite's FTS5
/// query inside a quoted word, and the syntax error came back as a 500.
#[tokio::test]
async fn control_characters_in_a_search_are_not_a_server_error() {
    let app = router_with(store(), &Limits::default()).unwrap();
    let uri = "/api/documents?q=border%10taldorde%00ratlder%20/api/evrp_aeg=500er%20/api/evrp_aeg=5000";
    let (s, _, body) = send(app.clone(), Request::get(uri).body(Body::empty()).unwrap()).await;
    assert_eq!(s, StatusCode::OK, "{body}");
    assert_eq!(body["total"], 0);
    let (s, _, body) = send(app, Request::get("/api/events?q=Kenya%00%01%22").body(Body::empty()).unwrap()).await;
    assert_eq!(s, StatusCode::OK, "{body}");
}
