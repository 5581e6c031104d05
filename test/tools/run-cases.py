#!/usr/bin/env python3
"""Runs a test/Inputs/cases.h program through the standard cases and checks
each outcome: a write that fits must exit 0, a write one byte too long must be
stopped by a signal (trap: SIGILL/SIGTRAP, abort: SIGABRT).

  run-cases.py [--level N] [--subobject] [--min-write N] BINARY

--level      the plugin level the binary was built with (dynamic sizes only at 3)
--subobject  the function is bounded by the closest subobject (string
             functions) so a write past s.a must be stopped at level >= 2
--min-write  the smallest n the function can write (1 for strcpy: the NUL)
"""
import argparse
import signal
import subprocess
import sys

STOP_SIGNALS = {signal.SIGILL, signal.SIGTRAP, signal.SIGABRT}


def cases(level, subobject, min_write):
    m = min_write
    # (where, size, n, must_stop)
    yield ("stack", 16, 16, False)
    yield ("stack", 16, 17, True)
    yield ("global", 16, 16, False)
    yield ("global", 16, 17, True)
    yield ("cheap", 16, 16, False)
    yield ("cheap", 16, 17, True)
    yield ("unknown", 64, 16, False)
    yield ("unknown", 64, m, False)
    yield ("member", 8, 8, False)
    # Past s.a but inside the struct: only the subobject rules stop it.
    yield ("member", 8, 9, subobject and level >= 2)
    yield ("member", 8, 16, subobject and level >= 2)
    yield ("member", 8, 17, True)
    if level >= 3:
        yield ("heap", 16, 16, False)
        yield ("heap", 16, 17, True)
        yield ("heap", m, m, False)
        yield ("heap", m, m + 1, True)
        yield ("vla", 16, 16, False)
        yield ("vla", 16, 17, True)
        yield ("offset", 16, 12, False)
        yield ("offset", 16, 13, True)
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
    parser.add_argument("binary")
    args = parser.parse_args()

    failures = 0
    for where, size, n, must_stop in cases(args.level, args.subobject, args.min_write):
        run = subprocess.run([args.binary, where, str(size), str(n)],
                             stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
        stopped = run.returncode < 0 and -run.returncode in STOP_SIGNALS
        if must_stop:
            ok = stopped
        else:
            ok = run.returncode == 0
        outcome = "stopped by %s" % signal.Signals(-run.returncode).name if run.returncode < 0 else "exit %d" % run.returncode
        print("%-4s %-8s size=%-4d n=%-4d expected %-5s got %s" % (
            "ok" if ok else "FAIL", where, size, n, "stop" if must_stop else "clean", outcome))
        if not ok:
            failures += 1
            sys.stdout.write(run.stderr.decode(errors="replace"))
    if failures:
        print("%d case(s) failed for %s" % (failures, args.binary))
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
