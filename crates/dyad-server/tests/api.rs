//! The HTTP API against a store built from examples/, through the router in-process.

use axum::body::Body;
use axum::http::{Request, StatusCode};
use dyad_code::{Coder, Dictionaries};
use dyad_store::{Processed, Store};
use serde_json::Value;
use std::path::PathBuf;
use std::sync::OnceLock;
use tower::ServiceExt;

/// One store for all tests, built once from examples/ (plus a page whose text holds markup).
fn store_path() -> &'static PathBuf {
    static DB: OnceLock<(tempfile::TempDir, PathBuf)> = OnceLock::new();
    &DB.get_or_init(|| {
        let dir = tempfile::tempdir().unwrap();
        let db = dir.path().join("dyad.db");
        let coder = Coder::new(Dictionaries::embedded());
        let opts = dyad_ingest::InputOptions { lines: false, max_bytes: 8 << 20 };
        let inputs = vec![format!("{}/../../examples", env!("CARGO_MANIFEST_DIR"))];
        let mut docs: Vec<dyad_core::Document> =
            dyad_ingest::read_inputs(&inputs, &opts).map(|d| d.expect("example readable")).collect();
        docs.push(dyad_core::Document::new(
            "hostile.txt",
            dyad_core::MediaType::Text,
            b"Russia accused Ukraine of <script>alert(1)</script> shelling <img src=x onerror=alert(2)> Kursk on Monday."
                .to_vec(),
        ));
        let processed: Vec<Processed> = docs
            .into_iter()
            .map(|doc| {
                let mut article = dyad_extract::extract(&doc).unwrap();
                if article.published.is_none() {
                    article.published = chrono::NaiveDate::from_ymd_opt(2025, 4, 14);
                }
                let mut annotated = dyad_nlp::annotate(article);
                let coded = coder.code(&annotated);
                annotated.entities = coded.entities;
                Processed {
                    source: doc.source.clone(),
                    url: doc.url.clone(),
                    media_type: "text".into(),
                    bytes: doc.bytes.len(),
                    annotated,
                    events: coded.events,
                }
            })
            .collect();
        let mut store = Store::open(&db).unwrap();
        let run = store.begin_run("test").unwrap();
        store.write_batch(run, &processed).unwrap();
        (dir, db)
    })
    .1
}

async fn get(uri: &str) -> (StatusCode, axum::http::HeaderMap, Vec<u8>) {
    let app = dyad_server::router(store_path()).unwrap();
    let res = app.oneshot(Request::get(uri).body(Body::empty()).unwrap()).await.unwrap();
    let status = res.status();
    let headers = res.headers().clone();
    let body = axum::body::to_bytes(res.into_body(), 16 << 20).await.unwrap().to_vec();
    (status, headers, body)
}

async fn json(uri: &str) -> (StatusCode, Value) {
    let (status, headers, body) = get(uri).await;
    assert!(headers["content-type"].to_str().unwrap().starts_with("application/json"), "{uri}");
    (status, serde_json::from_slice(&body).unwrap_or_else(|e| panic!("{uri}: {e}")))
}

#[tokio::test]
async fn events_list_filter_page_and_sort() {
    let (s, all) = json("/api/events?per_page=500").await;
    assert_eq!(s, StatusCode::OK);
    let total = all["total"].as_i64().unwrap();
    assert!(total > 5, "{total} events from examples/");
    assert_eq!(all["items"].as_array().unwrap().len() as i64, total);
    let first = &all["items"][0];
    for field in [
        "event_id",
        "doc_id",
        "cameo",
        "quad_class",
        "goldstein",
        "sentence",
        "trigger",
        "num_mentions",
        "num_articles",
        "num_sources",
    ] {
        assert!(!first[field].is_null(), "{field} in {first}");
    }

    let (_, rus) = json("/api/events?actor=RUS&per_page=500").await;
    assert!(rus["total"].as_i64().unwrap() > 0 && rus["total"].as_i64().unwrap() < total);
    let (_, q4) = json("/api/events?quad_class=4").await;
    assert!(q4["items"].as_array().unwrap().iter().all(|e| e["quad_class"] == 4));
    let (_, c) = json("/api/events?cameo=1&country=RUS").await;
    assert!(c["items"].as_array().unwrap().iter().all(|e| e["cameo"].as_str().unwrap().starts_with('1')));
    let (_, neg) = json("/api/events?negated=false&hypothetical=false").await;
    assert!(neg["items"].as_array().unwrap().iter().all(|e| e["negated"] == false && e["hypothetical"] == false));

    let (_, p) = json("/api/events?per_page=2&page=2&sort=goldstein").await;
    assert_eq!((p["page"].as_i64(), p["per_page"].as_i64()), (Some(2), Some(2)));
    let (_, asc) = json("/api/events?sort=goldstein&per_page=500").await;
    let g: Vec<f64> = asc["items"].as_array().unwrap().iter().map(|e| e["goldstein"].as_f64().unwrap()).collect();
    assert!(g.windows(2).all(|w| w[0] <= w[1]), "{g:?}");
    // page size is capped
    let (s, big) = json("/api/events?per_page=100000").await;
    assert_eq!(s, StatusCode::OK);
    assert_eq!(big["per_page"], dyad_store::MAX_PAGE_SIZE);
}

