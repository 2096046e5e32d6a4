//! The `dyad` binary end to end: examples, the seed (when ../shared is present),
//! determinism, bad input, output formats.

use serde_json::Value;
use std::path::{Path, PathBuf};
use std::process::{Command, Output};

fn root() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../..")
}

fn dyad(args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_dyad")).current_dir(root()).args(args).output().expect("run dyad")
}

fn jsonl(out: &[u8]) -> Vec<Value> {
    String::from_utf8_lossy(out).lines().map(|l| serde_json::from_str(l).expect("each line is JSON")).collect()
}

fn seed() -> Option<PathBuf> {
    let p = root().join("../shared/seed/moscow-times-putin-assad.txt");
    if p.exists() {
        Some(p)
    } else {
        eprintln!("skipped: ../shared/seed is not beside this checkout");
        None
    }
}

/// Every event's sentence is the article text at its span (checked against `extract`).
fn check_spans(input: &str, extra: &[&str]) -> (Vec<Value>, Vec<Value>) {
    let mut a = vec!["extract", input];
    a.extend_from_slice(extra);
    let articles = jsonl(&dyad(&a).stdout);
    let mut c = vec!["code", input];
    c.extend_from_slice(extra);
    let out = dyad(&c);
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    let events = jsonl(&out.stdout);
    for e in &events {
        let art = articles.iter().find(|a| a["doc_id"] == e["doc_id"]).expect("event's article");
        let text = art["text"].as_str().unwrap();
        for (field, span) in
            [("sentence", &e["sentence"]["span"]), ("trigger", &e["trigger"]["span"]), ("source", &e["source"]["span"])]
        {
            let (s, t) = (span[0].as_u64().unwrap() as usize, span[1].as_u64().unwrap() as usize);
            let want = if field == "sentence" { &e["sentence"]["text"] } else { &e[field]["text"] };
            assert_eq!(&text[s..t], want.as_str().unwrap(), "{field} span of {}", e["event_id"]);
        }
    }
    (articles, events)
}

#[test]
fn examples_are_coded_with_valid_records() {
    let (articles, events) = check_spans("examples/", &[]);
    assert!(articles.len() >= 6, "every example is read: {}", articles.len());
    assert!(events.len() >= 15, "{} events", events.len());
    for e in &events {
        for key in [
            "doc_id",
            "event_id",
            "date",
            "date_precision",
            "historical",
            "negated",
            "hypothetical",
            "source",
            "target",
            "cameo",
            "cameo_root",
            "quad_class",
            "goldstein",
            "plover",
            "location",
            "sentence",
            "trigger",
            "rule",
        ] {
            assert!(e.get(key).is_some(), "event lacks {key}: {e}");
        }
        let cameo = e["cameo"].as_str().unwrap();
        assert_eq!(&cameo[..2], e["cameo_root"].as_str().unwrap());
        let root: u8 = cameo[..2].parse().unwrap();
        let quad = e["quad_class"].as_u64().unwrap();
        assert_eq!(
            quad,
            match root {
                1..=5 => 1,
                6..=9 => 2,
                10..=14 => 3,
                _ => 4,
            }
        );
        assert!(!e["plover"]["event"].as_str().unwrap().is_empty());
    }
    // the kinds of events the examples were written to show
    let roots: Vec<&str> = events.iter().map(|e| e["cameo_root"].as_str().unwrap()).collect();
    for want in ["04", "07", "11", "17", "19"] {
        assert!(roots.contains(&want), "no root {want} event in {roots:?}");
    }
}

