#!/usr/bin/env bash
# Nightly scale benchmark (issue #7): cxspark nightly on synthetic raw zones of growing size against ONE local Spark
# Connect server, and a plain-Spark JVM reference of the same stages on the same zones, run the same way.
#   bench.sh [--sizes 0.6M,2.5M,10M] [--quick] [--skip-reference] [--keep-server] [--out DIR] [--seed N] [--no-warmup] [--no-evaluate]
#     --sizes           transaction lines per size (k/M suffixes); zones have customers = lines/10, products = lines/200
#     --quick           smoke test: sizes 10k,40k and 2g of driver memory (unless CXSPARK_BENCH_DRIVER_MEMORY is set)
#     --skip-reference  run only cxspark
#     --keep-server     leave the Spark server running afterwards (a later run on the same port reuses it)
#     --out DIR         result JSON folder (default .artifacts/bench): <timestamp>.json and latest.json
#     --no-warmup       skip the unreported 10k-line run that first warms up the server's JIT (and the reference's JVM)
#     --no-evaluate     the nightly at scale: Recommend:Evaluate=false with the decay pinned to 15 days (one ALS fit instead of
#                       five: no tuning, no holdout); the reference does the same; compared only with runs in the same mode
# Per size and stage it prints wall seconds, Spark's own job time (from the server's UI REST API), client overhead
# (wall - Spark) / wall, rows in/out, the job's peak working set, the reference's seconds and cxspark/reference; then
# time(4x)/time(x) between consecutive sizes, a summary, and every stage more than 25% slower than in the newest
# earlier result file with a common size (a printout, never a failure: exit 0 unless a run itself failed).
# Zones are generated once by `cxspark gen-data --lines` (in Spark) and cached in .artifacts/bench-zones/ by size and seed;
# job outputs and logs go to .artifacts/bench-work/<size>/.
# Settings (environment): CXSPARK_BENCH_PORT (15412), CXSPARK_BENCH_UI_PORT (4412), CXSPARK_BENCH_DRIVER_MEMORY (8g;
# the server's and the reference's), CXSPARK_BENCH_SHUFFLE_PARTITIONS (8, cxspark's Spark:ShufflePartitions default; adaptive execution coalesces small ones).
# SPARK_REMOTE is ignored: the benchmark needs the UI of a server it started itself.
set -euo pipefail
here=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
root=$(cd "$here/.." && pwd)
# shellcheck source=lib/usage.sh
. "$here/lib/usage.sh"

sizes=0.6M,2.5M,10M
quick=false
reference=true
keep_server=false
out="$root/.artifacts/bench"
seed=42
warmup=(--warmup 10k)
evaluate=()
while [ $# -gt 0 ]; do
  case "$1" in
    --sizes) sizes=$2; shift ;;
    --quick) quick=true ;;
    --skip-reference) reference=false ;;
    --keep-server) keep_server=true ;;
    --out) out=$2; shift ;;
    --seed) seed=$2; shift ;;
    --no-warmup) warmup=() ;;
    --no-evaluate) evaluate=(--no-evaluate) ;;
    -h|--help) usage; exit 0 ;;
    *) echo "bench.sh: unknown option $1 (see bench.sh -h)" >&2; exit 2 ;;
  esac
  shift
done
memory=${CXSPARK_BENCH_DRIVER_MEMORY:-8g}
if $quick; then
  sizes=10k,40k
  memory=${CXSPARK_BENCH_DRIVER_MEMORY:-2g}
fi
port=${CXSPARK_BENCH_PORT:-15412}
ui_port=${CXSPARK_BENCH_UI_PORT:-4412}
partitions=${CXSPARK_BENCH_SHUFFLE_PARTITIONS:-8}
state="$root/.spark"
mkdir -p "$out" "$root/.artifacts/bench-zones" "$root/.artifacts/bench-work"

echo "bench.sh: building cxspark and the bench driver (Release)" >&2
dotnet build "$root/jobs/CxSpark.Jobs" -c Release -nologo -v:q -clp:NoSummary >&2
dotnet build "$root/scripts/bench/CxSpark.Bench" -c Release -nologo -v:q -clp:NoSummary >&2
cxspark="$root/jobs/CxSpark.Jobs/bin/Release/net10.0/cxspark"
bench="$root/scripts/bench/CxSpark.Bench/bin/Release/net10.0/CxSpark.Bench.dll"
spark_home=$("$here/spark-home.sh")

reference_args=()
if $reference; then
  src="$here/bench/reference/NightlyReference.java"
  jar="$root/.artifacts/bench/nightly-reference.jar"
  if [ ! -f "$jar" ] || [ "$src" -nt "$jar" ]; then
    classes=$(mktemp -d)
    javac --release 17 -d "$classes" -cp "$spark_home/jars/*" "$src" >&2
    mkdir -p "$(dirname "$jar")"
    jar --create --file "$jar" -C "$classes" .
    rm -rf "$classes"
  fi
  mkdir -p "$state/reference-tmp" "$state/reference-checkpoints"
  reference_args=(--reference-jar "$jar" --spark-home "$spark_home" --reference-conf
    "spark.local.dir=$state/reference-tmp spark.checkpoint.dir=$state/reference-checkpoints spark.log.structuredLogging.enabled=false spark.driver.extraJavaOptions=-Djava.io.tmpdir=$state/reference-tmp")
fi

# ONE server for every size, with its UI on a fixed port so that Spark's job times can be read; the UI keeps enough jobs
# for the largest nightly (KMeans and ALS run thousands).
export CXSPARK_PORT=$port CXSPARK_UI_PORT=$ui_port CXSPARK_DRIVER_MEMORY=$memory CXSPARK_MASTER='local[*]'
unset SPARK_REMOTE
remote=$("$here/spark-server.sh" start --conf spark.ui.retainedJobs=100000 --conf spark.ui.retainedStages=100000 \
  --conf spark.sql.ui.retainedExecutions=100000 --conf spark.ui.retainedTasks=1000)
$keep_server || trap '"$here/spark-server.sh" stop' EXIT

dotnet "$bench" nightly --sizes "$sizes" --seed "$seed" --remote "$remote" --ui "http://127.0.0.1:$ui_port" \
  --cxspark "$cxspark" --cache "$root/.artifacts/bench-zones" --work "$root/.artifacts/bench-work" --out "$out" \
  --driver-memory "$memory" --shuffle-partitions "$partitions" "${warmup[@]}" "${evaluate[@]}" "${reference_args[@]}"
