#!/usr/bin/env bash
# Runs the PostgreSQL blocks of docs/operations.md as they are written, so that the document cannot drift from the
# product: the database (section 1); the install, the signing key, the settings, the migration step and the start of
# section 2, with a second instance standing for a second host and the documented nginx in front of both (TLS from
# the client, forwarded headers, the monitoring network, JSON logs); the metric listing of section 4; a backup and the
# restores into a new database and a new cluster (section 3), and the checks of section 3 on an instance of the
# restored cluster, whose verification must end at the dump's head.
# On a Debian host with PostgreSQL 15 (apt-get install postgresql nginx-light), as root, in a clone:
#   sudo scripts/operations-check.sh
# It drops and remakes the databases tracker and tracker_restored, the cluster "restore" (port 5433), the service
# user's folders and ports 8080, 8082 and 18443: run it on a machine for trying, never beside a real store.
# .ci/run runs it after the tests.
set -euo pipefail
cd "$(dirname "$0")/.."
[ "$(id -u)" -eq 0 ] || { echo "run as root (the blocks are written for root on the database host)" >&2; exit 2; }
[ -f target/investment-tracker.jar ] || ./mvnw -B -q package -DskipTests
work=$(mktemp -d)
chmod 0755 "$work"
trap 'stop_all' EXIT

