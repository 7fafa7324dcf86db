#!/usr/bin/env bash
# Where a small PUT's time goes: starts a one-host CloudFs (scripts/cluster.sh --no-build, after a
# build) in a private network namespace, runs phases of 4 KiB PUTs with `loadgen put`, and prints,
# per phase, ops/s, p50/p99, the disk cache flushes per PUT (the whole disk's, other work included)
# and the CPU milliseconds each role process spent per PUT (utime+stime from /proc). --op get or head measures reads instead, of the objects the warm-up phase stored;
# --op delete deletes what an unmeasured PUT phase just before each measured one stored; --op overwrite
# PUTs over the warm-up phase's 1000 objects, in turn (an overwrite's commit: the old row updated, its
# blob queued).
# With --trace ROLE it also records a CPU-sampling trace of that role (proxy, account, container,
# object) during the last phase with dotnet-trace and prints its hottest frames; with --perf ROLE
# a CPU profile of that role with perf (JIT'd frames named through perf maps); with --strace ROLE
# the system calls that role made per request in the last phase (strace -c; slows it down).
# --catalog mariadb puts the catalog on cluster.sh's private MariaDB (every commit fsynced, as in
# bench/run.sh); mariadbd's CPU is then a column of its own, with the statements it ran per PUT.
#
#   bench/profile.sh [--count N] [--conc "1 16 64"] [--size BYTES] [--op put|get|head|delete|overwrite]
#                    [--catalog sqlite|mariadb] [--trace ROLE] [--perf ROLE] [--strace ROLE] [--keep]
#
# Figures only, for docs/performance.md; bench/run.sh is the benchmark against Swift.
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/../scripts/lib/common.sh"
count=2000 concs="1 16 64" size=4096 op=put catalog=sqlite trace="" perf_role="" strace_role="" keep=0
while [ $# -gt 0 ]; do
  case $1 in
    --count) count=$2; shift ;;
    --conc) concs=$2; shift ;;
    --size) size=$2; shift ;;
    --op) op=$2; shift ;;
    --trace) trace=$2; shift ;;
    --perf) perf_role=$2; shift ;;
    --strace) strace_role=$2; shift ;;
    --catalog) catalog=$2; shift ;;
    --keep) keep=1 ;;
    -h|--help) sed -n '2,17p' "$0"; exit 0 ;;
    *) die "unknown argument $1 (see --help)" ;;
  esac
  shift
done
case "$catalog" in sqlite|mariadb) ;; *) die "--catalog takes sqlite or mariadb, not $catalog" ;; esac
case "$op" in put|get|head|delete|overwrite) ;; *) die "--op takes put, get, head, delete or overwrite, not $op" ;; esac
[ -z "$strace_role" ] || command -v strace >/dev/null || die "--strace needs strace (apt-get install strace)"
args=(--count "$count" --conc "$concs" --size "$size" --op "$op" --catalog "$catalog")
[ -z "$trace" ] || args+=(--trace "$trace")
[ -z "$perf_role" ] || args+=(--perf "$perf_role")
[ -z "$strace_role" ] || args+=(--strace "$strace_role")
[ $keep -eq 0 ] || args+=(--keep)

LOADGEN="$CLOUDFS_ROOT/bench/LoadGen/bin/Release/net10.0/loadgen.dll"
if [ -z "${PROFILE_NETNS:-}" ]; then
  export MSBUILDDISABLENODEREUSE=1 UseSharedCompilation=false DOTNET_CLI_USE_MSBUILD_SERVER=0
  build_solution >&2 || die "build failed"
  dotnet build "$CLOUDFS_ROOT/bench/LoadGen/LoadGen.csproj" -c Release -nologo -v:q -clp:ErrorsOnly >&2
  if [ -n "$trace" ] && ! command -v dotnet-trace >/dev/null && [ ! -x "$HOME/.dotnet/tools/dotnet-trace" ]; then
    dotnet tool install -g dotnet-trace >&2
  fi
  if [ "$catalog" = mariadb ]; then
    # Before the private namespace, which has no route to the package mirror.
    source "$CLOUDFS_ROOT/scripts/lib/packages.sh"
    ensure_packages mariadbd:mariadb-server mariadb:mariadb-client mariadb-install-db:mariadb-server
  fi
  [ "$(id -u)" -eq 0 ] || die "needs root for a private network namespace (unshare --net)"
  exec unshare --net -- env PROFILE_NETNS=1 "$0" "${args[@]}"
fi
ip link set lo up
export PATH="$PATH:$HOME/.dotnet/tools"

