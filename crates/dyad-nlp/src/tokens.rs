//! Tokens: words, numbers, punctuation and symbols with byte spans.
//!
//! Words keep internal apostrophes ("don't", "O'Brien") and the periods of
//! abbreviations and initials ("U.S.", "Gen.", "J."); hyphens split words
//! ("al", "-", "Assad"); a possessive "'s" / "’s" is its own token; numbers keep
//! their thousands separators and decimal points ("2,000", "3.5"); every
//! punctuation mark is its own token.

use crate::clamp_span;
use dyad_core::{Span, Token, TokenKind};

/// Abbreviations whose final period belongs to the word (compared ignoring ASCII
/// case). "No" is handled apart: only before a number ("No. 5").
const ABBREVIATIONS: &[&str] = &[
    "mr", "mrs", "ms", "dr", "gen", "lt", "col", "sgt", "capt", "gov", "sen", "rep", "rev", "prof", "st", "jan", "feb",
    "mar", "apr", "jun", "jul", "aug", "sept", "sep", "oct", "nov", "dec", "vs", "etc", "inc", "corp", "ltd", "co",
    "jr", "sr", "maj", "adm", "cmdr", "brig", "pres", "mt", "ft", "dept", "messrs", "mme", "mlle", "gens", "cpl",
    "pvt", "supt", "insp", "lieut", "ave", "blvd", "approx", "min", "amb", "atty", "sens", "reps", "govt",
];

/// Abbreviations that also commonly end a sentence ("... Apple Inc. The ...").
const SENTENCE_FINAL_ABBREVIATIONS: &[&str] = &["etc", "inc", "corp", "ltd", "co", "jr", "sr"];

/// Byte-wise tokenizer over `text[within]`. Spans are absolute offsets into `text`.
/// A `within` outside the text or off char boundaries is clamped.
pub fn tokenize(text: &str, within: Span) -> Vec<Token> {
    let (start, end) = clamp_span(text, within.start, within.end);
    // news text has a token every five or six bytes: room for most paragraphs at once
    let mut out: Vec<Token> = Vec::with_capacity((end - start) / 4 + 1);
    let bytes = text.as_bytes();
    let mut i = start;
    while i < end {
        // an ASCII char but the apostrophe is told apart on its byte: a space or a
        // control char (all ASCII whitespace is one or the other), a letter or digit
        // that starts a word, else one char of punctuation or a symbol
        let b = bytes[i];
        if b.is_ascii() && b != b'\'' {
            if b <= b' ' || b == 0x7f {
                i += 1;
            } else if b.is_ascii_alphanumeric() {
                let (j, kind) = scan_word(text, i, end);
                out.push(Token { span: Span::new(i, j), kind });
                i = j;
            } else {
                let kind = if is_punct(char::from(b)) { TokenKind::Punct } else { TokenKind::Symbol };
                out.push(Token { span: Span::new(i, i + 1), kind });
                i += 1;
            }
            continue;
        }
        let Some(c) = char_at(text, i, end) else {
            break;
        };
        let w = c.len_utf8();
        if c.is_whitespace() || c.is_control() || is_invisible(c) {
            i += w;
            continue;
        }
        if is_wordish(c) {
            let (j, kind) = scan_word(text, i, end);
            out.push(Token { span: Span::new(i, j), kind });
            i = j;
            continue;
        }
        if is_apostrophe(c) {
            // possessive "'s" right after a word
            let after_word = out.last().is_some_and(|t| t.span.end == i && t.kind != TokenKind::Punct);
            let s_pos = i + w;
            if after_word
                && matches!(char_at(text, s_pos, end), Some('s' | 'S'))
                && !char_at(text, s_pos + 1, end).is_some_and(is_wordish)
            {
                out.push(Token { span: Span::new(i, s_pos + 1), kind: TokenKind::Word });
                i = s_pos + 1;
                continue;
            }
        }
        let kind = if is_punct(c) { TokenKind::Punct } else { TokenKind::Symbol };
        out.push(Token { span: Span::new(i, i + w), kind });
        i += w;
    }
    out
}

/// The char starting at byte `i`, if `i < end` and `i` is a boundary.
pub(crate) fn char_at(text: &str, i: usize, end: usize) -> Option<char> {
    if i >= end {
        return None;
    }
    text.get(i..end)?.chars().next()
}

