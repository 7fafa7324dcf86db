#!/bin/bash
# Records how OpenStack Swift answers the listing cases in cases.json for the objects in
# objects.json, into recordings.json (the answers) and seed.json (what the catalog rows must
# hold to match: container/account HEAD headers and full JSON listings, incl. timestamps).
# Run as root on Debian 12 with: apt-get install -y swift swift-proxy swift-account
# swift-container swift-object memcached (a policy-rc.d exiting 101 keeps apt from starting
# them). Starts a one-replica Swift all-in-one on 127.0.0.1:8080/6200-6202 (+ memcached on
# 11211 if none runs) under a temp dir, records, and stops every Swift process it started.
set -euo pipefail
HERE="$(cd "$(dirname "$0")" && pwd)"
WORK="$(mktemp -d /tmp/swift-rec.XXXXXX)"
ETC="$WORK/etc"; DEV="$WORK/srv"; RUN="$WORK/run"
mkdir -p "$ETC" "$DEV/d1" "$RUN" /etc/swift
PY=/usr/bin/python3
PIDS=()

cleanup() {
  for pid in "${PIDS[@]}"; do kill "$pid" 2>/dev/null || true; done
  sleep 1
  for pid in "${PIDS[@]}"; do kill -9 "$pid" 2>/dev/null || true; done
  if [ -f "$WORK/swift.conf.orig" ]; then cp -p "$WORK/swift.conf.orig" /etc/swift/swift.conf; else rm -f /etc/swift/swift.conf; fi
  [ -n "${KEEP:-}" ] || rm -rf "$WORK"
}
trap cleanup EXIT

# Swift reads the hash prefix/suffix and policies only from /etc/swift/swift.conf: put ours
# there for the run and give the previous file back afterwards.
[ -f /etc/swift/swift.conf ] && cp -p /etc/swift/swift.conf "$WORK/swift.conf.orig"
cat > /etc/swift/swift.conf <<CONF
# cloudfs-record: written by record.sh
[swift-hash]
swift_hash_path_suffix = cloudfs-record
swift_hash_path_prefix = cloudfs-record
[storage-policy:0]
name = Policy-0
default = yes
CONF

for ring in account:6202 container:6201 object:6200; do
  name=${ring%%:*}; port=${ring##*:}
  swift-ring-builder "$ETC/$name.builder" create 6 1 1 >/dev/null
  swift-ring-builder "$ETC/$name.builder" add r1z1-127.0.0.1:$port/d1 1 >/dev/null
  swift-ring-builder "$ETC/$name.builder" rebalance >/dev/null || true
done

for srv in account:6202 container:6201 object:6200; do
  name=${srv%%:*}; port=${srv##*:}
  cat > "$ETC/$name-server.conf" <<CONF
[DEFAULT]
bind_ip = 127.0.0.1
bind_port = $port
devices = $DEV
mount_check = false
swift_dir = $ETC
workers = 0
user = root
log_level = WARNING
[pipeline:main]
pipeline = $name-server
[app:$name-server]
use = egg:swift#$name
[$name-replicator]
[$name-updater]
[$name-auditor]
CONF
done

cat > "$ETC/proxy-server.conf" <<CONF
[DEFAULT]
bind_ip = 127.0.0.1
bind_port = 8080
swift_dir = $ETC
workers = 0
user = root
log_level = WARNING
[pipeline:main]
pipeline = catch_errors gatekeeper healthcheck proxy-logging cache listing_formats tempauth copy container-quotas account-quotas proxy-logging proxy-server
[app:proxy-server]
use = egg:swift#proxy
account_autocreate = true
allow_account_management = true
[filter:tempauth]
use = egg:swift#tempauth
user_test_tester = testing .admin
user_test_tester2 = testing2 .admin
user_admin_admin = admin .admin .reseller_admin
[filter:cache]
use = egg:swift#memcache
memcache_servers = 127.0.0.1:11211
[filter:catch_errors]
use = egg:swift#catch_errors
[filter:gatekeeper]
use = egg:swift#gatekeeper
[filter:healthcheck]
use = egg:swift#healthcheck
[filter:proxy-logging]
use = egg:swift#proxy_logging
[filter:listing_formats]
use = egg:swift#listing_formats
[filter:copy]
use = egg:swift#copy
[filter:container-quotas]
use = egg:swift#container_quotas
[filter:account-quotas]
use = egg:swift#account_quotas
CONF

if ! (exec 3<>/dev/tcp/127.0.0.1/11211) 2>/dev/null; then
  setsid memcached -u root -l 127.0.0.1 -p 11211 >"$RUN/memcached.log" 2>&1 & PIDS+=($!)
fi
for name in account container object proxy; do
  setsid "swift-$name-server" "$ETC/$name-server.conf" >"$RUN/$name.log" 2>&1 & PIDS+=($!)
done
for _ in $(seq 1 60); do
  curl -sf http://127.0.0.1:8080/healthcheck >/dev/null && break; sleep 0.5
done

SWIFT_VERSION="$(dpkg-query -W -f='${Version}' swift)" \
  "$PY" "$HERE/record.py" "$HERE" "$ETC/container-server.conf"
echo "recorded into $HERE/recordings.json and $HERE/seed.json"
