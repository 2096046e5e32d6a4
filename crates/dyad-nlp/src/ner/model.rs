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
    history_context, history_features, left1_features, left2_features, own_features, right1_features, right2_features,
    tag_features, word_tag_features, DocAggregate, PredictionHistory, SentenceFeatures, WordInfo, FEATURE_VERSION,
    MAX_AGG_FEATURES, MAX_HISTORY_FEATURES,
};
use super::gazetteer::{Gazetteer, GAZ_CLASSES};
use super::table::{prefetch, IdHasher, U32Map};
use crate::binio::{unzigzag, write_varint, zigzag, Reader};
use std::collections::HashMap;
use std::hash::BuildHasherDefault;

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
    /// One row of weights per feature, one weight per tag, in whole steps of the
    /// file's quantisation (a weight is its steps times `step`, in `f32` as it was
    /// trained): a fixed-size row is read with one bounds check and added in whole
    /// vector registers. Sums of steps are exact whatever their order, so the
    /// weights of a word's own features can be summed once per word
    /// ([`TypeCache`]), where sums of `f32` weights would depend on the order.
    steps: Vec<[i32; NTAGS]>,
    step: f32,
    /// The rows of the sentence edges as neighbours: before the first word (one
    /// and two words back), after the last (one and two ahead).
    edges: Edges,
    /// The rows of the features of the two previous tags ([`tag_features`]), by
    /// `t1 * (NTAGS + 1) + t2` (`START` included).
    tags: Vec<Row>,
    /// How close (in steps) two tags' sums may come before the `f32` sums must
    /// decide between them (see [`Tagger::tag_document_info`]).
    margin: i32,
    /// Tells this tagger's [`TypeCache`] rows from another's.
    id: u64,
    gaz: Gazetteer,
}

type Row = [i32; NTAGS];

#[derive(Clone, Copy, Default)]
struct Edges {
    left1: Row,
    left2: Row,
    right1: Row,
    right2: Row,
}

/// The summed rows of the features a word has by itself, and of those it gives
/// its neighbours at each offset (see [`SentenceFeatures::extra_features`] for the
/// others).
#[derive(Clone, Copy)]
struct TypeRows {
    info: WordInfo,
    own: Row,
    /// As the word before the one scored (its features `w-1`), two before, one after, two after.
    left1: Row,
    left2: Row,
    right1: Row,
    right2: Row,
    /// Its features with the previous tag ([`word_tag_features`]) after an `O`.
    after_o: Row,
}

/// The [`TypeRows`] of the words a thread has tagged, kept from document to
/// document (news text repeats its words: most tokens find theirs here) and
/// forgotten when it holds [`TypeCache::MAX`] words or when another tagger uses it.
#[derive(Default)]
struct TypeCache {
    tagger: u64,
    /// By the hash of the word's exact form; the entry's info is checked.
    index: HashMap<u64, u32, BuildHasherDefault<IdHasher>>,
    rows: Vec<TypeRows>,
    /// The features of the new words of a sentence, six groups a word
    /// (`ends`), their table slots and rows (`u32::MAX`: none), and the words.
    buf: Vec<u64>,
    ends: Vec<usize>,
    probes: Vec<(u32, u32)>,
    found: Vec<u32>,
    missing: Vec<usize>,
}

impl TypeCache {
    const MAX: usize = 1 << 16;

    /// Make room for the `n` words of a sentence about to be tagged with `m` (the
    /// indices [`TypeCache::fill`] gives stay valid until the next call).
    fn begin(&mut self, m: &Tagger, n: usize) {
        if self.tagger != m.id || self.rows.len() + n > Self::MAX {
            self.index.clear();
            self.rows.clear();
            self.tagger = m.id;
        }
    }

