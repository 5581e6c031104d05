#!/usr/bin/env bash
# The CI subset (< 8 min on 2 cores): 100 torture tests and 20 csmith
# programs, both compilers at -O0 and -O2, 60 torture tests beside glibc's
# _FORTIFY_SOURCE=2 and =3, and SQLite built with the plugin
# running a short workload. Exits non-zero on any false stop, compiler crash
# or other difference. Results go to $BENCH_OUT/results/quick-*.json.
#
#   bench/quick.sh          (BUILD_DIR=build-test bench/quick.sh to use the plugins built there)
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
"$here/install-deps.sh"
. "$here/lib.sh"
bench_need_plugins
rc=0
"$here/torture.sh" --limit "${QUICK_TORTURE:-100}" --name quick-torture || rc=1
# Beside glibc's own fortify, as every distribution builds.
"$here/torture.sh" --limit "${QUICK_TORTURE_GLIBC:-60}" --name quick-torture-glibc \
  --opts "-O2,-D_FORTIFY_SOURCE=2 -O2,-D_FORTIFY_SOURCE=3" || rc=1
"$here/csmith.sh" --count "${QUICK_CSMITH:-20}" --name quick-csmith || rc=1
"$here/sqlite-test.sh" --configs "plugin3 glibc2-plugin3" --rows 500 --name quick-sqlite || rc=1
if [ $rc -eq 0 ]; then echo "bench/quick.sh: no false stop, no compiler crash, no difference"; fi
exit $rc
