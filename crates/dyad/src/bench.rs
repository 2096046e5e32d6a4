//! `dyad bench`: throughput figures on reference pages. Figures are printed, never
//! asserted; each comparison is measured in the same run as its baseline.

use crate::Summary;
use anyhow::Context;
use std::path::{Path, PathBuf};
use std::time::Instant;

#[derive(clap::Subcommand)]
pub enum BenchWhat {
    /// Extraction speed on the AEB pages (decompressed in memory first)
    Extract {
        /// Folder holding the reference sets (default ../shared/data)
        #[arg(long)]
        data: Option<PathBuf>,
        /// Passes over the pages; the best pass is reported
        #[arg(long, default_value_t = 3)]
        rounds: usize,
    },
    /// Coding speed (the code stage alone, on sentences annotated beforehand) on the
    /// 1,050 news sentences of the ZSP PLOVER set, with the annotate stage as baseline
    Code {
        /// Folder holding the reference sets (default ../shared/data)
        #[arg(long)]
        data: Option<PathBuf>,
        /// Passes over the sentences; the best pass is reported
        #[arg(long, default_value_t = 5)]
        rounds: usize,
    },
    /// Annotate speed on whole articles (the text dyad extracts from the AEB pages),
    /// with the share of each pass: sentences and tokens, parts of speech, entities,
    /// times and quotes
    Annotate {
        /// Folder holding the reference sets (default ../shared/data)
        #[arg(long)]
        data: Option<PathBuf>,
        /// Passes over the articles; the best pass of each part is reported
        #[arg(long, default_value_t = 5)]
        rounds: usize,
    },
    /// End to end (extract + annotate + code + store) on a WARC built from the AEB
    /// pages, on one thread and on all, against `dyad extract` alone in the same run
    Pipeline {
        /// Folder holding the reference sets (default ../shared/data)
        #[arg(long)]
        data: Option<PathBuf>,
        /// Pages in the WARC (the AEB pages repeated, each copy with its own URL)
        #[arg(long, default_value_t = 1000)]
        pages: usize,
        /// Threads of the parallel runs (default: one per core)
        #[arg(long)]
        threads: Option<usize>,
        /// Keep the WARC (gzip per record) at this path instead of a temporary folder
        #[arg(long)]
        warc: Option<PathBuf>,
        /// Only build the WARC (with --warc), measure nothing
        #[arg(long, requires = "warc")]
        build_only: bool,
        /// Write the WARC uncompressed
        #[arg(long)]
        plain: bool,
    },
}

pub fn run(what: BenchWhat) -> anyhow::Result<Summary> {
    match what {
        BenchWhat::Extract { data, rounds } => extract(&crate::eval::data_dir(data.as_deref()), rounds.max(1)),
        BenchWhat::Code { data, rounds } => code(&crate::eval::data_dir(data.as_deref()), rounds.max(1)),
        BenchWhat::Annotate { data, rounds } => annotate(&crate::eval::data_dir(data.as_deref()), rounds.max(1)),
        BenchWhat::Pipeline { data, pages, threads, warc, build_only, plain } => {
            let threads = threads.unwrap_or_else(|| std::thread::available_parallelism().map_or(1, |n| n.get()));
            let opts = PipelineBench { pages: pages.max(1), threads: threads.max(1), warc, build_only, plain };
            pipeline(&crate::eval::data_dir(data.as_deref()), &opts)
        }
    }
}

/// Best wall time of `rounds` runs of `f`, in seconds.
fn best_of(rounds: usize, mut f: impl FnMut()) -> f64 {
    (0..rounds)
        .map(|_| {
            let start = Instant::now();
            f();
            start.elapsed().as_secs_f64()
        })
        .fold(f64::INFINITY, f64::min)
}

