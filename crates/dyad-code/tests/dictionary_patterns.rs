//! The verb-pattern syntax of a user's dictionaries (compound `%`, noun groups `{}`,
//! ...), each on a sentence written for the test with made-up countries, coded with
//! small dictionaries of its own and nothing else.

use dyad_code::{Coder, Dictionaries};
use dyad_core::Article;

const ACTORS: &str = "ALDERIA\tcountry\tALD\tAlderia\ttest\n\
BORVIA\tcountry\tBOR\tBorvia\ttest\n\
CORLAND\tcountry\tCOR\tCorland\ttest\n\
VERDANT_WATCH\torg\tNGO\tVerdant Watch\ttest\n\
GREEN_LEAGUE\torg\tALDPTY\tGreen League\ttest\n\
AGENT_OPP\tagent\tOPP\tactivist; activists\ttest\n";

fn coder(verbs: &str) -> Coder {
    let mut dict = Dictionaries::empty();
    assert!(dict.add_actor_file("actors.tsv", ACTORS).is_empty());
    let errors = dict.add_verb_file("verbs.tsv", verbs);
    assert!(errors.is_empty(), "{errors:?}");
    Coder::new(dict)
}

/// (source, code, target) of every event not negated, sorted.
fn code(coder: &Coder, text: &str) -> Vec<(String, String, String)> {
    let article = Article {
        doc_id: dyad_core::doc_id("test", text.as_bytes()),
        source: "test".into(),
        text: text.into(),
        paragraphs: vec![dyad_core::Span::new(0, text.len())],
        ..Default::default()
    };
    let mut out: Vec<_> = coder
        .code(&dyad_nlp::annotate(article))
        .events
        .iter()
        .filter(|e| !e.negated)
        .map(|e| {
            (e.source.code.clone(), e.cameo.clone(), e.target.as_ref().map(|t| t.code.clone()).unwrap_or_default())
        })
        .collect();
    out.sort();
    out
}

fn t(s: &str, c: &str, g: &str) -> (String, String, String) {
    (s.into(), c.into(), g.into())
}

#[test]
fn a_compound_pattern_needs_a_compound_actor_and_beats_a_single_word() {
    let c = coder(
        "block\tDELAY\t120\nverb\tDELAY\tadjourn\t-\tadjourn; adjourned\n\
pattern\tDELAY\t120\t% *\tt\npattern\tDELAY\t161\t* talk\tt\n",
    );
    // "% *": the two parties of the compound subject, each towards the other, even
    // though "* talk" also matches
    assert_eq!(
        code(&c, "Alderia and Borvia adjourned their talks with Corland."),
        vec![t("ALD", "120", "BOR"), t("BOR", "120", "ALD")]
    );
    // one actor is no compound: the single-word pattern
    assert_eq!(code(&c, "Alderia adjourned its talks with Corland."), vec![t("ALD", "161", "COR")]);
}

#[test]
fn adjectives_may_stand_between_the_words_of_a_noun_group() {
    let c = coder(
        "synset\t&SECTOR\tfinancial; military\nblock\tEND\t161\nverb\tEND\tsever\t-\tsever; severed\n\
pattern\tEND\t1621\t* {lasting &SECTOR links}\tt\n",
    );
    // "lasting ... financial links": another adjective of the noun may stand between
    assert_eq!(code(&c, "Alderia severed lasting secret financial links with Borvia."), vec![t("ALD", "1621", "BOR")]);
    // a noun between makes another compound (banking links), not the group's
    assert_eq!(code(&c, "Alderia severed lasting financial banking links with Borvia."), vec![t("ALD", "161", "BOR")]);
}

