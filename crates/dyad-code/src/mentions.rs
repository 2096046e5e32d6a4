//! Actor mentions: dictionary phrases found in a sentence, merged into noun phrases
//! ("his Syrian counterpart Bashar al-Assad", "Turkish troops") and coded for the
//! date of the text. A country or place after "in", "at", ... is a location, not an actor.

use crate::dict::actors::{ActorKind, Role};
use crate::dict::{Dictionaries, EntryRef};
use crate::sentence::Words;
use crate::words::{listed, PhraseIndex, WordSet, UNKNOWN};
use chrono::NaiveDate;
use dyad_core::{ActorCode, Entity, EntityLabel, Span};
use std::fmt::Write as _;
use std::ops::Range;

/// One actor (or place) mention in a sentence.
#[derive(Clone, Debug)]
pub struct Mention {
    /// Word range in the sentence's [`Words`].
    pub words: Range<usize>,
    pub span: Span,
    pub code: ActorCode,
    /// The dictionary entries that made the code, e.g.
    /// `data/actors/phoenix-countries.tsv:VLADIMIR_PUTIN [RUSGOV 2008-05-08..]`.
    pub entry: String,
    pub kind: ActorKind,
    /// The person/organisation/country entry at the head, if any.
    pub head: Option<EntryRef>,
    /// Used as a place ("in Moscow"), so not an actor of the sentence.
    pub location: bool,
    /// Joined to the previous mention by "and", "or" or a comma, with at most
    /// determiners and describing words between ("Arnor and the evil Gondor").
    pub coordinated: bool,
    /// Points back at actors named earlier ("the two leaders"): no named entity itself.
    pub refers_back: bool,
}

impl Mention {
    /// A mention a rule adds for the words `range` (no dictionary group): no head entry,
    /// not a place of the sentence, joined to no other mention.
    fn of_words(words: &Words, range: Range<usize>, code: ActorCode, entry: String, kind: ActorKind) -> Mention {
        Mention {
            span: words.span_of(range.start, range.end),
            words: range,
            code,
            entry,
            kind,
            head: None,
            location: false,
            coordinated: false,
            refers_back: false,
        }
    }

    pub fn label(&self) -> Option<EntityLabel> {
        match self.kind {
            ActorKind::Person => Some(EntityLabel::PER),
            ActorKind::Country | ActorKind::Place => Some(EntityLabel::LOC),
            ActorKind::Org | ActorKind::Group => Some(EntityLabel::ORG),
            ActorKind::Agent => None,
        }
    }
}

/// Prepositions after which a country or city names where something happened.
const LOCATIVE: &[&str] = &["in", "near", "outside", "inside", "across", "throughout", "around", "within"];
/// Prepositions that make a city (not a country) a place: "at Kabul airport", "into Gaza City".
const LOCATIVE_CITY: &[&str] = &["at", "into"];
/// Direction words allowed between a locative preposition and the place ("in northern Syria").
const REGION_WORDS: &[&str] = &[
    "northern",
    "southern",
    "eastern",
    "western",
    "central",
    "north",
    "south",
    "east",
    "west",
    "northeastern",
    "northwestern",
    "southeastern",
    "southwestern",
    "neighbouring",
    "neighboring",
    "the",
];
/// Words before a country adjective that mean "supporting", not "belonging to".
const PRO_ANTI: &[&str] = &["pro", "anti"];

#[derive(Clone, Debug)]
struct Chunk {
    words: Range<usize>,
    entry: EntryRef,
    /// The document-level alias of a person named in full earlier ("Assad").
    alias: bool,
}

/// Person names seen in full in a document, so that a later bare surname
/// ("Assad" after "Bashar al-Assad") resolves to the same entry.
#[derive(Default)]
pub struct Aliases {
    index: PhraseIndex<EntryRef>,
    /// The word id of each alias learned, in order.
    learned: Vec<u32>,
}

impl Aliases {
    /// A mark of how much has been learned so far, for [`Aliases::changed_since`].
    pub fn mark(&self) -> usize {
        self.learned.len()
    }

    /// Has an alias of one of these words been learned since `mark`? If not, mentions
    /// found in a sentence at `mark` whose alias lookups were these words (see
    /// [`find_mentions_noting`]) are found again now.
    pub fn changed_since(&self, mark: usize, ids: &[u32]) -> bool {
        self.learned.get(mark..).unwrap_or_default().iter().any(|id| ids.contains(id))
    }

    pub fn learn(&mut self, words: &Words, m: &Mention, dict: &Dictionaries) {
        let Some(head) = m.head else { return };
        if dict.entry(head).kind != ActorKind::Person || m.words.len() < 2 {
            return;
        }
        let last = &words.words[m.words.end - 1];
        // a word outside the vocabulary has the shared unknown id: learned, it would make
        // every unknown capitalised word that person
        if last.id != UNKNOWN
            && last.capitalized
            && last.norm.chars().count() >= 3
            && dict.actors.longest_at(&[last.id], 0).is_none()
        {
            self.index.insert(&[last.id], head);
            self.learned.push(last.id);
        }
    }
}

/// The chunks of dictionary phrases and aliases, left to right. `looked_up` gets the id
/// of each word looked up as an alias: only an alias of one of those can change them.
fn find_chunks(words: &Words, dict: &Dictionaries, aliases: &Aliases, looked_up: &mut Vec<u32>) -> Vec<Chunk> {
    // (room for a sentence's usual few chunks: no regrowing as they are found)
    let mut out = Vec::with_capacity(8);
    let mut i = 0;
    while i < words.len() {
        if words.words[i].punct {
            i += 1;
            continue;
        }
        looked_up.push(words.ids[i]);
        let capitalized_in = |n: usize| words.words[i..i + n].iter().any(|w| w.capitalized);
        let actor = dict.actors.longest_at(&words.ids, i).filter(|&(n, _)| capitalized_in(n));
        let agent = dict.agents.longest_at(&words.ids, i);
        let alias = aliases.index.longest_at(&words.ids, i).filter(|&(n, _)| capitalized_in(n));
        // (most words start no phrase of any of the three: nothing to choose between)
        let best = if actor.is_none() && agent.is_none() && alias.is_none() {
            None
        } else {
            // "Rwanda's Senate": after a country, an institution word names that country's
            // institution (an agent role) rather than the one the dictionary files it under
            let after_country = out.last().is_some_and(|c: &Chunk| {
                matches!(dict.entry(c.entry).kind, ActorKind::Country | ActorKind::Place)
                    && (c.words.end == i || (c.words.end + 1 == i && words.norm(c.words.end) == "'s"))
            });
            [actor.map(|(n, e)| (n, *e, false)), agent.map(|(n, e)| (n, *e, false)), alias.map(|(n, e)| (n, *e, true))]
                .into_iter()
                .flatten()
                .max_by_key(|&(n, e, _)| (n, (dict.entry(e).kind != ActorKind::Agent) != after_country))
        };
        match best.or_else(|| plural_demonym(words, dict, i).map(|e| (1, e, false))) {
            Some((n, entry, alias)) => {
                out.push(Chunk { words: i..i + n, entry, alias });
                i += n;
            }
            None => i += 1,
        }
    }
    out
}

/// "Syrians", "Afghans", "Iraqis": the people of a country named by the plural of its
/// adjective, which the Phoenix files list for a few countries only ("Palestinians",
/// "Israelis"): a capitalised word whose singular is a country's adjective in the dictionary.
fn plural_demonym(words: &Words, dict: &Dictionaries, i: usize) -> Option<EntryRef> {
    let w = &words.words[i];
    // demonyms in -an and -i ("Syrian", "Iraqi"); not a place's own name ("the Americas")
    let singular = w
        .norm
        .strip_suffix('s')
        .filter(|s| s.len() >= 4 && w.capitalized && (s.ends_with("an") || s.ends_with('i')))?;
    let id = dict.vocab.get(singular);
    let (n, &e) = dict.actors.longest_at(&[id], 0)?;
    (n == 1 && dict.entry(e).kind == ActorKind::Country).then_some(e)
}

/// Compass words that, before a country's adjective, name a region of a continent
/// ("South American", "Central African") rather than that country.
const REGION_PARTS: &[&str] =
    &["south", "north", "central", "latin", "east", "west", "southeast", "southern", "northern"];

/// Is chunk `c` a country's adjective inside the name of a region ("the Mercosur bloc of
/// South American countries", "Latin American leaders")? One word, a country entry in
/// "-an", right after a capitalised compass word that no dictionary phrase took in (the
/// longer phrases, "South Korean", "North African", are entries of their own).
fn in_region_name(words: &Words, dict: &Dictionaries, c: &Chunk) -> bool {
    let i = c.words.start;
    c.words.len() == 1
        && i > 0
        && dict.entry(c.entry).kind == ActorKind::Country
        && words.norm(i).ends_with("an")
        && words.words[i - 1].capitalized
        && REGION_PARTS.contains(&words.norm(i - 1))
}

/// "{file}:{id} [{role}]", written into a string with room for it (`format!` would
/// start small and grow it several times) by appending the parts, and for the notes that
/// a mention's entry usually gets after it (" + " another role, " + the name after it
/// (PER)"), which would regrow it.
fn role_str(file: &str, id: &str, role: &Role) -> String {
    let mut s = String::with_capacity(file.len() + id.len() + role.code.len() + 120);
    s.push_str(file);
    s.push(':');
    s.push_str(id);
    s.push_str(" [");
    role.push_to(&mut s);
    s.push(']');
    s
}

/// Append `s` as `{:?}` writes it (in double quotes, escaped), without the formatting
/// machinery when no character of it needs escaping (printable ASCII but `"` and `\`).
fn push_quoted(out: &mut String, s: &str) {
    if s.bytes().all(|b| (b' '..=b'~').contains(&b) && b != b'"' && b != b'\\') {
        out.push('"');
        out.push_str(s);
        out.push('"');
    } else {
        let _ = write!(out, "{s:?}");
    }
}

/// `before`, `s` quoted as `{:?}` writes it, and `after` (see [`push_quoted`]).
fn with_quoted(before: &str, s: &str, after: &str) -> String {
    let mut out = String::with_capacity(before.len() + s.len() + after.len() + 2);
    out.push_str(before);
    push_quoted(&mut out, s);
    out.push_str(after);
    out
}

