//! PLOVER category evaluation on the CAMEO manual's example sentences
//! (`PLOVER_GSR_CAMEO.txt`): 322 sentences coded by the Open Event Data Alliance in an
//! early PLOVER version (0.5b1), with the source, target and symmetric actors marked in
//! the text. The early categories are mapped to the PLOVER 2 categories dyad emits
//! ([`EARLY_TO_V2`]), and each sentence is scored like the ZSP set
//! ([`super::plover::score`]): does dyad code the gold category between a marked source
//! and a marked target (no target when none is marked; a symmetric pair either way
//! round)?
//!
//! These are the manual's own examples, from which some Phoenix verb patterns were
//! written: the score is an upper-bound style check, not a measure on unseen news.

use super::plover::{print_scores, score, spans_of, Case};
use crate::Summary;
use anyhow::Context;
use dyad_code::{Coder, Dictionaries};
use serde_json::Value;
use std::collections::BTreeMap;
use std::path::Path;

/// The set's early categories, the PLOVER 2 category dyad emits for each, and why, from
/// the PLOVER documents in `events/plover` (the 2017 summary `plover_reference.html`,
/// the 2.0 categories and modes `plover_v2_categories_modes.tsv`, and the 2021 CAMEO
/// crosswalk `CAMEO2PLOVER-2021.txt`). A category of the set missing here has no sound
/// counterpart and is reported apart.
pub const EARLY_TO_V2: &[(&str, &str, &str)] = &[
    ("AGREE", "AGREE", "same category in 2.0 (CAMEO 03)"),
    ("CONSULT", "CONSULT", "same category, same modes visit, third-party, multilateral, phone (CAMEO 04)"),
    ("SUPPORT", "SUPPORT", "same category (CAMEO 05)"),
    ("CONCEDE", "CONCEDE", "same category, the verbal half of the old YIELD (CAMEO 08, most codes)"),
    ("COOPERATE", "COOPERATE", "same category (CAMEO 06)"),
    ("AID", "AID", "same category (CAMEO 07)"),
    ("RETREAT", "RETREAT", "same category, the material half of the old YIELD (CAMEO 084-087)"),
    ("REJECT", "REJECT", "same category (CAMEO 12)"),
    ("THREATEN", "THREATEN", "same category (CAMEO 13)"),
    ("PROTEST", "PROTEST", "same category (CAMEO 14)"),
    ("SANCTION", "SANCTION", "same category (CAMEO 16)"),
    ("MOBILIZE", "MOBILIZE", "same category (CAMEO 15)"),
    ("COERCE", "COERCE", "same category (CAMEO 17)"),
    ("ASSAULT", "ASSAULT", "same category (CAMEO 18)"),
    (
        "DEMAND",
        "REQUEST",
        "2.0 has no DEMAND: REQUEST's modes assist, change, yield, meet are the kinds of demand the \
         2017 summary lists under DEMAND, and the crosswalk sends CAMEO 10 (Demand) to REQUEST",
    ),
    (
        "DISAPPROVE",
        "ACCUSE",
        "2.0 has no DISAPPROVE: ACCUSE has the modes disapprove and allege, and the crosswalk sends \
         CAMEO 11 (Disapprove) to ACCUSE",
    ),
    (
        "INVESTIGATE",
        "ACCUSE",
        "2.0 has no INVESTIGATE: ACCUSE has the mode investigate, and the crosswalk sends CAMEO 09 \
         (Investigate) to ACCUSE",
    ),
    (
        "FIGHT",
        "ASSAULT",
        "2.0 has no FIGHT: ASSAULT has its modes firearms, heavy-weapons, aerial, and the crosswalk \
         sends CAMEO 19 (conventional force) to ASSAULT, but for blockade and occupation (191, 192: \
         COERCE)",
    ),
];

/// dyad's categories are the ones the mapped gold is named in
fn same(event: &str) -> &str {
    event
}

