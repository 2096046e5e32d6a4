//! dyad's verb-pattern dictionary format and its in-memory form.
//!
//! Tab-separated records, one per line:
//! - `synset  &NAME  phrase; phrase; ...`
//! - `block   NAME   CODE` — a group of synonymous verbs with a default code;
//! - `verb    NAME   LEMMA  CODE-or-'-'  form; form; ...` — every surface form listed;
//! - `pattern NAME   CODE   PATTERN  ORIGIN  [VERB]` — a pattern over the words around
//!   the verb `*`: plain words, `{noun groups}` (words of one noun phrase, in order,
//!   adjectives allowed between them), `(prepositional groups)`, `&SYNSET`, `$`
//!   source actor, `+` target actor, `%` compound actor (two or more actors joined by
//!   "and", "or" or commas), `^` an actor stepped over (the next actor, a place
//!   included, takes no role: TABARI's actor skip; no actor there, no match). With VERB (a lemma of the block), only that verb takes the
//!   pattern; without, every verb of the block does. Of the patterns that match, the
//!   most specific wins (a word of a group or sequence counts 2, a compound 3, an
//!   actor 1), then one with a word other than a preposition over one of prepositions
//!   only (`* invitation` over `* (to)`), then the one whose words cover more of the
//!   sentence.
//!
//! - `transform VERB  X Y CODE  X Y CODE  ORIGIN` — an event governed by VERB (its
//!   lemma) is replaced: `say  a b 190  a b 015` reads "when a says that a attacked
//!   b, code a -> b 015". Variables: `a` the governing verb's source, `b` another
//!   actor, `.` anyone, `_` nobody named (an infinitive without its own subject).
//!   The governed code matches its whole family (190 matches every 19x).
//!
//! CODE is a CAMEO code, `SRC:TGT` for an event plus its reciprocal (target back
//! to source), `:TGT` for the reciprocal only, or `---` for "no event".

use super::actors::DictError;
use crate::sentence::{present_bit, Words, PRESENT_WORDS};
use crate::words::UNKNOWN;

/// The event codes a verb or pattern gives.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Code {
    /// source -> target
    pub forward: Option<String>,
    /// target -> source (the reciprocal event, e.g. 043 "host a visit" for 042)
    pub reverse: Option<String>,
}

impl Code {
    pub fn parse(s: &str) -> Result<Code, String> {
        let s = s.trim().trim_start_matches('[').trim_end_matches(']').trim();
        let part = |p: &str| -> Result<Option<String>, String> {
            let p = p.trim();
            if p.is_empty() || p.chars().all(|c| c == '-') {
                Ok(None)
            } else if p.len() >= 2 && p.len() <= 4 && p.chars().all(|c| c.is_ascii_digit()) {
                Ok(Some(p.to_string()))
            } else {
                Err(format!("bad CAMEO code {p:?}"))
            }
        };
        match s.split_once(':') {
            Some((a, b)) => Ok(Code { forward: part(a)?, reverse: part(b)? }),
            None => Ok(Code { forward: part(s)?, reverse: None }),
        }
    }

    pub fn is_none(&self) -> bool {
        self.forward.is_none() && self.reverse.is_none()
    }

    /// Write the code as it is displayed, "---", "042" or "042:043" (written straight
    /// into a String by the coder's rule texts, without the formatting machinery).
    pub fn write_to(&self, out: &mut impl std::fmt::Write) -> std::fmt::Result {
        match (&self.forward, &self.reverse) {
            (None, None) => out.write_str("---"),
            (a, Some(b)) => {
                out.write_str(a.as_deref().unwrap_or(""))?;
                out.write_char(':')?;
                out.write_str(b)
            }
            (Some(a), None) => out.write_str(a),
        }
    }
}

impl std::fmt::Display for Code {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        self.write_to(f)
    }
}

/// One word-level item of a pattern. The number is filled when the pattern joins the
/// dictionaries ([`UNKNOWN`] until then): the word's vocabulary id, or the synset's
/// slot in [`crate::dict::Verbs::synset_index`].
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Atom {
    Word(String, u32),
    Synset(String, u32),
}