/// The code of an actor no dictionary knows (PETRARCH writes it the same way).
pub const UNKNOWN_CODE: &str = "---";

/// Find and code the actor mentions of a sentence for the given date. `names` are the
/// entity tagger's names in the sentence: a person or organisation that no dictionary
/// phrase touches is still an actor ("Estonia launched cyber attacks against Krugman"),
/// with the code [`UNKNOWN_CODE`].
pub fn find_mentions(
    words: &Words,
    dict: &Dictionaries,
    aliases: &Aliases,
    date: Option<NaiveDate>,
    names: &[&Entity],
) -> Vec<Mention> {
    find_mentions_noting(words, dict, aliases, date, names, &mut Vec::new())
}

/// [`find_mentions`], adding to `looked_up` the ids of the words looked up as aliases:
/// mentions found again after more aliases are learned differ only if one of those
/// ids was learned (see [`Aliases::changed_since`]).
pub fn find_mentions_noting(
    words: &Words,
    dict: &Dictionaries,
    aliases: &Aliases,
    date: Option<NaiveDate>,
    names: &[&Entity],
    looked_up: &mut Vec<u32>,
) -> Vec<Mention> {
    let chunks = find_chunks(words, dict, aliases, looked_up);
    // (room for the chunks' mentions and the few the passes below add)
    let mut out = Vec::with_capacity(chunks.len() + 4);
    let mut k = 0;
    while k < chunks.len() {
        // group chunks that touch, or are joined by a possessive 's
        let group_start = k;
        while k + 1 < chunks.len() {
            let gap = chunks[k].words.end..chunks[k + 1].words.start;
            // ("Sweden's NATO membership": a country's 's before an international
            // organisation says whose membership, not whose organisation; its envoy there,
            // "Kenya's UN envoy", stays one phrase)
            let international = |c: &Chunk| {
                dict.entry(c.entry).roles.iter().any(|r| r.code.starts_with("IGO"))
                    && !(c.words.start..(c.words.end + 1).min(words.len()))
                        .any(|i| DIPLOMATIC_POSTS.contains(&words.norm(i)))
            };
            let joined = (gap.is_empty() && !posted_to(words, dict, &chunks[k]))
                || (gap.len() == 1 && words.norm(gap.start) == "'s" && !international(&chunks[k + 1]))
                || country_modifiers_agent(words, dict, &chunks[k], &chunks[k + 1]);
            if !joined {
                break;
            }
            k += 1;
        }
        k += 1;
        if let Some(mut m) = code_group(words, dict, &chunks[group_start..k], date) {
            trim_trailing_preposition(words, &mut m);
            if posted_to(words, dict, &chunks[k - 1]) && m.words.end == chunks[k - 1].words.end {
                m.words.end -= 1;
                m.span.end = words.words[m.words.end - 1].span.end;
            }
            // "non-Muslims", "non-NATO states": the name is what they are not
            let negated = m.words.start > 0
                && words.norm(m.words.start - 1) == "non"
                && words.words[m.words.start - 1].hyphen_after;
            if !modifies_next_noun(words, dict, &m) && !negated && !in_region_name(words, dict, &chunks[group_start]) {
                out.push(m);
            }
        }
    }
    add_unknown_names(words, dict, names, &mut out);
    add_company_names(words, &mut out);
    add_participant_nouns(words, &mut out);
    add_subject_name(words, dict, &mut out);
    add_gazetteer_places(words, names, &mut out);
    add_legislative_chambers(words, dict, &mut out);
    roles_of_unknown_names(words, &mut out);
    // "joined forces with Hamas": the idiom of English for acting together, whose "forces"
    // are no troops
    out.retain(|m| {
        !(m.words.len() == 1
            && m.words.start > 0
            && words.norm(m.words.start) == "forces"
            && matches!(words.norm(m.words.start - 1), "join" | "joins" | "joined" | "joining")
            && words.norm(m.words.end) == "with")
    });
    for k in 1..out.len() {
        // ("Writing to Ruto, Museveni praised ...": a name after a comma alone is
        // coordinated only inside a list; "Russia attacked Ukraine, and the EU imposed
        // sanctions": ", and" ends a list of three or more, or joins two clauses)
        let gap = out[k - 1].words.end..out[k].words.start;
        let comma_and =
            gap.len() >= 2 && words.norm(gap.start) == "," && matches!(words.norm(gap.start + 1), "and" | "or");
        // ("McConnell, a Kentucky Republican, has promised": a name after a comma and
        // "a" or "an" says what the one before is)
        let described =
            gap.len() == 2 && words.norm(gap.start) == "," && matches!(words.norm(gap.start + 1), "a" | "an");
        out[k].coordinated = !described
            && coordinated(words, dict, gap.clone())
            && (out[k - 1].coordinated || (!comma_and && in_list(words, out[k - 1].words.end, &out[k])))
            && !closes_fronted_clause(words, out[k - 1].words.end)
            && !joins_clauses(words, &out[k - 1], &out[k]);
    }
    attach_of_place(words, &mut out);
    merge_appositions(words, &mut out);
    share_compound_roles(words, &mut out);
    own_roles(words, &mut out);
    loyal_roles(words, &mut out);
    let criticised = critics_of(words, &mut out);
    add_criticised_pronouns(words, &mut out, criticised);
    out
}

/// Nouns for those who speak against someone.
const CRITICS: &[&str] = &["critics", "critic", "opponents", "detractors"];

/// Is `m` the critics of someone ("Kremlin critics", "critics of the government")?
pub fn names_critics(words: &Words, m: &Mention) -> bool {
    m.words.clone().any(|k| CRITICS.contains(&words.norm(k)))
}

/// "Kremlin critics", "the president's critics", "critics of the government": those who
/// criticise a government or its leader are not it but its opposition. The mention of
/// the government or leader is widened over the noun and coded as the opposition of its
/// country (`RUSOPP`; `OPP` with no country).
fn critics_of(words: &Words, ms: &mut [Mention]) -> Vec<Mention> {
    let mut criticised = Vec::new();
    let critics = |k: usize| k < words.len() && CRITICS.contains(&words.norm(k));
    for m in ms.iter_mut() {
        let governing = matches!(m.code.sector(), Some("GOV" | "ELI")) || m.kind == ActorKind::Person;
        if m.location || m.refers_back || !governing {
            continue;
        }
        let (s, e) = (m.words.start, m.words.end);
        let range = if critics(e) {
            s..e + 1
        } else if e < words.len() && words.norm(e) == "'s" && critics(e + 1) {
            s..e + 2
        } else if let Some(of) = (s.saturating_sub(2)..s).rev().find(|&k| words.norm(k) == "of") {
            // "critics of the government": at most "the" between
            if of == 0 || !critics(of - 1) || (of + 1..s).any(|k| words.norm(k) != "the") {
                continue;
            }
            of - 1..e
        } else {
            continue;
        };
        let code = match m.code.country() {
            Some(c) => ActorCode::new(c).with_role("OPP"),
            None => ActorCode::new("OPP"),
        };
        let mut was = m.clone();
        was.words = range.end..range.end; // where the critics' words end
        criticised.push(was);
        m.entry.push_str(" + its critics: the opposition");
        m.span = words.span_of(range.start, range.end);
        m.words = range;
        m.code = code;
        m.kind = ActorKind::Agent;
        m.head = None;
    }
    criticised
}

/// "Kremlin critics say he has jailed ...": "he", "she" or "it" right after the critics'
/// verb of saying is the one they criticise, an actor with that one's code (`criticised`
/// holds the criticised mentions before [`critics_of`] widened them, each with an empty
/// range where the critics' words end).
fn add_criticised_pronouns(words: &Words, ms: &mut Vec<Mention>, criticised: Vec<Mention>) {
    const SAYING: &[&str] =
        &["say", "says", "said", "argue", "argues", "argued", "claim", "claims", "claimed", "charge", "charged"];
    for c in criticised {
        let e = c.words.end;
        if e >= words.len() || !SAYING.contains(&words.norm(e)) {
            continue;
        }
        let k = if e + 1 < words.len() && words.norm(e + 1) == "that" { e + 2 } else { e + 1 };
        if k >= words.len() || !matches!(words.norm(k), "he" | "she" | "it") || ms.iter().any(|m| m.words.contains(&k))
        {
            continue;
        }
        let at = ms.iter().position(|m| m.words.start > k).unwrap_or(ms.len());
        let pronoun = Mention {
            words: k..k + 1,
            span: words.span_of(k, k + 1),
            entry: ["\"", words.norm(k), "\" = ", c.code.as_str(), " (the one the critics criticise)"].concat(),
            refers_back: true,
            coordinated: false,
            location: false,
            ..c
        };
        ms.insert(at, pronoun);
    }
}

/// "The Israeli military said its jets hit ...", "Egypt will withdraw its troops": a role
/// without a country after "its" or "their" belongs to the nearest actor before it that
/// has one, and takes that country.
fn own_roles(words: &Words, ms: &mut [Mention]) {
    for k in 1..ms.len() {
        let m = &ms[k];
        let owned = m.words.start > 0 && matches!(words.norm(m.words.start - 1), "its" | "their");
        if !owned || m.kind != ActorKind::Agent || m.code.country().is_some() || m.code.as_str() == UNKNOWN_CODE {
            continue;
        }
        let Some(owner) = ms[..k].iter().rev().find(|o| !o.location) else { continue };
        if let Some(c) = owner.code.country().map(str::to_string) {
            let role = ms[k].code.as_str().to_string();
            ms[k].code = ActorCode::new(c).with_role(&role);
            ms[k].entry.push_str(" + the country of the actor \"its\"/\"their\" points back to");
        }
    }
}

