//! dyad's HTTP server: a read-only JSON API under `/api/` over a store, and the web UI
//! (plain HTML, JS and CSS compiled into the binary; no CDN, no network).
//!
//! Every response carries a Content-Security-Policy that allows only this origin's
//! scripts and styles, and `X-Content-Type-Options: nosniff`: article text is
//! untrusted and the UI inserts it as text only.
//!
//! What one client can ask of the server is bounded ([`Limits`]): the request URI and
//! body size, the methods (GET and HEAD: the server only reads), requests handled at
//! once, open connections and how long they may sit idle, page sizes, and how long a
//! query may run.

use axum::extract::rejection::QueryRejection;
use axum::extract::{Path as UrlPath, Query, State};
use axum::http::{header, HeaderValue, Request, StatusCode};
use axum::middleware::{self, Next};
use axum::response::{IntoResponse, Response};
use axum::routing::get;
use axum::{Json, Router};
use dyad_store::{EventFilter, Sort, Store, StoreError, MAX_PAGE_SIZE};
use serde_json::json;
use std::collections::HashMap;
use std::net::SocketAddr;
use std::path::{Path, PathBuf};
use std::sync::{Arc, Mutex};
use std::time::Duration;
use tokio::sync::Semaphore;

mod cache;

use cache::ResponseCache;

#[derive(rust_embed::RustEmbed)]
#[folder = "ui/"]
struct Assets;

/// The OpenAPI description of the API.
pub const OPENAPI: &str = include_str!("../openapi.json");

/// The Content-Security-Policy sent with every response.
pub const CSP: &str = "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' data:; \
     connect-src 'self'; base-uri 'none'; form-action 'none'; frame-ancestors 'none'";

const DEFAULT_PAGE_SIZE: usize = 50;

/// Bounds on what clients can ask of the server.
#[derive(Clone, Debug)]
pub struct Limits {
    /// Longest request URI (path and query string) in bytes; longer gets 414.
    pub max_uri_bytes: usize,
    /// Largest request body in bytes; the API reads none, so larger gets 413.
    pub max_body_bytes: u64,
    /// Requests handled at once; more get 503 with `Retry-After` at once, not a queue.
    pub max_concurrent_requests: usize,
    /// Open connections; more wait in the listen backlog until one closes.
    pub max_connections: usize,
    /// A connection on which nothing arrives for this long is closed (slow or idle
    /// clients cannot hold connection slots).
    pub idle_timeout: Duration,
    /// Longest time one store query may run; longer is stopped and gets 503.
    pub query_timeout: Duration,
    /// Store queries run at once (one connection each); further requests wait their
    /// turn in arrival order. Queries are CPU-bound: running more than the machine has
    /// cores only stretches each of them, the long ones most.
    pub store_workers: usize,
    /// Bytes of API answers kept for repeated questions while the store is unchanged
    /// (see the cache module); 0 turns the cache off.
    pub cache_bytes: usize,
}

impl Default for Limits {
    fn default() -> Self {
        Limits {
            max_uri_bytes: 8 * 1024,
            max_body_bytes: 16 * 1024,
            max_concurrent_requests: 64,
            max_connections: 256,
            idle_timeout: Duration::from_secs(30),
            query_timeout: Duration::from_secs(10),
            store_workers: std::thread::available_parallelism().map_or(2, |n| n.get()).max(2),
            cache_bytes: 64 << 20,
        }
    }
}

