//! The part-of-speech tagger at run time: features, the weights file and greedy
//! decoding.
//!
//! Each word gets static features (its folded form, affixes and shape, and the
//! words around it) and three that depend on the tags already chosen to its left;
//! every feature is a hash, looked up in a table of sparse weights (only the tags a
//! feature ever voted for). Frequent words that almost always take one tag ("the",
//! "of", "said") skip scoring: the tag dictionary answers for them. What a word's own
//! templates add up to is the same at each occurrence, so a thread sums it once and
//! keeps it (up to 32,768 words, then it starts afresh); only the templates of the
//! context and of the tags before it are looked up word by word.
//!
//! The weights file (`data/pos/model.bin`) is dyad's own format, little-endian with
//! LEB128 varints: magic `DYADPOS1`; the feature version; the tag count and each tag
//! name (a length byte and the bytes); the f32 quantisation step; the tag dictionary
//! (count, then per entry the word key's delta from the previous key and the tag);
//! the features (count, then per feature the key delta, the number of weights, and
//! per weight the tag and the zigzag varint of `weight / step`).

use crate::binio::{unzigzag, write_varint, zigzag, Reader};
use crate::ner::features::{feat, feat2, WordInfo};
use crate::ner::table::{prefetch, U32Map};
use dyad_core::PosTag;

/// Bumped whenever the feature templates change, so an old weights file is refused.
pub const FEATURE_VERSION: u32 = 2;
const MAGIC: &[u8; 8] = b"DYADPOS1";
/// The tag history value before the first word.
pub const START: u8 = u8::MAX;
/// Static features per word.
pub const NSTATIC: usize = 20;

/// The 32-bit key a 64-bit feature or word hash is stored under.
#[inline]
pub(crate) fn key32(h: u64) -> u32 {
    (h ^ (h >> 32)) as u32
}

/// Word hashes of the sentence's words and the ones two to either side.
const PAD: u64 = 0x5a5a_1234_9876_0f0f;

/// The templates that depend only on the word itself and on whether it opens the
/// sentence (its folded form, affixes, shape, flags and exact form).
const NWORD: usize = 11;
/// The templates that look at the words around it.
const NCONTEXT: usize = 8;

#[inline]
fn word_features(w: &WordInfo, first: u64) -> [u64; NWORD] {
    [
        feat(2, w.lower),
        feat(3, w.suffix[0]),
        feat(4, w.suffix[1]),
        feat(5, w.suffix[2]),
        feat(6, w.suffix[3]),
        feat(7, w.prefix[0]),
        feat2(8, w.shape, first),
        feat2(9, u64::from(w.flags), first),
        feat(17, w.form),
        feat(18, w.prefix[1]),
        feat(19, w.prefix[2]),
    ]
}

#[inline]
fn context_features(infos: &[WordInfo], i: usize) -> [u64; NCONTEXT] {
    let at = |k: isize| (k >= 0).then(|| infos.get(k as usize)).flatten();
    let lower = |k: isize| at(k).map_or(PAD, |w| w.lower);
    let suffix3 = |k: isize| at(k).map_or(PAD, |w| w.suffix[2]);
    let (k, w) = (i as isize, infos[i].lower);
    [
        feat(10, lower(k - 1)),
        feat(11, suffix3(k - 1)),
        feat(12, lower(k - 2)),
        feat(13, lower(k + 1)),
        feat(14, suffix3(k + 1)),
        feat(15, lower(k + 2)),
        feat2(16, lower(k - 1), w),
        feat2(23, w, lower(k + 1)),
    ]
}

/// The static features of every word of a sentence, `NSTATIC` per word: the bias,
/// the word's own templates and its context's.
pub fn static_features(words: &[&str], out: &mut Vec<u64>) {
    out.clear();
    let infos: Vec<WordInfo> = words.iter().map(|w| WordInfo::of(w)).collect();
    for i in 0..infos.len() {
        out.push(feat(1, 0));
        out.extend_from_slice(&word_features(&infos[i], u64::from(i == 0)));
        out.extend_from_slice(&context_features(&infos, i));
    }
}

/// The features of word `i` that depend on the tags chosen before it.
#[inline]
pub fn history_features(word_lower: u64, t1: u8, t2: u8) -> [u64; 3] {
    [feat(20, u64::from(t1)), feat2(21, u64::from(t1), u64::from(t2)), feat2(22, u64::from(t1), word_lower)]
}

