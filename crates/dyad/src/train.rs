//! `dyad train ner`: train the NER tagger from the public corpora in
//! `../shared/data/nlp` and the gazetteers, and write `data/ner/model.bin`.
//!
//! Training data: CoNLL-2003 train, wikigold, UNER EWT dev, WNUT17 train and dev
//! and the GUM news documents outside GUM's test split by default (`--corpora`;
//! WikiANN train is available but its silver labels cost about 8 points of dev
//! F1); the CoNLL-2003 valid set is the dev set that picks the epoch. The CoNLL-2003
//! and UNER test sets are never read here. The same data, options and seeds give a
//! byte-identical model.

use crate::eval::ner::{evaluate, iob_spans, read, read_gum, Format, Labeled};
use crate::Summary;
use anyhow::{bail, Context};
use clap::Subcommand;
use dyad_nlp::ner::gazetteer::{Gazetteer, GAZ_NAMES};
use dyad_nlp::ner::model::{average, bilou};
use dyad_nlp::ner::train::{train, Example, HistorySource, Options};
use dyad_nlp::ner::Tagger;
use std::path::{Path, PathBuf};
use std::time::Instant;

#[derive(Subcommand)]
pub enum TrainCommand {
    /// Train the part-of-speech tagger (Penn Treebank tags) from UD English EWT train
    /// and the GUM news training documents; EWT dev picks the epoch
    Pos {
        /// Folder with nlp/ (the reference data)
        #[arg(long, default_value = "../shared/data")]
        data: PathBuf,
        /// Output folder for model.bin
        #[arg(long, default_value = "data/pos")]
        out: PathBuf,
        #[arg(long, default_value_t = 1)]
        seed: u64,
        #[arg(long, default_value_t = 10)]
        epochs: usize,
        /// Quantisation step of the stored weights
        #[arg(long, default_value_t = 0.02)]
        step: f32,
    },
    /// Train the named-entity tagger (PER, ORG, LOC, MISC)
    Ner {
        /// Folder with nlp/ and gazetteers/ (the reference data)
        #[arg(long, default_value = "../shared/data")]
        data: PathBuf,
        /// Folder with dyad's actor dictionaries (*.tsv), for gazetteer features
        #[arg(long, default_value = "data/actors")]
        actors: PathBuf,
        /// Output folder for model.bin
        #[arg(long, default_value = "data/ner")]
        out: PathBuf,
        /// Seeds of the example order, comma-separated: a tagger is trained for
        /// each and their weights are averaged
        #[arg(long, default_value = "1,2,3", value_delimiter = ',')]
        seed: Vec<u64>,
        #[arg(long, default_value_t = 10)]
        epochs: usize,
        /// Training corpora, comma-separated: conll, wikigold, uner, wnut17, gum, wikiann
        #[arg(long, default_value = "conll,wikigold,uner,wnut17,gum", value_delimiter = ',')]
        corpora: Vec<String>,
        /// Hold out every Nth document of UNER dev from training and score it each
        /// epoch (0: train on all of it), to choose options for web text
        #[arg(long, default_value_t = 0)]
        uner_hold_out: u32,
        /// Static features seen fewer times are dropped
        #[arg(long, default_value_t = 1)]
        min_count: u32,
        /// Quantisation step of the stored weights
        #[arg(long, default_value_t = 0.05)]
        step: f32,
        /// Features whose mean weights all lie within this distance of 0 are left out
        #[arg(long, default_value_t = 0.5)]
        prune: f32,
        /// Where the prediction history learns from while training: jackknife
        /// (a tagger trained on the other half of the documents) or off
        #[arg(long, default_value = "jackknife", value_parser = ["jackknife", "off"])]
        history: String,
        /// Whether the tagger learns a second pass over each document that sees
        /// what the first said about the other occurrences of each word (on, off)
        #[arg(long, default_value = "on", value_parser = ["on", "off"])]
        aggregate: String,
    },
}

pub fn run(command: TrainCommand) -> anyhow::Result<Summary> {
    match command {
        TrainCommand::Pos { data, out, seed, epochs, step } => {
            pos(&data, &out, &dyad_nlp::pos::train::Options { epochs, seed, step, ..Default::default() })
        }
        TrainCommand::Ner {
            data,
            actors,
            out,
            seed,
            epochs,
            corpora,
            uner_hold_out,
            min_count,
            step,
            prune,
            history,
            aggregate,
        } => {
            let history = if history == "off" { HistorySource::Off } else { HistorySource::Jackknife };
            let aggregate = aggregate == "on";
            let opts =
                Options { epochs, seed: seed.first().copied().unwrap_or(1), min_count, step, history, aggregate };
            let setup = NerSetup { corpora: &corpora, uner_hold_out, seeds: &seed, prune };
            ner(&data, &actors, &out, &setup, &opts)
        }
    }
}

