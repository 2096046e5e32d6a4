//! Which actor an event is aimed at: places behind roles, organisations naming a force
//! that is somewhere, generic agents. Short texts written for these tests, with the
//! embedded dictionaries.

mod common;

use common::target_of;

use dyad_core::Event;

fn code(text: &str) -> Vec<Event> {
    common::code(text, "2024-03-01")
}

/// (source code, trigger, target text) of each event.
fn seen(events: &[Event]) -> Vec<(String, String, String)> {
    events
        .iter()
        .map(|e| {
            (
                e.source.code.clone(),
                e.trigger.text.clone(),
                e.target.as_ref().map(|t| t.text.clone()).unwrap_or_default(),
            )
        })
        .collect()
}

#[test]
fn people_in_a_list_of_countries_are_the_first_country() {
    // the role takes the country of the place it is "in"; with a list of countries the
    // first one carries the role as well, and is still whose people they are
    let events = code("Norway pledged new funds to help civilians in Chad, Niger and Mali after the floods.");
    assert_eq!(target_of(&events, "pledged"), Some("Chad"), "{:?}", seen(&events));
    // one country, as before
    let events = code("Norway sent money to help civilians in Chad after the floods.");
    assert_eq!(target_of(&events, "sent"), Some("Chad"), "{:?}", seen(&events));
}

#[test]
fn an_act_done_together_is_done_with_the_partner_after_with() {
    // without an actor object, the one named after "with" in the act's clause
    let events = code("Kenyan rebels said they were ready to negotiate with the Ugandan government.");
    assert_eq!(target_of(&events, "negotiate"), Some("Ugandan government"), "{:?}", seen(&events));
    // an actor object stays the target
    let events = code("Kenyan rebels agreed to release Ugandan soldiers with the help of Norway.");
    assert_eq!(target_of(&events, "release"), Some("Ugandan soldiers"), "{:?}", seen(&events));
}

#[test]
fn an_actor_modifying_a_noun_of_relations_gives_way_to_the_partner_after_with() {
    // the army is one side of the talks; the act is aimed at the other side
    let events = code("The rebel commander suspended the army talks with the Sudanese government on Monday.");
    assert_eq!(target_of(&events, "suspended"), Some("Sudanese government"), "{:?}", seen(&events));
    // a possessor of the border likewise
    let events = code("Chile closed Peru's remote border with Bolivia during the floods.");
    assert_eq!(target_of(&events, "closed"), Some("Bolivia"), "{:?}", seen(&events));
    // after a preposition the phrase is what the act is about, and stays as it was
    let events = code("The minister gave a lecture on Kenyan relations with Ethiopia.");
    assert_eq!(target_of(&events, "gave"), Some("Kenyan"), "{:?}", seen(&events));
}

#[test]
fn the_zionist_regime_is_the_israeli_government() {
    // the name Iranian state usage gives Israel's government is an actor of its own
    let events = code("Iranian officials accused the Zionist regime of planning new strikes.");
    let accused = events.iter().find(|e| e.trigger.text == "accused").and_then(|e| e.target.as_ref());
    assert_eq!(accused.map(|t| t.code.as_str()), Some("ISRGOV"), "{:?}", seen(&events));
}

#[test]
fn condemned_attacks_blame_whose_attacks_they_are() {
    // the attacker named before the attack noun is blamed, not those attacked
    let events = code("A Kenyan spokesman condemned Somalia's deadly attacks on Ethiopian troops near Dolow.");
    assert_eq!(target_of(&events, "condemned"), Some("Somalia"), "{:?}", seen(&events));
    // with no attacker named, the pattern's attacked party stays the target
    let events = code("A Kenyan spokesman condemned the attacks on Ethiopian troops near Dolow.");
    assert_eq!(target_of(&events, "condemned"), Some("Ethiopian troops"), "{:?}", seen(&events));
}

#[test]
fn a_demand_is_aimed_at_whom_the_thing_asked_for_comes_from() {
    // the court and the magistrate share a code (and a city), but one asks the other
    let events = code("A Nairobi appeals court wants answers from a Nairobi magistrate over the delays.");
    assert_eq!(target_of(&events, "wants"), Some("Nairobi magistrate"), "{:?}", seen(&events));
}

