#!/usr/bin/env bash
# Submits a CxSpark job with spark-submit: the job runs inside the Spark driver through the launcher jar, which starts
# Spark Connect for it (executors need no .NET).
#   submit.sh [--master M] [--deploy-mode client|cluster] [--conf k=v]... [--driver-memory X] [--] VERB [JOB ARGS...]
#   submit.sh --prepare     only build the launcher jar and the published app (tests and CI call this once)
# Builds the launcher jar and a self-contained linux-x64 publish of jobs/CxSpark.Jobs when missing or stale
# (.artifacts/app/, packed as .artifacts/app.tar.gz and shipped with --archives app.tar.gz#app).
# Exit code: the job's own in client mode; in standalone cluster mode Spark reports only the driver's state, so
# FINISHED is 0 and FAILED/ERROR/KILLED is 4.
set -euo pipefail
here=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
root=$(cd "$here/.." && pwd)
# shellcheck source=lib/usage.sh
. "$here/lib/usage.sh"
master=${CXSPARK_MASTER:-local[*]}
deploy=client
prepare=false
conf=()
while [ $# -gt 0 ]; do
  case "$1" in
    --master) master=$2; shift ;;
    --deploy-mode) deploy=$2; shift ;;
    --conf) conf+=(--conf "$2"); shift ;;
    --driver-memory) conf+=(--driver-memory "$2"); shift ;;
    --prepare) prepare=true ;;
    -h|--help) usage; exit 0 ;;
    --) shift; break ;;
    *) break ;;
  esac
  shift
done
$prepare || [ $# -ge 1 ] || { echo "submit.sh: name the job verb (clean, profile, recommend, segment, nightly)" >&2; exit 2; }

launcher=$("$here/build-launcher.sh")
app="$root/.artifacts/app"
archive="$root/.artifacts/app.tar.gz"
# Sources only: a build writes generated *.cs under obj/, which must not make the archive stale.
newest_source=$(find "$root/jobs/CxSpark.Jobs" "$root/lib" \( -name obj -o -name bin \) -prune -o \
  \( -name '*.cs' -o -name '*.csproj' \) -newer "$archive" -print 2>/dev/null | head -1 || true)
if [ ! -f "$archive" ] || [ -n "$newest_source" ]; then
  echo "submit.sh: publishing jobs/CxSpark.Jobs (self-contained linux-x64)" >&2
  rm -rf "$app"
  dotnet publish "$root/jobs/CxSpark.Jobs" -c Release -r linux-x64 --self-contained -o "$app" -nologo -v:q >&2
  tar -czf "$archive" -C "$app" .
fi
$prepare && exit 0

spark_home=$("$here/spark-home.sh")
cmd=("$spark_home/bin/spark-submit" --master "$master" --deploy-mode "$deploy" --conf spark.ui.enabled=false
     --class cxspark.launcher.CxSparkLauncher)
module_options="-XX:+IgnoreUnrecognizedVMOptions --add-modules=jdk.incubator.vector \
--add-opens=java.base/java.lang=ALL-UNNAMED --add-opens=java.base/java.lang.invoke=ALL-UNNAMED \
--add-opens=java.base/java.lang.reflect=ALL-UNNAMED --add-opens=java.base/java.io=ALL-UNNAMED \
--add-opens=java.base/java.net=ALL-UNNAMED --add-opens=java.base/java.nio=ALL-UNNAMED \
--add-opens=java.base/java.util=ALL-UNNAMED --add-opens=java.base/java.util.concurrent=ALL-UNNAMED \
--add-opens=java.base/java.util.concurrent.atomic=ALL-UNNAMED --add-opens=java.base/jdk.internal.ref=ALL-UNNAMED \
--add-opens=java.base/sun.nio.ch=ALL-UNNAMED --add-opens=java.base/sun.nio.cs=ALL-UNNAMED \
--add-opens=java.base/sun.security.action=ALL-UNNAMED --add-opens=java.base/sun.util.calendar=ALL-UNNAMED \
--add-opens=java.security.jgss/sun.security.krb5=ALL-UNNAMED -Djdk.reflect.useDirectMethodHandle=false \
-Dio.netty.tryReflectionSetAccessible=true -Dio.netty.allocator.type=pooled \
-Dio.netty.handler.ssl.defaultEndpointVerificationAlgorithm=NONE --enable-native-access=ALL-UNNAMED"
if [ "$deploy" = "cluster" ] && [[ "$master" == spark://* ]]; then
  # A standalone worker starts the driver JVM without the module options spark-submit gives its own JVM (Arrow in
  # Spark Connect needs java.nio opened), so pass Spark 4.1's JavaModuleOptions, followed by any value of the caller.
  java_opts="$module_options"
  kept=()
  for ((i = 0; i < ${#conf[@]}; i += 2)); do
    if [[ "${conf[i+1]}" == spark.driver.extraJavaOptions=* ]]; then
      java_opts="$java_opts ${conf[i+1]#*=}"
    else
      kept+=("${conf[i]}" "${conf[i+1]}")
    fi
  done
  conf=("${kept[@]}")
  # The worker fetches the jar and the driver the archive from these paths: a cluster on other machines needs them on
  # a shared file system or at an hdfs:// or http(s):// URL (see the README).
  cmd+=("${conf[@]}" --conf "spark.driver.extraJavaOptions=$java_opts" --conf spark.standalone.submit.waitAppCompletion=true
        --archives "$archive#app" "$launcher" cxspark)
elif [ "$deploy" = "cluster" ]; then
  cmd+=("${conf[@]}" --archives "$archive#app" "$launcher" cxspark)
else
  cmd+=("${conf[@]}" "$launcher" "$app/cxspark")
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
