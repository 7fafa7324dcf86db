# Keeps the processes of scripts/cluster.sh --hosts N running, as systemd units with
# Restart=on-failure would: a process that exits without being asked to (a crash, kill -9, a
# clean exit nobody asked for) is started again and the restart is logged with its exit status.
# Asking: the file RUN_DIR/NAME.down (daemontools' "down"): while it exists the service is stopped
# and stays stopped; removing it starts the service again. Sourced after common.sh.
#
# A service is a NAME (e.g. object-127.0.0.3) and a start command: a shell function and its
# arguments that launch one process in the background and set LAUNCHED_PID. Its pid is kept
# current in RUN_DIR/NAME.pid. The caller sets RUN_DIR and SUPERVISOR_LOG.

SERVICES=()
declare -A SVC_COMMAND=() SVC_PID=() SVC_STARTED=() SVC_FAILS=() SVC_RETRY_AT=()

# supervisor_log MESSAGE: to stderr and to SUPERVISOR_LOG.
supervisor_log() {
  log "$*"
  printf '%s %s\n' "$(date -u +%Y-%m-%dT%H:%M:%SZ)" "$*" >>"$SUPERVISOR_LOG"
}

# service_add NAME FUNCTION [ARG...]
service_add() {
  local name=$1; shift
  SERVICES+=("$name")
  SVC_COMMAND[$name]="$*"
  SVC_PID[$name]=""
  SVC_FAILS[$name]=0
  SVC_RETRY_AT[$name]=0
}

service_start() {
  local name=$1
  # Word splitting on purpose: the command is a function name and arguments without spaces.
  ${SVC_COMMAND[$name]}
  SVC_PID[$name]=$LAUNCHED_PID
  SVC_STARTED[$name]=$SECONDS
  # Written beside and renamed, so a reader never sees half a pid.
  echo "$LAUNCHED_PID" >"$RUN_DIR/$name.pid.tmp"
  mv -f "$RUN_DIR/$name.pid.tmp" "$RUN_DIR/$name.pid"
}

# describe_exit STATUS: "exit status 3" or "killed by signal 9 (KILL)", as bash reports a child.
describe_exit() {
  local status=$1
  if (( status > 128 )); then
    echo "killed by signal $((status - 128)) ($(kill -l $((status - 128)) 2>/dev/null || echo '?'))"
  else
    echo "exit status $status"
  fi
}

# services_stop NAME...: SIGTERM to each at once; SIGKILL to any still running after 30 s.
services_stop() {
  local name pid pids=() deadline
  for name in "$@"; do
    pid=${SVC_PID[$name]:-}
    [ -n "$pid" ] || continue
    kill "$pid" 2>/dev/null || true
    pids+=("$pid")
  done
  deadline=$((SECONDS + 30))
  for pid in "${pids[@]}"; do
    while kill -0 "$pid" 2>/dev/null && (( SECONDS < deadline )); do sleep 0.2; done
    kill -9 "$pid" 2>/dev/null || true
    wait "$pid" 2>/dev/null || true
  done
  for name in "$@"; do
    SVC_PID[$name]=""
    rm -f "$RUN_DIR/$name.pid"
  done
}

# service_check NAME: one supervision step for one service.
service_check() {
  local name=$1 pid=${SVC_PID[$1]} status
  if [ -e "$RUN_DIR/$name.down" ]; then
    if [ -n "$pid" ]; then
      supervisor_log "stopping $name (pid $pid): $RUN_DIR/$name.down exists"
      services_stop "$name"
    fi
    return 0
  fi
  if [ -z "$pid" ]; then
    (( SECONDS >= ${SVC_RETRY_AT[$name]} )) || return 0
    service_start "$name"
    supervisor_log "started $name (pid ${SVC_PID[$name]})"
    return 0
  fi
  kill -0 "$pid" 2>/dev/null && return 0
  # bash has reaped the child and kept its status for this wait.
  status=0
  wait "$pid" 2>/dev/null || status=$?
  SVC_PID[$name]=""
  # A process that keeps dying at once is retried after 2, 4, ... 30 s, not in a tight loop
  # (systemd's RestartSec with a start limit, without ever giving up).
  if (( SECONDS - ${SVC_STARTED[$name]} < 10 )); then
    SVC_FAILS[$name]=$((${SVC_FAILS[$name]} + 1))
  else
    SVC_FAILS[$name]=0
  fi
  local delay=0
  if (( ${SVC_FAILS[$name]} > 0 )); then
    delay=$(( 1 << ${SVC_FAILS[$name]} ))
    (( delay <= 30 )) || delay=30
  fi
  SVC_RETRY_AT[$name]=$((SECONDS + delay))
  if (( delay == 0 )); then
    supervisor_log "$name (pid $pid) died: $(describe_exit "$status"); restarting it"
    service_start "$name"
    supervisor_log "restarted $name (pid ${SVC_PID[$name]})"
  else
    supervisor_log "$name (pid $pid) died: $(describe_exit "$status"), again within 10 s of starting; restarting it in $delay s"
  fi
}

services_check_all() {
  local name
  for name in "${SERVICES[@]}"; do service_check "$name"; done
}
