#!/usr/bin/env bash
# The benchmark suite: prints each figure as a ratio to raw JDBC doing the same work in the same run.
# Today: R5 (hash-chain verification). Usage: scripts/bench.sh [events]   (default 1000000; the store is generated
# once under target/bench/ and reused). Runs under -Xmx512m, the heap the targets allow.
set -euo pipefail
cd "$(dirname "$0")/.."
events="${1:-1000000}"
./mvnw -B -q test -Dtest='*Benchmark' -Dbench.excluded=none -Dsurefire.failIfNoSpecifiedTests=false \
  -Dspotless.check.skip=true -Dbench.events="$events" -DargLine="-Xmx512m -Dbench.events=$events" \
  -Dsurefire.printSummary=false 2>&1 | grep -E '^R[0-9]' || { echo "benchmark failed; run again without grep"; exit 1; }
