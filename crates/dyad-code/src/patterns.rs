//! Matching a verb's patterns against the words around it, TABARI-style: the
//! elements of a pattern must appear in order around the verb, with other words
//! allowed between them, inside the verb's clause.

use crate::dict::actors::ActorKind;
use crate::dict::verbs::{Atom, Elem, Pattern};
use crate::dict::Dictionaries;
use crate::mentions::{Mention, UNKNOWN_CODE};
use crate::sentence::{present_bit, Words};
use crate::words::{FastMap, IdSet};
use dyad_core::calendar::{month_number, weekday};
use std::ops::Range;

/// What a pattern matched: the actors it placed, if any.
#[derive(Clone, Debug, Default)]
pub struct PatternMatch {
    pub source: Option<usize>,
    pub target: Option<usize>,
    /// How many words from the verb the match reaches; of two equally specific
    /// patterns the one closer to the verb wins.
    pub reach: usize,
    /// The words the pattern's literal elements matched.
    pub words: Vec<Range<usize>>,
    /// The mentions its `^` stepped over: they take no role.
    pub skipped: Vec<usize>,
}

/// Does the text word `w` match the pattern word `p` (allowing regular inflection)?
pub fn word_matches(p: &str, w: &str) -> bool {
    // every match shares the first letter: a cheap reject for the common case
    if p.as_bytes().first() != w.as_bytes().first() {
        return false;
    }
    if p == w {
        return true;
    }
    let Some(rest) = w.strip_prefix(p) else {
        // "ies" plural of a "y" noun, "-ing" of an "e" verb
        return (p.ends_with('y') && w == format!("{}ies", &p[..p.len() - 1]))
            || (p.ends_with('e') && w.strip_suffix("ing").is_some_and(|s| s == &p[..p.len() - 1]));
    };
    p.len() >= 3 && matches!(rest, "s" | "es" | "ed" | "d" | "ing")
}

/// Words that may stand between the words of a noun group: adjectives and participles
/// used as adjectives stack before a noun ("new *global* economic relations"); a noun
/// does not, it makes another compound ("economic *trade* relations" are trade relations).
fn noun_modifier(words: &Words, k: usize) -> bool {
    let w = &words.words[k];
    !w.punct && w.tag.is_some_and(|t| tag_is!(t, "JJ" | "JJR" | "JJS" | "VBN"))
}

/// The prepositions that open a pattern's prepositional phrase ("(FOR SANCTIONS)").
const GROUP_PREPOSITIONS: &[&str] = &[
    "to", "for", "during", "with", "on", "in", "at", "from", "against", "into", "by", "of", "about", "over", "towards",
    "toward", "as", "under", "between", "among", "after", "before", "behind", "near", "upon", "onto", "across",
    "through", "without", "within", "despite",
];

/// Words that may stand between a preposition and the noun a pattern names after it:
/// the rest of that noun's phrase before it (determiners, possessives, numbers,
/// adjectives, other nouns, the hyphens of compound modifiers: "for [the council's
/// new] sanctions", "for [a UN-backed] ceasefire").
fn np_opener(words: &Words, k: usize) -> bool {
    let w = &words.words[k];
    w.tag.is_some_and(|t| {
        tag_is!(
            t,
            "DT" | "PDT"
                | "PRP$"
                | "CD"
                | "JJ"
                | "JJR"
                | "JJS"
                | "VBN"
                | "VBG"
                | "NN"
                | "NNS"
                | "NNP"
                | "NNPS"
                | "POS"
                | "HYPH"
        )
    }) && (!w.punct || w.tag.is_some_and(|t| tag_is!(t, "POS" | "HYPH")))
}

/// A synset's phrases as word ids, by their first word.
#[derive(Debug, Default)]
pub struct SynsetIndex {
    by_first: FastMap<u32, Vec<Box<[u32]>>>,
    /// Bit `id % 256` of each key of `by_first`: a clear bit says a word starts none of
    /// the phrases without a hash lookup.
    first_bits: [u64; 4],
    /// A phrase of no words (a lone "-" or "_") matches anywhere, taking no words.
    has_empty: bool,
    /// The bits of the keys of `by_first` in a sentence's filter of words
    /// ([`crate::sentence::present_bit`]): none set in a sentence's, and no phrase
    /// starts anywhere in it. Only the filter's words with a bit set are kept, as (word,
    /// bits): a synset has few first words, and the test reads those words alone.
    present: Vec<(usize, u64)>,
}