/// "forces loyal to Assad": a role without a country, "loyal to" an actor that has
/// one, takes that country (the two stay mentions of their own).
fn loyal_roles(words: &Words, ms: &mut [Mention]) {
    for k in 0..ms.len().saturating_sub(1) {
        let (m, next) = (&ms[k], &ms[k + 1]);
        let e = m.words.end;
        let loyal = e + 2 <= next.words.start
            && words.norm(e) == "loyal"
            && words.norm(e + 1) == "to"
            && (e + 2..next.words.start).all(|i| matches!(words.norm(i), "the" | "a"));
        if !loyal || m.kind != ActorKind::Agent || m.code.country().is_some() || m.code.as_str() == UNKNOWN_CODE {
            continue;
        }
        if let Some(c) = next.code.country().filter(|_| !next.location).map(str::to_string) {
            let role = ms[k].code.as_str().to_string();
            ms[k].code = ActorCode::new(c).with_role(&role);
            ms[k].entry.push_str(" + the country of the actor it is loyal to");
        }
    }
}

/// "Chad Wolf has been named", "Jordan Peterson criticized": a country's name that opens a
/// person's name the entity tagger found, followed only by capitalised words no dictionary
/// knows (the surname), is that person's first name, not the country. The country mention
/// goes, and the name is then added as a person of unknown code. A role word after the
/// country ("Jordan King Abdullah") is in a dictionary, so the country stays.
fn drop_countries_as_first_names(words: &Words, names: &[&Entity], out: &mut Vec<Mention>) {
    for n in names.iter().filter(|n| n.label == EntityLabel::PER) {
        let Some(range) = words_inside(words, n.span) else { continue };
        let first_name = out.iter().position(|m| {
            m.kind == ActorKind::Country
                && !m.location
                && m.words.len() == 1
                && m.words.start == range.start
                && m.words.end < range.end
                && range.len() <= 3
                && (m.words.end..range.end)
                    .all(|k| words.words[k].capitalized && !out.iter().any(|o| o.words.start <= k && k < o.words.end))
        });
        if let Some(i) = first_name {
            out.remove(i);
        }
    }
}

/// Persons and organisations of the entity tagger that no mention overlaps, as actors
/// of unknown code, in sentence order. A one-word name that is a function word or a
/// verb of the dictionary is taken for a tagging error ("Urges", "The").
fn add_unknown_names(words: &Words, dict: &Dictionaries, names: &[&Entity], out: &mut Vec<Mention>) {
    drop_countries_as_first_names(words, names, out);
    for n in names {
        let kind = match n.label {
            EntityLabel::PER => ActorKind::Person,
            EntityLabel::ORG => ActorKind::Org,
            _ => continue,
        };
        let Some(range) = words_inside(words, n.span) else { continue };
        let first = range.start;
        let w0 = &words.words[first];
        let single_common = range.len() == 1
            && (FUNCTION_WORDS.contains(&&*w0.norm) || dict.verbs.index.longest_at(&words.ids, first).is_some());
        if !w0.capitalized
            || single_common
            || range.clone().all(|i| words.words[i].punct)
            || out.iter().any(|m| m.words.start < range.end && range.start < m.words.end)
        {
            continue;
        }
        // "a BAK missile", "the nation's Douzu community": inside a noun phrase opened by an
        // article or a possessive, a name before a common noun describes that noun
        let before_noun = word_tag_is!(words, range.end, "NN" | "NNS");
        let opened = (range.start.saturating_sub(3)..range.start)
            .rev()
            .take_while(|&k| matches!(words.norm(k), "a" | "an" | "the" | "'s") || describing_word(words, dict, k))
            .any(|k| matches!(words.norm(k), "a" | "an" | "the" | "'s"));
        if before_noun && opened {
            continue;
        }
        let at = out.iter().position(|m| m.words.start >= range.end).unwrap_or(out.len());
        if let Some(prev) = at.checked_sub(1).map(|k| &mut out[k]).filter(|p| !p.location) {
            // "the European Union (EU)": the bracketed short name of the mention before it
            let bracketed = range.start >= 1
                && words.norm(range.start - 1) == "("
                && prev.words.end + 1 == range.start
                && words.norm(range.end) == ")";
            if bracketed {
                continue;
            }
            // "Gondor's Prime Minister Falastur": a title and the name after it are one actor
            if prev.words.end == range.start {
                prev.words.end = range.end;
                prev.span = prev.span.cover(words.span_of(range.start, range.end));
                prev.entry.push_str(" + the name after it (");
                prev.entry.push_str(n.label.as_str());
                prev.entry.push(')');
                if kind == ActorKind::Person && prev.kind != ActorKind::Org && prev.code.sector().is_some() {
                    prev.kind = ActorKind::Person;
                }
                continue;
            }
        }
        // "clashed near Scarborough Shoal": a name the tagger took for a person or body,
        // right after a preposition of place, is where things happen (no dictionary
        // knows it as an actor)
        let mut k = range.start;
        while k > 0 && matches!(words.norm(k - 1), "the" | "a") {
            k -= 1;
        }
        let place = k > 0
            && matches!(
                words.norm(k - 1),
                "near" | "off" | "outside" | "around" | "across" | "along" | "towards" | "toward"
            );
        out.insert(
            at,
            Mention {
                location: place,
                ..Mention::of_words(
                    words,
                    range,
                    ActorCode::new(UNKNOWN_CODE),
                    ["entity tagger: ", n.label.as_str(), ", in no actor dictionary"].concat(),
                    if place { ActorKind::Place } else { kind },
                )
            },
        );
    }
}

/// Roles any body has, a company or a party as well as a government ("leaders",
/// "officials"), which the agent dictionary codes as a government's (GOV); "police",
/// "court" or "government" say what body they are whoever it belongs to.
const ANY_BODY_ROLES: &[&str] = &[
    "leader",
    "leaders",
    "official",
    "officials",
    "spokesman",
    "spokeswoman",
    "spokesperson",
    "representative",
    "representatives",
    "member",
    "members",
];

/// "Alibaba leaders", "Huawei officials": a role any body has (see [`ANY_BODY_ROLES`])
/// right after a name no dictionary knows is that body's role, not a government's: the
/// name and the role make one actor of unknown code. The name is the capitalised proper
/// nouns right before the role, in no other mention, or a mention of unknown code the
/// entity tagger found there.
fn roles_of_unknown_names(words: &Words, ms: &mut Vec<Mention>) {
    let proper = |k: usize| {
        let w = &words.words[k];
        w.capitalized && !w.punct && w.tag.is_some_and(|t| tag_is!(t, "NNP" | "NNPS"))
    };
    let mut i = 0;
    while i < ms.len() {
        let m = &ms[i];
        let generic_role = m.kind == ActorKind::Agent
            && m.code.country().is_none()
            && !m.location
            && ANY_BODY_ROLES.contains(&words.norm(m.words.end - 1))
            // (a capitalised role is a title: "Supreme Leader", "Minority Leader")
            && !words.words[m.words.end - 1].capitalized;
        if !generic_role || m.words.start == 0 {
            i += 1;
            continue;
        }
        let before = m.words.start - 1;
        // the tagger's name of unknown code right before the role takes it in
        if i > 0 && ms[i - 1].words.end == m.words.start && ms[i - 1].code.as_str() == UNKNOWN_CODE {
            if matches!(ms[i - 1].kind, ActorKind::Org | ActorKind::Group) {
                let role = ms.remove(i);
                let name = &mut ms[i - 1];
                name.words.end = role.words.end;
                name.span = name.span.cover(role.span);
                name.entry.push_str(" + its role ");
                push_quoted(&mut name.entry, words.norm(role.words.end - 1));
                continue;
            }
        } else if proper(before) && !ms.iter().any(|n| n.words.contains(&before)) {
            let mut start = before;
            while start > 0 && proper(start - 1) && !ms.iter().any(|n| n.words.contains(&(start - 1))) {
                start -= 1;
            }
            let name: Vec<&str> = (start..m.words.start).map(|k| words.norm(k)).collect();
            let m = &mut ms[i];
            m.entry = format!(
                "{:?} + the name before it ({:?}), in no actor dictionary",
                words.norm(m.words.end - 1),
                name.join(" ")
            );
            m.words.start = start;
            m.span = words.span_of(start, m.words.end);
            m.code = ActorCode::new(UNKNOWN_CODE);
        }
        i += 1;
    }
}

/// Words that end a company's registered name in English-language news ("Acme Inc",
/// "Borsig GmbH"): a general fact of company names, whatever the company. ("Co.", "AG"
/// and "SA" are left out: a county, an attorney general, a country's abbreviation.)
const CORPORATE_SUFFIXES: &[&str] = &["inc", "inc.", "corp", "corp.", "ltd", "ltd.", "llc", "plc", "gmbh"];

/// Names that end in a corporate suffix (see [`CORPORATE_SUFFIXES`]) are companies, which
/// CAMEO codes BUS ("businessmen, companies, and enterprises"): the capitalised words
/// before the suffix ("Dravo-Kessel Holdings Inc") make one BUS mention, taking the place
/// of any mention of unknown code the entity tagger found inside it. A name holding a
/// known actor or place ("Kenya Airways Ltd") is left to the dictionaries.
fn add_company_names(words: &Words, out: &mut Vec<Mention>) {
    for i in 1..words.len() {
        let w = &words.words[i];
        if !w.capitalized || !CORPORATE_SUFFIXES.contains(&&*w.norm) {
            continue;
        }
        // the name's words: capitalised, or a hyphen or "&" between two of them
        let name_word = |k: usize| {
            let x = &words.words[k];
            (x.capitalized && !x.punct && !FUNCTION_WORD_SET.contains(&x.norm))
                || (matches!(&*x.norm, "-" | "&") && k > 0 && words.words[k - 1].capitalized)
        };
        let mut start = i;
        while start > 0 && name_word(start - 1) {
            start -= 1;
        }
        // (a sentence's first word is capitalised whatever it is: a name only if tagged one)
        if start == 0 && words.words[0].tag.is_some_and(|t| !matches!(t.as_str(), "NNP" | "NNPS")) {
            start = 1;
        }
        if start >= i || words.words[start].punct {
            continue;
        }
        let range = start..i + 1;
        let inside = |m: &Mention| m.words.start < range.end && range.start < m.words.end;
        if out.iter().any(|m| inside(m) && (m.code.as_str() != UNKNOWN_CODE || m.words.start < start)) {
            continue;
        }
        out.retain(|m| !inside(m));
        let at = out.iter().position(|m| m.words.start >= range.end).unwrap_or(out.len());
        out.insert(
            at,
            Mention::of_words(
                words,
                range,
                ActorCode::new("BUS"),
                with_quoted("a name ending in the corporate suffix ", &w.norm, ": a company (CAMEO BUS)"),
                ActorKind::Org,
            ),
        );
    }
}

