//! One document through dyad's stages, as a pure function, and a batch of documents
//! on several threads with results in input order. The command line, the store's
//! ingest and the Python package all run documents through here, so they give the
//! same records for the same input.

use dyad_code::{Coded, Coder, Dictionaries};
use dyad_core::{Annotated, Article, Document};

/// How far to take a document: its article, its annotation, or its events.
pub enum Stage {
    Extract,
    Annotate,
    Code { explain: bool },
}

/// The embedded dictionaries plus the user's dictionary files (`--dict`). A file that
/// cannot be read is an error; a bad line in one is reported in the returned list
/// (file and line) and skipped.
pub fn load_dictionaries(extra: &[std::path::PathBuf]) -> Result<(Dictionaries, Vec<String>), String> {
    let mut dict = Dictionaries::embedded();
    let mut problems = Vec::new();
    for path in extra {
        let text = std::fs::read_to_string(path).map_err(|e| format!("reading dictionary {}: {e}", path.display()))?;
        problems.extend(dict.add_file(&path.display().to_string(), &text).iter().map(|e| e.to_string()));
    }
    Ok((dict, problems))
}

/// A publication date as `--published` takes it (YYYY-MM-DD), with the message
/// the command line and the Python package give when it is not one.
pub fn parse_date(s: &str) -> Result<chrono::NaiveDate, String> {
    chrono::NaiveDate::parse_from_str(s, "%Y-%m-%d").map_err(|_| format!("{s:?} is not a date in YYYY-MM-DD form"))
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
    let mut times = StageTimes::default();
    process_timed(doc, None, stage, coder, published, None, &mut times)
        .map(|p| p.expect("with no cut-off date every document is processed"))
}

/// Time spent in each stage, summed over the documents it was given.
#[derive(Clone, Copy, Debug, Default, PartialEq)]
pub struct StageTimes {
    pub extract: std::time::Duration,
    pub annotate: std::time::Duration,
    /// Coding, with the merge of the coder's mentions into the entities.
    pub code: std::time::Duration,
}

impl std::ops::AddAssign for StageTimes {
    fn add_assign(&mut self, o: StageTimes) {
        self.extract += o.extract;
        self.annotate += o.annotate;
        self.code += o.code;
    }
}

/// [`process`] that adds the time of each stage to `times`, and stops after
/// extraction when `since` is given and the article's publication date (found in the
/// page or given by the source, else `published`) is before it: `Ok(None)`. `doc_id`
/// is the document's id when the caller has it already (else it is computed).
pub fn process_timed(
    doc: &Document,
    doc_id: Option<String>,
    stage: &Stage,
    coder: Option<&Coder>,
    published: Option<chrono::NaiveDate>,
    since: Option<chrono::NaiveDate>,
    times: &mut StageTimes,
) -> Result<Option<Processed>, String> {
    let clock = std::time::Instant::now();
    let extracted = dyad_extract::extract_with_id(doc, doc_id).map_err(|e| e.to_string());
    times.extract += clock.elapsed();
    let mut article = extracted?;
    if article.published.is_none() {
        article.published = published;
        article.published_precision = published.map(|_| dyad_core::Precision::Day);
        article.published_source = published.map(|_| "document".to_string());
    }
    if let (Some(since), Some(date)) = (since, article.published) {
        if date < since {
            return Ok(None);
        }
    }
    let Some(coder) = coder.filter(|_| !matches!(stage, Stage::Extract)) else {
        return Ok(Some(Processed::Article(article)));
    };
    let clock = std::time::Instant::now();
    let mut annotated = dyad_nlp::annotate(article);
    let clock = {
        let now = std::time::Instant::now();
        times.annotate += now - clock;
        now
    };
    let coded = match stage {
        Stage::Code { explain: true } => coder.code_explained(&annotated),
        _ => coder.code(&annotated),
    };
    annotated.entities = merge_entities(std::mem::take(&mut annotated.entities), coded.entities.clone());
    resolve_speakers(&mut annotated);
    times.code += clock.elapsed();
    Ok(Some(match stage {
        Stage::Annotate => Processed::Annotated(Box::new(annotated)),
        _ => Processed::Coded(Box::new(annotated), coded),
    }))
}

/// Process a batch on `threads` threads; results come back in input order.
pub fn process_batch(
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

/// The tagger's entities (if any) with the actor codes of the dictionary mentions
/// they overlap, plus the dictionary mentions no tagged entity covers; in text order.
pub fn merge_entities(tagged: Vec<dyad_core::Entity>, dict: Vec<dyad_core::Entity>) -> Vec<dyad_core::Entity> {
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
pub fn resolve_speakers(doc: &mut dyad_core::Annotated) {
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