# the fenced blocks of docs/operations.md of language $2 (sh unless given) between the heading starting with $1 and
# the next "## ", or only the first of them when $3 is "first"; a block fenced "```sh site" (a site's own names) is
# not taken
blocks() {
  awk -v from="$1" -v lang="${2:-sh}" -v first="${3:-}" '
    index($0, from) == 1 { inside = 1; next }
    inside && /^## / { inside = 0 }
    inside && $0 == "```" lang { code = 1; next }
    inside && code && /^```$/ { code = 0; if (first) exit; next }
    inside && code { print }' docs/operations.md
}

stop_all() {
  pkill -f 'investment-tracker.jar --server.port=80' 2>/dev/null || true
  [ ! -f "$work/nginx.pid" ] || kill "$(cat "$work/nginx.pid")" 2>/dev/null || true
  for _ in $(seq 1 40); do
    pgrep -f 'investment-tracker.jar --server.port=80' > /dev/null || return 0
    sleep 0.5
  done
}

# What systemd does with the unit scripts/install.sh wrote: its ExecStart as its user, in its working directory,
# with only the environment of its EnvironmentFile (quotes taken off, no $ expanded) and Environment lines, UMask 0077.
# Another port stands for another host; NAME=value arguments are added to the environment.
start_unit() {
  local port=$1 unit=/etc/systemd/system/investment-tracker.service line command
  shift
  local environment=(PATH=/usr/bin:/bin)
  while IFS= read -r line; do
    [[ $line =~ ^[A-Z][A-Z0-9_]*= ]] || continue
    local name=${line%%=*} value=${line#*=}
    if [[ $value =~ ^\'(.*)\'$ || $value =~ ^\"(.*)\"$ ]]; then value=${BASH_REMATCH[1]}; fi
    environment+=("$name=$value")
  done < /etc/investment-tracker/tracker.env
  environment+=("$(sed -n 's/^Environment=//p' "$unit")" "$@")
  command=$(sed -n 's/^ExecStart=//p' "$unit" | sed "s/--server.port=8080/--server.port=$port/")
  (umask 0077; cd "$(sed -n 's/^WorkingDirectory=//p' "$unit")" \
    && exec runuser -u "$(sed -n 's/^User=//p' "$unit")" -- env -i "${environment[@]}" $command \
      < /dev/null > "$work/instance-$port.log" 2>&1) &
}

systemctl() {
  case "$*" in
    daemon-reload) ;;
    "enable --now investment-tracker") start_unit 8080 ;;
    *) echo "operations-check: 'systemctl $*' is not stood in for" >&2; return 1 ;;
  esac
}

ready() { # port
  for _ in $(seq 1 90); do
    curl -fsS -o /dev/null "localhost:$1/actuator/health/readiness" 2>/dev/null && return 0
    sleep 2
  done
  echo "the instance on port $1 did not become ready:" >&2; tail -40 "$work/instance-$1.log" >&2; exit 1
}

expect() { # what, expected, actual
  [ "$2" = "$3" ] || { echo "$1: expected $2, got $3" >&2; exit 1; }
}

stop_all
rm -rf /opt/investment-tracker /etc/investment-tracker /var/lib/investment-tracker
pg_ctlcluster 15 main start 2>/dev/null || true
runuser -u postgres -- dropdb --if-exists tracker_restored
runuser -u postgres -- dropdb --if-exists tracker
pg_dropcluster --stop 15 restore 2>/dev/null || true
pg_createcluster 15 restore --port 5433 --start > /dev/null

echo "== section 1: the database"
eval "$(blocks '## 1.')" <<< $'operations-owner-1\noperations-app-1'

echo "== section 2: install, signing key, settings, migration step, start; a second instance; nginx in front"
DB=localhost
PROXY='127\.0\.0\.1'
eval "$(blocks '## 2.')" \
  <<< $'operations-app-1\noperations-admin-1\noperations-auditor-1\noperations-prometheus-1\noperations-owner-1'
start_unit 8082 LOGGING_STRUCTURED_FORMAT_CONSOLE=ecs   # the other host logs JSON lines (section 2, "Logs")
ready 8082
grep -q 'SPRING_FLYWAY\|spring.flyway' /etc/investment-tracker/tracker.env && { echo "an instance has the owner's settings" >&2; exit 1; }
[ "$(stat -c %a /etc/investment-tracker/secrets/spring.datasource.password)" = 400 ] || { echo "secret readable" >&2; exit 1; }

mkdir -p "$work/tls"
openssl req -x509 -newkey rsa:2048 -nodes -days 2 -subj /CN=tracker.example.gov.cn \
  -addext subjectAltName=DNS:tracker.example.gov.cn -keyout "$work/tls/tracker.key" -out "$work/tls/tracker.crt" 2> /dev/null
blocks '## 2.' nginx first | awk '/^server \{/, 0' | sed \
  -e 's/server 10\.0\.0\.11:8081 /server 127.0.0.1:8080 /' -e 's/server 10\.0\.0\.12:8081 /server 127.0.0.1:8082 /' \
  -e '/server 10\.0\.0\.13:8081/d' -e 's/listen 443 ssl;/listen 127.0.0.1:18443 ssl;/' -e "s#/etc/nginx/tls/#$work/tls/#" \
  > "$work/site.conf"
blocks '## 2.' nginx first | awk '/^server \{/ { exit } { print }' > "$work/upstream.conf"
sed -i -e 's/server 10\.0\.0\.11:8081 /server 127.0.0.1:8080 /' -e 's/server 10\.0\.0\.12:8081 /server 127.0.0.1:8082 /' \
  -e '/server 10\.0\.0\.13:8081/d' "$work/upstream.conf"
grep -q 127.0.0.1:8082 "$work/upstream.conf" && grep -q 18443 "$work/site.conf" \
  || { echo "the nginx block of section 2 changed its upstreams or listen line; adapt this check" >&2; exit 1; }
cat > "$work/nginx.conf" <<NGINX
pid $work/nginx.pid;
error_log $work/nginx-error.log;
events { worker_connections 256; }
http {
  access_log $work/nginx-access.log;
  client_body_temp_path $work/body; proxy_temp_path $work/proxy;
  fastcgi_temp_path $work/fastcgi; uwsgi_temp_path $work/uwsgi; scgi_temp_path $work/scgi;
  include $work/upstream.conf;
  include $work/site.conf;
}
NGINX
/usr/sbin/nginx -p "$work" -c "$work/nginx.conf"
site=(--cacert "$work/tls/tracker.crt" --resolve tracker.example.gov.cn:18443:127.0.0.1)
S=https://tracker.example.gov.cn:18443
for _ in $(seq 1 20); do curl -fsS -o /dev/null "${site[@]}" "$S/actuator/health" 2>/dev/null && break; sleep 0.5; done
expect "readiness through nginx" 200 "$(curl -sS -o /dev/null -w '%{http_code}' "${site[@]}" "$S/actuator/health/readiness")"
expect "the login redirect keeps https" "https://tracker.example.gov.cn/login" \
  "$(curl -sS -o /dev/null -w '%{redirect_url}' "${site[@]}" "$S/projects")"
expect "a zone registered through nginx" 201 "$(curl -sS -o /dev/null -w '%{http_code}' "${site[@]}" \
  -u chen:operations-admin-1 -H 'Content-Type: application/json' -X POST "$S/api/zones" \
  -d '{"id":"songmu","name":"衡阳松木经济开发区","city":"hengyang"}')"
for port in 8080 8082; do
  expect "the zone read on the instance at $port" 200 \
    "$(curl -sS -o /dev/null -w '%{http_code}' -u shen:operations-auditor-1 "localhost:$port/api/zones/songmu")"
done
expect "metrics from outside the monitoring network" 403 "$(curl -sS -o /dev/null -w '%{http_code}' "${site[@]}" \
  -u prometheus:operations-prometheus-1 "$S/actuator/prometheus")"
expect "metrics on the monitoring network" 200 "$(curl -sS -o /dev/null -w '%{http_code}' \
  -u prometheus:operations-prometheus-1 localhost:8082/actuator/prometheus)"
grep '"tracker.http"' "$work/instance-8082.log" | grep '"user":"shen"' | grep -q '"requestId":"[^"]' \
  || { echo "no JSON access line with user and request id:" >&2; tail -5 "$work/instance-8082.log" >&2; exit 1; }
grep '"tracker.http"' "$work/instance-8082.log" | grep -q '"node":"[0-9]*@' \
  || { echo "no node in the JSON access lines" >&2; exit 1; }
listed=$(eval "$(blocks '## 4.')" <<< 'operations-prometheus-1')
grep -qx 'tracker_processor_lag_events' <<< "$listed" || { echo "section 4's listing lacks the lag: $listed" >&2; exit 1; }
stop_all

echo "== section 3: backup, restore into a new database and a new cluster"
eval "$(blocks '## 3.')"
[ -s "$D.head" ] || { echo "the dump's head was not recorded" >&2; exit 1; }

echo "== after the restore: an instance on the new cluster, checked as section 3 says"
start_unit 8080 SPRING_DATASOURCE_URL=jdbc:postgresql://localhost:5433/tracker
ready 8080
checked=$(eval "$(blocks '## 3.' 'sh after-restore')" <<< 'operations-auditor-1')
echo "$checked"
[ "$(grep -c . <<< "$checked")" = 3 ] || { echo "not every check after the restore passed" >&2; exit 1; }
read -r position hash < "$D.head"
verification=$(curl -fsS -u shen:operations-auditor-1 localhost:8080/api/audit/verification)
echo "$verification" | grep -q "\"headPosition\":$position," || { echo "head differs: $verification" >&2; exit 1; }
echo "$verification" | grep -q "\"headHash\":\"$hash\"" || { echo "hash differs: $verification" >&2; exit 1; }
echo "OK: docs/operations.md sections 1 to 4 ran as written; the restored chain verifies to position $position"
