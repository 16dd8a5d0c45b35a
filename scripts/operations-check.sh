#!/usr/bin/env bash
# Runs the PostgreSQL blocks of docs/operations.md as they are written, so that the document cannot drift from the
# product: the database (section 1), the migration step and an instance as tracker_app with a bootstrap admin and
# auditor (section 2), a backup and the restores into a new database and a new cluster (section 3); then starts an
# instance on the restored cluster and checks that its verification ends at the head the dump recorded.
# On a Debian host with PostgreSQL 15 (apt-get install postgresql), as root, in a clone:
#   sudo scripts/operations-check.sh
# It drops and remakes the databases tracker and tracker_restored and the cluster "restore" (port 5433): run it on a
# machine for trying, never beside a real store.
set -euo pipefail
cd "$(dirname "$0")/.."
[ "$(id -u)" -eq 0 ] || { echo "run as root (the blocks are written for root on the database host)" >&2; exit 2; }
[ -f target/investment-tracker.jar ] || ./mvnw -B -q package -DskipTests
work=$(mktemp -d)
trap 'pkill -f "tracker-operations-check" || true' EXIT

# the ```sh blocks of docs/operations.md between the heading starting with $1 and the next "## "
blocks() {
  awk -v from="$1" '
    index($0, from) == 1 { inside = 1; next }
    inside && /^## / { inside = 0 }
    inside && /^```sh$/ { code = 1; next }
    inside && code && /^```$/ { code = 0; next }
    inside && code { print }' docs/operations.md
}

start_instance() { # port, database port
  (SPRING_PROFILES_ACTIVE=postgres SPRING_DATASOURCE_URL="jdbc:postgresql://localhost:$2/tracker" \
    SPRING_DATASOURCE_USERNAME=tracker_app SPRING_DATASOURCE_PASSWORD="$APP_PW" \
    TRACKER_SIGNING_KEYFILE="$work/signing-key" TRACKER_NODE_ID=tracker-operations-check \
    TRACKER_BOOTSTRAPUSERS_0_USERNAME=chen TRACKER_BOOTSTRAPUSERS_0_PASSWORD="$ADMIN_HASH" \
    TRACKER_BOOTSTRAPUSERS_0_ROLES=ADMIN TRACKER_BOOTSTRAPUSERS_0_SCOPE_LEVEL=PROVINCE \
    TRACKER_BOOTSTRAPUSERS_0_SCOPE_ID=hunan \
    TRACKER_BOOTSTRAPUSERS_1_USERNAME=shen TRACKER_BOOTSTRAPUSERS_1_PASSWORD="$AUDITOR_HASH" \
    TRACKER_BOOTSTRAPUSERS_1_ROLES=AUDITOR TRACKER_BOOTSTRAPUSERS_1_SCOPE_LEVEL=PROVINCE \
    TRACKER_BOOTSTRAPUSERS_1_SCOPE_ID=hunan \
    java -Xmx512m -jar target/investment-tracker.jar --server.port="$1" \
      --spring.application.name=tracker-operations-check > "$work/instance-$1.log" 2>&1 &)
  for _ in $(seq 1 90); do
    curl -fsS -o /dev/null "localhost:$1/actuator/health/readiness" 2>/dev/null && return 0
    sleep 2
  done
  echo "the instance on port $1 did not become ready; see $work/instance-$1.log" >&2
  exit 1
}

runuser -u postgres -- dropdb --if-exists tracker_restored
runuser -u postgres -- dropdb --if-exists tracker
pg_dropcluster --stop 15 restore 2>/dev/null || true
pg_createcluster 15 restore --port 5433 --start > /dev/null

echo "== section 1: the database"
eval "$(blocks '## 1.')" <<< $'operations-owner-1\noperations-app-1'

echo "== section 2: the migration step and an instance as tracker_app"
java -jar target/investment-tracker.jar new-signing-key "$work/signing-key"
SPRING_PROFILES_ACTIVE=postgres SPRING_DATASOURCE_URL=jdbc:postgresql://localhost:5432/tracker \
  SPRING_DATASOURCE_USERNAME=tracker_app SPRING_FLYWAY_USER=tracker_owner SPRING_FLYWAY_PASSWORD="$OWNER_PW" \
  java -jar target/investment-tracker.jar migrate > "$work/migrate.log" 2>&1
ADMIN_HASH=$(echo 'operations-admin-1' | java -jar target/investment-tracker.jar hash-password)
AUDITOR_HASH=$(echo 'operations-auditor-1' | java -jar target/investment-tracker.jar hash-password)
start_instance 18081 5432
curl -fsS -u chen:operations-admin-1 -H 'Content-Type: application/json' -X POST localhost:18081/api/zones \
  -d '{"id":"songmu","name":"衡阳松木经济开发区","city":"hengyang"}' > /dev/null
pkill -f "tracker-operations-check"; sleep 3

echo "== section 3: backup, restore into a new database and a new cluster"
eval "$(blocks '## 3.')"
[ -s "$D.head" ] || { echo "the dump's head was not recorded" >&2; exit 1; }

echo "== after the restore: an instance on the new cluster verifies to the dump's head"
start_instance 18082 5433
verification=$(curl -fsS -u shen:operations-auditor-1 localhost:18082/api/audit/verification)
read -r position hash < "$D.head"
echo "$verification" | grep -q "\"valid\":true" || { echo "not valid: $verification" >&2; exit 1; }
echo "$verification" | grep -q "\"headPosition\":$position," || { echo "head differs: $verification" >&2; exit 1; }
echo "$verification" | grep -q "\"headHash\":\"$hash\"" || { echo "hash differs: $verification" >&2; exit 1; }
echo "OK: docs/operations.md sections 1 to 3 ran as written; the restored chain verifies to position $position"
