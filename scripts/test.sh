#!/usr/bin/env bash
# README command 2: runs every CloudFs test. Installs what the tests need when missing
# (MariaDB, the swift client, rclone, curl, Go and the Go Swift library, rpmbuild, openssl, chromium
# for the web console's browser tests), starts a throw-away MariaDB, builds
# the solution and the RPM, runs the
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

ensure_packages mariadbd:mariadb-server mariadb:mariadb-client swift:python3-swiftclient rclone:rclone curl:curl go:golang-go \
  rpmbuild:rpm rpm2cpio:rpm2cpio cpio:cpio openssl:openssl rsync:rsync chromium:chromium
# The Go Swift library's integration suite (scripts/go-swift-suite.sh) runs from its Debian source.
ensure_debs golang-github-ncw-swift-v2-dev galera-4
mariadb_start
build_solution || die "build failed"
# The RPM the payload test unpacks and runs (tests/CloudFs.EndToEndTests/Operations/RpmPayloadTests).
log "building the RPM (rpm/build.sh)"
"$CLOUDFS_ROOT/rpm/build.sh" >"$RESULTS/rpm-build.log" 2>&1 || { tail -30 "$RESULTS/rpm-build.log"; die "RPM build failed"; }

# count NAME: the NAME="N" attribute of the current <Counters>, 0 when absent.
count() { local v; v=$(grep -o " $1=\"[0-9]*\"" <<<"$counters" | grep -o '[0-9][0-9]*'); echo "${v:-0}"; }

passed=0 failed=0 skipped=0 broken=0
for suite in "${SUITES[@]}"; do
  log "running $suite"
  out="$RESULTS/$suite.log"
  trx="$RESULTS/$suite.trx"
  dotnet test "$CLOUDFS_ROOT/tests/$suite/$suite.csproj" -c "$CLOUDFS_CONFIGURATION" --no-build -nologo \
    --logger "console;verbosity=normal" --logger "trx;LogFileName=$trx" "$@" 2>&1 | tee "$out"
  rc=${PIPESTATUS[0]}
  # The TRX report's <Counters .../> element holds the run's totals.
  counters="$(grep -o '<Counters [^>]*>' "$trx" 2>/dev/null | head -1)"
  if [ -z "$counters" ]; then
    log "$suite did not report results (exit $rc)"
    broken=$((broken + 1))
    continue
  fi
  p=$(count passed); f=$(( $(count failed) + $(count error) + $(count timeout) + $(count aborted) ))
  s=$(( $(count notExecuted) + $(count inconclusive) ))
  failed=$((failed + f)); passed=$((passed + p)); skipped=$((skipped + s))
  log "$suite: $p passed, $f failed, $s skipped"
  if [ "$rc" -ne 0 ] && [ "$f" -eq 0 ]; then broken=$((broken + 1)); fi
done

# The failures again at the end, where a reader of a truncated log still sees them: each
# failed test's name, message and the top of its stack (the console logger's block).
if [ "$failed" -gt 0 ]; then
  echo
  echo "Failed tests:"
  for suite in "${SUITES[@]}"; do
    awk -v suite="$suite" '
      /^  (Passed|Skipped) / || /^Test Run/ { keep = 0 }
      /^  Failed / { keep = 1; n = 0; print suite ":" }
      keep && n < 40 { print; n++ }' "$RESULTS/$suite.log" 2>/dev/null
  done
fi

echo
[ "$broken" -gt 0 ] && echo "$broken test suite(s) crashed or did not report"
echo "$passed passed, $((failed + broken)) failed, $skipped skipped"
[ "$failed" -eq 0 ] && [ "$broken" -eq 0 ]
