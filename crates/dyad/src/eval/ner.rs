//! `dyad eval conll|uner|wikigold`: exact-span entity precision, recall and F1 of
//! dyad's NER tagger, per label and overall, plus its speed on the set.
//!
//! Also the readers of the NER corpora (CoNLL columns, WikiANN, UNER IOB2) that
//! `dyad train ner` uses.

use crate::Summary;
use anyhow::Context;
use dyad_nlp::ner::features::{doc_flags, PredictionHistory};
use dyad_nlp::ner::model::{spans, LABEL_NAMES};
use dyad_nlp::ner::{Scratch, Tagger};
use std::collections::{HashMap, HashSet};
use std::path::Path;
use std::time::Instant;

/// A sentence from a corpus: words, their IOB labels as written, and a document number.
#[derive(Clone, Debug)]
pub struct Labeled {
    pub words: Vec<String>,
    pub labels: Vec<String>,
    pub doc: u32,
    /// Per word, whether it touches the word before it in the text (no space
    /// between); empty where the corpus does not say (only UNER gives its text).
    pub glued: Vec<bool>,
}

impl Labeled {
    /// The words as dyad's tokenizer and [`dyad_nlp::ner::words`] give them to the
    /// tagger: a word, a hyphen and a word or number written without spaces
    /// ("Coca - Cola" from "Coca-Cola", "al - Qaeda") are one word. Returns the
    /// words and, per word, the index of its first corpus word.
    pub fn tagger_words(&self) -> (Vec<String>, Vec<usize>) {
        let n = self.words.len();
        let alnum_start = |w: &str| w.chars().next().is_some_and(char::is_alphanumeric);
        let glued = |i: usize| self.glued.get(i).copied().unwrap_or(false);
        let mut words = Vec::with_capacity(n);
        let mut starts = Vec::with_capacity(n);
        let mut i = 0;
        while i < n {
            let start = i;
            let mut word = self.words[i].clone();
            if self.words[i].chars().any(char::is_alphanumeric) {
                while i + 2 < n
                    && self.words[i + 1] == "-"
                    && glued(i + 1)
                    && glued(i + 2)
                    && alnum_start(&self.words[i + 2])
                {
                    word.push('-');
                    word.push_str(&self.words[i + 2]);
                    i += 2;
                }
            }
            words.push(word);
            starts.push(start);
            i += 1;
        }
        (words, starts)
    }
}

