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
pub(crate) fn spans_of(text: &str, part: &str) -> Vec<Span> {
    let part = part.trim();
    if part.is_empty() {
        return Vec::new();
    }
    text.match_indices(part).map(|(i, _)| Span::new(i, i + part.len())).collect()
}

pub(crate) fn overlaps_any(span: Span, marked: &[Span]) -> bool {
    marked.iter().any(|m| span.overlaps(*m))
}

/// The set's category for a PLOVER v2 event.
fn as_set_category(event: &str) -> &str {
    match event {
        "CONCEDE" | "RETREAT" => "YIELD",
        e => e,
    }
}

/// One sentence to score, whichever set it comes from: where its marked actors are and
/// the gold category, named as dyad names categories for this set.
#[derive(Debug, Default, Clone)]
pub struct Case {
    /// the record's id, printed before the sentence in the listing (empty for ZSP rows)
    pub id: String,
    pub text: String,
    /// every occurrence of the marked source's words
    pub sources: Vec<Span>,
    /// every occurrence of the marked target's words; `None` when the set marks no
    /// target, and then the event must have none
    pub targets: Option<Vec<Span>>,
    pub gold: String,
    /// the set's own name for the category, when it maps to another
    pub set_category: String,
    /// the marked words as the listing shows them: source, target
    pub shown: (String, String),
    /// the gold actor codes (country or IGO code first) where the set gives them
    pub codes: (Vec<String>, Vec<String>),
}

impl Case {
    fn matches(&self, e: &dyad_core::Event) -> bool {
        overlaps_any(e.source.span, &self.sources)
            && match &self.targets {
                None => e.target.is_none(),
                Some(tgt) => e.target.as_ref().is_some_and(|t| overlaps_any(t.span, tgt)),
            }
    }
}

