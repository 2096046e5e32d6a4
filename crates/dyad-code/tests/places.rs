//! Event places: the coder's locative places and datelines resolved with the gazetteer.

mod common;

use dyad_core::Event;

fn code(text: &str) -> Vec<Event> {
    common::code(text, "2024-07-25")
}

fn rounded(v: Option<f64>) -> Option<f64> {
    v.map(|x| (x * 100.0).round() / 100.0)
}

#[test]
fn a_meeting_in_a_capital_gets_its_coordinates() {
    let text = "President Vladimir Putin met with his Syrian counterpart Bashar al-Assad in Moscow on Wednesday.";
    let events = code(text);
    let e = events.iter().find(|e| e.cameo_root == "04").expect("a meeting");
    let l = e.location.as_ref().expect("a place");
    assert_eq!((l.name.as_str(), l.country.as_deref()), ("Moscow", Some("RUS")));
    assert_eq!((rounded(l.lat), rounded(l.lon)), (Some(55.75), Some(37.62)));
    assert_eq!(l.geonames_id, Some(524901));
    assert_eq!(l.span.map(|s| s.slice(text)), Some("Moscow"), "the place keeps its words");
}

#[test]
fn a_country_as_the_place_has_no_point() {
    let events = code("Turkish troops attacked Kurdish fighters in Syria on Tuesday.");
    let l = events.iter().find_map(|e| e.location.as_ref()).expect("a place");
    assert_eq!((l.country.as_deref(), l.lat, l.feature.as_deref()), (Some("SYR"), None, Some("country")));
}

#[test]
fn without_a_place_in_the_sentence_the_dateline_city_is_the_place() {
    let text = "ANKARA, Turkey — Turkish President Recep Tayyip Erdogan met with Iraqi Prime Minister Mohammed Shia al-Sudani on Monday.";
    let events = code(text);
    let e = events.iter().find(|e| e.cameo_root == "04").expect("a meeting");
    let l = e.location.as_ref().expect("the dateline");
    assert_eq!((l.name.as_str(), l.country.as_deref(), l.feature.as_deref()), ("Ankara", Some("TUR"), Some("PPLC")));
    assert_eq!(l.span.map(|s| s.slice(text)), Some("ANKARA"));
    // no dateline, no place in the sentence: no place
    let events =
        code("Turkish President Recep Tayyip Erdogan met with Iraqi Prime Minister Mohammed Shia al-Sudani on Monday.");
    assert!(events.iter().all(|e| e.location.is_none()), "{events:?}");
}

#[test]
fn the_place_nearest_the_verb_wins_and_namesakes_follow_the_actors() {
    // two places in one sentence: the one after the verb
    let text = "Police in Nairobi arrested protesters in Mombasa on Friday.";
    let events = code(text);
    if let Some(l) = events.iter().find_map(|e| e.location.as_ref()) {
        assert_eq!(l.name, "Mombasa", "{events:?}");
        assert_eq!(l.country.as_deref(), Some("KEN"));
    } else {
        panic!("no place: {events:?}");
    }
}
