//! The tagger at run time: tags, the weights file and greedy constrained decoding.
//!
//! Tags are BILOU over four labels: `O`, then for PER, ORG, LOC, MISC in turn
//! `B`, `I`, `L` (last) and `U` (a one-word name). Decoding goes left to right,
//! choosing the best tag that may follow the previous one, so the output is
//! always well formed.
//!
//! The weights file (`data/ner/model.bin`) is dyad's own format, little-endian
//! with LEB128 varints: magic `DYADNER1`; u32 feature version, tag count and
//! gazetteer list count; f32 quantisation step; the gazetteer (longest name in
//! words, entry count, then per entry the key's delta from the previous key and the
//! list mask); the features (count, then per feature the key delta, a mask of the
//! tags with a weight, and each weight as a zigzag varint of `weight / step`).

use super::features::{
    history_context, history_features, DocAggregate, PredictionHistory, SentenceFeatures, WordInfo, FEATURE_VERSION,
    MAX_AGG_FEATURES, MAX_HISTORY_FEATURES,
};
use super::gazetteer::{Gazetteer, GAZ_CLASSES};
use super::table::{prefetch, U32Map};
use crate::binio::{unzigzag, write_varint, zigzag, Reader};

pub const NTAGS: usize = 17;
/// The history value before the first word.
pub const START: u8 = NTAGS as u8;
pub const LABEL_NAMES: [&str; 4] = ["PER", "ORG", "LOC", "MISC"];
const MAGIC: &[u8; 8] = b"DYADNER1";

pub const B: u8 = 0;
pub const I: u8 = 1;
pub const L: u8 = 2;
pub const U: u8 = 3;

/// The tag for `label` (index into [`LABEL_NAMES`]) at position `pos` (B, I, L, U).
#[inline]
pub fn tag(label: usize, pos: u8) -> u8 {
    1 + 4 * label as u8 + pos
}

/// (label, position) of a tag, `None` for O (and for anything out of range).
#[inline]
pub fn untag(t: u8) -> Option<(usize, u8)> {
    if t == 0 || t as usize >= NTAGS {
        None
    } else {
        Some((((t - 1) / 4) as usize, (t - 1) % 4))
    }
}

/// May `next` follow `prev`?
#[inline]
pub fn allowed(prev: u8, next: u8) -> bool {
    let open = match untag(prev) {
        Some((label, B | I)) => Some(label),
        _ => None,
    };
    match (open, untag(next)) {
        (None, None) => true,
        (None, Some((_, p))) => p == B || p == U,
        (Some(_), None) => false,
        (Some(l), Some((m, p))) => l == m && (p == I || p == L),
    }
}

/// Entity spans `(start, end, label)` (token indices, end exclusive) from tags,
/// leniently: an unclosed name ends where the next one starts or at the end.
pub fn spans(tags: &[u8]) -> Vec<(usize, usize, usize)> {
    let mut out = Vec::new();
    let mut open: Option<(usize, usize)> = None;
    for (i, &t) in tags.iter().enumerate() {
        match untag(t) {
            None => {
                if let Some((s, l)) = open.take() {
                    out.push((s, i, l));
                }
            }
            Some((label, pos)) => {
                let continues = matches!(open, Some((_, l)) if l == label) && (pos == I || pos == L);
                if !continues {
                    if let Some((s, l)) = open.take() {
                        out.push((s, i, l));
                    }
                    open = Some((i, label));
                }
                if pos == L || pos == U {
                    if let Some((s, l)) = open.take() {
                        out.push((s, i + 1, l));
                    }
                }
            }
        }
    }
    if let Some((s, l)) = open {
        out.push((s, tags.len(), l));
    }
    out
}

/// BILOU tags for `n` tokens from spans `(start, end, label)`.
pub fn bilou(n: usize, spans: &[(usize, usize, usize)]) -> Vec<u8> {
    let mut tags = vec![0u8; n];
    for &(s, e, l) in spans {
        if s >= e || e > n {
            continue;
        }
        if e - s == 1 {
            tags[s] = tag(l, U);
        } else {
            tags[s] = tag(l, B);
            for t in &mut tags[s + 1..e - 1] {
                *t = tag(l, I);
            }
            tags[e - 1] = tag(l, L);
        }
    }
    tags
}

/// The 32-bit key a 64-bit feature hash is stored under.
#[inline]
pub(crate) fn key32(h: u64) -> u32 {
    (h ^ (h >> 32)) as u32
}

