#!/usr/bin/env bash
# Compile time: user CPU seconds to compile the SQLite amalgamation at -O2,
# without fortification and with the plugin at levels 2 and 3 (and glibc's
# _FORTIFY_SOURCE=3 for reference), by GCC and Clang. Each build is repeated
# (COMPILE_REPEATS, default 3), the configurations interleaved so that load on
# the machine spreads over all of them; the minimum is kept.
#
#   bench/compile-time.sh [--repeats N]
# Result: $BENCH_RESULTS/compile-time.json
set -euo pipefail
. "$(dirname "$0")/lib.sh"
args="$*"
repeats="${COMPILE_REPEATS:-3}"
while [ $# -gt 0 ]; do
  case "$1" in
    --repeats) repeats=$2; shift 2 ;;
    *) echo "compile-time.sh: unknown argument $1" >&2; exit 2 ;;
  esac
done
bench_need_plugins
src=$("$(dirname "$0")/sqlite-fetch.sh")
work="$BENCH_OUT/compile-time"
mkdir -p "$work"
tsv="$work/times.tsv"; : > "$tsv"
configs="none plugin2 plugin3 glibc3"
for r in $(seq "$repeats"); do
  for cc in $BENCH_COMPILERS; do
    driver=$(bench_cc "$cc")
    for config in $configs; do
      /usr/bin/time -f '%U %S %e' -o "$work/time" \
        $driver -O2 $(bench_flags "$cc" "$config") $BENCH_SQLITE_DEFS -w -c "$src/sqlite3.c" -o "$work/sqlite3.o"
      read -r user sys wall < "$work/time"
      printf '%s\t%s\t%s\t%s\t%s\t%s\n' "$cc" "$config" "$r" "$user" "$sys" "$wall" >> "$tsv"
      bench_log "compile-time $cc $config #$r: user ${user}s"
    done
  done
done
python3 - "$tsv" "bench/compile-time.sh $args" "$repeats" \
  "$(bench_show "\$CC -O2 \$CONFIG_FLAGS $BENCH_SQLITE_DEFS -w -c sqlite3.c")" > "$BENCH_RESULTS/compile-time.json" <<'EOF'
import datetime, json, sys
tsv, command, repeats, compile_cmd = sys.argv[1:]
times = {}
for line in open(tsv):
    cc, config, r, user, sys_, wall = line.split("\t")
    times.setdefault(cc, {}).setdefault(config, []).append(float(user))
out = {"date": datetime.datetime.now(datetime.timezone.utc).strftime("%Y-%m-%d %H:%M UTC"),
       "command": command, "repeats": int(repeats), "compile": compile_cmd,
       "user_seconds": times,
       "min": {cc: {c: min(v) for c, v in per.items()} for cc, per in times.items()}}
json.dump(out, sys.stdout, indent=1)
print()
for cc, per in out["min"].items():
    print(cc, " ".join(f"{c}={v:.2f}s({v / per['none']:.3f})" for c, v in per.items()), file=sys.stderr)
EOF
