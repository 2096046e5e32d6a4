//! Training the part-of-speech tagger: an averaged perceptron over the features of
//! [`super::model`], greedy left to right as at run time, with a tag dictionary of
//! frequent unambiguous words. Training is exact and reproducible: the same
//! sentences, options and seed give the same bytes.

use super::model::{encode, history_features, key32, static_features, PosModel, NSTATIC, START};
use crate::ner::features::{mix, word_key};
use crate::ner::table::U32Map;
use dyad_core::PosTag;

/// One training sentence: words and their tags.
#[derive(Clone, Debug)]
pub struct Tagged {
    pub words: Vec<String>,
    pub tags: Vec<PosTag>,
}

#[derive(Clone, Debug)]
pub struct Options {
    pub epochs: usize,
    pub seed: u64,
    /// Quantisation step of the stored weights.
    pub step: f32,
    /// A word seen this often with one tag this share of the time goes in the tag dictionary.
    pub dict_min_count: u32,
    pub dict_min_share: f64,
}

impl Default for Options {
    fn default() -> Options {
        Options { epochs: 10, seed: 1, step: 0.02, dict_min_count: 20, dict_min_share: 0.97 }
    }
}

/// One weight being learnt, with what averaging needs.
#[derive(Clone, Copy, Default)]
struct Weight {
    tag: u8,
    w: f32,
    total: f64,
    stamp: u64,
}

struct Learner {
    rows: Vec<Vec<Weight>>,
    index: U32Map<u32>,
    now: u64,
}

impl Learner {
    fn scores(&self, feats: &[u64], n: usize, scores: &mut Vec<f32>) {
        scores.clear();
        scores.resize(n, 0.0);
        for &f in feats {
            if let Some(r) = self.index.get(key32(f)) {
                for w in &self.rows[r as usize] {
                    scores[w.tag as usize] += w.w;
                }
            }
        }
    }

    fn update(&mut self, feats: &[u64], tag: u8, delta: f32) {
        for &f in feats {
            let k = key32(f);
            let r = match self.index.get(k) {
                Some(r) => r as usize,
                None => {
                    self.index.insert(k, self.rows.len() as u32);
                    self.rows.push(Vec::new());
                    self.rows.len() - 1
                }
            };
            let now = self.now;
            let row = &mut self.rows[r];
            let w = match row.iter_mut().find(|w| w.tag == tag) {
                Some(w) => w,
                None => {
                    row.push(Weight { tag, stamp: now, ..Default::default() });
                    row.last_mut().expect("just pushed")
                }
            };
            w.total += (now - w.stamp) as f64 * f64::from(w.w);
            w.stamp = now;
            w.w += delta;
        }
    }

    /// The averaged weights, sorted by key, dropping those that round to zero.
    fn averaged(&self, keys: &[(u32, u32)], step: f32) -> Vec<(u32, Vec<(u8, f32)>)> {
        let now = self.now.max(1) as f64;
        keys.iter()
            .filter_map(|&(k, r)| {
                let mut ws: Vec<(u8, f32)> = self.rows[r as usize]
                    .iter()
                    .map(|w| (w.tag, ((w.total + (self.now - w.stamp) as f64 * f64::from(w.w)) / now) as f32))
                    .filter(|&(_, a)| (a / step).round() != 0.0)
                    .collect();
                ws.sort_by_key(|&(t, _)| t);
                (!ws.is_empty()).then_some((k, ws))
            })
            .collect()
    }
}

/// The words that take one tag nearly always: (word key, model tag index), sorted.
fn tag_dictionary(sentences: &[Tagged], tags: &[PosTag], opts: &Options) -> Vec<(u32, u8)> {
    let mut counts: std::collections::HashMap<u32, Vec<u32>> = std::collections::HashMap::new();
    for s in sentences {
        for (w, t) in s.words.iter().zip(&s.tags) {
            let row = counts.entry(key32(word_key(w))).or_insert_with(|| vec![0; tags.len()]);
            if let Some(i) = tags.iter().position(|x| x == t) {
                row[i] += 1;
            }
        }
    }
    let mut out: Vec<(u32, u8)> = counts
        .into_iter()
        .filter_map(|(k, row)| {
            let total: u32 = row.iter().sum();
            let (best, &n) = row.iter().enumerate().max_by_key(|&(i, n)| (*n, std::cmp::Reverse(i)))?;
            (total >= opts.dict_min_count && f64::from(n) / f64::from(total) >= opts.dict_min_share)
                .then_some((k, best as u8))
        })
        .collect();
    out.sort_unstable();
    out
}