/// A loaded model: gazetteer and weights.
pub struct Tagger {
    feats: U32Map<u32>,
    /// One row of weights per feature, one weight per tag: a fixed-size row is read
    /// with one bounds check and added in whole vector registers.
    weights: Vec<[f32; NTAGS]>,
    gaz: Gazetteer,
}

/// Reusable buffers for tagging.
#[derive(Default)]
pub struct Scratch {
    pub features: SentenceFeatures,
    /// Per word of the document: the first pass's scores without the tag
    /// transitions (static and history features), its word and its first tag.
    scores: Vec<[f32; NTAGS]>,
    info: Vec<WordInfo>,
    first: Vec<u8>,
    /// Per sentence: where its words start in the buffers above, and whether it
    /// is a headline in capitals.
    sentences: Vec<(usize, bool)>,
    history: PredictionHistory,
    aggregate: DocAggregate,
    /// The table slots and weight rows of the features of the words being scored.
    probes: Probes,
}

/// The features of the words around the one being scored, on their way from the
/// tables (see [`Tagger::decode_keeping`]); kept from sentence to sentence.
#[derive(Default)]
struct Probes {
    /// The slots ([`U32Map::probe`]) of the features of the word two ahead.
    ahead: Vec<(u32, u32)>,
    /// The weight rows of the features of the next word and of the word scored.
    next: Vec<u32>,
    now: Vec<u32>,
}

impl Tagger {
    pub fn gazetteer(&self) -> &Gazetteer {
        &self.gaz
    }

    /// Number of weighted features.
    pub fn features(&self) -> usize {
        self.feats.len()
    }

    /// Tag one sentence of words. `doc` gives the document flags of a word key
    /// (see [`super::features::doc_flags`]); `&|_| 0` without a document.
    /// `history` holds what was tagged earlier in the document and learns this
    /// sentence's tags (a fresh one for a sentence on its own).
    pub fn tag<S: AsRef<str>>(
        &self,
        words: &[S],
        doc: &dyn Fn(u64) -> u8,
        history: &mut PredictionHistory,
        scratch: &mut Scratch,
        out: &mut Vec<u8>,
    ) {
        scratch.features.compute(words, &self.gaz, doc);
        self.decode(&scratch.features, history, out);
        history.record(&scratch.features.info, out);
    }

    #[inline]
    fn add(&self, h: u64, scores: &mut [f32; NTAGS]) {
        self.add_row(self.feats.get(key32(h)), scores);
    }

    /// Add the weights of a feature's row (if it has one) to the scores.
    #[inline]
    fn add_row(&self, row: Option<u32>, scores: &mut [f32; NTAGS]) {
        if let Some(w) = row.and_then(|row| self.weights.get(row as usize)) {
            for (s, x) in scores.iter_mut().zip(w) {
                *s += x;
            }
        }
    }

    /// Greedy constrained decoding over computed features (the tagger alone).
    /// `history` holds the document's earlier tags. (A beam over the summed scores
    /// was tried and is far worse: the weights are trained for greedy decoding, so
    /// a path's score sum is not a calibrated measure of the path.)
    pub fn decode(&self, f: &SentenceFeatures, history: &PredictionHistory, out: &mut Vec<u8>) {
        self.decode_keeping(f, history, None, &mut Probes::default(), out);
    }