/// "House" joined by "and" or "or" to a legislature ("House and Senate negotiators",
/// "the Senate and the House"): the other chamber of that legislature (a general fact of
/// English: the House and the Senate are the two chambers of a bicameral legislature), so
/// it takes the legislature's code; a mention of unknown code the entity tagger made of
/// the word ("House", "Republican House") takes it too. Not when a mention starts right after it ("House Democrats").
fn add_legislative_chambers(words: &Words, dict: &Dictionaries, out: &mut Vec<Mention>) {
    let legislature = |m: &Mention| !m.location && m.code.as_str().ends_with("LEG");
    for i in 0..words.len() {
        let w = &words.words[i];
        if w.norm != "house" || !w.capitalized || out.iter().any(|m| m.words.start == i + 1) {
            continue;
        }
        let own = out.iter().position(|m| m.words.contains(&i));
        if own.is_some_and(|k| out[k].code.as_str() != UNKNOWN_CODE || out[k].words.end != i + 1) {
            continue;
        }
        // describing words of a chamber, its party too ("the Republican House")
        let modifier = |k: usize| {
            describing_word(words, dict, k)
                || matches!(words.norm(k), "the" | "a")
                || words.words[k].tag.is_some_and(|t| t.as_str() == "NNP") && !out.iter().any(|m| m.words.contains(&k))
        };
        let joined = |gap: Range<usize>| {
            !gap.is_empty()
                && gap.len() <= 3
                && matches!(words.norm(gap.start), "and" | "or")
                && (gap.start + 1..gap.end).all(modifier)
        };
        let mut start = own.map_or(i, |k| out[k].words.start);
        while start > 0 && start + 3 > i && modifier(start - 1) {
            start -= 1;
        }
        let after = out.iter().find(|m| m.words.start > i).filter(|m| legislature(m) && joined(i + 1..m.words.start));
        let before =
            out.iter().rev().find(|m| m.words.end <= start).filter(|m| legislature(m) && joined(m.words.end..start));
        let Some(code) = after.or(before).map(|m| m.code.clone()) else { continue };
        // (the tagger's name may hold the chamber's party: "Republican House")
        let first = own.map_or(i, |k| out[k].words.start);
        let entry = "\"House\" beside a legislature: its other chamber".into();
        let mention = Mention::of_words(words, first..i + 1, code, entry, ActorKind::Org);
        match own {
            Some(k) => out[k] = mention,
            None => {
                let at = out.iter().position(|m| m.words.start > i).unwrap_or(out.len());
                out.insert(at, mention);
            }
        }
    }
}

/// A one-word name the entity tagger missed that opens the sentence (or follows an
/// opening prepositional phrase and its comma) right before its finite verb, adverbs
/// between: "Odhiambozi criticized ...", "At the summit, Odhiambozi angrily criticized ...".
/// Tagged a proper noun, in no dictionary and no mention, it is a person of unknown code.
fn add_subject_name(words: &Words, dict: &Dictionaries, out: &mut Vec<Mention>) {
    let opener_end = (words.len() > 1 && words.words[0].tag.is_some_and(|t| tag_is!(t, "IN")))
        .then(|| (1..words.len().min(8)).find(|&j| words.norm(j) == ","))
        .flatten();
    for k in [Some(0), opener_end.map(|c| c + 1)].into_iter().flatten() {
        if k + 1 >= words.len() {
            continue;
        }
        let w = &words.words[k];
        let n: &str = &w.norm;
        let name = w.capitalized
            && w.tag.is_some_and(|t| tag_is!(t, "NNP"))
            && n.len() >= 3
            && n.chars().all(|c| c.is_alphabetic())
            && !FUNCTION_WORD_SET.contains(n)
            && dyad_core::calendar::weekday(n).is_none()
            && dyad_core::calendar::month_number(n).is_none()
            && !matches!(n, "today" | "yesterday")
            && dict.verbs.index.longest_at(&words.ids, k).is_none()
            && !out.iter().any(|m| m.words.contains(&k));
        if !name {
            continue;
        }
        let mut v = k + 1;
        while v < words.len() && words.words[v].tag.is_some_and(|t| tag_is!(t, "RB" | "RBR" | "RBS")) {
            v += 1;
        }
        if !word_tag_is!(words, v, "VBD" | "VBZ") {
            continue;
        }
        let at = out.iter().position(|m| m.words.start > k).unwrap_or(out.len());
        out.insert(
            at,
            Mention::of_words(
                words,
                k..k + 1,
                ActorCode::new(UNKNOWN_CODE),
                "a name opening the sentence before its verb, in no actor dictionary".into(),
                ActorKind::Person,
            ),
        );
    }
}

/// Nouns that name people or organisations taking part in events but have no CAMEO role
/// code of their own (the Phoenix agents leave them out): as the head of a noun phrase
/// they are actors of unknown code, so that "convicted two suspects" or "freed the
/// hostages" has its target.
fn is_participant_noun(n: &str) -> bool {
    matches!(
        n,
        "prisoner"
            | "prisoners"
            | "inmate"
            | "inmates"
            | "suspect"
            | "suspects"
            | "hostage"
            | "hostages"
            | "captive"
            | "captives"
            | "ally"
            | "allies"
            | "survivor"
            | "survivors"
            | "negotiators"
            | "delegates"
            | "delegation"
            | "inspectors"
            | "monitors"
            | "observers"
            | "investigators"
            | "owner"
            | "owners"
            | "colleagues"
            | "organization"
            | "organisation"
            | "organizations"
            | "organisations"
            | "agency"
            | "agencies"
            | "committee"
            | "council"
            | "commission"
            | "countries"
            | "nations"
            | "strikers"
            | "hackers"
            | "peacekeepers"
            | "pilots"
    )
}

/// Participant nouns (see [`is_participant_noun`]) outside every mention, as actors of
/// unknown code: not when they modify the noun after them ("committee members") or
/// only introduce the actor after "of" ("a group of lawmakers"); right after a named
/// actor they widen its mention ("Chinese hackers" stays CHN, "UN inspectors" IGOUNO).
fn add_participant_nouns(words: &Words, out: &mut Vec<Mention>) {
    for i in 0..words.len() {
        let w = &words.words[i];
        if w.tag.is_some_and(|t| !tag_is!(t, "NN" | "NNS"))
            || w.capitalized && i > 0
            || !is_participant_noun(&w.norm)
            || out.iter().any(|m| m.words.contains(&i))
        {
            continue;
        }
        let next_noun = words.words.get(i + 1).and_then(|x| x.tag).is_some_and(|t| t.is_noun());
        let of_actor = words.norm(i + 1) == "of" && out.iter().any(|m| m.words.start > i + 1 && m.words.start <= i + 4);
        if next_noun || words.words[i].hyphen_after || of_actor {
            continue;
        }
        // ... with nouns of the same phrase between ("a U.S. government watchdog agency")
        // (the nearest mention only: "the Chilean navy trains Bolivian pilots" widens
        // "Bolivian", not "the Chilean navy" over the verb tagged a noun and the name after it)
        let np_word = |k: usize| words.words[k].tag.is_some_and(|t| tag_is!(t, "NN" | "NNS" | "JJ"));
        if let Some(prev) = out
            .iter_mut()
            .rev()
            .find(|m| m.words.end <= i)
            .filter(|m| (m.words.end..i).all(np_word) && !m.location && m.kind != ActorKind::Agent)
        {
            prev.words.end = i + 1;
            prev.span = prev.span.cover(w.span);
            prev.entry.push_str(" + ");
            push_quoted(&mut prev.entry, &w.norm);
            prev.entry.push_str(" (no role code)");
            continue;
        }
        let at = out.iter().position(|m| m.words.start > i).unwrap_or(out.len());
        out.insert(
            at,
            Mention::of_words(
                words,
                i..i + 1,
                ActorCode::new(UNKNOWN_CODE),
                with_quoted("", &w.norm, ": a participant noun with no role code"),
                ActorKind::Agent,
            ),
        );
    }
}

/// Places of the entity tagger that no mention overlaps and the gazetteer knows (a city
/// of 15,000+ people or a country, `data/places/`), coded with their country as the
/// Phoenix dictionaries code the cities they list ("Aleppo" -> SYR): "shelled Mariupol"
/// is aimed at Ukraine, and "in Mazar-i-Sharif" is a place of Afghanistan. An ambiguous
/// name takes the reading of the countries the sentence names.
fn add_gazetteer_places(words: &Words, names: &[&Entity], out: &mut Vec<Mention>) {
    if !names.iter().any(|n| n.label == EntityLabel::LOC) {
        return;
    }
    let gazetteer = crate::places::Gazetteer::embedded();
    // the countries of the mentions found before any place is added, gathered when the
    // first name gets as far as the gazetteer (most are passed over before)
    let mut cx: Option<crate::places::PlaceContext> = None;
    for n in names.iter().filter(|n| n.label == EntityLabel::LOC) {
        let Some(range) = words_inside(words, n.span) else { continue };
        let first = range.start;
        if !words.words[first].capitalized || out.iter().any(|m| m.words.start < range.end && range.start < m.words.end)
        {
            continue;
        }
        // "a Kabul court", "the Gaza ceasefire": a place before a noun describes the noun
        if words.words.get(range.end).and_then(|w| w.tag).is_some_and(|t| t.is_noun()) {
            continue;
        }
        let cx = cx.get_or_insert_with(|| crate::places::PlaceContext {
            hint: None,
            countries: out.iter().filter_map(|m| m.code.country().map(str::to_string)).collect(),
        });
        let country = match gazetteer.resolve(&n.text, cx, false) {
            Some(crate::places::Resolved::City(p)) => p.country.clone(),
            Some(crate::places::Resolved::Country(c)) => c.iso3.clone(),
            None => continue,
        };
        let at = out.iter().position(|m| m.words.start >= range.end).unwrap_or(out.len());
        out.insert(
            at,
            Mention {
                location: is_locative(words, range.start, ActorKind::Place),
                ..Mention::of_words(
                    words,
                    range,
                    ActorCode::new(country.clone()),
                    with_quoted("GeoNames: ", &n.text, " is a place of ") + &country,
                    ActorKind::Place,
                )
            },
        );
    }
}

