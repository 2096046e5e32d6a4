//! Feature extraction for the NER tagger.
//!
//! Every feature is a 64-bit hash of a template id and the values it combines; the
//! hashes of a word (lowercase form, exact form, shape, prefixes and suffixes) are
//! computed once per token in one pass over its chars, so the hot path allocates
//! nothing per token: the caller owns the buffers and reuses them sentence after
//! sentence.

use super::gazetteer::{Gazetteer, GAZ_CLASSES};
use super::table::IdHasher;
use std::collections::HashMap;
use std::hash::BuildHasherDefault;

/// splitmix64's finaliser: a cheap, well-mixed, platform-independent hash step.
#[inline]
pub(crate) fn mix(mut x: u64) -> u64 {
    x ^= x >> 30;
    x = x.wrapping_mul(0xbf58_476d_1ce4_e5b9);
    x ^= x >> 27;
    x = x.wrapping_mul(0x94d0_49bb_1331_11eb);
    x ^ (x >> 31)
}

const FNV_OFFSET: u64 = 0xcbf2_9ce4_8422_2325;
const FNV_PRIME: u64 = 0x0000_0100_0000_01b3;
const GOLDEN: u64 = 0x9e37_79b9_7f4a_7c15;

#[inline]
fn fnv_char(h: u64, c: char) -> u64 {
    (h ^ c as u64).wrapping_mul(FNV_PRIME)
}

/// A feature from a template and one value.
#[inline]
pub(crate) fn feat(template: u64, value: u64) -> u64 {
    mix(value ^ template.wrapping_mul(GOLDEN))
}

/// A feature from a template and two values.
#[inline]
pub(crate) fn feat2(template: u64, a: u64, b: u64) -> u64 {
    mix(mix(a ^ template.wrapping_mul(GOLDEN)) ^ b.rotate_left(23))
}

/// Lowercase a char cheaply (first char of the full lowercase mapping) and fold
/// digits to '0', so "1996" and "2024" share a form.
#[inline]
fn fold(c: char) -> char {
    if c.is_ascii() {
        if c.is_ascii_digit() {
            '0'
        } else {
            c.to_ascii_lowercase()
        }
    } else if c.is_uppercase() {
        c.to_lowercase().next().unwrap_or(c)
    } else {
        c
    }
}

/// The hash of a word's folded (lowercase, digits as 0) form: the key the
/// gazetteer and the word features share.
pub fn word_key(word: &str) -> u64 {
    word.chars().fold(FNV_OFFSET, |h, c| fnv_char(h, fold(c)))
}

/// The hash of a phrase of word keys (the gazetteer's key for a multi-word name).
#[inline]
pub(crate) fn phrase_step(h: u64, word: u64) -> u64 {
    mix(h ^ word.rotate_left(7)).wrapping_add(GOLDEN)
}

pub(crate) const CAP_INIT: u8 = 1;
pub(crate) const ALL_CAPS: u8 = 2;
pub(crate) const HAS_DIGIT: u8 = 4;
pub(crate) const HAS_LETTER: u8 = 8;
pub(crate) const NO_ALNUM: u8 = 16;
pub(crate) const HAS_LOWER: u8 = 32;

/// Document flags for a word key: written title-case mid-sentence somewhere in the document.
pub const DOC_TITLE: u8 = 1;
/// Written in lowercase somewhere in the document.
pub const DOC_LOWER: u8 = 2;

/// How a document writes its words: word key -> `DOC_TITLE | DOC_LOWER` flags,
/// from sentences of words. Headlines in capitals are left out.
pub fn doc_flags<S: AsRef<str>>(sentences: &[&[S]], out: &mut std::collections::HashMap<u64, u8>) {
    out.clear();
    let mut infos = Vec::new();
    for words in sentences {
        infos.clear();
        infos.extend(words.iter().map(|w| WordInfo::of(w.as_ref())));
        add_doc_flags(&infos, out);
    }
}

/// [`doc_flags`] from the sentences' word infos, computed once by the caller and
/// reused for the tagger's features ([`SentenceFeatures::compute_from_info`]).
pub fn doc_flags_of_info<H: std::hash::BuildHasher>(sentences: &[&[WordInfo]], out: &mut HashMap<u64, u8, H>) {
    out.clear();
    for infos in sentences {
        add_doc_flags(infos, out);
    }
}

fn add_doc_flags<H: std::hash::BuildHasher>(infos: &[WordInfo], out: &mut HashMap<u64, u8, H>) {
    if infos.iter().all(|w| w.flags & HAS_LOWER == 0) {
        return;
    }
    for (i, w) in infos.iter().enumerate() {
        if w.flags & HAS_LETTER == 0 {
            continue;
        }
        let flag = if w.flags & HAS_LOWER != 0 && w.flags & CAP_INIT == 0 {
            DOC_LOWER
        } else if i > 0 && w.flags & CAP_INIT != 0 && w.flags & HAS_LOWER != 0 {
            DOC_TITLE
        } else {
            0
        };
        if flag != 0 {
            *out.entry(w.lower).or_insert(0) |= flag;
        }
    }
}

/// What one pass over a word's chars yields.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct WordInfo {
    pub lower: u64,
    pub form: u64,
    pub shape: u64,
    pub prefix: [u64; 4],
    pub suffix: [u64; 4],
    pub nchars: u8,
    pub flags: u8,
}