fn to_v2(early: &str) -> Option<&'static str> {
    EARLY_TO_V2.iter().find(|(e, _, _)| *e == early).map(|(_, v2, _)| *v2)
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Role {
    Source,
    Target,
    /// "(SRC/TAR: ...)": one side of a symmetric pair, "Chad and Niger met"
    Both,
}

/// "(SRC: " and the like at the start of `s`: the role it marks (`None` for the event
/// and place markers) and the text after it.
fn marker(s: &str) -> Option<(Option<Role>, &str)> {
    let tags = [
        ("(SRC/TAR:", Some(Role::Both)),
        ("(SRC:", Some(Role::Source)),
        ("(TAR:", Some(Role::Target)),
        ("(EVT:", None),
        ("(LOC:", None),
    ];
    tags.iter().find_map(|(tag, role)| s.strip_prefix(tag).map(|rest| (*role, rest.trim_start())))
}

/// The actors the markup marks, each with its words as the sentence has them: markers
/// inside a marked actor ("(SRC: police (LOC: in Jericho))") are dropped and their words
/// kept, and parentheses of the text itself ("Front (RUF)") are kept. A marker left
/// open (the set has a few unbalanced ones) runs to the end.
pub fn marked_actors(markup: &str) -> Vec<(Role, String)> {
    enum Open {
        Marker(Option<Role>, usize),
        Paren,
    }
    let mut out = Vec::new();
    let mut plain = String::new();
    let mut open: Vec<Open> = Vec::new();
    let mut rest = markup;
    while let Some(c) = rest.chars().next() {
        if c == '(' {
            if let Some((role, after)) = marker(rest) {
                open.push(Open::Marker(role, plain.len()));
                rest = after;
                continue;
            }
            open.push(Open::Paren);
        } else if c == ')' {
            match open.pop() {
                Some(Open::Marker(role, start)) => {
                    if let Some(role) = role {
                        out.push((role, plain[start..].trim().to_string()));
                    }
                    rest = &rest[1..];
                    continue;
                }
                // a parenthesis of the text, or a stray one: kept
                Some(Open::Paren) | None => {}
            }
        }
        plain.push(c);
        rest = &rest[c.len_utf8()..];
    }
    for o in open {
        if let Open::Marker(Some(role), start) = o {
            out.push((role, plain[start..].trim().to_string()));
        }
    }
    out
}

/// The `actorText` and `code` of a record's `source` or `target` list (absent, null or a
/// stray string give none).
fn actor_list(v: &Value) -> Vec<(String, String)> {
    v.as_array()
        .map(|a| {
            a.iter()
                .map(|x| {
                    let field = |k: &str| x.get(k).and_then(Value::as_str).unwrap_or_default().trim().to_string();
                    (field("actorText"), field("code"))
                })
                .collect()
        })
        .unwrap_or_default()
}

