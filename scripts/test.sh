#!/usr/bin/env bash
# Builds the solution, checks formatting, and runs every test against a real Spark Connect server.
# A local server is started (and stopped afterwards) unless SPARK_REMOTE names one already running.
#   test.sh [--no-format] [dotnet test options, e.g. --filter FullyQualifiedName~OnlineRetail]
set -euo pipefail

here=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
root=$(cd "$here/.." && pwd)
# shellcheck source=lib/usage.sh
. "$here/lib/usage.sh"
cd "$root"

format=true
args=()
for arg in "$@"; do
  case "$arg" in
    -h|--help) usage; exit 0 ;;
    --no-format) format=false ;;
    *) args+=("$arg") ;;
  esac
done

export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1
dotnet build CxSpark.sln -c Release -nologo -clp:NoSummary -v:q
if $format; then
  dotnet format CxSpark.sln --verify-no-changes --no-restore -v:q \
    || { echo "test.sh: formatting differs from .editorconfig; run 'dotnet format CxSpark.sln' and commit." >&2; exit 1; }
fi

# The HDFS tests start and stop a mini-cluster on this port themselves; stopping it here too covers a crashed test host.
export CXSPARK_TEST_HDFS_PORT=${CXSPARK_TEST_HDFS_PORT:-19112}
started=false
cleanup() {
  CXSPARK_HDFS_PORT=$CXSPARK_TEST_HDFS_PORT "$here/hdfs.sh" stop 2>/dev/null || true
  if $started; then "$here/spark-server.sh" stop; fi
}
trap cleanup EXIT
if [ -z "${SPARK_REMOTE:-}" ]; then
  export CXSPARK_PORT=${CXSPARK_TEST_PORT:-15102} CXSPARK_MASTER=${CXSPARK_MASTER:-local[2]}
  SPARK_REMOTE=$("$here/spark-server.sh" start)
  export SPARK_REMOTE
  started=true
fi
echo "test.sh: testing against $SPARK_REMOTE" >&2

log=$(mktemp)
set +e
dotnet test CxSpark.sln -c Release --no-build -nologo "${args[@]}" 2>&1 | tee "$log"
status=${PIPESTATUS[0]}
set -e
passed=$(grep -Eo 'Passed: +[0-9]+' "$log" | awk '{s+=$2} END {print s+0}')
failed=$(grep -Eo 'Failed: +[0-9]+' "$log" | awk '{s+=$2} END {print s+0}')
skipped=$(grep -Eo 'Skipped: +[0-9]+' "$log" | awk '{s+=$2} END {print s+0}')
rm -f "$log"
echo "Tests: $passed passed, $failed failed, $skipped skipped"
if [ "$status" -ne 0 ] || [ "$passed" -eq 0 ]; then
  exit 1
fi