/// A char of Unicode's General Punctuation block (curly quotes, dashes, odd spaces:
/// most of the non-ASCII chars of news text). None is a letter, digit or mark, and
/// none has a lowercase form of its own.
pub(crate) fn is_general_punctuation(c: char) -> bool {
    ('\u{2000}'..='\u{206F}').contains(&c)
}

/// Letters, digits and combining marks: the stuff words are made of.
pub(crate) fn is_wordish(c: char) -> bool {
    if c.is_ascii() {
        return c.is_ascii_alphanumeric();
    }
    // no table to search for most of the non-ASCII chars of news text: Latin
    // letters with accents, Cyrillic and CJK ideographs are letters throughout
    // their blocks (but for the signs named), General Punctuation is none
    if dyad_core::chars::is_letter_block(c) {
        return true;
    }
    if is_general_punctuation(c) {
        return false;
    }
    c.is_alphanumeric()
        || matches!(c as u32, 0x300..=0x36F | 0x1AB0..=0x1AFF | 0x1DC0..=0x1DFF | 0x20D0..=0x20FF | 0xFE20..=0xFE2F)
}

fn is_invisible(c: char) -> bool {
    matches!(c, '\u{200B}' | '\u{200E}' | '\u{200F}' | '\u{FEFF}' | '\u{2060}')
}

pub(crate) fn is_apostrophe(c: char) -> bool {
    matches!(c, '\'' | '\u{2019}')
}

/// Punctuation (as opposed to symbols such as `$`, `%`, `+`).
pub(crate) fn is_punct(c: char) -> bool {
    matches!(
        c,
        '.' | ',' | ';' | ':' | '!' | '?' | '\'' | '"' | '(' | ')' | '[' | ']' | '{' | '}' | '-' | '/' | '\u{2010}'
            ..='\u{2027}'
                | '\u{00AB}'
                | '\u{00BB}'
                | '\u{00A1}'
                | '\u{00BF}'
                | '\u{00B7}'
                | '\u{2039}'
                | '\u{203A}'
                | '\u{3001}'
                | '\u{3002}'
                | '\u{060C}'
                | '\u{061F}'
                | '\u{06D4}'
                | '\u{0964}'
                | '\u{FF0C}'
                | '\u{FF01}'
                | '\u{FF1F}'
    )
}

/// Scan a word or number starting at `i` (a wordish char); returns its end and kind.
fn scan_word(text: &str, i: usize, end: usize) -> (usize, TokenKind) {
    let Some(first) = char_at(text, i, end) else {
        return (end, TokenKind::Word);
    };
    let mut j = i + first.len_utf8();
    let mut numeric = first.is_ascii_digit();
    let mut has_dot = false;
    // chars since the last internal period, to recognise "U.S"-style acronyms
    let mut seg_len = 1usize;
    let bytes = text.as_bytes();
    loop {
        // a run of ASCII letters and digits (most of a word) byte by byte, as the
        // wordish branch below would take it char by char
        while j < end && bytes[j].is_ascii_alphanumeric() {
            numeric &= bytes[j].is_ascii_digit();
            seg_len += 1;
            j += 1;
        }
        // most words end at a space or a mark that cannot continue them: only an
        // apostrophe, a comma or a period (or a char beyond ASCII) needs a look
        if j < end && bytes[j].is_ascii() && !matches!(bytes[j], b'\'' | b',' | b'.') {
            break;
        }
        let Some(c) = char_at(text, j, end) else { break };
        if is_wordish(c) {
            numeric &= c.is_ascii_digit();
            seg_len += 1;
            j += c.len_utf8();
            continue;
        }
        let w = c.len_utf8();
        let next = char_at(text, j + w, end);
        if is_apostrophe(c) {
            let Some(n) = next.filter(|&n| is_wordish(n)) else {
                break;
            };
            if numeric {
                break;
            }
            // leave a possessive "'s" for its own token
            if matches!(n, 's' | 'S') && !char_at(text, j + w + 1, end).is_some_and(is_wordish) {
                break;
            }
            numeric = false;
            seg_len += 1;
            j += w + n.len_utf8();
            continue;
        }
        if c == ',' && numeric && !has_dot {
            // "2,000" but not "2,0" lists: a thousands group is three digits
            let group = text.get(j + 1..(j + 4).min(end)).unwrap_or("");
            let after = char_at(text, j + 4, end);
            if group.len() == 3
                && group.bytes().all(|b| b.is_ascii_digit())
                && !after.is_some_and(|a| a.is_ascii_digit())
            {
                j += 4;
                continue;
            }
            break;
        }
        if c == '.' {
            if numeric && next.is_some_and(|n| n.is_ascii_digit()) {
                has_dot = true;
                j += 1;
                continue;
            }
            // "U.S", "a.m": single letters joined by periods, each followed by '.'
            if !numeric
                && seg_len == 1
                && next.is_some_and(|n| n.is_alphabetic())
                && next.is_some_and(|n| char_at(text, j + 1 + n.len_utf8(), end) == Some('.'))
            {
                has_dot = true;
                seg_len = 0;
                j += 1;
                continue;
            }
        }
        break;
    }
    if !numeric && char_at(text, j, end) == Some('.') {
        let word = &text[i..j];
        let single_letter = word.chars().count() == 1 && first.is_alphabetic();
        if has_dot || single_letter || is_abbreviation(word) || is_number_abbrev(text, word, j, end) {
            j += 1;
        }
    }
    let kind = if numeric { TokenKind::Number } else { TokenKind::Word };
    (j, kind)
}

