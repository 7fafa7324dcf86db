#!/usr/bin/env bash
# CloudFs against OpenStack Swift on this machine, in one run, with one client (bench/LoadGen),
# in up to three configurations, one after the other (never two on the machine at once):
#   sqlite     CloudFs 1 replica, SQLite catalog (scripts/cluster.sh)        vs Swift 1 replica
#   mariadb    CloudFs 1 replica, MariaDB catalog (cluster.sh --catalog mariadb) vs Swift 1 replica
#   replicas3  CloudFs 3 replicas (cluster.sh --hosts 3, MariaDB)            vs Swift 3 replicas
# Installs what it needs (Debian's Swift, memcached, MariaDB, python3-swiftclient), measures the
# physical ceilings once (dd on the storage filesystem, a loopback HTTP server), then for each
# configuration brings up its CloudFs and its Swift all-in-one (bench/swift/swift-aio.sh), fsync
# on in both, runs the same workloads against both and stops them; writes bench/results/DATE.md
# with a section per configuration and stops everything it started.
#
#   bench/run.sh [--quick] [--runs N] [--config sqlite,mariadb,replicas3|all]
#                [--only small,large,account,listing] [--warmup SECONDS] [--keep] [--host-net]
#
# --config: the configurations, in that order (default: all three; with --quick: sqlite only).
# --quick: 20,000 objects for the listing instead of 100,000 and fewer requests per run.
# --warmup: seconds of untimed traffic to each system before its first workload, in every
#          configuration (default 30, with --quick 20; 0: none). See bench/README.md.
# --keep:  keep the scratch directory (BENCH_SCRATCH, default /var/tmp) with logs and raw results.
# --host-net: run on the host's loopback instead of a private network namespace (see README).
# BENCH_CLOUDFS_WAIT=SECONDS: wait that long for CloudFs's ports to be free (default 0).
# Not part of ./scripts/test.sh. See bench/README.md.
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/../scripts/lib/common.sh"
source "$CLOUDFS_ROOT/scripts/lib/packages.sh"

quick=0 runs=3 only="" keep=0 host_net=0 configs="" warmup=""
args=("$@")
while [ $# -gt 0 ]; do
  case $1 in
    --quick) quick=1 ;;
    --runs) runs=$2; shift ;;
    --only) only=$2; shift ;;
    --config) configs=$2; shift ;;
    --warmup) warmup=$2; shift ;;
    --keep) keep=1 ;;
    --host-net) host_net=1 ;;
    -h|--help) sed -n '2,/^set -euo/p' "$0" | sed '$d; s/^# \{0,1\}//'; exit 0 ;;
    *) die "unknown argument $1 (see --help)" ;;
  esac
  shift
done

source "$CLOUDFS_ROOT/bench/lib/systems.sh"
[ "$configs" != all ] || configs=$(IFS=,; echo "${BENCH_CONFIGS[*]}")
if [ -z "$configs" ]; then
  # --quick is the quick look while working: today's one configuration; --config all for the matrix.
  if [ $quick -eq 1 ]; then configs=sqlite; else configs=$(IFS=,; echo "${BENCH_CONFIGS[*]}"); fi
fi
IFS=, read -r -a CONFIGS <<<"$configs"
for config in "${CONFIGS[@]}"; do
  [ -n "${BENCH_CONFIG_TITLE[$config]:-}" ] || die "unknown configuration $config (--config takes ${BENCH_CONFIGS[*]} or all)"
done
[ -n "$warmup" ] || warmup=$([ $quick -eq 1 ] && echo 20 || echo 30)
all_configs=$([ "$configs" = "$(IFS=,; echo "${BENCH_CONFIGS[*]}")" ] && echo 1 || echo 0)
LOADGEN="$BENCH/LoadGen/bin/Release/net10.0/loadgen.dll"

build_loadgen() {
  log "building the load generator"
  dotnet build "$BENCH/LoadGen/LoadGen.csproj" -c Release -nologo -v:q -clp:ErrorsOnly -nodeReuse:false -p:UseSharedCompilation=false >&2
}
if [ -z "${BENCH_NETNS:-}" ] && [[ ",$configs," != ,sqlite, ]]; then
  # The MariaDB catalog, installed here: cluster.sh would do it inside the namespace, without network.
  ensure_packages mariadbd:mariadb-server mariadb:mariadb-client mariadb-install-db:mariadb-server
