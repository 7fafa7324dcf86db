# The steps scripts/cluster.sh takes for both of its modes (one host, N hosts). Sourced after
# common.sh; the caller sets STATE (the cluster's state dir) first.

declare -A ROLE_PORTS=([proxy]=7010 [account]=7011 [container]=7012 [object]=7013)
declare -A ROLE_PROJECTS=([proxy]=Proxy [account]=AccountServer [container]=ContainerServer [object]=ObjectServer)

# require_free_ports ADDRESS ROLE...: dies when a role's port on ADDRESS already answers.
require_free_ports() {
  local address=$1 role port_in_use; shift
  for role in "$@"; do
    port_in_use=0
    (exec 3<>"/dev/tcp/$address/${ROLE_PORTS[$role]}") 2>/dev/null && port_in_use=1
    [ $port_in_use -eq 0 ] || die "port ${ROLE_PORTS[$role]} on $address is already in use (another cluster running?)"
  done
}

# build_ring_once RING PART_POWER REPLICAS MIN_PART_HOURS SPEC WEIGHT [SPEC WEIGHT...]: builds
# $STATE/rings/RING.ring on first run only; later it is the operator's (cloudfs-ring).
build_ring_once() {
  local ring=$1 part_power=$2 replicas=$3 min_part_hours=$4; shift 4
  [ -f "$STATE/rings/$ring.ring" ] && return 0
  local ring_cli builder="$STATE/rings/$ring.builder" rc=0
  ring_cli="$(project_dll RingBuilder cloudfs-ring)"
  log "building the $ring ring"
  rm -f "$builder"
  dotnet "$ring_cli" "$builder" create "$part_power" "$replicas" "$min_part_hours" >/dev/null
  dotnet "$ring_cli" "$builder" add "$@" >/dev/null
  # Exit 1 is a warning (balance above 1%, e.g. partitions that do not split evenly): the ring is written.
  dotnet "$ring_cli" "$builder" rebalance >/dev/null || rc=$?
  [ $rc -le 1 ] || die "cloudfs-ring could not rebalance $builder"
}

# ensure_admin_password: ADMIN_PASSWORD, made on first run and kept (readable only by you) for later runs.
ensure_admin_password() {
  if [ ! -s "$STATE/admin-password" ]; then
    # head closes the pipe early; under pipefail tr's SIGPIPE would end the script.
    (umask 077; random_secret >"$STATE/admin-password")
  fi
  ADMIN_PASSWORD="$(cat "$STATE/admin-password")"
}

# export_policies: storage policies (Swift's [storage-policy:N]) for every role: containers take
# Policy-0 unless created with X-Storage-Policy: silver.
export_policies() {
  export CLOUDFS_Cluster__StoragePolicies__0__Name=Policy-0
  export CLOUDFS_Cluster__StoragePolicies__0__Index=0
  export CLOUDFS_Cluster__StoragePolicies__0__Default=true
  export CLOUDFS_Cluster__StoragePolicies__1__Name=silver
  export CLOUDFS_Cluster__StoragePolicies__1__Index=1
}

# launch_role ROLE LOGFILE [VAR=value...]: starts one role server from etc/ROLE-server.json in the
# background with the given settings on top of the exported ones; LAUNCHED_PID is its pid.
launch_role() {
  local role=$1 logfile=$2; shift 2
  # env execs dotnet, so the pid is the server's own (a kill -9 of it is the server dying).
  # A local cluster runs on etc/cloudfs.json's shipped hash-path secrets, which a server refuses
  # unless told it is a development cluster. DOTNET_TC_CallCountingDelayMs: as in the systemd units.
  env CLOUDFS_Cluster__AllowDefaultSecrets=true DOTNET_TC_CallCountingDelayMs=0 "$@" dotnet "$(project_dll "${ROLE_PROJECTS[$role]}" "CloudFs.${ROLE_PROJECTS[$role]}")" \
    --config "$CLOUDFS_ROOT/etc/$role-server.json" >>"$logfile" 2>&1 &
  LAUNCHED_PID=$!
}

# bootstrap_settings: the VAR=value settings that create the admin and the demo user.
bootstrap_settings() {
  printf '%s\n' "CLOUDFS_Bootstrap__AdminPassword=$ADMIN_PASSWORD" \
    CLOUDFS_Bootstrap__Users__0__User=test:tester \
    CLOUDFS_Bootstrap__Users__0__Key=testing \
    CLOUDFS_Bootstrap__Users__0__Type=owner
}

# print_running HEADLINE PROXY_ADDRESS OBJECT_ADDRESS [LINE...]: what to tell the user once every
# server is healthy; the LINEs (already labelled) come after Health.
print_running() {
  local headline=$1 proxy=$2 object=$3; shift 3
  local scheme=${SCHEME:-http} cacert="" curl_ca=""
  if [ "$scheme" = https ]; then
    cacert="--os-cacert $STATE/tls/ca.pem "
    curl_ca="--cacert $STATE/tls/ca.pem "
  fi
  cat <<INFO

$headline
  Auth URL:   $scheme://$proxy:7010/auth/v1.0
  Console:    $scheme://$proxy:7010/console/   (sign in as test:tester / testing)
  Demo user:  test:tester   key: testing
  Admin user: admin:admin   key: $ADMIN_PASSWORD
  Policies:   Policy-0 (default), silver (curl -X PUT -H 'X-Storage-Policy: silver' ...)
  Try:        swift ${cacert}-A $scheme://$proxy:7010/auth/v1.0 -U test:tester -K testing stat
  Health:     curl ${curl_ca}$scheme://$proxy:7010/healthcheck   ·   curl http://$object:7013/recon
INFO
  if [ "$scheme" = https ]; then
    printf '  %s\n' "TLS:        the proxy's certificate is signed by the local CA $STATE/tls/ca.pem" \
      "            (rclone: --ca-cert $STATE/tls/ca.pem)"
  fi
  [ $# -eq 0 ] || printf '  %s\n' "$@"
  cat <<INFO
  Logs:       $STATE/log/*.log
Ctrl-C stops the cluster.
INFO
}