    /// [`Tagger::decode`], appending each word's scores before the tag
    /// transitions to `kept` when there is one.
    fn decode_keeping(
        &self,
        f: &SentenceFeatures,
        history: &PredictionHistory,
        mut kept: Option<&mut Vec<[f32; NTAGS]>>,
        probes: &mut Probes,
        out: &mut Vec<u8>,
    ) {
        out.clear();
        let n = f.info.len();
        let (mut t1, mut t2) = (START, START);
        // the tables are larger than the caches, so a word's features are fetched in
        // two steps ahead of scoring it, each a hint the CPU follows while it scores
        // the words before: two words ahead, its features' slots (each hashed once,
        // see `U32Map::prefetch_probe`); one word ahead, the weight rows those slots
        // name. What the document said earlier (`history`) does not change within
        // the sentence: those features go with the static ones, after them
        let probe = |i: usize, ahead: &mut Vec<(u32, u32)>| {
            ahead.clear();
            if i < n {
                ahead.extend(f.of(i).iter().map(|&h| self.feats.probe(key32(h))));
                let mut earlier = [0u64; MAX_HISTORY_FEATURES];
                let k = history.features(&f.info[i], history_context(i, f.all_caps), &mut earlier);
                ahead.extend(earlier[..k].iter().map(|&h| self.feats.probe(key32(h))));
                for &p in ahead.iter() {
                    self.feats.prefetch_probe(p);
                }
            }
        };
        let rows = |ahead: &[(u32, u32)], found: &mut Vec<u32>| {
            found.clear();
            for &p in ahead {
                if let Some(w) = self.feats.get_probed(p).filter(|&row| (row as usize) < self.weights.len()) {
                    // a row spans two cache lines at most: its first and last weights
                    let row = self.weights[w as usize].as_ptr();
                    prefetch(row);
                    prefetch(row.wrapping_add(NTAGS - 1));
                    found.push(w);
                }
            }
        };
        let Probes { ahead, next, now } = probes;
        probe(0, ahead);
        rows(ahead, next);
        probe(1, ahead);
        for i in 0..n {
            std::mem::swap(now, next);
            rows(ahead, next);
            probe(i + 2, ahead);
            let mut scores = [0f32; NTAGS];
            for &row in now.iter() {
                self.add_row(Some(row), &mut scores);
            }
            if let Some(kept) = kept.as_mut() {
                kept.push(scores);
            }
            for h in history_features(&f.info[i], t1, t2) {
                self.add(h, &mut scores);
            }
            let t = best_allowed(&scores, t1);
            out.push(t);
            t2 = t1;
            t1 = t;
        }
    }

    /// Tag the sentences of a document in two passes: the first as [`Tagger::tag`]
    /// does, sentence after sentence with the prediction history; the second
    /// adds, for each capitalised word, what the first pass said about its other
    /// occurrences in the whole document ([`DocAggregate`]), reusing the first
    /// pass's scores, so it costs a few lookups a word. `out` gets one tag
    /// vector per sentence.
    pub fn tag_document<S: AsRef<str>>(
        &self,
        sentences: &[&[S]],
        doc: &dyn Fn(u64) -> u8,
        scratch: &mut Scratch,
        out: &mut Vec<Vec<u8>>,
    ) {
        let infos: Vec<Vec<WordInfo>> =
            sentences.iter().map(|words| words.iter().map(|w| WordInfo::of(w.as_ref())).collect()).collect();
        let refs: Vec<&[WordInfo]> = infos.iter().map(Vec::as_slice).collect();
        self.tag_document_info(&refs, doc, scratch, out);
    }

    /// [`Tagger::tag_document`] over the sentences' word infos ([`WordInfo::of`]
    /// of each word), so a caller that has them (for [`super::features::doc_flags_of_info`])
    /// does not compute them twice.
    pub fn tag_document_info(
        &self,
        sentences: &[&[WordInfo]],
        doc: &dyn Fn(u64) -> u8,
        scratch: &mut Scratch,
        out: &mut Vec<Vec<u8>>,
    ) {
        out.resize_with(sentences.len(), Vec::new);
        let Scratch { features, scores, info, first, sentences: bounds, history, aggregate, probes } = scratch;
        scores.clear();
        info.clear();
        first.clear();
        bounds.clear();
        history.clear();
        aggregate.clear();
        for (words, tags) in sentences.iter().zip(out.iter_mut()) {
            features.compute_from_info(words, &self.gaz, doc);
            bounds.push((info.len(), features.all_caps));
            self.decode_keeping(features, history, Some(scores), probes, tags);
            history.record(&features.info, tags);
            aggregate.record(&features.info, tags);
            info.extend_from_slice(&features.info);
            first.extend_from_slice(tags);
        }
        if aggregate.is_empty() {
            return;
        }
        let mut agg = [0u64; MAX_AGG_FEATURES];
        for (&(start, all_caps), tags) in bounds.iter().zip(out.iter_mut()) {
            let (mut t1, mut t2) = (START, START);
            for (i, t) in tags.iter_mut().enumerate() {
                let w = &info[start + i];
                let n = aggregate.features(w, first[start + i], history_context(i, all_caps), &mut agg);
                let before = |k: usize| if i >= k { first[start + i - k] } else { START };
                if n == 0 && (t1, t2) == (before(1), before(2)) {
                    // nothing new since the first pass: its tag stands
                    *t = first[start + i];
                    t2 = t1;
                    t1 = *t;
                    continue;
                }
                let mut s = scores[start + i];
                for &h in &agg[..n] {
                    self.add(h, &mut s);
                }
                for h in history_features(w, t1, t2) {
                    self.add(h, &mut s);
                }
                *t = best_allowed(&s, t1);
                t2 = t1;
                t1 = *t;
            }
        }
    }

