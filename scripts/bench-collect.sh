#!/usr/bin/env bash
# Collect benchmark: a wide (10-column) query result through CxSpark as Arrow batches and as rows, against the same
# plan run server-side only (Write().Format("noop")) in the same run. Each mode runs in its own process, so the
# peak memory printed is that mode's own.
#   bench-collect.sh [--rows N (5000000)] [--repeat R (2)]
# Uses SPARK_REMOTE when set; otherwise starts a local server (local[*]) and stops it afterwards.
set -euo pipefail
here=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
root=$(cd "$here/.." && pwd)
# shellcheck source=lib/usage.sh
. "$here/lib/usage.sh"
rows=5000000
repeat=2
while [ $# -gt 0 ]; do
  case "$1" in
    --rows) rows=$2; shift ;;
    --repeat) repeat=$2; shift ;;
    -h|--help) usage; exit 0 ;;
    *) echo "bench-collect.sh: unknown option $1" >&2; exit 2 ;;
  esac
  shift
done

dotnet build "$root/scripts/bench/CxSpark.Bench" -c Release -nologo -v:q -clp:NoSummary >&2
bench="$root/scripts/bench/CxSpark.Bench/bin/Release/net10.0/CxSpark.Bench.dll"
if [ -z "${SPARK_REMOTE:-}" ]; then
  export CXSPARK_PORT=${CXSPARK_BENCH_PORT:-15402}
  SPARK_REMOTE=$("$here/spark-server.sh" start)
  export SPARK_REMOTE
  trap '"$here/spark-server.sh" stop' EXIT
fi

value() { sed -n "s/.*$1=\([^ ]*\).*/\1/p"; }
for run in $(seq 1 "$repeat"); do
  declare -A rate=() peak=()
  for mode in noop arrow rows; do
    line=$(dotnet "$bench" collect --mode "$mode" --rows "$rows" --remote "$SPARK_REMOTE")
    echo "run $run: $line"
    rate[$mode]=$(echo "$line" | value rows_per_s)
    peak[$mode]=$(echo "$line" | value peak_mb)
  done
  for mode in arrow rows; do
    awk -v m="$mode" -v r="${rate[$mode]}" -v n="${rate[noop]}" -v p="${peak[$mode]}" -v run="$run" \
      'BEGIN { printf "run %d: %-5s %10.0f rows/s  = %.2f x server-only (noop %.0f rows/s)  peak %d MB\n", run, m, r, r / n, n, p }'
  done
done
