//! Word normalisation and phrase lookup shared by the actor, agent and verb
//! dictionaries: dictionary phrases and sentence tokens go through the same
//! [`normalize_word`], then phrases are matched longest-first over word ids.

use std::collections::{HashMap, HashSet};
use std::sync::OnceLock;

/// A fast hash with a fixed seed for the coder's lookups by word and word id (std's
/// SipHash resists flooding, which dictionary words and sentence tokens do not need).
pub(crate) type FastMap<K, V> = HashMap<K, V, foldhash::fast::FixedState>;

/// Lower-case a word and fold typographic apostrophes; hyphens and underscores
/// separate words and are handled by [`phrase_words`].
pub fn normalize_word(w: &str) -> String {
    let mut out = String::with_capacity(w.len());
    normalize_word_into(w, &mut out);
    out
}

/// [`normalize_word`] written into `out` (cleared first), so a caller can reuse one buffer.
pub fn normalize_word_into(w: &str, out: &mut String) {
    out.clear();
    if w.is_ascii() {
        // most words are ASCII: copied whole and lower-cased in place, no per-character
        // case tables (a push per character checks capacity and encodes each); a
        // backtick, rare, is replaced after
        out.push_str(w);
        out.make_ascii_lowercase();
        if w.as_bytes().contains(&b'`') {
            *out = out.replace('`', "'");
        }
        return;
    }
    for c in w.chars() {
        match c {
            '\u{2019}' | '\u{2018}' | '`' => out.push('\''),
            _ => out.extend(c.to_lowercase()),
        }
    }
}

/// Is `w` one of the words of `list`? (`<[&str]>::contains`, but an entry is compared
/// byte by byte only when its length and first byte are `w`'s: the library's comparison
/// calls `memcmp` for every entry of `w`'s length, and the rules look most words of a
/// sentence up in a list or two that do not have them.)
#[inline]
pub fn listed(list: &[&str], w: &str) -> bool {
    let b = w.as_bytes();
    list.iter().any(|x| x.len() == b.len() && x.as_bytes().first() == b.first() && x.as_bytes() == b)
}