fn code(data: &Path, rounds: usize) -> anyhow::Result<Summary> {
    let path = data.join("events/plover/ZSP_PLV_train.tsv");
    let tsv = std::fs::read_to_string(&path).with_context(|| format!("reading {}", path.display()))?;
    let articles: Vec<dyad_core::Article> = crate::eval::plover::parse_tsv(&tsv)?
        .into_iter()
        .map(|r| dyad_core::Article {
            doc_id: dyad_core::doc_id("bench", r.text.as_bytes()),
            source: "bench".into(),
            paragraphs: vec![dyad_core::Span::new(0, r.text.len())],
            text: r.text,
            ..Default::default()
        })
        .collect();
    let coder = dyad_code::Coder::new(dyad_code::Dictionaries::embedded());
    let annotated: Vec<dyad_core::Annotated> = articles.iter().cloned().map(dyad_nlp::annotate).collect();
    let sentences: usize = annotated.iter().map(|a| a.sentences.len()).sum();
    let words: usize = annotated.iter().flat_map(|a| &a.sentences).map(|s| s.tokens.len()).sum();
    let mut events = 0;
    let t_code = best_of(rounds, || events = annotated.iter().map(|a| coder.code(a).events.len()).sum());
    let t_annotate = best_of(rounds, || {
        for a in &articles {
            std::hint::black_box(dyad_nlp::annotate(a.clone()));
        }
    });
    println!(
        "bench code: {} documents, {sentences} sentences, {words} tokens, {events} events (best of {rounds}, one core)",
        articles.len()
    );
    println!(
        "  code stage      {:>9.0} sentences/s  {:>10.0} tokens/s",
        sentences as f64 / t_code,
        words as f64 / t_code
    );
    println!(
        "  annotate stage  {:>9.0} sentences/s  {:>10.0} tokens/s   (baseline, same run; code is {:.1}x annotate)",
        sentences as f64 / t_annotate,
        words as f64 / t_annotate,
        t_annotate / t_code
    );
    Ok(Summary { documents: articles.len(), failed: 0, records: events })
}

fn annotate(data: &Path, rounds: usize) -> anyhow::Result<Summary> {
    let articles: Vec<dyad_core::Article> = crate::eval::extraction::load_aeb(data)?
        .iter()
        .filter_map(|p| dyad_extract::extract(&p.document()).ok())
        .filter(|a| !a.text.is_empty())
        .collect();
    let split: Vec<Vec<dyad_core::Sentence>> =
        articles.iter().map(|a| dyad_nlp::sentences::split(&a.text, &a.paragraphs)).collect();
    let mut tagged = split.clone();
    for (a, s) in articles.iter().zip(tagged.iter_mut()) {
        dyad_nlp::pos::tag_sentences(&a.text, s);
    }
    let sentences: usize = split.iter().map(Vec::len).sum();
    let tokens: usize = split.iter().flatten().map(|s| s.tokens.len()).sum();
    let mut entities = 0;
    // each pass starts with the tagger's word cache empty, as on unseen text
    let t_all = best_of(rounds, || {
        dyad_nlp::pos::forget_words();
        dyad_nlp::ner::forget_words();
        entities = articles.iter().map(|a| dyad_nlp::annotate(a.clone()).entities.len()).sum();
    });
    let t_split = best_of(rounds, || {
        for a in &articles {
            std::hint::black_box(dyad_nlp::sentences::split(&a.text, &a.paragraphs));
        }
    });
    // tagging again overwrites the same tags: no copy inside the timing
    let t_pos = best_of(rounds, || {
        dyad_nlp::pos::forget_words();
        for (a, s) in articles.iter().zip(tagged.iter_mut()) {
            dyad_nlp::pos::tag_sentences(&a.text, s);
            std::hint::black_box(&s);
        }
    });
    let t_ner = best_of(rounds, || {
        dyad_nlp::ner::forget_words();
        for (a, s) in articles.iter().zip(&tagged) {
            std::hint::black_box(dyad_nlp::ner::entities(&a.text, s));
        }
    });
    let t_rest = best_of(rounds, || {
        for (a, s) in articles.iter().zip(&tagged) {
            std::hint::black_box(dyad_nlp::times::find_times(&a.text, s, a.published));
            std::hint::black_box(dyad_nlp::quotes::find_quotes(&a.text, s));
        }
    });
    println!(
        "bench annotate: {} articles (dyad's text of the AEB pages), {sentences} sentences, {tokens} tokens, {entities} entities (best of {rounds}, one core)",
        articles.len()
    );
    let row = |name: &str, t: f64| {
        println!(
            "  {name:<22} {:>10.0} tokens/s  {:>5.1} ms  {:>4.0}% of annotate",
            tokens as f64 / t,
            t * 1e3,
            100.0 * t / t_all
        );
    };
    row("annotate (all)", t_all);
    row("sentences + tokens", t_split);
    row("parts of speech", t_pos);
    row("entities", t_ner);
    row("times + quotes", t_rest);
    Ok(Summary { documents: articles.len(), failed: 0, records: entities })
}

fn extract(data: &Path, rounds: usize) -> anyhow::Result<Summary> {
    let docs: Vec<_> = crate::eval::extraction::load_aeb(data)?.iter().map(|p| p.document()).collect();
    let bytes: usize = docs.iter().map(|d| d.bytes.len()).sum();
    let mut best = f64::INFINITY;
    let mut chars = 0;
    for _ in 0..rounds {
        let start = Instant::now();
        chars = 0;
        for doc in &docs {
            if let Ok(article) = dyad_extract::extract(doc) {
                chars += article.text.len();
            }
        }
        best = best.min(start.elapsed().as_secs_f64());
    }
    let n = docs.len();
    println!(
        "bench extract: {n} pages, {:.1} MB in {:.3} s (best of {rounds}): {:.0} pages/s  {:.1} MB/s  peak RSS {}  ({} bytes of text)",
        bytes as f64 / 1e6,
        best,
        n as f64 / best,
        bytes as f64 / 1e6 / best,
        peak_rss().map_or("unknown".to_string(), |kb| format!("{:.1} MB", kb as f64 / 1024.0)),
        chars
    );
    Ok(Summary { documents: n, failed: 0, records: n })
}

