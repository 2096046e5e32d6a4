//! `dyad eval aeb|wcxb|htmldate` against the reference sets in ../shared, when
//! present: the scores must stay above floors a little under what dyad reaches,
//! so that a regression in the extract stage fails here. Figures, not timings.

use std::path::{Path, PathBuf};
use std::process::Command;

fn root() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../..")
}

/// The printed summary line of `dyad eval SET`, or None when the set is absent.
fn eval(set: &str) -> Option<String> {
    let dir = root().join("../shared/data/extraction").join(set);
    if !dir.exists() {
        eprintln!("skipped: {} is not beside this checkout", dir.display());
        return None;
    }
    let out =
        Command::new(env!("CARGO_BIN_EXE_dyad")).current_dir(root()).args(["eval", set]).output().expect("run dyad");
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    let stdout = String::from_utf8_lossy(&out.stdout).into_owned();
    eprintln!("{stdout}");
    stdout.lines().find(|l| l.starts_with(&format!("{set}:"))).map(str::to_string)
}

/// The number after `label` in a summary line.
fn figure(line: &str, label: &str) -> f64 {
    let mut words = line.split_whitespace();
    words.position(|w| w == label).unwrap_or_else(|| panic!("no {label} in {line}"));
    words.next().and_then(|w| w.parse().ok()).unwrap_or_else(|| panic!("no number after {label} in {line}"))
}

#[test]
fn aeb_main_text() {
    if let Some(line) = eval("aeb") {
        assert_eq!(figure(&line, "aeb:"), 181.0);
        assert!(figure(&line, "F1") >= 0.945, "{line}");
    }
}

#[test]
fn wcxb_main_text_and_titles() {
    if let Some(line) = eval("wcxb") {
        assert!(figure(&line, "F1") >= 0.89, "{line}");
        assert!(figure(&line, "title") >= 0.77, "{line}");
    }
}

#[test]
fn htmldate_publication_dates() {
    if let Some(line) = eval("htmldate") {
        assert!(figure(&line, "accuracy") >= 0.80, "{line}");
        assert!(figure(&line, "invented") <= 5.0, "{line}");
    }
}