/// For each word of `text`'s tokenisation `words`, whether it follows the word
/// before it without a space (false where a word is not found in order).
fn glued_words(text: &str, words: &[String]) -> Vec<bool> {
    let mut out = Vec::with_capacity(words.len());
    let mut pos: Option<usize> = None;
    for w in words {
        let from = pos.unwrap_or(0);
        match text.get(from..).and_then(|t| t.find(w.as_str())) {
            Some(k) => {
                out.push(pos.is_some() && k == 0);
                pos = Some(from + k + w.len());
            }
            None => out.push(false),
        }
    }
    out
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Format {
    /// CoNLL-2003 and wikigold: space-separated columns, word first, label last,
    /// `-DOCSTART-` between documents.
    Conll,
    /// WikiANN: `en:word<TAB>label`, each sentence its own document.
    WikiAnn,
    /// UNER IOB2: `# newdoc` comments, then `index<TAB>word<TAB>label...`.
    Uner,
    /// WNUT17: `word<TAB>label`, each sentence (a tweet) its own document; the
    /// labels are mapped to dyad's four (see [`wnut_label`]).
    Wnut,
}

/// Read a corpus. Document numbers start at `first_doc`.
pub fn read(path: &Path, format: Format, first_doc: u32) -> anyhow::Result<Vec<Labeled>> {
    let text = std::fs::read_to_string(path).with_context(|| format!("cannot read {}", path.display()))?;
    Ok(parse(&text, format, first_doc))
}

pub fn parse(text: &str, format: Format, first_doc: u32) -> Vec<Labeled> {
    let mut out = Vec::new();
    let mut doc = first_doc;
    let mut cur = Labeled { words: Vec::new(), labels: Vec::new(), doc, glued: Vec::new() };
    // UNER's `# text = ` line of the sentence being read
    let mut sent_text: Option<&str> = None;
    let flush = |cur: &mut Labeled, out: &mut Vec<Labeled>, doc: u32, text: &mut Option<&str>| {
        if !cur.words.is_empty() {
            if let Some(t) = text.take() {
                cur.glued = glued_words(t, &cur.words);
            }
            out.push(std::mem::replace(cur, Labeled { words: Vec::new(), labels: Vec::new(), doc, glued: Vec::new() }));
        }
        *text = None;
        cur.doc = doc;
    };
    for line in text.lines() {
        let line = line.trim_end();
        if line.is_empty() {
            if matches!(format, Format::WikiAnn | Format::Wnut) && !cur.words.is_empty() {
                doc += 1;
            }
            flush(&mut cur, &mut out, doc, &mut sent_text);
            continue;
        }
        if line.starts_with("-DOCSTART-") {
            flush(&mut cur, &mut out, doc, &mut sent_text);
            if !out.is_empty() && out.last().is_some_and(|s| s.doc == doc) {
                doc += 1;
            }
            cur.doc = doc;
            continue;
        }
        let (word, label) = match format {
            Format::Uner => {
                if line.starts_with('#') {
                    if let Some(t) = line.strip_prefix("# text = ") {
                        sent_text = Some(t);
                    }
                    if line.starts_with("# newdoc") {
                        flush(&mut cur, &mut out, doc, &mut sent_text);
                        if out.last().is_some_and(|s| s.doc == doc) {
                            doc += 1;
                        }
                        cur.doc = doc;
                    }
                    continue;
                }
                let mut cols = line.split('\t');
                let _ = cols.next();
                (cols.next().unwrap_or(""), cols.next().unwrap_or("O"))
            }
            Format::WikiAnn => {
                let (w, l) = line.rsplit_once('\t').unwrap_or((line, "O"));
                (w.strip_prefix("en:").unwrap_or(w), l)
            }
            Format::Wnut => {
                let (w, l) = line.rsplit_once('\t').unwrap_or((line, "O"));
                (w.trim(), wnut_label(l))
            }
            Format::Conll => {
                let w = line.split_whitespace().next().unwrap_or("");
                (w, line.split_whitespace().last().unwrap_or("O"))
            }
        };
        if word.is_empty() {
            continue;
        }
        cur.words.push(word.to_string());
        cur.labels.push(label.to_string());
    }
    flush(&mut cur, &mut out, doc, &mut sent_text);
    out
}

/// GUM documents (`*.conllu` in `dir`, sorted by name, those named in `skip` left
/// out) as NER sentences, one document each, numbered from `first_doc`. See
/// [`parse_gum`].
pub fn read_gum(dir: &Path, skip: &[&str], first_doc: u32) -> anyhow::Result<Vec<Labeled>> {
    let mut out = Vec::new();
    for (k, path) in super::pos::gum_files(dir, skip, false)?.iter().enumerate() {
        let text = std::fs::read_to_string(path).with_context(|| format!("cannot read {}", path.display()))?;
        out.extend(parse_gum(&text, first_doc + k as u32));
    }
    Ok(out)
}

/// One word of a CoNLL-U sentence, as much of it as [`parse_gum`] needs.
struct GumWord<'a> {
    form: &'a str,
    xpos: &'a str,
    /// The head's index in the sentence, `None` for the root (or a bad number).
    head: Option<usize>,
    misc: &'a str,
}

/// The names of a GUM document (CoNLL-U with entity mentions in the MISC column,
/// `Entity=(id-type-...` opening a mention and `id)` closing it) as IOB2 labels.
///
/// GUM marks every mention of an entity ("the captain", "he", "English captain
/// Harry Kane"); a name is a mention whose head word is a proper noun, and the name
/// is the run of proper nouns around that head ("Harry Kane"), across "of", "and",
/// "&" or "for" between two proper nouns in names of things other than people
/// ("Bank of England"), with a number right after a MISC name ("Internet Explorer
/// 6"). Types: person is PER, organization ORG, place LOC, and event, object,
/// abstract, substance, animal and plant names MISC; times ("June") are not names.
/// Where names nest ("FIFA" in "2018 FIFA World Cup") the longer mention wins.
pub fn parse_gum(text: &str, doc: u32) -> Vec<Labeled> {
    // the document's common nouns, lowercase: a capitalised word before a
    // person's name that the text also uses as a common noun is a title
    let mut common: HashSet<String> = HashSet::new();
    for line in text.lines().filter(|l| !l.starts_with('#')) {
        let cols: Vec<&str> = line.split('\t').collect();
        if cols.len() >= 5 && (cols[4] == "NN" || cols[4] == "NNS") {
            common.insert(cols[1].to_lowercase());
        }
    }
    let mut out = Vec::new();
    let mut words: Vec<GumWord> = Vec::new();
    for line in text.lines().chain(std::iter::once("")) {
        if line.trim().is_empty() {
            if !words.is_empty() {
                out.push(gum_sentence(&words, &common, doc));
                words.clear();
            }
            continue;
        }
        if line.starts_with('#') {
            continue;
        }
        let cols: Vec<&str> = line.split('\t').collect();
        if cols.len() < 10 || cols[0].contains(['-', '.']) {
            continue;
        }
        let head = cols[6].parse::<usize>().ok().and_then(|h| h.checked_sub(1));
        words.push(GumWord { form: cols[1], xpos: cols[4], head, misc: cols[9] });
    }
    out
}

