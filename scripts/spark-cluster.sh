#!/usr/bin/env bash
# A Spark standalone cluster on 127.0.0.1 from the same runtime: one master and N workers.
#   spark-cluster.sh start     start the master and workers; wait until every worker has registered; print spark://
#   spark-cluster.sh stop      stop what this script started (pid files), never by name
#   spark-cluster.sh status    say what runs
#   spark-cluster.sh kill-worker N   kill worker N at once (SIGKILL), for fault tests
# Settings (environment): CXSPARK_MASTER_PORT (7177), CXSPARK_MASTER_UI_PORT (8190), CXSPARK_WORKERS (2),
# CXSPARK_WORKER_CORES (1), CXSPARK_WORKER_MEMORY (3g), CXSPARK_WORKER_UI_PORT (8191, then +1 per worker),
# CXSPARK_STATE_DIR (.spark/ in the repository: logs, pid files, work dirs), CXSPARK_START_TIMEOUT (90 s).
set -euo pipefail
here=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
root=$(cd "$here/.." && pwd)
port=${CXSPARK_MASTER_PORT:-7177}
ui=${CXSPARK_MASTER_UI_PORT:-8190}
workers=${CXSPARK_WORKERS:-2}
cores=${CXSPARK_WORKER_CORES:-1}
memory=${CXSPARK_WORKER_MEMORY:-3g}
worker_ui=${CXSPARK_WORKER_UI_PORT:-8191}
state=${CXSPARK_STATE_DIR:-$root/.spark}/cluster-$port
timeout=${CXSPARK_START_TIMEOUT:-90}
url="spark://127.0.0.1:$port"

# shellcheck source=lib/usage.sh
. "$here/lib/usage.sh"
# shellcheck source=lib/daemon.sh
. "$here/lib/daemon.sh"

alive() { daemon_pid "$1" > /dev/null; }

launch() { # name pidfile logfile args...
  local name=$1 pidfile=$2 log=$3; shift 3
  daemon_start "$pidfile" "$log" "$state" env -u SPARK_REMOTE "$spark_home/bin/spark-class" "$@"
  echo "spark-cluster.sh: started $name (pid $(cat "$pidfile"), log $log)" >&2
}

registered() { grep -c "Registering worker" "$state/master.log" 2>/dev/null || true; }

all_registered() { [ "$(registered)" -ge "$workers" ]; }

start() {
  if alive "$state/master.pid"; then
    echo "spark-cluster.sh: already running at $url" >&2; echo "$url"; return 0
  fi
  spark_home=$("$here/spark-home.sh")
  mkdir -p "$state"
  launch master "$state/master.pid" "$state/master.log" \
    org.apache.spark.deploy.master.Master --host 127.0.0.1 --port "$port" --webui-port "$ui"
  for i in $(seq 1 "$workers"); do
    mkdir -p "$state/worker-$i"
    launch "worker $i" "$state/worker-$i.pid" "$state/worker-$i.log" \
      org.apache.spark.deploy.worker.Worker --host 127.0.0.1 --cores "$cores" --memory "$memory" \
      --webui-port $((worker_ui + i - 1)) --work-dir "$state/worker-$i" "$url"
  done
  daemon_wait "$state/master.pid" "$timeout" all_registered || case $? in
    1) echo "spark-cluster.sh: the master exited; see $state/master.log" >&2; tail -n 20 "$state/master.log" >&2; stop; exit 1 ;;
    *) echo "spark-cluster.sh: only $(registered) of $workers workers registered after ${timeout}s; see $state/*.log" >&2; stop; exit 1 ;;
  esac
  echo "spark-cluster.sh: $workers workers registered with $url" >&2
  echo "$url"
}

stop() {
  for pidfile in "$state"/worker-*.pid "$state/master.pid"; do
    [ -e "$pidfile" ] && { daemon_stop "$pidfile" 20 0.5 > /dev/null || true; }
  done
  echo "spark-cluster.sh: stopped the cluster at $url" >&2
}

status() {
  if alive "$state/master.pid"; then
    echo "master running at $url; $(ls "$state"/worker-*.pid 2>/dev/null | while read -r f; do alive "$f" && echo x; done | wc -l) workers running"
  else
    echo "not running at $url"; return 1
  fi
}

case "${1:-}" in
  start) start ;;
  stop) stop ;;
  status) status ;;
  kill-worker) f="$state/worker-${2:?worker number}.pid"; alive "$f" && kill -9 "$(cat "$f")" && echo "spark-cluster.sh: killed worker $2" >&2 ;;
  -h|--help) usage ;;
  *) usage >&2; exit 2 ;;
esac
