#!/usr/bin/env bash
# The benchmark suite (docs/performance.md): R1 command path, R2 replay, R3 reports, R4 aggregate load, R5
# verification, start-up and heap, each as a ratio to raw JDBC doing the same work on the same H2 file in the same
# run. Prints the table and writes it to target/bench/results.md. Runs under -Xmx512m, the heap the targets allow.
# Usage: scripts/bench.sh [events] [runs]   (default 1000000 events, median of 3 runs). The stores are generated
# once under target/bench/ and reused; `./mvnw clean` removes them. Needs a few GB of free disk for 1M events.
set -euo pipefail
cd "$(dirname "$0")/.."
events="${1:-1000000}"
runs="${2:-3}"
props="-Dbench.full=true -Dbench.events=$events -Dbench.runs=$runs -Djunit.jupiter.execution.timeout.mode=disabled"
# The whole output, the application's warnings and errors included, is kept in target/bench/last-run.log.
mkdir -p target/bench
./mvnw -B -q verify -Dtest=None -Dsurefire.failIfNoSpecifiedTests=false -Dit.test=BenchmarkIT \
  -Dspotless.check.skip=true $props -DargLine="-Xmx512m $props" 2>&1 | tee target/bench/last-run.log \
  | grep -E '^\[bench\]|^\||^[0-9]+ cores' || { echo "benchmark failed; see target/bench/last-run.log"; exit 1; }
