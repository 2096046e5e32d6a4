//! Event-coding evaluation on the PETRARCH validation records: per sentence, the
//! set of (source, target, CAMEO) triples dyad codes is compared with the gold set;
//! precision, recall and F1 are summed over sentences, at the full code, the CAMEO
//! root and the PLOVER category.

use crate::Summary;
use anyhow::Context;
use chrono::NaiveDate;
use dyad_code::convert::{self, ConvertStats};
use dyad_code::dict::actors::ActorKind;
use dyad_code::{Coder, Dictionaries};
use dyad_core::{Article, Span};
use std::collections::BTreeSet;
use std::path::Path;

/// One validation record: its text, date and gold events.
#[derive(Debug, Clone, PartialEq)]
pub struct Record {
    pub id: String,
    pub date: Option<NaiveDate>,
    pub text: String,
    /// (source, target, code); an empty target is "-"
    pub gold: Vec<(String, String, String)>,
}

fn attr(tag: &str, name: &str) -> Option<String> {
    let key = format!("{name}=\"");
    let start = tag.find(&key)? + key.len();
    let end = tag[start..].find('"')? + start;
    Some(tag[start..end].to_string())
}

/// Read the PETRARCH validation XML. It is not well-formed XML (free `#` comment
/// lines), so it is read line by line: `<Sentence>`, `<EventCoding>`, `<Text>`.
pub fn parse_records(xml: &str, only_evaluated: bool) -> Vec<Record> {
    let mut out = Vec::new();
    let mut cur: Option<Record> = None;
    let mut in_text = false;
    let mut evaluate = true;
    let xml = convert::strip_xml_comments(xml);
    for line in xml.lines() {
        let t = line.trim();
        // text may share a line with its tags: "<Text>words</Text>"
        if in_text || t.starts_with("<Text>") {
            let body = t.strip_prefix("<Text>").unwrap_or(t);
            let (body, closes) = match body.find("</Text>") {
                Some(i) => (&body[..i], true),
                None => (body, false),
            };
            if let (Some(r), false) = (cur.as_mut(), body.trim().is_empty()) {
                if !r.text.is_empty() {
                    r.text.push(' ');
                }
                r.text.push_str(body.trim());
            }
            in_text = !closes;
            continue;
        }
        if t.starts_with("<Sentence ") {
            if let Some(r) = cur.take() {
                if evaluate || !only_evaluated {
                    out.push(r);
                }
            }
            evaluate = attr(t, "evaluate").is_none_or(|v| v.eq_ignore_ascii_case("true"));
            cur = Some(Record {
                id: attr(t, "id").unwrap_or_default(),
                date: attr(t, "date").and_then(|d| NaiveDate::parse_from_str(&d, "%Y%m%d").ok()),
                text: String::new(),
                gold: Vec::new(),
            });
        } else if t.starts_with("<EventCoding") {
            if let (Some(r), Some(code)) = (cur.as_mut(), attr(t, "eventcode")) {
                let src = attr(t, "sourcecode").unwrap_or_default();
                let tgt = attr(t, "targetcode").filter(|s| !s.is_empty()).unwrap_or_else(|| "-".into());
                r.gold.push((normalize(&src), normalize(&tgt), code));
            }
        } else if t.starts_with("</Sentences>") {
            break;
        }
    }
    if let Some(r) = cur.take() {
        if evaluate || !only_evaluated {
            out.push(r);
        }
    }
    out
}

/// Agent codes without a country are written `---LEG` in PETRARCH and `LEG` by dyad.
fn normalize(code: &str) -> String {
    match code.trim().trim_start_matches('-') {
        "" => "-".to_string(),
        c => c.to_string(),
    }
}

/// True/false positives and false negatives, summed over sentences.
#[derive(Debug, Default, Clone, Copy, PartialEq)]
pub struct Counts {
    pub tp: usize,
    pub fp: usize,
    pub fn_: usize,
}

impl Counts {
    pub fn add<T: Ord>(&mut self, gold: &BTreeSet<T>, pred: &BTreeSet<T>) {
        let tp = gold.intersection(pred).count();
        self.tp += tp;
        self.fp += pred.len() - tp;
        self.fn_ += gold.len() - tp;
    }

    pub fn prf(&self) -> (f64, f64, f64) {
        let p = if self.tp + self.fp == 0 { 0.0 } else { self.tp as f64 / (self.tp + self.fp) as f64 };
        let r = if self.tp + self.fn_ == 0 { 0.0 } else { self.tp as f64 / (self.tp + self.fn_) as f64 };
        let f = if p + r == 0.0 { 0.0 } else { 2.0 * p * r / (p + r) };
        (p, r, f)
    }