    /// The rows' indices of a sentence's words into `type_of`, those of words not
    /// seen yet summed now: their features' table slots and rows fetched all at
    /// once, ahead of the sums.
    fn fill(&mut self, m: &Tagger, words: &[WordInfo], type_of: &mut Vec<u32>) {
        let TypeCache { index, rows, buf, ends, probes, found, missing, .. } = self;
        type_of.clear();
        missing.clear();
        buf.clear();
        ends.clear();
        for (i, w) in words.iter().enumerate() {
            match find(index, rows, w) {
                Some(k) => type_of.push(k),
                None => {
                    type_of.push(u32::MAX);
                    missing.push(i);
                    own_features(w, buf);
                    ends.push(buf.len());
                    left1_features(Some(w), buf);
                    ends.push(buf.len());
                    left2_features(Some(w), buf);
                    ends.push(buf.len());
                    right1_features(Some(w), buf);
                    ends.push(buf.len());
                    right2_features(Some(w), buf);
                    ends.push(buf.len());
                    buf.extend_from_slice(&word_tag_features(w, 0));
                    ends.push(buf.len());
                }
            }
        }
        if missing.is_empty() {
            return;
        }
        m.fetch_rows(buf, probes, found);
        let sum = |from: usize, to: usize| {
            let mut row = [0; NTAGS];
            for &r in &found[from..to] {
                if let Some(x) = m.steps.get(r as usize) {
                    add_rows(&mut row, x);
                }
            }
            row
        };
        let mut from = 0;
        for (&i, e) in missing.iter().zip(ends.chunks_exact(6)) {
            let w = &words[i];
            let computed = TypeRows {
                info: *w,
                own: sum(from, e[0]),
                left1: sum(e[0], e[1]),
                left2: sum(e[1], e[2]),
                right1: sum(e[2], e[3]),
                right2: sum(e[3], e[4]),
                after_o: sum(e[4], e[5]),
            };
            from = e[5];
            // a new word twice in the sentence: the first one's rows serve both
            type_of[i] = find(index, rows, w).unwrap_or_else(|| {
                let k = rows.len() as u32;
                rows.push(computed);
                index.insert(w.form, k);
                k
            });
        }
    }
}

/// The index of a word's rows in a [`TypeCache`], if there.
#[inline]
fn find(index: &HashMap<u64, u32, BuildHasherDefault<IdHasher>>, rows: &[TypeRows], w: &WordInfo) -> Option<u32> {
    index.get(&w.form).copied().filter(|&k| rows.get(k as usize).is_some_and(|r| r.info == *w))
}

#[inline]
fn add_rows(into: &mut Row, row: &Row) {
    for (s, x) in into.iter_mut().zip(row) {
        *s += x;
    }
}

/// Reusable buffers for tagging.
#[derive(Default)]
pub struct Scratch {
    pub features: SentenceFeatures,
    /// Per word of the document: its word and its first tag.
    info: Vec<WordInfo>,
    first: Vec<u8>,
    /// Per sentence: where its words start in the buffers above, and whether it
    /// is a headline in capitals.
    sentences: Vec<(usize, bool)>,
    history: PredictionHistory,
    aggregate: DocAggregate,
    /// Per word of the document: the first pass's scores in steps without the tag
    /// transitions (static and history features; see [`Tagger::tag_document_info`]).
    steps: Vec<Row>,
    types: TypeCache,
    /// Per word of the sentence: its [`TypeRows`], and where its other features
    /// start in `extra`.
    type_of: Vec<u32>,
    extra: Vec<u64>,
    extra_at: Vec<usize>,
    /// Their table slots, then their rows (`u32::MAX`: none).
    extra_probes: Vec<(u32, u32)>,
    extra_rows: Vec<u32>,
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

    /// The weight rows of the features `hashes`, in their order (`u32::MAX`: none),
    /// fetched all at once: every table slot is hinted to the CPU before the first is
    /// read, and every row found before it is summed. `probes` is a buffer.
    fn fetch_rows(&self, hashes: &[u64], probes: &mut Vec<(u32, u32)>, rows: &mut Vec<u32>) {
        probes.clear();
        probes.extend(hashes.iter().map(|&h| self.feats.probe(key32(h))));
        for &p in probes.iter() {
            self.feats.prefetch_probe(p);
        }
        rows.clear();
        for &p in probes.iter() {
            match self.feats.get_probed(p).filter(|&row| (row as usize) < self.steps.len()) {
                Some(row) => {
                    let r = self.steps[row as usize].as_ptr();
                    prefetch(r);
                    prefetch(r.wrapping_add(NTAGS - 1));
                    rows.push(row);
                }
                None => rows.push(u32::MAX),
            }
        }
    }

