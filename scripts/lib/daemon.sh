# shellcheck shell=bash
# Sourced by spark-server.sh, hdfs.sh and spark-cluster.sh: daemons tracked by a pid file, never found by name.
#   daemon_pid PIDFILE                          print the pid when that process runs; status 1 otherwise
#   daemon_start PIDFILE LOG DIR COMMAND...     run COMMAND in DIR in a session of its own (setsid), stdout and stderr to
#                                               LOG, stdin from /dev/null; record its pid in PIDFILE
#   daemon_wait PIDFILE TIMEOUT READY           call READY once a second until it succeeds: status 0; 1 when the daemon
#                                               exited first, 2 when TIMEOUT seconds passed
#   daemon_stop PIDFILE [TRIES] [INTERVAL]      TERM, then up to TRIES (30) checks INTERVAL (1) seconds apart, then KILL;
#                                               removes PIDFILE; prints the pid it stopped, status 1 when none ran
#   daemon_status PIDFILE READY                 print the pid; status 0 when it runs and READY succeeds, 2 when it runs
#                                               but READY fails, 1 when it does not run

daemon_pid() {
  [ -f "$1" ] || return 1
  local pid; pid=$(cat "$1")
  kill -0 "$pid" 2>/dev/null && echo "$pid"
}

daemon_start() {
  local pidfile=$1 log=$2 dir=$3; shift 3
  (cd "$dir" && exec setsid "$@" > "$log" 2>&1 < /dev/null) &
  echo $! > "$pidfile"
}

daemon_wait() {
  local pidfile=$1 timeout=$2 ready=$3 waited=0
  until "$ready"; do
    daemon_pid "$pidfile" > /dev/null || return 1
    [ "$waited" -lt "$timeout" ] || return 2
    sleep 1; waited=$((waited + 1))
  done
}

daemon_stop() {
  local pidfile=$1 tries=${2:-30} interval=${3:-1} pid
  if ! pid=$(daemon_pid "$pidfile"); then
    rm -f "$pidfile"
    return 1
  fi
  kill "$pid" 2>/dev/null || true
  for _ in $(seq 1 "$tries"); do
    kill -0 "$pid" 2>/dev/null || break
    sleep "$interval"
  done
  kill -9 "$pid" 2>/dev/null || true
  rm -f "$pidfile"
  echo "$pid"
}

daemon_status() {
  local pid
  pid=$(daemon_pid "$1") || return 1
  echo "$pid"
  "$2" || return 2
}
