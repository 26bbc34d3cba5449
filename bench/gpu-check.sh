#!/usr/bin/env bash
# The GPU backend's check, for a CUDA machine that has no Java: packed here, run there.
#
#   bench/gpu-check.sh pack [DIR]      build, then pack into DIR (default target/gpu-pack, ignored by git):
#                                      a jlink runtime without Z3 and the plotting/PDF libraries, the CLI's jars,
#                                      the circuits' test jars and JUnit; prints the size and refuses more than
#                                      64 MiB together with the repository's tracked files (what travels)
#   bench/gpu-check.sh selftest [DIR]  here, without a GPU: the packed runtime must run, its 'tc0 run --backend
#                                      auto' on an EPFL circuit must fall back to the CPU (one line on stderr) and
#                                      give the CPU's hash, and the packed GPU tests must run (and skip the device)
#   bench/gpu-check.sh run [DIR]       on the CUDA machine, from the repository's root: the GPU tests (evaluator
#                                      contract and EPFL suite on the device), every EPFL circuit and every
#                                      example family's compiled circuit evaluated on GPU and CPU with equal
#                                      SHA-256 of all outputs, then 'tc0 bench --backend gpu' (GPU beside the
#                                      all-core CPU, the kernel against the measured bandwidth) as one table.
#                                      The bench's patterns: about 1e10 gate evaluations per circuit, between
#                                      16384 and TC0_GPU_PATTERNS (default 1048576), so that the all-core CPU's
#                                      runs of a million-gate circuit take about a second each; the hashes use
#                                      TC0_GPU_HASH_PATTERNS (default 65536). TC0_GPU_BACKEND=auto rehearses
#                                      the script where there is no GPU (it then fails the GPU tests). Exit 0 only
#                                      when the tests pass and every hash is equal. The log also goes to
#                                      $OUT/gpu-check.log when OUT is set.
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
mode="${1:-}"
dir="${2:-$root/target/gpu-pack}"
mkdir -p "$(dirname "$dir")"
dir="$(cd "$(dirname "$dir")" && pwd)/$(basename "$dir")"
limit_mib=64
# Libraries the GPU check never loads: Z3 (the lemma checker's solver, 60 MiB) and the sweep's charts and PDFs.
left_out='^(z3-turnkey|turnkey-support|pdfbox|pdfbox-io|fontbox|graphics2d|VectorGraphics2D|xchart|animated-gif-lib)-'
modules="java.base,java.logging,jdk.unsupported,java.xml"

