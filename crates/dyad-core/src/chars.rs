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

/// `str::to_lowercase`, cheaper on text that is mostly ASCII with a few other
/// characters (curly quotes, dashes, accented names): the standard one lowers
/// everything after the first non-ASCII character one character at a time, this
/// lowers each run of ASCII as bytes, and the commonest other blocks by their
/// fixed offsets, and looks up only the remaining characters. The
/// same string as `str::to_lowercase` (a text with a capital sigma, whose lower
/// form depends on its neighbours, is left to it).
pub fn to_lowercase(s: &str) -> String {
    if s.contains('\u{3A3}') {
        return s.to_lowercase();
    }
    let bytes = s.as_bytes();
    let mut out = String::with_capacity(s.len());
    let mut i = 0;
    while i < bytes.len() {
        // the run of ASCII from i, eight bytes at a time
        let mut run_end = i;
        while let Some(word) = bytes.get(run_end..run_end + 8) {
            if u64::from_le_bytes(word.try_into().expect("eight bytes")) & 0x8080_8080_8080_8080 != 0 {
                break;
            }
            run_end += 8;
        }
        while run_end < bytes.len() && bytes[run_end].is_ascii() {
            run_end += 1;
        }
        if run_end > i {
            let start = out.len();
            out.push_str(&s[i..run_end]);
            out[start..].make_ascii_lowercase();
            i = run_end;
        }
        if let Some(c) = s[i..].chars().next() {
            // the blocks news text holds most, without the case tables
            let lower = match c as u32 {
                // capitals of Latin-1 (but the multiplication sign) and Cyrillic: a fixed step
                0xC0..=0xD6 | 0xD8..=0xDE | 0x410..=0x42F => char::from_u32(c as u32 + 0x20),
                0x400..=0x40F => char::from_u32(c as u32 + 0x50),
                // small letters of Latin-1 and Cyrillic; punctuation, quotes, dashes and
                // currency signs; CJK symbols, kana and ideographs; Hangul: no case
                0xDF..=0xFF | 0x430..=0x45F | 0x2000..=0x20FF | 0x3000..=0x9FFF | 0xAC00..=0xD7A3 => Some(c),
                _ => None,
            };
            match lower {
                Some(l) => out.push(l),
                None => out.extend(c.to_lowercase()),
            }
            i += c.len_utf8();
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn to_lowercase_is_the_standard_one() {
        // every character alone, and after and before ASCII letters
        for c in (0..=0x10ffffu32).filter_map(char::from_u32) {
            for text in [c.to_string(), format!("Ab{c}"), format!("{c}Cd"), format!("X{c}Y{c}z")] {
                assert_eq!(to_lowercase(&text), text.to_lowercase(), "U+{:04X}", c as u32);
            }
        }
        // mixed text, with the sigmas whose lower form depends on the word's end
        for text in [
            "",
            "The Minister\u{2019}s \u{201C}Reply\u{201D} \u{2014} ÉTÉ À Paris",
            "ΟΔΟΣ ΣΟΦΟΚΛΕΟΥΣ Σ",
            "İstanbul and ẞtraße, KIYV / КИЇВ",
            "ÀÉÎ ascii AFTER Ωμέγα THEN ascii",
        ] {
            assert_eq!(to_lowercase(text), text.to_lowercase(), "{text}");
        }
    }

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