/// Train on `train`, keep the epoch that tags `dev` best, and return the weights
/// file with the dev accuracy of each epoch.
pub fn train(train: &[Tagged], dev: &[Tagged], opts: &Options) -> (Vec<u8>, Vec<f64>) {
    let mut tags: Vec<PosTag> = train.iter().flat_map(|s| s.tags.iter().copied()).collect();
    tags.sort_by_key(|t| t.index());
    tags.dedup();
    let n = tags.len();
    let tag_index = |t: PosTag| tags.iter().position(|x| *x == t).unwrap_or(0) as u8;
    let dict = tag_dictionary(train, &tags, opts);
    let dict_map = {
        let mut m = U32Map::with_capacity(dict.len());
        for &(k, t) in &dict {
            m.insert(k, t + 1);
        }
        m
    };
    let mut learner = Learner { rows: Vec::new(), index: U32Map::with_capacity(1 << 16), now: 0 };
    let mut order: Vec<usize> = (0..train.len()).collect();
    let mut rng = opts.seed ^ 0x5eed_0000_0b05;
    let (mut statics, mut scores, mut feats) = (Vec::new(), Vec::new(), Vec::with_capacity(NSTATIC + 3));
    let mut best: Option<(f64, Vec<u8>)> = None;
    let mut accuracies = Vec::new();
    for _ in 0..opts.epochs {
        for i in (1..order.len()).rev() {
            rng = rng.wrapping_add(0x9e37_79b9_7f4a_7c15);
            let j = (mix(rng) % (i as u64 + 1)) as usize;
            order.swap(i, j);
        }
        for &si in &order {
            let s = &train[si];
            let words: Vec<&str> = s.words.iter().map(String::as_str).collect();
            static_features(&words, &mut statics);
            let mut prev: Vec<u8> = Vec::with_capacity(words.len());
            for (i, w) in words.iter().enumerate() {
                let gold = tag_index(s.tags[i]);
                let lower = word_key(w);
                if dict_map.get(key32(lower)).is_some_and(|t| t > 0) {
                    prev.push(gold);
                    continue;
                }
                let t1 = if i >= 1 { prev[i - 1] } else { START };
                let t2 = if i >= 2 { prev[i - 2] } else { START };
                feats.clear();
                feats.extend_from_slice(&statics[i * NSTATIC..(i + 1) * NSTATIC]);
                feats.extend_from_slice(&history_features(lower, t1, t2));
                learner.now += 1;
                learner.scores(&feats, n, &mut scores);
                let guess = (0..n).max_by(|&a, &b| scores[a].total_cmp(&scores[b]).then(b.cmp(&a))).unwrap_or(0) as u8;
                if guess != gold {
                    learner.update(&feats, gold, 1.0);
                    learner.update(&feats, guess, -1.0);
                }
                // the history is what the tagger chose, as it will be at run time
                prev.push(guess);
            }
        }
        let mut keys: Vec<(u32, u32)> = learner.index.entries().collect();
        keys.sort_unstable();
        let features = learner.averaged(&keys, opts.step);
        let bytes = encode(&tags, &dict, &features, opts.step);
        // score the model as it will be read back (quantised)
        let read = PosModel::from_bytes(&bytes).expect("a model just written reads back");
        let acc = accuracy(&read, dev);
        accuracies.push(acc);
        if best.as_ref().is_none_or(|(a, _)| acc > *a) {
            best = Some((acc, bytes));
        }
    }
    (best.map(|(_, b)| b).unwrap_or_default(), accuracies)
}

/// The share of words tagged right.
pub fn accuracy(model: &PosModel, sentences: &[Tagged]) -> f64 {
    let mut scratch = super::model::Scratch::default();
    let (mut right, mut all) = (0usize, 0usize);
    for s in sentences {
        let words: Vec<&str> = s.words.iter().map(String::as_str).collect();
        let got = model.tag(&words, &mut scratch);
        right += got.iter().zip(&s.tags).filter(|(a, b)| a == b).count();
        all += s.tags.len();
    }
    if all == 0 {
        0.0
    } else {
        right as f64 / all as f64
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn sentence(pairs: &[(&str, &str)]) -> Tagged {
        Tagged {
            words: pairs.iter().map(|(w, _)| w.to_string()).collect(),
            tags: pairs.iter().map(|(_, t)| PosTag::from_name(t).unwrap()).collect(),
        }
    }

    #[test]
    fn learns_a_verb_noun_ambiguity_from_context_and_is_reproducible() {
        let mut data = Vec::new();
        for name in ["Russia", "Iran", "Kenya", "Chile", "Peru"] {
            data.push(sentence(&[(name, "NNP"), ("attacks", "VBZ"), ("the", "DT"), ("border", "NN"), (".", ".")]));
            data.push(sentence(&[("the", "DT"), ("attacks", "NNS"), ("on", "IN"), (name, "NNP"), ("ended", "VBD")]));
        }
        let opts = Options { epochs: 6, seed: 3, dict_min_count: 3, ..Options::default() };
        let (a, _) = train(&data, &data, &opts);
        let (b, acc) = train(&data, &data, &opts);
        assert_eq!(a, b, "same seed, same bytes");
        assert!(acc.iter().any(|&x| x > 0.95), "{acc:?}");
        let m = PosModel::from_bytes(&a).unwrap();
        let mut scratch = super::super::model::Scratch::default();
        let tags: Vec<&str> =
            m.tag(&["Chad", "attacks", "the", "border"], &mut scratch).iter().map(|t| t.as_str()).collect();
        assert_eq!(tags[1], "VBZ");
        let tags: Vec<&str> =
            m.tag(&["the", "attacks", "on", "Chad"], &mut scratch).iter().map(|t| t.as_str()).collect();
        assert_eq!(tags[1], "NNS");
    }
}
