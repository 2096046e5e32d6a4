//! JSONL documents (and, with an unknown name, the sniffing of what an input is).
#![no_main]
#[path = "common.rs"]
mod common;
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let Some((&flags, bytes)) = data.split_first() else { return };
    // a small limit now and then, to reach the overlong-line path
    let max = if flags & 2 == 0 { 1 << 20 } else { 64 };
    let name = if flags & 1 == 0 { "fuzz.jsonl" } else { "fuzz-input" };
    common::ingest(name, bytes, max);
});