#[test]
fn a_pattern_line_without_its_dash_is_read_and_may_spell_an_infinitive() {
    let phoenix = "####### VERB PATTERNS #######\n--- START [---] ---\nSTART\n* (TO DOUBT) [110]\n";
    let mut stats = dyad_code::convert::ConvertStats::default();
    let verbs = dyad_code::convert::phoenix_verbs(phoenix, "test", &mut stats);
    assert!(verbs.contains("pattern\tSTART\t110\t* (to doubt)"), "{verbs}");
    let c = coder(&verbs);
    // "to" before a verb is the pattern's own infinitive marker, not a stray preposition
    assert_eq!(code(&c, "Alderia started to doubt its alliance with Borvia."), vec![t("ALD", "110", "BOR")]);
}

#[test]
fn an_s_form_after_the_opening_actor_is_its_verb() {
    let c = coder("block\tLEAVE\t040\nverb\tLEAVE\tdepart\t-\tdepart; departs; departed\n");
    assert_eq!(code(&c, "Alderia departs from Borvia after a long summit."), vec![t("ALD", "040", "BOR")]);
}

#[test]
fn a_role_of_a_named_organisation_keeps_the_whole_code() {
    let c = coder("block\tPRAISE\t051\nverb\tPRAISE\tpraise\t-\tpraise; praised\n");
    // an organisation without a country, and one of a country: its code, then the role
    assert_eq!(code(&c, "The activists of Verdant Watch praised Borvia."), vec![t("NGOOPP", "051", "BOR")]);
    assert_eq!(code(&c, "The activists of the Green League praised Borvia."), vec![t("ALDPTYOPP", "051", "BOR")]);
    // a country still gives its country: "activists of Alderia"
    assert_eq!(code(&c, "The activists of Alderia praised Borvia."), vec![t("ALDOPP", "051", "BOR")]);
}

#[test]
fn of_equally_specific_patterns_the_one_covering_more_words_wins() {
    let c = coder(
        "synset\t&ARMS\trifle; rifles\nsynset\t&HEAVY\tlong range rifles\nblock\tSHIP\t070\n\
verb\tSHIP\tship\t-\tship; shipped\npattern\tSHIP\t072\t* &ARMS\tt\npattern\tSHIP\t190\t* &HEAVY\tt\n",
    );
    // "long range rifles" is matched whole by &HEAVY, only its last word by &ARMS
    assert_eq!(code(&c, "Alderia shipped long range rifles to Borvia."), vec![t("ALD", "190", "BOR")]);
    assert_eq!(code(&c, "Alderia shipped rifles to Borvia."), vec![t("ALD", "072", "BOR")]);
}

#[test]
fn a_to_right_before_the_verb_is_its_infinitive_marker_not_a_patterns_preposition() {
    let c = coder(
        "block\tRECOGNIZE\t013\nverb\tRECOGNIZE\trecognize\t-\trecognize; recognized\n\
pattern\tRECOGNIZE\t073\t(to) *\tt\n",
    );
    // "voted to recognize": the infinitive's "to", the verb's own code
    assert_eq!(code(&c, "Alderia voted to recognize Borvia."), vec![t("ALD", "013", "BOR")]);
}

#[test]
fn a_passive_may_have_coordinated_adverbs_or_a_perfect_been() {
    let c = coder("block\tBLAME\t111\nverb\tBLAME\tcriticize\t-\tcriticize; criticized\n");
    // read as a passive, Alderia is criticized, not the critic (without an agent, the
    // other party after "with" is)
    assert_eq!(code(&c, "Alderia was harshly criticized over its dispute with Borvia."), vec![t("BOR", "111", "ALD")]);
    assert_eq!(
        code(&c, "Alderia was harshly and unfairly criticized over its dispute with Borvia."),
        vec![t("BOR", "111", "ALD")]
    );
    // "has been criticized by": the perfect of a passive
    assert_eq!(code(&c, "Alderia has been criticized by Borvia."), vec![t("BOR", "111", "ALD")]);
}

