//! Writing documents and their events, one transaction per batch.

use crate::minhash::{self, HASHES};
use crate::{Result, Store, StoreError};
use dyad_core::{Annotated, Event};
use rusqlite::{params, Connection, OptionalExtension, Transaction};
use std::collections::{BTreeMap, BTreeSet};

/// Estimated Jaccard similarity (word 5-shingles) at or above which two articles are
/// reprints of one story.
pub const DUPLICATE_THRESHOLD: f64 = 0.6;

/// One document through the pipeline, ready to store.
#[derive(Clone, Debug)]
pub struct Processed {
    pub source: String,
    pub url: Option<String>,
    /// "html" or "text".
    pub media_type: String,
    /// Size of the input as read.
    pub bytes: usize,
    /// The annotated article; its `entities` should carry actor codes (the coder's).
    pub annotated: Annotated,
    pub events: Vec<Event>,
}

/// Test hook: what goes wrong, after how many documents written by this `Store`.
#[derive(Clone, Copy, Debug)]
pub enum Fault {
    /// `write_batch` returns an error (the transaction is rolled back).
    Error { after: usize },
    /// The process aborts inside the transaction, as a crash or a kill would.
    Abort { after: usize },
}

/// What one batch did.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct BatchStats {
    pub added: usize,
    /// Already in the store (same doc_id): skipped, nothing rewritten.
    pub skipped: usize,
    pub events: usize,
    /// Added documents grouped with an earlier near-duplicate.
    pub grouped: usize,
}

fn now() -> String {
    chrono::Utc::now().format("%Y-%m-%dT%H:%M:%SZ").to_string()
}

fn site_key(p: &Processed) -> String {
    if let Some(site) = p.annotated.article.site.as_deref().filter(|s| !s.is_empty()) {
        return site.to_lowercase();
    }
    if let Some(url) = p.url.as_deref() {
        let rest = url.split_once("://").map(|(_, r)| r).unwrap_or(url);
        let host = rest.split(['/', '?', '#']).next().unwrap_or("");
        if !host.is_empty() {
            return host.trim_start_matches("www.").to_lowercase();
        }
    }
    "local".to_string()
}

/// Events of one story are one event when they share date, actors and code: the
/// key GDELT-style counts are kept under. `buf` is scratch space for the hashed
/// text, kept across the events of a document.
fn cluster_key(group: &str, e: &Event, buf: &mut String) -> String {
    buf.clear();
    for (i, part) in [
        group,
        e.date.as_deref().unwrap_or(""),
        &e.source.code,
        e.target.as_ref().map(|t| t.code.as_str()).unwrap_or(""),
        &e.cameo,
    ]
    .into_iter()
    .enumerate()
    {
        if i > 0 {
            buf.push('|');
        }
        buf.push_str(part);
    }
    format!("{:016x}", xxhash_rust::xxh3::xxh3_64(buf.as_bytes()))
}

impl Store {
    /// Record the start of a run (ingest) and return its id.
    pub fn begin_run(&mut self, command: &str) -> Result<i64> {
        self.conn.execute(
            "INSERT INTO runs (started_at, command, dyad_version) VALUES (?1, ?2, ?3)",
            params![now(), command, env!("CARGO_PKG_VERSION")],
        )?;
        Ok(self.conn.last_insert_rowid())
    }

    /// Close a run with its totals.
    pub fn finish_run(&mut self, run: i64, added: usize, skipped: usize, events: usize, failed: usize) -> Result<()> {
        self.conn.execute(
            "UPDATE runs SET finished_at = ?2, documents_added = ?3, documents_skipped = ?4, events_added = ?5, failed = ?6 WHERE id = ?1",
            params![run, now(), added as i64, skipped as i64, events as i64, failed as i64],
        )?;
        Ok(())
    }

    /// True when a document with this id is stored already (so the pipeline can skip it).
    pub fn has_document(&self, doc_id: &str) -> Result<bool> {
        document_stored(&self.conn, doc_id)
    }

