# scripts/cluster.sh --hosts N: N storage hosts on loopback addresses, one proxy, a private
# MariaDB catalog, every process kept running by scripts/lib/supervise.sh. Sourced after
# common.sh and cluster.sh.
#
# Layout of $STATE (var/hostsN, or CLOUDFS_STATE):
#   rings/                    account, container, object (Policy-0, d1), object-1 (silver, d2)
#   devices/<host>/d1, d2     each object server's devices
#   data/<host>/<role>        each server's own state (node id, the account server's journal)
#   mariadb/                  the catalog server: data/, port, password, error.log
#   galera/                   with --galera instead: node1..N/ (data/, error.log), addresses, port, password
#   run/<name>.pid            pids, kept current (names: proxy-<addr>, account-<host>, ..., mariadb)
#   log/<name>.log            each process's output; log/cluster.log: starts, deaths, restarts

source "$CLOUDFS_ROOT/scripts/lib/packages.sh"
source "$CLOUDFS_ROOT/scripts/lib/mariadb.sh"
source "$CLOUDFS_ROOT/scripts/lib/supervise.sh"
source "$CLOUDFS_ROOT/scripts/lib/galera.sh"

# 2^8 partitions: over 60 per device up to a dozen hosts (plenty for a test cluster), and few
# enough partition directories that a replicator pass every few seconds stays cheap.
HOSTS_PART_POWER=8
# 0, not Swift's usual 1+: on this cluster hosts are added and removed minutes apart, and a
# rebalance still moves at most one replica of a partition; the replicator keeps the old copy
# answering until the new primaries hold it. Production rings should use 1 or more.
HOSTS_MIN_PART_HOURS=0
CATALOG_DATABASE=cloudfs
CATALOG_USER=cloudfs

# launch_host_role ROLE HOST: one account, container or object server of a storage host.
launch_host_role() {
  local role=$1 host=$2
  local settings=("CLOUDFS_Server__Bind=$host" "CLOUDFS_Server__DataDir=$STATE/data/$host/$role")
  # On Galera each host's catalog is its own node first, the others in order after it.
  if [ "${GALERA:-0}" -eq 1 ] && [ "$role" != object ]; then
    settings+=("CLOUDFS_Catalog__ConnectionString=$(galera_catalog_for "$host")")
    [ "$role" = container ] && settings+=("CLOUDFS_Catalog__SyncWait=${CLOUDFS_Catalog__SyncWait:-1}")
  fi
  case "$role" in
    account) settings+=("${BOOTSTRAP_SETTINGS[@]}") ;;
    object) settings+=("CLOUDFS_ObjectServer__DevicesRoot=$STATE/devices/$host") ;;
  esac
  launch_role "$role" "$STATE/log/$role-$host.log" "${settings[@]}"
}

launch_proxy() {
  launch_role proxy "$STATE/log/proxy-$PROXY_ADDRESS.log" \
    "CLOUDFS_Server__Bind=$PROXY_ADDRESS" "CLOUDFS_Server__DataDir=$STATE/data/$PROXY_ADDRESS/proxy"
}

# galera_catalog_for HOST: the catalog connection string of HOST's servers: HOST's node, then
# the others (MySqlConnector's LoadBalance=FailOver tries them in order).
galera_catalog_for() {
  local host=$1 others
  others="$(printf '%s\n' "${HOSTS[@]}" | grep -vxF "$host" | paste -sd, -)"
  echo "Server=$host${others:+,$others};Port=$(galera_port "$STATE/galera");Database=$CATALOG_DATABASE;User ID=$CATALOG_USER;Password=$(cat "$STATE/galera/password");LoadBalance=FailOver"
}

# launch_galera_node I: node I of the Galera catalog, rejoining the others (the supervisor's restart).
launch_galera_node() {
  galera_launch "$STATE/galera" "$1"
  LAUNCHED_PID=$(cat "$STATE/galera/node$1/launched.pid")
}