    pub fn line(&self, label: &str) -> String {
        let (p, r, f) = self.prf();
        format!("  {label:<8} P {p:.3}  R {r:.3}  F1 {f:.3}   (tp {}, fp {}, fn {})", self.tp, self.fp, self.fn_)
    }
}

/// Scores of one run at the three levels.
#[derive(Debug, Default, Clone, Copy)]
pub struct Scores {
    pub code: Counts,
    pub root: Counts,
    pub plover: Counts,
    pub gold: usize,
    pub coded: usize,
    /// Records whose coded set equals the gold set exactly.
    pub exact: usize,
}

/// Code each record and compare with its gold events.
pub fn score(coder: &Coder, records: &[Record], verbose: bool) -> Scores {
    let mut s = Scores::default();
    let plover_of = |code: &str| coder.dict.cameo.get(code).map(|c| c.plover_event.clone()).unwrap_or_default();
    for r in records {
        let article = Article {
            doc_id: dyad_core::doc_id(&r.id, r.text.as_bytes()),
            source: r.id.clone(),
            paragraphs: vec![Span::new(0, r.text.len())],
            text: r.text.clone(),
            published: r.date,
            ..Default::default()
        };
        let annotated = dyad_nlp::annotate(article);
        // the verbs' reasons are listed for the records coded wrong
        let coded = if verbose { coder.code_explained(&annotated) } else { coder.code(&annotated) };
        let pred: BTreeSet<(String, String, String)> = coded
            .events
            .iter()
            .filter(|e| !e.negated)
            .map(|e| {
                let t = e.target.as_ref().map(|t| normalize(&t.code)).unwrap_or_else(|| "-".into());
                (normalize(&e.source.code), t, e.cameo.clone())
            })
            .collect();
        let gold: BTreeSet<(String, String, String)> = r.gold.iter().cloned().collect();
        let level = |set: &BTreeSet<(String, String, String)>, f: &dyn Fn(&str) -> String| {
            set.iter().map(|(a, b, c)| (a.clone(), b.clone(), f(c))).collect::<BTreeSet<_>>()
        };
        let root = |c: &str| c.get(..2).unwrap_or(c).to_string();
        s.code.add(&gold, &pred);
        s.root.add(&level(&gold, &root), &level(&pred, &root));
        s.plover.add(&level(&gold, &plover_of), &level(&pred, &plover_of));
        s.gold += gold.len();
        s.coded += pred.len();
        s.exact += usize::from(gold == pred);
        if verbose {
            let mut lines = vec![format!("{} {}", r.id, r.text)];
            for g in &gold {
                lines.push(format!("    gold {} {} {}{}", g.0, g.2, g.1, if pred.contains(g) { "  ✓" } else { "" }));
            }
            for p in pred.difference(&gold) {
                lines.push(format!("    dyad {} {} {}  (extra)", p.0, p.2, p.1));
            }
            // what the coder saw, for records it got wrong
            if gold != pred {
                for t in &coded.trace {
                    let ms: Vec<String> = t
                        .mentions
                        .iter()
                        .map(|m| format!("{}{}={}", if m.location { "@" } else { "" }, m.span.slice(&r.text), m.code))
                        .collect();
                    lines.push(format!("      mentions: {}", ms.join(", ")));
                    for (_, v) in &t.verbs {
                        lines.push(format!("      verb {v}"));
                    }
                    for (span, why) in &t.not_verbs {
                        lines.push(format!("      not a verb {:?}: {why}", span.slice(&r.text)));
                    }
                    if let Some(d) = &t.discarded {
                        lines.push(format!("      discarded: {d}"));
                    }
                }
            }
            out_lines(&lines);
        }
    }
    s
}

pub fn print_scores(name: &str, sentences: usize, s: &Scores) {
    out_lines(&[
        format!("{name}: {sentences} sentences, {} gold events, {} coded (negated ones left out)", s.gold, s.coded),
        s.code.line("code"),
        s.root.line("root"),
        s.plover.line("PLOVER"),
        format!(
            "  records exact {}/{sentences} ({:.3}); events per gold event {:.2}",
            s.exact,
            s.exact as f64 / sentences.max(1) as f64,
            s.coded as f64 / s.gold.max(1) as f64
        ),
    ]);
}

/// Print to stdout; a closed pipe (`| head`) is not an error worth a panic.
fn out_lines(lines: &[String]) {
    use std::io::Write;
    let mut out = std::io::stdout().lock();
    for l in lines {
        if writeln!(out, "{l}").is_err() {
            return;
        }
    }
}

