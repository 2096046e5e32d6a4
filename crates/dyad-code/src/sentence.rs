//! A sentence as the coder sees it: normalised words with their byte spans, and
//! the parenthetical regions (between dashes or brackets) that clauses skip over.

use crate::words::{is_normal, normalize_word_into, FastMap, Vocab, UNKNOWN};
use dyad_core::{PosTag, Sentence, Span, TokenKind};
use std::borrow::Cow;
use std::sync::OnceLock;

#[derive(Clone, Debug)]
pub struct Word<'t> {
    pub span: Span,
    /// The normalised word (borrowed from the text when the token already is).
    pub norm: Cow<'t, str>,
    pub id: u32,
    /// Starts with an upper-case letter (a name, or the first word of the sentence).
    pub capitalized: bool,
    pub punct: bool,
    /// Followed by a hyphen and another word ("government" in "government-held").
    pub hyphen_after: bool,
    /// The part of speech the tagger gave the token (`None` when the sentence is untagged).
    pub tag: Option<PosTag>,
    /// The word classes of [`word_flags`] the word is in.
    pub(crate) flags: u16,
}

/// A word that opens a clause (the coder's `CLAUSE_OPENERS`).
pub(crate) const CLAUSE_OPENER: u16 = 1;
/// ";" or ":", which end a clause window.
pub(crate) const CLAUSE_BREAK: u16 = 2;
/// A subordinating word (the coder's `SUBORDINATORS`) or "once".
pub(crate) const SUBORDINATOR: u16 = 4;
/// A word of the coder's `AUX_OR_ADVERB` (may stand between a subject and its verb).
pub(crate) const AUX_OR_ADVERB_WORD: u16 = 8;
/// A preposition of the coder's `PREPOSITIONS`.
pub(crate) const PREPOSITION_WORD: u16 = 16;
/// A word of the coder's `DETERMINERS`.
pub(crate) const DETERMINER: u16 = 32;
/// A form of "be" (the coder's `BE`).
pub(crate) const BE_WORD: u16 = 64;
/// A word of the coder's `NEGATIONS`.
pub(crate) const NEGATION: u16 = 128;
/// A word of the coder's `MODALS`.
pub(crate) const MODAL: u16 = 256;
/// A word of the coder's `CONDITIONALS`.
pub(crate) const CONDITIONAL: u16 = 512;

/// The word classes of a normalised word the coder asks about every word it passes
/// (found once per word: from the vocabulary's table for a word it has, else here). A
/// word in no list is in no class, and the listed words' classes are found once: a word
/// is one hash look-up instead of a search of each list.
pub(crate) fn word_flags(norm: &str) -> u16 {
    static CLASSES: OnceLock<FastMap<&'static str, u16>> = OnceLock::new();
    let classes = CLASSES.get_or_init(|| class_words().map(|w| (w, listed_word_flags(w))).collect());
    classes.get(norm).copied().unwrap_or(0)
}

/// Every word of the lists [`listed_word_flags`] reads.
fn class_words() -> impl Iterator<Item = &'static str> {
    use crate::coder::{
        AUX_OR_ADVERB, BE, CLAUSE_OPENERS, CONDITIONALS, DETERMINERS, MODALS, NEGATIONS, PREPOSITIONS, SUBORDINATORS,
    };
    let lists: [&[&'static str]; 10] = [
        CLAUSE_OPENERS,
        &[";", ":", "once"],
        SUBORDINATORS,
        AUX_OR_ADVERB,
        PREPOSITIONS,
        DETERMINERS,
        BE,
        NEGATIONS,
        MODALS,
        CONDITIONALS,
    ];
    lists.into_iter().flatten().copied().chain(crate::language::function_words())
}

