//! WARC records: headers, Content-Length, HTTP responses, chunked and gzip bodies.
#![no_main]
#[path = "common.rs"]
mod common;
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    common::ingest("fuzz.warc", data, 1 << 20);
});
