//! Direct quotes and their speakers.
//!
//! Quotation marks (straight `"`, curly `“ ”`, `„`, `« »`; a straight one with space
//! on both sides leans on no word and is none) are paired within a paragraph
//! (consecutive sentences with no newline between them); a quote left open runs to
//! the end of its paragraph and no further. Short quotes (under four
//! words) inside a sentence with no speech verb next to them are scare quotes and
//! are dropped. Speakers come from the clause after the quote (`"...," X said`,
//! `"..." said X`, `"...," X told Y`, `"...," X, the minister, said`, `"...",
//! according to X`) or before it (`X said: "..."`, `X told Y "..."`). X is a run of
//! capitalised words (titles included), a pronoun, or a short "the minister"
//! phrase; `speaker` is always the text at `speaker_span`. A quote with no speaker
//! in its own sentence right after a quote with one, in the same paragraph, takes
//! that speaker.

use crate::sentences::is_speech_verb;
use dyad_core::{Quote, Sentence, Span, Token, TokenKind};

/// Fewer words than this, inside a sentence, with no speaker: a scare quote.
const MIN_QUOTE_WORDS: usize = 4;
/// How far (in tokens) a name phrase may run.
const MAX_NAME_TOKENS: usize = 8;

const PRONOUNS: &[&str] = &["he", "she", "they", "i", "we"];
const DETERMINERS: &[&str] = &["the", "a", "an", "his", "her", "their", "its", "our"];
/// Words that may sit between a speaker and the verb: "Putin later said".
const ADVERBS: &[&str] = &[
    "also",
    "later",
    "earlier",
    "then",
    "has",
    "had",
    "have",
    "once",
    "again",
    "previously",
    "recently",
    "further",
    "reportedly",
    "would",
    "will",
    "was",
    "is",
    "repeatedly",
];
/// Words that end a "the minister" phrase after the verb: `said the minister on ...`.
const PHRASE_STOPS: &[&str] = &[
    "on", "in", "at", "after", "during", "while", "who", "which", "when", "to", "as", "and", "before", "from", "with",
    "for",
];
const JOINERS: &[&str] =
    &["al", "el", "bin", "ibn", "de", "da", "di", "du", "van", "von", "der", "den", "la", "le", "abu", "ben", "bint"];
/// Verbs that introduce a quote with no colon or comma: `X told reporters "..."`.
const INTRO_VERBS: &[&str] = &[
    "said", "says", "say", "saying", "told", "tells", "tell", "telling", "asked", "asks", "wrote", "writes", "added",
    "adds", "declared", "declares", "stated", "states",
];
/// Objects of "told": `Putin told reporters: "..."`.
const OBJECTS: &[&str] = &[
    "him",
    "her",
    "them",
    "us",
    "me",
    "you",
    "reporters",
    "journalists",
    "lawmakers",
    "parliament",
    "supporters",
    "crowds",
    "listeners",
    "viewers",
    "students",
];

/// Direct quotes in the sentences, in order. Speakers are text only
/// (`speaker_actor` stays None for the coder).
pub fn find_quotes(text: &str, sentences: &[Sentence]) -> Vec<Quote> {
    let mut out = Vec::new();
    let mut first = 0;
    for k in 1..=sentences.len() {
        let boundary = k == sentences.len() || {
            let (a, b) = (sentences[k - 1].span.end, sentences[k].span.start);
            text.get(a..b).is_none_or(|gap| gap.contains('\n'))
        };
        if boundary {
            Paragraph::new(text, &sentences[first..k]).quotes(&mut out);
            first = k;
        }
    }
    out
}

struct Paragraph<'a> {
    text: &'a str,
    toks: Vec<Token>,
    raw: Vec<&'a str>,
    /// For each token, the [start, end) token range of its sentence.
    sentence: Vec<(usize, usize)>,
    /// For each token: the rest of its sentence after it is punctuation only.
    punct_after: Vec<bool>,
}

enum Mark {
    Open,
    Close,
    Either,
}

