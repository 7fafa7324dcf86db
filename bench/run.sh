#!/usr/bin/env bash
# CloudFs against OpenStack Swift on this machine, in one run, with one client (bench/LoadGen).
# Installs what it needs (Debian's Swift, memcached, python3-swiftclient), brings up a
# single-node CloudFs (scripts/cluster.sh, SQLite catalog) and a single-node Swift all-in-one
# (bench/swift/swift-aio.sh), both with one replica and fsync on, measures the physical
# ceilings (dd on the storage filesystem, a loopback HTTP server), runs the same workloads
# against both, writes bench/results/DATE.md and stops everything it started.
#
#   bench/run.sh [--quick] [--runs N] [--only small,large,account,listing] [--keep] [--host-net]
#
# --quick: 20,000 objects for the listing instead of 100,000 and fewer requests per run.
# --keep:  keep the scratch directory (BENCH_SCRATCH, default /var/tmp) with logs and raw results.
# --host-net: run on the host's loopback instead of a private network namespace (see README).
# BENCH_CLOUDFS_WAIT=SECONDS: wait that long for 127.0.0.1:7010-7013 to be free (default 0).
# Not part of ./scripts/test.sh. See bench/README.md.
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/../scripts/lib/common.sh"
source "$CLOUDFS_ROOT/scripts/lib/packages.sh"

quick=0 runs=3 only="" keep=0 host_net=0
args=("$@")
while [ $# -gt 0 ]; do
  case $1 in
    --quick) quick=1 ;;
    --runs) runs=$2; shift ;;
    --only) only=$2; shift ;;
    --keep) keep=1 ;;
    --host-net) host_net=1 ;;
    -h|--help) sed -n '2,20p' "$0"; exit 0 ;;
    *) die "unknown argument $1 (see --help)" ;;
  esac
  shift
done

source "$CLOUDFS_ROOT/bench/lib/systems.sh"
LOADGEN="$BENCH/LoadGen/bin/Release/net10.0/loadgen.dll"

build_loadgen() {
  log "building the load generator"
  dotnet build "$BENCH/LoadGen/LoadGen.csproj" -c Release -nologo -v:q -clp:ErrorsOnly -nodeReuse:false -p:UseSharedCompilation=false >&2
}
bench_prepare $host_net build_loadgen "${args[@]}"
CEILING_PORT=8099
bench_scratch $keep
RESULTS="$SCRATCH/results.jsonl"

bench_start_cloudfs

# --- Swift all-in-one.
bench_start_swift

# --- Physical ceilings: the disk under both systems' data, then HTTP over loopback.
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
bench_track_session $!
quiet_wait "http://127.0.0.1:$CEILING_PORT/auth/v1.0" 30 || die "the loopback ceiling server did not start"

# --- The workloads, through one client, alternating between the systems run by run.
targets=(--target "swift=http://127.0.0.1:8080/auth/v1.0@$("$BENCH/swift/swift-aio.sh" sessions "$SCRATCH/swift")")
if [ -n "$cloudfs_pid" ]; then
  # Our own cluster (up or failed): measured, failures counted. Never someone else's cluster.
  targets=(--target "cloudfs=http://127.0.0.1:7010/auth/v1.0@$cloudfs_pid" "${targets[@]}")
