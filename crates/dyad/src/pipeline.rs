//! The pipeline: every input document goes through the stages up to the one asked
//! for; a document that fails is reported on stderr (naming its source) and the
//! run goes on with the rest.

use crate::output::Writer;
use crate::{InputArgs, Summary};
use anyhow::Context;
use dyad_code::{Coder, Dictionaries};
use std::path::PathBuf;

pub enum Stage {
    Extract,
    Annotate,
    Code { explain: bool },
}

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

pub fn run(args: &InputArgs, stage: Stage, dicts: &[PathBuf]) -> anyhow::Result<Summary> {
    let coder = match stage {
        Stage::Extract => None,
        _ => Some(Coder::new(load_dictionaries(dicts)?)),
    };
    let opts = dyad_ingest::InputOptions { lines: args.lines, max_bytes: args.max_bytes };
    let stdout = std::io::stdout();
    let mut out = Writer::new(stdout.lock(), args.format, matches!(stage, Stage::Code { explain: true }));
    let mut summary = Summary::default();
    for doc in dyad_ingest::read_inputs(&args.inputs, &opts) {
        let doc = match doc {
            Ok(d) => d,
            Err(e) => {
                eprintln!("dyad: {e}");
                summary.failed += 1;
                continue;
            }
        };
        summary.documents += 1;
        let mut article = match dyad_extract::extract(&doc) {
            Ok(a) => a,
            Err(e) => {
                eprintln!("dyad: {e}");
                summary.failed += 1;
                continue;
            }
        };
        if article.published.is_none() {
            article.published = args.published;
            article.published_precision = args.published.map(|_| dyad_core::Precision::Day);
        }
        let written = match (&stage, &coder) {
            (Stage::Extract, _) => out.article(&article),
            (Stage::Annotate, Some(coder)) => {
                let mut annotated = dyad_nlp::annotate(article);
                let coded = coder.code(&annotated);
                annotated.entities = coded.entities;
                resolve_speakers(&mut annotated);
                out.annotation(&annotated)
            }
            (Stage::Code { .. }, Some(coder)) => {
                let annotated = dyad_nlp::annotate(article);
                let coded = coder.code(&annotated);
                out.events(&annotated, &coded)
            }
            _ => unreachable!("a coder is built for every stage after extract"),
        };
        match written {
            Ok(n) => summary.records += n,
            // a closed pipe (`dyad code ... | head`) ends the run quietly
            Err(e) if e.kind() == std::io::ErrorKind::BrokenPipe => return Ok(summary),
            Err(e) => return Err(e).context("writing output"),
        }
    }
    out.finish().ok();
    if summary.failed > 0 || summary.documents == 0 {
        eprintln!(
            "dyad: {} document(s) read, {} failed, {} record(s) written",
            summary.documents, summary.failed, summary.records
        );
    }
    Ok(summary)
}

/// Give each quote's speaker the actor code of the entity at its speaker span.
pub(crate) fn resolve_speakers(doc: &mut dyad_core::Annotated) {
    for q in &mut doc.quotes {
        if let Some(sp) = q.speaker_span {
            q.speaker_actor = doc.entities.iter().find(|e| e.span.overlaps(sp)).and_then(|e| e.actor.clone());
        }
    }
}
