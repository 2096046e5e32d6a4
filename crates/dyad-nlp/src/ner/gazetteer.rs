//! Gazetteers as tagger features: lists of names (cities, countries, people,
//! organisations from the actor dictionaries...) stored as hashes of their
//! lowercase word sequences, each with a mask of the lists that hold it. A
//! sentence is matched at every start for every length up to the longest name,
//! and each token learns, per list, whether it begins, continues, ends or is a
//! whole name (the longest covering match wins).

use super::features::{phrase_step, word_key, WordInfo};
use super::table::U32Map;

/// The gazetteer lists. Their order is part of the model format.
pub const GAZ_NAMES: &[&str] = &[
    "city",           // GeoNames cities over 15,000 people
    "country",        // country names (GeoNames, country_data)
    "nationality",    // demonyms and nationality adjectives
    "actor-country",  // names of dyad's country actors (countries, regions, cities)
    "actor-person",   // people in dyad's actor dictionaries
    "actor-org",      // organisations and groups in dyad's actor dictionaries
    "actor-place",    // places in dyad's actor dictionaries (capitals)
    "first-name",     // first words of actor people's names
    "last-name",      // last words of actor people's names
    "org-word",       // last words of organisation names ("Party", "Bank", "Corp")
    "extra-location", // other location lists (continents, regions)
    "extra-misc",     // other MISC lists (events, religions)
];
pub const GAZ_CLASSES: usize = 12;

/// Longest name (in words) the matcher looks for.
pub const MAX_NAME_WORDS: usize = 6;

#[derive(Default)]
pub struct Gazetteer {
    map: U32Map<u16>,
    pub(crate) max_len: usize,
    /// One bit per value of a key's low `FILTER_BITS` bits, set if a name's key has
    /// them: 256 KB, which the caches keep, where the map takes 2 MB. Most phrases of
    /// two words or more are no name, and the filter says so for 95% of them.
    /// Empty: no filter (every key may be a name).
    filter: Vec<u64>,
}

const FILTER_BITS: u32 = 21;

/// A key's bit in [`Gazetteer::filter`]: of the key as the map stores it (0 as 1).
#[inline]
fn filter_bit(key: u32) -> usize {
    key.max(1) as usize & ((1 << FILTER_BITS) - 1)
}

/// The key of a phrase given its words' keys.
pub(crate) fn phrase_key(words: impl Iterator<Item = u64>) -> u32 {
    let h = words.fold(0x6761_7a00u64, phrase_step);
    (h ^ (h >> 32)) as u32
}

impl Gazetteer {
    /// From (key, class mask) pairs.
    pub(crate) fn from_entries(entries: &[(u32, u16)], max_len: usize) -> Gazetteer {
        let mut map = U32Map::with_capacity(entries.len());
        for &(k, m) in entries {
            let prev = map.get(k).unwrap_or(0);
            map.insert(k, prev | m);
        }
        let mut filter = vec![0u64; (1 << FILTER_BITS) / 64];
        for (k, _) in map.entries() {
            let bit = filter_bit(k);
            filter[bit / 64] |= 1 << (bit % 64);
        }
        Gazetteer { map, max_len: max_len.min(MAX_NAME_WORDS), filter }
    }

