//! `dyad eval SET`: score dyad against a reference set and print the figures.
//! The sets live in `../shared/data` (or `--data DIR`); a missing set is an error
//! that names the path, so a run without the sets says so plainly.

pub mod events;
pub mod extraction;
pub mod ner;
pub mod plover;
pub mod plover_cameo;
pub mod political_news;
pub mod pos;

use crate::Summary;
use clap::ValueEnum;
use std::path::{Path, PathBuf};

#[derive(Clone, Copy, Debug, PartialEq, Eq, ValueEnum)]
pub enum EvalSet {
    /// PETRARCH-2 gold standard: 78 GigaWord sentences with gold CAMEO events
    PetrarchGsr,
    /// PETRARCH validation suite: 264 made-up sentences with the suite's own dictionaries
    PetrarchUnit,
    /// ZSP PLOVER sentences: 1,050 news sentences with marked actors and gold PLOVER category
    Plover,
    /// CAMEO manual sentences coded in early PLOVER (0.5b1): 322 sentences, categories mapped to PLOVER 2
    PloverCameo,
    /// Zyte article-extraction benchmark: 181 news pages with gold article text
    Aeb,
    /// WCXB dev split, article pages: gold text and title
    Wcxb,
    /// htmldate set: 1,000 pages with gold publication dates
    Htmldate,
    /// CoNLL-2003 English test: named entities (PER, ORG, LOC, MISC), exact-span F1
    Conll,
    /// UNER English EWT test: named entities (PER, ORG, LOC), exact-span F1
    Uner,
    /// wikigold: named entities (PER, ORG, LOC, MISC) in Wikipedia text
    Wikigold,
    /// Events kept and set aside by the test of political news, on AEB and htmldate pages labelled by their titles
    PoliticalNews,
    /// Part-of-speech accuracy (Penn Treebank tags) on UD English EWT test and GUM news test
    Pos,
}

/// The reference data folder: `--data`, else `../shared/data` beside the checkout.
pub fn data_dir(given: Option<&Path>) -> PathBuf {
    given.map(Path::to_path_buf).unwrap_or_else(|| PathBuf::from("../shared/data"))
}

pub fn run(set: EvalSet, data: Option<&Path>, verbose: bool) -> anyhow::Result<Summary> {
    let dir = data_dir(data);
    match set {
        EvalSet::PetrarchGsr => events::petrarch_gsr(&dir, verbose),
        EvalSet::PetrarchUnit => events::petrarch_unit(&dir, verbose),
        EvalSet::Plover => plover::run(&dir, verbose),
        EvalSet::PloverCameo => plover_cameo::run(&dir, verbose),
        EvalSet::Aeb => extraction::aeb(&dir, verbose),
        EvalSet::Wcxb => extraction::wcxb(&dir, verbose),
        EvalSet::Htmldate => extraction::htmldate(&dir, verbose),
        EvalSet::Conll => ner::conll(&dir, verbose),
        EvalSet::Uner => ner::uner(&dir, verbose),
        EvalSet::Wikigold => ner::wikigold(&dir, verbose),
        EvalSet::PoliticalNews => political_news::run(&dir, verbose),
        EvalSet::Pos => pos::run(&dir),
    }
}