scratch=$(mktemp -d "${BENCH_SCRATCH:-/var/tmp}/cloudfs-profile.XXXXXX")
cluster_pid=""
cleanup() {
  [ -z "$cluster_pid" ] || { kill -TERM -- "-$cluster_pid" 2>/dev/null || true; wait "$cluster_pid" 2>/dev/null || true; }
  [ $keep -eq 1 ] && log "kept $scratch" || rm -rf "$scratch"
}
trap cleanup EXIT
# perf names JIT'd frames from /tmp/perf-PID.map; W^X's double mapping would hide them.
[ -z "$perf_role" ] || export DOTNET_PerfMapEnabled=1 DOTNET_EnableWriteXorExecute=0
# As bench/run.sh: a 201 means the catalog row is on disk.
[ "$catalog" = sqlite ] || export CLOUDFS_CATALOG=mariadb CLOUDFS_MARIADB_FLUSH_AT_COMMIT=1
# The daemons at bench/run.sh's intervals: the replicator's default 30 s pass over every partition
# (its directory listings) would otherwise fall inside the measured phases, and bench/run.sh,
# like Swift's all-in-one, runs none while it measures.
export CLOUDFS_ObjectServer__GarbageIntervalSeconds="${CLOUDFS_ObjectServer__GarbageIntervalSeconds:-300}" \
  CLOUDFS_ObjectServer__Auditor__IntervalSeconds="${CLOUDFS_ObjectServer__Auditor__IntervalSeconds:-1800}" \
  CLOUDFS_ObjectServer__Replication__IntervalSeconds="${CLOUDFS_ObjectServer__Replication__IntervalSeconds:-3600}"
CLOUDFS_STATE="$scratch/state" setsid "$CLOUDFS_ROOT/scripts/cluster.sh" --no-build >"$scratch/cluster.out" 2>&1 </dev/null &
cluster_pid=$!
for port in 7011 7012 7013 7010; do
  wait_http "http://127.0.0.1:$port/healthcheck" 120 || { tail -30 "$scratch/cluster.out" >&2; die "the cluster did not start"; }
done

# The role processes of the cluster's session (setsid), by their assembly names.
declare -A PID
for role in proxy:Proxy account:AccountServer container:ContainerServer object:ObjectServer; do
  PID[${role%%:*}]=$(ps -eo pid=,sid=,args= | awk -v sid="$cluster_pid" -v dll="CloudFs.${role##*:}.dll" '$2 == sid && index($0, dll) { print $1; exit }')
  [ -n "${PID[${role%%:*}]}" ] || die "no ${role%%:*} server process found"
done
ticks() { awk '{ print $14 + $15 }' "/proc/$1/stat"; }
# Busy ticks of the whole machine (user, nice, system, irq, softirq): the client and the kernel's
# own threads included, which per-process figures miss (writeback a syncfs hands to kworkers).
machine_ticks() { awk '/^cpu / { print $2 + $3 + $4 + $7 + $8; exit }' /proc/stat; }
# Cache flushes the scratch directory's disk completed (/proc/diskstats, field 19): every fsync
# that commits ext4's journal sends one, so flushes per op count the syncs a request really cost.
disk=$(lsblk -no PKNAME "$(df --output=source "$scratch" | tail -1)" 2>/dev/null || true)
[ -n "$disk" ] || disk=$(basename "$(df --output=source "$scratch" | tail -1)")
flushes() { awk -v d="$disk" '$3 == d { print $19 + 0; found = 1 } END { if (!found) print 0 }' /proc/diskstats; }
hz=$(getconf CLK_TCK)
roles=(proxy account container object)
statements() { echo 0; }
if [ "$catalog" = mariadb ]; then
  PID[db]=$(cat "$scratch/state/mariadb/mysqld.pid")
  roles+=(db)
  # Statements the server ran (Questions counts each one a client sent, not those in procedures).
  statements() {
    mariadb --no-defaults -h127.0.0.1 -P"$(cat "$scratch/state/mariadb/port")" -uroot -N \
      -e "SHOW GLOBAL STATUS LIKE 'Questions'" | awk '{ print $2 }'
  }
fi

