#!/usr/bin/env bash
# Builds the jar (without tests) and runs it on the embedded H2 store under ./data/, started from its extracted form
# with a class-data-sharing archive (scripts/cds-archive.sh; the first run records it, about 20 s). Extra arguments
# go to the app, e.g. scripts/run.sh --server.port=9090
set -euo pipefail
cd "$(dirname "$0")/.."
./mvnw -B -q package -DskipTests
scripts/cds-archive.sh
exec java -XX:SharedArchiveFile=target/app/tracker.jsa -jar target/app/investment-tracker.jar "$@"
