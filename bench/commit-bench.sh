#!/usr/bin/env bash
# Catalog commits per second (admission + commit, as one object PUT costs the account
# server) at concurrency 32, against a throw-away MariaDB and against SQLite, in one run.
# Not part of the test suite. Usage: bench/commit-bench.sh [commits] [concurrency] [runs]
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/../scripts/lib/common.sh"
source "$CLOUDFS_ROOT/scripts/lib/mariadb.sh"
trap mariadb_stop EXIT
commits=${1:-5000} concurrency=${2:-32} runs=${3:-3}
dotnet build "$CLOUDFS_ROOT/bench/CommitBench/CommitBench.csproj" -c Release -nologo -v:q -clp:ErrorsOnly
mariadb_start
port=$(sed -E 's/.*Port=([0-9]+).*/\1/' <<<"$CLOUDFS_TEST_MYSQL")
mariadb --no-defaults -h127.0.0.1 -P"$port" -ucloudfs -pcloudfs -e 'CREATE DATABASE IF NOT EXISTS bench'
bench="$CLOUDFS_ROOT/bench/CommitBench/bin/Release/net10.0/commit-bench.dll"
echo "# $(date -u +%F) $(nproc) cores, $(free -g | awk '/Mem:/{print $2}') GiB; MariaDB with innodb_flush_log_at_trx_commit=2"
dotnet "$bench" MySql "$CLOUDFS_TEST_MYSQL;Database=bench" "$commits" "$concurrency" "$runs"
sqlite_dir=$(mktemp -d)
dotnet "$bench" Sqlite "Data Source=$sqlite_dir/catalog.db" "$commits" "$concurrency" "$runs"
rm -rf "$sqlite_dir"
echo "# directory MOVE and COPY of 10000 objects (catalog only), MariaDB"
mariadb --no-defaults -h127.0.0.1 -P"$port" -ucloudfs -pcloudfs -e 'CREATE DATABASE IF NOT EXISTS tree'
dotnet "$bench" MySql "$CLOUDFS_TEST_MYSQL;Database=tree" 0 32 "$runs" --tree 10000
