#!/usr/bin/env bash
# The GCC plugin for every GCC installed here (scripts/test-matrix.sh runs
# this). Configurations, each built into $MATRIX_DIR/<name>:
#   gcc-12           Debian 12's default GCC: unit tests and the whole lit suite
#   gcc-11           the same suite with the plugin built for gcc-11
#   aarch64-gcc-12   the plugin for aarch64-linux-gnu-gcc-12 (a host .so built
#                    against the cross compiler's plugin headers); the
#                    run-time tests (test/functions) and the GCC tests that
#                    need no host runtime run under qemu-aarch64-static
#   loads            every fortify.so built above loaded into every GCC
#                    installed: the one it was built for works, every other
#                    refuses with one line and a non-zero status
# Each prints "MATRIX <name> <passed> <failed> <ok|FAIL>".
#
#   scripts/matrix/gcc.sh [--quick] [CONFIGURATION...]
# --quick (CI's smoke run): gcc-11 only unless named, the plugin alone (no
# Clang plugin), its GCC tests (test/gcc/) and a handful of run-time tests.
set -uo pipefail
root="$(cd "$(dirname "$0")/../.." && pwd)"
dir="${MATRIX_DIR:-$root/build-matrix}"
jobs="${MATRIX_JOBS:-2}"
lit=/usr/lib/llvm-19/build/utils/lit/lit.py
quick=0
configs=()
for arg in "$@"; do
  case "$arg" in
    --quick) quick=1 ;;
    gcc-11 | gcc-12 | aarch64-gcc-12 | loads) configs+=("$arg") ;;
    *) echo "usage: $0 [--quick] [gcc-11|gcc-12|aarch64-gcc-12|loads]..." >&2; exit 2 ;;
  esac
