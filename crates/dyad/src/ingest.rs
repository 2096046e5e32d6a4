//! `dyad ingest` on all cores with bounded memory:
//!
//! ```text
//! reader ──(bounded)──► N workers ──(bounded)──► writer (this thread)
//! files, WARC, feeds    extract, annotate, code    reorders by input position,
//! resume and --since                               one SQLite transaction per batch
//! ```
//!
//! The reader numbers every item it reads and takes a permit from a window before
//! handing it on; the writer gives the permit back when it has taken the item in input
//! order. So at most `window` documents are anywhere between reading and writing,
//! whatever the input size, and the store receives documents in input order: its
//! content (near-duplicate groups included) does not depend on the number of threads.

use crate::pipeline::{load_dictionaries, Processed as Done, Stage};
use crate::store_cmd::IngestArgs;
use crate::Summary;
use anyhow::Context;
use dyad_code::Coder;
use dyad_core::Document;
use dyad_pipeline::{process_timed, StageTimes};
use dyad_store::{Fault, Processed, Store};
use std::collections::BTreeMap;
use std::io::{IsTerminal, Write};
use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::mpsc::{sync_channel, Receiver};
use std::sync::{Arc, Condvar, Mutex};
use std::time::{Duration, Instant};

/// Test hook: `DYAD_TEST_ABORT_AFTER=N` aborts the process inside the transaction
/// that would write the (N+1)th document, as a crash would.
const ABORT_ENV: &str = "DYAD_TEST_ABORT_AFTER";

/// What the reader hands on for one input item.
enum Work {
    /// A document to process, with its id when the resume check computed it.
    Doc(Document, Option<String>),
    /// A record or file the reader could not read (bad WARC record, corrupt gzip, ...).
    Malformed(dyad_ingest::InputError),
    /// Already in the store (resume).
    Stored,
    /// Published before `--since` (date given by the source).
    Before,
}

/// What became of one input item.
enum Outcome {
    /// A coded document, and how many events it set aside as not political news.
    Done(Box<Processed>, usize),
    Failed(String),
    Malformed(String),
    Stored,
    Before,
}

/// Counts of one run, and where its time went.
#[derive(Debug, Default, Clone, serde::Serialize)]
pub struct IngestStats {
    /// Documents read (every item except malformed records).
    pub documents: usize,
    pub added: usize,
    pub grouped: usize,
    /// Already in the store: skipped before processing, or found stored when written.
    pub stored: usize,
    /// Publication date before `--since`.
    pub before_since: usize,
    /// Documents the pipeline could not process.
    pub failed: usize,
    /// Records or files the readers could not read.
    pub malformed: usize,
    pub events: usize,
    /// Events coded but set aside: the article is not political news and neither side
    /// is a state or an organisation (`dyad_code::relevance`).
    pub set_aside: usize,
    pub threads: usize,
    /// Size of the inputs on disk, when known (no stdin).
    pub input_bytes: Option<u64>,
    pub seconds: f64,
    /// Seconds in each stage, summed over threads.
    pub read_seconds: f64,
    pub extract_seconds: f64,
    pub annotate_seconds: f64,
    pub code_seconds: f64,
    pub store_seconds: f64,
    /// Peak resident set size of the process, kB (Linux).
    pub peak_rss_kb: Option<u64>,
}

/// Permits for documents between the reader and the writer.
struct Window {
    state: Mutex<(usize, bool)>,
    cond: Condvar,
    size: usize,
}

impl Window {
    fn new(size: usize) -> Self {
        Window { state: Mutex::new((0, false)), cond: Condvar::new(), size }
    }

    /// Wait for a permit; false once the window is closed (the writer stopped).
    fn acquire(&self) -> bool {
        let mut s = self.state.lock().unwrap_or_else(|e| e.into_inner());
        while s.0 >= self.size && !s.1 {
            s = self.cond.wait(s).unwrap_or_else(|e| e.into_inner());
        }
        s.0 += 1;
        !s.1
    }

