#!/usr/bin/env bash
# The one command: installs what the benchmarks need, builds the plugins if
# they are missing, runs every robustness, performance and coverage
# measurement, and regenerates docs/BENCHMARKS.md. As root on Debian 12.
#
#   bench/run-all.sh
#
# Knobs (environment): CSMITH_COUNT (200), TORTURE_LIMIT (0 = all), PERF_ROWS
# (20000), PERF_RUNS (5), COMPILE_REPEATS (3), SQLITE_TEST_ROWS (3000),
# XZ_CONFIGS ("none plugin3"), JOBS (nproc), BENCH_OUT (build/bench),
# BUILD_DIR / FORTIFY_GCC_PLUGIN / FORTIFY_CLANG_PLUGIN (which plugins),
# BENCH_PLUGIN_COMMIT (the commit those plugins were built from, for the
# report; default: HEAD), BENCH_SKIP (steps to skip, keeping earlier results).
# Exits non-zero when a step failed or found a difference; the report is
# written either way.
set -uo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
"$here/install-deps.sh" || exit 1
. "$here/lib.sh"
bench_need_plugins
log="$BENCH_OUT/run-all.log"
: > "$log"
failed=()
step() {
  local name=$1; shift
  case " ${BENCH_SKIP:-} " in *" $name "*) bench_log "== $name: skipped (BENCH_SKIP)"; return 0 ;; esac
  local t0=$(date +%s) rc=0
  bench_log "== $name: $*"
  "$@" 2>&1 | tee -a "$log" || rc=$?
  bench_log "== $name: exit $rc after $(( $(date +%s) - t0 )) s" 2>&1 | tee -a "$log"
  [ $rc -eq 0 ] || failed+=("$name")
}
start=$(date +%s)
step torture "$here/torture.sh"
step csmith "$here/csmith.sh"
step sqlite-test "$here/sqlite-test.sh"
step xz-check "$here/xz-check.sh"
step perf "$here/perf.sh"
step compile-time "$here/compile-time.sh"
step coverage "$here/coverage.sh"
commit="${BENCH_PLUGIN_COMMIT:-$(git -C "$bench_root" rev-parse --short HEAD)}"
dirty=$(git -C "$bench_root" status --porcelain -- common gcc-plugin clang-plugin | head -1)
cat > "$BENCH_RESULTS/meta.json" <<JSON
{"commit": "$commit", "plugin_sources_modified": $([ -n "$dirty" ] && [ -z "${BENCH_PLUGIN_COMMIT:-}" ] && echo true || echo false),
 "minutes": $(( ($(date +%s) - start + 59) / 60 )), "date": "$(date -u '+%Y-%m-%d %H:%M UTC')",
 "skipped": "${BENCH_SKIP:-}",
 "knobs": "CSMITH_COUNT=${CSMITH_COUNT:-200} TORTURE_LIMIT=${TORTURE_LIMIT:-0} PERF_ROWS=${PERF_ROWS:-20000} PERF_RUNS=${PERF_RUNS:-5} COMPILE_REPEATS=${COMPILE_REPEATS:-3} JOBS=$JOBS"}
JSON
python3 "$here/report.py" "$BENCH_RESULTS" "$bench_root/docs/BENCHMARKS.md" || failed+=(report)
bench_log "run-all: $(( ($(date +%s) - start) / 60 )) min; log in $log"
if [ ${#failed[@]} -gt 0 ]; then
  bench_log "run-all: steps that failed or found differences: ${failed[*]}"
  exit 1
fi
