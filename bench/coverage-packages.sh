#!/usr/bin/env bash
# Coverage on real packages, side by side in one run (docs/BENCHMARKS.md,
# "Coverage on packages"): bash, sudo and zlib (Debian 12's sources, Debian's
# patches applied) and the SQLite amalgamation, each built (configure, make;
# no tests) several ways from the same sources:
#
#   gcc-glibc2      gcc, -D_FORTIFY_SOURCE=2 and the plugin at level 2
#   gcc-glibc3      gcc, -D_FORTIFY_SOURCE=3 and the plugin at level 3
#   gcc-plugin2     gcc, the plugin alone (-U_FORTIFY_SOURCE), level 2
#   gcc-plugin3     the same, level 3
#   clang-glibc3    clang-19, -D_FORTIFY_SOURCE=3 and the plugin at level 3
#   clang-plugin2   clang-19, the plugin alone, level 2
#   clang-plugin3   the same, level 3
#
# Figures come from the plugin's coverage records (fortify-coverage --json),
# on the headline of docs/COVERAGE.md (Red Hat's: the size checks of the
# functions glibc fortifies, over all calls of them). Beside glibc, one build
# gives both glibc's own figure ("C library alone": what glibc's wrappers
# were given a known size for) and the figure with the plugin. Records are
# written during `make` only, so configure's probes do not count; programs
# the build runs (bash's mksyntax) do.
#
#   bench/coverage-packages.sh [--packages "bash sudo zlib sqlite"]
#       [--ways LIST] [--plugins DIR] [--jobs N] [--force] [--summary-only]
#
#   --plugins   a directory holding fortify.so, fortify-clang.so and
#               fortify-coverage; default: built from HEAD's committed tree
#               into $WORK/plugins/COMMIT (bench/distro/sources.sh)
#   --force     rebuild a package/way already measured
# Work and results: $WORK (default /var/tmp/fortify-coverage); the table
# goes to stdout and $WORK/results.md.
set -uo pipefail

here="$(cd "$(dirname "$0")" && pwd)"
repo="$(cd "$here/.." && pwd)"
WORK="${WORK:-/var/tmp/fortify-coverage}"
JOBS="${JOBS:-2}"
CLANG="${CLANG:-clang-19}"
ALL_WAYS="gcc-glibc2 gcc-glibc3 gcc-plugin2 gcc-plugin3 clang-glibc3 clang-plugin2 clang-plugin3"

packages="bash sudo zlib sqlite"
ways="$ALL_WAYS"
plugins=""
force=0
summary_only=0
while [ $# -gt 0 ]; do
  case "$1" in
    --packages) packages="$2"; shift 2 ;;
    --ways) ways="${2//,/ }"; shift 2 ;;
    --plugins) plugins="$2"; shift 2 ;;
    --jobs) JOBS="$2"; shift 2 ;;
    --force) force=1; shift ;;
    --summary-only) summary_only=1; shift ;;
    -h|--help) sed -n '2,/^set -uo/p' "$0" | sed '$d; s/^# \{0,1\}//'; exit 0 ;;
    *) echo "coverage-packages: unknown option $1 (see --help)" >&2; exit 2 ;;
  esac
done
for w in $ways; do
  case " $ALL_WAYS " in *" $w "*) ;; *) echo "coverage-packages: unknown way $w (one of: $ALL_WAYS)" >&2; exit 2 ;; esac
done

mkdir -p "$WORK/src" "$WORK/build" "$WORK/results"
log() { echo "[$(date -u +%H:%M:%S)] $*" >&2; }
. "$here/distro/sources.sh"
ensure_plugins
plugins="$(cd "$plugins" && pwd)"
log "plugins: $plugins ($(head -c 12 "$plugins/COMMIT" 2>/dev/null || echo '?'))"

