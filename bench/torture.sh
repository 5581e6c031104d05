#!/usr/bin/env bash
# GCC's torture execute tests with and without the plugins: every test that
# compiles and passes without the plugin must compile and pass with it
# (level 3, trap mode), for each compiler and -O level.
#
#   bench/torture.sh [--limit N] [--compilers "gcc clang"] [--opts "-O0 -O2"] [--name NAME] [--mode trap|abort|report]
# An --opts entry may hold several flags joined by commas: "-O2,-D_FORTIFY_SOURCE=2"
# compares glibc's fortify alone with glibc's fortify beside the plugin.
#
# Tests: gcc.c-torture/execute/*.c, ieee/*.c (with -fno-inline, as ieee.exp)
# and builtins/*.c (linked with X-lib.c and lib/main.c and builtins.exp's
# flags), unpacked from Debian's gcc-12-source tarball into the cache.
# --limit N (or TORTURE_LIMIT) takes N tests evenly spread over the sorted list.
# --mode report links the runtime library (build/runtime) and exercises the
# report-mode code paths (a failed check skips its call).
# Result: $BENCH_RESULTS/NAME.json (NAME defaults to torture) and NAME.tsv.
set -euo pipefail
. "$(dirname "$0")/lib.sh"
args="$*"
[ -n "${TORTURE_LIMIT:-}" ] && args="--limit $TORTURE_LIMIT $args"

limit="${TORTURE_LIMIT:-0}"
mode=trap
compilers="$BENCH_COMPILERS"
opts="-O0 -O2"
name=torture
while [ $# -gt 0 ]; do
  case "$1" in
    --limit) limit=$2; shift 2 ;;
    --compilers) compilers=$2; shift 2 ;;
    --opts) opts=$2; shift 2 ;;
    --name) name=$2; shift 2 ;;
    --mode) mode=$2; shift 2 ;;
    *) echo "torture.sh: unknown argument $1" >&2; exit 2 ;;
  esac
done
bench_need_plugins

# Unpack the execute tests once.
src_dir="$BENCH_CACHE/torture"
exec_dir="$src_dir/gcc/testsuite/gcc.c-torture/execute"
if [ ! -f "$src_dir/.unpacked" ]; then
  tarball=$(ls /usr/src/gcc-12/gcc-*.tar.xz 2>/dev/null | head -1)
  [ -n "$tarball" ] || { echo "torture.sh: no /usr/src/gcc-12/gcc-*.tar.xz (apt-get install gcc-12-source)" >&2; exit 1; }
  bench_log "unpacking gcc.c-torture/execute from $tarball"
  rm -rf "$src_dir"; mkdir -p "$src_dir"
  tar -xJf "$tarball" -C "$src_dir" --strip-components=1 --wildcards '*/gcc/testsuite/gcc.c-torture/execute/*'
  touch "$src_dir/.unpacked"
fi