/// The word classes of a normalised word, by the lists themselves.
fn listed_word_flags(norm: &str) -> u16 {
    let mut f = crate::language::function_word_flags(norm);
    if crate::words::listed(crate::coder::CLAUSE_OPENERS, norm) {
        f |= CLAUSE_OPENER;
    }
    if matches!(norm, ";" | ":") {
        f |= CLAUSE_BREAK;
    }
    if crate::words::listed(crate::coder::SUBORDINATORS, norm) || norm == "once" {
        f |= SUBORDINATOR;
    }
    if crate::coder::AUX_OR_ADVERB_SET.contains(norm) {
        f |= AUX_OR_ADVERB_WORD;
    }
    if crate::coder::PREPOSITION_SET.contains(norm) {
        f |= PREPOSITION_WORD;
    }
    for (list, flag) in [
        (crate::coder::DETERMINERS, DETERMINER),
        (crate::coder::BE, BE_WORD),
        (crate::coder::NEGATIONS, NEGATION),
        (crate::coder::MODALS, MODAL),
        (crate::coder::CONDITIONALS, CONDITIONAL),
    ] {
        if list.contains(&norm) {
            f |= flag;
        }
    }
    f
}

/// A word written as a name: an upper-case first letter, or a capital after a
/// lower-case one ("iSrael", "eBay"), which no common word has.
fn is_capitalized(s: &str) -> bool {
    // an ASCII first letter is tested on bytes, the rest decoded only past a non-ASCII byte
    let b = s.as_bytes();
    match b.first() {
        None => false,
        Some(c) if c.is_ascii_uppercase() => true,
        Some(c) if c.is_ascii_lowercase() => {
            for &x in &b[1..] {
                if x.is_ascii_uppercase() {
                    return true;
                }
                if !x.is_ascii() {
                    return s[1..].chars().any(char::is_uppercase);
                }
            }
            false
        }
        Some(c) if c.is_ascii() => false,
        Some(_) => {
            let mut cs = s.chars();
            cs.next().is_some_and(|c| c.is_uppercase() || (c.is_lowercase() && cs.any(char::is_uppercase)))
        }
    }
}

#[derive(Clone, Debug)]
pub struct Words<'t> {
    pub words: Vec<Word<'t>>,
    /// Word ids, for phrase lookups.
    pub ids: Vec<u32>,
    /// Parenthetical regions as inclusive word ranges.
    pub regions: Vec<(usize, usize)>,
    /// Bit `id % 2048` of the vocabulary id of every word and of each base form a
    /// pattern word could have for it ("attacks" -> attack, "ties" -> tie, tiy...): most
    /// pattern words are in no sentence, and a clear bit says so. (A set bit may be
    /// another id's: a filter before matching, which finds the words themselves.)
    present_bits: [u64; PRESENT_WORDS],
    /// By word: the vocabulary ids of the pattern words that match it (as
    /// [`crate::patterns::word_matches`] allows), padded with [`UNKNOWN`].
    forms: Vec<[u32; MAX_FORMS]>,
}

/// The size of [`Words`]'s filter of pattern words, in 64-bit words: 2,048 bits, of
/// which a sentence's few dozen forms set few.
pub(crate) const PRESENT_WORDS: usize = 32;

/// The bit of word `id` in [`Words`]'s filter of pattern words (its `present_bits`).
#[inline]
pub(crate) fn present_bit(id: u32) -> usize {
    id as usize % (PRESENT_WORDS * 64)
}

/// A word has at most four base forms: itself and three stems ("parties": partie,
/// parti, party; "offing": off, offe).
pub(crate) const MAX_FORMS: usize = 4;

/// Call `f` with each pattern word other than `w` itself that matches `w` under regular
/// inflection: `w` less -s/-es/-ed/-d/-ing (keeping 3+ letters), -ies -> -y, -ing -> -e
/// (keeping a letter before the ending). `buf` holds the forms that are not slices of `w`.
fn for_each_stem(w: &str, buf: &mut String, mut f: impl FnMut(&str)) {
    // (the endings tested on bytes: `strip_suffix` with a string runs the general
    // substring searcher; an ASCII ending leaves a char boundary before it)
    let strip =
        |suffix: &str| w.as_bytes().ends_with(suffix.as_bytes()).then(|| w.get(..w.len() - suffix.len())).flatten();
    for suffix in ["s", "es", "ed", "d", "ing"] {
        if let Some(stem) = strip(suffix).filter(|s| s.len() >= 3) {
            f(stem);
        }
    }
    for (suffix, ending) in [("ies", 'y'), ("ing", 'e')] {
        if let Some(stem) = strip(suffix).filter(|s| !s.is_empty()) {
            buf.clear();
            buf.push_str(stem);
            buf.push(ending);
            f(buf);
        }
    }
}

