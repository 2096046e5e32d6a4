//! Extraction sets: main text against the Zyte article-extraction benchmark (AEB)
//! and WCXB (dev articles), publication dates against the htmldate set.
//!
//! The text metric is the AEB's own: lowercase, `\w+` tokens, multisets of
//! 4-token shingles; per page tp, fp and fn are divided by their sum so that every
//! page weighs the same, then summed over pages; precision and recall come from
//! the sums, F1 from those two.

use crate::Summary;
use anyhow::{bail, Context};
use chrono::NaiveDate;
use dyad_core::{Document, MediaType};
use serde_json::Value;
use std::collections::HashMap;
use std::io::Read;
use std::path::{Path, PathBuf};

/// One page of a set: its bytes (decompressed), URL and gold values.
pub struct GoldPage {
    pub id: String,
    pub url: Option<String>,
    pub html: Vec<u8>,
    pub text: Option<String>,
    pub title: Option<String>,
    /// For date sets: `Some(None)` is "the page has no publication date".
    pub date: Option<Option<NaiveDate>>,
}

impl GoldPage {
    pub fn document(&self) -> Document {
        let mut doc = Document::new(self.id.clone(), MediaType::Html, self.html.clone());
        doc.url = self.url.clone();
        doc
    }
}

/// Lowercased `\w+` tokens (letters, digits, marks and underscore, as Python's `re`).
fn tokens(text: &str) -> Vec<String> {
    let lower = text.to_lowercase();
    lower
        .split(|c: char| !(c.is_alphanumeric() || c == '_' || is_mark(c)))
        .filter(|t| !t.is_empty())
        .map(str::to_string)
        .collect()
}

/// Combining marks count as word characters in Python's `\w`.
fn is_mark(c: char) -> bool {
    matches!(c as u32, 0x0300..=0x036F | 0x0483..=0x0489 | 0x0591..=0x05C7 | 0x0610..=0x061A | 0x064B..=0x065F
        | 0x0900..=0x0903 | 0x093A..=0x094F | 0x0E31 | 0x0E34..=0x0E3A | 0x0E47..=0x0E4E | 0x1AB0..=0x1AFF
        | 0x1DC0..=0x1DFF | 0x20D0..=0x20FF | 0xFE20..=0xFE2F)
}

/// Multiset of 4-token shingles; a text of fewer than 4 tokens is one shingle
/// (the empty text included), as in the benchmark.
fn shingles(text: &str) -> HashMap<String, usize> {
    const N: usize = 4;
    let toks = tokens(text);
    let mut out = HashMap::new();
    for i in 0..toks.len().saturating_sub(N - 1).max(1) {
        let end = (i + N).min(toks.len());
        *out.entry(toks[i.min(end)..end].join(" ")).or_insert(0) += 1;
    }
    out
}

/// (tp, fp, fn) of the shingles of `pred` against `gold`.
pub fn shingle_match(gold: &str, pred: &str) -> (usize, usize, usize) {
    let g = shingles(gold);
    let p = shingles(pred);
    let mut tp = 0;
    let mut fp = 0;
    for (s, &n) in &p {
        let m = g.get(s).copied().unwrap_or(0);
        tp += n.min(m);
        fp += n.saturating_sub(m);
    }
    let fn_ = g.iter().map(|(s, &n)| n.saturating_sub(p.get(s).copied().unwrap_or(0))).sum();
    (tp, fp, fn_)
}

/// Precision, recall and F1 over pages, each page's counts normalised to sum 1.
pub fn aeb_prf(pages: &[(usize, usize, usize)]) -> (f64, f64, f64) {
    let (mut tp, mut fp, mut fn_) = (0.0, 0.0, 0.0);
    for &(a, b, c) in pages {
        let sum = (a + b + c) as f64;
        if sum > 0.0 {
            tp += a as f64 / sum;
            fp += b as f64 / sum;
            fn_ += c as f64 / sum;
        }
    }
    let ratio = |a: f64, b: f64| if a + b > 0.0 { a / (a + b) } else { 0.0 };
    let (p, r) = (ratio(tp, fp), ratio(tp, fn_));
    (p, r, if p + r > 0.0 { 2.0 * p * r / (p + r) } else { 0.0 })
}