impl Atom {
    pub fn word(w: &str) -> Atom {
        Atom::Word(w.to_string(), UNKNOWN)
    }

    pub fn synset(name: &str) -> Atom {
        Atom::Synset(name.to_string(), UNKNOWN)
    }
}

/// One element of a pattern, matched in order with gaps allowed between elements.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Elem {
    /// Consecutive atoms (a single word is a one-atom sequence).
    Seq(Vec<Atom>),
    Source,
    Target,
    /// Either actor of a compound ("%"): matched like a target.
    Compound,
    /// An actor the pattern steps over ("^", TABARI's actor skip): the next actor,
    /// a place included, takes no role ("* talks (in ^) (with) +").
    Skip,
}

#[derive(Clone, Debug, PartialEq)]
pub struct Pattern {
    pub code: Code,
    /// Elements before the verb, nearest to the verb last.
    pub before: Vec<Elem>,
    pub after: Vec<Elem>,
    /// The pattern as written, for `rule` and `--explain`.
    pub text: String,
    pub origin: String,
    /// The one verb (lemma) of the block the pattern was written for, if it is limited.
    pub verb: Option<String>,
    /// Word ids (in the dictionaries' vocabulary) of the literal words the pattern
    /// needs, filled when the pattern joins the dictionaries: a sentence without one
    /// of them (in some inflection) cannot match, so the pattern is not tried.
    pub needs: Vec<u32>,
}

impl Pattern {
    /// The literal words of the pattern (synsets vary).
    pub fn literal_words(&self) -> impl Iterator<Item = &str> {
        self.before
            .iter()
            .chain(&self.after)
            .flat_map(|e| match e {
                Elem::Seq(atoms) => atoms.as_slice(),
                _ => &[],
            })
            .filter_map(|a| match a {
                Atom::Word(w, _) => Some(w.as_str()),
                _ => None,
            })
    }

    /// How much of the sentence the pattern pins down; the most specific match wins.
    pub fn specificity(&self) -> usize {
        let count = |es: &[Elem]| -> usize {
            es.iter()
                .map(|e| match e {
                    Elem::Seq(a) => 2 * a.len(),
                    // a compound pins down two actors and the word joining them
                    Elem::Compound => 3,
                    _ => 1,
                })
                .sum()
        };
        count(&self.before) + count(&self.after)
    }

    pub fn parse(code: Code, text: &str, origin: &str) -> Result<Pattern, String> {
        let mut before = Vec::new();
        let mut after = Vec::new();
        let mut seen_verb = false;
        let mut group: Option<Vec<Atom>> = None;
        // a prepositional phrase "(FOR SANCTIONS AGAINST)" is one sequence, the
        // preposition and the words of its noun phrase together (braces inside it
        // join it); an actor marker inside it ends the sequence before it
        let mut phrase: Option<Vec<Atom>> = None;
        let spaced =
            text.replace('{', " { ").replace('}', " } ").replace('*', " * ").replace('(', " ( ").replace(')', " ) ");
        for tok in spaced.split_whitespace() {
            let side = if seen_verb { &mut after } else { &mut before };
            let elem = match tok {
                "*" => {
                    if seen_verb {
                        return Err("two verb markers '*'".into());
                    }
                    if let Some(g) = phrase.take().filter(|g| !g.is_empty()) {
                        side.push(Elem::Seq(g));
                    }
                    seen_verb = true;
                    continue;
                }
                "(" => {
                    if let Some(g) = phrase.replace(Vec::new()).filter(|g| !g.is_empty()) {
                        side.push(Elem::Seq(g));
                    }
                    continue;
                }
                ")" => match phrase.take() {
                    Some(g) if !g.is_empty() => Elem::Seq(g),
                    _ => continue,
                },
                "{" if phrase.is_some() => continue,
                "}" if phrase.is_some() => continue,
                "{" => {
                    group = Some(Vec::new());
                    continue;
                }
                "}" => match group.take() {
                    Some(g) if !g.is_empty() => Elem::Seq(g),
                    _ => continue,
                },
                "$" | "+" | "%" | "^" => {
                    if let Some(g) = phrase.as_mut().filter(|g| !g.is_empty()) {
                        side.push(Elem::Seq(std::mem::take(g)));
                    }
                    match tok {
                        "$" => Elem::Source,
                        "+" => Elem::Target,
                        "%" => Elem::Compound,
                        _ => Elem::Skip,
                    }
                }
                t => {
                    let atom = match t.strip_prefix('&') {
                        Some(s) => Atom::Synset(s.to_ascii_lowercase(), UNKNOWN),
                        None => Atom::Word(crate::words::normalize_word(t.trim_end_matches('_')), UNKNOWN),
                    };
                    if let Some(g) = phrase.as_mut().or(group.as_mut()) {
                        g.push(atom);
                        continue;
                    }
                    Elem::Seq(vec![atom])
                }
            };
            side.push(elem);
        }
        if let Some(g) = phrase.take().filter(|g| !g.is_empty()) {
            if seen_verb { &mut after } else { &mut before }.push(Elem::Seq(g));
        }
        if !seen_verb {
            return Err("no verb marker '*'".into());
        }
        Ok(Pattern {
            code,
            before,
            after,
            text: text.to_string(),
            origin: origin.to_string(),
            verb: None,
            needs: Vec::new(),
        })
    }
}

