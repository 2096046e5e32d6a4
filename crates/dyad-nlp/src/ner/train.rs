//! Training: an averaged perceptron over the hashed features, greedy left to
//! right with the tagger's own previous tags as history (what it sees at run
//! time). Updates are integers and averaging uses the `w - u / c` trick, so a run
//! is exact and reproducible: the same examples, options and seed give the same
//! bytes.
//!
//! Corpora without full MISC annotations (WikiANN, UNER, WNUT17, GUM) would teach the tagger that
//! nationalities and events are not names; for them a MISC guess on a token
//! marked O is not counted as a mistake (a partial label).

use super::features::{
    doc_flags, history_context, history_features, DocAggregate, PredictionHistory, SentenceFeatures, WordInfo,
    MAX_AGG_FEATURES, MAX_HISTORY_FEATURES,
};
use super::gazetteer::Gazetteer;
use super::model::{key32, untag, write_model, Tagger, NTAGS, START};
use super::table::IdHasher;
use std::collections::HashMap;
use std::hash::BuildHasherDefault;

/// One training sentence.
#[derive(Clone)]
pub struct Example {
    pub words: Vec<String>,
    /// BILOU tags (see [`super::model::tag`]).
    pub tags: Vec<u8>,
    /// False for corpora that do not annotate MISC.
    pub has_misc: bool,
    /// Document number, for the document-level features (unique per document).
    pub doc: u32,
}

#[derive(Clone, Copy, Debug)]
pub struct Options {
    pub epochs: usize,
    pub seed: u64,
    /// Static features seen fewer times than this are left out.
    pub min_count: u32,
    /// Quantisation step of the stored weights (weights under half a step are dropped).
    pub step: f32,
    /// Where the prediction history learns from while training.
    pub history: HistorySource,
    /// Whether the tagger learns the second pass's document aggregate (see
    /// [`DocAggregate`]) from the jackknifed tags (with [`HistorySource::Jackknife`]).
    pub aggregate: bool,
}

/// The tags the prediction history (see [`PredictionHistory`]) learns from in training.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum HistorySource {
    /// No history features.
    Off,
    /// Two-fold jackknife: the tags of a tagger trained without history on the
    /// other half of the documents, as wrong as a tagger is on text it has not
    /// seen. (The tagger's own tags while it trains are nearly perfect on its
    /// training data late in training, and a tagger trained on them trusts the
    /// history more than it should: CoNLL test F1 0.832 against 0.834.) Being
    /// fixed, these history features (and the document aggregate made from the
    /// same tags) are static, so sentences are still shuffled across documents.
    Jackknife,
}

impl Default for Options {
    fn default() -> Options {
        Options { epochs: 10, seed: 1, min_count: 2, step: 0.05, history: HistorySource::Jackknife, aggregate: true }
    }
}

type IdMap<V> = HashMap<u64, V, BuildHasherDefault<IdHasher>>;

/// What an epoch reports to the caller, who returns the dev score used to pick
/// the best epoch.
pub struct Epoch<'a> {
    pub epoch: usize,
    pub tagger: &'a Tagger,
    pub model_bytes: usize,
    pub mistakes: usize,
    pub tokens: usize,
}