/// Does word `i` stand outside a noun phrase, between a role and the place it is "of",
/// "from" or "in": a verb, an infinitive's "to" or a preposition other than "of"? A past
/// participle inside a compound modifier ("military-ruled") or before the noun it
/// describes ("the dissolved party") is the phrase's own.
fn breaks_noun_phrase(words: &Words, i: usize) -> bool {
    let tag = words.tag_str(i);
    let describes = || {
        (i > 0 && words.words[i - 1].hyphen_after)
            || words.words[i].hyphen_after
            || words
                .words
                .get(i + 1)
                .and_then(|x| x.tag)
                .is_some_and(|t| tag_is!(t, "NN" | "NNS" | "NNP" | "NNPS" | "JJ"))
    };
    matches!(tag, "VB" | "VBG" | "VBZ" | "VBP" | "TO" | "MD")
        || (tag == "IN" && words.norm(i) != "of")
        || (matches!(tag, "VBD" | "VBN") && !describes())
}

/// Head nouns of those a country posts in another: an "in" after them names the host.
const DIPLOMATIC_POSTS: &[&str] =
    &["embassy", "embassies", "consulate", "consulates", "ambassador", "ambassadors", "envoy", "envoys", "diplomats"];

/// "its ambassador to Algeria", "the embassy in Kabul": an agent phrase of the
/// dictionary ending in a preposition names where the agent is posted; the country
/// after it is not the agent's own, so the two are not one actor.
fn posted_to(words: &Words, dict: &Dictionaries, c: &Chunk) -> bool {
    c.words.len() > 1
        && dict.entry(c.entry).kind == ActorKind::Agent
        && matches!(words.norm(c.words.end - 1), "to" | "at" | "in" | "for")
}

/// "summoned the Chinese ambassador to complain": a dictionary phrase ending in a
/// preposition ("ambassador to") that is followed by a verb, not a name, ends before it.
fn trim_trailing_preposition(words: &Words, m: &mut Mention) {
    let last = m.words.end - 1;
    let next_is_verb = word_tag_is!(words, m.words.end, "VB");
    if m.words.len() > 1 && matches!(words.norm(last), "to" | "at" | "for" | "in" | "of") && next_is_verb {
        m.words.end = last;
        m.span.end = words.words[last - 1].span.end;
    }
}

/// Function words that end a noun phrase: a gap holding one of them is not a list of
/// describing words.
const FUNCTION_WORDS: &[&str] = &[
    "of", "in", "on", "at", "to", "from", "by", "with", "for", "against", "about", "over", "into", "after", "before",
    "as", "than", "that", "which", "who", "whom", "whose", "while", "when", "where", "if", "but", "then", "also",
    "not", "no", "is", "are", "was", "were", "be", "been", "has", "have", "had", "will", "would", "can", "could",
    "may", "might", "should", "must", "do", "does", "did", "said", "says", "he", "she", "it", "they", "we", "its",
    "their", "his", "her", "this", "these", "those", "there", "here", "both", "either", "neither", "nor", "so",
    "because", "and", "or", "the", "a", "an",
];
/// [`FUNCTION_WORDS`] as a hash set: looked up for most words.
static FUNCTION_WORD_SET: WordSet = WordSet::new(&[FUNCTION_WORDS]);

/// A lower-case word that can describe the noun after it ("evil", "federal", "new"):
/// not a function word, not a verb form of the dictionary, not an -ed/-ing form.
fn describing_word(words: &Words, dict: &Dictionaries, i: usize) -> bool {
    let w = &words.words[i];
    let n: &str = &w.norm;
    !w.punct
        && !w.capitalized
        && n.chars().all(|c| c.is_alphabetic())
        && !FUNCTION_WORD_SET.contains(n)
        // (a preposition the function-word list lacks: "the opposition leader under arrest";
        // not a prefix the tagger calls one: "intelligence co-operation")
        && (w.hyphen_after || w.tag.is_none_or(|t| !tag_is!(t, "IN")))
        // (nor a finite verb the verb dictionary lacks: "supported Trump and hates
        // radical Muslims" joins two clauses, not two actors)
        && w.tag.is_none_or(|t| !t.is_finite_verb())
        && !n.ends_with("ed")
        && !n.ends_with("ing")
        && dict.verbs.index.longest_at(&words.ids, i).is_none()
}

/// "the migrant crisis", "military aid": a bare role word right before a noun
/// describes that noun and is not an actor. A following word that could be a verb
/// (in the dictionary, or ending in -s/-ed/-ing) keeps the actor ("police arrested").
fn modifies_next_noun(words: &Words, dict: &Dictionaries, m: &Mention) -> bool {
    let next = m.words.end;
    if m.kind != ActorKind::Agent || m.code.country().is_some() || next >= words.len() {
        return false;
    }
    let n = words.norm(next);
    // "protesters twice stormed", "the drivers already": an adverb after the role word
    // heads no noun for it to describe (a general fact of English word order)
    if words.words[next].tag.is_some_and(|t| matches!(t.as_str(), "RB" | "RBR" | "RBS")) {
        return false;
    }
    // "troops loyal to Hifter", "militias close to Iran": an adjective with its own
    // complement after the role word describes the role, which stays the actor
    if words.words[next].tag.is_some_and(|t| t.is_adjective())
        && next + 1 < words.len()
        && matches!(words.norm(next + 1), "to" | "with")
    {
        return false;
    }
    let plural_or_verb_s = n.ends_with('s') && !n.ends_with("is") && !n.ends_with("ss") && !n.ends_with("us");
    // "an army camp", "a police convoy": what belongs to the actor stands for it
    const BELONGINGS: &[&str] = &[
        "camp",
        "base",
        "convoy",
        "station",
        "post",
        "checkpoint",
        "headquarters",
        "office",
        "building",
        "compound",
        "barracks",
        "vehicle",
        "patrol",
        "position",
        "outpost",
        "unit",
        "truck",
        "helicopter",
        "plane",
        "ship",
        "boat",
        "leader",
        "chief",
        "commander",
        "official",
        "spokesman",
        "spokeswoman",
        "member",
        "pastor",
    ];
    // "militia groups", "rebel factions": the groups of a role are the role's actors
    // (a plural class noun, as "members" above); not "the militant group", a description
    // of a group named before
    const COLLECTIVES: &[&str] = &["group", "faction", "network", "movement", "organization", "organisation", "cell"];
    // (looked up with `listed`: asked of the word after most agents)
    let collective = n.strip_suffix('s').is_some_and(|b| listed(COLLECTIVES, b))
        && !(m.words.start > 0 && matches!(words.norm(m.words.start - 1), "the" | "these" | "those" | "its" | "their"));
    let belonging = collective || listed(BELONGINGS, n) || n.strip_suffix('s').is_some_and(|b| listed(BELONGINGS, b));
    // a plural the tagger calls a noun, not a verb: "joint military exercises"
    let plural_noun = words.words[next].tag.is_some_and(|t| tag_is!(t, "NNS"));
    // an agent word the tagger reads as an adjective before a noun ("military/JJ
    // exercises") modifies it, whatever the tag of that noun
    let adjective = m.words.len() == 1 && words.words[m.words.start].tag.is_some_and(|t| t.is_adjective());
    if adjective && !belonging && words.words[next].tag.is_some_and(|t| t.is_noun() || tag_is!(t, "VBZ")) {
        return true;
    }
    describing_word(words, dict, next) && (!plural_or_verb_s || plural_noun) && !belonging
}

/// Is word `k` the leader named in a compound with "led" ("the Saudi-led coalition",
/// "a UN-led mission")? The one who leads is the actor of what the compound describes.
fn led_by(words: &Words, k: usize) -> bool {
    words.words[k].hyphen_after && k + 1 < words.len() && matches!(words.norm(k + 1), "led" | "spearheaded")
}

/// "Brazil's federal police", "Turkish riot police": a country, an optional 's and up
/// to two describing words before an agent make one actor.
fn country_modifiers_agent(words: &Words, dict: &Dictionaries, a: &Chunk, b: &Chunk) -> bool {
    let (ka, kb) = (dict.entry(a.entry).kind, dict.entry(b.entry).kind);
    // ... and so a faith before an agent ("Moslem fundamentalist demonstrators"): its
    // describing words narrow the role down, the faith still names whose it is (CAMEO's
    // religion codes)
    let faith = ka == ActorKind::Agent
        && dict.entry(a.entry).roles.iter().all(|r| matches!(r.code.as_str(), "MUS" | "CHR" | "JEW" | "HIN" | "BUD"));
    // ("Hamas-led militants": any named actor that leads the role after it makes one
    // actor with it, not only a country; "women-led" names no leader)
    let led = ka != ActorKind::Agent
        && kb == ActorKind::Agent
        && b.words.start == a.words.end + 1
        && led_by(words, a.words.end - 1);
    if led {
        return true;
    }
    if !(matches!(ka, ActorKind::Country | ActorKind::Place) || faith) || kb != ActorKind::Agent {
        return false;
    }
    let mut gap = a.words.end..b.words.start;
    if !gap.is_empty() && words.norm(gap.start) == "'s" {
        gap.start += 1;
    }
    // "US-led forces": the forces the country leads
    if !gap.is_empty() && led_by(words, a.words.end - 1) {
        gap.start += 1;
        if gap.is_empty() {
            return true;
        }
    }
    // ("Gondor's awful and evil minister": two describing words may be coordinated)
    let joiner = |i: usize| matches!(words.norm(i), "and" | ",") && i > gap.start && i + 1 < gap.end;
    // "the Nigerian Ports Authority", "the Kenyan Supreme Court": capitalised words
    // between a country and a capitalised institution word name one of its bodies
    let title_word = |i: usize| {
        let w = &words.words[i];
        w.capitalized && !w.punct && w.norm.chars().all(|c| c.is_alphabetic()) && !FUNCTION_WORD_SET.contains(&w.norm)
    };
    let capitalised_body = words.words[b.words.start].capitalized && b.words.start > 0;
    if capitalised_body && gap.start == a.words.end && (1..=3).contains(&gap.len()) && gap.clone().all(title_word) {
        return true;
    }
    // "Sri Lankan Tamil rebels", "Syrian Kurdish fighters": a people's or faith's
    // capitalised adjective that no dictionary knows, between the country and the
    // role, narrows the role down; the country still owns it
    let people_word = |i: usize| {
        let w = &words.words[i];
        w.capitalized
            && !w.punct
            && w.norm.chars().all(|c| c.is_alphabetic())
            && !FUNCTION_WORD_SET.contains(&w.norm)
            && word_tag_is!(words, i, "JJ" | "NNP")
    };
    match gap.len() {
        1 | 2 => gap.clone().all(|i| describing_word(words, dict, i) || people_word(i)),
        3 => {
            joiner(gap.start + 1)
                && describing_word(words, dict, gap.start)
                && describing_word(words, dict, gap.end - 1)
        }
        _ => false,
    }
}

