//! Plain text into paragraphs, and the whitespace normalisation every block gets.

use crate::boilerplate::{Block, BlockKind};

/// Collapses runs of whitespace to one space, drops control characters, trims.
pub fn normalize(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    let mut pending_space = false;
    let bytes = s.as_bytes();
    let mut i = 0;
    while i < bytes.len() {
        // a run of visible ASCII, copied whole with the single spaces between its
        // words (what they would become anyway)
        let visible = |b: &u8| matches!(b, 0x21..=0x7e);
        let mut run = bytes[i..].iter().take_while(|b| visible(b)).count();
        while run > 0 && bytes.get(i + run) == Some(&b' ') && bytes.get(i + run + 1).is_some_and(visible) {
            run += 1;
            run += bytes[i + run..].iter().take_while(|b| visible(b)).count();
        }
        if run > 0 {
            if pending_space {
                out.push(' ');
                pending_space = false;
            }
            out.push_str(&s[i..i + run]);
            i += run;
            continue;
        }
        let Some(c) = s[i..].chars().next() else { break };
        i += c.len_utf8();
        if c.is_whitespace() {
            pending_space = !out.is_empty();
        } else if c.is_control() || matches!(c, '\u{feff}' | '\u{200b}' | '\u{2060}') {
            // invisible: byte order marks, zero-width spaces, word joiners
            continue;
        } else {
            if pending_space {
                out.push(' ');
                pending_space = false;
            }
            out.push(c);
        }
    }
    // a block of joiners alone (zero-width joiner and non-joiner, which are kept
    // inside words: Persian and emoji need them) is no text
    if out.chars().all(|c| matches!(c, '\u{200c}' | '\u{200d}' | ' ')) {
        out.clear();
    }
    out
}

/// `s.trim()`, faster on the runs of ASCII indentation around markup: the
/// ASCII whitespace goes first, then whatever other white space is left.
pub fn trim(s: &str) -> &str {
    s.trim_ascii().trim()
}

/// Whether `hay` contains `needle` (lowercase ASCII), ASCII letters compared
/// without case.
pub fn contains_ignore_ascii_case(hay: &str, needle: &str) -> bool {
    let (hay, needle) = (hay.as_bytes(), needle.as_bytes());
    let Some((&first, rest)) = needle.split_first() else { return true };
    let mut from = 0;
    while let Some(k) = memchr::memchr2(first, first.to_ascii_uppercase(), &hay[from..]) {
        let at = from + k;
        if hay.len() - at < needle.len() {
            return false;
        }
        if hay[at + 1..at + needle.len()].eq_ignore_ascii_case(rest) {
            return true;
        }
        from = at + 1;
    }
    false
}

/// A fast hash with a fixed seed for the maps the extractor builds for itself (class
/// values, words), as the coder uses: they need no defence against flooding.
pub type FastMap<K, V> = std::collections::HashMap<K, V, foldhash::fast::FixedState>;

/// Each non-empty line of a plain text is a paragraph.
pub fn paragraphs(text: &str) -> Vec<Block> {
    text.split(['\n', '\r', '\u{2028}', '\u{2029}'])
        .map(normalize)
        .filter(|p| !p.is_empty())
        .map(|p| Block::new(p, BlockKind::Paragraph))
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn substrings_without_ascii_case() {
        assert!(contains_ignore_ascii_case("post-ByLine x", "byline"));
        assert!(contains_ignore_ascii_case("AUTHOR", "author"));
        assert!(!contains_ignore_ascii_case("auth", "author"));
        assert!(!contains_ignore_ascii_case("a-uthor", "author"));
        assert!(contains_ignore_ascii_case("x", ""));
        assert!(contains_ignore_ascii_case("ééauthor", "author"));
    }

    #[test]
    fn trims_like_the_standard_trim() {
        for s in ["", " \t\n", "\u{a0} x \u{b}", "\u{b}\n y\u{2003}\r\n", "z", " \u{85}a b\u{3000} "] {
            assert_eq!(trim(s), s.trim(), "{s:?}");
        }
    }

    #[test]
    fn normalises_runs_of_ascii_like_single_characters() {
        let simple = |s: &str| {
            let mut out = String::new();
            let mut pending = false;
            for c in s.chars() {
                if c.is_whitespace() {
                    pending = !out.is_empty();
                } else if !(c.is_control() || matches!(c, '\u{feff}' | '\u{200b}' | '\u{2060}')) {
                    if pending {
                        out.push(' ');
                        pending = false;
                    }
                    out.push(c);
                }
            }
            out
        };
        for s in ["  Hello,\tworld!\u{7f}x\u{1c}y ", "é\u{a0}à\u{200b}b\r\nc", "\u{feff}abc\u{3000}def~", "\u{b}a\u{c}"]
        {
            assert_eq!(normalize(s), simple(s), "{s:?}");
        }
    }

    #[test]
    fn normalises_and_splits_lines() {
        assert_eq!(normalize("  a \t b\u{a0}\u{a0}c\u{0}d \n"), "a b cd");
        assert_eq!(normalize("zero\u{200b}width"), "zerowidth");
        assert_eq!(normalize(" \u{200d} "), "", "a joiner alone is no text");
        assert_eq!(
            normalize("\u{645}\u{06cc}\u{200c}\u{62e}"),
            "\u{645}\u{06cc}\u{200c}\u{62e}",
            "inside a word it stays"
        );
        let ps = paragraphs("First  one.\r\n\r\n   \nSecond\tone.\rThird.");
        let texts: Vec<&str> = ps.iter().map(|b| b.text.as_str()).collect();
        assert_eq!(texts, ["First one.", "Second one.", "Third."]);
    }
}
