//! English word lists that more than one stage reads, kept in one place so the
//! stages agree.

/// Verbs of saying whose "would" clause is the future of reported speech ("said they
/// would boycott"): the time finder dates that clause forward, the coder reads its act
/// as announced, not done.
pub const REPORTED_SPEECH_VERBS: &[&str] = &["said", "says", "announced", "warned", "declared", "stated", "told"];