/// A negative contraction ("didn't", "won't", "can't") as its auxiliary's plain form
/// and the byte offset in `raw` where "n't" starts.
fn split_negation(raw: &str, norm: &str) -> Option<(String, usize)> {
    // (the ending tested on bytes first: `strip_suffix` with a string runs the general
    // substring searcher, and almost no word ends so)
    if norm.len() < 5 || !norm.as_bytes().ends_with(b"n't") {
        return None;
    }
    let stem = norm.strip_suffix("n't").filter(|s| s.len() >= 2 && s.chars().all(char::is_alphabetic))?;
    let aux = match stem {
        "wo" => "will",
        "ca" => "can",
        "sha" => "shall",
        "ai" => "is",
        s => s,
    };
    // the last three characters of the raw token are "n't" (the apostrophe may be curly)
    let cut = raw.char_indices().rev().nth(2).map(|(i, _)| i)?;
    Some((aux.to_string(), cut))
}

/// The ids of the pattern words that match a word (`id` its own, or [`UNKNOWN`]): itself,
/// then its stems, padded with [`UNKNOWN`].
fn forms_of(norm: &str, id: u32, vocab: &Vocab, buf: &mut String) -> [u32; MAX_FORMS] {
    // the word itself, then its stems
    let mut these = [UNKNOWN; MAX_FORMS];
    let mut n = 0;
    if id != UNKNOWN {
        these[0] = id;
        n = 1;
    }
    for_each_stem(norm, buf, |b| {
        let id = vocab.get(b);
        if id != UNKNOWN && n < MAX_FORMS {
            these[n] = id;
            n += 1;
        }
    });
    these
}

/// Find the forms of every word of the vocabulary once (see [`Vocab::forms_of`]), so that
/// [`Words::new`] looks up stems only for words outside it.
pub fn index_forms(vocab: &mut Vocab) {
    let mut forms = vec![[UNKNOWN; MAX_FORMS]; vocab.len()];
    let mut buf = String::new();
    let mut flags = vec![0u16; vocab.len()];
    for (w, id) in vocab.words() {
        forms[id as usize] = forms_of(w, id, vocab, &mut buf);
        flags[id as usize] = word_flags(w);
    }
    vocab.set_forms(forms, flags);
}

const DASHES: &[&str] = &["\u{2014}", "\u{2013}", "--"];