impl WordInfo {
    pub fn of(word: &str) -> WordInfo {
        if word.is_ascii() {
            return WordInfo::of_ascii(word.as_bytes());
        }
        let mut lower = FNV_OFFSET;
        let mut form = FNV_OFFSET;
        let mut shape = FNV_OFFSET;
        let mut last_class = '\0';
        let mut shape_len = 0;
        let mut prefix = [0u64; 4];
        let mut tail = ['\0'; 4];
        let mut n = 0usize;
        let (mut upper, mut lowercase, mut digit, mut letter) = (0usize, 0usize, false, false);
        let mut first_upper = false;
        for c in word.chars() {
            // each Unicode property looked up once: a char in Uppercase or Lowercase is
            // Alphabetic (Unicode derives Alphabetic from both), so only others need
            // that table, and Numeric only matters until a digit is seen
            let (is_upper, is_lower, is_alpha, is_num) = if c.is_ascii() {
                let (u, l) = (c.is_ascii_uppercase(), c.is_ascii_lowercase());
                (u, l, u || l, c.is_ascii_digit())
            } else {
                let (u, l) = (c.is_uppercase(), c.is_lowercase());
                let alpha = u || l || c.is_alphabetic();
                // Numeric is needed for the shape of a non-letter and for the digit flag
                let num = (!alpha || !digit) && c.is_numeric();
                (u, l, alpha, num)
            };
            // fold: lowercase cheaply (first char of the full mapping), digits to '0'
            let f = if c.is_ascii() {
                if is_num {
                    '0'
                } else {
                    c.to_ascii_lowercase()
                }
            } else if is_upper {
                c.to_lowercase().next().unwrap_or(c)
            } else {
                c
            };
            lower = fnv_char(lower, f);
            form = fnv_char(form, c);
            let class = if is_upper {
                'X'
            } else if is_alpha {
                'x'
            } else if is_num {
                'd'
            } else {
                c
            };
            if class != last_class && shape_len < 8 {
                shape = fnv_char(shape, class);
                shape_len += 1;
                last_class = class;
            }
            if n < 4 {
                prefix[n] = lower;
            }
            tail[n % 4] = f;
            if is_upper {
                upper += 1;
                if n == 0 {
                    first_upper = true;
                }
            } else if is_lower {
                lowercase += 1;
            }
            letter |= is_alpha;
            digit |= is_num;
            n += 1;
        }
        let mut suffix = [0u64; 4];
        for (k, s) in suffix.iter_mut().enumerate() {
            if k < n {
                // the last k+1 chars, in order
                let mut h = FNV_OFFSET;
                for j in (0..=k).rev() {
                    h = fnv_char(h, tail[(n - 1 - j) % 4]);
                }
                *s = h;
            }
        }
        let mut flags = 0;
        if first_upper {
            flags |= CAP_INIT;
        }
        if upper > 0 && lowercase == 0 {
            flags |= ALL_CAPS;
        }
        if digit {
            flags |= HAS_DIGIT;
        }
        if letter {
            flags |= HAS_LETTER;
        }
        if !letter && !digit {
            flags |= NO_ALNUM;
        }
        if lowercase > 0 {
            flags |= HAS_LOWER;
        }
        WordInfo { lower, form, shape, prefix, suffix, nchars: n.min(255) as u8, flags }
    }

    /// [`WordInfo::of`] a word of ASCII chars only (most of news text), byte by byte:
    /// the same values without decoding chars or asking Unicode tables.
    fn of_ascii(bytes: &[u8]) -> WordInfo {
        #[inline]
        fn fold(b: u8) -> u8 {
            if b.is_ascii_digit() {
                b'0'
            } else {
                b.to_ascii_lowercase()
            }
        }
        #[inline]
        fn step(h: u64, b: u8) -> u64 {
            (h ^ u64::from(b)).wrapping_mul(FNV_PRIME)
        }
        let (mut lower, mut form, mut shape) = (FNV_OFFSET, FNV_OFFSET, FNV_OFFSET);
        // the char before the first is '\0', as in `WordInfo::of`
        let (mut last_class, mut shape_len) = (0u8, 0);
        let mut prefix = [0u64; 4];
        let (mut upper, mut lowercase, mut digits) = (0usize, 0usize, 0usize);
        for (n, &b) in bytes.iter().enumerate() {
            lower = step(lower, fold(b));
            form = step(form, b);
            let class = if b.is_ascii_uppercase() {
                upper += 1;
                b'X'
            } else if b.is_ascii_lowercase() {
                lowercase += 1;
                b'x'
            } else if b.is_ascii_digit() {
                digits += 1;
                b'd'
            } else {
                b
            };
            if class != last_class && shape_len < 8 {
                shape = step(shape, class);
                shape_len += 1;
                last_class = class;
            }
            if n < 4 {
                prefix[n] = lower;
            }
        }
        let n = bytes.len();
        let mut suffix = [0u64; 4];
        for (k, s) in suffix.iter_mut().enumerate().take(n) {
            // the last k+1 chars, in order
            *s = bytes[n - 1 - k..].iter().fold(FNV_OFFSET, |h, &b| step(h, fold(b)));
        }
        let letter = upper + lowercase > 0;
        let mut flags = 0;
        if bytes.first().is_some_and(u8::is_ascii_uppercase) {
            flags |= CAP_INIT;
        }
        if upper > 0 && lowercase == 0 {
            flags |= ALL_CAPS;
        }
        if digits > 0 {
            flags |= HAS_DIGIT;
        }
        if letter {
            flags |= HAS_LETTER;
        }
        if !letter && digits == 0 {
            flags |= NO_ALNUM;
        }
        if lowercase > 0 {
            flags |= HAS_LOWER;
        }
        WordInfo { lower, form, shape, prefix, suffix, nchars: n.min(255) as u8, flags }
    }
}