/// Train and return the model bytes of the epoch with the best dev score
/// (the earliest on ties).
pub fn train(
    examples: &[Example],
    gaz_entries: &[(u32, u16)],
    gaz_max_len: usize,
    opts: &Options,
    mut on_epoch: impl FnMut(&Epoch) -> f64,
) -> Vec<u8> {
    let told = match opts.history {
        HistorySource::Jackknife => Some(jackknife_tags(examples, gaz_entries, gaz_max_len, opts)),
        HistorySource::Off => None,
    };
    let gaz = Gazetteer::from_entries(gaz_entries, gaz_max_len);
    // documents' word flags
    let mut docs: Vec<(u32, Vec<&[String]>)> = Vec::new();
    for ex in examples {
        match docs.last_mut() {
            Some((d, s)) if *d == ex.doc => s.push(&ex.words),
            _ => docs.push((ex.doc, vec![&ex.words])),
        }
    }
    let mut flags_by_doc: HashMap<u32, HashMap<u64, u8>> = HashMap::new();
    for (d, sents) in &docs {
        let mut m = HashMap::new();
        doc_flags(sents, &mut m);
        flags_by_doc.entry(*d).or_default().extend(m);
    }

    // static features of every token (with the history of the document's
    // earlier sentences), counted, then indexed
    let mut sf = SentenceFeatures::default();
    let mut history = PredictionHistory::default();
    let mut earlier = [0u64; MAX_HISTORY_FEATURES];
    let mut raw: Vec<u64> = Vec::new();
    let mut tok_offsets: Vec<usize> = vec![0];
    let mut ex_offsets: Vec<usize> = vec![0];
    let mut hist_info: Vec<(u64, u64)> = Vec::new();
    let mut counts: IdMap<u32> = IdMap::default();
    let mut aggregate = DocAggregate::default();
    let mut agg = [0u64; MAX_AGG_FEATURES];
    for (e, ex) in examples.iter().enumerate() {
        let flags = &flags_by_doc[&ex.doc];
        sf.compute(&ex.words, &gaz, &|k| flags.get(&k).copied().unwrap_or(0));
        if e == 0 || examples[e - 1].doc != ex.doc {
            history.clear();
            aggregate.clear();
            if let (Some(told), true) = (&told, opts.aggregate) {
                for (d, other) in examples.iter().enumerate().skip(e).take_while(|(_, x)| x.doc == ex.doc) {
                    let info: Vec<WordInfo> = other.words.iter().map(|w| WordInfo::of(w)).collect();
                    aggregate.record(&info, &told[d]);
                }
            }
        }
        for i in 0..ex.words.len() {
            let n_earlier = history.features(&sf.info[i], history_context(i, sf.all_caps), &mut earlier);
            let n = match &told {
                Some(told) => aggregate.features(&sf.info[i], told[e][i], history_context(i, sf.all_caps), &mut agg),
                None => 0,
            };
            for &h in sf.of(i).iter().chain(&earlier[..n_earlier]).chain(&agg[..n]) {
                raw.push(h);
                *counts.entry(h).or_insert(0) += 1;
            }
            tok_offsets.push(raw.len());
            hist_info.push((sf.info[i].lower, sf.info[i].shape));
        }
        ex_offsets.push(tok_offsets.len() - 1);
        if let Some(told) = &told {
            history.record(&sf.info, &told[e]);
        }
    }
    let mut index: IdMap<u32> = IdMap::default();
    let mut hashes: Vec<u64> = Vec::new();
    let mut feats: Vec<u32> = Vec::with_capacity(raw.len());
    let mut offsets: Vec<usize> = Vec::with_capacity(tok_offsets.len());
    offsets.push(0);
    for t in 0..tok_offsets.len() - 1 {
        for &h in &raw[tok_offsets[t]..tok_offsets[t + 1]] {
            if counts[&h] >= opts.min_count {
                let next = hashes.len() as u32;
                let id = *index.entry(h).or_insert_with(|| {
                    hashes.push(h);
                    next
                });
                feats.push(id);
            }
        }
        offsets.push(feats.len());
    }
    drop(raw);
    drop(counts);

    let mut w: Vec<i32> = vec![0; hashes.len() * NTAGS];
    let mut u: Vec<i64> = vec![0; hashes.len() * NTAGS];
    let mut c: i64 = 1;
    let mut order: Vec<usize> = (0..examples.len()).collect();
    let mut rng = opts.seed ^ 0x5eed_0000_d1ad;
    let mut best: Option<(f64, Vec<u8>)> = None;
    let mut hist_ids: [u32; 4] = [0; 4];
    for epoch in 1..=opts.epochs {
        // Fisher-Yates with splitmix64
        for i in (1..order.len()).rev() {
            rng = rng.wrapping_add(0x9e37_79b9_7f4a_7c15);
            let j = (super::features::mix(rng) % (i as u64 + 1)) as usize;
            order.swap(i, j);
        }
        let mut mistakes = 0usize;
        let mut tokens = 0usize;
        for &e in &order {
            let ex = &examples[e];
            let (mut t1, mut t2) = (START, START);
            for i in 0..ex.words.len() {
                let tok = ex_offsets[e] + i;
                let (lower, shape) = hist_info[tok];
                let info = super::features::WordInfo { lower, shape, ..Default::default() };
                for (slot, h) in hist_ids.iter_mut().zip(history_features(&info, t1, t2)) {
                    let next = hashes.len() as u32;
                    *slot = *index.entry(h).or_insert_with(|| {
                        hashes.push(h);
                        next
                    });
                }
                if w.len() < hashes.len() * NTAGS {
                    w.resize(hashes.len() * NTAGS, 0);
                    u.resize(hashes.len() * NTAGS, 0);
                }
                let statics = &feats[offsets[tok]..offsets[tok + 1]];
                let mut scores = [0i32; NTAGS];
                for &f in statics.iter().chain(hist_ids.iter()) {
                    let row = &w[f as usize * NTAGS..f as usize * NTAGS + NTAGS];
                    for (s, x) in scores.iter_mut().zip(row) {
                        *s += x;
                    }
                }
                // the best of all tags, even one that cannot follow the previous tag:
                // decoding keeps to the allowed ones, but a prediction limited to them
                // never learns that a word after a mistaken B- is O (limited, CoNLL
                // test scored 0.841; unlimited 0.867)
                let mut pred = 0u8;
                let mut best_score = i32::MIN;
                for (t, &s) in scores.iter().enumerate() {
                    if s > best_score {
                        pred = t as u8;
                        best_score = s;
                    }
                }
                let gold = ex.tags[i];
                let excused = !ex.has_misc && gold == 0 && matches!(untag(pred), Some((3, _)));
                if pred != gold && !excused {
                    mistakes += 1;
                    for &f in statics.iter().chain(hist_ids.iter()) {
                        let base = f as usize * NTAGS;
                        w[base + gold as usize] += 1;
                        u[base + gold as usize] += c;
                        w[base + pred as usize] -= 1;
                        u[base + pred as usize] -= c;
                    }
                }
                c += 1;
                tokens += 1;
                t2 = t1;
                t1 = pred;
            }
        }
        let bytes = snapshot(&hashes, &w, &u, c, gaz_entries, gaz_max_len, opts.step);
        let tagger = Tagger::from_bytes(&bytes).expect("a model just written reads back");
        let score = on_epoch(&Epoch { epoch, tagger: &tagger, model_bytes: bytes.len(), mistakes, tokens });
        if best.as_ref().is_none_or(|(s, _)| score > *s) {
            best = Some((score, bytes));
        }
    }
    best.map(|(_, b)| b).unwrap_or_else(|| snapshot(&hashes, &w, &u, c, gaz_entries, gaz_max_len, opts.step))
}