impl<'t> Words<'t> {
    pub fn new(text: &'t str, sentence: &Sentence, vocab: &'t Vocab) -> Words<'t> {
        let toks = &sentence.tokens;
        let mut words = Vec::with_capacity(toks.len());
        // (room for most words: not regrown word by word)
        let mut lower = String::with_capacity(32);
        for (i, t) in toks.iter().enumerate() {
            // (Span::slice written out: the call, across crates, is not inlined)
            let s = text.get(t.span.start..t.span.end).unwrap_or("");
            // A hyphen glued to both neighbours joins a compound ("al-Assad",
            // "three-way"); the parts are matched as separate words.
            let glued = |j: Option<usize>, left: bool| {
                j.and_then(|j| toks.get(j)).is_some_and(|n| {
                    if left {
                        n.span.end == t.span.start
                    } else {
                        n.span.start == t.span.end
                    }
                })
            };
            if s.len() <= 3
                && (s == "-" || s == "\u{2010}" || s == "\u{2011}")
                && glued(i.checked_sub(1), true)
                && glued(Some(i + 1), false)
            {
                if let Some(prev) = words.last_mut() {
                    let prev: &mut Word<'t> = prev;
                    prev.hyphen_after = true;
                }
                continue;
            }
            // (a word to normalise that the vocabulary has borrows the vocabulary's copy)
            // (a word already normal is lower-case ASCII: not capitalised)
            let normal = is_normal(s);
            let (norm, id) = if normal {
                (Cow::Borrowed(s), None)
            } else {
                normalize_word_into(s, &mut lower);
                match vocab.get_word(&lower) {
                    Some((v, id)) => (Cow::Borrowed(v), Some(id)),
                    None => (Cow::Owned(lower.clone()), Some(UNKNOWN)),
                }
            };
            // "didn't", "won't": the auxiliary and the negation are two words, as in
            // "did not", so that negation, modality and tense read the same either way.
            if let Some((aux, cut)) = split_negation(s, &norm) {
                let tag = sentence.tags.get(i).copied();
                words.push(Word {
                    span: Span::new(t.span.start, t.span.start + cut),
                    id: vocab.get(&aux),
                    flags: word_flags(&aux),
                    norm: Cow::Owned(aux),
                    capitalized: !normal && is_capitalized(s),
                    punct: false,
                    hyphen_after: false,
                    tag,
                });
                words.push(Word {
                    span: Span::new(t.span.start + cut, t.span.end),
                    id: vocab.get("n't"),
                    flags: word_flags("n't"),
                    norm: Cow::Borrowed("n't"),
                    capitalized: false,
                    punct: false,
                    hyphen_after: false,
                    tag: PosTag::from_name("RB"),
                });
                continue;
            }
            let id = id.unwrap_or_else(|| vocab.get(&norm));
            words.push(Word {
                span: t.span,
                id,
                flags: vocab.flags_of(id).unwrap_or_else(|| word_flags(&norm)),
                norm,
                capitalized: !normal && is_capitalized(s),
                punct: matches!(t.kind, TokenKind::Punct | TokenKind::Symbol),
                hyphen_after: false,
                tag: sentence.tags.get(i).copied(),
            });
        }
        let regions = find_regions(&words);
        let mut present_bits = [0u64; PRESENT_WORDS];
        let mut ids = Vec::with_capacity(words.len());
        let mut forms = Vec::with_capacity(words.len());
        let mut buf = String::new();
        for w in &words {
            ids.push(w.id);
            // (a known word's forms were found once for the vocabulary)
            let these = match vocab.forms_of(w.id) {
                Some(f) => *f,
                None => forms_of(&w.norm, w.id, vocab, &mut buf),
            };
            for &id in these.iter().take_while(|&&id| id != UNKNOWN) {
                let bit = present_bit(id);
                present_bits[bit / 64] |= 1 << (bit % 64);
            }
            forms.push(these);
        }
        Words { words, ids, regions, present_bits, forms }
    }

    /// The vocabulary ids of the pattern words that match word `i` (none past the end).
    pub fn forms_at(&self, i: usize) -> impl Iterator<Item = u32> + '_ {
        self.forms.get(i).into_iter().flatten().copied().filter(|&id| id != UNKNOWN)
    }

    /// Does a form [`Words::forms_at`] gives for word `i` pass `f`? False past the end.
    /// (The forms read in place: the padding, [`UNKNOWN`], ends them.)
    #[inline]
    pub fn any_form(&self, i: usize, f: impl Fn(u32) -> bool) -> bool {
        self.forms.get(i).is_some_and(|fs| fs.iter().take_while(|&&id| id != UNKNOWN).any(|&id| f(id)))
    }

    /// Does word `i` match the pattern word with vocabulary id `id` (as
    /// [`crate::patterns::word_matches`] allows)? False past the end.
    pub fn matches_id(&self, i: usize, id: u32) -> bool {
        id != UNKNOWN && self.forms.get(i).is_some_and(|f| f.contains(&id))
    }

    /// Could a pattern word with this id match some word of the sentence (as
    /// [`crate::patterns::word_matches`] allows)? False: it matches none. (True: it may,
    /// or another id shares its bit.)
    pub fn may_contain(&self, id: u32) -> bool {
        let bit = present_bit(id);
        self.present_bits[bit / 64] & (1 << (bit % 64)) != 0
    }

    /// The filter [`Words::may_contain`] reads, a bit per [`present_bit`].
    pub(crate) fn present_bits(&self) -> &[u64; PRESENT_WORDS] {
        &self.present_bits
    }

    pub fn len(&self) -> usize {
        self.words.len()
    }

    /// The part-of-speech tag of word `i` ("" past the end or when untagged).
    pub fn tag_str(&self, i: usize) -> &str {
        self.words.get(i).and_then(|w| w.tag).map_or("", |t| t.as_str())
    }

    pub fn is_empty(&self) -> bool {
        self.words.is_empty()
    }

    /// Is word `i` in one of the classes `flags` (see [`word_flags`])? False past the end.
    #[inline]
    pub(crate) fn is(&self, i: usize, flags: u16) -> bool {
        self.words.get(i).is_some_and(|w| w.flags & flags != 0)
    }

    pub fn norm(&self, i: usize) -> &str {
        self.words.get(i).map_or("", |w| &w.norm)
    }

    /// Can something at word `a` relate to something at word `b` without crossing
    /// into a parenthetical that holds one but not the other? A region is skipped
    /// from outside, but a clause inside may reach its antecedent outside.
    pub fn same_clause_level(&self, a: usize, b: usize) -> bool {
        self.regions.iter().all(|&(s, e)| {
            let a_in = s <= a && a <= e;
            let b_in = s <= b && b <= e;
            !a_in || b_in
        })
    }

    /// Is the word at `k` a finite verb by the tagger (false past the end or untagged)?
    pub fn finite_verb_at(&self, k: usize) -> bool {
        finite_verb(&self.words, k)
    }

    /// Add the comma asides (see [`comma_asides`]) that `keep` accepts to the regions.
    pub fn add_comma_asides(&mut self, keep: impl Fn(&Self, (usize, usize)) -> bool) {
        let asides: Vec<(usize, usize)> = comma_asides(&self.words).into_iter().filter(|&r| keep(self, r)).collect();
        self.regions.extend(asides);
        self.regions.extend(attribution_asides(&self.words));
        self.regions.extend(participle_asides(&self.words));
    }

    pub fn span_of(&self, from: usize, to: usize) -> Span {
        Span::new(self.words[from].span.start, self.words[to - 1].span.end)
    }
}