/// A URL-encoded title ("Washington%2C_D.C.") decoded; bytes that do not decode
/// stay as they are.
fn percent_decoded(s: &str) -> String {
    let b = s.as_bytes();
    let mut out = Vec::with_capacity(b.len());
    let mut i = 0;
    while i < b.len() {
        let hex = if b[i] == b'%' { s.get(i + 1..i + 3) } else { None };
        match hex.and_then(|h| u8::from_str_radix(h, 16).ok()) {
            Some(v) => {
                out.push(v);
                i += 3;
            }
            None => {
                out.push(b[i]);
                i += 1;
            }
        }
    }
    String::from_utf8_lossy(&out).into_owned()
}

/// Does `word` abbreviate the words of `identity` ("U.S." for United_States,
/// "IE6" for Internet_Explorer_6)?
fn abbreviates(word: &str, identity: &[String]) -> bool {
    let letters: String = word.chars().filter(|c| c.is_alphanumeric()).flat_map(char::to_lowercase).collect();
    let initials: String = identity.iter().filter_map(|w| w.chars().next()).collect();
    letters.len() >= 2 && letters == initials
}

fn gum_sentence(words: &[GumWord], common: &HashSet<String>, doc: u32) -> Labeled {
    // (start, end exclusive, type, identity)
    let mut mentions: Vec<(usize, usize, &str, &str)> = Vec::new();
    let mut open: Vec<(&str, usize, &str, &str)> = Vec::new();
    for (i, w) in words.iter().enumerate() {
        let Some(ent) = w.misc.split('|').find_map(|f| f.strip_prefix("Entity=")) else { continue };
        let mut rest = ent;
        while !rest.is_empty() {
            if let Some(r) = rest.strip_prefix('(') {
                let stop = r.find(['(', ')']).unwrap_or(r.len());
                // GRP-etype-infstat-salience-centering-minspan-link[-identity]
                let mut fields = r[..stop].splitn(8, '-');
                let (id, kind) = (fields.next().unwrap_or(""), fields.next().unwrap_or(""));
                let identity = fields.nth(5).unwrap_or("");
                if r[stop..].starts_with(')') {
                    mentions.push((i, i + 1, kind, identity));
                    rest = &r[stop + 1..];
                } else {
                    open.push((id, i, kind, identity));
                    rest = &r[stop..];
                }
            } else {
                let stop = rest.find(')').unwrap_or(rest.len());
                let id = &rest[..stop];
                if let Some(k) = open.iter().rposition(|o| o.0 == id) {
                    let (_, start, kind, identity) = open.remove(k);
                    mentions.push((start, i + 1, kind, identity));
                }
                rest = rest.get(stop + 1..).unwrap_or("");
            }
        }
    }
    mentions.sort_by_key(|m| (std::cmp::Reverse(m.1 - m.0), m.0));
    let mut labels = vec!["O".to_string(); words.len()];
    let proper = |j: usize| words[j].xpos.starts_with("NNP");
    for (s, e, kind, identity) in mentions {
        let mut label = match kind {
            "person" => "PER",
            "organization" => "ORG",
            "place" => "LOC",
            "event" | "object" | "abstract" | "substance" | "animal" | "plant" => "MISC",
            _ => continue,
        };
        let Some(head) = (s..e).find(|&j| words[j].head.is_none_or(|h| h < s || h >= e)) else { continue };
        if !proper(head) {
            continue;
        }
        // people named by a plural ("Muslims", "Afghans") are groups
        if label == "PER" && words[head].xpos == "NNPS" {
            label = "MISC";
        }
        let bridge = |j: usize| {
            label != "PER"
                && j > s
                && j + 1 < e
                && proper(j - 1)
                && proper(j + 1)
                && matches!(words[j].form, "of" | "and" | "&" | "for")
        };
        let mut a = head;
        while a > s && (proper(a - 1) || bridge(a - 1)) {
            a -= 1;
        }
        let mut b = head + 1;
        while b < e && (proper(b) || bridge(b)) {
            b += 1;
        }
        if !identity.is_empty() {
            // a linked entity: the name is the words of its title around the head
            // ("Donald Trump" in "U.S. President Donald Trump"); a head that is
            // not in the title names it by a title ("the President") unless it
            // abbreviates it ("U.S.")
            let title: Vec<String> =
                percent_decoded(identity).split(['_', ',']).filter(|w| !w.is_empty()).map(str::to_lowercase).collect();
            let in_title = |j: usize| title.contains(&words[j].form.to_lowercase());
            if in_title(head) {
                let (mut x, mut y) = (head, head + 1);
                while x > a && in_title(x - 1) {
                    x -= 1;
                }
                while y < b && in_title(y) {
                    y += 1;
                }
                (a, b) = (x, y);
            } else if abbreviates(words[head].form, &title) {
                (a, b) = (head, head + 1);
            } else {
                continue;
            }
        } else if label == "PER" {
            while a < head && common.contains(&words[a].form.to_lowercase()) {
                a += 1;
            }
        }
        if label == "MISC" && b < e && words[b].xpos == "CD" && words[b].form.chars().all(|c| c.is_ascii_digit()) {
            b += 1;
        }
        if labels[a..b].iter().any(|l| l != "O") {
            continue;
        }
        for (j, l) in labels[a..b].iter_mut().enumerate() {
            *l = format!("{}-{label}", if j == 0 { "B" } else { "I" });
        }
    }
    Labeled { words: words.iter().map(|w| w.form.to_string()).collect(), labels, doc, glued: Vec::new() }
}

