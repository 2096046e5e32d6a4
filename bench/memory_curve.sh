#!/usr/bin/env bash
# Memory over a long stream: N generated tiny documents (default 1,000,000, JSONL on
# stdin) through `dyad code` (events to /dev/null) and `dyad ingest` (into a temporary
# store), sampling the process's resident set (VmRSS in /proc/PID/status) every
# INTERVAL seconds. Prints one line per sample: mode, seconds, input read (MB and
# documents, from /proc/PID/io rchar), VmRSS (MB). Bounded memory shows as a flat
# curve once the dictionaries are loaded.
#
#   bench/memory_curve.sh                  both modes, 1M documents, release build
#   N=200000 INTERVAL=2 bench/memory_curve.sh code
#   DYAD=/path/to/dyad bench/memory_curve.sh ingest
set -euo pipefail
cd "$(dirname "$0")/.."
n="${N:-1000000}"
interval="${INTERVAL:-5}"
modes=("$@")
if [ ${#modes[@]} -eq 0 ]; then modes=(code ingest); fi
if [ -z "${DYAD:-}" ]; then
  cargo build --release -q -p dyad
  DYAD="${CARGO_TARGET_DIR:-target}/release/dyad"
fi
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT

# Documents of exactly LINE bytes each, so bytes read give documents read.
generate() {
  awk -v n="$n" 'BEGIN {
    split("Kenya Ethiopia Russia Ukraine Turkey Syria Sudan Chad Iran Israel", a, " ");
    split("accused met attacked praised threatened criticized", v, " ");
    split("Monday Tuesday Wednesday Thursday Friday", d, " ");
    for (i = 0; i < n; i++) {
      s = sprintf("%s %s %s on %s, report %07d.", a[i % 10 + 1], v[int(i / 10) % 6 + 1], a[int(i / 7) % 10 + 1], d[i % 5 + 1], i);
      printf "{\"url\":\"https://news.example/%07d\",\"published\":\"2024-07-09\",\"text\":\"%-60s\"}\n", i, s;
    }
  }'
}
line_bytes=$(n=1 generate | wc -c)

sample() { # pid mode start
  local pid=$1 mode=$2 start=$3
  while kill -0 "$pid" 2>/dev/null; do
    local rss rchar now
    rss=$(awk '/^VmRSS/ {print $2}' "/proc/$pid/status" 2>/dev/null || true)
    rchar=$(awk '/^rchar/ {print $2}' "/proc/$pid/io" 2>/dev/null || true)
    now=$(date +%s.%N)
    if [ -n "$rss" ] && [ -n "$rchar" ]; then
      if [ "$mode" = ingest ]; then
        # SQLite's own page reads count in rchar: progress is the store's size instead
        local db_bytes
        db_bytes=$(stat -c %s "$work/mem.db" 2>/dev/null || echo 0)
        awk -v t="$(echo "$now - $start" | bc)" -v d="$db_bytes" -v k="$rss" \
          'BEGIN { printf "ingest %7.1f s  store %8.1f MB  VmRSS %7.1f MB\n", t, d / 1e6, k / 1024 }'
      else
        awk -v m="$mode" -v t="$(echo "$now - $start" | bc)" -v r="$rchar" -v k="$rss" -v lb="$line_bytes" \
          'BEGIN { printf "%-6s %7.1f s  %8.1f MB read  %8d docs  VmRSS %7.1f MB\n", m, t, r / 1e6, r / lb, k / 1024 }'
      fi
    fi
    sleep "$interval"
  done
}

for mode in "${modes[@]}"; do
  start=$(date +%s.%N)
  case "$mode" in
    code) generate | "$DYAD" code - >/dev/null 2>"$work/code.err" & ;;
    ingest) generate | "$DYAD" ingest - --db "$work/mem.db" --batch-size 256 >/dev/null 2>"$work/ingest.err" & ;;
    *) echo "unknown mode $mode (code or ingest)" >&2; exit 2 ;;
  esac
  pid=$!
  sample "$pid" "$mode" "$start"
  wait "$pid" || { echo "$mode failed:"; tail -n5 "$work/$mode.err"; exit 1; }
  echo "$mode done: $n documents in $(echo "$(date +%s.%N) - $start" | bc | cut -c1-6) s; $(tail -n1 "$work/$mode.err")"
done
