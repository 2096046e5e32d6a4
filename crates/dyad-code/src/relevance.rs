//! Is an article political news? dyad codes what it is given, and on a crawl most pages
//! are not about politics: a product review, a match report or a recipe still holds
//! sentences the verb patterns read as acts ("Apple unveiled its MacBook", "Rudolph hit
//! Garrett", "the doctor visited the man"), between companies, players, patients and
//! names no dictionary knows. A political dataset wants none of them.
//!
//! The test is the share of the article's sentences that name a holder of a political
//! role: a government, military, police force, court, legislature, party, opposition,
//! rebel or armed group, or an international or non-governmental organisation
//! ([`dyad_core::ActorCode::has_political_role`]; a leader the dictionaries know carries
//! the role of his office). In an article where fewer than one sentence in ten does, an
//! event neither of whose sides is a state, someone of a state or an organisation
//! ([`dyad_core::ActorCode::is_state_or_organisation`]; a role alone, "officials" or a
//! team's "captain", is not enough) is set aside; events with such a side are kept
//! whatever the article. Texts of fewer than five sentences (a headline, a sentence given alone)
//! are too short to judge and keep every event.
//!
//! The threshold was chosen on the AEB pages, each labelled by a reading of its title
//! (political news or not), and checked on pages of the htmldate set labelled the same way,
//! which it was not chosen on (`dyad eval political-news`): there it sets aside 146 of the
//! 248 events coded on pages that are not political news, and 3 of the 360 on pages that
//! are (with the dictionaries of stop 26; 153 of 265 and 10 of 378 with stop 25's).

use crate::SentenceTrace;
use dyad_core::Event;

/// Texts with fewer sentences are not judged.
pub const MIN_SENTENCES: usize = 5;

/// An article is political news when at least one sentence in this many names a holder
/// of a political role.
pub const ONE_SENTENCE_IN: usize = 10;

/// How many of an article's sentences name a holder of a political role.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Relevance {
    pub sentences: usize,
    pub political: usize,
}

impl Relevance {
    /// Count the sentences of a coded article whose actor mentions (not places) include
    /// a holder of a political role.
    pub fn of(trace: &[SentenceTrace]) -> Relevance {
        let political =
            trace.iter().filter(|t| t.mentions.iter().any(|m| !m.location && m.code.has_political_role())).count();
        Relevance { sentences: trace.len(), political }
    }

    /// Too short to judge, or political news by the share of its sentences.
    pub fn is_political_news(&self) -> bool {
        self.sentences < MIN_SENTENCES || self.political * ONE_SENTENCE_IN >= self.sentences
    }

    /// Is `event` kept in an article of this relevance?
    pub fn keeps(&self, event: &Event) -> bool {
        self.is_political_news()
            || event.source.is_state_or_organisation()
            || event.target.as_ref().is_some_and(|t| t.is_state_or_organisation())
    }

    /// What the test found, for `--explain`.
    pub fn explain(&self) -> String {
        if self.sentences < MIN_SENTENCES {
            return format!("{} sentences, too few to judge: every event kept", self.sentences);
        }
        let verdict = if self.is_political_news() {
            "political news"
        } else {
            "not political news: events with no state or organisation on either side set aside"
        };
        format!(
            "{} of {} sentences name a political role (at least 1 in {ONE_SENTENCE_IN} needed): {verdict}",
            self.political, self.sentences
        )
    }
}