#[tokio::test]
async fn bad_parameters_are_json_400_naming_them() {
    for (uri, param) in [
        ("/api/events?quad_class=9", "quad_class"),
        ("/api/events?from=last-week", "from"),
        ("/api/events?page=zero", "page"),
        ("/api/events?per_page=-1", "per_page"),
        ("/api/events?sort=random", "sort"),
        ("/api/events?negated=perhaps", "negated"),
        ("/api/events?colour=red", "colour"),
        ("/api/dyads?limit=x", "limit"),
        ("/api/timeline?root=4", "root"),
        ("/api/actors?bogus=1", "bogus"),
    ] {
        let (s, body) = json(uri).await;
        assert_eq!(s, StatusCode::BAD_REQUEST, "{uri}");
        assert_eq!(body["parameter"], param, "{uri}: {body}");
        assert!(body["error"].is_string());
    }
    let (s, body) = json("/api/events/no-such-event").await;
    assert_eq!(s, StatusCode::NOT_FOUND);
    assert!(body["error"].as_str().unwrap().contains("no-such-event"));
    let (s, _) = json("/api/documents/0000").await;
    assert_eq!(s, StatusCode::NOT_FOUND);
    let (s, _) = json("/api/nothing-here").await;
    assert_eq!(s, StatusCode::NOT_FOUND);
}

#[tokio::test]
async fn one_event_with_provenance_and_its_document_with_spans() {
    let (_, list) = json("/api/events?actor=RUS&per_page=1").await;
    let ev = &list["items"][0];
    let id = ev["event_id"].as_str().unwrap();
    let (s, one) = json(&format!("/api/events/{id}")).await;
    assert_eq!(s, StatusCode::OK);
    assert_eq!(one["event_id"], id);
    assert!(one["rule"].is_string() && one["source"]["entry"].is_string());
    assert_eq!(one["document"]["doc_id"], ev["doc_id"]);
    assert!(one["mentions"].as_array().unwrap().iter().any(|m| m["event_id"] == id));
    // by the numeric GDELT-style id as well
    let (s, by_num) = json(&format!("/api/events/{}", one["global_id"])).await;
    assert_eq!((s, &by_num["event_id"]), (StatusCode::OK, &one["event_id"]));

    let doc_id = ev["doc_id"].as_str().unwrap();
    let (s, doc) = json(&format!("/api/documents/{doc_id}")).await;
    assert_eq!(s, StatusCode::OK);
    let text = doc["text"].as_str().unwrap();
    let slice = |span: &Value| -> String {
        let (a, b) = (span[0].as_u64().unwrap() as usize, span[1].as_u64().unwrap() as usize);
        text.get(a..b).unwrap().to_string()
    };
    assert!(!doc["sentences"].as_array().unwrap().is_empty());
    for e in doc["entities"].as_array().unwrap() {
        assert_eq!(slice(&e["span"]), e["text"].as_str().unwrap());
    }
    for e in doc["events"].as_array().unwrap() {
        assert_eq!(slice(&e["sentence"]["span"]), e["sentence"]["text"].as_str().unwrap());
        assert_eq!(slice(&e["trigger"]["span"]), e["trigger"]["text"].as_str().unwrap());
        let idx = e["sentence"]["index"].as_u64().unwrap() as usize;
        assert_eq!(doc["sentences"][idx]["span"], e["sentence"]["span"]);
    }
    assert!(doc["boilerplate"].is_array() && doc["quotes"].is_array() && doc["times"].is_array());

    let (_, docs) = json("/api/documents?q=ceasefire").await;
    assert!(docs["total"].as_i64().unwrap() >= 1);
}

