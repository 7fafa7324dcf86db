# The setup every CloudFs-against-Swift benchmark shares (bench/run.sh, bench/large-objects.sh).
# Sourced after scripts/lib/common.sh and scripts/lib/packages.sh, not run.
#
#   bench_prepare HOST_NET BUILD_CMD ARGS...  packages, builds, then re-exec in a private network namespace
#   bench_scratch KEEP                        makes $SCRATCH (not tmpfs) and the EXIT trap that stops everything
#   bench_start_cloudfs [CONFIG]              scripts/cluster.sh on $SCRATCH/cloudfs: sets cloudfs_pid, cloudfs_note
#                                             (CONFIG sqlite, the default, mariadb or replicas3: see bench_config_*)
#   bench_start_swift [REPLICAS]              bench/swift/swift-aio.sh up $SCRATCH/swift (REPLICAS, default 1)
#   bench_stop_systems                        stops both (before the next configuration starts its own)
#   bench_track_session PID                   another setsid process for the EXIT trap to stop
#   bench_dd OP DD-ARGS...                    "bytes seconds" of one dd
#   bench_machine_lines [REPLICAS], bench_network_line   the Machine/Storage and Network lines of a results file

BENCH="$CLOUDFS_ROOT/bench"
# Builds here and in scripts/cluster.sh leave no MSBuild node or compiler server behind.
export MSBUILDDISABLENODEREUSE=1 UseSharedCompilation=false DOTNET_CLI_USE_MSBUILD_SERVER=0

cloudfs_pid="" cloudfs_note="" swift_started=0 bench_keep=0
CLOUDFS_DIR="" SWIFT_DIR=""
BENCH_SESSIONS=()

# The configurations bench/run.sh measures (--config), each a CloudFs and the Swift it is set against.
BENCH_CONFIGS=(sqlite mariadb replicas3)
declare -A BENCH_CONFIG_TITLE=(
  [sqlite]="CloudFs 1 replica, SQLite catalog, against Swift 1 replica"
  [mariadb]="CloudFs 1 replica, MariaDB catalog, against Swift 1 replica"
  [replicas3]="CloudFs 3 replicas (3 hosts, MariaDB catalog) against a 3-replica Swift all-in-one"
)
# scripts/cluster.sh's arguments and the Swift replica count of each configuration.
declare -A BENCH_CONFIG_CLUSTER=([sqlite]="" [mariadb]="--catalog mariadb" [replicas3]="--hosts 3")
declare -A BENCH_CONFIG_REPLICAS=([sqlite]=1 [mariadb]=1 [replicas3]=3)

# Everything that needs the network (apt, NuGet restore) happens before the namespace, so
# this runs first; in the namespace (BENCH_NETNS=1) it only brings the loopback up.
# BUILD_CMD is a function name run before the solution is built ("" for none).
bench_prepare() {
  local host_net=$1 build_cmd=$2; shift 2
  if [ -z "${BENCH_NETNS:-}" ]; then
    ensure_packages swift-proxy-server:swift-proxy swift-account-server:swift-account \
      swift-container-server:swift-container swift-object-server:swift-object \
      swift-ring-builder:swift memcached:memcached swift:python3-swiftclient curl:curl ip:iproute2
    [ -z "$build_cmd" ] || "$build_cmd"
    build_solution >&2 || log "warning: CloudFs does not build; scripts/cluster.sh will say why"
    if [ "$host_net" -eq 0 ] && [ "$(id -u)" -eq 0 ]; then
      # A private network namespace: its own 127.0.0.1, so neither a developer's cluster nor an
      # end-to-end test on 127.0.0.x can collide with the benchmark's ports, in either direction.
      if unshare --net true 2>/dev/null; then
        log "entering a private network namespace (--host-net to stay on the host's loopback)"
        exec unshare --net -- env BENCH_NETNS=1 "$0" "$@"
      fi
      log "warning: unshare --net was refused; using the host's loopback"
    elif [ "$host_net" -eq 0 ]; then
      log "not root: using the host's loopback (a private network namespace needs root)"
    fi
  fi
  if [ "${BENCH_NETNS:-}" = 1 ]; then
    ip link set lo up
  fi
}

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

bench_track_session() { BENCH_SESSIONS+=("$1"); }

bench_cleanup() {
  local rc=$? pid
  trap - EXIT INT TERM
  log "stopping everything the benchmark started"
  for pid in "${BENCH_SESSIONS[@]}"; do stop_session "$pid"; done
  bench_stop_systems
  if [ $bench_keep -eq 1 ]; then log "scratch kept: $SCRATCH"; else rm -rf "$SCRATCH"; fi
  exit $rc
}

bench_scratch() {
  bench_keep=$1
  mkdir -p "${BENCH_SCRATCH:-/var/tmp}"
  SCRATCH="$(mktemp -d "${BENCH_SCRATCH:-/var/tmp}/cloudfs-bench.XXXXXX")"
  trap bench_cleanup EXIT
  trap 'exit 130' INT TERM
  fstype=$(df --output=fstype "$SCRATCH" | tail -1)
  [ "$fstype" != tmpfs ] || die "$SCRATCH is on tmpfs; set BENCH_SCRATCH to a directory on a real disk"
}

port_busy() { (exec 3<>"/dev/tcp/${2:-127.0.0.1}/$1") 2>/dev/null; }
quiet_wait() { wait_http "$1" "$2" 2>/dev/null; }

