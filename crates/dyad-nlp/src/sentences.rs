//! Sentence splitting: rule-based, never across paragraphs.
//!
//! A sentence ends after `.`, `!`, `?` or `…` (plus any closing quotes and
//! brackets attached to them) when the next token can start a sentence: anything
//! but a lower-case word. Abbreviations and initials carry their period inside the
//! word token ("Gen.", "J."), so they never end a sentence, except the few that
//! often do ("etc.", "Inc.", "U.S.") when a common sentence opener follows.
//! A quote closed by a terminal and followed by a "Name said" clause stays one
//! sentence (`"Why not?" Putin asked.`). Datelines ("MOSCOW (Reuters) - ") have no
//! terminal, so they stay in the first sentence.

use crate::clamp_span;
use crate::tokens::{is_wordish, may_end_sentence, tokenize};
use dyad_core::{Sentence, Span, Token, TokenKind};

/// From this many tokens on a sentence is split at the next comma, semicolon or
/// colon, so pathological input (no punctuation at all) stays linear and bounded.
const SOFT_MAX_TOKENS: usize = 1000;
/// A sentence never gets longer than this many tokens.
const HARD_MAX_TOKENS: usize = 1200;

/// Words that usually open a sentence: after an abbreviation that can also end
/// one ("... Apple Inc. The company ..."), they mark a sentence break.
const COMMON_OPENERS: &[&str] = &[
    "The",
    "He",
    "She",
    "It",
    "They",
    "We",
    "I",
    "But",
    "In",
    "A",
    "An",
    "This",
    "That",
    "These",
    "Those",
    "There",
    "On",
    "At",
    "Its",
    "His",
    "Her",
    "Their",
    "After",
    "Before",
    "As",
    "And",
    "However",
    "Meanwhile",
    "Some",
    "Many",
    "When",
    "While",
    "If",
    "Officials",
    "Our",
    "Last",
    "Earlier",
    "Later",
];

/// Verbs of saying, for `"Why not?" Putin asked.`-style continuations. Shared with
/// the quote finder.
pub(crate) const SPEECH_VERBS: &[&str] = &[
    "said",
    "says",
    "say",
    "told",
    "tells",
    "tell",
    "added",
    "adds",
    "stated",
    "states",
    "warned",
    "warns",
    "declared",
    "declares",
    "asked",
    "asks",
    "noted",
    "notes",
    "insisted",
    "insists",
    "stressed",
    "stresses",
    "explained",
    "explains",
    "wrote",
    "writes",
    "continued",
    "continues",
    "replied",
    "replies",
    "responded",
    "responds",
    "remarked",
    "announced",
    "announces",
    "claimed",
    "claims",
    "argued",
    "argues",
    "urged",
    "urges",
    "acknowledged",
    "admitted",
    "recalled",
    "commented",
    "emphasised",
    "emphasized",
    "emphasises",
    "emphasizes",
    "observed",
    "tweeted",
    "posted",
    "quipped",
    "concluded",
    "affirmed",
    "maintained",
    "suggested",
    "predicted",
    "promised",
    "vowed",
    "conceded",
    "cautioned",
    "complained",
    "cried",
    "shouted",
    "told",
    "reiterated",
    "underlined",
    "underscored",
    "pledged",
    "countered",
    "confirmed",
    "assured",
    "boasted",
    "lamented",
    "charged",
    "alleged",
    "demanded",
    "threatened",
    "joked",
    "mused",
    "answered",
    "agreed",
    "denied",
];

pub(crate) fn is_speech_verb(word: &str) -> bool {
    word.len() <= 12 && SPEECH_VERBS.iter().any(|v| v.eq_ignore_ascii_case(word))
}

/// Split `text` into sentences. With no `paragraphs`, every `\n`-separated line is
/// a paragraph; given paragraphs are used as they are (clamped to the text, and
/// out-of-order or overlapping ones trimmed so that sentences come out sorted).
pub fn split(text: &str, paragraphs: &[Span]) -> Vec<Sentence> {
    let mut out = Vec::new();
    if paragraphs.is_empty() {
        let mut start = 0;
        for (i, b) in text.bytes().enumerate() {
            if b == b'\n' {
                split_paragraph(text, Span::new(start, i), &mut out);
                start = i + 1;
            }
        }
        split_paragraph(text, Span::new(start, text.len()), &mut out);
    } else {
        let mut floor = 0;
        for p in paragraphs {
            let (s, e) = clamp_span(text, p.start.max(floor), p.end);
            if s >= e {
                continue;
            }
            split_paragraph(text, Span::new(s, e), &mut out);
            floor = floor.max(e);
        }
    }
    out
}

