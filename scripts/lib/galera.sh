# A MariaDB Galera cluster of N nodes on loopback addresses (default 127.0.0.2-4), each node its
# own mariadbd on its own address, with the same ports on every address: SQL on GALERA_PORT
# (13606, or the next free), group communication on 4567, IST on 4568, SST (rsync) on 4444.
# Sourced by scripts (cluster.sh --hosts 3 --galera); run as a command by the tests:
#
#   scripts/lib/galera.sh start DIR [ADDRESS ...]   a new cluster under DIR; prints the SQL port
#   scripts/lib/galera.sh stop DIR                  SIGTERM to every node, waiting for each
#   scripts/lib/galera.sh kill DIR I                kill -9 of node I (1-based)
#   scripts/lib/galera.sh term DIR I                SIGTERM to node I, waiting until it is gone
#   scripts/lib/galera.sh launch DIR I              starts node I again; it rejoins (IST or SST)
#   scripts/lib/galera.sh wait-synced DIR I         waits until node I is Synced in a primary component
#   scripts/lib/galera.sh resume DIR                the nodes of a stopped cluster again (see galera_resume)
#
# DIR keeps one directory per node (nodeI/data, error.log, mysqld.pid), the addresses and the
# port, so every command after start needs only DIR. Root logs in over TCP without a password;
# the user cloudfs may do everything, as with scripts/lib/mariadb.sh. Its password is
# GALERA_PASSWORD (default cloudfs; cluster.sh makes a random one).

GALERA_PROVIDER=${GALERA_PROVIDER:-/usr/lib/galera/libgalera_smm.so}

# Galera's rsync state transfer runs an rsync daemon as the server's user, and a daemon started
# by root drops to nobody, who cannot write the data dir: as root, the nodes run as mysql.
galera_user() {
  if [ "$(id -u)" -eq 0 ] && id mysql >/dev/null 2>&1; then echo mysql; else id -un; fi
}

galera_addresses() { cat "$1/addresses"; }
galera_address() { sed -n "${2}p" "$1/addresses"; }
galera_port() { cat "$1/port"; }

# galera_launch DIR I [--wsrep-new-cluster]: starts node I detached from this shell (setsid), so a
# test's `start` returns while the nodes run on. setsid execs mariadbd (a background job is no
# group leader), so $! is the server's own pid: it goes to nodeI/launched.pid at once, because
# mariadbd writes mysqld.pid only once it is up, and a node that dies or is killed before that
# must still be found and stopped.
galera_launch() {
  local dir=$1 i=$2 bootstrap=${3:-} address port user node members
  address="$(galera_address "$dir" "$i")"; port="$(galera_port "$dir")"; user="$(galera_user)"
  node="$dir/node$i"
  members="$(galera_addresses "$dir" | sed 's/$/:4567/' | paste -sd, -)"
  # Durability is traded for speed as in mariadb.sh: a committed write is on every node's log
  # before the commit returns (Galera's certification), which is what these tests count on.
  setsid mariadbd --no-defaults --datadir="$node/data" --user="$user" \
    --bind-address="$address" --port="$port" --socket="$node/mysqld.sock" --pid-file="$node/mysqld.pid" \
    --skip-name-resolve --innodb-buffer-pool-size=96M --innodb-flush-log-at-trx-commit=2 --max-connections=500 \
    --log-error="$node/error.log" \
    --binlog-format=ROW --innodb-autoinc-lock-mode=2 --default-storage-engine=InnoDB \
    --wsrep-on=ON --wsrep-provider="$GALERA_PROVIDER" --wsrep-cluster-name=cloudfs \
    --wsrep-cluster-address="gcomm://$members" --wsrep-node-address="$address" --wsrep-node-name="node$i" \
    --wsrep-provider-options="gmcast.listen_addr=tcp://$address:4567;ist.recv_addr=$address:4568;gcache.size=128M" \
    --wsrep-sst-method=rsync --wsrep-sst-receive-address="$address:4444" \
    $bootstrap </dev/null >>"$node/stdout.log" 2>&1 &
  echo $! >"$node/launched.pid"
}

galera_sql() {
  local dir=$1 i=$2; shift 2
  mariadb --no-defaults -h"$(galera_address "$dir" "$i")" -P"$(galera_port "$dir")" -uroot "$@"
}

galera_pid() { cat "$1/node$2/launched.pid" 2>/dev/null || cat "$1/node$2/mysqld.pid" 2>/dev/null; }

# galera_wait_synced DIR I: until node I answers as Synced in a primary component (dies after 180 s).
galera_wait_synced() {
  local dir=$1 i=$2 start=$SECONDS state
  while true; do
    state="$(galera_sql "$dir" "$i" -N -e "SELECT CONCAT(
        (SELECT VARIABLE_VALUE FROM information_schema.GLOBAL_STATUS WHERE VARIABLE_NAME='wsrep_local_state_comment'), '/',
        (SELECT VARIABLE_VALUE FROM information_schema.GLOBAL_STATUS WHERE VARIABLE_NAME='wsrep_cluster_status'))" 2>/dev/null || true)"
    [ "$state" = "Synced/Primary" ] && return 0
    (( SECONDS - start > 180 )) && { tail -30 "$dir/node$i/error.log" >&2; die "Galera node $i not synced within 180 s (state: ${state:-no answer})"; }
    sleep 0.5
  done
}

