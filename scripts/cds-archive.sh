#!/usr/bin/env bash
# Prepares the fast start of the packaged jar (docs/operations.md, "Starting faster"): extracts
# target/investment-tracker.jar into target/app/ and records a class-data-sharing archive of the classes a start
# loads, from a training start that stops as soon as the application context is ready (on a throw-away in-memory
# database). Then
#   java -XX:SharedArchiveFile=target/app/tracker.jsa -jar target/app/investment-tracker.jar
# maps those classes from the archive instead of finding, reading and verifying each one. Does nothing while the
# archive is newer than the jar; a stale or unreadable archive is ignored by the JVM (it starts the slow way).
set -euo pipefail
cd "$(dirname "$0")/.."
jar=target/investment-tracker.jar
app=target/app
if [ -f "$app/tracker.jsa" ] && [ "$app/tracker.jsa" -nt "$jar" ]; then
  exit 0
fi
rm -rf "$app"
java -Djarmode=tools -jar "$jar" extract --destination "$app"
java -XX:ArchiveClassesAtExit="$app/tracker.jsa" -Xlog:cds=off -Xlog:cds+dynamic=off \
  -Dspring.context.exit=onRefresh -jar "$app/investment-tracker.jar" \
  --spring.datasource.url=jdbc:h2:mem:cds-training --tracker.demo-data=false --server.port=0 \
  > "$app/training.log" 2>&1
[ -f "$app/tracker.jsa" ] || { echo "no class-data archive; see $app/training.log" >&2; exit 1; }
