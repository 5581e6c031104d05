#!/usr/bin/env bash
# A distribution rebuild, the proof (issue 10 item 7): rebuilds real Debian
# source packages with Debian's own flags (dpkg-buildflags: -O2
# -D_FORTIFY_SOURCE=2 -Werror=format-security ...) several ways, runs each
# package's upstream test suite itself (some debian/rules ignore failures) and
# compares every plugin build with the build without the plugin:
#
#   baseline        gcc, no plugin
#   gcc             gcc + -fplugin=fortify.so (DEB_CFLAGS_APPEND/DEB_CXXFLAGS_APPEND)
#   clang-baseline  CC=clang-19 CXX=clang++-19, no plugin
#   clang           CC=clang-19 + -fplugin=fortify-clang.so
#
# Per package and way it keeps, under $WORK/results/PKG/WAY/: build.log,
# time (user sys elapsed of the whole dpkg-buildpackage), test.log, tests.txt
# (one "STATUS name" a line), config.txt (every config.h and CMake HAVE_*),
# traps.txt (kernel "trap invalid opcode" lines seen during the build and the
# tests), coverage.jsonl (the plugin's records) and result.env (written last:
# its presence means done). bench/distro/summarise.py compares them and
# prints the markdown table (also written to $WORK/results.md, .json).
#
#   bench/distro-rebuild.sh [--packages "a b"] [--clang-packages "a b"]
#       [--ways baseline,gcc,clang] [--plugins DIR] [--results DIR] [--jobs N] [--force]
#       [--quick] [--summary-only]
#
#   --ways       comma list of baseline, gcc, clang-baseline, clang
#                ("clang" brings "clang-baseline" along; default: all four)
#   --plugins    a directory holding fortify.so and fortify-clang.so (and
#                fortify-coverage); default: build this repository into
#                $WORK/plugin-build and snapshot the .so files into
#                $WORK/plugins/COMMIT (PLUGIN_COMMIT=rev picks another
#                commit than HEAD), so that a concurrent rebuild of
#                build/ cannot change them mid-run
#   --results    where the results go (default $WORK/results); to compare
#                another plugin commit, copy the results dir and rerun the
#                plugin ways there with --force
#   --force      rebuild a package/way whose result.env already exists, for
#                the ways given to --ways (without it the script is
#                restartable: done ones are skipped)
#   --summary-only  print the table of the results there are, build nothing
#   --quick      the CI-sized variant (about 2 min of CPU): the two cheapest
#                packages, libyaml (autotools; also with clang) and json-c
#                (CMake, -Werror: open() with O_CREAT in json_util.c)
#
# Environment: WORK (default /var/tmp/fortify-distro), JOBS (default 2),
# TEST_TIMEOUT (seconds per test directory, default 1500).
# Needs root (apt-get build-dep) on Debian 12. Exit status: 0 when the
# summary finds no build break, test regression, false stop, compiler crash
# or configure difference (build CPU over target is reported, not failed:
# whole builds on shared cores vary by +-10%; see bench/distro/compile-abab.sh).
# --quick takes about 1.5 min of wall time on 2 cores once the build
# dependencies are installed.
set -uo pipefail

here="$(cd "$(dirname "$0")" && pwd)"
repo="$(cd "$here/.." && pwd)"
WORK="${WORK:-/var/tmp/fortify-distro}"
JOBS="${JOBS:-2}"
TEST_TIMEOUT="${TEST_TIMEOUT:-1500}"
CLANG="${CLANG:-clang-19}"
CLANGXX="${CLANGXX:-clang++-19}"

# Cheapest first, so that a partial run still gives a table.
DEFAULT_PACKAGES="libyaml json-c popt jansson expat jq zlib lzo2 cjson libonig file libpng1.6 gzip libtasn1-6 pcre2 xz-utils sed sudo bash"
# zlib's debian/rules hard-codes "$(DEB_HOST_GNU_TYPE)-gcc", so CC=clang is
# ignored there, and json-c does not build with clang-19 (-Werror,
# -Wstrict-prototypes): the Clang ways use packages whose rules honour CC.
DEFAULT_CLANG_PACKAGES="libyaml popt jansson expat jq cjson"

packages="$DEFAULT_PACKAGES"
clang_packages=""
ways="baseline,gcc,clang-baseline,clang"
plugins=""
force=0
summary_only=0
while [ $# -gt 0 ]; do
  case "$1" in
    --packages) packages="$2"; shift 2 ;;
    --clang-packages) clang_packages="$2"; shift 2 ;;
    --ways) ways="$2"; shift 2 ;;
    --plugins) plugins="$2"; shift 2 ;;
    --results) RESULTS="$2"; shift 2 ;;
    --jobs) JOBS="$2"; shift 2 ;;
    --force) force=1; shift ;;
    --quick) packages="libyaml json-c"; clang_packages="libyaml"; shift ;;
    --summary-only) summary_only=1; shift ;;
    -h|--help) sed -n '2,/^set -uo/p' "$0" | sed '$d; s/^# \{0,1\}//'; exit 0 ;;
    *) echo "distro-rebuild: unknown option $1 (see --help)" >&2; exit 2 ;;
  esac