/// The grammatical form of a verb occurrence, guessed from its spelling.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Form {
    Base,
    Third,
    Past,
    Ing,
}

#[derive(Clone, Debug, PartialEq)]
pub struct VerbForm {
    pub block: usize,
    pub lemma: String,
    pub code: Option<Code>,
    pub form: Form,
}

#[derive(Clone, Debug, PartialEq)]
pub struct VerbBlock {
    pub name: String,
    pub code: Code,
    pub patterns: Vec<Pattern>,
    /// The patterns by their first needed word, for [`VerbBlock::candidates`]. Filled by
    /// [`VerbBlock::index_needs`] when a [`crate::Coder`] is made, as the vocabulary's word
    /// forms are.
    pub needs_index: NeedsIndex,
}

/// A block's patterns by the first of their [`Pattern::needs`], as the bit of that word
/// in a sentence's filter of words ([`crate::sentence::present_bit`]): the patterns whose
/// word may be in a sentence are found from the bits the sentence and the block share,
/// without reading the others.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct NeedsIndex {
    /// The patterns that need no word.
    unneeded: Vec<u32>,
    /// The same, a bit per pattern (bit `k % 64` of word `k / 64`), as long as the
    /// block's patterns need: [`VerbBlock::candidates`] starts from a copy.
    unneeded_bits: Vec<u64>,
    /// (the bit of its first needed word, pattern), sorted.
    by_bit: Vec<(u16, u32)>,
    /// The bits of `by_bit`, as a sentence's filter holds them: (the filter's word, its
    /// bits), for the words that have some.
    bits: Vec<(usize, u64)>,
}

impl VerbBlock {
    /// Fill [`VerbBlock::needs_index`] from the patterns' needs.
    pub fn index_needs(&mut self) {
        let mut index = NeedsIndex::default();
        let mut bits = [0u64; PRESENT_WORDS];
        for (k, p) in self.patterns.iter().enumerate() {
            match p.needs.first().copied().filter(|&id| id != UNKNOWN) {
                Some(id) => {
                    let bit = present_bit(id);
                    bits[bit / 64] |= 1 << (bit % 64);
                    index.by_bit.push((bit as u16, k as u32));
                }
                None => index.unneeded.push(k as u32),
            }
        }
        index.by_bit.sort_unstable();
        index.unneeded_bits = vec![0; self.patterns.len().div_ceil(64)];
        for &k in &index.unneeded {
            index.unneeded_bits[k as usize / 64] |= 1 << (k % 64);
        }
        index.bits = bits.into_iter().enumerate().filter(|&(_, b)| b != 0).collect();
        self.needs_index = index;
    }