/// Word lists the rules look many words up in, as one hash set made on first use: a
/// look-up hashes the word once instead of comparing it with each of dozens of entries.
pub struct WordSet {
    lists: &'static [&'static [&'static str]],
    set: OnceLock<WordSetInner>,
}

/// The hash set of a [`WordSet`], with the lengths and first bytes of its words: most
/// words looked up are in no set, and one whose length or first byte no entry has is
/// passed over without hashing it.
struct WordSetInner {
    set: HashSet<&'static str, foldhash::fast::FixedState>,
    /// Bit `n` set: a word of `n` bytes is in the set (words of 63 bytes or more set bit 63).
    lengths: u64,
    /// Bit `b` set: a word starting with byte `b` is in the set.
    firsts: [u64; 4],
}

impl WordSet {
    /// The words of all of `lists`.
    pub const fn new(lists: &'static [&'static [&'static str]]) -> WordSet {
        WordSet { lists, set: OnceLock::new() }
    }

    #[inline]
    pub fn contains(&self, w: &str) -> bool {
        let inner = self.set.get_or_init(|| {
            let set: HashSet<&'static str, foldhash::fast::FixedState> =
                self.lists.iter().flat_map(|l| l.iter().copied()).collect();
            let mut lengths = 0u64;
            let mut firsts = [0u64; 4];
            for x in &set {
                lengths |= 1 << x.len().min(63);
                if let Some(&b) = x.as_bytes().first() {
                    firsts[b as usize / 64] |= 1 << (b % 64);
                }
            }
            WordSetInner { set, lengths, firsts }
        });
        let b = w.as_bytes();
        if inner.lengths & (1 << b.len().min(63)) == 0 {
            return false;
        }
        if let Some(&c) = b.first() {
            if inner.firsts[c as usize / 64] & (1 << (c % 64)) == 0 {
                return false;
            }
        }
        inner.set.contains(w)
    }
}

/// Is `w` its own [`normalize_word`] by the quick test (lower-case ASCII without a backtick)?
/// (One table read per byte: asked of every word of every sentence.)
#[inline]
pub fn is_normal(w: &str) -> bool {
    w.bytes().all(|b| NORMAL_BYTES[b as usize])
}

/// The bytes [`is_normal`] accepts: ASCII but capitals and the backtick.
const NORMAL_BYTES: [bool; 256] = {
    let mut table = [false; 256];
    let mut b = 0;
    while b < 128 {
        table[b] = !(b as u8).is_ascii_uppercase() && b != b'`' as usize;
        b += 1;
    }
    table
};

/// Split a dictionary phrase ("BASHAR_AL-ASSAD", "Recep Tayyip Erdogan") into
/// normalised words the way sentence tokens are normalised: a possessive "'s" ending a
/// word is a word of its own, as the tokenizer makes it ("People's Republic of China").
pub fn phrase_words(phrase: &str) -> Vec<String> {
    let mut out = Vec::new();
    for_each_phrase_word(phrase, |w| out.push(w.to_string()));
    out
}

/// `f` on each word of [`phrase_words`]`(phrase)` in order, normalised into one reused
/// buffer (no `String` per word).
fn for_each_phrase_word(phrase: &str, mut f: impl FnMut(&str)) {
    let mut buf = String::new();
    for w in phrase.split(|c: char| c == '_' || c == '-' || c == '\u{2013}' || c.is_whitespace()) {
        if w.is_empty() {
            continue;
        }
        normalize_word_into(w, &mut buf);
        match buf.strip_suffix("'s") {
            Some(stem) if !stem.is_empty() => {
                f(stem);
                f("'s");
            }
            _ if !buf.is_empty() => f(&buf),
            _ => {}
        }
    }
}

/// Interned word ids, so phrase matching compares integers.
#[derive(Default, Debug)]
pub struct Vocab {
    ids: FastMap<String, u32>,
    /// By id: the ids of the pattern words that match the word (as
    /// [`crate::sentence::Words`] lists them per word), found once by
    /// [`crate::sentence::index_forms`] so that a sentence's known words need no stem
    /// lookups; empty until then, and emptied when a word is added (ids past its end
    /// are looked up as before).
    forms: Vec<[u32; crate::sentence::MAX_FORMS]>,
    /// By id: the word's classes ([`crate::sentence::word_flags`]), found with `forms`.
    flags: Vec<u16>,
    /// The ids of the one-byte ASCII words by byte ([`UNKNOWN`]: not in the vocabulary),
    /// made as they are interned (empty while there is none): punctuation and "a" are
    /// many of a sentence's words, and an array read replaces their hash look-up.
    single: Vec<u32>,
}

pub const UNKNOWN: u32 = u32::MAX;

impl Vocab {
    pub fn intern(&mut self, w: &str) -> u32 {
        if let Some(&id) = self.ids.get(w) {
            return id;
        }
        let id = self.ids.len() as u32;
        self.ids.insert(w.to_string(), id);
        if let &[b] = w.as_bytes() {
            if b.is_ascii() {
                self.single.resize(128, UNKNOWN);
                self.single[b as usize] = id;
            }
        }
        // (a new word may be another's stem: the forms found are out of date)
        self.forms.clear();
        self.flags.clear();
        id
    }

    /// The ids of [`phrase_words`]`(phrase)`, interned, appended to `out`: the same
    /// words without a `String` for each (one buffer is reused, and a word already
    /// known is only looked up). Dictionary loading interns every name this way.
    pub fn intern_phrase(&mut self, phrase: &str, out: &mut Vec<u32>) {
        for_each_phrase_word(phrase, |w| out.push(self.intern(w)));
    }

    /// The forms [`crate::sentence::index_forms`] found for word `id`, if it has.
    pub(crate) fn forms_of(&self, id: u32) -> Option<&[u32; crate::sentence::MAX_FORMS]> {
        self.forms.get(id as usize)
    }