    #[inline]
    fn add(&self, h: u64, scores: &mut [f32; NTAGS]) {
        self.add_row(self.feats.get(key32(h)), scores);
    }

    /// The history features' weights ([`history_features`]) in steps added to `s`,
    /// `w` the word's cached rows.
    #[inline]
    fn add_history_steps(&self, w: &TypeRows, t1: u8, t2: u8, s: &mut Row) {
        if t1 == 0 {
            self.add_tag_steps(t1, t2, s);
            add_rows(s, &w.after_o);
        } else {
            self.add_history_steps_of(&w.info, t1, t2, s);
        }
    }

    /// [`Tagger::add_history_steps`] of a word without its cached rows.
    #[inline]
    fn add_history_steps_of(&self, w: &WordInfo, t1: u8, t2: u8, s: &mut Row) {
        self.add_tag_steps(t1, t2, s);
        for h in word_tag_features(w, t1) {
            self.add_steps(h, s);
        }
    }

    #[inline]
    fn add_tag_steps(&self, t1: u8, t2: u8, s: &mut Row) {
        match self.tags.get(t1 as usize * (NTAGS + 1) + t2 as usize) {
            Some(row) => add_rows(s, row),
            None => {
                for h in tag_features(t1, t2) {
                    self.add_steps(h, s);
                }
            }
        }
    }

    /// [`Tagger::add`] in steps.
    #[inline]
    fn add_steps(&self, h: u64, scores: &mut Row) {
        if let Some(w) = self.feats.get(key32(h)).and_then(|row| self.steps.get(row as usize)) {
            add_rows(scores, w);
        }
    }

    /// A weight in `f32` from its steps: the same value as `steps as f32 * step`
    /// gave when the weights were read (steps are far below 2^24, exact in `f32`).
    #[inline]
    fn weight(&self, q: i32) -> f32 {
        q as f32 * self.step
    }

    /// Add the weights of a feature's row (if it has one) to the scores.
    #[inline]
    fn add_row(&self, row: Option<u32>, scores: &mut [f32; NTAGS]) {
        if let Some(w) = row.and_then(|row| self.steps.get(row as usize)) {
            for (s, &q) in scores.iter_mut().zip(w) {
                *s += self.weight(q);
            }
        }
    }

    /// Greedy constrained decoding over computed features (the tagger alone).
    /// `history` holds the document's earlier tags. (A beam over the summed scores
    /// was tried and is far worse: the weights are trained for greedy decoding, so
    /// a path's score sum is not a calibrated measure of the path.)
    pub fn decode(&self, f: &SentenceFeatures, history: &PredictionHistory, out: &mut Vec<u8>) {
        self.decode_keeping(f, history, &mut Probes::default(), out);
    }

