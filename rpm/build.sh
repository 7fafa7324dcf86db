#!/usr/bin/env bash
# Builds the CloudFs RPM into rpm/out/ (needs rpmbuild and the .NET 10 SDK).
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
top="$(mktemp -d)"
trap 'rm -rf "$top"' EXIT
rpmbuild -bb "$root/rpm/cloudfs.spec" --define "_topdir $top" --define "cloudfs_src $root" --nodeps
# Only this build's package in out/ (the payload test takes what is there).
rm -rf "$root/rpm/out"
mkdir -p "$root/rpm/out"
cp "$top"/RPMS/*/*.rpm "$root/rpm/out/"
ls -l "$root/rpm/out/"
