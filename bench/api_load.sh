#!/usr/bin/env bash
# Bounded local load test of GET /api/events (issue 6): build a store from examples/,
# grow it to EVENTS events (copies shifted a week per round), then send REQUESTS requests
# CONCURRENCY at a time on loopback with a mix of filtered queries, after the same load on
# a static endpoint as the baseline. Prints p50/p90/p99 for both and their ratios.
#
#   bench/api_load.sh [EVENTS=100000] [REQUESTS=10000] [CONCURRENCY=50]
#
# PROFILE=dev uses the debug build (dependencies, SQLite included, are optimised there too).
set -euo pipefail
cd "$(dirname "$0")/.."
events="${1:-100000}" requests="${2:-10000}" concurrency="${3:-50}"
profile="${PROFILE:-release}"
flag=(--release); dir=release
if [ "$profile" = dev ]; then flag=(); dir=debug; fi
target="${CARGO_TARGET_DIR:-target}"
# two builds: with --example, cargo builds only the example, not the dyad binary
cargo build "${flag[@]}" -p dyad --bin dyad
cargo build "${flag[@]}" -p dyad-server --example load
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
"$target/$dir/dyad" ingest examples --db "$work/seed.db" 2>/dev/null
"$target/$dir/examples/load" "$work/seed.db" "$events" "$requests" "$concurrency"
