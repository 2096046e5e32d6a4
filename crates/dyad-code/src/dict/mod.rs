//! The dictionaries dyad codes with: actors (countries, people, organisations,
//! armed groups, capitals), agents (roles such as police or rebels), verb patterns,
//! discards and the CAMEO table. The defaults are compiled into the binary from
//! `data/`; user files (`--dict`) are added on top and override same-name entries.

pub mod actors;
pub mod cameo;
pub mod verbs;

use crate::patterns::SynsetIndex;
use crate::words::{IdSet, PhraseIndex, Vocab};
use actors::{parse_actor_file, ActorEntry, ActorKind, DictError};
use cameo::CameoTable;
use std::collections::HashMap;
use verbs::{parse_verb_file, Atom, Elem, Pattern, Transform, VerbBlock, VerbForm};

/// The files compiled into dyad, in load order (later files override earlier ones).
pub const EMBEDDED_ACTOR_FILES: &[(&str, &str)] = &[
    ("data/actors/phoenix-countries.tsv", include_str!("../../../../data/actors/phoenix-countries.tsv")),
    ("data/actors/phoenix-international.tsv", include_str!("../../../../data/actors/phoenix-international.tsv")),
    ("data/actors/phoenix-nonstate.tsv", include_str!("../../../../data/actors/phoenix-nonstate.tsv")),
    ("data/actors/capitals.tsv", include_str!("../../../../data/actors/capitals.tsv")),
    ("data/actors/phoenix-agents.tsv", include_str!("../../../../data/actors/phoenix-agents.tsv")),
    ("data/actors/dyad-supplement.tsv", include_str!("../../../../data/actors/dyad-supplement.tsv")),
    ("data/actors/leaders-supplement.tsv", include_str!("../../../../data/actors/leaders-supplement.tsv")),
];
pub const EMBEDDED_VERB_FILES: &[(&str, &str)] = &[
    ("data/verbs/cameo-verbs.tsv", include_str!("../../../../data/verbs/cameo-verbs.tsv")),
    ("data/verbs/dyad-supplement.tsv", include_str!("../../../../data/verbs/dyad-supplement.tsv")),
];
const EMBEDDED_CAMEO: &str = include_str!("../../../../data/cameo.tsv");
const EMBEDDED_DISCARDS: &str = include_str!("../../../../data/discards.txt");

/// What a discard phrase leaves uncoded.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum DiscardScope {
    /// the sentence it is in
    Sentence,
    /// the whole article (Phoenix's story-level discards, marked `+`)
    Story,
}

/// Where a surface name points: an actor entry.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct EntryRef(pub usize);

/// A verb form found in the index, pointing to its block and patterns.
pub struct Verbs {
    pub blocks: Vec<VerbBlock>,
    pub index: PhraseIndex<VerbForm>,
    /// The synsets' phrases as word ids, by the slot patterns refer to them by.
    pub synset_index: Vec<SynsetIndex>,
    /// The first word of every synset phrase: most words begin none, and
    /// [`SynsetIndex`]'s lookups skip them.
    pub synset_starts: IdSet,
    /// synset name -> slot in `synset_index` (a name a pattern uses before any file
    /// defines it gets an empty slot)
    pub synset_slots: HashMap<String, u32>,
    /// Events governed by other verbs that the pair replaces; later files first.
    pub transforms: Vec<Transform>,
}

pub struct Dictionaries {
    pub vocab: Vocab,
    pub entries: Vec<ActorEntry>,
    /// Which file each entry came from.
    pub entry_files: Vec<String>,
    /// Names of countries, people, organisations, groups and places.
    pub actors: PhraseIndex<EntryRef>,
    /// Names of agents (roles without a country: police, rebels, protesters).
    pub agents: PhraseIndex<EntryRef>,
    pub verbs: Verbs,
    pub cameo: CameoTable,
    pub discards: PhraseIndex<DiscardScope>,
}

/// Does this dictionary text hold verb records rather than actor entries?
pub fn is_verb_file(text: &str) -> bool {
    text.lines()
        .find(|l| !l.trim().is_empty() && !l.starts_with('#'))
        .and_then(|l| l.split('\t').next())
        .is_some_and(|k| matches!(k, "synset" | "block" | "verb" | "pattern"))
}

impl Dictionaries {
    /// An empty set: no actors, no verbs, only the CAMEO table.
    pub fn empty() -> Self {
        Dictionaries {
            vocab: Vocab::default(),
            entries: Vec::new(),
            entry_files: Vec::new(),
            actors: PhraseIndex::default(),
            agents: PhraseIndex::default(),
            verbs: Verbs {
                blocks: Vec::new(),
                index: PhraseIndex::default(),
                synset_index: Vec::new(),
                synset_starts: IdSet::default(),
                synset_slots: HashMap::new(),
                transforms: Vec::new(),
            },
            cameo: CameoTable::parse(EMBEDDED_CAMEO).expect("embedded cameo.tsv is valid"),
            discards: PhraseIndex::default(),
        }
    }

    /// The dictionaries compiled into dyad.
    pub fn embedded() -> Self {
        let mut d = Dictionaries::empty();
        for (name, text) in EMBEDDED_ACTOR_FILES {
            let errs = d.add_actor_file(name, text);
            debug_assert!(errs.is_empty(), "{name}: {errs:?}");
        }
        for (name, text) in EMBEDDED_VERB_FILES {
            let errs = d.add_verb_file(name, text);
            debug_assert!(errs.is_empty(), "{name}: {errs:?}");
        }
        d.add_discards(EMBEDDED_DISCARDS);
        d
    }