    /// The patterns, less those whose first needed word is in no form of the sentence's
    /// words (as [`Words::may_contain`] tells), in their order.
    pub fn candidates<'a>(&'a self, w: &Words) -> impl Iterator<Item = &'a Pattern> + use<'a> {
        // (the patterns chosen are marked in a bit set, read in order: no list of them
        // to sort; as before, a block `index_needs` has not indexed yields none)
        let index = &self.needs_index;
        let mut chosen = index.unneeded_bits.clone();
        let sentence = w.present_bits();
        for &(slot, block) in &index.bits {
            let mut both = block & sentence[slot];
            while both != 0 {
                let bit = (slot * 64 + both.trailing_zeros() as usize) as u16;
                let from = index.by_bit.partition_point(|&(b, _)| b < bit);
                for &(_, k) in index.by_bit[from..].iter().take_while(|&&(b, _)| b == bit) {
                    chosen[k as usize / 64] |= 1 << (k % 64);
                }
                both &= both - 1;
            }
        }
        let patterns = &self.patterns;
        chosen.into_iter().enumerate().flat_map(move |(slot, mut bits)| {
            std::iter::from_fn(move || {
                (bits != 0).then(|| {
                    let k = slot * 64 + bits.trailing_zeros() as usize;
                    bits &= bits - 1;
                    &patterns[k]
                })
            })
        })
    }
}

/// A variable of a transformation.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Var {
    /// the governing verb's source
    A,
    /// another actor
    B,
    /// anyone (or nobody)
    Any,
    /// nobody named: the governed verb has no subject of its own
    None,
}

impl Var {
    fn parse(s: &str) -> Option<Var> {
        Some(match s {
            "a" => Var::A,
            "b" => Var::B,
            "." => Var::Any,
            "_" => Var::None,
            _ => return None,
        })
    }
}

/// An event governed by another verb, replaced by one event of the pair
/// ("the US claimed that ISIL attacked Iraq": US accuses ISIL, 112).
#[derive(Clone, Debug, PartialEq)]
pub struct Transform {
    /// The governing verb's lemma.
    pub outer: String,
    pub inner_source: Var,
    pub inner_target: Var,
    /// The governed event's code family: "19" for 190, "186" for 186.
    pub inner_family: String,
    pub result_source: Var,
    pub result_target: Var,
    pub code: String,
    pub origin: String,
}

impl Transform {
    pub fn parse(outer: &str, inner: &str, result: &str, origin: &str) -> Result<Transform, String> {
        let three = |s: &str| -> Result<(Var, Var, String), String> {
            let parts: Vec<&str> = s.split_whitespace().collect();
            let bad = || format!("expected 'X Y CODE', found {s:?}");
            let [x, y, c] = parts[..] else { return Err(bad()) };
            let code = Code::parse(c)?.forward.ok_or_else(bad)?;
            Ok((Var::parse(x).ok_or_else(bad)?, Var::parse(y).ok_or_else(bad)?, code))
        };
        let (inner_source, inner_target, inner_code) = three(inner)?;
        let (result_source, result_target, code) = three(result)?;
        if outer.trim().is_empty() {
            return Err("no governing verb".into());
        }
        Ok(Transform {
            outer: outer.trim().to_lowercase(),
            inner_source,
            inner_target,
            inner_family: inner_code.trim_end_matches('0').to_string(),
            result_source,
            result_target,
            code,
            origin: origin.to_string(),
        })
    }

    /// Does a governed event with this code belong to the transformation's family?
    pub fn covers(&self, code: &str) -> bool {
        code.starts_with(&self.inner_family)
    }
}

/// Parsed verb file contents, before interning into a lookup index.
#[derive(Clone, Debug, Default)]
pub struct VerbFile {
    pub synsets: Vec<(String, Vec<String>)>,
    pub blocks: Vec<VerbBlock>,
    /// (surface form, verb)
    pub forms: Vec<(String, VerbForm)>,
    pub transforms: Vec<Transform>,
}