pub fn petrarch_gsr(dir: &Path, verbose: bool) -> anyhow::Result<Summary> {
    let path = dir.join("events/universalpetrarch/PETR2_GSR_validation.xml");
    let xml = std::fs::read_to_string(&path).with_context(|| format!("reading {}", path.display()))?;
    let records = parse_records(&xml, true);
    let coder = Coder::new(Dictionaries::embedded());
    let s = score(&coder, &records, verbose);
    print_scores("petrarch-gsr", records.len(), &s);
    Ok(Summary { documents: records.len(), failed: 0, records: s.coded })
}

/// The PETRARCH validation suite: 264 made-up sentences (fictional actors such as
/// Arnor and Gondor) coded with the suite's own small dictionaries, converted here
/// with the same converter as the Phoenix dictionaries.
pub fn petrarch_unit(dir: &Path, verbose: bool) -> anyhow::Result<Summary> {
    let base = dir.join("events/universalpetrarch");
    let read = |name: &str| -> anyhow::Result<String> {
        let p = base.join(name);
        let bytes = std::fs::read(&p).with_context(|| format!("reading {}", p.display()))?;
        Ok(String::from_utf8_lossy(&bytes).into_owned())
    };
    let mut dict = Dictionaries::empty();
    let mut stats = ConvertStats::default();
    let actors =
        convert::phoenix_actors(&read("PETR_Validate_actors_2_02.txt")?, "validate-actors", ActorKind::Org, &mut stats);
    dict.add_actor_entries("validate-actors", actors);
    // the suite names an agents file it does not ship; PETRARCH-2's validation agents stand in
    if let Ok(agents) = std::fs::read_to_string(dir.join("events/petrarch2/PETR.Validate.agents.txt")) {
        dict.add_actor_entries("validate-agents", convert::phoenix_agents(&agents, "validate-agents", &mut stats));
    }
    dict.add_discards(&convert::phoenix_discards(&read("PETR_Validate_discards_2_02.txt")?));
    let verbs = convert::phoenix_verbs(&read("PETR_Validate_verbs_2_02.txt")?, "validate-verbs", &mut stats);
    report(dict.add_verb_file("validate-verbs", &verbs));
    let records = parse_records(&read("PETR_Validate_records_2_02.xml")?, true);
    let coder = Coder::new(dict);
    let s = score(&coder, &records, verbose);
    print_scores("petrarch-unit", records.len(), &s);
    Ok(Summary { documents: records.len(), failed: 0, records: s.coded })
}

fn report(errors: Vec<dyad_code::dict::actors::DictError>) {
    if !errors.is_empty() {
        eprintln!("dyad eval: {} dictionary line(s) skipped, first: {}", errors.len(), errors[0]);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reads_records_and_scores_sets() {
        let xml = "# comment line\n<Sentences>\n<!-- a\ncomment -->\n<Sentence date=\"20080806\" id=\"A_1\" evaluate=\"true\"/>\n<EventCoding eventcode=\"031\" sourcecode=\"BRA\" targetcode=\"USA\" />\n<Text>\nBrazil and the United States\nagreed.\n</Text>\n<Sentence date=\"20080806\" id=\"A_2\" evaluate=\"false\"/>\n<EventCoding noevents=\"True\" />\n<Text>\nskip me\n</Text>\n<Sentence date=\"2008\" id=\"A_3\"/>\n<EventCoding eventcode=\"111\" sourcecode=\"---LEG\" targetcode=\"\" />\n<Text>One line. </Text> <Parse>1 x</Parse>\n</Sentences>\n";
        let r = parse_records(xml, true);
        assert_eq!(r.len(), 2);
        assert_eq!(r[0].text, "Brazil and the United States agreed.");
        assert_eq!(r[0].date, NaiveDate::from_ymd_opt(2008, 8, 6));
        assert_eq!(r[0].gold, vec![("BRA".into(), "USA".into(), "031".into())]);
        assert_eq!(r[1].gold, vec![("LEG".into(), "-".into(), "111".into())]);
        assert_eq!(r[1].date, None);
        assert_eq!(r[1].text, "One line.");
        let mut c = Counts::default();
        let g: BTreeSet<u8> = [1, 2, 3].into();
        let p: BTreeSet<u8> = [2, 3, 4, 5].into();
        c.add(&g, &p);
        assert_eq!(c, Counts { tp: 2, fp: 2, fn_: 1 });
        let (p, r, f) = c.prf();
        assert!((p - 0.5).abs() < 1e-9 && (r - 2.0 / 3.0).abs() < 1e-9 && (f - 4.0 / 7.0).abs() < 1e-9);
    }
}
