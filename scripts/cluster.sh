#!/usr/bin/env bash
# README command 1: builds CloudFs and runs a local cluster in the foreground.
#
# ./scripts/cluster.sh: a single-node cluster: proxy, account, container and object server as
# four processes on 127.0.0.1:7010-7013, the embedded SQLite catalog, one-replica rings (built on
# first run), two storage policies (Policy-0, the default, on device d1 and "silver" on d2 with its
# own object-1 ring), the cluster admin and the demo user test:tester / testing. State lives in
# var/local (CLOUDFS_STATE to move it). Ctrl-C stops every process it started.
#
# ./scripts/cluster.sh --catalog mariadb (or CLOUDFS_CATALOG=mariadb): the same single node with
# a private MariaDB as the catalog instead of SQLite, started and stopped with the cluster, its data
# kept in STATE/mariadb (as in --hosts N; see scripts/lib/mariadb.sh). State in var/local-mariadb.
#
# ./scripts/cluster.sh --hosts 3: three storage hosts (CLOUDFS_HOST_ADDRESSES, default
# "127.0.0.2 127.0.0.3 127.0.0.4"; --hosts N takes the first N), each with an account, a container
# and an object server on 7011-7013 and its own devices (d1 Policy-0, d2 silver), one proxy on
# CLOUDFS_PROXY_ADDRESS (default 127.0.0.1):7010, a private MariaDB catalog, 3-replica rings with one
# zone per host, daemons every few seconds. A server that dies is restarted. State in var/hostsN.
# See scripts/lib/hosts.sh.
#
# ./scripts/cluster.sh --hosts 3 --galera: the same hosts with the catalog on a MariaDB Galera
# cluster instead of one MariaDB: a node on each host's address (SQL port 13606 or the next free;
# Galera 4567, IST 4568, SST 4444), made on the first run and resumed on later ones, each host's
# account and container servers on their own node first and failing over to the others. The
# supervisor restarts a node that dies, and it rejoins by IST. State in var/hostsN-galera. See
# scripts/lib/galera.sh and docs/scaling.md.
#
# ./scripts/cluster.sh --tls: the proxy serves HTTPS on 7010, with a certificate from a local CA
# made once in STATE/tls; the output names the ca.pem to give clients (swift --os-cacert,
# rclone --ca-cert, curl --cacert). One host only. The role servers stay on plain HTTP on loopback.
#
# Flags: --no-build (use what is built), --tls, --hosts N, --galera (with --hosts 3 or more), --ring-hosts M (first run only: the rings
# cover the first M of the N hosts; the others run idle until an operator adds them to the rings),
# --catalog sqlite|mariadb (one host only; --hosts N always uses MariaDB).
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/lib/common.sh"
source "$CLOUDFS_ROOT/scripts/lib/cluster.sh"

HOST_COUNT=1
RING_HOSTS=""
BUILD=1
TLS=0
GALERA=0
SCHEME=http
CATALOG="${CLOUDFS_CATALOG:-}"
while [ $# -gt 0 ]; do
  case "$1" in
    --hosts) [ $# -ge 2 ] || die "--hosts needs a number"; HOST_COUNT=$2; shift 2 ;;
    --ring-hosts) [ $# -ge 2 ] || die "--ring-hosts needs a number"; RING_HOSTS=$2; shift 2 ;;
    --no-build) BUILD=0; shift ;;
    --tls) TLS=1; shift ;;
    --galera) GALERA=1; shift ;;
    --catalog) [ $# -ge 2 ] || die "--catalog needs sqlite or mariadb"; CATALOG=$2; shift 2 ;;
    -h|--help) sed -n '2,/^set -euo/p' "${BASH_SOURCE[0]}" | sed '$d; s/^# \{0,1\}//'; exit 0 ;;
    *) die "unknown argument $1 (see --help)" ;;
  esac
done
[[ "$HOST_COUNT" =~ ^[1-9][0-9]*$ ]] || die "--hosts takes a positive number, not $HOST_COUNT"
case "$CATALOG" in
  ""|sqlite|mariadb) ;;
  *) die "--catalog (CLOUDFS_CATALOG) takes sqlite or mariadb, not $CATALOG" ;;
esac

[ "$GALERA" -eq 0 ] || [ "$HOST_COUNT" -ge 3 ] || die "--galera needs --hosts 3 or more (a Galera cluster keeps quorum only with a majority of at least 3 nodes)"
if [ "$HOST_COUNT" -gt 1 ]; then
  [ "$TLS" -eq 0 ] || die "--tls is for one host (a cluster of hosts puts its TLS on the load balancer in front of the proxies)"
  [ "${CATALOG:-mariadb}" = mariadb ] || die "--hosts $HOST_COUNT always uses MariaDB as the catalog, not $CATALOG"
  source "$CLOUDFS_ROOT/scripts/lib/hosts.sh"
  run_hosts "$HOST_COUNT" "${RING_HOSTS:-$HOST_COUNT}"
  exit 0
fi

CATALOG=${CATALOG:-sqlite}
STATE="${CLOUDFS_STATE:-$CLOUDFS_ROOT/var/local}"
[ "$CATALOG" = sqlite ] || STATE="${CLOUDFS_STATE:-$CLOUDFS_ROOT/var/local-mariadb}"
BIND=127.0.0.1
PIDS=()
CATALOG_PID=""