// Template ids. Changing any of these (or what they combine) changes the model
// format: bump `FEATURE_VERSION` so stale weights are refused.
pub(crate) const FEATURE_VERSION: u32 = 2;
const T_BIAS: u64 = 1;
const T_W0: u64 = 2;
const T_FORM0: u64 = 3;
const T_WM1: u64 = 4;
const T_WP1: u64 = 5;
const T_WM2: u64 = 6;
const T_WP2: u64 = 7;
const T_SH0: u64 = 8;
const T_SHM1: u64 = 9;
const T_SHP1: u64 = 10;
const T_SHM1_0: u64 = 11;
const T_SH0_P1: u64 = 12;
const T_PRE: u64 = 13; // + k (4 ids)
const T_SUF: u64 = 17; // + k (4 ids)
const T_WM1_W0: u64 = 21;
const T_W0_WP1: u64 = 22;
const T_FIRST_SH: u64 = 23;
const T_CAPS_SH: u64 = 24;
const T_CAPS_W0: u64 = 25;
const T_LEN: u64 = 26;
const T_GAZ: u64 = 27;
const T_GAZ_CAP: u64 = 28;
const T_GAZ_M1: u64 = 29;
const T_GAZ_P1: u64 = 30;
const T_FORMM1: u64 = 31;
const T_FORMP1: u64 = 32;
const T_SUFM1: u64 = 33;
const T_SH0_W1: u64 = 34;
const T_DOC_CAP: u64 = 35;
const T_T1: u64 = 40;
const T_T12: u64 = 41;
const T_T1_W0: u64 = 42;
const T_T1_SH0: u64 = 43;
const T_HISTORY: u64 = 44;
const T_AGG: u64 = 45;
const T_AGG_LONG: u64 = 46;

/// Sentence-level inputs to the static features, owned by the caller and reused.
#[derive(Default)]
pub struct SentenceFeatures {
    pub info: Vec<WordInfo>,
    /// Per token and gazetteer class: 0 (no match) or 1 + position (B, I, L, U).
    pub gaz: Vec<[u8; GAZ_CLASSES]>,
    /// Longest match length per token and class, to keep the longest covering match.
    gaz_len: Vec<[u8; GAZ_CLASSES]>,
    /// The gazetteer's buffer of its lookups (see [`Gazetteer::mark`]).
    gaz_probes: Vec<Option<(u32, u32)>>,
    /// Static features, `per_token` of them for each token, flattened.
    pub feats: Vec<u64>,
    pub offsets: Vec<usize>,
    pub all_caps: bool,
}

const BOS: u64 = 0x5157_0a0a_0001;
const EOS: u64 = 0x5157_0a0a_0002;

impl SentenceFeatures {
    /// Compute word infos, gazetteer matches and static features for `words`.
    /// `doc` says, for a word key, how the rest of the document writes it
    /// ([`DOC_TITLE`] mid-sentence, [`DOC_LOWER`]): a document-level feature for
    /// sentence-initial and headline words. Pass `&|_| 0` without a document.
    pub fn compute<S: AsRef<str>>(&mut self, words: &[S], gaz: &Gazetteer, doc: &dyn Fn(u64) -> u8) {
        self.info.clear();
        self.info.extend(words.iter().map(|w| WordInfo::of(w.as_ref())));
        self.compute_static(gaz, doc);
    }

    /// [`SentenceFeatures::compute`] for words whose infos ([`WordInfo::of`]) are
    /// already computed.
    pub fn compute_from_info(&mut self, info: &[WordInfo], gaz: &Gazetteer, doc: &dyn Fn(u64) -> u8) {
        self.info.clear();
        self.info.extend_from_slice(info);
        self.compute_static(gaz, doc);
    }

    /// Gazetteer matches and static features of the words in `self.info`.
    fn compute_static(&mut self, gaz: &Gazetteer, doc: &dyn Fn(u64) -> u8) {
        self.compute_marks(gaz);
        self.compute_features(doc);
    }

    /// [`SentenceFeatures::compute_from_info`] without the static features
    /// (`feats` and `offsets` left empty): the headline flag and the gazetteer
    /// matches, what [`SentenceFeatures::extra_features`] reads.
    pub(crate) fn compute_marks_from_info(&mut self, info: &[WordInfo], gaz: &Gazetteer) {
        self.info.clear();
        self.info.extend_from_slice(info);
        self.compute_marks(gaz);
        self.feats.clear();
        self.offsets.clear();
    }

    /// The static features of every word, after [`SentenceFeatures::compute_marks_from_info`].
    pub(crate) fn compute_features(&mut self, doc: &dyn Fn(u64) -> u8) {
        let n = self.info.len();
        self.feats.clear();
        self.offsets.clear();
        for i in 0..n {
            self.offsets.push(self.feats.len());
            self.token_features(i, doc);
        }
        self.offsets.push(self.feats.len());
    }

    fn compute_marks(&mut self, gaz: &Gazetteer) {
        let n = self.info.len();
        let (mut upper, mut lower) = (0usize, 0usize);
        for w in &self.info {
            if w.flags & HAS_LETTER != 0 {
                if w.flags & HAS_LOWER != 0 {
                    lower += 1;
                } else {
                    upper += 1;
                }
            }
        }
        self.all_caps = upper >= 3 && lower == 0;
        self.gaz.clear();
        self.gaz.resize(n, [0; GAZ_CLASSES]);
        self.gaz_len.clear();
        self.gaz_len.resize(n, [0; GAZ_CLASSES]);
        gaz.mark(&self.info, &mut self.gaz, &mut self.gaz_len, &mut self.gaz_probes);
    }