done
if [ ${#configs[@]} -eq 0 ]; then
  if [ $quick = 1 ]; then configs=(gcc-11); else configs=(gcc-12 gcc-11 aarch64-gcc-12 loads); fi
fi
mkdir -p "$dir"
status=0

# "passed failed" from a lit log and a gtest log (either may be missing).
count() {
  python3 - "$@" <<'PY'
import re, sys
passed = failed = 0
for path in sys.argv[1:]:
    try:
        text = open(path, errors="replace").read()
    except OSError:
        continue
    for name, n in re.findall(r"^\s*(Passed|Failed|Unresolved|Timed Out|Unexpectedly Passed)\s*:\s*(\d+)", text, re.M):
        if name == "Passed":
            passed += int(n)
        else:
            failed += int(n)
    m = re.search(r"^\[  PASSED  \] (\d+) test", text, re.M)
    if m:
        passed += int(m.group(1))
    m = re.search(r"^\[  FAILED  \] (\d+) test", text, re.M)
    if m:
        failed += int(m.group(1))
print(passed, failed)
PY
}

# One line per configuration on stdout, and a row of $dir/gcc.md, the
# summary scripts/test-matrix.sh prints.
summary="$dir/gcc.md"
printf '| GCC configuration | passed | failed | result |\n|---|---|---|---|\n' > "$summary"
report() {  # name rc logs...
  local name=$1 rc=$2
  shift 2
  local counts result
  counts=$(count "$@")
  if [ "$rc" -eq 0 ] && [ "${counts#* }" = 0 ]; then
    result=ok
    echo "MATRIX $name $counts ok"
  else
    result="FAIL ($*)"
    echo "MATRIX $name $counts FAIL (logs: $*)"
    status=1
  fi
  printf '| %s | %s | %s | %s |\n' "$name" "${counts% *}" "${counts#* }" "$result" >> "$summary"
}

have() { command -v "$1" > /dev/null 2>&1; }

# configure NAME GCC [cmake options...]: configures and builds, or reports
# the configuration as failed.
build() {
  local name=$1 gcc=$2
  shift 2
  local b="$dir/$name"
  if ! have "$gcc"; then
    echo "MATRIX $name 0 0 FAIL ($gcc not installed: scripts/install-deps.sh --matrix)"
    status=1
    return 1
  fi
  if ! cmake -S "$root" -B "$b" -G Ninja -DCMAKE_BUILD_TYPE=RelWithDebInfo -DFORTIFY_GCC="$gcc" "$@" \
       > "$b.configure.log" 2>&1 ||
     ! cmake --build "$b" -j "$jobs" > "$b.build.log" 2>&1; then
    echo "MATRIX $name 0 0 FAIL (does not build: $b.configure.log, $b.build.log)"
    status=1
    return 1
  fi
}

# A handful of run-time tests without lit or the Clang plugin: the standard
# cases of test/functions, at -O0 and -O2.
smoke() {
  local b=$1 gcc=$2 log=$3 passed=0 failed=0
  for t in memcpy strcpy snprintf read wmemcpy; do
    for o in -O0 -O2; do
      if "$gcc" -fplugin="$b/gcc-plugin/fortify.so" -I"$root/test/Inputs" -g -w $o \
           "$root/test/functions/$t.c" -o "$b/smoke-$t$o" >> "$log" 2>&1 &&
         python3 "$root/test/tools/run-cases.py" $(grep -m1 -- '%gcc-fortify -O2 %s' "$root/test/functions/$t.c" |
           sed -n 's/.*%run-cases \(.*\)%t.*/\1/p') "$b/smoke-$t$o" >> "$log" 2>&1; then
        passed=$((passed + 1))
      else
        failed=$((failed + 1))
      fi
    done
  done
  printf '  Passed: %d\n  Failed: %d\n' "$passed" "$failed" >> "$log"
}

for config in "${configs[@]}"; do
  case "$config" in
    gcc-11 | gcc-12)
      b="$dir/$config"
      if [ $quick = 1 ]; then
        build "$config" "$config" -DFORTIFY_BUILD_CLANG_PLUGIN=OFF || continue
        rm -f "$b.lit.log" "$b.smoke.log"
        python3 "$lit" -sv --filter '^fortify :: gcc/' "$b/test" > "$b.lit.log" 2>&1
        rc=$?
        smoke "$b" "$config" "$b.smoke.log"
        grep -q 'Failed: 0' "$b.smoke.log" || rc=1
        report "$config-quick" $rc "$b.lit.log" "$b.smoke.log"
      else
        build "$config" "$config" || continue
        "$b/test/unit/fortify_unit_tests" > "$b.unit.log" 2>&1
        rc=$?
        python3 "$lit" -sv "$b/test" > "$b.lit.log" 2>&1 || rc=1
        report "$config" $rc "$b.unit.log" "$b.lit.log"
      fi
      ;;
    aarch64-gcc-12)
      b="$dir/$config"
      build "$config" aarch64-linux-gnu-gcc-12 \
        -DFORTIFY_TARGET_EMULATOR="qemu-aarch64-static -L /usr/aarch64-linux-gnu" || continue
      "$b/test/unit/fortify_unit_tests" > "$b.unit.log" 2>&1
      rc=$?
      # What runs on the target: the per-function run-time tests, and the
      # GCC tests that need no library built for the host.
      python3 "$lit" -sv --filter '^fortify :: (functions/|gcc/(version-mismatch|level3-by-version|options|fold-away|abort-mode))' \
        "$b/test" > "$b.lit.log" 2>&1 || rc=1
      report "$config" $rc "$b.unit.log" "$b.lit.log"
      ;;
    loads)
      # Every build's fortify.so into every GCC: the one it was built for
      # compiles; any other prints one line and fails.
      log="$dir/loads.log"
      : > "$log"
      passed=0 failed=0
      echo 'int main(void) { return 0; }' > "$dir/loads.c"
      for build_dir in "$dir"/gcc-11 "$dir"/gcc-12 "$dir"/aarch64-gcc-12; do
        plugin="$build_dir/gcc-plugin/fortify.so"
        [ -e "$plugin" ] || continue
        built_for=$(sed -n 's/^FORTIFY_GCC:STRING=//p' "$build_dir/CMakeCache.txt")
        for cc in gcc-11 gcc-12 aarch64-linux-gnu-gcc-12; do
          have "$cc" || continue
          out=$("$cc" -fplugin="$plugin" -c "$dir/loads.c" -o "$dir/loads.o" 2>&1)
          rc=$?
          if [ "$cc" = "$built_for" ]; then
            ok=$([ $rc -eq 0 ] && [ -z "$out" ] && echo yes)
            result="works"
          else
            ok=$([ $rc -ne 0 ] && [ "$(printf '%s\n' "$out" | wc -l)" = 1 ] &&
                 printf '%s' "$out" | grep -q 'fatal error: fortify.so was built for GCC' && echo yes)
            result="refused: $out"
          fi
          printf '%s -> %s: rc=%d %s %s\n' "$(basename "$build_dir")" "$cc" $rc "${ok:-UNEXPECTED}" "$result" >> "$log"
          if [ "$ok" = yes ]; then passed=$((passed + 1)); else failed=$((failed + 1)); fi
        done
      done
      cat "$log"
      printf '  Passed: %d\n  Failed: %d\n' "$passed" "$failed" >> "$log"
      report loads 0 "$log"
      ;;
  esac
done
exit $status