/// A WNUT17 label as one of dyad's: person is PER, location LOC, corporation
/// and group (teams, bands, parties) ORG, product and creative-work MISC (as
/// CoNLL-2003 has them).
pub fn wnut_label(label: &str) -> &'static str {
    match label.trim() {
        "B-person" => "B-PER",
        "I-person" => "I-PER",
        "B-location" => "B-LOC",
        "I-location" => "I-LOC",
        "B-corporation" | "B-group" => "B-ORG",
        "I-corporation" | "I-group" => "I-ORG",
        "B-product" | "B-creative-work" => "B-MISC",
        "I-product" | "I-creative-work" => "I-MISC",
        _ => "O",
    }
}

fn label_index(name: &str) -> Option<usize> {
    LABEL_NAMES.iter().position(|&l| l == name)
}

/// Entity spans `(start, end, label)` from IOB labels, IOB1 or IOB2: a name
/// starts at `B-`, or at `I-` after `O` or after another label. Unknown labels
/// count as O.
pub fn iob_spans(labels: &[String]) -> Vec<(usize, usize, usize)> {
    let mut out = Vec::new();
    let mut open: Option<(usize, usize)> = None;
    for (i, l) in labels.iter().enumerate() {
        let (prefix, kind) = l.split_once('-').unwrap_or(("O", ""));
        let label = label_index(kind);
        let continues = prefix == "I" && matches!((open, label), (Some((_, a)), Some(b)) if a == b);
        if continues {
            continue;
        }
        if let Some((s, a)) = open.take() {
            out.push((s, i, a));
        }
        if let (Some(label), "B" | "I") = (label, prefix) {
            open = Some((i, label));
        }
    }
    if let Some((s, a)) = open {
        out.push((s, labels.len(), a));
    }
    out
}

/// True positives, false positives and false negatives per label.
#[derive(Clone, Debug, Default)]
pub struct Scores {
    pub counts: [(usize, usize, usize); 4],
    pub sentences: usize,
    pub tokens: usize,
    /// Gold names found with the right span but another label: `[gold][predicted]`.
    pub wrong_label: [[usize; 4]; 4],
    /// Gold names a prediction overlaps with another span.
    pub wrong_span: usize,
    /// Gold names no prediction touches.
    pub missed: usize,
    /// Predictions that touch no gold name.
    pub invented: usize,
    /// With `--verbose`: each sentence with an error, gold and predicted names.
    pub error_lines: Vec<String>,
}

fn overlaps(a: &(usize, usize, usize), b: &(usize, usize, usize)) -> bool {
    a.0 < b.1 && b.0 < a.1
}

fn prf(tp: usize, fp: usize, fn_: usize) -> (f64, f64, f64) {
    let p = if tp + fp == 0 { 0.0 } else { tp as f64 / (tp + fp) as f64 };
    let r = if tp + fn_ == 0 { 0.0 } else { tp as f64 / (tp + fn_) as f64 };
    let f = if p + r == 0.0 { 0.0 } else { 2.0 * p * r / (p + r) };
    (p, r, f)
}

impl Scores {
    pub fn add(&mut self, gold: &[(usize, usize, usize)], pred: &[(usize, usize, usize)]) {
        for g in gold {
            if pred.contains(g) {
                self.counts[g.2].0 += 1;
                continue;
            }
            self.counts[g.2].2 += 1;
            if let Some(p) = pred.iter().find(|p| (p.0, p.1) == (g.0, g.1)) {
                self.wrong_label[g.2][p.2] += 1;
            } else if pred.iter().any(|p| overlaps(p, g)) {
                self.wrong_span += 1;
            } else {
                self.missed += 1;
            }
        }
        for p in pred {
            if !gold.contains(p) {
                self.counts[p.2].1 += 1;
                if !gold.iter().any(|g| overlaps(p, g)) {
                    self.invented += 1;
                }
            }
        }
    }