    fn release(&self) {
        let mut s = self.state.lock().unwrap_or_else(|e| e.into_inner());
        s.0 = s.0.saturating_sub(1);
        self.cond.notify_one();
    }

    fn close(&self) {
        self.state.lock().unwrap_or_else(|e| e.into_inner()).1 = true;
        self.cond.notify_all();
    }
}

/// Closes the window when the writer leaves, normally or by an error, so the reader
/// never waits for a permit nobody will give back.
struct CloseOnDrop<'a>(&'a Window);

impl Drop for CloseOnDrop<'_> {
    fn drop(&mut self) {
        self.0.close();
    }
}

pub fn run(args: &IngestArgs) -> anyhow::Result<Summary> {
    let mut store = Store::open(&args.db).with_context(|| format!("opening store {}", args.db.display()))?;
    if let Some(n) = std::env::var(ABORT_ENV).ok().and_then(|v| v.parse().ok()) {
        store.fault = Some(Fault::Abort { after: n });
    }
    let coder = Coder::new(load_dictionaries(&args.dicts)?);
    let threads = match args.threads {
        0 => std::thread::available_parallelism().map(|n| n.get()).unwrap_or(1),
        n => n,
    };
    let run = store.begin_run(&format!("ingest {}", args.inputs.join(" ")))?;
    let opts = dyad_ingest::InputOptions { lines: args.lines, max_bytes: args.max_bytes };
    let bytes_read = Arc::new(AtomicU64::new(0));
    let total_bytes = dyad_ingest::input_size(&args.inputs);
    // resume: a second connection answers "stored already?" while the writer writes
    let lookup = Store::open_read_only(&args.db).ok();
    let window = Window::new(4 * threads + 16);
    let (work_tx, work_rx) = sync_channel::<(u64, Work)>(2 * threads);
    let (done_tx, done_rx) = sync_channel::<(u64, Outcome, StageTimes)>(2 * threads);
    let work_rx = Mutex::new(work_rx);
    let since = args.since;
    let mut stats = IngestStats { threads, input_bytes: total_bytes, ..Default::default() };
    let mut progress = Progress::new(total_bytes, bytes_read.clone(), args.quiet);
    let start = Instant::now();

    let written = std::thread::scope(|s| -> anyhow::Result<Duration> {
        let reader = {
            let (window, bytes_read) = (&window, bytes_read.clone());
            s.spawn(move || {
                let mut read_time = Duration::ZERO;
                let mut inputs = dyad_ingest::read_inputs_counted(&args.inputs, &opts, bytes_read);
                for seq in 0.. {
                    let clock = Instant::now();
                    let Some(item) = inputs.next() else { break };
                    let work = match item {
                        Err(e) => Work::Malformed(e),
                        Ok(doc) if since.zip(doc.published).is_some_and(|(s, p)| p < s) => Work::Before,
                        Ok(doc) => match &lookup {
                            Some(l) => {
                                let id = doc.id();
                                if l.has_document(&id).unwrap_or(false) {
                                    Work::Stored
                                } else {
                                    Work::Doc(doc, Some(id))
                                }
                            }
                            None => Work::Doc(doc, None),
                        },
                    };
                    read_time += clock.elapsed();
                    if !window.acquire() || work_tx.send((seq, work)).is_err() {
                        break;
                    }
                }
                read_time
            })
        };
        for _ in 0..threads {
            let (work_rx, done_tx, coder) = (&work_rx, done_tx.clone(), &coder);
            s.spawn(move || work(work_rx, done_tx, coder, args.published, since));
        }
        drop(done_tx);
        let _close = CloseOnDrop(&window);
        let writer = Writer { store: &mut store, run, batch: Vec::new(), batch_size: args.batch_size as usize };
        let store_time = write_in_order(writer, done_rx, &window, &mut stats, &mut progress)?;
        stats.read_seconds = reader.join().unwrap_or_default().as_secs_f64();
        Ok(store_time)
    });
    progress.clear();
    let store_time = written?;
    stats.store_seconds = store_time.as_secs_f64();
    stats.seconds = start.elapsed().as_secs_f64();
    stats.peak_rss_kb = crate::bench::peak_rss();
    store.finish_run(run, stats.added, stats.stored, stats.events, stats.failed + stats.malformed)?;
    let counts = store.counts()?;
    eprintln!(
        "dyad: {} document(s) read in {:.1} s ({:.0}/s): {} added ({} grouped with a near-duplicate), {} already stored, \
         {}{} failed; {} malformed record(s) skipped; {} event(s) added ({} set aside: not political news). \
         {} now holds {} document(s), {} event(s).",
        stats.documents,
        stats.seconds,
        stats.documents as f64 / stats.seconds.max(1e-9),
        stats.added,
        stats.grouped,
        stats.stored,
        if since.is_some() { format!("{} published before --since, ", stats.before_since) } else { String::new() },
        stats.failed,
        stats.malformed,
        stats.events,
        stats.set_aside,
        args.db.display(),
        counts.documents,
        counts.events
    );
    if let Some(path) = &args.stats {
        std::fs::write(path, serde_json::to_string_pretty(&stats)?)
            .with_context(|| format!("writing {}", path.display()))?;
    }
    Ok(Summary { documents: stats.documents, failed: stats.failed + stats.malformed, records: stats.events })
}