#[test]
fn an_inquiry_into_claims_is_aimed_at_whom_they_are_about() {
    // the soldiers the allegations name, not the allegations themselves
    let events = code(
        "Weeks after the clashes, Kenya opened a formal inquiry into allegations that three Ugandan soldiers looted shops in Busia.",
    );
    assert_eq!(target_of(&events, "opened"), Some("Ugandan soldiers"), "{:?}", seen(&events));
}

#[test]
fn partners_meeting_in_one_partners_country_act_towards_each_other() {
    // the capital of one of them is where they sign, not a third party
    let events = code(
        "Kenya's foreign minister and Uganda's defence minister signed a border accord in the Kenyan capital on Friday.",
    );
    assert_eq!(target_of(&events, "signed"), Some("Uganda's defence minister"), "{:?}", seen(&events));
    // a third country stays the target, as before
    let events =
        code("Kenya's foreign minister and Uganda's defence minister signed a border accord in Switzerland on Friday.");
    assert_eq!(target_of(&events, "signed"), Some("Switzerland"), "{:?}", seen(&events));
}

#[test]
fn a_role_in_a_region_keeps_the_role_but_a_role_in_a_country_is_the_country() {
    // Kordofan is filed under Sudan but is a region inside it: the villagers are the
    // target, coded as Sudan's civilians
    let events = code("Armed men opened fire on villagers in Kordofan before dawn.");
    let t = events.iter().find(|e| e.trigger.text == "opened").and_then(|e| e.target.as_ref());
    assert_eq!(t.map(|t| (t.text.as_str(), t.code.as_str())), Some(("villagers", "SDNCVL")), "{:?}", seen(&events));
    // the same role in the country itself stands for the country
    let events = code("Armed men opened fire on villagers in Sudan before dawn.");
    assert_eq!(target_of(&events, "opened"), Some("Sudan"), "{:?}", seen(&events));
}

#[test]
fn what_is_accused_is_the_noun_phrase_before_of() {
    // a thing accused is the target, not the actor in what it is accused of
    let events = code("Germany accused the new law of harming journalists in Turkey.");
    assert_eq!(target_of(&events, "accused"), Some("the new law"), "{:?}", seen(&events));
    // an actor accused stays the target
    let events = code("Germany accused Turkey of harming journalists.");
    assert_eq!(target_of(&events, "accused"), Some("Turkey"), "{:?}", seen(&events));
}

#[test]
fn people_of_no_country_are_those_of_the_place_their_phrase_runs_to() {
    // "in two attacks" stands between the people and the place they are in
    let events = code("Rebels killed 30 people in two attacks in Chad on Monday.");
    assert_eq!(target_of(&events, "killed"), Some("Chad"), "{:?}", seen(&events));
    // a clause of their own ends the people's phrase: the place is that clause's
    let events = code("Rebels killed 30 people who had lived in Chad.");
    assert_eq!(target_of(&events, "killed"), Some("people"), "{:?}", seen(&events));
}

#[test]
fn partners_reject_a_thing_together_not_each_other() {
    // a compound subject rejecting a thing named as the object rejects that thing
    let events = code("Kenya and Uganda rejected the draft treaty on Monday.");
    let rejected: Vec<_> = events.iter().filter(|e| e.trigger.text == "rejected").collect();
    assert_eq!(rejected.len(), 2, "{:?}", seen(&events));
    assert!(
        rejected.iter().all(|e| e.target.as_ref().is_some_and(|t| t.text == "the draft treaty")),
        "{:?}",
        seen(&events)
    );
    // their own joint thing is still put off by each towards the other
    let events = code("Kenya and Uganda postponed their meeting.");
    assert!(
        events.iter().any(|e| e.source.code == "KEN" && e.target.as_ref().is_some_and(|t| t.code == "UGA")),
        "{:?}",
        seen(&events)
    );
}