#[test]
fn coordinated_describing_words_may_stand_between_a_country_and_its_agent() {
    let c = coder("block\tPRAISE\t051\nverb\tPRAISE\tpraise\t-\tpraise; praised\n");
    assert_eq!(code(&c, "Alderia's brave activists praised Borvia."), vec![t("ALDOPP", "051", "BOR")]);
    assert_eq!(code(&c, "Alderia's brave and tireless activists praised Borvia."), vec![t("ALDOPP", "051", "BOR")]);
}

#[test]
fn a_patterns_words_before_the_verb_are_in_its_own_clause() {
    let c = coder(
        "block\tENTER\t042\nverb\tENTER\tenter\t-\tenter; entered\npattern\tENTER\t192\ttroops *\tt\n\
block\tREPORT\t---\nverb\tREPORT\treport\t-\treport; reported\n",
    );
    assert_eq!(code(&c, "Alderia troops entered Borvia."), vec![t("ALD", "192", "BOR")]);
    // "troops" is the subject of "reported", not of "entered"
    assert_eq!(code(&c, "Troops reported that Alderia entered Borvia."), vec![t("ALD", "042", "BOR")]);
}

#[test]
fn the_subject_of_a_passive_is_not_the_subject_a_pattern_names() {
    let c = coder("block\tSHOOT\t190\nverb\tSHOOT\tfire\t-\tfire; fired\npattern\tSHOOT\t183\trockets *\tt\n");
    // the rockets were fired, they did not go off by themselves: the verb's own code
    assert_eq!(code(&c, "Rockets were fired by Alderia."), vec![t("ALD", "190", "")]);
}

#[test]
fn a_caret_steps_over_one_actor_that_takes_no_role() {
    let c = coder(
        "block\tWELCOME\t050\nverb\tWELCOME\twelcome\t-\twelcome; welcomed\n\
pattern\tWELCOME\t051\t* mediation (of ^) +\tt\n",
    );
    // "^" is the mediator: the one "with" whom is the target
    assert_eq!(code(&c, "Alderia welcomed the mediation of Borvia with Corland."), vec![t("ALD", "051", "COR")]);
    // no actor for the "^" to step over: the pattern does not match, the verb's code stands
    assert_eq!(code(&c, "Alderia welcomed the mediation of diplomats with Corland."), vec![t("ALD", "050", "COR")]);
}

#[test]
fn a_negated_act_with_a_negation_code_is_that_code() {
    let c = coder(
        "block\tCLASH\t110\nverb\tCLASH\tclash\t-\tclash; clashed\n\
block\tSEIZE\t170\nverb\tSEIZE\tseize\t-\tseize; seized\n\
block\tSHELL\t190\nverb\tSHELL\tshell\t-\tshell; shelled\n",
    );
    // not disapproving is diplomatic cooperation, not coercing material cooperation
    assert_eq!(code(&c, "Alderia did not clash with Borvia."), vec![t("ALD", "050", "BOR")]);
    assert_eq!(code(&c, "Alderia won't ever clash with Borvia."), vec![t("ALD", "050", "BOR")]);
    assert_eq!(code(&c, "Alderia did not seize Borvia."), vec![t("ALD", "057", "BOR")]);
    // an act whose negation has no code stays negated (and is left out here)
    assert_eq!(code(&c, "Alderia did not shell Borvia."), vec![]);
    // the negation of a verb of intent is not the infinitive's
    assert_eq!(code(&c, "Alderia won't try to clash with Borvia."), vec![t("ALD", "110", "BOR")]);
}

#[test]
fn an_agent_written_as_a_prefix_stands_before_the_country() {
    let mut dict = Dictionaries::empty();
    assert!(dict.add_actor_file("actors.tsv", ACTORS).is_empty());
    let agents = "AGENT_NGO_PREFIX\tagent\tNGO~\tmsf\ttest\nAGENT_GOV\tagent\tGOV\tdiplomat\ttest\n";
    assert!(dict.add_actor_file("agents.tsv", agents).is_empty());
    let errors = dict.add_verb_file("verbs.tsv", "block\tMEET\t040\nverb\tMEET\tmeet\t-\tmeet; met\n");
    assert!(errors.is_empty(), "{errors:?}");
    let c = Coder::new(dict);
    assert_eq!(code(&c, "MSF Alderia met Borvia."), vec![t("NGOALD", "040", "BOR")]);
    // a role after it refines the prefixed code, as PETRARCH's "MSF Arnor diplomat" (NGOARNGOV)
    assert_eq!(code(&c, "An MSF Alderia diplomat met Borvia."), vec![t("NGOALDGOV", "040", "BOR")]);
}

