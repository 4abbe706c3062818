#!/usr/bin/env bash
# Checks that a change keeps every published table identical (issue #15): builds two revisions in git worktrees, runs
# `cxspark nightly` of each on the same inputs with a fixed run id, run date and reference date, and compares every
# published table of the two runs row for row (DuckDB, scripts/compare/CxSpark.Compare).
#   compare-outputs.sh [--base REV] [--head REV] [--datasets LIST] [--digits N] [--reuse-base] [--examples N]
#   compare-outputs.sh --clean      remove .compare/ and its worktrees
#     --base REV       the revision before the change (default: the merge-base of HEAD and main, else origin/main; on
#                      main itself that is HEAD, so the default compares your uncommitted work with HEAD)
#     --head REV       the revision after it (default: the working tree, uncommitted and untracked files included)
#     --datasets LIST  comma-separated: sample (data-samples/online-retail), online-retail (the 305 CSVs of
#                      ../shared/datasets/online-retail through data-samples/online-retail-csv.json); default both
#     --digits N       compare DOUBLE/FLOAT values as text with N significant digits (default 17: bit for bit)
#     --reuse-base     keep the base outputs of an earlier invocation built from the same source tree
#     --examples N     differing rows printed per table and side (3)
# Work goes to .compare/ (git-ignored): worktrees wt-base/ and wt-head/ (kept, so the next build is incremental),
# out/<base|head>/<dataset>/ (the runs' output roots), logs/. Spark: SPARK_REMOTE when set, else a local server started
# with scripts/spark-server.sh on CXSPARK_COMPARE_PORT (15302) with CXSPARK_MASTER (local[2]), stopped at exit.
# The jobs run without the caller's CXSPARK_* variables. Exit code: 0 every table identical, 1 a table differs (named
# in the RESULT lines), 2 bad usage, or a build or a run failed.
set -euo pipefail

here=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
root=$(cd "$here/.." && pwd)
scratch="$root/.compare"

# The usage is this header: the comment lines after the shebang.
usage() { awk 'NR == 1 { next } /^#/ { sub(/^# ?/, ""); print; next } { exit }' "$0"; }
fail() { echo "compare-outputs.sh: $*" >&2; exit 2; }

base_rev=""
head_rev=""
datasets=sample,online-retail
digits=17
reuse_base=false
examples=3
while [ $# -gt 0 ]; do
  case "$1" in
    --base) [ $# -ge 2 ] || fail "--base needs a revision"; base_rev=$2; shift ;;
    --head) [ $# -ge 2 ] || fail "--head needs a revision"; head_rev=$2; shift ;;
    --datasets) [ $# -ge 2 ] || fail "--datasets needs a list"; datasets=$2; shift ;;
    --digits) [ $# -ge 2 ] || fail "--digits needs a number"; digits=$2; shift ;;
    --examples) [ $# -ge 2 ] || fail "--examples needs a number"; examples=$2; shift ;;
    --reuse-base) reuse_base=true ;;
    --clean)
      for wt in "$scratch/wt-base" "$scratch/wt-head"; do
        [ -d "$wt" ] && git -C "$root" worktree remove --force "$wt" 2>/dev/null || true
      done
      rm -rf "$scratch"
      echo "compare-outputs.sh: removed $scratch" >&2
      exit 0 ;;
    -h|--help) usage; exit 0 ;;
    *) usage >&2; fail "unknown option $1" ;;
  esac
  shift
done
[[ "$digits" =~ ^[0-9]+$ ]] && [ "$digits" -ge 1 ] && [ "$digits" -le 17 ] || fail "--digits must be 1..17"
IFS=, read -r -a dataset_list <<< "$datasets"
for dataset in "${dataset_list[@]}"; do
  case "$dataset" in sample|online-retail) ;; *) fail "unknown dataset '$dataset' (sample, online-retail)" ;; esac
done
shared_datasets=$(cd "$root/.." && pwd)/shared/datasets
if [[ ",$datasets," == *,online-retail,* ]] && [ ! -d "$shared_datasets/online-retail/by-day" ]; then
  fail "$shared_datasets/online-retail/by-day is missing: the Online Retail CSVs are expected in ../shared beside the repository"
fi