#[test]
fn partners_pledging_aid_give_it_to_others_not_to_each_other() {
    let events = code("Norway and Japan pledged new funds for the relief effort.");
    let pledged: Vec<_> = events.iter().filter(|e| e.trigger.text == "pledged").collect();
    assert!(!pledged.is_empty(), "{:?}", seen(&events));
    assert!(
        pledged.iter().all(|e| !e.target.as_ref().is_some_and(|t| matches!(t.code.as_str(), "NOR" | "JPN"))),
        "{:?}",
        seen(&events)
    );
    // intent to cooperate is still towards each other
    let events = code("Norway and Japan pledged to cooperate more closely.");
    assert!(
        events.iter().any(|e| e.source.code == "NOR" && e.target.as_ref().is_some_and(|t| t.code == "JPN")),
        "{:?}",
        seen(&events)
    );
}

#[test]
fn the_sources_own_country_adjective_on_a_thing_is_no_target() {
    // "Kenyan help" is the president's own country's help, given in Somalia
    let events = code("Kenyan President William Ruto promised Kenyan help to rebuild schools in Somalia.");
    assert_eq!(target_of(&events, "promised"), Some("Somalia"), "{:?}", seen(&events));
    // the state itself is the country, and another country's adjective stays the target
    let events = code("Kenyan President William Ruto criticized the Kenyan state for the delays.");
    assert_eq!(target_of(&events, "criticized"), Some("Kenyan"), "{:?}", seen(&events));
    let events = code("Kenyan President William Ruto criticized Somali attacks on Monday.");
    assert_eq!(target_of(&events, "criticized"), Some("Somali"), "{:?}", seen(&events));
}

#[test]
fn him_after_the_verb_is_the_person_the_sentence_opens_with() {
    let events = code("Ali Musa was freed on Monday after Kenyan President William Ruto pardoned him.");
    assert_eq!(target_of(&events, "pardoned"), Some("Ali Musa"), "{:?}", seen(&events));
    // no person named before the subject: nothing to point back to
    let events = code("Kenyan President William Ruto pardoned him on Monday.");
    assert_eq!(target_of(&events, "pardoned"), None, "{:?}", seen(&events));
}

#[test]
fn a_force_sent_to_stands_for_the_place_it_serves_in() {
    // the organisation naming the force, or the troops sent to it, is not what the act
    // is aimed at: the place the force serves in is
    let events = code("Norway will contribute engineers to the European Union mission in Mali next year.");
    assert_eq!(target_of(&events, "contribute"), Some("Mali"), "{:?}", seen(&events));
    let events = code("Norway is sending soldiers to the NATO-led force in Kosovo.");
    assert_eq!(target_of(&events, "sending"), Some("Kosovo"), "{:?}", seen(&events));
    // a force not "in" a place leaves the target as it was
    let events = code("Norway will contribute engineers to the European Union mission.");
    assert_eq!(target_of(&events, "contribute"), Some("the European Union"), "{:?}", seen(&events));
}

#[test]
fn a_dateline_city_is_no_actor() {
    // "CITY --" opening a report says where it was filed: a capital there is not its
    // government acting when the clause has no subject actor of its own
    let events = code("NAIROBI -- On Sunday they rejected a truce offered by the government.");
    assert!(events.iter().all(|e| e.source.text != "NAIROBI"), "{:?}", seen(&events));
    // with the country after the city, the subject after the dash still acts (a bare
    // role, it takes the dateline's country)
    let events = code("NAIROBI, Kenya -- Militias on Sunday rejected an offer by the government.");
    assert_eq!(seen(&events).iter().map(|e| e.0.as_str()).collect::<Vec<_>>(), ["KENUAF"], "{:?}", seen(&events));
    // a capital opening a sentence without a dash is an actor as before
    let events = code("Nairobi on Sunday rejected a truce offered by the rebels.");
    assert!(events.iter().any(|e| e.source.text == "Nairobi"), "{:?}", seen(&events));
    // a colon after a city in capitals closes a dateline too, whose words are no actor
    // mention; after an organisation or a country it opens a headline that names its
    // source, which stays one
    let mentioned = |text: &str| {
        let coded = common::coder().code(&dyad_nlp::annotate(common::article(text, "2024-03-01")));
        coded.trace[0].mentions.iter().map(|m| m.span.slice(text).to_string()).collect::<Vec<_>>()
    };
    assert_eq!(mentioned("NAIROBI: Militias rejected a truce offered by the government."), ["Militias", "government"]);
    assert_eq!(mentioned("UN: Israel must stop attacks on Gaza."), ["UN", "Israel", "Gaza"]);
    assert_eq!(mentioned("KENYA: Militias rejected a truce."), ["KENYA", "Militias"]);
    // brackets after a name in capitals explain it unless a dash or a city makes a dateline
    assert_eq!(mentioned("NAIROBI (Reuters) Militias rejected a truce."), ["Militias"]);
    assert_eq!(mentioned("NATO (the Western alliance) condemned Russia."), ["NATO", "Russia"]);
}