/// The tagger's weights.
pub struct PosModel {
    /// Model tag index -> tag.
    tags: Vec<PosTag>,
    /// Word key -> model tag index + 1 (0: not in the dictionary).
    tagdict: U32Map<u8>,
    /// Feature key -> (first weight, count) packed as `start << 8 | count`.
    index: U32Map<u32>,
    /// Each weight packed in 32 bits: the model tag index in the low byte, the weight
    /// in quantisation steps in the upper 24 (signed). Integer sums are exact, and the
    /// table is a quarter of the size of (tag, f32) pairs, which is what decoding
    /// speed depends on (it is bound by cache misses).
    weights: Vec<i32>,
}

/// What decoding a sentence needs beside the model; reused sentence after sentence
/// (and, through [`crate::pos::tag_sentences`], document after document on a thread).
#[derive(Default)]
pub struct Scratch {
    infos: Vec<WordInfo>,
    scores: TagScores,
    words: WordScores,
    pairs: PairScores,
    /// The table slots ([`U32Map::probe`]) of a sentence's lookups of one kind.
    probes: Vec<(u32, u32)>,
    /// Per word of the sentence: its tag in the dictionary + 1, or 0.
    dict: Vec<u8>,
    /// The entries in `index` of the context features of the words not in the
    /// dictionary, `NCONTEXT` per word.
    context: Vec<Option<u32>>,
    /// Per word not in the dictionary: whether its own templates were not in the
    /// word cache ([`WordScores`]) when the sentence began, and so were looked up
    /// with the context's.
    uncached: Vec<bool>,
    /// Those words' own templates: their slots and entries in `index`, `1 + NWORD`
    /// per word (the bias, then [`word_features`]).
    own_probes: Vec<(u32, u32)>,
    own: Vec<Option<u32>>,
    /// Per word not in the dictionary: whether the tag before it is known before
    /// scoring (the sentence start or a word the dictionary answers for), and so
    /// its template of that tag and the word was looked up with the context's.
    after_known: Vec<bool>,
    /// Those templates' slots and entries in `index`, one per such word.
    with_word_probes: Vec<(u32, u32)>,
    with_word: Vec<Option<u32>>,
}

/// The scores the templates of the two previous tags alone (the previous tag, and
/// both) give each tag, per pair of tags: a few dozen pairs make most of a text.
#[derive(Default)]
struct PairScores {
    /// Per pair (`pair_index`): 1 + where its row starts in `sums`, 0 before it is summed.
    rows: Vec<u32>,
    sums: Vec<i32>,
}

/// A tag history value (a model tag, or `START`) as 0..=n.
#[inline]
fn history_index(t: u8, n: usize) -> usize {
    if t == START {
        n
    } else {
        (t as usize).min(n)
    }
}

/// A word's score for every tag, indexed by the tag's byte in the weights: an index
/// that can never be out of bounds, so adding a weight needs no check. Only the
/// model's tags (the first `tags.len()`) are read.
struct TagScores([i32; 256]);

impl Default for TagScores {
    fn default() -> Self {
        TagScores([0; 256])
    }
}

/// The scores a word's own templates (and the bias) give each tag, by the word's exact
/// form and whether it opens the sentence: the same for every occurrence, so they are
/// summed once and then read as one row instead of a dozen scattered table lookups.
#[derive(Default)]
struct WordScores {
    rows: std::collections::HashMap<u64, u32, std::hash::BuildHasherDefault<crate::ner::table::IdHasher>>,
    sums: Vec<i32>,
}

/// Words remembered before the cache starts afresh (a row is one i32 per tag).
const WORD_CACHE_ROWS: usize = 1 << 15;

/// A word's key in the [`WordScores`] cache: its exact form and whether it opens
/// the sentence.
#[inline]
fn word_key(info: &WordInfo, first: u64) -> u64 {
    info.form ^ first.wrapping_mul(0x9e37_79b9_7f4a_7c15)
}

impl PosModel {
    /// A model from its parts: weights in quantisation steps.
    fn new(tags: Vec<PosTag>, tagdict: &[(u32, u8)], features: &[(u32, Vec<(u8, i32)>)]) -> PosModel {
        let mut dict = U32Map::with_capacity(tagdict.len());
        for &(k, t) in tagdict {
            dict.insert(k, t + 1);
        }
        let mut index = U32Map::with_capacity(features.len());
        let mut weights = Vec::new();
        for (k, ws) in features {
            let n = ws.len().min(255);
            index.insert(*k, ((weights.len() as u32) << 8) | n as u32);
            weights.extend(ws[..n].iter().map(|&(t, w)| (w.clamp(-(1 << 23), (1 << 23) - 1) << 8) | i32::from(t)));
        }
        PosModel { tags, tagdict: dict, index, weights }
    }