#[test]
fn seed_article_events() {
    let Some(seed) = seed() else { return };
    let seed = seed.to_str().unwrap().to_string();
    let (articles, events) = check_spans(&seed, &["--published", "2024-07-25"]);
    let text = articles[0]["text"].as_str().unwrap();
    assert!(text.trim_end().ends_with("along the border."), "article ends before the credit: {text}");
    let boiler: Vec<&str> =
        articles[0]["boilerplate"].as_array().unwrap().iter().map(|b| b["reason"].as_str().unwrap()).collect();
    assert!(boiler.contains(&"wire_credit") && boiler.contains(&"reader_appeal"), "{boiler:?}");
    let has = |f: &dyn Fn(&Value) -> bool| events.iter().any(f);
    let code = |e: &Value, side: &str| e[side]["code"].as_str().unwrap_or("").to_string();
    assert!(
        has(&|e| code(e, "source") == "RUSGOV"
            && code(e, "target") == "SYRGOV"
            && e["cameo_root"] == "04"
            && e["plover"]["event"] == "CONSULT"),
        "Putin meets Assad"
    );
    assert!(
        has(&|e| code(e, "source").starts_with("TUR") && e["cameo_root"] == "19" && e["plover"]["event"] == "ASSAULT"),
        "Turkey's offensives"
    );
    assert!(
        has(&|e| code(e, "source") == "TURGOV"
            && code(e, "target").starts_with("SYR")
            && (e["cameo_root"] == "03" || e["cameo_root"] == "04")),
        "Erdogan raises a three-way meeting"
    );
    for e in &events {
        let s = e["sentence"]["text"].as_str().unwrap();
        assert!(!s.contains("contributed reporting") && !s.contains("support us"), "coded from boilerplate: {s}");
    }
    let meet = events.iter().find(|e| code(e, "source") == "RUSGOV" && e["cameo_root"] == "04").unwrap();
    assert_eq!(meet["location"]["name"], "Moscow");
    assert_eq!(meet["plover"]["mode"], "visit", "Assad came to Moscow");
}

#[test]
fn output_is_byte_identical_across_runs() {
    let a = dyad(&["code", "examples/"]);
    let b = dyad(&["code", "examples/"]);
    assert!(!a.stdout.is_empty());
    assert_eq!(a.stdout, b.stdout);
    // the number of worker threads changes nothing in the output
    let one = dyad(&["code", "--threads", "1", "examples/"]);
    let three = dyad(&["code", "--threads", "3", "examples/"]);
    assert_eq!(a.stdout, one.stdout);
    assert_eq!(a.stdout, three.stdout);
}

#[test]
fn bad_inputs_are_reported_and_the_run_goes_on() {
    let dir = tempfile::tempdir().unwrap();
    let d = dir.path();
    std::fs::write(d.join("a-empty.txt"), b"").unwrap();
    std::fs::write(d.join("b-binary.txt"), (0..4096u32).map(|i| (i * 7 % 256) as u8).collect::<Vec<_>>()).unwrap();
    std::fs::write(
        d.join("c-latin1.txt"),
        b"Le Pr\xe9sident de la France a condamn\xe9 la Russie. France condemned Russia.\n",
    )
    .unwrap();
    std::fs::write(d.join("d-long.txt"), "word ".repeat(2_200_000)).unwrap();
    std::fs::write(d.join("e-good.txt"), "Germany condemned Iran on Monday.\n").unwrap();
    let out = dyad(&["code", d.to_str().unwrap(), "--published", "2024-05-08"]);
    let err = String::from_utf8_lossy(&out.stderr);
    assert_ne!(out.status.code(), Some(101), "no panic: {err}");
    assert!(err.contains("a-empty.txt"), "empty file named: {err}");
    assert!(err.contains("b-binary.txt"), "binary file named: {err}");
    assert!(err.contains("d-long.txt"), "oversized file named: {err}");
    let events = jsonl(&out.stdout);
    let docs: Vec<&str> = events.iter().map(|e| e["sentence"]["text"].as_str().unwrap()).collect();
    assert!(docs.iter().any(|s| s.contains("Germany condemned Iran")), "the good file is still coded: {docs:?}");
    assert!(
        docs.iter().any(|s| s.contains("France condemned Russia")),
        "invalid UTF-8 is decoded, not dropped: {docs:?}"
    );
    assert_eq!(out.status.code(), Some(1), "failures show in the exit code");
}

#[test]
fn lines_mode_names_each_line() {
    let dir = tempfile::tempdir().unwrap();
    let f = dir.path().join("lines.txt");
    std::fs::write(&f, "Germany condemned Iran.\n\nJapan criticized China.\n").unwrap();
    let out = dyad(&["extract", "--lines", f.to_str().unwrap()]);
    let arts = jsonl(&out.stdout);
    let sources: Vec<String> =
        arts.iter().map(|a| a["source"].as_str().unwrap().rsplit('/').next().unwrap().to_string()).collect();
    assert_eq!(sources, vec!["lines.txt:1", "lines.txt:3"]);
}

