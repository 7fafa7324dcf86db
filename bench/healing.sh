#!/usr/bin/env bash
# Healing figures for issue 15, on `scripts/cluster.sh --hosts 3` (three storage hosts, 3 replicas):
#  1. Idle CPU: CPU seconds per minute of every CloudFs process on an idle cluster holding the
#     objects, with the daemons (replicator every 5 s, auditor, garbage collector), with the
#     auditor off, and without any (their intervals set to 0); the differences are what the
#     daemons cost at rest. The auditor is never idle: with more data than it reads in one
#     interval at its byte rate, it runs all the time, as Swift's does.
#  2. Heal: host 2's Policy-0 device is wiped (its contents removed, the mount point kept) and
#     the time until every blob it held is back is measured: seconds, blobs/s and MB/s.
#
#   bench/healing.sh [--objects N] [--size BYTES] [--idle SECONDS] [--keep] [--host-net]
#
# --objects N: objects uploaded (default 2000); --size BYTES: each object's size (default 262144).
# --idle SECONDS: length of each idle CPU sample (default 60).
# --keep: keep the scratch directory (BENCH_SCRATCH, default /var/tmp) with logs.
# --host-net: run on the host's loopback instead of a private network namespace.
# Writes bench/results/DATE-healing.md. Not part of ./scripts/test.sh. See bench/README.md.
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/../scripts/lib/common.sh"
source "$CLOUDFS_ROOT/scripts/lib/packages.sh"

objects=2000 size=262144 idle=60 keep=0 host_net=0
args=("$@")
while [ $# -gt 0 ]; do
  case $1 in
    --objects) objects=$2; shift ;;
    --size) size=$2; shift ;;
    --idle) idle=$2; shift ;;
    --keep) keep=1 ;;
    --host-net) host_net=1 ;;
    -h|--help) sed -n '2,16p' "$0"; exit 0 ;;
    *) die "unknown argument $1 (see --help)" ;;
  esac
  shift
done
[[ $objects =~ ^[1-9][0-9]*$ && $size =~ ^[0-9]+$ && $idle =~ ^[1-9][0-9]*$ ]] || die "--objects, --size and --idle take numbers"

source "$CLOUDFS_ROOT/bench/lib/systems.sh"
bench_prepare $host_net "" "${args[@]}"
bench_scratch $keep

STATE="$SCRATCH/cloudfs"
HOSTS=(127.0.0.2 127.0.0.3 127.0.0.4)
VICTIM="$STATE/devices/${HOSTS[1]}/d1"
CLK_TCK=$(getconf CLK_TCK)
session=""

start_cluster() {  # env assignments for the roles, then waits for the proxy
  log "starting scripts/cluster.sh --hosts 3 $*"
  env "$@" CLOUDFS_STATE="$STATE" setsid "$CLOUDFS_ROOT/scripts/cluster.sh" --hosts 3 --no-build >>"$SCRATCH/cluster.out" 2>&1 </dev/null &
  session=$!
  bench_track_session "$session"
  local start=$SECONDS
  until grep -q "Admin user" "$SCRATCH/cluster.out" 2>/dev/null && wait_http http://127.0.0.1:7010/healthcheck 2; do
    kill -0 "$session" 2>/dev/null || { tail -20 "$SCRATCH/cluster.out" >&2; die "cluster.sh exited"; }
    (( SECONDS - start < 300 )) || die "the cluster did not come up in 300 s"
    sleep 1
  done
}

stop_cluster() { stop_session "$session"; session=""; : >"$SCRATCH/cluster.out"; }

# CPU ticks used so far by every CloudFs process (MariaDB left out: it serves clients, not daemons).
cpu_ticks() {
  local total=0 f pid
  for f in "$STATE"/run/{proxy,account,container,object}-*.pid; do
    pid=$(cat "$f" 2>/dev/null) || continue
    [ -r "/proc/$pid/stat" ] || continue
    total=$(( total + $(awk '{print $14 + $15}' "/proc/$pid/stat") ))
  done
  echo $total
}

idle_cpu() {  # CPU seconds per minute over $idle seconds of doing nothing
  sleep 15  # let start-up work and a first pass settle
  local before after
  before=$(cpu_ticks); sleep "$idle"; after=$(cpu_ticks)
  awk -v t=$((after - before)) -v hz="$CLK_TCK" -v s="$idle" 'BEGIN { printf "%.2f", t / hz * 60 / s }'
}

blob_count() { find "$1" -name '*.data' 2>/dev/null | wc -l; }
blob_bytes() { find "$1" -name '*.data' -printf '%s\n' 2>/dev/null | awk '{ s += $1 } END { print s + 0 }'; }

