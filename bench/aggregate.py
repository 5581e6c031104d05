#!/usr/bin/env python3
"""Turns the robustness runs' TSV lines into JSON results, and prints summaries.

  aggregate.py torture RESULTS.tsv --name N --tests K --total T --seconds S --command C --compile C
  aggregate.py csmith RESULTS.tsv --count N --seconds S --command C --compile C
  aggregate.py sqlite RESULTS.tsv --count ROWS --seconds S --command C --compile C
  aggregate.py summary RESULT.json     # one line per compiler/-O, and every difference

A TSV line is RESULT<TAB>compiler<TAB>-O<TAB>test. RESULTs that count as a
difference (a failure of the target): anything but OK and SKIP-*.
"""
import argparse
import collections
import datetime
import json
import sys


def read_tsv(path):
    rows = []
    with open(path) as f:
        for line in f:
            parts = line.rstrip("\n").split("\t")
            if len(parts) == 4:
                rows.append(parts)
    return rows


def is_difference(result):
    return result != "OK" and not result.startswith("SKIP")


def tally(rows):
    per = collections.OrderedDict()
    diffs = []
    for result, cc, opt, test in sorted(rows, key=lambda r: (r[1], r[2], r[3])):
        key = f"{cc} {opt}"
        per.setdefault(key, collections.Counter())[result] += 1
        if is_difference(result):
            diffs.append({"result": result, "compiler": cc, "opt": opt, "test": test})
    table = []
    for key, c in per.items():
        cc, opt = key.split(" ")
        table.append({
            "compiler": cc, "opt": opt,
            "compared": sum(v for k, v in c.items() if not k.startswith("SKIP")),
            "ok": c.get("OK", 0),
            "skipped_ref_compile": c.get("SKIP-REF-COMPILE", 0),
            "skipped_ref_fail": c.get("SKIP-REF-FAIL", 0),
            "false_stops": c.get("FALSE-STOP", 0),
            "ices": c.get("ICE", 0),
            "other_differences": sum(v for k, v in c.items()
                                     if is_difference(k) and k not in ("FALSE-STOP", "ICE")),
        })
    return table, diffs


def meta(args):
    return {
        "date": datetime.datetime.now(datetime.timezone.utc).strftime("%Y-%m-%d %H:%M UTC"),
        "command": args.command,
        "compile": args.compile,
        "seconds": args.seconds,
    }


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("kind", choices=["torture", "csmith", "sqlite", "summary"])
    ap.add_argument("path")
    ap.add_argument("--name", default="")
    ap.add_argument("--tests", type=int, default=0)
    ap.add_argument("--total", type=int, default=0)
    ap.add_argument("--count", type=int, default=0)
    ap.add_argument("--seconds", type=int, default=0)
    ap.add_argument("--command", default="")
    ap.add_argument("--compile", default="")
    args = ap.parse_args()

    if args.kind == "summary":
        with open(args.path) as f:
            r = json.load(f)
        for row in r["table"]:
            print(f"{r['kind']} {row['compiler']} {row['opt']}: compared {row['compared']}, "
                  f"ok {row['ok']}, false stops {row['false_stops']}, ICEs {row['ices']}, "
                  f"other differences {row['other_differences']}")
        for d in r["differences"]:
            print(f"  DIFFERENCE {d['result']} {d['compiler']} {d['opt']} {d['test']}")
        return 1 if r["differences"] else 0

    table, diffs = tally(read_tsv(args.path))
    out = meta(args)
    out.update({"kind": args.kind, "table": table, "differences": diffs})
    if args.kind == "torture":
        out.update({"name": args.name, "tests": args.tests, "total": args.total})
    else:
        out.update({"count": args.count})
    json.dump(out, sys.stdout, indent=1)
    print()
    return 0


if __name__ == "__main__":
    sys.exit(main())