work="$BENCH_OUT/torture-$name"
rm -rf "$work"; mkdir -p "$work/bin" "$work/logs"
list="$work/tests.txt"
( cd "$exec_dir" && ls *.c ieee/*.c; ls builtins/*.c | grep -v -- '-lib\.c$' ) | sort > "$list.all"
total=$(wc -l < "$list.all")
if [ "$limit" -gt 0 ] && [ "$limit" -lt "$total" ]; then
  awk -v n="$total" -v k="$limit" 'BEGIN { for (i = 0; i < k; i++) want[int(i * n / k) + 1] = 1 } want[NR]' \
    "$list.all" > "$list"
else
  cp "$list.all" "$list"
fi
bench_log "torture: $(wc -l < "$list") of $total tests x {$compilers} x {$opts} on $JOBS jobs"

runtime=""
if [ "$mode" = report ]; then
  runtime="${BUILD_DIR:-$bench_root/build}/runtime/libfortify_rt.a"
  [ -f "$runtime" ] || { echo "torture: --mode report needs $runtime (build the runtime first)" >&2; exit 2; }
fi

# One test: prints one line per (compiler, -O): RESULT<TAB>cc<TAB>O<TAB>test
run_one() {
  local t=$1 cc O driver extra ref plug out rc base
  base=$(echo "$t" | tr '/' '_'); base=${base%.c}
  case "$t" in
    builtins/*) extra="$exec_dir/${t%.c}-lib.c $exec_dir/builtins/lib/main.c -fno-tree-dse -fno-tree-loop-distribute-patterns -fno-tracer -fno-ipa-ra -fno-inline-functions" ;;
    ieee/*) extra="-fno-inline" ;;
    *) extra="" ;;
  esac
  for cc in $compilers; do
    driver=$(bench_cc "$cc")
    for O in $opts; do
      flags=${O//,/ }  # "-O2,-D_FORTIFY_SOURCE=2": several flags in one setting
      ref="$work/bin/$base.$cc$O.ref"; plug="$work/bin/$base.$cc$O.plug"
      if ! timeout 120 $driver $flags -w $(bench_flags "$cc" none) "$exec_dir/$t" $extra -o "$ref" -lm >/dev/null 2>&1; then
        printf 'SKIP-REF-COMPILE\t%s\t%s\t%s\n' "$cc" "$O" "$t"; continue
      fi
      if ! (cd "$work/bin" && timeout 10 "$ref" >/dev/null 2>&1 </dev/null) 2>/dev/null; then
        printf 'SKIP-REF-FAIL\t%s\t%s\t%s\n' "$cc" "$O" "$t"; rm -f "$ref"; continue
      fi
      rc=0
      out=$(timeout 120 $driver $flags -w $(bench_flags "$cc" plugin3) -fplugin-arg-fortify-mode=$mode \
            "$exec_dir/$t" $extra $runtime -o "$plug" -lm 2>&1) || rc=$?
      if [ $rc -ne 0 ]; then
        printf '%s\n' "$out" > "$work/logs/$base.$cc$O.log"
        if [ $rc -eq 124 ]; then
          printf 'COMPILE-TIMEOUT\t%s\t%s\t%s\n' "$cc" "$O" "$t"
        elif printf '%s' "$out" | grep -qE 'internal compiler error|Segmentation fault|PLEASE submit a bug report|Stack dump|Please submit a full bug report'; then
          printf 'ICE\t%s\t%s\t%s\n' "$cc" "$O" "$t"
        else
          printf 'PLUGIN-COMPILE-ERROR\t%s\t%s\t%s\n' "$cc" "$O" "$t"
        fi
        rm -f "$ref"; continue
      fi
      rc=0; (cd "$work/bin" && timeout 30 "$plug" >/dev/null 2>&1 </dev/null) 2>/dev/null || rc=$?
      if [ $rc -eq 0 ]; then
        printf 'OK\t%s\t%s\t%s\n' "$cc" "$O" "$t"
      elif [ $rc -eq 132 ]; then  # SIGILL: the plugin's trap
        printf 'FALSE-STOP\t%s\t%s\t%s\n' "$cc" "$O" "$t"
      else
        printf 'RUN-DIFF(%s)\t%s\t%s\t%s\n' "$rc" "$cc" "$O" "$t"
      fi
      rm -f "$ref" "$plug"
    done
  done
}
export -f run_one bench_cc bench_flags
export exec_dir work compilers opts mode runtime

start=$(date +%s)
xargs -a "$list" -P "$JOBS" -n 1 bash -c 'run_one "$1"' _ > "$work/results.tsv"
secs=$(( $(date +%s) - start ))
cp "$work/results.tsv" "$BENCH_RESULTS/$name.tsv"

python3 "$(dirname "$0")/aggregate.py" torture "$work/results.tsv" \
  --name "$name" --tests "$(wc -l < "$list")" --total "$total" --seconds "$secs" \
  --command "bench/torture.sh $args" \
  --compile "$(bench_show "\$CC -O{0,2} -w $(bench_flags gcc plugin3) -fplugin-arg-fortify-mode=trap T.c -lm")" \
  > "$BENCH_RESULTS/$name.json"
python3 "$(dirname "$0")/aggregate.py" summary "$BENCH_RESULTS/$name.json"
