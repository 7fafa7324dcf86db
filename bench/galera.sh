#!/usr/bin/env bash
# Issue 18's figures: the catalog on one MariaDB against a three-node Galera cluster.
#  1. Catalog commits/s (bench/CommitBench: admission + commit, what one object PUT costs the
#     account server) at concurrency 64: on one MariaDB; on Galera through one node; on Galera
#     through all three nodes at once (three processes, 22+21+21) into three accounts, as three
#     account servers write for accounts the ring gives them; and the worst case, one container
#     written through three nodes at once.
#  2. 4 KiB PUT ops/s at concurrency 64 through the proxy of scripts/cluster.sh --hosts 3 (one
#     MariaDB) and --hosts 3 --galera: 8 accounts with 8 writers each, so the commits spread over
#     the three account servers (an account's writes go to its partition's first primary); the
#     share each account server took is counted from its request log.
#  3. Listing latency: a 1,000-object container listed 200 times one after the other through
#     the proxy (p50, p99), on MariaDB, and on Galera with and without wsrep_sync_wait on the
#     container servers (Catalog:SyncWait=1, the default of --galera, or 0): the cost of
#     read-your-writes across hosts.
#
#   bench/galera.sh [--commits N] [--puts N] [--runs N] [--keep] [--host-net]
#
# --commits N: admit+commit pairs per commit run (default 4000); --puts N: PUTs per cluster
# (default 8000); --runs N: commit runs, the median is kept (default 3). Every MariaDB here runs
# with innodb_flush_log_at_trx_commit=2, as cluster.sh's do (on Galera a commit is durable
# by being on every node). --keep and --host-net as in bench/healing.sh.
# Writes bench/results/DATE-galera.md. Not part of ./scripts/test.sh. See bench/README.md.
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/../scripts/lib/common.sh"
source "$CLOUDFS_ROOT/scripts/lib/packages.sh"

commits=4000 puts=8000 runs=3 keep=0 host_net=0
args=("$@")
while [ $# -gt 0 ]; do
  case $1 in
    --commits) commits=$2; shift ;;
    --puts) puts=$2; shift ;;
    --runs) runs=$2; shift ;;
    --keep) keep=1 ;;
    --host-net) host_net=1 ;;
    -h|--help) sed -n '2,24p' "$0"; exit 0 ;;
    *) die "unknown argument $1 (see --help)" ;;
  esac
  shift
done
[[ $commits =~ ^[1-9][0-9]*$ && $puts =~ ^[1-9][0-9]*$ && $runs =~ ^[1-9][0-9]*$ ]] || die "--commits, --puts and --runs take numbers"

galera_prepare() {
  ensure_packages rsync:rsync mariadbd:mariadb-server mariadb:mariadb-client swift:python3-swiftclient
  ensure_debs galera-4
  dotnet build "$CLOUDFS_ROOT/bench/CommitBench/CommitBench.csproj" -c Release -nologo -v:q -clp:ErrorsOnly >&2
  dotnet build "$CLOUDFS_ROOT/bench/LoadGen/LoadGen.csproj" -c Release -nologo -v:q -clp:ErrorsOnly >&2
}

source "$CLOUDFS_ROOT/bench/lib/systems.sh"
bench_prepare $host_net galera_prepare "${args[@]}"
bench_scratch $keep
source "$CLOUDFS_ROOT/scripts/lib/mariadb.sh"
source "$CLOUDFS_ROOT/scripts/lib/galera.sh"

COMMIT_BENCH="$CLOUDFS_ROOT/bench/CommitBench/bin/Release/net10.0/commit-bench.dll"
LOADGEN="$CLOUDFS_ROOT/bench/LoadGen/bin/Release/net10.0/loadgen.dll"
CLI="$CLOUDFS_ROOT/Cli/bin/Release/net10.0/cloudfs.dll"
HOSTS=(127.0.0.2 127.0.0.3 127.0.0.4)
RESULT="$CLOUDFS_ROOT/bench/results/$(date -u +%F)-galera.md"
GALERA_DIR="$SCRATCH/galera"
session=""
galera_up=0

