#!/usr/bin/env bash
# The long crash suite: the real jar killed with SIGKILL many times under load (default 20 kills), then the checks
# of CrashIT; prints a summary line per run. Usage: scripts/crash-test.sh [kills]
set -euo pipefail
cd "$(dirname "$0")/.."
kills="${1:-20}"
./mvnw -B -q package -DskipTests
./mvnw -B verify -Dspotless.check.skip=true -Dtest=none -Dsurefire.failIfNoSpecifiedTests=false \
  -Dit.test=CrashIT -Dcrash.kills="$kills" | grep -E 'CRASH SUITE|Tests run:|BUILD'
