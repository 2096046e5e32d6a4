//! dyad's HTTP server: a read-only JSON API under `/api/` over a store, and the web UI
//! (plain HTML, JS and CSS compiled into the binary; no CDN, no network).
//!
//! Every response carries a Content-Security-Policy that allows only this origin's
//! scripts and styles, and `X-Content-Type-Options: nosniff`: article text is
//! untrusted and the UI inserts it as text only.

use axum::extract::rejection::QueryRejection;
use axum::extract::{Path as UrlPath, Query, State};
use axum::http::{header, HeaderValue, Request, StatusCode};
use axum::middleware::{self, Next};
use axum::response::{IntoResponse, Response};
use axum::routing::get;
use axum::{Json, Router};
use dyad_store::{EventFilter, Sort, Store, StoreError, MAX_PAGE_SIZE};
use serde_json::{json, Value};
use std::collections::HashMap;
use std::net::SocketAddr;
use std::path::{Path, PathBuf};
use std::sync::{Arc, Mutex};

#[derive(rust_embed::RustEmbed)]
#[folder = "ui/"]
struct Assets;

/// The OpenAPI description of the API.
pub const OPENAPI: &str = include_str!("../openapi.json");

/// The Content-Security-Policy sent with every response.
pub const CSP: &str = "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' data:; \
     connect-src 'self'; base-uri 'none'; form-action 'none'; frame-ancestors 'none'";

const DEFAULT_PAGE_SIZE: usize = 50;

/// Read-only store connections, opened on demand and reused.
struct Pool {
    path: PathBuf,
    idle: Mutex<Vec<Store>>,
}

impl Pool {
    fn get(&self) -> Result<Store, StoreError> {
        let idle = self.idle.lock().ok().and_then(|mut v| v.pop());
        match idle {
            Some(s) => Ok(s),
            None => Store::open_read_only(&self.path),
        }
    }

    fn put(&self, s: Store) {
        if let Ok(mut v) = self.idle.lock() {
            if v.len() < 16 {
                v.push(s);
            }
        }
    }
}

type AppState = Arc<Pool>;

/// An API error: a status and a JSON body `{"error": ..., "parameter": ...}`.
#[derive(Debug)]
pub struct ApiError {
    status: StatusCode,
    message: String,
    parameter: Option<String>,
}

impl ApiError {
    fn bad_param(name: &str, message: impl Into<String>) -> ApiError {
        ApiError { status: StatusCode::BAD_REQUEST, message: message.into(), parameter: Some(name.to_string()) }
    }

    fn not_found(message: impl Into<String>) -> ApiError {
        ApiError { status: StatusCode::NOT_FOUND, message: message.into(), parameter: None }
    }
}

impl From<StoreError> for ApiError {
    fn from(e: StoreError) -> Self {
        ApiError { status: StatusCode::INTERNAL_SERVER_ERROR, message: e.to_string(), parameter: None }
    }
}

impl IntoResponse for ApiError {
    fn into_response(self) -> Response {
        let mut body = json!({"error": self.message, "status": self.status.as_u16()});
        if let Some(p) = self.parameter {
            body["parameter"] = json!(p);
        }
        (self.status, Json(body)).into_response()
    }
}

type ApiResult = Result<Json<Value>, ApiError>;
type Params = Result<Query<HashMap<String, String>>, QueryRejection>;

/// Run `f` with a pooled connection on the blocking thread pool.
async fn with_store<F>(pool: AppState, f: F) -> ApiResult
where
    F: FnOnce(&Store) -> Result<Value, ApiError> + Send + 'static,
{
    tokio::task::spawn_blocking(move || {
        let store = pool.get()?;
        let out = f(&store);
        pool.put(store);
        out.map(Json)
    })
    .await
    .unwrap_or_else(|e| {
        Err(ApiError {
            status: StatusCode::INTERNAL_SERVER_ERROR,
            message: format!("worker failed: {e}"),
            parameter: None,
        })
    })
}