    pub fn tags(&self) -> &[PosTag] {
        &self.tags
    }

    /// The tags of a sentence's words (empty words are tagged like any other).
    pub fn tag(&self, words: &[&str], scratch: &mut Scratch) -> Vec<PosTag> {
        self.tag_indices(words, scratch).into_iter().map(|t| self.tags[t as usize]).collect()
    }

    /// [`PosModel::tag`] as model tag indices.
    pub fn tag_indices(&self, words: &[&str], scratch: &mut Scratch) -> Vec<u8> {
        let mut infos = std::mem::take(&mut scratch.infos);
        infos.clear();
        infos.extend(words.iter().map(|w| WordInfo::of(w)));
        let tags = self.tag_infos(&infos, scratch);
        scratch.infos = infos;
        tags
    }

    /// [`PosModel::tag_indices`] of words given by their infos ([`WordInfo::of`]).
    pub fn tag_infos(&self, infos: &[WordInfo], scratch: &mut Scratch) -> Vec<u8> {
        let n = self.tags.len();
        let Scratch {
            infos: _,
            scores,
            words: cache,
            pairs,
            probes,
            dict,
            context,
            uncached,
            own_probes,
            own,
            after_known,
            with_word_probes,
            with_word,
        } = scratch;
        // the tables are larger than the caches and the lookups of different words
        // are independent, so they are made a sentence at a time, in batches of
        // hints the CPU follows all at once (each key hashed to its slot once): the
        // words' slots in the tag dictionary, which answers for frequent words; for
        // the others, the slots of their context features, of its own for a word not
        // in the word cache, and of the template of the tag before it and the word
        // when that tag is known (the word before is in the dictionary or there is
        // none); then the weights those point to. Only then are the
        // words scored, in turn
        probes.clear();
        for w in infos {
            let p = self.tagdict.probe(key32(w.lower));
            self.tagdict.prefetch_probe(p);
            probes.push(p);
        }
        dict.clear();
        dict.extend(probes.iter().map(|&p| self.tagdict.get_probed(p).unwrap_or(0)));
        probes.clear();
        own_probes.clear();
        uncached.clear();
        with_word_probes.clear();
        after_known.clear();
        let probe = |f: u64, probes: &mut Vec<(u32, u32)>| {
            let p = self.index.probe(key32(f));
            self.index.prefetch_probe(p);
            probes.push(p);
        };
        for (i, _) in dict.iter().enumerate().filter(|(_, &t)| t == 0) {
            for f in context_features(infos, i) {
                probe(f, probes);
            }
            let first = u64::from(i == 0);
            let missing = !cache.rows.contains_key(&word_key(&infos[i], first));
            if missing {
                for f in std::iter::once(feat(1, 0)).chain(word_features(&infos[i], first)) {
                    probe(f, own_probes);
                }
            }
            uncached.push(missing);
            let t1 = if i == 0 { Some(START) } else { dict[i - 1].checked_sub(1) };
            if let Some(t1) = t1 {
                let [_, _, f] = history_features(infos[i].lower, t1, START);
                probe(f, with_word_probes);
            }
            after_known.push(t1.is_some());
        }
        let resolve = |probes: &[(u32, u32)], entries: &mut Vec<Option<u32>>| {
            entries.clear();
            for &p in probes {
                let entry = self.index.get_probed(p);
                if let Some(weights) = entry.and_then(|e| self.weights_of(e)) {
                    if let (Some(first), Some(last)) = (weights.first(), weights.last()) {
                        prefetch(first);
                        prefetch(last);
                    }
                }
                entries.push(entry);
            }
        };
        resolve(probes, context);
        resolve(own_probes, own);
        resolve(with_word_probes, with_word);
        let mut contexts = context.chunks_exact(NCONTEXT);
        let mut owns = own.chunks_exact(1 + NWORD);
        let mut uncached = uncached.iter();
        let mut after_known = after_known.iter();
        let mut with_words = with_word.iter();
        let mut out: Vec<u8> = Vec::with_capacity(infos.len());
        for (info, &dict) in infos.iter().zip(dict.iter()) {
            let i = out.len();
            if dict > 0 {
                out.push(dict - 1);
                continue;
            }
            let context = contexts.next().unwrap_or(&[]);
            let own = if uncached.next() == Some(&true) { owns.next() } else { None };
            let looked_up = if after_known.next() == Some(&true) { with_words.next() } else { None };
            let first = u64::from(i == 0);
            let row = self.word_row(cache, info, first, own, n);
            let scores = &mut scores.0;
            scores[..n].copy_from_slice(&cache.sums[row..row + n]);
            let t1 = if i >= 1 { out[i - 1] } else { START };
            let t2 = if i >= 2 { out[i - 2] } else { START };
            // the two history templates of the tags alone, summed once per pair of
            // tags (integer sums: the order of the additions does not matter)
            let pair = self.pair_row(pairs, t1, t2, n);
            for (s, &w) in scores[..n].iter_mut().zip(&pairs.sums[pair..pair + n]) {
                *s += w;
            }
            for &entry in context {
                self.add_tag_weights_of(entry, scores);
            }
            match looked_up {
                Some(&entry) => self.add_tag_weights_of(entry, scores),
                None => {
                    let [_, _, with_word] = history_features(info.lower, t1, t2);
                    self.add_tag_weights(with_word, scores);
                }
            }
            // the highest score, the first tag of equal ones: the maximum in one pass
            // the compiler does in vector registers, then where it first stands
            let scores = &scores[..n];
            let top = scores.iter().copied().max().unwrap_or(0);
            let best = scores.iter().position(|&s| s == top).unwrap_or(0);
            out.push(best as u8);
        }
        out
    }

