//! The code stage: actor and verb dictionaries, actor resolution and CAMEO/PLOVER
//! event coding, with the dictionary entry or pattern behind every code kept.

pub mod coder;
pub mod convert;
pub mod dict;
pub mod mentions;
pub mod patterns;
pub mod places;
pub mod sentence;
pub mod words;

pub use coder::{Coded, Coder, SentenceTrace};
pub use dict::Dictionaries;