/// Check the query string against the names an endpoint accepts.
fn params(p: Params, allowed: &[&[&str]]) -> Result<HashMap<String, String>, ApiError> {
    let Query(map) = p.map_err(|e| ApiError::bad_param("query", format!("bad query string: {e}")))?;
    for k in map.keys() {
        if !allowed.iter().any(|set| set.contains(&k.as_str())) {
            return Err(ApiError::bad_param(k, format!("unknown parameter {k:?}")));
        }
    }
    Ok(map)
}

fn number(map: &HashMap<String, String>, name: &str, default: usize, max: usize) -> Result<usize, ApiError> {
    match map.get(name).map(|s| s.trim()).filter(|s| !s.is_empty()) {
        None => Ok(default),
        Some(v) => match v.parse::<usize>() {
            Ok(n) if n >= 1 => Ok(n.min(max)),
            _ => Err(ApiError::bad_param(name, format!("{v:?} is not a whole number of at least 1"))),
        },
    }
}

fn filter(map: &HashMap<String, String>) -> Result<EventFilter, ApiError> {
    EventFilter::from_params(map).map_err(|(p, m)| ApiError::bad_param(&p, m))
}

const PAGING: &[&str] = &["page", "per_page", "sort"];
const LIMIT: &[&str] = &["limit"];

async fn events(State(pool): State<AppState>, p: Params) -> ApiResult {
    let map = params(p, &[EventFilter::PARAMS, PAGING])?;
    let f = filter(&map)?;
    let page = number(&map, "page", 1, 1_000_000)?;
    let per_page = number(&map, "per_page", DEFAULT_PAGE_SIZE, MAX_PAGE_SIZE)?;
    let sort = match map.get("sort").map(|s| s.trim()).filter(|s| !s.is_empty()) {
        None => Sort::default(),
        Some(s) => Sort::parse(s).ok_or_else(|| {
            ApiError::bad_param(
                "sort",
                format!("{s:?}: sort by date, -date, goldstein, -goldstein, cameo, mentions or id"),
            )
        })?,
    };
    with_store(pool, move |s| Ok(serde_json::to_value(s.events(&f, sort, page, per_page)?).unwrap_or_default())).await
}

async fn event(State(pool): State<AppState>, UrlPath(id): UrlPath<String>) -> ApiResult {
    with_store(pool, move |s| s.event(&id)?.ok_or_else(|| ApiError::not_found(format!("no event {id:?}")))).await
}

async fn documents(State(pool): State<AppState>, p: Params) -> ApiResult {
    let map = params(p, &[&["q"], PAGING])?;
    let page = number(&map, "page", 1, 1_000_000)?;
    let per_page = number(&map, "per_page", DEFAULT_PAGE_SIZE, MAX_PAGE_SIZE)?;
    if map.contains_key("sort") {
        return Err(ApiError::bad_param("sort", "documents are listed newest first; sort is not supported"));
    }
    let q = map.get("q").cloned();
    with_store(pool, move |s| Ok(serde_json::to_value(s.documents(q.as_deref(), page, per_page)?).unwrap_or_default()))
        .await
}

async fn document(State(pool): State<AppState>, UrlPath(id): UrlPath<String>) -> ApiResult {
    with_store(pool, move |s| s.document(&id)?.ok_or_else(|| ApiError::not_found(format!("no document {id:?}")))).await
}

async fn actors(State(pool): State<AppState>, p: Params) -> ApiResult {
    let map = params(p, &[&["q"], LIMIT])?;
    let limit = number(&map, "limit", 100, MAX_PAGE_SIZE)?;
    let q = map.get("q").cloned();
    with_store(pool, move |s| Ok(json!({"actors": s.actors(q.as_deref(), limit)?}))).await
}

async fn dyads(State(pool): State<AppState>, p: Params) -> ApiResult {
    let map = params(p, &[EventFilter::PARAMS, LIMIT])?;
    let f = filter(&map)?;
    let limit = number(&map, "limit", 100, MAX_PAGE_SIZE)?;
    with_store(pool, move |s| Ok(json!({"dyads": s.dyads(&f, limit)?}))).await
}

async fn timeline(State(pool): State<AppState>, p: Params) -> ApiResult {
    let map = params(p, &[EventFilter::PARAMS])?;
    let f = filter(&map)?;
    with_store(pool, move |s| Ok(s.timeline(&f)?)).await
}

