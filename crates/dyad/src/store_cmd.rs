//! The store commands: `ingest` (the pipeline into the SQLite store), `serve` (HTTP
//! API and web UI over it) and `export` (events out as JSONL, CSV, Parquet or GDELT).

use crate::pipeline::{load_dictionaries, process, Processed as ProcessedDoc};
use crate::Summary;
use anyhow::Context;
use clap::ValueEnum;
use dyad_code::Coder;
use dyad_store::{ExportFormat, Fault, Processed, Store};
use std::io::IsTerminal;
use std::path::{Path, PathBuf};

#[derive(clap::Args, Clone, Debug)]
pub struct IngestArgs {
    /// Files, folders (walked recursively) or `-` for standard input
    #[arg(required = true)]
    pub inputs: Vec<String>,
    /// The store (created on first use)
    #[arg(long, default_value = "dyad.db")]
    pub db: PathBuf,
    /// Publication date (YYYY-MM-DD) for texts that carry none
    #[arg(long, value_parser = crate::parse_date)]
    pub published: Option<chrono::NaiveDate>,
    /// Each input line is its own document (source `PATH:LINE`)
    #[arg(long)]
    pub lines: bool,
    /// Largest document accepted, in bytes
    #[arg(long, default_value_t = 8 * 1024 * 1024)]
    pub max_bytes: usize,
    /// Extra dictionary file (actors or verb patterns, dyad format); repeatable
    #[arg(long = "dict")]
    pub dicts: Vec<PathBuf>,
    /// Documents written per transaction: a crash loses at most this many
    #[arg(long, default_value_t = 64, value_parser = clap::value_parser!(u32).range(1..=100_000))]
    pub batch_size: u32,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, ValueEnum)]
pub enum ExportAs {
    Jsonl,
    Csv,
    Parquet,
    /// GDELT 2.0 event table: 61 tab-separated columns, no header, one row per event
    Gdelt,
}

/// Test hook: `DYAD_TEST_ABORT_AFTER=N` aborts the process inside the transaction
/// that would write the (N+1)th document, as a crash would.
const ABORT_ENV: &str = "DYAD_TEST_ABORT_AFTER";

pub fn ingest(args: &IngestArgs) -> anyhow::Result<Summary> {
    let mut store = Store::open(&args.db).with_context(|| format!("opening store {}", args.db.display()))?;
    if let Some(n) = std::env::var(ABORT_ENV).ok().and_then(|v| v.parse().ok()) {
        store.fault = Some(Fault::Abort { after: n });
    }
    let coder = Coder::new(load_dictionaries(&args.dicts)?);
    let run = store.begin_run(&format!("ingest {}", args.inputs.join(" ")))?;
    let opts = dyad_ingest::InputOptions { lines: args.lines, max_bytes: args.max_bytes };
    let mut summary = Summary::default();
    let mut tally = Tally::default();
    let mut batch: Vec<Processed> = Vec::new();
    for doc in dyad_ingest::read_inputs(&args.inputs, &opts) {
        let doc = match doc {
            Ok(d) => d,
            Err(e) => {
                eprintln!("dyad: {e}");
                summary.failed += 1;
                continue;
            }
        };
        summary.documents += 1;
        if store.has_document(&doc.id())? {
            tally.skipped += 1;
            continue;
        }
        let stage = crate::pipeline::Stage::Code { explain: false };
        let (annotated, coded) = match process(&doc, &stage, Some(&coder), args.published) {
            Ok(ProcessedDoc::Coded(annotated, coded)) => (*annotated, coded),
            Ok(_) => unreachable!("the code stage returns coded documents"),
            Err(e) => {
                eprintln!("dyad: {e}");
                summary.failed += 1;
                continue;
            }
        };
        let media_type = match doc.media_type {
            dyad_core::MediaType::Html => "html",
            dyad_core::MediaType::Text => "text",
        };
        batch.push(Processed {
            source: doc.source.clone(),
            url: doc.url.clone(),
            media_type: media_type.into(),
            bytes: doc.bytes.len(),
            annotated,
            events: coded.events,
        });
        if batch.len() >= args.batch_size as usize {
            flush(&mut store, run, &mut batch, &mut tally, &mut summary)?;
        }
    }
    flush(&mut store, run, &mut batch, &mut tally, &mut summary)?;
    let Tally { added, skipped, grouped } = tally;
    store.finish_run(run, added, skipped, summary.records, summary.failed)?;
    let counts = store.counts()?;
    eprintln!(
        "dyad: {} document(s) read: {added} added ({grouped} grouped with a near-duplicate), {skipped} already stored, \
         {} failed; {} event(s) added. {} now holds {} document(s), {} event(s).",
        summary.documents,
        summary.failed,
        summary.records,
        args.db.display(),
        counts.documents,
        counts.events
    );
    Ok(summary)
}

#[derive(Default)]
struct Tally {
    added: usize,
    skipped: usize,
    grouped: usize,
}

/// Write the batch in one transaction and empty it.
fn flush(
    store: &mut Store,
    run: i64,
    batch: &mut Vec<Processed>,
    tally: &mut Tally,
    summary: &mut Summary,
) -> anyhow::Result<()> {
    if batch.is_empty() {
        return Ok(());
    }
    let stats = store.write_batch(run, batch).context("writing a batch to the store")?;
    tally.added += stats.added;
    tally.skipped += stats.skipped;
    tally.grouped += stats.grouped;
    summary.records += stats.events;
    batch.clear();
    Ok(())
}

pub fn serve(db: &Path, addr: &str) -> anyhow::Result<Summary> {
    let addr: std::net::SocketAddr =
        addr.parse().with_context(|| format!("{addr:?} is not an address such as 127.0.0.1:8080"))?;
    let rt = tokio::runtime::Builder::new_multi_thread().enable_all().build()?;
    rt.block_on(dyad_server::serve(db, addr))?;
    Ok(Summary::default())
}

pub fn export(db: &Path, format: ExportAs, out: Option<&Path>) -> anyhow::Result<Summary> {
    let store = Store::open_read_only(db)?;
    let format = match format {
        ExportAs::Jsonl => ExportFormat::Jsonl,
        ExportAs::Csv => ExportFormat::Csv,
        ExportAs::Parquet => ExportFormat::Parquet,
        ExportAs::Gdelt => ExportFormat::Gdelt,
    };
    let n = match out {
        Some(path) => {
            let file = std::fs::File::create(path).with_context(|| format!("creating {}", path.display()))?;
            dyad_store::export(&store, format, std::io::BufWriter::new(file))?
        }
        None => {
            if format == ExportFormat::Parquet && std::io::stdout().is_terminal() {
                anyhow::bail!("Parquet is binary: give --out FILE or redirect standard output");
            }
            match dyad_store::export(&store, format, std::io::BufWriter::new(std::io::stdout())) {
                Err(dyad_store::StoreError::Io(e)) if e.kind() == std::io::ErrorKind::BrokenPipe => 0,
                r => r?,
            }
        }
    };
    eprintln!("dyad: {n} event row(s) exported");
    Ok(Summary { documents: 0, failed: 0, records: n })
}
