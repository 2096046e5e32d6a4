//! Which noun phrase of a sentence acts or is acted on when names stand inside longer
//! phrases: a person "of" a country, an appositive between subject and verb, a
//! progressive after a speech verb, the recipient of a passive transfer. Short texts
//! written for these tests, with the embedded dictionaries.

mod common;

use common::{source_of, target_of};

use dyad_core::Event;

fn code(text: &str) -> Vec<Event> {
    common::code(text, "2024-03-01")
}

/// (source text, trigger, target text) of each event.
fn seen(events: &[Event]) -> Vec<(String, String, String)> {
    events
        .iter()
        .map(|e| {
            (
                e.source.text.clone(),
                e.trigger.text.clone(),
                e.target.as_ref().map(|t| t.text.clone()).unwrap_or_default(),
            )
        })
        .collect()
}

#[test]
fn a_person_of_a_country_is_the_subject() {
    // the country after "of" says whose the person is; the person acts
    let events = code("Chancellor Angela Merkel of Germany praised France on Tuesday.");
    assert_eq!(source_of(&events, "praised"), Some("Chancellor Angela Merkel"), "{:?}", seen(&events));
    // a country right before its verb stays the subject
    let events = code("After talks in Ankara, Turkey criticized Israel on Monday.");
    assert_eq!(source_of(&events, "criticized"), Some("Turkey"), "{:?}", seen(&events));
}

#[test]
fn an_appositive_does_not_hide_the_subject() {
    // the actor named inside the appositive describes the subject
    let events = code("Peter Odhiambo, a lecturer at the University of Nairobi, criticized the Kenyan government.");
    assert_eq!(source_of(&events, "criticized"), Some("Peter Odhiambo"), "{:?}", seen(&events));
    assert_eq!(events.len(), 1, "{:?}", seen(&events));
    // a list is no appositive: the whole compound acts
    let events = code("Kenya, the United States and Uganda criticized the Sudanese government.");
    let sources: Vec<&str> = events.iter().map(|e| e.source.text.as_str()).collect();
    assert_eq!(sources, ["Kenya", "the United States", "Uganda"], "{:?}", seen(&events));
}

#[test]
fn an_appositive_whose_title_names_no_actor_still_has_its_head_as_subject() {
    // "the Head Steward of Zambia": only the country after "of" is an actor in the
    // appositive, and it is no subject; the name the appositive describes acts
    let events = code("Hakainde Hichilema, the Head Steward of Zambia, criticized Malawi on Monday.");
    assert_eq!(source_of(&events, "criticized"), Some("Hakainde Hichilema"), "{:?}", seen(&events));
    assert_eq!(target_of(&events, "criticized"), Some("Malawi"), "{:?}", seen(&events));
    let events = code("Wang Yi, the longtime steward of China, will visit Japan in May.");
    assert_eq!(source_of(&events, "visit"), Some("Wang Yi"), "{:?}", seen(&events));
}

#[test]
fn a_relative_time_after_the_owner_s_nouns_is_one_without_a_publication_date() {
    // "last week" stands between the strikes and their verb as a time whether or not the
    // article's date is known: the strikes' owner stays the subject
    let text = "Kenyan military airstrikes last week in the north have killed dozens of al-Shabaab fighters.";
    for published in ["2024-03-01", ""] {
        let events = common::code(text, published);
        assert_eq!(source_of(&events, "killed"), Some("Kenyan military"), "{published:?}: {:?}", seen(&events));
    }
}

#[test]
fn a_progressive_verb_has_its_own_subject() {
    // "is training" is finite: its subject is the actor before it, not the speaker
    let events = code("Peter Odhiambo says the Kenyan army is training Ugandan soldiers.");
    assert_eq!(source_of(&events, "training"), Some("Kenyan army"), "{:?}", seen(&events));
}

#[test]
fn a_verb_tagged_a_plural_noun_is_not_swallowed_into_the_subject() {
    // "trains" read as a noun between two actors: the participant noun "pilots" widens
    // the nearer actor ("Bolivian pilots"), not the subject across the verb, and "trains"
    // after the opening subject is its verb
    let events = code("The Chilean military trains Bolivian pilots to fly helicopters, an officer said.");
    assert_eq!(source_of(&events, "trains"), Some("Chilean military"), "{:?}", seen(&events));
    assert_eq!(target_of(&events, "trains"), Some("Bolivian pilots"), "{:?}", seen(&events));
}

#[test]
fn a_passive_transfer_goes_to_the_recipient() {
    // the passive's subject is what was moved; the actor "to" which it went is the target
    let events = code("A stolen Greek icon was returned by Italian police to Greek officials.");
    assert_eq!(target_of(&events, "returned"), Some("Greek officials"), "{:?}", seen(&events));
    // an actor moved stays the target
    let events = code("Two Kenyan hostages were released by the rebels to the Red Cross.");
    assert_eq!(target_of(&events, "released"), Some("Kenyan hostages"), "{:?}", seen(&events));
}

#[test]
fn a_deployed_body_stands_for_the_place_it_serves_in() {
    // a body in the verb's object, before any actor, is aimed at the place it is "in"
    let events =
        code("Ireland approved the extension of its peacekeeping mission in Lebanon despite objections from Israel.");
    assert_eq!(target_of(&events, "approved"), Some("Lebanon"), "{:?}", seen(&events));
    // an organisation naming the body, as for "force" and "mission"
    let events = code("Ghana pledged funds for United Nations peacekeeping operations in Lebanon.");
    assert_eq!(target_of(&events, "pledged"), Some("Lebanon"), "{:?}", seen(&events));
    // an actor object before the body stays the target
    let events = code("Norway criticized the Malian government and the peacekeeping force in Mali.");
    assert_eq!(target_of(&events, "criticized"), Some("Malian government"), "{:?}", seen(&events));
}

#[test]
fn forces_loyal_to_someone_are_an_actor_of_that_country() {
    // "loyal to" describes the role, which stays the actor, with the country of whom it
    // is loyal to
    let events =
        code("Forces loyal to President Bashar al-Assad on Sunday rejected a ceasefire proposal by the rebels.");
    let e = events.iter().find(|e| e.trigger.text == "rejected").expect("an event");
    assert_eq!((e.source.text.as_str(), e.source.code.as_str()), ("Forces", "SYRMIL"), "{:?}", seen(&events));
    let events = code("Turkey attacked forces loyal to Assad in northern Syria.");
    let e = events.iter().find(|e| e.trigger.text == "attacked").expect("an event");
    assert_eq!(e.target.as_ref().map(|t| t.code.as_str()), Some("SYRMIL"), "{:?}", seen(&events));
}

