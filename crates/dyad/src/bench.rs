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
}

pub fn run(what: BenchWhat) -> anyhow::Result<Summary> {
    match what {
        BenchWhat::Extract { data, rounds } => extract(&crate::eval::data_dir(data.as_deref()), rounds.max(1)),
    }
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
