//! Versioned migrations. `PRAGMA user_version` holds the number of migrations applied;
//! each runs in its own transaction, so a store is never left between two versions.

use crate::Result;
use rusqlite::Connection;

const MIGRATIONS: &[&str] = &[
    // 1: the first schema
    r#"
CREATE TABLE runs (
    id INTEGER PRIMARY KEY,
    started_at TEXT NOT NULL,
    finished_at TEXT,
    command TEXT NOT NULL,
    dyad_version TEXT NOT NULL,
    documents_added INTEGER NOT NULL DEFAULT 0,
    documents_skipped INTEGER NOT NULL DEFAULT 0,
    events_added INTEGER NOT NULL DEFAULT 0,
    failed INTEGER NOT NULL DEFAULT 0
);
CREATE TABLE documents (
    doc_id TEXT PRIMARY KEY,
    source TEXT NOT NULL,
    url TEXT,
    media_type TEXT NOT NULL,
    bytes INTEGER NOT NULL,
    run_id INTEGER NOT NULL REFERENCES runs(id),
    added_at TEXT NOT NULL,
    group_id TEXT NOT NULL,
    similarity REAL,
    site_key TEXT NOT NULL,
    minhash BLOB NOT NULL
);
CREATE INDEX documents_group ON documents(group_id);
CREATE TABLE doc_bands (
    band INTEGER NOT NULL,
    hash INTEGER NOT NULL,
    doc_id TEXT NOT NULL REFERENCES documents(doc_id),
    PRIMARY KEY (band, hash, doc_id)
) WITHOUT ROWID;
CREATE TABLE articles (
    doc_id TEXT PRIMARY KEY REFERENCES documents(doc_id),
    title TEXT,
    published TEXT,
    published_precision TEXT,
    authors TEXT NOT NULL,
    site TEXT,
    language TEXT,
    text TEXT NOT NULL,
    paragraphs TEXT NOT NULL,
    boilerplate TEXT NOT NULL
);
CREATE INDEX articles_published ON articles(published);
CREATE TABLE sentences (
    doc_id TEXT NOT NULL REFERENCES documents(doc_id),
    idx INTEGER NOT NULL,
    start INTEGER NOT NULL,
    "end" INTEGER NOT NULL,
    PRIMARY KEY (doc_id, idx)
) WITHOUT ROWID;
CREATE TABLE entities (
    doc_id TEXT NOT NULL REFERENCES documents(doc_id),
    idx INTEGER NOT NULL,
    text TEXT NOT NULL,
    start INTEGER NOT NULL,
    "end" INTEGER NOT NULL,
    label TEXT NOT NULL,
    actor TEXT,
    PRIMARY KEY (doc_id, idx)
) WITHOUT ROWID;
CREATE TABLE times (
    doc_id TEXT NOT NULL REFERENCES documents(doc_id),
    idx INTEGER NOT NULL,
    text TEXT NOT NULL,
    start INTEGER NOT NULL,
    "end" INTEGER NOT NULL,
    value TEXT NOT NULL,
    precision TEXT NOT NULL,
    open_ended INTEGER NOT NULL,
    PRIMARY KEY (doc_id, idx)
) WITHOUT ROWID;
CREATE TABLE quotes (
    doc_id TEXT NOT NULL REFERENCES documents(doc_id),
    idx INTEGER NOT NULL,
    text TEXT NOT NULL,
    start INTEGER NOT NULL,
    "end" INTEGER NOT NULL,
    speaker TEXT,
    speaker_start INTEGER,
    speaker_end INTEGER,
    speaker_actor TEXT,
    PRIMARY KEY (doc_id, idx)
) WITHOUT ROWID;
CREATE TABLE events (
    id INTEGER PRIMARY KEY,
    event_id TEXT NOT NULL UNIQUE,
    doc_id TEXT NOT NULL REFERENCES documents(doc_id),
    date TEXT,
    date_precision TEXT,
    historical INTEGER NOT NULL,
    negated INTEGER NOT NULL,
    hypothetical INTEGER NOT NULL,
    source_code TEXT NOT NULL,
    source_text TEXT NOT NULL,
    source_country TEXT,
    target_code TEXT,
    target_text TEXT,
    target_country TEXT,
    cameo TEXT NOT NULL,
    cameo_root TEXT NOT NULL,
    quad_class INTEGER NOT NULL,
    goldstein REAL NOT NULL,
    plover_event TEXT NOT NULL,
    plover_mode TEXT,
    location_name TEXT,
    location_country TEXT,
    lat REAL,
    lon REAL,
    sentence_index INTEGER NOT NULL,
    cluster TEXT NOT NULL,
    record TEXT NOT NULL
);
CREATE INDEX events_doc ON events(doc_id);
CREATE INDEX events_date ON events(date);
CREATE INDEX events_source ON events(source_code);
CREATE INDEX events_target ON events(target_code);
CREATE INDEX events_cameo ON events(cameo);
CREATE INDEX events_root ON events(cameo_root);
CREATE INDEX events_cluster ON events(cluster);
CREATE INDEX events_quad_date ON events(quad_class, date);
CREATE TABLE clusters (
    cluster TEXT PRIMARY KEY,
    num_mentions INTEGER NOT NULL,
    num_articles INTEGER NOT NULL,
    num_sources INTEGER NOT NULL,
    first_event INTEGER NOT NULL
) WITHOUT ROWID;
CREATE TABLE actors (
    code TEXT PRIMARY KEY,
    name TEXT NOT NULL,
    country TEXT,
    sector TEXT,
    events INTEGER NOT NULL DEFAULT 0
) WITHOUT ROWID;
CREATE VIRTUAL TABLE article_fts USING fts5(doc_id UNINDEXED, title, text);
CREATE VIRTUAL TABLE event_fts USING fts5(text);
"#,
    // 2: indexes for the event list's filters and sort orders at 100,000+ events
    r#"
CREATE INDEX events_source_country ON events(source_country);
CREATE INDEX events_target_country ON events(target_country);
CREATE INDEX events_plover_date ON events(plover_event, date);
CREATE INDEX events_goldstein ON events(goldstein);
DROP INDEX events_root;
CREATE INDEX events_root_date ON events(cameo_root, date);
"#,
    // 3: the event list in its default order (date, then id) with every filter column in
    // the index entry, so the list walks it (and counts over it) without reading each
    // event's wide row; it replaces the date-only index
    r#"
DROP INDEX events_date;
CREATE INDEX events_list ON events(date, id, source_code, target_code, source_country, target_country, cameo,
    quad_class, plover_event, negated, hypothetical, historical, goldstein, lat);
"#,
    // 4: the sites each event cluster was reported by, so a batch updates the
    // cluster counts by what it adds instead of recounting every event of the
    // cluster (a story reprinted thousands of times made each batch slower)
    r#"
CREATE TABLE cluster_sites (
    cluster TEXT NOT NULL,
    site_key TEXT NOT NULL,
    PRIMARY KEY (cluster, site_key)
) WITHOUT ROWID;
INSERT INTO cluster_sites (cluster, site_key)
    SELECT DISTINCT e.cluster, d.site_key FROM events e JOIN documents d ON d.doc_id = e.doc_id;
"#,
    // 5: the article index reads title and text from `articles` (FTS5 external
    // content) instead of keeping a second copy of every article's text. It maps
    // index entries to articles by rowid, so articles get an explicit integer key
    // (`id`, the rowid they had): VACUUM may renumber the implicit rowids of a
    // table without one
    r#"
CREATE TABLE articles_v5 (
    doc_id TEXT NOT NULL UNIQUE REFERENCES documents(doc_id),
    title TEXT,
    published TEXT,
    published_precision TEXT,
    authors TEXT NOT NULL,
    site TEXT,
    language TEXT,
    text TEXT NOT NULL,
    paragraphs TEXT NOT NULL,
    boilerplate TEXT NOT NULL,
    id INTEGER PRIMARY KEY
);
INSERT INTO articles_v5 (id, doc_id, title, published, published_precision, authors, site, language, text,
        paragraphs, boilerplate)
    SELECT rowid, doc_id, title, published, published_precision, authors, site, language, text, paragraphs,
        boilerplate FROM articles ORDER BY rowid;
DROP TABLE articles;
ALTER TABLE articles_v5 RENAME TO articles;
CREATE INDEX articles_published ON articles(published);
DROP TABLE article_fts;
CREATE VIRTUAL TABLE article_fts USING fts5(doc_id UNINDEXED, title, text, content='articles', content_rowid='id');
INSERT INTO article_fts (article_fts) VALUES ('rebuild');
"#,
];

/// The schema version this build writes and reads.
pub const CURRENT: i64 = MIGRATIONS.len() as i64;

pub fn version(conn: &Connection) -> Result<i64> {
    Ok(conn.query_row("PRAGMA user_version", [], |r| r.get(0))?)
}

/// Apply the migrations up to version `target` ([`CURRENT`] but in tests).
pub fn migrate_to(conn: &mut Connection, target: i64) -> Result<()> {
    let have = version(conn)?;
    if have > CURRENT {
        return Err(crate::StoreError::Schema(format!(
            "store schema version {have} is newer than this dyad ({CURRENT}); upgrade dyad"
        )));
    }
    for (i, sql) in MIGRATIONS.iter().enumerate().take(target.clamp(0, CURRENT) as usize).skip(have as usize) {
        let tx = conn.transaction()?;
        tx.execute_batch(sql)?;
        tx.pragma_update(None, "user_version", (i + 1) as i64)?;
        tx.commit()?;
    }
    Ok(())
}