/// The (source, target) codes of the events on `trigger`, sorted.
fn pairs_on(events: &[Event], trigger: &str) -> Vec<(String, String)> {
    let mut v: Vec<_> = events
        .iter()
        .filter(|e| e.trigger.text == trigger)
        .map(|e| (e.source.code.clone(), e.target.as_ref().map(|t| t.code.clone()).unwrap_or_default()))
        .collect();
    v.sort();
    v
}

#[test]
fn both_sides_are_the_two_parties_named_before_not_the_one_who_addresses_them() {
    let fighting = "Ethiopia and Eritrea traded fire along the border for a week.";
    // the subject of "urged" is not one of the sides it urges
    let events = code(&format!("{fighting} Kenyan President William Ruto urged both sides to stop the fighting."));
    let urged = pairs_on(&events, "urged");
    let want = |c: &str| ("KENGOV".to_string(), c.to_string());
    assert_eq!(urged, vec![want("ERI"), want("ETH")], "{:?}", seen(&events));
    // a bare role ("aid workers") is no side
    let events = code(&format!("{fighting} Aid workers said both sides blocked the roads."));
    let sources: Vec<String> = pairs_on(&events, "blocked").into_iter().map(|(s, _)| s).collect();
    assert_eq!(sources, vec!["ERI", "ETH"], "{:?}", seen(&events));
}

#[test]
fn an_infinitive_joined_to_what_the_object_is_asked_to_do_is_asked_too() {
    // "allow" is what the sides are urged to do, not an act of Ruto's
    let events =
        code("Kenyan President William Ruto urged the two armies to accept the truce and allow food aid into Somalia.");
    assert!(events.iter().all(|e| e.trigger.text != "allow"), "{:?}", seen(&events));
    assert!(events.iter().any(|e| e.trigger.text == "urged"), "{:?}", seen(&events));
}

#[test]
fn a_date_after_the_object_is_no_target() {
    // "on Dec. 10" says when the work stopped, not against whom (a month shortened
    // with a full stop names a time as the full name does)
    let events = code("Dock workers stopped work on Nov. 3 across the port.");
    let e = events.iter().find(|e| e.trigger.text == "stopped").expect("a strike");
    assert_eq!(e.target.as_ref().map(|t| t.text.as_str()), None, "{:?}", seen(&events));
}

#[test]
fn a_country_before_the_next_clause_keeps_no_role_of_its_subject() {
    // the comma ends the clause: Chad is shelled, and the army of the next clause's
    // subject gives Chad no army of its own
    let events = code("Rebels shelled a village in Chad, Niger's army said on Monday.");
    let e = events.iter().find(|e| e.trigger.text == "shelled").expect("an attack");
    assert_eq!(e.target.as_ref().map(|t| t.code.as_str()), Some("TCD"), "{:?}", seen(&events));
}

#[test]
fn power_or_control_taken_is_not_what_the_act_is_aimed_at() {
    // what control is taken "of" is the target; the control itself is not
    let events = code("The army seized full control of the capital after the coup.");
    assert_eq!(target_of(&events, "seized"), Some("the capital"), "{:?}", seen(&events));
    // "in a coup" says how power was taken, not at what: no target
    let events = code("The junta took power in a bloodless coup.");
    let e = events.iter().find(|e| e.trigger.text == "took").expect("a seizure");
    assert!(e.target.is_none(), "{:?}", seen(&events));
    // a thing that merely has the word in it stays the thing
    let events = code("Kenyan lawmakers criticized border control in the north.");
    assert_eq!(target_of(&events, "criticized"), Some("border control"), "{:?}", seen(&events));
}

