#!/usr/bin/env bash
# Runs the integration suite of the Go Swift client library (Debian's golang-github-ncw-swift-v2-dev,
# the library rclone is built on) against a Swift endpoint and prints `go test -json` lines.
#
#   scripts/go-swift-suite.sh AUTH_URL USER KEY [go test args...]
#
# Offline: the library's source is copied into a scratch GOPATH module (it has no dependencies),
# GOPROXY=off, GOPATH/GOCACHE under a temp dir that is removed at exit.
set -uo pipefail
[ $# -ge 3 ] || { echo "usage: $0 AUTH_URL USER KEY [go test args...]" >&2; exit 2; }
auth_url=$1 user=$2 key=$3
shift 3

SRC=/usr/share/gocode/src/github.com/ncw/swift/v2
[ -f "$SRC/swift_test.go" ] || { echo "missing $SRC (golang-github-ncw-swift-v2-dev)" >&2; exit 2; }
command -v go >/dev/null || { echo "missing go (golang-go)" >&2; exit 2; }

work="$(mktemp -d /tmp/go-swift.XXXXXX)"
trap 'chmod -R u+w "$work" 2>/dev/null; rm -rf "$work"' EXIT
cp -r "$SRC" "$work/swift"
chmod -R u+w "$work/swift"

export GOPATH="$work/gopath" GOCACHE="$work/cache" GOPROXY=off GOFLAGS=-mod=mod GO111MODULE=on GOTOOLCHAIN=local
export SWIFT_AUTH_URL="$auth_url" SWIFT_API_USER="$user" SWIFT_API_KEY="$key"
cd "$work/swift" && go test -json -count=1 -run '.' "$@" .