fi
bench_prepare $host_net build_loadgen "${args[@]}"
CEILING_PORT=8099
bench_scratch $keep
RESULTS="$SCRATCH/results.jsonl"

export CLOUDFS_MARIADB_FLUSH_AT_COMMIT=1   # a MariaDB catalog's commits durable, as SQLite's are

# --- Physical ceilings, once for every configuration, before any system runs: the disk under
# both systems' data, then HTTP over loopback (with the first configuration's workloads).
log "disk ceiling: dd of 1 GiB on $SCRATCH ($fstype)"
dd_figure() {  # op run dd-args...: one JSON line from dd's summary
  local op=$1 run=$2 bytes seconds; shift 2
  read -r bytes seconds < <(bench_dd "$@")
  awk -v op="$op" -v run="$run" -v b="$bytes" -v s="$seconds" 'BEGIN {
    printf "{\"system\":\"disk\",\"workload\":\"disk\",\"op\":\"%s\",\"size\":%d,\"concurrency\":1,\"run\":%d,\"ops\":1,\"failures\":0,\"seconds\":%.4f,\"opsPerSecond\":0,\"megabytesPerSecond\":%.1f,\"p50Ms\":0,\"p99Ms\":0}\n", op, b, run, s, b / 1e6 / s }' >>"$RESULTS"
}
for run in 1 2 3; do
  dd_figure write $run if=/dev/zero of="$SCRATCH/dd.bin" bs=1M count=1024 oflag=direct conv=fsync
  dd_figure read $run if="$SCRATCH/dd.bin" of=/dev/null bs=1M iflag=direct
  rm -f "$SCRATCH/dd.bin"
  # Synced 4 KiB writes, one after another (what an fsync per small PUT can reach with one writer).
  read -r _ seconds < <(bench_dd if=/dev/zero of="$SCRATCH/dsync.bin" bs=4k count=2000 oflag=dsync)
  awk -v run="$run" -v s="$seconds" 'BEGIN {
    printf "{\"system\":\"disk\",\"workload\":\"disk\",\"op\":\"dsync4k\",\"size\":4096,\"concurrency\":1,\"run\":%d,\"ops\":2000,\"failures\":0,\"seconds\":%.4f,\"opsPerSecond\":%.1f,\"megabytesPerSecond\":0,\"p50Ms\":0,\"p99Ms\":0}\n", run, s, 2000 / s }' >>"$RESULTS"
  rm -f "$SCRATCH/dsync.bin"
done

port_busy $CEILING_PORT && die "127.0.0.1:$CEILING_PORT (loopback ceiling server) is in use"
setsid dotnet "$LOADGEN" serve $CEILING_PORT >"$SCRATCH/ceiling.log" 2>&1 </dev/null &
ceiling_pid=$!
bench_track_session $ceiling_pid
quiet_wait "http://127.0.0.1:$CEILING_PORT/auth/v1.0" 30 || die "the loopback ceiling server did not start"

