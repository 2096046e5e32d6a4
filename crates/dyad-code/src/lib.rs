//! The code stage: actor and verb dictionaries, actor resolution and CAMEO/PLOVER
//! event coding, with the dictionary entry or pattern behind every code kept.

/// Is the tag `t` one of the named tags? (`tag_is!(t, "NN" | "NNS")` is
/// `matches!(t.as_str(), "NN" | "NNS")`, comparing the tag's index with constants
/// instead of its name with strings.)
macro_rules! tag_is {
    ($t:expr, $($name:literal)|+) => {{
        let i = dyad_core::PosTag::index($t);
        false $(|| i == const { dyad_core::PosTag::index_of($name) })+
    }};
}

/// Is word `k` of the sentence `words` tagged one of the named tags? False past the end
/// and for an untagged sentence (`word_tag_is!(w, k, "NN" | "NNS")`).
macro_rules! word_tag_is {
    ($words:expr, $k:expr, $($name:literal)|+) => {
        $words.words.get($k).and_then(|x| x.tag).is_some_and(|t| tag_is!(t, $($name)|+))
    };
}

pub mod coder;
pub mod convert;
pub mod dict;
mod language;
pub mod mentions;
pub mod patterns;
pub mod places;
pub mod relevance;
pub mod sentence;
pub mod words;

pub use coder::{Coded, Coder, SentenceTrace};
pub use dict::Dictionaries;
