#!/usr/bin/env bash
# Writes the ML params declared in lib/CxSpark.Connect/ML/SharedParams.txt into <Class>.SharedParams.g.cs partial
# classes beside each class, and deletes generated files no class needs any more.
#   gen-ml-params.sh           rewrite the generated files
#   gen-ml-params.sh --check   change nothing; exit 1 when a generated file is missing, stale or left over
set -euo pipefail

usage() { sed -n '2,5p' "$0" | sed 's/^# \{0,1\}//'; }

check=false
case "${1:-}" in
  -h|--help) usage; exit 0 ;;
  --check) check=true ;;
  "") ;;
  *) usage >&2; exit 2 ;;
esac

here=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
ml="$here/../lib/CxSpark.Connect/ML"
table="$ml/SharedParams.txt"
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
mkdir "$work/out"

# "<Class> <folder under ML/>" for every hand-written file; the folder gives the namespace.
(cd "$ml" && find . -name '*.cs' ! -name '*.g.cs') | sed 's|^\./||' | awk '
  { file = $0; n = split(file, parts, "/"); name = parts[n]; sub(/\.cs$/, "", name)
    folder = (n == 1) ? "." : substr(file, 1, length(file) - length(parts[n]) - 1)
    print name, folder }' > "$work/classes"
(cd "$ml" && find . -type d) | while read -r dir; do mkdir -p "$work/out/$dir"; done

awk -v out="$work/out" '
function fail(message) { printf "gen-ml-params.sh: SharedParams.txt line %d: %s\n", FNR, message > "/dev/stderr"; failed = 1; exit 1 }
function xml(text) { gsub(/&/, "\\&amp;", text); gsub(/</, "\\&lt;", text); gsub(/>/, "\\&gt;", text); return text }
function trim(text) { sub(/^[ \t]+/, "", text); sub(/[ \t]+$/, "", text); return text }
function argument(check) { sub(/^[A-Za-z]+\(/, "", check); sub(/\)$/, "", check); return check }

# The list of values of a OneOf param, in Spark doc style: "<c>a</c>, the default, <c>b</c> or <c>c</c>".
function choices(values, default_value,    count, items, i, text) {
  count = split(values, items, ",")
  text = ""
  for (i = 1; i <= count; i++) {
    if (i > 1) text = text (items[i - 1] == default_value ? ", the default," : "") (i == count ? " or " : (items[i - 1] == default_value ? " " : ", "))
    text = text "<c>" xml(items[i]) "</c>"
  }
  if (items[count] == default_value) text = text ", the default"
  return text
}

function quoted(values,    count, items, i, text) {
  count = split(values, items, ",")
  for (i = 1; i <= count; i++) text = text (i > 1 ? ", " : "") "\"" items[i] "\""
  return text
}

