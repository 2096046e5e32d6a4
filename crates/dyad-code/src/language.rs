//! Is a sentence English? dyad's dictionaries and verb patterns are English, and words of
//! another language match them by accident: the German article "die" reads as the verb
//! "die", the French "accuse" as the English verb, and the country names around them
//! ("Mali accuse France de ...") make an event. An English page may hold a paragraph in
//! another language, and a page's declared language is often wrong (an English page on a
//! German site declares "de"), so each sentence is judged by its own words.
//!
//! A sentence is taken for another language when it holds at least three function words
//! of other languages and more than twice as many as English ones, or when most of its
//! words are written in a script other than the Latin one. Only words written in lower
//! case count as function words, and not before a capitalised word, so that the
//! particles of names ("Ursula von der Leyen", "Juan de la Cruz", "Le Pen") do not.

use crate::sentence::Words;
use crate::words::FastMap;
use std::sync::OnceLock;

/// English function words: any English sentence of some length holds several.
const ENGLISH: &[&str] = &[
    "the", "of", "and", "to", "is", "that", "for", "on", "with", "as", "by", "at", "it", "from", "he", "she", "be",
    "has", "have", "had", "are", "were", "been", "this", "which", "who", "not", "but", "they", "their", "would", "its",
    "his", "her", "we", "or", "said", "after", "than", "about", "into",
];

/// Function words of German, Dutch, French, Spanish, Portuguese, Italian and Indonesian
/// that are no English words. Left out: words that are also English ("die", "was",
/// "will", "hat", "a", "as", "no", "do", "per", "come", "son") and the particles that
/// stand in names written in English text even in lower case before another particle
/// ("de", "van", "von", "al", "el", "di", "da", "du", "bin", "non").
const OTHER: &[&[&str]] = &[GERMAN, DUTCH, FRENCH, SPANISH, PORTUGUESE, ITALIAN, INDONESIAN];

const GERMAN: &[&str] = &[
    "der", "das", "und", "ist", "nicht", "mit", "auf", "sich", "werden", "wird", "auch", "zu", "für", "bei", "nach",
    "wie", "oder", "aber", "sind", "haben", "wurde", "kann", "noch", "nur", "ein", "eine", "einen", "einem", "einer",
    "dem", "des", "vom", "zum", "zur", "über", "dass", "sie", "wir", "ich", "welche", "diese", "dieser", "diesem",
    "alle", "soll",
];
const DUTCH: &[&str] =
    &["het", "een", "niet", "zijn", "voor", "ook", "maar", "bij", "naar", "wordt", "worden", "wij", "deze"];
const FRENCH: &[&str] = &[
    "le", "les", "est", "une", "et", "dans", "pour", "qui", "sur", "pas", "avec", "ce", "cette", "sont", "ont", "au",
    "aux", "été", "mais", "leur", "nous", "vous", "ils", "elle", "être", "fait",
];
const SPANISH: &[&str] = &[
    "los", "las", "del", "que", "por", "para", "una", "con", "es", "está", "están", "su", "sus", "fue", "como", "pero",
    "más", "también", "ha", "han", "se", "lo", "muy", "esta", "este",
];
const PORTUGUESE: &[&str] = &[
    "não", "uma", "com", "os", "em", "mais", "foi", "são", "ao", "pelo", "pela", "dos", "das", "ele", "ela", "seu",
    "sua", "isso", "você",
];
const ITALIAN: &[&str] = &[
    "il", "della", "che", "sono", "gli", "anche", "questo", "nel", "alla", "delle", "degli", "dei", "è", "più",
    "essere", "stato",
];
const INDONESIAN: &[&str] = &[
    "yang", "dan", "ini", "itu", "dengan", "untuk", "tidak", "dari", "dalam", "akan", "pada", "juga", "ke", "karena",
    "ada", "bisa", "kita", "saya",
];