    /// Every word with its id (in no particular order).
    pub(crate) fn words(&self) -> impl Iterator<Item = (&str, u32)> + '_ {
        self.ids.iter().map(|(w, &id)| (w.as_str(), id))
    }

    pub(crate) fn set_forms(&mut self, forms: Vec<[u32; crate::sentence::MAX_FORMS]>, flags: Vec<u16>) {
        self.forms = forms;
        self.flags = flags;
    }

    /// The classes [`crate::sentence::index_forms`] found for word `id`, if it has.
    #[inline]
    pub(crate) fn flags_of(&self, id: u32) -> Option<u16> {
        self.flags.get(id as usize).copied()
    }

    pub(crate) fn len(&self) -> usize {
        self.ids.len()
    }

    #[inline]
    pub fn get(&self, w: &str) -> u32 {
        // (a one-byte word is read from its table: the map has it only if the table does)
        if let &[b] = w.as_bytes() {
            return self.single.get(b as usize).copied().unwrap_or(UNKNOWN);
        }
        self.get_hashed(w)
    }

    /// [`Vocab::get`] by the hash map.
    fn get_hashed(&self, w: &str) -> u32 {
        self.ids.get(w).copied().unwrap_or(UNKNOWN)
    }

    /// The vocabulary's own copy of `w` and its id, if it has `w`.
    pub fn get_word(&self, w: &str) -> Option<(&str, u32)> {
        self.ids.get_key_value(w).map(|(k, &id)| (k.as_str(), id))
    }
}

/// A set of word ids, one bit per id: membership without a hash lookup.
#[derive(Debug, Default)]
pub struct IdSet {
    bits: Vec<u64>,
}

impl IdSet {
    pub fn insert(&mut self, id: u32) {
        let slot = id as usize / 64;
        if slot >= self.bits.len() {
            self.bits.resize(slot + 1, 0);
        }
        self.bits[slot] |= 1 << (id % 64);
    }

    pub fn contains(&self, id: u32) -> bool {
        self.bits.get(id as usize / 64).is_some_and(|bits| bits & (1 << (id % 64)) != 0)
    }
}

/// Phrases (word-id sequences) mapped to values, looked up longest-first: a trie
/// over word ids, so a lookup follows the sentence's words one by one and stops as
/// soon as no phrase continues that way.
#[derive(Debug)]
pub struct PhraseIndex<T> {
    /// (node, next word id) -> child node; node 0 is the root.
    edges: FastMap<u64, u32>,
    /// The value of the phrase that ends at each node.
    values: Vec<Option<T>>,
    /// A bit for each word id below [`TRACKED`] that starts a phrase: most words start
    /// none, and the bit says so without a hash lookup.
    starts: Vec<u64>,
    /// Does some phrase start with an id from [`TRACKED`] on (none of the dictionaries'
    /// does; the words outside the vocabulary, [`UNKNOWN`], are such ids)?
    untracked_starts: bool,
    /// The root's children by word id (0: none), made by [`PhraseIndex::index_root`] for
    /// the dictionaries: every lookup takes the first step, and an array read replaces
    /// its hash lookup. Empty otherwise (and emptied when a phrase is added).
    root: Vec<u32>,
}

impl<T> Default for PhraseIndex<T> {
    fn default() -> Self {
        PhraseIndex {
            edges: FastMap::default(),
            values: vec![None],
            starts: Vec::new(),
            untracked_starts: false,
            root: Vec::new(),
        }
    }
}

/// Word ids from here on (far more than the dictionaries' words, and [`UNKNOWN`]) have
/// no start bit; phrases starting with one are looked up directly, if there are any.
const TRACKED: u32 = 1 << 20;

fn edge(node: u32, word: u32) -> u64 {
    (u64::from(node) << 32) | u64::from(word)
}

impl<T> PhraseIndex<T> {
    /// Add a phrase. A phrase added again replaces the earlier value, so later
    /// dictionaries (supplements, user files) override earlier ones.
    pub fn insert(&mut self, words: &[u32], value: T) {
        let Some(&first) = words.first() else {
            return;
        };
        if first < TRACKED {
            let slot = first as usize / 64;
            if slot >= self.starts.len() {
                self.starts.resize(slot + 1, 0);
            }
            self.starts[slot] |= 1 << (first % 64);
        } else {
            self.untracked_starts = true;
        }
        // (the root's table is out of date)
        self.root = Vec::new();
        let mut node = 0;
        for &w in words {
            let next = self.values.len() as u32;
            node = *self.edges.entry(edge(node, w)).or_insert(next);
            if node == next {
                self.values.push(None);
            }
        }
        self.values[node as usize] = Some(value);
    }

