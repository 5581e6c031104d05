#!/usr/bin/env bash
# Fetches the SQLite amalgamation (sqlite3.c, sqlite3.h) from the npm tarball
# of better-sqlite3 into the cache, once, and prints the directory holding it.
#   SQLITE_NPM_SPEC  npm package spec (default better-sqlite3@12.11.1, SQLite 3.53.2)
set -euo pipefail
. "$(dirname "$0")/lib.sh"
spec="${SQLITE_NPM_SPEC:-better-sqlite3@12.11.1}"
dir="$BENCH_CACHE/sqlite/${spec//[@\/]/_}"
if [ ! -f "$dir/sqlite3.c" ]; then
  bench_log "fetching $spec (npm pack)"
  rm -rf "$dir"; mkdir -p "$dir/pkg"
  ( cd "$dir/pkg" && npm pack --silent "$spec" >/dev/null && tar -xzf ./*.tgz )
  cp "$dir/pkg/package/deps/sqlite3/sqlite3.c" "$dir/pkg/package/deps/sqlite3/sqlite3.h" "$dir/"
  rm -rf "$dir/pkg"
fi
echo "$dir"
