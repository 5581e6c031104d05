#!/usr/bin/env bash
# How many of test/coexist/additive.c's overflow classes glibc's own
# _FORTIFY_SOURCE stops alone, and beside each plugin (level 3), at -O2:
#   bench/beside-glibc.sh            (BUILD_DIR=build-test bench/beside-glibc.sh)
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
build="${BUILD_DIR:-$root/build}"
source="$root/test/coexist/additive.c"
cases="heap vla realloc alloc_size member member_strncpy read_source read_heap snprintf_heap format_n"
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
stops() {  # binary -> number of cases stopped with the one-byte-over input
  local n=0
  for c in $cases; do
    if ! (ulimit -c 0; "$1" "$c" over) >/dev/null 2>&1; then n=$((n + 1)); fi
  done
  echo "$n"
}
echo "| compiler | _FORTIFY_SOURCE | glibc alone | beside the plugin | plugin alone |"
echo "|---|---|---|---|---|"
for cc in gcc clang-19; do
  if [ "$cc" = gcc ]; then plugin="-fplugin=$build/gcc-plugin/fortify.so"; else plugin="-fplugin=$build/clang-plugin/fortify-clang.so"; fi
  "$cc" $plugin -O2 -U_FORTIFY_SOURCE "$source" -o "$work/alone" 2>/dev/null
  alone=$(stops "$work/alone")
  for level in 1 2 3; do
    "$cc" -O2 -D_FORTIFY_SOURCE=$level "$source" -o "$work/glibc" 2>/dev/null
    "$cc" $plugin -O2 -D_FORTIFY_SOURCE=$level "$source" -o "$work/both" 2>/dev/null
    echo "| $cc | $level | $(stops "$work/glibc")/10 | $(stops "$work/both")/10 | $alone/10 |"
  done
done