impl<'a> Paragraph<'a> {
    fn new(text: &'a str, sentences: &[Sentence]) -> Self {
        let n: usize = sentences.iter().map(|s| s.tokens.len()).sum();
        let mut toks = Vec::with_capacity(n);
        let mut sentence = Vec::with_capacity(n);
        for s in sentences {
            let start = toks.len();
            toks.extend_from_slice(&s.tokens);
            let end = toks.len();
            sentence.extend(std::iter::repeat_n((start, end), end - start));
        }
        let raw = toks.iter().map(|t| t.span.slice(text)).collect();
        let mut punct_after = vec![true; toks.len()];
        for i in (0..toks.len().saturating_sub(1)).rev() {
            let same_sentence = sentence[i + 1] == sentence[i];
            punct_after[i] = !same_sentence || (toks[i + 1].kind == TokenKind::Punct && punct_after[i + 1]);
        }
        Paragraph { text, toks, raw, sentence, punct_after }
    }

    fn mark(&self, i: usize) -> Option<Mark> {
        match self.raw[i] {
            "\u{201C}" | "\u{201E}" | "\u{00AB}" => Some(Mark::Open),
            "\u{201D}" | "\u{00BB}" => Some(Mark::Close),
            // a straight quote with space on both sides leans on no word, so it opens
            // or closes nothing ("CAIRO (AP) " Police said ...": a dash lost in
            // conversion)
            "\"" if self.free_standing(i) => None,
            "\"" => Some(Mark::Either),
            _ => None,
        }
    }

    /// Is token `i` set off by whitespace on both sides?
    fn free_standing(&self, i: usize) -> bool {
        let span = self.toks[i].span;
        let before = self.text.get(..span.start).and_then(|t| t.chars().next_back());
        let after = self.text.get(span.end..).and_then(|t| t.chars().next());
        before.is_some_and(char::is_whitespace) && after.is_some_and(char::is_whitespace)
    }

    fn quotes(&self, out: &mut Vec<Quote>) {
        let n = self.toks.len();
        let mut pairs: Vec<(usize, Option<usize>)> = Vec::new();
        let mut open: Option<usize> = None;
        for i in 0..n {
            match (self.mark(i), open) {
                (Some(Mark::Open), _) | (Some(Mark::Either), None) => open = Some(i),
                (Some(Mark::Close | Mark::Either), Some(o)) => {
                    pairs.push((o, Some(i)));
                    open = None;
                }
                _ => {}
            }
        }
        if let Some(o) = open {
            pairs.push((o, None));
        }
        // the last emitted quote of this paragraph: its speaker and closing sentence
        let mut previous: Option<(Option<Span>, usize)> = None;
        for (o, c) in pairs {
            let end = c.unwrap_or(n);
            let mut last = end;
            while last > o + 1 && matches!(self.raw[last - 1], "," | ":" | ";") {
                last -= 1;
            }
            if last <= o + 1 {
                continue;
            }
            let content = &self.toks[o + 1..last];
            let words = content.iter().filter(|t| matches!(t.kind, TokenKind::Word | TokenKind::Number)).count();
            let mut speaker = c.and_then(|c| self.speaker_after(c)).or_else(|| self.speaker_before(o));
            let own_sentence = self.sentence[o].0 == o;
            let whole = own_sentence && c.is_none_or(|c| self.punct_after[c]);
            if speaker.is_none() && words < MIN_QUOTE_WORDS && !whole {
                continue;
            }
            if speaker.is_none() && own_sentence {
                if let Some((Some(s), prev_sentence_end)) = previous {
                    if o >= prev_sentence_end {
                        speaker = Some(s);
                    }
                }
            }
            let span = self.span(o + 1, last - 1);
            let text_of = |s: Span| self.text.get(s.start..s.end).map(str::to_string);
            let Some(quote_text) = text_of(span) else {
                continue;
            };
            let speaker_text = speaker.and_then(text_of);
            out.push(Quote {
                text: quote_text,
                span,
                speaker: speaker_text,
                speaker_span: speaker,
                speaker_actor: None,
            });
            let close_sentence_end = c.map_or(n, |c| self.sentence[c].1);
            previous = Some((speaker, close_sentence_end));
        }
    }

    fn low(&self, i: usize) -> String {
        self.raw.get(i).map_or(String::new(), |r| if r.len() <= 24 { r.to_lowercase() } else { String::new() })
    }

    fn is_capitalised(&self, i: usize) -> bool {
        self.toks[i].kind == TokenKind::Word
            && self.raw[i].starts_with(|c: char| c.is_uppercase())
            && !is_speech_verb(self.raw[i])
    }