    /// Store a batch of documents in one transaction: all of them or none.
    pub fn write_batch(&mut self, run: i64, batch: &[Processed]) -> Result<BatchStats> {
        let fault = self.fault;
        let mut written = self.written_in_session;
        let tx = self.conn.transaction()?;
        let mut stats = BatchStats::default();
        for p in batch {
            if let Some(f) = fault {
                match f {
                    Fault::Error { after } if written >= after => return Err(StoreError::Injected(after)),
                    Fault::Abort { after } if written >= after => std::process::abort(),
                    _ => {}
                }
            }
            if document_stored(&tx, &p.annotated.article.doc_id)? {
                stats.skipped += 1;
                continue;
            }
            let grouped = write_document(&tx, run, p)?;
            stats.added += 1;
            stats.events += p.events.len();
            stats.grouped += grouped as usize;
            written += 1;
        }
        tx.commit()?;
        self.written_in_session = written;
        Ok(stats)
    }
}

/// Most documents kept in one MinHash band bucket. A bucket fills only when
/// many documents share a quarter of their signature: reprints of one wire
/// story, or pages made from one template. Its first members already lead to
/// their group, and reading every member of a bucket of thousands for each new
/// document made ingest quadratic (a store of 500k template documents wrote
/// 56 documents/s instead of 1,200).
const BUCKET_CAP: usize = 16;

/// The first members of one band bucket, at most [`BUCKET_CAP`] (a test checks the
/// number). The limit is written in the SQL, not bound: SQLite plans a bound LIMIT
/// by its value, so binding it again made it prepare the statement anew.
const BUCKET_SQL: &str = "SELECT doc_id FROM doc_bands WHERE band = ?1 AND hash = ?2 LIMIT 16";

/// What the band buckets of a new document lead to.
struct BucketLookup {
    /// The group of the most similar stored document, if any is similar enough.
    best: Option<(String, f64)>,
    /// Which of the document's band buckets are full (it is not added to those).
    full: Vec<bool>,
}

fn find_group(tx: &Transaction, sig: &[u64; HASHES], bands: &[i64]) -> Result<BucketLookup> {
    let mut candidates = BTreeSet::new();
    let mut full = Vec::with_capacity(bands.len());
    {
        let mut st = tx.prepare_cached(BUCKET_SQL)?;
        for (b, h) in bands.iter().enumerate() {
            let rows = st.query_map(params![b as i64, h], |r| r.get::<_, String>(0))?;
            let mut n = 0;
            for r in rows {
                candidates.insert(r?);
                n += 1;
            }
            full.push(n >= BUCKET_CAP);
        }
    }
    let mut best: Option<(String, f64)> = None;
    let mut st = tx.prepare_cached("SELECT group_id, minhash FROM documents WHERE doc_id = ?1")?;
    for c in candidates {
        let (group, blob): (String, Vec<u8>) = st.query_row([&c], |r| Ok((r.get(0)?, r.get(1)?)))?;
        let Some(other) = minhash::from_blob(&blob) else { continue };
        let sim = minhash::jaccard_estimate(sig, &other);
        if sim >= DUPLICATE_THRESHOLD && best.as_ref().is_none_or(|(_, s)| sim > *s) {
            best = Some((group, sim));
        }
    }
    Ok(BucketLookup { best, full })
}

/// Is a document with this id stored (on the store's connection, or inside a
/// transaction on it)?
fn document_stored(conn: &Connection, doc_id: &str) -> Result<bool> {
    let mut st = conn.prepare_cached("SELECT 1 FROM documents WHERE doc_id = ?1")?;
    Ok(st.query_row([doc_id], |_| Ok(())).optional()?.is_some())
}

/// How many rows the INSERT statements of [`insert_rows`] write, largest first: a
/// table's rows go in as many of the largest as fit, then the next, down to one.
const ROWS_PER_INSERT: [usize; 3] = [16, 4, 1];

/// The INSERTs of a table of which a document writes many rows (sentences, entities,
/// band buckets), one statement for each of [`ROWS_PER_INSERT`]: a statement a row
/// cost as much again as the row (the statement's start, end and reset). `OR IGNORE`,
/// as the rows of a new document never conflict, keeps SQLite from opening a
/// statement journal for a statement of several rows (and the article index from
/// writing its pending terms out at that savepoint, which made plain multi-row
/// INSERTs slower than one row a statement).
struct RowInsert {
    /// The statement for each size of [`ROWS_PER_INSERT`].
    sql: [String; ROWS_PER_INSERT.len()],
    columns: usize,
}

