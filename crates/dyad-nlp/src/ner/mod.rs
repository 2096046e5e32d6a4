//! Named entities (PER, ORG, LOC, MISC): a greedy BILOU tagger with averaged
//! perceptron weights that dyad trains itself (`dyad train ner`) and ships in
//! `data/ner/model.bin`, compiled into the binary.
//!
//! - [`features`]: per-word hashes, the hashed feature templates and the
//!   prediction history of a document;
//! - [`gazetteer`]: name lists as features (cities, countries, actor names);
//! - [`model`]: tags, the weights file and decoding;
//! - [`train`]: the perceptron trainer.
//!
//! [`entities`] tags the sentences of an article: dyad's tokenizer splits hyphens
//! ("al", "-", "Assad") where the training corpora keep them in one word, so words
//! joined by hyphens without spaces are rejoined before tagging.

pub mod features;
pub mod gazetteer;
pub mod model;
pub(crate) mod table;
pub mod train;

use dyad_core::{Entity, EntityLabel, Sentence, Span, TokenKind};
use std::collections::HashMap;
use std::sync::OnceLock;

use features::WordInfo;
pub use model::{Scratch, Tagger};

static MODEL_BYTES: &[u8] = include_bytes!("../../../../data/ner/model.bin");

/// The compiled-in model, parsed once; `None` if it is missing or unreadable
/// (then no entities are found, nothing panics).
pub fn model() -> Option<&'static Tagger> {
    static MODEL: OnceLock<Option<Tagger>> = OnceLock::new();
    MODEL.get_or_init(|| Tagger::from_bytes(MODEL_BYTES).ok()).as_ref()
}

pub const LABELS: [EntityLabel; 4] = [EntityLabel::PER, EntityLabel::ORG, EntityLabel::LOC, EntityLabel::MISC];

/// The words of a sentence as byte spans: tokens, with hyphenated compounds
/// ("al-Assad", "Rolls-Royce") rejoined.
pub fn words(text: &str, sentence: &Sentence) -> Vec<Span> {
    word_tokens(text, sentence).into_iter().map(|(span, _)| span).collect()
}

/// [`words`], each with the tokens it is made of.
fn word_tokens(text: &str, sentence: &Sentence) -> Vec<(Span, std::ops::Range<usize>)> {
    let toks = &sentence.tokens;
    let mut out = Vec::with_capacity(toks.len());
    let mut i = 0;
    while i < toks.len() {
        let first = i;
        let mut span = toks[i].span;
        if toks[i].kind != TokenKind::Punct {
            // word - word - word ..., all touching
            while i + 2 < toks.len() {
                let (h, next) = (&toks[i + 1], &toks[i + 2]);
                let hyphen = h.span.slice(text) == "-";
                if hyphen
                    && h.span.start == span.end
                    && next.span.start == h.span.end
                    && matches!(next.kind, TokenKind::Word | TokenKind::Number)
                {
                    span = Span::new(span.start, next.span.end);
                    i += 2;
                } else {
                    break;
                }
            }
        }
        out.push((span, first..i + 1));
        i += 1;
    }
    out
}

/// Named entities in the sentences of `text` (actor left empty).
pub fn entities(text: &str, sentences: &[Sentence]) -> Vec<Entity> {
    match model() {
        Some(m) => entities_with(m, text, sentences),
        None => Vec::new(),
    }
}

/// [`entities`] reusing the infos ([`WordInfo::of`]) of each sentence's tokens, as
/// [`crate::pos::tag_sentences_keeping_infos`] gives them: a word of one token takes
/// its token's. Sentences without them (or a model) have them computed.
pub fn entities_reusing_infos(text: &str, sentences: &[Sentence], token_infos: &[Vec<WordInfo>]) -> Vec<Entity> {
    match model() {
        Some(m) => entities_with_infos(m, text, sentences, token_infos),
        None => Vec::new(),
    }
}

/// [`entities`] with a given model.
pub fn entities_with(m: &Tagger, text: &str, sentences: &[Sentence]) -> Vec<Entity> {
    entities_with_infos(m, text, sentences, &[])
}

fn entities_with_infos(m: &Tagger, text: &str, sentences: &[Sentence], token_infos: &[Vec<WordInfo>]) -> Vec<Entity> {
    // each word's infos, computed once (or taken from its token) for the document
    // flags and the tagger's features
    let mut spans: Vec<Vec<Span>> = Vec::with_capacity(sentences.len());
    let mut infos: Vec<Vec<WordInfo>> = Vec::with_capacity(sentences.len());
    for (k, s) in sentences.iter().enumerate() {
        let tokens = token_infos.get(k).filter(|t| t.len() == s.tokens.len());
        let words = word_tokens(text, s);
        let mut ws = Vec::with_capacity(words.len());
        let mut is = Vec::with_capacity(words.len());
        for (span, toks) in words {
            ws.push(span);
            is.push(match tokens {
                Some(t) if toks.len() == 1 => t[toks.start],
                _ => WordInfo::of(span.slice(text)),
            });
        }
        spans.push(ws);
        infos.push(is);
    }
    let refs: Vec<&[WordInfo]> = infos.iter().map(Vec::as_slice).collect();
    DOC_SCRATCH.with_borrow_mut(|DocScratch { flags, scratch, tags }| {
        features::doc_flags_of_info(&refs, flags);
        let doc = |k: u64| flags.get(&k).copied().unwrap_or(0);
        m.tag_document_info(&refs, &doc, scratch, tags);
        let mut out = Vec::new();
        for (t, spans) in tags.iter().zip(&spans) {
            for (s, e, l) in model::spans(t) {
                let span = Span::new(spans[s].start, spans[e - 1].end);
                out.push(Entity { text: span.slice(text).to_string(), span, label: LABELS[l], actor: None });
            }
        }
        out
    })
}

