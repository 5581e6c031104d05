# Sourced by the bench scripts: paths, the plugins, and the build
# configurations compared everywhere.
#
# Environment knobs (all optional):
#   BENCH_OUT            work/cache/results directory (default: build/bench)
#   BUILD_DIR            where the plugins are (built with scripts/build.sh if
#                        missing; default: build)
#   FORTIFY_GCC_PLUGIN   GCC plugin .so   (default: $BUILD_DIR/gcc-plugin/fortify.so)
#   FORTIFY_CLANG_PLUGIN Clang plugin .so (default: $BUILD_DIR/clang-plugin/fortify-clang.so)
#   JOBS                 parallel jobs (default: nproc)
#   CLANG                clang driver (default: clang-19)

bench_root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
BENCH_OUT="${BENCH_OUT:-$bench_root/build/bench}"
BENCH_CACHE="$BENCH_OUT/cache"
BENCH_RESULTS="$BENCH_OUT/results"
JOBS="${JOBS:-$(nproc)}"
CLANG="${CLANG:-clang-19}"
export BENCH_OUT BENCH_CACHE BENCH_RESULTS JOBS CLANG
mkdir -p "$BENCH_CACHE" "$BENCH_RESULTS"

: "${FORTIFY_GCC_PLUGIN:=${BUILD_DIR:-$bench_root/build}/gcc-plugin/fortify.so}"
: "${FORTIFY_CLANG_PLUGIN:=${BUILD_DIR:-$bench_root/build}/clang-plugin/fortify-clang.so}"
export FORTIFY_GCC_PLUGIN FORTIFY_CLANG_PLUGIN

bench_log() { echo "[$(date +%H:%M:%S)] $*" >&2; }

# Builds the plugins with scripts/build.sh when either is missing.
bench_need_plugins() {
  if [ ! -f "$FORTIFY_GCC_PLUGIN" ] || [ ! -f "$FORTIFY_CLANG_PLUGIN" ]; then
    bench_log "building the plugins (scripts/build.sh)"
    "$bench_root/scripts/build.sh" >&2
  fi
  [ -f "$FORTIFY_GCC_PLUGIN" ] && [ -f "$FORTIFY_CLANG_PLUGIN" ] || {
    echo "bench: plugins not found: $FORTIFY_GCC_PLUGIN $FORTIFY_CLANG_PLUGIN" >&2; exit 1; }
  bench_snapshot_plugins
}

# Copies the plugins into $BENCH_OUT/plugins and uses the copies, so that a
# rebuild of build/ during a long run cannot change (or truncate) the plugin
# half-way. Each copy must load before it is used; done once per run.
bench_snapshot_plugins() {
  [ "${BENCH_SNAPSHOT_DONE:-}" = 1 ] && return 0
  local dir="$BENCH_OUT/plugins" try
  mkdir -p "$dir"
  for try in 1 2 3 4 5; do
    # The loaders load their builds from their own directory: fortify.so's
    # fortify-core.so, fortify-clang.so's fortify-clang-N.so.
    local companion
    for companion in "$(dirname "$FORTIFY_GCC_PLUGIN")"/fortify-core.so \
                     "$(dirname "$FORTIFY_CLANG_PLUGIN")"/fortify-clang-[0-9]*.so; do
      [ -f "$companion" ] || continue
      cp "$companion" "$dir/.tmp" && mv "$dir/.tmp" "$dir/$(basename "$companion")"
    done
    cp "$FORTIFY_GCC_PLUGIN" "$dir/fortify.so.tmp" && mv "$dir/fortify.so.tmp" "$dir/fortify.so"
    cp "$FORTIFY_CLANG_PLUGIN" "$dir/fortify-clang.so.tmp" && mv "$dir/fortify-clang.so.tmp" "$dir/fortify-clang.so"
    if echo 'int x;' | gcc -fplugin="$dir/fortify.so" -x c -c - -o /dev/null 2>/dev/null &&
       echo 'int x;' | "$CLANG" -fplugin="$dir/fortify-clang.so" -x c -c - -o /dev/null 2>/dev/null; then
      FORTIFY_GCC_PLUGIN="$dir/fortify.so"
      FORTIFY_CLANG_PLUGIN="$dir/fortify-clang.so"
      BENCH_SNAPSHOT_DONE=1
      export FORTIFY_GCC_PLUGIN FORTIFY_CLANG_PLUGIN BENCH_SNAPSHOT_DONE
      return 0
    fi
    bench_log "plugin copy does not load (being rebuilt?); retrying"
    sleep 20
  done
  echo "bench: the plugins do not load" >&2
  exit 1
}