    /// Parse a weights file.
    pub fn from_bytes(bytes: &[u8]) -> Result<Tagger, String> {
        let mut r = Reader::new(bytes);
        if r.take(8)? != MAGIC {
            return Err("not a dyad NER model (bad magic)".into());
        }
        let version = r.u32()?;
        let ntags = r.u32()?;
        let nclasses = r.u32()?;
        if version != FEATURE_VERSION || ntags as usize != NTAGS || nclasses as usize != GAZ_CLASSES {
            return Err(format!(
                "model built for feature version {version}, {ntags} tags, {nclasses} lists; this dyad expects \
                 {FEATURE_VERSION}, {NTAGS}, {GAZ_CLASSES}"
            ));
        }
        let step = f32::from_le_bytes(r.take(4)?.try_into().map_err(|_| "truncated")?);
        let max_len = r.varint()? as usize;
        let ngaz = r.varint()? as usize;
        let mut entries = Vec::with_capacity(ngaz.min(bytes.len()));
        let mut key = 0u64;
        for _ in 0..ngaz {
            key += r.varint()?;
            let mask = r.varint()? as u16;
            entries.push((key as u32, mask));
        }
        let gaz = Gazetteer::from_entries(&entries, max_len);
        let nfeat = r.varint()? as usize;
        let mut feats = U32Map::with_capacity(nfeat.min(bytes.len()));
        let mut weights = Vec::with_capacity(nfeat.min(bytes.len()));
        let mut key = 0u64;
        for row in 0..nfeat {
            key += r.varint()?;
            let mask = r.varint()?;
            let mut w = [0f32; NTAGS];
            for (t, x) in w.iter_mut().enumerate() {
                if mask & (1 << t) != 0 {
                    *x = unzigzag(r.varint()?) as f32 * step;
                }
            }
            weights.push(w);
            feats.insert(key as u32, row as u32);
        }
        if !r.at_end() {
            return Err("trailing bytes after the weights".into());
        }
        Ok(Tagger { feats, weights, gaz })
    }
}

#[inline]
fn best_allowed(scores: &[f32; NTAGS], prev: u8) -> u8 {
    let mut best = 0u8;
    let mut best_score = f32::NEG_INFINITY;
    for (t, &s) in scores.iter().enumerate() {
        if s > best_score && allowed(prev, t as u8) {
            best = t as u8;
            best_score = s;
        }
    }
    best
}

/// The mean of several models' weights, quantised again to `step`: taggers trained
/// on the same data with different seeds (example orders), whose mean cancels
/// much of what its order did to each. Features none of whose mean weights is
/// larger than `prune` (in absolute value) are left out: the mean has the features
/// of every model, many of them with weights too small to change a tag. The
/// gazetteer is the first model's (they share it).
pub fn average(models: &[Tagger], step: f32, prune: f32) -> Vec<u8> {
    let mut sums: std::collections::BTreeMap<u32, [f64; NTAGS]> = std::collections::BTreeMap::new();
    for m in models {
        for (key, row) in m.feats.entries() {
            let w = &m.weights[row as usize];
            let sum = sums.entry(key).or_insert([0.0; NTAGS]);
            for (s, &x) in sum.iter_mut().zip(w) {
                *s += x as f64;
            }
        }
    }
    let n = models.len().max(1) as f64;
    let rows: Vec<(u32, [i32; NTAGS])> = sums
        .into_iter()
        .map(|(k, sum)| (k, sum.map(|s| (s / n / step as f64).round() as i32)))
        .filter(|(_, q)| q.iter().any(|&x| x != 0 && (x as f32 * step).abs() > prune))
        .collect();
    let (gaz, max_len) = models.first().map_or((Vec::new(), 0), |m| (m.gaz.entries(), m.gaz.max_len()));
    write_model(&gaz, max_len, &rows, step)
}