    /// [`Tagger::decode`] with the buffers of its lookups.
    fn decode_keeping(
        &self,
        f: &SentenceFeatures,
        history: &PredictionHistory,
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
                if let Some(w) = self.feats.get_probed(p).filter(|&row| (row as usize) < self.steps.len()) {
                    // a row spans two cache lines at most: its first and last weights
                    let row = self.steps[w as usize].as_ptr();
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
        // Scores are summed in steps (exact integers), so a word's own features are
        // summed once per word ([`TypeCache`]) whatever their order. The tags are
        // those of summing `f32` weights in the features' order (as the tagger was
        // trained and as [`Tagger::decode`] does): summing floats rounds, and the
        // rounding can only decide between two tags whose sums in steps differ by
        // less than two steps, so there (rarely) the `f32` sums are made afresh
        // ([`Tagger::exact_scores`]).
        out.resize_with(sentences.len(), Vec::new);
        let Scratch {
            features,
            info,
            first,
            sentences: bounds,
            history,
            aggregate,
            steps,
            types,
            type_of,
            extra,
            extra_at,
            extra_probes,
            extra_rows,
            ..
        } = scratch;
        steps.clear();
        info.clear();
        first.clear();
        bounds.clear();
        history.clear();
        aggregate.clear();
        for (words, tags) in sentences.iter().zip(out.iter_mut()) {
            features.compute_marks_from_info(words, &self.gaz);
            bounds.push((info.len(), features.all_caps));
            let n = words.len();
            types.begin(self, n);
            types.fill(self, words, type_of);
            // the other features (and what the document said earlier), fetched
            // from the tables all at once
            extra.clear();
            extra_at.clear();
            let mut earlier = [0u64; MAX_HISTORY_FEATURES];
            for i in 0..n {
                extra_at.push(extra.len());
                features.extra_features(i, doc, extra);
                let e = history.features(&words[i], history_context(i, features.all_caps), &mut earlier);
                extra.extend_from_slice(&earlier[..e]);
            }
            extra_at.push(extra.len());
            self.fetch_rows(extra, extra_probes, extra_rows);
            let rows = &types.rows;
            let start = steps.len();
            for i in 0..n {
                let mut s = rows[type_of[i] as usize].own;
                let near = |j: Option<usize>| j.filter(|&j| j < n).map(|j| &rows[type_of[j] as usize]);
                add_rows(&mut s, near(i.checked_sub(1)).map_or(&self.edges.left1, |r| &r.left1));
                add_rows(&mut s, near(i.checked_sub(2)).map_or(&self.edges.left2, |r| &r.left2));
                add_rows(&mut s, near(Some(i + 1)).map_or(&self.edges.right1, |r| &r.right1));
                add_rows(&mut s, near(Some(i + 2)).map_or(&self.edges.right2, |r| &r.right2));
                for &row in &extra_rows[extra_at[i]..extra_at[i + 1]] {
                    if let Some(w) = self.steps.get(row as usize) {
                        add_rows(&mut s, w);
                    }
                }
                steps.push(s);
            }
            tags.clear();
            let (mut t1, mut t2) = (START, START);
            let mut exact: Option<Vec<[f32; NTAGS]>> = None;
            for i in 0..n {
                let mut s = steps[start + i];
                self.add_history_steps(&types.rows[type_of[i] as usize], t1, t2, &mut s);
                let t = match best_allowed_steps(&s, t1, self.margin) {
                    Some(t) => t,
                    None => {
                        // a near tie: the first pass's sums in `f32`, made the way
                        // `decode_keeping` makes them, for the whole sentence once
                        let kept = exact.get_or_insert_with(|| self.exact_scores(features, history, doc));
                        let mut s = kept[i];
                        for h in history_features(&words[i], t1, t2) {
                            self.add(h, &mut s);
                        }
                        best_allowed(&s, t1)
                    }
                };
                tags.push(t);
                t2 = t1;
                t1 = t;
            }
            history.record(words, tags);
            aggregate.record(words, tags);
            info.extend_from_slice(words);
            first.extend_from_slice(tags);
        }
        if aggregate.is_empty() {
            return;
        }
        let mut agg = [0u64; MAX_AGG_FEATURES];
        for (k, (&(start, all_caps), tags)) in bounds.iter().zip(out.iter_mut()).enumerate() {
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
                let mut s = steps[start + i];
                for &h in &agg[..n] {
                    self.add_steps(h, &mut s);
                }
                self.add_history_steps_of(w, t1, t2, &mut s);
                *t = match best_allowed_steps(&s, t1, self.margin) {
                    Some(t) => t,
                    None => {
                        // a near tie: this sentence's first-pass sums in `f32` again,
                        // with what the document had said before it then
                        history.clear();
                        for (&(at, _), words) in bounds[..k].iter().zip(sentences) {
                            history.record(words, &first[at..at + words.len()]);
                        }
                        features.compute_marks_from_info(sentences[k], &self.gaz);
                        let mut s = self.exact_scores(features, history, doc)[i];
                        for &h in &agg[..n] {
                            self.add(h, &mut s);
                        }
                        for h in history_features(w, t1, t2) {
                            self.add(h, &mut s);
                        }
                        best_allowed(&s, t1)
                    }
                };
                t2 = t1;
                t1 = *t;
            }
        }
    }

