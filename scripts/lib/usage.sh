# shellcheck shell=bash
# Sourced by the scripts in scripts/. usage prints the calling script's header, the comment block after its shebang
# up to the first line that is not a comment, without the comment marks: the help text is the header itself, found
# without line numbers.
usage_script="$(cd "$(dirname "$0")" && pwd)/$(basename "$0")"
usage() { awk 'NR == 1 { next } !/^#/ { exit } { sub(/^# ?/, ""); print }' "$usage_script"; }