impl RowInsert {
    fn new(table: &str, columns: &[&str]) -> RowInsert {
        let names = columns.join(", ");
        let sql = |rows: usize| {
            let mut text = format!("INSERT OR IGNORE INTO {table} ({names}) VALUES ");
            for r in 0..rows {
                text.push_str(if r == 0 { "(" } else { ", (" });
                for c in 0..columns.len() {
                    if c > 0 {
                        text.push_str(", ");
                    }
                    text.push_str(&format!("?{}", r * columns.len() + c + 1));
                }
                text.push(')');
            }
            text
        };
        RowInsert { sql: ROWS_PER_INSERT.map(sql), columns: columns.len() }
    }
}

static BAND_ROWS: std::sync::LazyLock<RowInsert> =
    std::sync::LazyLock::new(|| RowInsert::new("doc_bands", &["band", "hash", "doc_id"]));
static SENTENCE_ROWS: std::sync::LazyLock<RowInsert> =
    std::sync::LazyLock::new(|| RowInsert::new("sentences", &["doc_id", "idx", "start", "\"end\""]));
static ENTITY_ROWS: std::sync::LazyLock<RowInsert> = std::sync::LazyLock::new(|| {
    RowInsert::new("entities", &["doc_id", "idx", "text", "start", "\"end\"", "label", "actor"])
});

/// Write `items` as rows, in order, `bind` binding item `i`'s columns from parameter
/// `at` on.
fn insert_rows<T>(
    tx: &Transaction,
    insert: &RowInsert,
    items: &[T],
    bind: impl Fn(&mut rusqlite::Statement, usize, usize, &T) -> rusqlite::Result<()>,
) -> Result<()> {
    let mut first = 0;
    for (rows, sql) in ROWS_PER_INSERT.iter().zip(&insert.sql) {
        if items.len() - first < *rows {
            continue;
        }
        let mut st = tx.prepare_cached(sql)?;
        while items.len() - first >= *rows {
            for (r, item) in items[first..first + rows].iter().enumerate() {
                bind(&mut st, r * insert.columns + 1, first + r, item)?;
            }
            st.raw_execute()?;
            first += rows;
        }
    }
    Ok(())
}