    fn token_features(&mut self, i: usize, doc: &dyn Fn(u64) -> u8) {
        let info = &self.info;
        let w = info[i];
        let at = |j: isize| -> Option<&WordInfo> { usize::try_from(j).ok().and_then(|j| info.get(j)) };
        let lower_at = |j: isize, edge: u64| at(j).map_or(edge, |x| x.lower);
        let shape_at = |j: isize, edge: u64| at(j).map_or(edge, |x| x.shape);
        let ii = i as isize;
        let out = &mut self.feats;
        let wm1 = lower_at(ii - 1, BOS);
        let wp1 = lower_at(ii + 1, EOS);
        let shm1 = shape_at(ii - 1, BOS);
        let shp1 = shape_at(ii + 1, EOS);
        // the features every word has, appended at once
        out.extend_from_slice(&[
            feat(T_BIAS, 0),
            feat(T_W0, w.lower),
            feat(T_FORM0, w.form),
            feat(T_WM1, wm1),
            feat(T_WP1, wp1),
            feat(T_WM2, lower_at(ii - 2, BOS)),
            feat(T_WP2, lower_at(ii + 2, EOS)),
            feat(T_FORMM1, at(ii - 1).map_or(BOS, |x| x.form)),
            feat(T_FORMP1, at(ii + 1).map_or(EOS, |x| x.form)),
            feat(T_SH0, w.shape),
            feat(T_SHM1, shm1),
            feat(T_SHP1, shp1),
            feat2(T_SHM1_0, shm1, w.shape),
            feat2(T_SH0_P1, w.shape, shp1),
            feat2(T_SH0_W1, w.shape, wp1),
        ]);
        for k in 0..4 {
            if (w.nchars as usize) > k + 1 {
                out.push(feat(T_PRE + k as u64, w.prefix[k]));
                out.push(feat(T_SUF + k as u64, w.suffix[k]));
            }
        }
        if let Some(p) = at(ii - 1) {
            out.push(feat(T_SUFM1, p.suffix[2]));
        }
        out.extend_from_slice(&[feat2(T_WM1_W0, wm1, w.lower), feat2(T_W0_WP1, w.lower, wp1)]);
        if i == 0 {
            out.push(feat(T_FIRST_SH, w.shape));
        }
        if self.all_caps {
            out.push(feat(T_CAPS_SH, w.shape));
            out.push(feat(T_CAPS_W0, w.lower));
        }
        out.push(feat(T_LEN, w.nchars.min(12) as u64));
        push_doc_and_gazetteer(&w, i, self.all_caps, &self.gaz, doc, out);
    }

    /// The static features of token `i`.
    #[inline]
    pub fn of(&self, i: usize) -> &[u64] {
        &self.feats[self.offsets[i]..self.offsets[i + 1]]
    }

    /// The static features of token `i` that are not those of one word alone
    /// ([`own_features`], [`left1_features`], [`right1_features`],
    /// [`left2_features`], [`right2_features`] give the others): pairs of words,
    /// the sentence's first word and headlines, the document flags and the
    /// gazetteer matches. Appended to `out`; together with the others, the same
    /// features as [`SentenceFeatures::of`] gives, in another order.
    pub(crate) fn extra_features(&self, i: usize, doc: &dyn Fn(u64) -> u8, out: &mut Vec<u64>) {
        let info = &self.info;
        let w = info[i];
        let at = |j: isize| -> Option<&WordInfo> { usize::try_from(j).ok().and_then(|j| info.get(j)) };
        let ii = i as isize;
        let wm1 = at(ii - 1).map_or(BOS, |x| x.lower);
        let wp1 = at(ii + 1).map_or(EOS, |x| x.lower);
        let shm1 = at(ii - 1).map_or(BOS, |x| x.shape);
        let shp1 = at(ii + 1).map_or(EOS, |x| x.shape);
        out.extend_from_slice(&[
            feat2(T_SHM1_0, shm1, w.shape),
            feat2(T_SH0_P1, w.shape, shp1),
            feat2(T_SH0_W1, w.shape, wp1),
            feat2(T_WM1_W0, wm1, w.lower),
            feat2(T_W0_WP1, w.lower, wp1),
        ]);
        if i == 0 {
            out.push(feat(T_FIRST_SH, w.shape));
        }
        if self.all_caps {
            out.push(feat(T_CAPS_SH, w.shape));
            out.push(feat(T_CAPS_W0, w.lower));
        }
        push_doc_and_gazetteer(&w, i, self.all_caps, &self.gaz, doc, out);
    }
}

/// The static features of a word that depend on it alone (see
/// [`SentenceFeatures::extra_features`]).
pub(crate) fn own_features(w: &WordInfo, out: &mut Vec<u64>) {
    out.extend_from_slice(&[feat(T_BIAS, 0), feat(T_W0, w.lower), feat(T_FORM0, w.form), feat(T_SH0, w.shape)]);
    for k in 0..4 {
        if (w.nchars as usize) > k + 1 {
            out.push(feat(T_PRE + k as u64, w.prefix[k]));
            out.push(feat(T_SUF + k as u64, w.suffix[k]));
        }
    }
    out.push(feat(T_LEN, w.nchars.min(12) as u64));
}