/// Where the first word `id` of a phrase sets its bit in [`SynsetIndex`]'s 256-bit
/// start filter: the filter's word, and the bit in it.
#[inline]
fn first_bit(id: u32) -> (usize, u64) {
    ((id as usize / 64) % 4, 1 << (id % 64))
}

impl SynsetIndex {
    pub fn insert(&mut self, ids: &[u32]) {
        match ids.split_first() {
            Some((&first, rest)) => {
                let (word, bit) = first_bit(first);
                self.first_bits[word] |= bit;
                let present = present_bit(first);
                let (slot, bit) = (present / 64, 1u64 << (present % 64));
                match self.present.iter_mut().find(|(s, _)| *s == slot) {
                    Some((_, bits)) => *bits |= bit,
                    None => self.present.push((slot, bit)),
                }
                self.by_first.entry(first).or_default().push(rest.into())
            }
            None => self.has_empty = true,
        }
    }

    /// Could a phrase start at word `j`? (A cheap test: when false, [`Self::longest_at`]
    /// finds none.)
    #[inline]
    fn may_start(&self, words: &Words, j: usize) -> bool {
        self.has_empty || words.any_form(j, |id| self.may_begin(id))
    }

    /// Could a phrase start at some word of the sentence? (False: none does.)
    #[inline]
    fn may_be_in(&self, words: &Words) -> bool {
        let sentence = words.present_bits();
        self.has_empty || self.present.iter().any(|&(slot, bits)| bits & sentence[slot] != 0)
    }

    /// Could a phrase start with the word `id`? (False: none does.)
    #[inline]
    fn may_begin(&self, id: u32) -> bool {
        let (word, bit) = first_bit(id);
        self.first_bits[word] & bit != 0
    }

    /// The length of the longest phrase matching at word `j` (each word as
    /// [`word_matches`] allows). `starts` holds the first word of every synset's
    /// phrases (word `j`'s other forms start none of this one's).
    fn longest_at(&self, words: &Words, j: usize, starts: &IdSet) -> Option<usize> {
        let mut best = self.has_empty.then_some(0);
        for id in words.forms_at(j).filter(|&id| self.may_begin(id) && starts.contains(id)) {
            for rest in self.by_first.get(&id).into_iter().flatten() {
                if rest.iter().enumerate().all(|(k, &pw)| words.matches_id(j + 1 + k, pw)) {
                    best = best.max(Some(1 + rest.len()));
                }
            }
        }
        best
    }
}

/// Length in words of a match of `atoms` starting at word `i`, if they match there.
/// The words of a noun group (`{NEW &TIETYPES RELATIONS}`, several atoms) belong to one
/// noun phrase: other modifiers of its noun may stand between them.
fn seq_at(words: &Words, atoms: &[Atom], i: usize, dict: &Dictionaries) -> Option<usize> {
    seq_walk(words, atoms, i, dict, |_| {})
}

/// [`seq_at`], telling `on_atom` the words each atom matched (the words between the
/// atoms of a prepositional phrase or noun group are not the pattern's).
#[inline]
fn seq_walk(
    words: &Words,
    atoms: &[Atom],
    i: usize,
    dict: &Dictionaries,
    mut on_atom: impl FnMut(Range<usize>),
) -> Option<usize> {
    let mut j = i;
    for (n, a) in atoms.iter().enumerate() {
        if n > 0 {
            // after a preposition its noun phrase opens: a determiner, numbers and
            // other nouns may come before the pattern's noun ("for [tough UN] sanctions")
            let after_preposition =
                matches!(&atoms[n - 1], Atom::Word(p, _) if GROUP_PREPOSITIONS.contains(&p.as_str()));
            let (modifier, most): (fn(&Words, usize) -> bool, usize) =
                if after_preposition { (np_opener, 5) } else { (noun_modifier, 3) };
            j = (j..words.len())
                .take_while(|&k| k == j || modifier(words, k - 1))
                .take(most)
                .find(|&k| atom_len(words, a, k, dict).is_some())?;
        }
        let n = atom_len(words, a, j, dict)?;
        on_atom(j..j + n);
        j += n;
    }
    Some(j - i)
}

