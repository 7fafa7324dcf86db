#!/bin/bash
# Records how OpenStack Swift 2.30.1 answers every case of cases/*.json, through the public
# API with the full proxy pipeline, into recordings/*.json (one file per cases file).
# Run as root on Debian 12 with: apt-get install -y swift swift-proxy swift-account
# swift-container swift-object memcached (a policy-rc.d exiting 101 keeps apt from starting
# them). Holds /tmp/swift-aio.lock (only one Swift can run on a machine), starts a one-replica
# all-in-one on 127.0.0.1:8080/6200-6202 (+ memcached on 11211 if none runs) under a temp
# dir, records, and stops every process it started.
#   sudo tests/Conformance/record.sh [CASE-FILE-NAME...]   (default: every cases/*.json)
set -euo pipefail
HERE="$(cd "$(dirname "$0")" && pwd)"
if [ -z "${CONFORMANCE_LOCKED:-}" ]; then
  exec env CONFORMANCE_LOCKED=1 flock /tmp/swift-aio.lock "$0" "$@"
fi
WORK="$(mktemp -d /tmp/swift-conf-rec.XXXXXX)"
ETC="$WORK/etc"; RUN="$WORK/run"
# Devices on tmpfs: Swift keeps object metadata in xattrs and ext4 caps them near 3.5 KiB,
# which would turn the metadata-limit cases into 507s that no real (XFS) Swift gives.
DEV="$(mktemp -d /dev/shm/swift-conf-dev.XXXXXX)"
mkdir -p "$ETC" "$DEV/d1" "$RUN" /etc/swift
PY=/usr/bin/python3
PIDS=()

cleanup() {
  for pid in "${PIDS[@]}"; do kill -TERM -- "-$pid" 2>/dev/null || kill "$pid" 2>/dev/null || true; done
  sleep 1
  for pid in "${PIDS[@]}"; do kill -KILL -- "-$pid" 2>/dev/null || true; done
  if [ -f "$WORK/swift.conf.orig" ]; then cp -p "$WORK/swift.conf.orig" /etc/swift/swift.conf; else rm -f /etc/swift/swift.conf; fi
  rm -rf "$DEV"
  [ -n "${KEEP:-}" ] || rm -rf "$WORK"
}
trap cleanup EXIT

# Swift reads the hash prefix/suffix and the storage policies only from /etc/swift/swift.conf:
# put ours there for the run and give the previous file back afterwards.
[ -f /etc/swift/swift.conf ] && cp -p /etc/swift/swift.conf "$WORK/swift.conf.orig"
cat > /etc/swift/swift.conf <<CONF
# cloudfs-conformance: written by tests/Conformance/record.sh
[swift-hash]
swift_hash_path_suffix = cloudfs-conformance
swift_hash_path_prefix = cloudfs-conformance
[storage-policy:0]
name = Policy-0
default = yes
[storage-policy:1]
name = silver
aliases = silver, gold
[storage-policy:2]
name = bronze
deprecated = yes
CONF

for ring in account:6202 container:6201 object:6200 object-1:6200 object-2:6200; do
  name=${ring%%:*}; port=${ring##*:}
  swift-ring-builder "$ETC/$name.builder" create 6 1 1 >/dev/null
  swift-ring-builder "$ETC/$name.builder" add r1z1-127.0.0.1:$port/d1 1 >/dev/null
  swift-ring-builder "$ETC/$name.builder" rebalance >/dev/null || true
done

for srv in account:6202 container:6201 object:6200; do
  name=${srv%%:*}; port=${srv##*:}
  extra=""
  [ "$name" = container ] && extra="allow_versions = true"
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
$extra
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
pipeline = catch_errors gatekeeper healthcheck proxy-logging cache listing_formats container_sync bulk tempurl ratelimit crossdomain domain_remap tempauth formpost staticweb copy container-quotas account-quotas slo dlo versioned_writes symlink proxy-logging proxy-server
[app:proxy-server]
use = egg:swift#proxy
account_autocreate = true
allow_account_management = true
[filter:tempauth]
use = egg:swift#tempauth
user_test_tester = testing .admin
user_test_tester2 = testing2 .admin
user_test_tester3 = testing3
user_test2_tester2 = testing2 .admin
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
[filter:container_sync]
use = egg:swift#container_sync
[filter:bulk]
use = egg:swift#bulk
[filter:tempurl]
use = egg:swift#tempurl
[filter:ratelimit]
use = egg:swift#ratelimit
[filter:crossdomain]
use = egg:swift#crossdomain
[filter:domain_remap]
use = egg:swift#domain_remap
storage_domain = example.com
[filter:formpost]
use = egg:swift#formpost
[filter:staticweb]
use = egg:swift#staticweb
[filter:copy]
use = egg:swift#copy
[filter:container-quotas]
use = egg:swift#container_quotas
[filter:account-quotas]
use = egg:swift#account_quotas
[filter:slo]
use = egg:swift#slo
[filter:dlo]
use = egg:swift#dlo
[filter:versioned_writes]
use = egg:swift#versioned_writes
allow_versioned_writes = true
allow_object_versioning = true
[filter:symlink]
use = egg:swift#symlink
CONF

if ! (exec 3<>/dev/tcp/127.0.0.1/11211) 2>/dev/null; then
  setsid memcached -u root -l 127.0.0.1 -p 11211 -U 0 >"$RUN/memcached.log" 2>&1 < /dev/null & PIDS+=($!)
fi
for name in account container object proxy; do
  setsid "$PY" "/usr/bin/swift-$name-server" "$ETC/$name-server.conf" >"$RUN/$name.log" 2>&1 < /dev/null & PIDS+=($!)
done
for _ in $(seq 1 60); do
  curl -sf http://127.0.0.1:8080/healthcheck >/dev/null && break; sleep 0.5
done

SWIFT_VERSION="$(dpkg-query -W -f='${Version}' swift)" \
  "$PY" "$HERE/record.py" "$HERE" "$ETC/container-server.conf" "$@"