fn find_regions(words: &[Word]) -> Vec<(usize, usize)> {
    let mut regions = Vec::new();
    let mut open_dash: Option<usize> = None;
    let mut open_paren: Vec<usize> = Vec::new();
    for (i, w) in words.iter().enumerate() {
        // (every dash and bracket is at most three bytes and starts with '-', '(', ')' or
        // the first byte of an en or em dash: other words are passed over at once)
        let n = w.norm.as_bytes();
        if n.len() > 3 || !matches!(n.first(), Some(b'-' | b'(' | b')' | 0xE2)) {
            continue;
        }
        if DASHES.contains(&&*w.norm) {
            match open_dash.take() {
                Some(s) => regions.push((s, i)),
                None => open_dash = Some(i),
            }
        } else if w.norm == "(" {
            open_paren.push(i);
        } else if w.norm == ")" {
            if let Some(s) = open_paren.pop() {
                regions.push((s, i));
            }
        }
    }
    // an unclosed dash runs to the end of the sentence ("..., the official said — and left")
    if let Some(s) = open_dash {
        regions.push((s, words.len().saturating_sub(1)));
    }
    regions
}

fn finite_verb(words: &[Word], k: usize) -> bool {
    words.get(k).and_then(|w| w.tag).is_some_and(|t| t.is_finite_verb())
}

/// Descriptions set off by commas between a subject and its verb: "The Observatory, a
/// UK-based group that tracks the war, said", "Hamas, which controls Gaza, said". The
/// aside opens with an article or a relative pronoun and the word after its closing
/// comma is a finite verb (by the tagger), so lists ("the US, the UK, and France") and
/// clauses after a verb do not qualify.
fn comma_asides(words: &[Word]) -> Vec<(usize, usize)> {
    const OPENERS: &[&str] = &["a", "an", "the", "who", "which", "whose"];
    let mut out = Vec::new();
    for (i, w) in words.iter().enumerate() {
        if w.norm != "," || i == 0 || !words.get(i + 1).is_some_and(|n| OPENERS.contains(&&*n.norm)) {
            continue;
        }
        out.extend(closing_comma_before_verb(words, i, 16).map(|j| (i, j)));
    }
    out
}