/// Does `f` hold for the words some atom of `atoms` matched, for a match known to start
/// at word `i`? (Walked in place: no list of the atoms' words is made.)
fn any_atom_words(
    words: &Words,
    atoms: &[Atom],
    i: usize,
    dict: &Dictionaries,
    mut f: impl FnMut(Range<usize>) -> bool,
) -> bool {
    let mut found = false;
    seq_walk(words, atoms, i, dict, |r| found = found || f(r));
    found
}

/// Can `atoms` match at word `i`? A cheap first test before [`seq_at`]: a first atom
/// that is a word must match word `i` itself, one that is a synset must have a phrase
/// whose first word may be word `i`.
#[inline]
fn may_start_at(words: &Words, atoms: &[Atom], i: usize, dict: &Dictionaries) -> bool {
    match atoms.first() {
        Some(Atom::Word(_, id)) => words.matches_id(i, *id),
        Some(Atom::Synset(_, slot)) => {
            dict.verbs.synset_index.get(*slot as usize).is_none_or(|s| s.may_start(words, i))
        }
        None => true,
    }
}

/// Can `atoms` match anywhere in the sentence? A cheap test before a window is scanned
/// with [`may_start_at`]: the first atom's word, or a first word of its synset's
/// phrases, must be among the sentence's words (as [`Words::may_contain`] tells).
#[inline]
fn may_be_in_sentence(words: &Words, atoms: &[Atom], dict: &Dictionaries) -> bool {
    match atoms.first() {
        Some(Atom::Word(_, id)) => words.may_contain(*id),
        Some(Atom::Synset(_, slot)) => dict.verbs.synset_index.get(*slot as usize).is_none_or(|s| s.may_be_in(words)),
        None => true,
    }
}

/// Length in words of a match of one atom at word `j`.
fn atom_len(words: &Words, a: &Atom, j: usize, dict: &Dictionaries) -> Option<usize> {
    match a {
        Atom::Word(_, id) => words.matches_id(j, *id).then_some(1),
        Atom::Synset(_, slot) => {
            dict.verbs.synset_index.get(*slot as usize)?.longest_at(words, j, &dict.verbs.synset_starts)
        }
    }
}

/// "fired a missile into the sea off the coast": a verb's particle ("fire * off", "set *
/// up") follows the verb or its object, not a prepositional phrase after them; an "off",
/// "up", "out", "down", "away" or "back" past a preposition or punctuation is another
/// phrase's.
fn particle_past_phrase(words: &Words, atoms: &[Atom], from: usize, i: usize) -> bool {
    let [Atom::Word(w, _)] = atoms else { return false };
    matches!(w.as_str(), "off" | "up" | "out" | "down" | "away" | "back")
        && (from..i).any(|j| words.words[j].punct || word_tag_is!(words, j, "IN" | "TO"))
}

/// Nouns for a relation between actors, which a noun before them only qualifies.
const RELATION_NOUNS: &[&str] = &[
    "cooperation",
    "co-operation",
    "ties",
    "relations",
    "relationship",
    "partnership",
    "dialogue",
    "talks",
    "links",
    "pact",
    "alliance",
];

/// Is the word at `next`, right after a pattern's last word, a noun of relation that
/// word only qualifies? "deepen security cooperation" is about cooperation, not the
/// "* security" of a show of force ("boost security" alone is one).
fn modifies_relation_noun(words: &Words, next: usize) -> bool {
    next < words.len()
        && RELATION_NOUNS.contains(&words.norm(next))
        && words.words[next].tag.is_some_and(|t| tag_is!(t, "NN" | "NNS"))
}