fn split_paragraph(text: &str, para: Span, out: &mut Vec<Sentence>) {
    let toks = tokenize(text, para);
    let n = toks.len();
    let mut start = 0;
    let mut i = 0;
    while i < n {
        let len = i - start + 1;
        if len >= SOFT_MAX_TOKENS && (len >= HARD_MAX_TOKENS || is_soft_break(text, &toks[i])) {
            push(out, &toks[start..=i]);
            start = i + 1;
            i += 1;
            continue;
        }
        let raw = toks[i].span.slice(text);
        if is_terminal(raw) {
            // take in "?!", "...", and closing quotes / brackets attached to them
            let mut j = i;
            let mut closed_quote = false;
            while j + 1 < n && j + 2 - start < HARD_MAX_TOKENS {
                let next = &toks[j + 1];
                let nraw = next.span.slice(text);
                if is_terminal(nraw) {
                    j += 1;
                } else if is_closer(nraw, next.span.start == toks[j].span.end) {
                    closed_quote |= is_quote_mark(nraw);
                    j += 1;
                } else {
                    break;
                }
            }
            if j + 1 < n
                && starts_sentence(text, &toks[j + 1])
                && !(closed_quote && speech_clause_follows(text, &toks[j + 1..]))
            {
                push(out, &toks[start..=j]);
                start = j + 1;
            }
            i = j + 1;
            continue;
        }
        if toks[i].kind == TokenKind::Word
            && raw.ends_with('.')
            && i + 1 < n
            && may_end_sentence(raw)
            && COMMON_OPENERS.contains(&toks[i + 1].span.slice(text))
        {
            push(out, &toks[start..=i]);
            start = i + 1;
        }
        i += 1;
    }
    if start < n {
        push(out, &toks[start..]);
    }
}

fn push(out: &mut Vec<Sentence>, toks: &[Token]) {
    if let (Some(first), Some(last)) = (toks.first(), toks.last()) {
        out.push(Sentence {
            span: Span::new(first.span.start, last.span.end),
            tokens: toks.to_vec(),
            tags: Vec::new(),
        });
    }
}

fn is_terminal(raw: &str) -> bool {
    matches!(
        raw,
        "." | "!" | "?" | "\u{2026}" | "\u{3002}" | "\u{FF01}" | "\u{FF1F}" | "\u{061F}" | "\u{06D4}" | "\u{0964}"
    )
}

fn is_soft_break(text: &str, t: &Token) -> bool {
    matches!(t.span.slice(text), "," | ";" | ":" | "\u{060C}" | "\u{3001}" | "\u{FF0C}")
}

pub(crate) fn is_quote_mark(raw: &str) -> bool {
    matches!(raw, "\"" | "\u{201C}" | "\u{201D}" | "'" | "\u{2018}" | "\u{2019}" | "\u{00AB}" | "\u{00BB}")
}

/// A closing quote or bracket after a terminal. Straight quotes only count when
/// they touch the terminal: `."` closes, `. "` opens the next sentence.
fn is_closer(raw: &str, attached: bool) -> bool {
    match raw {
        ")" | "]" | "}" | "\u{201D}" | "\u{2019}" | "\u{00BB}" | "\u{203A}" => true,
        "\"" | "'" => attached,
        _ => false,
    }
}

/// Anything but a lower-case word (or a continuing punctuation mark) may start a
/// sentence: capitals, digits, opening quotes and brackets, uncased scripts.
fn starts_sentence(text: &str, t: &Token) -> bool {
    let Some(c) = t.span.slice(text).chars().next() else {
        return false;
    };
    if is_wordish(c) {
        return !c.is_lowercase();
    }
    matches!(c, '"' | '\'' | '\u{201C}' | '\u{2018}' | '\u{00AB}' | '(' | '[' | '$' | '\u{20AC}' | '\u{00A3}')
}

/// `Putin told Assad`, `Erdogan said`, `Turkish President Erdogan added`: a short
/// run of capitalised words followed by a verb of saying.
fn speech_clause_follows(text: &str, toks: &[Token]) -> bool {
    for (k, t) in toks.iter().take(6).enumerate() {
        let raw = t.span.slice(text);
        if k > 0 && is_speech_verb(raw) {
            return true;
        }
        let capital = raw.chars().next().is_some_and(|c| c.is_uppercase());
        let joiner = matches!(raw, "-" | "al" | "el" | "bin" | "ibn" | "de" | "van" | "von");
        if !(capital || (k > 0 && joiner)) {
            return false;
        }
    }
    false
}

#[cfg(test)]
mod tests {
    use super::*;

    fn sents(text: &str) -> Vec<&str> {
        split(text, &[]).into_iter().map(|s| &text[s.span.start..s.span.end]).collect()
    }

    #[test]
    fn splits_on_terminals_before_capitals() {
        assert_eq!(
            sents("The rain stopped. Crowds gathered! Was it over? \"Yes,\" one said. 2024 began."),
            vec!["The rain stopped.", "Crowds gathered!", "Was it over?", "\"Yes,\" one said.", "2024 began."]
        );
        assert_eq!(sents("It ended. (Briefly.) Then more."), vec!["It ended.", "(Briefly.)", "Then more."]);
        assert_eq!(sents("It grew... and grew."), vec!["It grew... and grew."]);
    }

