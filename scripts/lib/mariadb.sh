# A throw-away MariaDB server on a scratch data dir and a loopback port. Sourced.
# mariadb_start exports CLOUDFS_TEST_MYSQL (a connection string without a database);
# mariadb_stop ends the server and removes its files.

MARIADB_DIR=""
MARIADB_PID=""

port_free() { ! (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null; }

mariadb_start() {
  local port=${CLOUDFS_TEST_MYSQL_PORT:-13306}
  while ! port_free "$port"; do port=$((port + 1)); done
  MARIADB_DIR="$(mktemp -d /tmp/cloudfs-mariadb.XXXXXX)"
  local user; user="$(id -un)"
  log "starting MariaDB on 127.0.0.1:$port (data in $MARIADB_DIR)"
  mariadb-install-db --no-defaults --datadir="$MARIADB_DIR/data" --user="$user" \
    --auth-root-authentication-method=normal --skip-test-db >"$MARIADB_DIR/install.log" 2>&1 \
    || { cat "$MARIADB_DIR/install.log" >&2; die "mariadb-install-db failed"; }
  # Durability is traded for speed here: this server holds test data only.
  mariadbd --no-defaults --datadir="$MARIADB_DIR/data" --user="$user" \
    --bind-address=127.0.0.1 --port="$port" --socket="$MARIADB_DIR/mysqld.sock" \
    --pid-file="$MARIADB_DIR/mysqld.pid" --skip-name-resolve --skip-log-bin \
    --innodb-buffer-pool-size=256M --innodb-flush-log-at-trx-commit=2 --max-connections=500 \
    --log-error="$MARIADB_DIR/error.log" &
  MARIADB_PID=$!
  local start=$SECONDS
  until mariadb --no-defaults -h127.0.0.1 -P"$port" -uroot -e 'SELECT 1' >/dev/null 2>&1; do
    kill -0 "$MARIADB_PID" 2>/dev/null || { cat "$MARIADB_DIR/error.log" >&2; die "mariadbd exited"; }
    (( SECONDS - start > 120 )) && die "MariaDB did not answer within 120 s"
    sleep 0.5
  done
  # WITH GRANT OPTION: a test grants a SELECT-only user to prove the container server needs no more.
  mariadb --no-defaults -h127.0.0.1 -P"$port" -uroot -e \
    "CREATE USER 'cloudfs'@'%' IDENTIFIED BY 'cloudfs'; GRANT ALL PRIVILEGES ON *.* TO 'cloudfs'@'%' WITH GRANT OPTION;"
  export CLOUDFS_TEST_MYSQL="Server=127.0.0.1;Port=$port;User ID=cloudfs;Password=cloudfs"
  log "MariaDB ready ($(mariadb --no-defaults -h127.0.0.1 -P"$port" -uroot -N -e 'SELECT VERSION()'))"
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