mkdir -p "$scratch/logs" "$scratch/out"
exec 9> "$scratch/.lock"
flock -n 9 || fail "another compare-outputs.sh is running in $root"
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1
cd "$root"

# Revisions: commits to check out. The working tree becomes a commit object (not on any branch) of a temporary index.
if [ -z "$base_rev" ]; then
  main_ref=""
  for ref in main origin/main; do
    if git rev-parse -q --verify "$ref^{commit}" > /dev/null; then main_ref=$ref; break; fi
  done
  [ -n "$main_ref" ] || fail "no main or origin/main to take the merge-base with; pass --base"
  base_rev=$(git merge-base HEAD "$main_ref")
  base_desc="merge-base(HEAD, $main_ref)"
else
  base_desc=$base_rev
fi
base_commit=$(git rev-parse -q --verify "$base_rev^{commit}") || fail "no such revision: $base_rev"
if [ -z "$head_rev" ]; then
  index="$scratch/index.tmp"
  rm -f "$index"
  GIT_INDEX_FILE=$index git read-tree HEAD
  GIT_INDEX_FILE=$index git add -A :/
  tree=$(GIT_INDEX_FILE=$index git write-tree)
  rm -f "$index"
  if [ "$tree" = "$(git rev-parse 'HEAD^{tree}')" ]; then
    head_commit=$(git rev-parse HEAD)
    head_desc="working tree (clean, = HEAD)"
  else
    head_commit=$(GIT_AUTHOR_NAME=compare-outputs GIT_AUTHOR_EMAIL=compare-outputs@localhost \
      GIT_COMMITTER_NAME=compare-outputs GIT_COMMITTER_EMAIL=compare-outputs@localhost \
      git commit-tree "$tree" -p HEAD -m "compare-outputs.sh: snapshot of the working tree")
    head_desc="working tree (with uncommitted changes)"
  fi
else
  head_commit=$(git rev-parse -q --verify "$head_rev^{commit}") || fail "no such revision: $head_rev"
  head_desc=$head_rev
fi
base_tree=$(git rev-parse "$base_commit^{tree}")
head_tree=$(git rev-parse "$head_commit^{tree}")
echo "compare-outputs.sh: base $base_desc = ${base_commit:0:12}, head $head_desc = ${head_commit:0:12}" >&2
[ "$base_tree" = "$head_tree" ] && echo "compare-outputs.sh: base and head have the same source tree: a check that two runs of one revision agree" >&2

# The worktrees are kept between invocations and reset to the wanted commit, so builds are incremental.
checkout() {
  local wt=$1 commit=$2
  # A folder that is not a worktree (an interrupted add) is removed; "add --force" re-registers a deleted one.
  if [ -d "$wt" ] && [ ! -f "$wt/.git" ]; then
    rm -rf "$wt"
  fi
  if [ -d "$wt" ]; then
    git -C "$wt" checkout -q --detach --force "$commit"
    git -C "$wt" clean -q -fd
  else
    git worktree add -q --detach --force "$wt" "$commit"
  fi
}

spark_home=$("$here/spark-home.sh")
build() {
  local role=$1 wt=$2 started=$SECONDS
  echo "compare-outputs.sh: building $role ($(git -C "$wt" rev-parse --short=12 HEAD)) in ${wt#"$root"/}" >&2
  SPARK_HOME=$spark_home dotnet build "$wt/jobs/CxSpark.Jobs" -c Release -nologo -clp:NoSummary -v:q > "$scratch/logs/build-$role.log" 2>&1 \
    || { tail -n 30 "$scratch/logs/build-$role.log" >&2; fail "the $role build failed; see .compare/logs/build-$role.log"; }
  [ -f "$wt/jobs/CxSpark.Jobs/bin/Release/net10.0/cxspark.dll" ] || fail "the $role build made no jobs/CxSpark.Jobs/bin/Release/net10.0/cxspark.dll"
  echo "compare-outputs.sh: built $role in $((SECONDS - started)) s" >&2
}

checkout "$scratch/wt-base" "$base_commit"
build base "$scratch/wt-base"
head_wt="$scratch/wt-head"
if [ "$head_tree" = "$base_tree" ]; then
  head_wt="$scratch/wt-base"
else
  checkout "$head_wt" "$head_commit"
  build head "$head_wt"