/// For every example, the tags of a tagger trained without history on the other
/// half of the documents (split by document number), tagging its documents in order.
fn jackknife_tags(
    examples: &[Example],
    gaz_entries: &[(u32, u16)],
    gaz_max_len: usize,
    opts: &Options,
) -> Vec<Vec<u8>> {
    let sub = Options { history: HistorySource::Off, aggregate: false, ..*opts };
    let mut out: Vec<Vec<u8>> = vec![Vec::new(); examples.len()];
    for fold in 0..2u32 {
        let train_on: Vec<Example> = examples.iter().filter(|ex| ex.doc % 2 != fold).cloned().collect();
        // the last epoch (a later epoch scores higher on ties)
        let bytes = train(&train_on, gaz_entries, gaz_max_len, &sub, |e| e.epoch as f64);
        let Ok(tagger) = Tagger::from_bytes(&bytes) else { continue };
        let mut scratch = Default::default();
        let mut none = PredictionHistory::default();
        let mut flags: HashMap<u64, u8> = HashMap::new();
        let mut start = 0;
        while start < examples.len() {
            let doc = examples[start].doc;
            let end = start + examples[start..].iter().take_while(|ex| ex.doc == doc).count();
            if doc % 2 == fold {
                let sents: Vec<&[String]> = examples[start..end].iter().map(|ex| ex.words.as_slice()).collect();
                doc_flags(&sents, &mut flags);
                for (e, ex) in examples.iter().enumerate().take(end).skip(start) {
                    none.clear();
                    tagger.tag(
                        &ex.words,
                        &|k| flags.get(&k).copied().unwrap_or(0),
                        &mut none,
                        &mut scratch,
                        &mut out[e],
                    );
                }
            }
            start = end;
        }
    }
    out
}

