//! `dyad`: news in, political events out. Wires the stages into a pipeline:
//! ingest -> extract -> annotate -> code -> output.

mod alloc;
mod bench;
mod dict_build;
mod eval;
mod ingest;
mod output;
mod pipeline;
mod store_cmd;
mod train;

use clap::{Parser, Subcommand, ValueEnum};
use std::path::PathBuf;
use std::process::ExitCode;

#[derive(Parser)]
#[command(name = "dyad", version, about = "Turn news into political event data (CAMEO and PLOVER) with provenance")]
struct Cli {
    #[command(subcommand)]
    command: Command,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, ValueEnum)]
pub enum Format {
    Jsonl,
    Csv,
    Table,
}

/// Options shared by the commands that read news.
#[derive(clap::Args, Clone, Debug)]
pub struct InputArgs {
    /// Files, folders (walked recursively) or `-` for standard input
    #[arg(required = true)]
    pub inputs: Vec<String>,
    /// Publication date (YYYY-MM-DD) for texts that carry none
    #[arg(long, value_parser = parse_date)]
    pub published: Option<chrono::NaiveDate>,
    /// Each input line is its own document (source `PATH:LINE`)
    #[arg(long)]
    pub lines: bool,
    /// Largest document accepted, in bytes
    #[arg(long, default_value_t = 8 * 1024 * 1024)]
    pub max_bytes: usize,
    /// Output format
    #[arg(long, value_enum, default_value_t = Format::Jsonl)]
    pub format: Format,
    /// Worker threads (0: one per core); output order does not depend on it
    #[arg(long, default_value_t = 0)]
    pub threads: usize,
}

#[derive(Subcommand)]
enum Command {
    /// Pages or texts -> coded events (JSONL on stdout by default)
    Code {
        #[command(flatten)]
        input: InputArgs,
        /// Show each sentence with actors and verbs marked and the rules that fired
        #[arg(long)]
        explain: bool,
        /// Extra dictionary file (actors or verb patterns, dyad format); repeatable
        #[arg(long = "dict")]
        dicts: Vec<PathBuf>,
    },
    /// Pages -> articles (clean text, metadata, boilerplate set aside)
    Extract {
        #[command(flatten)]
        input: InputArgs,
    },
    /// Articles -> sentences, entities, time expressions and quotes
    Annotate {
        #[command(flatten)]
        input: InputArgs,
        #[arg(long = "dict")]
        dicts: Vec<PathBuf>,
    },
    /// Score dyad against a reference set and print precision, recall and F1
    Eval {
        #[arg(value_enum)]
        set: eval::EvalSet,
        /// Folder holding the reference sets (default ../shared/data)
        #[arg(long)]
        data: Option<PathBuf>,
        /// Print every item that was scored, not only the totals
        #[arg(long)]
        verbose: bool,
    },
    /// Throughput figures on reference pages, on one core
    Bench {
        #[command(subcommand)]
        what: bench::BenchWhat,
    },
    /// Pages or texts -> the store (SQLite, created on first use); idempotent
    Ingest(store_cmd::IngestArgs),
    /// HTTP API and web UI over a store (read-only)
    Serve {
        /// The store
        #[arg(long, default_value = "dyad.db")]
        db: PathBuf,
        /// Address to listen on
        #[arg(long, default_value = "127.0.0.1:8080")]
        addr: String,
    },
    /// The store's events as JSONL, CSV, Parquet or GDELT 2.0 columns
    Export {
        /// The store
        #[arg(long, default_value = "dyad.db")]
        db: PathBuf,
        #[arg(long, value_enum, default_value_t = store_cmd::ExportAs::Jsonl)]
        format: store_cmd::ExportAs,
        /// Output file (default standard output)
        #[arg(long)]
        out: Option<PathBuf>,
    },
    /// Train dyad's statistical models (the named-entity tagger)
    Train {
        #[command(subcommand)]
        what: train::TrainCommand,
    },
    /// Dictionary tools
    Dict {
        #[command(subcommand)]
        command: DictCommand,
    },
}

#[derive(Subcommand)]
enum DictCommand {
    /// Rebuild dyad's dictionaries in data/ from the public sources
    Build {
        /// Folder with dictionaries/ and events/ and gazetteers/ (the reference data)
        #[arg(long, default_value = "../shared/data")]
        from: PathBuf,
        /// Output folder
        #[arg(long, default_value = "data")]
        out: PathBuf,
    },
    /// Check a dictionary file and report every bad line
    Check { files: Vec<PathBuf> },
}

fn parse_date(s: &str) -> Result<chrono::NaiveDate, String> {
    dyad_pipeline::parse_date(s)
}

/// The report commands (eval, bench, train, dict) print with `println!`, which panics when
/// the reader has gone (`dyad eval plover | head -1`); like other Unix tools they then end
/// quietly by SIGPIPE. The streaming commands handle a closed stdout themselves and still
/// print their summary.
fn end_quietly_on_closed_pipe() {
    #[cfg(unix)]
    // SAFETY: called once at start-up before any thread exists; SIG_DFL is a valid disposition
    unsafe {
        libc::signal(libc::SIGPIPE, libc::SIG_DFL);
    }
}

fn main() -> ExitCode {
    let cli = Cli::parse();
    if matches!(
        cli.command,
        Command::Eval { .. } | Command::Bench { .. } | Command::Train { .. } | Command::Dict { .. }
    ) {
        end_quietly_on_closed_pipe();
    }
    let result = match cli.command {
        Command::Code { input, explain, dicts } => pipeline::run(&input, pipeline::Stage::Code { explain }, &dicts),
        Command::Extract { input } => pipeline::run(&input, pipeline::Stage::Extract, &[]),
        Command::Annotate { input, dicts } => pipeline::run(&input, pipeline::Stage::Annotate, &dicts),
        Command::Eval { set, data, verbose } => eval::run(set, data.as_deref(), verbose),
        Command::Bench { what } => bench::run(what),
        Command::Ingest(args) => store_cmd::ingest(&args),
        Command::Serve { db, addr } => store_cmd::serve(&db, &addr),
        Command::Export { db, format, out } => store_cmd::export(&db, format, out.as_deref()),
        Command::Train { what } => train::run(what),
        Command::Dict { command: DictCommand::Build { from, out } } => dict_build::build(&from, &out),
        Command::Dict { command: DictCommand::Check { files } } => dict_build::check(&files),
    };
    match result {
        Ok(summary) if summary.failed == 0 => ExitCode::SUCCESS,
        Ok(_) => ExitCode::from(1),
        Err(e) => {
            eprintln!("dyad: {e:#}");
            ExitCode::from(2)
        }
    }
}

/// What a run did, for the exit code and the closing line on stderr.
#[derive(Debug, Default)]
pub struct Summary {
    pub documents: usize,
    pub failed: usize,
    pub records: usize,
}