fn require_dir(path: PathBuf) -> anyhow::Result<PathBuf> {
    if !path.is_dir() {
        bail!("reference set not found: {} (pass --data DIR)", path.display());
    }
    Ok(path)
}

fn gunzip(path: &Path) -> anyhow::Result<Vec<u8>> {
    let file = std::fs::File::open(path).with_context(|| format!("reading {}", path.display()))?;
    let mut out = Vec::new();
    flate2::read::MultiGzDecoder::new(file)
        .read_to_end(&mut out)
        .with_context(|| format!("gunzip {}", path.display()))?;
    Ok(out)
}

fn read_json(path: &Path) -> anyhow::Result<Value> {
    let text = std::fs::read_to_string(path).with_context(|| format!("reading {}", path.display()))?;
    // Python's json writes a missing date as a bare NaN, which JSON does not have.
    let text = text.replace(": NaN", ": null");
    serde_json::from_str(&text).with_context(|| format!("parsing {}", path.display()))
}

fn str_field(v: &Value, key: &str) -> Option<String> {
    v.get(key).and_then(Value::as_str).map(str::to_string)
}

/// The AEB pages (decompressed) with their gold text, in id order.
pub fn load_aeb(data: &Path) -> anyhow::Result<Vec<GoldPage>> {
    let dir = require_dir(data.join("extraction/aeb"))?;
    let gold = read_json(&dir.join("ground-truth.json"))?;
    let Some(map) = gold.as_object() else { bail!("{}: not a JSON object", dir.join("ground-truth.json").display()) };
    let mut pages = Vec::with_capacity(map.len());
    for (id, item) in map {
        let html = gunzip(&dir.join("html").join(format!("{id}.html.gz")))?;
        pages.push(GoldPage {
            id: id.clone(),
            url: str_field(item, "url"),
            html,
            text: Some(str_field(item, "articleBody").unwrap_or_default()),
            title: None,
            date: None,
        });
    }
    pages.sort_by(|a, b| a.id.cmp(&b.id));
    Ok(pages)
}

/// The WCXB dev article pages with gold text and title.
pub fn load_wcxb(data: &Path) -> anyhow::Result<Vec<GoldPage>> {
    let dir = require_dir(data.join("extraction/wcxb/dev"))?;
    let mut names: Vec<PathBuf> = std::fs::read_dir(dir.join("ground-truth"))
        .with_context(|| format!("reading {}", dir.join("ground-truth").display()))?
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.extension().is_some_and(|e| e == "json"))
        .collect();
    names.sort();
    let mut pages = Vec::with_capacity(names.len());
    for path in names {
        let item = read_json(&path)?;
        let kind = item.pointer("/_internal/page_type/primary").and_then(Value::as_str);
        if kind.is_some_and(|k| k != "article") {
            continue;
        }
        let id = path.file_stem().map(|s| s.to_string_lossy().into_owned()).unwrap_or_default();
        let gt = &item["ground_truth"];
        let html = gunzip(&dir.join("html").join(format!("{id}.html.gz")))?;
        pages.push(GoldPage {
            id,
            url: str_field(&item, "url"),
            html,
            text: Some(str_field(gt, "main_content").unwrap_or_default()),
            title: str_field(gt, "title"),
            date: None,
        });
    }
    Ok(pages)
}

/// The htmldate set: pages from the tarball, gold dates from both JSON files.
pub fn load_htmldate(data: &Path) -> anyhow::Result<Vec<GoldPage>> {
    let dir = require_dir(data.join("extraction/htmldate"))?;
    let files = untar(&gunzip(&dir.join("htmldate_eval_html.tar.gz"))?);
    let mut pages = Vec::new();
    for name in ["eval_default.json", "eval_mediacloud_2020.json"] {
        let gold = read_json(&dir.join(name))?;
        let Some(map) = gold.as_object() else { bail!("{}: not a JSON object", dir.join(name).display()) };
        for (url, item) in map {
            let Some(file) = item.get("file").and_then(Value::as_str) else { continue };
            let Some(html) = files.get(file) else { bail!("{file} (listed in {name}) is not in the tarball") };
            let date = item
                .get("date")
                .and_then(Value::as_str)
                .and_then(|d| NaiveDate::parse_from_str(d.get(..10).unwrap_or(d), "%Y-%m-%d").ok());
            pages.push(GoldPage {
                id: file.to_string(),
                url: Some(url.clone()),
                html: html.clone(),
                text: None,
                title: None,
                date: Some(date),
            });
        }
    }
    Ok(pages)
}

