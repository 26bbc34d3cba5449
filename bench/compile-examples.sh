#!/usr/bin/env bash
# End-to-end compile figures per example: gates, wires, depth, wall time, peak memory, throughput.
#
# For every example (or those named) and n = 4, 8, 16, ... it runs
#     /usr/bin/time ./tc0 compile examples/M.tc0 --set n=N -o $TMP/M-N.tc0c
# and prints one markdown row: wall time includes JVM start, checking, elaboration, lowering, hashing and
# writing the file; "max RSS" is the process's peak resident memory. An example stops growing n at its
# first failure (too large for --max-gates or memory, an op not lowered) or when a compile passes
# TC0_COMPILE_LIMIT seconds (default 600).
#
# Usage: bench/compile-examples.sh [--max-n N] [example ...]     e.g. bench/compile-examples.sh --max-n 16 gcn gin
# Heap: TC0_JAVA_OPTS (default -Xmx20g, for a 24 GiB machine).
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
max_n=64
if [[ "${1:-}" == "--max-n" ]]; then max_n="$2"; shift 2; fi
limit="${TC0_COMPILE_LIMIT:-600}"
export TC0_JAVA_OPTS="${TC0_JAVA_OPTS:--Xmx20g}"
command -v /usr/bin/time >/dev/null || { echo "compile-examples: /usr/bin/time is missing (Debian: apt-get install time)" >&2; exit 2; }
names=("$@")
if [[ ${#names[@]} -eq 0 ]]; then
  for f in "$root"/examples/*.tc0; do names+=("$(basename "$f" .tc0)"); done
fi
tmp="$(mktemp -d)"
trap 'rm -rf "$tmp"' EXIT
"$root/tc0" --version >/dev/null # build the CLI first, outside the timings

echo "| example | n | gates | wires | depth | wall | max RSS | gates/s |"
echo "|---|---:|---:|---:|---:|---:|---:|---:|"
for m in "${names[@]}"; do
  n=4
  while ((n <= max_n)); do
    out="$tmp/$m-$n.tc0c"
    if ! timeout "$limit" /usr/bin/time -f "%e %M" -o "$tmp/time" \
        "$root/tc0" compile "$root/examples/$m.tc0" --set "n=$n" -o "$out" >"$tmp/stdout" 2>"$tmp/stderr"; then
      reason="$(grep -v '^Command exited' "$tmp/stderr" | tail -1 | cut -c1-120)"
      [[ -z "$reason" ]] && reason="over ${limit} s"
      echo "| $m | $n | (stops: $reason) | | | | | |"
      break
    fi
    read -r wall rss_kb <"$tmp/time"
    line="$(cat "$tmp/stdout")" # "M.tc0: G gates, W wires, depth D, width X -> ..."
    gates="$(sed -nE 's/.*: ([0-9,]+) gates.*/\1/p' <<<"$line")"
    wires="$(sed -nE 's/.* ([0-9,]+) wires.*/\1/p' <<<"$line")"
    depth="$(sed -nE 's/.*depth ([0-9]+).*/\1/p' <<<"$line")"
    rate="$(awk -v g="${gates//,/}" -v s="$wall" 'BEGIN { printf "%.2f M", g / s / 1e6 }')"
    gb="$(awk -v k="$rss_kb" 'BEGIN { printf "%.2f GB", k / 1048576 }')"
    echo "| $m | $n | $gates | $wires | $depth | ${wall} s | $gb | $rate |"
    rm -f "$out"
    n=$((n * 2))
  done
done