fn is_abbreviation(word: &str) -> bool {
    word.len() <= 6 && ABBREVIATIONS.iter().any(|a| a.eq_ignore_ascii_case(word))
}

/// "No. 5", "Nos. 3 and 4": "No" only counts as an abbreviation before a number.
fn is_number_abbrev(text: &str, word: &str, dot: usize, end: usize) -> bool {
    if !(word.eq_ignore_ascii_case("no") || word.eq_ignore_ascii_case("nos")) {
        return false;
    }
    let rest = text.get(dot + 1..end).unwrap_or("");
    let rest = rest.trim_start_matches([' ', '\u{a0}']);
    rest.starts_with(|c: char| c.is_ascii_digit())
}

/// True for a word token whose period is part of an abbreviation that often ends a
/// sentence too ("etc.", "Inc.", "U.S.").
pub(crate) fn may_end_sentence(word: &str) -> bool {
    let Some(stem) = word.strip_suffix('.') else {
        return false;
    };
    stem.contains('.') || (stem.len() <= 4 && SENTENCE_FINAL_ABBREVIATIONS.iter().any(|a| a.eq_ignore_ascii_case(stem)))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn wordish_shortcuts_agree_with_the_definition() {
        // the ASCII and General Punctuation shortcuts give what the Unicode tables say
        for c in (0..=0x10ffffu32).filter_map(char::from_u32) {
            let by_tables = c.is_alphanumeric()
                || matches!(c as u32, 0x300..=0x36F | 0x1AB0..=0x1AFF | 0x1DC0..=0x1DFF | 0x20D0..=0x20FF | 0xFE20..=0xFE2F);
            assert_eq!(is_wordish(c), by_tables, "{c:?} U+{:04X}", c as u32);
        }
    }

    /// The tokenizer as first written, char by char for every char (what the byte
    /// shortcuts of [`tokenize`] must agree with).
    fn tokenize_char_by_char(text: &str, within: Span) -> Vec<Token> {
        let (start, end) = clamp_span(text, within.start, within.end);
        let mut out: Vec<Token> = Vec::new();
        let mut i = start;
        while i < end {
            let Some(c) = char_at(text, i, end) else {
                break;
            };
            let w = c.len_utf8();
            if c.is_whitespace() || c.is_control() || is_invisible(c) {
                i += w;
                continue;
            }
            if is_wordish(c) {
                let (j, kind) = scan_word(text, i, end);
                out.push(Token { span: Span::new(i, j), kind });
                i = j;
                continue;
            }
            if is_apostrophe(c) {
                let after_word = out.last().is_some_and(|t| t.span.end == i && t.kind != TokenKind::Punct);
                let s_pos = i + w;
                if after_word
                    && matches!(char_at(text, s_pos, end), Some('s' | 'S'))
                    && !char_at(text, s_pos + 1, end).is_some_and(is_wordish)
                {
                    out.push(Token { span: Span::new(i, s_pos + 1), kind: TokenKind::Word });
                    i = s_pos + 1;
                    continue;
                }
            }
            let kind = if is_punct(c) { TokenKind::Punct } else { TokenKind::Symbol };
            out.push(Token { span: Span::new(i, i + w), kind });
            i += w;
        }
        out
    }

    #[test]
    fn byte_shortcuts_tokenize_as_char_by_char() {
        // every ASCII char alone and between words, the example texts, and a text
        // mixing curly quotes, accents, Cyrillic and control chars
        let mut texts: Vec<String> =
            (0u8..128).map(|b| format!("ab{}cd 1{}2 {}", b as char, b as char, b as char)).collect();
        let examples = concat!(env!("CARGO_MANIFEST_DIR"), "/../../examples");
        for entry in std::fs::read_dir(examples).unwrap() {
            texts.push(std::fs::read_to_string(entry.unwrap().path()).unwrap());
        }
        texts.push("Zoë’s \u{2018}café\u{2019} —\tКиїв's 3,500 km\u{a0}(U.S.-led) No. 4's\r\n\u{7f}x\u{b}y O'Neil's 'quoted' Ali's".into());
        for text in &texts {
            for (a, b) in [(0, text.len()), (1, text.len()), (0, text.len() / 2)] {
                let within = Span::new(a, b);
                assert_eq!(
                    tokenize(text, within),
                    tokenize_char_by_char(text, within),
                    "{:?}",
                    &text[..text.len().min(80)]
                );
            }
        }
    }

    fn toks(text: &str) -> Vec<(&str, TokenKind)> {
        tokenize(text, Span::new(0, text.len()))
            .into_iter()
            .map(|t| (&text[t.span.start..t.span.end], t.kind))
            .collect()
    }

    fn words(text: &str) -> Vec<&str> {
        toks(text).into_iter().map(|(s, _)| s).collect()
    }

    #[test]
    fn abbreviations_and_initials_keep_their_periods() {
        assert_eq!(
            words("Gen. Smith met U.S. and U.N. envoys, J. Doe and E.U. staff at 9 a.m."),
            vec![
                "Gen.", "Smith", "met", "U.S.", "and", "U.N.", "envoys", ",", "J.", "Doe", "and", "E.U.", "staff",
                "at", "9", "a.m."
            ]
        );
        assert_eq!(words("Mr.Brown"), vec!["Mr.", "Brown"]);
        assert_eq!(words("the end.Then"), vec!["the", "end", ".", "Then"]);
        assert_eq!(words("U.S.-backed"), vec!["U.S.", "-", "backed"]);
        assert_eq!(words("No. 5 said no."), vec!["No.", "5", "said", "no", "."]);
    }

    #[test]
    fn hyphens_split_and_possessives_stand_alone() {
        assert_eq!(
            words("al-Assad's men and Kyiv’s don't"),
            vec!["al", "-", "Assad", "'s", "men", "and", "Kyiv", "’s", "don't"]
        );
        assert_eq!(words("O'Brien's"), vec!["O'Brien", "'s"]);
        assert_eq!(words("'s alone"), vec!["'", "s", "alone"]);
    }

    #[test]
    fn numbers_and_punctuation() {
        assert_eq!(
            toks("2,000 troops, 3.5% in 2024."),
            vec![
                ("2,000", TokenKind::Number),
                ("troops", TokenKind::Word),
                (",", TokenKind::Punct),
                ("3.5", TokenKind::Number),
                ("%", TokenKind::Symbol),
                ("in", TokenKind::Word),
                ("2024", TokenKind::Number),
                (".", TokenKind::Punct),
            ]
        );
        assert_eq!(
            words("“Yes,” she said — ‘no’ – (ok)... $5"),
            vec![
                "“", "Yes", ",", "”", "she", "said", "—", "‘", "no", "’", "–", "(", "ok", ")", ".", ".", ".", "$", "5"
            ]
        );
        assert_eq!(words("1,2 and 12,3456"), vec!["1", ",", "2", "and", "12", ",", "3456"]);
        assert_eq!(words("2023-03-05"), vec!["2023", "-", "03", "-", "05"]);
    }

    #[test]
    fn spans_are_absolute_and_clamped() {
        let text = "héllo wörld ünd";
        let t = tokenize(text, Span::new(7, 13));
        assert_eq!(t.len(), 1);
        assert_eq!(t[0].span.slice(text), "wörld");
        // off-boundary and out-of-range spans do not panic
        for s in 0..text.len() + 3 {
            for e in s..text.len() + 3 {
                for t in tokenize(text, Span { start: s, end: e }) {
                    assert!(text.get(t.span.start..t.span.end).is_some());
                }
            }
        }
        assert!(tokenize(text, Span { start: 9, end: 2 }).is_empty());
    }

    #[test]
    fn sentence_final_abbreviations() {
        assert!(may_end_sentence("U.S."));
        assert!(may_end_sentence("Inc."));
        assert!(!may_end_sentence("Gen."));
        assert!(!may_end_sentence("J."));
    }
}