/// Words that tell where a person stands in a photo ("left", "second right", "centre").
const CAPTION_POSITIONS: &[&str] = &[
    "left", "right", "center", "centre", "front", "rear", "top", "bottom", "second", "third", "fourth", "2nd", "3rd",
    "4th", "far",
];

/// The words between two mentions coordinate them: "and", "or" or a comma, plus
/// at most determiners (possessive ones too: "the premier and his Gondorian
/// counterpart") and three describing words ("Arnor, the awful Gondor").
fn coordinated(words: &Words, dict: &Dictionaries, gap: Range<usize>) -> bool {
    // a photo caption's place of a person in the picture is no word between the two:
    // "Kenyatta, left, and Museveni", "Putin, second right, and Medvedev"
    let position = |i: usize| CAPTION_POSITIONS.contains(&words.norm(i));
    let gap = match (gap.start..gap.end).skip(1).find(|&i| words.norm(i) == ",") {
        Some(close)
            if words.norm(gap.start) == "," && close > gap.start + 1 && (gap.start + 1..close).all(position) =>
        {
            close..gap.end
        }
        _ => gap,
    };
    // "the Nairobi Securities Exchange and the Kampala Stock Exchange": the rest of a
    // proper name the first actor opens (capitalised proper nouns) is part of it, no word between
    let name_rest = (gap.start..gap.end)
        .take(3)
        .take_while(|&i| words.words[i].tag.is_some_and(|t| tag_is!(t, "NNP" | "NNPS")) && words.words[i].capitalized)
        .count();
    let gap = if name_rest > 0 && matches!(words.norm(gap.start + name_rest), "and" | "or") {
        gap.start + name_rest..gap.end
    } else {
        gap
    };
    // (the gap's first two words, read in place)
    let norm_at = |k: usize| (gap.start + k < gap.end).then(|| words.norm(gap.start + k));
    let lead = match (norm_at(0), norm_at(1), norm_at(2)) {
        (Some(","), Some("and" | "or"), _) => 2,
        // "Lima along with its partners", "the army together with the police",
        // "Britain as well as France": English's longer coordinators
        (Some("along" | "together"), Some("with"), _) => 2,
        (Some(","), Some("along" | "together"), Some("with")) | (Some("as"), Some("well"), Some("as")) => 3,
        (Some("and" | "or" | ","), _, _) => 1,
        _ => return false,
    };
    let rest = gap.start + lead..gap.end;
    let determiner = |i: usize| matches!(words.norm(i), "the" | "a" | "an" | "his" | "her" | "its" | "their");
    rest.len() <= 4
        && rest.clone().filter(|&i| !determiner(i)).count() <= 3
        && rest.clone().all(|i| determiner(i) || describing_word(words, dict, i))
}

/// "in", "throughout", "across": a preposition saying where a role is, not whose.
fn located_in(w: &str) -> bool {
    matches!(w, "in" | "throughout" | "across")
}

/// "the mayor of Nablus", "soldiers from Chad", "lawmakers in Arnor": a role without
/// a country takes the country of the place or actor it is "of", "from" or "in", and
/// the two become one mention. The role spreads along a list of countries after it
/// ("the ambassadors of Arnor, Osgiliath and Gondor") and the country back along a
/// list of roles before it ("lawmakers and officials in Arnor").
fn attach_of_place(words: &Words, ms: &mut Vec<Mention>) {
    let mut k = 0;
    while k < ms.len() {
        let m = &ms[k];
        // ("its troops from Iraq" are the troops of whom "its" points to, leaving Iraq)
        let owned = m.words.start > 0 && matches!(words.norm(m.words.start - 1), "its" | "their" | "our");
        let joins = m.kind == ActorKind::Agent
            && m.code.country().is_none()
            && m.code.as_str() != UNKNOWN_CODE
            && !owned
            && (matches!(words.norm(m.words.end), "of" | "from") || located_in(words.norm(m.words.end)))
            // ("the embassy in Nairobi" is another country's, posted there)
            && !(words.norm(m.words.end) == "in" && DIPLOMATIC_POSTS.contains(&words.norm(m.words.end - 1)));
        let from = m.words.end + 1;
        let target = (k + 1 < ms.len() && joins).then_some(k + 1).filter(|&j| {
            let between = from..ms[j].words.start;
            ms[j].words.start >= from
                && between.len() <= 4
                // (only the place's own noun phrase: "the opposition leader from
                // travelling to Uganda" is no leader from Uganda; "the port of",
                // "military-ruled", "the dissolved" are)
                && between.clone().all(|i| !words.words[i].punct && !breaks_noun_phrase(words, i))
                && (!located_in(words.norm(m.words.end))
                    || between.clone().all(|i| REGION_WORDS.contains(&words.norm(i))))
        });
        // "activists of Amnesty International": a role of a named organisation is that
        // organisation's role, its whole code (NGM + OPP), with or without a country
        let of_org = target.filter(|&j| {
            words.norm(ms[k].words.end) == "of"
                && (matches!(ms[j].kind, ActorKind::Org | ActorKind::Group)
                    || (ms[j].kind != ActorKind::Agent && ms[j].code.country().is_none()))
                && ms[j].code.as_str() != UNKNOWN_CODE
        });
        if let Some(j) = of_org {
            let org = ms.remove(j);
            let m = &mut ms[k];
            let role = m.code.as_str().to_string();
            // ... but the fighters of an armed group are that group: "gunmen of a rebel
            // movement" are the movement (its REB code), not its code with UAF added
            let fighter_of_armed = ARMED_ROLES.contains(&role.as_str()) && armed_code(&org.code);
            m.code = if fighter_of_armed { org.code.clone() } else { org.code.with_role(&role) };
            m.entry.push_str(" + of ");
            m.entry.push_str(&org.entry);
            m.words.end = org.words.end;
            m.span = m.span.cover(org.span);
            m.location = false;
            k += 1;
            continue;
        }
        if let Some(country) = target.and_then(|j| ms[j].code.country().map(str::to_string)) {
            // "protesters in Mombasa": the place stays a place (where it happened); after
            // "of"/"from" it only says whose the role is and joins the mention
            let located = located_in(words.norm(ms[k].words.end));
            // ... and is where it happened whatever kind of entry named it ("the police in
            // the Gaza Strip": Phoenix files Gaza as an organisation)
            if located {
                ms[k + 1].location = true;
            }
            let place = if located { ms[k + 1].clone() } else { ms.remove(k + 1) };
            let m = &mut ms[k];
            let role = m.code.as_str().to_string();
            // "leaders of Egypt's Muslim Brotherhood", "a spokesman of the Israeli army": a
            // member's role of a body named with its own role is that body's (EGYOPPMUS,
            // ISRMIL); those it acts on ("victims of the army") keep their own
            let of_body = words.norm(m.words.end) == "of"
                && place.code.sector().is_some()
                && place.entry.contains(" + ")
                && !matches!(role.as_str(), "CVL" | "REF" | "PPL");
            m.code = if of_body { place.code.clone() } else { ActorCode::new(country.clone()).with_role(&role) };
            for part in [" + ", words.norm(m.words.end), " ", &place.entry] {
                m.entry.push_str(part);
            }
            if !located {
                m.words.end = place.words.end;
                m.span = m.span.cover(place.span);
            }
            m.location = false;
            let mut j = if located { k + 2 } else { k + 1 };
            while j < ms.len()
                && ms[j].coordinated
                && in_list(words, ms[j - 1].words.end, &ms[j])
                && ms[j].kind == ActorKind::Country
                && ms[j].code.as_str().len() == 3
            {
                ms[j].code = ms[j].code.with_role(&role);
                ms[j].location = false;
                j += 1;
            }
            let mut j = k;
            while j > 0 && ms[j].coordinated && ms[j - 1].kind == ActorKind::Agent && ms[j - 1].code.country().is_none()
            {
                let r = ms[j - 1].code.as_str().to_string();
                ms[j - 1].code = ActorCode::new(country.clone()).with_role(&r);
                j -= 1;
            }
        }
        k += 1;
    }
}

/// Roles of those who fight: a fighter of an armed group takes the group's code alone.
const ARMED_ROLES: &[&str] = &["UAF", "REB", "INS", "MIL"];

/// Does `code` name an armed body (one of its three-letter parts is an armed role)?
fn armed_code(code: &ActorCode) -> bool {
    code.as_str().as_bytes().chunks(3).any(|part| ARMED_ROLES.iter().any(|r| r.as_bytes() == part))
}

/// Words that open a clause put before the main one ("When Arnor raided Gondor, ..."):
/// more than the coder's `SUBORDINATORS`, whose subject the coder looks for.
const FRONTING_WORDS: &[&str] = &[
    "when", "after", "before", "while", "since", "as", "once", "if", "unless", "although", "though", "because",
    "until", "whereas",
];

/// Does the comma at `comma` close a clause fronted by a subordinating word at the start
/// of the sentence, with a verb of its own before the comma? In "When Arnor raided
/// Gondor, Rohan and Dale sent food" the name before the comma is the raid's object,
/// not the first of the senders; "When asked, Rohan, Dale and Esgaroth replied" closes
/// the clause at its first comma, and the list after it is whole.
fn closes_fronted_clause(words: &Words, comma: usize) -> bool {
    if comma >= words.len() || words.norm(comma) != "," {
        return false;
    }
    // (a sentence may open with "But" or "And" before the subordinating word)
    let start = usize::from(matches!(words.norm(0), "but" | "and" | "yet" | "so"));
    start < comma
        && FRONTING_WORDS.contains(&words.norm(start))
        && (start + 1..comma).all(|i| words.norm(i) != ",")
        && (start + 1..comma).any(|i| words.tag_str(i).starts_with("VB"))
}