#[test]
fn an_unknown_name_after_from_belongs_to_the_subject() {
    // "from the KRF-M" is part of the subject's noun phrase: its "the" is no other
    // noun phrase between the subject and the verb
    let events = code("Soldiers from the KRF-M have surrendered to the Kenyan government.");
    assert_eq!(source_of(&events, "surrendered"), Some("Soldiers"), "{:?}", seen(&events));
}

#[test]
fn a_lower_case_pattern_word_ending_a_name_is_its_members() {
    // "inspectors" is the pattern's word and the head of the unknown organisation's
    // phrase: they are its inspectors, the target
    let events = code("Kenya expelled all UNMISS weapons inspectors on Monday.");
    assert_eq!(target_of(&events, "expelled"), Some("UNMISS weapons inspectors"), "{:?}", seen(&events));
}

#[test]
fn forces_sent_in_a_place_go_to_that_place() {
    // the troops a transfer moves "in" Somalia are sent to Somalia
    let events = code("Ethiopia sent 500 soldiers in Somalia last year to guard the border.");
    assert_eq!(target_of(&events, "sent"), Some("Somalia"), "{:?}", seen(&events));
}

#[test]
fn a_name_describing_what_is_given_is_not_the_recipient() {
    // "Japanese military" describes the assistance; Jordan receives it
    let events = code("Japan approved the release of $30 million in Japanese military assistance to Jordan.");
    assert_eq!(target_of(&events, "approved"), Some("Jordan"), "{:?}", seen(&events));
}

#[test]
fn a_name_the_entity_tagger_missed_before_its_verb_is_a_person() {
    // a proper noun opening the sentence (or following an opening phrase) right before
    // its finite verb acts, with no code
    for text in [
        "Odhiambozi criticized the Kenyan government on Monday.",
        "At the summit, Odhiambozi angrily criticized the Kenyan government.",
    ] {
        let events = code(text);
        assert_eq!(source_of(&events, "criticized"), Some("Odhiambozi"), "{text}: {:?}", seen(&events));
    }
    // a day of the week is no one
    let events = code("Monday saw the Kenyan government criticized.");
    assert!(events.iter().all(|e| e.source.text != "Monday"), "{:?}", seen(&events));
}

#[test]
fn whose_attack_it_is_acts_not_what_it_is_on() {
    let events = code("A rebel strike on an army base near Goma killed nine soldiers.");
    assert_eq!(source_of(&events, "killed"), Some("rebel"), "{:?}", seen(&events));
}

#[test]
fn a_relative_clause_does_not_hide_the_subject() {
    // the troops are in the relative clause on the peacekeepers, who arrived
    let events = code(
        "About 80 Nepali peacekeepers who were part of the latest rotation of troops arrived in Lebanon on Friday.",
    );
    assert_eq!(source_of(&events, "arrived"), Some("Nepali peacekeepers"), "{:?}", seen(&events));
}

#[test]
fn a_transfer_past_a_relative_clause_reaches_a_recipient_after_the() {
    // "to the Mbala Heritage Foundation": a determiner between "to" and the recipient
    let events =
        code("Belgium returned a mask that was carried off from a village in Congo in 1950 to the Mbala Heritage Foundation.");
    assert_eq!(target_of(&events, "returned"), Some("Mbala Heritage Foundation"), "{:?}", seen(&events));
}

#[test]
fn a_recipient_after_a_phrase_set_off_by_commas_is_reached() {
    // "since" and "which" open a clause inside the commas only: the verb's "to" after
    // the closing comma names the recipient
    let events = code("Spain returned six paintings, missing since 1911, to Peru.");
    assert_eq!(target_of(&events, "returned"), Some("Peru"), "{:?}", seen(&events));
    let events = code("Spain returned six paintings, which were missing for decades, to Peru.");
    assert_eq!(target_of(&events, "returned"), Some("Peru"), "{:?}", seen(&events));
    // (nor does a participle that opens the phrase)
    let events = code("Spain returned six paintings, kept in storage, to Peru.");
    assert_eq!(target_of(&events, "returned"), Some("Peru"), "{:?}", seen(&events));
    // (an infinitive after the closing comma is a purpose, not a recipient: the clause
    // opener still ends the verb's reach)
    let events = code("Spain returned six paintings, which Peru wanted, to mend ties.");
    assert_eq!(target_of(&events, "returned"), None, "{:?}", seen(&events));
}

#[test]
fn a_time_or_place_adjunct_does_not_hide_the_subject() {
    // a phrase opened by a preposition between the subject and a finite verb, holding no
    // verb and no other actor, says when or where
    let events = code("The Chilean navy in the early hours of Monday seized a Peruvian fishing boat.");
    assert_eq!(source_of(&events, "seized"), Some("Chilean navy"), "{:?}", seen(&events));
    let events = code("Kenya at a summit in Addis Ababa condemned Somalia.");
    assert_eq!(source_of(&events, "condemned"), Some("Kenya"), "{:?}", seen(&events));
    // an actor inside an occasion ("at a meeting with", "in a letter to") is who the
    // subject met or wrote to, not the subject
    let events = code("Chile at a meeting with Argentina criticized Peru.");
    assert_eq!(source_of(&events, "criticized"), Some("Chile"), "{:?}", seen(&events));
    let events = code("Chile in a letter to the United Nations accused Peru.");
    assert_eq!(source_of(&events, "accused"), Some("Chile"), "{:?}", seen(&events));
    let events = code("Ruto in talks with Museveni praised Tanzania.");
    assert_eq!(source_of(&events, "praised"), Some("Ruto"), "{:?}", seen(&events));
}

#[test]
fn a_visit_in_the_object_is_aimed_where_it_goes() {
    // (the Kenyan government delegation, of the source's own code, is no target)
    let events = code("The Kenyan president will lead a Kenyan government delegation on a state visit to Ghana.");
    assert_eq!(target_of(&events, "lead"), Some("Ghana"), "{:?}", seen(&events));
}

#[test]
fn a_country_adjective_inside_a_region_name_is_not_that_country() {
    // "South American" names a region: its countries are not the United States
    let events = code("Ministers of South American countries criticized Israel on Monday.");
    assert!(events.iter().all(|e| e.source.code != "USA"), "{:?}", seen(&events));
    let events = code("Latin American leaders criticized the Israeli government on Monday.");
    assert!(events.iter().all(|e| !e.source.code.starts_with("USA")), "{:?}", seen(&events));
    // the adjective alone still names its country
    let events = code("American ministers criticized the Israeli government on Monday.");
    assert!(events.iter().any(|e| e.source.code.starts_with("USA")), "{:?}", seen(&events));
}

