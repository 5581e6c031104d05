#!/usr/bin/env bash
# SQLite built with each configuration (both compilers; -O2 for all, and -O0
# for none/plugin3) runs bench/sqlite-workload.c, which checks its own row
# counts; every build must print the same checksum as the unfortified build of
# the same compiler and -O level.
#
#   bench/sqlite-test.sh [--rows N] [--configs "none plugin3"] [--name NAME]
set -euo pipefail
. "$(dirname "$0")/lib.sh"
args="$*"
rows="${SQLITE_TEST_ROWS:-3000}"
configs="$BENCH_CONFIGS"
name=sqlite-test
while [ $# -gt 0 ]; do
  case "$1" in
    --rows) rows=$2; shift 2 ;;
    --configs) configs=$2; shift 2 ;;
    --name) name=$2; shift 2 ;;
    *) echo "sqlite-test.sh: unknown argument $1" >&2; exit 2 ;;
  esac
done
bench_need_plugins
tsv="$BENCH_OUT/$name.tsv"; : > "$tsv"
start=$(date +%s)
for cc in $BENCH_COMPILERS; do
  for opt in -O2 -O0; do
    want=""
    for config in none $configs; do
      [ "$opt" = -O0 ] && [ "$config" != none ] && [ "$config" != plugin3 ] && continue
      [ "$config" = none ] && [ -n "$want" ] && continue
      rc=0; bin=$("$(dirname "$0")/sqlite-build.sh" "$cc" "$config" "$opt" 2>"$BENCH_OUT/$name.build.log") || rc=$?
      if [ $rc -ne 0 ]; then
        if grep -qE 'internal compiler error|Segmentation fault|PLEASE submit a bug report|Stack dump' "$BENCH_OUT/$name.build.log"; then r=ICE; else r=BUILD-ERROR; fi
        printf '%s\t%s\t%s\t%s\n' "$r" "$cc" "$opt" "$config" >> "$tsv"; continue
      fi
      rc=0; out=$({ timeout 300 "$bin" "$rows"; } 2>&1) || rc=$?
      if [ "$config" = none ]; then want=$out; fi
      if [ $rc -eq 132 ]; then r=FALSE-STOP
      elif [ $rc -ne 0 ]; then r="RUN-DIFF($rc)"
      elif [ "$out" != "$want" ]; then r=CHECKSUM-DIFF
      else r=OK; fi
      printf '%s\t%s\t%s\t%s\n' "$r" "$cc" "$opt" "$config" >> "$tsv"
      bench_log "sqlite-test $cc $opt $config: $r ($out)"
    done
  done
done
secs=$(( $(date +%s) - start ))
cp "$tsv" "$BENCH_RESULTS/$name.tsv"
python3 "$(dirname "$0")/aggregate.py" sqlite "$tsv" --count "$rows" --seconds "$secs" \
  --command "bench/sqlite-test.sh $args" \
  --compile "$(bench_show "\$CC -O2 \$CONFIG_FLAGS $BENCH_SQLITE_DEFS -c sqlite3.c; \$CC -O2 \$CONFIG_FLAGS -c bench/sqlite-workload.c; sqlite-workload $rows")" \
  > "$BENCH_RESULTS/$name.json"
python3 "$(dirname "$0")/aggregate.py" summary "$BENCH_RESULTS/$name.json"