/// "told lawmakers the inquiry only asked for messages": a noun the pattern names, right
/// before a finite verb (adverbs between), is the subject of a clause of its own, not the
/// verb's object ("* &investigation" is not "told ... the inquiry asked"). `end` is the
/// word after the noun. Only for a verb of a main clause: after a participle or a
/// relative pronoun the finite verb may be the clause's own ("officials investigating
/// the inquiry said", "those who announced an inquiry said").
fn subject_of_next_clause(words: &Words, verb: &Range<usize>, end: usize) -> bool {
    let mut k = end;
    while k < words.len() && word_tag_is!(words, k, "RB") {
        k += 1;
    }
    let main_verb = word_tag_is!(words, verb.start, "VBD" | "VBZ" | "VBP" | "VB")
        && !(verb.start.saturating_sub(3)..verb.start).any(|j| matches!(words.norm(j), "who" | "which" | "that"));
    main_verb && word_tag_is!(words, k, "VBD" | "VBZ" | "VBP")
}

/// "on Wednesday", "in March", "on 12 May": a preposition opening a time phrase is
/// not a pattern's preposition ("call (on)" is not "called him on Wednesday").
fn opens_time_phrase(words: &Words, i: usize) -> bool {
    matches!(words.norm(i), "on" | "in" | "at" | "by" | "since" | "until")
        && (i + 1 < words.len())
        && (is_time_name(words.norm(i + 1))
            || (words.norm(i + 1).bytes().all(|b| b.is_ascii_digit())
                && i + 2 < words.len()
                && is_time_name(words.norm(i + 2))))
}

/// "said in a release", "announced in a statement": the noun of the phrase "in a ..."
/// right after a verb of saying is where it was said, not what (no "* release", 0841).
fn medium_of_saying(words: &Words, verb: &Range<usize>, i: usize) -> bool {
    let mut k = verb.end;
    if !(crate::coder::SPEECH_VERBS.contains(&words.norm(verb.start)) && words.norm(k) == "in") {
        return false;
    }
    k += 1;
    if matches!(words.norm(k), "a" | "an" | "the" | "its" | "his" | "her" | "their") {
        k += 1;
    }
    // (describing words between: "in a written statement", "in a press release")
    while k < i && words.words[k].tag.is_some_and(|t| tag_is!(t, "JJ" | "NN" | "VBN")) {
        k += 1;
    }
    k == i
}

/// Nouns that stop, undo or refuse what follows "of" ("a suspension of aid", "the
/// lifting of sanctions"): the act named after "of" is what they reverse.
const REVERSING_NOUNS: &[&str] = &[
    "suspension",
    "halt",
    "end",
    "freeze",
    "cut",
    "cuts",
    "cancellation",
    "withdrawal",
    "reduction",
    "lifting",
    "removal",
    "rejection",
    "denial",
    "termination",
    "postponement",
    "suspensions",
    "cessation",
    "easing",
];

/// "announced a suspension of aid": a pattern's first word after the verb that follows
/// "of" after a noun that stops or undoes it is not what the verb does. The first "of"
/// of such a noun between `from` and `end`, or `usize::MAX`.
fn reversed_from(words: &Words, from: usize, end: usize) -> usize {
    (from + 1..end)
        .find(|&k| words.norm(k) == "of" && REVERSING_NOUNS.contains(&words.norm(k - 1)))
        .unwrap_or(usize::MAX)
}

/// "pressed its pledge to the refugees": a pattern's first word after the verb
/// that is no preposition itself names the verb's object, not the complement of a
/// common noun the object is ("commitment to", "support for"); a preposition other than
/// "of" right after such a noun (one no actor's name holds) between `from` and `at` says
/// the word lies in that complement, unless punctuation comes between the verb and the
/// word ("sent a battalion to Mali, its first peacekeeping mission"); an infinitive's "to" ("provides
/// resources to ensure") and a hyphened word ("a sit-in strike") are no such preposition.
/// ("expelled thousands of refugees" and "pressured
/// the rebels into a ceasefire", an actor before the preposition, still match.)
fn in_noun_complement(words: &Words, mentions: &[Mention], from: usize, at: usize) -> bool {
    let tag = |k: usize| words.words[k].tag.map(|t| t.as_str());
    if matches!(tag(at), Some("IN" | "TO")) {
        return false;
    }
    // (past punctuation the words may be another phrase, an apposition or a clause)
    if (from..at).any(|j| words.words[j].punct) {
        return false;
    }
    (from + 1..at).any(|k| {
        matches!(tag(k), Some("IN" | "TO"))
            && words.norm(k) != "of"
            && !(k + 1 < words.len() && tag(k + 1) == Some("VB"))
            && matches!(tag(k - 1), Some("NN" | "NNS"))
            && !words.words[k - 1].hyphen_after
            && !mentions.iter().any(|m| m.words.contains(&(k - 1)))
    })
}

