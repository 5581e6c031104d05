#!/usr/bin/env bash
# Differential random testing: csmith programs (seeds 1..N) built with and
# without the plugin (level 3, trap) must print the same checksum, for each
# compiler and -O level, and no compilation may crash.
#
#   bench/csmith.sh [--count N] [--first SEED] [--compilers "gcc clang"] [--opts "-O0 -O2"] [--name NAME]
#
# --count defaults to CSMITH_COUNT or 200. Programs whose reference build does
# not compile, or does not finish within 10 s, are skipped and counted.
# Result: $BENCH_RESULTS/NAME.json (NAME defaults to csmith) and NAME.tsv.
set -euo pipefail
. "$(dirname "$0")/lib.sh"
args="$*"
[ -n "${CSMITH_COUNT:-}" ] && args="--count $CSMITH_COUNT $args"

count="${CSMITH_COUNT:-200}"
first=1
compilers="$BENCH_COMPILERS"
opts="-O0 -O2"
name=csmith
while [ $# -gt 0 ]; do
  case "$1" in
    --count) count=$2; shift 2 ;;
    --first) first=$2; shift 2 ;;
    --compilers) compilers=$2; shift 2 ;;
    --opts) opts=$2; shift 2 ;;
    --name) name=$2; shift 2 ;;
    *) echo "csmith.sh: unknown argument $1" >&2; exit 2 ;;
  esac
done
command -v csmith >/dev/null || { echo "csmith.sh: csmith missing (bench/install-deps.sh)" >&2; exit 1; }
inc=/usr/include/csmith
[ -f "$inc/csmith.h" ] || { echo "csmith.sh: $inc/csmith.h missing (libcsmith-dev)" >&2; exit 1; }
bench_need_plugins

work="$BENCH_OUT/csmith-$name"
rm -rf "$work"; mkdir -p "$work/src" "$work/bin" "$work/logs"
bench_log "csmith: seeds $first..$((first + count - 1)) x {$compilers} x {$opts} on $JOBS jobs"

run_seed() {
  local seed=$1 src="$work/src/s$1.c" cc O driver ref plug out rc ref_out plug_out
  # (csmith writes platform.info into the current directory)
  (cd "$work/src" && csmith --seed "$seed" -o "$src" >/dev/null 2>&1) || { printf 'SKIP-GENERATE\t-\t-\ts%s\n' "$seed"; return; }
  for cc in $compilers; do
    driver=$(bench_cc "$cc")
    for O in $opts; do
      ref="$work/bin/s$seed.$cc$O.ref"; plug="$work/bin/s$seed.$cc$O.plug"
      if ! timeout 120 $driver $O -w -I"$inc" $(bench_flags "$cc" none) "$src" -o "$ref" >/dev/null 2>&1; then
        printf 'SKIP-REF-COMPILE\t%s\t%s\ts%s\n' "$cc" "$O" "$seed"; continue
      fi
      rc=0; ref_out=$(timeout 10 "$ref" 2>&1 </dev/null) || rc=$?
      if [ $rc -ne 0 ]; then
        printf 'SKIP-REF-FAIL\t%s\t%s\ts%s\n' "$cc" "$O" "$seed"; rm -f "$ref"; continue
      fi
      rc=0
      out=$(timeout 120 $driver $O -w -I"$inc" $(bench_flags "$cc" plugin3) -fplugin-arg-fortify-mode=trap \
            "$src" -o "$plug" 2>&1) || rc=$?
      if [ $rc -ne 0 ]; then
        printf '%s\n' "$out" > "$work/logs/s$seed.$cc$O.log"
        if [ $rc -eq 124 ]; then
          printf 'COMPILE-TIMEOUT\t%s\t%s\ts%s\n' "$cc" "$O" "$seed"
        elif printf '%s' "$out" | grep -qE 'internal compiler error|Segmentation fault|PLEASE submit a bug report|Stack dump|Please submit a full bug report'; then
          printf 'ICE\t%s\t%s\ts%s\n' "$cc" "$O" "$seed"
        else
          printf 'PLUGIN-COMPILE-ERROR\t%s\t%s\ts%s\n' "$cc" "$O" "$seed"
        fi
        rm -f "$ref"; continue
      fi
      rc=0; plug_out=$(timeout 30 "$plug" 2>&1 </dev/null) || rc=$?
      if [ $rc -eq 132 ]; then
        printf 'FALSE-STOP\t%s\t%s\ts%s\n' "$cc" "$O" "$seed"
      elif [ $rc -ne 0 ]; then
        printf 'RUN-DIFF(%s)\t%s\t%s\ts%s\n' "$rc" "$cc" "$O" "$seed"
      elif [ "$plug_out" != "$ref_out" ]; then
        printf 'CHECKSUM-DIFF\t%s\t%s\ts%s\n' "$cc" "$O" "$seed"
      else
        printf 'OK\t%s\t%s\ts%s\n' "$cc" "$O" "$seed"
        rm -f "$plug"
      fi
      rm -f "$ref"
    done
  done
  # Keep the source of a program that showed a difference.
  grep -q . "$work/logs/s$seed".* 2>/dev/null || ls "$work/bin/s$seed".* >/dev/null 2>&1 || rm -f "$src"
}
export -f run_seed bench_cc bench_flags
export work compilers opts inc

start=$(date +%s)
seq "$first" $((first + count - 1)) | xargs -P "$JOBS" -n 1 bash -c 'run_seed "$1"' _ > "$work/results.tsv"
secs=$(( $(date +%s) - start ))
cp "$work/results.tsv" "$BENCH_RESULTS/$name.tsv"

python3 "$(dirname "$0")/aggregate.py" csmith "$work/results.tsv" --count "$count" --seconds "$secs" \
  --command "bench/csmith.sh $args" \
  --compile "$(bench_show "csmith --seed S -o s.c; \$CC -O{0,2} -w -I$inc $(bench_flags gcc plugin3) -fplugin-arg-fortify-mode=trap s.c")" \
  > "$BENCH_RESULTS/$name.json"
python3 "$(dirname "$0")/aggregate.py" summary "$BENCH_RESULTS/$name.json"