#[test]
fn a_list_in_a_relative_clause_does_not_hide_the_recipient() {
    // the commas of the list stay inside the clause on the moved thing
    let events = code(
        "The Kenyan government gave records of the travellers which include their names, ages and \
         passport numbers to the Ugandan government.",
    );
    assert_eq!(target_of(&events, "gave"), Some("Ugandan government"), "{:?}", seen(&events));
}

#[test]
fn a_yield_after_an_agreement_is_aimed_at_whom_it_is_with() {
    // the strike called off names no actor; the agreement says with whom
    let events =
        code("Kenyan nurses called off their strike on Monday after reaching a deal with the Kenyan government.");
    assert_eq!(target_of(&events, "called off"), Some("Kenyan government"), "{:?}", seen(&events));
}

#[test]
fn a_compound_subject_acts_on_each_other_past_a_bare_role_object() {
    // the ambassadors are what they exchange, not a third party
    let events = code("Kenya and Uganda will exchange ambassadors for the first time in ten years.");
    let pairs: Vec<(&str, &str)> =
        events.iter().map(|e| (e.source.code.as_str(), e.target.as_ref().map_or("", |t| t.code.as_str()))).collect();
    assert_eq!(pairs, [("KEN", "UGA"), ("UGA", "KEN")], "{:?}", seen(&events));
    // hostages are a third party: the partners offer nothing to each other
    let events = code("Kenya and Uganda offered a truce and the release of hostages on Monday.");
    assert!(
        events.iter().all(|e| e.target.as_ref().is_none_or(|t| !matches!(t.code.as_str(), "KEN" | "UGA"))),
        "{:?}",
        seen(&events)
    );
}

#[test]
fn a_hirak_movement_is_the_opposition_of_its_country() {
    // "Hirak" names popular protest movements: an opposition body, here with no country
    // named in its phrase
    let events = code("In Algiers, the Hirak movement rejected the army's plan.");
    let rejected = events.iter().find(|e| e.trigger.text == "rejected");
    assert_eq!(rejected.map(|e| e.source.code.as_str()), Some("OPP"), "{:?}", seen(&events));
}

#[test]
fn a_country_after_a_place_and_a_comma_keeps_its_own_code() {
    // "civilians in Darfur" are Sudanese civilians; "Chad" after the comma opens the
    // next clause as its subject, so neither the place nor Chad takes the civilians' role
    let events = code("After soldiers shelled civilians in Darfur, Chad condemned the Sudanese army.");
    let condemners: Vec<(&str, &str)> = events
        .iter()
        .filter(|e| e.trigger.text == "condemned")
        .map(|e| (e.source.text.as_str(), e.source.code.as_str()))
        .collect();
    assert_eq!(condemners, [("Chad", "TCD")], "{:?}", seen(&events));
}

#[test]
fn fighters_of_an_armed_group_are_the_group() {
    // the group's code already says they fight: no irregular-forces role on top of it
    let events = code("Gunmen of the Sudan Liberation Army raided a convoy of aid workers.");
    let raiders: Vec<&str> =
        events.iter().filter(|e| e.trigger.text == "raided").map(|e| e.source.code.as_str()).collect();
    assert_eq!(raiders, ["SDNREB"], "{:?}", seen(&events));
    // a role that is no fighter's keeps joining the body's code
    let events = code("Activists of Amnesty International criticized the Kenyan police.");
    let critics: Vec<&str> =
        events.iter().filter(|e| e.trigger.text == "criticized").map(|e| e.source.code.as_str()).collect();
    assert_eq!(critics, ["NGOHRIAMNOPP"], "{:?}", seen(&events));
}

#[test]
fn an_addressee_in_an_opening_participle_does_not_act() {
    // "Writing to Ruto," only frames the clause: Putin alone praises the deal
    let events = code("Writing to Ruto, Putin praised the trade deal with Kenya.");
    let praisers: Vec<&str> =
        events.iter().filter(|e| e.trigger.text == "praised").map(|e| e.source.text.as_str()).collect();
    assert_eq!(praisers, ["Putin"], "{:?}", seen(&events));
    // a list of names joined by commas alone still acts as a whole
    let events = code("Kenya, Uganda, Tanzania condemned the attack on the border post.");
    let condemners: Vec<&str> =
        events.iter().filter(|e| e.trigger.text == "condemned").map(|e| e.source.text.as_str()).collect();
    assert_eq!(condemners, ["Kenya", "Uganda", "Tanzania"], "{:?}", seen(&events));
}

#[test]
fn an_envoy_to_a_country_is_not_that_country_s() {
    // the country after "ambassador to" is where the envoy is posted: "its ambassador"
    // is the subject's, recalled from there
    let events = code("Kenya recalled its ambassador to Uganda.");
    let t: Vec<_> =
        events.iter().map(|e| (e.source.code.as_str(), e.target.as_ref().map(|t| t.code.as_str()))).collect();
    assert!(t.contains(&("KEN", Some("UGA"))), "{t:?}");
    let events = code("The Kenyan ambassador to Uganda praised Ethiopia.");
    assert_eq!(source_of(&events, "praised"), Some("Kenyan ambassador"), "{:?}", seen(&events));
    assert!(events.iter().all(|e| e.source.code.as_str() == "KENGOV"), "{:?}", seen(&events));
    // the body an envoy is sent to is not the subject, the article inside its name or not
    let events = code("The US envoy to the United Nations criticized Russia.");
    assert_eq!(source_of(&events, "criticized"), Some("The US envoy"), "{:?}", seen(&events));
    // an embassy "in" a capital is not that country's government
    let events = code("Militants attacked the embassy in Nairobi.");
    assert!(
        events.iter().all(|e| e.target.as_ref().is_none_or(|t| t.code.as_str() != "KENGOV")),
        "{:?}",
        seen(&events)
    );
}

