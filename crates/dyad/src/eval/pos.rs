//! `dyad eval pos`: part-of-speech accuracy (Penn Treebank tags) on the UD English
//! EWT test set and the GUM news test documents, and the tagger's speed on one core.
//! Also the CoNLL-U reader that `dyad train pos` uses.

use crate::Summary;
use anyhow::Context;
use dyad_core::PosTag;
use dyad_nlp::pos::train::{accuracy, Tagged};
use std::path::{Path, PathBuf};
use std::time::Instant;

/// The GUM news documents held out for choosing (dev) and scoring (test), as GUM's
/// `splits.md` has them; the other news documents are for training.
pub const GUM_DEV: &[&str] = &["GUM_news_homeopathic", "GUM_news_iodine"];
pub const GUM_TEST: &[&str] = &["GUM_news_nasa", "GUM_news_sensitive"];

/// Sentences of a CoNLL-U file as words and XPOS tags. A multiword token ("don't"
/// = do + n't) is one word, as dyad's tokenizer keeps it, with the tag of its first
/// part; empty nodes are skipped. A line that cannot be read is an error naming it.
pub fn read_conllu(path: &Path) -> anyhow::Result<Vec<Tagged>> {
    let text = std::fs::read_to_string(path).with_context(|| format!("reading {}", path.display()))?;
    let mut out = Vec::new();
    let mut cur = Tagged { words: Vec::new(), tags: Vec::new() };
    // the last id a multiword token covers, and whether its tag is still to come
    let mut multi: Option<(usize, bool)> = None;
    for (n, line) in text.lines().enumerate() {
        if line.trim().is_empty() {
            if !cur.words.is_empty() {
                out.push(std::mem::replace(&mut cur, Tagged { words: Vec::new(), tags: Vec::new() }));
            }
            multi = None;
            continue;
        }
        if line.starts_with('#') {
            continue;
        }
        let cols: Vec<&str> = line.split('\t').collect();
        anyhow::ensure!(cols.len() >= 5, "{}:{}: expected 10 tab-separated columns", path.display(), n + 1);
        let id = cols[0];
        if id.contains('.') {
            continue;
        }
        if let Some((a, b)) = id.split_once('-') {
            let last: usize = b.parse().with_context(|| format!("{}:{}: bad id {id:?}", path.display(), n + 1))?;
            let _: usize = a.parse().with_context(|| format!("{}:{}: bad id {id:?}", path.display(), n + 1))?;
            cur.words.push(cols[1].to_string());
            multi = Some((last, true));
            continue;
        }
        let k: usize = id.parse().with_context(|| format!("{}:{}: bad id {id:?}", path.display(), n + 1))?;
        let tag = PosTag::from_name(cols[4]).unwrap_or_default();
        match multi {
            Some((last, first)) if k <= last => {
                if first {
                    cur.tags.push(tag);
                    multi = Some((last, false));
                }
            }
            _ => {
                multi = None;
                cur.words.push(cols[1].to_string());
                cur.tags.push(tag);
            }
        }
    }
    if !cur.words.is_empty() {
        out.push(cur);
    }
    Ok(out)
}

/// The CoNLL-U files of the GUM news documents whose names are (or are not) in
/// `names`, in name order.
pub fn gum_files(dir: &Path, names: &[&str], keep: bool) -> anyhow::Result<Vec<PathBuf>> {
    let mut files: Vec<PathBuf> = std::fs::read_dir(dir)
        .with_context(|| format!("reading {}", dir.display()))?
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.extension().is_some_and(|x| x == "conllu"))
        .filter(|p| {
            let stem = p.file_stem().and_then(|s| s.to_str()).unwrap_or("");
            names.contains(&stem) == keep
        })
        .collect();
    files.sort();
    Ok(files)
}

/// The GUM news documents whose names are (or are not) in `names`.
pub fn read_gum(dir: &Path, names: &[&str], keep: bool) -> anyhow::Result<Vec<Tagged>> {
    let mut out = Vec::new();
    for f in gum_files(dir, names, keep)? {
        out.extend(read_conllu(&f)?);
    }
    Ok(out)
}

pub fn run(dir: &Path) -> anyhow::Result<Summary> {
    let model = dyad_nlp::pos::model().context("no POS model compiled in (run `dyad train pos`)")?;
    let nlp = dir.join("nlp");
    let sets = [
        ("UD EWT test", read_conllu(&nlp.join("ud_english_ewt/en_ewt-ud-test.conllu"))?),
        ("GUM news test", read_gum(&nlp.join("gum_news"), GUM_TEST, true)?),
    ];
    let mut records = 0;
    for (name, sentences) in &sets {
        let tokens: usize = sentences.iter().map(|s| s.words.len()).sum();
        records += tokens;
        println!(
            "pos {name}: {} sentences, {tokens} tokens, accuracy {:.4}",
            sentences.len(),
            accuracy(model, sentences)
        );
    }
    // speed: the EWT test words, tagged three times, best pass; each pass starts with
    // an empty word cache, as on text the tagger has not seen
    let words: Vec<Vec<&str>> = sets[0].1.iter().map(|s| s.words.iter().map(String::as_str).collect()).collect();
    let tokens: usize = words.iter().map(Vec::len).sum();
    let best = (0..3)
        .map(|_| {
            let mut scratch = dyad_nlp::pos::Scratch::default();
            let t = Instant::now();
            for w in &words {
                std::hint::black_box(model.tag_indices(w, &mut scratch));
            }
            t.elapsed().as_secs_f64()
        })
        .fold(f64::INFINITY, f64::min);
    println!("speed (one core): {:.0} tokens/s", tokens as f64 / best.max(1e-9));
    Ok(Summary { documents: sets.iter().map(|(_, s)| s.len()).sum(), failed: 0, records })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn multiword_tokens_are_one_word_with_the_first_part_s_tag() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("t.conllu");
        std::fs::write(
            &path,
            "# text = I don't go.\n1\tI\tI\tPRON\tPRP\t_\t3\tnsubj\t_\t_\n2-3\tdon't\t_\t_\t_\t_\t_\t_\t_\t_\n\
             2\tdo\tdo\tAUX\tVBP\t_\t4\taux\t_\t_\n3\tn't\tnot\tPART\tRB\t_\t4\tadvmod\t_\t_\n\
             4\tgo\tgo\tVERB\tVB\t_\t0\troot\t_\t_\n5\t.\t.\tPUNCT\t.\t_\t4\tpunct\t_\t_\n\n",
        )
        .unwrap();
        let s = read_conllu(&path).unwrap();
        assert_eq!(s[0].words, vec!["I", "don't", "go", "."]);
        let tags: Vec<&str> = s[0].tags.iter().map(|t| t.as_str()).collect();
        assert_eq!(tags, vec!["PRP", "VBP", "VB", "."]);
        std::fs::write(&path, "1\tbroken\n").unwrap();
        assert!(read_conllu(&path).unwrap_err().to_string().contains("t.conllu:1"));
    }
}