/// Read-only store connections, opened on demand and reused, at most
/// [`Limits::store_workers`] in use at once (the `workers` permits).
struct Pool {
    path: PathBuf,
    idle: Mutex<Vec<Store>>,
    workers: Arc<Semaphore>,
    query_timeout: Duration,
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
            v.push(s);
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
        if e.is_interrupted() {
            return ApiError {
                status: StatusCode::SERVICE_UNAVAILABLE,
                message: "the query ran past the server's time limit; narrow the filters".into(),
                parameter: None,
            };
        }
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

type ApiResult = Result<Response, ApiError>;
type Params = Result<Query<HashMap<String, String>>, QueryRejection>;

/// Run `f` with a pooled connection on the blocking thread pool.
async fn with_store<T, F>(pool: AppState, f: F) -> ApiResult
where
    T: serde::Serialize + Send + 'static,
    F: FnOnce(&Store) -> Result<T, ApiError> + Send + 'static,
{
    // a fair semaphore: requests reach the store in the order they came
    let Ok(turn) = pool.workers.clone().acquire_owned().await else {
        return Err(ApiError {
            status: StatusCode::SERVICE_UNAVAILABLE,
            message: "the server is shutting down".into(),
            parameter: None,
        });
    };
    tokio::task::spawn_blocking(move || {
        // held until the query ends, even if the client has gone
        let _turn = turn;
        let mut store = pool.get()?;
        store.set_time_limit(Some(pool.query_timeout))?;
        let out = f(&store);
        pool.put(store);
        out.map(|v| Json(v).into_response())
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
    with_store(pool, move |s| Ok(s.events(&f, sort, page, per_page)?)).await
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
    with_store(pool, move |s| Ok(s.documents(q.as_deref(), page, per_page)?)).await
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

/// Refuses what the server never needs (other methods than GET and HEAD, long URIs,
/// request bodies) and sheds load beyond the concurrency limit.
async fn guard(State(g): State<Arc<Guard>>, req: Request<axum::body::Body>, next: Next) -> Response {
    let refuse = |status: StatusCode, message: String| ApiError { status, message, parameter: None }.into_response();
    let method = req.method();
    if method != axum::http::Method::GET && method != axum::http::Method::HEAD {
        let mut res = refuse(StatusCode::METHOD_NOT_ALLOWED, format!("{method} not allowed: the server only reads"));
        res.headers_mut().insert(header::ALLOW, HeaderValue::from_static("GET, HEAD"));
        return res;
    }
    let uri_len = req.uri().path_and_query().map_or(0, |p| p.as_str().len());
    if uri_len > g.limits.max_uri_bytes {
        return refuse(
            StatusCode::URI_TOO_LONG,
            format!("request URI of {uri_len} bytes; the limit is {}", g.limits.max_uri_bytes),
        );
    }
    let declared = req.headers().get(header::CONTENT_LENGTH).and_then(|v| v.to_str().ok()?.parse::<u64>().ok());
    let chunked = req.headers().contains_key(header::TRANSFER_ENCODING);
    if chunked || declared.is_some_and(|n| n > g.limits.max_body_bytes) {
        return refuse(
            StatusCode::PAYLOAD_TOO_LARGE,
            format!("request body over the {}-byte limit (the API reads none)", g.limits.max_body_bytes),
        );
    }
    let Ok(_permit) = g.requests.clone().try_acquire_owned() else {
        let mut res = refuse(StatusCode::SERVICE_UNAVAILABLE, "too many requests at once; retry shortly".into());
        res.headers_mut().insert(header::RETRY_AFTER, HeaderValue::from_static("1"));
        return res;
    };
    next.run(req).await
}

/// Answers a GET from the [`ResponseCache`] when the same URI was answered at the store's
/// current version; otherwise asks the handler and keeps its successful answer.
/// `X-Dyad-Cache` says which (`hit` or `miss`).
async fn cached(State(cache): State<Arc<ResponseCache>>, req: Request<axum::body::Body>, next: Next) -> Response {
    let key = req.uri().path_and_query().map(|p| p.as_str().to_string());
    let (Some(key), Some(version), true) = (key, cache.version(), req.method() == axum::http::Method::GET) else {
        return next.run(req).await;
    };
    let mark = |mut res: Response, how: &'static str| {
        res.headers_mut().insert("x-dyad-cache", HeaderValue::from_static(how));
        res
    };
    if let Some(body) = cache.get(&key, version) {
        return mark(([(header::CONTENT_TYPE, "application/json")], body).into_response(), "hit");
    }
    let res = next.run(req).await;
    let json = res.headers().get(header::CONTENT_TYPE).is_some_and(|v| v.as_bytes().starts_with(b"application/json"));
    if res.status() != StatusCode::OK || !json {
        return res;
    }
    let (parts, body) = res.into_parts();
    match axum::body::to_bytes(body, usize::MAX).await {
        Ok(bytes) => {
            cache.put(key, version, bytes.clone());
            mark(Response::from_parts(parts, axum::body::Body::from(bytes)), "miss")
        }
        Err(e) => ApiError {
            status: StatusCode::INTERNAL_SERVER_ERROR,
            message: format!("reading the answer: {e}"),
            parameter: None,
        }
        .into_response(),
    }
}

struct Guard {
    limits: Limits,
    requests: Arc<Semaphore>,
}

/// Wraps any router in the request limits of [`Limits`] and the security headers.
pub fn harden(app: Router, limits: &Limits) -> Router {
    let state =
        Arc::new(Guard { limits: limits.clone(), requests: Arc::new(Semaphore::new(limits.max_concurrent_requests)) });
    app.layer(middleware::from_fn_with_state(state, guard)).layer(middleware::from_fn(security_headers))
}

/// The whole application with the default [`Limits`].
pub fn router(db: &Path) -> Result<Router, StoreError> {
    router_with(db, &Limits::default())
}

/// The whole application: API and UI over the store at `db` (opened read-only).
pub fn router_with(db: &Path, limits: &Limits) -> Result<Router, StoreError> {
    // fail now, not on the first request, when the store is missing or too old
    let first = Store::open_read_only(db)?;
    let pool = Arc::new(Pool {
        path: db.to_path_buf(),
        idle: Mutex::new(vec![first]),
        workers: Arc::new(Semaphore::new(limits.store_workers.max(1))),
        query_timeout: limits.query_timeout,
    });
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
    let api = if limits.cache_bytes > 0 {
        let cache = Arc::new(ResponseCache::new(Store::open_read_only(db)?, limits.cache_bytes));
        api.layer(middleware::from_fn_with_state(cache, cached))
    } else {
        api
    };
    Ok(harden(Router::new().nest("/api", api).fallback(get(asset)), limits))
}

/// Serve until Ctrl-C (or SIGTERM), with the default [`Limits`].
pub async fn serve(db: &Path, addr: SocketAddr) -> anyhow::Result<()> {
    let listener = tokio::net::TcpListener::bind(addr).await.map_err(|e| anyhow::anyhow!("binding {addr}: {e}"))?;
    let local = listener.local_addr()?;
    eprintln!("dyad: serving {} on http://{local}/ (read-only; Ctrl-C stops)", db.display());
    if !local.ip().is_loopback() {
        eprintln!("dyad: warning: {local} is reachable from other machines; the API has no authentication");
    }
    serve_on(listener, db, &Limits::default(), shutdown()).await
}

/// Serve on a bound listener until `stop` completes: at most `max_connections` open
/// at once, each closed after `idle_timeout` without input.
pub async fn serve_on(
    listener: tokio::net::TcpListener,
    db: &Path,
    limits: &Limits,
    stop: impl std::future::Future<Output = ()> + Send + 'static,
) -> anyhow::Result<()> {
    let app = router_with(db, limits)?;
    let listener = conn::Bounded::new(listener, limits.max_connections, limits.idle_timeout);
    axum::serve(listener, app).with_graceful_shutdown(stop).await?;
    Ok(())
}

mod conn {
    //! A listener that holds at most N connections open and closes idle ones.

    use std::future::Future;
    use std::io;
    use std::net::SocketAddr;
    use std::pin::Pin;
    use std::sync::Arc;
    use std::task::{Context, Poll};
    use std::time::Duration;
    use tokio::io::{AsyncRead, AsyncWrite, ReadBuf};
    use tokio::net::{TcpListener, TcpStream};
    use tokio::sync::{OwnedSemaphorePermit, Semaphore};
    use tokio::time::{Instant, Sleep};

    pub struct Bounded {
        inner: TcpListener,
        slots: Arc<Semaphore>,
        idle: Duration,
    }

    impl Bounded {
        pub fn new(inner: TcpListener, max: usize, idle: Duration) -> Self {
            Bounded { inner, slots: Arc::new(Semaphore::new(max.max(1))), idle }
        }
    }

    impl axum::serve::Listener for Bounded {
        type Io = Stream;
        type Addr = SocketAddr;

        async fn accept(&mut self) -> (Stream, SocketAddr) {
            // not accepting while full leaves new clients in the kernel's backlog
            let permit = match self.slots.clone().acquire_owned().await {
                Ok(p) => p,
                Err(_) => std::future::pending().await,
            };
            let (io, addr) = axum::serve::Listener::accept(&mut self.inner).await;
            let timer = Box::pin(tokio::time::sleep(self.idle));
            (Stream { io, idle: self.idle, timer, _permit: permit }, addr)
        }

        fn local_addr(&self) -> io::Result<SocketAddr> {
            self.inner.local_addr()
        }
    }

    /// A connection that gives back its slot when dropped.
    pub struct Stream {
        io: TcpStream,
        idle: Duration,
        timer: Pin<Box<Sleep>>,
        _permit: OwnedSemaphorePermit,
    }

    impl AsyncRead for Stream {
        fn poll_read(mut self: Pin<&mut Self>, cx: &mut Context<'_>, buf: &mut ReadBuf<'_>) -> Poll<io::Result<()>> {
            let this = &mut *self;
            match Pin::new(&mut this.io).poll_read(cx, buf) {
                Poll::Ready(r) => {
                    let next = Instant::now() + this.idle;
                    this.timer.as_mut().reset(next);
                    Poll::Ready(r)
                }
                Poll::Pending => match this.timer.as_mut().poll(cx) {
                    Poll::Ready(()) => Poll::Ready(Err(io::Error::new(io::ErrorKind::TimedOut, "idle connection"))),
                    Poll::Pending => Poll::Pending,
                },
            }
        }
    }

    impl AsyncWrite for Stream {
        fn poll_write(mut self: Pin<&mut Self>, cx: &mut Context<'_>, buf: &[u8]) -> Poll<io::Result<usize>> {
            Pin::new(&mut self.io).poll_write(cx, buf)
        }

        fn poll_flush(mut self: Pin<&mut Self>, cx: &mut Context<'_>) -> Poll<io::Result<()>> {
            Pin::new(&mut self.io).poll_flush(cx)
        }

        fn poll_shutdown(mut self: Pin<&mut Self>, cx: &mut Context<'_>) -> Poll<io::Result<()>> {
            Pin::new(&mut self.io).poll_shutdown(cx)
        }

        fn poll_write_vectored(
            mut self: Pin<&mut Self>,
            cx: &mut Context<'_>,
            bufs: &[io::IoSlice<'_>],
        ) -> Poll<io::Result<usize>> {
            Pin::new(&mut self.io).poll_write_vectored(cx, bufs)
        }

        fn is_write_vectored(&self) -> bool {
            self.io.is_write_vectored()
        }
    }
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
