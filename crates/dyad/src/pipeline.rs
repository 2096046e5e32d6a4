//! The pipeline: every input document goes through the stages up to the one asked
//! for; a document that fails is reported on stderr (naming its source) and the
//! run goes on with the rest.
//!
//! Documents are read in batches; a batch is processed on all cores (scoped threads,
//! each taking every n-th document) and written in input order, so output is the
//! same whatever the number of threads and memory stays bounded by the batch.

use crate::output::Writer;
use crate::{InputArgs, Summary};
use anyhow::Context;
use dyad_code::{Coded, Coder, Dictionaries};
use dyad_core::{Annotated, Article, Document};
use std::io::{IsTerminal, Write};
use std::path::PathBuf;
use std::time::Instant;

pub enum Stage {
    Extract,
    Annotate,
    Code { explain: bool },
}

/// Documents read before a batch is processed.
const BATCH: usize = 256;

pub fn load_dictionaries(extra: &[PathBuf]) -> anyhow::Result<Dictionaries> {
    let mut dict = Dictionaries::embedded();
    for path in extra {
        let text = std::fs::read_to_string(path).with_context(|| format!("reading dictionary {}", path.display()))?;
        let errors = dict.add_file(&path.display().to_string(), &text);
        for e in &errors {
            eprintln!("dyad: {e} (line skipped)");
        }
    }
    Ok(dict)
}

/// What one document became.
pub enum Processed {
    Article(Article),
    Annotated(Box<Annotated>),
    Coded(Box<Annotated>, Coded),
}

/// Run one document through the stages: pure, so batches can run in parallel.
pub fn process(
    doc: &Document,
    stage: &Stage,
    coder: Option<&Coder>,
    published: Option<chrono::NaiveDate>,
) -> Result<Processed, String> {
    let mut article = dyad_extract::extract(doc).map_err(|e| e.to_string())?;
    if article.published.is_none() {
        article.published = published;
        article.published_precision = published.map(|_| dyad_core::Precision::Day);
    }
    let Some(coder) = coder.filter(|_| !matches!(stage, Stage::Extract)) else {
        return Ok(Processed::Article(article));
    };
    let mut annotated = dyad_nlp::annotate(article);
    let coded = coder.code(&annotated);
    annotated.entities = merge_entities(std::mem::take(&mut annotated.entities), coded.entities.clone());
    resolve_speakers(&mut annotated);
    Ok(match stage {
        Stage::Annotate => Processed::Annotated(Box::new(annotated)),
        _ => Processed::Coded(Box::new(annotated), coded),
    })
}

/// Process a batch on `threads` threads; results come back in input order.
fn process_batch(
    docs: &[Document],
    stage: &Stage,
    coder: Option<&Coder>,
    published: Option<chrono::NaiveDate>,
    threads: usize,
) -> Vec<Result<Processed, String>> {
    let threads = threads.clamp(1, docs.len().max(1));
    if threads == 1 {
        return docs.iter().map(|d| process(d, stage, coder, published)).collect();
    }
    let mut slots: Vec<Option<Result<Processed, String>>> = (0..docs.len()).map(|_| None).collect();
    std::thread::scope(|s| {
        let handles: Vec<_> = (0..threads)
            .map(|t| {
                s.spawn(move || {
                    // every n-th document, so long and short pages spread evenly
                    (t..docs.len())
                        .step_by(threads)
                        .map(|i| (i, process(&docs[i], stage, coder, published)))
                        .collect::<Vec<_>>()
                })
            })
            .collect();
        for h in handles {
            // a panic in a stage leaves its thread's documents empty: reported below as failed
            if let Ok(results) = h.join() {
                for (i, r) in results {
                    slots[i] = Some(r);
                }
            }
        }
    });
    slots.into_iter().map(|r| r.unwrap_or_else(|| Err("internal error while processing".into()))).collect()
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

/// The tagger's entities (if any) with the actor codes of the dictionary mentions
/// they overlap, plus the dictionary mentions no tagged entity covers; in text order.
pub(crate) fn merge_entities(tagged: Vec<dyad_core::Entity>, dict: Vec<dyad_core::Entity>) -> Vec<dyad_core::Entity> {
    let mut out: Vec<dyad_core::Entity> = tagged
        .into_iter()
        .map(|mut e| {
            if e.actor.is_none() {
                e.actor = dict.iter().find(|d| d.span.overlaps(e.span)).and_then(|d| d.actor.clone());
            }
            e
        })
        .collect();
    let extra: Vec<dyad_core::Entity> =
        dict.into_iter().filter(|d| !out.iter().any(|e| e.span.overlaps(d.span))).collect();
    out.extend(extra);
    out.sort_by_key(|e| (e.span.start, e.span.end));
    out
}

/// Give each quote's speaker the actor code of the entity at its speaker span.
pub(crate) fn resolve_speakers(doc: &mut dyad_core::Annotated) {
    for q in &mut doc.quotes {
        if let Some(sp) = q.speaker_span {
            q.speaker_actor = doc.entities.iter().find(|e| e.span.overlaps(sp)).and_then(|e| e.actor.clone());
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use dyad_core::{Entity, EntityLabel, Span};

    fn ent(s: usize, e: usize, label: EntityLabel, actor: Option<&str>) -> Entity {
        Entity { text: String::new(), span: Span::new(s, e), label, actor: actor.map(String::from) }
    }

    #[test]
    fn tagged_entities_take_actor_codes_and_dictionary_fills_gaps() {
        let tagged = vec![ent(0, 14, EntityLabel::PER, None), ent(30, 35, EntityLabel::ORG, None)];
        let dict = vec![ent(8, 14, EntityLabel::PER, Some("RUSGOV")), ent(20, 26, EntityLabel::LOC, Some("SYR"))];
        let m = merge_entities(tagged, dict);
        assert_eq!(m.len(), 3);
        assert_eq!((m[0].span, m[0].actor.as_deref()), (Span::new(0, 14), Some("RUSGOV")));
        assert_eq!((m[1].span, m[1].label), (Span::new(20, 26), EntityLabel::LOC));
        assert_eq!((m[2].span, m[2].actor.as_deref()), (Span::new(30, 35), None));
    }
}