fn write_document(tx: &Transaction, run: i64, p: &Processed) -> Result<bool> {
    let a = &p.annotated.article;
    let doc_id = &a.doc_id;
    let sig = minhash::signature(&a.text);
    let (group, similarity, blob, bands) = match &sig {
        Some(sig) => {
            let bands = minhash::bands(sig);
            let BucketLookup { best, full } = find_group(tx, sig, &bands)?;
            let (group, sim) = match best {
                Some((g, s)) => (g, Some(s)),
                None => (doc_id.clone(), None),
            };
            let open: Vec<(usize, i64)> = bands.iter().copied().enumerate().filter(|(b, _)| !full[*b]).collect();
            (group, sim, minhash::to_blob(sig), open)
        }
        None => (doc_id.clone(), None, Vec::new(), Vec::new()),
    };
    let site = site_key(p);
    tx.prepare_cached(
        "INSERT INTO documents (doc_id, source, url, media_type, bytes, run_id, added_at, group_id, similarity, site_key, minhash)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11)",
    )?
    .execute(params![doc_id, p.source, p.url, p.media_type, p.bytes as i64, run, now(), group, similarity, site, blob],
    )?;
    insert_rows(tx, &BAND_ROWS, &bands, |st, at, _, (b, h)| {
        st.raw_bind_parameter(at, *b as i64)?;
        st.raw_bind_parameter(at + 1, h)?;
        st.raw_bind_parameter(at + 2, doc_id)
    })?;
    tx.prepare_cached(
        "INSERT INTO articles (doc_id, title, published, published_precision, authors, site, language, text, paragraphs, boilerplate)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10)",
    )?
    .execute(params![
            doc_id,
            a.title,
            a.published.map(|d| d.to_string()),
            a.published_precision.map(|p| p.as_str()),
            serde_json::to_string(&a.authors)?,
            a.site,
            a.language,
            a.text,
            serde_json::to_string(&a.paragraphs)?,
            serde_json::to_string(&a.boilerplate)?,
        ],
    )?;
    // the index entry of the article row just written (external content: the index
    // keeps no copy of the text, and must be given the row's own values)
    tx.prepare_cached("INSERT INTO article_fts (rowid, doc_id, title, text) VALUES (?1, ?2, ?3, ?4)")?
        .execute(params![tx.last_insert_rowid(), doc_id, a.title, a.text])?;
    let ann = &p.annotated;
    {
        insert_rows(tx, &SENTENCE_ROWS, &ann.sentences, |st, at, i, s| {
            st.raw_bind_parameter(at, doc_id)?;
            st.raw_bind_parameter(at + 1, i as i64)?;
            st.raw_bind_parameter(at + 2, s.span.start as i64)?;
            st.raw_bind_parameter(at + 3, s.span.end as i64)
        })?;
        insert_rows(tx, &ENTITY_ROWS, &ann.entities, |st, at, i, e| {
            st.raw_bind_parameter(at, doc_id)?;
            st.raw_bind_parameter(at + 1, i as i64)?;
            st.raw_bind_parameter(at + 2, &e.text)?;
            st.raw_bind_parameter(at + 3, e.span.start as i64)?;
            st.raw_bind_parameter(at + 4, e.span.end as i64)?;
            st.raw_bind_parameter(at + 5, e.label.as_str())?;
            st.raw_bind_parameter(at + 6, &e.actor)
        })?;
        let mut st = tx.prepare_cached(
            "INSERT INTO times (doc_id, idx, text, start, \"end\", value, precision, open_ended) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)",
        )?;
        for (i, t) in ann.times.iter().enumerate() {
            st.execute(params![
                doc_id,
                i as i64,
                t.text,
                t.span.start as i64,
                t.span.end as i64,
                t.value,
                t.precision.as_str(),
                t.open_ended
            ])?;
        }
        let mut st = tx.prepare_cached(
            "INSERT INTO quotes (doc_id, idx, text, start, \"end\", speaker, speaker_start, speaker_end, speaker_actor)
             VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9)",
        )?;
        for (i, q) in ann.quotes.iter().enumerate() {
            st.execute(params![
                doc_id,
                i as i64,
                q.text,
                q.span.start as i64,
                q.span.end as i64,
                q.speaker,
                q.speaker_span.map(|s| s.start as i64),
                q.speaker_span.map(|s| s.end as i64),
                q.speaker_actor
            ])?;
        }
    }
    let mut ev = tx.prepare_cached(
        "INSERT INTO events (event_id, doc_id, date, date_precision, historical, negated, hypothetical,
            source_code, source_text, source_country, target_code, target_text, target_country,
            cameo, cameo_root, quad_class, goldstein, plover_event, plover_mode,
            location_name, location_country, lat, lon, sentence_index, cluster, record)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, ?15, ?16, ?17, ?18, ?19, ?20, ?21, ?22, ?23, ?24, ?25, ?26)",
    )?;
    let mut fts = tx.prepare_cached("INSERT INTO event_fts (rowid, text) VALUES (?1, ?2)")?;
    let mut actor = tx.prepare_cached(
        "INSERT INTO actors (code, name, country, sector, events) VALUES (?1, ?2, ?3, ?4, 1)
         ON CONFLICT(code) DO UPDATE SET events = events + 1",
    )?;
    // per cluster this document tells: its events and the first one's id
    let mut clusters: BTreeMap<String, (i64, i64)> = BTreeMap::new();
    let mut key_text = String::new();
    for e in &p.events {
        let key = cluster_key(&group, e, &mut key_text);
        let loc = e.location.as_ref();
        ev.execute(params![
            e.event_id,
            e.doc_id,
            e.date,
            e.date_precision.map(|p| p.as_str()),
            e.historical,
            e.negated,
            e.hypothetical,
            e.source.code,
            e.source.text,
            e.source.country,
            e.target.as_ref().map(|t| &t.code),
            e.target.as_ref().map(|t| &t.text),
            e.target.as_ref().and_then(|t| t.country.as_ref()),
            e.cameo,
            e.cameo_root,
            e.quad_class as i64,
            e.goldstein,
            e.plover.event,
            e.plover.mode,
            loc.map(|l| &l.name),
            loc.and_then(|l| l.country.as_ref()),
            loc.and_then(|l| l.lat),
            loc.and_then(|l| l.lon),
            e.sentence.index as i64,
            key,
            serde_json::to_string(e)?,
        ])?;
        let event_row = tx.last_insert_rowid();
        fts.execute(params![event_row, e.sentence.text])?;
        for a in std::iter::once(&e.source).chain(e.target.as_ref()) {
            actor.execute(params![a.code, a.text, a.country, a.sector])?;
        }
        let (mentions, _) = clusters.entry(key).or_insert((0, event_row));
        *mentions += 1;
    }
    // the document is new, so it adds one article to each cluster it tells, and
    // one source where its site had none there yet (events are never removed)
    let mut add_site = tx.prepare_cached("INSERT OR IGNORE INTO cluster_sites (cluster, site_key) VALUES (?1, ?2)")?;
    let mut count = tx.prepare_cached(
        "INSERT INTO clusters (cluster, num_mentions, num_articles, num_sources, first_event) VALUES (?1, ?2, 1, ?3, ?4)
         ON CONFLICT(cluster) DO UPDATE SET num_mentions = num_mentions + excluded.num_mentions,
             num_articles = num_articles + 1, num_sources = num_sources + excluded.num_sources,
             first_event = min(first_event, excluded.first_event)",
    )?;
    for (key, (mentions, first)) in &clusters {
        let new_site = add_site.execute(params![key, site])?;
        count.execute(params![key, mentions, new_site as i64, first])?;
    }
    Ok(similarity.is_some())
}