function property(class, spec,    name, values, default_value, has_default, kind, check, rule, setter, getter, type_name, summary, file) {
  name = spec; values = ""; default_value = ""; has_default = 0
  if (index(name, "=") > 0) { default_value = substr(name, index(name, "=") + 1); name = substr(name, 1, index(name, "=") - 1); has_default = 1 }
  if (index(name, "{") > 0) { values = substr(name, index(name, "{") + 1); sub(/}$/, "", values); name = substr(name, 1, index(name, "{") - 1) }
  if (!(name in spark)) fail("unknown param " name " for " class)
  if ((class SUBSEP name) in declared) fail(class " lists " name " twice")
  declared[class, name] = 1
  kind = type[name]; check = checks[name]
  if (values != "" && check !~ /^OneOf\(/) fail(name " has no values to choose from")
  if (check ~ /^OneOf\(/ && values == "") values = argument(check)

  if (check == "-") { rule = ""; setter = "SetValue(value)" }
  else if (check == "NonEmpty") { rule = ""; setter = "SetValue(value, ParamCheck.NonEmpty)" }
  else if (check ~ /^AtLeast\(/) { rule = ", at least " argument(check); setter = "SetValue(value, ParamCheck.AtLeast(" argument(check) "))" }
  else if (check ~ /^GreaterThan\(/) { rule = ", greater than " argument(check); setter = "SetValue(value, ParamCheck.GreaterThan(" argument(check) "))" }
  else if (check ~ /^Between\(/) {
    rule = argument(check); sub(/,/, ", ", rule)
    setter = "SetValue(value, ParamCheck.Between(" rule "))"; rule = ", in [" rule "]"
  }
  else if (check ~ /^OneOf\(/) {
    if (has_default && index("," values ",", "," default_value ",") == 0) fail(class "." name " default " default_value " is not one of " values)
    rule = ": " choices(values, default_value); setter = "SetValue(value, ParamCheck.OneOf(" quoted(values) "))"
  }
  else fail("unknown check " check)

  if (has_default && check !~ /^OneOf\(/) rule = rule ", default " (kind == "string" ? "<c>" xml(default_value) "</c>" : xml(default_value))
  if (kind == "string" || kind == "string[]") { type_name = kind "?"; getter = "GetObject<" kind ">()" }
  else { type_name = kind "?"; getter = "GetValue<" kind ">()" }

  file = files[class]
  print "" > file
  print "    /// <summary>Gets or sets " summaries[name] " (<c>" spark[name] "</c>" rule ").</summary>" > file
  if (remarks[name] != "") print "    /// <remarks>" remarks[name] "</remarks>" > file
  print "    [SparkParam(\"" spark[name] "\")]" > file
  print "    public " type_name " " name " { get => " getter "; set => " setter "; }" > file
}

FNR == NR { folders[$1] = $2; next }
/^[ \t]*(#|$)/ { next }

$1 == "param" {
  if (NF < 6) fail("a param needs a property, a Spark name, a type, a check and a doc")
  if ($4 !~ /^(string|string\[\]|int|long|double|bool)$/) fail("unknown type " $4)
  if ($2 in spark) fail("param " $2 " is declared twice")
  spark[$2] = $3; type[$2] = $4; checks[$2] = $5
  doc = $0
  sub(/^[ \t]*param[ \t]+[^ \t]+[ \t]+[^ \t]+[ \t]+[^ \t]+[ \t]+[^ \t]+[ \t]+/, "", doc)
  split_at = index(doc, " | ")
  summaries[$2] = trim(split_at > 0 ? substr(doc, 1, split_at - 1) : doc)
  remarks[$2] = split_at > 0 ? trim(substr(doc, split_at + 3)) : ""
  next
}

index($0, ":") > 0 {
  count = split(substr($0, 1, index($0, ":") - 1), names, " ")
  specs = split(substr($0, index($0, ":") + 1), items, " ")
  if (count == 0 || specs == 0) fail("a class line needs classes before the colon and params after it")
  for (i = 1; i <= count; i++) {
    class = names[i]
    if (!(class in folders)) fail("no file " class ".cs under lib/CxSpark.Connect/ML")
    if (!(class in files)) {
      folder = folders[class]
      namespace = "CxSpark.Connect.ML" (folder == "." ? "" : "." folder)
      gsub(/\//, ".", namespace)
      files[class] = out "/" folder "/" class ".SharedParams.g.cs"
      file = files[class]
      print "// <auto-generated>" > file
      print "// Written by scripts/gen-ml-params.sh from lib/CxSpark.Connect/ML/SharedParams.txt; edit that file and rerun the script." > file
      print "// </auto-generated>" > file
      print "#nullable enable" > file
      print "" > file
      print "namespace " namespace ";" > file
      print "" > file
      print "partial class " class > file
      printf "{" > file  # each property starts with a line break
      order[++classes] = class
    }
    for (j = 1; j <= specs; j++) property(class, items[j])
  }
  next
}

{ fail("expected a param line or \"<Class>…: <params>\"") }

END {
  if (failed) exit 1
  for (i = 1; i <= classes; i++) { print "}" > files[order[i]]; close(files[order[i]]) }
}
' "$work/classes" "$table"

wanted=$(cd "$work/out" && find . -name '*.SharedParams.g.cs' | sed 's|^\./||' | sort)
present=$(cd "$ml" && find . -name '*.SharedParams.g.cs' | sed 's|^\./||' | sort)
stale=0
for file in $wanted; do
  if ! cmp -s "$work/out/$file" "$ml/$file"; then
    stale=$((stale + 1))
    if $check; then
      echo "gen-ml-params.sh: ML/$file is missing or out of date" >&2
      diff -u "$ml/$file" "$work/out/$file" 2>/dev/null | head -20 >&2 || true
    else
      cp "$work/out/$file" "$ml/$file"
      echo "wrote ML/$file"
    fi
  fi
done
for file in $present; do
  if ! printf '%s\n' "$wanted" | grep -qxF "$file"; then
    stale=$((stale + 1))
    if $check; then echo "gen-ml-params.sh: ML/$file is no longer generated" >&2; else rm "$ml/$file"; echo "deleted ML/$file"; fi
  fi
done

if $check && [ "$stale" -gt 0 ]; then
  echo "gen-ml-params.sh: $stale generated file(s) differ from SharedParams.txt; run scripts/gen-ml-params.sh and commit." >&2
  exit 1
fi
