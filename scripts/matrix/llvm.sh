#!/usr/bin/env bash
# The LLVM section of scripts/test-matrix.sh: the Clang plugin for each LLVM
# version (default: 14 15 16 19, those installed), each in its own build
# directory $MATRIX_DIR/llvm-N (cmake -DFORTIFY_LLVM_VERSION=N), with its
# unit and lit suite run against that version's clang and opt. Then every
# built fortify-clang-N.so is loaded into every installed clang-M (-fplugin=,
# -fpass-plugin=) and opt-M (-load-pass-plugin): for N = M a program must be
# checked (an overflow stops it), for N != M the load must fail with the one
# line "... was built for LLVM N..., this is LLVM M...". Last, the loader
# fortify-clang.so, in a directory with every build, must work in every clang
# and opt. Writes $MATRIX_DIR/llvm.md.
#
#   scripts/matrix/llvm.sh [N...]      environment: MATRIX_DIR, JOBS (default 2),
#                                      LLVM_MATRIX_LIT=0 to build without running the suites
set -uo pipefail
root="$(cd "$(dirname "$0")/../.." && pwd)"
out="${MATRIX_DIR:-$root/build-matrix}"
jobs="${JOBS:-2}"
mkdir -p "$out"
requested=("$@")
[ ${#requested[@]} -gt 0 ] || requested=(14 15 16 19)
versions=()
for v in "${requested[@]}"; do
  if [ -f "/usr/lib/llvm-$v/lib/cmake/clang/ClangConfig.cmake" ] && [ -x "/usr/lib/llvm-$v/bin/clang" ]; then
    versions+=("$v")
  else
    echo "llvm-$v: not installed (llvm-$v-dev, libclang-$v-dev, clang-$v), skipped"
  fi
done
status=0
declare -A result

# What lit's summary says: "Passed: N", "Failed: N" ... as one line.
lit_summary() {
  awk '/^Total Discovered Tests:/ {total=$4}
       /^  (Passed|Failed|Unsupported|Expectedly Failed|Unresolved|Timed Out|Unexpectedly Passed)/ {
         sub(/^  /, ""); split($0, a, ":"); gsub(/ +$/, "", a[1]); gsub(/^ +| \(.*$/, "", a[2]);
         line = line (line ? ", " : "") a[2] " " tolower(a[1]) }
       END { print (line ? line : "no summary") (total ? " of " total : "") }' "$1"
}

for v in "${versions[@]}"; do
  build="$out/llvm-$v"
  log="$out/llvm-$v.log"
  echo "-- LLVM $v: $build"
  start=$SECONDS
  if ! cmake -S "$root" -B "$build" -G Ninja -DCMAKE_BUILD_TYPE=RelWithDebInfo \
         -DFORTIFY_LLVM_VERSION="$v" >"$log" 2>&1 ||
     ! cmake --build "$build" -j "$jobs" >>"$log" 2>&1; then
    result[$v]="build failed (see llvm-$v.log)"
    status=1
    echo "   ${result[$v]}"
    continue
  fi
  if [ "${LLVM_MATRIX_LIT:-1}" = 0 ]; then
    result[$v]="built"
  else
    cmake --build "$build" --target check-unit >>"$log" 2>&1 || status=1
    python3 "$(sed -n 's/^LIT_EXECUTABLE:FILEPATH=//p' "$build/CMakeCache.txt")" -s \
      "$build/test" >"$out/llvm-$v.lit.log" 2>&1 || status=1
    result[$v]="$(lit_summary "$out/llvm-$v.lit.log") ($((SECONDS - start)) s)"
  fi
  echo "   ${result[$v]}"
done

# Cross-version loads. A program that overflows by its argument count (run
# with none, argc is 1: 5 bytes into 4): the plugin in abort mode must stop
# it with its message.
work="$out/llvm-loads"
rm -rf "$work"
mkdir -p "$work/all"
cat >"$work/smoke.c" <<'C'
#include <string.h>
int main(int argc, char **argv) {
  char buffer[4];
  memcpy(buffer, argv[0], (size_t)argc + 4);
  return buffer[0] == 0;
}
C
cat >"$work/smoke.ll" <<'LL'
declare ptr @strcpy(ptr, ptr)
define void @f(ptr %s) {
  %d = alloca [4 x i8]
  call ptr @strcpy(ptr %d, ptr %s)
  ret void
}
LL
for v in "${versions[@]}"; do
  [ -f "$out/llvm-$v/clang-plugin/fortify-clang-$v.so" ] &&
    cp "$out/llvm-$v/clang-plugin/fortify-clang-$v.so" "$work/all/"
done
loader=""
for v in "${versions[@]}"; do
  [ -f "$out/llvm-$v/clang-plugin/fortify-clang.so" ] && loader="$out/llvm-$v/clang-plugin/fortify-clang.so"
done
[ -n "$loader" ] && cp "$loader" "$work/all/fortify-clang.so"

# One load: prints ok, "clear error" or what went wrong; `expect` is ok or error.
try_load() {
  local expect=$1 kind=$2 m=$3 plugin=$4
  local bin="/usr/lib/llvm-$m/bin" err="$work/err" rc
  # LLVM 14: -fpass-plugin= alone and opt need opaque pointers asked for
  # (test/tools/other-llvms.sh says why); -fplugin= turns them on itself.
  local opaque="" clang_opaque=()
  [ "$m" = 14 ] && opaque="-opaque-pointers" && clang_opaque=(-mllvm -opaque-pointers)
  case $kind in
    fplugin)
      "$bin/clang" -O2 -fplugin="$plugin" -fplugin-arg-fortify-mode=abort "$work/smoke.c" \
        -o "$work/smoke" 2>"$err"; rc=$? ;;
    fpass-plugin)
      FORTIFY_PLUGIN_OPTIONS=mode=abort "$bin/clang" "${clang_opaque[@]}" -O2 -fpass-plugin="$plugin" \
        "$work/smoke.c" -o "$work/smoke" 2>"$err"; rc=$? ;;
    opt)
      "$bin/opt" $opaque -load-pass-plugin="$plugin" -passes=fortify -S "$work/smoke.ll" \
        -o "$work/smoke.out.ll" 2>"$err"; rc=$? ;;
  esac
  if [ "$expect" = error ]; then
    if [ $rc = 1 ] && [ "$(wc -l <"$err")" = 1 ] && grep -q "was built for LLVM\|no build of the plugin" "$err"; then
      echo "clear error"
    else
      echo "FAIL (status $rc: $(head -c 200 "$err" | tr '\n' ' '))"
    fi
    return
  fi
  if [ $rc != 0 ]; then
    echo "FAIL (status $rc: $(head -c 200 "$err" | tr '\n' ' '))"
  elif [ $kind = opt ]; then
    grep -q "fortify" "$work/smoke.out.ll" && echo ok || echo "FAIL (no check)"
  elif "$work/smoke" 2>"$err" >/dev/null; then
    echo "FAIL (not stopped)"
  elif grep -q "fortify" "$err"; then
    echo ok
  else
    echo "FAIL (stopped without the message)"
  fi
}

