//! RSS 2.0, RSS 1.0 and Atom feeds (quick-xml), each item through the pipeline.
#![no_main]
#[path = "common.rs"]
mod common;
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    common::ingest("fuzz.rss", data, 1 << 20);
});
