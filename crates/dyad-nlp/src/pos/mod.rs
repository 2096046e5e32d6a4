//! Parts of speech (Penn Treebank tags, as UD English EWT writes them): a greedy
//! averaged-perceptron tagger that dyad trains itself (`dyad train pos`) and ships
//! in `data/pos/model.bin`, compiled into the binary.
//!
//! - [`model`]: features, the weights file and decoding;
//! - [`train`]: the perceptron trainer.
//!
//! The tagger runs on dyad's own tokens; like EWT, dyad splits hyphens ("al", "-",
//! "Assad") and the possessive "'s", but keeps contractions whole ("don't"), which
//! training reads as one word with the tag of its first part.

pub mod model;
pub mod train;

use crate::ner::features::WordInfo;
use dyad_core::{PosTag, Sentence};
use std::sync::OnceLock;

pub use model::{PosModel, Scratch};

static MODEL_BYTES: &[u8] = include_bytes!("../../../../data/pos/model.bin");

/// The compiled-in model, parsed once; `None` if it is missing or unreadable (then
/// sentences stay untagged, nothing panics).
pub fn model() -> Option<&'static PosModel> {
    static MODEL: OnceLock<Option<PosModel>> = OnceLock::new();
    MODEL.get_or_init(|| PosModel::from_bytes(MODEL_BYTES).ok()).as_ref()
}

/// Tag every sentence of `text` in place (one tag per token).
pub fn tag_sentences(text: &str, sentences: &mut [Sentence]) {
    tag_sentences_keeping_infos(text, sentences);
}

/// [`tag_sentences`], returning the infos ([`WordInfo::of`]) of each sentence's tokens
/// that tagging computed, for the entity tagger to reuse; empty without a model.
pub fn tag_sentences_keeping_infos(text: &str, sentences: &mut [Sentence]) -> Vec<Vec<WordInfo>> {
    let Some(m) = model() else { return Vec::new() };
    SCRATCH.with_borrow_mut(|scratch| {
        sentences
            .iter_mut()
            .map(|s| {
                let infos: Vec<WordInfo> = s.tokens.iter().map(|t| WordInfo::of(t.span.slice(text))).collect();
                s.tags = m.tag_infos(&infos, scratch).into_iter().map(|t| m.tags()[t as usize]).collect();
                infos
            })
            .collect()
    })
}

thread_local! {
    // kept from document to document: its word cache pays off across a crawl
    static SCRATCH: std::cell::RefCell<Scratch> = std::cell::RefCell::default();
}

/// Forget the words this thread's tagger has scored (so a benchmark pass starts as
/// on text never seen); tags are the same either way.
pub fn forget_words() {
    SCRATCH.with_borrow_mut(|scratch| *scratch = Scratch::default());
}

/// The tags of one sentence's words with the compiled-in model (empty without one).
pub fn tag_words(words: &[&str]) -> Vec<PosTag> {
    model().map(|m| m.tag(words, &mut Scratch::default())).unwrap_or_default()
}