find_jdk() { # prints the home of a JDK 25 or newer that has jlink
  local j
  for j in "${TC0_JAVA_HOME:-}" "${JAVA_HOME:-}" /usr/lib/jvm/*; do
    [[ -n "$j" && -x "$j/bin/jlink" && -f "$j/release" ]] || continue
    if grep -qE '^JAVA_VERSION="(2[5-9]|[3-9][0-9])' "$j/release"; then echo "$j"; return 0; fi
  done
  echo "gpu-check: no JDK 25 or newer with jlink (looked at TC0_JAVA_HOME, JAVA_HOME, /usr/lib/jvm)" >&2
  return 1
}

pack() {
  local jdk tmp
  jdk="$(find_jdk)"
  tmp="$(mktemp -d)"
  trap 'rm -rf "$tmp"' RETURN
  echo "gpu-check: building (mvn package, test classes) ..." >&2
  (cd "$root" && mvn -B -o -q package -pl cli -am -DskipTests >"$tmp/mvn.log" 2>&1 \
     && mvn -B -o -q test-compile dependency:build-classpath -pl circuits -am -Dmdep.includeScope=test \
          -Dmdep.outputFile="$tmp/cp.txt" >>"$tmp/mvn.log" 2>&1) || { cat "$tmp/mvn.log" >&2; exit 2; }
  rm -rf "$dir"
  mkdir -p "$dir/app/lib" "$dir/test" "$dir/bin"
  "$jdk/bin/jlink" --add-modules "$modules" --strip-debug --no-header-files --no-man-pages --compress=zip-9 \
      --output "$dir/java"
  command -v strip >/dev/null && strip --strip-unneeded "$dir/java/lib/server/libjvm.so" 2>/dev/null || true
  cp "$root/cli/target/tc0.jar" "$dir/app/"
  local f
  for f in "$root"/cli/target/lib/*.jar; do
    [[ "$(basename "$f")" =~ $left_out ]] || cp "$f" "$dir/app/lib/"
  done
  "$jdk/bin/jar" cf "$dir/test/tc0-circuits-tests.jar" -C "$root/circuits/target/test-classes" .
  "$jdk/bin/jar" cf "$dir/test/tc0-testkit.jar" -C "$root/testkit/target/classes" .
  tr ':' '\n' < "$tmp/cp.txt" | grep -E '/(junit-|opentest4j|apiguardian)[^/]*\.jar$' | while read -r f; do cp "$f" "$dir/test/"; done
  cat > "$dir/bin/tc0" <<'SH'
#!/usr/bin/env bash
# tc0 on the packed runtime (no Z3: the lemma checker's SOLVE checks cannot run here).
here="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
exec "$here/java/bin/java" --enable-native-access=ALL-UNNAMED -XX:+UseSerialGC ${TC0_JAVA_OPTS:-} -jar "$here/app/tc0.jar" "$@"
SH
  cat > "$dir/bin/gpu-tests" <<'SH'
#!/usr/bin/env bash
# The GPU tests (tc0.circuits.gpu.GpuTests), run from the repository's root (the EPFL circuits are found there).
here="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
exec "$here/java/bin/java" --enable-native-access=ALL-UNNAMED -cp "$here/test/*:$here/app/lib/*" tc0.circuits.gpu.GpuTests "$@"
SH
  chmod +x "$dir/bin/tc0" "$dir/bin/gpu-tests"
  local packed tracked
  packed="$(du -sb "$dir" | cut -f1)"
  tracked="$(cd "$root" && git ls-files -z | xargs -0 du -cb 2>/dev/null | tail -n 1 | cut -f1)"
  printf 'gpu-check: packed %s: %.1f MiB (runtime %.1f MiB, jars %.1f MiB, tests %.1f MiB); with the tracked files %.1f MiB of %d\n' \
      "$dir" "$(bc -l <<< "$packed / 1048576")" "$(bc -l <<< "$(du -sb "$dir/java" | cut -f1) / 1048576")" \
      "$(bc -l <<< "$(du -sb "$dir/app" | cut -f1) / 1048576")" "$(bc -l <<< "$(du -sb "$dir/test" | cut -f1) / 1048576")" \
      "$(bc -l <<< "($packed + $tracked) / 1048576")" "$limit_mib"
  if (( packed + tracked >= limit_mib * 1048576 )); then
    echo "gpu-check: the pack and the repository exceed $limit_mib MiB, more than a GPU machine takes" >&2
    exit 1
  fi
}

selftest() {
  [[ -x "$dir/bin/tc0" ]] || { echo "gpu-check: nothing packed in $dir; run 'bench/gpu-check.sh pack' first" >&2; exit 2; }
  local circuit="$root/examples/circuits/epfl/mem_ctrl.aig" want got err
  want="$(cd "$root" && TC0_NO_AOT=1 ./tc0 run "$circuit" --random 100000 --seed 3 --hash)"
  got="$("$dir/bin/tc0" run "$circuit" --random 100000 --seed 3 --hash --backend auto 2>"$dir/selftest.err")"
  err="$(cat "$dir/selftest.err")"
  echo "packed tc0 run --backend auto: $got"
  echo "  stderr: $err"
  [[ "$got" == "$want" ]] || { echo "gpu-check: the packed runtime's hash differs from the CPU's ($want)" >&2; exit 1; }
  [[ "$(wc -l <<< "$err")" == 1 && "$err" == "tc0: --backend auto: "*"evaluating on the CPU" ]] \
      || { echo "gpu-check: expected one line saying why auto runs on the CPU" >&2; exit 1; }
  "$dir/bin/tc0" bench "$circuit" --patterns 6400 --backend auto --json >/dev/null 2>&1 \
      || { echo "gpu-check: the packed tc0 bench failed" >&2; exit 1; }
  "$dir/bin/tc0" compile "$root/examples/gin.tc0" --set n=4 -o "$dir/selftest.tc0c" >/dev/null \
      || { echo "gpu-check: the packed tc0 compile failed" >&2; exit 1; }
  rm -f "$dir/selftest.tc0c" "$dir/selftest.err"
  (cd "$root" && "$dir/bin/gpu-tests") | tail -n 20
  echo "gpu-check: selftest passed (equal hash, one-line fallback, bench, compile, the packed tests ran)"
}

run() {
  [[ -x "$dir/bin/tc0" ]] || { echo "gpu-check: nothing packed in $dir" >&2; exit 2; }
  cd "$root"
  local tmp failed=0 f name cpu gpu patterns max_patterns="${TC0_GPU_PATTERNS:-1048576}" backend="${TC0_GPU_BACKEND:-gpu}"
  local hash_patterns="${TC0_GPU_HASH_PATTERNS:-65536}"
  tmp="$(mktemp -d)"
  tc0() { "$dir/bin/tc0" "$@"; }
  echo "== device"; nvidia-smi -L 2>&1 || true
  echo "== GPU tests"
  "$dir/bin/gpu-tests" --require-gpu || failed=1
  echo "== compiling every example family at its defaults"
  for f in examples/*.tc0; do
    name="$(basename "$f" .tc0)"
    timeout 300 "$dir/bin/tc0" compile "$f" -o "$tmp/$name.tc0c" >/dev/null || { echo "$name: compile failed"; failed=1; }
  done
  echo "== SHA-256 of all outputs, $hash_patterns random patterns (seed 1): $backend against CPU"
  for f in examples/circuits/epfl/*.aig "$tmp"/*.tc0c; do
    cpu="$(tc0 run "$f" --random "$hash_patterns" --seed 1 --hash --backend cpu 2>&1)"
    gpu="$(tc0 run "$f" --random "$hash_patterns" --seed 1 --hash --backend "$backend" 2>"$tmp/run.err" || true)"
    if [[ "$cpu" == "$gpu" && "$cpu" =~ ^[0-9a-f]{64}$ ]]; then echo "equal      $(basename "$f")"
    else echo "DIFFERENT  $(basename "$f"): cpu $cpu, $backend ${gpu:-none} $(head -n 1 "$tmp/run.err")"; failed=1; fi
  done
  echo "== tc0 bench --backend $backend (GPU beside the all-core CPU, on the same patterns)"
  printf '%-26s %10s %7s %8s %11s %11s %7s %10s %11s %9s %8s\n' circuit gates depth patterns 'gpu gate/s' 'cpu gate/s' 'gpu/cpu' 'kernel s' 'bytes' 'B/s' 'of bound'
  for f in examples/circuits/epfl/{hyp,mem_ctrl,voter,multiplier,log2,sin}.aig "$tmp"/*.tc0c; do
    patterns="$(tc0 stats "$f" --json | python3 -c "import json,sys; g=max(1, json.load(sys.stdin)['gates']); print(max(min(16384, $max_patterns), min($max_patterns, int(1e10 / g) // 64 * 64)))")"
    if ! timeout 240 "$dir/bin/tc0" bench "$f" --backend "$backend" --patterns "$patterns" --json > "$tmp/bench.json" 2>"$tmp/bench.err"; then
      echo "$(basename "$f"): bench failed: $(tail -n 3 "$tmp/bench.err")"; failed=1; continue
    fi
    python3 - "$f" "$tmp/bench.json" <<'PY'
import json, os, sys
r = json.load(open(sys.argv[2]))
for k in ('cpuGateEvalsPerSecond', 'speedupOverCpu', 'kernelSeconds', 'kernelBytesMoved', 'bandwidthBytesPerSecond', 'fractionOfBandwidthBound'):
    r.setdefault(k, float('nan'))  # absent when the bench did not run on a GPU
print('%-26s %10d %7d %8d %11.3g %11.3g %7.1f %10.4f %11.3g %9.3g %7.1f%%' % (os.path.basename(sys.argv[1]), r['gates'], r['depth'], r['patterns'],
      r['gateEvalsPerSecond'], r['cpuGateEvalsPerSecond'], r['speedupOverCpu'], r['kernelSeconds'], r['kernelBytesMoved'],
      r['bandwidthBytesPerSecond'], 100 * r['fractionOfBandwidthBound']))
PY
  done
  rm -rf "$tmp"
  if (( failed )); then echo "gpu-check: FAILED (above)"; exit 1; fi
  echo "gpu-check: every test passed and every hash is equal"
}

case "$mode" in
  pack) pack ;;
  selftest) selftest ;;
  run)
    if [[ -n "${OUT:-}" ]]; then set -o pipefail; run 2>&1 | tee "$OUT/gpu-check.log"; else run; fi ;;
  *) sed -n '2,/^set -euo/p' "${BASH_SOURCE[0]}" | sed '$d; s/^# \{0,1\}//'; [[ "$mode" == -h || "$mode" == --help ]] && exit 0; exit 2 ;;
esac