stop_galera() { [ $galera_up -eq 0 ] || galera_stop "$GALERA_DIR"; galera_up=0; }
trap 'rc=$?; stop_galera; mariadb_stop; (exit $rc); bench_cleanup' EXIT
# Galera's nodes run as mysql when we are root (scripts/lib/galera.sh): they must reach the scratch dir.
chmod 755 "$SCRATCH"

# median_rate OUTPUT: the "median N commits/s" figure commit-bench printed.
median_rate() { sed -nE 's/.*median ([0-9]+) commits\/s.*/\1/p' <<<"$1"; }

# --- 1. catalog commits/s --------------------------------------------------------------------
log "commits: one MariaDB"
mariadb_start
mariadb_sql "$(sed -E 's/.*Port=([0-9]+).*/\1/' <<<"$CLOUDFS_TEST_MYSQL")" -e 'CREATE DATABASE bench'
out=$(dotnet "$COMMIT_BENCH" MySql "$CLOUDFS_TEST_MYSQL;Database=bench" "$commits" 64 "$runs")
echo "$out" >&2
single_commits=$(median_rate "$out")
# What one object costs the catalog on disk (rows, indexes, its record), for docs/scaling.md.
mport=$(sed -E 's/.*Port=([0-9]+).*/\1/' <<<"$CLOUDFS_TEST_MYSQL")
mariadb_sql "$mport" -e 'ANALYZE TABLE bench.stobj, bench.record, bench.quota' >/dev/null
read -r row_objects row_bytes < <(mariadb_sql "$mport" -N -e "SELECT (SELECT COUNT(*) FROM bench.stobj WHERE type = 'object'),
  (SELECT SUM(data_length + index_length) FROM information_schema.TABLES WHERE table_schema = 'bench')")
bytes_per_object=$((row_bytes / (row_objects > 0 ? row_objects : 1)))
mariadb_stop

log "commits: Galera, three nodes on ${HOSTS[*]}"
galera_start "$GALERA_DIR" "${HOSTS[@]}" >&2
galera_up=1
gport=$(galera_port "$GALERA_DIR")
galera_sql "$GALERA_DIR" 1 -e 'CREATE DATABASE bench'
node_cs() { echo "Server=${HOSTS[$(($1 - 1))]};Port=$gport;User ID=cloudfs;Password=cloudfs;Database=bench"; }
# The schema, the bench users and the containers, made once, so three processes start on them together.
for n in 1 2 3; do dotnet "$COMMIT_BENCH" MySql "$(node_cs $n)" 100 8 1 --tag warm --account "bench$n" >&2; done
out=$(dotnet "$COMMIT_BENCH" MySql "$(node_cs 1)" "$commits" 64 "$runs" --tag one --account bench1)
echo "$out" >&2
galera_one=$(median_rate "$out")

# three_nodes NAME [commit-bench args]: three processes at once, one per node, 22+21+21 writers,
# each a third of the commits; prints "the sum of their median rates" and "failed commits".
three_nodes() {
  local name=$1 n pids=() sum=0 failed=0; shift
  for n in 1 2 3; do
    dotnet "$COMMIT_BENCH" MySql "$(node_cs $n)" $((commits / 3)) $(( n == 1 ? 22 : 21 )) "$runs" --tag "$name$n" "${@//NODE/$n}" \
      >"$SCRATCH/commits-$name$n.out" 2>&1 &
    pids+=($!)
  done
  for n in "${pids[@]}"; do wait "$n" || die "a commit-bench process failed: $(cat "$SCRATCH"/commits-"$name"*.out)"; done
  for n in 1 2 3; do
    grep -E '^run|median' "$SCRATCH/commits-$name$n.out" >&2
    sum=$((sum + $(median_rate "$(cat "$SCRATCH/commits-$name$n.out")")))
    failed=$((failed + $(sed -nE 's/.*\(([0-9]+) failed\).*/\1/p' "$SCRATCH/commits-$name$n.out" | paste -sd+ - | bc)))
  done
  echo "$sum $failed"
}
cert_failures() { galera_sql "$GALERA_DIR" 1 -N -e "SELECT VARIABLE_VALUE FROM information_schema.GLOBAL_STATUS WHERE VARIABLE_NAME='wsrep_local_cert_failures'"; }

# As the proxy sends them: each account's commits through the account server of its partition,
# so three accounts write through three nodes and touch no row in common.
log "commits: Galera, three accounts through three nodes"
read -r galera_three failed_three < <(three_nodes spread --account benchNODE)
# The worst case, never the proxy's own doing: one container's commits through three nodes at
# once, so every commit's quota rows conflict with the other nodes' (certification failures,
# retried whole up to 5 times, then refused).
before=$(cert_failures)
log "commits: Galera, one container through three nodes"
read -r galera_hot failed_hot < <(three_nodes hot --account bench1)
conflicts=$(( $(cert_failures) - before ))
stop_galera

# --- 2 and 3. PUT ops/s and listing latency through the proxy -------------------------------
start_cluster() {  # NAME [cluster.sh args...] [-- env assignments]
  local name=$1; shift
  local cluster_args=() envs=()
  while [ $# -gt 0 ] && [ "$1" != -- ]; do cluster_args+=("$1"); shift; done
  [ $# -eq 0 ] || { shift; envs=("$@"); }
  STATE="$SCRATCH/$name"
  log "starting scripts/cluster.sh --hosts 3 ${cluster_args[*]} ${envs[*]}"
  env "${envs[@]}" CLOUDFS_STATE="$STATE" CLOUDFS_ObjectServer__Replication__IntervalSeconds=3600 \
    CLOUDFS_ObjectServer__Auditor__IntervalSeconds=1800 CLOUDFS_ObjectServer__GarbageIntervalSeconds=300 \
    setsid "$CLOUDFS_ROOT/scripts/cluster.sh" --hosts 3 --no-build "${cluster_args[@]}" >"$SCRATCH/$name.out" 2>&1 </dev/null &
  session=$!
  bench_track_session "$session"
  local start=$SECONDS
  until grep -q "Ctrl-C stops the cluster" "$SCRATCH/$name.out" 2>/dev/null && wait_http http://127.0.0.1:7010/healthcheck 2 2>/dev/null; do
    kill -0 "$session" 2>/dev/null || { tail -20 "$SCRATCH/$name.out" >&2; die "cluster.sh exited"; }
    (( SECONDS - start < 600 )) || die "the cluster did not come up in 600 s"
    sleep 1
  done
  export CLOUDFS_AUTH_URL=http://127.0.0.1:7010/auth/v1.0 CLOUDFS_USER=admin:admin CLOUDFS_KEY
  CLOUDFS_KEY="$(cat "$STATE/admin-password")"
}

stop_cluster() { stop_session "$session"; session=""; }

# PUT phase: 8 accounts × 8 writers. Prints "ops/s spread" (spread: commits per account server).
put_phase() {
  local per=$((puts / 8)) i pids=() ops=0 spread="" host
  for i in 1 2 3 4 5 6 7 8; do dotnet "$CLI" user create "bench$i:w" --key bench >/dev/null; done
  for i in 1 2 3 4 5 6 7 8; do
    dotnet "$LOADGEN" put http://127.0.0.1:7010/auth/v1.0 "$per" 8 4096 "bench$i:w" bench >"$SCRATCH/put-$i.out" 2>&1 &
    pids+=($!)
  done
  for i in "${pids[@]}"; do wait "$i" || true; done
  for i in 1 2 3 4 5 6 7 8; do
    grep -q "failures=0" "$SCRATCH/put-$i.out" || log "warning: bench$i: $(cat "$SCRATCH/put-$i.out")"
    ops=$(awk -v a="$ops" -v b="$(sed -nE 's/.* ops\/s=([0-9]+) .*/\1/p' "$SCRATCH/put-$i.out")" 'BEGIN { print a + b }')
  done
  # Commits (object PUTs) each account server took, from its request log.
  for host in "${HOSTS[@]}"; do
    spread+="${spread:+/}$(grep -cE 'PUT /d1/[0-9]+/AUTH_bench[0-9]/probe-[^ ]+/obj-[0-9]+ 20[12] ' "$STATE/log/account-$host.log" || true)"
  done
  echo "$ops $spread"
}

# Listing latency: p50 and p99 in ms of 200 GETs of one 1,000-object container.
list_phase() {
  local token url
  token=$(curl -s -D - -o /dev/null -H 'X-Auth-User: test:tester' -H 'X-Auth-Key: testing' http://127.0.0.1:7010/auth/v1.0 | tr -d '\r' | sed -n 's/^X-Auth-Token: //Ip')
  url=http://127.0.0.1:7010/v1/AUTH_test/listing
  curl -sf -X PUT -H "X-Auth-Token: $token" "$url" -o /dev/null
  seq 1 1000 | xargs -P 16 -I{} curl -sf -X PUT -H "X-Auth-Token: $token" --data-binary x "$url/o{}" -o /dev/null
  for _ in $(seq 1 200); do curl -sf -o /dev/null -w '%{time_total}\n' -H "X-Auth-Token: $token" "$url"; done |
    sort -n | awk '{ t[NR] = $1 * 1000 } END { printf "%.1f %.1f\n", t[int(NR * 0.5)], t[int(NR * 0.99)] }'
}

start_cluster mariadb
read -r single_puts single_spread < <(put_phase)
read -r single_p50 single_p99 < <(list_phase)
stop_cluster

start_cluster galera --galera
read -r galera_puts galera_spread < <(put_phase)
read -r galera_p50 galera_p99 < <(list_phase)
stop_cluster

start_cluster galera-nowait --galera -- CLOUDFS_Catalog__SyncWait=0
read -r nowait_p50 nowait_p99 < <(list_phase)
stop_cluster

ratio() { awk -v a="$1" -v b="$2" 'BEGIN { if (b > 0) printf "%.2f", a / b; else print "n/a" }'; }
{
  echo "# Catalog on one MariaDB against three Galera nodes ($(date -u +%F))"
  echo
  echo "Machine: $(nproc) cores, $(free -g | awk '/Mem:/{print $2}') GiB; every node on this one machine (loopback addresses), so"
  echo "Galera's replication costs CPU here, not network round trips. innodb_flush_log_at_trx_commit=2 everywhere."
  echo "Command: \`bench/galera.sh --commits $commits --puts $puts --runs $runs\`."
  echo
  echo "| figure | one MariaDB | Galera, 3 nodes | Galera / MariaDB |"
  echo "|---|---|---|---|"
  echo "| catalog commits/s, c=64, one account server (one node) | $single_commits | $galera_one | $(ratio "$galera_one" "$single_commits") |"
  echo "| catalog commits/s, c=64, three account servers (one per node), three accounts | (one server) | $galera_three ($failed_three failed) | $(ratio "$galera_three" "$single_commits") |"
  echo "| the same into one container (worst case: every commit's rows conflict across nodes) | | $galera_hot ($failed_hot refused after 5 retries; $conflicts certification failures on node 1) | $(ratio "$galera_hot" "$single_commits") |"
  echo "| 4 KiB PUT ops/s, c=64 (8 accounts × 8), proxy + 3 hosts | $single_puts | $galera_puts | $(ratio "$galera_puts" "$single_puts") |"
  echo "| PUTs taken by the account servers of ${HOSTS[*]} | $single_spread | $galera_spread | |"
  echo "| catalog bytes per object (rows, indexes, its operation record; InnoDB, $row_objects objects) | $bytes_per_object | the same on every node | |"
  echo "| listing of 1,000 objects, p50 / p99 ms | $single_p50 / $single_p99 | $galera_p50 / $galera_p99 (SyncWait=1) | $(ratio "$galera_p50" "$single_p50") |"
  echo "| the same without wsrep_sync_wait (SyncWait=0) | | $nowait_p50 / $nowait_p99 | |"
} | tee "$RESULT"
log "written $RESULT"