impl From<&Marked> for Case {
    fn from(r: &Marked) -> Case {
        Case {
            text: r.text.clone(),
            sources: spans_of(&r.text, &r.source),
            targets: Some(spans_of(&r.text, &r.target)),
            gold: r.gold.clone(),
            set_category: r.gold.clone(),
            shown: (r.source.clone(), r.target.clone()),
            ..Default::default()
        }
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
    /// per category of the set's own, where it was mapped: (gold count, correct)
    pub by_set_category: BTreeMap<String, (usize, usize)>,
    /// (gold, predicted) -> count, for the coded rows whose category is wrong
    pub confusions: BTreeMap<(String, String), usize>,
    /// why a row was not covered -> count
    pub misses: BTreeMap<&'static str, usize>,
    /// of the cases with no target marked that dyad coded from the marked source with a
    /// target, how many have an event of the gold category among those
    pub extra_target_right: usize,
    /// on the coded pairs whose gold gives actor codes: (sources checked, source code
    /// right, targets checked, target code right)
    pub codes: (usize, usize, usize, usize),
}

/// Score every case; `category` names dyad's PLOVER 2 category as the set does. Of the
/// events between the marked actors, one of the gold category is taken if there is one,
/// else the first. With `verbose`, print each case dyad missed or got wrong with what
/// it coded.
pub fn score(coder: &Coder, cases: &[Case], category: fn(&str) -> &str, verbose: bool) -> PloverScores {
    let mut s = PloverScores { sentences: cases.len(), ..Default::default() };
    for r in cases {
        s.by_category.entry(r.gold.clone()).or_default().0 += 1;
        if r.set_category != r.gold {
            s.by_set_category.entry(r.set_category.clone()).or_default().0 += 1;
        }
        let gold_line = || {
            let id = if r.id.is_empty() { String::new() } else { format!("{} ", r.id) };
            let named =
                if r.set_category == r.gold { r.gold.clone() } else { format!("{} ({})", r.gold, r.set_category) };
            println!("{id}{}\n    gold {} | {named} | {}", r.text, r.shown.0, r.shown.1);
        };
        // (a few rows mark a placeholder, "An actor" or "a recipient", that is not in the
        // sentence: no event can match them, and they count among the misses)
        if r.sources.is_empty() || r.targets.as_ref().is_some_and(Vec::is_empty) {
            let why = if r.shown.0.is_empty() { "no source marked" } else { "marked words not in the sentence" };
            *s.misses.entry(why).or_default() += 1;
            if verbose {
                gold_line();
                println!("    missed: {why}");
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
        let hit = coded
            .events
            .iter()
            .find(|e| r.matches(e) && category(&e.plover.event) == r.gold)
            .or_else(|| coded.events.iter().find(|e| r.matches(e)));
        if verbose && hit.is_none_or(|e| category(&e.plover.event) != r.gold) {
            gold_line();
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
            let tgt = r.targets.as_deref();
            let why = if !actor_in(&r.sources) {
                "no actor in the marked source"
            } else if tgt.is_some_and(|t| !actor_in(t) && place_in(t)) {
                "only a place in the marked target"
            } else if tgt.is_some_and(|t| !actor_in(t)) {
                "no actor in the marked target"
            } else if coded.events.is_empty() {
                "no event"
            } else if coded.events.iter().any(|e| overlaps_any(e.source.span, &r.sources)) {
                if tgt.is_some() {
                    "source right, target wrong or none"
                } else {
                    let right = |e: &&dyad_core::Event| category(&e.plover.event) == r.gold;
                    let from_source = |e: &&dyad_core::Event| overlaps_any(e.source.span, &r.sources);
                    s.extra_target_right += usize::from(coded.events.iter().filter(from_source).any(|e| right(&e)));
                    "source right, a target where none is marked"
                }
            } else if tgt.is_some_and(|tgt| {
                coded.events.iter().any(|e| e.target.as_ref().is_some_and(|t| overlaps_any(t.span, tgt)))
            }) {
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
        let predicted = category(&e.plover.event).to_string();
        s.covered += 1;
        s.by_category.entry(predicted.clone()).or_default().1 += 1;
        if predicted == r.gold {
            s.correct += 1;
            s.by_category.entry(r.gold.clone()).or_default().2 += 1;
            if r.set_category != r.gold {
                s.by_set_category.entry(r.set_category.clone()).or_default().1 += 1;
            }
        } else {
            *s.confusions.entry((r.gold.clone(), predicted)).or_default() += 1;
        }
        let code_in = |code: &str, gold: &[String]| gold.iter().any(|g| code.starts_with(g.as_str()));
        if !r.codes.0.is_empty() {
            s.codes.0 += 1;
            s.codes.1 += usize::from(code_in(&e.source.code, &r.codes.0));
        }
        if let (false, Some(t)) = (r.codes.1.is_empty(), &e.target) {
            s.codes.2 += 1;
            s.codes.3 += usize::from(code_in(&t.code, &r.codes.1));
        }
    }
    s
}

fn pct(a: usize, b: usize) -> f64 {
    if b == 0 {
        0.0
    } else {
        a as f64 / b as f64
    }
}

/// The figures of one run: the headline, then per category gold, coded, right, P, R,
/// the misses by reason and the most frequent wrong categories.
pub fn print_scores(name: &str, s: &PloverScores) {
    println!(
        "{name}: {} sentences; dyad coded the marked pair in {} ({:.3}); category right in {} \
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
    if !s.by_set_category.is_empty() {
        let each: Vec<String> = s.by_set_category.iter().map(|(cat, (g, c))| format!("{cat} {c}/{g}")).collect();
        println!("  right by the set's own name of a mapped category: {}", each.join(", "));
    }
    let mut confusions: Vec<_> = s.confusions.iter().collect();
    confusions.sort_by(|a, b| b.1.cmp(a.1).then(a.0.cmp(b.0)));
    let top: Vec<String> = confusions.iter().take(12).map(|((g, p), n)| format!("{g}->{p} {n}")).collect();
    let misses: Vec<String> = s.misses.iter().map(|(why, n)| format!("{why} {n}")).collect();
    println!("  pairs not coded, by reason: {}", misses.join(", "));
    if let Some(n) = s.misses.get("source right, a target where none is marked") {
        println!(
            "  of the {n} coded from the marked source with a target where none is marked, {} have the gold category",
            s.extra_target_right
        );
    }
    println!("  most frequent wrong categories (gold->dyad): {}", top.join(", "));
}

pub fn run(dir: &Path, verbose: bool) -> anyhow::Result<Summary> {
    let path = dir.join("events/plover/ZSP_PLV_train.tsv");
    let tsv = std::fs::read_to_string(&path).with_context(|| format!("reading {}", path.display()))?;
    let cases: Vec<Case> = parse_tsv(&tsv)?.iter().map(Case::from).collect();
    let s = score(&Coder::new(Dictionaries::embedded()), &cases, as_set_category, verbose);
    print_scores("plover (ZSP)", &s);
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
        let rows: Vec<Case> = parse_tsv(tsv).unwrap().iter().map(Case::from).collect();
        let s = score(&Coder::new(Dictionaries::embedded()), &rows, as_set_category, false);
        assert_eq!((s.sentences, s.covered, s.correct), (3, 1, 1));
        // a marked target that is not in the sentence is a miss of its own
        assert_eq!(s.misses.get("marked words not in the sentence"), Some(&1), "{:?}", s.misses);
        // Uganda read as where the aggression was, not as an actor
        assert_eq!(s.misses.get("only a place in the marked target"), Some(&1), "{:?}", s.misses);
        assert_eq!(s.covered + s.misses.values().sum::<usize>(), s.sentences);
    }
}
