//! dyad's embedded store: one SQLite file holding documents, articles with their
//! sentences, entities, time expressions and quotes, coded events, actors and the
//! runs that wrote them. Full-text search uses SQLite FTS5; near-duplicate reprints
//! are grouped with MinHash so each event carries GDELT-style mention counts.
//!
//! Writing happens one batch per transaction ([`Store::write_batch`]): a crash loses
//! at most the batch in flight and never leaves half a document.

mod export;
mod ingest;
mod minhash;
mod query;
mod schema;

pub use export::{export, ExportFormat, GDELT_COLUMNS};
pub use ingest::{BatchStats, Fault, Processed};
pub use minhash::{jaccard_estimate, signature};
pub use query::{EventFilter, Page, Sort, MAX_PAGE_SIZE};

use rusqlite::{Connection, OpenFlags};
use std::path::Path;

#[derive(Debug, thiserror::Error)]
pub enum StoreError {
    #[error("database: {0}")]
    Sql(#[from] rusqlite::Error),
    #[error("json: {0}")]
    Json(#[from] serde_json::Error),
    #[error("io: {0}")]
    Io(#[from] std::io::Error),
    #[error("parquet: {0}")]
    Parquet(String),
    #[error("{0}")]
    Schema(String),
    #[error("injected fault after {0} document(s)")]
    Injected(usize),
}

pub type Result<T> = std::result::Result<T, StoreError>;

impl StoreError {
    /// A query stopped by [`Store::set_time_limit`].
    pub fn is_interrupted(&self) -> bool {
        matches!(self, StoreError::Sql(rusqlite::Error::SqliteFailure(e, _)) if e.code == rusqlite::ErrorCode::OperationInterrupted)
    }
}

/// A connection to a dyad store.
pub struct Store {
    conn: Connection,
    /// Test hook: fail (or abort the process) part-way through a batch.
    pub fault: Option<Fault>,
    written_in_session: usize,
}

/// How many rows each table holds.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize)]
pub struct Counts {
    pub documents: i64,
    pub sentences: i64,
    pub entities: i64,
    pub quotes: i64,
    pub events: i64,
    pub actors: i64,
    pub groups: i64,
    pub runs: i64,
}

/// How much of the store file a read-only connection maps into memory (address space,
/// not resident memory: the pages are the OS page cache's).
const READ_MMAP_BYTES: i64 = 1 << 30;

/// Page cache of the writing connection, in KiB (SQLite's default is 2 MiB).
const WRITE_CACHE_KIB: i64 = 32 * 1024;

/// Pages of write-ahead log after which the writer checkpoints (SQLite's default is 1,000).
const WAL_CHECKPOINT_PAGES: i64 = 16 * 1024;

impl Store {
    /// Open (creating it on first use) a store for writing and bring its schema up to date.
    pub fn open(path: &Path) -> Result<Store> {
        Store::open_at_version(path, schema::CURRENT)
    }

    /// Test hook: [`Store::open`] bringing the schema only up to `version`, to make
    /// a store as an older dyad wrote it and test its migration.
    #[doc(hidden)]
    pub fn open_at_version(path: &Path, version: i64) -> Result<Store> {
        let conn = Connection::open(path)?;
        conn.busy_timeout(std::time::Duration::from_secs(10))?;
        conn.pragma_update(None, "journal_mode", "WAL")?;
        conn.pragma_update(None, "synchronous", "NORMAL")?;
        // no foreign-key enforcement on the writer (the bundled SQLite enables it by
        // default): write_document writes a document's row before any row naming it, in
        // the same transaction, and nothing is ever deleted, so the checks could not
        // fail, yet cost an index search of documents for every sentence, entity, time,
        // quote, event and band row (about 120 a document). Tests check that an ingested
        // store passes `PRAGMA foreign_key_check`
        conn.pragma_update(None, "foreign_keys", "OFF")?;
        // the writer's page cache: the indexes it inserts into at random keys
        // (band buckets, FTS terms) stay in memory instead of being re-read page
        // by page; a fixed size, so memory stays flat however large the store
        conn.pragma_update(None, "cache_size", -WRITE_CACHE_KIB)?;
        // copy the write-ahead log into the store every 64 MiB of it rather than every
        // 4 MiB (SQLite's default): each checkpoint syncs the file and rewrites the
        // pages changed since the last, and the pages a batch changes (index and FTS
        // interior pages) are mostly the same from batch to batch
        conn.pragma_update(None, "wal_autocheckpoint", WAL_CHECKPOINT_PAGES)?;
        // every statement a batch runs stays prepared (rusqlite keeps 16 by default,
        // and writing a document runs up to 22 distinct statements: three sizes of
        // INSERT for each of sentences, entities and band buckets)
        conn.set_prepared_statement_cache_capacity(32);
        let mut store = Store { conn, fault: None, written_in_session: 0 };
        schema::migrate_to(&mut store.conn, version)?;
        Ok(store)
    }

    /// Open an existing store read-only (the server's connections).
    pub fn open_read_only(path: &Path) -> Result<Store> {
        if !path.exists() {
            return Err(StoreError::Schema(format!("{}: no such store (run `dyad ingest` first)", path.display())));
        }
        let conn = Connection::open_with_flags(
            path,
            OpenFlags::SQLITE_OPEN_READ_ONLY | OpenFlags::SQLITE_OPEN_NO_MUTEX | OpenFlags::SQLITE_OPEN_URI,
        )?;
        conn.busy_timeout(std::time::Duration::from_secs(5))?;
        conn.pragma_update(None, "query_only", "ON")?;
        // read pages straight from the OS page cache (shared by every connection) rather
        // than copying each into a private cache with a system call: most of a query's time
        // on a large store was spent in read(2)
        conn.pragma_update(None, "mmap_size", READ_MMAP_BYTES)?;
        let version = schema::version(&conn)?;
        if version != schema::CURRENT {
            return Err(StoreError::Schema(format!(
                "{}: store schema version {version}, this dyad reads {} (run `dyad ingest` to migrate)",
                path.display(),
                schema::CURRENT
            )));
        }
        Ok(Store { conn, fault: None, written_in_session: 0 })
    }

    /// SQLite's `data_version`: it changes whenever another connection has committed to
    /// the store since this connection last asked.
    pub fn data_version(&self) -> Result<i64> {
        Ok(self.conn.query_row("PRAGMA data_version", [], |r| r.get(0))?)
    }

    pub fn schema_version(&self) -> Result<i64> {
        schema::version(&self.conn)
    }

    pub fn counts(&self) -> Result<Counts> {
        let n = |sql: &str| -> Result<i64> { Ok(self.conn.query_row(sql, [], |r| r.get(0))?) };
        Ok(Counts {
            documents: n("SELECT COUNT(*) FROM documents")?,
            sentences: n("SELECT COUNT(*) FROM sentences")?,
            entities: n("SELECT COUNT(*) FROM entities")?,
            quotes: n("SELECT COUNT(*) FROM quotes")?,
            events: n("SELECT COUNT(*) FROM events")?,
            actors: n("SELECT COUNT(*) FROM actors")?,
            groups: n("SELECT COUNT(DISTINCT group_id) FROM documents")?,
            runs: n("SELECT COUNT(*) FROM runs")?,
        })
    }

    /// Stop any statement still running `limit` from now (the server's query timeout:
    /// SQLite calls back every thousand VM steps); `None` lifts the limit. A stopped
    /// query fails with an error for which [`StoreError::is_interrupted`] holds.
    pub fn set_time_limit(&mut self, limit: Option<std::time::Duration>) -> Result<()> {
        match limit {
            None => self.conn.progress_handler(0, None::<fn() -> bool>)?,
            Some(limit) => {
                let deadline = std::time::Instant::now() + limit;
                self.conn.progress_handler(1000, Some(move || std::time::Instant::now() >= deadline))?;
            }
        }
        Ok(())
    }

    /// SQLite's own consistency check; "ok" when the file is sound.
    pub fn integrity_check(&self) -> Result<String> {
        Ok(self.conn.query_row("PRAGMA integrity_check", [], |r| r.get(0))?)
    }

    /// The underlying connection, for ad-hoc SQL in tests and tools.
    pub fn connection(&self) -> &Connection {
        &self.conn
    }
}
