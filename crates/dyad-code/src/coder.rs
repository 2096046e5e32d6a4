//! Sentence -> events. For each verb in the verb dictionary found in a sentence:
//! find its clause, its subject (source) and object (target) among the actor
//! mentions, pick the most specific matching pattern for the CAMEO code, then set
//! the date, the flags (negated, hypothetical, historical) and the place.

use crate::dict::actors::ActorKind;
use crate::dict::verbs::{Atom, Code, Elem, Form, Pattern, Var, VerbForm};
use crate::dict::{Dictionaries, DiscardScope};
use crate::mentions::{
    find_mentions, find_mentions_noting, names_critics, resolve_plural_references, Aliases, Mention, UNKNOWN_CODE,
};
use crate::patterns::{match_pattern, passive_match, PatternMatch};
use crate::places::ArticlePlaces;
use crate::relevance::Relevance;
use crate::sentence::{
    Words, AUX_OR_ADVERB_WORD, BE_WORD, CLAUSE_BREAK, CLAUSE_OPENER, CONDITIONAL, DETERMINER, MODAL, NEGATION,
    PREPOSITION_WORD, SUBORDINATOR,
};
use crate::words::{FastMap, WordSet};
use chrono::{Datelike, NaiveDate};
use dyad_core::{
    ActorCode, Annotated, Entity, Event, EventActor, Plover, PosTag, Precision, SentenceRef, Span, TimeExpr, Trigger,
};
use std::borrow::Cow;
use std::cell::OnceCell;
use std::ops::Range;
use std::sync::OnceLock;

/// `format!` for rules, reasons and trace lines: the same text, written into a string
/// with room for a typical line (`format!` starts with none when the text opens with
/// an argument, then grows the string step by step).
macro_rules! text {
    ($($arg:tt)*) => {{
        use std::fmt::Write as _;
        let mut s = String::with_capacity(128);
        let _ = write!(s, $($arg)*);
        s
    }};
}

/// Words before a word that make it a noun, not a verb ("the attack", "a meeting").
pub(crate) const DETERMINERS: &[&str] = &[
    "a", "an", "the", "this", "that", "these", "those", "its", "his", "her", "their", "our", "my", "your", "such",
    "no", "any", "every", "each", "another", "'s", "of", "first", "last", "new", "recent",
];
pub(crate) const PREPOSITIONS: &[&str] = &[
    "of",
    "with",
    "between",
    "to",
    "for",
    "against",
    "on",
    "over",
    "about",
    "from",
    "by",
    "in",
    "at",
    "near",
    "into",
    "toward",
    "towards",
    "among",
    "under",
    "through",
    "after",
    "before",
    "during",
    "than",
    "like",
    "via",
    "including",
    "loyal",
    "amid",
    "amidst",
    "despite",
];
/// The recipient of a transfer past a relative clause on its object: "sent aid that was
/// collected by churches to Haiti". The relative pronoun must follow a noun of the
/// verb's object and stand at or before `window_end` (the next verb); the recipient is
/// the last actor in the rest of the clause (up to a comma, semicolon or another clause
/// opener) that comes right after "to" or "into" (determiners between), and not a place
/// the gazetteer alone knows.
fn relative_recipient(
    w: &Words,
    ms: &[Mention],
    v: &VerbHit,
    window_end: usize,
    actor: &dyn Fn(&usize) -> bool,
) -> Option<usize> {
    let rel = (v.words.end + 1..(window_end + 1).min(w.len()))
        .find(|&k| matches!(w.norm(k), "that" | "which" | "who") && w.words[k - 1].tag.is_some_and(|t| t.is_noun()))?;
    // (a comma inside a list in the clause does not end it: "which includes their names,
    // addresses and balances to ...")
    let end = (rel + 1..w.len())
        .find(|&k| (matches!(w.norm(k), "," | ";" | ":") && !list_comma(w, k)) || w.is(k, CLAUSE_OPENER))
        .unwrap_or(w.len());
    (0..ms.len()).rev().find(|&i| {
        let m = &ms[i];
        // ("to the Mbala Heritage Foundation": determiners may stand between)
        let mut k = m.words.start;
        while k > rel + 1 && w.is(k - 1, DETERMINER) {
            k -= 1;
        }
        k > rel + 1
            && m.words.end <= end
            && actor(&i)
            && !(m.kind == ActorKind::Place && m.head.is_none())
            && matches!(w.norm(k - 1), "to" | "into")
            && w.same_clause_level(m.words.start, v.words.start)
    })
}

/// Nouns of a sanction laid "on" someone (a general fact of English: a ban, an
/// embargo or sanctions are imposed on whom they bind).
const SANCTION_NOUNS: &[&str] =
    &["ban", "bans", "embargo", "embargoes", "sanction", "sanctions", "restriction", "restrictions", "blockade"];

/// "lifts the ban it imposed in 2010 on relief groups", "will not ease the embargo
/// it has placed on Cuba": when the verb's pattern noun is a sanction followed by a
/// relative clause of laying it (impose, place, put, slap, level, enforce), the one the
/// sanction was laid "on" (or "against") is whom lifting or keeping it is aimed at.
fn sanction_bearer(
    w: &Words,
    ms: &[Mention],
    v: &VerbHit,
    pm: &PatternMatch,
    actor: &dyn Fn(&usize) -> bool,
) -> Option<usize> {
    let noun = pm.words.iter().map(|r| r.end - 1).find(|&k| k >= v.words.end && SANCTION_NOUNS.contains(&w.norm(k)))?;
    // the laying verb within four words of the noun, with no punctuation between
    let lay = (noun + 1..(noun + 5).min(w.len())).take_while(|&k| !w.words[k].punct).find(|&k| {
        matches!(w.norm(k), "imposed" | "placed" | "put" | "slapped" | "levied" | "enforced" | "levelled" | "leveled")
    })?;
    // (a date set off by commas may stand between: "imposed, 16 May 2010, on ...")
    let stop = (lay + 1..w.len())
        .find(|&k| matches!(w.norm(k), "." | ";" | ":" | "and" | "but") || w.is(k, CLAUSE_OPENER))
        .unwrap_or(w.len())
        .min(lay + 12);
    ms.iter().enumerate().position(|(i, m)| {
        let mut k = m.words.start;
        // (determiners and describing words may stand between: "on all aid agencies")
        while k > lay + 1 && (w.is(k - 1, DETERMINER) || matches!(w.tag_str(k - 1), "JJ" | "NN" | "CD" | "PRP$")) {
            k -= 1;
        }
        k > lay + 1
            && m.words.end <= stop
            && actor(&i)
            && matches!(w.norm(k - 1), "on" | "upon" | "against")
            && (lay + 1..k - 1).all(|j| !w.words[j].tag.is_some_and(|t| t.is_verb()))
    })
}

/// "mobilized soldiers under a plan to strike against Peru's bases": forces
/// sent with no recipient are aimed at the actor the purpose infinitive that ends the
/// verb's window ("to" and a base verb, an adverb between) goes "against": the first
/// actor in that infinitive's own clause.
fn purpose_against(w: &Words, ms: &[Mention], window_end: usize, actor: &dyn Fn(&usize) -> bool) -> Option<usize> {
    if window_end == 0 || window_end >= w.len() || w.tag_str(window_end) != "VB" {
        return None;
    }
    let mut k = window_end - 1;
    while k > 0 && w.tag_str(k) == "RB" {
        k -= 1;
    }
    if w.norm(k) != "to" {
        return None;
    }
    let stop = (window_end + 1..w.len())
        .find(|&j| w.words[j].punct || w.is(j, CLAUSE_OPENER) || w.tag_str(j).starts_with("VB"))
        .unwrap_or(w.len());
    // the infinitive's first actor, which it must go "against" ("to help the Philippine
    // army fight against ..." helps the army)
    let i = (0..ms.len()).find(|&i| ms[i].words.start > window_end && ms[i].words.end <= stop && actor(&i))?;
    let mut j = ms[i].words.start;
    while j > window_end + 1 && w.is(j - 1, DETERMINER) {
        j -= 1;
    }
    (j > window_end + 1 && w.norm(j - 1) == "against").then_some(i)
}

/// Is the comma at `k` one between the members of a list ("names, addresses and
/// balances")? One to four plain words (no punctuation, no verb) follow it, then "and"
/// or "or".
fn list_comma(w: &Words, k: usize) -> bool {
    if w.norm(k) != "," {
        return false;
    }
    let Some(j) = (k + 2..w.len().min(k + 6)).find(|&j| matches!(w.norm(j), "and" | "or")) else {
        return false;
    };
    (k + 1..j).all(|x| !w.words[x].punct && !w.words[x].tag.is_some_and(|t| t.is_verb()))
}

/// The country an arrest (CAMEO 173), an assault or a fight (18, 19) told in the
/// passive without an agent took place in: a country mention right after "in" in
/// the verb's clause, after the verb.
fn agentless_country(w: &Words, ms: &[Mention], v: &VerbHit, window_end: usize, code: &Code) -> Option<usize> {
    let coercion = [&code.forward, &code.reverse]
        .into_iter()
        .flatten()
        .any(|c| c.starts_with("173") || c.starts_with("18") || c.starts_with("19"));
    if !coercion {
        return None;
    }
    ms.iter().position(|m| {
        m.location
            && m.kind == ActorKind::Country
            && m.words.start > v.words.end
            && m.words.end <= window_end
            && w.norm(m.words.start - 1) == "in"
            && w.same_clause_level(m.words.start, v.words.start)
    })
}

/// The country the subject of `v` is in, when that subject names no actor ("a report
/// released in the Rwandan capital alleged"): a country mention after "in" (a
/// determiner may stand between) in the verb's clause before it, with no comma,
/// clause opener or other verb between it and the verb, nor any actor before it.
fn subject_country(w: &Words, ms: &[Mention], v: &VerbHit, clause_start: usize) -> Option<usize> {
    ms.iter()
        .position(|m| {
            let k = m.words.start;
            m.location
                && m.kind == ActorKind::Country
                && k >= clause_start.max(2)
                && m.words.end <= v.words.start
                && (w.norm(k - 1) == "in" || (w.norm(k - 2) == "in" && matches!(w.norm(k - 1), "the" | "a")))
                && w.same_clause_level(k, v.words.start)
                && (m.words.end..v.words.start).all(|j| {
                    w.norm(j) != "," && !w.is(j, CLAUSE_OPENER) && !w.words[j].tag.is_some_and(|t| t.is_verb())
                })
        })
        .filter(|_| !ms.iter().any(|n| !n.location && n.words.start >= clause_start && n.words.end <= v.words.start))
}

/// Words that open a new clause: a target is not looked for past them (a word's
/// [`crate::sentence::CLAUSE_OPENER`] class).
pub(crate) const CLAUSE_OPENERS: &[&str] = &[
    "which", "who", "whom", "whose", "while", "whereas", "but", "because", "although", "though", "after", "before",
    "since", "when", "until", "as", "if", "unless", "that", "where",
];
pub(crate) const BE: &[&str] = &["is", "are", "was", "were", "be", "been", "being", "'s"];
/// Words that may stand between a subject and its verb.
pub(crate) const AUX_OR_ADVERB: &[&str] = &[
    "has",
    "have",
    "had",
    "is",
    "are",
    "was",
    "were",
    "will",
    "would",
    "also",
    "long",
    "already",
    "not",
    "never",
    "then",
    "later",
    "now",
    "still",
    "again",
    "did",
    "does",
    "do",
    "may",
    "might",
    "could",
    "can",
    "should",
    "been",
    "just",
    "first",
    "reportedly",
    "n't",
    "once",
];
/// Prepositions a pattern may name: a pattern made of these alone says little of the
/// act (unlike the particles of phrasal verbs, "* out").
const PATTERN_PREPOSITIONS: &[&str] =
    &["to", "for", "with", "on", "in", "at", "from", "against", "into", "by", "of", "about", "over"];
pub(crate) const MODALS: &[&str] = &["might", "may", "could", "would", "should", "can", "must"];

/// A modal verb at word `i`: not a name spelt like one ("Theresa May has held talks"),
/// which is capitalised inside the sentence.
fn is_modal(w: &Words, i: usize) -> bool {
    w.is(i, MODAL) && !(i > 0 && w.words[i].capitalized)
}
/// Modals of possibility, not of intent, obligation or the counterfactual ("would have").
const EPISTEMIC_MODALS: &[&str] = &["may", "might", "could", "must"];
pub(crate) const NEGATIONS: &[&str] = &["not", "n't", "never", "neither", "nor", "cannot"];
const SUBJECT_PRONOUNS: &[&str] = &["i", "we", "they", "you", "he", "she", "it", "who", "which", "that"];
/// Verbs whose "to"-complement is only intended or proposed, not done (with
/// [`COMMITMENT_VERBS`], see [`expresses_intent`]).
const INTENT_VERBS: &[&str] = &[
    "seek",
    "seeks",
    "sought",
    "seeking",
    "plan",
    "plans",
    "planned",
    "planning",
    "want",
    "wants",
    "wanted",
    "try",
    "tries",
    "tried",
    "trying",
    "threaten",
    "threatens",
    "threatened",
    "threatening",
    "hope",
    "hopes",
    "hoped",
    "aim",
    "aims",
    "aimed",
    "intend",
    "intends",
    "intended",
    "propose",
    "proposes",
    "proposed",
    "offer",
    "offers",
    "offered",
    "ready",
    "prepared",
    "willing",
    "expected",
    "likely",
    "possibility",
    "reconsider",
];

/// The word lists looked up most often, as hash sets (see [`WordSet`]).
static INTENT_OR_COMMITMENT: WordSet = WordSet::new(&[INTENT_VERBS, COMMITMENT_VERBS]);
pub(crate) static AUX_OR_ADVERB_SET: WordSet = WordSet::new(&[AUX_OR_ADVERB]);
static QUANTITY_SET: WordSet = WordSet::new(&[QUANTITIES]);
pub(crate) static PREPOSITION_SET: WordSet = WordSet::new(&[PREPOSITIONS]);
static TRANSFER_SET: WordSet = WordSet::new(&[TRANSFER_VERBS]);
static SUPPORT_OR_TRANSFER: WordSet = WordSet::new(&[SUPPORT_VERBS, TRANSFER_VERBS]);

/// Does this word express an intent (seeking, planning, threatening, committing to ...)?
fn expresses_intent(word: &str) -> bool {
    INTENT_OR_COMMITMENT.contains(word)
}
pub(crate) const CONDITIONALS: &[&str] = &["if", "unless", "whether"];
/// Verbs of driving someone out of a place or a body: in a passive without an agent,
/// the one named after "from" expels.
const EXPULSION_VERBS: &[&str] = &["expel", "deport", "evict", "banish", "oust"];
/// Nouns of an armed attack ("in Israeli tank shelling", "in a US drone strike").
const ATTACK_NOUNS: &[&str] = &[
    "shelling",
    "strike",
    "strikes",
    "airstrike",
    "airstrikes",
    "attack",
    "attacks",
    "raid",
    "raids",
    "bombing",
    "bombings",
    "bombardment",
    "fire",
    "gunfire",
    "assault",
    "offensive",
    "ambush",
    "shell",
    "shells",
    "missile",
    "missiles",
    "rocket",
    "rockets",
];
/// Nouns of a party's own stance ("reiterated Turkey's support for ..."): whoever
/// holds it is not whom it is aimed at.
const STANCE_NOUNS: &[&str] = &[
    "support",
    "solidarity",
    "commitment",
    "readiness",
    "willingness",
    "determination",
    "position",
    "stance",
    "opposition",
    "condemnation",
    "backing",
];
/// Verbs that move something to someone: their role-word object ("troops") is what
/// is moved, and the actor it goes to is the target.
const TRANSFER_VERBS: &[&str] = &[
    "send",
    "deploy",
    "dispatch",
    "provide",
    "give",
    "supply",
    "donate",
    "deliver",
    "contribute",
    "offer",
    "pledge",
    "withdraw",
    "pull",
    "move",
    "transfer",
    "ship",
    "airlift",
    "lend",
    "grant",
    "extend",
    "sell",
    "mobilize",
    "mobilise",
    "station",
    "return",
    "hand",
    "release",
    "free",
];
/// Most days before publication a dated event still counts as current news.
const HISTORICAL_AFTER_DAYS: i64 = 31;

/// The intent code of an action code, for events that are only threatened,
/// proposed or conditional (CAMEO 03 "express intent to ..." and 13 "threaten").
pub fn intent_code(code: &str) -> String {
    let root = &code[..2];
    let c = match (root, code) {
        (_, "045") => "039",
        (_, "046") => "036",
        ("04", _) => "036",
        ("05", _) => "030",
        (_, "061") => "0311",
        (_, "062") => "0312",
        (_, "063") => "0313",
        (_, "064") => "0314",
        ("06", _) => "031",
        (_, "071") => "0331",
        (_, "072") => "0332",
        (_, "073") => "0333",
        (_, "074") => "0334",
        ("07", _) => "033",
        // CAMEO 035's subcodes mirror 08's: 081 -> 0351 ... 087 -> 0356 (083, accede to
        // demands for rights, has no intent code of its own)
        (_, "081") => "0351",
        (_, "082") => "0352",
        (_, "084" | "0841" | "0842") => "0353",
        (_, "085") => "0354",
        (_, "086" | "0861" | "0862" | "0863") => "0355",
        (_, "087" | "0871" | "0872" | "0873" | "0874") => "0356",
        ("08", _) => "035",
        ("15", _) => "130",
        (_, "163") => "1312",
        ("16", _) => "131",
        ("17", _) => "137",
        ("18", _) => "1383",
        ("19", _) | ("20", _) => "138",
        _ => code,
    };
    c.to_string()
}

/// What the coder saw in one sentence, for `--explain`. The mentions and the discard
/// are always kept; what became of each verb only by [`Coder::code_explained`].
#[derive(Clone, Debug, Default)]
pub struct SentenceTrace {
    pub index: usize,
    pub span: Span,
    pub mentions: Vec<Mention>,
    /// (verb span, what happened)
    pub verbs: Vec<(Span, String)>,
    /// Words of the verb dictionary read as something else here: (span, why).
    pub not_verbs: Vec<(Span, String)>,
    pub discarded: Option<String>,
    /// Are `verbs` and `not_verbs` written?
    explained: bool,
}

impl SentenceTrace {
    /// Note what became of the verb at `span`; `why` is written only for an explained trace.
    fn verb(&mut self, span: Span, why: impl FnOnce() -> String) {
        if self.explained {
            self.verbs.push((span, why()));
        }
    }

    /// Note a word of the verb dictionary that is no verb here (explained traces only).
    fn not_verb(&mut self, span: Span, why: &NotVerb) {
        if self.explained {
            self.not_verbs.push((span, why.to_string()));
        }
    }
}

/// The coder's output for one document.
#[derive(Clone, Debug, Default)]
pub struct Coded {
    pub events: Vec<Event>,
    /// Actor and place mentions as named entities.
    pub entities: Vec<Entity>,
    pub trace: Vec<SentenceTrace>,
    /// Is the article political news? (see [`crate::relevance`])
    pub relevance: Relevance,
    /// Events coded but left out of `events` because the article is not political news
    /// and neither side is a state, someone of a state or an organisation (shown by `--explain`).
    pub set_aside: Vec<Event>,
}

/// What an event is directed at: an actor mention, or the country of the place where
/// it happened when no actor is named.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Target {
    Mention(usize),
    Place(usize),
    /// A noun phrase the verb acts on that names no actor ("condemned the attacks"):
    /// its first and last word.
    Topic(usize, usize),
}

impl Target {
    /// The actor code an event aimed at this target carries: the mention's, the
    /// country of a place, no code for a thing.
    fn code<'m>(&self, mentions: &'m [Mention]) -> &'m str {
        match *self {
            Target::Mention(i) => mentions[i].code.as_str(),
            Target::Place(i) => mentions[i].code.country().unwrap_or(mentions[i].code.as_str()),
            Target::Topic(..) => UNKNOWN_CODE,
        }
    }
}

/// Why a word of the verb dictionary is no verb in its sentence (for the trace).
enum NotVerb<'a> {
    AfterDeterminer(&'a str),
    /// An -ing word heading a noun phrase: its determiner and the noun before it.
    NounPhraseHead(&'a str, &'a str),
    /// A participle between a number or quantity word and the noun it counts.
    CountedNoun(&'a str),
    CompletesNoun,
    /// "going to" before a verb's base form: the future.
    FutureGoingTo,
    /// "given that ...", "given their status": a preposition, "considering".
    Considering,
    According,
    /// A participle used as an adjective before a named person or role ("visiting").
    Attributive,
    /// A base form right after a comparative adjective ("better pay").
    AfterComparative(&'a str),
    /// A past participle between a verb and the common noun it describes, the verb's
    /// object ("launched coordinated attacks"): the verb before it.
    ParticipleOfObject(&'a str),
    Tagged(PosTag),
    UntaggedNounLike,
}

impl std::fmt::Display for NotVerb<'_> {
    fn fmt(&self, f: &mut std::fmt::Formatter) -> std::fmt::Result {
        match self {
            NotVerb::AfterDeterminer(prev) => write!(f, "after the determiner {prev:?}"),
            NotVerb::NounPhraseHead(det, noun) => write!(f, "the head of the noun phrase \"{det} {noun} ...\""),
            NotVerb::CountedNoun(prev) => write!(f, "a participle describing the noun counted by {prev:?}"),
            NotVerb::CompletesNoun => {
                f.write_str("completes a noun (\"pressure to ...\", \"efforts to ...\"), not an act")
            }
            NotVerb::FutureGoingTo => f.write_str("\"going to\" before a verb is the future"),
            NotVerb::Considering => f.write_str("\"given\" here means \"considering\", no giving"),
            NotVerb::According => f.write_str("\"according\" introduces a source"),
            NotVerb::Attributive => f.write_str("a participle describing the person or role named after it"),
            NotVerb::AfterComparative(prev) => write!(f, "a noun after the comparative adjective {prev:?}"),
            NotVerb::ParticipleOfObject(verb) => {
                write!(f, "a participle describing the object of {verb:?} named after it")
            }
            NotVerb::Tagged(t) => write!(f, "tagged {}", t.as_str()),
            NotVerb::UntaggedNounLike => f.write_str("a noun or modifier by the words before it (sentence not tagged)"),
        }
    }
}

/// A word or phrase of the verb dictionary acting as a verb: its words and its entry.
struct VerbHit<'d> {
    words: Range<usize>,
    form: &'d VerbForm,
    /// The form as used here: `form.form`, except that a base form the tagger reads as
    /// a past participle after "be" or "have", or before "by", is past ("the camp was
    /// hit", "has put forward", "farmers hit by tariffs": verbs whose participle is their
    /// base, which the dictionary's forms cannot tell apart). Otherwise the tagger's
    /// participle, past and present of "cut" or "put" are guesses ("demanding the
    /// administration cut off aid").
    tense: Form,
}

pub struct Coder {
    pub dict: Dictionaries,
}

/// The discard phrases of a sentence, as (first word, length): the first of any kind,
/// and the first story-level one (see [`DiscardScope`]).
struct Discard {
    first: (usize, usize),
    story: Option<(usize, usize)>,
}

/// The words `i..i + n` of the sentence, for `--explain`.
fn phrase(w: &Words, i: usize, n: usize) -> String {
    (i..i + n).map(|k| w.norm(k)).collect::<Vec<_>>().join(" ")
}

impl Coder {
    pub fn new(mut dict: Dictionaries) -> Self {
        crate::sentence::index_forms(&mut dict.vocab);
        for index in [&mut dict.actors, &mut dict.agents] {
            index.index_root();
        }
        dict.verbs.index.index_root();
        dict.discards.index_root();
        for b in &mut dict.verbs.blocks {
            b.index_needs();
        }
        Coder { dict }
    }

    /// Code every sentence of an annotated article. The trace keeps each sentence's
    /// mentions; what became of each verb is left out (see [`Coder::code_explained`]).
    pub fn code(&self, doc: &Annotated) -> Coded {
        self.code_traced(doc, false)
    }

    /// [`Coder::code`], with what became of each verb and verb-dictionary word in the
    /// trace (for `--explain`).
    pub fn code_explained(&self, doc: &Annotated) -> Coded {
        self.code_traced(doc, true)
    }

    fn code_traced(&self, doc: &Annotated, explained: bool) -> Coded {
        let text = &doc.article.text;
        let published = doc.article.published;
        let mut words: Vec<Words> = doc.sentences.iter().map(|s| Words::new(text, s, &self.dict.vocab)).collect();
        // the entity tagger's names, by sentence
        let names: Vec<Vec<&Entity>> =
            doc.sentences.iter().map(|s| doc.entities.iter().filter(|e| s.span.contains(e.span)).collect()).collect();
        // first pass: learn surnames of people named in full; the mentions found are
        // kept for sentences whose words no alias learned later names
        let mut aliases = Aliases::default();
        // (with the words each looked up as an alias: only an alias of one learned later
        // changes its mentions)
        let mut first_pass: Vec<(usize, Vec<u32>, Vec<Mention>)> = Vec::with_capacity(words.len());
        for (w, names) in words.iter().zip(&names) {
            let mark = aliases.mark();
            let mut looked_up = Vec::with_capacity(w.len());
            let mentions = find_mentions_noting(w, &self.dict, &aliases, published, names, &mut looked_up);
            for m in &mentions {
                aliases.learn(w, m, &self.dict);
            }
            first_pass.push((mark, looked_up, mentions));
        }
        // each sentence's first discard phrase; a story-level one anywhere leaves the whole
        // article uncoded
        let discards: Vec<Option<Discard>> = words.iter().map(|w| self.discard(w)).collect();
        let story_discard = discards.iter().enumerate().find_map(|(si, d)| {
            let (w, d) = (&words[si], d.as_ref()?);
            let (i, n) = d.story?;
            Some(text!("story discard phrase {:?} in sentence {si}: the article is not coded", phrase(w, i, n)))
        });
        let places = OnceCell::new();
        let mut out = Coded::default();
        // the country of the article's dateline ("NAIROBI --"), once one is read
        let mut dateline_country: Option<String> = None;
        for (si, (sentence, w)) in doc.sentences.iter().zip(words.iter_mut()).enumerate() {
            let (mark, looked_up, found) = std::mem::take(&mut first_pass[si]);
            let mut mentions = if aliases.changed_since(mark, &looked_up) {
                find_mentions(w, &self.dict, &aliases, published, &names[si])
            } else {
                found
            };
            // phrases that point back ("the two leaders") look at the sentences so far,
            // whose mentions the trace keeps
            let earlier = out.trace.iter().rev().flat_map(|t| t.mentions.iter().rev());
            resolve_plural_references(w, &mut mentions, earlier);
            // an aside between a subject and its verb is skipped, unless it names an actor
            // ("Adam Rippon, the first openly gay U.S. olympian, has refused"): then it is
            // who the subject is
            // (a relative clause is skipped whatever it names: "X, who owns a consulting
            // firm, visited" is X's visit)
            w.add_comma_asides(|w, (a, b)| {
                matches!(w.norm(a + 1), "who" | "which" | "whose")
                    || !mentions.iter().any(|m| !m.location && m.words.start > a && m.words.end <= b)
            });
            let w = &*w;
            // (the dictionaries are English: in a sentence of another language their
            // matches are chance, "un" for the UN, "Ruf" for the RUF, and no entities)
            let not_english = crate::language::not_english(w);
            for m in mentions.iter().filter(|_| not_english.is_none()) {
                if let Some(label) = m.label().filter(|_| !m.refers_back) {
                    out.entities.push(Entity {
                        text: m.span.slice(text).to_string(),
                        span: m.span,
                        label,
                        actor: Some(m.code.as_str().to_string()).filter(|c| c != UNKNOWN_CODE),
                    });
                }
            }
            // a dateline names where the report was filed: no actor, nor the place acted on
            let dateline = dateline_len(text, sentence.span, w);
            if let Some(c) = mentions.iter().filter(|m| m.words.start < dateline).find_map(|m| m.code.country()) {
                dateline_country = Some(c.to_string());
            }
            mentions.retain(|m| m.words.start >= dateline);
            let mut trace = SentenceTrace { index: si, span: sentence.span, explained, ..Default::default() };
            let discarded = story_discard.clone().or(not_english).or_else(|| {
                discards[si].as_ref().map(|d| text!("discard phrase {:?}", phrase(w, d.first.0, d.first.1)))
            });
            if let Some(d) = discarded {
                trace.discarded = Some(d);
            } else {
                let times: Vec<&TimeExpr> = doc.times.iter().filter(|t| sentence.span.contains(t.span)).collect();
                let quotes: Vec<Span> = doc.quotes.iter().map(|q| q.span).collect();
                let ctx = SentenceCtx {
                    doc,
                    places: &places,
                    index: si,
                    span: sentence.span,
                    words: w,
                    mentions: &mentions,
                    times,
                    quotes,
                    verb_starts: Vec::new(),
                    relatives: Vec::new(),
                    attribution: None,
                };
                let first = out.events.len();
                self.code_sentence(&ctx, &mut out.events, &mut trace);
                if let Some(c) = &dateline_country {
                    dateline_roles(w, &mentions, c, &mut out.events[first..]);
                }
            }
            trace.mentions = mentions;
            out.trace.push(trace);
        }
        out.relevance = Relevance::of(&out.trace);
        if !out.relevance.is_political_news() {
            let relevance = out.relevance;
            let (kept, set_aside) = std::mem::take(&mut out.events).into_iter().partition(|e| relevance.keeps(e));
            out.events = kept;
            out.set_aside = set_aside;
        }
        out
    }

    /// Where the sentence's discard phrases are, if it holds any.
    fn discard(&self, w: &Words) -> Option<Discard> {
        let mut found: Option<Discard> = None;
        for i in 0..w.len() {
            let Some((n, &scope)) = self.dict.discards.longest_at(&w.ids, i) else { continue };
            let d = found.get_or_insert(Discard { first: (i, n), story: None });
            if scope == DiscardScope::Story {
                d.story = Some((i, n));
                break;
            }
        }
        found
    }

    /// An -ly word that is not itself a verb ("reportedly", not "supply").
    fn is_adverb(&self, w: &Words, k: usize) -> bool {
        let n = w.norm(k);
        n.len() >= 5 && n.ends_with("ly") && self.dict.verbs.index.longest_at(&w.ids, k).is_none()
    }

    /// Without part-of-speech tags: is the verb-dictionary word at `i` a noun or
    /// modifier here, judged by the words before it?
    fn untagged_noun_like(&self, w: &Words, i: usize, form: &VerbForm, prev: &str, mentions: &[Mention]) -> bool {
        let prev_mention = mentions.iter().find(|m| m.words.end == i);
        let prev_is_mention_end = prev_mention.is_some();
        // "an Islamic State target": a name inside a noun phrase opened by a/an
        let in_indefinite_np =
            prev_mention.is_some_and(|m| m.words.start > 0 && matches!(w.norm(m.words.start - 1), "a" | "an"));
        // an -ing word is a verb after "is", a subject, a comma or a clause
        // opener ("after meeting"), else a noun or adjective ("a three-way meeting")
        let ing_as_verb = i == 0
            || prev_is_mention_end
            || BE.contains(&prev)
            || matches!(prev, "," | "after" | "before" | "while" | "when" | "by" | "and" | "without" | "not");
        (form.form == Form::Ing && !ing_as_verb)
            // base and -s forms double as nouns ("threw stones", "peace talks"):
            // they count as verbs only right after a subject, pronoun or auxiliary
            || (matches!(form.form, Form::Base | Form::Third) && in_indefinite_np)
            || (matches!(form.form, Form::Base | Form::Third)
                && !(prev_is_mention_end
                    || AUX_OR_ADVERB.contains(&prev)
                    || (i > 0 && self.is_adverb(w, i - 1))
                    || prev == "to"
                    || MODALS.contains(&prev)
                    || NEGATIONS.contains(&prev)
                    || SUBJECT_PRONOUNS.contains(&prev)
                    || matches!(prev, "will" | "did" | "do" | "does" | "and")))
    }

    /// The words that act as verbs here; the verb-dictionary words that do not go to
    /// the trace with the reason.
    fn find_verbs(
        &self,
        w: &Words,
        mentions: &[Mention],
        quotes: &[Span],
        trace: &mut SentenceTrace,
    ) -> Vec<VerbHit<'_>> {
        let mut hits = Vec::new();
        let mut i = 0;
        while i < w.len() {
            // (the verb index first: most words start no verb, and its start bit says so
            // before the mentions and quotes are looked through)
            let in_mention = || mentions.iter().any(|m| m.words.contains(&i));
            let quoted = || quotes.iter().any(|q| q.contains(w.words[i].span));
            let Some((n, form)) = self.dict.verbs.index.longest_at(&w.ids, i).filter(|_| !in_mention() && !quoted())
            else {
                i += 1;
                continue;
            };
            let prev = if i > 0 { w.norm(i - 1) } else { "" };
            // "government-held", "UK-based": the second half of a compound modifier
            if i > 0 && w.words[i - 1].hyphen_after {
                i += n;
                continue;
            }
            // the tagger's part of speech decides where there is one, except that a
            // past form it calls a noun stays a verb ("Gunmen shot dead ..."): the
            // tagger errs that way more often than news uses "shot" or "attacked" as
            // nouns (measured on the three event sets); an adjectival participle
            // ("exiled dissidents") is no verb. Word-shape rules stand in for
            // untagged sentences.
            let tag = w.words[i].tag;
            // "signed a decree lifting sanctions": the tagger may call the participle of
            // an enacted text a noun; after the text a verb signs or passes it is a verb
            let enacted = form.form == Form::Ing
                && i >= 1
                && ENACTING_NOUNS.contains(&prev)
                && hits
                    .last()
                    .is_some_and(|h: &VerbHit| h.words.end < i - 1 && (h.words.end..i - 1).all(|k| np_modifier(w, k)));
            // "first" or "last" tagged an adverb before a finite verb is no determiner
            // ("Poland first opened its borders", "the envoy last visited Kabul")
            let adverb_before_finite = matches!(prev, "first" | "last")
                && w.words[i - 1].tag.is_some_and(|t| tag_is!(t, "RB"))
                && tag.is_some_and(|t| tag_is!(t, "VBD" | "VBZ" | "VBP"));
            // (`prev` is empty for the first word, and no determiner is)
            // "the already challenging task", "the newly elected president": a participle
            // between a determiner and its noun, adverbs before it, describes the noun
            let det_adverbs = || {
                let mut k = i;
                while k > 0 && i - k < 2 && w.words[k - 1].tag.is_some_and(|t| tag_is!(t, "RB")) {
                    k -= 1;
                }
                (k < i && k > 0 && w.is(k - 1, DETERMINER))
                    .then(|| w.norm(k - 1))
                    .filter(|_| matches!(form.form, Form::Ing | Form::Past) && word_tag_is!(w, i + n, "NN" | "NNS"))
            };
            let why_not = if i > 0 && w.is(i - 1, DETERMINER) && !adverb_before_finite {
                Some(NotVerb::AfterDeterminer(prev))
            } else if let Some(det) = det_adverbs() {
                Some(NotVerb::AfterDeterminer(det))
            } else if let Some(det) = (form.form == Form::Ing)
                .then(|| noun_compound_determiner(w, mentions, i))
                .flatten()
                // "a report accusing the army" is a participle with its object
                .filter(|_| {
                    !(matches!(w.norm(i + 1), "the" | "a" | "an" | "his" | "her" | "its" | "their")
                        || mentions.iter().any(|m| m.words.start == i + 1)
                        // "a decree granting asylum": an enacted text does what it names
                        || ENACTING_NOUNS.contains(&w.norm(i - 1)))
                })
            {
                Some(NotVerb::NounPhraseHead(w.norm(det), w.norm(i - 1)))
            } else if form.form == Form::Past
                && i >= 1
                && (is_number(prev)
                    || (QUANTITY_SET.contains(prev) && !matches!(prev, "at" | "than" | "about" | "over")))
                && {
                    // "the two exiled dissidents", "50 wounded soldiers": a participle between
                    // a number and the common noun it counts describes that noun
                    let next = w.words.get(i + n);
                    next.is_some_and(|x| {
                        !x.capitalized
                            && x.tag.is_some_and(|t| tag_is!(t, "NN" | "NNS"))
                            && !matches!(w.norm(i + n), "today" | "yesterday" | "tonight" | "overnight")
                    })
                }
            {
                Some(NotVerb::CountedNoun(prev))
            } else if n == 1 && w.norm(i) == "given" && considering(w, i) {
                Some(NotVerb::Considering)
            } else if n == 2 && w.norm(i) == "going" && w.norm(i + 1) == "to" && word_tag_is!(w, i + 2, "VB") {
                // "is going to be huge", "Moscow was going to respond": the future, no
                // going anywhere ("going to Paris" still goes)
                Some(NotVerb::FutureGoingTo)
            } else if prev == "to" && complements_noun(w, mentions, i - 1) {
                Some(NotVerb::CompletesNoun)
            } else if w.norm(i) == "according" {
                Some(NotVerb::According)
            } else if form.form == Form::Ing && attributive_participle(w, mentions, i, n) {
                Some(NotVerb::Attributive)
            } else if i >= 1
                && w.words[i - 1].tag.is_some_and(|t| t.as_str() == "JJR")
                && tag.is_some_and(|t| matches!(t.as_str(), "VB" | "VBP"))
            {
                // "for better pay", "demanding higher wages": a comparative adjective
                // describes the noun after it, and a base form there is that noun (English
                // puts no verb right after an adjective); the tagger may still call it a verb
                Some(NotVerb::AfterComparative(prev))
            } else if let Some(h) = (form.form == Form::Past && tag.is_some_and(|t| tag_is!(t, "VBN")))
                .then(|| hits.last())
                .flatten()
                .filter(|h: &&VerbHit| {
                    // "carried out coordinated attacks", "launched renewed strikes": a past
                    // participle right after a verb that is no auxiliary (adverbs between) and
                    // right before a lower-case common noun describes that noun, the verb's
                    // object; English puts no participle of its own right after a full verb
                    // ("had attacked villages" is a perfect: "have", "be" and "get" are left out;
                    // a verb right after a preposition, an infinitive's "to" included, is left
                    // out too: "over alleged attempted murder" is a participle itself)
                    h.words.end <= i
                        && (h.words.start == 0 || !w.is(h.words.start - 1, PREPOSITION_WORD))
                        && (h.words.end..i)
                            .all(|k| self.is_adverb(w, k) || w.words[k].tag.is_some_and(|t| tag_is!(t, "RB")))
                        && !matches!(h.form.lemma.as_str(), "have" | "be" | "get")
                        && (w.words.get(i + n).is_some_and(|x| {
                            !x.capitalized && !x.hyphen_after && x.tag.is_some_and(|t| tag_is!(t, "NN" | "NNS"))
                        })
                            // ... or an actor, or an actor's adjective before such a noun
                            // ("rejected proposed Gondorian changes", "extradited suspected
                            // Rohirric militants")
                            || mentions.iter().any(|m| m.words.start == i + n && !m.location))
                })
            {
                Some(NotVerb::ParticipleOfObject(w.norm(h.words.end - 1)))
            } else if let Some(t) = tag.filter(|t| {
                !t.is_verb()
                    && !enacted
                    && (form.form != Form::Past || t.is_adjective())
                    && !attribution_verb(w, mentions, i)
                    && !after_person(w, mentions, i)
                    && !after_modal(w, i)
                    && !(form.form == Form::Ing && progressive(w, i))
                    && !(matches!(form.form, Form::Third | Form::Base | Form::Past)
                        && predicate_after_subject(w, mentions, i, i + n))
            }) {
                Some(NotVerb::Tagged(t))
            } else if tag.is_none() && self.untagged_noun_like(w, i, form, prev, mentions) {
                Some(NotVerb::UntaggedNounLike)
            } else {
                None
            };
            match why_not {
                None => {
                    let past_of_base = form.form == Form::Base
                        && tag.is_some_and(|t| tag_is!(t, "VBN"))
                        && (is_passive(w, i) || perfect_before(w, i) || w.norm(i + n) == "by");
                    let tense = if past_of_base { Form::Past } else { form.form };
                    hits.push(VerbHit { words: i..i + n, form, tense })
                }
                Some(why) => trace.not_verb(w.span_of(i, i + n), &why),
            }
            i += n;
        }
        // "seeks to mediate", "threatened to strike": the infinitive carries the
        // event (as an intent); the verb of intending is not an event of its own
        let starts: Vec<usize> = hits.iter().map(|h| h.words.start).collect();
        // (the word after the verb first: the tests are pure, and most verbs fail it)
        hits.retain(|h| {
            !(w.norm(h.words.end) == "to"
                && starts.contains(&(h.words.end + 1))
                && expresses_intent(w.norm(h.words.end - 1)))
        });
        hits
    }

    fn code_sentence(&self, cx: &SentenceCtx, events: &mut Vec<Event>, trace: &mut SentenceTrace) {
        let w = cx.words;
        let verbs = self.find_verbs(w, cx.mentions, &cx.quotes, trace);
        let relatives = verbs
            .iter()
            .filter(|v| v.tense == Form::Past && reduced_relative(w, cx.mentions, &verbs, v))
            .map(|v| (v.words.start, relative_phrase_end(w, cx.mentions, v.words.end)))
            .collect();
        let attribution = attribution_start(w, &verbs);
        let cx = &SentenceCtx {
            verb_starts: verbs.iter().map(|v| v.words.start).collect(),
            relatives,
            attribution,
            ..cx.clone()
        };
        let mut last_subject: Option<Vec<usize>> = None;
        // the last speech verb opening a report ("officials said ...") and its subject
        let mut reporter: Option<(usize, Vec<usize>)> = None;
        // verbs whose own events are folded into another's: refusing verbs whose
        // refused act was coded as a rejection, governing verbs of a transformation
        let mut folded: Vec<Range<usize>> = enacting_verbs(w, &verbs);
        // each verb's sources so far, by the verb's first word
        let mut outer_sources: Vec<(usize, Vec<usize>)> = Vec::new();
        // words a verb's pattern used ("offering {&military support}"): neither actors
        // nor verbs of their own
        let mut consumed: Vec<Range<usize>> = Vec::new();
        // the end of the last verb that names no act of its own ("for helping")
        let mut not_act_end: Option<usize> = None;
        for v in &verbs {
            let vspan = w.span_of(v.words.start, v.words.end);
            if let Some(c) = consumed.iter().find(|c| c.contains(&v.words.start)) {
                let by = w.span_of(c.start, c.end).slice(&cx.doc.article.text).to_string();
                trace.verb(vspan, || text!("part of the pattern words {by:?} of an earlier verb"));
                continue;
            }
            // verbs that end the clause before them but name no act of their own
            if let Some(why) = not_an_act(w, cx.mentions, v) {
                let verb_text = vspan.slice(&cx.doc.article.text);
                trace.verb(vspan, || text!("{verb_text:?}: {why}"));
                not_act_end = Some(v.words.end);
                continue;
            }
            // "jailed for helping militants join a group": what the object of such a
            // verb is to do is no act either
            if let Some(end) = not_act_end.filter(|_| v.tense == Form::Base) {
                let np_or_to = |k: usize| {
                    w.norm(k) == "to"
                        || cx.mentions.iter().any(|m| !m.location && m.words.contains(&k))
                        || w.words[k].tag.is_some_and(|t| tag_is!(t, "DT" | "JJ" | "CD" | "PRP$"))
                };
                if end < v.words.start && (end..v.words.start).all(np_or_to) {
                    let verb_text = vspan.slice(&cx.doc.article.text);
                    trace.verb(vspan, || text!("{verb_text:?}: what the object of a grounds or means verb is to do"));
                    not_act_end = Some(v.words.end);
                    continue;
                }
            }
            // "'The authorities must end this crackdown,' said Philip Luther, Research
            // Director ...": a speech verb right after the quote it attributes is followed by
            // its speaker; no word after it is a pattern's object, and no actor in the quote
            // is its subject (the quote is what was said: the annotate stage gives its speaker)
            if v.words.start > 0 && SPEECH_VERBS.contains(&w.norm(v.words.start)) && after_quote(w, v.words.start) {
                let verb_text = vspan.slice(&cx.doc.article.text);
                trace.verb(vspan, || text!("{verb_text:?}: the attribution of the quote before it, no act"));
                continue;
            }
            let mut reading = self.reading(cx, &verbs, attribution, v);
            // "a group called ReOpenNC", "called the ruling unfair": a name or a description,
            // no call, unless a pattern names what the description is ("calling Assad a
            // murderer"); a pattern of a preposition only ("* (for)") names nothing
            if v.form.lemma == "call"
                && reading.pm.words.iter().flat_map(|r| r.clone()).all(|k| w.is(k, PREPOSITION_WORD))
                && names_or_describes(w, cx.mentions, v)
            {
                let verb_text = vspan.slice(&cx.doc.article.text);
                trace.verb(vspan, || text!("{verb_text:?}: names or describes someone, no call"));
                continue;
            }
            consumed.extend(reading.pm.words.iter().cloned());
            let (window, patterned) = (reading.window.clone(), reading.patterned);
            let rule = std::mem::take(&mut reading.rule);
            // "agreed to share information": a commitment to an act the dictionary does
            // not code is still a commitment, CAMEO 030 (intent to cooperate)
            let committed_by = committed_to(w, v).filter(|_| reading.code.is_none());
            let commitment_only = committed_by.is_some();
            let commitment;
            let (code, rule) = match committed_by {
                Some(by) => {
                    commitment = Code { forward: Some("030".into()), reverse: None };
                    (&commitment, text!("{rule}, committed to by {by:?}: intent to cooperate (030)"))
                }
                _ => (&*reading.code, rule),
            };
            let verb_text = vspan.slice(&cx.doc.article.text);
            // "she hoped French officials would soon be indicted": a hope for an act that
            // PETRARCH2's coding ontology ranks above an appeal (a demand, an accusation,
            // coercion ...) is that act, coded on its own, not an appeal (020) of its own
            if !patterned && v.form.lemma == "hope" && code.forward.as_deref() == Some("020") {
                if let Some(u) = self.hoped_act(w, &verbs, v) {
                    let hoped = w.span_of(u.words.start, u.words.end).slice(&cx.doc.article.text);
                    trace
                        .verb(vspan, || text!("{verb_text:?}: {rule}: a hope for the act {hoped:?}, coded on its own"));
                    continue;
                }
            }
            // every verb's subject is tracked, coded or not: the infinitives and
            // participles that follow share it
            let passive = v.tense == Form::Past
                && (is_passive(w, v.words.start) || followed_by_agent(w, cx.mentions, v) || cx.reduced_relative(v));
            // "urged Iran to release", "asking Obama to help Iran": the infinitive is what
            // the object was asked or made to do, carried by the governing verb's event
            if let Some((gov, object)) = complement_of_object(w, cx.mentions, &verbs, v) {
                let gov_text = w.span_of(gov.words.start, gov.words.end).slice(&cx.doc.article.text);
                // "wants Putin to attack": the pair may make one event of its own
                let inner = Governed { gov, source: Var::B, sources: vec![object], targets: Vec::new(), future: false };
                if let Some(made) = self.transform(cx, events, &inner, code, &outer_sources, &mut folded) {
                    trace.verb(vspan, || text!("{verb_text:?}: {rule}: {made}"));
                    continue;
                }
                // "asking Obama to help Iran": what is asked makes the appeal specific (023)
                let mut refined = String::new();
                if let Some(inner) = code.forward.as_deref() {
                    let gspan = w.span_of(gov.words.start, gov.words.end);
                    for e in events.iter_mut().filter(|e| e.sentence.index == cx.index && e.trigger.span == gspan) {
                        if let Some(c) = request_code(&e.cameo, inner) {
                            self.recode(e, c, &text!("(asked to do {inner}: {c})"));
                            refined = text!(", the appeal made {c}");
                        } else if e.cameo == "100" && gov.form.lemma == "order" && inner.starts_with("17") {
                            // "ordered the paper to suspend publication": an authority's
                            // order of coercion is that coercion, as the dictionary's
                            // "ORDER * arrest" (173) codes it
                            self.recode(e, inner, &text!("(ordered to do {inner})"));
                            refined = text!(", the order made {inner}");
                        } else if e.cameo == "170" && gov.form.lemma == "pressure" && inner.starts_with("08") {
                            // "pressured the dockers to end their walkout": pressure to give
                            // something up is a demand that the target yield (CAMEO 105x; the
                            // CAMEO 1.1b3 manual's example of 1052 is such pressure to cancel
                            // a strike), not coercion; pressure for other acts stays 170
                            let c = request_code("100", inner).unwrap_or("100");
                            self.recode(e, c, &text!("(pressed to yield {inner}: {c})"));
                            refined = text!(", the demand made {c}");
                        }
                    }
                }
                trace.verb(vspan, || {
                    text!("{verb_text:?}: {rule}: what the object of {gov_text:?} is to do, not an act of its own{refined}")
                });
                continue;
            }
            let before = last_subject.clone();
            let transfer = TRANSFER_SET.contains(v.form.lemma.as_str())
                || code.forward.as_deref().is_some_and(|c| matches!(&c[..2], "06" | "07"));
            let (sources, mut targets) =
                self.actors_for(cx, v, &reading, passive, transfer, &mut last_subject, reporter.as_ref());
            if SPEECH_VERBS.contains(&w.norm(v.words.start))
                && !sources.is_empty()
                && attribution.is_none_or(|(_, s)| s != v.words.start)
            {
                reporter = Some((v.words.start, sources.clone()));
            }
            // "the civilians were released": the subject of a passive is the verb's object,
            // which the pattern of its noun codes ("* &PEOPLE", a release of persons); the
            // agent after "by" is its subject ("was demolished by a protester": "PROTESTOR *")
            let subject_pattern = (passive && !patterned && reading.pm.target.is_none() && reading.pm.source.is_none())
                .then(|| {
                    let block = &self.dict.verbs.blocks[v.form.block];
                    // (a pattern whose words are not all in the sentence cannot match: not tried)
                    let takes = |p: &&Pattern| {
                        p.verb.as_ref().is_none_or(|l| *l == v.form.lemma)
                            && p.needs.iter().all(|&id| w.may_contain(id))
                    };
                    let as_object = match targets.first() {
                        Some(&Target::Mention(t)) => passive_match(
                            block.candidates(w).filter(takes),
                            w,
                            cx.mentions[t].words.clone(),
                            true,
                            &self.dict,
                        )
                        .or_else(|| {
                            // "evidence against Russia was presented": the subject's head
                            // noun, before the preposition that names the target
                            let p = cx.mentions[t].words.start.checked_sub(1)?;
                            if !matches!(w.norm(p), "against" | "on" | "for" | "to" | "of") {
                                return None;
                            }
                            let noun =
                                |k: usize| w.words[k].tag.is_some_and(|t| tag_is!(t, "DT" | "JJ" | "NN" | "NNS"));
                            let mut start = p;
                            while start > window.start && noun(start - 1) {
                                start -= 1;
                            }
                            (start < p).then(|| {
                                passive_match(block.candidates(w).filter(takes), w, start..p, true, &self.dict)
                            })?
                        }),
                        _ => None,
                    };
                    // (the agent's noun phrase runs on over the nouns after the name: "by a
                    // Ukrainian protester")
                    let agent = sources.first().map(|&s| {
                        let m = &cx.mentions[s];
                        let mut end = m.words.end;
                        while end < w.len() && w.words[end].tag.is_some_and(|t| tag_is!(t, "NN" | "NNS")) {
                            end += 1;
                        }
                        m.words.start..end
                    });
                    let as_subject =
                        agent.and_then(|np| passive_match(block.candidates(w).filter(takes), w, np, false, &self.dict));
                    match (as_object, as_subject) {
                        (Some(o), Some(s)) => Some(if s.specificity() > o.specificity() { s } else { o }),
                        (o, s) => o.or(s),
                    }
                })
                .flatten();
            let (code, rule, patterned) = match subject_pattern {
                Some(p) => {
                    let block = &self.dict.verbs.blocks[v.form.block];
                    (
                        &p.code,
                        text!("{} {} [{}] ({}), read on the passive's actors", block.name, p.text, p.code, p.origin),
                        true,
                    )
                }
                None => (code, rule, patterned),
            };
            outer_sources.push((v.words.start, sources.clone()));
            // "Egypt is willing to withdraw its troops": the source's own agents are not
            // what it acts on
            targets.retain(|t| {
                let Target::Mention(i) = *t else { return true };
                let m = &cx.mentions[i];
                let own =
                    m.words.start > 0 && matches!(w.norm(m.words.start - 1), "its" | "their" | "his" | "her" | "our");
                // its forces and officials, not the people it acts on ("release its
                // political prisoners")
                let organ = matches!(m.code.sector(), Some("MIL" | "GOV" | "COP" | "SPY" | "LEG" | "JUD"));
                !(own && organ && m.kind == ActorKind::Agent)
            });
            // "a ceasefire in Idlib, Syria's last enclave": a country set off right after
            // a place of its own says where the place is; it is not what the act is aimed at
            targets.retain(|t| !matches!(*t, Target::Mention(i) if locates_place(w, cx.mentions, i)));
            // "help people in Somalia": a role with no country of its own, right before
            // "in" a country or a place with one, stands for those of that place
            if let [Target::Mention(i)] = targets[..] {
                if let Some(p) =
                    role_in_place(w, cx.mentions, i, &window).or_else(|| people_of_place(w, cx.mentions, i, &window))
                {
                    targets = vec![if cx.mentions[p].location { Target::Place(p) } else { Target::Mention(p) }];
                }
            }
            // "sent 500 soldiers in Somalia": forces a transfer moves "in" a place go there;
            // "$30 million in Japanese military assistance to Jordan": a name describing what
            // is given is not whom it is given to
            if let [Target::Mention(i)] = targets[..] {
                let sent = transfer.then(|| forces_sent_in(w, cx.mentions, i, &sources, &window)).flatten();
                if let Some(p) = sent {
                    targets = vec![Target::Place(p)];
                } else if let Some(r) = given_to(w, cx.mentions, i, &window) {
                    targets = vec![if cx.mentions[r].location { Target::Place(r) } else { Target::Mention(r) }];
                }
            }
            // "sending troops to the UN peacekeeping force in Chad": the body sent to
            // stands for the place it serves in
            if let [Target::Mention(i)] = targets[..] {
                if let Some(p) = force_in_place(w, cx.mentions, i, &window) {
                    targets = vec![Target::Place(p)];
                }
            }
            // "approved the extension of its peacekeeping mission in Lebanon", "funds for
            // peacekeeping operations in Lebanon": a deployed body in the verb's object, before any
            // actor object, stands for the place it serves in
            let first_target = targets.iter().find_map(|t| match *t {
                Target::Mention(i) | Target::Place(i) => Some(cx.mentions[i].words.start),
                Target::Topic(..) => None,
            });
            if let Some(p) = body_in_place(w, cx.mentions, v, first_target.unwrap_or(window.end), &window) {
                let own = |s: &usize| cx.mentions[*s].code.country() == cx.mentions[p].code.country();
                if !sources.iter().any(own) {
                    targets = vec![Target::Place(p)];
                }
            }
            // "lead a government delegation on a state visit to Ghana", "called off a
            // planned visit to Lima": without an actor object, where a visit goes is what
            // the act is aimed at
            if targets.is_empty() {
                if let Some(p) = visit_to(w, cx.mentions, v, &window) {
                    targets = vec![if cx.mentions[p].location { Target::Place(p) } else { Target::Mention(p) }];
                }
            }
            // "called off the strike after an agreement with the government": a yielding
            // act without an actor object is aimed at whom the agreement it follows is with
            let yields = code.forward.as_deref().is_some_and(|c| c.starts_with("08"));
            if yields && targets.iter().all(|t| matches!(t, Target::Topic(..))) {
                if let Some(p) = agreement_with(w, cx.mentions, v).filter(|p| !sources.contains(p)) {
                    targets = vec![if cx.mentions[p].location { Target::Place(p) } else { Target::Mention(p) }];
                }
            }
            // "set up a company in Berlin": what is set up is made, not acted on; the
            // place it is made in is what the act is aimed at
            if CREATION_VERBS.contains(&v.form.lemma.as_str()) {
                if let Some(p) = created_in(w, cx.mentions, v, &targets, &window) {
                    targets = vec![Target::Place(p)];
                }
            }
            // "sent a frigate to the Indian Ocean": a sea or strait (a place the
            // dictionary codes "---") is where an act happens, never whom it is aimed at
            targets.retain(|t| {
                !matches!(*t, Target::Mention(i) | Target::Place(i)
                    if cx.mentions[i].kind == ActorKind::Place && cx.mentions[i].code.as_str() == UNKNOWN_CODE)
            });
            // "summoned the Chinese ambassador to complain": an act of purpose without an
            // object of its own is aimed at the object of the act it serves
            // ... as is one whose first actor is only in what it is about ("summoned the
            // ambassador to complain about a raid on a German charity": the complaint is
            // made to the ambassador, the charity is its topic)
            let about_topic = |t: &Target| {
                let Target::Mention(i) = *t else { return false };
                (v.words.end..cx.mentions[i].words.start)
                    .any(|k| matches!(w.norm(k), "about" | "over" | "regarding" | "concerning"))
            };
            // "Ali Musa was freed after the president pardoned him": a pronoun object
            // stands for the person the sentence opens with, named before the subject
            // (the purpose rule below may still find a nearer one)
            // ... else for the last person named before the verb who does not do it
            // ("a lawsuit against Prince X, accusing him of torture in Yemen": him is the
            // prince, not a name in the grounds)
            // (not the possessive: "attended her funeral")
            let possessive = w.norm(v.words.end) == "her"
                && (w.tag_str(v.words.end) == "PRP$"
                    || (matches!(w.tag_str(v.words.end + 1), "NN" | "NNS" | "JJ")
                        && !TIME_NOUNS.contains(&w.norm(v.words.end + 1))));
            if matches!(w.norm(v.words.end), "him" | "her") && !possessive {
                if let Some(a) = opening_person(cx.mentions, &sources)
                    .or_else(|| last_person_before(w, cx.mentions, &sources, v.words.start))
                {
                    targets = vec![Target::Mention(a)];
                }
            }
            // "holding villagers in the town to use them as shields": "them" stands for the
            // last actor named in the plural before the verb who does not do it (and those
            // joined to it: "outlawed the ANC and the PAC, forcing them ...")
            if w.norm(v.words.end) == "them" {
                if let Some(a) = last_plural_before(w, cx.mentions, &sources, v.words.start) {
                    targets = compound(cx.mentions, a, false).map(Target::Mention).collect();
                }
            }
            // ... or whose object is a pronoun for it ("called Morrison to congratulate him")
            let pronoun_object = matches!(w.norm(v.words.end), "him" | "her" | "them");
            if pronoun_object || targets.first().is_none_or(about_topic) {
                if let Some(o) = purpose_object(w, cx.mentions, &verbs, v).filter(|o| !sources.contains(o)) {
                    targets = vec![Target::Mention(o)];
                }
            }
            // "Trump and Putin agreed to share information on North Korea": parties that
            // commit together to an uncoded act commit to each other
            if commitment_only && sources.len() > 1 {
                targets.clear();
            }
            // the speaker of an attribution is not the subject that later participles share
            if attribution.is_some_and(|(_, s)| s == v.words.start) {
                last_subject = before;
            }
            // (what governs the verb, asked once for the two rules below: neither changes
            // what it reads)
            let governed = governing_verb(w, cx.mentions, &verbs, v, &sources, &outer_sources);
            // "the US claimed that ISIL attacked Iraq": the claim and the attack are one
            // event of the pair, an accusation (the dictionary's transformations)
            if let Some((gov, source)) =
                governed.filter(|_| !is_negated(w, v.words.start) && !is_hypothetical(w, v.words.start, window.start))
            {
                let future = is_future(w, v.words.start) || reported_future(w, v.words.start);
                let inner = Governed { gov, source, sources: sources.clone(), targets: targets.clone(), future };
                if let Some(made) = self.transform(cx, events, &inner, code, &outer_sources, &mut folded) {
                    trace.verb(vspan, || text!("{verb_text:?}: {rule}: {made}"));
                    continue;
                }
            }
            // "the Commission announced that it had suspended aid": the subject pronoun of
            // a statement's clause is the speaker
            let sources = match governed {
                Some((gov, Var::A)) if sources.is_empty() && STATEMENT_VERBS.contains(&gov.form.lemma.as_str()) => {
                    outer_sources
                        .iter()
                        .rev()
                        .find(|(k, _)| *k == gov.words.start)
                        .map(|(_, s)| s.clone())
                        .unwrap_or_default()
                }
                _ => sources,
            };
            if code.is_none() {
                trace.verb(vspan, || text!("{verb_text:?}: {rule}: no event code"));
                continue;
            }
            if !patterned && code.forward.as_deref() == Some("010") {
                // "Russia says Israel must end its attacks": saying that another actor
                // must act demands it (CAMEO 100); that it should, appeals to it (020)
                if let Some((t, c)) = obliged_actor(w, cx.mentions, &cx.verb_starts, v)
                    .filter(|(t, _)| !sources.is_empty() && !sources.contains(t))
                {
                    let negated = is_negated(w, v.words.start);
                    let n_before = events.len();
                    let rule = text!("{rule}, that another actor must or should act: {c}");
                    for &s in &sources {
                        if self.dict.cameo.get(c).is_some() && cx.mentions[s].code != cx.mentions[t].code {
                            self.push_event(
                                cx,
                                events,
                                v,
                                vspan,
                                c,
                                Some(s),
                                Some(Target::Mention(t)),
                                &rule,
                                negated,
                                false,
                            );
                        }
                    }
                    let made = events.len() - n_before;
                    trace.verb(vspan, || text!("{verb_text:?}: {rule}: {made} event(s)"));
                    continue;
                }
                trace.verb(vspan, || text!("{verb_text:?}: {rule}: plain statement, not coded without a pattern"));
                continue;
            }
            if let Some(unknown) =
                [&code.forward, &code.reverse].into_iter().flatten().find(|c| self.dict.cameo.get(c).is_none())
            {
                trace.verb(vspan, || text!("{verb_text:?}: {rule}: {unknown} is not a CAMEO code, not coded"));
                continue;
            }
            // "the editor was arrested in Kenya": an arrest without a named agent is made by
            // the authorities of the country it happens in (the country, named right after
            // "in" in the verb's clause); so is a killing or kidnapping ("An Eriadorian was
            // shot dead in Osgiliath", "soldiers killed in Ukraine", as PETRARCH's tests
            // code them)
            let sources = if sources.is_empty() && passive && !targets.is_empty() {
                agentless_country(w, cx.mentions, v, window.end, code).map(|c| vec![c]).unwrap_or_default()
            } else if sources.is_empty() && !passive {
                // "a report released in the Rwandan capital alleged": a subject that names
                // no actor speaks for the country it is in
                subject_country(w, cx.mentions, v, window.start).map(|c| vec![c]).unwrap_or_default()
            } else {
                sources
            };
            if sources.is_empty() {
                trace.verb(vspan, || text!("{verb_text:?}: {rule}: no source actor"));
                continue;
            }
            // "the minister promised Turkish help to farmers in Syria": the source's own
            // country, as an adjective on a thing, says whose thing it is, not at whom the
            // act is aimed
            targets.retain(|t| !own_country_adjective(w, cx.mentions, t, &sources));
            let root = code.forward.as_deref().or(code.reverse.as_deref()).map(|c| &c[..2]).unwrap_or("");
            // "met with Assad in Moscow to discuss ...": a consultation a meeting is held for
            // is that meeting, coded once by the governing verb
            if root == "04" {
                let consulted = served_verb(w, &verbs, v).is_some_and(|g| {
                    let gspan = w.span_of(g.words.start, g.words.end);
                    events
                        .iter()
                        .any(|e| e.sentence.index == cx.index && e.trigger.span == gspan && e.cameo_root == "04")
                });
                if consulted {
                    trace.verb(vspan, || text!("{verb_text:?}: {rule}: what the consultation before it is for"));
                    continue;
                }
            }
            // "Insurgents bombarded Aleppo, killing eight people": a participle after a
            // comma that shares the subject of an act of the same kind tells what that
            // act did, and is not another act
            if v.tense == Form::Ing && v.words.start > 0 && w.norm(v.words.start - 1) == "," {
                // ... when what it names is a toll ("eight people", "at least 13"), not
                // who was targeted
                let counted = |t: &Target| {
                    let Target::Mention(i) = *t else { return false };
                    let start = cx.mentions[i].words.start;
                    (start.saturating_sub(3)..start).any(|k| {
                        let n = w.norm(k);
                        QUANTITIES.contains(&n) || is_number(n)
                    })
                };
                // (with no actor named, the count right after the verb: "killing at least 13")
                let count_after = || {
                    let mut k = v.words.end;
                    while k < w.len() && matches!(w.norm(k), "at" | "least" | "more" | "than" | "nearly" | "about") {
                        k += 1;
                    }
                    k < w.len() && (QUANTITIES.contains(&w.norm(k)) || is_number(w.norm(k)))
                };
                let toll = if targets.is_empty() { count_after() } else { targets.iter().all(counted) };
                let same_act = toll
                    && events.iter().any(|e| {
                        e.sentence.index == cx.index
                            && e.cameo_root == root
                            && e.trigger.span.end <= vspan.start
                            && sources.iter().any(|&s| cx.mentions[s].span == e.source.span)
                    });
                if same_act {
                    trace.verb(vspan, || text!("{verb_text:?}: {rule}: what the earlier act of its subject did"));
                    continue;
                }
            }
            // "ready to negotiate with the Ugandan government", "agreed on a deal with
            // Iran": an act done together without an actor object is done with the partner
            // named after "with" in its clause
            // (an actor other than the source, and not a place; a partner with the members
            // of its compound in the verb's clause)
            let other_actor = |i: &usize| !cx.mentions[*i].location && !sources.contains(i);
            let partner = |p: usize| {
                compound(cx.mentions, p, true)
                    .filter(|&k| cx.mentions[k].words.end <= window.end)
                    .map(Target::Mention)
                    .collect::<Vec<_>>()
            };
            if targets.is_empty() && matches!(root, "03" | "05" | "06") {
                if let Some(p) = with_partner(w, cx.mentions, v.words.end, window.end, &other_actor) {
                    targets.extend(partner(p));
                }
            }
            // "wants answers from the mayor", "sought assurances from Japan": without an
            // actor object, a demand or appeal is aimed at the one the asked-for thing is
            // to come from, even a body with the source's code (no one asks it of itself:
            // a city's high court asking a city magistrate for answers asks another body,
            // though both are the country's JUD)
            if targets.is_empty() && matches!(root, "02" | "10") {
                targets.extend(asked_from(w, cx.mentions, v, window.end, &other_actor).map(Target::Mention));
            }
            // "opened an inquiry into claims that two officers beat ...", "denied reports that
            // the army fired": an investigation, accusation or rejection of what is claimed
            // is aimed at whom the claim is about, the subject of its that-clause
            if targets.is_empty() && matches!(root, "09" | "11" | "12") {
                targets.extend(claimed_subject(w, cx.mentions, v, window.end, &other_actor).map(Target::Mention));
            }
            // "halted government talks with the president", "closed Chad's border with
            // Sudan": an object actor that only modifies a noun of relations is one side of
            // them, and the act is aimed at the other, named after "with" (not so in a
            // phrase after a preposition, what the act is about: "a speech on US relations
            // with Asia")
            if let [Target::Mention(t)] = targets[..] {
                let actor = |i: &usize| other_actor(i) && *i != t;
                if let Some(p) = partner_past_modifier(w, cx.mentions, t, v.words.end, window.end, &actor) {
                    targets = partner(p);
                }
            }
            // "Gollum allowed that Mordor isn't ...", "alleged that France was aware": without
            // an object, the subject of the verb's that-clause is what the statement is about
            if targets.is_empty() && w.norm(window.end) == "that" {
                let subject = (window.end + 1..(window.end + 3).min(w.len()))
                    .find_map(|k| cx.mentions.iter().position(|m| !m.location && m.words.start == k))
                    .filter(|&i| {
                        let m = &cx.mentions[i];
                        // "Katz warned that Israel would strike": what the speaker's own
                        // state will do is no act aimed at that state
                        let own_state = m.code.sector().is_none()
                            && sources.iter().any(|&s| cx.mentions[s].code.country() == m.code.country());
                        (window.end + 1..m.words.start).all(|k| w.is(k, DETERMINER))
                            && !sources.contains(&i)
                            && !own_state
                    });
                targets.extend(subject.map(Target::Mention));
            }
            // "lifted restrictions imposed on Olmert", "condemned the threats made by the
            // United States": without an actor object, the one a participle on the object
            // names is who the act is aimed at
            if targets.is_empty() {
                if let Some(t) = participle_object(w, cx.mentions, &verbs, v).filter(|t| !sources.contains(t)) {
                    targets.extend(compound(cx.mentions, t, true).map(Target::Mention));
                }
            }
            // "granted an order sought by the ACLU": granting what an actor asked for is
            // yielding to it (CAMEO 080), aimed at the asker; the asking is part of it
            let yielded;
            let (code, rule) = match granted_request(w, cx.mentions, &verbs, v).filter(|&(_, t)| {
                !sources.contains(&t) && !code.forward.as_deref().is_some_and(|c| c.starts_with("08"))
            }) {
                Some((asked, t)) => {
                    folded.push(asked);
                    targets = vec![Target::Mention(t)];
                    yielded = Code { forward: Some("080".into()), reverse: None };
                    (&yielded, text!("{rule} (granting what the actor after \"by\" asked for: yield, 080)"))
                }
                None => (code, rule),
            };
            // without an actor object, the country of a place after the verb is the target
            // ("a summit in Switzerland", "appealed for peace in Syria"), the source's own
            // too ("declared a state of emergency in Colombia", "sorrow for the shootings
            // in South Carolina": what is done at home is done to the country); for a
            // visit, protest or use of force a place before the verb counts too ("In
            // Beijing, activists protested")
            if targets.is_empty() && !takes_topic(v) {
                let from = if matches!(root, "04" | "14" | "15" | "17" | "18" | "19" | "20") {
                    window.start
                } else {
                    v.words.end
                };
                // ... unless another verb before it holds it ("ministers meeting in
                // Luxembourg banned ...": the place is where they met); the verb an
                // infinitive of purpose serves shares its place ("holding people in Buner
                // to use them as shields")
                let serves = |x: &VerbHit| {
                    v.words.start >= 1
                        && w.norm(v.words.start - 1) == "to"
                        && !verbs.iter().any(|y| y.words.start >= x.words.end && y.words.start < v.words.start)
                };
                let held_by_other = |k: usize| {
                    k < v.words.start && verbs.iter().any(|x| x.words.start >= from && x.words.end <= k && !serves(x))
                };
                let place = (from..window.end.max(v.words.end))
                    .filter(|&k| !held_by_other(k))
                    .find_map(|k| cx.mentions.iter().position(|m| m.location && m.words.start == k))
                    .filter(|&i| cx.mentions[i].code.country().is_some());
                targets.extend(place.map(Target::Place));
            }
            // "Brazil and the United States seek ...": a compound subject without an
            // object acts towards each other (not so the agents of a passive: "forced
            // on Qatar by Saudi Arabia and the Emirates"), when the act is one parties
            // do with each other (cooperating, meeting, rejecting each other's terms,
            // cutting ties, fighting); those who jointly accuse, demand, protest or
            // arrest act together on someone else ("the US and Britain condemned the
            // decision", "Chinese and Philippine police arrested 25 suspects")
            // (force between states or armed groups: "Syria and Israel have fired across the
            // line"; between people named in person or of no known code only for the verbs
            // of fighting each other, or "at one another": "Buttigieg, Biden and Klobuchar
            // to attack" attack someone else)
            let persons = sources.iter().all(|&i| {
                let m = &cx.mentions[i];
                politician_in_person(m) || m.code.as_str() == UNKNOWN_CODE
            });
            let each_other = (v.words.end..window.end.min(v.words.end + 4))
                .any(|k| matches!(w.norm(k), "another" | "other") && matches!(w.norm(k - 1), "one" | "each"));
            let mutual_force = matches!(root, "19" | "20")
                && (!persons || each_other || MUTUAL_FORCE.contains(&v.form.lemma.as_str()));
            // (and any act done to "each other" or "one another": "attacked each other's
            // policies")
            let mutual = (matches!(root, "03" | "04" | "05" | "06" | "08" | "12" | "16") || mutual_force || each_other)
                // (a pledge of aid, 033x, goes to those in need, as aid does: "Norway
                // and Japan pledged new funds for the relief effort" is no gift to each other)
                && !code.forward.as_deref().is_some_and(|c| c.starts_with("033"));
            // ... but partners who reject a thing named as the object reject it together
            // ("Kenya and Uganda rejected the draft treaty"), as those who condemn do
            let rejects_thing = root == "12"
                && topic_object(w, cx.mentions, v, &window).is_some_and(|(a, b)| {
                    // (not their own joint thing: "postponed their meeting" is put off
                    // by each towards the other)
                    w.norm(a) != "their"
                        && !(a..=b + 1)
                            .any(|k| k < w.len() && matches!(w.norm(k), "each" | "other" | "one" | "another"))
                });
            // ... and so do partners who refuse an act done to a thing ("Chile and Peru
            // declined to reopen the mine"): the refusal and the act refused are aimed at
            // the thing, not at each other (a refused act with no object, "refused to
            // negotiate", stays one between them; a failure is no refusal)
            let refused_act = |x: &VerbHit| {
                REJECTING.contains(&x.form.lemma.as_str()).then(|| refused_infinitive(w, &verbs, x)).flatten()
            };
            let act_on_thing = |x: &VerbHit| {
                topic_object(w, cx.mentions, x, &window).is_some_and(|(a, _)| !matches!(w.norm(a), "their" | "each"))
            };
            let rejects_thing = rejects_thing
                || refused_act(v).is_some_and(act_on_thing)
                || (verbs.iter().any(|x| refused_act(x).is_some_and(|r| r.words.start == v.words.start))
                    && act_on_thing(v));
            // ... and partners who do a plain verb, one no pattern matched, to a thing or
            // a clause act on that together ("Trump and Lighthizer recognize that ...",
            // "men and women who mastered the art", "Johnson and Corbyn are trying to
            // overcome a mountain of mistrust"); a pattern that names the object names
            // what they do with each other ("held talks", "reached a trade agreement")
            // (what partners agree to, or agree to do, is between them: "agreed to share
            // information", "agreed a trade agreement")
            let agreed = v.form.lemma == "agree" || committed_to(w, v).is_some();
            let plain_on_thing = !patterned && !agreed && {
                let k = past_particles(w, v, &window);
                let object_first = k < window.end && w.words[k].tag.is_some_and(|t| !tag_is!(t, "IN" | "TO"));
                (k < w.len() && matches!(w.norm(k), "that" | "whether" | "how" | "what" | "why" | "if"))
                    || (object_first
                        && topic_object(w, cx.mentions, v, &window)
                            .is_some_and(|(a, h)| a == k && !RELATION_NOUNS.contains(&w.norm(h))))
            };
            // ... as do partners whose pattern ends in a preposition before a thing ("are
            // moving into the race", "appeared to be in favor of restricting the app"),
            // unless the thing is each other
            let pattern_on_thing = patterned
                && thing_after_pattern_preposition(w, cx.mentions, &reading.pm, &window)
                    .is_some_and(|k| !matches!(w.norm(k), "each" | "one"));
            let rejects_thing = rejects_thing || plain_on_thing || pattern_on_thing;
            // (a bare role word is what they exchange or where they do it, not a third
            // party: "Chile and Peru held joint drills off the coast of the two countries",
            // "will exchange ambassadors")
            let no_party = targets.is_empty()
                || only_bare_roles(w, cx.mentions, &targets)
                || home_venue(w, cx.mentions, &sources, &targets, v.words.end)
                || agreement_subject(w, cx.mentions, &targets, v.words.end);
            // ("Johnson and Corbyn attacked each other's policies on Brexit": what the
            // policies are on is no third party)
            if !passive && mutual && (each_other || (!rejects_thing && no_party)) && sources.len() > 1 {
                let pairs: Vec<(usize, usize)> = sources
                    .iter()
                    .flat_map(|&a| sources.iter().filter(move |&&b| b != a).map(move |&b| (a, b)))
                    .collect();
                let n_before = events.len();
                if let Some(fwd) = &code.forward {
                    let (negated, hypothetical) = (
                        is_negated(w, v.words.start) || refusal_before(w, &verbs, v),
                        is_hypothetical(w, v.words.start, window.start),
                    );
                    for (a, b) in pairs {
                        let rule = text!("{rule} (compound subject, each towards the other)");
                        self.push_event(
                            cx,
                            events,
                            v,
                            vspan,
                            fwd,
                            Some(a),
                            Some(Target::Mention(b)),
                            &rule,
                            negated,
                            hypothetical,
                        );
                    }
                }
                let made = events.len() - n_before;
                trace.verb(vspan, || text!("{verb_text:?}: {rule}: {made} event(s) among the compound subject"));
                continue;
            }
            let targetless_ok = patterned || matches!(root, "14" | "15" | "18" | "19" | "20");
            // "condemned the attacks", "boycotted the vote": without an actor or a place,
            // what the act is aimed at is the thing or issue its object names; so too for
            // acts that are always aimed at something, investigating, demanding,
            // criticising and rejecting ("rejected the referendum", "will investigate the
            // contract"), however they were coded
            // "began a probe in the aftermath of a press agency's report": an
            // investigation is aimed at what it is "into", "of", "against", "over" or
            // "on"; an actor its noun does not govern so is no target, nor is what follows
            // another preposition a topic
            let unaimed_inquiry = root == "09" && !passive && inquiry_unaimed(w, v, &reading.pm, &window);
            if unaimed_inquiry {
                targets.retain(|t| !matches!(t, Target::Mention(_)));
            }
            // ... and so for coercion done to its object, an arrest, a ban, a restriction,
            // an expulsion ("outlawed the practice", "arrested a man"), as CAMEO 172-175
            // are aimed at whom or what they restrain; not a seizure, 171, aimed at the
            // owner of what is seized, nor a coercion only intended ("to try and curb
            // the spread" threatens no one)
            let coerced = root == "17"
                && code.forward.as_deref().is_some_and(|c| !c.starts_with("171") && c != "17")
                && !is_hypothetical(w, v.words.start, window.start);
            // ... and for a promise to give ("agreed to offer an aid package to the farming
            // sector"), aimed at whom the gift goes to: for a verb of transfer the topic is
            // only what follows the thing given behind "to", "on", "into" or "against"
            // (topic_object), never the thing itself
            let promised_gift = root == "03" && TRANSFER_SET.contains(v.form.lemma.as_str());
            let aimed = matches!(root, "09" | "10" | "11" | "12") || coerced || promised_gift;
            if targets.is_empty() && (targetless_ok || aimed) && !passive && !unaimed_inquiry {
                // "imposed a curfew in parts of Kashmir", "began an investigation into the
                // funds": when the object is the pattern's own noun, what follows it is
                // where or at what the act is aimed
                let cooperative = matches!(root, "03" | "04" | "05" | "06");
                let pattern_noun = pattern_noun_topic(w, cx.mentions, v, &reading.pm, &window, cooperative)
                    .or_else(|| past_own_forces_topic(w, cx.mentions, v, &window))
                    .or_else(|| self_object_topic(w, cx.mentions, v, &sources, &window));
                if let Some((a, b)) = pattern_noun.or_else(|| topic_object(w, cx.mentions, v, &window)) {
                    targets.push(Target::Topic(a, b));
                }
            }
            // "accused the new law of harming journalists": what is accused is the noun
            // phrase before "of", even one that names no actor; an actor in what it is
            // accused of is not the target
            if !passive {
                if let Some((a, b)) = accused_thing(w, cx.mentions, v, &targets, &window) {
                    targets = vec![Target::Topic(a, b)];
                }
            }
            // "denounced the arrest of opposition leaders by the police": criticising an
            // act is aimed at the one who did it, named after "by", not at those it was
            // done to (CAMEO codes the criticism against the actor criticised)
            let criticism = code.forward.as_deref().is_some_and(|c| c.starts_with("11"));
            if criticism && !passive {
                if let Some(a) = agent_of_act(w, cx.mentions, v, &targets, &window).filter(|a| !sources.contains(a)) {
                    targets = compound(cx.mentions, a, true)
                        .filter(|&k| cx.mentions[k].words.end <= window.end)
                        .map(Target::Mention)
                        .collect();
                }
            }
            // "threatened that if Peru did not pay, ...": a threat with no object is
            // aimed at the actor whose act its condition names (CAMEO 13)
            if targets.is_empty() && code.forward.as_deref().is_some_and(|c| c.starts_with("13")) {
                if let Some(t) = condition_actor(w, cx.mentions, v, &sources, &["if", "unless"]) {
                    targets.push(Target::Mention(t));
                }
            }
            // "Biden defeats Trump", "Trump regularly beats DeSantis in national polls": one
            // politician beating another wins a vote, no use of force; so does anyone named
            // in person in a sentence about a vote ("Nadia Mohamed won with 58% of the vote,
            // defeating Dale Anderson")
            let beaten = matches!(v.form.lemma.as_str(), "beat" | "defeat" | "trounce");
            let electoral = beaten && (0..w.len()).any(|k| ELECTION_WORDS.contains(&w.norm(k)));
            let candidate = |m: &Mention| is_politician(m) || (electoral && is_unknown_person(m));
            if matches!(root, "18" | "19")
                && beaten
                && !sources.is_empty()
                && sources.iter().all(|&i| candidate(&cx.mentions[i]))
                && !targets.is_empty()
                && targets.iter().all(|t| {
                    matches!(*t, Target::Mention(i) if is_politician(&cx.mentions[i])
                    || is_unknown_person(&cx.mentions[i]))
                })
            {
                trace.verb(vspan, || text!("{verb_text:?}: one politician beating another: a vote won, no force"));
                continue;
            }
            // "Haley shot back", "Ramaswamy fired the most shots", "urged his countrymen to
            // fight the pandemic": a politician named in person who fights no actor fights
            // in words or in a figure of speech, no event ("fired back at Haley" is
            // criticism, see `push_event`); so does anyone whose force is "back" with no
            // one named ("Smith shot back")
            let retort = w.norm(v.words.end) == "back";
            if matches!(root, "18" | "19")
                && !sources.is_empty()
                && sources.iter().all(|&i| {
                    let m = &cx.mentions[i];
                    politician_in_person(m) || (retort && (is_politician(m) || is_unknown_person(m)))
                })
                && targets.iter().all(|t| matches!(t, Target::Topic(..)))
            {
                trace.verb(vspan, || text!("{verb_text:?}: {rule}: a politician's force against no actor, in words"));
                continue;
            }
            // "Trump held a campaign rally in Hialeah": a campaign rally, or one a candidate
            // or a party holds (the elite or a party by its code), is campaigning, no
            // protest; an opposition leader's rally stays one
            let campaign_rally = root == "14"
                && reading.pm.words.iter().any(|r| {
                    matches!(w.norm(r.start), "rally" | "rallies")
                        && (r.start > 0 && w.norm(r.start - 1) == "campaign"
                            || sources.iter().all(|&i| matches!(cx.mentions[i].code.sector(), Some("ELI" | "PTY"))))
                });
            if campaign_rally && !sources.is_empty() {
                trace.verb(vspan, || text!("{verb_text:?}: {rule}: a campaign rally, no protest"));
                continue;
            }
            // "Travellers arriving in the UK must self-isolate": people of no country or
            // body going to or meeting in a country or town is travel, no visit
            let plain_people = |i: usize| {
                cx.mentions[i].kind == ActorKind::Agent && matches!(cx.mentions[i].code.as_str(), "CVL" | "PPL")
            };
            let somewhere = |t: &Target| match *t {
                Target::Place(_) => true,
                Target::Mention(i) => matches!(cx.mentions[i].kind, ActorKind::Country | ActorKind::Place),
                Target::Topic(..) => false,
            };
            if root == "04"
                && !sources.is_empty()
                && sources.iter().all(|&i| plain_people(i))
                && !targets.is_empty()
                && targets.iter().all(somewhere)
            {
                trace.verb(vspan, || text!("{verb_text:?}: {rule}: people of no country or body travelling, no visit"));
                continue;
            }
            // "battling the coronavirus outbreak", "prepared to fight the charges", "to curb
            // the spread": force or coercion of no pattern whose only object is an ill, a
            // charge or a levy is a figure of speech, no event
            let figurative_object = |t: &Target| match *t {
                Target::Topic(_, last) => ABSTRACT_ADVERSARIES.contains(&w.norm(last)),
                _ => false,
            };
            if matches!(root, "13" | "17" | "18" | "19" | "20")
                && !patterned
                && !targets.is_empty()
                && targets.iter().all(figurative_object)
            {
                trace.verb(vspan, || {
                    text!("{verb_text:?}: {rule}: force against an ill or a charge, a figure of speech")
                });
                continue;
            }
            // "released a letter from his physician", "released a video of the protesters":
            // a thing released is no one set free, and whom it is from or of is no target
            if root == "08" && !patterned && v.form.lemma == "release" && releases_a_thing(w, cx.mentions, v, &window) {
                trace.verb(vspan, || text!("{verb_text:?}: {rule}: a thing released, no one set free"));
                continue;
            }
            // "come to an end", "coming to a deal": a meeting or visit whose pattern ends in
            // a preposition needs an actor or a place after it, not a thing
            if root == "04"
                && patterned
                && targets.iter().all(|t| matches!(t, Target::Topic(..)))
                && thing_after_pattern_preposition(w, cx.mentions, &reading.pm, &window).is_some()
            {
                trace.verb(vspan, || {
                    text!("{verb_text:?}: {rule}: a thing after its preposition, no one met or visited")
                });
                continue;
            }
            if targets.is_empty() && !targetless_ok {
                trace.verb(vspan, || {
                    let who: Vec<&str> = sources.iter().map(|&i| cx.mentions[i].code.as_str()).collect();
                    text!("{verb_text:?}: {rule}: source {} but no target actor", who.join("+"))
                });
                continue;
            }
            // what was refused did not happen: "declined to meet" is flagged negated
            // ... and what a denial is about is reported as not done: "denied that its
            // troops shelled the town" is flagged negated
            let mut negated = is_negated(w, v.words.start) || refusal_before(w, &verbs, v);
            // ... and so is what a negated "be" before a pattern's word after the verb
            // denies ("said the rebels were not responsible": the pattern's predicate is
            // negated, not the saying); a "not" the pattern names itself is its own (a
            // negation that only qualifies a noun, "memos not about X", is left alone)
            let pattern_word = |k: usize| reading.pm.words.iter().any(|r| r.contains(&k));
            negated |= reading.pm.words.iter().any(|r| {
                r.start > v.words.end + 1
                    && w.is(r.start - 1, NEGATION)
                    && w.is(r.start - 2, BE_WORD)
                    && !pattern_word(r.start - 1)
            });
            let denial = if negated { None } else { denied_by(w, &verbs, v) };
            negated |= denial.is_some();
            let mut hypothetical = is_hypothetical(w, v.words.start, window.start);
            // "pledged to expel the Brotherhood's leaders": in PETRARCH2's coding ontology
            // an intent outranks only cooperative and violent acts; a commitment to a show
            // of force or to coercion (15, 17) is coded as that act, as it codes them
            // (the intent codes stay for the cooperation agreed to: "agreed to lift")
            if hypothetical
                && committed_to(w, v).is_some()
                && code.forward.as_deref().is_some_and(|c| matches!(&c[..2], "15" | "17"))
                && !(window.start..v.words.start).any(|i| is_modal(w, i) || w.is(i, CONDITIONAL))
            {
                hypothetical = false;
            }
            // ... but refusing a cooperative act is an act of its own: "refused to meet"
            // and "will not release the prisoners" are CAMEO 12 rejections
            let refusal = declared_refusal(w, &verbs, v)
                .and_then(|how| Some((how, refusal_code(code.forward.as_deref()?)?)))
                .map(|(how, c)| (c, text!("{rule} (refused, {how}: {c})")));
            // ... and a negated act PETRARCH2's coding ontology gives a code of its own
            // is that act ("did not clash" is diplomatic cooperation, 050)
            let refusal = refusal.or_else(|| {
                let c = negation_code(code.forward.as_deref()?).filter(|_| is_negated(w, v.words.start))?;
                Some((c, text!("{rule} (negated: {c})")))
            });
            let (forward, rule) = match &refusal {
                Some((c, r)) => {
                    (negated, hypothetical) = (false, false);
                    (Some(c.to_string()), r.clone())
                }
                None => (code.forward.clone(), rule),
            };
            // "pledged 500 million euros in military aid": a pattern for money or aid in
            // general takes the kind of aid the object names
            let (forward, rule) = match forward.as_deref().and_then(|c| aid_of_kind(w, v, c)) {
                Some((c, kind)) => (Some(c.to_string()), text!("{rule} ({kind} aid: {c})")),
                None => (forward, rule),
            };
            let rule = match denial {
                Some(d) => {
                    let denier = w.span_of(d.words.start, d.words.end).slice(&cx.doc.article.text);
                    text!("{rule} (what {denier:?} denies: negated)")
                }
                None => rule,
            };
            // "will not end the strike until the authorities meet its demands": a
            // rejection without an actor object is aimed at the actor whose act its
            // condition waits for
            let rejection = forward.as_deref().is_some_and(|c| c.starts_with("12"));
            if rejection && targets.iter().all(|t| matches!(t, Target::Topic(..))) {
                if let Some(t) = condition_actor(w, cx.mentions, v, &sources, &["until", "unless"]) {
                    targets = vec![Target::Mention(t)];
                }
            }
            // "threatened to quit the talks if Japan builds the new base": a threat without an actor object is aimed at the actor whose
            // act its condition names, the one it is meant to deter (CAMEO 13)
            let threat = forward
                .as_deref()
                .is_some_and(|c| c.starts_with("13") || (hypothetical && intent_code(c).starts_with("13")));
            if threat && targets.iter().all(|t| matches!(t, Target::Topic(..))) {
                if let Some(t) = condition_actor(w, cx.mentions, v, &sources, &["if", "unless"]) {
                    targets = vec![Target::Mention(t)];
                }
            }
            // "approved the extradition of the minister to face charges": the actor right
            // before the "to" of a pattern coded only the other way round ("face * charge",
            // "appear before court") is the one the act befalls, and who does it to them is
            // not named: no event
            let befalls_named = forward.is_none()
                && code.reverse.is_some()
                && v.words.start >= 2
                && w.norm(v.words.start - 1) == "to"
                && cx.mentions.iter().any(|m| !m.location && m.words.end == v.words.start - 1);
            if befalls_named {
                targets.clear();
            }
            let n_before = events.len();
            let targets_opt: Vec<Option<Target>> =
                if targets.is_empty() { vec![None] } else { targets.into_iter().map(Some).collect() };
            for &s in &sources {
                for &t in &targets_opt {
                    if let Some(fwd) = &forward {
                        self.push_event(cx, events, v, vspan, fwd, Some(s), t, &rule, negated, hypothetical);
                    }
                    // the reciprocal (hosting a visit) happens only if the act does; a
                    // country visited ("arrived in Gondor", not "is to attend a summit in
                    // Switzerland") is the host
                    // ... but a place of the visitor's own country hosts no one ("Biden is to
                    // visit Belvidere", "Netanyahu visited the Gush Etzion settlement bloc"), nor
                    // does a place visited by someone of no known country
                    let own_place = |t: usize| {
                        let (guest, place) = (&cx.mentions[s], &cx.mentions[t]);
                        matches!(place.kind, ActorKind::Place | ActorKind::Country)
                            && code.reverse.as_deref().is_some_and(|c| c.starts_with("043"))
                            && guest.code.country().is_none_or(|c| place.code.country() == Some(c))
                    };
                    // ... and what the act is about does not do it back ("raised concerns
                    // about TikTok" is no consultation by TikTok)
                    let topic = |t: usize| {
                        phrase_opener(w, &cx.mentions[t], 2, &["about", "over", "regarding", "concerning"]).is_some()
                    };
                    let host = match t {
                        Some(Target::Mention(t)) if own_place(t) || topic(t) => None,
                        Some(Target::Mention(t)) => Some(t),
                        Some(Target::Place(p))
                            if cx.mentions[p].kind == ActorKind::Country
                                && code.reverse.as_deref().is_some_and(|c| c.starts_with("043"))
                                && !(v.words.start > 0 && w.norm(v.words.start - 1) == "to") =>
                        {
                            Some(p)
                        }
                        _ => None,
                    };
                    if let (Some(rev), Some(t), false, None) = (&code.reverse, host, hypothetical, &refusal) {
                        self.push_event(
                            cx,
                            events,
                            v,
                            vspan,
                            rev,
                            Some(t),
                            Some(Target::Mention(s)),
                            &(rule.clone() + " (reciprocal)"),
                            negated,
                            hypothetical,
                        );
                    }
                }
            }
            // ... and folds the refusing verb's own event, unless it made none of its own
            // ("refused to accept a request" [120] is the refusal "refused" coded already)
            if refusal.is_some() && events.len() > n_before {
                if let Some(r) =
                    verbs.iter().find(|x| refused_infinitive(w, &verbs, x).is_some_and(|i| i.words == v.words))
                {
                    folded.push(r.words.clone());
                }
            }
            // "summoned the Chinese ambassador to complain": a meeting or summons held
            // to accuse, demand, reject, threaten or protest is that act, not also a
            // consultation of the same pair
            let purpose_root = forward.as_deref().and_then(|c| c.get(..2));
            let served = (events.len() > n_before
                && purpose_root.is_some_and(|r| matches!(r, "03" | "05" | "10" | "11" | "12" | "13" | "14")))
            .then(|| served_verb(w, &verbs, v))
            .flatten();
            if let Some(g) = served {
                let pair = |e: &Event| {
                    let t = e.target.as_ref().map(|t| t.span);
                    let mut p = [Some(e.source.span), t];
                    p.sort();
                    p
                };
                let new: Vec<_> = events[n_before..].iter().map(pair).collect();
                let gspan = w.span_of(g.words.start, g.words.end);
                let of_gov: Vec<&Event> =
                    events.iter().filter(|e| e.sentence.index == cx.index && e.trigger.span == gspan).collect();
                // a call made to congratulate, apologise or pledge support is the praise,
                // apology or pledge; a visit stays a visit
                let folds = |e: &Event| {
                    e.cameo_root == "04"
                        && (!matches!(purpose_root, Some("03" | "05")) || matches!(e.cameo.as_str(), "040" | "041"))
                        && new.contains(&pair(e))
                };
                if !of_gov.is_empty() && of_gov.iter().all(|e| folds(e)) {
                    folded.push(g.words.clone());
                }
                // "provided 1.7 billion in assistance to support Syrian refugees": help given
                // through aid is that aid, to those it helps; the aid without a named
                // recipient is the same event
                let aid = of_gov.iter().find(|e| e.cameo_root == "07").map(|e| (e.cameo.clone(), e.source.span));
                let without_recipient = of_gov.iter().all(|e| e.target.as_ref().is_none_or(|t| t.code == "---"));
                if let Some((code, src)) = aid.filter(|_| {
                    purpose_root == Some("05") && matches!(v.form.lemma.as_str(), "support" | "help" | "assist")
                }) {
                    for e in events[n_before..].iter_mut().filter(|e| e.source.span == src) {
                        self.recode(e, &code, "(aid given for it)");
                    }
                    if without_recipient {
                        folded.push(g.words.clone());
                    }
                }
            }
            let made = events.len() - n_before;
            trace.verb(vspan, || text!("{verb_text:?}: {rule}: {made} event(s)"));
        }
        // the refusing verb's own event ("declined" [120]) is the rejection coded above;
        // a transformation's governing verb ("claimed") is in the event that replaced both
        if !folded.is_empty() {
            let first = events.iter().position(|e| e.sentence.index == cx.index).unwrap_or(events.len());
            let spans: Vec<Span> = folded.iter().map(|r| w.span_of(r.start, r.end)).collect();
            events.retain(|e| {
                e.sentence.index != cx.index || !spans.contains(&e.trigger.span) || e.rule.contains("transformation")
            });
            for (k, e) in events[first..].iter_mut().enumerate() {
                e.event_id = event_id(&cx.doc.article.doc_id, cx.index, k);
            }
        }
    }

    /// How a verb reads in its sentence: the words its pattern and object may reach,
    /// and the code of its most specific matching pattern, else of the verb or block.
    fn reading<'d>(
        &'d self,
        cx: &SentenceCtx,
        verbs: &[VerbHit],
        attribution: Option<(usize, usize)>,
        v: &VerbHit<'d>,
    ) -> Reading<'d> {
        let w = cx.words;
        let block = &self.dict.verbs.blocks[v.form.block];
        // a clause ends where the next verb begins: "agreed to lift the sanctions"
        // gives "agreed" no reach into what "lift" governs
        // (a participle inside a phrase set off by commas that ", to NP" closes belongs to
        // the phrase: "returned the files, kept abroad for years, to the archive")
        let aside_verb = |k: usize| {
            k > v.words.end
                && w.words[k].tag.is_some_and(|t| tag_is!(t, "VBN"))
                && aside_resumed_by_to(w, v.words.end, k).is_some()
        };
        let next_verb = verbs.iter().map(|x| x.words.start).find(|&k| k > v.words.start && !aside_verb(k));
        let mut window = clause_window(w, &v.words);
        // (the clause's own end, kept for when a pattern's words move the next verb)
        let clause_end = window.end;
        // "refused to lift sanctions on Iran": the refusal reaches what it refuses
        let refused = refused_infinitive(w, verbs, v);
        let reach_end = refused.map(|r| clause_window(w, &r.words).end);
        window.end = window.end.min(next_verb.unwrap_or(usize::MAX)).max(reach_end.unwrap_or(0));
        // "..., a senior official said on Saturday": the speaker is nobody's object
        if let Some((a, _)) = attribution.filter(|&(a, _)| a > v.words.start) {
            window.end = window.end.min(a);
        }
        let mut best: Option<(&Pattern, PatternMatch)> = None;
        let takes = |p: &&Pattern| {
            p.verb.as_ref().is_none_or(|l| *l == v.form.lemma) && p.needs.iter().all(|&id| w.may_contain(id))
        };
        // "said the attack was unacceptable", "says it has evidence ... of the attacks": a
        // pattern's words after the verb must be its object, not part of a clause of their
        // own, so no finite verb may stand between them and the verb or right after them
        let finite = |k: usize| w.finite_verb_at(k);
        // a statement reports a clause whose subject may carry phrases of its own before
        // its verb ("said a new plan for the port was ready", "saying talks in Oslo are
        // over"): after the words, a phrase opened by a preposition and made of nothing
        // but prepositions, determiners, numbers, describing words and nouns that runs
        // to a finite verb still makes them that clause's subject
        let reports = STATEMENT_VERBS.contains(&v.form.lemma.as_str());
        let subject_of_report = |end: usize| {
            let phrase = |k: usize| {
                w.words
                    .get(k)
                    .and_then(|x| x.tag)
                    .is_some_and(|t| tag_is!(t, "IN" | "DT" | "PRP$" | "CD" | "POS" | "HYPH"))
                    || w.words[k].tag.is_some_and(|t| t.is_noun() || t.is_adjective())
            };
            let opens = end < w.len() && word_tag_is!(w, end, "IN") && w.is(end, PREPOSITION_WORD);
            let mut k = end;
            while opens && k < w.len() && phrase(k) && !matches!(w.norm(k), "that" | "if" | "whether") {
                k += 1;
            }
            opens && finite(k)
        };
        let heads_clause = |m: &PatternMatch| {
            let after: Vec<&Range<usize>> = m.words.iter().filter(|r| r.start >= v.words.end).collect();
            let Some(last) = after.iter().max_by_key(|r| r.end) else { return false };
            finite(last.end)
                || (reports && subject_of_report(last.end))
                || (v.words.end..last.start).any(|k| finite(k) && !after.iter().any(|r| r.contains(&k)))
        };
        // "used villagers (as {human shields})", "* strikes (until)": a pattern whose own
        // words hold the clause opener that ends the window reaches past it (the dictionary
        // says the word belongs to the verb's phrase), up to the next verb or clause break
        let past_opener = (window.end < w.len() && w.is(window.end, CLAUSE_OPENER)).then(|| {
            let mut wide = clause_window(w, &(v.words.start..window.end + 1));
            wide.start = window.start;
            wide.end = wide.end.min(next_verb.filter(|&k| k > window.end).unwrap_or(usize::MAX));
            if let Some((a, _)) = attribution.filter(|&(a, _)| a > v.words.start) {
                wide.end = wide.end.min(a);
            }
            wide
        });
        // "sent a team to Iran to investigate": a pattern that spells the infinitive after
        // the verb ("* (to investigate)") reaches the next verb when "to" marks it, up to
        // the verb after that (its words then consume that verb), where it gives the code
        // that verb gives of its own (else the infinitive is coded as a purpose, see
        // `served_verb`: "called him to congratulate" is praise, not CALL's 013)
        let infinitive_next = next_verb
            .filter(|&k| k == window.end && k > v.words.end && w.norm(k - 1) == "to")
            .and_then(|k| {
                let x = verbs.iter().find(|x| x.words.start == k)?;
                let own = x.form.code.as_ref().unwrap_or(&self.dict.verbs.blocks[x.form.block].code);
                Some((k, own))
            })
            .map(|(k, own)| {
                let mut wide = window.clone();
                wide.end = clause_window(w, &(v.words.start..k + 1))
                    .end
                    .min(verbs.iter().map(|x| x.words.start).find(|&j| j > k).unwrap_or(usize::MAX));
                if let Some((a, _)) = attribution.filter(|&(a, _)| a > v.words.start) {
                    wide.end = wide.end.min(a);
                }
                (k, own, wide)
            });
        let spells_infinitive = |p: &Pattern| {
            let to = |e: &Elem| matches!(e, Elem::Seq(a) if matches!(a.first(), Some(Atom::Word(x, _)) if x == "to"));
            p.after.iter().enumerate().any(|(n, e)| {
                to(e) && (matches!(e, Elem::Seq(a) if a.len() >= 2) || matches!(p.after.get(n + 1), Some(Elem::Seq(_))))
            })
        };
        let opener = w.norm(window.end);
        let names_opener = |p: &Pattern| {
            p.after
                .iter()
                .any(|e| matches!(e, Elem::Seq(a) if matches!(a.first(), Some(Atom::Word(x, _)) if x == opener)))
        };
        // "Ethiopia indicated it deplored Libya", "the tanks might want Obama to head back":
        // a pattern's words before its verb are in the verb's own clause, not before
        // another finite or base verb that stands between them and it (a participle does
        // not end the subject: "troops stationed there withdrew") ...
        let clause_verbs = || {
            verbs
                .iter()
                .filter(|x| x.words.end <= v.words.start)
                .filter(|x| w.words[x.words.start].tag.is_some_and(|t| t.is_verb() && !tag_is!(t, "VBN" | "VBG")))
                .map(|x| &x.words)
        };
        let own_clause_start = clause_verbs().map(|r| r.end).max().unwrap_or(0);
        // ... unless its subject is a pronoun for the actor of that clause ("the military
        // said it had beefed up": the military's words are the subject's), though never
        // the other verb itself
        let mut k = v.words.start;
        while k > 0 && (w.is(k - 1, AUX_OR_ADVERB_WORD) || self.is_adverb(w, k - 1)) {
            k -= 1;
        }
        let pronoun_subject = k > 0 && matches!(w.norm(k - 1), "it" | "they" | "he" | "she" | "we");
        // in a passive the words before the verb are what it acts on, not who acts ("a
        // missile believed to be fired by rebels" is not "&WEAPON *", a bomb going off),
        // unless the pattern places the actors itself ("+ BEEN * BY $"); nor are the
        // adverbs between "be" and the participle ("was heavily criticized" is not
        // CRITICIZE "heavily *", 122, as PETRARCH's tests code it)
        // (decided only for a pattern that names such words: few do)
        let passive = || {
            v.tense == Form::Past
                && (is_passive(w, v.words.start) || followed_by_agent(w, cx.mentions, v) || cx.reduced_relative(v))
        };
        let names_patient = |p: &Pattern, m: &PatternMatch| {
            let noun = |k: usize| w.words[k].tag.is_some_and(|t| t.is_noun() || t.is_adjective());
            !p.before.iter().chain(&p.after).any(|e| matches!(e, Elem::Source | Elem::Target))
                && m.words
                    .iter()
                    .filter(|r| r.end <= v.words.start)
                    .any(|r| r.clone().any(|k| noun(k) || self.is_adverb(w, k)))
        };
        // a participle opening a clause after a comma ("..., accusing him of fraud") has the
        // subject of the clause before it: a pattern's words before it are not in the
        // object of that clause's verb ("filed a complaint in a Brussels court, accusing":
        // no "court *")
        let main_verb_end = (v.tense == Form::Ing && v.words.start > 0 && w.norm(v.words.start - 1) == ",")
            .then(|| verbs.iter().filter(|x| x.words.end < v.words.start).map(|x| x.words.end).min())
            .flatten();
        let in_own_clause = |m: &PatternMatch| {
            m.words.iter().all(|r| {
                r.start >= v.words.start
                    || ((r.start >= own_clause_start
                        || (pronoun_subject && !clause_verbs().any(|c| c.start < r.end && r.start < c.end)))
                        && main_verb_end.is_none_or(|e| r.start < e))
            })
        };
        for p in block.candidates(w).filter(takes) {
            let win = match &past_opener {
                Some(wide) if names_opener(p) => wide.clone(),
                _ => window.clone(),
            };
            let through_infinitive = || {
                let (k, _, wide) =
                    infinitive_next.as_ref().filter(|(_, own, _)| **own == p.code && spells_infinitive(p))?;
                match_pattern(p, w, v.words.clone(), wide.clone(), cx.mentions, &self.dict)
                    .filter(|m| m.words.iter().any(|r| r.contains(k)))
            };
            if let Some(m) = through_infinitive()
                .or_else(|| match_pattern(p, w, v.words.clone(), win, cx.mentions, &self.dict))
                .filter(|m| !heads_clause(m) && in_own_clause(m) && !(names_patient(p, m) && passive()))
            {
                // of equally specific patterns, the one whose words cover more of the
                // sentence ("&HYPERCURR" matching "austrian gold florin" over "&CURRENCY"
                // matching "florin"), then one written for this very verb over one for
                // its whole block
                let covered = |pm: &PatternMatch| pm.words.iter().map(|r| r.len()).sum::<usize>();
                // a pattern of particles only ("* (to)") yields to one with a content word
                // ("* invitation") of the same specificity
                let content = |q: &Pattern| {
                    q.before.iter().chain(&q.after).any(|e| match e {
                        Elem::Seq(a) => a
                            .iter()
                            .any(|x| !matches!(x, Atom::Word(x, _) if PATTERN_PREPOSITIONS.contains(&x.as_str()))),
                        _ => true,
                    })
                };
                let better = |(b, bm): &(&Pattern, PatternMatch)| {
                    (p.specificity(), content(p), covered(&m), p.verb.is_some(), std::cmp::Reverse(m.reach))
                        > (b.specificity(), content(b), covered(bm), b.verb.is_some(), std::cmp::Reverse(bm.reach))
                };
                if best.as_ref().is_none_or(better) {
                    best = Some((p, m));
                }
            }
        }
        // a later "verb" among the pattern's words ("conducting {military exercises}")
        // does not end the clause
        if let Some((_, pm)) = &best {
            let inside = |k: usize| pm.words.iter().any(|r| r.contains(&k));
            let next = verbs.iter().map(|x| x.words.start).find(|&k| k > v.words.start && !inside(k) && !aside_verb(k));
            window.end = clause_end.min(next.unwrap_or(usize::MAX)).max(reach_end.unwrap_or(0));
            if let Some((a, _)) = attribution.filter(|&(a, _)| a > v.words.start) {
                window.end = window.end.min(a);
            }
        }
        match best {
            // "met Putin at the Kremlin": a pattern coding the intent of the block's own
            // act (MEET [040] "* (at)" [036]) describes a plan; a finite past or present
            // verb reports the act itself
            Some((p, pm)) if self.act_happened(w, v, &p.code, &block.code) => {
                let code = Cow::Borrowed(&block.code);
                Reading {
                    window,
                    rule: text!("{} {} [{}] ({}), done not intended: [{code}]", block.name, p.text, p.code, p.origin),
                    code,
                    pm,
                    patterned: true,
                }
            }
            Some((p, pm)) => Reading {
                window,
                code: Cow::Borrowed(&p.code),
                rule: pattern_rule(&block.name, p),
                pm,
                patterned: true,
            },
            None => {
                let code = v.form.code.as_ref().unwrap_or(&block.code);
                // "returned the paintings to Italy": to return something is to give it
                // back, CAMEO 084 (return, release), as "hand back" is; coming back
                // ("returned to Kabul", "returned home") is no act
                if code.is_none() && gives_back(w, v) {
                    let code = Code { forward: Some("084".into()), reverse: None };
                    return Reading {
                        window,
                        rule: text!("{} verb {:?} with an object: giving back [084]", block.name, v.form.lemma),
                        code: Cow::Owned(code),
                        pm: PatternMatch::default(),
                        patterned: false,
                    };
                }
                Reading {
                    window,
                    rule: verb_rule(&block.name, &v.form.lemma, code),
                    code: Cow::Borrowed(code),
                    pm: PatternMatch::default(),
                    patterned: false,
                }
            }
        }
    }

    /// Is `v` a finite verb in the past or present ("met", "meets") whose pattern codes
    /// The verb of the clause a verb of hoping takes ("hoped [that] X would be
    /// indicted"), if its block codes an act above an appeal in PETRARCH2's ontology
    /// (intent, consultation, investigation, demand, disapproval, threat, protest,
    /// posture or coercion).
    fn hoped_act<'v>(&self, w: &Words, verbs: &'v [VerbHit<'v>], v: &VerbHit) -> Option<&'v VerbHit<'v>> {
        // (the clause's verb is the one after its modal: "officials accused of ...
        // would be indicted")
        let modal = |k: usize| matches!(w.norm(k), "would" | "will" | "could" | "should");
        let u = verbs
            .iter()
            .find(|u| u.words.start > v.words.end && (u.words.start.saturating_sub(3)..u.words.start).any(modal))?;
        let between = v.words.end..u.words.start;
        let code = u.form.code.as_ref().unwrap_or(&self.dict.verbs.blocks[u.form.block].code);
        let root = code.forward.as_deref().and_then(|c| c.get(..2))?;
        (between.len() <= 25
            && between.clone().all(|k| !(w.words[k].punct && matches!(w.norm(k), "," | ";" | ":" | ".")))
            && matches!(root, "02" | "03" | "04" | "09" | "10" | "11" | "13" | "14" | "15" | "17"))
        .then_some(u)
    }

    /// the intent to meet (036) in a block of meeting (04)? Then the meeting happened.
    fn act_happened(&self, w: &Words, v: &VerbHit, pattern: &Code, block: &Code) -> bool {
        let (Some(p), Some(b)) = (pattern.forward.as_deref(), block.forward.as_deref()) else {
            return false;
        };
        let s = v.words.start;
        let finite = matches!(v.tense, Form::Past | Form::Third)
            && !(s.saturating_sub(3)..s).any(|k| matches!(w.norm(k), "to" | "will" | "would") || is_modal(w, k));
        // meetings are either held or planned; other intents ("welcomed assurances",
        // 030 in a 050 block) are acts of their own
        finite && b.starts_with("04") && intent_code(b) == p
    }

    /// Replace a governed event and its governing verb by the one event a
    /// transformation of the verb dictionary makes of the pair; what was made, for
    /// the trace, or None when no transformation applies.
    fn transform(
        &self,
        cx: &SentenceCtx,
        events: &mut Vec<Event>,
        inner: &Governed,
        code: &Code,
        outer_sources: &[(usize, Vec<usize>)],
        folded: &mut Vec<Range<usize>>,
    ) -> Option<String> {
        let inner_code = code.forward.as_deref()?;
        let outer = outer_sources.iter().rev().find(|(k, _)| *k == inner.gov.words.start).map(|(_, s)| s)?;
        if outer.is_empty() {
            return None;
        }
        let target_var = if inner.targets.is_empty() { Var::None } else { Var::B };
        let t = self.dict.verbs.transforms.iter().find(|t| {
            t.outer == inner.gov.form.lemma
                && t.covers(inner_code)
                && (t.inner_source == inner.source || t.inner_source == Var::Any)
                && (t.inner_target == target_var || t.inner_target == Var::Any)
        })?;
        let pick = |var: Var| -> Vec<usize> {
            match var {
                Var::A => outer.clone(),
                Var::B if t.inner_source == Var::B => inner.sources.clone(),
                Var::B => inner
                    .targets
                    .iter()
                    .filter_map(|t| if let Target::Mention(m) = t { Some(*m) } else { None })
                    .collect(),
                Var::Any | Var::None => Vec::new(),
            }
        };
        let (sources, targets) = (pick(t.result_source), pick(t.result_target));
        let result_code = t.code.clone();
        let gov = inner.gov;
        let gspan = cx.words.span_of(gov.words.start, gov.words.end);
        let rule = text!("transformation {} + {}x = {} ({})", t.outer, t.inner_family, t.code, t.origin);
        let n_before = events.len();
        for &s in &sources {
            let ts: Vec<Option<Target>> = if targets.is_empty() {
                vec![None]
            } else {
                targets.iter().map(|&m| Some(Target::Mention(m))).collect()
            };
            let own = |t: &Option<Target>| matches!(t, Some(Target::Mention(m)) if cx.mentions[*m].code == cx.mentions[s].code);
            for t in ts.into_iter().filter(|t| !own(t)) {
                self.push_event(cx, events, gov, gspan, &result_code, Some(s), t, &rule, false, false);
            }
        }
        // PLOVER codes the act, not the statement about it: "the army said it had
        // launched air strikes on the camp" claims responsibility (CAMEO 015, which
        // PLOVER has no category for) for an ASSAULT; "says it will shell the camps" announces
        // it, a threat (see `future_conflict_is_threat`)
        let (made, act) = (self.dict.cameo.get(&result_code), self.dict.cameo.get(inner_code));
        if let (Some(made), Some(act)) = (made, act) {
            if made.plover_event == "OTHER" && act.plover_event != "OTHER" {
                let threat = inner.future && future_conflict_is_threat(&act.plover_event);
                for e in &mut events[n_before..] {
                    e.plover = if threat {
                        Plover { event: "THREATEN".into(), mode: None, context: act.plover_context.clone() }
                    } else {
                        Plover {
                            event: act.plover_event.clone(),
                            mode: act.plover_mode.clone(),
                            context: act.plover_context.clone(),
                        }
                    };
                }
            }
        }
        folded.push(gov.words.clone());
        Some(text!("{rule}: {} event(s)", events.len() - n_before))
    }

    /// Sources and targets of a verb, as indices into the sentence's mentions.
    #[allow(clippy::too_many_arguments)]
    fn actors_for(
        &self,
        cx: &SentenceCtx,
        v: &VerbHit,
        reading: &Reading,
        passive: bool,
        transfer: bool,
        last_subject: &mut Option<Vec<usize>>,
        reporter: Option<&(usize, Vec<usize>)>,
    ) -> (Vec<usize>, Vec<Target>) {
        let (w, ms) = (cx.words, cx.mentions);
        let (window, pm) = (&reading.window, &reading.pm);
        // "offering {&military support}": a name modifying a pattern's later word is
        // part of the pattern, not an actor ("with rioters" still names the rioters)
        // a name of unknown code that is itself a pattern word ("celebrate * tabaski") is too
        let modifier = |i: usize| {
            // (a participant noun, "released the hostages", stays the actor)
            let unknown = ms[i].code.as_str() == UNKNOWN_CODE && ms[i].kind != ActorKind::Agent;
            pm.words.iter().any(|r| {
                (r.start <= ms[i].words.start && (ms[i].words.end < r.end || (unknown && ms[i].words.end <= r.end)))
                    // ("lifts Travel Ban": a name the tagger guessed around a pattern word)
                    // (a lower-case pattern word ending the name is its members: "expelled
                    // UNSCOM weapons inspectors")
                    || (unknown
                        && ms[i].words.start < r.start
                        && r.start < ms[i].words.end
                        && (w.words[r.start].capitalized || r.end != ms[i].words.end))
                    // ("a cruise-missile attack": a name joined by a hyphen to the pattern's word)
                    || (ms[i].words.start < r.start
                        && r.start < ms[i].words.end
                        && ms[i].words.end <= r.end
                        && w.words[r.start - 1].hyphen_after)
            })
        };
        let actor = |i: &usize| !ms[*i].location && !modifier(*i) && !cited_source(w, &ms[*i]);
        // an infinitive or participle shares the subject of the verb it depends on
        // ("says the Kenyan army is training": a progressive is finite, with a subject of its own)
        let nonfinite = (v.tense == Form::Ing && !progressive(w, v.words.start))
            || (v.words.start > 0 && matches!(w.norm(v.words.start - 1), "to" | "and"));
        // subject: the nearest actor to the left at the verb's clause level, not the object of a preposition
        // a town or region the gazetteer alone knows is where things happen or what they
        // are aimed at, not who acts ("the town of Gjilan burned"): the dictionaries name the
        // cities that stand for their governments
        let gazetteer_place = |i: usize| ms[i].kind == ActorKind::Place && ms[i].head.is_none();
        // (the cheap test of where the mention stands comes first: each filter only
        // narrows, so their order does not change what is found)
        // a phrase opened by a preposition between an actor ending at `from` and the
        // finite verb: at most 12 words, no verb, punctuation or clause opener
        // (a past participle by the tagger that takes an object right after it reads as
        // the finite past here: "Chile at a summit with Peru criticized Bolivia")
        // (the phrase ends before the verb's auxiliaries: "in the capital have detained")
        let tag_at = |k: usize| w.tag_str(k);
        let mut verb_group = v.words.start;
        while verb_group > 0 && w.is(verb_group - 1, AUX_OR_ADVERB_WORD) {
            verb_group -= 1;
        }
        let finite = w.finite_verb_at(v.words.start)
            || (verb_group..v.words.start).any(|k| w.finite_verb_at(k))
            || (tag_at(v.words.start) == "VBN"
                && !is_passive(w, v.words.start)
                && matches!(tag_at(v.words.end), "DT" | "NNP" | "NNPS" | "PRP$"));
        let adjunct_until = |from: usize, end: usize| {
            !nonfinite
                && finite
                && from < end
                && end - from <= 12
                && matches!(w.norm(from), "during" | "at" | "in" | "on" | "amid")
                && (from..end).all(|k| {
                    !w.words[k].punct && !w.words[k].tag.is_some_and(|t| t.is_verb()) && !w.is(k, CLAUSE_OPENER)
                })
        };
        let adjunct_from = |from: usize| adjunct_until(from, verb_group);
        // ... that names an occasion ("at a meeting with", "in a letter to"): an actor in it
        // is not the subject, the actor before it is
        // (a bare noun may open it when "with" or "to" follows: "in talks with")
        let occasion_from = |from: usize| {
            adjunct_from(from)
                && (matches!(w.norm(from + 1), "a" | "an" | "the")
                    || (matches!(tag_at(from + 1), "NN" | "NNS") && matches!(w.norm(from + 2), "with" | "to")))
        };
        // (a word of the verb's pattern is the noun the pattern names, whatever its tag:
        // "KILL airstrike *" with "airstrikes" tagged as a verb)
        let pattern_word = |k: usize| pm.words.iter().any(|r| r.contains(&k));
        let in_time = |k: usize| {
            let span = w.words[k].span;
            cx.times.iter().any(|t| t.span.start <= span.start && span.end <= t.span.end) || relative_time_word(w, k)
        };
        let in_occasion = |i: usize| {
            (0..i).any(|j| !ms[j].location && ms[j].words.end < ms[i].words.start && occasion_from(ms[j].words.end))
        };
        let subject = (0..ms.len())
            .rev()
            .filter(|&i| ms[i].words.end <= v.words.start && ms[i].words.start >= window.start.min(v.words.start))
            .filter(|&i| !in_occasion(i))
            .filter(actor)
            .filter(|&i| !gazetteer_place(i))
            .filter(|&i| !compared(w, ms, i))
            // "Eritrea's ambassador to the African Union said": whom an envoy is sent to
            // is part of the envoy's noun phrase, not the subject
            .filter(|&i| !ms.iter().any(|n| n.words.end <= ms[i].words.start && envoy_to(w, ms, n) == Some(i)))
            // "a soldier accused of killing civilians was arrested": an actor inside a
            // reduced relative before the verb belongs to that phrase; the noun it
            // describes is the verb's subject
            .filter(|&i| {
                !cx.relatives.iter().any(|&(start, end)| {
                    end.is_some_and(|end| start < ms[i].words.start && end <= v.words.start && ms[i].words.end <= end)
                })
            })
            // "Nigerian troops battling Boko Haram rescued": an actor that a participle
            // after the subject acts on is inside the subject's noun phrase
            .filter(|&i| {
                nonfinite
                    || !ms[..i].iter().any(|j| {
                        // (where the mentions stand first: it rules out most pairs)
                        j.words.end < ms[i].words.start
                            && !j.location
                            && participle_phrase_end(w, j.words.end, v.words.start)
                                .is_some_and(|e| ms[i].words.end <= e)
                    })
            })
            // "critics of the government say it has ...": "it", "he" or "she" is the one
            // they criticise, not the critics themselves
            .filter(|&i| {
                !(names_critics(w, &ms[i])
                    && (ms[i].words.end..v.words.start).any(|k| matches!(w.norm(k), "he" | "she" | "it")))
            })
            .find(|&i| {
                let m = &ms[i];
                // (no preposition is empty: none before the first word)
                let prev_preposition = m.words.start > 0 && w.is(m.words.start - 1, PREPOSITION_WORD);
                // "Authorities in the U.S. have deported": a place or actor the mention is
                // "in", "of" or "from" belongs to its noun phrase, not between it and the verb
                let tail = attached_phrase_end(w, ms, m.words.end)
                    .or_else(|| envoy_to(w, ms, m).map(|j| ms[j].words.end))
                    .or_else(|| attached_name_end(w, m.words.end))
                    .or_else(|| (!nonfinite).then(|| participle_phrase_end(w, m.words.end, v.words.start)).flatten())
                    // (not before a passive, whose subject is what is done to: "people in an
                    // assault launched by a bomber")
                    .or_else(|| (!passive && !prev_preposition).then(|| attached_noun_end(w, ms, m)).flatten())
                    .unwrap_or(m.words.end)
                    .min(v.words.start);
                // right before its verb ("after Erdogan evoked", "Turkey has launched") a
                // mention is the subject even behind a preposition
                // ... but not when the preposition is another verb's ("the civilians jailed for
                // acting against Moscow were freed": Moscow is what they acted against;
                // "according to" and "owing to" are prepositions of their own, and one that
                // opens a clause is no verb's: "it comes after Erdogan evoked")
                let verb_preposition = m.words.start >= 2
                    && prev_preposition
                    && !w.is(m.words.start - 1, CLAUSE_OPENER)
                    && w.words[m.words.start - 2].tag.is_some_and(|t| t.is_verb())
                    && !matches!(w.norm(m.words.start - 2), "according" | "owing");
                // the common nouns right after the mention, which it names the owner of
                // ("Russian airstrikes", "the Islamic State group")
                let nouns_end =
                    if tail == m.words.end { noun_run_end(w, ms, tail, v.words.start, &pattern_word) } else { tail };
                // ("a raid by the al-Shabaab militia wounded": the agent's own nouns may
                // stand between the agent of an attack and the verb)
                let near = if m.words.start > 0 && w.norm(m.words.start - 1) == "by" { nouns_end } else { tail };
                let adjacent = !verb_preposition
                    && (near..v.words.start).all(|k| w.is(k, AUX_OR_ADVERB_WORD) || self.is_adverb(w, k));
                // "when the conflict in Syria erupted": another noun phrase stands between
                // the actor and a finite verb, so the actor is not its subject
                // ... unless that noun phrase is only a time or place adjunct opened by a
                // preposition right after the actor ("the ministry at a briefing in the
                // capital on Monday welcomed"): no verb, punctuation or other actor in it
                // (an actor may stand in an occasion, see `in_occasion`)
                // ... or set off by commas after an appositive ("X, the KRG's spokesperson,
                // in a statement condemned", "X, in a statement, condemned")
                let set_off = w.norm(tail) == "," && tail + 1 < verb_group && {
                    let end = if w.norm(verb_group - 1) == "," { verb_group - 1 } else { verb_group };
                    adjunct_until(tail + 1, end)
                        && !ms.iter().any(|n| !n.location && n.words.start > tail && n.words.start < v.words.start)
                };
                // ... also after the nouns the actor names the owner of ("Russian airstrikes
                // in the area killed": the strikes are Russia's)
                // (a time between them is the strikes' too: "strikes last week in the north")
                let mut head_end = nouns_end;
                while head_end > m.words.end && head_end < v.words.start && in_time(head_end) {
                    head_end += 1;
                }
                let adjunct = set_off
                    || (adjunct_from(head_end)
                        && (occasion_from(head_end)
                            || !ms
                                .iter()
                                .any(|n| !n.location && n.words.start >= head_end && n.words.start < v.words.start)));
                let blocked = !nonfinite
                    && !adjunct
                    && (tail..v.words.start)
                        .any(|k| matches!(w.norm(k), "the" | "a" | "an") && w.same_clause_level(k, v.words.start));
                // "..., five years after crowds burned": a clause opener between them puts
                // the verb in a clause of its own; a relative pronoun right after the
                // actor ("Russia, which saved") is the exception
                let relative = |k: usize| {
                    matches!(w.norm(k), "which" | "who" | "that")
                        && (m.words.end..k).all(|j| matches!(w.norm(j), "," | "\u{2014}" | "\u{2013}" | "--"))
                };
                let subordinate = !nonfinite
                    && (m.words.end..v.words.start)
                        .any(|k| w.is(k, CLAUSE_OPENER) && !relative(k) && w.same_clause_level(k, v.words.start));
                let blocked = blocked || subordinate;
                // "shot at marchers who had rejected the curfew": the relative
                // pronoun's verb, auxiliaries between, has the actor before it as its
                // subject, even one behind a preposition
                let relative_subject = !verb_preposition
                    && m.words.end < v.words.start
                    && matches!(w.norm(m.words.end), "who" | "which")
                    && (m.words.end + 1..v.words.start).all(|k| w.is(k, AUX_OR_ADVERB_WORD));
                w.same_clause_level(m.words.start, v.words.start)
                    && (adjacent || relative_subject || !prev_preposition)
                    && !blocked
            });
        // ... and an actor "between" or "among" which a thing is is part of its noun phrase,
        // never the subject: "the conflict between Russia and Ukraine needs to end"
        // (unless a relative pronoun takes the last of them: "clashes between the army and
        // the rebels, who have refused")
        // ... nor is an actor whose relative or friend it is: "the congressman's wife
        // appears to be supporting" is the wife's act, a person of no known code (a
        // participle or infinitive still takes the subject of its clause)
        let kin_of = |i: usize| {
            let e = ms[i].words.end;
            matches!(w.norm(e), "'s" | "\u{2019}s" | "'")
                && (e + 1..(e + 3).min(v.words.start)).any(|k| KIN_NOUNS.contains(&w.norm(k)))
        };
        let held_between = subject.is_some_and(|i| {
            (between_parties(w, ms, i) && !relative_after(w, ms[i].words.end)) || (!nonfinite && kin_of(i))
        });
        let subject = subject.filter(|_| !held_between);
        // "Chancellor Angela Merkel of Germany praised": the person is the
        // subject, the country after "of" only says whose
        let subject = subject.map(|i| person_of(w, ms, i).unwrap_or(i));
        // "he told police he supported Trump": "he" or "she" right before the verb is its
        // subject and stands for a person, the last one named before it, not for the
        // nearest actor ("police")
        // (not in a passive, whose subject is the one acted on: "after he was hit by")
        let subject = if !nonfinite
            && !passive
            && verb_group > 0
            && matches!(w.norm(verb_group - 1), "he" | "she")
            && !is_passive(w, v.words.start)
        {
            // (a pronoun read as an actor itself stays: "Kremlin critics say he has jailed";
            // so does a name of no known code, which the entity tagger may have mistyped)
            let unknown_name = |i: usize| ms[i].code.as_str() == UNKNOWN_CODE && ms[i].kind != ActorKind::Agent;
            subject
                .filter(|&i| names_a_person(w, &ms[i]) || unknown_name(i) || ms[i].words.contains(&(verb_group - 1)))
                .or_else(|| last_person_before(w, ms, &[], verb_group - 1))
        } else {
            subject
        };
        // ("Amina Yusuf, the deputy governor of Kano, will open": an appositive whose
        // title names no actor leaves only the name after "of" inside it, which no subject
        // test takes; that name stands for the appositive, whose head is the subject)
        let subject = subject.or_else(|| {
            if nonfinite {
                return None;
            }
            let j = ms.iter().rposition(|m| m.words.end <= v.words.start && m.words.start >= window.start)?;
            appositive_head(w, ms, j, v.words.start).map(|_| j)
        });
        // "Peter Odhiambo, a lecturer at the University of Nairobi, criticized": the actor
        // an appositive describes is the subject, not a name inside the appositive
        let appositive = subject.and_then(|i| {
            appositive_head(w, ms, i, v.words.start)
                .or_else(|| (!nonfinite).then(|| relative_head(w, ms, i, v.words.start)).flatten())
        });
        // "A rebel strike on an army base near Goma killed": whose attack it is, not
        // what it is on, is the subject
        let subject = subject.map(|i| attack_by(w, ms, i).unwrap_or(i));
        // "Brazil and the United States ...": the whole compound is the subject
        let mut subject = subject.map(|i| {
            if let Some(h) = appositive {
                return compound(ms, h, false).collect();
            }
            // (the last party only, when a relative pronoun takes it: "talks between the
            // government and the Taliban, who have refused")
            if between_what(w, ms, i).is_some() && relative_after(w, ms[i].words.end) {
                return vec![i];
            }
            let before = compound(ms, i, false);
            let after = compound(ms, i, true).skip(1).filter(|&k| ms[k].words.end <= v.words.start);
            before.chain(after).collect::<Vec<_>>()
        });
        // ("filed a case at the ICJ accusing Israel", "wrote to the UN urging Sudan":
        // an actor a preposition of place or address governs, right before a participle,
        // is where or to whom the earlier act went; the participle is that act's subject's)
        // ... but people an act is aimed "at" or "against" (a plural common noun, not a
        // body) are the subject of the participle that describes them ("fired tear gas at
        // students demanding")
        let governed_by_place = |i: usize| {
            let mut k = ms[i].words.start;
            while k > 0 && (matches!(w.norm(k - 1), "the" | "a" | "an") || word_tag_is!(w, k - 1, "JJ")) {
                k -= 1;
            }
            k > 0
                && match w.norm(k - 1) {
                    "at" | "against" => w.tag_str(ms[i].words.end - 1) != "NNS",
                    prep => matches!(prep, "in" | "before" | "to" | "into"),
                }
        };
        // ("get Ukraine to investigate", "wants Kenya to ...": the object of a verb that
        // has someone else do the infinitive is the infinitive's subject; the verbs that
        // code such an act themselves, "urged Kenya to", fold the infinitive into theirs)
        let object_of_verb = |i: usize| {
            let k = determiners_start(w, ms[i].words.start);
            k > 0 && HAVE_DONE_VERBS.contains(&w.norm(k - 1))
        };
        let adjacent_subject = subject.as_ref().is_some_and(|s| {
            let last = *s.last().unwrap_or(&0);
            (ms[last].words.end == v.words.start && !(v.tense == Form::Ing && governed_by_place(s[0])))
                || (v.tense == Form::Base
                    && ms[last].words.end + 1 == v.words.start
                    && w.norm(v.words.start - 1) == "to"
                    && object_of_verb(s[0]))
        });
        // "..., and Fidan is expected to visit": a subject that opens a new clause
        // after the previous verb is this verb's own, not the earlier one's object
        let prev_verb_end = cx.verb_starts.iter().copied().filter(|&k| k < v.words.start).max();
        let opens_clause = subject.as_ref().and_then(|s| s.first()).is_some_and(|&first| {
            prev_verb_end.is_some_and(|p| {
                (p..ms[first].words.start)
                    .any(|k| matches!(w.norm(k), "," | "and" | "but" | ";") || w.is(k, CLAUSE_OPENER))
            })
        });
        // "blocked an EU statement criticising Israel": a document's participle has the
        // author its noun names ("EU", "the UN's"), not the subject of the verb before
        // (where the subject ends first: most verbs have no document noun right before)
        let document_author = v.words.start >= 2
            && subject.as_ref().and_then(|s| s.last()).is_some_and(|&i| {
                let e = ms[i].words.end;
                e + 1 == v.words.start || (e + 2 == v.words.start && w.norm(e) == "'s")
            })
            && DOCUMENT_NOUNS.contains(&w.norm(v.words.start - 1).trim_end_matches('s'));
        // "approved Sweden's bid to join NATO": the act a noun of intent names in its
        // infinitive is its possessor's
        let intent_of = v.words.start >= 4
            && v.tense == Form::Base
            && w.norm(v.words.start - 1) == "to"
            && INTENT_NOUNS.contains(&w.norm(v.words.start - 2))
            && w.norm(v.words.start - 3) == "'s"
            && subject.as_ref().and_then(|s| s.last()).is_some_and(|&i| ms[i].words.end + 3 == v.words.start);
        // "Israel struck a convoy at the city's hospital, Al-Shifa, killing 13": a
        // participle after a comma tells what the clause before it did, and has that
        // clause's subject; an actor between that clause's verb and the comma is in its
        // object or an appositive (its commas open no clause), and the speaker of an
        // attribution between them ("rockets landed near the hospital, the Red Crescent
        // said, injuring 21") is no subject either. With no actor as that subject ("bombs
        // fell on the camp, killing 45") the participle has none.
        let clause_verb = cx
            .verb_starts
            .iter()
            .copied()
            .filter(|&k| k < v.words.start && cx.attribution.is_none_or(|(_, s)| s != k))
            .max();
        let comma_participle = v.tense == Form::Ing
            && v.words.start > 0
            && w.norm(v.words.start - 1) == ","
            && cx.verb_starts.first().is_some_and(|&k| k < v.words.start - 1);
        let inside_clause = |s: &[usize]| {
            s.iter().all(|&i| {
                clause_verb.is_some_and(|k| ms[i].words.start > k)
                    || cx.attribution.is_some_and(|(c, a)| c < ms[i].words.start && ms[i].words.start < a)
            })
        };
        if comma_participle && !held_between && subject.as_deref().is_some_and(inside_clause) {
            subject = last_subject.clone();
        } else if nonfinite
            && !held_between
            && !adjacent_subject
            && !opens_clause
            && !document_author
            && !intent_of
            && last_subject.is_some()
        {
            subject = last_subject.clone();
            // "officials said the police acted to protect property and urged the
            // opposition to ...": an appeal joined by "and", in the tense of the speech
            // verb, is the speakers' second act, not the reported actor's (a demand is
            // left to the reported actor: "said the crowd marched and demanded ...")
            if let Some((r, speakers)) = reporter {
                let said_by_others = subject.as_ref().is_some_and(|s| s.iter().all(|&i| ms[i].words.start > *r));
                // (the verb's own code: "demanded new elections" is coded as an appeal
                // by its pattern, but is a demand)
                let block = &self.dict.verbs.blocks[v.form.block].code;
                let appeal = block.forward.as_deref().is_some_and(|c| c.starts_with("02"));
                if v.words.start > 0
                    && w.norm(v.words.start - 1) == "and"
                    && said_by_others
                    && appeal
                    && tag_at(v.words.start) == tag_at(*r)
                    && w.same_clause_level(*r, v.words.start)
                {
                    subject = Some(speakers.clone());
                }
            }
        } else if v.words.start > 0
            && w.norm(v.words.start - 1) == "and"
            && !adjacent_subject
            && !opens_clause
            && last_subject.is_none()
            && subject.as_ref().and_then(|s| s.first()).is_some_and(|&first| {
                prev_verb_end.is_some_and(|p| p < ms[first].words.start && w.same_clause_level(p, v.words.start))
            })
        {
            // "They closed the embassy and expelled the diplomats": what the verb before
            // acted on is no subject of the verb joined to it; both share a subject that
            // names no actor
            subject = None;
        }
        // "the latest move by the US to try to force the Palestinians", "an attempt by
        // Russia to seize": the actor "by" whom a noun is made, right before an
        // infinitive, is the infinitive's subject
        if let Some(agent) = noun_agent_of_infinitive(w, ms, v) {
            subject = Some(compound(ms, agent, false).collect());
        }
        // ("shot at marchers who rejected the curfew and detained three reporters": the
        // actor a relative clause behind a preposition is about is that clause's subject
        // only; a later verb joined by "and" goes on with the main clause's)
        let relative_only = subject.as_ref().and_then(|s| s.last()).is_some_and(|&i| {
            let m = &ms[i];
            m.words.start > 0
                && w.is(m.words.start - 1, PREPOSITION_WORD)
                && matches!(w.norm(m.words.end), "who" | "which")
        });
        if subject.is_some() && !relative_only {
            last_subject.clone_from(&subject);
        } else if held_between {
            // (the thing they are parties to is the subject, and of the verbs after it:
            // "... needs to come to an end")
            *last_subject = None;
        }
        let own_countries: Vec<&str> = subject.iter().flatten().filter_map(|&i| ms[i].code.country()).collect();
        // "Erdogan reiterated Turkey's support for the GNA": the subject's own country
        // as the possessor of the object names whose act it is, not whom it is aimed at
        let own_possessor = |i: usize| {
            let e = ms[i].words.end;
            w.norm(e) == "'s"
                && ms[i].code.country().is_some_and(|c| own_countries.contains(&c))
                && (e + 1..(e + 3).min(w.len())).any(|k| STANCE_NOUNS.contains(&w.norm(k)))
        };
        // "agreed to a deal, the countries announced": an actor set off by a comma and
        // followed by its own finite verb is the subject of a comment, not an object
        let comment_subject = |i: usize| {
            let k = determiners_start(w, ms[i].words.start);
            let e = ms[i].words.end;
            k > 0
                && w.norm(k - 1) == ","
                && e < w.len()
                && (w.words[e].tag.is_some_and(|t| tag_is!(t, "VBD" | "VBZ")) || SPEECH_VERBS.contains(&w.norm(e)))
        };
        // "hoped French officials would be indicted": an actor followed by a modal or a
        // finite auxiliary is the subject of a clause the verb takes, not its object
        let clause_subject = |i: usize| {
            let mut k = ms[i].words.end;
            while k < w.len() && ms.iter().any(|m| m.words.start == k || (m.coordinated && m.words.contains(&k))) {
                k = ms.iter().find(|m| m.words.start == k).map_or(k + 1, |m| m.words.end);
            }
            matches!(w.norm(k), "would" | "will" | "could" | "should" | "might" | "must" | "can" | "may")
                || (matches!(w.norm(k), "had" | "has" | "have" | "was" | "were" | "is" | "are")
                    && w.words.get(k + 1).and_then(|x| x.tag).is_some_and(|t| t.is_verb()))
        };
        // "died from her injuries at a hospital": an act coded only the other way round
        // (the object did it to the subject) takes its doer from the object, and an actor
        // "at" or "in" which it happened is where, not who
        let reverse_only = reading.code.forward.is_none() && reading.code.reverse.is_some();
        let where_it_happened = |i: usize| {
            let mut k = ms[i].words.start;
            while k > v.words.end && (w.is(k - 1, DETERMINER) || word_tag_is!(w, k - 1, "JJ")) {
                k -= 1;
            }
            // (unless the pattern names it: "dies in prison", ":184 * (in &detention)")
            reverse_only
                && k > v.words.end
                && matches!(w.norm(k - 1), "at" | "in" | "inside")
                && !pm.words.iter().any(|r| r.start < ms[i].words.end && ms[i].words.start < r.end)
        };
        // object: the first actor to the right in the clause
        let object = (0..ms.len())
            .filter(actor)
            .find(|&i| {
                ms[i].words.start >= v.words.end
                    && ms[i].words.end <= window.end
                    && w.same_clause_level(ms[i].words.start, v.words.start)
                    && !own_possessor(i)
                    && !(comment_subject(i))
                    // (an actor a pattern's "^" steps over takes no role)
                    && !pm.skipped.contains(&i)
                    && !where_it_happened(i)
            })
            .filter(|&i| !(clause_subject(i) && pm.target.is_none() && !reading.patterned))
            .map(|i| compound(ms, i, true).filter(|&k| ms[k].words.end <= window.end).collect::<Vec<_>>());
        // "filed a lawsuit in a Paris court against the prince": whom the act is against
        // outranks the forum it is brought before
        // (determiners and the direction of a region may stand between: "from South Vietnam",
        // "into northern Syria")
        // (or a participle describing the person: "against visiting Crown Prince X")
        let after_word = |i: usize, words: &[&str]| {
            let mut k = ms[i].words.start;
            while k > 0
                && (w.is(k - 1, DETERMINER)
                    || is_direction(w.norm(k - 1))
                    || (k == ms[i].words.start && attributive_participle(w, ms, k - 1, 1)))
            {
                k -= 1;
            }
            k > 0 && words.contains(&w.norm(k - 1))
        };
        // (a partner "with" whom one cooperates or consults stays the target: "shared
        // evidence with India against a suspect")
        let cooperative =
            reading.code.forward.as_deref().is_some_and(|c| matches!(&c[..2], "03" | "04" | "05" | "06" | "07"));
        let object = object.map(|o| {
            let Some(&first) = o.first() else { return o };
            let forums: &[&str] = if cooperative { &["in", "at", "before"] } else { &["in", "with", "at", "before"] };
            if !after_word(first, forums) {
                return o;
            }
            let against = (0..ms.len()).filter(actor).find(|&i| {
                ms[i].words.start > ms[first].words.end
                    && ms[i].words.end <= window.end
                    && w.same_clause_level(ms[i].words.start, v.words.start)
                    && after_word(i, &["against"])
            });
            match against {
                Some(a) => compound(ms, a, true).filter(|&k| ms[k].words.end <= window.end).collect(),
                None => o,
            }
        });
        // "sent troops to Liberia", "provided $5 billion to Sudan": what a transfer
        // moves is a role word without a country, or the subject's own forces ("sent
        // CIA operatives into Libya"); the one it goes to (or is sent against) is the target
        let object = object.map(|o| {
            let theme = |i: usize| {
                let c = &ms[i].code;
                let forces = matches!(c.sector(), Some("MIL" | "COP" | "SPY"));
                // "returned six Iraqi artefacts to ...": a name describing the pattern's
                // noun tells what is moved
                let describes_moved = pm.words.iter().any(|r| r.start == ms[i].words.end);
                (ms[i].kind == ActorKind::Agent && c.country().is_none())
                    // (a name no dictionary knows, "provided ODA to Indonesia")
                    || (c.as_str() == UNKNOWN_CODE && ms[i].kind != ActorKind::Person)
                    || (forces && c.country().is_some_and(|c| own_countries.contains(&c)))
                    || describes_moved
            };
            // ... as does, in the object, a name describing the next noun ("returned a
            // Hebrew Bible to its owners") or one the moved thing is "of" ("a portrait of
            // a young girl")
            let moved = |i: usize| {
                let e = ms[i].words.end;
                let describes_noun = e < window.end
                    && w.words[e].tag.is_some_and(|t| t.is_noun())
                    && !TIME_NOUNS.contains(&w.norm(e))
                    && !ms.iter().any(|m| m.words.start == e);
                let mut k = ms[i].words.start;
                while k > v.words.end && w.words[k - 1].tag.is_some_and(|t| tag_is!(t, "DT" | "JJ" | "CD" | "PRP$")) {
                    k -= 1;
                }
                let of_thing = k >= v.words.end + 2
                    && w.norm(k - 1) == "of"
                    && w.words[k - 2].tag.is_some_and(|t| t.is_noun())
                    && !ms.iter().any(|m| m.words.contains(&(k - 2)));
                theme(i) || describes_noun || of_thing
            };
            if !(transfer && o.iter().all(|&i| moved(i))) {
                return o;
            }
            let end = o.iter().map(|&i| ms[i].words.end).max().unwrap_or(v.words.end);
            // "withdrew peacekeepers from Rwanda": a withdrawal is aimed at where it leaves
            let leaving = matches!(v.form.lemma.as_str(), "withdraw" | "pull" | "evacuate");
            let to: &[&str] = if leaving { &["from", "to", "into"] } else { &["to", "into", "for", "against"] };
            // (a role word "to" which it goes receives it: "returned the coins to their owners")
            let recipient = (0..ms.len()).find(|&i| {
                ms[i].words.start > end
                    && ms[i].words.end <= window.end
                    && ((!theme(i) && ms[i].code.country().is_some()) || after_word(i, &["to"]))
                    && after_word(i, to)
            });
            // ("gave details of the holders which include names, addresses and balances to
            // the Indian government": past a relative clause on the moved thing)
            recipient
                .or_else(|| relative_recipient(w, ms, v, window.end, &actor))
                .or_else(|| purpose_against(w, ms, window.end, &actor))
                .map(|r| vec![r])
                .unwrap_or(o)
        });
        // "returned two statues that were looted in 1890 to Nigeria": a relative clause on
        // the moved thing stands between a transfer and the one it goes to; the last actor
        // "to" which the sentence's clause runs is the recipient (the clause's own "to"
        // phrases come first: "coins that date back to Rome to Greece")
        let object = match object {
            None if transfer && !passive => relative_recipient(w, ms, v, window.end, &actor).map(|r| vec![r]),
            None if !passive => sanction_bearer(w, ms, v, pm, &actor).map(|r| compound(ms, r, true).collect()),
            o => o,
        };
        // "discussed Libya with Trump", "discussed the crisis with the leaders of France":
        // whom one consults or negotiates with is the one it is done with, not the topic
        // (a visit's target is where it goes: "left for Minas Tirith ... with Arnor")
        let consult = [&reading.code.forward, &reading.code.reverse]
            .into_iter()
            .flatten()
            .any(|c| matches!(c.get(..3), Some("040" | "041" | "046")));
        // "discussed Syria", "negotiate a deal": what these verbs take as object is the
        // topic; only "with" names whom it is done with
        let object = match consult.then(|| with_partner(w, ms, v.words.end, window.end, &actor)).flatten() {
            Some(i) => Some(compound(ms, i, true).filter(|&k| ms[k].words.end <= window.end).collect()),
            None if takes_topic(v) => None,
            None => object,
        };
        // "recalled its ambassador to Algeria": the subject's own envoy (or one of no
        // country) is recalled or sent from where it is posted, the country it is "to"
        let object = object.map(|o| match o[..] {
            [t] if ms[t].code.country().is_none_or(|c| own_countries.contains(&c)) => {
                envoy_to(w, ms, &ms[t]).filter(|&j| ms[j].words.end <= window.end).map_or(o, |j| vec![j])
            }
            _ => o,
        });
        let (mut sources, mut targets) = (subject.unwrap_or_default(), object.unwrap_or_default());
        if let Some(s) = pm.source {
            let displaced = std::mem::replace(&mut sources, compound(ms, s, true).collect());
            // "Mordor will host Osgiliath to celebrate Tabaski with Eriador" (`* {MAY DAY}
            // $`): a source the pattern finds after the verb displaces the subject, which
            // the act is then aimed at, unless the pattern names a target
            if pm.target.is_none()
                && ms[s].words.start >= v.words.end
                && !displaced.is_empty()
                && !displaced.iter().any(|d| sources.contains(d))
            {
                targets = displaced;
            }
        }
        if let Some(t) = pm.target {
            targets = compound(ms, t, true).collect();
            // "condemned Mordor's attacks on the Shire": whose attacks they are is who is
            // blamed, not those the pattern names as attacked
            let blames = reading.code.forward.as_deref().is_some_and(|c| c.starts_with("11"));
            if let Some(a) = blames.then(|| attacker_possessor(w, ms, pm, &actor)).flatten() {
                if !sources.contains(&a) {
                    targets = vec![a];
                }
            }
        }
        // a pattern that places the actors itself ("+ * (from $)": "was freed from
        // X") has already read the passive
        if passive && pm.source.is_none() && pm.target.is_none() {
            // "X was attacked by Y": Y is the source, X the target
            // ("... by Kurdish rebels": describing words may stand between "by" and the actor)
            let after_by = |start: usize| {
                (start.saturating_sub(4)..start).rev().take_while(|&k| !w.words[k].punct).any(|k| {
                    w.norm(k) == "by" && (k + 1..start).all(|j| !PREPOSITIONS.contains(&w.norm(j)) && !w.is(j, BE_WORD))
                })
            };
            // "killed by the Malaysia Airlines flight MH17 crash": a name describing the noun
            // after it is not the agent, the noun is (an attack noun is the attacker rule's;
            // a country's adjective before a noun names that country's people: "by a
            // Ukrainian protestor")
            let describes_noun = |i: usize| {
                let next = ms[i].words.end;
                !(ms[i].kind == ActorKind::Country && ms[i].code.sector().is_none())
                    && next < w.len()
                    && w.words[next].tag.is_some_and(|t| tag_is!(t, "NN" | "NNS"))
                    && !ATTACK_NOUNS.contains(&w.norm(next))
            };
            let by_agent = (0..ms.len()).filter(actor).find(|&i| {
                ms[i].words.start > v.words.end
                    && after_by(ms[i].words.start)
                    && ms[i].words.end <= window.end
                    && !describes_noun(i)
            });
            // "were killed in Israeli tank shelling", "died in a US drone strike": the
            // one whose attack it was, named before the attack noun, is the agent
            let attacker = || {
                (0..ms.len()).find(|&i| {
                    let m = &ms[i];
                    m.words.start > v.words.end
                        && m.words.end < window.end
                        && (m.words.start.saturating_sub(3)..m.words.start).any(|k| {
                            matches!(w.norm(k), "in" | "by") && (k + 1..m.words.start).all(|j| !w.words[j].punct)
                        })
                        && (m.words.end..(m.words.end + 3).min(window.end)).any(|k| ATTACK_NOUNS.contains(&w.norm(k)))
                        && (m.words.end..m.words.end + 1).all(|k| !PREPOSITIONS.contains(&w.norm(k)))
                })
            };
            // "rockets were fired at Israel from Lebanon": without an agent, where an attack
            // was launched from is who launched it (the target then is what it was fired at)
            let attack = [&reading.code.forward, &reading.code.reverse]
                .into_iter()
                .flatten()
                .any(|c| matches!(c.get(..2), Some("18" | "19" | "20")));
            // "were expelled from Eriador": as with an attack, the country, body or group
            // one is driven out of is who expels (the one removed is the target)
            let expelled = EXPULSION_VERBS.contains(&v.form.lemma.as_str());
            let fired_from = || {
                (attack || expelled)
                    .then(|| {
                        (0..ms.len()).filter(actor).find(|&i| {
                            let m = &ms[i];
                            let mut k = m.words.start;
                            while k > v.words.end && matches!(w.norm(k - 1), "the" | "a") {
                                k -= 1;
                            }
                            m.words.start > v.words.end
                                && m.words.end <= window.end
                                && k > v.words.end
                                && w.norm(k - 1) == "from"
                                && w.same_clause_level(m.words.start, v.words.start)
                        })
                    })
                    .flatten()
            };
            // "was criticized over its territorial dispute with Eriador": without an
            // agent, the other party named after "with" in the verb's clause acts, as
            // PETRARCH's passive reads the actor after the verb as the source
            let other_party = || {
                (0..ms.len()).filter(actor).find(|&i| {
                    let m = &ms[i];
                    m.words.start > v.words.end + 1
                        && m.words.end <= window.end
                        && w.norm(m.words.start - 1) == "with"
                        && w.same_clause_level(m.words.start, v.words.start)
                        && (v.words.end..m.words.start).all(|k| !w.words[k].punct && w.norm(k) != "by")
                })
            };
            let subject = std::mem::take(&mut sources);
            let from = by_agent.is_none().then(fired_from).flatten().filter(|_| attacker().is_none());
            sources = by_agent
                .or_else(attacker)
                .or(from)
                .or_else(other_party)
                .map(|i| compound(ms, i, true).collect())
                .unwrap_or_default();
            // (fired from somewhere at a named actor, by a subject that is no actor:
            // "a mortar bomb was fired at Israel from Gaza" is aimed at Israel)
            if !(subject.is_empty() && from.is_some()) {
                targets = subject;
            }
            if let Some(f) = from {
                targets.retain(|&t| t != f);
            }
        }
        // "was returned by Italian police to Greek officials": the subject of a
        // passive transfer is what was moved; the one it went to is the target
        if passive && transfer {
            if let Some(r) = passive_recipient(w, ms, v, window, &targets, &actor) {
                targets = vec![r];
            }
        }
        // no self-events: a target with the source's own code is dropped, unless both
        // are persons the dictionary tells apart ("President Ford pardoned Richard Nixon")
        let two_people = |s: usize, t: usize| {
            ms[s].kind == ActorKind::Person
                && ms[t].kind == ActorKind::Person
                && ms[s].head.is_some()
                && ms[t].head.is_some()
                && ms[s].head != ms[t].head
        };
        // nor are the roles of two places named apart ("the Karnataka government
        // criticized the Tamil Nadu government", both INDGOV): PETRARCH drops no pair
        // for sharing a code, and a role named with another place is another body
        let place_word = |i: usize| {
            let m = &ms[i];
            (!m.refers_back && m.entry.contains(" + "))
                .then(|| m.words.clone().find(|&k| w.words[k].capitalized && !matches!(w.norm(k), "the" | "a" | "an")))
                .flatten()
                .map(|k| w.norm(k))
        };
        // ("the Indian government" and "the government of India" are one: a name and
        // its demonym share their stem)
        let stem = |n: &str| n.chars().take(4).collect::<String>();
        let two_places = |s: usize, t: usize| place_word(s).zip(place_word(t)).is_some_and(|(a, b)| stem(a) != stem(b));
        // two actors of unknown code are the same only if named alike
        let same_unknown = |s: usize, t: usize| {
            ms[s].code.as_str() != UNKNOWN_CODE
                || ms[s].span.slice(&cx.doc.article.text) == ms[t].span.slice(&cx.doc.article.text)
        };
        targets.retain(|&t| {
            !sources.iter().any(|&s| {
                ms[s].code == ms[t].code
                    && !two_people(s, t)
                    && !two_places(s, t)
                    && !named_and_role(ms, s, t)
                    && same_unknown(s, t)
            })
        });
        (sources, targets.into_iter().map(Target::Mention).collect())
    }

    #[allow(clippy::too_many_arguments)]
    fn push_event(
        &self,
        cx: &SentenceCtx,
        events: &mut Vec<Event>,
        v: &VerbHit,
        vspan: Span,
        code: &str,
        source: Option<usize>,
        target: Option<Target>,
        rule: &str,
        negated: bool,
        hypothetical: bool,
    ) {
        let text = &cx.doc.article.text;
        let Some(s) = source else { return };
        let stood_up_for = target.as_ref().is_some_and(|t| object_of_preposition(cx, t));
        // "Russian drones hit energy facilities": a fight coded as generic or with small
        // arms that aircraft or drones carry out employs aerial weapons (CAMEO 195)
        let aerial = matches!(code, "190" | "193") && aerial_weapon_near(cx.words, v);
        let code = if aerial { "195" } else { code };
        let rule = if aerial { Cow::Owned(text!("{rule} (by aircraft or drones: 195)")) } else { Cow::Borrowed(rule) };
        // ... and so is a politician's attack on a politician ("Trump assailed Williams",
        // "the ways he attacks them"): a politician fights no one in person
        // (also the other verbs of fighting that news uses for words, when both are named
        // in person: "Ramaswamy tore into Haley", "sniping at one another"; and any force
        // "back" from a person: "fired back at his critics")
        let person = |i: usize| politician_in_person(&cx.mentions[i]) || is_unknown_person(&cx.mentions[i]);
        let lemma = v.form.lemma.as_str();
        let between_politicians = (code.starts_with("18") || code.starts_with("19"))
            && is_politician(&cx.mentions[s])
            && target.as_ref().is_some_and(|t| {
                // (or a named person no dictionary knows: "Trump assailed Williams")
                matches!(*t, Target::Mention(i) if is_politician(&cx.mentions[i]) || is_unknown_person(&cx.mentions[i]))
            })
            && (matches!(lemma, "attack" | "assail")
                || (FIGURATIVE_FORCE.contains(&lemma)
                    && politician_in_person(&cx.mentions[s])
                    && matches!(target, Some(Target::Mention(i)) if person(i))));
        let retort = (code.starts_with("18") || code.starts_with("19"))
            && (is_politician(&cx.mentions[s]) || person(s))
            && cx.words.norm(v.words.end) == "back";
        let between_politicians = between_politicians || retort;
        let verbal = code.starts_with("19") && attack_in_words(cx.words, v) || between_politicians;
        let code = if verbal { "111" } else { code };
        let rule = if between_politicians {
            Cow::Owned(text!("{rule} (a politician's attack on a politician, in words: 111)"))
        } else if verbal {
            Cow::Owned(text!("{rule} (an attack in words: 111)"))
        } else {
            rule
        };
        // PLOVER THREATEN: "Non-force threats to declare independence, resign, withdraw
        // diplomats, reduce or break diplomatic ties, etc. are all coded here" (CAMEO 1313);
        // a threat to resign is no intent to yield (035)
        let threat_to_resign = hypothetical
            && code.starts_with("083")
            && (v.words.start.saturating_sub(4)..v.words.start).any(|i| cx.words.norm(i).starts_with("threat"))
            && resigns(cx.words, v);
        let code = if threat_to_resign {
            "1313".to_string()
        } else if hypothetical {
            intent_code(code)
        } else {
            code.to_string()
        };
        let Some(c) = self.dict.cameo.get(&code) else {
            return;
        };
        // one event per action (checked on the codes alone, before the actors are built)
        let source_code = cx.mentions[s].code.as_str();
        let target_code = target.as_ref().map(|t| t.code(cx.mentions));
        // ... but the reverse of an event between two actors that share a code ("Hun Sen
        // held talks with the former president of Cambodia", both ways) is another act
        let reverse_of = |e: &Event| match target {
            Some(Target::Mention(t)) => {
                e.source.span == cx.mentions[t].span
                    && e.target.as_ref().is_some_and(|x| x.span == cx.mentions[s].span)
                    && cx.mentions[t].span != cx.mentions[s].span
            }
            _ => false,
        };
        if events.iter().any(|e| {
            e.sentence.index == cx.index
                && e.cameo == code
                && e.source.code == source_code
                && e.target.as_ref().map(|t| t.code.as_str()) == target_code
                && !reverse_of(e)
        }) {
            return;
        }
        let actor = |i: usize| {
            let m = &cx.mentions[i];
            EventActor {
                text: m.span.slice(text).to_string(),
                span: m.span,
                code: m.code.as_str().to_string(),
                country: m.code.country().map(String::from),
                sector: m.code.sector().filter(|&s| s != UNKNOWN_CODE).map(String::from),
                entry: m.entry.clone(),
            }
        };
        let source = actor(s);
        let target = target.map(|t| match t {
            Target::Mention(i) => actor(i),
            Target::Topic(a, b) => {
                let span = cx.words.span_of(a, b + 1);
                EventActor {
                    text: span.slice(text).to_string(),
                    span,
                    code: t.code(cx.mentions).to_string(),
                    country: None,
                    sector: None,
                    entry: "the verb's object, a thing or issue (no actor)".to_string(),
                }
            }
            Target::Place(i) => {
                let m = &cx.mentions[i];
                let country = t.code(cx.mentions).to_string();
                EventActor {
                    text: m.span.slice(text).to_string(),
                    span: m.span,
                    code: country.clone(),
                    country: Some(country),
                    sector: None,
                    entry: text!("{} (the place of the event)", m.entry),
                }
            }
        });
        let from_word = cx.mentions[s].words.start.min(v.words.start);
        // a time expression after another verb belongs to that verb ("..., media reported on Thursday")
        let to_word = cx.verb_starts.iter().copied().filter(|&k| k > v.words.start).min().unwrap_or(usize::MAX);
        let (date, date_precision, date_span, historical) = event_date(cx, v, vspan, from_word..to_word);
        let location = crate::places::event_location(
            cx.doc,
            cx.places.get_or_init(|| ArticlePlaces::new(cx.doc)),
            cx.span,
            cx.mentions,
            vspan,
            &[Some(&source), target.as_ref()],
        );
        let n = events.iter().filter(|e| e.sentence.index == cx.index).count();
        // the weapon named beats the code's crosswalk mode (195 "aerial weapons" is
        // heavy-weapons in the 2021 crosswalk, a drone strike is PLOVER's drone)
        // PLOVER AGREE: "All cooperative actions reported in future tense are also taken to
        // imply intentions" ("will meet", "will provide aid"); the CAMEO code stays the act's
        let future = is_future(cx.words, v.words.start);
        let cooperative =
            matches!(c.plover_event.as_str(), "CONSULT" | "SUPPORT" | "CONCEDE" | "COOPERATE" | "AID" | "RETREAT");
        let mut plover_event = if future && cooperative {
            "AGREE".to_string()
        } else if (future || reported_future(cx.words, v.words.start)) && future_conflict_is_threat(&c.plover_event) {
            "THREATEN".to_string()
        } else {
            c.plover_event.clone()
        };
        let mut mode = if plover_event != c.plover_event {
            None
        } else if code == "173" && brings_charges(cx.words, v) {
            // a charge brought is an accusation, not an arrest: see `brings_charges`
            plover_event = "ACCUSE".to_string();
            Some("allege".to_string())
        } else if c.plover_event == "AGREE"
            && !(hypothetical || future || reported_future(cx.words, v.words.start))
            && matches!(v.form.lemma.as_str(), "sign" | "ratify")
        {
            // PLOVER SUPPORT: "actions which ratify, sign, or finalize an agreement or
            // treaty"; Phoenix codes signing a trade or defence agreement as an intent to
            // cooperate (0311, 0312), which it promises, but the signing is done
            plover_event = "SUPPORT".to_string();
            None
        } else if c.plover_event == "CONCEDE"
            && code.starts_with("083")
            && !(future || reported_future(cx.words, v.words.start))
            && resigns(cx.words, v)
        {
            // PLOVER RETREAT "also covers resignations of government officials" (its
            // mode resign): CAMEO files a resignation under 083/0831, acceding to demands
            // for a change in leadership, which the crosswalk sends to CONCEDE with the
            // verbal concessions ("agreed to early elections" stays there)
            plover_event = "RETREAT".to_string();
            Some("resign".to_string())
        } else if c.plover_event == "SUPPORT" && v.form.lemma == "agree" && agrees_to_act(cx.words, v) {
            // PLOVER AGREE: "Agree to, offer, promise, or otherwise indicate willingness or
            // commitment to cooperate". Phoenix's plain "agree" is 050, SUPPORT, which
            // PLOVER keeps for approving a policy or finalizing an agreement ("agreed a
            // trade deal"); agreeing to do something, or that something should be done,
            // commits to an act still to come
            plover_event = "AGREE".to_string();
            None
        } else if c.plover_event == "SUPPORT" && CONDEMNING.contains(&v.form.lemma.as_str()) && !stood_up_for {
            // a condemnation is PLOVER DISAPPROVE: see `CONDEMNING`
            plover_event = "ACCUSE".to_string();
            Some("disapprove".to_string())
        } else if c.plover_event == "ASSAULT" {
            self.mode_from_rule(&c.plover_event, v, cx).or_else(|| c.plover_mode.clone())
        } else {
            c.plover_mode.clone().or_else(|| self.mode_from_rule(&c.plover_event, v, cx))
        };
        // a meeting held in one party's country is a visit by the other
        if mode.is_none() && c.root() == "04" {
            let (sc, tc) = (source.country.as_deref(), target.as_ref().and_then(|t| t.country.as_deref()));
            let lc = location.as_ref().and_then(|l| l.country.as_deref());
            if sc.is_some() && tc.is_some() && sc != tc && lc.is_some() && (lc == sc || lc == tc) {
                mode = Some("visit".into());
            }
        }
        events.push(Event {
            doc_id: cx.doc.article.doc_id.clone(),
            event_id: event_id(&cx.doc.article.doc_id, cx.index, n),
            date,
            date_precision,
            date_span,
            historical,
            negated,
            // an expressed intent or a threat is about an act that has not happened,
            // however it was coded (a "threatened to" or a pattern such as "evoked the
            // possibility of a meeting")
            hypothetical: hypothetical || matches!(&code[..2], "03" | "13"),
            source,
            target,
            cameo_root: code[..2].to_string(),
            cameo_name: c.name.clone(),
            quad_class: c.quad_class(),
            goldstein: c.goldstein,
            plover: Plover { event: plover_event, mode, context: c.plover_context.clone() },
            location,
            sentence: SentenceRef { index: cx.index, span: cx.span, text: cx.span.slice(text).to_string() },
            trigger: Trigger { text: vspan.slice(text).to_string(), span: vspan },
            rule: rule.into_owned(),
            cameo: code,
        });
    }

    /// Give an event another CAMEO code (and its name, scores and PLOVER category).
    fn recode(&self, e: &mut Event, code: &str, why: &str) {
        let Some(c) = self.dict.cameo.get(code) else { return };
        e.cameo = code.to_string();
        e.cameo_root = code[..2].to_string();
        e.cameo_name.clone_from(&c.name);
        e.quad_class = c.quad_class();
        e.goldstein = c.goldstein;
        e.plover =
            Plover { event: c.plover_event.clone(), mode: c.plover_mode.clone(), context: c.plover_context.clone() };
        e.rule = text!("{} {why}", e.rule);
    }

    /// PLOVER modes the crosswalk leaves open but the words around the trigger give
    /// away (PLOVER 2.0's modes of ASSAULT, CONSULT and PROTEST).
    fn mode_from_rule(&self, plover: &str, v: &VerbHit, cx: &SentenceCtx) -> Option<String> {
        // the first mode of the table any word near the trigger is listed under: each
        // word's first mode is looked up in a map made once from the table, instead of
        // the window being walked for each mode
        type FirstMode = FastMap<&'static str, usize>;
        static FIRST: OnceLock<[FirstMode; 3]> = OnceLock::new();
        let k = MODE_CATEGORIES.iter().position(|&c| c == plover)?;
        let first = &FIRST.get_or_init(|| {
            MODE_CATEGORIES.map(|c| {
                let mut m = FirstMode::default();
                for (i, (_, words)) in mode_table(c).iter().enumerate() {
                    for &word in words.iter() {
                        m.entry(word).or_insert(i);
                    }
                }
                m
            })
        })[k];
        let w = cx.words;
        let around = v.words.start.saturating_sub(4)..(v.words.end + 6).min(w.len());
        let i = around.filter_map(|i| first.get(w.norm(i)).copied()).min()?;
        Some(mode_table(plover)[i].0.to_string())
    }
}

/// The PLOVER categories [`mode_table`] has modes for.
const MODE_CATEGORIES: [&str; 3] = ["ASSAULT", "CONSULT", "PROTEST"];

/// The modes of a PLOVER category that words near the trigger give away, each with its
/// words, in order of precedence (see [`Coder::mode_from_rule`]).
fn mode_table(plover: &str) -> &'static [(&'static str, &'static [&'static str])] {
    match plover {
        "ASSAULT" => &[
            ("suicide-attack", &["suicide"]),
            ("drone", &["drone", "drones", "uav", "uavs"]),
            (
                "aerial",
                &[
                    "air",
                    "airstrike",
                    "airstrikes",
                    "aircraft",
                    "jets",
                    "warplanes",
                    "helicopter",
                    "helicopters",
                    "bombers",
                    "bombed",
                    "bombing",
                    "bombings",
                ],
            ),
            (
                "heavy-weapons",
                &[
                    "shelling",
                    "shelled",
                    "shells",
                    "artillery",
                    "tank",
                    "tanks",
                    "mortar",
                    "mortars",
                    "rocket",
                    "rockets",
                    "missile",
                    "missiles",
                ],
            ),
            (
                "explosives",
                &[
                    "bomb",
                    "bombs",
                    "explosive",
                    "explosives",
                    "ied",
                    "ieds",
                    "blast",
                    "explosion",
                    "grenade",
                    "grenades",
                ],
            ),
            (
                "firearms",
                &[
                    "shot",
                    "shooting",
                    "shootings",
                    "gunfire",
                    "gunmen",
                    "gunman",
                    "rifle",
                    "rifles",
                    "sniper",
                    "snipers",
                    "fire",
                ],
            ),
            ("abduct", &["kidnapped", "abducted", "kidnapping", "abduction", "hostage", "hostages"]),
            ("torture", &["tortured", "torture", "torturing"]),
            ("beat", &["beat", "beaten", "beating", "clubbed"]),
        ],
        "CONSULT" => &[
            ("phone", &["phone", "telephone", "call", "videoconference", "video"]),
            ("visit", &["visit", "visited", "visiting", "trip", "arrived", "arrival"]),
            ("third-party", &["mediated", "mediation", "brokered", "hosted"]),
            ("multilateral", &["summit", "conference", "forum", "multilateral"]),
        ],
        "PROTEST" => &[
            ("hunger", &["hunger"]),
            ("strike", &["strike", "strikes", "striking", "walkout", "walked"]),
            ("riot", &["riot", "riots", "rioting", "rioters"]),
            (
                "demo",
                &[
                    "rally",
                    "rallied",
                    "march",
                    "marched",
                    "demonstration",
                    "demonstrations",
                    "demonstrated",
                    "protest",
                    "protested",
                    "protests",
                ],
            ),
        ],
        _ => &[],
    }
}

#[derive(Clone)]
struct SentenceCtx<'a> {
    doc: &'a Annotated,
    /// Found when the article's first event is placed.
    places: &'a OnceCell<ArticlePlaces>,
    index: usize,
    span: Span,
    words: &'a Words<'a>,
    mentions: &'a [Mention],
    times: Vec<&'a TimeExpr>,
    quotes: Vec<Span>,
    /// Where each verb found in the sentence starts (word index).
    verb_starts: Vec<usize>,
    /// The past participles read as reduced relatives ("two men sought in the
    /// slaying"), each found once per sentence: the participle's first word and, when
    /// the phrase runs up to the finite verb of its noun's clause, that verb ("a soldier
    /// [accused of killing civilians] was arrested").
    relatives: Vec<(usize, Option<usize>)>,
    /// The sentence's closing attribution (", the Syrian Observatory said"): where its
    /// comma and its speech verb stand (see [`attribution_start`]).
    attribution: Option<(usize, usize)>,
}

impl SentenceCtx<'_> {
    /// Is the verb a past participle read as a reduced relative (see [`reduced_relative`])?
    fn reduced_relative(&self, v: &VerbHit) -> bool {
        self.relatives.iter().any(|&(start, _)| start == v.words.start)
    }
}

/// The words a verb's pattern and object may reach: back to the last clause
/// break, forward to the next one (or 25 words).
fn clause_window(w: &Words, verb: &Range<usize>) -> Range<usize> {
    let is_break = |i: usize| w.is(i, CLAUSE_BREAK);
    let start = (0..verb.start).rev().find(|&i| is_break(i)).map(|i| i + 1).unwrap_or(0);
    let mut end = verb.end;
    // ", and Fidan is expected to ...": a comma before a conjunction closes the clause
    let comma_conj = |i: usize| w.norm(i) == "," && matches!(w.norm(i + 1), "and" | "but" | "while" | "yet");
    // "once the crowd reached the palace, guards opened fire": a verb in a clause opened
    // by a subordinating word reaches up to the comma that hands over to the next
    // clause's subject and verb, not into it
    let subordinate =
        (start..verb.start).any(|i| w.is(i, SUBORDINATOR)) && !(start..verb.start).any(|i| w.norm(i) == ",");
    let comma_clause = |i: usize| subordinate && w.norm(i) == "," && next_clause_follows(w, i + 1);
    loop {
        while end < w.len()
            && end < verb.end + 25
            && !is_break(end)
            && !comma_conj(end)
            && !comma_clause(end)
            && !w.is(end, CLAUSE_OPENER)
        {
            end += 1;
        }
        // "handed the letter, kept since the war, to the family": a clause opener inside a
        // phrase set off by commas after the verb ends only that phrase when the verb's own
        // "to" follows its closing comma
        match aside_resumed_by_to(w, verb.end, end).filter(|_| w.is(end, CLAUSE_OPENER)) {
            Some(resume) => end = resume,
            None => return start..end,
        }
    }
}

/// Does a clause with a subject of its own start at `k`: a short noun phrase (two
/// joined by "and" or "or" too, no comma), then a verb ("police fired", "Chad and Niger
/// have")? A list going on ("Chad and Niger on Monday") is no clause.
fn next_clause_follows(w: &Words, k: usize) -> bool {
    let np = |i: usize| {
        (w.words.get(i).and_then(|x| x.tag).is_some_and(|t| {
            tag_is!(t, "DT" | "CD" | "JJ" | "JJS" | "JJR" | "PRP" | "PRP$" | "NN" | "NNS" | "NNP" | "NNPS")
        }) || (i > k && matches!(w.norm(i), "and" | "or")))
            && !w.words[i].punct
    };
    let Some(after) = (k..w.len().min(k + 7)).find(|&i| !np(i)) else { return false };
    after > k && (w.finite_verb_at(after) || word_tag_is!(w, after, "VBN" | "MD"))
}

/// Where the clause resumes when the clause opener at `opener` stands in a phrase set
/// off by commas after the verb (ending at `verb_end`) and the closing comma is followed
/// by "to" and a noun phrase, not an infinitive: the word after that comma.
/// A past participle at `opener` (see `reading`) is taken as the phrase's opener too.
fn aside_resumed_by_to(w: &Words, verb_end: usize, opener: usize) -> Option<usize> {
    let participle = word_tag_is!(w, opener, "VBN");
    if opener >= w.len() || !(w.is(opener, CLAUSE_OPENER) || participle) {
        return None;
    }
    let open = (verb_end..opener).rev().find(|&k| w.norm(k) == ",")?;
    if (open + 1..opener).any(|k| w.finite_verb_at(k)) {
        return None;
    }
    let close = (opener + 1..w.len().min(opener + 10)).find(|&k| matches!(w.norm(k), "," | ";" | ":"))?;
    let infinitive = word_tag_is!(w, close + 2, "VB");
    (w.norm(close) == "," && w.norm(close + 1) == "to" && !infinitive).then_some(close + 1)
}

/// An event's id: the document's id, the sentence's index and the event's number in
/// the sentence, joined by "-" (written digit by digit: the formatting machinery cost
/// more than the rest of the event's strings).
fn event_id(doc_id: &str, sentence: usize, n: usize) -> String {
    let mut id = String::with_capacity(doc_id.len() + 12);
    id.push_str(doc_id);
    for k in [sentence, n] {
        id.push('-');
        let mut digits = [0u8; 20];
        let (mut at, mut rest) = (digits.len(), k);
        loop {
            at -= 1;
            digits[at] = b'0' + (rest % 10) as u8;
            rest /= 10;
            if rest == 0 {
                break;
            }
        }
        id.extend(digits[at..].iter().map(|&d| char::from(d)));
    }
    id
}

/// The rule of a matched pattern, "BLOCK pattern [code] (origin)" (the code as
/// [`Code`]'s `Display` writes it), written by `push_str`: a reading makes one for most
/// verbs, and the formatting machinery cost several times more.
fn pattern_rule(block: &str, p: &Pattern) -> String {
    let mut rule = String::with_capacity(block.len() + p.text.len() + p.origin.len() + 16);
    for part in [block, " ", &p.text, " ["] {
        rule.push_str(part);
    }
    let _ = p.code.write_to(&mut rule); // (writing to a String cannot fail)
    for part in ["] (", &p.origin, ")"] {
        rule.push_str(part);
    }
    rule
}

/// The rule of a verb read without a pattern, `BLOCK verb "lemma" [code]`, by
/// `push_str` when the lemma needs no escaping in quotes (else as `{:?}` writes it).
fn verb_rule(block: &str, lemma: &str, code: &Code) -> String {
    if !lemma.bytes().all(|b| (b.is_ascii_graphic() && b != b'"' && b != b'\\') || b == b' ') {
        return text!("{block} verb {lemma:?} [{code}]");
    }
    let mut rule = String::with_capacity(block.len() + lemma.len() + 24);
    for part in [block, " verb \"", lemma, "\" ["] {
        rule.push_str(part);
    }
    let _ = code.write_to(&mut rule); // (writing to a String cannot fail)
    rule.push(']');
    rule
}

/// How a verb reads in its sentence (see [`Coder::reading`]).
struct Reading<'d> {
    window: Range<usize>,
    /// (borrowed from the dictionary unless made here)
    code: Cow<'d, Code>,
    rule: String,
    pm: PatternMatch,
    /// A pattern matched (rather than the verb's own code).
    patterned: bool,
}

/// Number words of a counted noun phrase ("eight people", "at least 20 soldiers").
const QUANTITIES: &[&str] = &[
    "one",
    "two",
    "three",
    "four",
    "five",
    "six",
    "seven",
    "eight",
    "nine",
    "ten",
    "eleven",
    "twelve",
    "twenty",
    "dozen",
    "dozens",
    "hundred",
    "hundreds",
    "thousand",
    "thousands",
    "several",
    "many",
    "at",
    "least",
    "more",
    "than",
    "about",
    "nearly",
    "almost",
    "over",
];

/// "8", "1,500".
fn is_number(w: &str) -> bool {
    w.bytes().any(|b| b.is_ascii_digit()) && w.bytes().all(|b| b.is_ascii_digit() || b == b',')
}

/// A verb governed by an earlier one, as a transformation sees it.
struct Governed<'v> {
    gov: &'v VerbHit<'v>,
    /// Who the governed verb's subject is, relative to the governing verb's source.
    source: Var,
    sources: Vec<usize>,
    targets: Vec<Target>,
    /// The governed verb is in the future ("says it will shell the camps"): announced, not done.
    future: bool,
}

/// The verb `v` depends on and who `v`'s subject is: an infinitive right after it
/// ("wants to attack": nobody of its own), or a clause after it with only a subject,
/// auxiliaries and adverbs between ("said (that) they had attacked": the speaker if a
/// pronoun or the same actor, else another actor).
fn governing_verb<'v>(
    w: &Words,
    ms: &[Mention],
    verbs: &'v [VerbHit<'v>],
    v: &VerbHit,
    sources: &[usize],
    outer_sources: &[(usize, Vec<usize>)],
) -> Option<(&'v VerbHit<'v>, Var)> {
    let s = v.words.start;
    let gov = verbs.iter().rfind(|x| x.words.end <= s)?;
    let between = gov.words.end..s;
    if s > 0 && w.norm(s - 1) == "to" && (gov.words.end..s - 1).all(|k| w.norm(k).ends_with("ly")) {
        return Some((gov, Var::None));
    }
    let in_mention = |k: usize| ms.iter().any(|m| !m.location && m.words.contains(&k));
    let pronoun = between.clone().any(|k| matches!(w.norm(k), "he" | "she" | "they" | "it" | "we"));
    let plain = between.len() <= 12
        && between.clone().all(|k| {
            let n = w.norm(k);
            in_mention(k)
                || n == "that"
                || is_number(n)
                || QUANTITY_SET.contains(n)
                || matches!(n, "the" | "a" | "an" | "some" | "its" | "their")
                || matches!(n, "he" | "she" | "they" | "it" | "we")
                || w.is(k, AUX_OR_ADVERB_WORD)
                || n.ends_with("ly")
                // "announced (on) Monday that it had ...": when the statement was made
                || dyad_core::calendar::weekday(n).is_some()
                || (n == "on" && dyad_core::calendar::weekday(w.norm(k + 1)).is_some())
                || matches!(n, "today" | "yesterday" | "earlier" | "later")
        });
    // "said a mortar bomb was fired at it from Gaza": the plain noun phrase of a
    // passive's subject (no actor: the passive's agent or origin acts)
    let passive_subject = !sources.is_empty()
        && between.len() <= 7
        && s > 0
        && matches!(w.norm(s - 1), "was" | "were" | "been")
        && between.clone().all(|k| {
            let n = w.norm(k);
            n == "that"
                || w.is(k, AUX_OR_ADVERB_WORD)
                || w.words[k].tag.is_some_and(|t| tag_is!(t, "DT" | "JJ" | "NN" | "NNS" | "CD"))
        });
    if !plain && !passive_subject {
        // "claimed that ISIL had attacked Iraq and taken Mosul": the second of two
        // coordinated verbs is governed by what governs the first
        let coordinated = s > 0
            && (w.norm(s - 1) == "and"
                || (s > 1 && w.norm(s - 2) == "and" && matches!(w.norm(s - 1), "had" | "has" | "have")));
        if coordinated && w.same_clause_level(gov.words.start, s) {
            return governing_verb(w, ms, verbs, gov, sources, outer_sources)
                .filter(|(g, _)| g.words.end <= gov.words.start);
        }
        return None;
    }
    let outer = outer_sources.iter().rev().find(|(k, _)| *k == gov.words.start).map(|(_, s)| s.as_slice())?;
    // the governed verb's own sources: its subject, or the by-agent of a passive
    // ("said eight people were killed ... by government forces")
    let same =
        |a: &[usize], b: &[usize]| !a.is_empty() && a.iter().all(|&i| b.iter().any(|&j| ms[i].code == ms[j].code));
    // "critics of the government say it has ...": "it", "he" or "she" is the one they
    // criticise, not the critics who speak
    let singular = between.clone().any(|k| matches!(w.norm(k), "he" | "she" | "it"));
    if sources.is_empty() && singular && outer.iter().all(|&i| names_critics(w, &ms[i])) {
        return None;
    }
    if sources.is_empty() {
        pronoun.then_some((gov, Var::A))
    } else if same(sources, outer) {
        Some((gov, Var::A))
    } else {
        Some((gov, Var::B))
    }
}

/// The verb whose object an infinitive belongs to ("asked Obama to help"): "to VERB"
/// right after an actor that follows the previous verb in the same clause.
fn complement_of_object<'v>(
    w: &Words,
    ms: &[Mention],
    verbs: &'v [VerbHit<'v>],
    v: &VerbHit,
) -> Option<(&'v VerbHit<'v>, usize)> {
    let s = v.words.start;
    // "urged the two sides to accept the truce and allow aid in": an infinitive joined
    // by "and" or "or" to one the object was asked to do is asked too
    if s >= 2 && v.tense == Form::Base && matches!(w.norm(s - 1), "and" | "or") {
        let joined = verbs.iter().rfind(|x| x.words.end < s - 1).filter(|x| {
            x.tense == Form::Base
                && s - 1 - x.words.end <= 6
                && (x.words.end..s - 1).all(|k| !matches!(w.norm(k), "," | ";" | ":" | "and" | "or" | "but"))
        });
        if let Some(x) = joined {
            return complement_of_object(w, ms, verbs, x);
        }
    }
    if s >= 2 && v.tense == Form::Past && w.norm(s - 1) != "to" {
        return ordered_done(w, ms, verbs, v);
    }
    if s < 2 || w.norm(s - 1) != "to" {
        return None;
    }
    // "ordered the paper, which backs the opposition, to suspend publication": a
    // relative clause between the object and its infinitive is passed over
    let to = s - 1;
    let s = relative_clause_before(w, to).unwrap_or(s);
    let gov = verbs.iter().rfind(|x| x.words.end < s)?;
    // verbs of asking, urging, wanting and permitting: "sent troops to fight" is a real act
    const ASKING: &[&str] = &[
        "ask",
        "urge",
        "call on",
        "call upon",
        "want",
        "press",
        "pressure",
        "push",
        "invite",
        "encourage",
        "tell",
        "order",
        "force",
        "allow",
        "permit",
        "warn",
        "persuade",
        "convince",
        "request",
        "beg",
        "implore",
        "appeal",
        "advise",
        "expect",
        "need",
        "require",
        "compel",
        "demand",
        "challenge",
    ];
    if !ASKING.contains(&gov.form.lemma.as_str()) {
        return None;
    }
    let object = ms.iter().position(|m| !m.location && m.words.start >= gov.words.end && m.words.end < s)?;
    let between = ms[object].words.end..s - 1;
    let clean = (gov.words.end..s - 1).all(|k| !matches!(w.norm(k), "," | ";" | "and" | "but" | "that"));
    // "pressed the dockers at the port of Antwerp to end ...": a prepositional phrase
    // of the object's, with no verb in it, may run longer before the infinitive
    let object_phrase = between.len() <= 12
        && word_tag_is!(w, between.start, "IN")
        && between.clone().all(|k| !w.tag_str(k).starts_with("VB") && !word_tag_is!(w, k, "MD" | "WDT" | "WP" | "TO"));
    (clean && (between.len() <= 3 || object_phrase)).then_some((gov, object))
}

/// The word after the comma that opens a relative clause (", which ...," or ", who
/// ...,") ending in a comma right before `to`, with no other comma inside.
fn relative_clause_before(w: &Words, to: usize) -> Option<usize> {
    if to < 4 || w.norm(to - 1) != "," {
        return None;
    }
    let open = (0..to - 1).rev().find(|&k| w.norm(k) == ",")?;
    matches!(w.norm(open + 1), "which" | "who").then_some(open + 1)
}

/// "ordered three activists jailed": a past participle right after the object of
/// "order" (its noun phrase may run on over a place) is what the order is to have done
/// to the object, as "ordered them to be jailed".
fn ordered_done<'v>(
    w: &Words,
    ms: &[Mention],
    verbs: &'v [VerbHit<'v>],
    v: &VerbHit,
) -> Option<(&'v VerbHit<'v>, usize)> {
    let s = v.words.start;
    let gov = verbs.iter().rfind(|x| x.words.end < s)?;
    if gov.form.lemma != "order" || s - gov.words.end > 10 {
        return None;
    }
    // the object opens within a few words of the verb ("nine members of the cabinet")
    let object = ms.iter().position(|m| !m.location && m.words.start >= gov.words.end && m.words.end <= s)?;
    let last_before = ms.iter().filter(|m| m.words.end <= s).max_by_key(|m| m.words.end)?;
    let clean = (gov.words.end..s).all(|k| !matches!(w.norm(k), "," | ";" | "and" | "but" | "that" | "to"));
    (ms[object].words.start - gov.words.end <= 5 && last_before.words.end == s && clean).then_some((gov, object))
}

/// The appeal (02) or demand (10) for an act: a generic appeal or demand made
/// specific by what it asks for (CAMEO's subcodes by the requested act).
pub fn request_code(request: &str, asked: &str) -> Option<&'static str> {
    let appeal = match request {
        "020" => true,
        "100" => false,
        _ => return None,
    };
    let by = |appeal_code: &'static str, demand_code: &'static str| {
        let c = if appeal { appeal_code } else { demand_code };
        (!c.is_empty()).then_some(c)
    };
    match asked {
        "061" => by("0211", "1011"),
        "062" => by("0212", "1012"),
        "063" => by("0213", "1013"),
        "064" => by("0214", "1014"),
        "071" => by("0231", "1031"),
        "072" => by("0232", "1032"),
        "073" => by("0233", "1033"),
        "074" => by("0234", "1034"),
        "0831" => by("0241", "1041"),
        "0832" => by("0242", "1042"),
        "0833" => by("0243", "1043"),
        "0834" => by("0244", "1044"),
        "081" => by("0251", "1051"),
        "082" => by("0252", "1052"),
        "084" | "0841" | "0842" => by("0253", "1053"),
        "085" => by("0254", "1054"),
        "086" | "0861" | "0862" | "0863" => by("0255", "1055"),
        "0871" => by("0256", "107"),
        "087" | "0872" | "0873" | "0874" => by("0256", "106"),
        "057" | "037" => by("027", ""),
        "045" | "038" | "039" => by("028", "105"),
        c if c.starts_with("04") => by("026", "108"),
        c if c.starts_with("09") => by("", "101"),
        c if c.starts_with("05") => by("022", "102"),
        c if c.starts_with("06") => by("021", ""),
        c if c.starts_with("07") => by("023", "103"),
        "083" => by("024", "104"),
        c if c.starts_with("08") => by("025", ""),
        _ => None,
    }
}

/// Verbs that refuse the act of the infinitive after them.
const REFUSING: &[&str] = &["refuse", "decline", "fail", "reject"];

/// The infinitive a refusing verb governs ("refused to lift"), if any.
fn refused_infinitive<'v>(w: &Words, verbs: &'v [VerbHit<'v>], v: &VerbHit) -> Option<&'v VerbHit<'v>> {
    if !REFUSING.contains(&v.form.lemma.as_str()) || w.norm(v.words.end) != "to" {
        return None;
    }
    verbs.iter().find(|x| x.words.start == v.words.end + 1)
}

/// Verbs that say their content did not happen.
const DENYING: &[&str] = &["deny", "dismiss", "reject", "refute"];

/// Nouns for what is said to have happened, whose "that" clause a denial is about
/// ("rejected claims that").
const CLAIM_NOUNS: &[&str] =
    &["report", "claim", "allegation", "accusation", "charge", "suggestion", "rumour", "rumor", "assertion"];

/// Is `v` what a denial says did not happen? "denied that its troops had shelled the
/// town", "rejected claims that hackers attacked", "denies supplying drones", "denied
/// having fired": the first verb of the "that" clause after a denying verb (or after
/// its noun of claim), or the gerund right after "deny". Returns the denying verb.
fn denied_by<'v>(w: &Words, verbs: &'v [VerbHit<'v>], v: &VerbHit) -> Option<&'v VerbHit<'v>> {
    let s = v.words.start;
    verbs.iter().filter(|x| x.words.end <= s && DENYING.contains(&x.form.lemma.as_str())).find(|x| {
        let mut k = x.words.end;
        if x.form.lemma == "deny" && ((k == s && v.tense == Form::Ing) || (k + 1 == s && w.norm(k) == "having")) {
            return true;
        }
        // "denied (the) (Western) reports that": a noun of claim with its determiner
        // and describing words
        let claim = (k..s.min(k + 4)).find(|&j| CLAIM_NOUNS.contains(&w.norm(j).trim_end_matches('s')));
        if let Some(j) = claim {
            if (k..j).any(|i| !(word_tag_is!(w, i, "DT" | "JJ" | "PRP$" | "NNP"))) {
                return false;
            }
            k = j + 1;
        }
        // ("denied it had attacked": "that" left out before a pronoun subject)
        let that = w.norm(k) == "that";
        let pronoun_subject = claim.is_none() && matches!(w.norm(k), "it" | "he" | "she" | "they" | "we");
        if !(that || pronoun_subject) {
            return false;
        }
        // the clause's own first verb: only its subject and auxiliaries before it
        (k + usize::from(that)..s).all(|i| {
            !w.words[i].punct
                && !w.is(i, CLAUSE_OPENER)
                && (!w.words[i].tag.is_some_and(|t| t.is_verb()) || w.is(i, AUX_OR_ADVERB_WORD))
        })
    })
}

/// Verbs whose infinitive is refused outright (a failure is not a refusal).
const REJECTING: &[&str] = &["refuse", "decline", "reject"];

/// How `v` is refused, if it is: the infinitive of a refusing verb ("refused to
/// meet"), or negated with a future or conditional auxiliary ("will not release",
/// "would not provide", "won't meet"), which announces the refusal.
fn declared_refusal(w: &Words, verbs: &[VerbHit], v: &VerbHit) -> Option<&'static str> {
    if verbs.iter().any(|x| {
        REJECTING.contains(&x.form.lemma.as_str())
            && refused_infinitive(w, verbs, x).is_some_and(|r| r.words.start == v.words.start)
    }) {
        return Some("refusing verb");
    }
    let s = v.words.start;
    // "Minsk's refusal to (fully) cooperate with the inquiry": the noun refuses the
    // infinitive after it as the verb does
    let adverb = s >= 1 && word_tag_is!(w, s - 1, "RB");
    let to = if adverb { s.checked_sub(2) } else { s.checked_sub(1) };
    if to.is_some_and(|t| t >= 1 && w.norm(t) == "to" && matches!(w.norm(t - 1), "refusal" | "refusals")) {
        return Some("refusal");
    }
    let neg = negation_before(w, s)?;
    let aux = (neg.saturating_sub(2)..neg).rev().find(|&i| !w.norm(i).ends_with("ly"))?;
    matches!(w.norm(aux), "will" | "would" | "wo" | "shall" | "'ll").then_some("negated future")
}

/// Codes for economic aid (or aid of no kind) offered, given, asked for or refused, with
/// the codes for military and humanitarian aid of the same act (CAMEO 033x, 07x, 023x,
/// 122x).
const AID_KINDS: &[(&str, &str, &str)] = &[
    ("0331", "0332", "0333"),
    ("071", "072", "073"),
    ("070", "072", "073"),
    ("0231", "0232", "0233"),
    ("1221", "1222", "1223"),
];

/// The code for the kind of aid the verb's object names, when the verb's code is one for
/// economic or unspecified aid: "military aid/assistance" or "humanitarian aid/assistance/
/// relief" as the first aid named after the verb, up to the clause's end ("pledged 500
/// million euros in military aid" is 0332, not 0331).
fn aid_of_kind(w: &Words, v: &VerbHit, code: &str) -> Option<(&'static str, &'static str)> {
    let &(_, military, humanitarian) = AID_KINDS.iter().find(|(c, _, _)| *c == code)?;
    let end = (v.words.end + 10).min(w.len());
    let clause =
        (v.words.end..end).take_while(|&k| !w.words[k].punct && !w.is(k, CLAUSE_OPENER) && !w.finite_verb_at(k));
    for k in clause {
        if !(k + 1 < w.len() && matches!(w.norm(k + 1), "aid" | "assistance" | "relief" | "support")) {
            continue;
        }
        // (the first aid the clause names decides: "financial assistance through the
        // Centre for Humanitarian Assistance" is economic; a capitalised word is a name's)
        return match w.norm(k) {
            _ if w.words[k].capitalized => None,
            "military" | "defence" | "defense" | "security" => Some((military, "military")),
            "humanitarian" => Some((humanitarian, "humanitarian")),
            _ => None,
        };
    }
    None
}

/// The CAMEO 12 rejection of a refused cooperative act (codebook: "refuse to ..."
/// is coded as rejecting it), or None for acts whose refusal CAMEO has no code for.
pub fn refusal_code(code: &str) -> Option<&'static str> {
    let four = |c: &str| code.len() == 4 && code.starts_with(c);
    Some(match code {
        c if four("031") || four("061") => match c {
            "0311" => "1211",
            "0313" => "1212",
            _ => "121",
        },
        "0331" | "071" => "1221",
        "0332" | "072" => "1222",
        "0333" | "073" => "1223",
        "0334" | "074" => "1224",
        "0341" | "0831" => "1231",
        "0342" | "0832" => "1232",
        "0343" | "0833" => "1233",
        "0344" | "0834" => "1234",
        "0351" | "081" => "1241",
        "0352" | "082" => "1242",
        "0353" | "084" | "0841" | "0842" => "1243",
        "0354" | "085" => "1244",
        "0355" | "086" | "0861" | "0862" | "0863" => "1245",
        "0356" | "087" | "0871" | "0872" | "0873" | "0874" => "1246",
        "063" => "1212",
        "057" | "037" => "127",
        "038" | "039" | "045" => "126",
        c if c.starts_with("04") || c == "036" => "125",
        "031" | "06" | "060" | "062" | "064" => "121",
        "033" | "07" | "070" | "075" => "122",
        "034" | "083" => "123",
        "035" | "08" | "080" => "124",
        c if c.starts_with("03") || c.starts_with("05") => "120",
        _ => return None,
    })
}

/// The code of a negated act where CAMEO has one, as PETRARCH2's internal coding
/// ontology defines it: there "not" subtracts 0xFFFF from an act's value, and the
/// codes whose value is another's minus 0xFFFF are that act's negation (declining
/// to comment is not making a statement, denying is not admitting responsibility,
/// refusing material cooperation or to yield is not cooperating or yielding), while
/// disapproval (110) and coercion (170) are defined as diplomatic (050) and
/// material (057) cooperation plus 0xFFFF, so that their negation is that
/// cooperation. Acts whose negation is no code (most: "did not attack") give None.
pub fn negation_code(code: &str) -> Option<&'static str> {
    Some(match code {
        "010" => "011",
        "015" => "016",
        "110" => "050",
        "170" => "057",
        "06" | "060" => "121",
        "061" => "1211",
        "062" => "1212",
        "08" | "080" => "124",
        "081" => "1241",
        "082" => "1242",
        "085" => "1244",
        "086" => "1245",
        "087" => "1246",
        _ => return None,
    })
}

/// Is `v` the infinitive of a refusing verb?
fn refusal_before(w: &Words, verbs: &[VerbHit], v: &VerbHit) -> bool {
    verbs.iter().any(|x| refused_infinitive(w, verbs, x).is_some_and(|r| r.words.start == v.words.start))
}

/// Verbs of statement (lemmas) whose clause's subject pronoun is the speaker ("Iran
/// said it would respond").
const STATEMENT_VERBS: &[&str] =
    &["say", "announce", "declare", "assert", "state", "insist", "confirm", "claim", "add", "stress", "reiterate"];

/// Verbs that attribute a sentence to its speaker.
pub(crate) const SPEECH_VERBS: &[&str] = &[
    "said",
    "says",
    "told",
    "tells",
    "added",
    "adds",
    "reported",
    "reports",
    "stated",
    "states",
    "announced",
    "noted",
    "notes",
    "wrote",
    "writes",
    "confirmed",
    "explained",
    "insisted",
];

/// The actor after "by" that ends a noun phrase right before the infinitive `v` ("a move
/// by [the US] to try to force"): a verb's "by" agent is not one (a passive's agent acts
/// in its own clause: "was asked by the UN to mediate" is the subject's act).
fn noun_agent_of_infinitive(w: &Words, ms: &[Mention], v: &VerbHit) -> Option<usize> {
    let mut to = v.words.start.checked_sub(1)?;
    // (through "to try to", "to help to")
    while to >= 2 && w.norm(to) == "to" && word_tag_is!(w, to - 1, "VB") && w.norm(to - 2) == "to" {
        to -= 2;
    }
    if w.norm(to) != "to" {
        return None;
    }
    let i = ms.iter().position(|m| !m.location && m.words.end == to)?;
    let by = ms[i].words.start.checked_sub(1)?;
    (by >= 1 && w.norm(by) == "by" && word_tag_is!(w, by - 1, "NN" | "NNS")).then_some(i)
}

/// Does a closing quotation mark (a comma may follow it) stand right before word `i`?
fn after_quote(w: &Words, i: usize) -> bool {
    // (a straight double quote closes only where the tagger says so: it also opens)
    let closing = |k: usize| w.tag_str(k) == "''" || matches!(w.norm(k), "\u{201d}" | "''");
    (i >= 1 && closing(i - 1)) || (i >= 2 && w.norm(i - 1) == "," && closing(i - 2))
}

/// "said (on Monday) that Iran must stop", "says the government in Kabul should
/// act": the actor named right after a statement verb and followed by "must" or
/// "should", with the code of the demand (100) or appeal (020) the statement makes.
fn obliged_actor(w: &Words, ms: &[Mention], verb_starts: &[usize], v: &VerbHit) -> Option<(usize, &'static str)> {
    let from = v.words.end;
    let i = ms.iter().position(|m| !m.location && m.words.start >= from && m.words.start <= from + 4)?;
    let m = &ms[i];
    if (from..m.words.start)
        .any(|k| w.words[k].punct || verb_starts.contains(&k) || ms.iter().any(|o| o.words.contains(&k)))
    {
        return None;
    }
    let mut k = m.words.end;
    // "the political forces in Yemen must": a place naming the actor's country
    if k + 1 < w.len() && matches!(w.norm(k), "in" | "of") {
        if let Some(place) = ms.iter().find(|p| p.location && p.words.start == k + 1) {
            k = place.words.end;
        }
    }
    while k < w.len() && w.norm(k).ends_with("ly") {
        k += 1;
    }
    match w.norm(k) {
        "must" => Some((i, "100")),
        "should" => Some((i, "020")),
        _ => None,
    }
}

/// Where an attribution (", the Syrian Observatory said on Thursday") begins: the
/// comma before a speech verb with at most a noun phrase (no other verb) between
/// them, the speech verb ending the sentence or followed by a comma.
/// Returns the comma and the speech verb.
/// ", Reuters reports": a speech verb right after a name that follows a comma is the
/// attribution whatever its tag (the tagger reads "Reuters reports" as two nouns).
fn attribution_verb(w: &Words, ms: &[Mention], i: usize) -> bool {
    SPEECH_VERBS.contains(&w.norm(i))
        && ms.iter().any(|m| m.words.end == i && m.words.start > 0 && w.norm(m.words.start - 1) == ",")
}

/// The verb an infinitive of purpose "to V" serves: the last verb before it at the same
/// clause level, with no other verb between ("met with Assad in Moscow [to discuss]",
/// "summoned the ambassador [to complain]").
fn served_verb<'v>(w: &Words, verbs: &'v [VerbHit<'v>], v: &VerbHit) -> Option<&'v VerbHit<'v>> {
    let s = v.words.start;
    if s < 2 || w.norm(s - 1) != "to" {
        return None;
    }
    verbs
        .iter()
        .rfind(|g| g.words.end < s && w.same_clause_level(g.words.start, s))
        .filter(|g| !verbs.iter().any(|x| x.words.start >= g.words.end && x.words.start < s))
}

/// The object right before "to" of the verb that an infinitive of purpose serves:
/// "summoned [the ambassador] to complain".
fn purpose_object(w: &Words, ms: &[Mention], verbs: &[VerbHit], v: &VerbHit) -> Option<usize> {
    let s = v.words.start;
    if s < 3 || w.norm(s - 1) != "to" {
        return None;
    }
    let gov = verbs.iter().rfind(|x| x.words.end < s - 1)?;
    // "summoned the ambassador [in Berlin] to complain": a place named with the object
    // belongs to it; "called Morrison [on Wednesday] to congratulate him": so may a time
    let time_word = |k: usize| {
        let n = w.norm(k);
        matches!(n, "on" | "last" | "this" | "late" | "early" | "next")
            || dyad_core::calendar::weekday(n).is_some()
            || dyad_core::calendar::month_number(n).is_some()
            || is_number(n)
    };
    let ends_before_to = |m: &Mention| {
        let end = attached_phrase_end(w, ms, m.words.end).unwrap_or(m.words.end);
        end < s && (end..s - 1).all(time_word)
    };
    // the object itself, not an actor after a preposition ("summoned the envoy to its
    // Foreign Ministry on Thursday to complain")
    let after_preposition = |m: &Mention| {
        let mut k = m.words.start;
        while k > 0 && w.is(k - 1, DETERMINER) && w.norm(k - 1) != "of" {
            k -= 1;
        }
        k > 0 && PREPOSITIONS.contains(&w.norm(k - 1))
    };
    ms.iter().position(|m| !m.location && ends_before_to(m) && m.words.start >= gov.words.end && !after_preposition(m))
}

/// Verbs of commitment: agreeing, pledging or promising to do something (CAMEO 03:
/// "offer, promise, agree to, or otherwise indicate willingness or commitment to" an act).
const COMMITMENT_VERBS: &[&str] = &[
    "agree",
    "agrees",
    "agreed",
    "agreeing",
    "commit",
    "commits",
    "committed",
    "pledge",
    "pledges",
    "pledged",
    "pledging",
    "promise",
    "promises",
    "promised",
    "promising",
    "vow",
    "vows",
    "vowed",
    "vowing",
];

/// The commitment verb before "to" and the infinitive at `v` ("agreed to share"), if any.
fn committed_to<'a>(w: &'a Words, v: &VerbHit) -> Option<&'a str> {
    let s = v.words.start;
    if s < 2 || w.norm(s - 1) != "to" {
        return None;
    }
    (s.saturating_sub(4)..s - 1).rev().map(|k| w.norm(k)).find(|n| COMMITMENT_VERBS.contains(n))
}

/// "Israel would free 150 prisoners": a base form after a modal or a form of "do" (adverbs
/// and "not" between) is a verb whatever the tagger says; an adjective there would need "be".
fn after_modal(w: &Words, i: usize) -> bool {
    let modal = |n: &str| MODALS.contains(&n) || matches!(n, "will" | "'ll" | "shall" | "do" | "does" | "did");
    let adverb = |k: usize| match w.words[k].tag {
        Some(t) => tag_is!(t, "RB" | "RBR" | "RBS"),
        None => matches!(w.norm(k), "not" | "n't" | "also" | "soon" | "never") || w.norm(k).ends_with("ly"),
    };
    (0..i).rev().find(|&k| !adverb(k)).is_some_and(|k| modal(w.norm(k)))
}

/// "Xi Jinping meets Angela Merkel": a verb form right after a person's name (or a
/// subject pronoun) is the person's act; names do not head noun compounds the way
/// "government forces" does, and the tagger often reads "meets" or "talks" there as
/// plural nouns.
/// "Ethiopia departs from Libya": an -s or base form (`verb_start..end`) right after the actor that
/// opens the sentence, followed by a preposition, a determiner or another actor, with no
/// finite verb after it up to the next comma, is that actor's verb, whatever the tagger
/// says (a plural noun there would need a verb of its own: "Ethiopia talks in Geneva
/// collapsed"); "today" or "yesterday" may stand between ("Egypt yesterday let free").
/// The actor may follow an opening "the" its mention leaves out ("The Peruvian navy
/// trains ...").
/// "Given that Russia attacked", "under pressure given their status": "given" before
/// "that" or a possessive is a preposition meaning "considering", unless a form of "be",
/// "have" or "get" makes it a participle ("has given its support", "was given their
/// backing").
fn considering(w: &Words, i: usize) -> bool {
    let auxiliary = perfect_before(w, i)
        || (i.saturating_sub(3)..i).any(|k| w.is(k, BE_WORD) || matches!(w.norm(k), "get" | "got" | "gets"));
    matches!(w.norm(i + 1), "that" | "their" | "his" | "her" | "its" | "our" | "the") && !auxiliary
}

fn predicate_after_subject(w: &Words, ms: &[Mention], verb_start: usize, end: usize) -> bool {
    // "Yemen today let free ...": a time word may stand between the subject and its verb
    let start = match verb_start.checked_sub(1) {
        Some(k) if matches!(w.norm(k), "today" | "yesterday" | "tonight" | "now") => k,
        _ => verb_start,
    };
    let opens = |k: usize| k == 0 || (k == 1 && w.norm(0) == "the");
    let subject = ms.iter().any(|m| opens(m.words.start) && m.words.end == start && !m.location);
    // (a determiner, preposition, number, possessive, adjective or common noun: "The EU
    // imposed sanctions.", which the tagger reads as a noun phrase "imposed/JJ sanctions")
    let opens_object = word_tag_is!(w, end, "IN" | "DT" | "CD" | "PRP$" | "JJ" | "NN" | "NNS")
        || ms.iter().any(|m| m.words.start == end);
    let verb_later = (end..w.len()).take_while(|&k| w.norm(k) != ",").any(|k| w.finite_verb_at(k));
    subject && opens_object && !verb_later
}

/// "The EU is prolonging sanctions": an -ing form of a dictionary verb right after a
/// form of "be" (adverbs between) is the progressive, whatever the tagger says; it
/// often reads such a word as an adjective or noun ("prolonging/JJ").
fn progressive(w: &Words, i: usize) -> bool {
    let adverb = |k: usize| w.words[k].tag.is_some_and(|t| tag_is!(t, "RB" | "RBR" | "RBS"));
    (0..i).rev().find(|&k| !adverb(k)).is_some_and(|k| w.is(k, BE_WORD) && w.norm(k) != "being")
}

/// Participles English uses as adjectives before a title or a named person ("met
/// visiting Chinese Premier Li", "a lawsuit against visiting Crown Prince X", "the
/// serving prime minister", "leading Iranian cleric X"): they describe the person, and
/// no visit, rule or service is reported.
const ATTRIBUTIVE_PARTICIPLES: &[&str] =
    &["visiting", "ruling", "leading", "serving", "departing", "retiring", "outgoing", "incoming"];

/// Whether the -ing form at `i..i + n` describes the named person or role
/// right after it (see `ATTRIBUTIVE_PARTICIPLES`): a person the dictionary names, or a
/// role written with capitals ("visiting Chinese Premier Li", "visiting U.S. officials"),
/// after a verb ("met", "welcomed") or a preposition that takes no gerund ("against",
/// "with").
fn attributive_participle(w: &Words, ms: &[Mention], i: usize, n: usize) -> bool {
    if i == 0 || n != 1 || !ATTRIBUTIVE_PARTICIPLES.contains(&w.norm(i)) || progressive(w, i) {
        return false;
    }
    let prev = w.norm(i - 1);
    // ("is visiting", "has been leading": a progressive's -ing form is its verb)
    if BE.contains(&prev) || AUX_OR_ADVERB.contains(&prev) {
        return false;
    }
    // after a noun it is a reduced relative, an act of that noun ("a delegation visiting
    // President X" visits him), and after a preposition that takes a gerund it is that
    // gerund ("after visiting President X", "accused of leading rebels")
    // (nor after a verb that takes a gerund: "began visiting", "stopped leading")
    let catenative = matches!(
        prev,
        "begin"
            | "began"
            | "begun"
            | "begins"
            | "start"
            | "started"
            | "starts"
            | "stop"
            | "stopped"
            | "stops"
            | "keep"
            | "kept"
            | "keeps"
            | "continue"
            | "continued"
            | "continues"
            | "avoid"
            | "avoided"
            | "avoids"
            | "resume"
            | "resumed"
            | "resumes"
            | "finish"
            | "finished"
            | "quit"
            | "consider"
            | "considered"
            | "risk"
            | "risked"
            | "enjoy"
            | "enjoyed"
            | "recall"
            | "recalled"
            | "deny"
            | "denied"
            | "denies"
            | "admit"
            | "admitted"
            | "admits"
    );
    let after_verb = w.words[i - 1].tag.is_some_and(|t| t.is_verb()) && !catenative;
    if !after_verb && !matches!(prev, "against" | "with" | "between" | "among" | "toward" | "towards" | "including") {
        return false;
    }
    // (titles the dictionaries do not join to the name may stand between: "visiting
    // Ghanaian President Nana Akufo-Addo")
    ms.iter().any(|m| {
        m.words.start >= i + n
            && m.words.start <= i + n + 3
            && (i + n..=m.words.start).all(|k| w.words[k].capitalized && !w.words[k].punct)
            && !m.location
            && (m.kind == ActorKind::Person || m.code.sector().is_some())
    })
}

fn after_person(w: &Words, ms: &[Mention], i: usize) -> bool {
    i > 0
        && (SUBJECT_PRONOUNS.contains(&w.norm(i - 1))
            || ms.iter().any(|m| m.words.end == i && !m.location && m.kind == ActorKind::Person))
}

/// "killing at least 13, according to the World Health Organization": the one a
/// report is cited from ("according to" and the determiners and describing words before
/// its name) neither acts nor is acted on. (A mention the dictionaries joined across a
/// comma goes on past the phrase: "according to Rouhani's website, the Iranian
/// president called".)
fn cited_source(w: &Words, m: &Mention) -> bool {
    if m.words.clone().any(|k| w.norm(k) == ",") {
        return false;
    }
    phrase_opener(w, m, 4, &["to"]).is_some_and(|k| k >= 1 && w.norm(k - 1) == "according")
}

/// Where one of `openers` stands before mention `m`, at most `max_describing`
/// determiners, describing words, names and possessive "'s" before it ("according to
/// [the] World Health Organization", "concerns about [China's] TikTok").
fn phrase_opener(w: &Words, m: &Mention, max_describing: usize, openers: &[&str]) -> Option<usize> {
    let mut k = m.words.start;
    while k > 0 {
        if openers.contains(&w.norm(k - 1)) {
            return Some(k - 1);
        }
        if m.words.start - k >= max_describing
            || !(w.is(k - 1, DETERMINER) || word_tag_is!(w, k - 1, "JJ" | "NNP" | "POS"))
        {
            return None;
        }
        k -= 1;
    }
    None
}

fn attribution_start(w: &Words, verbs: &[VerbHit]) -> Option<(usize, usize)> {
    verbs.iter().enumerate().rev().find_map(|(n, v)| {
        let s = v.words.start;
        if !SPEECH_VERBS.contains(&w.norm(s)) {
            return None;
        }
        let comma = (s.saturating_sub(12)..s).rev().find(|&k| w.norm(k) == ",")?;
        let verb_between = verbs.iter().any(|x| x.words.start > comma && x.words.start < s);
        // after the speech verb: only time words up to a comma or the end
        let rest_end = verbs.get(n + 1).map(|x| x.words.start).unwrap_or(w.len());
        let closes = (v.words.end..rest_end)
            .all(|k| !matches!(w.norm(k), "that" | "to" | "it" | "he" | "she" | "they"))
            && (v.words.end..rest_end).any(|k| w.norm(k) == ",") == (n + 1 < verbs.len());
        (!verb_between && comma > 0 && closes).then_some((comma, s))
    })
}

/// Nouns for those sent to represent a state: "the ambassador to Egypt".
const ENVOY_NOUNS: &[&str] = &[
    "ambassador",
    "ambassadors",
    "envoy",
    "envoys",
    "representative",
    "representatives",
    "delegate",
    "delegates",
    "delegation",
    "emissary",
];

/// "[Eritrea's ambassador to] the African Union", "[France]'s representative to the UNSC":
/// the mention an envoy named by or right after `n` is sent "to", if any.
fn envoy_to(w: &Words, ms: &[Mention], n: &Mention) -> Option<usize> {
    let e = n.words.end;
    let to = if e > 0 && w.norm(e - 1) == "to" {
        e - 1
    } else if w.norm(e) == "'s" && ENVOY_NOUNS.contains(&w.norm(e + 1)) {
        e + 2
    } else {
        e
    };
    if to == 0 || w.norm(to) != "to" || !ENVOY_NOUNS.contains(&w.norm(to - 1)) {
        return None;
    }
    // (the mention may hold the article: "the United Nations")
    let start = if w.norm(to + 1) == "the" { to + 2 } else { to + 1 };
    ms.iter().position(|m| m.words.start == start || m.words.start == to + 1)
}

/// "Authorities [in the U.S.]", "the mayor [of Nablus]", "students [throughout Kenya]":
/// where a prepositional phrase naming a mention (a place or an actor) right after word
/// `end` ends, if one does.
fn attached_phrase_end(w: &Words, ms: &[Mention], end: usize) -> Option<usize> {
    if end >= w.len() || !matches!(w.norm(end), "in" | "of" | "from" | "at" | "throughout" | "across") {
        return None;
    }
    let start = if w.norm(end + 1) == "the" { end + 2 } else { end + 1 };
    ms.iter().find(|m| m.words.start == start).map(|m| m.words.end)
}

/// The named person whose noun phrase mention `i` ends after "of" ("President Recep
/// Tayyip Erdogan of Turkey", "Erdogan of the Turkish government"): that person's
/// mention, ending right before "of" (or "of the").
fn person_of(w: &Words, ms: &[Mention], i: usize) -> Option<usize> {
    let start = ms[i].words.start;
    if start < 2 {
        return None;
    }
    let of = if w.norm(start - 1) == "the" { start - 2 } else { start - 1 };
    if w.norm(of) != "of" {
        return None;
    }
    ms.iter().position(|m| m.words.end == of && !m.location && m.kind == ActorKind::Person)
}

/// The actor an appositive holding mention `i` describes, when the appositive stands
/// between that actor and the verb at `verb_start`: "Peter Odhiambo, a lecturer at the
/// University of Nairobi, criticized". The appositive opens with a comma and a
/// determiner right after the actor, closes with a comma before the verb (auxiliaries
/// and adverbs may follow it), and holds no verb, conjunction or relative pronoun.
fn appositive_head(w: &Words, ms: &[Mention], i: usize, verb_start: usize) -> Option<usize> {
    let close = (ms[i].words.end..verb_start).find(|&k| w.norm(k) == ",")?;
    // (the verb may be the infinitive of a verb after the appositive: "McConnell, a
    // Kentucky Republican, has promised to bring")
    let chain = |k: usize| {
        w.norm(k) == "to"
            || (k + 1 < verb_start && w.norm(k + 1) == "to" && w.words[k].tag.is_some_and(|t| t.is_verb()))
    };
    if !(close + 1..verb_start).all(|k| AUX_OR_ADVERB.contains(&w.norm(k)) || chain(k)) {
        return None;
    }
    let h = (0..i).rev().find(|&h| {
        let e = ms[h].words.end;
        !ms[h].location
            && e + 1 < ms[i].words.start
            && w.norm(e) == ","
            && matches!(w.norm(e + 1), "a" | "an" | "the")
            && w.same_clause_level(ms[h].words.start, verb_start)
    })?;
    let inside = ms[h].words.end + 1..close;
    let plain = inside.clone().all(|k| {
        !matches!(w.norm(k), "," | "and" | "or" | "who" | "which" | "that" | ";")
            && !w.words[k].tag.is_some_and(|t| t.is_verb())
    });
    (plain && inside.contains(&ms[i].words.start)).then_some(h)
}

/// The recipient of a passive transfer ("was returned by Italian police to Greek
/// officials", "were sent to Liberia"): the first actor after the verb in its clause
/// right after "to" or "into" (determiners between), not a place the gazetteer alone
/// knows, when the passive's subject names no actor that could be moved itself: none,
/// or only a name describing the noun after it ("a stolen Greek icon").
fn passive_recipient(
    w: &Words,
    ms: &[Mention],
    v: &VerbHit,
    window: &Range<usize>,
    subjects: &[usize],
    actor: &dyn Fn(&usize) -> bool,
) -> Option<usize> {
    let describes_noun = |i: usize| {
        let e = ms[i].words.end;
        e < w.len() && w.words[e].tag.is_some_and(|t| t.is_noun()) && !ms.iter().any(|m| m.words.start == e)
    };
    if !subjects.iter().all(|&i| describes_noun(i)) {
        return None;
    }
    (0..ms.len()).find(|&i| {
        let m = &ms[i];
        let mut k = m.words.start;
        while k > v.words.end && w.is(k - 1, DETERMINER) {
            k -= 1;
        }
        m.words.start > v.words.end
            && m.words.end <= window.end
            && k > v.words.end
            && matches!(w.norm(k - 1), "to" | "into")
            && actor(&i)
            && !(m.kind == ActorKind::Place && m.head.is_none())
            && w.same_clause_level(m.words.start, v.words.start)
    })
}

/// Where a phrase naming an organisation no dictionary knows ends, when it is
/// attached to the actor ending at `end` by "from", "of", "in" or "at" ("Soldiers from
/// the KRF-M have surrendered"): the capitalised words after the preposition (and
/// "the"), which belong to the actor's noun phrase.
fn attached_name_end(w: &Words, end: usize) -> Option<usize> {
    if end >= w.len() || !matches!(w.norm(end), "in" | "of" | "from" | "at") {
        return None;
    }
    let start = if w.norm(end + 1) == "the" { end + 2 } else { end + 1 };
    let name_end = (start..w.len()).find(|&k| !w.words[k].capitalized || w.words[k].punct).unwrap_or(w.len());
    (name_end > start).then_some(name_end)
}

/// "[Russian] airstrikes", "[rebel] shelling": where the common nouns (no name, no mention)
/// right after word `end`, before `limit`, end; `end` when none follows. A word `noun`
/// accepts counts as one whatever its tag.
fn noun_run_end(w: &Words, ms: &[Mention], end: usize, limit: usize, noun: &dyn Fn(usize) -> bool) -> usize {
    let mut k = end;
    while k < limit
        && (matches!(w.tag_str(k), "NN" | "NNS") || noun(k))
        && !w.words[k].punct
        && !ms.iter().any(|n| n.words.contains(&k))
    {
        k += 1;
    }
    k
}

/// "Officials [of the province]", "workers [at the plant]": where a phrase opened by
/// "of", "at", "in" or "from" right after a role word ends, when it names no actor but
/// a thing or place in common nouns (a determiner, then describing words and nouns):
/// the phrase belongs to the role's noun phrase, so it does not stand between the role
/// and its verb. Only after a role without a name of its own (an agent), which is what
/// such a phrase narrows down.
fn attached_noun_end(w: &Words, ms: &[Mention], m: &Mention) -> Option<usize> {
    let end = m.words.end;
    if m.kind != ActorKind::Agent || end >= w.len() || !matches!(w.norm(end), "in" | "of" | "from" | "at") {
        return None;
    }
    let mut k = end + 1;
    while k < w.len() && matches!(w.norm(k), "the" | "a" | "an" | "this" | "that" | "its" | "their") {
        k += 1;
    }
    let start = k;
    let mut noun = false;
    while k < w.len() && !w.words[k].punct && !ms.iter().any(|n| n.words.contains(&k)) {
        match w.tag_str(k) {
            "NN" | "NNS" => noun = true,
            "JJ" | "CD" | "VBN" if !noun => {}
            _ => break,
        }
        k += 1;
    }
    // (the phrase ends on its noun: "of the province" and not "of the provincial")
    (noun && k > start && w.tag_str(k - 1).starts_with("NN")).then_some(k)
}

/// "Nigerian troops [battling Boko Haram] rescued": where a phrase opened by a present
/// participle right after an actor (word `end`) ends, when it runs without a break up
/// to the finite verb at `verb_start` (auxiliaries and adverbs before that verb stay
/// out): the participle and its object describe the actor, which is that verb's subject.
/// No punctuation, other verb or clause opener inside; participles that serve as
/// prepositions ("including", "regarding") open no such phrase.
fn participle_phrase_end(w: &Words, end: usize, verb_start: usize) -> Option<usize> {
    if end + 1 >= verb_start
        || w.tag_str(end) != "VBG"
        || matches!(w.norm(end), "including" | "regarding" | "concerning" | "following" | "excluding" | "during")
    {
        return None;
    }
    let mut e = verb_start;
    while e > end + 1 && (w.is(e - 1, AUX_OR_ADVERB_WORD) || word_tag_is!(w, e - 1, "RB")) {
        e -= 1;
    }
    // (the verb or its auxiliary is finite: "has declared"; or a past participle by the
    // tagger with its object right after it: "working at a hospital begged/VBN the PM")
    let past_with_object = word_tag_is!(w, verb_start, "VBN")
        && !is_passive(w, verb_start)
        && verb_start + 1 < w.len()
        && word_tag_is!(w, verb_start + 1, "DT" | "NNP" | "NNPS" | "PRP$");
    if !w.finite_verb_at(verb_start) && !past_with_object && !(e..verb_start).any(|k| w.finite_verb_at(k)) {
        return None;
    }
    let plain = |k: usize| !w.words[k].punct && !w.words[k].tag.is_some_and(|t| t.is_verb()) && !w.is(k, CLAUSE_OPENER);
    (e > end + 1 && (end + 1..e).all(plain)).then_some(e)
}

/// The place forces a transfer moves are "in" ("sent 500 soldiers in Somalia"): a military
/// role right before "in" (determiners between) a place with a country, when the role
/// has no country or only that place's, and the place is not in a source's country.
fn forces_sent_in(w: &Words, ms: &[Mention], i: usize, sources: &[usize], window: &Range<usize>) -> Option<usize> {
    let m = &ms[i];
    if m.kind != ActorKind::Agent || m.code.sector() != Some("MIL") {
        return None;
    }
    let e = m.words.end;
    if e + 1 >= window.end || w.norm(e) != "in" {
        return None;
    }
    let mut j = e + 1;
    while j < window.end && w.is(j, DETERMINER) {
        j += 1;
    }
    let p = ms.iter().position(|p| p.words.start == j && p.words.end <= window.end && p.location)?;
    let c = ms[p].code.country()?;
    let own = sources.iter().any(|&s| ms[s].code.country() == Some(c));
    (m.code.country().is_none_or(|mc| mc == c) && !own).then_some(p)
}

/// Things given: a name right before them describes them ("U.S. military assistance").
const GIVEN_NOUNS: &[&str] = &[
    "aid",
    "assistance",
    "support",
    "funding",
    "funds",
    "loans",
    "loan",
    "grants",
    "weapons",
    "arms",
    "equipment",
    "supplies",
];

/// Whom a thing described by mention `i` is given to: "$30 million in Japanese military
/// assistance to Jordan". The words after the mention (no other mention, punctuation or
/// verb among them, at most three) end in a noun of things given, followed by "to"
/// (determiners between) and an actor or a place with a country; that mention is
/// returned.
fn given_to(w: &Words, ms: &[Mention], i: usize, window: &Range<usize>) -> Option<usize> {
    let e = ms[i].words.end;
    let noun = (e..window.end.min(e + 3)).find(|&k| GIVEN_NOUNS.contains(&w.norm(k)))?;
    let plain = (e..noun).all(|k| {
        !w.words[k].punct && !w.words[k].tag.is_some_and(|t| t.is_verb()) && !ms.iter().any(|m| m.words.contains(&k))
    });
    if !plain {
        return None;
    }
    actor_after_to(w, ms, noun, window)
}

/// Whose attack the subject found (`i`) is in the phrase of: "A rebel strike on an army
/// base near Goma killed" finds "army"; the actor right
/// before the attack noun, with only a preposition and plain words (no punctuation,
/// no verb) between that noun and `i`, is the subject.
fn attack_by(w: &Words, ms: &[Mention], i: usize) -> Option<usize> {
    (0..i).rev().find(|&a| {
        let noun = ms[a].words.end;
        !ms[a].location
            && noun + 1 < ms[i].words.start
            && ATTACK_NOUNS.contains(&w.norm(noun))
            && matches!(w.norm(noun + 1), "on" | "against" | "in" | "at")
            && (noun + 1..ms[i].words.start).all(|k| !w.words[k].punct && !w.words[k].tag.is_some_and(|t| t.is_verb()))
    })
}

/// The actor a relative clause holding mention `i` describes, when that clause
/// stands between the actor and the finite verb at `verb_start`: "About 80 Nepali
/// peacekeepers who were part of the latest rotation of troops arrived". The relative
/// pronoun follows the actor (a comma may stand between) and is the subject of a form
/// of "be" (adverbs between); `i` comes after it, and no comma, clause opener or other
/// finite verb stands between that "be" and the verb.
fn relative_head(w: &Words, ms: &[Mention], i: usize, verb_start: usize) -> Option<usize> {
    let h = (0..i).rev().find(|&h| !ms[h].location && ms[h].words.end < ms[i].words.start)?;
    let mut k = ms[h].words.end;
    if w.norm(k) == "," {
        k += 1;
    }
    if !matches!(w.norm(k), "who" | "which" | "that") {
        return None;
    }
    let mut be = k + 1;
    while be < verb_start && w.words[be].tag.is_some_and(|t| tag_is!(t, "RB" | "RBR" | "RBS")) {
        be += 1;
    }
    if be >= ms[i].words.start || !matches!(w.norm(be), "is" | "are" | "was" | "were") {
        return None;
    }
    let plain = (be + 1..verb_start).all(|j| {
        let stop = matches!(w.norm(j), ";" | ":") || w.is(j, CLAUSE_OPENER);
        !stop && (j == be + 1 || !w.finite_verb_at(j))
    });
    plain.then_some(h)
}

/// Where a visit in the object of `v` goes: "lead a Kenyan government delegation on a
/// state visit to Ghana". A visit noun within ten words after the verb (no
/// punctuation or finite verb between), then "to" (determiners between) and an actor or
/// a place with a country; that mention is returned.
fn visit_to(w: &Words, ms: &[Mention], v: &VerbHit, window: &Range<usize>) -> Option<usize> {
    let end = window.end.min(v.words.end + 10);
    let noun = (v.words.end..end).find(|&k| matches!(w.norm(k), "visit" | "visits" | "trip" | "trips" | "tour"))?;
    let plain = (v.words.end..noun).all(|k| !w.words[k].punct && !w.finite_verb_at(k));
    if !plain {
        return None;
    }
    actor_after_to(w, ms, noun, window)
}

/// The actor or place with a country right after "to" (determiners between) that
/// follows the noun at `noun` in the window: where a thing given or a visit goes.
fn actor_after_to(w: &Words, ms: &[Mention], noun: usize, window: &Range<usize>) -> Option<usize> {
    if noun + 1 >= window.end || w.norm(noun + 1) != "to" {
        return None;
    }
    let mut j = noun + 2;
    while j < window.end && w.is(j, DETERMINER) {
        j += 1;
    }
    ms.iter()
        .position(|m| m.words.start == j && m.words.end <= window.end && (!m.location || m.code.country().is_some()))
}

/// Nouns that name a state or its envoys ("the Lebanese state", "ambassadors").
const STATE_NOUNS: &[&str] = &[
    "kingdom",
    "country",
    "countries",
    "nation",
    "nations",
    "state",
    "states",
    "sides",
    "ambassador",
    "ambassadors",
    "envoy",
    "envoys",
];

/// Whether target `t` is a lone country adjective ("Turkish") on a common noun
/// right after it ("Turkish help") whose country is that of one of `sources`: the
/// source's own thing, not an actor it acts on. (A noun naming the state is the country
/// itself: "a complaint against the Kenyan state".)
fn own_country_adjective(w: &Words, ms: &[Mention], t: &Target, sources: &[usize]) -> bool {
    let Target::Mention(i) = *t else { return false };
    let m = &ms[i];
    let code = m.code.as_str();
    let bare_country = m.code.country() == Some(code);
    // (the tagger reads some as proper nouns after a verb: then a word with a demonym's
    // ending that names no country or city; "promised Ukraine aid", "US relations", "the
    // Kirkuk council" name whom or where the thing is for)
    let adjective = m.words.len() == 1
        && w.words[m.words.start].tag.is_some_and(|t| match t.as_str() {
            "JJ" => true,
            "NNP" => {
                let word = w.norm(m.words.start);
                let g = crate::places::Gazetteer::embedded();
                word.len() > 3
                    && ["an", "ese", "ish", "i"].iter().any(|e| word.ends_with(e))
                    && g.country_named(word).is_none()
                    && g.candidates(word).next().is_none()
            }
            _ => false,
        });
    let on_noun = m.words.end < w.len()
        && w.words[m.words.end].tag.is_some_and(|t| tag_is!(t, "NN" | "NNS"))
        && !STATE_NOUNS.contains(&w.norm(m.words.end))
        && !ms.iter().any(|o| o.words.start == m.words.end);
    bare_country && adjective && on_noun && sources.iter().any(|&s| ms[s].code.country() == Some(code))
}

/// Are all `targets` state role words without a country ("ambassadors", "the kingdom",
/// "the two countries"), which stand for the parties themselves? (Civilians, workers,
/// rebels or hostages are a third party: "accepted the demands by protesters".)
fn only_bare_roles(w: &Words, ms: &[Mention], targets: &[Target]) -> bool {
    // (an uncoded word must name a state or its envoys: "hostages" are a third party)
    targets.iter().all(|t| match *t {
        Target::Mention(i) => {
            let c = &ms[i].code;
            let head = w.norm(ms[i].words.end - 1);
            ms[i].kind == ActorKind::Agent
                && c.country().is_none()
                && ((c.as_str() == UNKNOWN_CODE && STATE_NOUNS.contains(&head)) || c.sector() == Some("GOV"))
        }
        _ => false,
    })
}

/// Are the targets only where partners meet in one partner's own country: "Li and his
/// Pakistani counterpart signed ... in the Great Hall in the Chinese capital"? Each
/// target a bare country (no role) that one of the `sources` belongs to, inside a phrase
/// opened by "in" or "at" after the verb (`verb_end`), no punctuation between. A place
/// in a third country ("met in Zurich") is still a party.
fn home_venue(w: &Words, ms: &[Mention], sources: &[usize], targets: &[Target], verb_end: usize) -> bool {
    !targets.is_empty()
        && targets.iter().all(|t| {
            let (Target::Mention(i) | Target::Place(i)) = *t else { return false };
            let m = &ms[i];
            let country = m.code.country();
            m.code.sector().is_none()
                && country.is_some()
                && sources.iter().any(|&s| ms[s].code.country() == country)
                && (verb_end..m.words.start)
                    .rev()
                    .take_while(|&k| !w.words[k].punct)
                    .any(|k| matches!(w.norm(k), "in" | "at"))
        })
}

/// Nouns naming an agreement between parties.
const AGREEMENT_NOUNS: &[&str] =
    &["agreement", "agreements", "deal", "deals", "accord", "pact", "treaty", "compromise", "consensus"];

/// Are the targets only what an agreement is about: "Spain and France could not agree a
/// treaty over the Basque coast"? Each target an actor or place after an agreement noun
/// followed by "on", "over" or "about", after the verb (`verb_end`), no punctuation
/// between: the agreement's subject, not a third party to it.
fn agreement_subject(w: &Words, ms: &[Mention], targets: &[Target], verb_end: usize) -> bool {
    !targets.is_empty()
        && targets.iter().all(|t| {
            let (Target::Mention(i) | Target::Place(i)) = *t else { return false };
            let start = ms[i].words.start;
            start > verb_end
                && !(verb_end..start).any(|k| w.words[k].punct)
                && (verb_end + 1..start)
                    .any(|k| matches!(w.norm(k), "on" | "over" | "about") && AGREEMENT_NOUNS.contains(&w.norm(k - 1)))
        })
}

/// Whom an agreement that an act follows is with: "called off the strike after reaching
/// an agreement with the government". After `v`, "after" or "following", at most two
/// words (a verb of reaching or signing, determiners), an agreement noun, "with"
/// (determiners between) and an actor or a place with a country; that mention.
fn agreement_with(w: &Words, ms: &[Mention], v: &VerbHit) -> Option<usize> {
    let end = (v.words.end..w.len()).find(|&k| matches!(w.norm(k), ";" | ":")).unwrap_or(w.len());
    let after = (v.words.end..end).find(|&k| matches!(w.norm(k), "after" | "following"))?;
    let noun = (after + 1..end.min(after + 4))
        .find(|&k| matches!(w.norm(k), "agreement" | "agreements" | "deal" | "accord" | "talks"))?;
    if noun + 1 >= end || w.norm(noun + 1) != "with" {
        return None;
    }
    let mut j = noun + 2;
    while j < end && w.is(j, DETERMINER) {
        j += 1;
    }
    ms.iter().position(|m| m.words.start == j && m.words.end <= end && (!m.location || m.code.country().is_some()))
}

/// Verbs whose object is what is talked about, not whom it is talked with ("discussed
/// the crisis", "debated Syria", "negotiated a deal with Iran").
fn takes_topic(v: &VerbHit) -> bool {
    matches!(v.form.lemma.as_str(), "discuss" | "debate" | "negotiate")
}

/// Do "between" or "among" govern mention `i` with the mentions coordinated before it?
/// The word before the preposition (the thing they are between), if so.
fn between_what<'w>(w: &'w Words, ms: &[Mention], i: usize) -> Option<&'w str> {
    let k = determiners_start(w, ms[compound(ms, i, false).start].words.start);
    (k > 0 && matches!(w.norm(k - 1), "between" | "among" | "amongst")).then(|| if k >= 2 { w.norm(k - 2) } else { "" })
}

/// Does "release" at `v` take a thing as its object ("released a letter from his
/// physician", "released the video")? Its object is a plain noun phrase naming no actor,
/// with no actor right after it ("his deputy Jacob Zuma") and no count of people
/// ("dozens of Ethiopian soldiers").
fn releases_a_thing(w: &Words, ms: &[Mention], v: &VerbHit, window: &Range<usize>) -> bool {
    const COUNTS: &[&str] =
        &["dozens", "hundreds", "thousands", "scores", "number", "group", "members", "rest", "bodies"];
    let k = past_particles(w, v, window);
    let mut j = k;
    while j < window.end
        && (w.words[j].tag.is_some_and(|t| tag_is!(t, "DT" | "PRP$" | "CD" | "JJ" | "NN" | "NNS"))
            || w.words[j].hyphen_after
            || (j > 0 && w.words[j - 1].hyphen_after))
    {
        j += 1;
    }
    j > k
        && w.words[j - 1].tag.is_some_and(|t| tag_is!(t, "NN" | "NNS"))
        && !COUNTS.contains(&w.norm(j - 1))
        && !ms.iter().any(|m| m.words.start <= j && m.words.end > k && !m.location)
}

/// A politician: someone in government, the elite, a legislature, a party or the
/// opposition (`USAGOV`, `ELI`, `GBRLEG`, `PTY`, `KENOPP`).
fn is_politician(m: &Mention) -> bool {
    m.code.sector().is_some_and(|s| matches!(s, "GOV" | "ELI" | "LEG" | "PTY" | "OPP" | "GOVLEG"))
}

/// Verbs of force whose compound subject fights each other ("clashed", "fought").
const MUTUAL_FORCE: &[&str] = &["fight", "clash", "battle", "skirmish", "war", "exchange", "engage", "duel", "spar"];

/// Verbs of having someone else do something, with no code of their own: their object
/// does the infinitive after it ("get Ukraine to investigate", "trusted the courts to
/// decide").
const HAVE_DONE_VERBS: &[&str] = &[
    "get",
    "gets",
    "got",
    "getting",
    "want",
    "wants",
    "wanted",
    "wanting",
    "need",
    "needs",
    "needed",
    "expect",
    "expects",
    "expected",
    "trust",
    "trusts",
    "trusted",
    "cause",
    "causes",
    "caused",
    "enable",
    "enables",
    "enabled",
    "prefer",
    "prefers",
    "preferred",
];

/// Words of votes and elections: beating someone in a sentence with one of them is
/// winning a vote.
const ELECTION_WORDS: &[&str] = &[
    "vote",
    "votes",
    "voters",
    "election",
    "elections",
    "ballot",
    "ballots",
    "primary",
    "primaries",
    "poll",
    "polls",
    "runoff",
    "caucus",
    "caucuses",
    "race",
    "reelection",
    "re-election",
];

/// Relatives and friends: "X's wife" is someone other than X.
const KIN_NOUNS: &[&str] = &[
    "wife",
    "husband",
    "widow",
    "widower",
    "son",
    "sons",
    "daughter",
    "daughters",
    "child",
    "children",
    "mother",
    "father",
    "parents",
    "brother",
    "brothers",
    "sister",
    "sisters",
    "grandson",
    "granddaughter",
    "nephew",
    "niece",
    "cousin",
    "family",
    "relatives",
    "girlfriend",
    "boyfriend",
    "fiancee",
    "fiance",
    "friend",
    "friends",
];

/// Nouns of what is fought, battled or curbed only in a figure of speech: ills, charges
/// and levies ("battling the outbreak", "fight the charges", "levy a tax"). The last
/// word of a verb's object (see [`Target::Topic`]).
const ABSTRACT_ADVERSARIES: &[&str] = &[
    "virus",
    "coronavirus",
    "covid",
    "covid-19",
    "pandemic",
    "epidemic",
    "outbreak",
    "disease",
    "diseases",
    "infection",
    "infections",
    "cancer",
    "addiction",
    "spread",
    "misinformation",
    "disinformation",
    "corruption",
    "crime",
    "poverty",
    "inflation",
    "unemployment",
    "hunger",
    "emissions",
    "temperatures",
    "fire",
    "fires",
    "wildfire",
    "wildfires",
    "blaze",
    "flames",
    "charge",
    "charges",
    "allegation",
    "allegations",
    "accusations",
    "indictment",
    "conviction",
    "tariff",
    "tariffs",
    "tax",
    "taxes",
    "duties",
];

/// Verbs of force that the news also uses for words ("tore into", "took aim at").
const FIGURATIVE_FORCE: &[&str] = &[
    "attack", "assail", "hit", "strike", "fire", "shoot", "target", "snipe", "tear", "slam", "blast", "lash", "fight",
    "clash", "spar", "battle", "combat", "bash", "hammer", "pummel", "savage", "torch", "bludgeon",
];

/// A politician named as a person ("Haley", "Swedish Prime Minister Stefan Lofven"), not
/// a government, party or country.
fn politician_in_person(m: &Mention) -> bool {
    m.kind == ActorKind::Person && is_politician(m)
}

/// A person the entity tagger named and no dictionary knows.
fn is_unknown_person(m: &Mention) -> bool {
    m.kind == ActorKind::Person && m.code.as_str() == UNKNOWN_CODE
}

/// The first word of the noun phrase after a pattern that ends in a preposition, when
/// that phrase names a thing, no actor ("moving into [the race]", "come to [an end]").
fn thing_after_pattern_preposition(
    w: &Words,
    ms: &[Mention],
    pm: &crate::patterns::PatternMatch,
    window: &Range<usize>,
) -> Option<usize> {
    let e = pm.words.iter().map(|r| r.end).max()?;
    let mut k = e;
    while k < window.end && w.is(k, DETERMINER) {
        k += 1;
    }
    (e > 0
        && w.words[e - 1].tag.is_some_and(|t| tag_is!(t, "IN" | "TO"))
        && k < window.end
        && w.words[k].tag.is_some_and(|t| t.is_noun() || tag_is!(t, "JJ" | "VBG" | "WRB"))
        && !ms.iter().any(|m| m.words.start == k && !m.location))
    .then_some(k)
}

/// Is mention `i` one of the parties "between" or "among" which a thing that is no
/// relation of theirs is ("the conflict between Russia and Ukraine")? The parties to
/// talks, a summit or ties are the ones who hold them ("the summit between the EU and
/// Turkey failed").
fn between_parties(w: &Words, ms: &[Mention], i: usize) -> bool {
    between_what(w, ms, i).is_some_and(|n| !RELATION_NOUNS.contains(&n))
}

/// Does a relative pronoun ("who", "which"), a comma allowed before it, open at `k`?
fn relative_after(w: &Words, k: usize) -> bool {
    let k = if k < w.len() && w.norm(k) == "," { k + 1 } else { k };
    k < w.len() && matches!(w.norm(k), "who" | "which")
}

/// Mention `i` plus the mentions coordinated with it (compound actors), which are
/// next to it: the indices from the first to the last, in order.
fn compound(ms: &[Mention], i: usize, forward: bool) -> Range<usize> {
    let mut k = i;
    if forward {
        while k + 1 < ms.len() && !ms[k + 1].location && ms[k + 1].coordinated {
            k += 1;
        }
        i..k + 1
    } else {
        while k > 0 && !ms[k - 1].location && ms[k].coordinated {
            k -= 1;
        }
        k..i + 1
    }
}

fn is_passive(w: &Words, verb_start: usize) -> bool {
    let be = |i: usize| w.is(i, BE_WORD) && w.norm(i) != "'s";
    // "was heavily and unjustly criticized": adverbs, coordinated or not, may stand
    // between the form of "be" and the participle
    let adverb = |i: usize| w.words[i].tag.is_some_and(|t| tag_is!(t, "RB" | "RBR" | "RBS"));
    let mut k = verb_start;
    while k > 0
        && verb_start - k < 6
        && (adverb(k - 1) || (matches!(w.norm(k - 1), "and" | "or" | ",") && k < verb_start))
    {
        k -= 1;
    }
    let after_adverbs = k < verb_start && k > 0 && be(k - 1);
    ((verb_start.saturating_sub(3)..verb_start).rev().any(be) || after_adverbs || coordinated_passive(w, verb_start))
        && !perfect_active(w, verb_start)
}

/// "a girl who was pulled from a car and abducted", "were arrested in Egypt, slapped with
/// travel bans or hauled into security offices": a participle after "and", "or" or the
/// comma of a list that takes no object shares the "be" of a passive participle before
/// it in its clause.
fn coordinated_passive(w: &Words, verb_start: usize) -> bool {
    // (after a comma the tagger reads a regular participle in a list as a past tense:
    // "slapped/VBD with travel bans")
    let listed =
        || w.norm(verb_start - 1) == "," && w.tag_str(verb_start) == "VBD" && w.norm(verb_start).ends_with("ed");
    if verb_start < 2
        || !matches!(w.norm(verb_start - 1), "and" | "or" | ",")
        || !(w.tag_str(verb_start) == "VBN" || listed())
    {
        return false;
    }
    // (an object right after it makes it active: "was deployed and killed five rebels")
    if matches!(w.tag_str(verb_start + 1), "DT" | "CD" | "NNP" | "NNPS" | "PRP$" | "PRP") {
        return false;
    }
    (verb_start.saturating_sub(12)..verb_start - 1)
        .rev()
        .take_while(|&j| !w.words[j].tag.is_some_and(|t| t.is_finite_verb()) && !w.is(j, CLAUSE_OPENER | CLAUSE_BREAK))
        .find(|&j| w.tag_str(j) == "VBN")
        .is_some_and(|j| is_passive(w, j))
}

/// "will not lift the embargo until Cuba frees its prisoners": the first actor after
/// one of the `conditions` ("until", "unless", "if") in the verb's clause level, not one
/// of the sources, whose act the condition waits for.
fn condition_actor(w: &Words, ms: &[Mention], v: &VerbHit, sources: &[usize], conditions: &[&str]) -> Option<usize> {
    let k = (v.words.end..w.len())
        .take_while(|&k| !matches!(w.norm(k), ";" | "." | "but"))
        .find(|&k| conditions.contains(&w.norm(k)) && w.same_clause_level(k, v.words.start))?;
    let own: Vec<&str> = sources.iter().map(|&s| ms[s].code.as_str()).collect();
    (0..ms.len()).find(|&i| {
        let m = &ms[i];
        m.words.start > k && !m.location && !sources.contains(&i) && !own.contains(&m.code.as_str())
    })
}

/// "returned the manuscript to Poland", "was returned by customs officers": "return"
/// with a direct object (a noun phrase right after it, or the passive) gives something
/// back; without one ("returned to Kabul", "returned home", "returned on Monday") it is
/// coming back.
fn gives_back(w: &Words, v: &VerbHit) -> bool {
    if v.form.lemma != "return" {
        return false;
    }
    if v.tense == Form::Past && is_passive(w, v.words.start) {
        return true;
    }
    let tag = |k: usize| w.tag_str(k);
    // the noun the phrase after the verb leads to: a time ("last week", "two days
    // later") is no object
    let mut k = v.words.end;
    while matches!(tag(k), "DT" | "CD" | "JJ" | "PRP$")
        || (matches!(tag(k), "VBN" | "VBG") && matches!(tag(k + 1), "NN" | "NNS" | "JJ"))
    {
        k += 1;
    }
    if k >= w.len() || !matches!(tag(k), "NN" | "NNS" | "NNP" | "NNPS") {
        return false;
    }
    let n = w.norm(k);
    let when = names_a_time(n);
    !when && !matches!(n, "home" | "fire")
}

/// "victims killed by the crash": a past participle followed (after adverbs) by "by"
/// is passive even without a form of "be".
fn followed_by_agent(w: &Words, ms: &[Mention], v: &VerbHit) -> bool {
    let perfect = perfect_active(w, v.words.start);
    let by = (v.words.end..(v.words.end + 3).min(w.len())).find(|&k| !w.norm(k).ends_with("ly"));
    // "spoke by phone" is a means, not an agent: an agent is named after "by"
    let agent_named = |k: usize| {
        ms.iter().any(|m| {
            !m.location
                && m.words.start > k
                && m.words.start <= k + 4
                && (k + 1..m.words.start).all(|j| !PREPOSITIONS.contains(&w.norm(j)))
        })
    };
    !perfect && by.is_some_and(|k| w.norm(k) == "by" && agent_named(k))
}

/// "two men sought in the slaying", "officials accused of playing a role": a past
/// participle (tagged VBN) right after the noun it describes, with no auxiliary and
/// no object of its own, is a passive; the noun is what was done to, not the doer.
/// The noun must follow a verb of its own clause (an object or a noun after a
/// preposition): the tagger too often calls a headline's "X imposed" VBN.
fn reduced_relative(w: &Words, ms: &[Mention], verbs: &[VerbHit], v: &VerbHit) -> bool {
    let s = v.words.start;
    let participle = w.words[s].tag.is_some_and(|t| tag_is!(t, "VBN"));
    let after_noun = s > 0
        && (ms.iter().any(|m| !m.location && m.words.end == s) || w.words[s - 1].tag.is_some_and(|t| t.is_noun()));
    let perfect = perfect_active(w, s);
    let next = v.words.end;
    // (a determiner opens an object; "of" and "'s", in that list as words no verb
    // follows, do not: "officials accused of playing a role")
    let object_follows = next < w.len()
        && ((w.is(next, DETERMINER) && !matches!(w.norm(next), "of" | "'s"))
            || ms.iter().any(|m| !m.location && m.words.start == next));
    let noun_start = ms.iter().find(|m| m.words.end == s).map(|m| m.words.start).unwrap_or(s.saturating_sub(1));
    // ... or follow an existential "there were": "there were ten soldiers killed"
    // (a noun phrase that a subordinating word opens starts a clause of its own, as a
    // noun at the sentence start does: a verb before that word is the main clause's,
    // so only a finite verb after the participle makes it a reduced relative)
    let verb_before = || {
        subordinate_subject(w, noun_start).is_none()
            && (verbs.iter().any(|x| x.words.end <= noun_start)
                // (a finite verb the dictionaries do not hold counts too when the noun
                // is its object: "hanged two men convicted of spying")
                || (0..noun_start)
                    .rev()
                    .find(|&k| !word_tag_is!(w, k, "DT" | "CD" | "JJ" | "PRP$"))
                    .is_some_and(|k| w.finite_verb_at(k))
                || (0..noun_start).any(|k| w.norm(k) == "there" && w.is(k + 1, BE_WORD)))
    };
    // ... or come before the clause's own finite verb: "Kenyan officials detained in
    // Uganda were released"
    let verb_after = || relative_phrase_end(w, ms, next).is_some();
    // a past form the tagger calls finite (VBD) is such a participle too when a
    // preposition follows it and its clause has a finite verb of its own: "a soldier
    // accused/VBD of beating students was arrested"
    // ... or, before "of", when a verb comes before its noun: "executed four men
    // accused/VBD of spying" ("of" follows no finite verb of saying or acting that
    // these verbs name)
    let past_before_own_verb = || {
        w.words[s].tag.is_some_and(|t| tag_is!(t, "VBD"))
            && matches!(w.norm(next), "of" | "with" | "by" | "for" | "in" | "over")
            && (verb_after() || (w.norm(next) == "of" && verb_before()))
    };
    after_noun
        && !perfect
        && !object_follows
        && ((participle && (verb_before() || verb_after())) || past_before_own_verb())
}

/// The finite verb a reduced relative starting its phrase at word `next` (right after its
/// participle) runs up to, the verb of the clause whose subject the participle's noun is:
/// "Kenyan officials detained in Uganda [were] released". None when a clause break,
/// subordinator or an actor that could be that verb's subject comes first (no actor, clause
/// break or subordinator between; a word after a preposition or determiner is no finite
/// verb: "amid heightened tensions").
fn relative_phrase_end(w: &Words, ms: &[Mention], next: usize) -> Option<usize> {
    // (an actor the phrase's own preposition or gerund governs is inside it: "a soldier
    // accused of killing civilians was arrested"; another one may be the verb's subject)
    let governed = |k: usize| {
        let g = (next..k).rev().find(|&j| !word_tag_is!(w, j, "DT" | "CD" | "JJ" | "PRP$"));
        g.is_some_and(|g| word_tag_is!(w, g, "IN" | "TO" | "VBG" | "VB"))
    };
    (next..w.len())
        .take_while(|&k| {
            !w.is(k, CLAUSE_OPENER)
                && !matches!(w.norm(k), "," | ";" | ":" | "and" | "but" | "or" | "who" | "which" | "that")
                && !ms.iter().any(|m| !m.location && m.words.start == k && !governed(k))
        })
        .find(|&k| {
            // (the tagger may read a preposition as a verb: "amid/VBD")
            w.finite_verb_at(k)
                && !PREPOSITIONS.contains(&w.norm(k))
                && !w.words[k - 1].tag.is_some_and(|t| tag_is!(t, "IN" | "DT" | "TO"))
        })
}

/// Words that open an adverbial clause whose subject follows them. "as" only when no
/// "such", "well", "so" or "same" comes right before it (those make it a preposition or a
/// comparison: "groups such as ...").
pub(crate) const SUBORDINATORS: &[&str] = &["as", "when", "while", "after", "because", "before", "since", "until"];

/// The subordinating word (see `SUBORDINATORS`) right before the noun phrase that starts
/// at `noun_start`, with only its determiners, numbers, modifiers and an "of" of
/// quantity between: "as (the) angry crowds", "when hundreds of farmers". None when
/// the noun phrase is not the first thing in such a clause.
fn subordinate_subject(w: &Words, noun_start: usize) -> Option<usize> {
    let modifier =
        |k: usize| {
            (w.words.get(k).and_then(|x| x.tag).is_some_and(|t| {
                tag_is!(t, "DT" | "CD" | "JJ" | "JJR" | "JJS" | "PRP$" | "NN" | "NNS" | "NNP" | "NNPS")
            }) || w.norm(k) == "of")
                && !w.words[k].punct
                && !w.is(k, CLAUSE_OPENER)
        };
    let k = (0..noun_start).rev().find(|&k| !modifier(k))?;
    let word = w.norm(k);
    let comparison = word == "as" && k > 0 && matches!(w.norm(k - 1), "such" | "well" | "so" | "same");
    (SUBORDINATORS.contains(&word) && !comparison).then_some(k)
}

/// "has/have/had" within the three words before `verb_start`: a perfect tense, not a
/// passive.
fn perfect_before(w: &Words, verb_start: usize) -> bool {
    (verb_start.saturating_sub(3)..verb_start).any(|i| matches!(w.norm(i), "has" | "have" | "had"))
}

/// A perfect of the active voice before `verb_start` ("has attacked"), not of the
/// passive ("has been attacked": "been" after the "has" makes the participle passive).
fn perfect_active(w: &Words, verb_start: usize) -> bool {
    (verb_start.saturating_sub(3)..verb_start)
        .any(|i| matches!(w.norm(i), "has" | "have" | "had") && !(i + 1..verb_start).any(|k| w.norm(k) == "been"))
}

/// "launched an extraordinary attack on the spy chiefs, calling them ...": an attack
/// (the noun, just after the verb) whose clause goes on with a participle of saying is
/// made in words, a criticism (CAMEO 111), as Phoenix codes a "verbal" or "scathing"
/// attack; an attack with weapons is not described by what its maker called anyone.
fn attack_in_words(w: &Words, v: &VerbHit) -> bool {
    const SAYING: &[&str] =
        &["calling", "saying", "accusing", "describing", "branding", "labelling", "labeling", "dubbing", "telling"];
    let end = (v.words.end + 5).min(w.len());
    let Some(noun) = (v.words.end..end).find(|&i| matches!(w.norm(i), "attack" | "attacks" | "broadside")) else {
        return false;
    };
    (noun + 1..w.len())
        .take_while(|&i| !matches!(w.norm(i), ";" | "." | "and" | "but" | "which" | "who" | "that"))
        .any(|i| w.norm(i) == "," && i + 1 < w.len() && SAYING.contains(&w.norm(i + 1)))
}

/// Verbs of condemnation. The Phoenix patterns code some of them as support for the
/// victims of what is condemned ("condemned the terrorist attack", 018 empathy;
/// "denounced the detention", 052 verbal defence); PLOVER files the act by what is said,
/// and its DISAPPROVE (ACCUSE) is "condemn, decry a policy or an action", when the target
/// is what is condemned, not whom it stands up for (`object_of_preposition`). The CAMEO
/// code stays Phoenix's.
const CONDEMNING: &[&str] =
    &["condemn", "denounce", "deplore", "decry", "criticize", "criticise", "censure", "castigate", "lambaste"];

/// "condemned the attack on Pakistan", "denounced the detention of the reporters": the
/// target named after a preposition is the one a condemnation Phoenix codes as support
/// (018, 052, 053) stands up for, and it stays support for them; "condemned the Quetta
/// terrorist attack" (the attacker) or "the detentions in Venezuela" (where, by whom) are
/// what is condemned.
fn object_of_preposition(cx: &SentenceCtx, t: &Target) -> bool {
    let start = match *t {
        Target::Mention(i) | Target::Place(i) => cx.mentions[i].words.start,
        Target::Topic(a, _) => a,
    };
    let w = cx.words;
    let mut k = start;
    while k > 0 && matches!(w.norm(k - 1), "the" | "a" | "an" | "its" | "their" | "his" | "her") {
        k -= 1;
    }
    k > 0 && matches!(w.norm(k - 1), "of" | "on" | "against" | "for" | "to" | "with")
}

/// CAMEO 173 joins charges to arrests and detentions ("arrest, detain, or charge with
/// legal action"), and the 2021 crosswalk sends it all to COERCE; PLOVER's ACCUSE
/// (DISAPPROVE) is where it puts charging someone with a crime ("allege, charge the target
/// with, or blame for engaging in crime or corruption") and suing, its COERCE being
/// repression. So a 173 whose verb is "charge" or "indict", or whose object is the charges
/// or an indictment ("filed charges against", "brought an indictment"), is an accusation;
/// "arrested on charges of" stays an arrest (the charges follow a preposition). A
/// sentence sought or asked for ("prosecutors sought a long sentence") is the prosecution's
/// case against the target, not yet a detention, and an accusation too.
fn brings_charges(w: &Words, v: &VerbHit) -> bool {
    const CHARGE_WORDS: &[&str] = &["charge", "charges", "indictment", "indictments"];
    const SENTENCE_WORDS: &[&str] = &["sentence", "sentences"];
    if matches!(v.form.lemma.as_str(), "charge" | "indict") {
        return true;
    }
    let asks = matches!(v.form.lemma.as_str(), "seek" | "ask" | "demand" | "request");
    (v.words.end..(v.words.end + 4).min(w.len()))
        .take_while(|&i| !w.words[i].tag.is_some_and(|t| tag_is!(t, "IN") || t.is_verb()))
        .any(|i| CHARGE_WORDS.contains(&w.norm(i)) || (asks && SENTENCE_WORDS.contains(&w.norm(i))))
}

/// Whether "agree" goes on to an act still to come: "agreed (on Monday) to open the
/// border", "agreed that the talks should resume", not "agreed a trade deal" or "agreed
/// to the plan".
fn agrees_to_act(w: &Words, v: &VerbHit) -> bool {
    let mut k = v.words.end;
    // when, between the verb and what was agreed ("today", "on Monday", "in principle")
    while k < w.len().min(v.words.end + 4) {
        let n = w.norm(k);
        let when = TIME_NOUNS.contains(&n)
            || dyad_core::calendar::weekday(n).is_some()
            || n.ends_with("ly")
            || (matches!(n, "on" | "in" | "last" | "this" | "late" | "early")
                && k + 1 < w.len()
                && (dyad_core::calendar::weekday(w.norm(k + 1)).is_some()
                    || TIME_NOUNS.contains(&w.norm(k + 1))
                    || w.norm(k + 1) == "principle"))
            || n == "principle";
        if !when {
            break;
        }
        k += 1;
    }
    match w.norm(k) {
        "that" => true,
        "to" => word_tag_is!(w, k + 1, "VB"),
        _ => false,
    }
}

/// Whether the verb is someone leaving office: "resigned", "stepped down" or "aside",
/// "submitted / announced his resignation" (not "resigned himself to ...", an acceptance).
fn resigns(w: &Words, v: &VerbHit) -> bool {
    let after = |n: usize| v.words.end..(v.words.end + n).min(w.len());
    match v.form.lemma.as_str() {
        "resign" => !after(1).any(|i| matches!(w.norm(i), "himself" | "herself" | "themselves" | "itself")),
        "step" => after(2).any(|i| matches!(w.norm(i), "down" | "aside")),
        _ => after(4)
            .take_while(|&i| !w.words[i].tag.is_some_and(|t| tag_is!(t, "IN") || t.is_verb()))
            .any(|i| w.norm(i) == "resignation"),
    }
}

/// Conflictual actions reported in the future tense are announced, not done: PLOVER
/// THREATEN ("all threats, coercive or forceful warnings") covers them ("will boycott the
/// vote", "will impose a curfew"), as its AGREE rule makes future cooperation an intent;
/// the CAMEO code stays the act's.
fn future_conflict_is_threat(plover_event: &str) -> bool {
    matches!(plover_event, "PROTEST" | "SANCTION" | "COERCE" | "ASSAULT" | "REJECT")
}

/// Where the adverbs right before `verb_start` begin ("would soon", "will also"):
/// `verb_start` itself when there are none.
fn start_of_adverbs_before(w: &Words, verb_start: usize) -> usize {
    let mut k = verb_start;
    while k > 0
        && (w.norm(k - 1).ends_with("ly") || matches!(w.norm(k - 1), "also" | "soon" | "then" | "later" | "now"))
    {
        k -= 1;
    }
    k
}

/// "said they would boycott": "would" right before the verb (adverbs between) with a
/// verb of saying or announcing earlier in the sentence, the future of reported speech.
fn reported_future(w: &Words, verb_start: usize) -> bool {
    let k = start_of_adverbs_before(w, verb_start);
    k > 1
        && w.norm(k - 1) == "would"
        && (0..k - 1).any(|i| dyad_core::lexicon::REPORTED_SPEECH_VERBS.contains(&w.norm(i)))
}

/// "will meet", "is to visit", "are going to sign": the verb at `verb_start` is in the
/// future (adverbs and "not" may stand between).
fn is_future(w: &Words, verb_start: usize) -> bool {
    let k = start_of_adverbs_before(w, verb_start);
    k > 0
        && (matches!(w.norm(k - 1), "will" | "'ll" | "shall")
            || (k > 1 && w.norm(k - 1) == "to" && (w.is(k - 2, BE_WORD) || w.norm(k - 2) == "going")))
}

fn is_negated(w: &Words, verb_start: usize) -> bool {
    negation_before(w, verb_start).is_some() || stopped_before(w, verb_start)
}

/// "stopped sending aid", "has ceased attacking", "halted selling arms": a gerund after a
/// verb of stopping is an act no longer done.
fn stopped_before(w: &Words, verb_start: usize) -> bool {
    const STOPPING: &[&str] = &[
        "stop", "stops", "stopped", "stopping", "cease", "ceases", "ceased", "ceasing", "halt", "halts", "halted",
        "halting", "quit", "quits", "quitting",
    ];
    verb_start > 0 && w.tag_str(verb_start) == "VBG" && STOPPING.contains(&w.norm(verb_start - 1))
}

/// The negation among the three words before a verb that belongs to it: not one
/// of a verb of intent whose infinitive it is ("won't try to clash" negates the
/// trying, and the clash is only intended), though "not to" negates the infinitive
/// ("agreed not to attack").
fn negation_before(w: &Words, verb_start: usize) -> Option<usize> {
    (verb_start.saturating_sub(3)..verb_start)
        .rev()
        .find(|&i| w.is(i, NEGATION))
        .filter(|&i| !(i + 1..verb_start).any(|j| w.norm(j) == "to" && (i + 1..j).any(|k| expresses_intent(w.norm(k)))))
}

fn is_hypothetical(w: &Words, verb_start: usize, clause_start: usize) -> bool {
    let near = verb_start.saturating_sub(4).max(clause_start)..verb_start;
    // ("may have launched cyber attacks": a modal of possibility with a perfect reports an
    // act that may have been done, not one anyone means to do)
    let possibly_done =
        |i: usize| EPISTEMIC_MODALS.contains(&w.norm(i)) && i + 1 < verb_start && w.norm(i + 1) == "have";
    near.clone().any(|i| is_modal(w, i) && !possibly_done(i))
        || (clause_start..verb_start).any(|i| w.is(i, CONDITIONAL))
        // "seeks to mediate", "threatened to strike": intent verb shortly before "to VERB"
        || (verb_start >= 2 && w.norm(verb_start - 1) == "to" && near.clone().any(|i| expresses_intent(w.norm(i))))
        || (verb_start >= 3 && w.norm(verb_start - 1) == "and" && w.norm(verb_start - 3) == "to")
}

/// The event's date: the nearest time expression in the sentence at the verb's
/// clause level, else the publication date.
fn event_date(
    cx: &SentenceCtx,
    v: &VerbHit,
    vspan: Span,
    words: Range<usize>,
) -> (Option<String>, Option<Precision>, Option<Span>, bool) {
    let w = cx.words;
    let perfect = perfect_before(w, v.words.start);
    let word_at = |pos: usize| w.words.iter().position(|x| x.span.start >= pos).unwrap_or(w.len().saturating_sub(1));
    let t = cx
        .times
        .iter()
        .filter(|t| words.contains(&word_at(t.span.start)) && w.same_clause_level(word_at(t.span.start), v.words.start))
        // "since 2011" dates an event only in the perfect ("has launched ... since 2016");
        // with a simple past it describes a state around it ("thanked Turkey for hosting
        // refugees since 2011")
        .filter(|t| !t.open_ended || perfect)
        .min_by_key(|t| {
            if t.span.start >= vspan.end {
                t.span.start - vspan.end
            } else {
                vspan.start.saturating_sub(t.span.end)
            }
        });
    let published = cx.doc.article.published;
    match t {
        Some(t) => {
            let historical = !t.open_ended
                && published.is_some_and(|p| {
                    period_end(&t.value, t.precision).is_some_and(|e| (p - e).num_days() > HISTORICAL_AFTER_DAYS)
                });
            (Some(t.value.clone()), Some(t.precision), Some(t.span), historical)
        }
        None => (published.map(|p| p.to_string()), published.map(|_| Precision::Day), None, false),
    }
}

/// The last day of an ISO date, month or year.
fn period_end(value: &str, precision: Precision) -> Option<NaiveDate> {
    match precision {
        Precision::Day => NaiveDate::parse_from_str(value, "%Y-%m-%d").ok(),
        Precision::Month => {
            let first = NaiveDate::parse_from_str(&text!("{value}-01"), "%Y-%m-%d").ok()?;
            let next = if first.month() == 12 {
                NaiveDate::from_ymd_opt(first.year() + 1, 1, 1)
            } else {
                NaiveDate::from_ymd_opt(first.year(), first.month() + 1, 1)
            }?;
            next.pred_opt()
        }
        Precision::Year => NaiveDate::from_ymd_opt(value.get(..4)?.parse().ok()?, 12, 31),
    }
}

/// The first actor after `from` (and before `end`) introduced by "with", describing words
/// allowed between ("with the leaders of France").
fn with_partner(w: &Words, ms: &[Mention], from: usize, end: usize, actor: &dyn Fn(&usize) -> bool) -> Option<usize> {
    (0..ms.len()).filter(actor).find(|&i| {
        let start = ms[i].words.start;
        start > from
            && ms[i].words.end <= end
            && w.same_clause_level(start, from)
            && (start.saturating_sub(5).max(from)..start).rev().any(|k| {
                w.norm(k) == "with"
                    && (k + 1..start)
                        .all(|j| !w.words[j].punct && (w.norm(j) == "of" || !PREPOSITIONS.contains(&w.norm(j))))
            })
    })
}

/// Is word `j` a plain word of a noun phrase: no punctuation, preposition or part of a
/// mention?
fn plain_word(w: &Words, ms: &[Mention], j: usize) -> bool {
    !w.words[j].punct && !PREPOSITIONS.contains(&w.norm(j)) && !ms.iter().any(|m| m.words.contains(&j))
}

/// Whom a claim after the verb `v` is about: "launched a probe into [claims] that [two
/// officers] beat ...". Within eight words after the verb (no punctuation between), a
/// noun of claims before `end` (the verb's clause, which "that" may close), "that", and
/// an actor right after it (determiners and numbers between, at most three words); that
/// actor.
fn claimed_subject(
    w: &Words,
    ms: &[Mention],
    v: &VerbHit,
    end: usize,
    actor: &dyn Fn(&usize) -> bool,
) -> Option<usize> {
    const CLAIM_NOUNS: &[&str] = &[
        "claim",
        "claims",
        "allegation",
        "allegations",
        "report",
        "reports",
        "accusation",
        "accusations",
        "suspicion",
        "suspicions",
    ];
    let stop = (v.words.end + 8).min(end).min(w.len().saturating_sub(1));
    let noun = (v.words.end..stop)
        .take_while(|&k| !w.words[k].punct)
        .find(|&k| CLAIM_NOUNS.contains(&w.norm(k)) && w.norm(k + 1) == "that")?;
    (0..ms.len()).filter(actor).find(|&i| {
        let start = ms[i].words.start;
        start > noun + 1
            && start <= noun + 5
            && (noun + 2..start).all(|j| {
                let n = w.norm(j);
                DETERMINERS.contains(&n) || QUANTITIES.contains(&n) || is_number(n)
            })
    })
}

/// Whom a thing asked for is to come from: "wanted [answers] from the mayor".
/// Right after the verb `v` (and its particles), a noun phrase of at most four plain words
/// whose head is a noun of what one asks of someone, then "from", at most three plain
/// words and an actor before `end`; that actor.
fn asked_from(w: &Words, ms: &[Mention], v: &VerbHit, end: usize, actor: &dyn Fn(&usize) -> bool) -> Option<usize> {
    const ASKED_NOUNS: &[&str] = &[
        "explanation",
        "explanations",
        "apology",
        "answer",
        "answers",
        "information",
        "clarification",
        "assurance",
        "assurances",
        "guarantee",
        "guarantees",
        "compensation",
        "reparations",
        "help",
        "assistance",
        "aid",
        "support",
        "cooperation",
        "commitment",
        "commitments",
        "details",
        "report",
        "response",
    ];
    let plain = |j: usize| plain_word(w, ms, j);
    let from = (v.words.end + 1..(v.words.end + 6).min(end)).find(|&j| w.norm(j) == "from")?;
    if !(v.words.end..from).all(plain) || !ASKED_NOUNS.contains(&w.norm(from - 1)) {
        return None;
    }
    (0..ms.len()).filter(actor).find(|&i| {
        let start = ms[i].words.start;
        start > from && start <= from + 4 && ms[i].words.end <= end && (from + 1..start).all(plain)
    })
}

/// The other side of the relations an actor's mention `t` modifies: "[government] talks
/// with the president", "[Chad]'s border with Sudan". After the mention (and
/// its "'s"), at most three plain words ending in a noun of relations, then "with" and
/// the partner, found as `with_partner` finds it; that partner. No preposition may come
/// between the verb's end `verb_end` and the mention.
fn partner_past_modifier(
    w: &Words,
    ms: &[Mention],
    t: usize,
    verb_end: usize,
    end: usize,
    actor: &dyn Fn(&usize) -> bool,
) -> Option<usize> {
    if (verb_end..ms[t].words.start).any(|j| w.is(j, PREPOSITION_WORD)) {
        return None;
    }
    let mut k = ms[t].words.end;
    if k < end && matches!(w.norm(k), "'s" | "'") {
        k += 1;
    }
    let with = (k + 1..(k + 4).min(end)).find(|&j| w.norm(j) == "with")?;
    let plain = (k..with).all(|j| plain_word(w, ms, j));
    if !plain || !RELATION_NOUNS.contains(&w.norm(with - 1)) {
        return None;
    }
    with_partner(w, ms, with - 1, end, actor)
}

/// The actor whose attack a pattern's attack noun names: "[Mordor]'s brutal attacks"
/// (at most two describing words between the "'s" and the noun); that mention.
fn attacker_possessor(w: &Words, ms: &[Mention], pm: &PatternMatch, actor: &dyn Fn(&usize) -> bool) -> Option<usize> {
    let noun = pm.words.iter().map(|r| r.start).find(|&k| ATTACK_NOUNS.contains(&w.norm(k)))?;
    let pos = (noun.saturating_sub(3)..noun).rev().find(|&k| w.norm(k) == "'s")?;
    let plain = (pos + 1..noun).all(|j| plain_word(w, ms, j));
    if !plain {
        return None;
    }
    (0..ms.len()).filter(actor).find(|&i| ms[i].words.end == pos)
}

/// Nouns of inquiry a pattern of investigating names ("launched an investigation").
const INQUIRY_NOUNS: &[&str] =
    &["investigation", "investigations", "inquiry", "inquiries", "enquiry", "enquiries", "probe", "probes"];

/// Whether the pattern's noun of inquiry after the verb is followed by a preposition that
/// does not say what it is into ("a probe in the aftermath of ...", "an inquiry
/// after the crash"): the actors after it are not what is investigated. A noun followed
/// by "into", "of", "against", "over", "on", "concerning", "regarding" or "about" (a
/// date or an adverb may stand between: "an inquiry on Monday into ...") is aimed.
fn inquiry_unaimed(w: &Words, v: &VerbHit, pm: &PatternMatch, window: &Range<usize>) -> bool {
    let Some(noun) =
        pm.words.iter().map(|r| r.end - 1).find(|&k| k >= v.words.end && INQUIRY_NOUNS.contains(&w.norm(k)))
    else {
        return false;
    };
    let next = noun + 1;
    if next >= window.end.min(w.len()) {
        return false;
    }
    let aim = |k: usize| {
        matches!(
            w.norm(k),
            "into" | "of" | "against" | "over" | "on" | "concerning" | "regarding" | "about" | "targeting"
        )
    };
    !aim(next) && PREPOSITION_SET.contains(w.norm(next))
}

/// The actor named after "by" behind the verb's object when that object is an act done
/// "of" the targets ("the arrest of opposition leaders by the police", "the jailing of
/// two reporters by Turkey"): the act's noun right after the verb (a determiner, a
/// possessive or describing words before it), "of", the target actors, then "by" and
/// the agent (a determiner or describing words between).
fn agent_of_act(w: &Words, ms: &[Mention], v: &VerbHit, targets: &[Target], window: &Range<usize>) -> Option<usize> {
    let first = targets.iter().find_map(|t| match *t {
        Target::Mention(i) => Some(i),
        _ => None,
    })?;
    let last = targets.iter().filter_map(|t| if let Target::Mention(i) = *t { Some(i) } else { None }).max()?;
    let mut k = ms[first].words.start;
    while k > v.words.end && matches!(w.tag_str(k - 1), "DT" | "CD" | "JJ" | "PRP$") {
        k -= 1;
    }
    // "of" after the act's noun, which follows the verb with only determiners and
    // describing words before it
    if k < v.words.end + 2 || w.norm(k - 1) != "of" || !matches!(w.tag_str(k - 2), "NN" | "NNS") {
        return None;
    }
    let noun = k - 2;
    if !(v.words.end..noun).all(|j| matches!(w.tag_str(j), "DT" | "JJ" | "PRP$" | "POS") || w.norm(j) == "'s") {
        return None;
    }
    let by = ms[last].words.end;
    if by >= window.end.min(w.len()) || w.norm(by) != "by" {
        return None;
    }
    let i = ms.iter().position(|m| m.words.start > by && m.words.start <= by + 3 && !m.location)?;
    (by + 1..ms[i].words.start).all(|j| matches!(w.tag_str(j), "DT" | "JJ")).then_some(i)
}

/// Prepositions that name what an act is aimed at ("protested against the law", "imposed
/// a curfew on parts of Kashmir", "an investigation into the deal").
const AIMED_AT: &[&str] = &["against", "on", "into", "at", "over", "to", "of"];

/// Nouns of time: a noun phrase they head is when, not what ("last week", "this year").
const TIME_NOUNS: &[&str] = &[
    "today",
    "yesterday",
    "tonight",
    "tomorrow",
    "day",
    "days",
    "week",
    "weeks",
    "weekend",
    "month",
    "months",
    "year",
    "years",
    "morning",
    "afternoon",
    "evening",
    "night",
    "time",
    "times",
    "decade",
    "decades",
    "hour",
    "hours",
];

/// Support verbs: their object names the act itself ("launched an offensive", "held
/// talks", "imposed a curfew", "filed a complaint"), the means ("threw stones at") or a
/// state ("remained on alert"), not what it is aimed at.
const SUPPORT_VERBS: &[&str] = &[
    "launch",
    "stage",
    "hold",
    "conduct",
    "carry out",
    "impose",
    "open",
    "begin",
    "start",
    "make",
    "take",
    "issue",
    "file",
    "have",
    "mount",
    "wage",
    "lodge",
    "level",
    "express",
    "announce",
    "declare",
    "order",
    "sign",
    "reach",
    "resume",
    "continue",
    "step up",
    "intensify",
    "call",
    "stop",
    "end",
    "raise",
    "put",
    "set up",
    "pass",
    "adopt",
    "approve",
    "establish",
    "form",
    "create",
    "hand",
    "do",
    "cast",
    "throw",
    "hurl",
    "fire",
    "drop",
    "use",
    "lay",
    "carry",
    "remain",
    "stay",
    "become",
    "keep",
];

/// A head noun that names a time ("the week", "Friday", "March"), not what an act is aimed at.
fn names_a_time(n: &str) -> bool {
    // (a month shortened with a full stop too: "Dec.", "Sept.")
    let short_month = n.strip_suffix('.').and_then(dyad_core::calendar::month_abbreviation).is_some();
    TIME_NOUNS.contains(&n)
        || short_month
        || dyad_core::calendar::weekday(n.trim_end_matches('.')).is_some()
        || dyad_core::calendar::month_number(n.trim_end_matches('.')).is_some()
}

/// The first word after the verb `v` past its particles and adverbs ("handed over",
/// "condemned strongly"), within the clause `window`.
fn past_particles(w: &Words, v: &VerbHit, window: &Range<usize>) -> usize {
    let mut k = v.words.end;
    while k < window.end && w.words[k].tag.is_some_and(|t| tag_is!(t, "RP" | "RB")) {
        k += 1;
    }
    k
}

/// Directions that may stand before a place's name ("northern Syria", "into South Vietnam").
fn is_direction(n: &str) -> bool {
    matches!(n, "north" | "south" | "east" | "west" | "northern" | "southern" | "eastern" | "western" | "central")
}

/// Nouns for what two parties have or do together ("held talks", "signed a pact",
/// "deepen a partnership"; "its border with Iraq").
const RELATION_NOUNS: &[&str] = &[
    "talks",
    "meeting",
    "meetings",
    "negotiations",
    "dialogue",
    "summit",
    "contacts",
    "border",
    "borders",
    "frontier",
    "ties",
    "relations",
    "deal",
    "agreement",
    "accord",
    "treaty",
    "alliance",
    "partnership",
    "cooperation",
    "ceasefire",
    "truce",
    "pact",
    "relationship",
    "exercises",
    "drills",
];

/// What a verb of taking takes when it takes authority ("seized power", "took control",
/// "assumed command"): the act is aimed at whom or what the authority is over, never
/// at the authority itself. Only as a bare object (describing words allowed: "full
/// control"); "gun control" or "the command" is a thing like any other.
const TAKEN_AUTHORITY: &[&str] = &["power", "control", "command"];

/// The noun phrase a verb acts on when it names no actor: its direct object ("condemned
/// [the attacks]", "boycotted [the vote]", "rejected [the draft truce resolution]"), or,
/// when the object names the act itself (a support verb's: "imposed {a curfew}"; what a
/// transfer moves: "sent aid"), the noun phrase after a preposition that says at what the
/// act is aimed ("on [parts] of Kashmir"), or after the verb's own preposition
/// ("protested against [the law]"). Its first word and its head; None when a pronoun, a
/// time, an actor or a place stands there, or the noun phrase is the subject of a clause
/// of its own ("warned the talks would fail").
fn topic_object(w: &Words, ms: &[Mention], v: &VerbHit, window: &Range<usize>) -> Option<(usize, usize)> {
    let tag = |k: usize| w.tag_str(k);
    // the noun phrase from `k`: determiners, numbers, describing words and nouns, up to
    // its head, the last noun
    let noun_phrase = |k: usize| -> Option<usize> {
        let np = |j: usize| {
            matches!(
                tag(j),
                "DT" | "PDT" | "PRP$" | "CD" | "JJ" | "JJR" | "JJS" | "NN" | "NNS" | "NNP" | "NNPS" | "POS"
            ) || (matches!(tag(j), "VBN" | "VBG") && j + 1 < w.len() && matches!(tag(j + 1), "NN" | "NNS" | "JJ"))
                || w.words[j].hyphen_after
        };
        // (a determiner after a noun opens another noun phrase: "shelled the tree a
        // church group put up" is aimed at the tree)
        let opens_another = |j: usize| {
            j > k && matches!(tag(j), "DT" | "PDT" | "PRP$") && w.words[j - 1].tag.is_some_and(|t| t.is_noun())
        };
        let mut end = k;
        while end < window.end && np(end) && !opens_another(end) {
            end += 1;
        }
        (k..end).rev().find(|&j| w.words[j].tag.is_some_and(|t| t.is_noun()))
    };
    let k = past_particles(w, v, window);
    if k >= window.end {
        return None;
    }
    let lemma = v.form.lemma.as_str();
    let names_act = SUPPORT_OR_TRANSFER.contains(lemma);
    let mut found = None;
    if let Some(head) = noun_phrase(k) {
        if !names_act {
            found = Some((k, head));
        } else {
            // what the act is aimed at, after the noun that names it
            let p = head + 1;
            if p + 1 < window.end && AIMED_AT.contains(&w.norm(p)) {
                found = noun_phrase(p + 1).map(|h| (p + 1, h));
            }
        }
    } else if AIMED_AT.contains(&w.norm(k)) && w.norm(k) != "of" && k + 1 < window.end {
        if w.norm(k) == "to" && tag(k + 1) == "VB" {
            return None;
        }
        found = noun_phrase(k + 1).map(|h| (k + 1, h));
    }
    let (mut start, mut head) = found?;
    // "seized control of the port": power or control is what is taken, not what the
    // act is aimed at; that is what it is taken "of" or "over", if the phrase names it
    if TAKEN_AUTHORITY.contains(&w.norm(head)) && (start..head).all(|j| tag(j) == "JJ") {
        let p = head + 1;
        if p + 1 >= window.end || !matches!(w.norm(p), "of" | "over") {
            return None;
        }
        (start, head) = noun_phrase(p + 1).map(|h| (p + 1, h))?;
    }
    let inside = |m: &Mention| m.words.start <= head && m.words.end > start;
    let n = w.norm(head);
    // "shoot anyone": a pronoun stands for actors the coder cannot name
    let pronoun = matches!(n, "anyone" | "anybody" | "everyone" | "everybody" | "someone" | "somebody" | "nobody");
    let when = pronoun || names_a_time(n);
    (!when && !ms.iter().any(inside) && !w.finite_verb_at(head + 1)).then_some((start, head))
}

/// The actor a participle after the verb's object names by "on", "against" or "by":
/// "lifted restrictions imposed on Olmert" (on whom the lifted thing weighs),
/// "condemned the threats made by the United States" (whose the condemned thing is).
/// The object is a plain noun phrase right after the verb, the participle follows it,
/// and the actor comes right after the preposition (determiners and describing words
/// between).
fn participle_object(w: &Words, ms: &[Mention], verbs: &[VerbHit], v: &VerbHit) -> Option<usize> {
    let tag = |k: usize| w.tag_str(k);
    let x = verbs.iter().find(|x| x.words.start > v.words.end)?;
    // a phrasal verb's particle may follow the participle ("the plan drawn up by", "the
    // proposals laid out by"); and a past form the tagger read as a past tense is still a
    // participle when "by" and its agent follow it right after a noun (English has no
    // active past tense that takes its subject's agent after "by")
    let p = if x.words.end < w.len() && tag(x.words.end) == "RP" { x.words.end + 1 } else { x.words.end };
    let by_agent = p < w.len() && w.norm(p) == "by";
    if x.tense != Form::Past || !(tag(x.words.start) == "VBN" || (tag(x.words.start) == "VBD" && by_agent)) {
        return None;
    }
    let object = v.words.end..x.words.start;
    let np_word = |k: usize| {
        matches!(tag(k), "DT" | "PDT" | "PRP$" | "CD" | "JJ" | "JJR" | "NN" | "NNS" | "NNP" | "NNPS" | "RB" | "CC")
            || (w.norm(k) == "of" && k > v.words.end)
            || (tag(k) == "VBG" && k + 1 < w.len() && matches!(tag(k + 1), "NN" | "NNS"))
            || w.words[k].hyphen_after
    };
    if object.is_empty()
        || !object.clone().all(np_word)
        || !object.clone().any(|k| matches!(tag(k), "NN" | "NNS"))
        || ms.iter().any(|m| !m.location && object.contains(&m.words.start))
    {
        return None;
    }
    if p >= w.len() || !matches!(w.norm(p), "on" | "against" | "by" | "upon") {
        return None;
    }
    // (describing words may stand before the name, a role noun too: "filed by defeated
    // senatorial candidate X")
    let i = ms.iter().position(|m| !m.location && m.words.start > p && m.words.start <= p + 6)?;
    (p + 1..ms[i].words.start)
        .all(|k| matches!(tag(k), "DT" | "JJ" | "CD" | "PRP$" | "NN" | "VBN") && !w.words[k].punct)
        .then_some(i)
}

/// Verbs of granting, whose object may be what another actor asked for.
const GRANTING_VERBS: &[&str] = &["grant", "approve", "accept", "fulfil", "fulfill"];

/// Verbs of asking, whose past participle with "by" names the asker ("sought by").
const ASKING_VERBS: &[&str] = &["seek", "request", "demand", "ask"];

/// "granted an order sought by the ACLU", "approved a transfer requested by Kyiv": a verb of
/// granting whose object carries a participle of asking with its agent after "by".
/// Returns the participle's words and the asker (a mention).
fn granted_request(w: &Words, ms: &[Mention], verbs: &[VerbHit], v: &VerbHit) -> Option<(Range<usize>, usize)> {
    if !GRANTING_VERBS.contains(&v.form.lemma.as_str()) {
        return None;
    }
    let t = participle_object(w, ms, verbs, v)?;
    let x = verbs.iter().find(|x| x.words.start > v.words.end)?;
    (ASKING_VERBS.contains(&x.form.lemma.as_str()) && w.norm(x.words.end) == "by").then(|| (x.words.clone(), t))
}

/// "defended Trump's decision", "released followers of the rebel leader": when the actor
/// in the object has the source's own code (no event of its own), the object's noun
/// phrase, with a common noun of its own, is what the act is aimed at, as a topic.
fn self_object_topic(
    w: &Words,
    ms: &[Mention],
    v: &VerbHit,
    sources: &[usize],
    window: &Range<usize>,
) -> Option<(usize, usize)> {
    let tag = |k: usize| w.tag_str(k);
    let k = past_particles(w, v, window);
    let in_mention = |j: usize| ms.iter().any(|m| !m.location && m.words.contains(&j));
    let np = |j: usize| {
        matches!(tag(j), "DT" | "PDT" | "PRP$" | "CD" | "JJ" | "JJR" | "JJS" | "NN" | "NNS" | "NNP" | "NNPS" | "POS")
            || w.norm(j) == "'s"
            || (tag(j) == "VBG" && j + 1 < w.len() && matches!(tag(j + 1), "NN" | "NNS"))
            || w.words[j].hyphen_after
            || in_mention(j)
    };
    let mut e = k;
    while e < window.end && (np(e) || (w.norm(e) == "of" && e > k && e + 1 < window.end && np(e + 1))) {
        e += 1;
    }
    let head = (k..e).rev().find(|&j| w.words[j].tag.is_some_and(|t| t.is_noun()) || in_mention(j))?;
    let own = ms.iter().any(|m| {
        !m.location && m.words.start >= k && m.words.end <= head + 1 && sources.iter().any(|&s| ms[s].code == m.code)
    });
    let common_noun = (k..=head).any(|j| matches!(tag(j), "NN" | "NNS") && !in_mention(j));
    let other = ms.iter().any(|m| {
        !m.location && m.words.start >= k && m.words.end <= head + 1 && !sources.iter().any(|&s| ms[s].code == m.code)
    });
    (own && common_noun && !other).then_some((k, head))
}

/// Verbs whose object is made by the act ("set up a company", "build a hospital").
const CREATION_VERBS: &[&str] = &["set up", "establish", "create", "build"];

/// The place a creation verb's object is made in ("set up a company in Berlin"): the
/// object is the noun phrase right after the verb, and a place with a country follows it
/// after "in" in the clause.
fn created_in(w: &Words, ms: &[Mention], v: &VerbHit, targets: &[Target], window: &Range<usize>) -> Option<usize> {
    let tag = |k: usize| w.tag_str(k);
    let Some(&Target::Mention(first)) = targets.first() else { return None };
    if !targets.iter().all(|t| matches!(t, Target::Mention(i) if ms[*i].kind != ActorKind::Country)) {
        return None;
    }
    let np_word = |k: usize| {
        matches!(tag(k), "DT" | "PRP$" | "CD" | "JJ" | "NN" | "NNS" | "NNP" | "NNPS" | "POS") || w.words[k].hyphen_after
    };
    if !(v.words.end..ms[first].words.start).all(np_word) {
        return None;
    }
    let end = targets.iter().map(|t| if let Target::Mention(i) = t { ms[*i].words.end } else { 0 }).max()?;
    let p = ms.iter().position(|m| {
        m.location && m.words.start > end && m.words.end <= window.end && m.code.country().is_some() && {
            let mut k = m.words.start;
            while k > end && w.is(k - 1, DETERMINER) {
                k -= 1;
            }
            k > end && w.norm(k - 1) == "in"
        }
    })?;
    Some(p)
}

/// "imposed a curfew in parts of Kashmir", "began an investigation into the funds": the
/// noun phrase after the verb is the pattern's own noun (or a compound it opens, "a
/// curfew order"), and the one after it behind
/// "in", "into", "on" or "against" is what the act is aimed at (its first and last word);
/// for an act of cooperation (`cooperative`), so is the one behind "with".
fn pattern_noun_topic(
    w: &Words,
    ms: &[Mention],
    v: &VerbHit,
    pm: &PatternMatch,
    window: &Range<usize>,
    cooperative: bool,
) -> Option<(usize, usize)> {
    let tag = |k: usize| w.tag_str(k);
    let pattern_word = |k: usize| pm.words.iter().any(|r| r.contains(&k));
    let np = |k: usize| {
        matches!(tag(k), "DT" | "PDT" | "PRP$" | "CD" | "JJ" | "JJR" | "JJS" | "NN" | "NNS" | "NNP" | "NNPS" | "$")
            || w.words[k].hyphen_after
    };
    let k = past_particles(w, v, window);
    let mut end = k;
    while end < window.end && (np(end) || pattern_word(end)) {
        end += 1;
    }
    // ... or the pattern's noun with the nouns of a compound after it, which it
    // describes ("extended the curfew order in the district", "the curfew hours")
    let last_pattern_word = (k..end).rev().find(|&j| pattern_word(j));
    let compound_after = |p: usize| end - p <= 3 && (p + 1..end).all(|j| matches!(tag(j), "NN" | "NNS"));
    if end == k || !last_pattern_word.is_some_and(compound_after) || end + 1 >= window.end {
        return None;
    }
    // ("seized power in a coup": where or how power is taken, not at what)
    if TAKEN_AUTHORITY.contains(&w.norm(end - 1)) {
        return None;
    }
    // (an act of cooperation is aimed at the partner it is done "with": "will join forces
    // with the liberal group")
    let aimed_by = matches!(w.norm(end), "in" | "into" | "on" | "against") || (cooperative && w.norm(end) == "with");
    if !aimed_by {
        return None;
    }
    let start = end + 1;
    let mut e = start;
    while e < window.end && (np(e) || (w.norm(e) == "of" && e > start && e + 1 < window.end && np(e + 1))) {
        e += 1;
    }
    let head = (start..e).rev().find(|&j| w.words[j].tag.is_some_and(|t| t.is_noun()) || tag(j) == "CD")?;
    let n = w.norm(head);
    // (a date says when, not at what: "walked out on Nov. 3", whose head is the day)
    let when = names_a_time(n) || (tag(head) == "CD" && head > start && names_a_time(w.norm(head - 1)));
    let inside = |m: &Mention| m.words.start <= head && m.words.end > start;
    (!when && !ms.iter().any(inside)).then_some((start, head))
}

/// The thing accused ("accused [the new law] of harming journalists", "blamed [the
/// drought] for the unrest"): a noun phrase naming no actor right after a verb of
/// accusing, followed by "of" or "for", when the actors found as targets all stand in
/// what it is accused of. Its first word and its head.
fn accused_thing(
    w: &Words,
    ms: &[Mention],
    v: &VerbHit,
    targets: &[Target],
    window: &Range<usize>,
) -> Option<(usize, usize)> {
    if !matches!(v.form.lemma.as_str(), "accuse" | "blame" | "charge" | "fault") || targets.is_empty() {
        return None;
    }
    let (start, head) = topic_object(w, ms, v, window)?;
    if head + 1 >= w.len() || !matches!(w.norm(head + 1), "of" | "for") {
        return None;
    }
    targets.iter().all(|t| matches!(*t, Target::Mention(i) if ms[i].words.start > head + 1)).then_some((start, head))
}

/// The person a sentence's first actor mention names, when it stands before every
/// source of the verb and is none of them: what "him" or "her" after the verb points
/// back to ("Ali Musa was freed after the president pardoned him").
fn opening_person(ms: &[Mention], sources: &[usize]) -> Option<usize> {
    let first_source = sources.iter().map(|&s| ms[s].words.start).min()?;
    let i = ms.iter().position(|m| !m.location)?;
    let m = &ms[i];
    let same = |s: &usize| ms[*s].code == m.code && m.code.as_str() != UNKNOWN_CODE;
    (m.kind == ActorKind::Person && m.words.end <= first_source && !sources.contains(&i) && !sources.iter().any(same))
        .then_some(i)
}

/// Singular nouns of the actor dictionaries' roles that name a body or a thing, not a
/// person: "him" or "her" never stands for them ("the court", "the company", "a cargo ship").
const BODY_NOUNS: &[&str] = &[
    "court",
    "government",
    "ministry",
    "company",
    "firm",
    "army",
    "military",
    "police",
    "parliament",
    "council",
    "committee",
    "agency",
    "office",
    "party",
    "administration",
    "embassy",
    "bank",
    "university",
    "regime",
    "authority",
    "department",
    "commission",
    "tribunal",
    "assembly",
    "senate",
    "congress",
    "cabinet",
    "board",
    "union",
    "organization",
    "organisation",
    "group",
    "movement",
    "network",
    "website",
    "newspaper",
    "service",
    "force",
    "team",
    "coalition",
    "alliance",
    "state",
    "prison",
    "presidency",
    "junta",
    "navy",
    "command",
    "ship",
    "vessel",
    "tanker",
    "boat",
    "plane",
    "aircraft",
    "jet",
    "helicopter",
    "vehicle",
    "car",
    "truck",
    "convoy",
    "station",
    "plant",
    "factory",
    "mine",
    "hospital",
    "school",
    "camp",
    "base",
    "media",
    "press",
    "industry",
    "sector",
    "market",
    "church",
    "mosque",
    "temple",
    "club",
    "family",
    "community",
    "village",
    "town",
    "city",
];

/// The last actor named before `before` that `fits` and is none of `sources` (nor of
/// their code): whom a pronoun after a verb stands for (see [`last_person_before`],
/// [`last_plural_before`]). None when that actor is one of `sources`.
fn last_antecedent(ms: &[Mention], sources: &[usize], before: usize, fits: impl Fn(usize) -> bool) -> Option<usize> {
    let same = |m: &Mention| sources.iter().any(|&s| ms[s].code == m.code && m.code.as_str() != UNKNOWN_CODE);
    (0..ms.len())
        .rev()
        .find(|&i| ms[i].words.end <= before && !ms[i].location && fits(i) && !same(&ms[i]))
        .filter(|i| !sources.contains(i))
}

/// The last person named before `before` (see [`last_antecedent`]): whom "him" or "her"
/// after a verb stands for, when the sentence does not open with it. A person is one the
/// dictionaries or the entity tagger name, or a role in the singular that names no body
/// ("the Saudi dissident", "an Islamic State militant").
/// (Not one a comparison sets apart: see [`compared`].)
fn last_person_before(w: &Words, ms: &[Mention], sources: &[usize], before: usize) -> Option<usize> {
    last_antecedent(ms, sources, before, |i| names_a_person(w, &ms[i]) && !compared(w, ms, i))
}

/// Where the determiners right before word `start` begin ("the", "its", ...): `start`
/// when there are none.
fn determiners_start(w: &Words, start: usize) -> usize {
    let mut k = start;
    while k > 0 && w.is(k - 1, DETERMINER) {
        k -= 1;
    }
    k
}

/// Is the mention `i` what a comparison opening the sentence sets apart from its
/// subject: "Unlike Hitler, he never did jail time", "Like his father, he"? It is
/// neither the subject nor whom a pronoun there stands for.
fn compared(w: &Words, ms: &[Mention], i: usize) -> bool {
    let k = determiners_start(w, ms[i].words.start);
    k > 0 && (w.norm(k - 1) == "unlike" || (k == 1 && w.norm(0) == "like"))
}

/// Does the mention name one person: a person the dictionaries or the entity tagger
/// name, or a role in the singular that names no body ("the Saudi dissident", "an
/// Islamic State militant")?
fn names_a_person(w: &Words, m: &Mention) -> bool {
    let last = m.words.end - 1;
    m.kind == ActorKind::Person
        || ((matches!(m.kind, ActorKind::Agent | ActorKind::Group) || m.code.sector().is_some())
            && w.tag_str(last) == "NN"
            && !BODY_NOUNS.contains(&w.norm(last)))
}

/// The last actor named in the plural before `before` ("2,000 villagers", "the rebels"),
/// or the last of actors joined by "and" (see [`last_antecedent`]): whom "them" after a
/// verb stands for.
fn last_plural_before(w: &Words, ms: &[Mention], sources: &[usize], before: usize) -> Option<usize> {
    last_antecedent(ms, sources, before, |i| {
        matches!(w.tag_str(ms[i].words.end - 1), "NNS" | "NNPS")
            || ms[i].coordinated
            || ms.get(i + 1).is_some_and(|n| n.coordinated && n.words.start < before)
    })
}

/// Whether the mention `i` is a country set off by a comma right after a place in that
/// country ("in Idlib, Syria's last enclave", "in Aleppo, Syria"): it locates the place.
fn locates_place(w: &Words, ms: &[Mention], i: usize) -> bool {
    let m = &ms[i];
    let s = m.words.start;
    m.kind == ActorKind::Country
        && m.code.sector().is_none()
        && s >= 2
        && w.norm(s - 1) == ","
        && ms.iter().any(|p| p.location && p.words.end == s - 1 && p.code.country() == m.code.country())
}

/// The country or place right after "in" behind a role that names no country ("people
/// in Somalia", "300,000 people in northeast Nigeria"): whose people they are.
fn role_in_place(w: &Words, ms: &[Mention], i: usize, window: &Range<usize>) -> Option<usize> {
    let m = &ms[i];
    // "people" alone, or already given the country of the place after "in" (TCDPPL)
    if m.kind != ActorKind::Agent || !matches!(m.code.sector(), Some("PPL" | "CVL")) {
        return None;
    }
    let e = m.words.end;
    if e + 1 >= window.end || w.norm(e) != "in" {
        return None;
    }
    let mut j = e + 1;
    while j < window.end
        && (w.is(j, DETERMINER)
            || is_direction(w.norm(j))
            || matches!(w.norm(j), "northeast" | "northwest" | "southeast" | "southwest"))
    {
        j += 1;
    }
    ms.iter().position(|p| {
        p.words.start == j
            && p.words.end <= window.end
            && ((p.location && p.code.country().is_some())
                || (p.kind == ActorKind::Country && p.code.sector().is_none())
                // "people in Chad, Niger and Mali": a list of countries after "in"
                // shares the role, so the first country carries it (TCDPPL) too
                || (p.kind == ActorKind::Country && m.code.country().is_some()))
            && m.code.country().is_none_or(|c| p.code.country() == Some(c))
            // "villages in Darfur" (SDNCVL): a role that already carries the country of a
            // region or town inside it keeps it; only a country itself stands for its people
            && (m.code.country().is_none() || names_country(w, p))
    })
}

/// Whether the mention is a country by its own name ("Somalia") or its adjective ("the
/// Chinese capital"), not a region or town the dictionary files under one ("Darfur" under
/// SUDAN).
fn names_country(w: &Words, p: &Mention) -> bool {
    let adjective = p.words.len() == 1 && word_tag_is!(w, p.words.start, "JJ");
    let name = p.words.clone().map(|k| w.norm(k)).collect::<Vec<_>>().join(" ");
    adjective || crate::places::Gazetteer::embedded().country_named(&name).is_some()
}

/// People of no country ("people", "civilians") whose phrase runs on, without a comma,
/// a verb or another actor, to a place with a country: "killed 30 people in two attacks
/// in Chad", "gave tents to 5,000 people in the weeks after the flood in Chad". They are
/// that place's people; the place (a mention) is returned.
fn people_of_place(w: &Words, ms: &[Mention], i: usize, window: &Range<usize>) -> Option<usize> {
    let m = &ms[i];
    if m.kind != ActorKind::Agent || !matches!(m.code.as_str(), "PPL" | "CVL") {
        return None;
    }
    let end = window.end.min(m.words.end + 10);
    for k in m.words.end..end {
        if let Some(p) = ms.iter().position(|p| p.words.start == k) {
            let p_ok = ms[p].location && ms[p].code.country().is_some() && ms[p].words.end <= window.end;
            return p_ok.then_some(p);
        }
        if w.words[k].punct || w.words[k].tag.is_some_and(|t| t.is_verb()) {
            return None;
        }
    }
    None
}

/// "withdraw its troops from a zone along the border", "extend their peacekeeping mission
/// in the region": past the source's own forces or own plain noun phrase as the object,
/// what follows "from", "in", "to" or "into" is the act's target as a topic.
fn past_own_forces_topic(w: &Words, ms: &[Mention], v: &VerbHit, window: &Range<usize>) -> Option<(usize, usize)> {
    let tag = |k: usize| w.tag_str(k);
    let k = v.words.end;
    if k + 1 >= window.end || !matches!(w.norm(k), "its" | "their" | "his" | "her" | "our") {
        return None;
    }
    let own = ms.iter().find(|m| m.words.start == k + 1 && matches!(m.code.sector(), Some("MIL" | "COP" | "SPY")));
    let p = match own {
        Some(m) => m.words.end,
        None => {
            // ("extend their peacekeeping mission in ...": its own plain noun phrase)
            let mut j = k + 1;
            while j < window.end && matches!(tag(j), "JJ" | "NN" | "NNS") && !ms.iter().any(|m| m.words.contains(&j)) {
                j += 1;
            }
            if j == k + 1 || !matches!(tag(j - 1), "NN" | "NNS") {
                return None;
            }
            j
        }
    };
    if p + 1 >= window.end || !matches!(w.norm(p), "from" | "in" | "to" | "into") {
        return None;
    }
    let start = p + 1;
    let np = |j: usize| {
        matches!(tag(j), "DT" | "PDT" | "PRP$" | "CD" | "JJ" | "JJR" | "JJS" | "NN" | "NNS" | "NNP" | "NNPS")
            || w.words[j].hyphen_after
    };
    let mut e = start;
    while e < window.end && np(e) {
        e += 1;
    }
    let head = (start..e).rev().find(|&j| w.words[j].tag.is_some_and(|t| t.is_noun()))?;
    let inside = |m: &Mention| m.words.start <= head && m.words.end > start;
    (!names_a_time(w.norm(head)) && !ms.iter().any(inside)).then_some((start, head))
}

/// Aircraft or drones named near the verb ("drones hit", "warplanes struck", "in an air
/// strike"): what makes a fight one with aerial weapons.
fn aerial_weapon_near(w: &Words, v: &VerbHit) -> bool {
    let around = v.words.start.saturating_sub(4)..(v.words.end + 6).min(w.len());
    // (not "anti-aircraft batteries", "counter-drone systems": weapons against them)
    around.clone().filter(|&k| !(k > 0 && w.words[k - 1].hyphen_after)).any(|k| {
        matches!(
            w.norm(k),
            "drone"
                | "drones"
                | "uav"
                | "uavs"
                | "airstrike"
                | "airstrikes"
                | "aircraft"
                | "warplane"
                | "warplanes"
                | "jets"
                | "helicopter"
                | "helicopters"
                | "bombers"
        ) || (w.norm(k) == "air" && k + 1 < w.len() && matches!(w.norm(k + 1), "strike" | "strikes" | "raid" | "raids"))
    })
}

/// Is the gerund at `k` the grounds of another act: after "for" or "of" ("accused of
/// planning"), or after "with" following a charge ("charged the mayor with helping")?
fn grounds_gerund(w: &Words, k: usize) -> bool {
    word_tag_is!(w, k, "VBG") && k >= 1 && (matches!(w.norm(k - 1), "for" | "of") || charged_with(w, k))
}

/// Does "with" before `k` follow a charge ("charged (the mayor) with", "charges of")?
fn charged_with(w: &Words, k: usize) -> bool {
    k >= 2
        && w.norm(k - 1) == "with"
        && (k.saturating_sub(7)..k - 1).any(|j| matches!(w.norm(j), "charged" | "charge" | "charges" | "charging"))
}

/// Why the verb `v` names no act although it is a verb (and ends the clause of the verb
/// before it): it tells the means of another act ("deepen ties by promoting biofuels").
fn not_an_act(w: &Words, ms: &[Mention], v: &VerbHit) -> Option<&'static str> {
    // ... adverbs between ("accused Russia of deliberately attacking")
    let adverb = |k: usize| {
        w.words[k].tag.is_some_and(|t| tag_is!(t, "RB")) || (w.words[k].tag.is_none() && w.norm(k).ends_with("ly"))
    };
    let s = (0..v.words.start).rev().find(|&k| !adverb(k)).map_or(0, |k| k + 1);
    let prev = if s > 0 { w.norm(s - 1) } else { "" };
    if v.tense == Form::Ing && prev == "by" {
        Some("the means of another act (\"by ...ing\"), not an act of its own")
    } else if v.tense == Form::Ing && (matches!(prev, "for" | "of") || charged_with(w, s)) {
        Some("the grounds of another act (\"jailed for helping\", \"accused of attacking\"), not an act of its own")
    } else if v.tense == Form::Base && prev == "to" && s >= 2 && grounds_gerund(w, s - 2) {
        // "accused Minsk of plotting to seize power", "criticised for failing to condemn":
        // the infinitive of the grounds' gerund belongs to the grounds too
        Some("part of the grounds of another act (\"accused of plotting to seize\"), not an act of its own")
    } else if v.tense == Form::Ing && prev == "from" {
        Some("what someone is kept or refrains from (\"barred women from studying\"), not an act of its own")
    } else if v.tense == Form::Ing && matches!(prev, "after" | "before" | "while" | "upon" | "since") {
        Some("the time of another act (\"after leaving Eriador\"), not an act of its own")
    } else if v.form.lemma == "demonstrate"
        && (matches!(w.norm(v.words.end), "that" | "how" | "what" | "its" | "their" | "his" | "her" | "our")
            // ("has demonstrated hostility to voting rights", "demonstrated in the sixties
            // that ...": what is shown is its object, or a clause a little further on)
            || word_tag_is!(w, v.words.end, "DT" | "JJ" | "NN" | "NNS")
            || (v.words.end..(v.words.end + 8).min(w.len()))
                .take_while(|&k| w.norm(k) != ",")
                .any(|k| w.norm(k) == "that"))
    {
        // "the vote demonstrates that ...", "demonstrated its resolve": to show, no protest
        Some("shows something (\"demonstrates that ...\"), not a demonstration")
    } else if v.tense == Form::Ing && s == v.words.start && describes_thing(w, ms, s) {
        Some(
            "describes the thing named before it (\"boycotted the parade supporting Gondor\"), which does it, no actor",
        )
    } else {
        None
    }
}

/// Does "call" at `v` give a name or a description, rather than a telephone call or an
/// appeal? "a protest group called ReOpenNC" (a participle right after a noun), "what he
/// called a betrayal", "who she calls a friend" (the object a relative word before the
/// subject), "called Wilson \u{201c}an outstanding nominee\u{201d}", "called him a liar",
/// "called the ruling unfair." (the object followed by a quotation mark, "a" or "an", or
/// an adjective that ends the phrase). "called on", "called for", "called off" are left
/// to their patterns, and so are the insults the verb dictionary lists ("* liar"), which
/// code the naming.
fn names_or_describes(w: &Words, ms: &[Mention], v: &VerbHit) -> bool {
    let (start, end) = (v.words.start, v.words.end);
    if end >= w.len() || matches!(w.norm(end), "for" | "on" | "upon" | "off" | "back" | "in" | "out" | "up") {
        return false;
    }
    let tag = |k: usize| w.tag_str(k);
    // "a new group called ReOpenNC", "a group in North Carolina called ReOpenNC": a
    // thing or a place right before, a name right after (an actor right before is the
    // caller: "the president called Aoun")
    let before = start.checked_sub(1).map(|p| ms.iter().find(|m| m.words.contains(&p)));
    // (or a group named for the first time: "a new militia called ...")
    let introduced = |m: &Mention| {
        let mut k = m.words.start;
        while k > 0 && matches!(tag(k - 1), "JJ" | "JJR" | "JJS") {
            k -= 1;
        }
        !w.words[m.words.end - 1].capitalized
            && (matches!(w.norm(m.words.start), "a" | "an") || (k > 0 && matches!(w.norm(k - 1), "a" | "an")))
    };
    let thing_before = match before {
        Some(Some(m)) => m.location || introduced(m),
        Some(None) => matches!(tag(start - 1), "NN" | "NNS") && !w.words[start - 1].capitalized,
        None => false,
    };
    // (a day is no name: "an official newspaper called Thursday on Arabs to unite")
    let name_after =
        (w.words[end].capitalized && !names_a_time(w.norm(end))) || matches!(w.norm(end), "\"" | "\u{201c}" | "``");
    if v.tense == Form::Past && thing_before && name_after {
        return true;
    }
    // "what he called", "who she has long called": a relative or question word, the
    // subject and auxiliaries or adverbs before the verb
    let fronted = (start.saturating_sub(5)..start).rev().find(|&k| !w.is(k, AUX_OR_ADVERB_WORD)).is_some_and(|k| {
        let named = ms.iter().find(|m| m.words.end == k + 1);
        let subject_start = named.map_or(k, |m| m.words.start);
        (matches!(tag(k), "PRP" | "NNP" | "NNPS") || named.is_some())
            && subject_start > 0
            && matches!(w.norm(subject_start - 1), "what" | "who" | "whom" | "which" | "whatever")
    });
    if fronted {
        return true;
    }
    // the object, then what it is called
    let mut k = ms.iter().find(|m| m.words.start == end).map_or(end, |m| m.words.end);
    // (a noun phrase: determiners, then nouns, words joined by hyphens among them)
    let noun_phrase_end = |mut k: usize| {
        while k < w.len() && (w.is(k, DETERMINER) || tag(k) == "PRP$") {
            k += 1;
        }
        while k < w.len()
            && (matches!(tag(k), "PRP" | "NN" | "NNS" | "NNP" | "NNPS" | "JJ" | "VBN")
                || w.words[k].hyphen_after
                || (k > 0 && w.words[k - 1].hyphen_after))
        {
            k += 1;
        }
        k
    };
    if k == end {
        k = noun_phrase_end(k);
    }
    // ("Egypt's actions": the possessor and what it owns)
    if k < w.len() && w.norm(k) == "'s" {
        k = noun_phrase_end(k + 1);
    }
    if k == end || k >= w.len() {
        return false;
    }
    let quote = matches!(w.norm(k), "\"" | "\u{201c}" | "\u{2018}" | "'" | "``");
    let adjective_alone = tag(k) == "JJ" && (k + 1 >= w.len() || w.words[k + 1].punct);
    // (a time after the object is no name: "called Merkel a day later", "an hour after")
    let named = matches!(w.norm(k), "a" | "an")
        && !(k + 1..(k + 3).min(w.len()))
            .any(|j| names_a_time(w.norm(j)) || matches!(w.norm(j), "few" | "minute" | "minutes"));
    quote || named || adjective_alone
}

/// "signed a decree granting citizenship", "passed a law banning X": the enacted text's
/// participle is the act; the verb that signs, issues or passes the text (only a
/// determiner or modifier between) makes no event of its own, though it still gives the
/// participle its subject.
fn enacting_verbs(w: &Words, verbs: &[VerbHit<'_>]) -> Vec<Range<usize>> {
    let nouns: Vec<usize> = verbs
        .iter()
        .filter(|h| h.tense == Form::Ing && h.words.start >= 2 && ENACTING_NOUNS.contains(&w.norm(h.words.start - 1)))
        .map(|h| h.words.start - 1)
        .collect();
    verbs
        .iter()
        .filter(|h| nouns.iter().any(|&noun| h.words.end < noun && (h.words.end..noun).all(|k| np_modifier(w, k))))
        .map(|h| h.words.clone())
        .collect()
}

/// A determiner or modifier between a verb and the enacted text it signs or passes
/// ("signed a new decree").
/// A word of a time named relative to the publication date ("this month", "last week"),
/// a time whether or not the date is known (without it the time finder leaves such
/// phrases out, having no date to give them).
fn relative_time_word(w: &Words, k: usize) -> bool {
    const UNITS: &[&str] = &["week", "month", "year", "weekend", "morning", "afternoon", "evening", "night"];
    let relative = |j: usize| matches!(w.norm(j), "this" | "last" | "next");
    match w.norm(k) {
        "today" | "yesterday" | "tonight" => true,
        _ if relative(k) => UNITS.contains(&w.norm(k + 1)),
        n => UNITS.contains(&n) && k > 0 && relative(k - 1),
    }
}

fn np_modifier(w: &Words, k: usize) -> bool {
    w.is(k, DETERMINER) || w.words[k].tag.is_some_and(|t| tag_is!(t, "JJ" | "CD" | "PRP$" | "DT"))
}

/// Enacted texts: a decree, law or order that grants, lifts or bans something is the
/// act it names, by whoever signs, issues or passes it.
const ENACTING_NOUNS: &[&str] =
    &["decree", "law", "order", "ordinance", "bill", "resolution", "directive", "edict", "legislation"];

/// Documents and statements (singular), whose words are their authors' acts.
const DOCUMENT_NOUNS: &[&str] = &[
    "statement",
    "resolution",
    "lawsuit",
    "suit",
    "letter",
    "report",
    "declaration",
    "bill",
    "motion",
    "petition",
    "communique",
    "message",
    "complaint",
    "decree",
    "order",
    "ruling",
    "verdict",
    "editorial",
    "speech",
    "note",
    "appeal",
    "proposal",
    "measure",
    "law",
    "tweet",
    "post",
    "video",
    "article",
    "memo",
    "document",
];

/// "the video hosting service", "the short-form video hosting service", "a diversity and
/// inclusion consulting firm": a gerund right after a singular common noun that a
/// determiner opens (adjectives, nouns, hyphens and a conjunction between nouns may stand
/// between them), with a common noun after it, is a word of that compound noun. The
/// determiner's index.
fn noun_compound_determiner(w: &Words, mentions: &[Mention], i: usize) -> Option<usize> {
    // (a noun of an actor is who does it: "a suicide bomber blowing himself up"; and the
    // compound's head noun comes right after: "an open letter calling for reform" is a
    // participle with its phrase)
    if i < 2
        || !word_tag_is!(w, i - 1, "NN")
        || !word_tag_is!(w, i + 1, "NN" | "NNS")
        || mentions.iter().any(|m| m.words.contains(&(i - 1)))
    {
        return None;
    }
    let d = (i.saturating_sub(7)..i - 1).rev().find(|&k| !noun_modifier(w, k))?;
    w.is(d, DETERMINER).then_some(d)
}

/// Is word `k` one of the words before a noun phrase's head: a common noun, an
/// adjective, or a hyphen or conjunction joining them ("the short-form video", "a
/// diversity and inclusion")?
fn noun_modifier(w: &Words, k: usize) -> bool {
    let noun = |k: usize| word_tag_is!(w, k, "NN" | "NNS");
    noun(k)
        || word_tag_is!(w, k, "JJ" | "JJR" | "JJS")
        || (k > 0 && (word_tag_is!(w, k, "HYPH") || (word_tag_is!(w, k, "CC") && noun(k - 1) && noun(k + 1))))
}

/// "boycotted the parade supporting Gondor", "an attack targeting civilians": a present
/// participle right after a common noun with its determiner, in the object of a verb
/// before it, describes that noun (a reduced relative, "the parade that supports"): the
/// thing acts, not the clause's subject. A noun of an actor ("the soldiers firing") is
/// left to the actor rules, and so is a document, whose words are its authors' ("released
/// a statement criticising", "filed a lawsuit accusing").
fn describes_thing(w: &Words, ms: &[Mention], s: usize) -> bool {
    let common = |k: usize| w.words[k].tag.is_some_and(|t| tag_is!(t, "NN" | "NNS"));
    if s == 0
        || !common(s - 1)
        || ms.iter().any(|m| m.words.contains(&(s - 1)))
        || DOCUMENT_NOUNS.contains(&w.norm(s - 1).trim_end_matches('s'))
    {
        return false;
    }
    // back over the noun phrase's nouns and adjectives to its determiner (with the
    // hyphens and conjunctions joining them: "a diversity and inclusion consulting firm")
    let Some(d) = (0..s - 1).rev().find(|&k| !noun_modifier(w, k)) else { return false };
    let verb_or_preposition =
        |k: usize| w.words[k].tag.is_some_and(|t| t.as_str().starts_with("VB") || tag_is!(t, "IN"));
    // a plural needs no determiner ("after rallies urging his dismissal")
    let bare_plural = w.words[s - 1].tag.is_some_and(|t| tag_is!(t, "NNS")) && verb_or_preposition(d);
    bare_plural || (matches!(w.norm(d), "a" | "an" | "the") && d > 0 && verb_or_preposition(d - 1))
}

/// Nouns of commitment and intent: what follows their "to" is the act committed to or
/// intended ("its commitment to support the police"), coded as the coder codes intents.
const INTENT_NOUNS: &[&str] = &[
    "commitment",
    "commitments",
    "readiness",
    "willingness",
    "determination",
    "intention",
    "intentions",
    "intent",
    "offer",
    "offers",
    "bid",
];

/// Whether the infinitive marker `to` at `to` completes a common noun rather than a verb:
/// "efforts to counter", "pressure from Congress to help", "gave 5 million euros to
/// promote investment in Ethiopia". What follows such a noun names what it is for (an
/// effort, a pressure, money), not an act of its own; the act is the verb the noun
/// belongs to. Nouns of commitment or intent ("pledge", "commitment") are left to the
/// intent rules, and a noun after a preposition belongs to no verb ("sat down before
/// cameras to discuss": the discussion is an act).
fn complements_noun(w: &Words, mentions: &[Mention], to: usize) -> bool {
    let np_word =
        |k: usize| w.words[k].tag.is_some_and(|t| tag_is!(t, "DT" | "JJ" | "CD" | "NN" | "NNS" | "PRP$" | "POS"));
    let common_noun = |k: usize| {
        let n = w.norm(k);
        let np_start = (0..=k).rev().take_while(|&j| np_word(j)).last().unwrap_or(k);
        let after_preposition = np_start > 0 && PREPOSITIONS.contains(&w.norm(np_start - 1));
        // a capitalised word inside the sentence is a name the tagger called a noun
        // ("ordered the daily Nation to suspend publication"), no "effort"
        let name = k > 0 && w.words[k].capitalized;
        w.words[k].tag.is_some_and(|t| tag_is!(t, "NN" | "NNS"))
            && !name
            && !mentions.iter().any(|m| m.words.contains(&k))
            && !INTENT_NOUNS.contains(&n)
            && !expresses_intent(n)
            && !after_preposition
    };
    let Some(k) = to.checked_sub(1) else { return false };
    if common_noun(k) {
        return true;
    }
    // "pressure from Congress to": a noun, a preposition, an actor
    let Some(m) = mentions.iter().find(|m| m.words.end == to) else { return false };
    m.words.start >= 2
        && matches!(w.norm(m.words.start - 1), "from" | "to" | "by" | "of" | "for" | "on" | "with")
        && common_noun(m.words.start - 2)
}

/// Nouns for a body of troops or officials sent somewhere ("a peacekeeping force",
/// "a UN mission"): what is given to one is given to the place it serves in.
const DEPLOYED_BODIES: &[&str] =
    &["force", "forces", "mission", "missions", "contingent", "operation", "operations", "deployment", "deployments"];

/// "sending troops to the UN peacekeeping force in Chad", "contribute air support to an
/// African Union force in Mali": an object (a body, or an organisation naming one) whose
/// phrase runs on, through at most "to" and describing words, to a deployed body "in" a
/// place with a country stands for that place, which the act is aimed at; the place
/// (a mention) is returned.
fn force_in_place(w: &Words, ms: &[Mention], i: usize, window: &Range<usize>) -> Option<usize> {
    let m = &ms[i];
    let mut k = m.words.end;
    if k < window.end && w.norm(k) == "to" {
        k += 1;
    }
    let end = window.end.min(k + 6);
    let body =
        (k..end).find(|&j| DEPLOYED_BODIES.contains(&w.norm(j)) && j + 1 < window.end && w.norm(j + 1) == "in")?;
    // nothing between but determiners, describing words ("peacekeeping", "NATO-led")
    // and names: no finite verb, no comma, no list
    let plain =
        (k..body).all(|j| !w.words[j].punct && !w.finite_verb_at(j) && !matches!(w.norm(j), "and" | "or" | "in"));
    if !plain {
        return None;
    }
    let mut j = body + 2;
    while j < window.end && w.is(j, DETERMINER) {
        j += 1;
    }
    ms.iter().position(|p| p.words.start == j && p.words.end <= window.end && p.location && p.code.country().is_some())
}

/// A deployed body in the object of `v`, before `before` (the first actor the verb
/// takes): "approved the extension of its peacekeeping mission in Lebanon", "funds for
/// peacekeeping operations in Lebanon". The body noun comes after the verb with no punctuation,
/// finite verb or list between, and is followed by "in" a place with a country (the
/// place, a mention, is returned).
fn body_in_place(w: &Words, ms: &[Mention], v: &VerbHit, before: usize, window: &Range<usize>) -> Option<usize> {
    let end = before.min(window.end).min(v.words.end + 10);
    let body = (v.words.end..end).find(|&j| DEPLOYED_BODIES.contains(&w.norm(j)))?;
    let plain = (v.words.end..body)
        .all(|j| !w.words[j].punct && !w.finite_verb_at(j) && !matches!(w.norm(j), "and" | "or" | "in"));
    if !plain || body + 2 >= window.end || w.norm(body + 1) != "in" {
        return None;
    }
    let mut j = body + 2;
    while j < window.end && w.is(j, DETERMINER) {
        j += 1;
    }
    ms.iter().position(|p| p.words.start == j && p.words.end <= window.end && p.location && p.code.country().is_some())
}

/// "CAIRO -- Forces loyal to ...", "BEIRUT, Lebanon (AP) —": a dateline opening the
/// sentence (read by [`crate::places::dateline`]) says where the report was filed; the
/// places in it are places, not actors. Returns the number of words the dateline takes
/// (none when there is none).
fn dateline_len(text: &str, sentence: Span, w: &Words) -> usize {
    let Some(d) = crate::places::dateline(sentence.slice(text)) else { return 0 };
    let end = sentence.start + d.end;
    w.words.iter().take_while(|x| x.span.start < end).count()
}

/// "NAIROBI -- Police fired tear gas": a bare role word ("police", "the protesters")
/// in an article with a dateline is the dateline country's, as the PETRARCH gold codes
/// "children" in a Gaza report PSECVL. Only the events' codes change, after coding:
/// the rules that tell roles from named actors still see a role. A role with words of
/// its own before it ("European leaders", "aid workers", "Rapid Support Forces") keeps
/// no country.
fn dateline_roles(w: &Words, ms: &[Mention], country: &str, events: &mut [Event]) {
    let bare = |m: &Mention| {
        let code = m.code.as_str();
        let s = m.words.start;
        m.kind == ActorKind::Agent
            && !m.location
            && !m.refers_back
            && code != UNKNOWN_CODE
            && m.code.country().is_none()
            && !["IGO", "NGO", "IMG", "MNC", "UIS", "NGM"].iter().any(|p| code.starts_with(p))
            && (s..m.words.end - 1).all(|k| matches!(w.norm(k), "the" | "a" | "an"))
            // (no name, noun or adjective right before it either: "Rapid Support Forces")
            && (s == 0 || !word_tag_is!(w, s - 1, "NNP" | "NNPS" | "NN" | "NNS" | "JJ" | "JJR" | "JJS"))
    };
    let actors = events.iter_mut().flat_map(|e| std::iter::once(&mut e.source).chain(e.target.as_mut()));
    for a in actors {
        if let Some(m) = ms.iter().find(|m| m.span == a.span && m.code.as_str() == a.code).filter(|m| bare(m)) {
            a.code = ActorCode::new(country).with_role(m.code.as_str()).0;
            a.country = Some(country.to_string());
            a.entry = text!("{} + the dateline's country {country}", a.entry);
        }
    }
}

/// A person the dictionary names and a role phrase with no name of its own ("Hun Sen
/// met the former president of Gondor"), source and target of one act: two people,
/// even when the role takes the same code as the named one.
fn named_and_role(ms: &[Mention], s: usize, t: usize) -> bool {
    let named = |m: &Mention| m.kind == ActorKind::Person && m.head.is_some() && !m.refers_back;
    let role = |m: &Mention| m.kind == ActorKind::Agent && !m.refers_back;
    (named(&ms[s]) && role(&ms[t])) || (role(&ms[s]) && named(&ms[t]))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn event_ids_join_document_sentence_and_number() {
        for (doc, s, n) in [("", 0, 0), ("doc", 7, 10), ("a-b", 123, 4), ("x", usize::MAX, 99)] {
            assert_eq!(event_id(doc, s, n), format!("{doc}-{s}-{n}"));
        }
    }

    #[test]
    fn pattern_rules_write_the_code_as_displayed() {
        let code =
            |f: Option<&str>, r: Option<&str>| Code { forward: f.map(String::from), reverse: r.map(String::from) };
        for c in [code(None, None), code(Some("042"), None), code(Some("042"), Some("043")), code(None, Some("043"))] {
            let p = Pattern {
                code: c,
                before: Vec::new(),
                after: Vec::new(),
                text: "* talks".into(),
                origin: "verbs.txt:12".into(),
                verb: None,
                needs: Vec::new(),
            };
            assert_eq!(pattern_rule("MEET", &p), format!("MEET {} [{}] ({})", p.text, p.code, p.origin));
        }
    }

    #[test]
    fn verb_rules_quote_the_lemma_as_debug_does() {
        let code =
            |f: Option<&str>, r: Option<&str>| Code { forward: f.map(String::from), reverse: r.map(String::from) };
        for lemma in ["meet", "hand over", "cease-fire", "say \"so\"", "back\\slash", "caf\u{e9}", "tab\there", ""] {
            for c in [code(None, None), code(Some("042"), None), code(Some("042"), Some("043"))] {
                assert_eq!(verb_rule("MEET", lemma, &c), format!("MEET verb {lemma:?} [{c}]"));
            }
        }
    }

    #[test]
    fn intent_codes() {
        assert_eq!(intent_code("045"), "039");
        assert_eq!(intent_code("042"), "036");
        assert_eq!(intent_code("190"), "138");
        assert_eq!(intent_code("1823"), "1383");
        assert_eq!(intent_code("111"), "111");
        assert_eq!(intent_code("0841"), "0353", "releasing persons");
        assert_eq!(intent_code("085"), "0354");
        assert_eq!(intent_code("0874"), "0356");
        assert_eq!(intent_code("083"), "035");
    }

    #[test]
    fn refusals_of_cooperation_are_rejections() {
        assert_eq!(refusal_code("042"), Some("125"));
        assert_eq!(refusal_code("0841"), Some("1243"));
        assert_eq!(refusal_code("057"), Some("127"));
        assert_eq!(refusal_code("0312"), Some("121"));
        assert_eq!(refusal_code("072"), Some("1222"));
        assert_eq!(refusal_code("190"), None);
        assert_eq!(refusal_code("112"), None);
    }

    #[test]
    fn negations_follow_the_internal_coding_ontology() {
        assert_eq!(negation_code("110"), Some("050"));
        assert_eq!(negation_code("170"), Some("057"));
        assert_eq!(negation_code("010"), Some("011"));
        assert_eq!(negation_code("060"), Some("121"));
        assert_eq!(negation_code("081"), Some("1241"));
        assert_eq!(negation_code("111"), None);
        assert_eq!(negation_code("190"), None);
    }

    #[test]
    fn what_is_asked_makes_an_appeal_specific() {
        assert_eq!(request_code("020", "070"), Some("023"));
        assert_eq!(request_code("020", "0841"), Some("0253"));
        assert_eq!(request_code("100", "040"), Some("108"));
        assert_eq!(request_code("100", "0871"), Some("107"));
        assert_eq!(request_code("023", "070"), None, "a specific appeal stays as it is");
        assert_eq!(request_code("020", "190"), None);
    }

    #[test]
    fn period_ends() {
        assert_eq!(period_end("2023-02", Precision::Month), NaiveDate::from_ymd_opt(2023, 2, 28));
        assert_eq!(period_end("2023-12", Precision::Month), NaiveDate::from_ymd_opt(2023, 12, 31));
        assert_eq!(period_end("2015", Precision::Year), NaiveDate::from_ymd_opt(2015, 12, 31));
        assert_eq!(period_end("nonsense", Precision::Day), None);
    }
}