# CloudFs: scripts/cluster.sh with its state in the scratch dir (same filesystem as Swift's devices).
# Someone else's cluster on its ports is never measured nor touched: wait up to
# BENCH_CLOUDFS_WAIT seconds (default 0) for the ports to be free, else cloudfs_note says why.
# CONFIG (default sqlite) picks the cluster: see BENCH_CONFIG_CLUSTER. The state is
# $SCRATCH/cloudfs for sqlite (as always) and $SCRATCH/cloudfs-CONFIG for the others.
bench_start_cloudfs() {
  local config=${1:-sqlite} start=$SECONDS port address addresses=(127.0.0.1) args
  read -r -a args <<<"${BENCH_CONFIG_CLUSTER[$config]}"
  CLOUDFS_DIR="$SCRATCH/cloudfs"
  [ "$config" = sqlite ] || CLOUDFS_DIR="$SCRATCH/cloudfs-$config"
  [ "$config" != replicas3 ] || addresses+=(127.0.0.2 127.0.0.3 127.0.0.4)
  while :; do
    cloudfs_note=""
    for address in "${addresses[@]}"; do
      for port in 7010 7011 7012 7013; do
        if port_busy $port "$address"; then cloudfs_note="$address:$port was already in use by another process (another CloudFs cluster?); CloudFs was not measured"; fi
      done
    done
    [ -n "$cloudfs_note" ] && (( SECONDS - start < ${BENCH_CLOUDFS_WAIT:-0} )) || break
    sleep 5
  done
  if [ -z "$cloudfs_note" ]; then
    log "starting CloudFs ($config: scripts/cluster.sh ${args[*]}; it builds the solution first)"
    mkdir -p "$CLOUDFS_DIR"
    # The 3-host cluster's daemons run every few seconds for demos: here the garbage collector and
    # the auditor keep the one-host cluster's (shipped) intervals, and the replicator, which has
    # real work only with 3 replicas, waits an hour (Swift's all-in-one runs no replicator at all).
    CLOUDFS_STATE="$CLOUDFS_DIR" \
      CLOUDFS_ObjectServer__GarbageIntervalSeconds="${CLOUDFS_ObjectServer__GarbageIntervalSeconds:-300}" \
      CLOUDFS_ObjectServer__Auditor__IntervalSeconds="${CLOUDFS_ObjectServer__Auditor__IntervalSeconds:-1800}" \
      CLOUDFS_ObjectServer__Replication__IntervalSeconds="${CLOUDFS_ObjectServer__Replication__IntervalSeconds:-3600}" \
      setsid "$CLOUDFS_ROOT/scripts/cluster.sh" "${args[@]}" >"$SCRATCH/cloudfs.out" 2>&1 </dev/null &
    cloudfs_pid=$!
    start=$SECONDS
    # The line cluster.sh prints once every server answers (the proxy alone may answer earlier).
    until grep -q "Ctrl-C stops the cluster" "$SCRATCH/cloudfs.out" && quiet_wait http://127.0.0.1:7010/healthcheck 2; do
      if ! kill -0 "$cloudfs_pid" 2>/dev/null || (( SECONDS - start > 900 )); then
        cloudfs_note="scripts/cluster.sh did not bring CloudFs up: $(grep -m1 -E 'error' "$SCRATCH/cloudfs.out" || tail -1 "$SCRATCH/cloudfs.out")"
        tail -20 "$SCRATCH/cloudfs.out" >&2 || true
        break
      fi
      sleep 1
    done
    [ -n "$cloudfs_note" ] || log "CloudFs is up"
  fi
  [ -z "$cloudfs_note" ] || log "warning: $cloudfs_note"
}

# bench_start_swift [REPLICAS]: the all-in-one in $SCRATCH/swift (1 replica) or $SCRATCH/swift-rN.
bench_start_swift() {
  local replicas=${1:-1}
  SWIFT_DIR="$SCRATCH/swift"
  [ "$replicas" -eq 1 ] || SWIFT_DIR="$SCRATCH/swift-r$replicas"
  swift_started=1
  REPLICAS=$replicas "$BENCH/swift/swift-aio.sh" up "$SWIFT_DIR"
  swift -A http://127.0.0.1:8080/auth/v1.0 -U test:tester -K testing stat >/dev/null
}

# bench_stop_systems: CloudFs and Swift stopped (each configuration brings up its own).
bench_stop_systems() {
  stop_session "$cloudfs_pid"
  cloudfs_pid=""
  if [ $swift_started -eq 1 ]; then "$BENCH/swift/swift-aio.sh" down "$SWIFT_DIR" || true; fi
  swift_started=0
}

# One dd, as "bytes seconds" from its summary line.
bench_dd() {
  local out bytes seconds
  out=$(LC_ALL=C dd "$@" 2>&1 | tail -1)
  bytes=$(awk '{print $1}' <<<"$out"); seconds=$(sed -E 's/.* copied, ([0-9.e+-]+) s.*/\1/' <<<"$out")
  echo "$bytes $seconds"
}

bench_machine_lines() {
  echo "- Machine: $(nproc) cores ($(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | xargs)), $(free -g | awk '/Mem:/{print $2}') GiB memory, kernel $(uname -r); the client runs on the same cores."
  echo "- Storage: both systems' data on $(df --output=source "$SCRATCH" | tail -1) ($fstype), the same filesystem; ${1:-1 replica each}."
}

bench_network_line() {
  [ "${BENCH_NETNS:-}" != 1 ] || echo "- Network: a private network namespace (\`unshare --net\`) with its own loopback, so no other process on the machine shared the benchmark's ports."
  return 0
}
