//! Word normalisation and phrase lookup shared by the actor, agent and verb
//! dictionaries: dictionary phrases and sentence tokens go through the same
//! [`normalize_word`], then phrases are matched longest-first over word ids.

use std::collections::HashMap;

/// A fast hash with a fixed seed for the coder's lookups by word and word id (std's
/// SipHash resists flooding, which dictionary words and sentence tokens do not need).
pub(crate) type FastMap<K, V> = HashMap<K, V, foldhash::fast::FixedState>;

/// Lower-case a word and fold typographic apostrophes; hyphens and underscores
/// separate words and are handled by [`phrase_words`].
pub fn normalize_word(w: &str) -> String {
    // most words are ASCII: one pass, no per-character case tables
    if w.is_ascii() {
        let mut out = w.to_ascii_lowercase();
        if out.contains('`') {
            out = out.replace('`', "'");
        }
        return out;
    }
    let mut out = String::with_capacity(w.len());
    for c in w.chars() {
        match c {
            '\u{2019}' | '\u{2018}' | '`' => out.push('\''),
            _ => out.extend(c.to_lowercase()),
        }
    }
    out
}

/// Split a dictionary phrase ("BASHAR_AL-ASSAD", "Recep Tayyip Erdogan") into
/// normalised words the way sentence tokens are normalised.
pub fn phrase_words(phrase: &str) -> Vec<String> {
    phrase
        .split(|c: char| c == '_' || c == '-' || c == '\u{2013}' || c.is_whitespace())
        .filter(|w| !w.is_empty())
        .map(normalize_word)
        .collect()
}

/// Interned word ids, so phrase matching compares integers.
#[derive(Default, Debug)]
pub struct Vocab {
    ids: FastMap<String, u32>,
}

pub const UNKNOWN: u32 = u32::MAX;

impl Vocab {
    pub fn intern(&mut self, w: &str) -> u32 {
        if let Some(&id) = self.ids.get(w) {
            return id;
        }
        let id = self.ids.len() as u32;
        self.ids.insert(w.to_string(), id);
        id
    }

    pub fn get(&self, w: &str) -> u32 {
        self.ids.get(w).copied().unwrap_or(UNKNOWN)
    }
}

/// The words after the first of a phrase, and the phrase's value.
type Tail<T> = (Box<[u32]>, T);

/// Phrases (word-id sequences) mapped to values, looked up longest-first.
#[derive(Debug)]
pub struct PhraseIndex<T> {
    by_first: FastMap<u32, Vec<Tail<T>>>,
}

impl<T> Default for PhraseIndex<T> {
    fn default() -> Self {
        PhraseIndex { by_first: FastMap::default() }
    }
}

impl<T> PhraseIndex<T> {
    /// Add a phrase. A phrase added again replaces the earlier value, so later
    /// dictionaries (supplements, user files) override earlier ones.
    pub fn insert(&mut self, words: &[u32], value: T) {
        let Some((&first, rest)) = words.split_first() else {
            return;
        };
        let list = self.by_first.entry(first).or_default();
        if let Some(slot) = list.iter_mut().find(|(r, _)| &r[..] == rest) {
            slot.1 = value;
            return;
        }
        list.push((rest.into(), value));
        // longest first, so the first hit is the longest match
        list.sort_by_key(|(r, _)| std::cmp::Reverse(r.len()));
    }

    /// The longest phrase starting at `words[at]`: (number of words, value).
    pub fn longest_at(&self, words: &[u32], at: usize) -> Option<(usize, &T)> {
        let list = self.by_first.get(words.get(at)?)?;
        list.iter().find_map(|(rest, v)| {
            let end = at + 1 + rest.len();
            (end <= words.len() && words[at + 1..end] == rest[..]).then_some((1 + rest.len(), v))
        })
    }

    /// Every phrase starting at `words[at]`, longest first.
    pub fn all_at<'a>(&'a self, words: &'a [u32], at: usize) -> impl Iterator<Item = (usize, &'a T)> + 'a {
        self.by_first.get(words.get(at).unwrap_or(&UNKNOWN)).into_iter().flatten().filter_map(move |(rest, v)| {
            let end = at + 1 + rest.len();
            (end <= words.len() && words[at + 1..end] == rest[..]).then_some((1 + rest.len(), v))
        })
    }

    pub fn len(&self) -> usize {
        self.by_first.values().map(Vec::len).sum()
    }

    pub fn is_empty(&self) -> bool {
        self.by_first.is_empty()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn phrases_normalise_like_tokens() {
        assert_eq!(phrase_words("BASHAR_AL-ASSAD_"), vec!["bashar", "al", "assad"]);
        assert_eq!(phrase_words("Recep  Tayyip Erdoğan"), vec!["recep", "tayyip", "erdoğan"]);
        assert_eq!(normalize_word("Assad\u{2019}s"), "assad's");
        // the ASCII fast path and the general path agree
        assert_eq!(normalize_word("ISN`T"), "isn't");
        assert_eq!(normalize_word("ISN`T\u{e9}"), "isn't\u{e9}");
        assert_eq!(normalize_word("Kyiv-BASED"), "kyiv-based");
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
    }
}
