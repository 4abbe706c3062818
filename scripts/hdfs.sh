#!/usr/bin/env bash
# A local HDFS (one NameNode, one DataNode: Hadoop's MiniDFSCluster) for tests and development.
#   hdfs.sh start      start one and wait until the NameNode answers and the DataNode stores a block; prints its hdfs:// URL
#   hdfs.sh stop       stop the HDFS this script started (pid file) and delete its blocks
#   hdfs.sh status     say whether it runs and answers
#   hdfs.sh dfs ARGS   Hadoop's file system shell against it, e.g. hdfs.sh dfs -put data-samples/online-retail /raw
# Settings (environment): CXSPARK_HDFS_PORT (NameNode RPC port, 9820), CXSPARK_STATE_DIR (.spark/ in the repository:
# pid file, log, blocks), CXSPARK_HDFS_START_TIMEOUT (120 s), HDFS_JARS (else ../shared/spark/unpack.sh --hdfs), SPARK_HOME.
set -euo pipefail

here=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
root=$(cd "$here/.." && pwd)
port=${CXSPARK_HDFS_PORT:-9820}
state=${CXSPARK_STATE_DIR:-$root/.spark}
timeout=${CXSPARK_HDFS_START_TIMEOUT:-120}
pidfile="$state/hdfs-$port.pid"
logfile="$state/hdfs-$port.log"
data="$state/hdfs-$port"
url="hdfs://127.0.0.1:$port"

# shellcheck source=lib/usage.sh
. "$here/lib/usage.sh"
# shellcheck source=lib/daemon.sh
. "$here/lib/daemon.sh"

classpath() {
  local hdfs_jars=${HDFS_JARS:-}
  if [ -z "$hdfs_jars" ]; then
    local unpack="$root/../shared/spark/unpack.sh"
    [ -f "$unpack" ] || { echo "hdfs.sh: no HDFS_JARS and no $unpack; set HDFS_JARS to a folder with hadoop-client-minicluster-3.4.2.jar." >&2; exit 1; }
    hdfs_jars=$(bash "$unpack" --hdfs "${CXSPARK_CACHE:-${XDG_CACHE_HOME:-$HOME/.cache}/cxspark}")
  fi
  local spark_home; spark_home=$("$here/spark-home.sh")
  echo "$hdfs_jars/*:$spark_home/jars/*"
}

port_open() { (exec 3<>"/dev/tcp/127.0.0.1/$port") 2>/dev/null; }

ready() { grep -q "^MiniHdfs ready $url" "$logfile" 2>/dev/null && port_open; }

start() {
  if pid=$(daemon_pid "$pidfile"); then
    echo "hdfs.sh: already running (pid $pid) at $url" >&2
    echo "$url"
    return 0
  fi
  if port_open; then
    echo "hdfs.sh: port $port is taken by a process this script did not start; set CXSPARK_HDFS_PORT to use another port." >&2
    exit 1
  fi
  local cp; cp=$(classpath)
  rm -rf "$data"
  mkdir -p "$data"
  daemon_start "$pidfile" "$logfile" "$root" java -Xmx512m -cp "$cp" "$here/hdfs/MiniHdfs.java" "$port" "$data"
  daemon_wait "$pidfile" "$timeout" ready || case $? in
    1)
      echo "hdfs.sh: HDFS exited during start; last lines of $logfile:" >&2
      tail -n 20 "$logfile" >&2
      rm -f "$pidfile"
      exit 1 ;;
    *)
      echo "hdfs.sh: HDFS not ready on port $port after ${timeout}s; see $logfile" >&2
      stop
      exit 1 ;;
  esac
  echo "hdfs.sh: HDFS answers at $url (pid $(cat "$pidfile"), log $logfile)" >&2
  echo "$url"
}

stop() {
  local pid
  if ! pid=$(daemon_stop "$pidfile"); then
    echo "hdfs.sh: no HDFS started by this script on port $port" >&2
    return 0
  fi
  rm -rf "$data"
  echo "hdfs.sh: stopped HDFS on port $port (pid $pid)" >&2
}

status() {
  local pid found=0
  pid=$(daemon_status "$pidfile" ready) || found=$?
  case $found in
    0) echo "running (pid $pid) and answering at $url" ;;
    2) echo "running (pid $pid) but not answering on port $port"; return 1 ;;
    *) echo "not running on port $port"; return 1 ;;
  esac
}

dfs() {
  local cp; cp=$(classpath)
  exec java -cp "$here/hdfs/conf:$cp" org.apache.hadoop.fs.FsShell -fs "$url" -D dfs.replication=1 "$@"
}

case "${1:-}" in
  start) start ;;
  stop) stop ;;
  status) status ;;
  dfs) shift; dfs "$@" ;;
  -h|--help) usage ;;
  *) usage >&2; exit 2 ;;
esac