# galera_start DIR [ADDRESS ...]: installs node 1, bootstraps the cluster on it, creates the
# cloudfs user, then joins the others one by one (each by a full state transfer, rsync).
galera_start() {
  local dir=$1; shift
  local addresses=("$@") port i user
  [ ${#addresses[@]} -gt 0 ] || addresses=(127.0.0.2 127.0.0.3 127.0.0.4)
  command -v rsync >/dev/null || die "rsync is needed for Galera's state transfer (apt-get install rsync)"
  [ -f "$GALERA_PROVIDER" ] || die "$GALERA_PROVIDER is missing (apt-get install galera-4)"
  mkdir -p "$dir"
  printf '%s\n' "${addresses[@]}" >"$dir/addresses"
  port=${GALERA_PORT:-13606}
  while ! galera_port_free "$port" "${addresses[@]}"; do port=$((port + 1)); done
  echo "$port" >"$dir/port"
  for i in $(seq 1 ${#addresses[@]}); do mkdir -p "$dir/node$i/data"; done
  user="$(galera_user)"
  # The server's user must reach its node directory (a test's temp dir is 0700).
  chmod 755 "$dir"
  if [ "$user" != "$(id -un)" ]; then
    chown -R "$user" "$dir"/node*
    runuser -u "$user" -- test -w "$dir/node1/data" ||
      die "$user cannot write $dir/node1/data: every directory above $dir must be searchable (chmod o+x) by $user"
  fi
  mariadb_install "$dir/node1/data" "$dir/node1/install.log" "$user"
  log "bootstrapping Galera node 1 on ${addresses[0]}:$port"
  galera_launch "$dir" 1 --wsrep-new-cluster
  galera_wait_synced "$dir" 1
  galera_sql "$dir" 1 -e \
    "CREATE USER 'cloudfs'@'%' IDENTIFIED BY '${GALERA_PASSWORD:-cloudfs}'; GRANT ALL PRIVILEGES ON *.* TO 'cloudfs'@'%' WITH GRANT OPTION;"
  for i in $(seq 2 ${#addresses[@]}); do
    log "joining Galera node $i on ${addresses[$((i - 1))]}:$port"
    # An empty data dir: the joiner takes a full copy (SST) from a donor.
    galera_launch "$dir" "$i"
    galera_wait_synced "$dir" "$i"
  done
  log "Galera cluster of ${#addresses[@]} ready: $(galera_sql "$dir" 1 -N -e "SHOW STATUS LIKE 'wsrep_cluster_size'" | cut -f2) nodes"
}

# galera_resume DIR: the nodes of a cluster that was stopped whole, started again. The node that
# left last holds every commit, and Galera marks it safe_to_bootstrap in its grastate.dat: it
# bootstraps, and the others rejoin by IST. After a crash of all nodes none is marked; node 1 is
# then forced to bootstrap (commits only another node had may be lost: a development cluster's
# trade, a production one would compare wsrep --wsrep-recover positions first).
galera_resume() {
  local dir=$1 n i first=""
  n="$(galera_addresses "$dir" | wc -l)"
  for i in $(seq 1 "$n"); do
    if grep -q '^safe_to_bootstrap: *1' "$dir/node$i/data/grastate.dat" 2>/dev/null; then first=$i; break; fi
  done
  if [ -z "$first" ]; then
    first=1
    log "no Galera node left last cleanly; forcing node 1 to bootstrap"
    sed -i 's/^safe_to_bootstrap: *0/safe_to_bootstrap: 1/' "$dir/node1/data/grastate.dat"
  fi
  log "resuming Galera: node $first bootstraps"
  galera_launch "$dir" "$first" --wsrep-new-cluster
  galera_wait_synced "$dir" "$first"
  for i in $(seq 1 "$n"); do
    [ "$i" = "$first" ] || galera_launch "$dir" "$i"
  done
  for i in $(seq 1 "$n"); do galera_wait_synced "$dir" "$i"; done
}

galera_port_free() {
  local port=$1 address; shift
  for address in "$@"; do
    (exec 3<>"/dev/tcp/$address/$port") 2>/dev/null && return 1
  done
  return 0
}

# galera_term DIR I: SIGTERM (a clean leave), then waits up to 60 s before kill -9.
galera_term() {
  local dir=$1 i=$2 pid n
  pid="$(galera_pid "$dir" "$i")"
  [ -n "$pid" ] && kill -0 "$pid" 2>/dev/null || return 0
  kill "$pid" 2>/dev/null || true
  for n in $(seq 1 120); do kill -0 "$pid" 2>/dev/null || return 0; sleep 0.5; done
  kill -9 "$pid" 2>/dev/null || true
}

galera_kill() {
  local pid; pid="$(galera_pid "$1" "$2")"
  [ -n "$pid" ] && kill -9 "$pid" 2>/dev/null || true
}

# galera_stop DIR: every node, last first, so the first keeps the primary component longest.
galera_stop() {
  local dir=$1 i n
  n="$(galera_addresses "$dir" | wc -l)"
  for i in $(seq "$n" -1 1); do galera_term "$dir" "$i"; done
}

if [ "${BASH_SOURCE[0]}" = "$0" ]; then
  set -euo pipefail
  source "$(dirname "${BASH_SOURCE[0]}")/common.sh"
  source "$(dirname "${BASH_SOURCE[0]}")/mariadb.sh"
  command=${1:-}; dir=${2:-}
  [ -n "$command" ] && [ -n "$dir" ] || die "usage: $0 start|stop|kill|term|launch|wait-synced|resume DIR [I | ADDRESS ...]"
  shift 2
  case "$command" in
    start) galera_start "$dir" "$@"; galera_port "$dir" ;;
    stop) galera_stop "$dir" ;;
    kill) galera_kill "$dir" "$1" ;;
    term) galera_term "$dir" "$1" ;;
    launch) galera_launch "$dir" "$1" ;;
    wait-synced) galera_wait_synced "$dir" "$1" ;;
    resume) galera_resume "$dir"; galera_port "$dir" ;;
    *) die "unknown command $command" ;;
  esac
fi