done
if [ -z "$clang_packages" ]; then
  clang_packages=""
  for p in $DEFAULT_CLANG_PACKAGES; do
    case " $packages " in *" $p "*) clang_packages="$clang_packages $p" ;; esac
  done
fi
forced_ways="$ways"   # --force rebuilds these, not the clang-baseline brought along
case ",$ways," in *,clang,*) case ",$ways," in *,clang-baseline,*) ;; *) ways="$ways,clang-baseline" ;; esac ;; esac

RESULTS="${RESULTS:-$WORK/results}"
mkdir -p "$WORK/src" "$WORK/build" "$RESULTS"
RESULTS="$(cd "$RESULTS" && pwd)"
log() { echo "[$(date -u +%H:%M:%S)] $*" >&2; }
. "$here/distro/sources.sh"

summarise() {
  python3 "$here/distro/summarise.py" --results "$RESULTS" --coverage-tool "$plugins/fortify-coverage" \
    --packages "$packages" --out "$RESULTS.md"
}

# --- the plugins -------------------------------------------------------------
ensure_plugins
plugins="$(cd "$plugins" && pwd)"
for f in fortify.so fortify-clang.so; do
  [ -f "$plugins/$f" ] || { echo "distro-rebuild: $plugins/$f missing" >&2; exit 1; }
done
log "plugins: $plugins ($(head -c 12 "$plugins/COMMIT" 2>/dev/null || echo '?'))"

if [ "$summary_only" = 1 ]; then summarise; exit $?; fi

# --- the test suites -----------------------------------------------------------
# Directories to run the tests in: the top-most configured autotools trees
# (config.status), else the top-most CTest trees, else top-most Makefiles with
# a check or test target. Some packages configure the same sources several
# times (static, small builds); TEST_DIRS_<pkg> picks one.
TEST_DIRS_xz_utils="debian/normal-build"
TEST_DIRS_sudo="build-simple"
TEST_DIRS_zlib=". debian/32"
TEST_DIRS_bash="build-bash"

test_dirs() {
  local src="$1" pkg="$2" var
  var="TEST_DIRS_${pkg//[-.]/_}"
  if [ -n "${!var:-}" ]; then
    local d; for d in ${!var}; do [ -d "$src/$d" ] && echo "$src/$d"; done; return
  fi
  local found
  found="$(cd "$src" && find . -name config.status -not -path './.pc/*' -printf '%h\n' | sort)"
  [ -n "$found" ] || found="$(cd "$src" && find . -name CTestTestfile.cmake -printf '%h\n' | sort)"
  [ -n "$found" ] || found="$(cd "$src" && grep -lE '^(check|test):' $(find . -maxdepth 3 -name Makefile) 2>/dev/null | xargs -r -n1 dirname | sort)"
  # keep only the top-most
  local prev="" d
  while read -r d; do
    [ -n "$d" ] || continue
    if [ -n "$prev" ] && [ "${d#"$prev"/}" != "$d" ]; then continue; fi
    [ "$prev" = "." ] && continue
    prev="$d"; echo "$src/${d#./}"
  done <<<"$found"
}

run_tests() {
  local src="$1" pkg="$2" res="$3" d rc overall=0
  local makevars=""
  # jq's tests run under valgrind when it is installed: 20 times slower
  [ "$pkg" = jq ] && makevars="NO_VALGRIND=1"
  : >"$res/test.log"
  for d in $(test_dirs "$src" "$pkg"); do
    echo "=== tests in ${d#"$src"/}" >>"$res/test.log"
    if [ -f "$d/CTestTestfile.cmake" ] && [ ! -f "$d/config.status" ]; then
      (cd "$d" && timeout -k 10 "$TEST_TIMEOUT" ctest -j "$JOBS" --output-on-failure) >>"$res/test.log" 2>&1; rc=$?
    else
      local target=check
      if ! (cd "$d" && make -n check >/dev/null 2>&1); then target=test; fi
      (cd "$d" && timeout -k 10 "$TEST_TIMEOUT" make -k -j "$JOBS" $target $makevars) >>"$res/test.log" 2>&1; rc=$?
    fi
    echo "=== exit $rc in ${d#"$src"/}" >>"$res/test.log"
    [ $rc = 0 ] || overall=$rc
  done
  python3 "$here/distro/summarise.py" --collect-tests "$src" --test-log "$res/test.log" >"$res/tests.txt"
  return $overall
}

# Kernel lines "traps: NAME[pid] trap invalid opcode" between two uptimes.
uptime_now() { cut -d' ' -f1 /proc/uptime; }
traps_between() {
  dmesg 2>/dev/null | awk -v a="$1" -v b="$2" '
    /trap invalid opcode|trap int3|general protection/ {
      t = $0; sub(/^\[ */, "", t); sub(/\].*/, "", t); t += 0
      if (t >= a && t <= b) print }'
}

