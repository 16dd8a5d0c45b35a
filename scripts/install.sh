#!/usr/bin/env bash
# Installs a built jar as a system service on Debian (docs/operations.md, "Installing"), as root:
#   sudo scripts/install.sh [JAR]                       (default target/investment-tracker.jar)
# It lays out
#   /opt/investment-tracker/app/            the extracted jar and its class-data archive (scripts/cds-archive.sh)
#   /var/lib/investment-tracker/            the working directory, owner-only: the embedded store and its key
#   /etc/investment-tracker/tracker.env     settings, NAME=value a line (root and the service user read it)
#   /etc/investment-tracker/secrets/        one file per secret setting, owner-only (Spring's configtree)
#   /etc/systemd/system/investment-tracker.service
# and the system user "tracker". It starts nothing: edit the settings, then
#   systemctl daemon-reload && systemctl enable --now investment-tracker
# Run again with a new jar to upgrade: settings, secrets and data are kept. Overrides (environment): HEAP (1g),
# SERVICE_USER (tracker), PORT (8080), ROOT (a folder standing for /: the tests install there, without a user).
set -euo pipefail
cd "$(dirname "$0")/.."
jar=$(realpath "${1:-target/investment-tracker.jar}")
[ -f "$jar" ] || { echo "no jar at $jar: build it first (./mvnw -B package -DskipTests)" >&2; exit 1; }
root=${ROOT:-}
user=${SERVICE_USER:-tracker}
heap=${HEAP:-1g}
port=${PORT:-8080}
prefix=/opt/investment-tracker
data=/var/lib/investment-tracker
conf=/etc/investment-tracker
unit=/etc/systemd/system/investment-tracker.service
java=$(realpath "$(command -v java)")
as_owner=()
if [ "$(id -u)" -eq 0 ] && [ -z "$root" ]; then
  id "$user" >/dev/null 2>&1 \
    || useradd --system --home-dir "$data" --no-create-home --shell /usr/sbin/nologin "$user"
  as_owner=(-o "$user" -g "$user")
fi

install -d -m 0755 "$root$prefix" "$root$prefix/app" "$(dirname "$root$unit")"
install -m 0644 "$jar" "$root$prefix/investment-tracker.jar"
scripts/cds-archive.sh "$root$prefix/investment-tracker.jar" "$root$prefix/app"
install -d -m 0700 "${as_owner[@]}" "$root$data" "$root$conf/secrets"
install -d -m 0755 "$root$conf"
if [ ! -f "$root$conf/tracker.env" ]; then
  install -m 0640 /dev/null "$root$conf/tracker.env"
  [ ${#as_owner[@]} -eq 0 ] || chgrp "$user" "$root$conf/tracker.env"
  cat > "$root$conf/tracker.env" <<ENV
# Settings of the investment tracker (docs/operations.md), NAME=value a line. Secrets go in files under
# $conf/secrets/ instead, named after the setting, e.g. spring.datasource.password (owner-only).
# The embedded store under $data needs nothing here; for PostgreSQL:
#SPRING_PROFILES_ACTIVE=postgres
#SPRING_DATASOURCE_URL=jdbc:postgresql://db.internal:5432/tracker?sslmode=verify-full
#SPRING_DATASOURCE_USERNAME=tracker_app
#TRACKER_NODE_ID=$(hostname)
#TRACKER_SIGNING_KEYFILE=$data/signing-key
ENV
fi
cat > "$root$unit" <<UNIT
[Unit]
Description=招商引资项目跟踪 investment tracker
After=network-online.target
Wants=network-online.target

[Service]
User=$user
Group=$user
WorkingDirectory=$data
EnvironmentFile=$conf/tracker.env
Environment=SPRING_CONFIG_IMPORT=optional:configtree:$conf/secrets/
UMask=0077
ExecStart=$java -Xmx$heap -XX:+ExitOnOutOfMemoryError -XX:SharedArchiveFile=$prefix/app/tracker.jsa -jar $prefix/app/investment-tracker.jar --server.port=$port
# a stop by SIGTERM finishes the requests in progress first (graceful shutdown, at most 20 s), then exits 143
SuccessExitStatus=143
TimeoutStopSec=40
Restart=always
RestartSec=2

[Install]
WantedBy=multi-user.target
UNIT
echo "installed under $root$prefix; settings in $root$conf/tracker.env, secrets in $root$conf/secrets/"
echo "then: systemctl daemon-reload && systemctl enable --now investment-tracker"