/// "welcomed his decision to pardon": the infinitive marker is not the preposition of a
/// pattern's bare "(to)" ("welcomed him to Paris"), unless the pattern spells the
/// infinitive itself, its next element the verb after "to" ("* (TO QUESTION)").
fn infinitive_for_preposition(
    words: &Words,
    atoms: &[Atom],
    next: Option<&Elem>,
    i: usize,
    dict: &Dictionaries,
) -> bool {
    matches!(atoms, [Atom::Word(w, _)] if w == "to")
        && words.norm(i) == "to"
        && word_tag_is!(words, i + 1, "VB")
        && !matches!(next, Some(Elem::Seq(a)) if seq_at(words, a, i + 1, dict).is_some())
}

/// "nearer to accord with", "is to meet": a "to" right before the verb is its
/// infinitive marker, not the preposition a pattern's bare "(to)" before the verb names
/// ("(TO) *": "in accord to ..."), as after the verb (see [`infinitive_for_preposition`]).
fn infinitive_marker(words: &Words, atoms: &[Atom], i: usize, verb_start: usize) -> bool {
    matches!(atoms, [Atom::Word(w, _)] if w == "to") && words.norm(i) == "to" && i + 1 == verb_start
}

/// The name of a month or a day, which makes a phrase after a preposition a time.
fn is_time_name(w: &str) -> bool {
    month_number(w).is_some() || weekday(w).is_some()
}

/// Do the words `r` hold a word of an actor's name ("Peace Corps", "U.S. Central
/// Command")? A pattern's word does not match there: the name is who acts or is acted
/// on, not what is done ("APPEAL * (for peace)"). A name no dictionary codes, which
/// the tagger guessed around the pattern's word ("lifts Visa Ban"), is the pattern's
/// (see the coder's `modifier`). A role word of the agents dictionary stays
/// open to patterns ("received the UAE Ambassador"), as do the common nouns of an agent
/// mention ("Palestinian prisoners"); in a headline ("U.S. Lifts Travel Ban", the verb
/// capitalised) capitals tell no name.
fn in_name(words: &Words, mentions: &[Mention], r: Range<usize>, verb: &Range<usize>, dict: &Dictionaries) -> bool {
    if verb.start > 0 && words.words[verb.start].capitalized {
        return false;
    }
    r.into_iter().any(|k| {
        words.words[k].capitalized
            && mentions.iter().any(|m| {
                m.words.contains(&k)
                    && m.kind != ActorKind::Agent
                    && m.code.as_str() != UNKNOWN_CODE
                    && !(m.words.start..=k).any(|j| dict.agents.all_at(&words.ids, j).any(|(n, _)| j + n > k))
            })
    })
}

/// Do the words `r` lie in the actor a verb's act goes to, named right after the verb
/// and followed by a second object ("give the Danish army any maps", "gave Kenyan
/// troops a boost")? That actor receives what the verb gives: a pattern's word inside
/// it ("GRANT * &military") names no thing given.
fn in_recipient(words: &Words, mentions: &[Mention], r: Range<usize>, verb: &Range<usize>) -> bool {
    mentions.iter().any(|m| {
        !m.location
            && m.words.start <= r.start
            && r.end <= m.words.end
            && (verb.end..m.words.start).all(|k| matches!(words.norm(k), "the" | "a" | "an"))
            && matches!(
                words.norm(m.words.end),
                "a" | "an" | "any" | "some" | "more" | "no" | "its" | "their" | "his" | "her"
            )
    })
}

