#!/usr/bin/env bash
# Builds the jar (without tests) and runs it on the embedded H2 store under ./data/, started from its extracted form
# with a class-data-sharing archive (scripts/cds-archive.sh; the first run records it, about 20 s). Extra arguments
# go to the app, e.g. scripts/run.sh --server.port=9090
#
# A JVM that runs out of memory exits at once (-XX:+ExitOnOutOfMemoryError, exit code 3) instead of answering
# nothing with its port open; this script then starts it again. Every acknowledged command is already stored, so a
# restart loses nothing. A stop by Ctrl-C or kill (TERM) ends the script.
set -uo pipefail
cd "$(dirname "$0")/.."
./mvnw -B -q package -DskipTests || exit
scripts/cds-archive.sh || exit
while true; do
  java -XX:+ExitOnOutOfMemoryError -XX:SharedArchiveFile="$PWD/target/app/tracker.jsa" \
    -jar "$PWD/target/app/investment-tracker.jar" "$@"
  status=$?
  case $status in
    0 | 130 | 143) exit "$status" ;;
  esac
  echo "run.sh: the tracker exited with status $status; starting it again in 2 s" >&2
  sleep 2
done