/// Guess the form of `surface` given the verb's base (first word decides).
pub fn classify_form(base: &str, surface: &str) -> Form {
    let b = base.split_whitespace().next().unwrap_or("");
    let s = surface.split_whitespace().next().unwrap_or("");
    if s == b {
        Form::Base
    } else if s.ends_with("ing") {
        Form::Ing
    } else if s.ends_with('s') && (s.len() == b.len() + 1 || s.len() == b.len() + 2 || s.ends_with("ies")) {
        Form::Third
    } else {
        Form::Past
    }
}

pub fn parse_verb_file(file: &str, text: &str) -> (VerbFile, Vec<DictError>) {
    let mut out = VerbFile::default();
    let mut errors = Vec::new();
    let mut block_index = std::collections::HashMap::new();
    for (i, line) in text.lines().enumerate() {
        if line.trim().is_empty() || line.starts_with('#') {
            continue;
        }
        let err = |message: String| DictError { file: file.to_string(), line: i + 1, message };
        let cols: Vec<&str> = line.split('\t').map(str::trim).collect();
        let list = |s: &str| -> Vec<String> {
            s.split(';').map(str::trim).filter(|s| !s.is_empty()).map(String::from).collect()
        };
        let block_of = |name: &str, errors: &mut Vec<DictError>| -> Option<usize> {
            let b = block_index.get(name).copied();
            if b.is_none() {
                errors.push(err(format!("verb block {name:?} not declared above")));
            }
            b
        };
        match (cols[0], cols.len()) {
            ("synset", 3..) => out.synsets.push((cols[1].trim_start_matches('&').to_ascii_lowercase(), list(cols[2]))),
            ("block", 3..) => match Code::parse(cols[2]) {
                Ok(code) => {
                    block_index.insert(cols[1].to_string(), out.blocks.len());
                    out.blocks.push(VerbBlock {
                        name: cols[1].to_string(),
                        code,
                        patterns: Vec::new(),
                        needs_index: NeedsIndex::default(),
                    });
                }
                Err(e) => errors.push(err(e)),
            },
            ("verb", 5..) => {
                let Some(b) = block_of(cols[1], &mut errors) else {
                    continue;
                };
                let code = match cols[3] {
                    "-" | "" => None,
                    c => match Code::parse(c) {
                        Ok(c) => Some(c),
                        Err(e) => {
                            errors.push(err(e));
                            continue;
                        }
                    },
                };
                let lemma = cols[2].to_string();
                for f in list(cols[4]) {
                    let form = classify_form(&lemma, &f);
                    out.forms.push((f, VerbForm { block: b, lemma: lemma.clone(), code: code.clone(), form }));
                }
            }
            ("pattern", 4..) => {
                let Some(b) = block_of(cols[1], &mut errors) else {
                    continue;
                };
                let parsed = Code::parse(cols[2])
                    .and_then(|code| Pattern::parse(code, cols[3], cols.get(4).copied().unwrap_or(file)));
                match parsed {
                    Ok(mut p) => {
                        p.verb = cols.get(5).filter(|v| !v.is_empty()).map(|v| v.to_lowercase());
                        out.blocks[b].patterns.push(p)
                    }
                    Err(e) => errors.push(err(e)),
                }
            }
            ("transform", 4..) => {
                match Transform::parse(cols[1], cols[2], cols[3], cols.get(4).copied().unwrap_or(file)) {
                    Ok(t) => out.transforms.push(t),
                    Err(e) => errors.push(err(e)),
                }
            }
            (kind, n) => errors.push(err(format!("unknown record {kind:?} with {n} columns"))),
        }
    }
    (out, errors)
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The candidates are the patterns the needs test passes, in their order: one whose
    /// first word is missing goes, one needing no word stays, and one whose first word
    /// is there but another is not stays for the full test.
    #[test]
    fn candidates_pass_over_patterns_whose_first_word_is_missing() {
        let mut vocab = crate::words::Vocab::default();
        let code = Code::parse("040").unwrap();
        let mut block = VerbBlock {
            name: "MEET".into(),
            code: code.clone(),
            patterns: Vec::new(),
            needs_index: NeedsIndex::default(),
        };
        for text in ["* envoy", "* +", "* mayor", "* envoy (of peace)"] {
            let mut p = Pattern::parse(code.clone(), text, "test").unwrap();
            p.needs =
                p.literal_words().map(|w| w.to_string()).collect::<Vec<_>>().iter().map(|w| vocab.intern(w)).collect();
            block.patterns.push(p);
        }
        block.index_needs();
        let words = crate::sentence::words_of("the mayor hosted two envoys", &vocab);
        let texts: Vec<&str> = block.candidates(&words).map(|p| p.text.as_str()).collect();
        assert_eq!(texts, ["* envoy", "* +", "* mayor", "* envoy (of peace)"]);
        let words = crate::sentence::words_of("the envoys met", &vocab);
        let texts: Vec<&str> = block.candidates(&words).map(|p| p.text.as_str()).collect();
        assert_eq!(texts, ["* envoy", "* +", "* envoy (of peace)"]);
    }

    #[test]
    fn codes_parse_with_reciprocals() {
        assert_eq!(Code::parse("042:043").unwrap(), Code { forward: Some("042".into()), reverse: Some("043".into()) });
        assert_eq!(Code::parse("[:020]").unwrap(), Code { forward: None, reverse: Some("020".into()) });
        assert!(Code::parse("---").unwrap().is_none());
        assert!(Code::parse("04x").is_err());
        assert_eq!(Code::parse("036:036").unwrap().to_string(), "036:036");
    }

    #[test]
    fn patterns_split_around_the_verb() {
        let p = Pattern::parse(Code::parse("154").unwrap(), "&MILITARY * (TO +) &STRONGHOLD (IN $)", "t").unwrap();
        assert_eq!(p.before, vec![Elem::Seq(vec![Atom::synset("military")])]);
        assert_eq!(
            p.after,
            vec![
                Elem::Seq(vec![Atom::word("to")]),
                Elem::Target,
                Elem::Seq(vec![Atom::synset("stronghold")]),
                Elem::Seq(vec![Atom::word("in")]),
                Elem::Source
            ]
        );
        // a prepositional phrase is one sequence, braces inside it join it, an actor
        // marker ends it
        let r = Pattern::parse(Code::default(), "* (FOR {NEW SANCTIONS} AGAINST) (TO + BORDER)", "t").unwrap();
        assert_eq!(
            r.after,
            vec![
                Elem::Seq(vec![Atom::word("for"), Atom::word("new"), Atom::word("sanctions"), Atom::word("against")]),
                Elem::Seq(vec![Atom::word("to")]),
                Elem::Target,
                Elem::Seq(vec![Atom::word("border")]),
            ]
        );
        let q = Pattern::parse(Code::default(), "* {ARMS SHIPMENT}", "t").unwrap();
        assert_eq!(q.after, vec![Elem::Seq(vec![Atom::word("arms"), Atom::word("shipment")])]);
        assert!(Pattern::parse(Code::default(), "no verb", "t").is_err());
    }

    #[test]
    fn verb_file_reports_bad_lines() {
        let text = "block\tMEET\t040\nverb\tMEET\tmeet\t-\tmeet; meets; met; meeting\npattern\tMEET\t036\t* (for talks)\tx\npattern\tNOPE\t036\t* x\nverb\tMEET\tgreet\t05x\tgreet\n";
        let (f, errors) = parse_verb_file("v.txt", text);
        assert_eq!(f.forms.len(), 4);
        assert_eq!(f.forms[2].1.form, Form::Past);
        assert_eq!(f.forms[3].1.form, Form::Ing);
        assert_eq!(f.forms[1].1.form, Form::Third);
        assert_eq!(f.blocks[0].patterns.len(), 1);
        assert_eq!(errors.iter().map(|e| e.line).collect::<Vec<_>>(), vec![4, 5]);
    }
}