/// `%` matches a compound actor only ("Gondor and Osgiliath"): after the verb, the
/// first actor of the compound, the one the next mention is coordinated with ...
fn opens_compound(mentions: &[Mention], i: usize) -> bool {
    mentions.get(i + 1).is_some_and(|n| n.coordinated && !n.location)
}

/// ... before the verb, the last, coordinated with the one before it.
fn closes_compound(mentions: &[Mention], i: usize) -> bool {
    i > 0 && mentions[i].coordinated && !mentions[i - 1].location
}

/// "the prisoners were released": in a passive the subject is what the verb acts on,
/// the object a pattern's one element after the verb names ("* PRISONERS"); the agent
/// after "by" is who acts, the subject a pattern's one element before the verb names
/// ("was stormed by protesters": "PROTESTOR *"). Of the patterns with one word or noun
/// group on that side of the verb (`object`: after it) and nothing on the other, the
/// most specific whose words end the noun phrase `np`.
pub fn passive_match<'a>(
    patterns: impl Iterator<Item = &'a Pattern>,
    words: &Words,
    np: Range<usize>,
    object: bool,
    dict: &Dictionaries,
) -> Option<&'a Pattern> {
    patterns
        .filter(|p| {
            let (named, other) = if object { (&p.after, &p.before) } else { (&p.before, &p.after) };
            let [Elem::Seq(atoms)] = named.as_slice() else { return false };
            other.is_empty() && np.clone().any(|i| seq_at(words, atoms, i, dict).is_some_and(|n| i + n == np.end))
        })
        .max_by_key(|p| p.specificity())
}