/// What `dyad train ner` trains on and how it combines the taggers (see its options).
struct NerSetup<'a> {
    corpora: &'a [String],
    uner_hold_out: u32,
    seeds: &'a [u64],
    prune: f32,
}

fn ner(data: &Path, actors: &Path, out: &Path, setup: &NerSetup, opts: &Options) -> anyhow::Result<Summary> {
    let NerSetup { corpora, uner_hold_out, seeds, prune } = *setup;
    let started = Instant::now();
    let nlp = data.join("nlp");
    let mut examples: Vec<Example> = Vec::new();
    let mut uner_dev: Vec<Labeled> = Vec::new();
    let mut next_doc = 0u32;
    for name in corpora {
        let (mut sentences, has_misc) = match name.as_str() {
            "conll" => (read(&nlp.join("conll2003/train.txt"), Format::Conll, next_doc)?, true),
            "wikigold" => (read(&nlp.join("wikigold/wikigold.conll.txt"), Format::Conll, next_doc)?, true),
            "uner" => (read(&nlp.join("uner_english_ewt/en_ewt-ud-dev.iob2"), Format::Uner, next_doc)?, false),
            "wikiann" => (read(&nlp.join("wikiann_en/train"), Format::WikiAnn, next_doc)?, false),
            "wnut17" => {
                let mut s = read(&nlp.join("wnut17/wnut17train.conll"), Format::Wnut, next_doc)?;
                let first = s.iter().map(|s| s.doc + 1).max().unwrap_or(next_doc);
                s.extend(read(&nlp.join("wnut17/emerging.dev.conll"), Format::Wnut, first)?);
                (s, false)
            }
            // GUM's news test documents are held out, as for the part-of-speech tagger
            "gum" => (read_gum(&nlp.join("gum_news"), crate::eval::pos::GUM_TEST, next_doc)?, false),
            other => bail!("unknown corpus {other:?} (conll, wikigold, uner, wnut17, gum, wikiann)"),
        };
        if name == "uner" && uner_hold_out > 0 {
            let (held, kept): (Vec<Labeled>, Vec<Labeled>) =
                sentences.into_iter().partition(|s| (s.doc - next_doc).is_multiple_of(uner_hold_out));
            eprintln!("train: uner: {} sentences held out (every {uner_hold_out}th document)", held.len());
            uner_dev = held;
            sentences = kept;
        }
        let tokens: usize = sentences.iter().map(|s| s.words.len()).sum();
        eprintln!("train: {name}: {} sentences, {tokens} tokens", sentences.len());
        next_doc = sentences.iter().map(|s| s.doc + 1).max().unwrap_or(next_doc).max(next_doc);
        examples.extend(sentences.into_iter().map(|s| to_example(s, has_misc)));
    }
    let dev = read(&nlp.join("conll2003/valid.txt"), Format::Conll, 0)?;
    let names = gazetteer_names(data, actors)?;
    let (gaz, entries) = Gazetteer::build(names.iter().map(|(n, c)| (n.as_str(), *c)));
    eprintln!(
        "train: gazetteer: {} names, {} distinct ({} lists), longest {} words; read in {:.1}s",
        names.len(),
        entries.len(),
        GAZ_NAMES.len(),
        gaz.max_len(),
        started.elapsed().as_secs_f64()
    );
    let t = Instant::now();
    let score = |tagger: &Tagger| -> (f64, String) {
        let (p, r, f) = evaluate(tagger, &dev, &[0, 1, 2, 3]).overall();
        let held = if uner_dev.is_empty() {
            String::new()
        } else {
            let (p, r, f) = evaluate(tagger, &uner_dev, &[0, 1, 2]).overall();
            format!(" | UNER held out P {p:.4} R {r:.4} F1 {f:.4}")
        };
        (f, format!("dev (CoNLL valid) P {p:.4} R {r:.4} F1 {f:.4}{held}"))
    };
    let mut models = Vec::new();
    for &seed in seeds {
        eprintln!("train: seed {seed}");
        let opts = Options { seed, ..*opts };
        models.push(train(&examples, &entries, gaz.max_len(), &opts, |e| {
            let (f, line) = score(e.tagger);
            eprintln!(
                "epoch {:>2}: train errors {:.2}% | {line} | {} features, {:.2} MB | {:.1}s",
                e.epoch,
                100.0 * e.mistakes as f64 / e.tokens.max(1) as f64,
                e.tagger.features(),
                e.model_bytes as f64 / 1e6,
                t.elapsed().as_secs_f64()
            );
            f
        }));
    }
    let taggers: Vec<Tagger> =
        models.iter().map(|b| Tagger::from_bytes(b)).collect::<Result<_, _>>().map_err(anyhow::Error::msg)?;
    let model = average(&taggers, opts.step, prune);
    let tagger = Tagger::from_bytes(&model).map_err(anyhow::Error::msg)?;
    eprintln!("train: mean of seeds {seeds:?}: {} | {} features", score(&tagger).1, tagger.features());
    std::fs::create_dir_all(out).with_context(|| format!("cannot create {}", out.display()))?;
    let path = out.join("model.bin");
    std::fs::write(&path, &model).with_context(|| format!("cannot write {}", path.display()))?;
    eprintln!(
        "train: wrote {} ({:.2} MB); training {:.1}s, total {:.1}s",
        path.display(),
        model.len() as f64 / 1e6,
        t.elapsed().as_secs_f64(),
        started.elapsed().as_secs_f64()
    );
    Ok(Summary { documents: examples.len(), failed: 0, records: 1 })
}

