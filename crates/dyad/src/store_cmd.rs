//! The store commands: `ingest` (the pipeline into the SQLite store), `serve` (HTTP
//! API and web UI over it) and `export` (events out as JSONL, CSV, Parquet or GDELT).

use crate::Summary;
use anyhow::Context;
use clap::ValueEnum;
use dyad_store::{ExportFormat, Store};
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
    #[arg(long, default_value_t = 256, value_parser = clap::value_parser!(u32).range(1..=100_000))]
    pub batch_size: u32,
    /// Worker threads (0: one per core); the store's content does not depend on it
    #[arg(long, default_value_t = 0)]
    pub threads: usize,
    /// Skip documents published before this date (YYYY-MM-DD) when their date is known
    /// (from the feed, the JSONL record, the page's metadata or --published)
    #[arg(long, value_parser = crate::parse_date)]
    pub since: Option<chrono::NaiveDate>,
    /// No progress line, even on a terminal
    #[arg(long, short)]
    pub quiet: bool,
    /// Write the run's counts and per-stage seconds as JSON to this file (used by `dyad bench`)
    #[arg(long, hide = true)]
    pub stats: Option<PathBuf>,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, ValueEnum)]
pub enum ExportAs {
    Jsonl,
    Csv,
    Parquet,
    /// GDELT 2.0 event table: 61 tab-separated columns, no header, one row per event
    Gdelt,
}

pub fn ingest(args: &IngestArgs) -> anyhow::Result<Summary> {
    crate::ingest::run(args)
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