#[test]
fn a_sea_named_after_a_country_is_no_actor() {
    // "China" inside "South China Sea" is not China, and the sea is never a target
    let events = code("Vietnam sent two patrol boats to the South China Sea.");
    assert!(events.iter().all(|e| e.target.is_none()), "{:?}", seen(&events));
    let events = code("Pakistan fired a missile into the Arabian Sea.");
    assert!(events.iter().all(|e| e.target.is_none()), "{:?}", seen(&events));
    // parties clashing in such a sea still act on each other
    let events = code("Vietnam and China clashed in the South China Sea.");
    let pairs: Vec<_> =
        events.iter().map(|e| (e.source.code.as_str(), e.target.as_ref().map(|t| t.code.as_str()))).collect();
    assert!(pairs.contains(&("VNM", Some("CHN"))) && pairs.contains(&("CHN", Some("VNM"))), "{pairs:?}");
}

#[test]
fn a_user_dictionary_can_mark_a_name_as_no_actor() {
    let mut dict = dyad_code::Dictionaries::embedded();
    let errors =
        dict.add_actor_file("mine.tsv", "CONGO_BASIN\tplace\t---\tCongo Basin\ta forest region of several countries\n");
    assert!(errors.is_empty(), "{errors:?}");
    let coder = dyad_code::Coder::new(dict);
    let events = common::code_with(&coder, "Rwandan troops attacked villages in the Congo Basin.", "2024-03-01");
    assert!(
        events.iter().all(|e| e.target.as_ref().is_none_or(|t| !t.code.as_str().starts_with("CO"))),
        "{:?}",
        seen(&events)
    );
}

#[test]
fn a_document_s_participle_has_the_author_its_noun_names() {
    // the statement is the EU's, not Hungary's
    let events = code("Hungary blocked a European Union statement criticising Israel.");
    assert_eq!(source_of(&events, "criticising"), Some("European Union"), "{:?}", seen(&events));
    let events = code("Kenya rejected the African Union's statement condemning Ethiopia.");
    assert_eq!(source_of(&events, "condemning"), Some("African Union"), "{:?}", seen(&events));
    // a document named without its author is the subject's
    let events = code("Kenya released a statement criticising Sudan.");
    assert_eq!(source_of(&events, "criticising"), Some("Kenya"), "{:?}", seen(&events));
}

#[test]
fn what_someone_is_kept_from_is_no_act_and_an_intent_is_its_possessor_s() {
    // barred from travelling: no trip, and no consultation by the court
    let events = code("A Kenyan court barred the opposition leader from travelling to Uganda.");
    assert!(events.iter().all(|e| e.trigger.text != "travelling"), "{:?}", seen(&events));
    // the bid to join is Ukraine's, not the parliament's that approved it
    let events = code("Poland's parliament approved Ukraine's bid to join the European Union.");
    assert_eq!(source_of(&events, "join"), Some("Ukraine"), "{:?}", seen(&events));
}

#[test]
fn the_comma_that_closes_a_fronted_clause_ends_no_list() {
    // the name before the comma is what the fronted clause's verb acts on; the list of
    // senders starts after the comma
    let events = code("When Armenia shelled Georgia, Turkey and Iran sent medical aid.");
    let senders: Vec<&str> =
        events.iter().filter(|e| e.trigger.text == "sent").map(|e| e.source.text.as_str()).collect();
    assert_eq!(senders, ["Turkey", "Iran"], "{:?}", seen(&events));
    assert_eq!(target_of(&events, "shelled"), Some("Georgia"), "{:?}", seen(&events));
    // a clause closed before the list leaves the whole list acting
    let events = code("When asked, Turkey, Georgia and Iran sent medical aid.");
    let senders: Vec<&str> =
        events.iter().filter(|e| e.trigger.text == "sent").map(|e| e.source.text.as_str()).collect();
    assert_eq!(senders, ["Turkey", "Georgia", "Iran"], "{:?}", seen(&events));
}

#[test]
fn a_portfolio_minister_is_one_actor_with_the_country_before_it() {
    // "defence minister" is a military part of the government, and the country
    // adjective before it joins the whole title and name
    let events = code("Chadian Defence Minister Ali Mahamat criticized Sudan on Friday.");
    let e = events.iter().find(|e| e.trigger.text == "criticized").expect("an event");
    assert_eq!(e.source.text, "Chadian Defence Minister Ali Mahamat", "{:?}", seen(&events));
    assert_eq!(e.source.code.as_str(), "TCDGOVMIL", "{:?}", seen(&events));
}

#[test]
fn a_named_body_of_a_country_is_one_actor() {
    // capitalised words between the country and the institution word belong to the
    // body's name: the whole name is the country's government body
    let events = code("The Ugandan Revenue Authority accused the company of fraud.");
    let e = events.iter().find(|e| e.trigger.text == "accused").expect("an event");
    assert_eq!(e.source.text, "Ugandan Revenue Authority", "{:?}", seen(&events));
    assert_eq!(e.source.code.as_str(), "UGAGOV", "{:?}", seen(&events));
}

#[test]
fn a_presidency_acts_for_the_government() {
    let events = code("Ghana's presidency criticized the mining firms on Tuesday.");
    let e = events.iter().find(|e| e.trigger.text == "criticized").expect("an event");
    assert_eq!(e.source.text, "Ghana's presidency", "{:?}", seen(&events));
    assert_eq!(e.source.code.as_str(), "GHAGOV", "{:?}", seen(&events));
}

#[test]
fn a_judicial_council_is_the_judiciary() {
    let events = code("The Jordanian Judicial Council accused the minister of interference.");
    let e = events.iter().find(|e| e.trigger.text == "accused").expect("an event");
    assert_eq!(e.source.text, "Jordanian Judicial Council", "{:?}", seen(&events));
    assert_eq!(e.source.code.as_str(), "JORJUD", "{:?}", seen(&events));
}

#[test]
fn the_claimant_of_an_attack_carried_it_out() {
    // a name joined by a hyphen to "claimed" is who claimed the attack: its source,
    // while other compound modifiers ("UK-based") name no actor
    let events = code("A Taliban-claimed bombing killed five policemen near Herat.");
    let e = events.iter().find(|e| e.trigger.text == "killed").expect("an attack");
    assert_eq!(e.source.code.as_str(), "AFGREB", "{:?}", seen(&events));
    let events = code("A UK-based charity praised the ruling.");
    assert!(events.iter().all(|e| e.source.text != "UK"), "{:?}", seen(&events));
}