    /// Add a feature's weights to the scores of the tags it votes for.
    #[inline]
    fn add_weights(&self, f: u64, scores: &mut [i32]) {
        self.add_weights_of(self.index.get(key32(f)), scores);
    }

    /// [`PosModel::add_weights`] of a feature's entry in the index, if it has one.
    #[inline]
    fn add_weights_of(&self, entry: Option<u32>, scores: &mut [i32]) {
        for &packed in entry.and_then(|e| self.weights_of(e)).unwrap_or(&[]) {
            if let Some(score) = scores.get_mut((packed & 0xff) as usize) {
                *score += packed >> 8;
            }
        }
    }

    /// [`PosModel::add_weights`] into a word's [`TagScores`].
    #[inline]
    fn add_tag_weights(&self, f: u64, scores: &mut [i32; 256]) {
        self.add_tag_weights_of(self.index.get(key32(f)), scores);
    }

    /// [`PosModel::add_tag_weights`] of a feature's entry in the index, if it has one.
    #[inline]
    fn add_tag_weights_of(&self, entry: Option<u32>, scores: &mut [i32; 256]) {
        for &packed in entry.and_then(|e| self.weights_of(e)).unwrap_or(&[]) {
            scores[(packed & 0xff) as usize] += packed >> 8;
        }
    }

    /// The packed weights of a feature given by its entry in `index` (`None` if
    /// out of range, which a model never has).
    #[inline]
    fn weights_of(&self, entry: u32) -> Option<&[i32]> {
        let (start, count) = ((entry >> 8) as usize, (entry & 0xff) as usize);
        self.weights.get(start..start + count)
    }

    /// Where the scores of the history templates of tags `t1, t2` alone start in
    /// `pairs.sums`, summing them on the pair's first occurrence.
    fn pair_row(&self, pairs: &mut PairScores, t1: u8, t2: u8, n: usize) -> usize {
        let index = history_index(t1, n) * (n + 1) + history_index(t2, n);
        if pairs.rows.len() != (n + 1) * (n + 1) {
            pairs.rows.clear();
            pairs.rows.resize((n + 1) * (n + 1), 0);
            pairs.sums.clear();
        }
        if let Some(row) = pairs.rows[index].checked_sub(1) {
            return row as usize;
        }
        let row = pairs.sums.len();
        pairs.sums.resize(row + n, 0);
        let [previous, both, _] = history_features(0, t1, t2);
        for f in [previous, both] {
            self.add_weights(f, &mut pairs.sums[row..]);
        }
        pairs.rows[index] = row as u32 + 1;
        row
    }