    fn is_joiner(&self, i: usize) -> bool {
        let r = self.raw[i];
        if r == "-" {
            // only a hyphen inside a word: "al-Assad"
            i > 0
                && self.toks[i - 1].span.end == self.toks[i].span.start
                && self.toks.get(i + 1).is_some_and(|n| n.span.start == self.toks[i].span.end)
        } else {
            JOINERS.contains(&r)
        }
    }

    fn span(&self, a: usize, b: usize) -> Span {
        // tokens from the caller may be garbage: never build an inverted span
        let start = self.toks[a].span.start;
        Span::new(start, self.toks[b].span.end.max(start))
    }

    /// A run of capitalised words (with joiners such as "al" and "-") starting at
    /// `k` and not crossing `limit`; its last token.
    fn name_forward(&self, k: usize, limit: usize) -> Option<usize> {
        if k >= limit || !self.is_capitalised(k) {
            return None;
        }
        let mut last = k;
        let mut j = k + 1;
        while j < limit && j < k + MAX_NAME_TOKENS {
            if self.is_capitalised(j) {
                last = j;
            } else if !self.is_joiner(j) {
                break;
            }
            j += 1;
        }
        Some(last)
    }

    /// A run of capitalised words ending at `e`, not before `floor`; its first token.
    /// A leading "The" is left out.
    fn name_backward(&self, e: usize, floor: usize) -> Option<usize> {
        if !self.is_capitalised(e) {
            return None;
        }
        let mut first = e;
        let mut j = e;
        while j > floor && e - j < MAX_NAME_TOKENS {
            j -= 1;
            if self.is_capitalised(j) {
                first = j;
            } else if !self.is_joiner(j) {
                break;
            }
        }
        if first < e && matches!(self.raw[first], "The" | "A" | "An") {
            first += 1;
        }
        Some(first)
    }

    /// The speaker ending at `e` (before a verb), not before `floor`.
    fn subject_ending_at(&self, e: usize, floor: usize) -> Option<Span> {
        if PRONOUNS.contains(&self.low(e).as_str()) {
            return Some(self.span(e, e));
        }
        if let Some(first) = self.name_backward(e, floor) {
            return Some(self.span(first, e));
        }
        // "the Russian leader said"
        let mut j = e;
        while j >= floor && e - j < 5 && self.toks[j].kind == TokenKind::Word && !is_speech_verb(self.raw[j]) {
            if DETERMINERS.contains(&self.low(j).as_str()) {
                return (j < e).then(|| self.span(j, e));
            }
            if j == 0 {
                break;
            }
            j -= 1;
        }
        None
    }

    /// The speaker starting at `k` after a verb: `said Putin`, `said the minister`.
    fn subject_starting_at(&self, k: usize, limit: usize) -> Option<Span> {
        if k >= limit {
            return None;
        }
        if PRONOUNS.contains(&self.low(k).as_str()) {
            return Some(self.span(k, k));
        }
        if let Some(last) = self.name_forward(k, limit) {
            return Some(self.span(k, last));
        }
        if DETERMINERS.contains(&self.low(k).as_str()) {
            let mut last = k;
            let mut j = k + 1;
            while j < limit && j < k + 6 && self.toks[j].kind == TokenKind::Word {
                if PHRASE_STOPS.contains(&self.low(j).as_str()) {
                    break;
                }
                last = j;
                j += 1;
            }
            return (last > k).then(|| self.span(k, last));
        }
        None
    }

    /// Skip adverbs such as "later" from `k`; the first token that is not one.
    fn skip_adverbs(&self, mut k: usize, limit: usize) -> usize {
        let start = k;
        while k < limit && k < start + 2 && ADVERBS.contains(&self.low(k).as_str()) {
            k += 1;
        }
        k
    }