/// The buffers of tagging a document, kept by each thread from document to document
/// (all cleared before use): growing them afresh for every article cost more than
/// the tagging of its short sentences.
#[derive(Default)]
struct DocScratch {
    /// Keyed by word hashes, hashed as themselves like the history's counts.
    flags: HashMap<u64, u8, std::hash::BuildHasherDefault<table::IdHasher>>,
    scratch: Scratch,
    tags: Vec<Vec<u8>>,
}

thread_local! {
    // kept from document to document: its word cache pays off across a crawl
    static DOC_SCRATCH: std::cell::RefCell<DocScratch> = std::cell::RefCell::default();
}

/// Forget the words this thread's tagger has scored (so a benchmark pass starts as
/// on text never seen); entities are the same either way.
pub fn forget_words() {
    DOC_SCRATCH.with_borrow_mut(|doc| *doc = DocScratch::default());
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::sentences;

    fn tagged(text: &str) -> Vec<(String, EntityLabel)> {
        let sents = sentences::split(text, &[]);
        entities(text, &sents).into_iter().map(|e| (e.text, e.label)).collect()
    }

    #[test]
    fn rejoins_hyphenated_words() {
        let text = "Bashar al-Assad met Rolls-Royce - not X - today's 2-1 win.";
        let sents = sentences::split(text, &[]);
        let ws: Vec<&str> = words(text, &sents[0]).iter().map(|w| w.slice(text)).collect();
        assert_eq!(
            ws,
            vec!["Bashar", "al-Assad", "met", "Rolls-Royce", "-", "not", "X", "-", "today", "'s", "2-1", "win", "."]
        );
    }

    #[test]
    fn committed_weights_load_and_tag() {
        let m = model().expect("data/ner/model.bin loads");
        assert!(m.features() > 1000 && m.gazetteer().len() > 1000);
        assert_eq!(
            tagged("Angela Merkel met Emmanuel Macron in Paris."),
            vec![
                ("Angela Merkel".to_string(), EntityLabel::PER),
                ("Emmanuel Macron".to_string(), EntityLabel::PER),
                ("Paris".to_string(), EntityLabel::LOC)
            ]
        );
        let found =
            tagged("The European Union and the Kremlin condemned the attack on Kyiv, Ukrainian officials said.");
        assert!(found.contains(&("Kyiv".to_string(), EntityLabel::LOC)), "{found:?}");
        assert!(found.contains(&("European Union".to_string(), EntityLabel::ORG)), "{found:?}");
    }

    #[test]
    fn document_tagging_matches_sentence_tagging_without_repeats() {
        // no capitalised word occurs twice, so the second pass has nothing to add
        let m = model().expect("data/ner/model.bin loads");
        let doc: [&[&str]; 2] = [&["Angela", "Merkel", "visited", "Paris", "."], &["It", "rained", "."]];
        let mut tags = Vec::new();
        m.tag_document(&doc, &|_| 0, &mut Scratch::default(), &mut tags);
        let mut history = features::PredictionHistory::default();
        for (words, t) in doc.iter().zip(&tags) {
            let mut alone = Vec::new();
            m.tag(words, &|_| 0, &mut history, &mut Scratch::default(), &mut alone);
            assert_eq!(&alone, t);
        }
        m.tag_document::<&str>(&[], &|_| 0, &mut Scratch::default(), &mut tags);
        assert!(tags.is_empty());
    }

    #[test]
    fn reusing_the_token_infos_finds_the_same_entities() {
        let text = "Bashar al-Assad met Rolls-Royce executives in Damascus.\nTURKEY'S LEADER VISITS BERLIN\n\
                    The talks in Berlin ended on Friday, the U.N. envoy said.";
        let mut sents = sentences::split(text, &[]);
        let infos = crate::pos::tag_sentences_keeping_infos(text, &mut sents);
        assert_eq!(infos.len(), sents.len());
        let fresh = entities(text, &sents);
        assert!(fresh.len() >= 3, "{fresh:?}");
        assert_eq!(entities_reusing_infos(text, &sents, &infos), fresh);
        // infos that do not fit the sentences are not used
        assert_eq!(entities_reusing_infos(text, &sents, &infos[1..]), fresh);
        assert_eq!(entities_reusing_infos(text, &sents, &[]), fresh);
    }

    #[test]
    fn no_words_no_entities() {
        assert!(tagged("").is_empty());
        assert!(tagged("... !!").is_empty());
    }
}
