#!/usr/bin/env bash
# Rewrites tests/Conformance/pending.json from a fresh replay of every case on SQLite and on
# MariaDB (scripts/test.sh starts the scratch MariaDB), under the end-to-end lock. Each case
# that differs from Swift gets its first difference per database. Run it after fixes land:
# the list should only shrink (a pending case that matches fails the normal run).
#   tests/Conformance/refresh-pending.sh
set -euo pipefail
HERE="$(cd "$(dirname "$0")" && pwd)"
ROOT="$(cd "$HERE/../.." && pwd)"
OUT="$(mktemp -d /tmp/cloudfs-pending.XXXXXX)"
trap 'rm -rf "$OUT"' EXIT

CLOUDFS_CONFORMANCE_PENDING_OUT="$OUT/pending.json" CLOUDFS_CONFORMANCE_ALL_OUT="$OUT/all" \
  flock /tmp/cloudfs-e2e.lock "$ROOT/scripts/test.sh" --filter "FullyQualifiedName~CloudFs.EndToEndTests.Conformance.SwiftConformanceTests"
[ -f "$OUT/pending.json" ] || echo "{}" >"$OUT/pending.json"
cp "$OUT/pending.json" "$HERE/pending.json"
for db in sqlite mysql; do
  [ -f "$OUT/all.$db.json" ] && cp "$OUT/all.$db.json" "$HERE/differences.$db.json"
done
python3 - "$HERE/pending.json" <<'PY'
import json, sys
pending = json.load(open(sys.argv[1]))
for db in ("sqlite", "mysql"):
    print("%s: %d cases differ" % (db, sum(1 for v in pending.values() if db in v)))
PY