    /// `"...," X said`, `"..." said X`, `"...," X, the minister, said`,
    /// `"...", according to X`, in the sentence of the closing mark `c`.
    fn speaker_after(&self, c: usize) -> Option<Span> {
        let limit = self.sentence[c].1;
        let mut k = c + 1;
        while k < limit && matches!(self.raw[k], "," | "\u{2014}" | "\u{2013}") {
            k += 1;
        }
        if k >= limit {
            return None;
        }
        if is_speech_verb(self.raw[k]) {
            return self.subject_starting_at(k + 1, limit);
        }
        if self.low(k) == "according" && self.low(k + 1) == "to" {
            return self.subject_starting_at(k + 2, limit);
        }
        // the subject: a pronoun, a name, or "the minister"
        let subject_end = if PRONOUNS.contains(&self.low(k).as_str()) {
            k
        } else if let Some(last) = self.name_forward(k, limit) {
            last
        } else if DETERMINERS.contains(&self.low(k).as_str()) {
            let mut j = k + 1;
            while j < limit && j < k + 6 && self.toks[j].kind == TokenKind::Word && !is_speech_verb(self.raw[j]) {
                j += 1;
            }
            if j < limit && is_speech_verb(self.raw[j]) && j > k + 1 {
                return Some(self.span(k, j - 1));
            }
            return None;
        } else {
            return None;
        };
        let v = self.skip_adverbs(subject_end + 1, limit);
        if v < limit && is_speech_verb(self.raw[v]) {
            return Some(self.span(k, subject_end));
        }
        // apposition: `X, the Kremlin spokesman, said`
        if v < limit && self.raw[v] == "," {
            let mut j = v + 1;
            while j < limit && j < v + 12 {
                if self.raw[j] == "," && j + 1 < limit && is_speech_verb(self.raw[self.skip_adverbs(j + 1, limit)]) {
                    return Some(self.span(k, subject_end));
                }
                if self.mark(j).is_some() {
                    break;
                }
                j += 1;
            }
        }
        None
    }

