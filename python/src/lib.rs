//! dyad for Python: the plain-Rust half of the `dyad` package. Documents go through
//! `dyad_pipeline` exactly as in the command line (same records, same error
//! messages); coded events become Arrow record batches (typed columns named as in
//! `dyad code --format csv`, or GDELT 2.0's names) handed to Python as Arrow IPC
//! bytes, which pyarrow reads without copying the columns again.
//!
//! The PyO3 bindings (`py` module) are behind the `python` feature, which maturin
//! turns on; without it this crate builds and tests like any other.

#[cfg(feature = "python")]
mod py;

use arrow_array::{ArrayRef, BooleanArray, Float64Array, Int64Array, RecordBatch, StringArray};
use dyad_code::Coder;
use dyad_core::{Document, Event, GdeltExtras, GDELT_COLUMNS};
use dyad_ingest::InputError;
use dyad_pipeline::{Processed, Stage};
use std::sync::{Arc, OnceLock};

/// Documents handed to the pipeline at once (as in the command line).
const BATCH: usize = 256;

/// The coder with dyad's embedded dictionaries, built once per process.
pub fn coder() -> Result<&'static Coder, String> {
    static CODER: OnceLock<Result<Coder, String>> = OnceLock::new();
    CODER
        .get_or_init(|| dyad_pipeline::load_dictionaries(&[]).map(|(dict, _)| Coder::new(dict)))
        .as_ref()
        .map_err(Clone::clone)
}

/// A `--published` style date, with the command line's message when it is not one.
pub fn parse_date(s: &str) -> Result<chrono::NaiveDate, String> {
    dyad_pipeline::parse_date(s)
}

/// `threads` as the command line reads `--threads`: 0 means one per core.
pub fn threads(n: usize) -> usize {
    if n == 0 {
        std::thread::available_parallelism().map(|n| n.get()).unwrap_or(1)
    } else {
        n
    }
}

/// One text or page given by the caller.
pub struct Input {
    pub bytes: Vec<u8>,
    /// Names the document in errors and, without a URL, seeds its id.
    pub source: String,
    pub url: Option<String>,
    pub published: Option<chrono::NaiveDate>,
}

impl Input {
    /// The document the command line would make of these bytes read from a file
    /// named `source` (HTML or text decided by the first bytes).
    pub fn into_document(self) -> Document {
        let media_type = dyad_ingest::sniff_media_type(&self.bytes);
        let mut doc = Document::new(self.source, media_type, self.bytes);
        doc.url = self.url;
        doc.published = self.published;
        doc
    }
}

/// Message for a document that failed, as `dyad` prints it.
fn failure(doc: &Document, e: String) -> String {
    if e.starts_with(&doc.source) {
        e
    } else {
        format!("{}: {e}", doc.source)
    }
}

/// Run documents through `stage`; each result is that document's JSONL records (one
/// article, one annotation, or its events) or its error message.
pub fn records(docs: &[Document], stage: &Stage, threads: usize) -> Result<Vec<Result<Vec<String>, String>>, String> {
    let coder = match stage {
        Stage::Extract => None,
        _ => Some(coder()?),
    };
    let results = dyad_pipeline::process_batch(docs, stage, coder, None, threads);
    Ok(docs
        .iter()
        .zip(results)
        .map(|(doc, r)| match r {
            Err(e) => Err(failure(doc, e)),
            Ok(p) => Ok(json_records(&p)),
        })
        .collect())
}

fn json_records(p: &Processed) -> Vec<String> {
    match p {
        Processed::Article(a) => vec![to_json(a)],
        Processed::Annotated(a) => vec![to_json(a.as_ref())],
        Processed::Coded(_, c) => c.events.iter().map(to_json).collect(),
    }
}

/// A record as the command line writes it (serialising dyad's records cannot fail).
fn to_json<T: serde::Serialize>(v: &T) -> String {
    serde_json::to_string(v).unwrap_or_else(|e| format!("{{\"error\":{:?}}}", e.to_string()))
}

/// A coded event and the document it came from.
pub struct EventRow {
    pub source: String,
    pub url: Option<String>,
    pub event: Event,
}

/// What coding a set of inputs gave: the events, how many documents were read and
/// how many failed (input errors such as a bad WARC record, or pipeline errors),
/// with every failure's message.
#[derive(Default)]
pub struct Coded {
    pub events: Vec<EventRow>,
    /// Records met: documents read plus inputs that could not be read (a bad WARC record).
    pub records: usize,
    pub documents: usize,
    pub failed: usize,
    pub errors: Vec<String>,
}

/// Code documents (or input errors met while reading them) in batches, in order.
pub fn code_all(
    items: impl Iterator<Item = Result<Document, InputError>>,
    published: Option<chrono::NaiveDate>,
    threads: usize,
) -> Result<Coded, String> {
    let coder = coder()?;
    let stage = Stage::Code { explain: false };
    let mut out = Coded::default();
    let mut items = items.peekable();
    let mut batch = Vec::with_capacity(BATCH);
    while items.peek().is_some() {
        while batch.len() < BATCH {
            match items.next() {
                Some(Ok(d)) => batch.push(d),
                Some(Err(e)) => {
                    out.records += 1;
                    out.failed += 1;
                    out.errors.push(e.to_string());
                }
                None => break,
            }
        }
        let results = dyad_pipeline::process_batch(&batch, &stage, Some(coder), published, threads);
        for (doc, r) in batch.drain(..).zip(results) {
            out.records += 1;
            out.documents += 1;
            match r {
                Err(e) => {
                    out.failed += 1;
                    out.errors.push(failure(&doc, e));
                }
                Ok(Processed::Coded(_, c)) => out.events.extend(c.events.into_iter().map(|event| EventRow {
                    source: doc.source.clone(),
                    url: doc.url.clone(),
                    event,
                })),
                Ok(_) => {}
            }
        }
    }
    Ok(out)
}

