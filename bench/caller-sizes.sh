#!/usr/bin/env bash
# What caller sizes (issue 16 part 1, docs/USAGE.md "Sizes from callers")
# cost, side by side with the same plugin without them
# (-fplugin-arg-fortify-caller-sizes=off, the plugin as it was before): on the
# SQLite workload, by GCC and by Clang at -O2, level 3,
#   - instructions executed (callgrind: deterministic on a shared machine);
#   - compile time of sqlite3.c: user CPU of COMPILE_PAIRS interleaved pairs
#     (off, on, off, on ...), the median of the per-pair ratios;
#   - text size of sqlite3.o and the workload.
# Coverage is measured by bench/coverage-packages.sh (docs/BENCHMARKS.md §8).
#
#   bench/caller-sizes.sh [--rows N] [--pairs N]
# Result: $BENCH_RESULTS/caller-sizes.json and a Markdown table on stdout.
set -euo pipefail
. "$(dirname "$0")/lib.sh"
args="$*"
rows="${PERF_ROWS:-20000}"
pairs="${COMPILE_PAIRS:-5}"
while [ $# -gt 0 ]; do
  case "$1" in
    --rows) rows=$2; shift 2 ;;
    --pairs) pairs=$2; shift 2 ;;
    *) echo "caller-sizes.sh: unknown argument $1 (--rows N, --pairs N)" >&2; exit 2 ;;
  esac
done
bench_need_plugins
src=$("$(dirname "$0")/sqlite-fetch.sh")
here="$(cd "$(dirname "$0")" && pwd)"
work="$BENCH_OUT/caller-sizes"
mkdir -p "$work" "$BENCH_RESULTS"
tsv="$work/results.tsv"; : > "$tsv"
configs="plugin3-nocallers plugin3"

for cc in $BENCH_COMPILERS; do
  driver=$(bench_cc "$cc")
  for config in $configs; do
    bin=$("$here/sqlite-build.sh" "$cc" "$config" -O2)
    valgrind --tool=callgrind --callgrind-out-file="$work/callgrind.out" "$bin" "$rows" \
      > /dev/null 2> "$work/callgrind.log"
    ir=$(sed -n 's/^summary: //p' "$work/callgrind.out")
    printf 'ir\t%s\t%s\t%s\n' "$cc" "$config" "$ir" >> "$tsv"
    for f in sqlite3.o workload; do
      printf 'text-%s\t%s\t%s\t%s\n' "$f" "$cc" "$config" \
        "$(size "$(dirname "$bin")/$f" | awk 'NR == 2 { print $1 }')" >> "$tsv"
    done
    bench_log "caller-sizes $cc $config: $ir instructions"
  done
  for pair in $(seq "$pairs"); do
    for config in $configs; do
      /usr/bin/time -f '%U' -o "$work/time" \
        $driver -O2 $(bench_flags "$cc" "$config") $BENCH_SQLITE_DEFS -w -c "$src/sqlite3.c" -o "$work/sqlite3.o"
      printf 'user\t%s\t%s\t%s\n' "$cc" "$config" "$(cat "$work/time")" >> "$tsv"
    done
    bench_log "caller-sizes $cc compile pair $pair"
  done
done

python3 - "$tsv" "bench/caller-sizes.sh $args" "$rows" "$pairs" > "$BENCH_RESULTS/caller-sizes.json" <<'PY'
import datetime, json, statistics, sys
tsv, command, rows, pairs = sys.argv[1:]
data = {}
for line in open(tsv):
    metric, cc, config, value = line.rstrip("\n").split("\t")
    data.setdefault(cc, {}).setdefault(metric, {}).setdefault(config, []).append(float(value))
result = {"command": command, "date": datetime.datetime.utcnow().isoformat(timespec="seconds") + "Z",
          "rows": int(rows), "pairs": int(pairs), "compilers": {}}
for cc, metrics in data.items():
    off, on = "plugin3-nocallers", "plugin3"
    user = metrics["user"]
    ratios = [b / a for a, b in zip(user[off], user[on]) if a > 0]
    result["compilers"][cc] = {
        "instructions": {"off": metrics["ir"][off][0], "on": metrics["ir"][on][0]},
        "compile_user_s": {"off": user[off], "on": user[on]},
        "compile_ratio_median": statistics.median(ratios),
        "text_sqlite3_o": {"off": metrics["text-sqlite3.o"][off][0], "on": metrics["text-sqlite3.o"][on][0]},
    }
print(json.dumps(result, indent=1))
PY
python3 - "$BENCH_RESULTS/caller-sizes.json" <<'PY'
import json, sys
r = json.load(open(sys.argv[1]))
print("| compiler | instructions, off → on | compile time (median of %d pairs) | text of sqlite3.o, off → on |" % r["pairs"])
print("|---|---|---|---|")
for cc, c in r["compilers"].items():
    i, t = c["instructions"], c["text_sqlite3_o"]
    print("| %s | %d → %d (%+.2f%%) | %+.1f%% | %d → %d (%+.2f%%) |" % (
        cc, i["off"], i["on"], 100 * (i["on"] / i["off"] - 1), 100 * (c["compile_ratio_median"] - 1),
        t["off"], t["on"], 100 * (t["on"] / t["off"] - 1)))
PY