config_snapshot() {
  local src="$1" f
  (cd "$src" && find . \( -name config.h -o -name '*config.h' -o -name CMakeCache.txt \) -not -path './.pc/*' \
       -not -path '*/CMakeFiles/*' -type f | sort) | while read -r f; do
    case "$f" in
      *CMakeCache.txt) grep -E '^(HAVE_|CMAKE_C_COMPILER:)' "$src/$f" | sed "s|^|$f: |" ;;
      *) grep -E '^[[:space:]]*(#[[:space:]]*define|/\* #undef)' "$src/$f" | sed "s|^|$f: |" ;;
    esac
  done
}

# --- one package, one way --------------------------------------------------------
build_one() {
  local pkg="$1" way="$2" dsc="$3"
  local res="$RESULTS/$pkg/$way" bdir="$WORK/build/$way/$pkg"
  if [ -f "$res/result.env" ] && { [ $force = 0 ] || [[ ",$forced_ways," != *",$way,"* ]]; }; then
    log "$pkg/$way: done already"; return 0
  fi
  rm -rf "$res" "$bdir"; mkdir -p "$res" "$bdir"
  dpkg-source -x "$dsc" "$bdir/src" >"$res/extract.log" 2>&1 || { echo "build=extract-failed" >"$res/result.env"; return 1; }
  local src="$bdir/src"
  # nostrip: dh_dwz fails on clang-19's DWARF 5 (libyaml); the same for every way
  local -a env=(DEB_BUILD_OPTIONS="nocheck nostrip parallel=$JOBS" LC_ALL=C.UTF-8)
  local append=""
  case "$way" in
    gcc)   append="-fplugin=$plugins/fortify.so -fplugin-arg-fortify-report=$res/coverage.jsonl" ;;
    clang) append="-fplugin=$plugins/fortify-clang.so -fplugin-arg-fortify-report=$res/coverage.jsonl" ;;
  esac
  case "$way" in clang|clang-baseline) env+=(CC="$CLANG" CXX="$CLANGXX") ;; esac
  [ -n "$append" ] && env+=(DEB_CFLAGS_APPEND="$append" DEB_CXXFLAGS_APPEND="$append")
  {
    echo "way=$way"; echo "package=$pkg"; echo "dsc=$(basename "$dsc")"
    echo "plugins=$plugins"; echo "plugin_commit=$(cut -c1-12 "$plugins/COMMIT" 2>/dev/null)"
    echo "env=${env[*]}"
  } >"$res/info"
  (cd "$src" && env "${env[@]}" dpkg-buildflags --export=sh) >"$res/buildflags" 2>&1
  log "$pkg/$way: building"
  local t0 t1 rc trc
  t0="$(uptime_now)"
  (cd "$src" && env "${env[@]}" /usr/bin/time -f '%U %S %e' -o "$res/time" \
     dpkg-buildpackage -us -uc -B -j"$JOBS") >"$res/build.log" 2>&1; rc=$?
  t1="$(uptime_now)"
  traps_between "$t0" "$t1" | sed 's/^/build: /' >"$res/traps.txt"
  config_snapshot "$src" >"$res/config.txt"
  if [ $rc = 0 ]; then
    log "$pkg/$way: built ($(cat "$res/time")); testing"
    t0="$(uptime_now)"
    run_tests "$src" "$pkg" "$res"; trc=$?
    t1="$(uptime_now)"
    traps_between "$t0" "$t1" | sed 's/^/test: /' >>"$res/traps.txt"
    # names of the files this build made, to tell its traps from others' on the machine
    (cd "$src" && find . -type f \( -perm -u+x -o -name '*.so*' \) -printf '%f\n' | sort -u) >"$res/own-files.txt"
  else
    log "$pkg/$way: BUILD FAILED (rc $rc), see $res/build.log"; trc=""
  fi
  { echo "build_rc=$rc"; echo "test_rc=$trc"; echo "date=$(date -u +%FT%TZ)"; } >"$res/result.env"
  # KEEP_BUILD=0 removes the build tree once its results are collected
  [ "${KEEP_BUILD:-1}" = 1 ] || rm -rf "$bdir"
}

enable_deb_src
IFS=, read -r -a waylist <<<"$ways"
for pkg in $packages; do
  dsc="$(fetch_source "$pkg")" || { log "$pkg: cannot fetch source or build deps (see $WORK/src/$pkg)"; continue; }
  for way in baseline gcc clang-baseline clang; do
    case ",$ways," in *",$way,"*) ;; *) continue ;; esac
    case "$way" in clang*) case " $clang_packages " in *" $pkg "*) ;; *) continue ;; esac ;; esac
    build_one "$pkg" "$way" "$dsc"
  done
done
summarise