/// The [`crate::sentence::word_flags`] class of an English function word.
pub(crate) const ENGLISH_WORD: u16 = 1 << 10;
/// The class of a function word of another language.
pub(crate) const OTHER_LANGUAGE_WORD: u16 = 1 << 11;

/// Every function word of the lists, English and other.
pub(crate) fn function_words() -> impl Iterator<Item = &'static str> {
    OTHER.iter().flat_map(|l| l.iter()).chain(ENGLISH).copied()
}

/// The language class of a normalised word, for [`crate::sentence::word_flags`].
pub(crate) fn function_word_flags(norm: &str) -> u16 {
    static CLASSES: OnceLock<FastMap<&'static str, u16>> = OnceLock::new();
    // (no function word is longer than 8 bytes: longer words skip the lookup)
    if norm.len() > 8 {
        return 0;
    }
    let classes = CLASSES.get_or_init(|| {
        let other = OTHER.iter().flat_map(|l| l.iter()).map(|&w| (w, OTHER_LANGUAGE_WORD));
        other.chain(ENGLISH.iter().map(|&w| (w, ENGLISH_WORD))).collect()
    });
    classes.get(norm).copied().unwrap_or(0)
}

/// Why the sentence is not English, or `None` when it may be.
pub(crate) fn not_english(w: &Words) -> Option<String> {
    let (mut english, mut other, mut letters, mut other_script) = (0, 0, 0, 0);
    for (k, word) in w.words.iter().enumerate() {
        if word.punct {
            continue;
        }
        // (an ASCII first letter is Latin: only other first bytes are decoded)
        match word.norm.as_bytes().first() {
            Some(b) if b.is_ascii_alphabetic() => letters += 1,
            Some(b) if !b.is_ascii() => {
                if let Some(c) = word.norm.chars().next().filter(|c| c.is_alphabetic()) {
                    letters += 1;
                    if !is_latin(c) {
                        other_script += 1;
                    }
                }
            }
            _ => {}
        }
        match function_word_at(w, k) {
            Some(ENGLISH_WORD) => english += 1,
            Some(_) => other += 1,
            None => {}
        }
    }
    if other_script >= 2 && other_script * 2 >= letters {
        return Some(format!("not English: {other_script} of {letters} words in another script than the Latin one"));
    }
    (other >= 3 && other > 2 * english).then(|| {
        let shown: Vec<&str> = (0..w.len())
            .filter(|&k| function_word_at(w, k) == Some(OTHER_LANGUAGE_WORD))
            .take(6)
            .map(|k| w.norm(k))
            .collect();
        format!(
            "not English: {other} function words of other languages ({}) against {english} English ones",
            shown.join(", ")
        )
    })
}

/// The language class of word `k` as a function word that counts: one written in lower
/// case (or opening the sentence), and, for another language's, not before a capitalised
/// word (the particles of names).
fn function_word_at(w: &Words, k: usize) -> Option<u16> {
    let word = &w.words[k];
    if word.capitalized && k > 0 {
        None
    } else if w.is(k, ENGLISH_WORD) {
        Some(ENGLISH_WORD)
    } else if w.is(k, OTHER_LANGUAGE_WORD) && !w.words.get(k + 1).is_some_and(|n| n.capitalized) {
        Some(OTHER_LANGUAGE_WORD)
    } else {
        None
    }
}

/// A letter of the Latin script (Basic Latin to Latin Extended-B, and Latin Extended
/// Additional, which holds Vietnamese).
fn is_latin(c: char) -> bool {
    c <= '\u{024F}' || ('\u{1E00}'..='\u{1EFF}').contains(&c)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_function_word_is_found() {
        for &w in OTHER.iter().flat_map(|l| l.iter()) {
            assert_eq!(function_word_flags(w), OTHER_LANGUAGE_WORD, "{w}");
            assert!(!ENGLISH.contains(&w), "{w} is in both lists");
        }
        for &w in ENGLISH {
            assert_eq!(function_word_flags(w), ENGLISH_WORD, "{w}");
        }
        assert_eq!(function_word_flags("government"), 0);
    }
}
