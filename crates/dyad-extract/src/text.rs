//! Plain text into paragraphs, and the whitespace normalisation every block gets.

use crate::boilerplate::{Block, BlockKind};

/// Collapses runs of whitespace to one space, drops control characters, trims.
pub fn normalize(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    let mut pending_space = false;
    for c in s.chars() {
        if c.is_whitespace() {
            pending_space = !out.is_empty();
        } else if c.is_control() || c == '\u{feff}' {
            continue;
        } else {
            if pending_space {
                out.push(' ');
                pending_space = false;
            }
            out.push(c);
        }
    }
    out
}

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
    fn normalises_and_splits_lines() {
        assert_eq!(normalize("  a \t b\u{a0}\u{a0}c\u{0}d \n"), "a b cd");
        let ps = paragraphs("First  one.\r\n\r\n   \nSecond\tone.\rThird.");
        let texts: Vec<&str> = ps.iter().map(|b| b.text.as_str()).collect();
        assert_eq!(texts, ["First one.", "Second one.", "Third."]);
    }
}