#[test]
fn an_agentless_passive_is_done_by_the_party_after_with_and_its_adverbs_are_no_pattern_words() {
    let c = coder(
        "block\tCRITICIZE\t111\nverb\tCRITICIZE\tcriticize\t-\tcriticize; criticized\n\
pattern\tCRITICIZE\t122\theavily *\tt\n",
    );
    // the other party of the dispute criticizes; "heavily" describes the passive's act
    assert_eq!(
        code(&c, "Alderia was heavily criticized over its territorial dispute with Borvia."),
        vec![t("BOR", "111", "ALD")]
    );
    assert_eq!(
        code(&c, "Alderia was criticized over its territorial dispute with Borvia."),
        vec![t("BOR", "111", "ALD")]
    );
    // in the active the adverb is the pattern's word
    assert_eq!(code(&c, "Alderia heavily criticized Borvia."), vec![t("ALD", "122", "BOR")]);
    // a named agent is the source
    assert_eq!(
        code(&c, "Alderia was criticized by Corland over its dispute with Borvia."),
        vec![t("COR", "111", "ALD")]
    );
}

#[test]
fn a_source_found_after_the_verb_makes_the_subject_the_target_and_a_skipped_actor_takes_no_role() {
    let c = coder(
        "block\tCELEBRATE\t051\nverb\tCELEBRATE\tcelebrate\t-\tcelebrate; celebrated\n\
pattern\tCELEBRATE\t017\t* {spring fair} $\tt\npattern\tCELEBRATE\t018\t* harvest (with ^)\tt\n",
    );
    // "$" after the verb: the actor it finds acts, towards the subject it displaced
    assert_eq!(code(&c, "Alderia celebrated the spring fair with Borvia."), vec![t("BOR", "017", "ALD")]);
    // "^": the actor stepped over is not the target
    let coded = code(&c, "Alderia celebrated the harvest with Borvia.");
    assert!(coded.iter().any(|e| e.1 == "018"), "{coded:?}");
    assert!(!coded.iter().any(|e| e.2 == "BOR"), "{coded:?}");
}

#[test]
fn a_pattern_word_in_a_nouns_complement_is_not_the_verbs_object() {
    let c = coder(
        "block\tPRESS\t170\nverb\tPRESS\tpress\t-\tpress; presses; pressed\n\
pattern\tPRESS\t162\t* refugee\tt\n",
    );
    // the refugees are the verb's object, even past "thousands of"
    assert!(code(&c, "Alderia pressed thousands of refugees to leave Borvia.").iter().any(|e| e.1 == "162"));
    // they are what the object noun "pledge" is to, not what is pressed
    let ev = code(&c, "Alderia pressed its pledge to the refugees in Borvia.");
    assert!(!ev.is_empty() && ev.iter().all(|e| e.1 != "162"), "{ev:?}");
}

#[test]
fn a_particle_past_a_prepositional_phrase_is_not_the_verb_s() {
    // "* off" is for firing off a letter: the "off" of a place after "at Borvia" is not it
    let c = coder("block\tFIRE\t190\nverb\tFIRE\tfire\t-\tfire; fires; fired; firing\npattern\tFIRE\t110\t* off\tt\n");
    assert_eq!(code(&c, "Alderia fired rockets at Borvia off the coast."), vec![t("ALD", "190", "BOR")]);
    assert_eq!(code(&c, "Alderia fired off a letter to Borvia."), vec![t("ALD", "110", "BOR")]);
}