/// The static features a word gives the word after it (`None`: the first word's,
/// from the sentence start).
pub(crate) fn left1_features(w: Option<&WordInfo>, out: &mut Vec<u64>) {
    match w {
        Some(p) => out.extend_from_slice(&[
            feat(T_WM1, p.lower),
            feat(T_FORMM1, p.form),
            feat(T_SHM1, p.shape),
            feat(T_SUFM1, p.suffix[2]),
        ]),
        None => out.extend_from_slice(&[feat(T_WM1, BOS), feat(T_FORMM1, BOS), feat(T_SHM1, BOS)]),
    }
}

/// The static features a word gives the word before it (`None`: the sentence end's).
pub(crate) fn right1_features(w: Option<&WordInfo>, out: &mut Vec<u64>) {
    let (lower, form, shape) = w.map_or((EOS, EOS, EOS), |x| (x.lower, x.form, x.shape));
    out.extend_from_slice(&[feat(T_WP1, lower), feat(T_FORMP1, form), feat(T_SHP1, shape)]);
}

/// The static feature a word gives the word two after it (`None`: the sentence start's).
pub(crate) fn left2_features(w: Option<&WordInfo>, out: &mut Vec<u64>) {
    out.push(feat(T_WM2, w.map_or(BOS, |x| x.lower)));
}

/// The static feature a word gives the word two before it (`None`: the sentence end's).
pub(crate) fn right2_features(w: Option<&WordInfo>, out: &mut Vec<u64>) {
    out.push(feat(T_WP2, w.map_or(EOS, |x| x.lower)));
}

/// The features of token `i` (its [`WordInfo`] `w`) from the document (how the rest
/// of it writes a capitalised word at a sentence start or in a headline) and from the
/// gazetteer matches on it and on its neighbours, appended to `out`: the last part of
/// both [`SentenceFeatures::token_features`] and [`SentenceFeatures::extra_features`].
fn push_doc_and_gazetteer(
    w: &WordInfo,
    i: usize,
    all_caps: bool,
    gaz: &[[u8; GAZ_CLASSES]],
    doc: &dyn Fn(u64) -> u8,
    out: &mut Vec<u64>,
) {
    if w.flags & CAP_INIT != 0 && (i == 0 || all_caps) {
        let seen = doc(w.lower) as u64;
        out.push(feat(T_DOC_CAP, (seen << 2) | ((i == 0) as u64) << 1 | all_caps as u64));
    }
    // most words are in no list: their gazetteer slots are all zero
    let none = [0u8; GAZ_CLASSES];
    let cap = (w.flags & CAP_INIT != 0) as u64;
    if gaz[i] != none {
        for (c, &pos) in gaz[i].iter().enumerate() {
            if pos != 0 {
                let v = ((c as u64) << 8) | pos as u64;
                out.push(feat(T_GAZ, v));
                out.push(feat2(T_GAZ_CAP, v, cap));
            }
        }
    }
    if i > 0 && gaz[i - 1] != none {
        for (c, &pos) in gaz[i - 1].iter().enumerate() {
            if pos != 0 {
                out.push(feat(T_GAZ_M1, c as u64));
            }
        }
    }
    if let Some(next) = gaz.get(i + 1).filter(|&g| *g != none) {
        for (c, &pos) in next.iter().enumerate() {
            if pos != 0 {
                out.push(feat(T_GAZ_P1, c as u64));
            }
        }
    }
}

/// The features that depend on the tags already chosen (`t1` the previous tag,
/// `t2` the one before; `START` at the sentence start).
#[inline]
pub fn history_features(info: &WordInfo, t1: u8, t2: u8) -> [u64; 4] {
    let [a, b] = tag_features(t1, t2);
    let [c, d] = word_tag_features(info, t1);
    [a, b, c, d]
}

/// Those of [`history_features`] that depend on the tags alone.
#[inline]
pub(crate) fn tag_features(t1: u8, t2: u8) -> [u64; 2] {
    [feat(T_T1, t1 as u64), feat2(T_T12, t1 as u64, t2 as u64)]
}

/// Those of [`history_features`] that depend on the word and the previous tag.
#[inline]
pub(crate) fn word_tag_features(info: &WordInfo, t1: u8) -> [u64; 2] {
    [feat2(T_T1_W0, t1 as u64, info.lower), feat2(T_T1_SH0, t1 as u64, info.shape)]
}

/// What the tagger said earlier in the document about each capitalised word
/// (the "extended prediction history" of Ratinov and Roth 2009): per word key,
/// how often it was tagged O, PER, ORG, LOC and MISC. A name's later, shorter
/// mentions ("Clinton", "Leeds") take their label from the earlier, clearer ones.
#[derive(Default)]
pub struct PredictionHistory {
    counts: HashMap<u64, [u16; 5], BuildHasherDefault<IdHasher>>,
}

/// Where a word stands, for its history features: first in its sentence, in a
/// headline in capitals (where the history is most of the evidence).
#[inline]
pub fn history_context(i: usize, all_caps: bool) -> u64 {
    (i == 0) as u64 | (all_caps as u64) << 1
}

/// At most one history feature per class (O and the four labels).
pub const MAX_HISTORY_FEATURES: usize = 5;

impl PredictionHistory {
    /// Forget the document (call between documents).
    pub fn clear(&mut self) {
        self.counts.clear();
    }

    /// Remember the tags given to a sentence's capitalised words.
    pub fn record(&mut self, info: &[WordInfo], tags: &[u8]) {
        for (w, &t) in info.iter().zip(tags) {
            if w.flags & CAP_INIT != 0 {
                let class = super::model::untag(t).map_or(0, |(label, _)| label + 1);
                let c = self.counts.entry(w.lower).or_insert([0; 5]);
                c[class] = c[class].saturating_add(1);
            }
        }
    }