struct PipelineBench {
    pages: usize,
    threads: usize,
    warc: Option<PathBuf>,
    build_only: bool,
    plain: bool,
}

/// What a child process used, from wait4.
struct Usage {
    wall: f64,
    cpu: f64,
    max_rss_kb: Option<u64>,
    ok: bool,
}

fn pipeline(data: &Path, opts: &PipelineBench) -> anyhow::Result<Summary> {
    if !data.join("extraction/aeb").is_dir() {
        println!("bench pipeline: skipped, the AEB pages are not at {}/extraction/aeb", data.display());
        return Ok(Summary::default());
    }
    let pages = crate::eval::extraction::load_aeb(data)?;
    anyhow::ensure!(!pages.is_empty(), "no AEB pages in {}", data.display());
    let tmp = tempfile::tempdir()?;
    let warc = opts.warc.clone().unwrap_or_else(|| tmp.path().join("aeb.warc.gz"));
    let html_bytes = write_warc(&warc, &pages, opts.pages, !opts.plain)?;
    let warc_bytes = std::fs::metadata(&warc)?.len();
    println!(
        "bench pipeline: {} pages ({} AEB pages repeated, each copy its own URL), {:.1} MB of HTML, WARC {:.1} MB at {}",
        opts.pages,
        pages.len(),
        html_bytes as f64 / 1e6,
        warc_bytes as f64 / 1e6,
        warc.display()
    );
    if opts.build_only {
        return Ok(Summary { documents: opts.pages, failed: 0, records: 0 });
    }
    let exe = std::env::current_exe()?;
    let warc_arg = warc.to_string_lossy().to_string();
    let mut thread_counts = vec![1];
    if opts.threads > 1 {
        thread_counts.push(opts.threads);
    }
    println!(
        "{:<22} {:>7} {:>8} {:>11} {:>7} {:>8} {:>14} {:>9}",
        "run", "threads", "wall s", "articles/s", "MB/s", "CPU s", "articles/CPU-s", "peak RSS"
    );
    let mut failed = 0;
    let mut shares = Vec::new();
    let mut extract_rate = None;
    for &threads in &thread_counts {
        let t = threads.to_string();
        let ex = measure(&exe, &["extract", &warc_arg, "--threads", &t])?;
        let db = tmp.path().join(format!("bench-{threads}.db"));
        let stats_path = tmp.path().join(format!("bench-{threads}.json"));
        let (db_s, stats_s) = (db.to_string_lossy().to_string(), stats_path.to_string_lossy().to_string());
        let ing =
            measure(&exe, &["ingest", &warc_arg, "--db", &db_s, "--threads", &t, "--quiet", "--stats", &stats_s])?;
        for (name, u) in [("extract (baseline)", &ex), ("ingest (end to end)", &ing)] {
            failed += usize::from(!u.ok);
            let n = opts.pages as f64;
            println!(
                "{:<22} {:>7} {:>8.2} {:>11.0} {:>7.1} {:>8.2} {:>14.0} {:>9}{}",
                name,
                threads,
                u.wall,
                n / u.wall,
                html_bytes as f64 / 1e6 / u.wall,
                u.cpu,
                n / u.cpu.max(1e-9),
                u.max_rss_kb.map_or("?".into(), |kb| format!("{:.0} MB", kb as f64 / 1024.0)),
                if u.ok { "" } else { "  (exited with an error)" }
            );
        }
        if threads == 1 {
            extract_rate = Some((opts.pages as f64 / ex.cpu.max(1e-9), opts.pages as f64 / ing.cpu.max(1e-9)));
        }
        let stats: serde_json::Value =
            std::fs::read_to_string(&stats_path).ok().and_then(|t| serde_json::from_str(&t).ok()).unwrap_or_default();
        shares.push((threads, stats));
    }
    if let Some((ex, ing)) = extract_rate {
        println!(
            "end to end per CPU-second: {ing:.0} articles, {:.1}x slower than extraction alone ({ex:.0})",
            ex / ing
        );
    }
    for (threads, stats) in shares {
        let stage = ["read", "extract", "annotate", "code", "store"];
        let secs: Vec<f64> = stage.iter().map(|s| stats[format!("{s}_seconds")].as_f64().unwrap_or(0.0)).collect();
        let total: f64 = secs.iter().sum::<f64>().max(1e-9);
        let parts: Vec<String> =
            stage.iter().zip(&secs).map(|(s, v)| format!("{s} {:.0}% ({v:.2} s)", v / total * 100.0)).collect();
        println!(
            "stages, ingest on {threads} thread(s): {}; {} added, {} events, {} failed, {} malformed",
            parts.join(", "),
            stats["added"],
            stats["events"],
            stats["failed"],
            stats["malformed"]
        );
    }
    Ok(Summary { documents: opts.pages, failed, records: 0 })
}