/// Serialise a model. `gaz` and `feats` must be sorted by key, keys unique.
pub fn write_model(gaz: &[(u32, u16)], max_len: usize, feats: &[(u32, [i32; NTAGS])], step: f32) -> Vec<u8> {
    let mut out = Vec::new();
    out.extend_from_slice(MAGIC);
    out.extend_from_slice(&FEATURE_VERSION.to_le_bytes());
    out.extend_from_slice(&(NTAGS as u32).to_le_bytes());
    out.extend_from_slice(&(GAZ_CLASSES as u32).to_le_bytes());
    out.extend_from_slice(&step.to_le_bytes());
    write_varint(&mut out, max_len as u64);
    write_varint(&mut out, gaz.len() as u64);
    let mut prev = 0u64;
    for &(k, m) in gaz {
        write_varint(&mut out, k as u64 - prev);
        write_varint(&mut out, m as u64);
        prev = k as u64;
    }
    write_varint(&mut out, feats.len() as u64);
    let mut prev = 0u64;
    for (k, w) in feats {
        write_varint(&mut out, *k as u64 - prev);
        prev = *k as u64;
        let mask = w.iter().enumerate().filter(|(_, &q)| q != 0).fold(0u64, |m, (t, _)| m | 1 << t);
        write_varint(&mut out, mask);
        for &q in w.iter().filter(|&&q| q != 0) {
            write_varint(&mut out, zigzag(q as i64));
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn tags_round_trip_and_constraints() {
        for label in 0..4 {
            for pos in [B, I, L, U] {
                assert_eq!(untag(tag(label, pos)), Some((label, pos)));
            }
        }
        assert_eq!(untag(0), None);
        let b_per = tag(0, B);
        assert!(allowed(START, b_per) && allowed(START, 0) && !allowed(START, tag(0, I)));
        assert!(allowed(b_per, tag(0, L)) && !allowed(b_per, tag(1, L)) && !allowed(b_per, 0));
        assert!(allowed(tag(0, L), tag(1, U)) && !allowed(tag(0, U), tag(0, I)));
    }

    #[test]
    fn spans_and_bilou_agree() {
        let spans_in = vec![(0, 2, 0), (3, 4, 2), (4, 7, 1)];
        let tags = bilou(8, &spans_in);
        assert_eq!(spans(&tags), spans_in);
        // lenient: unclosed and stray tags
        assert_eq!(spans(&[tag(0, B), tag(0, I)]), vec![(0, 2, 0)]);
        assert_eq!(spans(&[tag(0, I), 0, tag(1, L)]), vec![(0, 1, 0), (2, 3, 1)]);
        assert_eq!(spans(&[tag(0, B), tag(1, I)]), vec![(0, 1, 0), (1, 2, 1)]);
    }

    #[test]
    fn model_bytes_round_trip_and_reject_garbage() {
        let gaz = vec![(5u32, 1u16), (9, 3)];
        let mut w = [0i32; NTAGS];
        w[3] = -7;
        w[16] = 1200;
        let bytes = write_model(&gaz, 2, &[(11, w), (40, [1; NTAGS])], 0.5);
        let m = Tagger::from_bytes(&bytes).unwrap();
        assert_eq!(m.features(), 2);
        assert_eq!(m.gazetteer().len(), 2);
        let row = m.feats.get(11).unwrap() as usize;
        assert_eq!(m.weights[row][3], -3.5);
        assert_eq!(m.weights[row][16], 600.0);
        assert!(Tagger::from_bytes(&bytes[..bytes.len() - 1]).is_err());
        // the mean of two models: weights averaged, the gazetteer kept
        let mut v = [0i32; NTAGS];
        v[3] = 7;
        let other = Tagger::from_bytes(&write_model(&gaz, 2, &[(11, v), (50, v)], 0.5)).unwrap();
        let models = [m, other];
        let mean = Tagger::from_bytes(&average(&models, 0.5, 0.0)).unwrap();
        assert_eq!(mean.features(), 3);
        assert_eq!(mean.gazetteer().len(), 2);
        let row = mean.feats.get(11).unwrap() as usize;
        assert_eq!(mean.weights[row][3], 0.0, "(-3.5 + 3.5) / 2");
        assert_eq!(mean.weights[row][16], 300.0);
        let row = mean.feats.get(50).unwrap() as usize;
        assert_eq!(mean.weights[row][3], 2.0, "3.5 / 2 = 1.75, to the nearest 0.5");
        let pruned = Tagger::from_bytes(&average(&models, 0.5, 2.0)).unwrap();
        assert_eq!(pruned.features(), 1, "only the feature with a weight over 2 is left");
        assert!(Tagger::from_bytes(b"").is_err());
        assert!(Tagger::from_bytes(b"DYADNER1garbage").is_err());
    }
}
