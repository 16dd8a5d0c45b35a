#!/usr/bin/env bash
# Builds the jar (without tests) and runs it on the embedded H2 store under ./data/. Extra arguments go to the app,
# e.g. scripts/run.sh --server.port=9090
set -euo pipefail
cd "$(dirname "$0")/.."
./mvnw -B -q package -DskipTests
exec java -jar target/investment-tracker.jar "$@"
