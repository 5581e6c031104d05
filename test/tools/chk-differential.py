#!/usr/bin/env python3
"""Runs every case of test/chk/Inputs/chk-cases.c against several builds and
compares them (test/chk/differential.test).

  chk-differential.py [--only NAME] REF_BINARY [LABEL=BINARY ...]

REF_BINARY is the program linked against glibc alone, i.e. glibc's own
__*_chk; each LABEL=BINARY links libfortify_chk. A case must do what it
announces (`expect=ok`: exit 0, nothing on stderr; `expect=stop`: SIGABRT
after glibc's one-line message), and every build must give glibc's output,
exit status and message byte for byte. Cases the reference cannot run
(`skip`: glibc < 2.38 has no strlcpy family) are compared among the other
builds. Prints one summary line per build; exits 1 on any difference."""
import concurrent.futures
import resource
import signal
import subprocess
import sys

STDIN = b"hello\nworld\n"


def run(binary, case):
    p = subprocess.run([binary, case], input=STDIN, capture_output=True, timeout=20)
    return p.stdout, p.returncode, p.stderr


def judge(label, case, result):
    out, rc, err = result
    first = out.split(b"\n", 1)[0]
    if first == b"skip":
        return None
    if first == b"expect=ok":
        if rc != 0 or err:
            return "%s %s: expected to run, got status %d, stderr %r" % (label, case, rc, err)
        return "ok"
    if first == b"expect=stop":
        lines = err.splitlines()
        if rc != -signal.SIGABRT or not lines or not lines[-1].startswith(b"*** "):
            return "%s %s: expected a stop, got status %d, stderr %r, stdout %r" % (label, case, rc, err, out)
        return "stop"
    return "%s %s: no expectation printed (status %d, stdout %r)" % (label, case, rc, out)


def main(argv):
    only = None
    if len(argv) > 2 and argv[1] == "--only":
        only = argv[2]
        argv = argv[2:]
    ref = argv[1]
    builds = [a.split("=", 1) for a in argv[2:]]
    resource.setrlimit(resource.RLIMIT_CORE, (0, 0))  # 150 stops per build: no core files
    cases = subprocess.run([ref, "--list"], capture_output=True, check=True).stdout.decode().split()
    if only:
        cases = [c for c in cases if c.split(":")[0] == only]
    failures = []
    counts = {label: {"ok": 0, "stop": 0, "same": 0} for label in ["glibc"] + [b[0] for b in builds]}
    # Every process of every case at once (a few threads): the runs are independent.
    with concurrent.futures.ThreadPoolExecutor(max_workers=8) as pool:
        futures = {(b, c): pool.submit(run, b, c) for c in cases for b in [ref] + [x[1] for x in builds]}
    results = {k: f.result() for k, f in futures.items()}
    for case in cases:
        ref_result = results[(ref, case)]
        ref_verdict = judge("glibc", case, ref_result)
        if ref_verdict in ("ok", "stop"):
            counts["glibc"][ref_verdict] += 1
        elif ref_verdict is not None:
            failures.append(ref_verdict)
        first = None
        for label, binary in builds:
            result = results[(binary, case)]
            verdict = judge(label, case, result)
            if verdict not in ("ok", "stop"):
                failures.append(verdict or "%s %s: skipped" % (label, case))
                continue
            counts[label][verdict] += 1
            other, other_label = (ref_result, "glibc") if ref_verdict is not None else (first, first and first[0])
            if ref_verdict is None and first is None:
                first = (label, result)
                continue
            compare = other if ref_verdict is not None else first[1]
            if result != compare:
                failures.append("%s %s differs from %s:\n  %r\n  %r" % (label, case, other_label, result, compare))
            else:
                counts[label]["same"] += 1
    for label, c in counts.items():
        print("%s: %d cases ran, %d stopped, %d identical to the reference" % (label, c["ok"], c["stop"], c["same"]))
    for f in failures:
        print("FAIL " + f, file=sys.stderr)
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
