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
# Usage: bench/compile-examples.sh [--max-n N | --n N] [--repeat K] [example ...]
#   --max-n N   grow n up to N (default 64)         e.g. bench/compile-examples.sh --max-n 16 gcn gin
#   --n N       only n = N                           e.g. bench/compile-examples.sh --n 8 gin gcn
#   --repeat K  compile each K times, keep the fastest (on a shared machine the minimum is the least
#               disturbed figure; the row says "best of K")
# Heap: TC0_JAVA_OPTS (default -Xmx20g, for a 24 GiB machine). Stage times: tc0 compile --timings.
# After the table, a line says how fast the machine then handed out fresh memory (tc0 bench-builder
# --touch 1024): a large compile touches gigabytes, and on a VM that backs guest memory lazily the first
# touch can be ten times slower than memory the guest has had before, which moves the wall times above.
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
min_n=4
max_n=64
repeat=1
while [[ $# -gt 0 ]]; do
  case "$1" in
    --max-n) max_n="$2"; shift 2 ;;
    --n) min_n="$2"; max_n="$2"; shift 2 ;;
    --repeat) repeat="$2"; shift 2 ;;
    -h|--help) sed -n '2,/^set -euo/p' "${BASH_SOURCE[0]}" | sed '$d; s/^# \{0,1\}//'; exit 0 ;;
    -*) echo "compile-examples: unknown option $1 (see --help)" >&2; exit 2 ;;
    *) break ;;
  esac
done
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
  n=$min_n
  while ((n <= max_n)); do
    out="$tmp/$m-$n.tc0c"
    wall=""; failed=""
    for ((r = 0; r < repeat; r++)); do
      if ! timeout "$limit" /usr/bin/time -f "%e %M" -o "$tmp/time" \
          "$root/tc0" compile "$root/examples/$m.tc0" --set "n=$n" -o "$out" >"$tmp/stdout" 2>"$tmp/stderr"; then
        failed=1
        break
      fi
      read -r w k <"$tmp/time"
      if [[ -z "$wall" ]] || awk -v a="$w" -v b="$wall" 'BEGIN { exit !(a < b) }'; then wall="$w"; rss_kb="$k"; fi
    done
    if [[ -n "$failed" ]]; then
      reason="$(grep -v '^Command exited' "$tmp/stderr" | tail -1 | cut -c1-120)"
      [[ -z "$reason" ]] && reason="over ${limit} s"
      echo "| $m | $n | (stops: $reason) | | | | | |"
      break
    fi
    line="$(cat "$tmp/stdout")" # "M.tc0: G gates, W wires, depth D, width X -> ..."
    gates="$(sed -nE 's/.*: ([0-9,]+) gates.*/\1/p' <<<"$line")"
    wires="$(sed -nE 's/.* ([0-9,]+) wires.*/\1/p' <<<"$line")"
    depth="$(sed -nE 's/.*depth ([0-9]+).*/\1/p' <<<"$line")"
    rate="$(awk -v g="${gates//,/}" -v s="$wall" 'BEGIN { printf "%.2f M", g / s / 1e6 }')"
    gb="$(awk -v k="$rss_kb" 'BEGIN { printf "%.2f GB", k / 1048576 }')"
    best=""; ((repeat > 1)) && best=" (best of $repeat)"
    echo "| $m | $n | $gates | $wires | $depth | ${wall} s$best | $gb | $rate |"
    rm -f "$out"
    n=$((n * 2))
  done
done
probe="$("$root/tc0" bench-builder --touch 1024 --json)"
echo
rate() { grep -oE "\"$1\" *: *[0-9]+" <<<"$probe" | grep -oE '[0-9]+$'; }
echo "memory after the runs: $(rate firstTouchMBps) MB/s first touched, $(rate touchedAgainMBps) MB/s touched again" \
  "(tc0 bench-builder --touch 1024)"
