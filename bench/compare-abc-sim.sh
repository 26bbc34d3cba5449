#!/usr/bin/env bash
# Random simulation, tc0 against Berkeley ABC, in one run on one machine.
#
# ABC:  berkeley-abc -c "&r X.aig; &sim2 -W 16 -R 100 X.aig X.aig"
#       16 words of 64 patterns x 100 rounds = 102,400 patterns. &sim2 simulates BOTH files (here the
#       same one twice) and compares their outputs; its "Time =" line (the simulation loop, reading
#       excluded) is what we report. Per circuit, ABC's work is half of that.
# tc0:  ./tc0 bench X.aig --patterns 102400 --threads 1   (and --threads $(nproc))
#       "seconds" = median time of one evaluation of all patterns; loading and compiling excluded.
#
# Usage: bench/compare-abc-sim.sh [X.aig ...]   (default: hyp.aig and mem_ctrl.aig from the EPFL suite)
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
epfl="${TC0_EPFL:-$root/examples/circuits/epfl}"
patterns=102400
threads="$(nproc)"
files=("$@")
[[ ${#files[@]} -eq 0 ]] && files=("$epfl/hyp.aig" "$epfl/mem_ctrl.aig")

command -v berkeley-abc >/dev/null || { echo "compare-abc-sim: berkeley-abc not on PATH (Debian: apt-get install berkeley-abc)" >&2; exit 2; }

json_number() { # json_number KEY < one-line JSON
  sed -nE "s/.*\"$1\":([-0-9.eE+]+).*/\1/p"
}

tc0_seconds() { # tc0_seconds FILE THREADS
  local out
  if ! out="$("$root/tc0" bench "$1" --patterns "$patterns" --threads "$2" --json)"; then
    echo "compare-abc-sim: 'tc0 bench $1' failed (is bench registered and the AIGER reader merged?)" >&2
    exit 2
  fi
  echo "$out" | json_number seconds
}

echo "machine: $(nproc) cores, $(sed -nE 's/^model name\s*: //p' /proc/cpuinfo | head -1); $(date -u +%Y-%m-%dT%H:%MZ)"
echo "patterns: $patterns"
printf '%-14s %9s %7s %12s %12s %12s %12s\n' circuit ands depth "ABC &sim2 s" "tc0 1t s" "tc0 ${threads}t s" "ABC/tc0 1t"
for f in "${files[@]}"; do
  abc="$(berkeley-abc -c "&r $f; &ps; &sim2 -W 16 -R 100 $f $f" 2>&1)"
  abc_s="$(sed -nE 's/.*Time = +([0-9.]+) sec.*/\1/p' <<<"$abc" | tail -1)"
  ands="$(sed -nE 's/.*and = +([0-9]+).*/\1/p' <<<"$abc" | head -1)"
  lev="$(sed -nE 's/.*lev = *([0-9]+).*/\1/p' <<<"$abc" | head -1)"
  [[ -n "$abc_s" ]] || { echo "compare-abc-sim: no time in ABC's output for $f:" >&2; echo "$abc" >&2; exit 2; }
  t1="$(tc0_seconds "$f" 1)"
  tn="$(tc0_seconds "$f" "$threads")"
  ratio="$(awk -v a="$abc_s" -v b="$t1" 'BEGIN { printf "%.1fx", a / b }')"
  printf '%-14s %9s %7s %12s %12.4f %12.4f %12s\n' "$(basename "$f")" "$ands" "$lev" "$abc_s" "$t1" "$tn" "$ratio"
done
