#!/usr/bin/env bash
# Builds jobs/launcher into .artifacts/cxspark-launcher.jar with plain javac + jar against the located Spark jars.
# Idempotent: rebuilds only when a source is newer than the jar. Prints the jar's path.
set -euo pipefail
here=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
root=$(cd "$here/.." && pwd)
# shellcheck source=lib/usage.sh
. "$here/lib/usage.sh"
[ "${1:-}" = "-h" ] && { usage; exit 0; }
src="$root/jobs/launcher/src"
jar="$root/.artifacts/cxspark-launcher.jar"
if [ -f "$jar" ] && [ -z "$(find "$src" -newer "$jar" -name '*.java' | head -1)" ]; then
  echo "$jar"; exit 0
fi
spark_home=$("$here/spark-home.sh")
classes=$(mktemp -d)
trap 'rm -rf "$classes"' EXIT
javac --release 17 -d "$classes" -cp "$spark_home/jars/*" $(find "$src" -name '*.java') >&2
mkdir -p "$(dirname "$jar")"
jar --create --file "$jar" -C "$classes" .
echo "$jar"