#[test]
fn a_participle_describing_a_named_person_is_no_act() {
    // "visiting" describes the minister: no visit is reported, and the complaint goes
    // to whom it is against, not to the court it is filed in
    let events = code("A Chilean rights group filed a complaint in a Lima court against visiting Bolivian Foreign Minister Luis Arce.");
    assert!(events.iter().all(|e| e.trigger.text != "visiting"), "{:?}", seen(&events));
    assert_eq!(target_of(&events, "filed"), Some("Bolivian Foreign Minister Luis Arce"), "{:?}", seen(&events));
    let events = code("The Kenyan president welcomed visiting Ghanaian President Nana Akufo-Addo in Nairobi.");
    assert!(events.iter().all(|e| e.trigger.text != "visiting"), "{:?}", seen(&events));
    // after a comma or a form of "be" it is the act of visiting
    let events =
        code("The Chilean foreign minister ended his tour on Monday, visiting Bolivian President Luis Arce in La Paz.");
    assert_eq!(target_of(&events, "visiting"), Some("Bolivian President Luis Arce"), "{:?}", seen(&events));
    let events = code("The Chilean foreign minister is visiting Bolivian President Luis Arce in La Paz.");
    assert_eq!(target_of(&events, "visiting"), Some("Bolivian President Luis Arce"), "{:?}", seen(&events));
    // after a noun it is what that noun does, and after a verb taking a gerund too
    let events = code("A Chilean trade delegation visiting Bolivian President Luis Arce signed a deal.");
    assert_eq!(target_of(&events, "visiting"), Some("Bolivian President Luis Arce"), "{:?}", seen(&events));
    let events = code("The Chilean foreign minister began visiting Bolivian President Luis Arce every month.");
    assert_eq!(target_of(&events, "visiting"), Some("Bolivian President Luis Arce"), "{:?}", seen(&events));
}

#[test]
fn him_after_the_verb_is_the_person_named_before() {
    // the person the protest was against, not the place in the grounds of the accusation
    let events = code("Kenyan activists staged a protest against Ugandan President Yoweri Museveni on Friday, accusing him of abuses in Kampala.");
    assert_eq!(target_of(&events, "accusing"), Some("Ugandan President Yoweri Museveni"), "{:?}", seen(&events));
    // a possessive "her" stands for nobody: the aide stays the target
    let events = code(
        "The Brazilian court ordered the arrest of former President Fernando Collor, charging her aide with fraud.",
    );
    assert_eq!(target_of(&events, "charging"), Some("her aide"), "{:?}", seen(&events));
}

#[test]
fn the_actor_a_rejected_petition_was_filed_by_may_follow_describing_words() {
    // "filed by" names whose petition it is; a participle and role nouns may describe
    // the person before the name
    let events = code(
        "A Ugandan court rejected the petition filed by jailed veteran opposition leader Kizza Besigye over the vote.",
    );
    let target = target_of(&events, "rejected").unwrap_or_default();
    assert!(target.ends_with("Kizza Besigye"), "{:?}", seen(&events));
}

#[test]
fn him_after_the_verb_may_be_a_role_named_in_the_singular() {
    // "him" is the pirate convicted before, not the prison nor the ship he hijacked
    let events = code("A Kenyan court on Monday convicted a Somali pirate of hijacking a cargo ship and sentenced him to ten years in prison.");
    assert_eq!(target_of(&events, "sentenced"), Some("Somali pirate"), "{:?}", seen(&events));
}

#[test]
fn them_after_the_verb_is_the_actor_named_before_in_the_plural() {
    // "them" are the officials whose assets were frozen
    let events =
        code("EU ministers froze the assets of nine Syrian officials and barred them from travelling to Europe.");
    assert_eq!(target_of(&events, "barred"), Some("Syrian officials"), "{:?}", seen(&events));
}

#[test]
fn criticising_an_act_done_by_someone_is_aimed_at_the_doer() {
    // the arrest is the police's: the criticism is of them, not of those arrested
    let events = code("Kenya denounced the arrest of opposition leaders by Ugandan police.");
    assert_eq!(target_of(&events, "denounced"), Some("Ugandan police"), "{:?}", seen(&events));
    let events = code("Rights groups criticised the treatment of Eritrean refugees by Ethiopia.");
    assert_eq!(target_of(&events, "criticised"), Some("Ethiopia"), "{:?}", seen(&events));
    // without "by", those it was done to stay the target
    let events = code("Kenya denounced the arrest of Ugandan opposition leaders.");
    assert_eq!(target_of(&events, "denounced"), Some("Ugandan opposition leaders"), "{:?}", seen(&events));
}