    /// Make the table of the root's children (see [`PhraseIndex::root`]), when every
    /// phrase starts with a tracked id (the table is as long as the largest).
    pub fn index_root(&mut self) {
        self.root = Vec::new();
        if self.untracked_starts {
            return;
        }
        let mut root = vec![0u32; self.starts.len() * 64];
        for (&e, &child) in &self.edges {
            if e >> 32 == 0 {
                root[(e & 0xFFFF_FFFF) as usize] = child;
            }
        }
        self.root = root;
    }

    /// The child of `node` by word `w`.
    #[inline]
    fn child(&self, node: u32, w: u32) -> Option<u32> {
        if node == 0 && !self.root.is_empty() {
            // (no phrase starts with an id past the table)
            return self.root.get(w as usize).copied().filter(|&c| c != 0);
        }
        self.edges.get(&edge(node, w)).copied()
    }

    /// The phrases starting at `words[at]`, shortest first: (number of words, value).
    fn matches_at<'s, 'w>(
        &'s self,
        words: &'w [u32],
        at: usize,
    ) -> impl Iterator<Item = (usize, &'s T)> + use<'s, 'w, T> {
        let mut node = 0u32;
        words
            .get(at..)
            .unwrap_or_default()
            .iter()
            .enumerate()
            .map_while(move |(k, &w)| {
                node = self.child(node, w)?;
                Some((k + 1, self.values[node as usize].as_ref()))
            })
            .filter_map(|(n, v)| v.map(|v| (n, v)))
    }

    /// The longest phrase starting at `words[at]`: (number of words, value).
    /// (Inlined: most words start no phrase, and the start bit says so without a call.)
    #[inline]
    pub fn longest_at(&self, words: &[u32], at: usize) -> Option<(usize, &T)> {
        let first = *words.get(at)?;
        if first < TRACKED && self.starts.get(first as usize / 64).is_none_or(|bits| bits & (1 << (first % 64)) == 0) {
            return None;
        }
        // (a word outside the vocabulary starts a phrase of no dictionary)
        if first >= TRACKED && !self.untracked_starts {
            return None;
        }
        self.longest_from(words, at)
    }

    #[inline(never)]
    fn longest_from(&self, words: &[u32], at: usize) -> Option<(usize, &T)> {
        self.matches_at(words, at).last()
    }