# The compiler and flags of a way (no report option: see build_one).
way_cc() { case "$1" in gcc-*) echo gcc ;; clang-*) echo "$CLANG" ;; esac; }
way_flags() {
  local plugin=$plugins/fortify.so
  case "$1" in clang-*) plugin=$plugins/fortify-clang.so ;; esac
  local base="-g -O2 -fplugin=$plugin -Wno-error"
  case "$1" in
    *-glibc2) echo "$base -U_FORTIFY_SOURCE -D_FORTIFY_SOURCE=2 -fplugin-arg-fortify-level=2" ;;
    *-glibc3) echo "$base -U_FORTIFY_SOURCE -D_FORTIFY_SOURCE=3 -fplugin-arg-fortify-level=3" ;;
    *-plugin2) echo "$base -U_FORTIFY_SOURCE -fplugin-arg-fortify-level=2" ;;
    *-plugin3) echo "$base -U_FORTIFY_SOURCE -fplugin-arg-fortify-level=3" ;;
  esac
}

# Unpacks PKG's sources into DIR: a Debian source package (with Debian's
# patches), or the SQLite amalgamation that bench/sqlite-fetch.sh caches.
unpack() {
  local pkg=$1 dir=$2 dsc
  if [ "$pkg" = sqlite ]; then
    local amalgamation
    amalgamation="$(BENCH_OUT="$WORK/sqlite" "$here/sqlite-fetch.sh")" || return 1
    mkdir -p "$dir" && cp "$amalgamation"/sqlite3.[ch] "$dir/"
    return
  fi
  dsc="$(fetch_source "$pkg")" || return 1
  dpkg-source -x "$dsc" "$dir" >/dev/null 2>&1
}

# Builds PKG one WAY; the records go to $out/records.jsonl.
build_one() {
  local pkg=$1 way=$2 out="$WORK/results/$1/$2"
  if [ -f "$out/coverage.json" ] && [ $force = 0 ]; then return 0; fi
  rm -rf "$out" && mkdir -p "$out"
  local src="$WORK/build/$pkg-$way" cc flags report
  cc="$(way_cc "$way")"; flags="$(way_flags "$way")"; report="-fplugin-arg-fortify-report=$out/records.jsonl"
  rm -rf "$src"
  unpack "$pkg" "$src" || { log "$pkg: cannot fetch or unpack"; echo "unpack failed" >"$out/failed"; return 1; }
  log "$pkg $way"
  (
    cd "$src" || exit 1
    case "$pkg" in
      sqlite)
        # bench/lib.sh's BENCH_SQLITE_DEFS, as the other SQLite benchmarks build it.
        $cc $flags $report -DSQLITE_THREADSAFE=0 -DSQLITE_DEFAULT_MEMSTATUS=0 \
          -DSQLITE_OMIT_LOAD_EXTENSION -DSQLITE_ENABLE_FTS5 -DSQLITE_ENABLE_MATH_FUNCTIONS \
          -DSQLITE_DQS=0 -c sqlite3.c -o sqlite3.o ;;
      zlib)
        CC="$cc" CFLAGS="$flags" ./configure >configure.log 2>&1 &&
          make -j"$JOBS" CFLAGS="$flags $report" libz.a >make.log 2>&1 ;;
      *)
        ./configure CC="$cc" CFLAGS="$flags" >configure.log 2>&1 &&
          make -j"$JOBS" CFLAGS="$flags $report" >make.log 2>&1 ;;
    esac
  ) || { log "$pkg $way: build failed (see $src)"; echo "build failed" >"$out/failed"; return 1; }
  "$plugins/fortify-coverage" --json="$out/coverage.json" "$out/records.jsonl" >"$out/coverage.txt" 2>&1 ||
    { echo "no records" >"$out/failed"; return 1; }
  rm -rf "$src"
}

if [ "$summary_only" = 0 ]; then
  enable_deb_src
  for pkg in $packages; do
    for way in $ways; do build_one "$pkg" "$way"; done
  done
fi
python3 "$here/coverage-packages.py" --results "$WORK/results" --packages "$packages" --ways "$ways" \
  --plugins "$plugins" | tee "$WORK/results.md"