    /// The history features of a word into `out`; how many. A class the word had
    /// every time, most of the time or some of the time gives a different feature.
    #[inline]
    pub fn features(&self, info: &WordInfo, context: u64, out: &mut [u64; MAX_HISTORY_FEATURES]) -> usize {
        if info.flags & CAP_INIT == 0 || self.counts.is_empty() {
            return 0;
        }
        let Some(c) = self.counts.get(&info.lower) else { return 0 };
        let total: u32 = c.iter().map(|&x| x as u32).sum();
        let mut n = 0;
        for (class, &k) in c.iter().enumerate() {
            if k > 0 {
                out[n] = feat2(T_HISTORY, class as u64, share_bucket(k, total) | context << 2);
                n += 1;
            }
        }
        n
    }
}

/// How much of a word's `total` tags one class's `k` is: all of them (3), at least
/// half (2) or some (1).
#[inline]
fn share_bucket(k: u16, total: u32) -> u64 {
    if k as u32 == total {
        3
    } else if 2 * k as u32 >= total {
        2
    } else {
        1
    }
}

/// What a first pass over the whole document said about each capitalised word
/// (the two-stage "prediction aggregation" of Ratinov and Roth 2009): per word
/// key, how often the first pass tagged it O, PER, ORG, LOC and MISC, and how
/// often it stood inside a name of two words or more, per label. A second pass
/// sees, for each word, what the first said about its other occurrences, before
/// and after it ("Clinton" in a headline, "Bill Clinton" three sentences later).
#[derive(Default)]
pub struct DocAggregate {
    counts: HashMap<u64, [u16; AGG_SLOTS], BuildHasherDefault<IdHasher>>,
}

/// O and the four labels, then per label the first, inner and last word of a longer name.
const AGG_SLOTS: usize = 17;

/// At most one aggregate feature per class and one per label of a longer name.
pub const MAX_AGG_FEATURES: usize = AGG_SLOTS;

/// The aggregate's classes of a word tagged `t` in a sentence tagged `tags`:
/// the class (0 for O, 1 + label) and, for a word inside a name of two words or
/// more, 5 + its label.
#[inline]
fn agg_classes(t: u8) -> (usize, Option<usize>) {
    match super::model::untag(t) {
        None => (0, None),
        Some((label, pos)) => (label + 1, (pos != super::model::U).then_some(5 + 3 * label + pos as usize)),
    }
}

impl DocAggregate {
    pub fn clear(&mut self) {
        self.counts.clear();
    }

    pub fn is_empty(&self) -> bool {
        self.counts.is_empty()
    }

    /// Count the first pass's tags of a sentence's capitalised words.
    pub fn record(&mut self, info: &[WordInfo], tags: &[u8]) {
        for (w, &t) in info.iter().zip(tags) {
            if w.flags & CAP_INIT != 0 {
                let c = self.counts.entry(w.lower).or_insert([0; AGG_SLOTS]);
                let (class, long) = agg_classes(t);
                c[class] = c[class].saturating_add(1);
                if let Some(l) = long {
                    c[l] = c[l].saturating_add(1);
                }
            }
        }
    }

