# Installs Debian packages the tests need when they are missing. Sourced.

# ensure_packages COMMAND:PACKAGE ... installs PACKAGE when COMMAND is not on PATH.
ensure_packages() {
  local missing=() pair
  for pair in "$@"; do
    command -v "${pair%%:*}" >/dev/null 2>&1 || missing+=("${pair#*:}")
  done
  apt_install "${missing[@]}"
}

# ensure_debs PACKAGE ... installs each PACKAGE dpkg does not list as installed (for packages
# without a command, e.g. library sources).
ensure_debs() {
  local missing=() pkg
  for pkg in "$@"; do
    dpkg-query -W -f='${Status}' "$pkg" 2>/dev/null | grep -q 'install ok installed' || missing+=("$pkg")
  done
  apt_install "${missing[@]}"
}

# apt_install PACKAGE ... installs the given packages (none: nothing to do).
apt_install() {
  local missing=("$@")
  [ ${#missing[@]} -eq 0 ] && return 0
  log "installing ${missing[*]}"
  # Keep apt from starting the services it installs (there may be no init system, and a
  # system MariaDB would take ports we do not want taken).
  local policy=/usr/sbin/policy-rc.d created_policy=0
  if [ ! -e "$policy" ]; then
    printf '#!/bin/sh\nexit 101\n' | as_root tee "$policy" >/dev/null
    as_root chmod +x "$policy"
    created_policy=1
  fi
  local rc=0
  as_root env DEBIAN_FRONTEND=noninteractive apt-get update -qq >/dev/null || rc=$?
  if [ $rc -eq 0 ]; then
    as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null || rc=$?
  fi
  [ $created_policy -eq 1 ] && as_root rm -f "$policy"
  [ $rc -eq 0 ] || die "apt-get could not install ${missing[*]}"
}