/// A worker: documents in, outcomes out, until the reader is done. The stage times
/// travel with each outcome so the writer can sum them.
fn work(
    rx: &Mutex<Receiver<(u64, Work)>>,
    tx: std::sync::mpsc::SyncSender<(u64, Outcome, StageTimes)>,
    coder: &Coder,
    published: Option<chrono::NaiveDate>,
    since: Option<chrono::NaiveDate>,
) {
    loop {
        let next = rx.lock().unwrap_or_else(|e| e.into_inner()).recv();
        let Ok((seq, work)) = next else { return };
        let mut times = StageTimes::default();
        let outcome = match work {
            Work::Malformed(e) => Outcome::Malformed(e.to_string()),
            Work::Stored => Outcome::Stored,
            Work::Before => Outcome::Before,
            Work::Doc(doc, doc_id) => {
                let stage = Stage::Code { explain: false };
                let result = std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| {
                    process_timed(&doc, doc_id, &stage, Some(coder), published, since, &mut times)
                }));
                match result {
                    Ok(Ok(Some(Done::Coded(annotated, coded)))) => Outcome::Done(
                        Box::new(Processed {
                            media_type: match doc.media_type {
                                dyad_core::MediaType::Html => "html",
                                dyad_core::MediaType::Text => "text",
                            }
                            .into(),
                            bytes: doc.bytes.len(),
                            source: doc.source,
                            url: doc.url,
                            annotated: *annotated,
                            events: coded.events,
                        }),
                        coded.set_aside.len(),
                    ),
                    Ok(Ok(None)) => Outcome::Before,
                    Ok(Ok(Some(_))) => Outcome::Failed(format!("{}: internal error: not coded", doc.source)),
                    Ok(Err(e)) if e.starts_with(&doc.source) => Outcome::Failed(e),
                    Ok(Err(e)) => Outcome::Failed(format!("{}: {e}", doc.source)),
                    Err(_) => Outcome::Failed(format!("{}: internal error while processing", doc.source)),
                }
            }
        };
        if tx.send((seq, outcome, times)).is_err() {
            return;
        }
    }
}

struct Writer<'a> {
    store: &'a mut Store,
    run: i64,
    batch: Vec<Processed>,
    batch_size: usize,
}

impl Writer<'_> {
    /// Write the batch in one transaction and empty it; returns the time it took.
    fn flush(&mut self, stats: &mut IngestStats) -> anyhow::Result<Duration> {
        if self.batch.is_empty() {
            return Ok(Duration::ZERO);
        }
        let clock = Instant::now();
        let b = self.store.write_batch(self.run, &self.batch).context("writing a batch to the store")?;
        stats.added += b.added;
        stats.stored += b.skipped;
        stats.grouped += b.grouped;
        stats.events += b.events;
        self.batch.clear();
        Ok(clock.elapsed())
    }
}

