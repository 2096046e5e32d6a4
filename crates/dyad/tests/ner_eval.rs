//! `dyad eval conll` end to end: the committed NER weights score above a floor on
//! the CoNLL-2003 test set (when ../shared/data/nlp/conll2003 is beside the
//! checkout; skipped with a message otherwise).
//!
//! The whole test set (3,453 sentences) takes well under a second even in a debug
//! build; the committed weights reach F1 0.873. Speed figures are printed, not
//! asserted. (`DYAD_EVAL_LIMIT=N` scores only the first N sentences.)

use std::path::{Path, PathBuf};
use std::process::Command;

fn root() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../..")
}

/// The overall F1 (last column of the `overall` row).
fn overall_f1(stdout: &str) -> Option<f64> {
    let line = stdout.lines().find(|l| l.starts_with("overall"))?;
    line.split_whitespace().last()?.parse().ok()
}

#[test]
fn conll_test_f1_above_floor() {
    if !root().join("../shared/data/nlp/conll2003/test.txt").exists() {
        eprintln!("skipped: ../shared/data/nlp/conll2003 is not beside this checkout");
        return;
    }
    let out = Command::new(env!("CARGO_BIN_EXE_dyad"))
        .current_dir(root())
        .args(["eval", "conll"])
        .env_remove("DYAD_EVAL_LIMIT")
        .env_remove("DYAD_NER_MODEL")
        .output()
        .expect("run dyad");
    let stdout = String::from_utf8_lossy(&out.stdout);
    assert!(out.status.success(), "{stdout}\n{}", String::from_utf8_lossy(&out.stderr));
    eprintln!("{stdout}");
    assert!(stdout.contains("(3453 sentences"), "{stdout}");
    for label in ["PER", "ORG", "LOC", "MISC"] {
        assert!(stdout.lines().any(|l| l.starts_with(label)), "no {label} row: {stdout}");
    }
    let f1 = overall_f1(&stdout).expect("an overall row");
    assert!(f1 >= FLOOR, "CoNLL-2003 test F1 {f1} under {FLOOR}\n{stdout}");
}

const FLOOR: f64 = 0.85;

#[test]
fn parses_the_overall_row() {
    let table = "label gold pred P R F1\nPER 1 1 1.000 1.000 1.000\noverall 10 9 0.900 0.800 0.847\n";
    assert_eq!(overall_f1(table), Some(0.847));
    assert_eq!(overall_f1("nothing"), None);
}