# --- Each configuration in turn: its CloudFs and its Swift up, the workloads through one
# client alternating between the systems run by run, both stopped before the next.
load_before=$(cut -d' ' -f1-3 /proc/loadavg)
declare -A config_note=() config_died=() config_started=() config_took=()
for config in "${CONFIGS[@]}"; do
  log "=== configuration $config: ${BENCH_CONFIG_TITLE[$config]}"
  config_started[$config]=$(date -u +%H:%M)
  start=$SECONDS
  bench_start_cloudfs "$config"
  bench_start_swift "${BENCH_CONFIG_REPLICAS[$config]}"
  targets=(--target "swift=http://127.0.0.1:8080/auth/v1.0@$("$BENCH/swift/swift-aio.sh" sessions "$SWIFT_DIR")")
  if [ -n "$cloudfs_pid" ]; then
    # Our own cluster (up or failed): measured, failures counted. Never someone else's cluster.
    targets=(--target "cloudfs=http://127.0.0.1:7010/auth/v1.0@$cloudfs_pid" "${targets[@]}")
  fi
  suite_args=(--out "$RESULTS" --config "$config" --runs "$runs" --warmup "$warmup" "${targets[@]}")
  # The loopback ceiling is the machine's, not a configuration's: measured once.
  [ "$config" != "${CONFIGS[0]}" ] || suite_args+=(--ceiling "loopback=http://127.0.0.1:$CEILING_PORT/auth/v1.0")
  [ $quick -eq 0 ] || suite_args+=(--quick)
  [ -z "$only" ] || suite_args+=(--only "$only")
  log "running the workloads ($config, $([ $quick -eq 1 ] && echo quick || echo full), $runs runs)"
  suite_rc=0
  dotnet "$LOADGEN" suite "${suite_args[@]}" || suite_rc=$?
  [ $suite_rc -eq 0 ] || log "warning: the load generator exited with $suite_rc; the report shows what was measured"
  [ "$config" != "${CONFIGS[0]}" ] || { stop_session "$ceiling_pid"; BENCH_SESSIONS=(); }
  config_note[$config]=$cloudfs_note
  if [ -n "$cloudfs_pid" ] && [ -z "$cloudfs_note" ] && ! kill -0 "$cloudfs_pid" 2>/dev/null; then
    # CloudFs stopped while the workloads ran: say so, with the last lines of its logs.
    config_note[$config]="CloudFs stopped during the workloads; the requests sent after that failed (log tails at the end of this section)"
    config_died[$config]=$(tail -5 "$SCRATCH/cloudfs.out"; for f in "$CLOUDFS_DIR"/log/*.log; do
      [ -f "$f" ] && { echo "== $(basename "$f") (last lines)"; grep -v '^\s*$' "$f" | tail -15; }; done)
    log "warning: ${config_note[$config]}"
  fi
  bench_stop_systems
  cp "$SCRATCH/cloudfs.out" "$SCRATCH/cloudfs-$config.out" 2>/dev/null || true
  # The next configuration starts on an empty disk; --keep keeps the logs.
  if [ $keep -eq 0 ]; then rm -rf "$CLOUDFS_DIR" "$SWIFT_DIR"; fi
  config_took[$config]=$(( (SECONDS - start + 30) / 60 ))
done

# --- The results file.
mkdir -p "$BENCH/results"
day=$(date -u +%F)
report="$BENCH/results/$day.md"
[ $quick -eq 0 ] || report="${report%.md}-quick.md"
# A subset (of the workloads, or of the configurations but --quick's default) never replaces a whole run.
if [ -n "$only" ] || { [ $all_configs -eq 0 ] && ! { [ $quick -eq 1 ] && [ "$configs" = sqlite ]; }; }; then
  report="${report%.md}-partial.md"
fi
n=2 base="${report%.md}"
while [ -e "$report" ]; do report="$base-$n.md"; n=$((n + 1)); done   # nor does a later run
swift_version=$(dpkg-query -W -f '${Version}' swift 2>/dev/null || echo unknown)
mariadb_version=$(mariadbd --version 2>/dev/null | sed -E 's/.*Ver ([^ ]+).*/\1/' || echo unknown)
dotnet_version=$(dotnet --version)
config_lines() {  # config: what its CloudFs and its Swift are
  case $1 in
    sqlite) echo "- CloudFs: \`scripts/cluster.sh\` (proxy, account, container, object server as four .NET $dotnet_version processes), embedded SQLite catalog (WAL; no MariaDB involved), object server \`FsyncMode: Always\` (blob file and directory fsynced before 201)." ;;
    mariadb) echo "- CloudFs: \`scripts/cluster.sh --catalog mariadb\` (the same four .NET $dotnet_version processes), the catalog on a private MariaDB $mariadb_version started by cluster.sh, \`innodb_flush_log_at_trx_commit=1\` (the redo log fsynced at every commit), object server \`FsyncMode: Always\`. MariaDB's CPU and memory count as CloudFs's (as memcached's count as Swift's)." ;;
    replicas3) echo "- CloudFs: \`scripts/cluster.sh --hosts 3\`: a proxy on 127.0.0.1 and an account, container and object server on each of 127.0.0.2-4 (ten .NET $dotnet_version processes), 3-replica rings (one zone per host), the catalog on a private MariaDB $mariadb_version (\`innodb_flush_log_at_trx_commit=1\`, its CPU and memory counted as CloudFs's), object servers \`FsyncMode: Always\`; a 201 once a quorum (2 of 3) fsynced the blob. Daemons: garbage collector every 300 s and auditor every 1800 s (the shipped defaults), replicator every 3600 s (cluster.sh's demo intervals of a few seconds would distort the figures)." ;;
  esac
  case ${BENCH_CONFIG_REPLICAS[$1]} in
    1) echo "- Swift: \`bench/swift/swift-aio.sh\`, one device, 1-replica rings." ;;
    *) echo "- Swift: \`REPLICAS=${BENCH_CONFIG_REPLICAS[$1]} bench/swift/swift-aio.sh\`: one account, container and object server, ${BENCH_CONFIG_REPLICAS[$1]} devices in ${BENCH_CONFIG_REPLICAS[$1]} zones, ${BENCH_CONFIG_REPLICAS[$1]}-replica rings (the SAIO layout on one node, no replicator); a 201 once a quorum of the copies is fsynced." ;;
  esac
}
{
  echo "# CloudFs vs OpenStack Swift — $day$([ $quick -eq 1 ] && echo ' (--quick)')"
  echo
  echo "Made by \`bench/run.sh$([ $quick -eq 1 ] && echo ' --quick')$([ "$runs" != 3 ] && echo " --runs $runs") --warmup $warmup --config $configs$([ -n "$only" ] && echo " --only $only")\` at $(date -u +%H:%M) UTC, commit $(git -C "$CLOUDFS_ROOT" rev-parse --short HEAD 2>/dev/null || echo unknown)$(git -C "$CLOUDFS_ROOT" diff --quiet HEAD 2>/dev/null || echo ' with uncommitted changes in the work tree')."
  echo "Each figure is the median of the runs with (min–max); runs alternate between the systems. The configurations ran one after the other, each with its own CloudFs and Swift, stopped before the next started."
  echo
  bench_machine_lines "the replicas of each configuration below"
  echo "- Swift: Debian's $swift_version (Python $(/usr/bin/python3 -c 'import sys; print(sys.version.split()[0])')), proxy with tempauth and memcached, \`workers = auto\` for every server; the object server fsyncs each object file and its directory before 201."
  echo "- Warm-up: before the first workload of each configuration, every system (and, in the first, the loopback server) got ${warmup} s of the same untimed traffic: 4 KiB objects PUT, read, HEADed and deleted at concurrency 16, one round in twenty with 1 MiB. A .NET server runs its first requests in unoptimised code and compiles for its first several thousand; the figures are of warm servers, as in service."
  echo "- Client: bench/LoadGen (HttpClient, SocketsHttpHandler, MaxConnectionsPerServer = concurrency, closed loop, every request timed; percentiles from the sorted samples). Debian's swift-bench was not used: on Python 3 it dies on \`xrange\` and its string bodies make PUTs fail without being counted (checked, see bench/README.md)."
  echo "- Ceilings, measured once before the first configuration, shared by every section: loopback HTTP, \`loadgen serve\`, a Kestrel server in its own process that answers the same Swift requests and stores nothing (PUT drains the body, GET streams generated bytes), run with the first configuration's workloads. Disk: dd of 1 GiB with \`oflag=direct conv=fsync\` (write) and \`iflag=direct\` (read); synced 4 KiB writes: dd \`bs=4k oflag=dsync\`, one writer."
  bench_network_line
  echo "- Load average (1/5/15 min) before the workloads: $load_before; after: $(cut -d' ' -f1-3 /proc/loadavg). Other work on the machine (e.g. other engineers' builds and tests) is not stopped by the benchmark."
  echo
  echo "## Issue 16's targets, every configuration (reported, not asserted)"
  echo
  for config in "${CONFIGS[@]}"; do echo "- \`$config\`: ${BENCH_CONFIG_TITLE[$config]}"; done
  echo
  dotnet "$LOADGEN" report --summary "$RESULTS"
  for config in "${CONFIGS[@]}"; do
    echo "## \`$config\`: ${BENCH_CONFIG_TITLE[$config]}"
    echo
    echo "Started at ${config_started[$config]} UTC, about ${config_took[$config]} min with start and stop."
    echo
    config_lines "$config"
    [ -z "${config_note[$config]}" ] || echo "- **CloudFs: ${config_note[$config]}.**"
    echo
    dotnet "$LOADGEN" report --config "$config" "$RESULTS"
    if [ -n "${config_died[$config]:-}" ]; then
      printf '### CloudFs logs after it stopped\n\n```\n%s\n```\n\n' "${config_died[$config]}"
    fi
  done
} >"$report"
cp "$RESULTS" "${report%.md}.jsonl"
cat "$report"
log "results: $report (raw: ${report%.md}.jsonl)"