# The compiler driver for a compiler name: gcc | clang.
bench_cc() {
  case "$1" in
    gcc) echo gcc ;;
    clang) echo "$CLANG" ;;
    *) echo "bench: unknown compiler $1" >&2; return 1 ;;
  esac
}

# Flags for a (compiler, configuration). Configurations:
#   none     no fortification at all
#   glibc2   glibc's _FORTIFY_SOURCE=2        glibc3  _FORTIFY_SOURCE=3
#   plugin2  our plugin, level 2              plugin3 our plugin, level 3 (the default)
#   plugin3-nocallers  level 3 without caller sizes (issue 16): the plugin before them
#   glibc2-plugin3, glibc3-plugin3: the plugin beside glibc's fortify, as
#            distributions build
# Every configuration undefines _FORTIFY_SOURCE first, so a compiler that
# defines it by default (Ubuntu's) still measures what the name says.
bench_flags() {
  local cc=$1 config=$2 plugin
  if [ "$cc" = gcc ]; then plugin=$FORTIFY_GCC_PLUGIN; else plugin=$FORTIFY_CLANG_PLUGIN; fi
  case "$config" in
    none) echo "-U_FORTIFY_SOURCE" ;;
    glibc2) echo "-U_FORTIFY_SOURCE -D_FORTIFY_SOURCE=2" ;;
    glibc3) echo "-U_FORTIFY_SOURCE -D_FORTIFY_SOURCE=3" ;;
    plugin2) echo "-U_FORTIFY_SOURCE -fplugin=$plugin -fplugin-arg-fortify-level=2" ;;
    plugin3) echo "-U_FORTIFY_SOURCE -fplugin=$plugin -fplugin-arg-fortify-level=3" ;;
    plugin3-nocallers) echo "-U_FORTIFY_SOURCE -fplugin=$plugin -fplugin-arg-fortify-level=3 -fplugin-arg-fortify-caller-sizes=off" ;;
    glibc2-plugin3) echo "-U_FORTIFY_SOURCE -D_FORTIFY_SOURCE=2 -fplugin=$plugin -fplugin-arg-fortify-level=3" ;;
    glibc3-plugin3) echo "-U_FORTIFY_SOURCE -D_FORTIFY_SOURCE=3 -fplugin=$plugin -fplugin-arg-fortify-level=3" ;;
    *) echo "bench: unknown configuration $config" >&2; return 1 ;;
  esac
}

BENCH_CONFIGS="none glibc2 glibc3 plugin2 plugin3"
BENCH_COMPILERS="gcc clang"

# Shows a path relative to the repository (for commands printed in the report).
bench_rel() { local p=$1; echo "${p#"$bench_root"/}"; }

# Replaces the plugin paths in a command line by short names for the report.
bench_show() {
  local s="$*"
  s="${s//$FORTIFY_GCC_PLUGIN/fortify.so}"
  s="${s//$FORTIFY_CLANG_PLUGIN/fortify-clang.so}"
  s="${s//$BENCH_CACHE\//\$CACHE/}"
  s="${s//$BENCH_OUT\//\$OUT/}"
  s="${s//$bench_root\//}"
  echo "$s"
}

# How SQLite is compiled everywhere (the workload, compile time, coverage).
BENCH_SQLITE_DEFS="-DSQLITE_THREADSAFE=0 -DSQLITE_DEFAULT_MEMSTATUS=0 -DSQLITE_OMIT_LOAD_EXTENSION -DSQLITE_ENABLE_FTS5 -DSQLITE_ENABLE_MATH_FUNCTIONS -DSQLITE_DQS=0"

# A short fingerprint of the plugins, so cached builds follow plugin changes.
bench_plugin_id() { cat "$FORTIFY_GCC_PLUGIN" "$FORTIFY_CLANG_PLUGIN" | md5sum | cut -c1-12; }
