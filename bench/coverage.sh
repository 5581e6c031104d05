#!/usr/bin/env bash
# Coverage, side by side: in the SQLite amalgamation compiled at -O2 by GCC
# and Clang, how many call sites of the rule table's mem/str functions are
# protected: by glibc's _FORTIFY_SOURCE=2/3 (__X_chk calls) and by the plugin
# at levels 2/3 (a check that survived optimisation). See bench/coverage.py
# for how surviving checks are recognised (an approximation until the
# plugins write coverage reports themselves).
#
#   bench/coverage.sh
# Result: $BENCH_RESULTS/coverage.json
set -euo pipefail
. "$(dirname "$0")/lib.sh"
args="$*"
bench_need_plugins
here="$(cd "$(dirname "$0")" && pwd)"
src=$("$here/sqlite-fetch.sh")
work="$BENCH_OUT/coverage"
rm -rf "$work"; mkdir -p "$work"
{
  echo "{"
  first=1
  # -O2 for every configuration; -O0 (where glibc's fortification is off) for
  # GCC only: at -O0 Clang lowers llvm.objectsize in the code generator, so
  # its IR still holds every check, folded or not.
  for run in $(for cc in $BENCH_COMPILERS; do for c in $BENCH_CONFIGS; do echo "$cc:$c:-O2"; done; done) \
             gcc:glibc3:-O0 gcc:plugin3:-O0; do
    IFS=: read -r cc config opt <<< "$run"
    case " $BENCH_COMPILERS " in *" $cc "*) ;; *) continue ;; esac
    driver=$(bench_cc "$cc")
    {
      flags="$opt $(bench_flags "$cc" "$config")"
      case "$config" in plugin*) flags="$flags -fplugin-arg-fortify-mode=abort" ;; esac
      key="$cc $config"; [ "$opt" = -O2 ] || key="$key $opt"
      base="$work/$cc-$config$opt"
      bench_log "coverage: $cc $config $opt"
      if [ "$cc" = gcc ]; then
        cmd="$driver $flags $BENCH_SQLITE_DEFS -w -c sqlite3.c -fdump-tree-optimized-lineno=sqlite3.optimized"
        $driver $flags $BENCH_SQLITE_DEFS -w -c "$src/sqlite3.c" -o "$base.o" -fdump-tree-optimized-lineno="$base.optimized"
        ir=$(python3 "$here/coverage.py" gcc-dump "$base.optimized")
      else
        cmd="$driver $flags $BENCH_SQLITE_DEFS -w -gline-tables-only -S -emit-llvm sqlite3.c; $driver $opt -c sqlite3.ll"
        $driver $flags $BENCH_SQLITE_DEFS -w -gline-tables-only -S -emit-llvm "$src/sqlite3.c" -o "$base.ll"
        $driver $opt -w -c "$base.ll" -o "$base.o"
        ir=$(python3 "$here/coverage.py" llvm-ir "$base.ll")
      fi
      obj=$(python3 "$here/coverage.py" object "$base.o")
      [ $first = 1 ] || echo ","
      first=0
      printf '"%s": {"ir": %s, "object": %s, "compile": %s}\n' "$key" "$ir" "$obj" \
        "$(python3 -c 'import json,sys; print(json.dumps(sys.argv[1]))' "$(bench_show "$cmd")")"
      rm -f "$base.o"
    }
  done
  printf ', "command": "bench/coverage.sh %s", "date": "%s"\n}\n' "$args" "$(date -u '+%Y-%m-%d %H:%M UTC')"
} > "$BENCH_RESULTS/coverage.json.tmp"
mv "$BENCH_RESULTS/coverage.json.tmp" "$BENCH_RESULTS/coverage.json"
python3 - "$BENCH_RESULTS/coverage.json" <<'PY'
import json, sys
r = json.load(open(sys.argv[1]))
for k, v in r.items():
    if isinstance(v, dict):
        ir, ob = v["ir"], v["object"]
        print(f"{k}: IR {ir['protected']}/{ir['calls']} protected (unmatched checks {ir['checks_unmatched']}); "
              f"object {ob['protected']}/{ob['calls']} __chk")
PY