/// Columns after the CSV ones: what the event record holds that a flat CSV leaves out.
const EXTRA_COLUMNS: [&str; 11] = [
    "date_precision",
    "cameo_root",
    "source_country",
    "source_sector",
    "target_country",
    "target_sector",
    "location_country",
    "lat",
    "lon",
    "sentence_index",
    "rule",
];

/// The column names of [`events_batch`]: `source` and `url` of the document, the
/// CSV columns of `dyad code --format csv`, then [`EXTRA_COLUMNS`]; or GDELT's 61.
pub fn column_names(gdelt: bool) -> Vec<&'static str> {
    if gdelt {
        return GDELT_COLUMNS.to_vec();
    }
    ["source", "url"].into_iter().chain(Event::CSV_COLUMNS.iter().copied()).chain(EXTRA_COLUMNS).collect()
}

/// An Arrow column from the CSV cells of one column: flags as booleans, counts as
/// integers, scores as floats, and empty text as null.
fn typed_column(name: &str, cells: Vec<String>) -> ArrayRef {
    match name {
        "negated" | "hypothetical" | "historical" => {
            Arc::new(BooleanArray::from(cells.iter().map(|c| c == "true").collect::<Vec<_>>()))
        }
        "quad_class" | "sentence_index" => {
            Arc::new(Int64Array::from(cells.iter().map(|c| c.parse().ok()).collect::<Vec<Option<i64>>>()))
        }
        "goldstein" | "lat" | "lon" => {
            Arc::new(Float64Array::from(cells.iter().map(|c| c.parse().ok()).collect::<Vec<Option<f64>>>()))
        }
        _ => Arc::new(StringArray::from(cells.into_iter().map(|c| (!c.is_empty()).then_some(c)).collect::<Vec<_>>())),
    }
}

/// The events as one record batch (columns in [`column_names`] order). With `gdelt`,
/// every cell is GDELT's text; an event's GlobalEventID is a hash of its event_id
/// (stable across runs and machines), its counts are 1 (one report: no clustering
/// here) and DATEADDED is `date_added` (YYYYMMDDHHMMSS).
pub fn events_batch(rows: &[EventRow], gdelt: bool, date_added: &str) -> Result<RecordBatch, String> {
    let names = column_names(gdelt);
    let mut columns: Vec<Vec<String>> = vec![Vec::with_capacity(rows.len()); names.len()];
    for r in rows {
        let cells = if gdelt {
            r.event.gdelt_cells(&GdeltExtras {
                global_id: global_id(&r.event.event_id),
                num_mentions: 1,
                num_sources: 1,
                num_articles: 1,
                date_added,
                url: r.url.as_deref().unwrap_or(&r.source),
            })
        } else {
            let e = &r.event;
            let mut c = vec![r.source.clone(), r.url.clone().unwrap_or_default()];
            c.extend(e.csv_cells());
            let opt = |v: Option<&String>| v.cloned().unwrap_or_default();
            c.extend([
                e.date_precision.map(|p| p.as_str().to_string()).unwrap_or_default(),
                e.cameo_root.clone(),
                opt(e.source.country.as_ref()),
                opt(e.source.sector.as_ref()),
                opt(e.target.as_ref().and_then(|t| t.country.as_ref())),
                opt(e.target.as_ref().and_then(|t| t.sector.as_ref())),
                opt(e.location.as_ref().and_then(|l| l.country.as_ref())),
                e.location.as_ref().and_then(|l| l.lat).map(|v| v.to_string()).unwrap_or_default(),
                e.location.as_ref().and_then(|l| l.lon).map(|v| v.to_string()).unwrap_or_default(),
                e.sentence.index.to_string(),
                e.rule.clone(),
            ]);
            c
        };
        if cells.len() != names.len() {
            return Err(format!("internal error: {} cells for {} columns", cells.len(), names.len()));
        }
        for (col, cell) in columns.iter_mut().zip(cells) {
            col.push(cell);
        }
    }
    let arrays = names.iter().zip(columns).map(|(name, cells)| {
        let array = if gdelt { Arc::new(StringArray::from(cells)) as ArrayRef } else { typed_column(name, cells) };
        (name.to_string(), array)
    });
    RecordBatch::try_from_iter(arrays).map_err(|e| e.to_string())
}

/// A positive 63-bit integer id for GDELT's GlobalEventID.
fn global_id(event_id: &str) -> i64 {
    (xxhash_rust::xxh3::xxh3_64(event_id.as_bytes()) >> 1) as i64
}

/// The current time as GDELT's DATEADDED (YYYYMMDDHHMMSS, UTC).
pub fn now_added() -> String {
    chrono::Utc::now().format("%Y%m%d%H%M%S").to_string()
}

/// A record batch as an Arrow IPC stream (what `pyarrow.ipc.open_stream` reads).
pub fn ipc_stream(batch: &RecordBatch) -> Result<Vec<u8>, String> {
    let mut buf = Vec::new();
    let mut w = arrow_ipc::writer::StreamWriter::try_new(&mut buf, &batch.schema()).map_err(|e| e.to_string())?;
    w.write(batch).map_err(|e| e.to_string())?;
    w.finish().map_err(|e| e.to_string())?;
    drop(w);
    Ok(buf)
}

/// Input options with the command line's default document limit.
pub fn input_options(max_bytes: Option<usize>) -> dyad_ingest::InputOptions {
    let mut o = dyad_ingest::InputOptions::default();
    if let Some(m) = max_bytes {
        o.max_bytes = m;
    }
    o
}

#[cfg(test)]
mod tests;