installed=()
for m in 14 15 16 17 18 19 20; do
  [ -x "/usr/lib/llvm-$m/bin/clang" ] && installed+=("$m")
done
loads="$work/loads.md"
{
  echo "| plugin | host | -fplugin= | -fpass-plugin= | opt -load-pass-plugin |"
  echo "|---|---|---|---|---|"
} >"$loads"
# A row of the table: `plugin` loaded into LLVM `m` in the three ways.
load_row() {
  local label=$1 m=$2 plugin=$3 expect=$4 row r
  row="| $label | clang-$m |"
  for kind in fplugin fpass-plugin opt; do
    r=$(try_load "$expect" $kind "$m" "$plugin")
    [[ $r == FAIL* ]] && status=1
    row="$row $r |"
  done
  echo "$row" >>"$loads"
}
for v in "${versions[@]}"; do
  [ -f "$work/all/fortify-clang-$v.so" ] || continue
  for m in "${installed[@]}"; do
    expect=error
    [ "$v" = "$m" ] && expect=ok
    load_row "fortify-clang-$v.so" "$m" "$work/all/fortify-clang-$v.so" $expect
  done
done
if [ -f "$work/all/fortify-clang.so" ]; then
  for m in "${installed[@]}"; do
    expect=ok
    [ -f "$work/all/fortify-clang-$m.so" ] || expect=error
    load_row "fortify-clang.so (loader)" "$m" "$work/all/fortify-clang.so" $expect
  done
fi

{
  echo "### LLVM versions (scripts/matrix/llvm.sh, $(date -u +%Y-%m-%d))"
  echo
  echo "| LLVM | build and suite |"
  echo "|---|---|"
  for v in "${versions[@]}"; do
    echo "| $(/usr/lib/llvm-$v/bin/llvm-config --version 2>/dev/null || echo $v) | ${result[$v]} |"
  done
  echo
  echo "Cross-version loads (each build into each installed compiler):"
  echo
  cat "$loads"
} >"$out/llvm.md"
cat "$out/llvm.md"
exit $status
