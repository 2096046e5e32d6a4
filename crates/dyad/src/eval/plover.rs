//! PLOVER category evaluation on the ZSP sentences: each of the 1,050 news sentences
//! marks one source and one target; dyad codes the sentence, and the event whose
//! source and target overlap the marked ones is compared with the gold PLOVER root.
//! The set uses PLOVER's earlier YIELD category, which v2 split into CONCEDE and
//! RETREAT; either counts as YIELD.

use crate::Summary;
use anyhow::Context;
use dyad_code::{Coder, Dictionaries};
use dyad_core::{Article, Span};
use std::collections::BTreeMap;
use std::path::Path;

/// One marked sentence of the set.
pub struct Marked {
    pub text: String,
    pub source: String,
    pub target: String,
    pub gold: String,
}

/// Read the TSV: columns named in its header (sentence, source, target, gold_root).
pub fn parse_tsv(tsv: &str) -> anyhow::Result<Vec<Marked>> {
    let mut lines = tsv.lines();
    let header: Vec<&str> = lines.next().context("empty file")?.split('\t').collect();
    let col = |name: &str| header.iter().position(|h| *h == name).with_context(|| format!("no column {name:?}"));
    let (s, src, tgt, gold) = (col("sentence")?, col("source")?, col("target")?, col("gold_root")?);
    Ok(lines
        .map(|l| l.split('\t').collect::<Vec<_>>())
        .filter(|c| c.len() > gold.max(tgt))
        .map(|c| Marked { text: c[s].into(), source: c[src].into(), target: c[tgt].into(), gold: c[gold].into() })
        .collect())
}

/// Every occurrence of the marked words: the set gives the words, not their offsets,
/// so "donor to Sudan, providing $5 billion to Sudan" marks either "Sudan".
fn spans_of(text: &str, part: &str) -> Vec<Span> {
    let part = part.trim();
    if part.is_empty() {
        return Vec::new();
    }
    text.match_indices(part).map(|(i, _)| Span::new(i, i + part.len())).collect()
}

fn overlaps_any(span: Span, marked: &[Span]) -> bool {
    marked.iter().any(|m| span.overlaps(*m))
}

/// The set's category for a PLOVER v2 event.
fn as_set_category(event: &str) -> &str {
    match event {
        "CONCEDE" | "RETREAT" => "YIELD",
        e => e,
    }
}

#[derive(Default)]
pub struct PloverScores {
    pub sentences: usize,
    /// sentences where dyad coded an event between the marked actors
    pub covered: usize,
    pub correct: usize,
    /// per gold category: (gold count, predicted count, correct)
    pub by_category: BTreeMap<String, (usize, usize, usize)>,
    /// (gold, predicted) -> count, for the coded rows whose category is wrong
    pub confusions: BTreeMap<(String, String), usize>,
    /// why a row was not covered -> count
    pub misses: BTreeMap<&'static str, usize>,
}

/// Score every row; with `verbose`, print each row dyad missed or got wrong with what it coded.
pub fn score(coder: &Coder, rows: &[Marked], verbose: bool) -> PloverScores {
    let mut s = PloverScores { sentences: rows.len(), ..Default::default() };
    for r in rows {
        s.by_category.entry(r.gold.clone()).or_default().0 += 1;
        let (src, tgt) = (spans_of(&r.text, &r.source), spans_of(&r.text, &r.target));
        // (a few rows mark a placeholder, "An actor" or "a recipient", that is not in the
        // sentence: no event can match them, and they count among the misses)
        if src.is_empty() || tgt.is_empty() {
            *s.misses.entry("marked words not in the sentence").or_default() += 1;
            if verbose {
                println!("{}\n    gold {} | {} | {}", r.text, r.source, r.gold, r.target);
                println!("    missed: marked words not in the sentence");
            }
            continue;
        }
        let article = Article {
            doc_id: dyad_core::doc_id("zsp", r.text.as_bytes()),
            source: "zsp".into(),
            paragraphs: vec![Span::new(0, r.text.len())],
            text: r.text.clone(),
            ..Default::default()
        };
        let coded = coder.code(&dyad_nlp::annotate(article));
        let hit = coded.events.iter().find(|e| {
            overlaps_any(e.source.span, &src) && e.target.as_ref().is_some_and(|t| overlaps_any(t.span, &tgt))
        });
        if verbose && hit.is_none_or(|e| as_set_category(&e.plover.event) != r.gold) {
            println!("{}\n    gold {} | {} | {}", r.text, r.source, r.gold, r.target);
            for e in &coded.events {
                let t = e.target.as_ref().map(|t| format!("{} ({})", t.code, t.text)).unwrap_or("-".into());
                println!(
                    "    dyad {} ({}) | {} {} \"{}\" | {t}",
                    e.source.code, e.source.text, e.plover.event, e.cameo, e.trigger.text
                );
            }
        }
        let Some(e) = hit else {
            let mentions = || coded.trace.iter().flat_map(|t| &t.mentions);
            let actor_in = |spans: &[Span]| mentions().any(|m| !m.location && overlaps_any(m.span, spans));
            // a place the coder read as where something happened ("in Somalia"), not as
            // an actor
            let place_in = |spans: &[Span]| mentions().any(|m| m.location && overlaps_any(m.span, spans));
            let why = if !actor_in(&src) {
                "no actor in the marked source"
            } else if !actor_in(&tgt) && place_in(&tgt) {
                "only a place in the marked target"
            } else if !actor_in(&tgt) {
                "no actor in the marked target"
            } else if coded.events.is_empty() {
                "no event"
            } else if coded.events.iter().any(|e| overlaps_any(e.source.span, &src)) {
                "source right, target wrong or none"
            } else if coded.events.iter().any(|e| e.target.as_ref().is_some_and(|t| overlaps_any(t.span, &tgt))) {
                "target right, source wrong"
            } else {
                "events between other actors"
            };
            *s.misses.entry(why).or_default() += 1;
            if verbose {
                println!("    missed: {why}");
            }
            continue;
        };
        let predicted = as_set_category(&e.plover.event).to_string();
        s.covered += 1;
        s.by_category.entry(predicted.clone()).or_default().1 += 1;
        if predicted == r.gold {
            s.correct += 1;
            s.by_category.entry(r.gold.clone()).or_default().2 += 1;
        } else {
            *s.confusions.entry((r.gold.clone(), predicted)).or_default() += 1;
        }
    }
    s
}