    /// The errors by kind: wrong label (gold -> predicted), wrong span, missed, invented.
    pub fn error_summary(&self) -> String {
        let mut labels = Vec::new();
        for (g, row) in self.wrong_label.iter().enumerate() {
            for (p, &n) in row.iter().enumerate() {
                if n > 0 {
                    labels.push((n, format!("{}->{} {n}", LABEL_NAMES[g], LABEL_NAMES[p])));
                }
            }
        }
        labels.sort_by_key(|b| std::cmp::Reverse(b.0));
        let total: usize = labels.iter().map(|l| l.0).sum();
        let list: Vec<String> = labels.into_iter().map(|l| l.1).collect();
        format!(
            "errors: wrong label {total} ({}), wrong span {}, missed {}, invented {}\n",
            list.join(", "),
            self.wrong_span,
            self.missed,
            self.invented
        )
    }

    pub fn total(&self) -> (usize, usize, usize) {
        self.counts.iter().fold((0, 0, 0), |a, c| (a.0 + c.0, a.1 + c.1, a.2 + c.2))
    }

    /// Overall (micro) precision, recall and F1.
    pub fn overall(&self) -> (f64, f64, f64) {
        let (tp, fp, fn_) = self.total();
        prf(tp, fp, fn_)
    }

    pub fn gold_entities(&self) -> usize {
        let (tp, _, fn_) = self.total();
        tp + fn_
    }

    pub fn table(&self, labels: &[usize]) -> String {
        let mut s = format!("{:<8} {:>7} {:>7} {:>7} {:>7} {:>7}\n", "label", "gold", "pred", "P", "R", "F1");
        for &l in labels {
            let (tp, fp, fn_) = self.counts[l];
            let (p, r, f) = prf(tp, fp, fn_);
            s += &format!("{:<8} {:>7} {:>7} {:>7.3} {:>7.3} {:>7.3}\n", LABEL_NAMES[l], tp + fn_, tp + fp, p, r, f);
        }
        let (tp, fp, fn_) = self.total();
        let (p, r, f) = prf(tp, fp, fn_);
        s += &format!("{:<8} {:>7} {:>7} {:>7.3} {:>7.3} {:>7.3}\n", "overall", tp + fn_, tp + fp, p, r, f);
        s
    }
}

/// Tag `sentences` (grouped into documents by their `doc`) and score against their
/// labels. `labels` are the ones the set annotates; predictions of other labels
/// (MISC on UNER) are dropped.
pub fn evaluate(tagger: &Tagger, sentences: &[Labeled], labels: &[usize]) -> Scores {
    evaluate_listing(tagger, sentences, labels, false)
}

/// [`evaluate`], listing each sentence with an error in `error_lines` when `list` is set.
pub fn evaluate_listing(tagger: &Tagger, sentences: &[Labeled], labels: &[usize], list: bool) -> Scores {
    let mut scores = Scores::default();
    let mut scratch = Scratch::default();
    let mut doc_tags = Vec::new();
    let mut flags = HashMap::new();
    let mut start = 0;
    while start < sentences.len() {
        let doc = sentences[start].doc;
        let end = start + sentences[start..].iter().take_while(|s| s.doc == doc).count();
        let joined: Vec<(Vec<String>, Vec<usize>)> = sentences[start..end].iter().map(Labeled::tagger_words).collect();
        let group: Vec<&[String]> = joined.iter().map(|(w, _)| w.as_slice()).collect();
        doc_flags(&group, &mut flags);
        tagger.tag_document(&group, &|k| flags.get(&k).copied().unwrap_or(0), &mut scratch, &mut doc_tags);
        for ((s, tags), (_, starts)) in sentences[start..end].iter().zip(&doc_tags).zip(&joined) {
            // names over the tagger's words, as spans of the corpus words
            let at = |k: usize| starts.get(k).copied().unwrap_or(s.words.len());
            let pred: Vec<_> =
                spans(tags).into_iter().filter(|p| labels.contains(&p.2)).map(|(a, b, l)| (at(a), at(b), l)).collect();
            let gold: Vec<_> = iob_spans(&s.labels).into_iter().filter(|g| labels.contains(&g.2)).collect();
            scores.add(&gold, &pred);
            if list && gold != pred {
                let show = |names: &[(usize, usize, usize)]| -> String {
                    let items: Vec<String> = names
                        .iter()
                        .map(|n| format!("[{} {}]", s.words[n.0..n.1].join(" "), LABEL_NAMES[n.2]))
                        .collect();
                    items.join(" ")
                };
                scores.error_lines.push(format!(
                    "doc {}: {}\n  gold: {}\n  dyad: {}",
                    s.doc,
                    s.words.join(" "),
                    show(&gold),
                    show(&pred)
                ));
            }
            scores.sentences += 1;
            scores.tokens += s.words.len();
        }
        start = end;
    }
    scores
}

