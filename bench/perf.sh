#!/usr/bin/env bash
# Run-time cost, side by side: the SQLite workload and the microbenchmarks
# built without fortification, with glibc's _FORTIFY_SOURCE=2 and =3, and with
# the plugin at levels 2 and 3, by GCC and by Clang (-O2).
#   - instruction counts under valgrind --tool=callgrind (deterministic);
#   - wall time with hyperfine (noisy: the machine is shared);
#   - sizes (text of sqlite3.o and of the workload binary).
#
#   bench/perf.sh [--rows N] [--iterations N] [--runs N]
# Defaults: PERF_ROWS=20000 rows, PERF_ITERATIONS=200000 per kernel, PERF_RUNS=5.
# Result: $BENCH_RESULTS/perf.json
set -euo pipefail
. "$(dirname "$0")/lib.sh"
args="$*"
rows="${PERF_ROWS:-20000}"
iters="${PERF_ITERATIONS:-200000}"
runs="${PERF_RUNS:-5}"
while [ $# -gt 0 ]; do
  case "$1" in
    --rows) rows=$2; shift 2 ;;
    --iterations) iters=$2; shift 2 ;;
    --runs) runs=$2; shift 2 ;;
    *) echo "perf.sh: unknown argument $1" >&2; exit 2 ;;
  esac
done
bench_need_plugins
here="$(cd "$(dirname "$0")" && pwd)"
work="$BENCH_OUT/perf"
mkdir -p "$work"
kernels="memcpy_stack memcpy_heap strcpy_member strcat_path memset_param"
tsv="$work/perf.tsv"; : > "$tsv"   # metric<TAB>cc<TAB>config<TAB>name<TAB>value

# Instructions executed by a command, counted by callgrind.
instructions() {
  local out="$work/callgrind.out"
  valgrind --tool=callgrind --callgrind-out-file="$out" "$@" >/dev/null 2>"$work/callgrind.log"
  awk '/^(summary|totals):/ { print $2; exit }' "$out"
}

for cc in $BENCH_COMPILERS; do
  driver=$(bench_cc "$cc")
  for config in $BENCH_CONFIGS; do
    bin=$("$here/sqlite-build.sh" "$cc" "$config" -O2)
    dir=$(dirname "$bin")
    micro="$dir/micro"
    $driver -O2 $(bench_flags "$cc" "$config") "$here/micro.c" -o "$micro"
    ir=$(instructions "$bin" "$rows")
    printf 'ir\t%s\t%s\tsqlite\t%s\n' "$cc" "$config" "$ir" >> "$tsv"
    for k in $kernels; do
      a=$(instructions "$micro" "$k" "$iters"); b=$(instructions "$micro" "$k" 0)
      printf 'ir_per_iter\t%s\t%s\t%s\t%s\n' "$cc" "$config" "$k" \
        "$(python3 -c "print(round(($a - $b) / $iters, 2))")" >> "$tsv"
    done
    for f in sqlite3.o workload; do
      printf 'text\t%s\t%s\t%s\t%s\n' "$cc" "$config" "$f" "$(size "$dir/$f" | awk 'NR == 2 { print $1 }')" >> "$tsv"
    done
    bench_log "perf $cc $config: $ir instructions"
  done
  # Wall time: every configuration of this compiler in one hyperfine run.
  cmds=()
  for config in $BENCH_CONFIGS; do cmds+=("$BENCH_OUT/sqlite/$cc-$config-O2/workload $rows"); done
  hyperfine -N --warmup 1 --runs "$runs" --export-json "$work/hyperfine-$cc.json" "${cmds[@]}" >/dev/null 2>&1 ||
    hyperfine --warmup 1 --runs "$runs" --export-json "$work/hyperfine-$cc.json" "${cmds[@]}" >/dev/null
done

python3 - "$tsv" "$work" "$rows" "$iters" "$runs" "bench/perf.sh $args" > "$BENCH_RESULTS/perf.json" <<'EOF'
import datetime, json, os, sys
tsv, work, rows, iters, runs, command = sys.argv[1:]
data = {}
for line in open(tsv):
    metric, cc, config, name, value = line.rstrip("\n").split("\t")
    data.setdefault(metric, {}).setdefault(cc, {}).setdefault(name, {})[config] = float(value)
wall = {}
for cc in ("gcc", "clang"):
    path = os.path.join(work, f"hyperfine-{cc}.json")
    if not os.path.exists(path):
        continue
    for r in json.load(open(path))["results"]:
        config = r["command"].split("/")[-2].split("-")[1]
        wall.setdefault(cc, {})[config] = {"median": r["median"], "min": min(r["times"]),
                                           "mean": r["mean"]}
cmds = {}
for cc in ("gcc", "clang"):
    for config in ("none", "glibc2", "glibc3", "plugin2", "plugin3"):
        p = os.path.join(os.environ["BENCH_OUT"], "sqlite", f"{cc}-{config}-O2", "command")
        if os.path.exists(p):
            cmds.setdefault(cc, {})[config] = open(p).read().strip()
json.dump({
    "date": datetime.datetime.now(datetime.timezone.utc).strftime("%Y-%m-%d %H:%M UTC"),
    "command": command, "rows": int(rows), "iterations": int(iters), "runs": int(runs),
    "callgrind": f"valgrind --tool=callgrind sqlite-workload {rows}",
    "micro": f"valgrind --tool=callgrind micro KERNEL {iters} (minus the same with 0 iterations) / {iters}",
    "hyperfine": f"hyperfine -N --warmup 1 --runs {runs} 'sqlite-workload {rows}' ...",
    "builds": cmds, "metrics": data, "wall": wall}, sys.stdout, indent=1)
print()
EOF
python3 - "$BENCH_RESULTS/perf.json" <<'EOF'
import json, sys
r = json.load(open(sys.argv[1]))
for cc, per in r["metrics"]["ir"].items():
    base = per["sqlite"]["none"]
    print(cc, " ".join(f"{c}={v / base:.4f}" for c, v in per["sqlite"].items()))
EOF
