#!/usr/bin/env bash
# Submits a CxSpark job with spark-submit: the job runs inside the Spark driver through the launcher jar, which starts
# Spark Connect for it (executors need no .NET).
#   submit.sh [--master M] [--deploy-mode client|cluster] [--conf k=v]... [--driver-memory X] [--] VERB [JOB ARGS...]
# Builds the launcher jar and a self-contained linux-x64 publish of jobs/CxSpark.Jobs when missing or stale
# (.artifacts/app/, packed as .artifacts/app.tar.gz and shipped with --archives app.tar.gz#app).
# Exit code: the job's own in client mode; in standalone cluster mode Spark reports only the driver's state, so
# FINISHED is 0 and FAILED/ERROR/KILLED is 4.
set -euo pipefail
here=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
root=$(cd "$here/.." && pwd)
master=${CXSPARK_MASTER:-local[*]}
deploy=client
conf=()
while [ $# -gt 0 ]; do
  case "$1" in
    --master) master=$2; shift ;;
    --deploy-mode) deploy=$2; shift ;;
    --conf) conf+=(--conf "$2"); shift ;;
    --driver-memory) conf+=(--driver-memory "$2"); shift ;;
    -h|--help) sed -n '2,9p' "$0" | sed 's/^# \{0,1\}//'; exit 0 ;;
    --) shift; break ;;
    *) break ;;
  esac
  shift
done
[ $# -ge 1 ] || { echo "submit.sh: name the job verb (clean, profile, recommend, segment, nightly)" >&2; exit 2; }

launcher=$("$here/build-launcher.sh")
app="$root/.artifacts/app"
archive="$root/.artifacts/app.tar.gz"
newest_source=$(find "$root/jobs/CxSpark.Jobs" "$root/lib" -name '*.cs' -newer "$archive" 2>/dev/null | head -1 || true)
if [ ! -f "$archive" ] || [ -n "$newest_source" ]; then
  echo "submit.sh: publishing jobs/CxSpark.Jobs (self-contained linux-x64)" >&2
  rm -rf "$app"
  dotnet publish "$root/jobs/CxSpark.Jobs" -c Release -r linux-x64 --self-contained -o "$app" -nologo -v:q >&2
  tar -czf "$archive" -C "$app" .
fi

spark_home=$("$here/spark-home.sh")
cmd=("$spark_home/bin/spark-submit" --master "$master" --deploy-mode "$deploy" --conf spark.ui.enabled=false "${conf[@]}"
     --class cxspark.launcher.CxSparkLauncher)
if [ "$deploy" = "cluster" ] && [[ "$master" == spark://* ]]; then
  # A standalone cluster on this machine runs the driver in a worker's folder: point it at the published app.
  cmd+=(--conf spark.standalone.submit.waitAppCompletion=true "$launcher" "$app/cxspark")
elif [ "$deploy" = "cluster" ]; then
  cmd+=(--archives "$archive#app" "$launcher" cxspark)
else
  cmd+=("$launcher" "$app/cxspark")
fi
unset SPARK_REMOTE
if [ "$deploy" = "cluster" ] && [[ "$master" == spark://* ]]; then
  log=$(mktemp)
  set +e
  "${cmd[@]}" "$@" 2>&1 | tee "$log" >&2
  set -e
  state=$(sed -n 's/.*State of driver .* is \([A-Z]*\).*/\1/p' "$log" | tail -1)
  rm -f "$log"
  echo "submit.sh: driver finished in state ${state:-UNKNOWN}" >&2
  [ "$state" = "FINISHED" ] && exit 0 || exit 4
fi
exec "${cmd[@]}" "$@"