#[test]
fn table_csv_and_explain_formats() {
    let Some(seed) = seed() else { return };
    let seed = seed.to_str().unwrap();
    let table =
        String::from_utf8(dyad(&["code", "--format", "table", seed, "--published", "2024-07-25"]).stdout).unwrap();
    assert!(table.starts_with("date"), "{table}");
    assert!(table.contains("RUSGOV") && table.contains("CONSULT"));
    let csv = String::from_utf8(dyad(&["code", "--format", "csv", seed, "--published", "2024-07-25"]).stdout).unwrap();
    assert!(csv.lines().next().unwrap().starts_with("doc_id,event_id,date"));
    let explain = String::from_utf8(dyad(&["code", "--explain", seed, "--published", "2024-07-25"]).stdout).unwrap();
    assert!(explain.contains("[President Vladimir Putin]{RUSGOV} <met with>"), "{explain}");
    assert!(explain.contains("VLADIMIR_PUTIN"), "the dictionary entry is shown");
    assert!(
        explain.contains("at \"Moscow\" = Moscow, Russia [RUS] 55.7522, 37.6156  <- GeoNames 524901 (PPLC)"),
        "the event's place with its GeoNames id: {explain}"
    );
    assert!(explain.contains("set aside (ReaderAppeal)"));
}

#[test]
fn user_dictionary_on_the_command_line() {
    let dir = tempfile::tempdir().unwrap();
    let dict = dir.path().join("mine.tsv");
    std::fs::write(&dict, "ZEBRA_FRONT\tgroup\tKENREB\tZebra Front\tmy notes\n").unwrap();
    let text = dir.path().join("t.txt");
    std::fs::write(&text, "The Zebra Front attacked Ethiopian troops on Monday.\n").unwrap();
    let args = ["code", text.to_str().unwrap(), "--published", "2024-05-08"];
    let without = jsonl(&dyad(&args).stdout);
    assert!(!without.iter().any(|e| e["source"]["code"] == "KENREB"));
    let mut with = args.to_vec();
    with.extend(["--dict", dict.to_str().unwrap()]);
    let events = jsonl(&dyad(&with).stdout);
    assert!(events.iter().any(|e| e["source"]["code"] == "KENREB" && e["target"]["code"] == "ETHMIL"), "{events:?}");
}

#[test]
fn dictionaries_in_data_are_what_the_converter_builds() {
    let shared = root().join("../shared/data");
    if !shared.exists() {
        eprintln!("skipped: ../shared/data is not beside this checkout");
        return;
    }
    let dir = tempfile::tempdir().unwrap();
    let out = dyad(&["dict", "build", "--from", shared.to_str().unwrap(), "--out", dir.path().to_str().unwrap()]);
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    for f in [
        "actors/phoenix-countries.tsv",
        "actors/phoenix-international.tsv",
        "actors/phoenix-nonstate.tsv",
        "actors/phoenix-agents.tsv",
        "actors/capitals.tsv",
        "places/cities.tsv",
        "places/countries.tsv",
        "verbs/cameo-verbs.tsv",
        "cameo.tsv",
        "discards.txt",
    ] {
        let built = std::fs::read_to_string(dir.path().join(f)).unwrap();
        let shipped = std::fs::read_to_string(root().join("data").join(f)).unwrap();
        assert!(built == shipped, "data/{f} differs from what `dyad dict build` makes: rebuild it");
    }
}

/// Floors a little under the scores measured when each mechanism landed, so a
/// regression in the coder fails here.
#[test]
fn event_coding_scores_on_the_petrarch_sets() {
    if !root().join("../shared/data/events/universalpetrarch").exists() {
        eprintln!("skipped: ../shared/data/events is not beside this checkout");
        return;
    }
    for (set, floor) in [("petrarch-gsr", 0.76), ("petrarch-unit", 0.87)] {
        let out = dyad(&["eval", set]);
        assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
        let text = String::from_utf8_lossy(&out.stdout);
        let line = text.lines().find(|l| l.trim_start().starts_with("code")).expect("a code line");
        let f1: f64 = line.split("F1").nth(1).unwrap().split_whitespace().next().unwrap().parse().unwrap();
        assert!(f1 >= floor, "{set}: F1 {f1} fell under {floor}\n{text}");
    }
    let out = dyad(&["eval", "plover"]);
    let text = String::from_utf8_lossy(&out.stdout);
    let all: f64 = text.split(" of coded, ").nth(1).and_then(|r| r.split_whitespace().next()).unwrap().parse().unwrap();
    assert!(all >= 0.71, "PLOVER category right in {all} of all ZSP sentences\n{text}");
}

