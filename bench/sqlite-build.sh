#!/usr/bin/env bash
# Builds the SQLite workload (sqlite3.c + bench/sqlite-workload.c) for one
# compiler and configuration and prints the binary's path. Reuses a previous
# build when the flags, the plugin and the sources are unchanged.
#
#   bench/sqlite-build.sh gcc|clang none|glibc2|glibc3|plugin2|plugin3 [-O2|-O0|...]
#
# The object sqlite3.o sits next to the binary (for sizes).
set -euo pipefail
. "$(dirname "$0")/lib.sh"
cc=$1 config=$2 opt=${3:--O2}
bench_need_plugins
src=$("$(dirname "$0")/sqlite-fetch.sh")
driver=$(bench_cc "$cc")
flags="$opt $(bench_flags "$cc" "$config")"
dir="$BENCH_OUT/sqlite/$cc-$config$opt"
mkdir -p "$dir"
stamp="$flags|$BENCH_SQLITE_DEFS|$(bench_plugin_id)|$(cat "$src/sqlite3.c" "$(dirname "$0")/sqlite-workload.c" | md5sum)"
if [ -f "$dir/workload" ] && [ "$(cat "$dir/stamp" 2>/dev/null)" = "$stamp" ]; then
  echo "$dir/workload"; exit 0
fi
rm -f "$dir/workload" "$dir/stamp"
bench_log "building SQLite workload: $cc $config $opt"
$driver $flags $BENCH_SQLITE_DEFS -w -c "$src/sqlite3.c" -o "$dir/sqlite3.o"
$driver $flags -I"$src" -c "$(dirname "$0")/sqlite-workload.c" -o "$dir/workload.o"
$driver $opt "$dir/workload.o" "$dir/sqlite3.o" -o "$dir/workload" -lm
echo "$(bench_show "$driver $flags $BENCH_SQLITE_DEFS -c sqlite3.c")" > "$dir/command"
echo "$stamp" > "$dir/stamp"
echo "$dir/workload"
