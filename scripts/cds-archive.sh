#!/usr/bin/env bash
# Prepares the fast start of the packaged jar (docs/operations.md, "Starting faster"): extracts the jar into a
# folder and records there a class-data-sharing archive of the classes a start loads, from a training start that
# stops as soon as the application context is ready (on a throw-away in-memory database).
#   scripts/cds-archive.sh [JAR [FOLDER]]      (defaults: target/investment-tracker.jar target/app)
# Then, from any working directory,
#   java -XX:SharedArchiveFile=FOLDER/tracker.jsa -jar FOLDER/investment-tracker.jar
# maps those classes from the archive instead of finding, reading and verifying each one. The archive records the
# jar's absolute path: start it by that path (scripts/install.sh records it where it installs). Does nothing while the
# archive is newer than the jar; a stale or unreadable archive is ignored by the JVM (it starts the slow way).
set -euo pipefail
cd "$(dirname "$0")/.."
jar=$(realpath "${1:-target/investment-tracker.jar}")
mkdir -p "${2:-target/app}"
app=$(realpath "${2:-target/app}")
if [ -f "$app/tracker.jsa" ] && [ "$app/tracker.jsa" -nt "$jar" ]; then
  exit 0
fi
find "$app" -mindepth 1 -delete
java -Djarmode=tools -jar "$jar" extract --destination "$app"
(cd "$app" && java -XX:ArchiveClassesAtExit="$app/tracker.jsa" -Xlog:cds=off -Xlog:cds+dynamic=off \
  -Dspring.context.exit=onRefresh -jar "$app/investment-tracker.jar" \
  --spring.datasource.url=jdbc:h2:mem:cds-training --tracker.demo-data=false --server.port=0 \
  --tracker.signing.key-file="$app/training-key" > "$app/training.log" 2>&1) || true
rm -f "$app/training-key"
[ -f "$app/tracker.jsa" ] || { echo "no class-data archive; see $app/training.log" >&2; exit 1; }