fi
dotnet build "$here/compare/CxSpark.Compare" -c Release -nologo -clp:NoSummary -v:q > "$scratch/logs/build-compare.log" 2>&1 \
  || { tail -n 30 "$scratch/logs/build-compare.log" >&2; fail "building scripts/compare/CxSpark.Compare failed"; }
compare_tool="$here/compare/CxSpark.Compare/bin/Release/net10.0/CxSpark.Compare.dll"

started_server=false
stop_server() {
  if $started_server; then
    CXSPARK_PORT=$port "$here/spark-server.sh" stop || true
  fi
}
trap stop_server EXIT
trap 'exit 130' INT
trap 'exit 143' TERM
remote=${SPARK_REMOTE:-}
if [ -z "$remote" ]; then
  port=${CXSPARK_COMPARE_PORT:-15302}
  started_server=true
  remote=$(CXSPARK_PORT=$port CXSPARK_MASTER=${CXSPARK_MASTER:-local[2]} "$here/spark-server.sh" start)
fi
echo "compare-outputs.sh: running the jobs against $remote" >&2

# Same inputs, options, run id and dates for both revisions: only the code differs.
run_date=2011-12-10
input_args() {
  case "$1" in
    sample) inputs=(--input "$root/data-samples/online-retail") ;;
    online-retail) inputs=(--input "$shared_datasets/online-retail" --config "$root/data-samples/online-retail-csv.json"
      --set "Tables:transactions:Path=$shared_datasets/online-retail/by-day") ;;
  esac
}
clean_env=()
while IFS= read -r name; do clean_env+=(-u "$name"); done < <(compgen -e | grep -E '^(CXSPARK_|SPARK_REMOTE$)' || true)

run() {
  local role=$1 wt=$2 dataset=$3 started=$SECONDS
  local out="$scratch/out/$role/$dataset" log="$scratch/logs/nightly-$role-$dataset.log" stamp="$scratch/out/$role/$dataset.stamp"
  local tree; tree=$(git -C "$wt" rev-parse 'HEAD^{tree}')
  local -a inputs args
  input_args "$dataset"
  args=(nightly --output "$out" --run-date "$run_date" --remote "$remote" --set RunId=compare
        --set "Profiles:ReferenceDate=$run_date" "${inputs[@]}")
  local signature="$tree ${args[*]}"
  if [ "$role" = base ] && $reuse_base && [ -f "$stamp" ] && [ "$(cat "$stamp")" = "$signature" ]; then
    echo "compare-outputs.sh: reusing the base output of $dataset (same source tree and arguments)" >&2
    return 0
  fi
  rm -rf "$out" "$stamp"
  mkdir -p "$out"
  echo "compare-outputs.sh: nightly of $role on $dataset" >&2
  if ! (cd "$scratch/out/$role" && env "${clean_env[@]}" dotnet "$wt/jobs/CxSpark.Jobs/bin/Release/net10.0/cxspark.dll" "${args[@]}") > "$log" 2>&1; then
    tail -n 20 "$log" >&2
    fail "the $role nightly on $dataset failed; see .compare/logs/${log##*/}"
  fi
  echo "$signature" > "$stamp"
  echo "compare-outputs.sh: $role nightly on $dataset took $((SECONDS - started)) s" >&2
}

status=0
results=()
for dataset in "${dataset_list[@]}"; do
  run base "$scratch/wt-base" "$dataset"
  run head "$head_wt" "$dataset"
  set +e
  dotnet "$compare_tool" --base "$scratch/out/base/$dataset" --head "$scratch/out/head/$dataset" --digits "$digits" \
    --examples "$examples" --title "$dataset: base ${base_commit:0:12} ($base_desc) vs head ${head_commit:0:12} ($head_desc)" \
    | tee "$scratch/logs/compare-$dataset.txt"
  code=${PIPESTATUS[0]}
  set -e
  case "$code" in
    0) results+=("$dataset: identical") ;;
    1) results+=("$dataset: DIFFERENT ($(sed -n 's/^RESULT: DIFFERENT: //p' "$scratch/logs/compare-$dataset.txt"))"); status=1 ;;
    *) fail "the comparison of $dataset failed (exit $code)" ;;
  esac
done

echo
echo "compare-outputs.sh: finished in $SECONDS s"
for line in "${results[@]}"; do echo "  $line"; done
exit "$status"