#[cfg(test)]
mod tests {
    use dyad_core::EntityLabel;

    #[test]
    fn insert_rows_writes_every_item_once_in_order() {
        let mut conn = rusqlite::Connection::open_in_memory().unwrap();
        conn.execute_batch(
            "CREATE TABLE t (doc_id TEXT NOT NULL, idx INTEGER NOT NULL, v INTEGER NOT NULL,
                PRIMARY KEY (doc_id, idx)) WITHOUT ROWID",
        )
        .unwrap();
        let insert = super::RowInsert::new("t", &["doc_id", "idx", "v"]);
        // every mix of the statement sizes: 0 to 40 rows
        for n in 0..=40i64 {
            let doc = format!("d{n}");
            let items: Vec<i64> = (0..n).map(|i| i * 7).collect();
            let tx = conn.transaction().unwrap();
            super::insert_rows(&tx, &insert, &items, |st, at, i, v| {
                st.raw_bind_parameter(at, &doc)?;
                st.raw_bind_parameter(at + 1, i as i64)?;
                st.raw_bind_parameter(at + 2, *v)
            })
            .unwrap();
            tx.commit().unwrap();
            let mut st = conn.prepare("SELECT idx, v FROM t WHERE doc_id = ?1 ORDER BY idx").unwrap();
            let rows: Vec<(i64, i64)> =
                st.query_map([&doc], |r| Ok((r.get(0)?, r.get(1)?))).unwrap().map(|r| r.unwrap()).collect();
            assert_eq!(rows, (0..n).map(|i| (i, i * 7)).collect::<Vec<_>>(), "{n} rows");
        }
    }

    #[test]
    fn bucket_query_limit_is_the_cap() {
        assert!(super::BUCKET_SQL.ends_with(&format!(" LIMIT {}", super::BUCKET_CAP)));
    }

    #[test]
    fn label_names_are_the_serialized_ones() {
        for label in [EntityLabel::PER, EntityLabel::ORG, EntityLabel::LOC, EntityLabel::MISC] {
            assert_eq!(serde_json::to_value(label).unwrap().as_str(), Some(label.as_str()));
        }
    }
}