/// The comma closing an aside opened by the comma at `i`: the first comma among the
/// next `reach - 1` words (at least one word after `i + 1`), when a finite verb follows
/// it, the verb of the clause the aside interrupts.
fn closing_comma_before_verb(words: &[Word], i: usize, reach: usize) -> Option<usize> {
    (i + 2..words.len().min(i + reach)).find(|&j| words[j].norm == ",").filter(|&j| finite_verb(words, j + 1))
}

/// Participle phrases set off by commas between a subject and its verb: "A group of
/// physicians, alarmed that the administration is denying vaccines, is urging", "Syrian
/// troops, backed by Russian jets, attacked". The phrase opens with a participle (by the
/// tagger) right after the comma, no verb comes before that comma in the sentence (so
/// the comma follows the subject, not a clause: "struck the camp, killing 13, officials
/// said" is no aside), and the word after the closing comma is a finite verb. Whoever
/// the phrase names is what the participle acts on or is done by, never who the subject
/// is, so the aside is skipped whatever it names.
fn participle_asides(words: &[Word]) -> Vec<(usize, usize)> {
    let first_verb = words.iter().position(|x| x.tag.is_some_and(|t| t.is_verb())).unwrap_or(words.len());
    let mut out = Vec::new();
    for (i, w) in words.iter().enumerate().take(first_verb).skip(1) {
        let opens = words.get(i + 1).and_then(|n| n.tag).is_some_and(|t| matches!(t.as_str(), "VBN" | "VBG"));
        if w.norm == "," && opens {
            out.extend(closing_comma_before_verb(words, i, 20).map(|j| (i, j)));
        }
    }
    out
}

/// Who-says-so remarks set off by commas inside a clause: "The convoy, aid workers said
/// on Friday, was turned back". The remark names its speaker and a statement verb and no
/// other verb, and the word after its closing comma is a verb with a tense (or a past
/// form) that goes on with the clause it interrupts; the speaker has no part in that
/// clause.
fn attribution_asides(words: &[Word]) -> Vec<(usize, usize)> {
    const SAYS: &[&str] = &["said", "says", "added", "reported", "told", "stated", "claimed", "alleged"];
    let mut out = Vec::new();
    for (i, w) in words.iter().enumerate() {
        if w.norm != "," || i == 0 {
            continue;
        }
        let Some(j) = (i + 2..words.len().min(i + 12)).find(|&j| words[j].norm == ",") else { continue };
        let Some(k) = (i + 2..j).find(|&k| crate::words::listed(SAYS, &words[k].norm)) else { continue };
        let other_verb = (i + 1..j).any(|x| x != k && words[x].tag.is_some_and(|t| t.is_verb()));
        // (the tagger takes some past forms after the remark for participles: "fired")
        let goes_on =
            finite_verb(words, j + 1) || words.get(j + 1).and_then(|w| w.tag).is_some_and(|t| t.as_str() == "VBN");
        if !other_verb && goes_on {
            out.push((i, j));
        }
    }
    out
}

