#!/usr/bin/env python3
"""The table of bench/coverage-packages.sh: per package, the headline coverage
(glibc's size checks, docs/COVERAGE.md) of glibc's own fortify and of each
plugin way, from the fortify-coverage JSON each build left."""
import argparse
import json
import os

# (column, way, JSON key): glibc's own figures come from the builds beside
# glibc ("write_libc_alone": the sites glibc's wrappers had a known size for).
COLUMNS = [
    ("glibc 2 (gcc)", "gcc-glibc2", "write_libc_alone"),
    ("glibc 3 (gcc)", "gcc-glibc3", "write_libc_alone"),
    ("glibc 3 (clang)", "clang-glibc3", "write_libc_alone"),
    ("GCC plugin 2", "gcc-plugin2", "coverage"),
    ("GCC plugin 3", "gcc-plugin3", "coverage"),
    ("GCC plugin 3 + glibc 3", "gcc-glibc3", "coverage"),
    ("Clang plugin 2", "clang-plugin2", "coverage"),
    ("Clang plugin 3", "clang-plugin3", "coverage"),
    ("Clang plugin 3 + glibc 3", "clang-glibc3", "coverage"),
]


def cell(results, package, way, key):
    directory = os.path.join(results, package, way)
    if os.path.exists(os.path.join(directory, "failed")):
        return "failed"
    try:
        counts = json.load(open(os.path.join(directory, "coverage.json")))[key]
    except (OSError, KeyError, ValueError):
        return "—"
    if not counts.get("sites"):
        return "no sites"
    return "%.2f%% of %d" % (counts["coverage"], counts["sites"])


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--results", required=True)
    parser.add_argument("--packages", required=True)
    parser.add_argument("--ways", required=True)
    parser.add_argument("--plugins", required=True)
    args = parser.parse_args()
    ways = set(args.ways.split())
    columns = [c for c in COLUMNS if c[1] in ways]
    commit = "?"
    try:
        commit = open(os.path.join(args.plugins, "COMMIT")).read().split()[0][:12]
    except OSError:
        pass
    print("Headline coverage (glibc's size checks; protected sites of all calls), plugins at %s:" % commit)
    print()
    print("| package | " + " | ".join(c[0] for c in columns) + " |")
    print("|---|" + "---|" * len(columns))
    for package in args.packages.split():
        print("| %s | " % package + " | ".join(cell(args.results, package, way, key) for _, way, key in columns) + " |")


if __name__ == "__main__":
    main()