    /// The aggregate features of a word the first pass tagged `own` (its own
    /// occurrence left out) into `out`; how many.
    #[inline]
    pub fn features(&self, info: &WordInfo, own: u8, context: u64, out: &mut [u64; MAX_AGG_FEATURES]) -> usize {
        if info.flags & CAP_INIT == 0 || self.counts.is_empty() {
            return 0;
        }
        let Some(&all) = self.counts.get(&info.lower) else { return 0 };
        let mut c = all;
        let (class, long) = agg_classes(own);
        c[class] = c[class].saturating_sub(1);
        if let Some(l) = long {
            c[l] = c[l].saturating_sub(1);
        }
        let total: u32 = c[..5].iter().map(|&x| x as u32).sum();
        let mut n = 0;
        for (class, &k) in c[..5].iter().enumerate() {
            if k > 0 {
                out[n] = feat2(T_AGG, class as u64, share_bucket(k, total) | context << 2);
                n += 1;
            }
        }
        for (slot, &k) in c[5..].iter().enumerate() {
            if k > 0 {
                out[n] = feat(T_AGG_LONG, slot as u64);
                n += 1;
            }
        }
        n
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// [`WordInfo::of`] as first written, asking each char's properties where used.
    /// The model's weights were trained on these values, so a faster form must give
    /// the same.
    fn info_by_properties(word: &str) -> WordInfo {
        fn shape_class(c: char) -> char {
            if c.is_uppercase() {
                'X'
            } else if c.is_lowercase() || c.is_alphabetic() {
                'x'
            } else if c.is_numeric() {
                'd'
            } else {
                c
            }
        }
        let (mut lower, mut form, mut shape) = (FNV_OFFSET, FNV_OFFSET, FNV_OFFSET);
        let (mut last_class, mut shape_len) = ('\0', 0);
        let (mut prefix, mut tail, mut n) = ([0u64; 4], ['\0'; 4], 0usize);
        let (mut upper, mut lowercase, mut digit, mut letter, mut first_upper) = (0usize, 0usize, false, false, false);
        for c in word.chars() {
            let f = fold(c);
            lower = fnv_char(lower, f);
            form = fnv_char(form, c);
            let class = shape_class(c);
            if class != last_class && shape_len < 8 {
                shape = fnv_char(shape, class);
                shape_len += 1;
                last_class = class;
            }
            if n < 4 {
                prefix[n] = lower;
            }
            tail[n % 4] = f;
            if c.is_uppercase() {
                upper += 1;
                first_upper |= n == 0;
            } else if c.is_lowercase() {
                lowercase += 1;
            }
            letter |= c.is_alphabetic();
            digit |= c.is_numeric();
            n += 1;
        }
        let mut suffix = [0u64; 4];
        for (k, s) in suffix.iter_mut().enumerate().take(n) {
            let mut h = FNV_OFFSET;
            for j in (0..=k).rev() {
                h = fnv_char(h, tail[(n - 1 - j) % 4]);
            }
            *s = h;
        }
        let mut flags = 0;
        for (on, flag) in [
            (first_upper, CAP_INIT),
            (upper > 0 && lowercase == 0, ALL_CAPS),
            (digit, HAS_DIGIT),
            (letter, HAS_LETTER),
            (!letter && !digit, NO_ALNUM),
            (lowercase > 0, HAS_LOWER),
        ] {
            if on {
                flags |= flag;
            }
        }
        WordInfo { lower, form, shape, prefix, suffix, nchars: n.min(255) as u8, flags }
    }

    #[test]
    fn word_info_matches_the_trained_definition() {
        // every char on its own, then with a letter and a digit on either side
        for c in (0..=0x10ffffu32).filter_map(char::from_u32) {
            let one = c.to_string();
            assert_eq!(WordInfo::of(&one), info_by_properties(&one), "{c:?} U+{:04X}", c as u32);
        }
        for c in (0..=0x10ffffu32).step_by(7).filter_map(char::from_u32) {
            for w in [format!("a{c}"), format!("{c}1"), format!("1{c}Z"), format!("{c}{c}{c}{c}{c}")] {
                assert_eq!(WordInfo::of(&w), info_by_properties(&w), "{w:?}");
            }
        }
        for w in [
            "",
            "Merkel",
            "U.S.",
            "NATO's",
            "1996",
            "COVID-19",
            "Ⅻ1",
            "1Ⅻ",
            "٣a٣",
            "ǅemal",
            "İstanbul",
            "ΑΘΗΝΑ",
            "Straße",
            "Ⅷ世界ⅷ",
            "x²",
            "ª1",
            "ab12cd34ef56gh78ij",
        ] {
            assert_eq!(WordInfo::of(w), info_by_properties(w), "{w:?}");
        }
    }

    #[test]
    fn ascii_words_take_the_byte_path_with_the_same_values() {
        // every word of one or two ASCII chars and every three-char word of a sample
        // of them, then long words (past eight shape changes and 255 chars)
        let ascii: Vec<char> = (0u8..128).map(char::from).collect();
        let sample: Vec<char> = "aZ0 .-'_\u{0}\u{7f}Qq9".chars().collect();
        let mut words: Vec<String> = ascii.iter().map(|c| c.to_string()).collect();
        for &a in &ascii {
            for &b in &ascii {
                words.push([a, b].iter().collect());
            }
        }
        for &a in &sample {
            for &b in &ascii {
                for &c in &sample {
                    words.push([a, b, c].iter().collect());
                }
            }
        }
        words.extend(
            ["aB1-cD2.eF3_gH4", "Mc'Donald's", "x".repeat(300).as_str(), "A1".repeat(200).as_str()].map(String::from),
        );
        for w in &words {
            assert!(w.is_ascii());
            assert_eq!(WordInfo::of(w), info_by_properties(w), "{w:?}");
        }
    }

    #[test]
    fn word_info_shapes_and_flags() {
        let a = WordInfo::of("Merkel");
        let b = WordInfo::of("Macron");
        assert_eq!(a.shape, b.shape, "Xx for both");
        assert_ne!(a.lower, b.lower);
        assert_eq!(a.flags & CAP_INIT, CAP_INIT);
        assert_eq!(WordInfo::of("U.S.").shape, WordInfo::of("A.B.").shape);
        assert_ne!(WordInfo::of("U.S.").shape, WordInfo::of("US").shape);
        assert_eq!(WordInfo::of("NATO").flags & ALL_CAPS, ALL_CAPS);
        assert_eq!(WordInfo::of(",").flags & NO_ALNUM, NO_ALNUM);
        // lowercase and digit folding
        assert_eq!(WordInfo::of("PARIS").lower, WordInfo::of("paris").lower);
        assert_eq!(WordInfo::of("1996").lower, WordInfo::of("2024").lower);
        assert_eq!(word_key("Paris"), WordInfo::of("paris").lower);
    }

    #[test]
    fn prefixes_and_suffixes() {
        let a = WordInfo::of("Berliner");
        let b = WordInfo::of("Londoner");
        assert_eq!(a.suffix[1], b.suffix[1], "-er");
        assert_eq!(a.suffix[2], b.suffix[2], "-ner");
        assert_ne!(a.suffix[3], b.suffix[3], "-iner vs -oner");
        assert_eq!(WordInfo::of("Berlin").prefix[3], WordInfo::of("berliner").prefix[3]);
        // a suffix of the whole word equals the word's lowercase hash
        assert_eq!(WordInfo::of("abc").suffix[2], WordInfo::of("ABC").lower);
        // short words and non-ASCII do not panic
        assert_eq!(WordInfo::of("é").nchars, 1);
        assert_eq!(WordInfo::of("").nchars, 0);
    }

    #[test]
    fn prediction_history_remembers_capitalised_words_per_document() {
        use super::super::model::{tag, U};
        let info: Vec<WordInfo> = ["Leeds", "beat", "Chelsea"].iter().map(|w| WordInfo::of(w)).collect();
        let mut h = PredictionHistory::default();
        let mut out = [0u64; MAX_HISTORY_FEATURES];
        assert_eq!(h.features(&info[0], 0, &mut out), 0, "nothing seen yet");
        h.record(&info, &[tag(1, U), 0, tag(1, U)]);
        let leeds = WordInfo::of("LEEDS");
        assert_eq!(h.features(&leeds, 0, &mut out), 1, "seen once, as ORG, in any case");
        let always = out[0];
        assert_eq!(h.features(&info[1], 0, &mut out), 0, "lowercase words are not remembered");
        h.record(&info[..1], &[tag(2, U)]);
        assert_eq!(h.features(&info[0], 0, &mut out), 2, "ORG once, LOC once");
        assert!(!out[..2].contains(&always), "a label seen half the time is another feature");
        assert_ne!(h.features(&info[0], 1, &mut out), 0);
        h.clear();
        assert_eq!(h.features(&info[0], 0, &mut out), 0, "a new document");
    }

    #[test]
    fn document_aggregate_leaves_out_the_word_itself() {
        use super::super::model::{tag, B, L, U};
        let head: Vec<WordInfo> = ["CLINTON", "WINS"].iter().map(|w| WordInfo::of(w)).collect();
        let body: Vec<WordInfo> = ["Bill", "Clinton", "won", "."].iter().map(|w| WordInfo::of(w)).collect();
        let mut a = DocAggregate::default();
        let mut out = [0u64; MAX_AGG_FEATURES];
        assert_eq!(a.features(&head[0], 0, 0, &mut out), 0, "nothing recorded");
        a.record(&head, &[0, 0]);
        assert_eq!(a.features(&head[0], 0, 0, &mut out), 0, "its only occurrence is its own");
        a.record(&body, &[tag(0, B), tag(0, L), 0, 0]);
        // the headline word sees the body's PER, last word of a longer name
        assert_eq!(a.features(&head[0], 0, 2, &mut out), 2);
        let from_head = out[..2].to_vec();
        // the body's word sees the headline's O, and nothing of its own
        assert_eq!(a.features(&body[1], tag(0, L), 0, &mut out), 1);
        assert!(!from_head.contains(&out[0]));
        assert_eq!(a.features(&body[2], 0, 0, &mut out), 0, "lowercase words have none");
        a.record(&head[..1], &[tag(0, U)]);
        assert_eq!(a.features(&head[0], 0, 0, &mut out), 2, "PER every time, and in a longer name");
        a.clear();
        assert!(a.is_empty());
    }

    fn n_words_without_names(words: &[&str]) -> bool {
        !words.iter().any(|w| ["York", "BERLIN", "Paris"].contains(w))
    }

    #[test]
    fn word_and_extra_features_are_the_static_features() {
        // the compiled-in gazetteer, so that the gazetteer features are there
        let gaz = super::super::model().expect("data/ner/model.bin loads").gazetteer();
        let gaz_words: Vec<u64> = ["paris", "turkey"].iter().map(|w| word_key(w)).collect();
        let texts: [&[&str]; 5] = [
            &["Angela", "Merkel", "met", "officials", "in", "New", "York", "on", "Friday", "."],
            &["A"],
            &["TURKEY", "'S", "LEADER", "VISITS", "BERLIN"],
            &["1996", "-", "x", "é"],
            &["Paris", "Paris"],
        ];
        let doc = |k: u64| if gaz_words.contains(&k) { 3 } else { 1 };
        for words in texts {
            let mut f = SentenceFeatures::default();
            f.compute(words, gaz, &doc);
            assert!(f.gaz.iter().any(|g| g.iter().any(|&p| p != 0)) || n_words_without_names(words));
            let mut g = SentenceFeatures::default();
            g.compute_marks_from_info(&f.info, gaz);
            assert!(g.feats.is_empty());
            let n = words.len();
            for i in 0..n {
                let mut mine = Vec::new();
                own_features(&f.info[i], &mut mine);
                left1_features(i.checked_sub(1).map(|j| &f.info[j]), &mut mine);
                right1_features(f.info.get(i + 1), &mut mine);
                left2_features(i.checked_sub(2).map(|j| &f.info[j]), &mut mine);
                right2_features(f.info.get(i + 2), &mut mine);
                g.extra_features(i, &doc, &mut mine);
                let mut all = f.of(i).to_vec();
                mine.sort_unstable();
                all.sort_unstable();
                assert_eq!(mine, all, "{words:?} {i}");
            }
            g.compute_features(&doc);
            assert_eq!(g.feats, f.feats);
        }
    }

    #[test]
    fn static_features_depend_on_context() {
        let gaz = Gazetteer::default();
        let mut f = SentenceFeatures::default();
        f.compute(&["Angela", "Merkel", "spoke"], &gaz, &|_| 0);
        assert_eq!(f.offsets.len(), 4);
        let first: Vec<u64> = f.of(0).to_vec();
        let mut g = SentenceFeatures::default();
        g.compute(&["Angela", "Merkel", "left"], &gaz, &|_| 0);
        // token 0 sees w+2, so its features differ; token 1 sees w+1
        assert_ne!(first, g.of(0).to_vec());
        assert_eq!(f.of(0)[..3], g.of(0)[..3], "bias, word and form agree");
        // deterministic
        let mut h = SentenceFeatures::default();
        h.compute(&["Angela", "Merkel", "spoke"], &gaz, &|_| 0);
        assert_eq!(f.feats, h.feats);
    }
}
