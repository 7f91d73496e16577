#!/usr/bin/env bash
# asyncj benchmarks: builds what is needed, runs asyncj and its peers on W1-W7 (shared BENCH.md),
# prints the RESULT lines and the table of medians and ratios, writes benchmarks/results/latest.{txt,json,svg}.
#
#   benchmarks/run.sh                 # everything, full N, 3 JVM warm-ups + 5 reps (python: 3 reps)
#   benchmarks/run.sh --quick         # small N, 1 warm-up + 1 rep: proves the suite works (~2 min)
#   benchmarks/run.sh W2 W6           # only those workloads
#   benchmarks/run.sh --peers python,kotlin,asyncj --reps 3 W1
#   benchmarks/run.sh --jmh [JMH args]  # asyncj's JMH micro-benchmarks (e.g. --jmh AsyncjMicro.awaitDone -f 1)
#
# Environment: BENCH_JAVA (JVM for asyncj, kotlin, cf, netty; default `java`), BENCH_JAVA25 (JVM for
# the virtual threads peer), JDK25_HOME (JDK whose javac compiles that peer), BENCH_JVM_OPTS,
# BENCH_SKIP_BUILD=1 (use what is built).
set -euo pipefail
HERE="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
ROOT="$(cd "$HERE/.." && pwd)"
JDK25_HOME="${JDK25_HOME:-/usr/lib/jvm/temurin-25-jdk-amd64}"
export BENCH_JAVA25="${BENCH_JAVA25:-$JDK25_HOME/bin/java}"
MVN=(mvn -B -q)

log() { echo "[run.sh] $*" >&2; }

# newer_than MARKER DIR...: true if MARKER is missing or any file under DIRs is newer.
newer_than() {
  local marker="$1"; shift
  [[ ! -e "$marker" ]] && return 0
  [[ -n "$(find "$@" -newer "$marker" -type f 2>/dev/null | head -1)" ]]
}

build_peers() {
  local cpf="$HERE/peers/target/classpath.txt"
  if newer_than "$cpf" "$HERE/peers/src" "$HERE/peers/pom.xml"; then
    if [[ ! -x "$JDK25_HOME/bin/javac" ]]; then
      log "JDK 25 not found at $JDK25_HOME (set JDK25_HOME): JVM peers not built"
      return 0
    fi
    log "building the JVM peers (benchmarks/peers, Kotlin + JDK 25)..."
    rm -f "$cpf"
    if ! "${MVN[@]}" -f "$HERE/peers/pom.xml" -Djdk25.home="$JDK25_HOME" package >"$HERE/peers/build.log" 2>&1; then
      log "JVM peers failed to build; see benchmarks/peers/build.log (last lines below)"
      tail -20 "$HERE/peers/build.log" >&2
      rm -f "$cpf"
      return 0
    fi
  fi
}

build_asyncj() {
  # asyncj's own workloads: module `benchmarks` of the root reactor, with the runtime and processor.
  if [[ ! -f "$HERE/src/main/java/io/asyncj/bench/AsyncjBench.java" ]]; then
    log "asyncj workloads not written yet (benchmarks/src/main/java/io/asyncj/bench/AsyncjBench.java): asyncj = n/a"
    return 0
  fi
  local cpf="$HERE/target/asyncj-classpath.txt"
  if newer_than "$cpf" "$HERE/src" "$HERE/pom.xml" "$ROOT/runtime/src" "$ROOT/processor/src" "$ROOT/annotations/src"; then
    log "building asyncj + its workloads (mvn -pl benchmarks -am package)..."
    rm -f "$cpf"
    if ! (cd "$ROOT" && "${MVN[@]}" -pl benchmarks -am package -DskipTests >"$HERE/target-build.log" 2>&1); then
      log "asyncj benchmarks failed to build; see benchmarks/target-build.log (last lines below)"
      tail -30 "$HERE/target-build.log" >&2
      rm -f "$cpf"
      return 0
    fi
    rm -f "$HERE/target-build.log"
  fi
}

if [[ "${1:-}" == "--jmh" ]]; then
  shift
  [[ "${BENCH_SKIP_BUILD:-}" == "1" ]] || build_asyncj
  if [[ ! -f "$HERE/target/asyncj-classpath.txt" ]]; then
    log "asyncj benchmarks are not built: no JMH run"
    exit 1
  fi
  mkdir -p "$HERE/results"
  # JMH forks its own JVMs with the same java; results also go to results/jmh-latest.txt.
  "${BENCH_JAVA:-java}" -cp "$HERE/target/classes:$(cat "$HERE/target/asyncj-classpath.txt")" \
    org.openjdk.jmh.Main "$@" 2>&1 | tee "$HERE/results/jmh-latest.txt"
  exit "${PIPESTATUS[0]}"
fi

# The harness's own arithmetic first (milliseconds): a wrong ratio would be worse than none.
(cd "$HERE/harness" && python3 -m unittest -q test_bench 2>&1 | tail -1) || { log "harness self-test failed"; exit 1; }

if [[ "${BENCH_SKIP_BUILD:-}" != "1" ]]; then
  build_peers
  build_asyncj
fi

exec python3 "$HERE/harness/bench.py" "$@"
