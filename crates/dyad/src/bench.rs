//! `dyad bench`: throughput figures on reference pages, on one core. Figures are
//! printed, never asserted.

use crate::Summary;
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
}

pub fn run(what: BenchWhat) -> anyhow::Result<Summary> {
    match what {
        BenchWhat::Extract { data, rounds } => extract(&crate::eval::data_dir(data.as_deref()), rounds.max(1)),
        BenchWhat::Code { data, rounds } => code(&crate::eval::data_dir(data.as_deref()), rounds.max(1)),
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
    use anyhow::Context;
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

/// Peak resident set size in kB (`VmHWM` of /proc/self/status), where available.
fn peak_rss() -> Option<u64> {
    let status = std::fs::read_to_string("/proc/self/status").ok()?;
    let line = status.lines().find(|l| l.starts_with("VmHWM:"))?;
    line.split_whitespace().nth(1)?.parse().ok()
}
