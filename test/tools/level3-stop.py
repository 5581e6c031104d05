#!/usr/bin/env python3
"""Runs a program at a case only a level-3 check stops (a size known only at
run time: malloc(n), new[n], a VLA, a chosen object), and checks the outcome
the compiler that built it gives:

  level3-stop.py [--gcc-level3 N] [--message REGEX] PROGRAM ARGS...

The compiler and level come from the program's fortify notes. Clang, and
GCC with __builtin_dynamic_object_size (12 and later), check at level 3:
the note must say level=3 and the program must be stopped by a signal
(SIGILL/SIGTRAP in trap mode, SIGABRT in abort mode), with a line of its
stderr matching REGEX when --message is given. GCC 11 checks level 3 as
level 2 (docs/COMPILERS.md): with --gcc-level3 2 (lit's %level3-stop says
which) a note of GCC's must say level=2 and the program must run clean
(exit 0) with no "fortify:" line: the level-2 outcome. With
--unchecked-may-crash (a write outside the object that may land on what
the program needs: below a stack array, a heap block's header) it may also
end by a signal that is not a check's (SIGSEGV, SIGBUS, or glibc's SIGABRT
for a corrupted heap, with no "fortify:" line). A program with no note, or
whose note says another level, fails.
"""
import argparse
import re
import signal
import subprocess
import sys

from fortify_note import notes

STOP_SIGNALS = {signal.SIGILL, signal.SIGTRAP, signal.SIGABRT}


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--gcc-level3", type=int, choices=(2, 3), default=3,
                        help="the level GCC's level 3 checks at (2: GCC 11)")
    parser.add_argument("--message", help="a line of stderr the stop must print (regex)")
    parser.add_argument("--unchecked-may-crash", action="store_true",
                        help="at level 2 the unchecked write may crash the program (not by a check)")
    parser.add_argument("program")
    parser.add_argument("args", nargs=argparse.REMAINDER)
    args = parser.parse_args()

    found = notes(args.program)
    if not found:
        print("level3-stop: %s has no fortify note" % args.program)
        return 1
    expected = {c: args.gcc_level3 if c == "gcc" else 3 for c, _ in found}
    wrong = ["compiler=%s level=%d (expected %d)" % (c, l, expected[c]) for c, l in found if l != expected[c]]
    if wrong:
        print("level3-stop: %s: %s" % (args.program, "; ".join(sorted(set(wrong)))))
        return 1
    level = min(expected.values())

    run = subprocess.run([args.program] + args.args, stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    sys.stdout.buffer.write(run.stdout)
    sys.stderr.buffer.write(run.stderr)
    err = run.stderr.decode(errors="replace")
    outcome = ("stopped by %s" % signal.Signals(-run.returncode).name if run.returncode < 0
               else "exit %d" % run.returncode)
    if level == 3:
        ok = run.returncode < 0 and -run.returncode in STOP_SIGNALS
        if ok and args.message and not re.search(args.message, err, re.M):
            print("level3-stop: stopped, but no line matches %r" % args.message)
            return 1
        expectation = "stopped (level 3)"
    else:
        crashed = (args.unchecked_may_crash and run.returncode < 0
                   and -run.returncode in (signal.SIGSEGV, signal.SIGBUS, signal.SIGABRT))
        ok = (run.returncode == 0 or crashed) and not re.search(r"^fortify:", err, re.M)
        expectation = "not stopped (level 2: the note says level=2)"
    if not ok:
        print("level3-stop: %s %s: expected %s, got %s" % (args.program, " ".join(args.args), expectation, outcome))
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