/// A WARC of `n` response records cycling through `pages`, each with a distinct URL;
/// one gzip member per record when `gzip`. Returns the bytes of HTML written.
fn write_warc(path: &Path, pages: &[crate::eval::extraction::GoldPage], n: usize, gzip: bool) -> anyhow::Result<u64> {
    use std::io::Write;
    let file = std::fs::File::create(path).with_context(|| format!("creating {}", path.display()))?;
    let mut out = std::io::BufWriter::new(file);
    let mut html = 0u64;
    for i in 0..n {
        let page = &pages[i % pages.len()];
        let url = match &page.url {
            Some(u) => format!("{u}#copy-{}", i / pages.len()),
            None => format!("http://bench.invalid/{}/{}", page.id, i / pages.len()),
        };
        let mut block =
            format!("HTTP/1.1 200 OK\r\nContent-Type: text/html\r\nContent-Length: {}\r\n\r\n", page.html.len())
                .into_bytes();
        block.extend_from_slice(&page.html);
        let mut record = format!(
            "WARC/1.0\r\nWARC-Type: response\r\nWARC-Record-ID: <urn:uuid:{i:08x}-0000-0000-0000-000000000000>\r\n\
             WARC-Date: 2024-01-01T00:00:00Z\r\nWARC-Target-URI: {url}\r\n\
             Content-Type: application/http; msgtype=response\r\nContent-Length: {}\r\n\r\n",
            block.len()
        )
        .into_bytes();
        record.extend_from_slice(&block);
        record.extend_from_slice(b"\r\n\r\n");
        if gzip {
            let mut enc = flate2::write::GzEncoder::new(Vec::new(), flate2::Compression::fast());
            enc.write_all(&record)?;
            out.write_all(&enc.finish()?)?;
        } else {
            out.write_all(&record)?;
        }
        html += page.html.len() as u64;
    }
    out.flush()?;
    Ok(html)
}

/// Run `dyad ARGS` as a child (output discarded) and read its time, CPU and peak RSS.
fn measure(exe: &Path, args: &[&str]) -> anyhow::Result<Usage> {
    let start = Instant::now();
    let child = std::process::Command::new(exe)
        .args(args)
        .stdin(std::process::Stdio::null())
        .stdout(std::process::Stdio::null())
        .stderr(std::process::Stdio::null())
        .spawn()
        .with_context(|| format!("starting {}", exe.display()))?;
    wait_with_usage(child, start)
}

#[cfg(unix)]
fn wait_with_usage(child: std::process::Child, start: Instant) -> anyhow::Result<Usage> {
    let pid = child.id() as libc::pid_t;
    let mut status = 0;
    // SAFETY: rusage is plain data that wait4 fills in; pid is our own child, not yet waited for.
    let mut usage: libc::rusage = unsafe { std::mem::zeroed() };
    let r = unsafe { libc::wait4(pid, &mut status, 0, &mut usage) };
    anyhow::ensure!(r == pid, "waiting for child {pid}: {}", std::io::Error::last_os_error());
    let secs = |t: libc::timeval| t.tv_sec as f64 + t.tv_usec as f64 / 1e6;
    Ok(Usage {
        wall: start.elapsed().as_secs_f64(),
        cpu: secs(usage.ru_utime) + secs(usage.ru_stime),
        max_rss_kb: Some(usage.ru_maxrss as u64),
        ok: libc::WIFEXITED(status) && libc::WEXITSTATUS(status) == 0,
    })
}

#[cfg(not(unix))]
fn wait_with_usage(mut child: std::process::Child, start: Instant) -> anyhow::Result<Usage> {
    let ok = child.wait()?.success();
    let wall = start.elapsed().as_secs_f64();
    Ok(Usage { wall, cpu: wall, max_rss_kb: None, ok })
}

/// Peak resident set size in kB (`VmHWM` of /proc/self/status), where available.
pub fn peak_rss() -> Option<u64> {
    let status = std::fs::read_to_string("/proc/self/status").ok()?;
    let line = status.lines().find(|l| l.starts_with("VmHWM:"))?;
    line.split_whitespace().nth(1)?.parse().ok()
}
