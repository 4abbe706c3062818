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

# shellcheck source=lib/usage.sh
. "$here/lib/usage.sh"
# shellcheck source=lib/daemon.sh
. "$here/lib/daemon.sh"

# A real gRPC round trip: an empty AnalyzePlan request must come back with a grpc-status trailer.
answers() {
  printf '\x00\x00\x00\x00\x00' | curl -s --max-time 5 --http2-prior-knowledge -o /dev/null -D - \
    -H 'content-type: application/grpc' -H 'te: trailers' --data-binary @- \
    "http://127.0.0.1:$port/spark.connect.SparkConnectService/AnalyzePlan" 2>/dev/null | grep -qi '^grpc-status'
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
  if pid=$(daemon_pid "$pidfile"); then
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
  daemon_start "$pidfile" "$logfile" "$root" env -u SPARK_REMOTE -u SPARK_CONNECT_MODE_ENABLED "${cmd[@]}"
  daemon_wait "$pidfile" "$timeout" answers || case $? in
    1)
      echo "spark-server.sh: the server exited during start; last lines of $logfile:" >&2
      tail -n 20 "$logfile" >&2
      rm -f "$pidfile"
      exit 1 ;;
    *)
      echo "spark-server.sh: no answer on port $port after ${timeout}s; see $logfile" >&2
      stop
      exit 1 ;;
  esac
  echo "spark-server.sh: Spark Connect answers on port $port (pid $(cat "$pidfile"), log $logfile)" >&2
  echo "sc://localhost:$port"
}

stop() {
  local pid
  if ! pid=$(daemon_stop "$pidfile"); then
    echo "spark-server.sh: no server started by this script on port $port" >&2
    return 0
  fi
  echo "spark-server.sh: stopped the server on port $port (pid $pid)" >&2
}

status() {
  local pid found=0
  pid=$(daemon_status "$pidfile" answers) || found=$?
  case $found in
    0) echo "running (pid $pid) and answering at sc://localhost:$port" ;;
    2) echo "running (pid $pid) but not answering on port $port" ;;
    *) echo "not running on port $port"; return 1 ;;
  esac
}

case "${1:-}" in
  start) shift; start "$@" ;;
  stop) stop ;;
  status) status ;;
  -h|--help) usage ;;
  *) usage >&2; exit 2 ;;
esac