# A first phase, not reported, so the JIT and the connection pools are warm for the measured ones;
# its objects are what --op get and head read.
warm_objects=1000
warm=$(dotnet "$LOADGEN" put http://127.0.0.1:7010/auth/v1.0 "$warm_objects" 16 "$size")
warm_container=$(sed 's/.*container=\([^ ]*\) .*/\1/' <<<"$warm")
# A delete phase's objects, stored by prepare before the CPU counters are read.
delete_container=""
prepare() {
  [ "$op" = delete ] || return 0
  local stored
  stored=$(dotnet "$LOADGEN" put http://127.0.0.1:7010/auth/v1.0 "$count" 16 "$size") || die "storing the objects to delete failed: $stored"
  delete_container=$(sed 's/.*container=\([^ ]*\) .*/\1/' <<<"$stored")
}
phase() {
  case "$op" in
    put) dotnet "$LOADGEN" put http://127.0.0.1:7010/auth/v1.0 "$count" "$1" "$size" ;;
    delete) dotnet "$LOADGEN" delete http://127.0.0.1:7010/auth/v1.0 "$delete_container" "$count" "$count" "$1" "$size" ;;
    *) dotnet "$LOADGEN" "$op" http://127.0.0.1:7010/auth/v1.0 "$warm_container" "$warm_objects" "$count" "$1" "$size" ;;
  esac
}
printf '%-4s %8s %8s %8s %6s %7s   CPU ms per %s: %s\n' conc ops/s p50 p99 sql/op flush/op "${op^^}" "${roles[*]} total machine"
for c in $concs; do
  prepare
  declare -A before=()
  for r in "${roles[@]}"; do before[$r]=$(ticks "${PID[$r]}"); done
  machine_before=$(machine_ticks)
  sql_before=$(statements)
  flushes_before=$(flushes)
  tracer=""
  if [ -n "$trace" ] && [ "$c" = "${concs##* }" ]; then
    # A fixed duration: a background dotnet-trace ignores SIGINT, its usual stop.
    dotnet-trace collect -p "${PID[$trace]}" --profile dotnet-sampled-thread-time --duration 00:00:00:15 \
      -o "$scratch/$trace.nettrace" >"$scratch/trace.out" 2>&1 &
    tracer=$!
    sleep 2
  fi
  profiler=""
  if [ -n "$perf_role" ] && [ "$c" = "${concs##* }" ]; then
    perf record -F 499 -g -p "${PID[$perf_role]}" -o "$scratch/perf.data" -- sleep 12 >"$scratch/perf.out" 2>&1 &
    profiler=$!
  fi
  counter=""
  if [ -n "$strace_role" ] && [ "$c" = "${concs##* }" ]; then
    strace -c -f -o "$scratch/strace.out" -p "${PID[$strace_role]}" 2>/dev/null &
    counter=$!
    sleep 1
  fi
  line=$(phase "$c")
  if [ -n "$tracer" ]; then wait "$tracer" || true; fi
  if [ -n "$profiler" ]; then wait "$profiler" || true; fi
  if [ -n "$counter" ]; then kill -INT "$counter"; wait "$counter" || true; fi
  ops=$(sed 's/.*ops=\([0-9]*\) .*/\1/' <<<"$line")
  sql=$(awk -v a="$sql_before" -v b="$(statements)" -v n="$ops" 'BEGIN { printf "%.1f", (b - a) / n }')
  flush=$(awk -v a="$flushes_before" -v b="$(flushes)" -v n="$ops" 'BEGIN { printf "%.2f", (b - a) / n }')
  cpu="" total=0
  for r in "${roles[@]}"; do
    ms=$(awk -v a="${before[$r]}" -v b="$(ticks "${PID[$r]}")" -v hz="$hz" -v n="$ops" 'BEGIN { printf "%.2f", (b - a) * 1000 / hz / n }')
    cpu+="$ms " total=$(awk -v t="$total" -v m="$ms" 'BEGIN { printf "%.2f", t + m }')
  done
  machine=$(awk -v a="$machine_before" -v b="$(machine_ticks)" -v hz="$hz" -v n="$ops" 'BEGIN { printf "%.2f", (b - a) * 1000 / hz / n }')
  read -r opss p50 p99 < <(sed 's/.*ops\/s=\([0-9]*\) p50=\([0-9.]*\)ms p99=\([0-9.]*\)ms.*/\1 \2 \3/' <<<"$line")
  printf '%-4s %8s %8s %8s %6s %7s   %s%s %s\n' "$c" "$opss" "$p50" "$p99" "$sql" "$flush" "$cpu" "$total" "$machine"
done
# With FsyncMode Grouped, how many writes each syncfs answered (over all phases, warm-up included).
curl -s http://127.0.0.1:7013/metrics | awk '/^cloudfs_object_group_syncs_total/ { s += $NF } /^cloudfs_object_group_syncs_writes_total/ { w += $NF }
  END { if (s > 0) printf "object server group syncs: %d for %d writes, %.1f writes per sync\n", s, w, w / s }'

if [ -n "$perf_role" ]; then
  log "perf: the $perf_role server's samples by shared object, then its hottest symbols"
  perf report -i "$scratch/perf.data" --no-children --sort dso --stdio -g none 2>/dev/null | grep -v '^#' | grep -v '^$' | head -15 || true
  perf report -i "$scratch/perf.data" --no-children --sort sym --stdio -g none 2>/dev/null | grep -v '^#' | grep -v '^$' | head -60 || true
fi
if [ -n "$strace_role" ]; then
  log "strace: the $strace_role server's system calls in the last phase, per ${op^^} (${ops} of them)"
  awk -v n="$ops" '$NF ~ /^[a-z_0-9]+$/ && $4 ~ /^[0-9]+$/ && $NF != "total" {
      printf "%-18s %8.2f per op  (%d calls, %s errors)\n", $NF, $4 / n, $4, ($5 ~ /^[0-9]+$/ ? $5 : 0) }' "$scratch/strace.out" |
    sort -k2 -rn
fi
if [ -n "$trace" ]; then
  log "hottest frames of the $trace server (exclusive, then inclusive):"
  dotnet-trace report "$scratch/$trace.nettrace" topN -n 25 2>&1 | tail -30 || true
  dotnet-trace report "$scratch/$trace.nettrace" topN -n 40 --inclusive 2>&1 | tail -44 || true
fi