    /// The first pass's scores of a sentence's words before the tag transitions, in
    /// `f32` summed in the features' order as [`Tagger::decode_keeping`] sums them:
    /// `f` with its gazetteer matches ([`SentenceFeatures::compute_marks_from_info`]),
    /// `history` as it was when the sentence was tagged.
    fn exact_scores(
        &self,
        f: &mut SentenceFeatures,
        history: &PredictionHistory,
        doc: &dyn Fn(u64) -> u8,
    ) -> Vec<[f32; NTAGS]> {
        f.compute_features(doc);
        let mut out = Vec::new();
        let mut found = Vec::new();
        let mut earlier = [0u64; MAX_HISTORY_FEATURES];
        for i in 0..f.info.len() {
            found.clear();
            found.extend_from_slice(f.of(i));
            let k = history.features(&f.info[i], history_context(i, f.all_caps), &mut earlier);
            found.extend_from_slice(&earlier[..k]);
            let mut scores = [0f32; NTAGS];
            for &h in &found {
                self.add(h, &mut scores);
            }
            out.push(scores);
        }
        out
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
        let mut steps = Vec::with_capacity(nfeat.min(bytes.len()));
        let mut key = 0u64;
        // so that a word's sum of steps stays far inside i32
        const MAX_STEPS: i64 = 1 << 20;
        let mut largest = 0i64;
        for row in 0..nfeat {
            key += r.varint()?;
            let mask = r.varint()?;
            let mut q = [0i32; NTAGS];
            for (t, x) in q.iter_mut().enumerate() {
                if mask & (1 << t) != 0 {
                    let v = unzigzag(r.varint()?);
                    if v.abs() > MAX_STEPS {
                        return Err(format!("weight of {v} steps: more than this dyad reads"));
                    }
                    *x = v as i32;
                    largest = largest.max(v.abs());
                }
            }
            steps.push(q);
            feats.insert(key as u32, row as u32);
        }
        if !r.at_end() {
            return Err("trailing bytes after the weights".into());
        }
        static NEXT_ID: std::sync::atomic::AtomicU64 = std::sync::atomic::AtomicU64::new(1);
        let id = NEXT_ID.fetch_add(1, std::sync::atomic::Ordering::Relaxed);
        // A word's score sums at most MAX_TERMS weights (static, history, aggregate
        // and transition features; far fewer in fact), each at most `largest` steps.
        // Each f32 weight is within 2^-24 of its value and each of the additions
        // rounds by at most 2^-24 of a partial sum, so a sum in f32 is within
        // (MAX_TERMS + 1) * 2^-24 * MAX_TERMS * largest * step of the exact one, and
        // two of them can only be ordered differently from their sums in steps
        // when these are within twice that: `margin`, at least one step (a tie)
        const MAX_TERMS: f64 = 128.0;
        let bound = 2.0 * (MAX_TERMS + 1.0) * MAX_TERMS * largest as f64 / (1u64 << 24) as f64;
        let margin = bound.ceil().max(1.0) as i32;
        let mut m = Tagger { feats, steps, step, edges: Edges::default(), tags: Vec::new(), margin, id, gaz };
        let sum = |f: &dyn Fn(&mut Vec<u64>)| {
            let mut buf = Vec::new();
            f(&mut buf);
            let mut row = [0; NTAGS];
            for &h in &buf {
                m.add_steps(h, &mut row);
            }
            row
        };
        let edges = Edges {
            left1: sum(&|b| left1_features(None, b)),
            left2: sum(&|b| left2_features(None, b)),
            right1: sum(&|b| right1_features(None, b)),
            right2: sum(&|b| right2_features(None, b)),
        };
        let mut tags = Vec::with_capacity((NTAGS + 1) * (NTAGS + 1));
        for t1 in 0..=NTAGS as u8 {
            for t2 in 0..=NTAGS as u8 {
                let mut row = [0; NTAGS];
                for h in tag_features(t1, t2) {
                    m.add_steps(h, &mut row);
                }
                tags.push(row);
            }
        }
        m.edges = edges;
        m.tags = tags;
        Ok(m)
    }
}