/// Tokens per second for features + tagging and for the tagger alone.
pub fn bench(tagger: &Tagger, sentences: &[Labeled]) -> (f64, f64) {
    let mut scratch = Scratch::default();
    let mut tags = Vec::new();
    let tokens: usize = sentences.iter().map(|s| s.words.len()).sum();
    let none = |_: u64| 0u8;
    let t = Instant::now();
    let mut found = 0usize;
    let mut history = PredictionHistory::default();
    for s in sentences {
        tagger.tag(&s.words, &none, &mut history, &mut scratch, &mut tags);
        found += tags.iter().filter(|&&t| t != 0).count();
    }
    let with_features = tokens as f64 / t.elapsed().as_secs_f64();
    let computed: Vec<_> = sentences
        .iter()
        .map(|s| {
            let mut f = dyad_nlp::ner::features::SentenceFeatures::default();
            f.compute(&s.words, tagger.gazetteer(), &none);
            f
        })
        .collect();
    let t = Instant::now();
    for f in &computed {
        tagger.decode(f, &history, &mut tags);
        found += tags.iter().filter(|&&t| t != 0).count();
    }
    let alone = tokens as f64 / t.elapsed().as_secs_f64();
    std::hint::black_box(found);
    (with_features, alone)
}

/// The compiled-in model, or the file named by `DYAD_NER_MODEL` (to score a
/// freshly trained model without rebuilding).
fn model() -> anyhow::Result<&'static Tagger> {
    if let Some(path) = std::env::var_os("DYAD_NER_MODEL") {
        let bytes = std::fs::read(&path).with_context(|| format!("cannot read {}", path.to_string_lossy()))?;
        let tagger = Tagger::from_bytes(&bytes).map_err(anyhow::Error::msg)?;
        return Ok(Box::leak(Box::new(tagger)));
    }
    dyad_nlp::ner::model().context("the NER model (data/ner/model.bin) is missing or unreadable; run `dyad train ner`")
}

/// Score and print; `verbose` lists every sentence with an error; `speed` adds the
/// tagging speed.
fn report(
    name: &str,
    path: &Path,
    sentences: &[Labeled],
    labels: &[usize],
    verbose: bool,
    speed: bool,
) -> anyhow::Result<Summary> {
    let tagger = model()?;
    let t = Instant::now();
    let scores = evaluate_listing(tagger, sentences, labels, verbose);
    let secs = t.elapsed().as_secs_f64();
    println!(
        "{name}: {} ({} sentences, {} tokens, {} gold entities; exact-span match)",
        path.display(),
        scores.sentences,
        scores.tokens,
        scores.gold_entities()
    );
    for line in &scores.error_lines {
        println!("{line}");
    }
    print!("{}", scores.table(labels));
    print!("{}", scores.error_summary());
    println!("annotate+score: {:.0} tokens/s", scores.tokens as f64 / secs);
    if speed {
        let (with_features, alone) = bench(tagger, sentences);
        println!("speed (one core): features+tagging {with_features:.0} tokens/s; tagger alone {alone:.0} tokens/s");
    }
    let (tp, fp, _) = scores.total();
    Ok(Summary { documents: scores.sentences, failed: 0, records: tp + fp })
}

const ALL: [usize; 4] = [0, 1, 2, 3];

/// CoNLL-2003 English test set (never used in training).
/// `DYAD_EVAL_LIMIT=N` scores only the first N sentences (for quick checks).
/// The speed is always printed.
pub fn conll(dir: &Path, verbose: bool) -> anyhow::Result<Summary> {
    let path = dir.join("nlp/conll2003/test.txt");
    let sentences = read(&path, Format::Conll, 0)?;
    let limit = std::env::var("DYAD_EVAL_LIMIT").ok().and_then(|v| v.parse().ok()).unwrap_or(usize::MAX);
    let sentences = &sentences[..limit.min(sentences.len())];
    report("CoNLL-2003 test", &path, sentences, &ALL, verbose, true)
}

/// UNER English EWT test: PER, ORG, LOC only (MISC guesses are not scored).
pub fn uner(dir: &Path, verbose: bool) -> anyhow::Result<Summary> {
    let path = dir.join("nlp/uner_english_ewt/en_ewt-ud-test.iob2");
    let sentences = read(&path, Format::Uner, 0)?;
    report("UNER English EWT test", &path, &sentences, &[0, 1, 2], verbose, verbose)
}