fi
suite_args=(--out "$RESULTS" --runs "$runs" "${targets[@]}" --ceiling "loopback=http://127.0.0.1:$CEILING_PORT/auth/v1.0")
[ $quick -eq 0 ] || suite_args+=(--quick)
[ -z "$only" ] || suite_args+=(--only "$only")
load_before=$(cut -d' ' -f1-3 /proc/loadavg)
log "running the workloads ($([ $quick -eq 1 ] && echo quick || echo full), $runs runs)"
suite_rc=0
dotnet "$LOADGEN" suite "${suite_args[@]}" || suite_rc=$?
[ $suite_rc -eq 0 ] || log "warning: the load generator exited with $suite_rc; the report shows what was measured"
cloudfs_died=""
if [ -n "$cloudfs_pid" ] && [ -z "$cloudfs_note" ] && ! kill -0 "$cloudfs_pid" 2>/dev/null; then
  # CloudFs stopped while the workloads ran: say so, with the last lines of its logs.
  cloudfs_note="CloudFs stopped during the workloads; the requests sent after that failed (log tails at the end)"
  cloudfs_died=$(tail -5 "$SCRATCH/cloudfs.out"; for f in "$SCRATCH"/cloudfs/log/*.log; do
    [ -f "$f" ] && { echo "== $(basename "$f") (last lines)"; grep -v '^\s*$' "$f" | tail -15; }; done)
  log "warning: $cloudfs_note"
fi

# --- The results file.
mkdir -p "$BENCH/results"
day=$(date -u +%F)
report="$BENCH/results/$day.md"
[ $quick -eq 0 ] || report="${report%.md}-quick.md"
[ -z "$only" ] || report="${report%.md}-partial.md"   # a subset never replaces a whole run
n=2 base="${report%.md}"
while [ -e "$report" ]; do report="$base-$n.md"; n=$((n + 1)); done   # nor does a later run
swift_version=$(dpkg-query -W -f '${Version}' swift 2>/dev/null || echo unknown)
{
  echo "# CloudFs vs OpenStack Swift — $day$([ $quick -eq 1 ] && echo ' (--quick)')"
  echo
  echo "Made by \`bench/run.sh$([ $quick -eq 1 ] && echo ' --quick')$([ "$runs" != 3 ] && echo " --runs $runs")$([ -n "$only" ] && echo " --only $only")\` at $(date -u +%H:%M) UTC, commit $(git -C "$CLOUDFS_ROOT" rev-parse --short HEAD 2>/dev/null || echo unknown)$(git -C "$CLOUDFS_ROOT" diff --quiet HEAD 2>/dev/null || echo ' with uncommitted changes in the work tree')."
  echo "Each figure is the median of the runs with (min–max); runs alternate between the systems."
  echo
  bench_machine_lines
  echo "- CloudFs: \`scripts/cluster.sh\` (proxy, account, container, object server as four .NET $(dotnet --version) processes), embedded SQLite catalog (WAL; no MariaDB involved), object server \`FsyncMode: Always\` (blob file and directory fsynced before 201)."
  echo "- Swift: Debian's $swift_version (Python $(/usr/bin/python3 -c 'import sys; print(sys.version.split()[0])')), proxy with tempauth and memcached, \`workers = auto\` for every server; the object server fsyncs each object file and its directory before 201."
  echo "- Client: bench/LoadGen (HttpClient, SocketsHttpHandler, MaxConnectionsPerServer = concurrency, closed loop, every request timed; percentiles from the sorted samples). Debian's swift-bench was not used: on Python 3 it dies on \`xrange\` and its string bodies make PUTs fail without being counted (checked, see bench/README.md)."
  echo "- Loopback ceiling: \`loadgen serve\`, a Kestrel server in its own process that answers the same Swift requests and stores nothing (PUT drains the body, GET streams generated bytes). Disk ceiling: dd of 1 GiB with \`oflag=direct conv=fsync\` (write) and \`iflag=direct\` (read); synced 4 KiB writes: dd \`bs=4k oflag=dsync\`, one writer."
  bench_network_line
  echo "- Load average (1/5/15 min) before the workloads: $load_before; after: $(cut -d' ' -f1-3 /proc/loadavg). Other work on the machine (e.g. other engineers' builds and tests) is not stopped by the benchmark."
  [ -z "$cloudfs_note" ] || echo "- **CloudFs: $cloudfs_note.**"
  echo
  dotnet "$LOADGEN" report "$RESULTS"
  if [ -n "$cloudfs_died" ]; then
    printf '### CloudFs logs after it stopped\n\n```\n%s\n```\n' "$cloudfs_died"
  fi
} >"$report"
cp "$RESULTS" "${report%.md}.jsonl"
cat "$report"
log "results: $report (raw: ${report%.md}.jsonl)"
