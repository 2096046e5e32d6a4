//! The command-line pipeline: documents are read in batches; a batch is processed on
//! all cores by `dyad_pipeline::process_batch` and written in input order, so output
//! is the same whatever the number of threads and memory stays bounded by the batch.
//! A document that fails is reported on stderr (naming its source) and the run goes
//! on with the rest.

use crate::output::Writer;
use crate::{InputArgs, Summary};
use anyhow::Context;
use dyad_code::{Coder, Dictionaries};
pub use dyad_pipeline::{process_batch, Processed, Stage};
use std::io::{IsTerminal, Write};
use std::path::PathBuf;
use std::time::Instant;

/// Documents read before a batch is processed.
const BATCH: usize = 256;

/// The dictionaries with the user's files; bad lines are reported on stderr and skipped.
pub fn load_dictionaries(extra: &[PathBuf]) -> anyhow::Result<Dictionaries> {
    let (dict, problems) = dyad_pipeline::load_dictionaries(extra).map_err(anyhow::Error::msg)?;
    for p in problems {
        eprintln!("dyad: {p} (line skipped)");
    }
    Ok(dict)
}

pub fn run(args: &InputArgs, stage: Stage, dicts: &[PathBuf]) -> anyhow::Result<Summary> {
    let coder = match stage {
        Stage::Extract => None,
        _ => Some(Coder::new(load_dictionaries(dicts)?)),
    };
    let opts = dyad_ingest::InputOptions { lines: args.lines, max_bytes: args.max_bytes };
    let threads = if args.threads == 0 {
        std::thread::available_parallelism().map(|n| n.get()).unwrap_or(1)
    } else {
        args.threads
    };
    let stdout = std::io::stdout();
    let mut out = Writer::new(stdout.lock(), args.format, matches!(stage, Stage::Code { explain: true }));
    let mut summary = Summary::default();
    let mut progress = Progress::new();
    let mut batch = Vec::with_capacity(BATCH);
    let mut inputs = dyad_ingest::read_inputs(&args.inputs, &opts).peekable();
    while inputs.peek().is_some() || !batch.is_empty() {
        // fill a batch; input errors are reported as they come
        while batch.len() < BATCH {
            match inputs.next() {
                Some(Ok(d)) => batch.push(d),
                Some(Err(e)) => {
                    progress.clear();
                    eprintln!("dyad: {e}");
                    summary.failed += 1;
                }
                None => break,
            }
        }
        let results = process_batch(&batch, &stage, coder.as_ref(), args.published, threads);
        for (doc, result) in batch.drain(..).zip(results) {
            summary.documents += 1;
            let written = match result {
                Err(e) => {
                    progress.clear();
                    eprintln!("dyad: {}", if e.starts_with(&doc.source) { e } else { format!("{}: {e}", doc.source) });
                    summary.failed += 1;
                    continue;
                }
                Ok(Processed::Article(a)) => out.article(&a),
                Ok(Processed::Annotated(a)) => out.annotation(&a),
                Ok(Processed::Coded(a, c)) => out.events(&a, &c),
            };
            match written {
                Ok(n) => summary.records += n,
                // a closed pipe (`dyad code ... | head`) ends the run quietly
                Err(e) if e.kind() == std::io::ErrorKind::BrokenPipe => return Ok(summary),
                Err(e) => return Err(e).context("writing output"),
            }
        }
        progress.update(&summary);
    }
    out.finish().ok();
    progress.clear();
    if summary.failed > 0 || summary.documents == 0 || progress.shown {
        eprintln!(
            "dyad: {} document(s) read, {} failed, {} record(s) written in {:.1} s",
            summary.documents,
            summary.failed,
            summary.records,
            progress.start.elapsed().as_secs_f64()
        );
    }
    // the process ends when the command returns: freeing the dictionaries' hundred
    // thousand allocations one by one first would be wasted (Callgrind: 10.7M
    // instructions, 1.7% of `dyad code` of one file)
    std::mem::forget(coder);
    Ok(summary)
}

/// A one-line progress report on stderr, only when stderr is a terminal.
struct Progress {
    start: Instant,
    enabled: bool,
    shown: bool,
}

impl Progress {
    fn new() -> Self {
        Progress { start: Instant::now(), enabled: std::io::stderr().is_terminal(), shown: false }
    }

    fn update(&mut self, s: &Summary) {
        if !self.enabled || self.start.elapsed().as_millis() < 500 {
            return;
        }
        let secs = self.start.elapsed().as_secs_f64();
        let _ = write!(
            std::io::stderr(),
            "\r\x1b[2K{} docs, {} records, {} errors, {:.0} docs/s",
            s.documents,
            s.records,
            s.failed,
            s.documents as f64 / secs
        );
        self.shown = true;
    }

    fn clear(&self) {
        if self.shown {
            let _ = write!(std::io::stderr(), "\r\x1b[2K");
        }
    }
}