/// Does "and" between `prev` and `m` join two clauses, `prev` the object of the first
/// and `m` the subject of the second? "Kenya closed the Ugandan embassy and Uganda
/// expelled Kenyan diplomats": a finite verb right after `m`, and a verb right before
/// `prev` (determiners and describing words between) that takes it as its object, not a
/// verb of saying or thinking whose clause the two share as subjects ("said Uganda and
/// Tanzania agreed").
fn joins_clauses(words: &Words, prev: &Mention, m: &Mention) -> bool {
    const THINKING: &[&str] = &[
        "believe", "believes", "believed", "think", "thinks", "thought", "hope", "hopes", "hoped", "fear", "fears",
        "feared", "expect", "expects", "expected", "know", "knew", "warned", "warns",
    ];
    let gap = prev.words.end..m.words.start;
    if gap.len() != 1 || words.norm(gap.start) != "and" || m.words.end >= words.len() {
        return false;
    }
    let finite_after = words.words[m.words.end].tag.is_some_and(|t| tag_is!(t, "VBD" | "VBZ" | "VBP" | "MD"));
    let mut k = prev.words.start;
    while k > 0 && words.words[k - 1].tag.is_some_and(|t| tag_is!(t, "DT" | "JJ" | "PRP$" | "CD")) {
        k -= 1;
    }
    let verb_before = k > 0
        && words.words[k - 1].tag.is_some_and(|t| t.is_verb())
        && !crate::coder::SPEECH_VERBS.contains(&words.norm(k - 1))
        && !THINKING.contains(&words.norm(k - 1));
    finite_after && verb_before
}

/// Is `m`, coordinated with the mention that ends at `prev_end`, one item of a list?
/// A comma alone makes a list only when the list goes on after `m` ("Arnor, Gondor and
/// Rohan"); in "villages in Arnor, Gondor said" the name after the comma is the next
/// clause's subject, not one more place. (The last of a list with commas only, "Arnor,
/// Gondor, Rohan", is known by the item before it being listed.)
fn in_list(words: &Words, prev_end: usize, m: &Mention) -> bool {
    let joined_by_word = (prev_end..m.words.start).any(|i| {
        matches!(words.norm(i), "and" | "or")
            || (words.norm(i) == "with" && i > 0 && matches!(words.norm(i - 1), "along" | "together"))
            || (words.norm(i) == "well" && i > 0 && words.norm(i - 1) == "as")
    });
    joined_by_word || (m.words.end < words.len() && matches!(words.norm(m.words.end), "," | "and" | "or"))
}

/// "The US commander in Iraq, General David Petraeus, held talks", "Bashar Assad, the
/// Syrian president, said": a role and a person set side by side by a comma are one
/// actor. The person's code wins unless it only says "elite" (ELI), which the role
/// names more precisely.
fn merge_appositions(words: &Words, ms: &mut Vec<Mention>) {
    let mut k = 0;
    while k + 1 < ms.len() {
        // "The US commander in Iraq, General ...": the role's own place may stand between
        let j = if ms[k + 1].location && ms[k + 1].words.start == ms[k].words.end + 1 && k + 2 < ms.len() {
            k + 2
        } else {
            k + 1
        };
        let (a, b) = (&ms[k], &ms[j]);
        let a_end = ms[j - 1].words.end;
        let role = |m: &Mention| m.kind != ActorKind::Person && m.code.country().is_some() && m.code.sector().is_some();
        // (a plural role is no one person: "militias firing at U.S. aircraft carriers,
        // Haley replied")
        let plural =
            |m: &Mention| m.kind != ActorKind::Person && matches!(words.tag_str(m.words.end - 1), "NNS" | "NNPS");
        let pair = ((role(a) && b.kind == ActorKind::Person)
            || (a.kind == ActorKind::Person && role(b))
            || bare_role_before_person(a, b))
            && !plural(a)
            && !plural(b);
        let gap = a_end..b.words.start;
        let comma_first = !gap.is_empty() && words.norm(gap.start) == ",";
        let after = if b.words.end < words.len() { words.norm(b.words.end) } else { "" };
        let next = if b.words.end + 1 < words.len() { words.norm(b.words.end + 1) } else { "" };
        // not a list: "the envoy, Putin and Erdogan" / "..., Putin, and Erdogan"
        let list = matches!(after, "and" | "or") || (after == "," && matches!(next, "and" | "or"));
        // ", the", or a title the dictionary does not know (", General David Petraeus")
        let titled = gap.len() <= 3
            && comma_first
            && (a_end + 1..b.words.start).all(|i| words.words[i].capitalized && !words.words[i].punct);
        let gap_ok =
            (comma_first && (gap.len() == 1 || (gap.len() == 2 && words.norm(gap.start + 1) == "the"))) || titled;
        if !pair || !gap_ok || list || a.location || b.location {
            k += 1;
            continue;
        }
        let b = ms.remove(j);
        if j == k + 2 {
            ms.remove(k + 1); // the role's post, not the place of the event
        }
        let a = &mut ms[k];
        let (person, role_code) = if a.kind == ActorKind::Person {
            (a.code.clone(), b.code.clone())
        } else {
            (b.code.clone(), a.code.clone())
        };
        // a bare role takes the person's country ("prime minister, Ahmet Davutoglu": TURGOV)
        let role_code = match (role_code.country(), person.country()) {
            (None, Some(c)) => ActorCode::new(c.to_string()).with_role(role_code.as_str()),
            _ => role_code,
        };
        let generic = matches!(person.sector(), None | Some("ELI") | Some(UNKNOWN_CODE));
        if a.kind == ActorKind::Person {
            if generic {
                a.code = role_code;
            }
        } else if !generic {
            a.code = person;
            a.kind = ActorKind::Person;
            a.head = b.head;
        } else {
            a.code = role_code;
        }
        for part in [" = ", &b.entry, " (apposition)"] {
            a.entry.push_str(part);
        }
        a.words.end = b.words.end;
        a.span = a.span.cover(b.span);
    }
}

/// "Senate President, Bukola Saraki, will lead": a role no country qualifies, then a
/// comma and a person, is that person's title (the apposition's usual check wants a
/// country on the role).
fn bare_role_before_person(a: &Mention, b: &Mention) -> bool {
    a.kind == ActorKind::Agent && a.code.country().is_none() && a.code.sector().is_some() && b.kind == ActorKind::Person
}

/// "US and British activists": a bare country joined to a country with a role
/// shares that role (USA -> USAOPP beside GBROPP). "Danish media and government":
/// a bare role joined to a country with a role shares the country (DNKGOV).
fn share_compound_roles(words: &Words, ms: &mut [Mention]) {
    // only a bare "and" or comma: "Dagolath, the Osgiliath newspaper" is an apposition
    let tight = |a: &Mention, b: &Mention| {
        let gap = a.words.end..b.words.start;
        match gap.len() {
            1 => matches!(words.norm(gap.start), "and" | ","),
            2 => words.norm(gap.start) == "," && words.norm(gap.start + 1) == "and",
            _ => false,
        }
    };
    for k in (0..ms.len().saturating_sub(1)).rev() {
        // (a list, not a comma before the next clause's subject: "wounded another in
        // Arnor, Gondor's defence ministry said" leaves Arnor a place)
        if !tight(&ms[k], &ms[k + 1]) || !ms[k + 1].coordinated {
            continue;
        }
        let (a, b) = (&ms[k].code, &ms[k + 1].code);
        if ms[k].kind == ActorKind::Country
            && a.as_str().len() == 3
            && a.country().is_some()
            && b.country().is_some()
            && ms[k + 1].kind == ActorKind::Country
        {
            if let Some(sector) = b.sector().map(str::to_string) {
                ms[k].code = a.with_role(&sector);
                ms[k].location = false;
            }
        }
    }
    for k in 1..ms.len() {
        let country = ms[k - 1].code.country().filter(|_| ms[k - 1].code.sector().is_some()).map(str::to_string);
        let bare_role = ms[k].kind == ActorKind::Agent && ms[k].code.country().is_none();
        if let Some(c) = country.filter(|_| bare_role && tight(&ms[k - 1], &ms[k])) {
            let role = ms[k].code.as_str().to_string();
            ms[k].code = ActorCode::new(c).with_role(&role);
        }
    }
}

/// "President Rodrigo Duterte" in a text of no known date: the person's roles are dated,
/// so without a date the undated fallback (ELI, out of office) would be read; the title
/// before the name says which role the text means. The dated role whose code holds the
/// title's role (PHLGOV for "President") is taken, the latest if several. With a date,
/// or with no title, or a person of no such role, None.
fn titled_role(
    dict: &Dictionaries,
    person: EntryRef,
    date: Option<NaiveDate>,
    titles: &[(&str, String)],
) -> Option<(ActorCode, String)> {
    let e = dict.entry(person);
    if date.is_some() || titles.is_empty() || e.kind != ActorKind::Person || e.role_on(None).is_some_and(|r| r.dated) {
        return None;
    }
    let (title, title_why) = titles.first()?;
    let role = e
        .roles
        .iter()
        .filter(|r| r.dated && r.code.as_bytes().chunks_exact(3).skip(1).any(|part| part == title.as_bytes()))
        .max_by_key(|r| r.from)?;
    let file = &dict.entry_files[person.0];
    Some((
        ActorCode::new(role.code.clone()),
        format!("{} (the role the title {title_why} names)", role_str(file, &e.id, role)),
    ))
}

