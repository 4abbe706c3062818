#!/usr/bin/env bash
# Prints the SPARK_HOME of a Spark 4.1.x runtime, obtaining one if needed.
#   1. $SPARK_HOME, when it holds jars/;
#   2. the bundled runtime in ../shared/spark beside the repository (unpacked once into the cache);
#   3. Apache's spark-4.1.4-bin-hadoop3.tgz, downloaded once into the cache and checked against its SHA-512.
# The cache is $CXSPARK_CACHE, else ${XDG_CACHE_HOME:-~/.cache}/cxspark.
set -euo pipefail

here=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
root=$(cd "$here/.." && pwd)
# shellcheck source=lib/usage.sh
. "$here/lib/usage.sh"
[ "${1:-}" = "-h" ] || [ "${1:-}" = "--help" ] && { usage; exit 0; }
cache=${CXSPARK_CACHE:-${XDG_CACHE_HOME:-$HOME/.cache}/cxspark}
version=4.1.4

if [ -n "${SPARK_HOME:-}" ]; then
  if [ -d "$SPARK_HOME/jars" ]; then echo "$SPARK_HOME"; exit 0; fi
  echo "spark-home.sh: SPARK_HOME=$SPARK_HOME has no jars/ folder; point it at a Spark $version distribution." >&2
  exit 1
fi

bundled="$root/../shared/spark/unpack.sh"
if [ -x "$bundled" ] || [ -f "$bundled" ]; then
  exec bash "$bundled" "$cache"
fi

target="$cache/spark-$version-bin-hadoop3"
if [ ! -f "$target/.complete" ]; then
  mkdir -p "$cache"
  url=${CXSPARK_SPARK_URL:-https://archive.apache.org/dist/spark/spark-$version/spark-$version-bin-hadoop3.tgz}
  tmp=$(mktemp -d "$cache/.download.XXXXXX")
  trap 'rm -rf "$tmp"' EXIT
  echo "spark-home.sh: downloading $url" >&2
  if ! curl -fsSL -o "$tmp/spark.tgz" "$url" || ! curl -fsSL -o "$tmp/spark.tgz.sha512" "$url.sha512"; then
    echo "spark-home.sh: no Spark runtime found; set SPARK_HOME to a Spark $version distribution or SPARK_REMOTE to a running Spark Connect server (sc://host:15002)." >&2
    exit 1
  fi
  expected=$(tr -d ' \n' < "$tmp/spark.tgz.sha512" | sed 's/.*://' | tr 'A-F' 'a-f')
  actual=$(sha512sum "$tmp/spark.tgz" | cut -d' ' -f1)
  if [ "$expected" != "$actual" ]; then
    echo "spark-home.sh: checksum mismatch for $url; delete $cache and retry." >&2
    exit 1
  fi
  tar xzf "$tmp/spark.tgz" -C "$tmp"
  touch "$tmp/spark-$version-bin-hadoop3/.complete"
  mv -T "$tmp/spark-$version-bin-hadoop3" "$target" 2>/dev/null || [ -f "$target/.complete" ]
fi
echo "$target"