/// The set's records as cases, and the categories with no PLOVER 2 counterpart with how
/// many records each (left out of the score).
pub fn parse(json: &str) -> anyhow::Result<(Vec<Case>, BTreeMap<String, usize>)> {
    let records: Vec<Value> = serde_json::from_str(json).context("the set is not a JSON array")?;
    let mut cases = Vec::new();
    let mut unmapped: BTreeMap<String, usize> = BTreeMap::new();
    for r in &records {
        let field = |k: &str| r.get(k).and_then(Value::as_str).unwrap_or_default();
        let (early, text) = (field("event"), field("text").trim());
        // the DOCUMENT record documents the file
        if early == "DOCUMENT" || text.is_empty() {
            continue;
        }
        let Some(gold) = to_v2(early) else {
            *unmapped.entry(early.to_string()).or_default() += 1;
            continue;
        };
        let info = r.get("textInfo");
        // one record gives the markup as a plain string
        let markup = info.and_then(|i| i.get("markup")).or(info).and_then(Value::as_str).unwrap_or_default();
        let (src_list, tgt_list) = (actor_list(&r["source"]), actor_list(&r["target"]));
        let (mut sources, mut targets) = (Vec::new(), Vec::new());
        let (mut shown_src, mut shown_tgt) = (Vec::new(), Vec::new());
        let mut symmetric = false;
        for (role, words) in marked_actors(markup) {
            symmetric |= role == Role::Both;
            let mut spans = spans_of(text, &words);
            // a marked name misspelt in the markup ("Isreal") is found by the record's
            // actor text of the same side
            if spans.is_empty() {
                let list = if role == Role::Target { &tgt_list } else { &src_list };
                spans = list.iter().flat_map(|(t, _)| spans_of(text, t)).collect();
            }
            if role != Role::Target {
                sources.extend(&spans);
                shown_src.push(words.clone());
            }
            if role != Role::Source {
                targets.extend(&spans);
                shown_tgt.push(words);
            }
        }
        let codes = |list: &[(String, String)]| -> Vec<String> {
            list.iter().map(|(_, c)| c.clone()).filter(|c| !c.is_empty()).collect()
        };
        let mut tgt_codes = codes(&tgt_list);
        if symmetric {
            tgt_codes.extend(codes(&src_list));
        }
        cases.push(Case {
            id: field("id").trim_start_matches("PLOVER-GSR01-").to_string(),
            text: text.to_string(),
            sources,
            targets: (!shown_tgt.is_empty()).then_some(targets),
            gold: gold.to_string(),
            set_category: early.to_string(),
            shown: (shown_src.join(" / "), if shown_tgt.is_empty() { "-".into() } else { shown_tgt.join(" / ") }),
            codes: (codes(&src_list), tgt_codes),
        });
    }
    Ok((cases, unmapped))
}

