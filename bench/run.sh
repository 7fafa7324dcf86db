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

BENCH="$CLOUDFS_ROOT/bench"
# Builds here and in scripts/cluster.sh leave no MSBuild node or compiler server behind.
export MSBUILDDISABLENODEREUSE=1 UseSharedCompilation=false DOTNET_CLI_USE_MSBUILD_SERVER=0
LOADGEN="$BENCH/LoadGen/bin/Release/net10.0/loadgen.dll"

if [ -z "${BENCH_NETNS:-}" ]; then
  # Everything that needs the network (apt, NuGet restore) happens before the namespace.
  ensure_packages swift-proxy-server:swift-proxy swift-account-server:swift-account \
    swift-container-server:swift-container swift-object-server:swift-object \
    swift-ring-builder:swift memcached:memcached swift:python3-swiftclient curl:curl ip:iproute2
  log "building the load generator"
  dotnet build "$BENCH/LoadGen/LoadGen.csproj" -c Release -nologo -v:q -clp:ErrorsOnly -nodeReuse:false -p:UseSharedCompilation=false >&2
  build_solution >&2 || log "warning: CloudFs does not build; scripts/cluster.sh will say why"
  if [ $host_net -eq 0 ] && [ "$(id -u)" -eq 0 ]; then
    # A private network namespace: its own 127.0.0.1, so neither a developer's cluster nor an
    # end-to-end test on 127.0.0.x can collide with the benchmark's ports, in either direction.
    if unshare --net true 2>/dev/null; then
      log "entering a private network namespace (--host-net to stay on the host's loopback)"
      exec unshare --net -- env BENCH_NETNS=1 "$0" "${args[@]}"
    fi
    log "warning: unshare --net was refused; using the host's loopback"
  elif [ $host_net -eq 0 ]; then
    log "not root: using the host's loopback (a private network namespace needs root)"
  fi
fi
if [ "${BENCH_NETNS:-}" = 1 ]; then
  ip link set lo up
fi
CEILING_PORT=8099
mkdir -p "${BENCH_SCRATCH:-/var/tmp}"
SCRATCH="$(mktemp -d "${BENCH_SCRATCH:-/var/tmp}/cloudfs-bench.XXXXXX")"
RESULTS="$SCRATCH/results.jsonl"
cloudfs_pid="" ceiling_pid="" swift_started=0

stop_session() {  # pid of a session leader started with setsid: TERM it, then its group, then KILL
  local pid=$1 i
  [ -n "$pid" ] || return 0
  # TERM, not INT: a background job of a non-interactive shell starts with SIGINT ignored.
  kill -TERM "$pid" 2>/dev/null || true
  for ((i = 0; i < 100; i++)); do pgrep -s "$pid" >/dev/null || return 0; sleep 0.1; done
  kill -TERM -- "-$pid" 2>/dev/null || true
  for ((i = 0; i < 50; i++)); do pgrep -s "$pid" >/dev/null || return 0; sleep 0.1; done
  kill -KILL -- "-$pid" 2>/dev/null || true
}

cleanup() {
  local rc=$?
  trap - EXIT INT TERM
  log "stopping everything the benchmark started"
  stop_session "$ceiling_pid"
  stop_session "$cloudfs_pid"
  [ $swift_started -eq 0 ] || "$BENCH/swift/swift-aio.sh" down "$SCRATCH/swift" || true
  if [ $keep -eq 1 ]; then log "scratch kept: $SCRATCH"; else rm -rf "$SCRATCH"; fi
  exit $rc
}
trap cleanup EXIT
trap 'exit 130' INT TERM