# start_galera: the catalog as a Galera cluster, one node on each host's address: made on the first
# run, resumed on later ones; then its nodes are handed to the supervisor like every server.
start_galera() {
  local dir=$STATE/galera i pid
  (( ${#HOSTS[@]} >= 3 )) || die "--galera needs --hosts 3 or more: a Galera cluster keeps quorum only with a majority of at least 3 nodes"
  ensure_packages rsync:rsync
  ensure_debs galera-4
  mkdir -p "$dir"
  if [ ! -s "$dir/password" ]; then
    (umask 077; random_secret >"$dir/password")
  fi
  export GALERA_PASSWORD
  GALERA_PASSWORD="$(cat "$dir/password")"
  if [ -s "$dir/addresses" ]; then
    [ "$(galera_addresses "$dir" | paste -sd' ' -)" = "${HOSTS[*]}" ] || die "$dir was made for hosts $(galera_addresses "$dir" | paste -sd' ' -), not ${HOSTS[*]}"
    supervisor_log "resuming the Galera catalog on ${HOSTS[*]} (data in $dir)"
    galera_resume "$dir"
  else
    supervisor_log "starting a Galera catalog of ${#HOSTS[@]} nodes on ${HOSTS[*]} (data in $dir)"
    galera_start "$dir" "${HOSTS[@]}"
    galera_sql "$dir" 1 -e "CREATE DATABASE IF NOT EXISTS \`$CATALOG_DATABASE\` CHARACTER SET utf8mb4 COLLATE utf8mb4_bin"
  fi
  for i in $(seq 1 ${#HOSTS[@]}); do
    service_add "galera-${HOSTS[$((i - 1))]}" launch_galera_node "$i"
    # Already running: adopted, as service_start would have recorded it.
    pid=$(cat "$dir/node$i/launched.pid")
    SVC_PID["galera-${HOSTS[$((i - 1))]}"]=$pid
    SVC_STARTED["galera-${HOSTS[$((i - 1))]}"]=$SECONDS
    echo "$pid" >"$RUN_DIR/galera-${HOSTS[$((i - 1))]}.pid"
  done
}

launch_mariadb() {
  mariadb_launch "$STATE/mariadb" "$MARIADB_PORT"
  LAUNCHED_PID=$MARIADB_PID
}

# build_host_rings HOST...: the four rings over these hosts (once), one zone per host.
build_host_rings() {
  local replicas=$(( $# < 3 ? $# : 3 )) ring role device zone host specs
  declare -A devices=([account]=d1 [container]=d1 [object]=d1 [object-1]=d2)
  for ring in account container object object-1; do
    role=${ring%%-*} device=${devices[$ring]} zone=0 specs=()
    for host in "$@"; do
      zone=$((zone + 1))
      specs+=("r1z$zone-$host:${ROLE_PORTS[$role]}/$device" 100)
    done
    build_ring_once "$ring" "$HOSTS_PART_POWER" "$replicas" "$HOSTS_MIN_PART_HOURS" "${specs[@]}"
  done
}

# service_url NAME: the healthcheck of a role service (none for mariadb).
service_url() {
  local role=${1%%-*} address=${1#*-}
  [ -n "${ROLE_PORTS[$role]:-}" ] && echo "http://$address:${ROLE_PORTS[$role]}/healthcheck"
}

# wait_all_healthy TIMEOUT: supervises while waiting until every role answers its healthcheck.
wait_all_healthy() {
  local timeout=$1 start=$SECONDS name url pending
  while true; do
    services_check_all
    pending=()
    for name in "${SERVICES[@]}"; do
      url="$(service_url "$name")" || continue
      curl -fs -o /dev/null --max-time 2 "$url" || pending+=("$name")
    done
    [ ${#pending[@]} -eq 0 ] && return 0
    if (( SECONDS - start > timeout )); then
      for name in "${pending[@]}"; do tail -20 "$STATE/log/$name.log" >&2; done
      die "not healthy within $timeout s: ${pending[*]}"
    fi
    sleep 1
  done
}

stop_hosts() {
  trap - INT TERM EXIT
  local roles=() nodes=() name
  for name in "${SERVICES[@]}"; do
    case "$name" in mariadb|galera-*) nodes+=("$name") ;; *) roles+=("$name") ;; esac
  done
  if [ ${#SERVICES[@]} -gt 0 ]; then supervisor_log "stopping CloudFs"; fi
  # The roles first, so no account server sees its catalog vanish under it. Galera nodes one
  # by one, the last host's first: node 1 leaves last, holds every commit and bootstraps the
  # next start (galera_resume).
  [ ${#roles[@]} -eq 0 ] || services_stop "${roles[@]}"
  for (( i = ${#nodes[@]} - 1; i >= 0; i-- )); do services_stop "${nodes[$i]}"; done
}

# run_hosts N M: runs N hosts (rings over the first M on first run) until Ctrl-C or SIGTERM.
run_hosts() {
  local count=$1 ring_count=$2 all_hosts host role
  PROXY_ADDRESS=${CLOUDFS_PROXY_ADDRESS:-127.0.0.1}
  read -r -a all_hosts <<<"${CLOUDFS_HOST_ADDRESSES:-127.0.0.2 127.0.0.3 127.0.0.4}"
  (( count <= ${#all_hosts[@]} )) || die "--hosts $count, but CLOUDFS_HOST_ADDRESSES names ${#all_hosts[@]} addresses"
  [[ "$ring_count" =~ ^[1-9][0-9]*$ ]] && (( ring_count <= count )) || die "--ring-hosts takes 1..$count, not $ring_count"
  HOSTS=("${all_hosts[@]:0:count}")
  STATE="${CLOUDFS_STATE:-$CLOUDFS_ROOT/var/hosts$count$([ "${GALERA:-0}" -eq 0 ] || echo -galera)}"
  RUN_DIR="$STATE/run"
  SUPERVISOR_LOG="$STATE/log/cluster.log"

  trap stop_hosts EXIT
  trap 'exit 130' INT TERM

  require_free_ports "$PROXY_ADDRESS" proxy
  for host in "${HOSTS[@]}"; do require_free_ports "$host" account container object; done
  ensure_packages mariadbd:mariadb-server mariadb:mariadb-client mariadb-install-db:mariadb-server curl:curl
  if [ $BUILD -eq 1 ]; then build_solution || die "build failed"; fi

  mkdir -p "$STATE/rings" "$STATE/log" "$RUN_DIR"
  # One cluster per state dir: two would share one MariaDB data dir and one set of pid files.
  # The servers inherit the descriptor, so processes a killed script left behind keep it locked.
  exec 9>>"$RUN_DIR/lock"
  flock -n 9 || die "another cluster.sh (or processes one left behind) runs on $STATE; see $RUN_DIR/*.pid"
  for host in "${HOSTS[@]}"; do mkdir -p "$STATE/devices/$host/d1" "$STATE/devices/$host/d2"; done
  # Pid files of an earlier run that did not stop cleanly name processes that are gone.
  rm -f "$RUN_DIR"/*.pid "$RUN_DIR"/*.pid.tmp
  build_host_rings "${HOSTS[@]:0:ring_count}"
  ensure_admin_password
  mapfile -t BOOTSTRAP_SETTINGS < <(bootstrap_settings)

  local catalog_line
  if [ "${GALERA:-0}" -eq 1 ]; then
    start_galera
    catalog_line="Galera:     ${HOSTS[*]} port $(galera_port "$STATE/galera"), one node per host (each host's servers prefer their own); database $CATALOG_DATABASE, user $CATALOG_USER, password in $STATE/galera/password"
    export CLOUDFS_Catalog__Provider=MySql
  else
    mariadb_catalog_prepare "$STATE/mariadb"
    supervisor_log "starting MariaDB on 127.0.0.1:$MARIADB_PORT (data in $STATE/mariadb/data)"
    service_add mariadb launch_mariadb
    service_start mariadb
    mariadb_wait_ready "$STATE/mariadb" "$MARIADB_PORT"
    # The account servers make the schema (under a lock, so three starting at once is safe);
    # the database itself must exist first.
    mariadb_catalog_export "$STATE/mariadb" "$CATALOG_DATABASE" "$CATALOG_USER"
    catalog_line="MariaDB:    127.0.0.1:$MARIADB_PORT, database $CATALOG_DATABASE, user $CATALOG_USER, password in $STATE/mariadb/password"
  fi

  export CLOUDFS_Server__RingDir="$STATE/rings"
  export CLOUDFS_AccountServer__PublicUrl="http://$PROXY_ADDRESS:7010"
  export_policies
  # Daemons every few seconds, not minutes, so healing is seen while one watches; the caller's
  # environment wins (e.g. CLOUDFS_ObjectServer__Replication__IntervalSeconds=1).
  export CLOUDFS_ObjectServer__GarbageIntervalSeconds="${CLOUDFS_ObjectServer__GarbageIntervalSeconds:-10}"
  export CLOUDFS_ObjectServer__Replication__IntervalSeconds="${CLOUDFS_ObjectServer__Replication__IntervalSeconds:-5}"
  export CLOUDFS_ObjectServer__Auditor__IntervalSeconds="${CLOUDFS_ObjectServer__Auditor__IntervalSeconds:-30}"
  # The devices here are plain directories, not mount points (Swift's mount_check = false in a SAIO).
  export CLOUDFS_ObjectServer__MountCheck="${CLOUDFS_ObjectServer__MountCheck:-false}"

  for host in "${HOSTS[@]}"; do
    for role in account container object; do
      service_add "$role-$host" launch_host_role "$role" "$host"
    done
  done
  service_add "proxy-$PROXY_ADDRESS" launch_proxy
  # Generous: ten .NET servers starting at once on a small, busy machine take a while.
  wait_all_healthy 300

  local ring_note=""
  (( ring_count == count )) || ring_note=" (rings: the first $ring_count; add the others with cloudfs-ring)"
  print_running "CloudFs is running on $count hosts: proxy on $PROXY_ADDRESS:7010; account, container and object servers on 7011-7013 of each host." \
    "$PROXY_ADDRESS" "${HOSTS[0]}" \
    "Hosts:      ${HOSTS[*]}, one zone each$ring_note; devices $STATE/devices/<host>/d1 (Policy-0), d2 (silver)" \
    "$catalog_line" \
    "Rings:      $STATE/rings (cloudfs-ring: dotnet $(project_dll RingBuilder cloudfs-ring))" \
    "Pids:       $RUN_DIR/<role>-<host>.pid (a server that dies is restarted; touch $RUN_DIR/<role>-<host>.down to stop one, rm to start it)"

  while true; do
    services_check_all
    sleep 1
  done
}
