//! Mentions are found again after a later sentence teaches an alias only when the
//! alias is of a word the sentence looked up as one.

use dyad_code::mentions::{find_mentions_noting, Aliases};
use dyad_code::sentence::Words;
use dyad_code::Dictionaries;

#[test]
fn a_surname_inside_the_full_name_is_not_looked_up_as_an_alias() {
    let dict = Dictionaries::embedded();
    let doc = dyad_nlp::annotate(common::article("Babrak Karmal met Nur Mohammad Taraki. Karmal left.", "2020-01-01"));
    let text = &doc.article.text;
    let words: Vec<Words> = doc.sentences.iter().map(|s| Words::new(text, s, &dict.vocab)).collect();
    assert_eq!(words.len(), 2);
    let karmal = dict.vocab.get("karmal");
    let mut aliases = Aliases::default();
    let mut marks = Vec::new();
    let mut looked = Vec::new();
    for w in &words {
        let mark = aliases.mark();
        let mut looked_up = Vec::new();
        let mentions = find_mentions_noting(w, &dict, &aliases, None, &[], &mut looked_up);
        for m in &mentions {
            aliases.learn(w, m, &dict);
        }
        marks.push(mark);
        looked.push(looked_up);
    }
    // the first sentence taught "Karmal" (and "Taraki"), words inside its full names
    assert!(aliases.changed_since(marks[0], &words[0].ids), "an alias of one of its words was learned");
    assert!(!looked[0].contains(&karmal), "{:?}", looked[0]);
    assert!(!aliases.changed_since(marks[0], &looked[0]), "none of a word it looked up");
    // the second sentence's bare "Karmal" is looked up
    assert!(looked[1].contains(&karmal));
}

mod common;