/// [`best_allowed`] of scores in steps, `None` when another allowed tag comes
/// within `margin` steps of the best (where the `f32` sums must decide).
#[inline]
fn best_allowed_steps(scores: &Row, prev: u8, margin: i32) -> Option<u8> {
    let mut best = 0u8;
    let mut best_score = i32::MIN;
    let mut second = i32::MIN;
    for (t, &s) in scores.iter().enumerate() {
        if allowed(prev, t as u8) {
            if s > best_score {
                second = best_score;
                best = t as u8;
                best_score = s;
            } else if s > second {
                second = s;
            }
        }
    }
    (second == i32::MIN || best_score - second > margin).then_some(best)
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
            let w = m.steps[row as usize].map(|q| m.weight(q));
            let sum = sums.entry(key).or_insert([0.0; NTAGS]);
            for (s, &x) in sum.iter_mut().zip(&w) {
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
    fn sums_in_steps_tag_as_the_f32_sums() {
        // near ties decided by the f32 sums everywhere (both passes), then nowhere
        let text: [&[&str]; 4] = [
            &["CLINTON", "WINS", "IN", "ARKANSAS"],
            &["Bill", "Clinton", "won", "Arkansas", "on", "Tuesday", ",", "Reuters", "said", "."],
            &["Clinton", "thanked", "voters", "in", "Little", "Rock", "and", "Washington", "."],
            &["Washington", "Post", "reporters", "asked", "Clinton", "about", "Hillary", "."],
        ];
        let mut m = Tagger::from_bytes(super::super::MODEL_BYTES).unwrap();
        assert!(m.margin >= 1);
        let tagged = |m: &Tagger| {
            let mut tags = Vec::new();
            m.tag_document(&text, &|_| 0, &mut Scratch::default(), &mut tags);
            tags
        };
        let usual = tagged(&m);
        assert!(usual.iter().flatten().any(|&t| t != 0));
        m.margin = i32::MAX;
        assert_eq!(tagged(&m), usual);
        m.margin = 0;
        assert_eq!(tagged(&m), usual);
        // more words than the cache keeps, with the same scratch throughout
        let words: Vec<String> = (0..TypeCache::MAX + 500).map(|k| format!("Word{k}")).collect();
        let sentences: Vec<Vec<&str>> = words.chunks(40).map(|c| c.iter().map(String::as_str).collect()).collect();
        let refs: Vec<&[&str]> = sentences.iter().map(Vec::as_slice).collect();
        let mut scratch = Scratch::default();
        let (mut once, mut again) = (Vec::new(), Vec::new());
        m.tag_document(&refs, &|_| 0, &mut scratch, &mut once);
        assert!(scratch.types.rows.len() < TypeCache::MAX);
        m.tag_document(&refs, &|_| 0, &mut scratch, &mut again);
        assert_eq!(once, again);
        m.tag_document(&text, &|_| 0, &mut scratch, &mut again);
        assert_eq!(again, usual);
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
        assert_eq!(m.weight(m.steps[row][3]), -3.5);
        assert_eq!(m.weight(m.steps[row][16]), 600.0);
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
        assert_eq!(mean.weight(mean.steps[row][3]), 0.0, "(-3.5 + 3.5) / 2");
        assert_eq!(mean.weight(mean.steps[row][16]), 300.0);
        let row = mean.feats.get(50).unwrap() as usize;
        assert_eq!(mean.weight(mean.steps[row][3]), 2.0, "3.5 / 2 = 1.75, to the nearest 0.5");
        let pruned = Tagger::from_bytes(&average(&models, 0.5, 2.0)).unwrap();
        assert_eq!(pruned.features(), 1, "only the feature with a weight over 2 is left");
        assert!(Tagger::from_bytes(b"").is_err());
        assert!(Tagger::from_bytes(b"DYADNER1garbage").is_err());
    }
}
