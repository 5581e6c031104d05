#!/usr/bin/env python3
"""Runs a test/Inputs/cases.h program through the standard cases and checks
each outcome: a write that fits must exit 0, a write one byte too long must be
stopped by a signal (trap: SIGILL/SIGTRAP, abort: SIGABRT).

  run-cases.py [--level N] [--subobject] [--min-write N] BINARY

--level      the plugin level the binary was built with (dynamic sizes only at 3);
             a binary whose note says it was built with a lower level (GCC 11
             checks level 3 as level 2) is held to that level, said in the output
--subobject  the function is bounded by the closest subobject (string
             functions) so a write past s.a must be stopped at level >= 2
--min-write  the smallest n the function can write (1 for strcpy: the NUL)
--element    bytes per element (4 for the wide functions, 8 for poll): a
             run one element too long must be stopped; n counts bytes
--dynamic-only  only runs past sizes the optimiser cannot bound by itself
             must be stopped; past a declared array they may also run (at -O2
             compilers assume strlen(a) < sizeof a and fold such over-read
             checks away). Fits must run clean either way.
"""
import argparse
import signal
import subprocess
import sys

from fortify_note import built_level

STOP_SIGNALS = {signal.SIGILL, signal.SIGTRAP, signal.SIGABRT}


def cases(level, subobject, min_write, e, dynamic_only):
    m = min_write
    # None: stopped or clean, both acceptable (never another crash).
    static = None if dynamic_only else True
    # (where, size, n, must_stop)
    yield ("stack", 16, 16, False)
    yield ("stack", 16, 16 + e, static)
    yield ("global", 16, 16, False)
    yield ("global", 16, 16 + e, static)
    yield ("cheap", 16, 16, False)
    yield ("cheap", 16, 16 + e, static)
    yield ("unknown", 64, 16, False)
    yield ("unknown", 64, m, False)
    yield ("member", 8, 8, False)
    # Past s.a but inside the struct: only the subobject rules stop it.
    yield ("member", 8, 8 + e, static if subobject and level >= 2 else False)
    yield ("member", 8, 16, static if subobject and level >= 2 else False)
    yield ("member", 8, 16 + e, static)
    if level >= 3:
        yield ("heap", 16, 16, False)
        yield ("heap", 16, 16 + e, True)
        yield ("heap", m, m, False)
        yield ("heap", m, m + e, True)
        yield ("vla", 16, 16, False)
        yield ("vla", 16, 16 + e, True)
        yield ("offset", 16, 12, False)
        yield ("offset", 16, 12 + e, True)
        yield ("heap", 100, 100, False)
    else:
        # Without dynamic sizes these are not checked: only runs that fit.
        yield ("heap", 16, 16, False)
        yield ("vla", 16, 16, False)
        yield ("offset", 16, 12, False)


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--level", type=int, default=3)
    parser.add_argument("--subobject", action="store_true")
    parser.add_argument("--min-write", type=int, default=0)
    parser.add_argument("--element", type=int, default=1)
    parser.add_argument("--dynamic-only", action="store_true")
    parser.add_argument("binary")
    args = parser.parse_args()

    level = built_level(args.binary)
    if level is not None and level < args.level:
        print("note: %s was built with level %d (its fortify note): cases of level %d"
              % (args.binary, level, level))
        args.level = level
    failures = 0
    for where, size, n, must_stop in cases(args.level, args.subobject, args.min_write, args.element, args.dynamic_only):
        run = subprocess.run([args.binary, where, str(size), str(n)],
                             stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
        stopped = run.returncode < 0 and -run.returncode in STOP_SIGNALS
        if must_stop is None:
            ok = stopped or run.returncode == 0
        elif must_stop:
            ok = stopped
        else:
            ok = run.returncode == 0
        outcome = "stopped by %s" % signal.Signals(-run.returncode).name if run.returncode < 0 else "exit %d" % run.returncode
        print("%-4s %-8s size=%-4d n=%-4d expected %-5s got %s" % (
            "ok" if ok else "FAIL", where, size, n,
            {None: "either", True: "stop", False: "clean"}[must_stop], outcome))
        if not ok:
            failures += 1
            sys.stdout.write(run.stderr.decode(errors="replace"))
    if failures:
        print("%d case(s) failed for %s" % (failures, args.binary))
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