fn to_example(s: Labeled, has_misc: bool) -> Example {
    let tags = bilou(s.words.len(), &iob_spans(&s.labels));
    Example { words: s.words, tags, has_misc, doc: s.doc }
}

/// Gazetteer list indices (see `GAZ_NAMES`).
const CITY: usize = 0;
const COUNTRY: usize = 1;
const NATIONALITY: usize = 2;
const ACTOR_COUNTRY: usize = 3;
const ACTOR_PERSON: usize = 4;
const ACTOR_ORG: usize = 5;
const ACTOR_PLACE: usize = 6;
const FIRST_NAME: usize = 7;
const LAST_NAME: usize = 8;
const ORG_WORD: usize = 9;
const EXTRA_LOCATION: usize = 10;

const REGIONS: &[&str] = &[
    "Africa",
    "Asia",
    "Europe",
    "North America",
    "South America",
    "Latin America",
    "Central America",
    "Middle East",
    "Near East",
    "Far East",
    "Oceania",
    "Antarctica",
    "Arctic",
    "Balkans",
    "Caribbean",
    "Scandinavia",
    "Gulf",
    "Persian Gulf",
    "Sahel",
    "Caucasus",
    "Central Asia",
    "Southeast Asia",
    "South Asia",
    "East Asia",
    "West Africa",
    "East Africa",
    "Horn of Africa",
    "Eastern Europe",
    "Western Europe",
    "Mediterranean",
    "Pacific",
    "Atlantic",
    "Indian Ocean",
    "Black Sea",
    "Red Sea",
    "Baltic",
    "West Bank",
    "Gaza Strip",
    "Kashmir",
];

