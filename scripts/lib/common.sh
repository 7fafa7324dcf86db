# Shared helpers for the CloudFs scripts. Sourced, not run.

CLOUDFS_ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
CLOUDFS_CONFIGURATION="${CLOUDFS_CONFIGURATION:-Release}"

log() { printf '%s %s\n' "$(date -u +%H:%M:%S)" "$*" >&2; }
die() { log "error: $*"; exit 1; }

# Runs a command as root: directly when we are root, through sudo otherwise.
as_root() {
  if [ "$(id -u)" -eq 0 ]; then "$@"; else sudo "$@"; fi
}

# dll of a built project, e.g. role_dll Proxy → Proxy/bin/Release/net10.0/CloudFs.Proxy.dll
project_dll() {
  local project=$1 assembly=$2
  echo "$CLOUDFS_ROOT/$project/bin/$CLOUDFS_CONFIGURATION/net10.0/$assembly.dll"
}

build_solution() {
  log "building CloudFs ($CLOUDFS_CONFIGURATION)"
  dotnet build "$CLOUDFS_ROOT/CloudFs.sln" -c "$CLOUDFS_CONFIGURATION" -nologo -clp:ErrorsOnly -v:q
}

# Polls url until it answers 200 or the timeout (seconds) runs out.
wait_http() {
  local url=$1 timeout=${2:-60} start=$SECONDS
  until curl -fs -o /dev/null --max-time 2 "$url"; do
    if (( SECONDS - start > timeout )); then return 1; fi
    sleep 0.3
  done
}

# A random secret (32 hex digits, 128 bits). od stops by itself, so nothing dies of SIGPIPE
# (as `tr </dev/urandom | head` does, noisily, and fatally under pipefail in some shells).
random_secret() { od -An -tx1 -N16 /dev/urandom | tr -d ' \n'; }