/// Words of a text split at spaces, untagged (for tests).
#[cfg(test)]
pub(crate) fn words_of<'t>(text: &'t str, vocab: &'t Vocab) -> Words<'t> {
    use dyad_core::Token;
    let mut tokens = Vec::new();
    let mut start = 0;
    for part in text.split(' ') {
        tokens.push(Token { span: Span::new(start, start + part.len()), kind: TokenKind::Word });
        start += part.len() + 1;
    }
    let sentence = Sentence { span: Span::new(0, text.len()), tokens, tags: Vec::new() };
    Words::new(text, &sentence, vocab)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::patterns::word_matches;

    #[test]
    fn word_classes_are_those_of_the_lists() {
        // the listed words, the others of the coder's vocabulary, and words of no list
        let coder = crate::Coder::new(crate::Dictionaries::embedded());
        let listed: Vec<&str> = class_words().collect();
        let vocab: Vec<&str> = coder.dict.vocab.words().map(|(w, _)| w).collect();
        let others = ["", "onc", "whic", "which's", "the ", "\u{e9}t\u{e9}", "reportedlyx", "government"];
        for w in listed.iter().chain(&vocab).chain(&others) {
            assert_eq!(word_flags(w), listed_word_flags(w), "{w:?}");
        }
        assert!(listed.iter().all(|w| listed_word_flags(w) != 0));
    }

    #[test]
    fn word_classes_are_the_same_from_the_table_and_the_word() {
        let mut vocab = Vocab::default();
        for w in ["which", "after", ";", "once", "reportedly", "against", "did", "talks"] {
            vocab.intern(w);
        }
        let text = "Which after ; : once reportedly against didn't talks whereas , Until notaword";
        let untabled: Vec<u16> = words_of(text, &vocab).words.iter().map(|x| x.flags).collect();
        index_forms(&mut vocab);
        let tabled = words_of(text, &vocab);
        assert_eq!(untabled, tabled.words.iter().map(|x| x.flags).collect::<Vec<_>>());
        {
            let w = &tabled;
            for i in 0..w.len() {
                assert_eq!(w.words[i].flags, word_flags(w.norm(i)), "{:?}", w.norm(i));
            }
            assert!(!w.is(w.len(), CLAUSE_OPENER | CLAUSE_BREAK | SUBORDINATOR));
        }
        let flags: Vec<u16> = tabled.words.iter().map(|x| x.flags).collect();
        let o = CLAUSE_OPENER;
        assert_eq!(
            flags,
            [
                o | crate::language::ENGLISH_WORD,
                o | SUBORDINATOR | PREPOSITION_WORD | crate::language::ENGLISH_WORD,
                CLAUSE_BREAK,
                CLAUSE_BREAK,
                SUBORDINATOR | AUX_OR_ADVERB_WORD,
                AUX_OR_ADVERB_WORD,
                PREPOSITION_WORD,
                AUX_OR_ADVERB_WORD,
                AUX_OR_ADVERB_WORD | NEGATION,
                0,
                o,
                0,
                o | SUBORDINATOR,
                0
            ]
        );
    }

    #[test]
    fn tag_is_matches_the_tag_names() {
        for name in PosTag::NAMES {
            let t = PosTag::from_name(name).unwrap();
            assert_eq!(tag_is!(t, "NN" | "NNS"), matches!(t.as_str(), "NN" | "NNS"), "{name}");
            assert_eq!(tag_is!(t, "PRP$"), t.as_str() == "PRP$", "{name}");
            assert_eq!(tag_is!(t, "XX" | "-LRB-" | "AFX"), matches!(t.as_str(), "XX" | "-LRB-" | "AFX"), "{name}");
        }
    }

    #[test]
    fn the_coder_lists_are_word_classes() {
        let vocab = Vocab::default();
        let w = words_of("the was could unless never other", &vocab);
        let flags: Vec<u16> = w.words.iter().map(|x| x.flags).collect();
        assert_eq!(
            flags,
            [
                DETERMINER | crate::language::ENGLISH_WORD,
                BE_WORD | AUX_OR_ADVERB_WORD,
                MODAL | AUX_OR_ADVERB_WORD,
                CONDITIONAL | CLAUSE_OPENER,
                NEGATION | AUX_OR_ADVERB_WORD,
                0
            ]
        );
    }

    #[test]
    fn any_form_reads_the_forms_forms_at_gives() {
        let mut vocab = Vocab::default();
        for w in ["attack", "party", "tie", "offing"] {
            vocab.intern(w);
        }
        index_forms(&mut vocab);
        let w = words_of("attacks parties ties unknownword offing", &vocab);
        for i in 0..w.len() + 2 {
            let forms: Vec<u32> = w.forms_at(i).collect();
            for id in 0..vocab.len() as u32 + 2 {
                assert_eq!(w.any_form(i, |f| f == id), forms.contains(&id), "word {i}, id {id}");
            }
            assert_eq!(w.any_form(i, |_| true), !forms.is_empty());
        }
    }

    #[test]
    fn negative_contractions_split_and_other_endings_do_not() {
        let vocab = Vocab::default();
        for (word, split) in [
            ("didn't", Some(("did", 3))),
            ("won\u{2019}t", Some(("will", 2))),
            ("Can't", Some(("can", 2))),
            ("n't", None),
            ("an't", None),
            ("isn", None),
            ("dont", None),
            ("x2n't", None),
            ("", None),
        ] {
            let norm = crate::words::normalize_word(word);
            assert_eq!(split_negation(word, &norm), split.map(|(a, c)| (a.to_string(), c)), "{word:?}");
        }
        let w = words_of("they didn't say", &vocab);
        assert_eq!((0..w.len()).map(|i| w.norm(i)).collect::<Vec<_>>(), ["they", "did", "n't", "say"]);
    }

    #[test]
    fn regions_open_at_dashes_and_brackets_only() {
        let vocab = Vocab::default();
        let w = words_of("a \u{2014} b ( c ) d -- e - f \u{2013} g", &vocab);
        assert_eq!(w.regions, [(3, 5), (1, 7), (11, 12)]);
        let w = words_of("a - b (c) --- d", &vocab);
        assert!(w.regions.is_empty());
    }

    #[test]
    fn capitals_are_found_as_by_characters() {
        let by_chars = |s: &str| {
            let mut cs = s.chars();
            cs.next().is_some_and(|c| c.is_uppercase() || (c.is_lowercase() && cs.any(char::is_uppercase)))
        };
        for w in [
            "",
            "Israel",
            "israel",
            "iSrael",
            "eBay",
            "ebay",
            "2025",
            "-",
            "'s",
            "\u{c9}vian",
            "\u{e9}vian",
            "e\u{c9}",
            "e\u{e9}X",
            "\u{e9}X",
            "x\u{e9}",
            "\u{3b1}\u{391}",
            "\u{391}",
            "1A",
            "a1B",
        ] {
            assert_eq!(is_capitalized(w), by_chars(w), "{w:?}");
        }
    }

    #[test]
    fn word_ids_match_as_pattern_words_do() {
        let pattern_words = [
            "attack", "attacks", "attacke", "party", "parti", "partie", "y", "e", "strike", "strik", "ing", "ies",
            "off", "offe", "of", "aid", "aide", "war", "tie", "ti", "tiy", "s", "es", "ed", "d", "bed", "be", "sing",
            "sin",
        ];
        let text =
            "attacks attacked attacking parties ies ing ties striking strikes bed beds sing singing offing aide \
                    aided war warring y e s es";
        let mut vocab = Vocab::default();
        let ids: Vec<u32> = pattern_words.iter().map(|p| vocab.intern(p)).collect();
        let w = words_of(text, &vocab);
        for (i, word) in text.split(' ').enumerate() {
            for (p, &id) in pattern_words.iter().zip(&ids) {
                assert_eq!(w.matches_id(i, id), word_matches(p, word), "{p:?} against {word:?}");
                if w.matches_id(i, id) {
                    assert!(w.may_contain(id));
                }
            }
        }
        assert!(!w.matches_id(w.len(), ids[0]));
        assert!(!w.matches_id(0, UNKNOWN));
    }

    #[test]
    fn indexed_forms_are_the_forms_looked_up() {
        // words of the vocabulary and their inflections, with stems that are words too
        let known = ["rally", "rallies", "rallied", "shout", "shouting", "shouted", "bake", "baking", "bakes", "news"];
        let mut vocab = Vocab::default();
        for k in known {
            vocab.intern(k);
        }
        let text = "rally rallies rallied shouting shouts baking bakes baked news newsy unknownish";
        let looked_up = words_of(text, &vocab).forms;
        index_forms(&mut vocab);
        assert!(vocab.forms_of(vocab.get("rallies")).is_some());
        let indexed = words_of(text, &vocab);
        assert_eq!(indexed.forms, looked_up);
        // a word added later may be a stem of a known one: the index is dropped
        let id = vocab.intern("rallie");
        assert!(vocab.forms_of(id).is_none() && vocab.forms_of(0).is_none());
        assert!(words_of(text, &vocab).matches_id(1, id));
    }
}