/// All gazetteer names with their lists, in a fixed order.
fn gazetteer_names(data: &Path, actors: &Path) -> anyhow::Result<Vec<(String, usize)>> {
    let mut names: Vec<(String, usize)> = Vec::new();
    let gaz = data.join("gazetteers");
    // GeoNames cities: name, ASCII name, and ASCII alternate names of big cities
    let path = gaz.join("geonames/cities15000.txt");
    let text = std::fs::read_to_string(&path).with_context(|| format!("cannot read {}", path.display()))?;
    for line in text.lines() {
        let cols: Vec<&str> = line.split('\t').collect();
        if cols.len() < 15 {
            continue;
        }
        names.push((cols[1].to_string(), CITY));
        if cols[2] != cols[1] {
            names.push((cols[2].to_string(), CITY));
        }
        let population: u64 = cols[14].parse().unwrap_or(0);
        if population >= 200_000 {
            for alt in cols[3].split(',') {
                let ok = alt.is_ascii()
                    && alt.chars().next().is_some_and(|c| c.is_ascii_uppercase())
                    && alt.split_whitespace().count() <= 3;
                if ok {
                    names.push((alt.to_string(), CITY));
                }
            }
        }
    }
    // GeoNames countries and capitals
    let path = gaz.join("geonames/countryInfo.txt");
    let text = std::fs::read_to_string(&path).with_context(|| format!("cannot read {}", path.display()))?;
    for line in text.lines().filter(|l| !l.trim_start_matches('\u{feff}').starts_with('#')) {
        let cols: Vec<&str> = line.split('\t').collect();
        if cols.len() > 5 {
            names.push((cols[4].to_string(), COUNTRY));
            names.push((cols[5].to_string(), CITY));
        }
    }
    // country_data.tsv: short and official names
    let path = gaz.join("countries/country_data.tsv");
    let text = std::fs::read_to_string(&path).with_context(|| format!("cannot read {}", path.display()))?;
    for line in text.lines().skip(1) {
        let cols: Vec<&str> = line.split('\t').collect();
        if cols.len() > 1 {
            names.push((cols[0].to_string(), COUNTRY));
            names.push((cols[1].to_string(), COUNTRY));
        }
    }
    // pycountry ISO 3166-1 names
    let path = gaz.join("countries/pycountry/iso3166-1.json");
    let text = std::fs::read_to_string(&path).with_context(|| format!("cannot read {}", path.display()))?;
    let json: serde_json::Value =
        serde_json::from_str(&text).with_context(|| format!("bad JSON in {}", path.display()))?;
    for c in json.get("3166-1").and_then(|v| v.as_array()).into_iter().flatten() {
        for key in ["name", "official_name", "common_name"] {
            if let Some(n) = c.get(key).and_then(|v| v.as_str()) {
                names.push((n.to_string(), COUNTRY));
            }
        }
    }
    // nationalities: "german:DE"
    let path = gaz.join("geonames/nationalities.txt");
    let text = std::fs::read_to_string(&path).with_context(|| format!("cannot read {}", path.display()))?;
    for line in text.lines().filter(|l| !l.starts_with('#')) {
        if let Some((n, _)) = line.split_once(':') {
            names.push((n.to_string(), NATIONALITY));
        }
    }
    for r in REGIONS {
        names.push((r.to_string(), EXTRA_LOCATION));
    }
    // dyad's actor dictionaries, by kind
    let mut files: Vec<PathBuf> = std::fs::read_dir(actors)
        .with_context(|| format!("cannot read {}", actors.display()))?
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.extension().is_some_and(|x| x == "tsv"))
        .collect();
    files.sort();
    for path in files {
        let text = std::fs::read_to_string(&path).with_context(|| format!("cannot read {}", path.display()))?;
        for line in text.lines().filter(|l| !l.starts_with('#')) {
            let cols: Vec<&str> = line.split('\t').collect();
            if cols.len() < 4 {
                continue;
            }
            let list = match cols[1] {
                "country" => ACTOR_COUNTRY,
                "person" => ACTOR_PERSON,
                "org" | "group" => ACTOR_ORG,
                "place" => ACTOR_PLACE,
                _ => continue,
            };
            for name in cols[3].split(';').map(str::trim).filter(|n| !n.is_empty()) {
                names.push((name.to_string(), list));
                let words: Vec<&str> = name.split_whitespace().collect();
                if words.len() >= 2 {
                    if list == ACTOR_PERSON {
                        names.push((words[0].to_string(), FIRST_NAME));
                        names.push((words[words.len() - 1].to_string(), LAST_NAME));
                    } else if list == ACTOR_ORG {
                        names.push((words[words.len() - 1].to_string(), ORG_WORD));
                    }
                }
            }
        }
    }
    Ok(names)
}

fn pos(data: &Path, out: &Path, opts: &dyad_nlp::pos::train::Options) -> anyhow::Result<Summary> {
    use crate::eval::pos::{read_conllu, read_gum, GUM_DEV, GUM_TEST};
    let started = Instant::now();
    let nlp = data.join("nlp");
    let mut train_set = read_conllu(&nlp.join("ud_english_ewt/en_ewt-ud-train.conllu"))?;
    let held_out: Vec<&str> = GUM_DEV.iter().chain(GUM_TEST).copied().collect();
    let gum = read_gum(&nlp.join("gum_news"), &held_out, false)?;
    eprintln!("train pos: EWT train {} sentences, GUM news train {} sentences", train_set.len(), gum.len());
    train_set.extend(gum);
    let dev = read_conllu(&nlp.join("ud_english_ewt/en_ewt-ud-dev.conllu"))?;
    let (bytes, accuracies) = dyad_nlp::pos::train::train(&train_set, &dev, opts);
    for (i, a) in accuracies.iter().enumerate() {
        eprintln!("train pos: epoch {}: EWT dev accuracy {a:.4}", i + 1);
    }
    std::fs::create_dir_all(out).with_context(|| format!("creating {}", out.display()))?;
    let path = out.join("model.bin");
    std::fs::write(&path, &bytes).with_context(|| format!("writing {}", path.display()))?;
    eprintln!("train pos: wrote {} ({} bytes) in {:.1}s", path.display(), bytes.len(), started.elapsed().as_secs_f64());
    Ok(Summary { documents: train_set.len(), failed: 0, records: bytes.len() })
}