pub fn run(dir: &Path, verbose: bool) -> anyhow::Result<Summary> {
    let path = dir.join("events/plover/ZSP_PLV_train.tsv");
    let tsv = std::fs::read_to_string(&path).with_context(|| format!("reading {}", path.display()))?;
    let rows = parse_tsv(&tsv)?;
    let s = score(&Coder::new(Dictionaries::embedded()), &rows, verbose);
    let pct = |a: usize, b: usize| if b == 0 { 0.0 } else { a as f64 / b as f64 };
    println!(
        "plover (ZSP): {} sentences; dyad coded the marked pair in {} ({:.3}); category right in {} \
         ({:.3} of coded, {:.3} of all)",
        s.sentences,
        s.covered,
        pct(s.covered, s.sentences),
        s.correct,
        pct(s.correct, s.covered),
        pct(s.correct, s.sentences)
    );
    println!("  {:<10} {:>5} {:>6} {:>6}   P      R", "category", "gold", "coded", "right");
    for (cat, (g, p, c)) in &s.by_category {
        println!("  {cat:<10} {g:>5} {p:>6} {c:>6}   {:.3}  {:.3}", pct(*c, *p), pct(*c, *g));
    }
    let mut confusions: Vec<_> = s.confusions.iter().collect();
    confusions.sort_by(|a, b| b.1.cmp(a.1).then(a.0.cmp(b.0)));
    let top: Vec<String> = confusions.iter().take(12).map(|((g, p), n)| format!("{g}->{p} {n}")).collect();
    let misses: Vec<String> = s.misses.iter().map(|(why, n)| format!("{why} {n}")).collect();
    println!("  pairs not coded, by reason: {}", misses.join(", "));
    println!("  most frequent wrong categories (gold->dyad): {}", top.join(", "));
    Ok(Summary { documents: s.sentences, failed: 0, records: s.covered })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reads_columns_by_name_and_maps_yield() {
        let tsv =
            "\tsentence_id\tsentence\tsource\ttarget\tgold_root\n\t1\tKenya accused Uganda.\tKenya\tUganda\tACCUSE\n";
        let rows = parse_tsv(tsv).unwrap();
        assert_eq!(rows.len(), 1);
        assert_eq!(rows[0].gold, "ACCUSE");
        assert_eq!(spans_of(&rows[0].text, &rows[0].target), vec![Span::new(14, 20)]);
        // the set gives words, not offsets: every occurrence counts
        assert_eq!(spans_of("Sudan aid to Sudan", "Sudan"), vec![Span::new(0, 5), Span::new(13, 18)]);
        assert!(spans_of("Kenya", "  ").is_empty());
        assert_eq!(as_set_category("RETREAT"), "YIELD");
        assert_eq!(as_set_category("ASSAULT"), "ASSAULT");
    }

    #[test]
    fn every_row_missed_has_a_reason() {
        let tsv = "sentence\tsource\ttarget\tgold_root\n\
                   Kenya accused Uganda of aggression.\tKenya\tUganda\tACCUSE\n\
                   Kenya sent aid.\tKenya\ta recipient\tAID\n\
                   Kenya accused Tanzania of aggression in Uganda.\tKenya\tUganda\tACCUSE\n";
        let rows = parse_tsv(tsv).unwrap();
        let s = score(&Coder::new(Dictionaries::embedded()), &rows, false);
        assert_eq!((s.sentences, s.covered, s.correct), (3, 1, 1));
        // a marked target that is not in the sentence is a miss of its own
        assert_eq!(s.misses.get("marked words not in the sentence"), Some(&1), "{:?}", s.misses);
        // Uganda read as where the aggression was, not as an actor
        assert_eq!(s.misses.get("only a place in the marked target"), Some(&1), "{:?}", s.misses);
        assert_eq!(s.covered + s.misses.values().sum::<usize>(), s.sentences);
    }
}
