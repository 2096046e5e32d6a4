//! Character classes for the stages that scan text by hand (the tokenizer, the
//! store's near-duplicate shingles): answers without a Unicode table search for the
//! non-ASCII characters news text holds most.

/// Whether `c` lies in a run of code points that are all letters: Latin-1 from
/// U+00C0 (but × and ÷) through Latin Extended-B, Cyrillic (but its number sign
/// and combining marks, U+0482-U+0489) and the CJK Unified Ideographs. Tested
/// against the Unicode tables for every character.
#[inline]
pub fn is_letter_block(c: char) -> bool {
    matches!(c as u32, 0xC0..=0xD6 | 0xD8..=0xF6 | 0xF8..=0x24F | 0x400..=0x481 | 0x48A..=0x52F | 0x4E00..=0x9FFF)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn letter_blocks_are_letters() {
        let mut inside = 0;
        for c in (0..=0x10ffffu32).filter_map(char::from_u32).filter(|&c| is_letter_block(c)) {
            assert!(c.is_alphabetic(), "{c:?} U+{:04X}", c as u32);
            inside += 1;
        }
        assert!(inside > 20_000, "{inside}");
        assert!(!is_letter_block('×') && !is_letter_block('÷') && !is_letter_block('\u{483}'));
    }
}