async fn locations(State(pool): State<AppState>, p: Params) -> ApiResult {
    let map = params(p, &[EventFilter::PARAMS])?;
    let f = filter(&map)?;
    with_store(pool, move |s| Ok(s.locations(&f)?)).await
}

async fn stats(State(pool): State<AppState>) -> ApiResult {
    with_store(pool, move |s| Ok(s.stats()?)).await
}

async fn openapi() -> Response {
    ([(header::CONTENT_TYPE, "application/json")], OPENAPI).into_response()
}

async fn api_not_found() -> ApiError {
    ApiError::not_found("no such API endpoint; see /api/openapi.json")
}

fn content_type(path: &str) -> &'static str {
    match path.rsplit('.').next() {
        Some("html") => "text/html; charset=utf-8",
        Some("js") => "text/javascript; charset=utf-8",
        Some("css") => "text/css; charset=utf-8",
        Some("json") => "application/json",
        Some("svg") => "image/svg+xml",
        Some("png") => "image/png",
        _ => "application/octet-stream",
    }
}

async fn asset(uri: axum::http::Uri) -> Response {
    let path = uri.path().trim_start_matches('/');
    let path = if path.is_empty() { "index.html" } else { path };
    match Assets::get(path) {
        Some(f) => ([(header::CONTENT_TYPE, content_type(path))], f.data.into_owned()).into_response(),
        None => (StatusCode::NOT_FOUND, "not found").into_response(),
    }
}

async fn security_headers(req: Request<axum::body::Body>, next: Next) -> Response {
    let mut res = next.run(req).await;
    let h = res.headers_mut();
    h.insert(header::CONTENT_SECURITY_POLICY, HeaderValue::from_static(CSP));
    h.insert(header::X_CONTENT_TYPE_OPTIONS, HeaderValue::from_static("nosniff"));
    h.insert(header::REFERRER_POLICY, HeaderValue::from_static("no-referrer"));
    h.insert(header::X_FRAME_OPTIONS, HeaderValue::from_static("DENY"));
    h.insert(header::CACHE_CONTROL, HeaderValue::from_static("no-cache"));
    res
}

/// The whole application: API and UI over the store at `db` (opened read-only).
pub fn router(db: &Path) -> Result<Router, StoreError> {
    // fail now, not on the first request, when the store is missing or too old
    let first = Store::open_read_only(db)?;
    let pool = Arc::new(Pool { path: db.to_path_buf(), idle: Mutex::new(vec![first]) });
    let api = Router::new()
        .route("/stats", get(stats))
        .route("/events", get(events))
        .route("/events/{id}", get(event))
        .route("/documents", get(documents))
        .route("/documents/{id}", get(document))
        .route("/actors", get(actors))
        .route("/dyads", get(dyads))
        .route("/timeline", get(timeline))
        .route("/locations", get(locations))
        .route("/openapi.json", get(openapi))
        .fallback(api_not_found)
        .with_state(pool);
    Ok(Router::new().nest("/api", api).fallback(get(asset)).layer(middleware::from_fn(security_headers)))
}

/// Serve until Ctrl-C (or SIGTERM).
pub async fn serve(db: &Path, addr: SocketAddr) -> anyhow::Result<()> {
    let app = router(db)?;
    let listener = tokio::net::TcpListener::bind(addr).await.map_err(|e| anyhow::anyhow!("binding {addr}: {e}"))?;
    let local = listener.local_addr()?;
    eprintln!("dyad: serving {} on http://{local}/ (read-only; Ctrl-C stops)", db.display());
    axum::serve(listener, app).with_graceful_shutdown(shutdown()).await?;
    Ok(())
}

async fn shutdown() {
    #[cfg(unix)]
    {
        let mut term = match tokio::signal::unix::signal(tokio::signal::unix::SignalKind::terminate()) {
            Ok(t) => t,
            Err(_) => {
                tokio::signal::ctrl_c().await.ok();
                return;
            }
        };
        tokio::select! {
            _ = tokio::signal::ctrl_c() => {}
            _ = term.recv() => {}
        }
    }
    #[cfg(not(unix))]
    tokio::signal::ctrl_c().await.ok();
}