    /// Build from names (each with the index of its list in [`GAZ_NAMES`]). Names
    /// are split on whitespace; empty names and names over [`MAX_NAME_WORDS`]
    /// words are skipped. The entries come back sorted, ready to store.
    pub fn build<'a>(names: impl IntoIterator<Item = (&'a str, usize)>) -> (Gazetteer, Vec<(u32, u16)>) {
        let mut entries: Vec<(u32, u16)> = Vec::new();
        let mut max_len = 0;
        for (name, class) in names {
            let n = name.split_whitespace().count();
            if n == 0 || n > MAX_NAME_WORDS || class >= GAZ_CLASSES {
                continue;
            }
            max_len = max_len.max(n);
            entries.push((phrase_key(name.split_whitespace().map(word_key)), 1 << class));
        }
        entries.sort_unstable();
        // merge masks of equal keys
        let mut merged: Vec<(u32, u16)> = Vec::with_capacity(entries.len());
        for (k, m) in entries {
            match merged.last_mut() {
                Some(last) if last.0 == k => last.1 |= m,
                _ => merged.push((k, m)),
            }
        }
        (Gazetteer::from_entries(&merged, max_len), merged)
    }

    /// The longest name, in words.
    pub fn max_len(&self) -> usize {
        self.max_len
    }

    pub fn len(&self) -> usize {
        self.map.len()
    }

    /// The (key, list mask) entries, sorted by key, as [`Gazetteer::build`] returns them.
    pub(crate) fn entries(&self) -> Vec<(u32, u16)> {
        let mut e: Vec<(u32, u16)> = self.map.entries().collect();
        e.sort_unstable();
        e
    }

    pub fn is_empty(&self) -> bool {
        self.map.len() == 0
    }

    /// Might a name have this key? (No means no; yes, maybe.)
    #[inline]
    fn may_hold(&self, key: u32) -> bool {
        let bit = filter_bit(key);
        self.filter.get(bit / 64).is_none_or(|w| w >> (bit % 64) & 1 != 0)
    }

    /// The lists holding exactly this phrase (a bit mask over [`GAZ_NAMES`]).
    pub fn lookup(&self, words: &[&str]) -> u16 {
        self.map.get(phrase_key(words.iter().map(|w| word_key(w)))).unwrap_or(0)
    }

    /// Mark each token's position in the longest covering name of each list:
    /// `gaz[i][class]` = 1 + (0 begin, 1 inside, 2 last, 3 whole). `probes` is a
    /// buffer the caller keeps (the slots of the phrases the filter lets through).
    pub(crate) fn mark(
        &self,
        info: &[WordInfo],
        gaz: &mut [[u8; GAZ_CLASSES]],
        best: &mut [[u8; GAZ_CLASSES]],
        probes: &mut Vec<Option<(u32, u32)>>,
    ) {
        if self.map.len() == 0 {
            return;
        }
        let n = info.len();
        // names start with a letter or digit; each start is looked up at every
        // length, in a table larger than the caches: every phrase of the sentence is
        // hashed, and the slot of each the filter lets through fetched
        // (`U32Map::prefetch_probe`) first, so the CPU waits on memory for all of
        // them at once rather than for each in turn
        let starts = || (0..n).filter(|&start| info[start].flags & super::features::NO_ALNUM == 0);
        // (a half-open range: an inclusive one costs a test more each step)
        let lengths = |start: usize| 1..self.max_len.min(n - start) + 1;
        probes.clear();
        for start in starts() {
            let mut h = 0x6761_7a00u64;
            for w in &info[start..start + lengths(start).end - 1] {
                h = phrase_step(h, w.lower);
                let key = (h ^ (h >> 32)) as u32;
                if self.may_hold(key) {
                    let p = self.map.probe(key);
                    self.map.prefetch_probe(p);
                    probes.push(Some(p));
                } else {
                    probes.push(None);
                }
            }
        }
        let mut probed = probes.iter();
        for start in starts() {
            for (len, &p) in lengths(start).zip(&mut probed) {
                let Some(mask) = p.and_then(|p| self.map.get_probed(p)) else {
                    continue;
                };
                // the lists that hold the name, in increasing order, one set bit at
                // a time (most names are in one or two lists of the twelve)
                let mut lists = mask & ((1 << GAZ_CLASSES) - 1);
                while lists != 0 {
                    let class = lists.trailing_zeros() as usize;
                    lists &= lists - 1;
                    for (k, i) in (start..start + len).enumerate() {
                        if best[i][class] as usize >= len {
                            continue;
                        }
                        best[i][class] = len as u8;
                        let pos = if len == 1 {
                            3
                        } else if k == 0 {
                            0
                        } else if k + 1 == len {
                            2
                        } else {
                            1
                        };
                        gaz[i][class] = 1 + pos;
                    }
                }
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn matches_longest_names() {
        let (g, entries) = Gazetteer::build([("New York", 0), ("York", 0), ("new york city", 0), ("Paris", 1)]);
        assert_eq!(entries.len(), 4);
        assert_eq!(g.lookup(&["NEW", "YORK"]), 1);
        assert_eq!(g.lookup(&["Paris"]), 2);
        assert_eq!(g.lookup(&["London"]), 0);
        let words = ["in", "New", "York", "City", "and", "Paris"];
        let info: Vec<WordInfo> = words.iter().map(|w| WordInfo::of(w)).collect();
        let mut gaz = vec![[0u8; GAZ_CLASSES]; words.len()];
        let mut best = gaz.clone();
        g.mark(&info, &mut gaz, &mut best, &mut Vec::new());
        let city: Vec<u8> = gaz.iter().map(|m| m[0]).collect();
        assert_eq!(city, vec![0, 1, 2, 3, 0, 0]);
        let country: Vec<u8> = gaz.iter().map(|m| m[1]).collect();
        assert_eq!(country, vec![0, 0, 0, 0, 0, 4]);
    }

    /// The marks as [`Gazetteer::mark`] sets them, by asking each list of each name
    /// in turn (the definition the faster loop must agree with).
    fn mark_list_by_list(g: &Gazetteer, info: &[WordInfo]) -> Vec<[u8; GAZ_CLASSES]> {
        let n = info.len();
        let (mut gaz, mut best) = (vec![[0u8; GAZ_CLASSES]; n], vec![[0u8; GAZ_CLASSES]; n]);
        for start in (0..n).filter(|&s| info[s].flags & super::super::features::NO_ALNUM == 0) {
            for len in 1..=g.max_len.min(n - start) {
                let key = phrase_key(info[start..start + len].iter().map(|w| w.lower));
                let mask = g.map.get(key).unwrap_or(0);
                for class in (0..GAZ_CLASSES).filter(|c| mask & (1 << c) != 0) {
                    for (k, i) in (start..start + len).enumerate() {
                        if (best[i][class] as usize) < len {
                            best[i][class] = len as u8;
                            let pos = if len == 1 { 3 } else { [0, 1, 2][(k > 0) as usize + (k + 1 == len) as usize] };
                            gaz[i][class] = 1 + pos;
                        }
                    }
                }
            }
        }
        gaz
    }

    #[test]
    fn marks_agree_with_asking_every_list() {
        // names of several lists, nested and overlapping, with the committed model's
        // lists and with a small one whose names share words
        let text = "Mayor Ana Ruiz of Spain flew from Buenos Aires to New York City , where Kenyan , \
                    French and Chinese envoys of the Security Council waited for Lavrov and \
                    Ivo Tam beside Lake Victoria .";
        let words: Vec<&str> = text.split_whitespace().collect();
        let info: Vec<WordInfo> = words.iter().map(|w| WordInfo::of(w)).collect();
        let small = Gazetteer::build([("New York", 0), ("York", 2), ("new york city", 0), ("New", 11), ("city", 5)]).0;
        let committed = crate::ner::model().map(|m| m.gazetteer());
        for g in std::iter::once(&small).chain(committed) {
            let mut gaz = vec![[0u8; GAZ_CLASSES]; words.len()];
            let mut best = gaz.clone();
            g.mark(&info, &mut gaz, &mut best, &mut Vec::new());
            assert_eq!(gaz, mark_list_by_list(g, &info));
            let lists = gaz.iter().flatten().filter(|&&m| m != 0).count();
            assert!(lists >= 5, "{lists} marks");
        }
    }

    #[test]
    fn the_filter_lets_through_every_key_the_map_finds() {
        // the map stores key 0 as 1: the filter must agree for both
        for stored in [0u32, 1] {
            let g = Gazetteer::from_entries(&[(stored, 4), (0xdead_beef, 1)], 1);
            for key in [0u32, 1, 0xdead_beef] {
                assert_eq!(g.map.get(key).is_some(), g.may_hold(key), "{stored} {key}");
            }
            assert!(!g.may_hold(2) && !g.may_hold(0xdead_beee));
        }
        let empty = Gazetteer::default();
        assert!(empty.may_hold(7), "no filter: every key may be a name");
    }

    #[test]
    fn merges_lists_of_the_same_name() {
        let (g, entries) = Gazetteer::build([("Georgia", 0), ("georgia", 1), ("", 2)]);
        assert_eq!(entries.len(), 1);
        assert_eq!(g.lookup(&["Georgia"]), 3);
    }
}
