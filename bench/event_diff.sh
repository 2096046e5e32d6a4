#!/usr/bin/env bash
# Which events a change to the coder adds, drops or recodes, over every distinct sentence
# of the ZSP PLOVER set (1,044), each coded as its own document: the evals score only the
# marked pair of each sentence, this shows every event. Prints the events as CSV rows
# (date, actors, codes, flags, trigger and the sentence; without the document and event
# ids, which shift when an event comes or goes), OLD's "-" and NEW's "+", and a count.
#
#   bench/event_diff.sh OLD_DYAD NEW_DYAD            e.g. a saved build against target/release/dyad
#   DATA=../shared/data bench/event_diff.sh old new
set -euo pipefail
cd "$(dirname "$0")/.."
if [ $# -ne 2 ]; then
  echo "usage: bench/event_diff.sh OLD_DYAD NEW_DYAD" >&2
  exit 2
fi
data="${DATA:-../shared/data}"
zsp="$data/events/plover/ZSP_PLV_train.tsv"
if [ ! -f "$zsp" ]; then
  echo "bench/event_diff.sh: $zsp not found (the reference sets live beside the checkout)" >&2
  exit 2
fi
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
# the sentence is the third column; the header line is skipped
tail -n +2 "$zsp" | cut -f3 | sort -u > "$work/sentences.txt"
for side in old new; do
  bin="$1"
  [ "$side" = new ] && bin="$2"
  # (the two id columns hold no commas: cutting them off keeps the quoted fields whole)
  "$bin" code --lines --format csv --published 2020-01-01 "$work/sentences.txt" | cut -d, -f3- > "$work/$side.txt"
done
diff -U0 "$work/old.txt" "$work/new.txt" | grep -v '^@@' || true
echo "$(grep -c . "$work/sentences.txt") sentences; events: $(($(wc -l < "$work/old.txt") - 1)) before, $(($(wc -l < "$work/new.txt") - 1)) after"