#[test]
fn an_investigation_is_aimed_at_what_it_is_into() {
    // an actor after "in the aftermath of" is no target of the inquiry
    let events = code("Kenyan auditors began a probe in the aftermath of a Ugandan newspaper report.");
    let e = events.iter().find(|e| e.trigger.text == "began").expect("an investigation");
    assert!(e.target.is_none(), "{:?}", seen(&events));
    // what it is into is
    let events = code("Kenyan auditors began a probe into the Ugandan army over the killings.");
    assert_eq!(target_of(&events, "began"), Some("Ugandan army"), "{:?}", seen(&events));
}

#[test]
fn lifting_a_sanction_is_aimed_at_whom_a_relative_clause_laid_it_on() {
    // a relative clause of laying the sanction stands between the noun and "on"
    let ev = code("Chad will not lift the sanctions that it placed on Sudan in 2004.");
    assert_eq!(target_of(&ev, "lift"), Some("Sudan"), "{:?}", seen(&ev));
    let ev = code("Washington says it cannot lift the embargo it imposed on Cuba.");
    assert_eq!(target_of(&ev, "lift"), Some("Cuba"), "{:?}", seen(&ev));
    // a date set off by commas, describing words before the actor
    let ev = code("The rebels refuse to lift the ban they imposed, 3 May 2011, on foreign aid agencies.");
    assert_eq!(target_of(&ev, "lift"), Some("agencies"), "{:?}", seen(&ev));
}

#[test]
fn a_threat_with_no_object_is_aimed_at_whom_its_condition_names() {
    // the condition opens the clause the threat says
    let ev =
        code("The Kenyan president threatened that unless Uganda withdrew its soldiers, Kenya would close the border.");
    assert_eq!(target_of(&ev, "threatened"), Some("Uganda"), "{:?}", seen(&ev));
    let ev = code("Ecuador's foreign minister threatened that if Peru kept its ships in the bay, talks would end.");
    assert_eq!(target_of(&ev, "threatened"), Some("Peru"), "{:?}", seen(&ev));
}

#[test]
fn forces_mobilized_for_a_purpose_are_aimed_at_what_it_goes_against() {
    // the purpose infinitive ends the verb's window; what it goes "against" is the target
    let ev =
        code("The Chilean army has mobilized soldiers under a plan to swiftly strike against Argentina's garrisons.");
    assert_eq!(target_of(&ev, "mobilized"), Some("Argentina's garrisons"), "{:?}", seen(&ev));
    // ... but an infinitive that helps someone is aimed at that actor, not at its enemy
    let ev = code("Chile said it would send troops to assist the Peruvian army in its war against Bolivia.");
    assert_ne!(target_of(&ev, "send"), Some("Bolivia"), "{:?}", seen(&ev));
}

#[test]
fn a_participle_after_a_comma_has_the_subject_of_the_clause_before() {
    let s = |text: &str| seen(&code(text));
    // an actor in the object's appositive is no subject of the participle, and a toll
    // ("at least 13") is what the strike did, not another act
    let events = s("Peru shelled a convoy near the main clinic, Bolivia's Red Cross, killing at least 13.");
    assert_eq!(events.iter().map(|e| (e.0.as_str(), e.1.as_str())).collect::<Vec<_>>(), vec![("PER", "shelled")]);
    // with no actor as that clause's subject, the participle has none either ...
    assert_eq!(s("Shells fell on a camp of Bolivian refugees, killing at least 40 people."), vec![]);
    // ... and the speaker of an attribution between them is none
    assert_eq!(s("Two rockets landed near the clinic, the Bolivian Red Cross said, injuring at least 21."), vec![]);
}

#[test]
fn whom_a_report_is_according_to_is_no_target() {
    let events = code("Peruvian troops attacked the town, according to the Bolivian government.");
    assert_eq!(seen(&events), vec![("PERMIL".into(), "attacked".into(), "the town".into())]);
}