port_busy() { (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null; }
quiet_wait() { wait_http "$1" "$2" 2>/dev/null; }

fstype=$(df --output=fstype "$SCRATCH" | tail -1)
[ "$fstype" != tmpfs ] || die "$SCRATCH is on tmpfs; set BENCH_SCRATCH to a directory on a real disk"

# --- CloudFs: scripts/cluster.sh with its state in the scratch dir (same filesystem as Swift's devices).
# Someone else's cluster on 7010-7013 is never measured nor touched: wait up to
# BENCH_CLOUDFS_WAIT seconds (default 0) for the ports to be free, else report CloudFs as n/a.
cloudfs_note="" start=$SECONDS
while :; do
  cloudfs_note=""
  for port in 7010 7011 7012 7013; do
    if port_busy $port; then cloudfs_note="127.0.0.1:$port was already in use by another process (another CloudFs cluster?); CloudFs was not measured"; fi
  done
  [ -n "$cloudfs_note" ] && (( SECONDS - start < ${BENCH_CLOUDFS_WAIT:-0} )) || break
  sleep 5
done
if [ -z "$cloudfs_note" ]; then
  log "starting CloudFs (scripts/cluster.sh builds the solution first)"
  # cluster.sh makes the admin password with `tr </dev/urandom | head`, which under its
  # `set -o pipefail` ends the script (tr dies of SIGPIPE) on a fresh state directory; it keeps
  # a password that already exists, so give it one.
  mkdir -p "$SCRATCH/cloudfs"
  (umask 077; od -An -tx1 -N12 /dev/urandom | tr -d ' \n' >"$SCRATCH/cloudfs/admin-password")
  CLOUDFS_STATE="$SCRATCH/cloudfs" setsid "$CLOUDFS_ROOT/scripts/cluster.sh" >"$SCRATCH/cloudfs.out" 2>&1 </dev/null &
  cloudfs_pid=$!
  start=$SECONDS
  until quiet_wait http://127.0.0.1:7010/healthcheck 2; do
    if ! kill -0 "$cloudfs_pid" 2>/dev/null || (( SECONDS - start > 900 )); then
      cloudfs_note="scripts/cluster.sh did not bring CloudFs up: $(grep -m1 -E 'error' "$SCRATCH/cloudfs.out" || tail -1 "$SCRATCH/cloudfs.out")"
      tail -20 "$SCRATCH/cloudfs.out" >&2 || true
      break
    fi
  done
  [ -n "$cloudfs_note" ] || log "CloudFs is up"
fi
[ -z "$cloudfs_note" ] || log "warning: $cloudfs_note"

# --- Swift all-in-one.
swift_started=1
"$BENCH/swift/swift-aio.sh" up "$SCRATCH/swift"
swift -A http://127.0.0.1:8080/auth/v1.0 -U test:tester -K testing stat >/dev/null

# --- Physical ceilings: the disk under both systems' data, then HTTP over loopback.
log "disk ceiling: dd of 1 GiB on $SCRATCH ($fstype)"
dd_figure() {  # op run dd-args...: one JSON line from dd's summary
  local op=$1 run=$2; shift 2
  local out bytes seconds
  out=$(LC_ALL=C dd "$@" 2>&1 | tail -1)
  bytes=$(awk '{print $1}' <<<"$out"); seconds=$(sed -E 's/.* copied, ([0-9.e+-]+) s.*/\1/' <<<"$out")
  awk -v op="$op" -v run="$run" -v b="$bytes" -v s="$seconds" 'BEGIN {
    printf "{\"system\":\"disk\",\"workload\":\"disk\",\"op\":\"%s\",\"size\":%d,\"concurrency\":1,\"run\":%d,\"ops\":1,\"failures\":0,\"seconds\":%.4f,\"opsPerSecond\":0,\"megabytesPerSecond\":%.1f,\"p50Ms\":0,\"p99Ms\":0}\n", op, b, run, s, b / 1e6 / s }' >>"$RESULTS"
}
for run in 1 2 3; do
  dd_figure write $run if=/dev/zero of="$SCRATCH/dd.bin" bs=1M count=1024 oflag=direct conv=fsync
  dd_figure read $run if="$SCRATCH/dd.bin" of=/dev/null bs=1M iflag=direct
  rm -f "$SCRATCH/dd.bin"
  # Synced 4 KiB writes, one after another (what an fsync per small PUT can reach with one writer).
  out=$(LC_ALL=C dd if=/dev/zero of="$SCRATCH/dsync.bin" bs=4k count=2000 oflag=dsync 2>&1 | tail -1)
  seconds=$(sed -E 's/.* copied, ([0-9.e+-]+) s.*/\1/' <<<"$out")
  awk -v run="$run" -v s="$seconds" 'BEGIN {
    printf "{\"system\":\"disk\",\"workload\":\"disk\",\"op\":\"dsync4k\",\"size\":4096,\"concurrency\":1,\"run\":%d,\"ops\":2000,\"failures\":0,\"seconds\":%.4f,\"opsPerSecond\":%.1f,\"megabytesPerSecond\":0,\"p50Ms\":0,\"p99Ms\":0}\n", run, s, 2000 / s }' >>"$RESULTS"
  rm -f "$SCRATCH/dsync.bin"
done

port_busy $CEILING_PORT && die "127.0.0.1:$CEILING_PORT (loopback ceiling server) is in use"
setsid dotnet "$LOADGEN" serve $CEILING_PORT >"$SCRATCH/ceiling.log" 2>&1 </dev/null &
ceiling_pid=$!
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
  echo "- Machine: $(nproc) cores ($(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | xargs)), $(free -g | awk '/Mem:/{print $2}') GiB memory, kernel $(uname -r); the client runs on the same cores."
  echo "- Storage: both systems' data on $(df --output=source "$SCRATCH" | tail -1) ($fstype), the same filesystem; 1 replica each."
  echo "- CloudFs: \`scripts/cluster.sh\` (proxy, account, container, object server as four .NET $(dotnet --version) processes), embedded SQLite catalog (WAL; no MariaDB involved), object server \`FsyncMode: Always\` (blob file and directory fsynced before 201)."
  echo "- Swift: Debian's $swift_version (Python $(/usr/bin/python3 -c 'import sys; print(sys.version.split()[0])')), proxy with tempauth and memcached, \`workers = auto\` for every server; the object server fsyncs each object file and its directory before 201."
  echo "- Client: bench/LoadGen (HttpClient, SocketsHttpHandler, MaxConnectionsPerServer = concurrency, closed loop, every request timed; percentiles from the sorted samples). Debian's swift-bench was not used: on Python 3 it dies on \`xrange\` and its string bodies make PUTs fail without being counted (checked, see bench/README.md)."
  echo "- Loopback ceiling: \`loadgen serve\`, a Kestrel server in its own process that answers the same Swift requests and stores nothing (PUT drains the body, GET streams generated bytes). Disk ceiling: dd of 1 GiB with \`oflag=direct conv=fsync\` (write) and \`iflag=direct\` (read); synced 4 KiB writes: dd \`bs=4k oflag=dsync\`, one writer."
  [ "${BENCH_NETNS:-}" != 1 ] || echo "- Network: a private network namespace (\`unshare --net\`) with its own loopback, so no other process on the machine shared the benchmark's ports."
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