    /// `X said: "..."`, `X told reporters "..."`, `X added, "..."`, `According to X,
    /// "..."`, in the sentence of the opening mark `o`.
    fn speaker_before(&self, o: usize) -> Option<Span> {
        let floor = self.sentence[o].0;
        if o <= floor {
            return None;
        }
        let mut k = o - 1;
        let colon = self.raw[k] == ":";
        if matches!(self.raw[k], ":" | ",") {
            if k == floor {
                return None;
            }
            k -= 1;
        }
        // find the verb: right here, after an object, or (after a colon) a little way back
        let reach = if colon { 8 } else { 4 };
        let mut v = None;
        let mut j = k;
        loop {
            // without a colon or comma only plain verbs of saying introduce a quote:
            // not `described as continued "escalation"`
            let verb = if colon || j < k || self.raw[o - 1] == "," {
                is_speech_verb(self.raw[j])
            } else {
                INTRO_VERBS.contains(&self.low(j).as_str())
            };
            if verb {
                v = Some(j);
                break;
            }
            if self.mark(j).is_some() || k - j >= reach || j == floor {
                break;
            }
            let object_like = self.is_capitalised(j)
                || self.is_joiner(j)
                || OBJECTS.contains(&self.low(j).as_str())
                || DETERMINERS.contains(&self.low(j).as_str());
            if !colon && !object_like {
                // "According to X, ..." has no verb
                break;
            }
            j -= 1;
        }
        if let Some(v) = v {
            if v == floor {
                return None;
            }
            // adverbs between subject and verb: "Putin later said"
            let mut e = v - 1;
            let mut skipped = 0;
            while e > floor && skipped < 2 && ADVERBS.contains(&self.low(e).as_str()) {
                e -= 1;
                skipped += 1;
            }
            return self.subject_ending_at(e, floor);
        }
        // "According to the ministry, ..." at the start of the sentence
        if self.raw[o - 1] == "," {
            let mut j = o - 1;
            while j > floor && o - j < 10 {
                j -= 1;
                if self.low(j) == "according" && self.low(j + 1) == "to" {
                    return self.subject_starting_at(j + 2, o - 1);
                }
            }
        }
        None
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::sentences::split;

    fn quotes(text: &str) -> Vec<Quote> {
        let q = find_quotes(text, &split(text, &[]));
        for x in &q {
            assert_eq!(&text[x.span.start..x.span.end], x.text);
            if let (Some(s), Some(sp)) = (&x.speaker, x.speaker_span) {
                assert_eq!(&text[sp.start..sp.end], s);
            }
        }
        q
    }

    fn pairs(text: &str) -> Vec<(String, Option<String>)> {
        quotes(text).into_iter().map(|q| (q.text, q.speaker)).collect()
    }

    fn p(q: &str, s: Option<&str>) -> (String, Option<String>) {
        (q.to_string(), s.map(str::to_string))
    }

    #[test]
    fn speaker_after_the_quote() {
        assert_eq!(
            pairs("\"We will rebuild every bridge,\" Mayor Lena Ortiz told reporters."),
            vec![p("We will rebuild every bridge", Some("Mayor Lena Ortiz"))]
        );
        assert_eq!(
            pairs("“The talks are over for now,” said Defence Minister Omar al-Rashid."),
            vec![p("The talks are over for now", Some("Defence Minister Omar al-Rashid"))]
        );
        assert_eq!(pairs("\"No,\" he said. \"Never.\""), vec![p("No", Some("he")), p("Never.", Some("he"))]);
        assert_eq!(
            pairs("\"Our patience has limits,\" Kallas later added."),
            vec![p("Our patience has limits", Some("Kallas"))]
        );
        assert_eq!(
            pairs("\"The convoy was never attacked,\" Ivo Tam, the army spokesman, said on Monday."),
            vec![p("The convoy was never attacked", Some("Ivo Tam"))]
        );
        assert_eq!(
            pairs("\"Prices will fall by spring,\" the finance minister said."),
            vec![p("Prices will fall by spring", Some("the finance minister"))]
        );
        assert_eq!(
            pairs("\"The border stays closed for trucks\", according to Customs Chief Ana Bel."),
            vec![p("The border stays closed for trucks", Some("Customs Chief Ana Bel"))]
        );
    }

    #[test]
    fn a_free_standing_straight_quote_is_no_quotation_mark() {
        // a dash lost in conversion after a dateline opens no quote
        assert_eq!(pairs("LIMA (Wire) \" Police detained three men on Monday in the port of Callao."), vec![]);
        // a quote that leans on its words still opens one
        assert_eq!(
            pairs("LIMA (Wire) \"Police detained three men on Monday in the port,\" the ministry said."),
            vec![p("Police detained three men on Monday in the port", Some("the ministry"))]
        );
    }

    #[test]
    fn speaker_before_the_quote() {
        assert_eq!(
            pairs("Prime Minister Tove Lund said: \"We stand ready to help our neighbours.\""),
            vec![p("We stand ready to help our neighbours.", Some("Prime Minister Tove Lund"))]
        );
        assert_eq!(
            pairs("She told state television on Sunday: \"This was a grave mistake by them.\""),
            vec![p("This was a grave mistake by them.", Some("She"))]
        );
        assert_eq!(
            pairs("Nadia Fox told reporters \"the vote stands as it is\" before leaving."),
            vec![p("the vote stands as it is", Some("Nadia Fox"))]
        );
        assert_eq!(
            pairs("According to Dr. Sam Kerr, \"the outbreak has peaked in the north.\""),
            vec![p("the outbreak has peaked in the north.", Some("Dr. Sam Kerr"))]
        );
    }

    #[test]
    fn continuation_quotes_take_the_previous_speaker() {
        let text = "\"We expected a long night of talks,\" Rafael Mendes told Ida Berg. \
                    \"Sadly, it grew longer, as you saw. Nobody slept at all.\"";
        let q = quotes(text);
        assert_eq!(q.len(), 2);
        assert_eq!(q[1].text, "Sadly, it grew longer, as you saw. Nobody slept at all.");
        assert_eq!(q[0].speaker.as_deref(), Some("Rafael Mendes"));
        assert_eq!(q[1].speaker.as_deref(), Some("Rafael Mendes"));
        assert_eq!(q[1].speaker_span, q[0].speaker_span);
        // not across paragraphs
        let text = "\"We expected a long night of talks,\" Rafael Mendes said.\n\
                    \"Nobody slept at all that night.\"";
        let q = quotes(text);
        assert_eq!(q[1].speaker, None);
    }

    #[test]
    fn scare_quotes_are_dropped() {
        assert!(quotes("Officials condemned the \"provocation\" at the border.").is_empty());
        assert!(quotes("Rebels warned of a \"kill zone\" near the coast.").is_empty());
        assert_eq!(pairs("\"Provocation,\" the envoy said."), vec![p("Provocation", Some("the envoy"))]);
        // a short quote standing as its own sentence is kept
        assert_eq!(pairs("Then silence. \"Enough!\""), vec![p("Enough!", None)]);
    }

    #[test]
    fn unmatched_quotes_stop_at_the_paragraph_end() {
        let text = "Ava Lin said: \"We will never accept these terms at all\nNext paragraph here is long.\n\"A new quote that has a proper end,\" Bo said.";
        let q = quotes(text);
        assert_eq!(q.len(), 2);
        assert_eq!(q[0].text, "We will never accept these terms at all");
        assert_eq!(q[0].speaker.as_deref(), Some("Ava Lin"));
        assert_eq!(q[1].speaker.as_deref(), Some("Bo"));
    }
}
