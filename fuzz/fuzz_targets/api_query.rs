//! The HTTP API's paths and query strings, through the router (limits, parameter
//! parsing, the store's queries) over a small store built once from examples/.
#![no_main]
#[path = "common.rs"]
mod common;
use axum::body::Body;
use axum::http::Request;
use libfuzzer_sys::fuzz_target;
use std::path::PathBuf;
use std::sync::OnceLock;
use tower::ServiceExt;

fn store() -> &'static PathBuf {
    static DB: OnceLock<PathBuf> = OnceLock::new();
    DB.get_or_init(|| {
        let dir = std::env::temp_dir().join(format!("dyad-fuzz-api-{}", std::process::id()));
        std::fs::create_dir_all(&dir).unwrap();
        let db = dir.join("dyad.db");
        let mut store = dyad_store::Store::open(&db).unwrap();
        let opts = dyad_ingest::InputOptions { lines: false, max_bytes: 8 << 20 };
        let examples = vec![concat!(env!("CARGO_MANIFEST_DIR"), "/../examples").to_string()];
        let mut batch = Vec::new();
        for doc in dyad_ingest::read_inputs(&examples, &opts).flatten() {
            let mut article = dyad_extract::extract(&doc).unwrap();
            article.published = article.published.or(chrono::NaiveDate::from_ymd_opt(2025, 4, 14));
            let mut annotated = dyad_nlp::annotate(article);
            let coded = common::coder().code(&annotated);
            annotated.entities = coded.entities;
            batch.push(dyad_store::Processed {
                source: doc.source.clone(),
                url: doc.url.clone(),
                media_type: "text".into(),
                bytes: doc.bytes.len(),
                annotated,
                events: coded.events,
            });
        }
        let run = store.begin_run("fuzz").unwrap();
        store.write_batch(run, &batch).unwrap();
        db
    })
}

fuzz_target!(|data: &[u8]| {
    let Ok(text) = std::str::from_utf8(data) else { return };
    // first line: the endpoint; the rest: the query string, sent as written
    let (endpoint, query) = text.split_once('\n').unwrap_or((text, ""));
    let uri = format!("/api/{endpoint}?{query}");
    let Ok(req) = Request::get(uri.as_str()).body(Body::empty()) else { return };
    let rt = tokio::runtime::Builder::new_current_thread().build().unwrap();
    rt.block_on(async {
        let app = dyad_server::router(store()).unwrap();
        let res = app.oneshot(req).await.unwrap();
        // 503 is a query that ran out of time: a bound doing its job, not a bug
        assert!(res.status() != 500, "{uri}: {}", res.status());
        let body = axum::body::to_bytes(res.into_body(), 64 << 20).await.unwrap();
        assert!(!body.is_empty());
    });
});