/// The second PLOVER set, the CAMEO manual's examples with their early categories mapped
/// to PLOVER 2: a floor a little under the score measured when the eval landed, and the
/// missing file named when `--data` points elsewhere.
#[test]
fn plover_category_scores_on_the_cameo_manual_sentences() {
    let dir = tempfile::tempdir().unwrap();
    let absent = dyad(&["eval", "plover-cameo", "--data", dir.path().to_str().unwrap()]);
    assert!(!absent.status.success());
    let err = String::from_utf8_lossy(&absent.stderr);
    assert!(err.contains("events/plover/PLOVER_GSR_CAMEO.txt"), "the missing set is named: {err}");
    if !root().join("../shared/data/events/plover/PLOVER_GSR_CAMEO.txt").exists() {
        eprintln!("skipped: ../shared/data/events/plover is not beside this checkout");
        return;
    }
    let out = dyad(&["eval", "plover-cameo"]);
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    let text = String::from_utf8_lossy(&out.stdout);
    assert!(text.starts_with("plover-cameo (CAMEO manual, PLOVER 0.5b1): 322 sentences"), "{text}");
    let all: f64 = text.split(" of coded, ").nth(1).and_then(|r| r.split_whitespace().next()).unwrap().parse().unwrap();
    assert!(all >= 0.48, "PLOVER category right in {all} of all CAMEO manual sentences\n{text}");
    assert!(text.contains("DEMAND->REQUEST") && text.contains("FIGHT->ASSAULT"), "{text}");
}

#[test]
fn warc_archives_are_coded_record_by_record() {
    let dir = tempfile::tempdir().unwrap();
    let page = |body: &str| {
        let http = format!("HTTP/1.1 200 OK\r\nContent-Type: text/html; charset=utf-8\r\n\r\n<html><body><article><p>{body}</p></article></body></html>");
        format!("WARC/1.0\r\nWARC-Type: response\r\nWARC-Target-URI: http://news.example/{}\r\nContent-Length: {}\r\n\r\n{http}\r\n\r\n", body.len(), http.len())
    };
    let mut warc = page("Germany condemned Iran on Monday.");
    warc.push_str("garbage between records\r\n");
    warc.push_str(&page("Chinese warships blockaded Taiwan on Tuesday."));
    let f = dir.path().join("crawl.warc");
    std::fs::write(&f, warc).unwrap();
    let out = dyad(&["code", f.to_str().unwrap(), "--published", "2024-05-08"]);
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(err.contains("crawl.warc at byte"), "the garbage is reported with its offset: {err}");
    let events = jsonl(&out.stdout);
    let sources: Vec<&str> = events.iter().map(|e| e["source"]["code"].as_str().unwrap()).collect();
    assert!(sources.contains(&"DEU") && sources.contains(&"CHNMIL"), "{sources:?}");
}

/// A report command whose reader goes away (`dyad dict check ... | head -1`) ends quietly,
/// by SIGPIPE as other Unix tools do, instead of panicking on the failed print.
#[cfg(unix)]
#[test]
fn a_report_to_a_closed_pipe_ends_without_a_panic() {
    use std::os::unix::process::ExitStatusExt;
    use std::process::Stdio;
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("empty.tsv");
    std::fs::write(&file, "# nothing yet\n").unwrap();
    let file = file.display().to_string();
    let mut args = vec!["dict".to_string(), "check".to_string()];
    args.extend(std::iter::repeat_n(file, 3000));
    let mut child = Command::new(env!("CARGO_BIN_EXE_dyad"))
        .args(&args)
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("run dyad");
    drop(child.stdout.take());
    let out = child.wait_with_output().unwrap();
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(!stderr.contains("panicked"), "{stderr}");
    assert_eq!(out.status.signal(), Some(libc::SIGPIPE), "{:?} {stderr}", out.status);
}
