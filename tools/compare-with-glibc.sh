#!/usr/bin/env bash
# Builds every run-time test of test/functions twice at -O2 — with glibc's
# _FORTIFY_SOURCE=3 and with the GCC plugin (level 3) — and counts, for each,
# how many of the runs that write or read one element too far each stops.
# Usage: tools/compare-with-glibc.sh [build-dir]
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
build="${1:-$root/build}"
plugin="$build/gcc-plugin/fortify.so"
tests="$root/test"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT

stopped() { python3 "$tests/tools/run-cases.py" $1 "$2" | grep "expected stop" | grep -c "got stopped" || true; }

total=0 total_glibc=0 total_plugin=0
printf "%-20s %12s %12s\n" test glibc-L3 plugin-L3
for file in "$tests"/functions/*.c; do
  grep -q '#include "\(read-\)\?cases.h"' "$file" || continue
  # The run-cases options of the test's own gcc -O2 line.
  line=$(grep -m1 "RUN: %gcc-fortify -O2 %s -o %t.gcc-O2 && %run-cases" "$file" || true)
  [ -n "$line" ] || continue
  args=$(echo "$line" | sed -e 's/.*%run-cases //' -e 's/%t.*//' -e 's/--dynamic-only//')
  gcc -O2 -w -D_FORTIFY_SOURCE=3 -I"$tests/Inputs" "$file" -o "$work/glibc" 2>/dev/null || continue
  gcc -O2 -w -fplugin="$plugin" -I"$tests/Inputs" "$file" -o "$work/plugin" 2>/dev/null || continue
  cases=$(python3 "$tests/tools/run-cases.py" $args "$work/plugin" | grep -c "expected stop" || true)
  g=$(stopped "$args" "$work/glibc")
  p=$(stopped "$args" "$work/plugin")
  printf "%-20s %5d / %-4d %5d / %-4d\n" "$(basename "$file" .c)" "$g" "$cases" "$p" "$cases"
  total=$((total + cases)) total_glibc=$((total_glibc + g)) total_plugin=$((total_plugin + p))
done
printf "%-20s %5d / %-4d %5d / %-4d\n" TOTAL "$total_glibc" "$total" "$total_plugin" "$total"