    /// Where the scores of the word's own templates start in `cache.sums`, summing
    /// them on the word's first occurrence (from their entries in `index` when the
    /// caller has looked them up, `1 + NWORD` of them).
    fn word_row(
        &self,
        cache: &mut WordScores,
        info: &WordInfo,
        first: u64,
        own: Option<&[Option<u32>]>,
        n: usize,
    ) -> usize {
        let key = word_key(info, first);
        if let Some(&row) = cache.rows.get(&key) {
            return row as usize;
        }
        if cache.rows.len() >= WORD_CACHE_ROWS {
            cache.rows.clear();
            cache.sums.clear();
        }
        let row = cache.sums.len();
        cache.sums.resize(row + n, 0);
        let sums = &mut cache.sums[row..];
        match own {
            Some(entries) => {
                for &entry in entries {
                    self.add_weights_of(entry, sums);
                }
            }
            None => {
                for f in std::iter::once(feat(1, 0)).chain(word_features(info, first)) {
                    self.add_weights(f, sums);
                }
            }
        }
        cache.rows.insert(key, row as u32);
        row
    }

    /// Read a weights file written by [`encode`].
    pub fn from_bytes(bytes: &[u8]) -> Result<PosModel, String> {
        let mut r = Reader::new(bytes);
        if r.take(8)? != MAGIC {
            return Err("not a dyad POS model".into());
        }
        let version = u32::from_le_bytes(r.take(4)?.try_into().map_err(|_| "short file")?);
        if version != FEATURE_VERSION {
            return Err(format!("POS model has feature version {version}, this build reads {FEATURE_VERSION}"));
        }
        let ntags = r.byte()? as usize;
        let mut tags = Vec::with_capacity(ntags);
        for _ in 0..ntags {
            let len = r.byte()? as usize;
            let name = std::str::from_utf8(r.take(len)?).map_err(|_| "bad tag name")?;
            tags.push(PosTag::from_name(name).ok_or_else(|| format!("unknown tag {name:?}"))?);
        }
        // weights are kept in steps: the step scales every score alike, so decoding
        // needs only its sign
        let step = f32::from_le_bytes(r.take(4)?.try_into().map_err(|_| "short file")?);
        if step.is_nan() || step <= 0.0 {
            return Err(format!("bad quantisation step {step}"));
        }
        let ndict = r.varint()? as usize;
        let mut dict = Vec::with_capacity(ndict.min(1 << 20));
        let mut key = 0u32;
        for _ in 0..ndict {
            key = key.wrapping_add(r.varint()? as u32);
            let t = r.byte()?;
            if t as usize >= ntags {
                return Err("tag out of range".into());
            }
            dict.push((key, t));
        }
        let nfeat = r.varint()? as usize;
        let mut features = Vec::with_capacity(nfeat.min(1 << 22));
        let mut key = 0u32;
        for _ in 0..nfeat {
            key = key.wrapping_add(r.varint()? as u32);
            let n = r.byte()? as usize;
            let mut ws = Vec::with_capacity(n);
            for _ in 0..n {
                let t = r.byte()?;
                if t as usize >= ntags {
                    return Err("tag out of range".into());
                }
                ws.push((t, unzigzag(r.varint()?) as i32));
            }
            features.push((key, ws));
        }
        Ok(PosModel::new(tags, &dict, &features))
    }
}