#[test]
fn a_participle_after_a_place_or_addressee_is_the_earlier_act_s_subject_s() {
    // the court a case is filed at, the body a letter is sent to, does not accuse or urge
    let events = code("Ghana filed a complaint at the International Court of Justice accusing Togo of torture.");
    assert_eq!(source_of(&events, "accusing"), Some("Ghana"), "{:?}", seen(&events));
    let events = code("Kenya wrote to the United Nations urging Sudan to end the war.");
    assert_eq!(source_of(&events, "urging"), Some("Kenya"), "{:?}", seen(&events));
    // (describing words between the preposition and the body change nothing)
    let events = code("Hungary filed a complaint at the European Court accusing Brussels of bias.");
    assert_eq!(source_of(&events, "accusing"), Some("Hungary"), "{:?}", seen(&events));
}

#[test]
fn people_an_act_is_aimed_at_do_what_the_participle_after_them_says() {
    // the students and the marchers demand and oppose, not the police who fire at them
    let events = code("Riot police fired tear gas at students demanding the rector's resignation.");
    assert_eq!(source_of(&events, "demanding"), Some("students"), "{:?}", seen(&events));
    let events = code("Armenian police used batons against marchers opposing the border deal.");
    assert_eq!(source_of(&events, "opposing"), Some("marchers"), "{:?}", seen(&events));
}

#[test]
fn a_name_after_a_preposition_of_place_is_where_not_whom() {
    // the tagger's name after "near" is a place: the two sides clash with each other
    let events = code("Vietnam and China clashed near Vanguard Bank on Monday.");
    let pairs: Vec<_> =
        events.iter().map(|e| (e.source.code.as_str(), e.target.as_ref().map(|t| t.code.as_str()))).collect();
    assert!(pairs.contains(&("VNM", Some("CHN"))) && pairs.contains(&("CHN", Some("VNM"))), "{pairs:?}");
}

#[test]
fn a_country_s_international_organisation_is_its_membership_not_a_body_of_its_own() {
    // "Finland's NATO membership": Finland and NATO, not a Finnish NATO
    let events = code("Hungary agreed to drop its objection to Finland's NATO membership.");
    assert!(
        events.iter().all(|e| !e.target.as_ref().is_some_and(|t| t.code.contains("IGO") && t.code.starts_with("FIN"))),
        "{:?}",
        seen(&events)
    );
    // ... but a country's envoy there stays the country's
    let events = code("Kenya's UN envoy criticised Sudan.");
    assert!(events.iter().any(|e| e.source.code.starts_with("KEN")), "{:?}", seen(&events));
}

#[test]
fn a_role_narrowed_by_a_common_noun_phrase_is_the_subject() {
    // "of the province", "from the valley": a phrase that names no actor belongs to the
    // role word before it, which acts
    let events = code("Local officials of the province condemned the Ethiopian army.");
    assert_eq!(source_of(&events, "condemned"), Some("officials"), "{:?}", seen(&events));
    let events = code("Farmers from the dry valley blocked a road to protest against the Indian government.");
    assert_eq!(source_of(&events, "blocked"), Some("Farmers"), "{:?}", seen(&events));
    // (a tagger's past participle for the finite verb: "at the mine protested")
    let events = code("Workers at the copper mine protested against the Zambian government.");
    assert_eq!(source_of(&events, "protested"), Some("Workers"), "{:?}", seen(&events));
    // before a passive the phrase still stands between: the farmers hurt in a raid
    // are not what the bomber launched
    let events = code("Gunmen hurt four farmers in a raid launched by a masked bomber.");
    assert!(events.iter().all(|e| e.trigger.text != "launched" || target_of(&events, "launched") != Some("farmers")));
}

#[test]
fn the_leader_named_in_a_led_compound_acts() {
    // "X-led": X leads what the compound describes, so X is its actor (where "X-based"
    // or "X-backed" names none)
    let events = code("A Kenyan-led coalition shelled the port of Kismayo on Friday.");
    let e = events.iter().find(|e| e.trigger.text == "shelled").expect("an attack");
    assert_eq!(e.source.code.as_str(), "KEN", "{:?}", seen(&events));
    // before a role word the two make one actor: the forces that country leads
    let events = code("French-led troops captured three Malian towns.");
    let e = events.iter().find(|e| e.trigger.text == "captured").expect("a seizure");
    assert_eq!(e.source.code.as_str(), "FRAMIL", "{:?}", seen(&events));
    // ... so does a named group before a role word: its fighters
    let events = code("Hamas-led gunmen attacked an Israeli convoy near Gaza.");
    let e = events.iter().find(|e| e.trigger.text == "attacked").expect("an attack");
    assert_eq!((e.source.text.as_str(), e.source.code.as_str()), ("Hamas-led gunmen", "PSEREB"), "{:?}", seen(&events));
    let events = code("The Iran-backed militia attacked a convoy near Basra.");
    assert!(events.iter().all(|e| e.source.code.as_str() != "IRN"), "{:?}", seen(&events));
}

#[test]
fn the_object_of_a_participle_after_the_subject_is_not_the_subject() {
    // "battling Boko Haram" describes the troops: they rescued, not Boko Haram
    let events = code("Nigerian troops battling Boko Haram rescued 20 hostages on Tuesday.");
    assert_eq!(source_of(&events, "rescued"), Some("Nigerian troops"), "{:?}", seen(&events));
    let events = code("Colombian soldiers protecting the pipeline clashed with ELN rebels.");
    assert_eq!(source_of(&events, "clashed"), Some("Colombian soldiers"), "{:?}", seen(&events));
    // (through an auxiliary: "has declared")
    let events = code("The Turkish army fighting Kurdish militants in Syria has declared a truce.");
    assert_eq!(source_of(&events, "declared"), Some("Turkish army"), "{:?}", seen(&events));
    // "including" opens no such phrase: the member named acts
    let events = code("Several nations including Norway condemned the Russian strikes.");
    assert_eq!(source_of(&events, "condemned"), Some("Norway"), "{:?}", seen(&events));
}

#[test]
fn a_people_s_adjective_between_country_and_role_keeps_them_one_actor() {
    // "Tamil", "Kurdish": no dictionary codes them, and they only narrow the role down
    let events = code("Sri Lankan Tamil rebels freed two soldiers on Monday.");
    let e = events.iter().find(|e| e.trigger.text == "freed").expect("a release");
    assert_eq!(e.source.code.as_str(), "LKAREB", "{:?}", seen(&events));
    let events = code("Syrian Kurdish fighters withdrew from the border town.");
    let e = events.iter().find(|e| e.trigger.text == "withdrew").expect("a withdrawal");
    assert_eq!(e.source.code.as_str(), "SYRUAF", "{:?}", seen(&events));
}