    /// Add discard phrases in dyad's format (one phrase per line, `#` comments): a
    /// sentence containing one is not coded, nor, for a phrase marked `+`, its article.
    pub fn add_discards(&mut self, text: &str) {
        let mut ids = Vec::new();
        for line in text.lines().filter(|l| !l.starts_with('#') && !l.trim().is_empty()) {
            let (scope, phrase) = match line.strip_prefix('+') {
                Some(p) => (DiscardScope::Story, p),
                None => (DiscardScope::Sentence, line),
            };
            ids.clear();
            self.vocab.intern_phrase(phrase, &mut ids);
            self.discards.insert(&ids, scope);
        }
    }

    /// Add a user dictionary of either kind; returns the problems found (bad lines
    /// are skipped, good ones loaded).
    pub fn add_file(&mut self, name: &str, text: &str) -> Vec<DictError> {
        if is_verb_file(text) {
            self.add_verb_file(name, text)
        } else {
            self.add_actor_file(name, text)
        }
    }

    pub fn add_actor_file(&mut self, name: &str, text: &str) -> Vec<DictError> {
        let (entries, errors) = parse_actor_file(name, text);
        self.add_actor_entries(name, entries);
        errors
    }

    /// Add entries already in memory (a converter's output), as if read from `name`.
    pub fn add_actor_entries(&mut self, name: &str, entries: Vec<ActorEntry>) {
        self.entries.reserve(entries.len());
        self.entry_files.reserve(entries.len());
        let mut ids = Vec::new();
        for e in entries {
            let idx = EntryRef(self.entries.len());
            for n in &e.names {
                ids.clear();
                self.vocab.intern_phrase(n, &mut ids);
                if e.kind == ActorKind::Agent {
                    self.agents.insert(&ids, idx);
                } else {
                    self.actors.insert(&ids, idx);
                }
            }
            self.entries.push(e);
            self.entry_files.push(name.to_string());
        }
    }

    pub fn add_verb_file(&mut self, name: &str, text: &str) -> Vec<DictError> {
        let (file, errors) = parse_verb_file(name, text);
        let mut ids = Vec::new();
        for (sname, phrases) in file.synsets {
            let slot = self.synset_slot(&sname);
            for p in &phrases {
                ids.clear();
                self.vocab.intern_phrase(p, &mut ids);
                self.verbs.synset_index[slot as usize].insert(&ids);
                if let Some(&first) = ids.first() {
                    self.verbs.synset_starts.insert(first);
                }
            }
        }
        // A block with the name of an existing one extends it: its patterns join.
        let mut remap = Vec::with_capacity(file.blocks.len());
        for mut b in file.blocks {
            for p in &mut b.patterns {
                for atom in p.before.iter_mut().chain(p.after.iter_mut()).flat_map(|e| match e {
                    Elem::Seq(atoms) => atoms.as_mut_slice(),
                    _ => &mut [],
                }) {
                    match atom {
                        Atom::Word(w, id) => *id = self.vocab.intern(w),
                        Atom::Synset(name, slot) => *slot = self.synset_slot(name),
                    }
                }
                // (interned in the pattern's order; the longest word first: the rarest, as
                // a rule, so the first need rules most patterns out at once)
                let words: Vec<String> = p.literal_words().map(|w| w.to_string()).collect();
                let mut needs: Vec<(usize, u32)> = words.iter().map(|w| (w.len(), self.vocab.intern(w))).collect();
                needs.sort_by_key(|&(len, _)| std::cmp::Reverse(len));
                p.needs = needs.into_iter().map(|(_, id)| id).collect();
            }
            match self.verbs.blocks.iter().position(|x| x.name == b.name) {
                Some(i) => {
                    // a later file's pattern with the same words replaces the earlier
                    // one, as later files override same-name entries
                    let old = &mut self.verbs.blocks[i].patterns;
                    for p in b.patterns {
                        match old.iter().position(|o| o.before == p.before && o.after == p.after && o.verb == p.verb) {
                            Some(k) => old[k] = p,
                            None => old.push(p),
                        }
                    }
                    remap.push(i);
                }
                None => {
                    remap.push(self.verbs.blocks.len());
                    self.verbs.blocks.push(b);
                }
            }
        }
        // a later file's transformation is tried before the ones it may override
        self.verbs.transforms.splice(0..0, file.transforms);
        for (surface, mut form) in file.forms {
            form.block = remap[form.block];
            ids.clear();
            self.vocab.intern_phrase(&surface, &mut ids);
            self.verbs.index.insert(&ids, form);
        }
        errors
    }

    /// The slot of the synset `name` in `verbs.synset_index`, made empty if new.
    fn synset_slot(&mut self, name: &str) -> u32 {
        if let Some(&slot) = self.verbs.synset_slots.get(name) {
            return slot;
        }
        let slot = self.verbs.synset_index.len() as u32;
        self.verbs.synset_index.push(SynsetIndex::default());
        self.verbs.synset_slots.insert(name.to_string(), slot);
        slot
    }

    pub fn entry(&self, r: EntryRef) -> &ActorEntry {
        &self.entries[r.0]
    }

    pub fn patterns(&self, block: usize) -> &[Pattern] {
        &self.verbs.blocks[block].patterns
    }
}