/// Take outcomes as they come, handle them in input order, write them in batches.
/// Returns the time spent writing.
fn write_in_order(
    mut writer: Writer,
    rx: Receiver<(u64, Outcome, StageTimes)>,
    window: &Window,
    stats: &mut IngestStats,
    progress: &mut Progress,
) -> anyhow::Result<Duration> {
    let mut pending = BTreeMap::new();
    let mut next = 0u64;
    let mut store_time = Duration::ZERO;
    let mut times = StageTimes::default();
    for (seq, outcome, t) in rx {
        times += t;
        pending.insert(seq, outcome);
        while let Some(outcome) = pending.remove(&next) {
            next += 1;
            window.release();
            match outcome {
                Outcome::Malformed(e) => {
                    progress.clear();
                    eprintln!("dyad: {e}");
                    stats.malformed += 1;
                    continue;
                }
                Outcome::Failed(e) => {
                    progress.clear();
                    eprintln!("dyad: {e}");
                    stats.failed += 1;
                }
                Outcome::Stored => stats.stored += 1,
                Outcome::Before => stats.before_since += 1,
                Outcome::Done(p, set_aside) => {
                    stats.set_aside += set_aside;
                    writer.batch.push(*p);
                    if writer.batch.len() >= writer.batch_size {
                        store_time += writer.flush(stats)?;
                    }
                }
            }
            stats.documents += 1;
        }
        progress.update(stats, writer.batch.len());
    }
    store_time += writer.flush(stats)?;
    stats.extract_seconds = times.extract.as_secs_f64();
    stats.annotate_seconds = times.annotate.as_secs_f64();
    stats.code_seconds = times.code.as_secs_f64();
    Ok(store_time)
}

/// One line on stderr, redrawn at most four times a second, when stderr is a terminal.
struct Progress {
    start: Instant,
    last: Instant,
    enabled: bool,
    shown: bool,
    total: Option<u64>,
    read: Arc<AtomicU64>,
}

impl Progress {
    fn new(total: Option<u64>, read: Arc<AtomicU64>, quiet: bool) -> Self {
        let now = Instant::now();
        Progress {
            start: now,
            last: now,
            enabled: !quiet && std::io::stderr().is_terminal(),
            shown: false,
            total: total.filter(|&t| t > 0),
            read,
        }
    }

    fn update(&mut self, s: &IngestStats, unwritten: usize) {
        if !self.enabled || self.last.elapsed() < Duration::from_millis(250) {
            return;
        }
        self.last = Instant::now();
        let secs = self.start.elapsed().as_secs_f64().max(1e-9);
        let mut line = format!(
            "{} docs ({:.0}/s), {} events ({:.0}/s), {} failed, {} malformed",
            s.documents,
            s.documents as f64 / secs,
            s.events,
            s.events as f64 / secs,
            s.failed,
            s.malformed
        );
        if unwritten > 0 {
            line.push_str(&format!(", {unwritten} in the next batch"));
        }
        if let Some(total) = self.total {
            let read = self.read.load(Ordering::Relaxed).min(total);
            let done = read as f64 / total as f64;
            line.push_str(&format!(", {:.1}% of {:.0} MB", done * 100.0, total as f64 / 1e6));
            if done > 0.001 {
                let eta = secs * (1.0 - done) / done;
                line.push_str(&format!(", ETA {}:{:02}", eta as u64 / 60, eta as u64 % 60));
            }
        }
        let _ = write!(std::io::stderr(), "\r\x1b[2K{line}");
        self.shown = true;
    }

    fn clear(&self) {
        if self.shown {
            let _ = write!(std::io::stderr(), "\r\x1b[2K");
        }
    }
}