stop_all() {
  trap - INT TERM EXIT
  if [ ${#PIDS[@]} -gt 0 ]; then
    log "stopping CloudFs"
    kill "${PIDS[@]}" 2>/dev/null || true
    wait "${PIDS[@]}" 2>/dev/null || true
  fi
  # The catalog server last, so no account server sees it vanish under it.
  if [ -n "$CATALOG_PID" ]; then
    kill "$CATALOG_PID" 2>/dev/null || true
    wait "$CATALOG_PID" 2>/dev/null || true
  fi
}
trap stop_all EXIT
trap 'exit 130' INT TERM

require_free_ports "$BIND" proxy account container object
if [ "$CATALOG" = mariadb ]; then
  source "$CLOUDFS_ROOT/scripts/lib/packages.sh"
  source "$CLOUDFS_ROOT/scripts/lib/mariadb.sh"
  ensure_packages mariadbd:mariadb-server mariadb:mariadb-client mariadb-install-db:mariadb-server
fi

if [ $BUILD -eq 1 ]; then build_solution || die "build failed"; fi
mkdir -p "$STATE/rings" "$STATE/devices/d1" "$STATE/devices/d2" "$STATE/log"

# Rings for one node, one replica: built once, then left to the operator's ring builder.
# object-1 is policy 1's object ring (Swift's object-N.ring.gz), on its own device.
declare -A RING_DEVICES=([account]=d1 [container]=d1 [object]=d1 [object-1]=d2)
for ring in account container object object-1; do
  build_ring_once "$ring" 10 1 1 "r1z1-$BIND:${ROLE_PORTS[${ring%%-*}]}/${RING_DEVICES[$ring]}" 100
done

ensure_admin_password
mapfile -t bootstrap < <(bootstrap_settings)

PROXY_SETTINGS=()
if [ "$TLS" -eq 1 ]; then
  source "$CLOUDFS_ROOT/scripts/lib/packages.sh"
  source "$CLOUDFS_ROOT/scripts/lib/tls.sh"
  tls_ensure "$STATE/tls" "$BIND"
  PROXY_SETTINGS=("CLOUDFS_Server__TlsCertificate=$STATE/tls/proxy.pem" "CLOUDFS_Server__TlsKey=$STATE/tls/proxy.key")
  SCHEME=https
  # curl (wait_http) trusts the local CA.
  export CURL_CA_BUNDLE="$STATE/tls/ca.pem"
fi

export CLOUDFS_Server__Bind=$BIND
export CLOUDFS_Server__RingDir="$STATE/rings"
if [ "$CATALOG" = mariadb ]; then
  # As --hosts N does it (scripts/lib/hosts.sh), without the supervisor: a MariaDB that dies
  # ends the cluster like any other process.
  mariadb_catalog_prepare "$STATE/mariadb"
  log "starting MariaDB on 127.0.0.1:$MARIADB_PORT (data in $STATE/mariadb/data)"
  mariadb_launch "$STATE/mariadb" "$MARIADB_PORT" >>"$STATE/log/mariadb.log" 2>&1
  CATALOG_PID=$MARIADB_PID
  mariadb_wait_ready "$STATE/mariadb" "$MARIADB_PORT"
  mariadb_catalog_export "$STATE/mariadb" cloudfs cloudfs
else
  export CLOUDFS_Catalog__Provider=Sqlite
  export CLOUDFS_Catalog__ConnectionString="Data Source=$STATE/catalog.db"
fi
export CLOUDFS_ObjectServer__DevicesRoot="$STATE/devices"
export_policies

for role in account container object proxy; do
  settings=("CLOUDFS_Server__DataDir=$STATE/$role" "${bootstrap[@]}")
  [ "$role" != proxy ] || settings+=("${PROXY_SETTINGS[@]}")
  launch_role "$role" "$STATE/log/$role.log" "${settings[@]}"
  PIDS+=("$LAUNCHED_PID")
done

for role in account container object proxy; do
  scheme=http
  [ "$role" != proxy ] || scheme=$SCHEME
  wait_http "$scheme://$BIND:${ROLE_PORTS[$role]}/healthcheck" 60 \
    || { tail -20 "$STATE/log/$role.log" >&2; die "$role server did not become healthy"; }
done

if [ "$CATALOG" = mariadb ]; then
  print_running "CloudFs is running (proxy, account, container, object on $BIND:7010-7013)." "$BIND" "$BIND" \
    "MariaDB:    127.0.0.1:$MARIADB_PORT, database cloudfs, user cloudfs, password in $STATE/mariadb/password"
else
  print_running "CloudFs is running (proxy, account, container, object on $BIND:7010-7013)." "$BIND" "$BIND"
fi

# Stay in the foreground until Ctrl-C or until a server dies.
while true; do
  for i in "${!PIDS[@]}"; do
    if ! kill -0 "${PIDS[$i]}" 2>/dev/null; then
      die "a CloudFs process (pid ${PIDS[$i]}) exited; see $STATE/log/"
    fi
  done
  if [ -n "$CATALOG_PID" ] && ! kill -0 "$CATALOG_PID" 2>/dev/null; then
    die "MariaDB (pid $CATALOG_PID) exited; see $STATE/mariadb/error.log"
  fi
  sleep 1
done