    /// Every phrase starting at `words[at]`, longest first.
    pub fn all_at<'a>(&'a self, words: &'a [u32], at: usize) -> impl Iterator<Item = (usize, &'a T)> + 'a {
        let mut all: Vec<(usize, &T)> = self.matches_at(words, at).collect();
        all.reverse();
        all.into_iter()
    }

    pub fn len(&self) -> usize {
        self.values.iter().filter(|v| v.is_some()).count()
    }

    pub fn is_empty(&self) -> bool {
        self.edges.is_empty()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn listed_finds_the_same_words_as_contains() {
        // entries sharing a length, a first letter, both or neither with the words
        // looked up, an empty entry and a non-ASCII one
        let list: &[&str] = &["", "on", "of", "over", "near", "naïve", "towards"];
        for w in ["", "on", "of", "or", "in", "over", "oven", "near", "neat", "naïve", "naive", "toward", "towards"] {
            assert_eq!(listed(list, w), list.contains(&w), "{w:?}");
        }
        assert!(!listed(&[], "on"));
    }

    #[test]
    fn a_word_set_holds_the_words_of_all_its_lists() {
        static SET: WordSet = WordSet::new(&[&["over", "near"], &["towards", ""]]);
        for w in ["over", "near", "towards", ""] {
            assert!(SET.contains(w), "{w:?}");
        }
        for w in ["ove", "nearly", "toward", "on"] {
            assert!(!SET.contains(w), "{w:?}");
        }
        // words sharing a length, a first byte or both with an entry are still hashed;
        // a long entry and a non-ASCII one are found past the length and first-byte test
        static LONG: WordSet =
            WordSet::new(&[&["internationalisation-of-the-conflict-and-its-consequences-abroad", "été"]]);
        for w in ["internationalisation-of-the-conflict-and-its-consequences-abroad", "été"] {
            assert!(LONG.contains(w), "{w:?}");
        }
        for w in ["internationalisation-of-the-conflict-and-its-consequences-abroax", "éta", "", "x"] {
            assert!(!LONG.contains(w), "{w:?}");
        }
        for w in ["oven", "neat", "towardz", "over ", "nea"] {
            assert!(!SET.contains(w), "{w:?}");
        }
    }

    #[test]
    fn phrases_normalise_like_tokens() {
        assert_eq!(phrase_words("BASHAR_AL-ASSAD_"), vec!["bashar", "al", "assad"]);
        assert_eq!(phrase_words("Recep  Tayyip Erdoğan"), vec!["recep", "tayyip", "erdoğan"]);
        assert_eq!(normalize_word("Assad\u{2019}s"), "assad's");
        // a possessive is its own word, as the tokenizer has it
        assert_eq!(phrase_words("People's Republic of China"), vec!["people", "'s", "republic", "of", "china"]);
        assert_eq!(phrase_words("KURDISTAN_WORKERS\u{2019}S_PARTY"), vec!["kurdistan", "workers", "'s", "party"]);
        // the ASCII fast path and the general path agree
        assert_eq!(normalize_word("ISN`T"), "isn't");
        assert_eq!(normalize_word("ISN`T\u{e9}"), "isn't\u{e9}");
        assert_eq!(normalize_word("Kyiv-BASED"), "kyiv-based");
        let mut buf = String::from("left over");
        for w in ["said", "Said", "isn`t", "caf\u{e9}", "it\u{2019}s", "-", "2025", "ISN`T\u{e9}", "Kyiv-BASED", ""] {
            // (the quick test never calls a word normal that normalising changes)
            if is_normal(w) {
                assert_eq!(normalize_word(w), w);
            }
            normalize_word_into(w, &mut buf);
            assert_eq!(buf, normalize_word(w), "{w:?}");
        }
        assert!(is_normal("said"));
        // the table against the test it stands for, on every byte
        for b in 0..=255u8 {
            assert_eq!(NORMAL_BYTES[b as usize], b.is_ascii() && !b.is_ascii_uppercase() && b != b'`', "{b}");
        }
    }

    /// A one-byte word is found by the table as the map finds it, interned or not.
    #[test]
    fn one_byte_words_are_found_as_the_map_finds_them() {
        let mut vocab = Vocab::default();
        assert_eq!(vocab.get(","), UNKNOWN);
        for w in ["said", ",", "a", "'s", ".", "z", "-"] {
            vocab.intern(w);
        }
        for b in 0..128u8 {
            let w = char::from(b).to_string();
            assert_eq!(vocab.get(&w), vocab.get_hashed(&w), "{w:?}");
        }
        assert_eq!(vocab.get("a"), vocab.get_hashed("a"));
        assert_ne!(vocab.get("a"), UNKNOWN);
        assert_eq!(vocab.get("said"), vocab.get_hashed("said"));
    }

    #[test]
    fn interned_phrases_are_the_interned_phrase_words() {
        let phrases = [
            "BASHAR_AL-ASSAD_",
            "Recep  Tayyip Erdo\u{11f}an",
            "People's Republic of China",
            "KURDISTAN_WORKERS\u{2019}S_PARTY",
            "'s",
            "it's 's x's",
            "ISN`T \u{2013} caf\u{e9}\u{a0}au lait",
            "",
            " _-",
            "bashar al assad",
        ];
        let (mut a, mut b) = (Vocab::default(), Vocab::default());
        for p in phrases {
            let want: Vec<u32> = phrase_words(p).iter().map(|w| a.intern(w)).collect();
            let mut got = vec![7];
            b.intern_phrase(p, &mut got);
            assert_eq!(got[1..], want[..], "{p:?}");
        }
        let mut words_a: Vec<(&str, u32)> = a.words().collect();
        let mut words_b: Vec<(&str, u32)> = b.words().collect();
        words_a.sort();
        words_b.sort();
        assert_eq!(words_a, words_b);
    }

    #[test]
    fn id_sets_hold_what_was_inserted() {
        let mut set = IdSet::default();
        for id in [0, 63, 64, 1000] {
            set.insert(id);
        }
        for id in [0, 63, 64, 1000] {
            assert!(set.contains(id));
        }
        for id in [1, 62, 65, 999, 1001, 100_000, UNKNOWN] {
            assert!(!set.contains(id));
        }
    }

    #[test]
    fn longest_match_wins_and_later_insert_overrides() {
        let mut v = Vocab::default();
        let ids = |v: &mut Vocab, s: &str| phrase_words(s).iter().map(|w| v.intern(w)).collect::<Vec<_>>();
        let mut idx = PhraseIndex::default();
        let a = ids(&mut v, "vladimir putin");
        let b = ids(&mut v, "vladimir");
        idx.insert(&b, "short");
        idx.insert(&a, "long");
        let text = ids(&mut v, "president vladimir putin said");
        assert_eq!(idx.longest_at(&text, 1), Some((2, &"long")));
        assert_eq!(idx.longest_at(&text, 0), None);
        idx.insert(&a, "override");
        assert_eq!(idx.longest_at(&text, 1), Some((2, &"override")));
        assert_eq!(idx.all_at(&text, 1).count(), 2);
        assert_eq!(idx.longest_at(&[UNKNOWN], 0), None);
        // ids the start bits do not track are still found
        let mut far = PhraseIndex::default();
        far.insert(&[UNKNOWN], "unknown");
        far.insert(&[TRACKED + 5, 1], "far");
        assert_eq!(far.longest_at(&[UNKNOWN], 0), Some((1, &"unknown")));
        assert_eq!(far.longest_at(&[TRACKED + 5, 1], 0), Some((2, &"far")));
        assert_eq!(far.longest_at(&[3], 0), None);
    }

    #[test]
    fn the_root_table_finds_what_the_edges_find() {
        let mut v = Vocab::default();
        let ids = |v: &mut Vocab, s: &str| phrase_words(s).iter().map(|w| v.intern(w)).collect::<Vec<_>>();
        let mut idx = PhraseIndex::default();
        for (n, p) in ["red cross", "red", "blue river authority", "green party of the north"].iter().enumerate() {
            let p = ids(&mut v, p);
            idx.insert(&p, n);
        }
        let text = ids(&mut v, "the red cross and the blue river authority met the green party of the north red");
        let before: Vec<_> = (0..text.len() + 1).map(|i| idx.longest_at(&text, i).map(|(n, &x)| (n, x))).collect();
        idx.index_root();
        assert!(!idx.root.is_empty());
        let after: Vec<_> = (0..text.len() + 1).map(|i| idx.longest_at(&text, i).map(|(n, &x)| (n, x))).collect();
        assert_eq!(before, after);
        assert_eq!(after[1], Some((2, 0)));
        assert_eq!(idx.longest_at(&[v.len() as u32 + 10], 0), None);
        // a phrase added later empties the table and is found
        let late = ids(&mut v, "the north");
        idx.insert(&late, 9);
        assert!(idx.root.is_empty());
        assert_eq!(idx.longest_at(&text, 0), None);
        assert_eq!(idx.longest_at(&text, text.len() - 3), Some((2, &9)));
    }
}