#[test]
fn a_relative_pronoun_s_verb_has_the_actor_before_it_even_behind_a_preposition() {
    // the students did the criticising, though they follow "at"
    let events = code("Police fired tear gas at students who had criticized the Kenyan government.");
    assert_eq!(source_of(&events, "criticized"), Some("students"), "{:?}", seen(&events));
    // a verb joined by "and" after that clause goes on with the main clause's subject
    let events = code("The police shot at marchers who rejected the curfew and detained three journalists.");
    assert_eq!(source_of(&events, "rejected"), Some("marchers"), "{:?}", seen(&events));
    assert_eq!(source_of(&events, "detained"), Some("police"), "{:?}", seen(&events));
}

#[test]
fn the_owner_named_in_an_owned_compound_is_an_actor() {
    // "Iranian-owned": what is seized is Iran's, where "UK-based" names no actor
    let events = code("Somali pirates hijacked an Indian-owned cargo ship.");
    assert!(events.iter().any(|e| e.target.as_ref().is_some_and(|t| t.code == "IND")), "{:?}", seen(&events));
}

#[test]
fn a_dictionary_name_with_a_possessive_is_one_actor() {
    // the tokenizer makes "'s" a word of its own; the dictionary's names must match it
    for (text, name, want) in [
        ("Brazil praised the People's Republic of China on Monday.", "People's Republic of China", "CHN"),
        (
            "Japan condemned the Democratic People's Republic of Korea for its missile test.",
            "Democratic People's Republic of Korea",
            "PRK",
        ),
        ("Soldiers clashed with the New People's Army near Davao on Friday.", "New People's Army", "PHLREB"),
    ] {
        let events = code(text);
        let e = events
            .iter()
            .find(|e| e.target.as_ref().is_some_and(|t| t.text == name))
            .unwrap_or_else(|| panic!("{text}: {:?}", seen(&events)));
        assert!(e.target.as_ref().is_some_and(|t| t.code == want), "{text}: {:?}", e.target);
    }
}

#[test]
fn a_role_throughout_or_across_a_country_is_that_countrys() {
    // "throughout" and "across" say where the role is, as "in" does: the country joins the
    // role, the place stays where it happened, and the quantity before them is no barrier
    for text in [
        "Tens of thousands of students throughout Kenya marched against the new tax on Saturday.",
        "Thousands of teachers across Kenya marched against the new tax on Saturday.",
    ] {
        let events = code(text);
        let e = events
            .iter()
            .find(|e| e.trigger.text == "marched")
            .unwrap_or_else(|| panic!("{text}: {:?}", seen(&events)));
        assert!(e.source.code.starts_with("KEN"), "{text}: {:?}", e.source);
    }
}

#[test]
fn colombias_special_jurisdiction_for_peace_is_its_judiciary() {
    // the transitional-justice court of the 2016 peace accord, by its full and short names
    for text in [
        "The Special Jurisdiction for Peace summoned a retired Colombian general over the killings.",
        "Colombia's Jurisdiction for Peace charged ten former FARC commanders with kidnapping.",
    ] {
        let events = code(text);
        assert!(events.iter().any(|e| e.source.code == "COLJUD"), "{text}: {:?}", seen(&events));
    }
}

#[test]
fn the_agent_of_an_attack_acts_across_its_own_nouns() {
    // "by" names who carried out the attack that is the subject; the agent's own noun
    // ("group") stands between it and the verb
    let events = code("A mortar attack by the Islamic State cell killed nine soldiers in Kirkuk on Monday.");
    let e = events.iter().find(|e| e.trigger.text == "killed").unwrap_or_else(|| panic!("{:?}", seen(&events)));
    assert_eq!(e.source.code, "IMGMUSISI", "{:?}", seen(&events));
}

#[test]
fn an_adjunct_set_off_by_commas_does_not_hide_the_subject() {
    // "in a letter" after an appositive, or "in a statement" between commas, says how,
    // not who
    for text in [
        "Ahmed Farah, the Kenyan government's chief spokesman, in a letter denounced the Ugandan army.",
        "The Kenyan foreign ministry, in a statement on Sunday, condemned the Ugandan army.",
    ] {
        let events = code(text);
        let e = events.iter().find(|e| e.trigger.text == "condemned" || e.trigger.text == "denounced");
        assert!(
            e.is_some_and(|e| e.target.as_ref().is_some_and(|t| t.code == "UGAMIL")),
            "{text}: {:?}",
            seen(&events)
        );
    }
}

/// A finite verb between "and" and an actor joins two clauses, not two actors: the
/// second actor is the object of its own verb ("praised Peru and distrusts Chilean
/// officials": the praise goes to Peru only).
#[test]
fn a_finite_verb_after_and_ends_a_compound() {
    let ev = common::code("Bolivia's president praised Peru and dislikes Chilean officials.", "2024-05-08");
    let praise: Vec<_> = ev.iter().filter(|e| e.trigger.text == "praised").collect();
    assert!(!praise.is_empty(), "{:?}", common::triples(&ev));
    assert!(praise.iter().all(|e| e.target.as_ref().is_some_and(|t| t.code == "PER")), "{:?}", common::triples(&ev));
}

#[test]
fn the_groups_of_a_role_are_its_actors() {
    // "rebel factions" are rebels, not factions a rebel describes
    let events = code("Gondorian jets bombed rebel factions near the river.");
    assert!(events.iter().any(|e| e.target.as_ref().is_some_and(|t| t.code == "REB")), "{:?}", seen(&events));
}

#[test]
fn along_with_and_as_well_as_coordinate_actors() {
    // the first of "X along with Y" is a subject too, not only the one nearest the verb
    let events = code("Chile along with its regional allies insisted that Peru reopen the mountain crossing.");
    assert!(events.iter().any(|e| e.source.code == "CHL" && e.cameo_root == "10"), "{:?}", seen(&events));
    let events = code("Chile as well as Bolivia condemned the Peruvian raid.");
    assert!(events.iter().any(|e| e.source.code == "CHL" && e.cameo_root == "11"), "{:?}", seen(&events));
    assert!(events.iter().any(|e| e.source.code == "BOL" && e.cameo_root == "11"), "{:?}", seen(&events));
}

#[test]
fn a_faith_before_describing_words_and_a_role_is_one_actor() {
    // "Hindu nationalist marchers": the faith names whose the role is, as a country does
    let events = code("Gondorian police fired at Hindu nationalist marchers near the temple.");
    assert!(
        events.iter().any(|e| e.target.as_ref().is_some_and(|t| t.code == "HINOPP" && t.text.starts_with("Hindu"))),
        "{:?}",
        seen(&events)
    );
}