/// Regular files of a tar archive by base name.
fn untar(bytes: &[u8]) -> HashMap<String, Vec<u8>> {
    let mut files = HashMap::new();
    let mut pos = 0;
    while pos + 512 <= bytes.len() {
        let header = &bytes[pos..pos + 512];
        if header.iter().all(|&b| b == 0) {
            break;
        }
        let field = |r: std::ops::Range<usize>| {
            let f = &header[r];
            String::from_utf8_lossy(&f[..f.iter().position(|&b| b == 0).unwrap_or(f.len())]).into_owned()
        };
        let size = usize::from_str_radix(field(124..136).trim(), 8).unwrap_or(0);
        let kind = header[156];
        let start = pos + 512;
        let end = (start + size).min(bytes.len());
        if kind == b'0' || kind == 0 {
            let name = field(0..100);
            let base = name.rsplit('/').next().unwrap_or(&name).to_string();
            files.insert(base, bytes[start..end].to_vec());
        }
        pos = start + size.div_ceil(512) * 512;
    }
    files
}

fn score_text(name: &str, pages: &[GoldPage], verbose: bool) -> (Vec<(usize, usize, usize)>, usize) {
    let mut counts = Vec::with_capacity(pages.len());
    let mut titles_right = 0;
    for page in pages {
        let article = dyad_extract::extract(&page.document()).ok();
        let text = article.as_ref().map_or("", |a| a.text.as_str());
        let c = shingle_match(page.text.as_deref().unwrap_or(""), text);
        let title = article.as_ref().and_then(|a| a.title.as_deref());
        let title_ok = same_title(page.title.as_deref(), title);
        titles_right += usize::from(title_ok);
        if verbose {
            let (p, r, f) = aeb_prf(&[c]);
            print!("{name} {}  P {p:.3}  R {r:.3}  F1 {f:.3}", page.id);
            if page.title.is_some() {
                if title_ok {
                    print!("  title ok");
                } else {
                    print!("  title wrong: {:?} for {:?}", title.unwrap_or(""), page.title.as_deref().unwrap_or(""));
                }
            }
            println!();
        }
        counts.push(c);
    }
    (counts, titles_right)
}

/// Titles match when equal after whitespace is collapsed and typographic quotes
/// made plain (the gold titles use plain ones); no gold title expects none.
fn same_title(gold: Option<&str>, got: Option<&str>) -> bool {
    let norm = |s: &str| {
        let plain: String = s
            .chars()
            .map(|c| match c {
                '\u{2018}' | '\u{2019}' => '\'',
                '\u{201c}' | '\u{201d}' => '"',
                c => c,
            })
            .collect();
        plain.split_whitespace().collect::<Vec<_>>().join(" ")
    };
    match (gold, got) {
        (Some(g), Some(t)) => norm(g) == norm(t),
        (None, None) => true,
        _ => false,
    }
}

pub fn aeb(data: &Path, verbose: bool) -> anyhow::Result<Summary> {
    let pages = load_aeb(data)?;
    let (counts, _) = score_text("aeb", &pages, verbose);
    let (p, r, f) = aeb_prf(&counts);
    println!("aeb: {} pages  P {p:.3}  R {r:.3}  F1 {f:.3}", pages.len());
    Ok(Summary { documents: pages.len(), failed: 0, records: pages.len() })
}

