//! `dyad eval political-news`: how many events dyad keeps on pages that are political news
//! and on pages that are not (the test of `dyad_code::relevance`). No set comes with such
//! labels, so the pages of two extraction sets were labelled by a reading of their titles
//! (`political_news.tsv` beside this file): the AEB pages, on which the test's threshold
//! was chosen, and pages of the htmldate set, on which it was only checked.

use super::extraction::{load_aeb, load_htmldate, GoldPage};
use crate::Summary;
use anyhow::bail;
use dyad_code::{Coder, Dictionaries};
use dyad_pipeline::{process_batch, Processed, Stage};
use std::collections::HashMap;
use std::path::Path;

const LABELS: &str = include_str!("political_news.tsv");

/// The labels, in the order printed, with what each stands for.
const KINDS: &[(&str, &str)] = &[
    ("P", "political news"),
    ("C", "crime and courts"),
    ("B", "borderline"),
    ("N", "not political news"),
    ("?", "not labelled"),
];

/// (set, page) -> label.
fn labels() -> anyhow::Result<HashMap<(&'static str, &'static str), &'static str>> {
    let mut out = HashMap::new();
    for (n, line) in LABELS.lines().enumerate().filter(|(_, l)| !l.starts_with('#') && !l.trim().is_empty()) {
        let cols: Vec<&str> = line.split('\t').collect();
        let [set, page, label] = cols[..] else { bail!("political_news.tsv line {}: expected 3 columns", n + 1) };
        if !KINDS.iter().any(|(k, _)| *k == label) {
            bail!("political_news.tsv line {}: unknown label {label:?}", n + 1);
        }
        out.insert((set, page), label);
    }
    Ok(out)
}

/// Events kept and set aside, and pages, by label.
#[derive(Default)]
struct Counts {
    pages: usize,
    kept: usize,
    set_aside: usize,
}

fn score(set: &'static str, pages: &[GoldPage], coder: &Coder, verbose: bool) -> anyhow::Result<(usize, usize)> {
    let labels = labels()?;
    let docs: Vec<_> = pages.iter().map(GoldPage::document).collect();
    let results = process_batch(&docs, &Stage::Code { explain: false }, Some(coder), None, 0);
    let mut by_label: HashMap<&str, Counts> = HashMap::new();
    let mut failed = 0;
    for (page, result) in pages.iter().zip(results) {
        let Ok(Processed::Coded(doc, coded)) = result else {
            failed += 1;
            continue;
        };
        let label = labels.get(&(set, page.id.as_str())).copied().unwrap_or("?");
        let c = by_label.entry(label).or_default();
        c.pages += 1;
        c.kept += coded.events.len();
        c.set_aside += coded.set_aside.len();
        if verbose && !coded.set_aside.is_empty() {
            let title = doc.article.title.as_deref().unwrap_or("");
            println!(
                "  {set} {label} {} {:?}: {} kept, {} set aside ({})",
                page.id,
                title,
                coded.events.len(),
                coded.set_aside.len(),
                coded.relevance.explain()
            );
        }
    }
    for (label, what) in KINDS {
        let Some(c) = by_label.get(label) else { continue };
        let coded = c.kept + c.set_aside;
        let share = if coded == 0 { 0.0 } else { c.set_aside as f64 / coded as f64 };
        println!(
            "  {set:<9} {label} {what:<19} {:>5} pages {:>6} events coded {:>6} kept {:>6} set aside ({:.1}%)",
            c.pages,
            coded,
            c.kept,
            c.set_aside,
            100.0 * share
        );
    }
    Ok((pages.len(), failed))
}

pub fn run(data: &Path, verbose: bool) -> anyhow::Result<Summary> {
    let coder = Coder::new(Dictionaries::embedded());
    println!(
        "political-news: events kept and set aside by the test of political news, on pages labelled by \
         their titles (aeb: the threshold was chosen here; htmldate: checked only)"
    );
    let mut documents = 0;
    let mut failed = 0;
    for (set, pages) in [("aeb", load_aeb(data)?), ("htmldate", load_htmldate(data)?)] {
        let (n, f) = score(set, &pages, &coder, verbose)?;
        documents += n;
        failed += f;
    }
    Ok(Summary { documents, failed, records: documents - failed })
}

#[cfg(test)]
mod tests {
    #[test]
    fn every_label_line_reads() {
        let labels = super::labels().expect("labels read");
        assert!(labels.len() > 250, "{}", labels.len());
        assert!(labels.keys().any(|(set, _)| *set == "aeb") && labels.keys().any(|(set, _)| *set == "htmldate"));
    }
}