/// The weights file of a model: tags, tag dictionary (word key, tag index) and
/// features (key, sparse weights), both sorted by key.
pub fn encode(tags: &[PosTag], tagdict: &[(u32, u8)], features: &[(u32, Vec<(u8, f32)>)], step: f32) -> Vec<u8> {
    let mut out = MAGIC.to_vec();
    out.extend_from_slice(&FEATURE_VERSION.to_le_bytes());
    out.push(tags.len() as u8);
    for t in tags {
        out.push(t.as_str().len() as u8);
        out.extend_from_slice(t.as_str().as_bytes());
    }
    out.extend_from_slice(&step.to_le_bytes());
    write_varint(&mut out, tagdict.len() as u64);
    let mut prev = 0u32;
    for &(k, t) in tagdict {
        write_varint(&mut out, u64::from(k - prev));
        out.push(t);
        prev = k;
    }
    write_varint(&mut out, features.len() as u64);
    let mut prev = 0u32;
    for (k, ws) in features {
        write_varint(&mut out, u64::from(k - prev));
        out.push(ws.len().min(255) as u8);
        for &(t, w) in ws.iter().take(255) {
            out.push(t);
            write_varint(&mut out, zigzag((w / step).round() as i64));
        }
        prev = *k;
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn weights_round_trip_and_bad_files_are_refused() {
        let tags: Vec<PosTag> = ["NN", "VBD"].iter().map(|n| PosTag::from_name(n).unwrap()).collect();
        let dict = vec![(key32(crate::ner::features::word_key("the")), 0u8)];
        let features = vec![(3u32, vec![(0u8, 0.5f32), (1, -0.25)]), (9, vec![(1, 1.0)])];
        let bytes = encode(&tags, &dict, &features, 0.05);
        let back = PosModel::from_bytes(&bytes).unwrap();
        assert_eq!(back.tags(), &tags[..]);
        assert_eq!(back.tag(&["the"], &mut Scratch::default()), vec![tags[0]], "the dictionary answers");
        assert!(PosModel::from_bytes(&bytes[..bytes.len() - 1]).is_err());
        assert!(PosModel::from_bytes(b"DYADNER1xxxx").is_err());
        assert_eq!(unzigzag(zigzag(-7)), -7);
    }

    /// The tags of every template's weights looked up and summed word by word, with
    /// no remembered sums (of a word's own templates or of a pair of tags).
    fn tag_by_every_lookup(m: &PosModel, words: &[&str]) -> Vec<u8> {
        let infos: Vec<WordInfo> = words.iter().map(|w| WordInfo::of(w)).collect();
        let mut out: Vec<u8> = Vec::new();
        for (i, info) in infos.iter().enumerate() {
            if let Some(t) = m.tagdict.get(key32(info.lower)).filter(|&t| t > 0) {
                out.push(t - 1);
                continue;
            }
            let t1 = if i >= 1 { out[i - 1] } else { START };
            let t2 = if i >= 2 { out[i - 2] } else { START };
            let mut features = vec![feat(1, 0)];
            features.extend(word_features(info, u64::from(i == 0)));
            features.extend(context_features(&infos, i));
            features.extend(history_features(info.lower, t1, t2));
            let mut scores = vec![0i32; m.tags.len()];
            for f in features {
                m.add_weights(f, &mut scores);
            }
            let top = *scores.iter().max().unwrap();
            out.push(scores.iter().position(|&s| s == top).unwrap() as u8);
        }
        out
    }

    #[test]
    fn remembered_sums_tag_as_every_lookup_does() {
        let Some(m) = crate::pos::model() else { return };
        let text = "Police fired tear gas at protesters in Nairobi on Tuesday , and the opposition \
                    leader said he would not back down . \" We will march again , \" Odinga told \
                    reporters , who asked whether talks with Ruto 's government had failed .";
        let words: Vec<&str> = text.split_whitespace().collect();
        let mut warm = Scratch::default();
        for round in 0..2 {
            for part in words.chunks(7 + round).chain([&words[..]]) {
                assert_eq!(m.tag_indices(part, &mut warm), tag_by_every_lookup(m, part), "{part:?}");
            }
        }
        assert!(!warm.pairs.sums.is_empty(), "the sums of pairs of tags were kept");
    }

    #[test]
    fn remembered_word_scores_tag_as_fresh_ones_do() {
        let Some(m) = crate::pos::model() else { return };
        let sentences: [&[&str]; 3] = [
            &["Police", "fired", "tear", "gas", "at", "protesters", "in", "Nairobi", "."],
            &["Protesters", "fired", "back", "as", "police", "watched", "."],
            &["Nairobi", "police", "said", "protesters", "had", "fired", "first", "."],
        ];
        let mut warm = Scratch::default();
        for words in sentences.iter().chain(sentences.iter().rev()) {
            assert_eq!(m.tag(words, &mut warm), m.tag(words, &mut Scratch::default()), "{words:?}");
        }
        assert!(!warm.words.rows.is_empty(), "the scores of words were kept");
    }

    #[test]
    fn words_looked_up_ahead_tag_as_every_lookup_does_when_the_cache_starts_afresh() {
        let Some(m) = crate::pos::model() else { return };
        let words: Vec<&str> =
            "Ruto met Odinga , Ruto said , and Odinga nodded twice twice .".split_whitespace().collect();
        for short in 0..6 {
            // the word cache a few words short of full: it starts afresh within the
            // sentence, after the sentence's lookups were made
            let mut s = Scratch::default();
            for k in 0..(WORD_CACHE_ROWS - short) as u64 {
                s.words.rows.insert(k, 0);
            }
            s.words.sums.resize(m.tags.len(), 0);
            assert_eq!(m.tag_indices(&words, &mut s), tag_by_every_lookup(m, &words), "{short}");
            assert!(s.words.rows.len() < WORD_CACHE_ROWS, "{short}: started afresh");
        }
    }
}
