#!/usr/bin/env bash
# README command 1: builds CloudFs and runs a local single-node cluster in the foreground:
# proxy, account, container and object server as four processes on 127.0.0.1:7010-7013,
# the embedded SQLite catalog, one-replica rings (built on first run), two storage policies
# (Policy-0, the default, on device d1 and "silver" on d2 with its own object-1 ring), the
# cluster admin and the demo user test:tester / testing. State lives in var/local (CLOUDFS_STATE to move
# it). Ctrl-C stops every process it started.
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/lib/common.sh"

STATE="${CLOUDFS_STATE:-$CLOUDFS_ROOT/var/local}"
BIND=127.0.0.1
declare -A PORTS=([proxy]=7010 [account]=7011 [container]=7012 [object]=7013)
declare -A PROJECTS=([proxy]=Proxy [account]=AccountServer [container]=ContainerServer [object]=ObjectServer)
PIDS=()

stop_all() {
  trap - INT TERM EXIT
  if [ ${#PIDS[@]} -gt 0 ]; then
    log "stopping CloudFs"
    kill "${PIDS[@]}" 2>/dev/null || true
    wait "${PIDS[@]}" 2>/dev/null || true
  fi
}
trap stop_all EXIT
trap 'exit 130' INT TERM

for role in proxy account container object; do
  port_in_use=0
  (exec 3<>"/dev/tcp/$BIND/${PORTS[$role]}") 2>/dev/null && port_in_use=1
  [ $port_in_use -eq 0 ] || die "port ${PORTS[$role]} on $BIND is already in use (another cluster running?)"
done

build_solution || die "build failed"
mkdir -p "$STATE/rings" "$STATE/devices/d1" "$STATE/devices/d2" "$STATE/log"

# Rings for one node, one replica: built once, then left to the operator's ring builder.
ring_cli="$(project_dll RingBuilder cloudfs-ring)"
# object-1 is policy 1's object ring (Swift's object-N.ring.gz), on its own device.
declare -A RING_DEVICES=([account]=d1 [container]=d1 [object]=d1 [object-1]=d2)
for ring in account container object object-1; do
  if [ ! -f "$STATE/rings/$ring.ring" ]; then
    builder="$STATE/rings/$ring.builder"
    log "building the $ring ring"
    rm -f "$builder"
    dotnet "$ring_cli" "$builder" create 10 1 1 >/dev/null
    dotnet "$ring_cli" "$builder" add "r1z1-$BIND:${PORTS[${ring%%-*}]}/${RING_DEVICES[$ring]}" 100 >/dev/null
    dotnet "$ring_cli" "$builder" rebalance >/dev/null
  fi
done

# The admin password is made on first run and kept (readable only by you) for later runs.
if [ ! -s "$STATE/admin-password" ]; then
  # head closes the pipe early; under pipefail tr's SIGPIPE would end the script.
  (umask 077; head -c 20 < <(tr -dc 'A-Za-z0-9' </dev/urandom) >"$STATE/admin-password")
fi
admin_password="$(cat "$STATE/admin-password")"

export CLOUDFS_Server__Bind=$BIND
export CLOUDFS_Server__RingDir="$STATE/rings"
export CLOUDFS_Catalog__Provider=Sqlite
export CLOUDFS_Catalog__ConnectionString="Data Source=$STATE/catalog.db"
export CLOUDFS_ObjectServer__DevicesRoot="$STATE/devices"
# Storage policies (Swift's [storage-policy:N]): containers take Policy-0 unless created with
# X-Storage-Policy: silver.
export CLOUDFS_Cluster__StoragePolicies__0__Name=Policy-0
export CLOUDFS_Cluster__StoragePolicies__0__Index=0
export CLOUDFS_Cluster__StoragePolicies__0__Default=true
export CLOUDFS_Cluster__StoragePolicies__1__Name=silver
export CLOUDFS_Cluster__StoragePolicies__1__Index=1

for role in account container object proxy; do
  config="$CLOUDFS_ROOT/etc/$role-server.json"
  CLOUDFS_Server__DataDir="$STATE/$role" \
  CLOUDFS_Bootstrap__AdminPassword="$admin_password" \
  CLOUDFS_Bootstrap__Users__0__User=test:tester \
  CLOUDFS_Bootstrap__Users__0__Key=testing \
  CLOUDFS_Bootstrap__Users__0__Type=owner \
    dotnet "$(project_dll "${PROJECTS[$role]}" "CloudFs.${PROJECTS[$role]}")" --config "$config" \
    >>"$STATE/log/$role.log" 2>&1 &
  PIDS+=($!)
done

for role in account container object proxy; do
  wait_http "http://$BIND:${PORTS[$role]}/healthcheck" 60 \
    || { tail -20 "$STATE/log/$role.log" >&2; die "$role server did not become healthy"; }
done

cat <<INFO

CloudFs is running (proxy, account, container, object on $BIND:7010-7013).
  Auth URL:   http://$BIND:7010/auth/v1.0
  Demo user:  test:tester   key: testing
  Admin user: admin:admin   key: $admin_password
  Policies:   Policy-0 (default), silver (curl -X PUT -H 'X-Storage-Policy: silver' ...)
  Try:        swift -A http://$BIND:7010/auth/v1.0 -U test:tester -K testing stat
  Health:     curl http://$BIND:7010/healthcheck   ·   curl http://$BIND:7013/recon
  Logs:       $STATE/log/*.log
Ctrl-C stops the cluster.
INFO

# Stay in the foreground until Ctrl-C or until a server dies.
while true; do
  for i in "${!PIDS[@]}"; do
    if ! kill -0 "${PIDS[$i]}" 2>/dev/null; then
      die "a CloudFs process (pid ${PIDS[$i]}) exited; see $STATE/log/"
    fi
  done
  sleep 1
done
