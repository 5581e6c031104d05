#!/usr/bin/env bash
# A real library's own test suite with the plugin in CFLAGS: xz/liblzma (the
# release tarball shipped inside the npm package lzma-native), configured,
# built and `make check`ed, for each compiler and configuration.
#
#   bench/xz-check.sh [--configs "none plugin3"]
#   XZ_NPM_SPEC  npm package spec (default lzma-native@8.0.6, which ships xz 5.2.3)
# Result: $BENCH_RESULTS/xz-check.json
set -euo pipefail
. "$(dirname "$0")/lib.sh"
args="$*"
configs="${XZ_CONFIGS:-none plugin3}"
while [ $# -gt 0 ]; do
  case "$1" in
    --configs) configs=$2; shift 2 ;;
    *) echo "xz-check.sh: unknown argument $1" >&2; exit 2 ;;
  esac
done
bench_need_plugins
spec="${XZ_NPM_SPEC:-lzma-native@8.0.6}"
cache="$BENCH_CACHE/xz/${spec//[@\/]/_}"
if ! ls "$cache"/xz-*.tar.* >/dev/null 2>&1; then
  bench_log "fetching $spec (npm pack)"
  rm -rf "$cache"; mkdir -p "$cache/pkg"
  ( cd "$cache/pkg" && npm pack --silent "$spec" >/dev/null && tar -xzf ./*.tgz )
  cp "$cache"/pkg/package/deps/xz-*.tar.* "$cache/"
  rm -rf "$cache/pkg"
fi
tarball=$(ls "$cache"/xz-*.tar.* | head -1)
version=$(basename "$tarball" | sed -E 's/^xz-(.*)\.tar\..*$/\1/')
work="$BENCH_OUT/xz"
mkdir -p "$work"
runs="$work/runs.tsv"; : > "$runs"
for cc in $BENCH_COMPILERS; do
  driver=$(bench_cc "$cc")
  for config in $configs; do
    dir="$work/$cc-$config"
    rm -rf "$dir"; mkdir -p "$dir"
    tar -xf "$tarball" -C "$dir" --strip-components=1
    cflags="-O2 $(bench_flags "$cc" "$config")"
    bench_log "xz $version: $cc $config: configure, make, make check"
    build=ok
    if ! (cd "$dir" && ./configure CC="$driver" CFLAGS="$cflags" --disable-nls --disable-shared >"$dir/configure.log" 2>&1); then
      build=configure-failed
    elif ! (cd "$dir" && make -j"$JOBS" >"$dir/make.log" 2>&1); then
      if grep -qE 'internal compiler error|Segmentation fault|PLEASE submit a bug report|Stack dump' "$dir/make.log"; then build=ICE; else build=build-failed; fi
    fi
    pass=0 fail=0 skip=0 total=0
    if [ $build = ok ]; then
      (cd "$dir" && make -j"$JOBS" check >"$dir/check.log" 2>&1) || true
      pass=$(grep -cE '^(PASS|XFAIL):' "$dir/check.log" || true)
      fail=$(grep -cE '^(FAIL|XPASS|ERROR):' "$dir/check.log" || true)
      skip=$(grep -cE '^SKIP:' "$dir/check.log" || true)
      total=$((pass + fail + skip))
    fi
    printf '%s\t%s\t%s\t%s\t%s\t%s\t%s\n' "$cc" "$config" "$build" "$total" "$pass" "$fail" "$skip" >> "$runs"
    bench_log "xz $cc $config: build $build, $pass passed, $fail failed, $skip skipped"
  done
done
python3 - "$runs" "bench/xz-check.sh $args" "$version" \
  "$(bench_show "./configure CC=\$CC CFLAGS='-O2 $(bench_flags gcc plugin3)' --disable-nls --disable-shared && make && make check")" \
  > "$BENCH_RESULTS/xz-check.json" <<'PY'
import datetime, json, sys
path, command, version, configure = sys.argv[1:]
runs = []
for line in open(path):
    cc, config, build, total, p, f, s = line.rstrip("\n").split("\t")
    runs.append({"compiler": cc, "config": config, "build": build, "total": int(total),
                 "pass": int(p), "fail": int(f), "skip": int(s)})
json.dump({"date": datetime.datetime.now(datetime.timezone.utc).strftime("%Y-%m-%d %H:%M UTC"),
           "command": command, "version": version, "configure": configure, "runs": runs},
          sys.stdout, indent=1)
print()
PY
! awk -F'\t' '$2 != "none" && ($3 != "ok" || $6 != 0) { bad = 1 } END { exit !bad }' "$runs"