/// A role any body has ("leaders", "officials") right after a name no dictionary knows is
/// that body's role, not a government's: "Zentrix officials" are of unknown code, not GOV;
/// a capitalised role is a title and a known body keeps its code.
#[test]
fn the_role_of_an_unknown_name_is_not_a_government() {
    let ev = common::code("Zentrix officials denied claims made by Chilean regulators.", "2024-05-08");
    let denial = ev.iter().find(|e| e.trigger.text == "denied").unwrap_or_else(|| panic!("{:?}", common::triples(&ev)));
    assert_eq!((denial.source.text.as_str(), denial.source.code.as_str()), ("Zentrix officials", "---"));
    let ev = common::code("Chile's Supreme Leader criticized Peru on Monday.", "2024-05-08");
    assert!(ev.iter().all(|e| e.source.code != "---"), "{:?}", common::triples(&ev));
}

#[test]
fn names_that_mostly_mean_something_else_name_no_armed_group() {
    // "EPA" is the US agency, not the Venezuelan group of that name
    let events = code("The EPA fined the company.");
    assert_eq!(common::triples(&events), vec![("USAGOVENV".to_string(), "172".to_string(), "BUS".to_string())]);
    // Black Friday is a shopping day, not a Turkish armed group
    let events = code("Black Friday attacked the police in Ankara.");
    assert!(events.iter().all(|e| e.source.code != "TURREB"), "{:?}", common::triples(&events));
}

#[test]
fn a_comma_before_and_joins_clauses_unless_it_ends_a_list() {
    // two clauses: Ukraine is the object of the first, not a subject of the second
    let events = code("Russia attacked Ukraine, and the EU imposed sanctions on Russia.");
    let t = |s: &str, c: &str, g: &str| (s.to_string(), c.to_string(), g.to_string());
    assert_eq!(common::triples(&events), vec![t("RUS", "190", "UKR"), t("IGOEUREEC", "163", "RUS")]);
    // the serial comma of a list of three still coordinates
    let events = code("Russia, Iran, and Turkey condemned Israel.");
    assert_eq!(common::triples(&events), vec![t("RUS", "111", "ISR"), t("IRN", "111", "ISR"), t("TUR", "111", "ISR")]);
}

#[test]
fn a_country_that_opens_a_persons_name_is_a_first_name() {
    let events = code("Jordan Peterson criticized Canada.");
    assert_eq!(seen(&events), vec![("Jordan Peterson".to_string(), "criticized".to_string(), "Canada".to_string())]);
    assert_eq!(events[0].source.code, "---");
    // the country alone still acts
    let events = code("Chad attacked Libya.");
    assert_eq!(common::triples(&events), vec![("TCD".to_string(), "190".to_string(), "LBY".to_string())]);
}

#[test]
fn in_an_undated_text_the_title_says_which_of_a_persons_roles_is_meant() {
    // no date: the role the title names, not the fallback of one out of office (ELI)
    let events = common::code("President Rodrigo Duterte criticized China.", "");
    assert_eq!(common::triples(&events), vec![("PHLGOV".to_string(), "111".to_string(), "CHN".to_string())]);
    // with a date the date decides
    let events = common::code("President Rodrigo Duterte criticized China.", "2024-05-10");
    assert_eq!(events[0].source.code, "PHLELI");
    let events = common::code("Rodrigo Duterte criticized China.", "");
    assert_eq!(events[0].source.code, "PHLELI");
}

/// (source code, target code) of each event.
fn code_pairs(events: &[Event]) -> Vec<(&str, &str)> {
    events.iter().map(|e| (e.source.code.as_str(), e.target.as_ref().map_or("", |t| t.code.as_str()))).collect()
}

#[test]
fn partners_doing_a_plain_verb_to_a_thing_do_it_together() {
    // a clause or a thing as the object of a verb no pattern matched: no act towards each other
    let events = code("Kenya and Uganda recognized that the border dispute is over.");
    assert_eq!(code_pairs(&events), vec![], "{:?}", seen(&events));
    let events = code("Kenyan and Ugandan officials hope to overcome a legacy of mistrust.");
    assert!(
        code_pairs(&events).iter().all(|&(_, t)| !t.starts_with("KEN") && !t.starts_with("UGA")),
        "{:?}",
        seen(&events)
    );
    // a pattern's preposition before a thing: they act on the thing together
    let events = code("Kenya and Uganda are moving into the tea market.");
    assert!(
        code_pairs(&events).iter().all(|&(_, t)| !t.starts_with("KEN") && !t.starts_with("UGA")),
        "{:?}",
        seen(&events)
    );
    // what they agree to, or agree to do, is between them
    let events = code("Kenya and Uganda agreed to share intelligence.");
    assert_eq!(code_pairs(&events), [("KEN", "UGA"), ("UGA", "KEN")], "{:?}", seen(&events));
    // a relation named as the object is theirs
    let events = code("Kenya and Uganda want to deepen their partnership.");
    assert!(code_pairs(&events).contains(&("KEN", "UGA")), "{:?}", seen(&events));
}

#[test]
fn the_parties_between_which_a_thing_is_are_not_its_subject() {
    // "the war between ..." is the subject, and of the infinitive after it
    let events = code("The war between Kenya and Uganda has to come to an end, Tanzania's president said.");
    assert_eq!(code_pairs(&events), vec![], "{:?}", seen(&events));
    // the parties to a summit hold it
    let events = code("The summit between Kenya and Uganda failed to reach agreement on the border.");
    assert!(code_pairs(&events).contains(&("KEN", "UGA")), "{:?}", seen(&events));
    // a relative pronoun after the last of them takes that one only
    let events = code("Talks between the government and the rebels, who have refused to disarm, stalled in Nairobi.");
    assert_eq!(source_of(&events, "refused"), Some("rebels"), "{:?}", seen(&events));
}

#[test]
fn a_name_after_a_comma_and_a_describes_the_one_before() {
    // the appositive is no second subject, and no target
    let events = code("Odinga, a Kenyan opposition leader, has promised to visit Uganda next week.");
    assert_eq!(triples_of(&events), [("Odinga", "visit", "Uganda")], "{:?}", seen(&events));
}

fn triples_of(events: &[Event]) -> Vec<(&str, &str, &str)> {
    events
        .iter()
        .map(|e| (e.source.text.as_str(), e.trigger.text.as_str(), e.target.as_ref().map_or("", |t| t.text.as_str())))
        .collect()
}