pub fn run(dir: &Path, verbose: bool) -> anyhow::Result<Summary> {
    let path = dir.join("events/plover/PLOVER_GSR_CAMEO.txt");
    let json = std::fs::read_to_string(&path).with_context(|| format!("reading {}", path.display()))?;
    let (cases, unmapped) = parse(&json)?;
    let s = score(&Coder::new(Dictionaries::embedded()), &cases, same, verbose);
    print_scores("plover-cameo (CAMEO manual, PLOVER 0.5b1)", &s);
    let mapped: Vec<String> =
        EARLY_TO_V2.iter().filter(|(e, v2, _)| e != v2).map(|(e, v2, _)| format!("{e}->{v2}")).collect();
    println!("  the set's categories mapped to PLOVER 2: {}", mapped.join(", "));
    if !unmapped.is_empty() {
        let each: Vec<String> = unmapped.iter().map(|(c, n)| format!("{c} {n}")).collect();
        println!("  categories with no PLOVER 2 counterpart, not scored: {}", each.join(", "));
    }
    let (sc, sr, tc, tr) = s.codes;
    println!(
        "  actor codes on the coded pairs (dyad's code starts with a gold one): source {sr}/{sc}, target {tr}/{tc}; \
         the records give no CAMEO event codes, so no root-level agreement"
    );
    Ok(Summary { documents: s.sentences, failed: 0, records: s.covered })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn markup_gives_each_marked_actor_with_its_words() {
        let m = "(SRC: Police (LOC: in Lagos)) (EVT: seized) rifles from (TAR: the Alpha Front (AF)) \
                 while (SRC/TAR: Ghana) and (SRC/TAR: Togo) met) again";
        assert_eq!(
            marked_actors(m),
            vec![
                (Role::Source, "Police in Lagos".to_string()),
                (Role::Target, "the Alpha Front (AF)".to_string()),
                (Role::Both, "Ghana".to_string()),
                (Role::Both, "Togo".to_string()),
            ]
        );
        // a marker never closed runs to the end
        assert_eq!(marked_actors("(EVT: sent) (TAR: Chad"), vec![(Role::Target, "Chad".to_string())]);
    }

    #[test]
    fn records_map_their_category_and_mark_their_pairs() {
        let json = r#"[
          {"id": "X-DOCUMENT-0001", "event": "DOCUMENT"},
          {"id": "PLOVER-GSR01-DEMAND-0001", "event": "DEMAND",
           "text": "Kenya asked Uganda to pay.",
           "source": [{"actorText": "Kenya", "code": "KEN"}], "target": [{"actorText": "Uganda", "code": "UGA"}],
           "textInfo": {"markup": "(SRC: Kenya) (EVT: asked) (TAR: Uganda) to pay."}},
          {"id": "PLOVER-GSR01-AGREE-0001", "event": "AGREE",
           "text": "Chad and Niger agreed.", "source": [{"actorText": "Chad", "code": "TCD"},
           {"actorText": "Niger", "code": "NER"}], "target": "",
           "textInfo": {"markup": "(SRC/TAR: Chad) and (SRC/TAR: Niger) agreed."}},
          {"id": "PLOVER-GSR01-RETREAT-0001", "event": "RETREAT", "text": "Mali's leader resigned.",
           "source": [{"actorText": "Mali's leader", "code": "MLI"}],
           "textInfo": "(SRC: Malis leader) (EVT: resigned)."},
          {"id": "PLOVER-GSR01-CRIME-0001", "event": "CRIME", "text": "Thieves robbed a bank.",
           "textInfo": {"markup": "(SRC: Thieves) (EVT: robbed) a bank."}}
        ]"#;
        let (cases, unmapped) = parse(json).unwrap();
        assert_eq!(cases.len(), 3);
        assert_eq!(unmapped.get("CRIME"), Some(&1));
        let demand = &cases[0];
        assert_eq!((demand.gold.as_str(), demand.set_category.as_str()), ("REQUEST", "DEMAND"));
        assert_eq!(demand.id, "DEMAND-0001");
        assert_eq!(demand.targets.as_ref().unwrap().len(), 1);
        // a symmetric pair: either side can be source or target
        let agree = &cases[1];
        assert_eq!(agree.sources.len(), 2);
        assert_eq!(agree.targets.as_ref().map(Vec::len), Some(2));
        assert_eq!(agree.codes.1, vec!["TCD".to_string(), "NER".to_string()]);
        // no target marked; the misspelt source is found by its actor text
        let retreat = &cases[2];
        assert_eq!(retreat.targets, None);
        assert_eq!(retreat.sources.len(), 1);
        assert_eq!(retreat.shown.1, "-");
    }

    #[test]
    fn an_untargeted_gold_event_needs_an_event_without_target() {
        let json = r#"[
          {"id": "A", "event": "RETREAT", "text": "The Kenyan government declared a ceasefire on Monday.",
           "source": [{"actorText": "Kenyan government", "code": "KEN"}],
           "textInfo": {"markup": "The (SRC: Kenyan government) (EVT: declared) a (EVT: ceasefire) on Monday."}},
          {"id": "B", "event": "RETREAT", "text": "The Kenyan government declared a ceasefire in Uganda on Monday.",
           "source": [{"actorText": "Kenyan government", "code": "KEN"}],
           "textInfo": {"markup": "The (SRC: Kenyan government) (EVT: declared) a ceasefire in Uganda on Monday."}},
          {"id": "C", "event": "DISAPPROVE", "text": "Kenya criticized Uganda on Monday.",
           "source": [{"actorText": "Kenya", "code": "KEN"}], "target": [{"actorText": "Uganda", "code": "UGA"}],
           "textInfo": {"markup": "(SRC: Kenya) (EVT: criticized) (TAR: Uganda) on Monday."}}
        ]"#;
        let (cases, _) = parse(json).unwrap();
        let s = score(&Coder::new(Dictionaries::embedded()), &cases, same, false);
        assert_eq!((s.sentences, s.covered, s.correct), (3, 2, 2), "{:?}", s.misses);
        // the ceasefire coded against Uganda, where the set marks no target
        assert_eq!(s.misses.get("source right, a target where none is marked"), Some(&1), "{:?}", s.misses);
        // ... with the gold category, which the listing counts apart
        assert_eq!(s.extra_target_right, 1);
        assert_eq!(s.by_set_category.get("DISAPPROVE"), Some(&(1, 1)));
        assert_eq!(s.by_category.get("ACCUSE"), Some(&(1, 1, 1)));
        assert_eq!(s.codes, (2, 2, 1, 1));
    }
}
