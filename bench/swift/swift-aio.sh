#!/usr/bin/env bash
# A single-node OpenStack Swift (Debian's 2.30 packages) on loopback for the benchmark:
# proxy 8080 with tempauth (test:tester / testing, .admin), object 6200, container 6201,
# account 6202, memcached 11211; rings built with swift-ring-builder; devices are plain
# directories under DIR (mount_check = false), which must not be tmpfs.
#
# REPLICAS=N (default 1): N devices d1..dN, one zone each, and rings with N replicas, served by
# the same one account, container and object server (REPLICAS=3 is the classic SAIO layout on
# one node, without its four storage nodes: every copy is written and fsynced, by one server).
# No replicator, auditor or updater runs, whatever N (nothing here heals; it is measured).
#
#   bench/swift/swift-aio.sh up DIR     # configure under DIR and start; returns when healthy
#   bench/swift/swift-aio.sh down DIR   # stop everything `up` started for DIR
#   bench/swift/swift-aio.sh sessions DIR  # session ids of the started servers (for /proc sampling)
#
# Each server runs in its own session (setsid): Swift servers SIGTERM their whole process
# group on shutdown. The hash path prefix/suffix come from /etc/swift/swift.conf, the only
# place Swift reads them; one is written when it is missing.
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/../../scripts/lib/common.sh"

REPLICAS=${REPLICAS:-1}
[[ "$REPLICAS" =~ ^[1-9]$ ]] || { echo "REPLICAS takes 1..9, not $REPLICAS" >&2; exit 2; }
PY=/usr/bin/python3   # Debian's interpreter: the one with Swift's libraries
SERVERS=(account container object proxy)
declare -A PORTS=([proxy]=8080 [object]=6200 [container]=6201 [account]=6202 [memcached]=11211)

usage() { echo "usage: $0 up|down|sessions DIR" >&2; exit 2; }
[ $# -eq 2 ] || usage
action=$1 dir=$2

port_busy() { (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null; }

ensure_swift_conf() {
  local conf=/etc/swift/swift.conf
  if [ -f "$conf" ] && grep -Eq '^\s*swift_hash_path_(prefix|suffix)\s*=\s*\S' "$conf"; then
    return 0
  fi
  log "writing $conf (hash path prefix/suffix)"
  as_root mkdir -p /etc/swift
  printf '[swift-hash]\nswift_hash_path_prefix = %s\nswift_hash_path_suffix = %s\n\n[storage-policy:0]\nname = Policy-0\ndefault = yes\n' \
    "$(tr -dc a-z0-9 </dev/urandom | head -c 16)" "$(tr -dc a-z0-9 </dev/urandom | head -c 16)" \
    | as_root tee "$conf" >/dev/null
}

build_rings() {
  local etc=$1 role port device
  # Rings are built once per DIR: a later `up` with another REPLICAS would silently keep the old ones.
  if [ -f "$etc/replicas" ] && [ "$(cat "$etc/replicas")" != "$REPLICAS" ]; then
    die "$dir has rings with $(cat "$etc/replicas") replicas, not REPLICAS=$REPLICAS; use another DIR"
  fi
  echo "$REPLICAS" >"$etc/replicas"
  for role in account container object; do
    port=${PORTS[$role]}
    [ -f "$etc/$role.ring.gz" ] && continue
    swift-ring-builder "$etc/$role.builder" create 10 "$REPLICAS" 1 >/dev/null
    for ((device = 1; device <= REPLICAS; device++)); do
      swift-ring-builder "$etc/$role.builder" add "r1z$device-127.0.0.1:$port/d$device" 100 >/dev/null
    done
    swift-ring-builder "$etc/$role.builder" rebalance >/dev/null
  done
}

start_detached() {  # name command...: own session, pid recorded in $dir/run/name.pid
  local name=$1; shift
  setsid "$@" >>"$dir/log/$name.log" 2>&1 < /dev/null &
  echo $! >"$dir/run/$name.pid"
}

up() {
  local fstype
  mkdir -p "$dir"
  fstype=$(df --output=fstype "$dir" | tail -1)
  [ "$fstype" != tmpfs ] || die "$dir is on tmpfs; Swift must be measured on a real disk"
  local name
  for name in "${!PORTS[@]}"; do
    ! port_busy "${PORTS[$name]}" || die "127.0.0.1:${PORTS[$name]} ($name) is already in use"
  done
  ensure_swift_conf
  local etc="$dir/etc"
  mkdir -p "$etc/recon" "$dir/log" "$dir/run"
  local d; for ((d = 1; d <= REPLICAS; d++)); do mkdir -p "$dir/srv/node/d$d"; done
  local conf_src; conf_src="$(dirname "${BASH_SOURCE[0]}")/conf"
  for name in "${SERVERS[@]}"; do
    sed -e "s|@SWIFT_DIR@|$etc|g" -e "s|@DEVICES@|$dir/srv/node|g" -e "s|@USER@|$(id -un)|g" \
      "$conf_src/$name-server.conf" >"$etc/$name-server.conf"
  done
  build_rings "$etc"

  local user=(); [ "$(id -u)" -eq 0 ] && user=(-u root)
  start_detached memcached memcached "${user[@]}" -l 127.0.0.1 -p 11211 -U 0 -m 256
  for name in "${SERVERS[@]}"; do
    start_detached "$name" "$PY" "/usr/bin/swift-$name-server" "$etc/$name-server.conf"
  done
  for name in account container object proxy; do
    wait_http "http://127.0.0.1:${PORTS[$name]}/healthcheck" 60 2>/dev/null \
      || { tail -20 "$dir/log/$name.log" >&2; down; die "swift $name server did not become healthy"; }
  done
  log "Swift is up: http://127.0.0.1:8080/auth/v1.0 (test:tester / testing), $REPLICAS replica(s); state in $dir"
}

down() {
  local pidfile pid i
  for pidfile in "$dir"/run/*.pid; do
    [ -f "$pidfile" ] || continue
    pid=$(cat "$pidfile")
    # The session leader's pid is the session (and process group) id: stop the whole group.
    kill -TERM -- "-$pid" 2>/dev/null || true
  done
  for pidfile in "$dir"/run/*.pid; do
    [ -f "$pidfile" ] || continue
    pid=$(cat "$pidfile")
    for ((i = 0; i < 100; i++)); do
      pgrep -s "$pid" >/dev/null 2>&1 || break
      sleep 0.1
    done
    pgrep -s "$pid" >/dev/null 2>&1 && kill -KILL -- "-$pid" 2>/dev/null || true
    rm -f "$pidfile"
  done
  return 0
}

sessions() {
  local pidfile out=()
  for pidfile in "$dir"/run/*.pid; do
    [ -f "$pidfile" ] && out+=("$(cat "$pidfile")")
  done
  local IFS=,; echo "${out[*]}"
}

case $action in
  up) up ;;
  down) down ;;
  sessions) sessions ;;
  *) usage ;;
esac