pub fn wcxb(data: &Path, verbose: bool) -> anyhow::Result<Summary> {
    let pages = load_wcxb(data)?;
    let (counts, titles) = score_text("wcxb", &pages, verbose);
    let (p, r, f) = aeb_prf(&counts);
    let n = pages.len();
    let title = titles as f64 / n.max(1) as f64;
    println!("wcxb: {n} pages  P {p:.3}  R {r:.3}  F1 {f:.3}  title {title:.3}");
    Ok(Summary { documents: n, failed: 0, records: n })
}

pub fn htmldate(data: &Path, verbose: bool) -> anyhow::Result<Summary> {
    let pages = load_htmldate(data)?;
    let (mut right, mut invented, mut wrong, mut missed) = (0, 0, 0, 0);
    for page in &pages {
        let gold = page.date.flatten();
        let article = dyad_extract::extract(&page.document()).ok();
        let got = article.as_ref().and_then(|a| a.published);
        let verdict = match (gold, got) {
            (g, d) if g == d => {
                right += 1;
                "ok"
            }
            (None, Some(_)) => {
                invented += 1;
                "invented"
            }
            (Some(_), None) => {
                missed += 1;
                "missed"
            }
            _ => {
                wrong += 1;
                "wrong"
            }
        };
        if verbose {
            let show = |d: Option<NaiveDate>| d.map_or("-".to_string(), |d| d.to_string());
            let from = article.as_ref().and_then(|a| a.published_source.as_deref()).unwrap_or("-");
            println!("htmldate {}  gold {}  got {}  {verdict}  ({from})", page.id, show(gold), show(got));
        }
    }
    let n = pages.len();
    let accuracy = right as f64 / n.max(1) as f64;
    println!("htmldate: {n} pages  accuracy {accuracy:.3}  wrong {wrong}  missed {missed}  invented {invented}");
    Ok(Summary { documents: n, failed: 0, records: n })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn tokens_are_lowercase_words() {
        assert_eq!(tokens("Don't STOP—now_1 é."), ["don", "t", "stop", "now_1", "é"]);
    }

    #[test]
    fn shingle_counts() {
        assert_eq!(shingle_match("a b c d e", "a b c d e"), (2, 0, 0));
        assert_eq!(shingle_match("a b c d e", "a b c d"), (1, 0, 1));
        assert_eq!(shingle_match("a b c d", "x a b c d y"), (1, 2, 0));
        // short texts are one shingle; two empty texts agree
        assert_eq!(shingle_match("a b", "a b"), (1, 0, 0));
        assert_eq!(shingle_match("", ""), (1, 0, 0));
        assert_eq!(shingle_match("a b c d", ""), (0, 1, 1));
        // repeats are a multiset
        assert_eq!(shingle_match("a b c d a b c d", "a b c d"), (1, 0, 4));
    }

    #[test]
    fn pages_weigh_the_same() {
        let (p, r, f) = aeb_prf(&[(2, 0, 0), (1, 1, 0)]);
        assert!((p - 1.5 / 2.0).abs() < 1e-9, "{p}");
        assert!((r - 1.0).abs() < 1e-9);
        assert!((f - 2.0 * 0.75 / 1.75).abs() < 1e-9);
        let (p, _, _) = aeb_prf(&[(200, 0, 0), (1, 1, 0)]);
        assert!((p - 0.75).abs() < 1e-9);
        assert_eq!(aeb_prf(&[]), (0.0, 0.0, 0.0));
    }

    #[test]
    fn titles_compare_after_whitespace() {
        assert!(same_title(Some("A  title "), Some("A title")));
        assert!(!same_title(Some("A title"), Some("A Title | Site")));
        assert!(same_title(Some("We\u{2019}ve won"), Some("We've won")));
        assert!(same_title(None, None));
        assert!(!same_title(Some("A"), None));
    }

    #[test]
    fn reads_a_tar() {
        let mut tar = vec![0u8; 512];
        tar[..9].copy_from_slice(b"dir/a.txt");
        tar[124..135].copy_from_slice(b"00000000005");
        tar[156] = b'0';
        tar.extend_from_slice(b"hello");
        tar.resize(1024 + 1024, 0);
        let files = untar(&tar);
        assert_eq!(files.get("a.txt").map(Vec::as_slice), Some(&b"hello"[..]));
    }
}