#[tokio::test]
async fn actors_dyads_timeline_locations() {
    let (_, a) = json("/api/actors?limit=500").await;
    let actors = a["actors"].as_array().unwrap();
    assert!(actors.iter().any(|x| x["code"].as_str().unwrap().starts_with("RUS")));
    assert!(actors.iter().all(|x| x["events"].as_i64().unwrap() >= 1));
    let (_, a) = json("/api/actors?q=RUS").await;
    assert!(a["actors"].as_array().unwrap().iter().all(|x| {
        x["code"].as_str().unwrap().starts_with("RUS") || x["name"].as_str().unwrap().to_lowercase().contains("rus")
    }));

    let (_, d) = json("/api/dyads").await;
    let dyads = d["dyads"].as_array().unwrap();
    assert!(!dyads.is_empty());
    for x in dyads {
        assert!(x["count"].as_i64().unwrap() >= 1);
        let g = x["mean_goldstein"].as_f64().unwrap();
        assert!((-10.0..=10.0).contains(&g));
    }

    let (_, t) = json("/api/timeline").await;
    let (_, all) = json("/api/events?per_page=1").await;
    let days = t["days"].as_array().unwrap();
    assert!(!days.is_empty());
    let drawn: i64 = days.iter().map(|d| d["total"].as_i64().unwrap()).sum();
    assert_eq!(drawn + t["not_day_precision"].as_i64().unwrap(), all["total"].as_i64().unwrap());
    for d in days {
        let q: i64 = ["q1", "q2", "q3", "q4"].iter().map(|k| d[*k].as_i64().unwrap()).sum();
        assert_eq!(q, d["total"].as_i64().unwrap());
    }

    let (_, l) = json("/api/locations").await;
    assert!(l["events"].as_i64().unwrap() >= l["with_coordinates"].as_i64().unwrap());

    let (s, st) = json("/api/stats").await;
    assert_eq!(s, StatusCode::OK);
    assert!(st["counts"]["documents"].as_i64().unwrap() >= 7);
    let (s, spec) = json("/api/openapi.json").await;
    assert_eq!(s, StatusCode::OK);
    assert!(spec["paths"]["/api/events"].is_object());
}

#[tokio::test]
async fn ui_is_embedded_with_security_headers() {
    let (s, h, body) = get("/").await;
    assert_eq!(s, StatusCode::OK);
    assert!(h["content-type"].to_str().unwrap().starts_with("text/html"));
    let csp = h["content-security-policy"].to_str().unwrap();
    assert!(csp.contains("default-src 'none'") && csp.contains("script-src 'self'") && !csp.contains("unsafe"));
    assert_eq!(h["x-content-type-options"], "nosniff");
    let html = String::from_utf8(body).unwrap();
    assert!(html.contains("/app.js") && !html.contains("http://") && !html.contains("https://"), "no CDN");
    let (s, h, js) = get("/app.js").await;
    assert_eq!(s, StatusCode::OK);
    assert!(h["content-type"].to_str().unwrap().starts_with("text/javascript"));
    let js = String::from_utf8(js).unwrap();
    assert!(!js.contains("innerHTML") && !js.contains("insertAdjacentHTML"), "text only, never parsed as HTML");
    let (_, h, _) = get("/api/events").await;
    assert_eq!(h["x-content-type-options"], "nosniff");
    assert!(h.contains_key("content-security-policy"));
    let (s, _, _) = get("/../../etc/passwd").await;
    assert_eq!(s, StatusCode::NOT_FOUND);
}

#[tokio::test]
async fn the_server_only_reads() {
    let app = dyad_server::router(store_path()).unwrap();
    let res = app.oneshot(Request::post("/api/events").body(Body::empty()).unwrap()).await.unwrap();
    assert_eq!(res.status(), StatusCode::METHOD_NOT_ALLOWED);
}

/// A repeated question is answered from memory, byte for byte, until the store changes:
/// a commit by another connection (here a writer deleting an event) ends every answer.
#[tokio::test]
async fn repeated_answers_come_from_the_cache_until_the_store_changes() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("copy.db");
    std::fs::copy(store_path(), &db).unwrap();
    let app = dyad_server::router(&db).unwrap();
    let ask = |uri: &'static str| {
        let app = app.clone();
        async move {
            let res = app.oneshot(Request::get(uri).body(Body::empty()).unwrap()).await.unwrap();
            let how = res.headers().get("x-dyad-cache").map(|v| v.to_str().unwrap().to_string());
            let body = axum::body::to_bytes(res.into_body(), 16 << 20).await.unwrap();
            (how, serde_json::from_slice::<Value>(&body).unwrap())
        }
    };
    let (how, first) = ask("/api/events?per_page=500").await;
    assert_eq!(how.as_deref(), Some("miss"));
    let (how, again) = ask("/api/events?per_page=500").await;
    assert_eq!(how.as_deref(), Some("hit"));
    assert_eq!(first, again);
    assert_eq!(ask("/api/events?per_page=499").await.0.as_deref(), Some("miss"), "another question");
    let (how, _) = ask("/api/events/no-such-event").await;
    assert_eq!(how, None, "errors are not kept");

    let writer = rusqlite::Connection::open(&db).unwrap();
    writer.execute("DELETE FROM events WHERE id = (SELECT MAX(id) FROM events)", []).unwrap();
    let (how, after) = ask("/api/events?per_page=500").await;
    assert_eq!(how.as_deref(), Some("miss"), "the commit ended the cached answer");
    assert_eq!(after["total"].as_i64().unwrap(), first["total"].as_i64().unwrap() - 1);
}
