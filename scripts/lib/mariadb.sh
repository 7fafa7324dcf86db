# Private MariaDB servers on a loopback port. Sourced.
# Throw-away (tests): mariadb_start exports CLOUDFS_TEST_MYSQL (a connection string without a
# database); mariadb_stop ends the server and removes its files.
# Persistent (scripts/cluster.sh --hosts N): mariadb_prepare_persistent DIR makes (once) a data
# dir under DIR and picks a port, kept in DIR/port for later runs; mariadb_launch starts the server
# (again after a crash) and mariadb_wait_ready waits until it answers.

MARIADB_DIR=""
MARIADB_PID=""
MARIADB_PORT=""

port_free() { ! (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null; }

# mariadb_install DATADIR LOGFILE [USER]: a fresh data dir whose root logs in over TCP without a
# password, owned by USER (default: you).
mariadb_install() {
  local datadir=$1 logfile=$2 user=${3:-$(id -un)}
  mariadb-install-db --no-defaults --datadir="$datadir" --user="$user" \
    --auth-root-authentication-method=normal --skip-test-db >"$logfile" 2>&1 \
    || { cat "$logfile" >&2; die "mariadb-install-db failed"; }
}

# mariadb_launch DIR PORT: starts mariadbd on DIR/data in the background (MARIADB_PID) and returns.
mariadb_launch() {
  local dir=$1 port=$2 user; user="$(id -un)"
  # Durability is traded for speed (a mariadbd crash loses nothing, an OS crash the last second):
  # these servers hold test and development data only. CLOUDFS_MARIADB_FLUSH_AT_COMMIT=1 makes every
  # commit durable (the benchmark sets it: a 201 means the catalog row is on disk).
  # CLOUDFS_MARIADB_OPTIONS adds server options (measurements: bench/profile.sh, bench/run.sh).
  # shellcheck disable=SC2086
  mariadbd --no-defaults --datadir="$dir/data" --user="$user" \
    --bind-address=127.0.0.1 --port="$port" --socket="$dir/mysqld.sock" \
    --pid-file="$dir/mysqld.pid" --skip-name-resolve --skip-log-bin \
    --innodb-buffer-pool-size=256M --innodb-flush-log-at-trx-commit="${CLOUDFS_MARIADB_FLUSH_AT_COMMIT:-2}" --max-connections=500 \
    --log-error="$dir/error.log" ${CLOUDFS_MARIADB_OPTIONS:-} &
  MARIADB_PID=$!
}

# mariadb_wait_ready DIR PORT: polls until the server answers root (dies when it exits or after 120 s).
mariadb_wait_ready() {
  local dir=$1 port=$2 start=$SECONDS
  until mariadb --no-defaults -h127.0.0.1 -P"$port" -uroot -e 'SELECT 1' >/dev/null 2>&1; do
    kill -0 "$MARIADB_PID" 2>/dev/null || { tail -20 "$dir/error.log" >&2; die "mariadbd exited"; }
    (( SECONDS - start > 120 )) && die "MariaDB did not answer within 120 s"
    sleep 0.5
  done
}

# mariadb_sql PORT SQL...: runs statements as root.
mariadb_sql() {
  local port=$1; shift
  mariadb --no-defaults -h127.0.0.1 -P"$port" -uroot "$@"
}

mariadb_start() {
  local port=${CLOUDFS_TEST_MYSQL_PORT:-13306}
  while ! port_free "$port"; do port=$((port + 1)); done
  MARIADB_DIR="$(mktemp -d /tmp/cloudfs-mariadb.XXXXXX)"
  log "starting MariaDB on 127.0.0.1:$port (data in $MARIADB_DIR)"
  mariadb_install "$MARIADB_DIR/data" "$MARIADB_DIR/install.log"
  mariadb_launch "$MARIADB_DIR" "$port"
  mariadb_wait_ready "$MARIADB_DIR" "$port"
  # WITH GRANT OPTION: a test grants a SELECT-only user to prove the container server needs no more.
  mariadb_sql "$port" -e \
    "CREATE USER 'cloudfs'@'%' IDENTIFIED BY 'cloudfs'; GRANT ALL PRIVILEGES ON *.* TO 'cloudfs'@'%' WITH GRANT OPTION;"
  export CLOUDFS_TEST_MYSQL="Server=127.0.0.1;Port=$port;User ID=cloudfs;Password=cloudfs"
  log "MariaDB ready ($(mariadb_sql "$port" -N -e 'SELECT VERSION()'))"
}

mariadb_stop() {
  if [ -n "$MARIADB_PID" ] && kill -0 "$MARIADB_PID" 2>/dev/null; then
    kill "$MARIADB_PID" 2>/dev/null || true
    local i
    for i in $(seq 1 60); do kill -0 "$MARIADB_PID" 2>/dev/null || break; sleep 0.5; done
    kill -9 "$MARIADB_PID" 2>/dev/null || true
  fi
  [ -n "$MARIADB_DIR" ] && rm -rf "$MARIADB_DIR"
  MARIADB_PID=""; MARIADB_DIR=""
}

# mariadb_prepare_persistent DIR: a data dir kept in DIR (installed on first use) and a free
# port (MARIADB_PORT): the one used last time, kept in DIR/port, unless something else took it.
mariadb_prepare_persistent() {
  local dir=$1
  mkdir -p "$dir"
  if [ ! -d "$dir/data/mysql" ]; then
    log "creating the MariaDB data dir $dir/data"
    rm -rf "$dir/data"
    mariadb_install "$dir/data" "$dir/install.log"
  fi
  local port; port="$(cat "$dir/port" 2>/dev/null || true)"
  if [ -z "$port" ] || ! port_free "$port"; then
    port=${CLOUDFS_MYSQL_PORT:-13406}
    while ! port_free "$port"; do port=$((port + 1)); done
    echo "$port" >"$dir/port"
  fi
  MARIADB_PORT=$port
}

# mariadb_ensure_database PORT DATABASE USER PASSWORD: the catalog database and its user, once.
mariadb_ensure_database() {
  local port=$1 database=$2 user=$3 password=$4
  mariadb_sql "$port" -e \
    "CREATE DATABASE IF NOT EXISTS \`$database\` CHARACTER SET utf8mb4 COLLATE utf8mb4_bin;
     CREATE USER IF NOT EXISTS '$user'@'%' IDENTIFIED BY '$password';
     ALTER USER '$user'@'%' IDENTIFIED BY '$password';
     GRANT ALL PRIVILEGES ON \`$database\`.* TO '$user'@'%';"
}

# The catalog on a persistent MariaDB (scripts/cluster.sh, one host or N): the steps around the
# launch, which each mode does its own way (in the foreground's pid list or supervised).
# mariadb_catalog_prepare DIR: the password (made once, readable only by you), the data dir and
# MARIADB_PORT.
mariadb_catalog_prepare() {
  local dir=$1
  mkdir -p "$dir"
  if [ ! -s "$dir/password" ]; then
    (umask 077; random_secret >"$dir/password")
  fi
  mariadb_prepare_persistent "$dir"
}

# mariadb_catalog_export DIR DATABASE USER: once the server answers, the database and its user
# (the account servers make the schema), and the catalog settings every role inherits.
mariadb_catalog_export() {
  local dir=$1 database=$2 user=$3 password
  password="$(cat "$dir/password")"
  mariadb_ensure_database "$MARIADB_PORT" "$database" "$user" "$password"
  export CLOUDFS_Catalog__Provider=MySql
  export CLOUDFS_Catalog__ConnectionString="Server=127.0.0.1;Port=$MARIADB_PORT;Database=$database;User ID=$user;Password=$password"
}
