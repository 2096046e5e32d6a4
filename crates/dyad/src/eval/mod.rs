//! `dyad eval SET`: score dyad against a reference set and print the figures.

pub mod events;
pub mod plover;

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
}

pub fn data_dir(given: Option<&Path>) -> PathBuf {
    given.map(Path::to_path_buf).unwrap_or_else(|| PathBuf::from("../shared/data"))
}

pub fn run(set: EvalSet, data: Option<&Path>, verbose: bool) -> anyhow::Result<Summary> {
    let dir = data_dir(data);
    match set {
        EvalSet::PetrarchGsr => events::petrarch_gsr(&dir, verbose),
        EvalSet::PetrarchUnit => events::petrarch_unit(&dir, verbose),
        EvalSet::Plover => plover::run(&dir),
    }
}