/// wikigold (all of it).
pub fn wikigold(dir: &Path, verbose: bool) -> anyhow::Result<Summary> {
    let path = dir.join("nlp/wikigold/wikigold.conll.txt");
    let sentences = read(&path, Format::Conll, 0)?;
    report("wikigold", &path, &sentences, &ALL, verbose, verbose)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn strings(v: &[&str]) -> Vec<String> {
        v.iter().map(|s| s.to_string()).collect()
    }

    #[test]
    fn reads_iob1_and_iob2() {
        let iob2 = strings(&["B-PER", "I-PER", "O", "B-LOC", "B-LOC", "I-MISC"]);
        assert_eq!(iob_spans(&iob2), vec![(0, 2, 0), (3, 4, 2), (4, 5, 2), (5, 6, 3)]);
        let iob1 = strings(&["I-ORG", "I-ORG", "I-PER", "O", "I-LOC"]);
        assert_eq!(iob_spans(&iob1), vec![(0, 2, 1), (2, 3, 0), (4, 5, 2)]);
        assert_eq!(iob_spans(&strings(&["B-OTH", "I-OTH"])), vec![]);
    }

    #[test]
    fn parses_the_formats() {
        let conll = "-DOCSTART- -X- -X- O\n\nEU NNP B-NP B-ORG\nrejects VBZ B-VP O\n\nPeter NNP B-NP B-PER\n\n\
                     -DOCSTART- -X- -X- O\n\nBonn NNP B-NP B-LOC\n";
        let s = parse(conll, Format::Conll, 0);
        assert_eq!(s.len(), 3);
        assert_eq!(s[0].words, strings(&["EU", "rejects"]));
        assert_eq!(s[0].labels, strings(&["B-ORG", "O"]));
        assert_eq!((s[0].doc, s[1].doc), (0, 0));
        assert_eq!(s[2].doc, 1);
        let wikiann = "en:R.H.\tB-ORG\nen:Saunders\tI-ORG\n\nen:x\tO\n";
        let s = parse(wikiann, Format::WikiAnn, 5);
        assert_eq!(s[0].words, strings(&["R.H.", "Saunders"]));
        assert_eq!((s[0].doc, s[1].doc), (5, 6));
        let uner = "# newdoc id = a\n# text = In Argentina\n1\tIn\tO\t-\t-\n2\tArgentina\tB-LOC\t-\tx\n\n\
                    # newdoc id = b\n1\tHi\tO\t-\t-\n";
        let s = parse(uner, Format::Uner, 0);
        assert_eq!(s.len(), 2);
        assert_eq!(s[0].labels, strings(&["O", "B-LOC"]));
        assert_ne!(s[0].doc, s[1].doc);
    }

    #[test]
    fn uner_words_joined_by_hyphens_are_tagged_as_one() {
        let uner =
            "# newdoc id = a\n# text = The Acme-Widget plant - not the old one - uses 3-4 well-known al-Foo tools.\n\
                    1\tThe\tO\n2\tAcme\tB-ORG\n3\t-\tI-ORG\n4\tWidget\tI-ORG\n5\tplant\tO\n6\t-\tO\n7\tnot\tO\n\
                    8\tthe\tO\n9\told\tO\n10\tone\tO\n11\t-\tO\n12\tuses\tO\n13\t3\tO\n14\t-\tO\n15\t4\tO\n\
                    16\twell\tO\n17\t-\tO\n18\tknown\tO\n19\tal\tB-PER\n20\t-\tI-PER\n21\tFoo\tI-PER\n22\ttools\tO\n\
                    23\t.\tO\n";
        let s = parse(uner, Format::Uner, 0);
        assert_eq!(s.len(), 1);
        let (words, starts) = s[0].tagger_words();
        assert_eq!(
            words,
            strings(&[
                "The",
                "Acme-Widget",
                "plant",
                "-",
                "not",
                "the",
                "old",
                "one",
                "-",
                "uses",
                "3-4",
                "well-known",
                "al-Foo",
                "tools",
                "."
            ])
        );
        assert_eq!(starts[..3], [0, 1, 4]);
        assert_eq!(starts[12], 18);
        // without the text, nothing is joined
        let plain = Labeled { glued: Vec::new(), ..s[0].clone() };
        assert_eq!(plain.tagger_words().0, plain.words);
    }

    #[test]
    fn reads_wnut_tweets_as_documents() {
        let text = "@someone\tO\nloving\tO\nlake\tB-location\ntahoe\tI-location\n\t\nacme\tB-corporation\n\
                    phones\tO\nby\tO\nthe\tO\nfoo\tB-group\nbar\tI-group\n\nok\tB-creative-work\n";
        let s = parse(text, Format::Wnut, 3);
        assert_eq!(s.len(), 3);
        assert_eq!((s[0].doc, s[1].doc, s[2].doc), (3, 4, 5));
        assert_eq!(s[0].labels, strings(&["O", "O", "B-LOC", "I-LOC"]));
        assert_eq!(iob_spans(&s[1].labels), vec![(0, 1, 1), (4, 6, 1)]);
        assert_eq!(s[2].labels, strings(&["B-MISC"]));
    }

    #[test]
    fn gum_names_are_proper_noun_mentions() {
        // made-up sentences in GUM's CoNLL-U form (id, form, lemma, upos, xpos,
        // feats, head, deprel, deps, misc)
        let rows = [
            "1\tFormer\tformer\tADJ\tJJ\t_\t4\tamod\t_\tEntity=(1-person-new-s-cf1-3-coref-Jane_Q._Doe",
            "2\tMayor\tMayor\tPROPN\tNNP\t_\t4\tcompound\t_\t_",
            "3\tJane\tJane\tPROPN\tNNP\t_\t4\tcompound\t_\t_",
            "4\tDoe\tDoe\tPROPN\tNNP\t_\t5\tnsubj\t_\tEntity=1)",
            "5\tleft\tleave\tVERB\tVBD\t_\t0\troot\t_\t_",
            "6\tthe\tthe\tDET\tDT\t_\t8\tdet\t_\tEntity=(2-place-new-s-cf1-1-coref-United_Kingdom",
            "7\tUnited\tUnite\tVERB\tNNP\t_\t8\tamod\t_\t_",
            "8\tKingdom\tKingdom\tPROPN\tNNP\t_\t5\tobj\t_\tEntity=2)",
            "9\tfor\tfor\tADP\tIN\t_\t11\tcase\t_\t_",
            "10\tthe\tthe\tDET\tDT\t_\t11\tdet\t_\tEntity=(3-place-new-s-cf1-1-sgl",
            "11\tcity\tcity\tNOUN\tNN\t_\t5\tobl\t_\tEntity=3)",
            "12\tof\tof\tADP\tIN\t_\t13\tcase\t_\t_",
            "13\tUS\tUS\tPROPN\tNNP\t_\t11\tnmod\t_\tEntity=(4-place-new-s-cf1-1-coref-United_States)",
            "14\tand\tand\tCCONJ\tCC\t_\t15\tcc\t_\t_",
            "15\tMayor\tMayor\tPROPN\tNNP\t_\t5\tconj\t_\tEntity=(5-person-new-s-cf1-1-coref-Jane_Q._Doe)",
            "16\tBob\tBob\tPROPN\tNNP\t_\t5\tconj\t_\tEntity=(6-person-new-s-cf1-1-sgl",
            "17\tRay\tRay\tPROPN\tNNP\t_\t16\tflat\t_\tEntity=6)",
            "18\tmet\tmeet\tVERB\tVBD\t_\t5\tconj\t_\t_",
            "19\tMuslims\tMuslim\tPROPN\tNNPS\t_\t18\tobj\t_\tEntity=(7-person-new-s-cf1-1-sgl)",
            "20\t.\t.\tPUNCT\t.\t_\t5\tpunct\t_\t_",
        ];
        let text = format!("# newdoc id = x\n{}\n\n1\tmayor\tmayor\tNOUN\tNN\t_\t0\troot\t_\t_\n", rows.join("\n"));
        let s = parse_gum(&text, 7);
        assert_eq!(s.len(), 2);
        assert_eq!(s[0].doc, 7);
        let names: Vec<(String, &str)> =
            iob_spans(&s[0].labels).into_iter().map(|(a, b, l)| (s[0].words[a..b].join(" "), LABEL_NAMES[l])).collect();
        let want =
            [("Jane Doe", "PER"), ("United Kingdom", "LOC"), ("US", "LOC"), ("Bob Ray", "PER"), ("Muslims", "MISC")];
        assert_eq!(names, want.map(|(a, b)| (a.to_string(), b)).to_vec());
    }

    #[test]
    fn scores_exact_spans() {
        let mut s = Scores::default();
        s.add(&[(0, 2, 0), (3, 4, 2)], &[(0, 2, 0), (3, 5, 2), (6, 7, 1)]);
        assert_eq!(s.counts[0], (1, 0, 0));
        assert_eq!(s.counts[2], (0, 1, 1));
        assert_eq!(s.counts[1], (0, 1, 0));
        let (p, r, f) = s.overall();
        assert!((p - 1.0 / 3.0).abs() < 1e-9 && (r - 0.5).abs() < 1e-9 && (f - 0.4).abs() < 1e-9);
    }
}