/// Code a group of chunks that make one mention (at least one chunk).
fn code_group(words: &Words, dict: &Dictionaries, group: &[Chunk], date: Option<NaiveDate>) -> Option<Mention> {
    let first = group.first()?.words.start;
    let last = group.last()?.words.end;
    let mut base: Option<(ActorCode, ActorKind, EntryRef, String)> = None;
    let mut roles: Vec<(&str, String)> = Vec::new();
    let mut head_named: Option<(ActorCode, ActorKind, EntryRef, String)> = None;
    // roles named after an organisation refine it: "UN troops" -> IGOUNO + MIL
    let mut after_head: Vec<(&str, String)> = Vec::new();
    // a sea or strait of the dictionary, coded "---": a place, never an actor
    let mut no_actor: Option<(EntryRef, String)> = None;
    for ch in group {
        let e = dict.entry(ch.entry);
        let file = &dict.entry_files[ch.entry.0];
        let role = e.role_on(date)?;
        let why = role_str(file, &e.id, role) + if ch.alias { " (surname named in full earlier)" } else { "" };
        match e.kind {
            ActorKind::Agent => {
                if head_named.is_some() {
                    after_head.push((&role.code, why.clone()));
                }
                roles.push((&role.code, why))
            }
            // "Spanish-language TV", "French-speaking voters": a language, not the country
            ActorKind::Country | ActorKind::Place
                if words.words[ch.words.end - 1].hyphen_after
                    && matches!(words.norm(ch.words.end), "language" | "speaking") =>
            {
                continue;
            }
            ActorKind::Country | ActorKind::Place => {
                let pro = ch.words.start > 0 && PRO_ANTI.contains(&words.norm(ch.words.start - 1));
                // (a sea or strait, coded "---", is no actor and gives none its country:
                // "the South China Sea" holds no China)
                if role.code == UNKNOWN_CODE {
                    no_actor.get_or_insert((ch.entry, why));
                } else if !pro && base.is_none() {
                    base = Some((ActorCode::new(role.code.clone()), e.kind, ch.entry, why));
                }
            }
            _ => head_named = Some((ActorCode::new(role.code.clone()), e.kind, ch.entry, why)),
        }
    }
    let (code, kind, head, entry) = match (head_named, base) {
        // a named person/organisation carries its own code; titles and demonyms around it only describe it
        (Some((code, kind, e, why)), base) => {
            let (code, why) = titled_role(dict, e, date, &roles).unwrap_or((code, why));
            let code = match (code.country(), &base) {
                (None, Some((b, _, _, _))) if kind == ActorKind::Group || kind == ActorKind::Org => {
                    ActorCode::new([b.country().unwrap_or(""), code.as_str()].concat())
                }
                _ => code,
            };
            let (mut code, mut why) = (code, why);
            // armed groups already carry their nature in the code ("IS jihadists" stays IMGMUSISI)
            if kind == ActorKind::Org {
                for (r, w) in &after_head {
                    code = code.with_role(r);
                    why.push_str(" + ");
                    why.push_str(w);
                }
            }
            (code, kind, Some(e), why)
        }
        (None, Some((b, kind, e, why))) => {
            let mut code = b;
            let mut why = why;
            for (r, w) in &roles {
                // a capital already stands for its government; a role refines the country
                let country = ActorCode::new(code.country().unwrap_or(code.as_str()).to_string());
                code = if kind == ActorKind::Place && *r == "GOV" { code } else { country.with_role(r) };
                why.push_str(" + ");
                why.push_str(w);
            }
            (code, kind, Some(e), why)
        }
        (None, None) if roles.is_empty() => {
            let (e, why) = no_actor?;
            (ActorCode::new(UNKNOWN_CODE), ActorKind::Place, Some(e), why)
        }
        (None, None) => {
            let (r, w) = roles.first()?;
            let mut code = ActorCode::new(r.trim_end_matches('~'));
            let mut why = w.clone();
            for (r, w) in &roles[1..] {
                code = code.with_role(r);
                why.push_str(" + ");
                why.push_str(w);
            }
            (code, ActorKind::Agent, None, why)
        }
    };
    let location = matches!(kind, ActorKind::Country | ActorKind::Place)
        && roles.is_empty()
        && (is_locative(words, first, kind) || code.as_str() == UNKNOWN_CODE);
    // "government-held", "UK-based": a name inside a compound modifier is not an actor
    // (but the one that claims an attack did it: "a Taliban-claimed bombing", ...)
    let claimant = last < words.len() && words.norm(last) == "claimed";
    // ... nor the owner of what it describes ("a Greek-owned tanker" is Greece's)
    let owner = last < words.len() && matches!(words.norm(last), "owned" | "operated");
    // nor the one that leads what the compound describes ("the Saudi-led coalition")
    if words.words[last - 1].hyphen_after && !location && !claimant && !owner && !led_by(words, last - 1) {
        return None;
    }
    Some(Mention {
        words: first..last,
        span: words.span_of(first, last),
        code,
        entry,
        kind,
        head,
        location,
        coordinated: false,
        refers_back: false,
    })
}

/// The words inside `span` (a tagger's name), first to last; None if none is.
/// (found from each end, without collecting those between)
fn words_inside(words: &Words, span: Span) -> Option<Range<usize>> {
    let inside = |i: &usize| span.contains(words.words[*i].span);
    let first = (0..words.len()).find(inside)?;
    let last = (0..words.len()).rfind(inside)?;
    Some(first..last + 1)
}

fn is_locative(words: &Words, start: usize, kind: ActorKind) -> bool {
    let mut j = start;
    while j > 0 {
        j -= 1;
        let w = words.norm(j);
        if LOCATIVE.contains(&w) || (kind == ActorKind::Place && LOCATIVE_CITY.contains(&w)) {
            return true;
        }
        if !REGION_WORDS.contains(&w) {
            return false;
        }
    }
    false
}

/// "the two leaders", "both countries": a plural phrase that points back at the last two
/// actors of its kind, in this sentence before it or in the sentences before. The phrase
/// becomes a compound of those two (each a mention over the phrase's words, the second
/// coordinated with the first), so "the two leaders sat down to discuss" is a
/// consultation between them. `earlier` yields the mentions of the preceding sentences,
/// nearest first.
pub fn resolve_plural_references<'a>(
    words: &Words,
    mentions: &mut Vec<Mention>,
    earlier: impl Iterator<Item = &'a Mention> + Clone,
) {
    const PEOPLE: &[&str] = &["leaders", "presidents", "ministers", "men", "premiers", "heads"];
    const STATES: &[&str] = &["countries", "nations", "states", "neighbours", "neighbors"];
    const ANY: &[&str] = &["sides", "parties"];
    // "the two governments": of the last two countries named, by their countries or
    // their governments and leaders, not by companies or armies of theirs
    const GOVERNMENTS: &[&str] = &["governments", "administrations", "regimes", "cabinets"];
    let mut k = 0;
    while k + 1 < words.len() {
        let (a, b) = (words.norm(k), words.norm(k + 1));
        let (start, head) = match (a, b) {
            ("two", h) if k > 0 && words.norm(k - 1) == "the" => (k - 1, h),
            ("both", h) => (k, h),
            _ => {
                k += 1;
                continue;
            }
        };
        let end = k + 2;
        let fits = |m: &Mention| {
            !m.location
                && if PEOPLE.contains(&head) {
                    m.kind == ActorKind::Person
                } else if STATES.contains(&head) {
                    m.kind == ActorKind::Country
                } else if GOVERNMENTS.contains(&head) {
                    m.code.country().is_some() && matches!(m.code.sector(), None | Some("GOV"))
                } else {
                    // (a side is a named party: not a bare role, "aid workers", "hostages")
                    ANY.contains(&head) && !(m.kind == ActorKind::Agent && m.code.country().is_none())
                }
        };
        let inside = |m: &Mention| m.words.start < end && start < m.words.end;
        // the last two of the kind, nearest first, with different codes: in this sentence
        // before the phrase, then in the sentences before
        let mut found: Vec<Mention> = Vec::new();
        // (a country and its own government are one of the two)
        let same = |a: &Mention, b: &Mention| {
            a.code == b.code || (GOVERNMENTS.contains(&head) && a.code.country() == b.code.country())
        };
        let mut take = |m: &Mention| {
            if fits(m) && !found.iter().any(|f| same(f, m)) {
                found.push(m.clone());
            }
            found.len() == 2
        };
        // the object of a verb ("Guterres urged both sides to ..."): the verb's subject,
        // in its clause before it, is not one of the two it acts on
        let verb_before = start > 0 && words.words[start - 1].tag.is_some_and(|t| t.as_str().starts_with("VB"));
        let clause_start = if verb_before {
            (0..start - 1).rfind(|&j| matches!(words.norm(j), "," | ";" | ":")).map_or(0, |j| j + 1)
        } else {
            start
        };
        if !mentions.iter().filter(|m| m.words.end <= start && m.words.start < clause_start).rev().any(&mut take) {
            earlier.clone().any(&mut take);
        }
        if found.len() < 2 || mentions.iter().any(|m| inside(m) && m.kind != ActorKind::Agent) {
            k += 1;
            continue;
        }
        let span = words.span_of(start, end);
        let phrase: Vec<&str> = (start..end).map(|j| words.norm(j)).collect();
        let made: Vec<Mention> = found
            .iter()
            .rev()
            .enumerate()
            .map(|(n, m)| Mention {
                words: start..end,
                span,
                code: if GOVERNMENTS.contains(&head) { m.code.with_role("GOV") } else { m.code.clone() },
                entry: ["\"", &phrase.join(" "), "\" = ", m.code.as_str(), " (", &m.entry, ")"].concat(),
                kind: m.kind,
                head: m.head,
                location: false,
                coordinated: n > 0,
                refers_back: true,
            })
            .collect();
        // a role word the phrase holds ("leaders" = GOV) gives way to the two it names
        mentions.retain(|m| !inside(m));
        let at = mentions.iter().position(|m| m.words.start >= end).unwrap_or(mentions.len());
        mentions.splice(at..at, made);
        k = end;
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn quoted_words_read_as_their_debug_form() {
        for s in ["kenya", "al-Assad", "O'Brien", "say \"no\"", "back\\slash", "Gdańsk", "tab\there", "", "~ok!"] {
            let mut quoted = String::from("x ");
            push_quoted(&mut quoted, s);
            assert_eq!(quoted, format!("x {s:?}"));
            assert_eq!(with_quoted("<", s, ">"), format!("<{s:?}>"));
        }
    }
}