start_cluster
auth=(-A http://127.0.0.1:7010/auth/v1.0 -U test:tester -K testing)
log "making $objects objects of $size bytes"
mkdir -p "$SCRATCH/data/set"
head -c $((objects * size)) /dev/urandom | split -b "$size" -a 6 -d - "$SCRATCH/data/set/o"
log "uploading them"
upload_start=$(date +%s.%N)
(cd "$SCRATCH/data" && swift "${auth[@]}" upload --object-threads 16 heal set >/dev/null)
upload_end=$(date +%s.%N)

# Every object on three hosts before anything is measured.
total_expected=$((objects * 3))
until [ "$(blob_count "$STATE/devices")" -ge "$total_expected" ]; do sleep 1; done
held=$(blob_count "$VICTIM"); held_bytes=$(blob_bytes "$VICTIM")
log "host ${HOSTS[1]} d1 holds $held blobs ($held_bytes bytes)"

log "idle CPU with the daemons on"
cpu_on=$(idle_cpu)
stop_cluster
start_cluster CLOUDFS_ObjectServer__Auditor__IntervalSeconds=0
log "idle CPU with the replicator and the garbage collector, the auditor off"
cpu_repl=$(idle_cpu)
stop_cluster
start_cluster CLOUDFS_ObjectServer__Replication__IntervalSeconds=0 CLOUDFS_ObjectServer__Auditor__IntervalSeconds=0 \
  CLOUDFS_ObjectServer__GarbageIntervalSeconds=0
log "idle CPU with the daemons off"
cpu_off=$(idle_cpu)
stop_cluster
start_cluster
sleep 10

log "wiping $VICTIM"
# Renamed away in one step (then deleted): the replicators start refilling at once, and a slow
# rm -rf would race them.
mv "${VICTIM:?}" "$VICTIM.wiped" && mkdir "$VICTIM"
wipe=$(date +%s.%N)
rm -rf "$VICTIM.wiped"
until [ "$(blob_count "$VICTIM")" -ge "$held" ]; do
  sleep 0.2
  (( $(date +%s) - ${wipe%.*} < 1800 )) || die "not healed within 30 minutes"
done
healed=$(date +%s.%N)
heal_s=$(awk -v a="$wipe" -v b="$healed" 'BEGIN { printf "%.1f", b - a }')
healed_bytes=$(blob_bytes "$VICTIM")
identical=0
while read -r f; do
  twin="${f/\/${HOSTS[1]}\//\/${HOSTS[2]}\/}"
  [ -f "$twin" ] || twin="${f/\/${HOSTS[1]}\//\/${HOSTS[0]}\/}"
  cmp -s "$f" "$twin" && identical=$((identical + 1))
done < <(find "$VICTIM" -name '*.data')
recon=$(curl -s "http://${HOSTS[0]}:7013/recon/replication")

out="$CLOUDFS_ROOT/bench/results/$(date -u +%F)-healing.md"
{
  echo "# Healing on a three-host cluster ($(date -u '+%F %H:%M UTC'))"
  echo
  echo "\`bench/healing.sh --objects $objects --size $size --idle $idle\`: \`scripts/cluster.sh --hosts 3\` (3 replicas, one zone per host, MariaDB catalog, replicator every 5 s with concurrency 2 and no byte cap, auditor every 30 s at 10 MB/s, garbage collector every 10 s)."
  echo
  bench_machine_lines | sed 's/; 1 replica each\././'
  bench_network_line
  echo
  echo "| Figure | Value |"
  echo "|---|---|"
  echo "| Objects uploaded (3 replicas each) | $objects × $size bytes in $(awk -v a="$upload_start" -v b="$upload_end" 'BEGIN { printf "%.1f", b - a }') s |"
  echo "| Idle CPU, all CloudFs processes, daemons on | $cpu_on CPU s per minute |"
  echo "| Idle CPU, replicator and garbage collector only (auditor off) | $cpu_repl CPU s per minute |"
  echo "| Idle CPU, daemons off | $cpu_off CPU s per minute |"
  echo "| Daemons' extra idle CPU, all | $(awk -v a="$cpu_on" -v b="$cpu_off" 'BEGIN { printf "%.2f CPU s per minute (%.1f%% of one core)", a - b, (a - b) / 60 * 100 }') |"
  echo "| of which the replicator and garbage collector | $(awk -v a="$cpu_repl" -v b="$cpu_off" 'BEGIN { printf "%.2f CPU s per minute (%.1f%% of one core)", a - b, (a - b) / 60 * 100 }') |"
  echo "| Wiped device | $held blobs, $held_bytes bytes (with 64-byte footers) |"
  echo "| Time to heal (wipe → every blob back) | $heal_s s |"
  echo "| Heal rate | $(awk -v n="$held" -v b="$healed_bytes" -v s="$heal_s" 'BEGIN { printf "%.0f blobs/s, %.1f MB/s", n / s, b / s / 1e6 }') |"
  echo "| Restored files identical to another replica | $identical of $held |"
  echo
  echo "The heal time includes the wait for the next pass (up to 5 s). Pass statistics of host ${HOSTS[0]} afterwards:"
  echo
  echo '```'
  echo "$recon"
  echo '```'
} >"$out"
cat "$out"
log "results in $out"