/// Match `after` elements forward from `start` within `window`; `before` backward.
pub fn match_pattern(
    p: &Pattern,
    words: &Words,
    verb: Range<usize>,
    window: Range<usize>,
    mentions: &[Mention],
    dict: &Dictionaries,
) -> Option<PatternMatch> {
    // (an element whose first word is nowhere in the sentence matches nowhere: tested
    // for every element at once, before any is searched for)
    let absent = |e: &Elem| matches!(e, Elem::Seq(atoms) if !may_be_in_sentence(words, atoms, dict));
    if p.after.iter().chain(&p.before).any(absent) {
        return None;
    }
    let mut m = PatternMatch::default();
    // forward
    let mut pos = verb.end;
    for (k, e) in p.after.iter().enumerate() {
        pos = match e {
            Elem::Seq(atoms) => {
                // (the first element may not lie past a noun that stops or undoes it)
                let (at, n) = (pos..window.end)
                    .filter(|&i| may_start_at(words, atoms, i, dict))
                    .find_map(|i| {
                        let n = seq_at(words, atoms, i, dict)?;
                        // (checked after the cheaper test that the words match)
                        let other_use = opens_time_phrase(words, i)
                            || (k == 0 && medium_of_saying(words, &verb, i))
                            || (k + 1 == p.after.len() && modifies_relation_noun(words, i + n))
                            || (k + 1 == p.after.len() && subject_of_next_clause(words, &verb, i + n))
                            || (k == 0 && particle_past_phrase(words, atoms, verb.end, i))
                            || infinitive_for_preposition(words, atoms, p.after.get(k + 1), i, dict)
                            || any_atom_words(words, atoms, i, dict, |r| {
                                in_name(words, mentions, r.clone(), &verb, dict)
                                    || in_recipient(words, mentions, r, &verb)
                            });
                        (!other_use).then_some((i, n))
                    })
                    .filter(|&(i, _)| {
                        k > 0
                            || (reversed_from(words, verb.end, i) == usize::MAX
                                && !in_noun_complement(words, mentions, verb.end, i))
                    })?;
                seq_walk(words, atoms, at, dict, |r| m.words.push(r));
                at + n
            }
            Elem::Source | Elem::Target | Elem::Compound => {
                let (idx, mm) = mentions.iter().enumerate().find(|&(i, mm)| {
                    !mm.location
                        && mm.words.start >= pos
                        && mm.words.end <= window.end
                        && (!matches!(e, Elem::Compound) || opens_compound(mentions, i))
                })?;
                if matches!(e, Elem::Source) {
                    m.source = Some(idx);
                } else {
                    m.target.get_or_insert(idx);
                }
                mm.words.end
            }
            Elem::Skip => {
                let i = mentions.iter().position(|mm| mm.words.start >= pos && mm.words.end <= window.end)?;
                m.skipped.push(i);
                mentions[i].words.end
            }
        };
    }
    m.reach = pos - verb.end;
    // backward: elements nearest the verb are last in `before`
    let mut pos = verb.start;
    for e in p.before.iter().rev() {
        pos = match e {
            Elem::Seq(atoms) => {
                let at = (window.start..pos).rev().filter(|&i| may_start_at(words, atoms, i, dict)).find(|&i| {
                    seq_at(words, atoms, i, dict).is_some_and(|n| {
                        i + n <= pos
                            && !infinitive_marker(words, atoms, i, verb.start)
                            && !any_atom_words(words, atoms, i, dict, |r| in_name(words, mentions, r, &verb, dict))
                    })
                })?;
                seq_walk(words, atoms, at, dict, |r| m.words.push(r));
                at
            }
            Elem::Source | Elem::Target | Elem::Compound => {
                let (idx, mm) = mentions.iter().enumerate().rev().find(|&(i, mm)| {
                    !mm.location
                        && mm.words.end <= pos
                        && mm.words.start >= window.start
                        && (!matches!(e, Elem::Compound) || closes_compound(mentions, i))
                })?;
                if matches!(e, Elem::Source) {
                    m.source = Some(idx);
                } else {
                    m.target.get_or_insert(idx);
                }
                mm.words.start
            }
            Elem::Skip => {
                let i = mentions.iter().rposition(|mm| mm.words.end <= pos && mm.words.start >= window.start)?;
                m.skipped.push(i);
                mentions[i].words.start
            }
        };
    }
    m.reach += verb.start - pos;
    Some(m)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn inflections_match() {
        assert!(word_matches("offensive", "offensives"));
        assert!(word_matches("meeting", "meeting"));
        assert!(word_matches("militia", "militias"));
        assert!(word_matches("strike", "striking"));
        assert!(word_matches("party", "parties"));
        assert!(!word_matches("aid", "aide"));
        assert!(!word_matches("to", "tons"));
        assert!(!word_matches("war", "warning"));
    }

    /// `may_start` (the filter before `seq_at`) never rejects a word where a phrase of the
    /// synset matches, inflected or not, with more words than the filter has bits.
    #[test]
    fn synset_start_filter_keeps_every_match() {
        use crate::words::{IdSet, Vocab};
        let mut vocab = Vocab::default();
        for k in 0..600 {
            vocab.intern(&format!("filler{k}"));
        }
        let phrases: [&[&str]; 4] = [&["trade", "relation"], &["tie"], &["military", "aid"], &["party"]];
        let mut synset = SynsetIndex::default();
        let mut starts = IdSet::default();
        for ph in phrases {
            let ids: Vec<u32> = ph.iter().map(|w| vocab.intern(w)).collect();
            starts.insert(ids[0]);
            synset.insert(&ids);
        }
        let text = "filler3 trade relations ties filler300 military aid parties filler599 trading tie";
        let words = crate::sentence::words_of(text, &vocab);
        let found: Vec<usize> = (0..words.len()).filter(|&j| synset.longest_at(&words, j, &starts).is_some()).collect();
        assert_eq!(found, [1, 3, 5, 7, 10]);
        for &j in &found {
            assert!(synset.may_start(&words, j), "word {j}");
        }
        assert!(!synset.may_start(&words, 8), "\"filler599\" starts no phrase");
        assert!(synset.may_be_in(&words));
        // a sentence holding no first word of the synset's phrases: no start anywhere
        // (the words after a first word, "relations", "aid", do not count)
        let none = crate::sentence::words_of("filler3 relations filler300 aid filler599", &vocab);
        assert!(!synset.may_be_in(&none));
        assert!((0..none.len()).all(|j| synset.longest_at(&none, j, &starts).is_none()));
    }
}