    #[test]
    fn keeps_abbreviations_and_initials() {
        let text = "Mr. Hale and Mrs. Ode met Dr. Ray, Gen. Lee, Lt. Col. Park, Sgt. Moe, Capt. \
                    Ng, Gov. Yu, Sen. Ito, Rep. Kim, Rev. Ash and Prof. Oz on St. Mark's Square \
                    on Jan. 4, Feb. 2, Aug. 9, Sept. 1, Oct. 3, Nov. 5 and Dec. 6 under Resolution \
                    No. 12 (Acme vs. Zed, etc.) with Acme Inc. Board and Zed Corp. Holdings, Foo Ltd. \
                    Group and Bar Co. Staff in the U.S. Capitol, the U.K. Parliament, the U.N. Hall, \
                    the E.U. Council at 9 a.m. Sunday until 5 p.m. Monday.";
        assert_eq!(sents(text).len(), 1, "{:?}", sents(text));
        assert_eq!(
            sents("President John F. Kennedy spoke. J. R. Ewing left."),
            vec!["President John F. Kennedy spoke.", "J. R. Ewing left."]
        );
    }

    #[test]
    fn sentence_final_abbreviation_before_common_opener() {
        assert_eq!(sents("Troops left the U.S. The base closed."), vec!["Troops left the U.S.", "The base closed."]);
    }

    #[test]
    fn quotes_continue_into_speech_clauses() {
        assert_eq!(sents("\"I am here.\" he said"), vec!["\"I am here.\" he said"]);
        assert_eq!(
            sents("\"Why not...\" Lena told Omar. \"We wait.\" Then they left."),
            vec!["\"Why not...\" Lena told Omar.", "\"We wait.\"", "Then they left."]
        );
        assert_eq!(
            sents("“Enough!” Foreign Minister Ana Ruiz said. Talks ended."),
            vec!["“Enough!” Foreign Minister Ana Ruiz said.", "Talks ended."]
        );
        assert_eq!(sents("He said it was \"over.\" Talks ended."), vec!["He said it was \"over.\"", "Talks ended."]);
    }

    #[test]
    fn datelines_stay_in_the_first_sentence() {
        assert_eq!(
            sents("KYIV (Wire) - Drones struck a depot. Fires burned."),
            vec!["KYIV (Wire) - Drones struck a depot.", "Fires burned."]
        );
        assert_eq!(
            sents("WASHINGTON — Lawmakers voted. It passed."),
            vec!["WASHINGTON — Lawmakers voted.", "It passed."]
        );
        assert_eq!(sents("ST. LOUIS, Mo. — Voters queued early."), vec!["ST. LOUIS, Mo. — Voters queued early."]);
    }

    #[test]
    fn paragraphs_and_lines_bound_sentences() {
        assert_eq!(
            sents("Ceasefire Holds in North\nTalks resumed on the border\n\n  A third line."),
            vec!["Ceasefire Holds in North", "Talks resumed on the border", "A third line."]
        );
        let text = "One two three four five";
        let s = split(text, &[Span::new(0, 7), Span::new(8, 23)]);
        assert_eq!(s.len(), 2);
        assert_eq!(s[0].span.slice(text), "One two");
        assert_eq!(s[1].tokens.len(), 3);
        // a sentence never crosses a given paragraph even without punctuation between
        let s = split(text, &[Span::new(4, 100), Span::new(0, 3)]);
        assert_eq!(s.len(), 1, "overlapping, out-of-order paragraphs are trimmed");
    }

    #[test]
    fn long_runs_are_capped_and_linear() {
        let text = "word ".repeat(400_000); // 2 MB, no punctuation
        let start = std::time::Instant::now();
        let s = split(&text, &[]);
        assert!(s.iter().all(|s| s.tokens.len() <= HARD_MAX_TOKENS));
        assert_eq!(s.iter().map(|s| s.tokens.len()).sum::<usize>(), 400_000);
        let text = "a, ".repeat(5000);
        let s = split(&text, &[]);
        assert!(s.iter().all(|s| s.tokens.len() <= SOFT_MAX_TOKENS + 1));
        let dots = ".".repeat(100_000);
        assert!(split(&dots, &[]).iter().all(|s| s.tokens.len() <= HARD_MAX_TOKENS));
        assert!(start.elapsed().as_secs() < 20);
    }

    #[test]
    fn every_sentence_slices_the_text() {
        let text = "Über Nacht fiel Schnee. «Ja», sagte er.\r\nÇa va? Oui!\n日本語。テスト。";
        for s in split(text, &[]) {
            assert!(text.get(s.span.start..s.span.end).is_some());
            for t in &s.tokens {
                assert!(s.span.contains(t.span));
            }
        }
        assert_eq!(sents("日本語。テスト。"), vec!["日本語。", "テスト。"]);
    }
}
