#!/usr/bin/env bash
# README command 2: runs every CloudFs test. Installs what the tests need when missing
# (MariaDB, the swift client, rclone, curl), starts a throw-away MariaDB, builds, runs the
# unit, integration and end-to-end suites, stops what it started (also on failure) and ends
# with "N passed, N failed". Extra arguments go to every `dotnet test` (e.g. --filter ...).
set -uo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/lib/common.sh"
source "$CLOUDFS_ROOT/scripts/lib/packages.sh"
source "$CLOUDFS_ROOT/scripts/lib/mariadb.sh"

SUITES=(CloudFs.UnitTests CloudFs.IntegrationTests CloudFs.EndToEndTests)
RESULTS="$(mktemp -d /tmp/cloudfs-test.XXXXXX)"

cleanup() {
  mariadb_stop
  rm -rf "$RESULTS"
}
trap cleanup EXIT
trap 'exit 130' INT TERM

ensure_packages mariadbd:mariadb-server mariadb:mariadb-client swift:python3-swiftclient rclone:rclone curl:curl
mariadb_start
build_solution || die "build failed"

passed=0 failed=0 skipped=0 broken=0
for suite in "${SUITES[@]}"; do
  log "running $suite"
  out="$RESULTS/$suite.log"
  dotnet test "$CLOUDFS_ROOT/tests/$suite/$suite.csproj" -c "$CLOUDFS_CONFIGURATION" --no-build -nologo \
    --logger "console;verbosity=normal" "$@" 2>&1 | tee "$out"
  rc=${PIPESTATUS[0]}
  # VSTest closes each run with: "Passed!  - Failed: 0, Passed: 12, Skipped: 1, Total: 13, ..."
  line="$(grep -E '^(Passed|Failed)!  - Failed:' "$out" | tail -1)"
  if [ -z "$line" ]; then
    log "$suite did not report results (exit $rc)"
    broken=$((broken + 1))
    continue
  fi
  read -r f p s < <(sed -E 's/.*Failed: *([0-9]+), Passed: *([0-9]+), Skipped: *([0-9]+).*/\1 \2 \3/' <<<"$line")
  failed=$((failed + f)); passed=$((passed + p)); skipped=$((skipped + s))
  if [ "$rc" -ne 0 ] && [ "$f" -eq 0 ]; then broken=$((broken + 1)); fi
done

echo
[ "$broken" -gt 0 ] && echo "$broken test suite(s) crashed or did not report"
echo "$passed passed, $((failed + broken)) failed, $skipped skipped"
[ "$failed" -eq 0 ] && [ "$broken" -eq 0 ]
