#!/usr/bin/env bash
# A local Spark Connect server for development, tests and zero-flag job runs.
#   spark-server.sh start [--foreground] [--conf k=v ...]   start one and wait until it answers; prints its sc:// URL
#   spark-server.sh stop                                      stop the server this script started (pid file)
#   spark-server.sh status                                    say whether it runs and answers
# Settings (environment): CXSPARK_PORT (15002), CXSPARK_MASTER (local[*]), CXSPARK_DRIVER_MEMORY (2g),
# CXSPARK_STATE_DIR (.spark/ in the repository: logs, pid file, warehouse, checkpoints), CXSPARK_START_TIMEOUT (120 s),
# CXSPARK_AUTH_TOKEN (require this bearer token), CXSPARK_UI_PORT (serve Spark's web UI and REST API on this port of
# 127.0.0.1; default: no UI), SPARK_HOME (else scripts/spark-home.sh finds or fetches a runtime).
set -euo pipefail

here=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
root=$(cd "$here/.." && pwd)
port=${CXSPARK_PORT:-15002}
master=${CXSPARK_MASTER:-local[*]}
memory=${CXSPARK_DRIVER_MEMORY:-2g}
state=${CXSPARK_STATE_DIR:-$root/.spark}
timeout=${CXSPARK_START_TIMEOUT:-120}
pidfile="$state/server-$port.pid"
logfile="$state/server-$port.log"

usage() { sed -n '2,9p' "$0" | sed 's/^# \{0,1\}//'; }

# A real gRPC round trip: an empty AnalyzePlan request must come back with a grpc-status trailer.
answers() {
  printf '\x00\x00\x00\x00\x00' | curl -s --max-time 5 --http2-prior-knowledge -o /dev/null -D - \
    -H 'content-type: application/grpc' -H 'te: trailers' --data-binary @- \
    "http://127.0.0.1:$port/spark.connect.SparkConnectService/AnalyzePlan" 2>/dev/null | grep -qi '^grpc-status'
}

running_pid() {
  [ -f "$pidfile" ] || return 1
  local pid; pid=$(cat "$pidfile")
  kill -0 "$pid" 2>/dev/null && echo "$pid"
}

start() {
  local foreground=false
  local extra=()
  while [ $# -gt 0 ]; do
    case "$1" in
      --foreground) foreground=true ;;
      --conf) extra+=(--conf "$2"); shift ;;
      *) echo "spark-server.sh: unknown option $1" >&2; usage >&2; exit 2 ;;
    esac
    shift
  done
  if pid=$(running_pid); then
    echo "spark-server.sh: already running (pid $pid) at sc://localhost:$port" >&2
    echo "sc://localhost:$port"
    return 0
  fi
  if answers; then
    echo "spark-server.sh: port $port already has a Spark Connect server that this script did not start; set CXSPARK_PORT to use another port." >&2
    exit 1
  fi
  local spark_home; spark_home=$("$here/spark-home.sh")
  mkdir -p "$state/warehouse-$port" "$state/checkpoints-$port" "$state/tmp-$port"
  [ -n "${CXSPARK_AUTH_TOKEN:-}" ] && extra+=(--conf "spark.connect.authenticate.token=$CXSPARK_AUTH_TOKEN")
  local ui=(--conf spark.ui.enabled=false)
  # No port retries: a UI that silently moved to another port would be read by nobody, or someone else's read instead.
  [ -n "${CXSPARK_UI_PORT:-}" ] && ui=(--conf spark.ui.enabled=true --conf spark.ui.port="$CXSPARK_UI_PORT" --conf spark.driver.host=127.0.0.1
    --conf spark.driver.bindAddress=127.0.0.1 --conf spark.port.maxRetries=0)
  local cmd=("$spark_home/bin/spark-submit"
    --class org.apache.spark.sql.connect.service.SparkConnectServer
    --name "cxspark-connect-$port"
    --master "$master" --driver-memory "$memory"
    "${ui[@]}"
    --conf spark.connect.grpc.binding.port="$port"
    --conf spark.connect.grpc.binding.address=127.0.0.1
    --conf spark.log.structuredLogging.enabled=false
    --conf spark.sql.warehouse.dir="$state/warehouse-$port"
    --conf spark.checkpoint.dir="$state/checkpoints-$port"
    --conf spark.local.dir="$state/tmp-$port"
    --conf spark.driver.extraJavaOptions=-Djava.io.tmpdir="$state/tmp-$port"
    "${extra[@]}"
    spark-internal)
  if $foreground; then
    echo $$ > "$pidfile"
    unset SPARK_REMOTE SPARK_CONNECT_MODE_ENABLED
    exec "${cmd[@]}"
  fi
  # A client's SPARK_REMOTE must not reach spark-submit: it would try to run the server as a Connect client.
  (cd "$root" && unset SPARK_REMOTE SPARK_CONNECT_MODE_ENABLED && exec setsid "${cmd[@]}" > "$logfile" 2>&1 < /dev/null) &
  echo $! > "$pidfile"
  local waited=0
  until answers; do
    if ! running_pid > /dev/null; then
      echo "spark-server.sh: the server exited during start; last lines of $logfile:" >&2
      tail -n 20 "$logfile" >&2
      rm -f "$pidfile"
      exit 1
    fi
    if [ "$waited" -ge "$timeout" ]; then
      echo "spark-server.sh: no answer on port $port after ${timeout}s; see $logfile" >&2
      stop
      exit 1
    fi
    sleep 1; waited=$((waited + 1))
  done
  echo "spark-server.sh: Spark Connect answers on port $port (pid $(cat "$pidfile"), log $logfile)" >&2
  echo "sc://localhost:$port"
}

stop() {
  local pid
  if ! pid=$(running_pid); then
    rm -f "$pidfile"
    echo "spark-server.sh: no server started by this script on port $port" >&2
    return 0
  fi
  kill "$pid" 2>/dev/null || true
  for _ in $(seq 1 30); do
    kill -0 "$pid" 2>/dev/null || break
    sleep 1
  done
  kill -9 "$pid" 2>/dev/null || true
  rm -f "$pidfile"
  echo "spark-server.sh: stopped the server on port $port (pid $pid)" >&2
}

status() {
  if pid=$(running_pid); then
    if answers; then echo "running (pid $pid) and answering at sc://localhost:$port"; else echo "running (pid $pid) but not answering on port $port"; fi
  else
    echo "not running on port $port"; return 1
  fi
}

case "${1:-}" in
  start) shift; start "$@" ;;
  stop) stop ;;
  status) status ;;
  -h|--help) usage ;;
  *) usage >&2; exit 2 ;;
esac
