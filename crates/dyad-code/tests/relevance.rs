//! The test of political news (`dyad_code::relevance`): an article few of whose
//! sentences name a holder of a political role keeps only the events with a state or an
//! organisation on one side. Articles written for these tests.

mod common;

use common::{article, coder, triples};
use dyad_code::relevance::Relevance;

/// A review of a band's tour: people and a company of no political code, and a state
/// named once.
const TOUR: &str = "The band will reunite with its former singer for a tour next year. \
    Johnston and Simmons met McDonald in Nashville last week. \
    McDonald praised Johnston after the show. \
    Smith criticized Jones over ticket prices. \
    Fans cheered the guitarist at the last concert. \
    Canada accused the promoter of selling fake tickets. \
    The tour opens in June.";

/// The same kind of sentences in an article about a government.
const CABINET: &str = "The government of Peru named a new cabinet on Monday. \
    Johnston and Simmons met McDonald in Lima last week. \
    McDonald praised Johnston after the meeting. \
    The opposition criticized the prime minister over fuel prices. \
    Lawmakers cheered the finance minister in parliament. \
    The president will travel to Chile in June.";

#[test]
fn an_article_about_no_politics_keeps_only_events_of_states_and_organisations() {
    let coded = coder().code(&dyad_nlp::annotate(article(TOUR, "2024-05-10")));
    assert!(!coded.relevance.is_political_news(), "{:?}", coded.relevance);
    assert_eq!(coded.relevance.sentences, 7);
    // praise and criticism between people of no political code are set aside, not lost
    assert!(coded.set_aside.iter().any(|e| e.trigger.text == "praised"), "{:?}", triples(&coded.set_aside));
    assert!(coded.set_aside.iter().any(|e| e.trigger.text == "criticized"), "{:?}", triples(&coded.set_aside));
    // what a state does is kept whatever the article
    assert!(
        coded.events.iter().any(|e| e.source.code == "CAN" && e.cameo.starts_with("11")),
        "{:?}",
        triples(&coded.events)
    );
    assert!(
        coded
            .events
            .iter()
            .all(|e| e.source.is_state_or_organisation()
                || e.target.as_ref().is_some_and(|t| t.is_state_or_organisation())),
        "{:?}",
        triples(&coded.events)
    );
}

#[test]
fn an_article_about_a_government_keeps_every_event() {
    let coded = coder().code(&dyad_nlp::annotate(article(CABINET, "2024-05-10")));
    assert!(coded.relevance.is_political_news(), "{:?}", coded.relevance);
    assert!(coded.set_aside.is_empty(), "{:?}", triples(&coded.set_aside));
    // the praise between two names of no known code stays
    assert!(coded.events.iter().any(|e| e.trigger.text == "praised"), "{:?}", triples(&coded.events));
}

#[test]
fn a_short_text_is_not_judged() {
    let text = "McDonald praised Johnston after the show. The drummer criticized the promoter.";
    let coded = coder().code(&dyad_nlp::annotate(article(text, "2024-05-10")));
    assert!(coded.relevance.sentences < dyad_code::relevance::MIN_SENTENCES);
    assert!(coded.relevance.is_political_news());
    assert!(coded.set_aside.is_empty());
    assert!(coded.events.iter().any(|e| e.trigger.text == "praised"), "{:?}", triples(&coded.events));
}

#[test]
fn one_sentence_in_ten_naming_a_political_role_makes_political_news() {
    let judged = |political, sentences| Relevance { sentences, political }.is_political_news();
    assert!(judged(1, 10));
    assert!(!judged(1, 11));
    assert!(!judged(0, 5));
    assert!(judged(0, 4));
    assert!(judged(3, 30));
    assert!(!judged(2, 30));
}