#[test]
fn what_a_verb_acted_on_is_no_subject_of_the_verb_joined_to_it() {
    // "They" names no actor: the embassy did not expel anyone
    let events = code("They closed the Kenyan embassy and expelled Ugandan diplomats.");
    assert_eq!(source_of(&events, "expelled"), None, "{:?}", seen(&events));
    // with an actor as subject, both verbs are its acts
    let events = code("Kenyan authorities closed the Ugandan embassy and expelled Ugandan diplomats.");
    assert_eq!(source_of(&events, "expelled"), Some("Kenyan authorities"), "{:?}", seen(&events));
    // a new subject after "and" is the second verb's own
    let events = code("Kenya closed the Ugandan embassy and Uganda expelled Kenyan diplomats.");
    assert_eq!(target_of(&events, "closed"), Some("Ugandan embassy"), "{:?}", seen(&events));
    assert_eq!(events.iter().filter(|e| e.trigger.text == "closed").count(), 1, "{:?}", seen(&events));
    assert_eq!(source_of(&events, "expelled"), Some("Uganda"), "{:?}", seen(&events));
    // the verb of saying before them: the two are its clause's subjects
    let said = code("Tanzania said Kenya and Uganda expelled Rwandan diplomats.");
    assert_eq!(said.iter().filter(|e| e.trigger.text == "expelled").count(), 2, "{:?}", seen(&said));
}

#[test]
fn a_plural_role_before_a_comma_is_no_title_of_the_person_after_it() {
    // the comma ends the clause about the troops; William Ruto is the next one's subject
    let ev = code("Ugandan militias fired at Kenyan troops, William Ruto said on Monday.");
    assert_eq!(seen(&ev), vec![("Ugandan militias".into(), "fired".into(), "Kenyan troops".into())]);
}

#[test]
fn the_actor_by_whom_a_noun_is_made_does_the_infinitive_after_it() {
    let ev =
        code("Kenya's president said it was only the latest move by Uganda to try to force the Tanzanians to give up.");
    assert!(ev.iter().any(|e| e.source.code == "UGA" && e.trigger.text == "force"), "{:?}", seen(&ev));
    assert!(ev.iter().all(|e| e.source.code != "KENGOV" || e.trigger.text != "force"), "{:?}", seen(&ev));
}

#[test]
fn a_language_is_no_country() {
    let ev = code("Kenyan police raided a Spanish-language TV station in Nairobi.");
    assert!(ev.iter().all(|e| e.target.as_ref().is_none_or(|t| !t.code.starts_with("ESP"))), "{:?}", seen(&ev));
}

#[test]
fn a_participle_phrase_between_subject_and_verb_names_no_subject() {
    // the actor in the aside is what alarmed the doctors, not who appeals
    let ev =
        code("The doctors, alarmed that Kenyan police are denying medicine to prisoners, are urging Uganda to help.");
    assert_eq!(source_of(&ev, "urging"), Some("doctors"), "{:?}", seen(&ev));
    // whoever backs the troops does not attack
    let ev = code("Kenyan troops, backed by Ugandan jets, attacked rebels near the border.");
    assert_eq!(source_of(&ev, "attacked"), Some("Kenyan troops"), "{:?}", seen(&ev));
    // after a verb the comma ends a clause: no aside, the later verb's subject is its own
    let ev = code("Kenyan jets struck the camp, killing 13, Ugandan officials said.");
    assert_eq!(source_of(&ev, "struck"), Some("Kenyan jets"), "{:?}", seen(&ev));
}

#[test]
fn a_gerund_inside_a_compound_noun_is_no_act() {
    // "hosting" and "consulting" name kinds of service and firm: no visit, no consultation
    let ev = code("Kenya moved to ban the short-form video hosting service Ukulele.");
    assert!(ev.iter().all(|e| !e.cameo.starts_with("04")), "{:?}", seen(&ev));
    let ev = code("Kenya's president, who owns a diversity and inclusion consulting firm, visited Uganda.");
    assert!(ev.iter().all(|e| e.cameo != "040"), "{:?}", seen(&ev));
    // a participle with its own phrase after the noun stays an act ("a letter calling for")
    let ev = code("Ugandan lawyers signed an open letter calling for Kenya to free the prisoners.");
    assert!(ev.iter().any(|e| e.trigger.text == "calling"), "{:?}", seen(&ev));
    // and so does one after the noun of an actor
    let ev = code("Kenyan police said a suicide bomber attacking Ugandan troops was killed.");
    assert!(ev.iter().any(|e| e.trigger.text == "attacking"), "{:?}", seen(&ev));
}

#[test]
fn a_relative_clause_between_subject_and_verb_names_no_subject() {
    let ev = code("Kenya's president, who owns a Ugandan consulting company, visited Tanzania on Monday.");
    assert_eq!(source_of(&ev, "visited"), Some("Kenya's president"), "{:?}", seen(&ev));
}

#[test]
fn where_someone_died_did_not_kill_them() {
    // an act coded only the other way round takes its doer from the object: not from
    // the place "at" or "in" which it happened
    let ev = code("A Kenyan soldier died from his injuries at a Ugandan hospital.");
    assert!(ev.is_empty(), "{:?}", seen(&ev));
}

#[test]
fn an_actors_relative_is_someone_else() {
    let ev = code("The Kenyan president's wife criticized Uganda on Monday.");
    assert!(ev.iter().all(|e| e.source.code != "KENGOV"), "{:?}", seen(&ev));
    // an actor's forces are the actor's
    let ev = code("Kenya's army attacked Ugandan rebels.");
    assert_eq!(source_of(&ev, "attacked"), Some("Kenya's army"), "{:?}", seen(&ev));
}

#[test]
fn whom_a_comparison_sets_apart_is_not_the_subject() {
    let ev = code("Unlike Kenya's president, he criticized Uganda on Monday.");
    assert!(ev.iter().all(|e| e.source.code != "KENGOV"), "{:?}", seen(&ev));
    let ev = code("Unlike Kenya, Tanzania criticized Uganda on Monday.");
    assert_eq!(source_of(&ev, "criticized"), Some("Tanzania"), "{:?}", seen(&ev));
}

#[test]
fn whom_someone_gets_to_act_does_the_infinitive() {
    let ev = code("Kenya's president tried to get Uganda to investigate Tanzania's army.");
    assert_eq!(source_of(&ev, "investigate"), Some("Uganda"), "{:?}", seen(&ev));
}