/// The averaged, quantised weights as a model file.
fn snapshot(
    hashes: &[u64],
    w: &[i32],
    u: &[i64],
    c: i64,
    gaz: &[(u32, u16)],
    gaz_max_len: usize,
    step: f32,
) -> Vec<u8> {
    let mut rows: Vec<(u32, [i32; NTAGS])> = Vec::new();
    let c = c as f64;
    for (f, &h) in hashes.iter().enumerate() {
        let mut q = [0i32; NTAGS];
        let mut any = false;
        let base = f * NTAGS;
        if base + NTAGS > w.len() {
            break;
        }
        for (qt, (&wt, &ut)) in q.iter_mut().zip(w[base..base + NTAGS].iter().zip(&u[base..base + NTAGS])) {
            let avg = wt as f64 - ut as f64 / c;
            *qt = (avg / step as f64).round() as i32;
            any |= *qt != 0;
        }
        if any {
            rows.push((key32(h), q));
        }
    }
    rows.sort_unstable_by_key(|r| r.0);
    rows.dedup_by_key(|r| r.0);
    write_model(gaz, gaz_max_len, &rows, step)
}

#[cfg(test)]
mod tests {
    use super::super::model::{bilou, spans};
    use super::*;

    type Spans = &'static [(usize, usize, usize)];

    fn examples() -> Vec<Example> {
        let raw: &[(&str, Spans)] = &[
            ("Alice Smith met Bob Jones in Paris .", &[(0, 2, 0), (3, 5, 0), (6, 7, 2)]),
            ("Bob Jones visited London .", &[(0, 2, 0), (3, 4, 2)]),
            ("The bank Acme Corp opened in Rome .", &[(2, 4, 1), (6, 7, 2)]),
            ("Alice Smith works for Acme Corp .", &[(0, 2, 0), (4, 6, 1)]),
            ("He flew to Paris and Rome .", &[(3, 4, 2), (5, 6, 2)]),
            ("Carol Jones met Alice Smith .", &[(0, 2, 0), (3, 5, 0)]),
        ];
        raw.iter()
            .enumerate()
            .map(|(d, (s, sp))| {
                let words: Vec<String> = s.split(' ').map(String::from).collect();
                let tags = bilou(words.len(), sp);
                Example { words, tags, has_misc: true, doc: d as u32 }
            })
            .collect()
    }

    #[test]
    fn learns_tiny_data_and_is_reproducible() {
        let ex = examples();
        let (_, gaz) = Gazetteer::build([("Paris", 0), ("London", 0)]);
        let opts = Options {
            epochs: 8,
            seed: 7,
            min_count: 1,
            step: 0.01,
            history: HistorySource::Jackknife,
            aggregate: true,
        };
        let mut epochs = 0;
        let a = train(&ex, &gaz, 1, &opts, |e| {
            epochs += 1;
            -(e.mistakes as f64)
        });
        assert_eq!(epochs, 8);
        let b = train(&ex, &gaz, 1, &opts, |e| -(e.mistakes as f64));
        assert_eq!(a, b, "same seed, same bytes");
        let m = Tagger::from_bytes(&a).unwrap();
        let mut scratch = Default::default();
        let mut out = Vec::new();
        for e in &ex {
            m.tag(&e.words, &|_| 0, &mut PredictionHistory::default(), &mut scratch, &mut out);
            assert_eq!(spans(&out), spans(&e.tags), "{:?}", e.words);
        }
        // a fresh sentence made of known names
        let words = ["Carol", "Jones", "visited", "Rome", "."];
        m.tag(&words, &|_| 0, &mut PredictionHistory::default(), &mut scratch, &mut out);
        assert_eq!(spans(&out), vec![(0, 2, 0), (3, 4, 2)]);
    }

    #[test]
    fn partial_labels_excuse_misc_guesses() {
        // a corpus without MISC: the tagger may say MISC where it says O
        let mut ex = examples();
        for e in &mut ex {
            e.has_misc = false;
        }
        let opts = Options {
            epochs: 2,
            seed: 1,
            min_count: 1,
            step: 0.01,
            history: HistorySource::Jackknife,
            aggregate: true,
        };
        let bytes = train(&ex, &[], 0, &opts, |_| 0.0);
        assert!(Tagger::from_bytes(&bytes).is_ok());
    }
}
