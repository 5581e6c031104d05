#!/usr/bin/env python3
"""Counts protected call sites of the mem/str functions in optimised code.

  coverage.py gcc-dump FILE     GCC's -fdump-tree-optimized-lineno output
  coverage.py llvm-ir FILE      Clang's final -O2 LLVM IR (-S -emit-llvm -gline-tables-only)
  coverage.py object FILE.o     call sites (relocations) in an object file: X vs __X_chk

prints one JSON object: {"calls": N, "protected": M, "by_function": {...},
"checks_unmatched": K}.

A call site is protected when it is a glibc __X_chk call, or when the plugin's
check for it survived optimisation. The builds are made with
-fplugin-arg-fortify-mode=abort, so each surviving check still carries its call
site's location in its message ("fortify: buffer overflow in strcpy at
sqlite3.c:12:3"); a check that folded away (size unknown, or proven to fit)
left nothing. Each surviving check (its message, or, for GCC, a branch to the split-out
part "f.part.N" that holds the message, as ipa-split moves cold failure paths
out) is paired with the nearest call at its location in the same function,
one check to one call. This is an approximation: when two calls at the same
source location in one function (a helper inlined twice, a duplicated loop
body) keep one check between them, which of the two is counted as checked
may be wrong, though the count is right.
"""
import collections
import json
import re
import subprocess
import sys

# The rule table's mem/str family (common/rules.cpp) and glibc's checked names.
FAMILY = ["memcpy", "memmove", "mempcpy", "memset", "bcopy", "bzero", "explicit_bzero",
          "strcpy", "stpcpy", "strncpy", "stpncpy", "strcat", "strncat", "strlcpy", "strlcat"]
ALIASES = {"__mempcpy": "mempcpy", "__stpcpy": "stpcpy", "__stpncpy": "stpncpy"}


def classify(name):
    """Returns (family function, is glibc-checked) for a callee name, or None."""
    n = name
    if n.startswith("llvm."):
        base = n[5:].split(".")[0]
        return (base, False) if base in FAMILY else None
    chk = False
    if n.startswith("__builtin___") and n.endswith("_chk"):
        n, chk = n[len("__builtin___"):-4], True
    elif n.startswith("__") and n.endswith("_chk"):
        n, chk = n[2:-4], True
    elif n.startswith("__builtin_"):
        n = n[len("__builtin_"):]
    n = ALIASES.get(n, n)
    return (n, chk) if n in FAMILY else None


def in_family(name):
    c = classify(name)
    return bool(c)


# Only overflow checks (writes) count, as glibc's __X_chk protects the
# destination; the plugin's over-read checks of sources ("buffer over-read")
# are left out of the comparison.
MESSAGE = re.compile(r'fortify: buffer overflow in (\w+) at (?:[^"\\]*/)?([^"\\/:]+):(\d+):(\d+)')
# GCC's "optimized" dump comes before the plugin turns its failure markers
# into the message: there a surviving write check is
#   __fortify_fail (&"write\x00strcpy\x00sqlite3.c\x0012\x003\x00caller"[0], ...)
MARKER = re.compile(r'__fortify_fail \(&"write\\x00(\w+)\\x00(?:[^"\\]*/)?([^"\\/]+)\\x00(\d+)\\x00(\d+)\\x00')


def find_message(text):
    """The first failure message or write-check marker in text: groups
    function, file, line, column."""
    return MESSAGE.search(text) or MARKER.search(text)


class Tally:
    def __init__(self):
        self.calls = 0
        self.protected = 0
        self.by_function = collections.defaultdict(lambda: [0, 0])
        self.unmatched = 0

    def add(self, func, protected):
        self.calls += 1
        self.by_function[func][0] += 1
        if protected:
            self.protected += 1
            self.by_function[func][1] += 1

    def result(self):
        return {"calls": self.calls, "protected": self.protected,
                "by_function": {k: {"calls": v[0], "protected": v[1]}
                                for k, v in sorted(self.by_function.items())},
                "checks_unmatched": self.unmatched}


def gcc_dump(path):
    text = open(path, errors="replace").read()
    funcs = re.split(r"\n;; Function ", text)[1:]
    parsed = []
    for body in funcs:
        name = body.split(" ", 1)[0]
        parsed.append((name, body))
    # Functions whose body holds a failure message: the split-out failure paths.
    call_re = re.compile(r"^\s*(?:\[([^\]]*)\]\s+)?(?:[\w.$]+ = )?([\w.$]+) \(", re.M)
    fail_funcs = {name for name, body in parsed
                  if ".part." in name and find_message(body)
                  and not any(classify(m.group(2)) for m in call_re.finditer(body))
                  and in_family(find_message(body).group(1))}
    loc_re = re.compile(r"(?:.*/)?([^/:]+):(\d+):(\d+)$")
    t = Tally()
    for name, body in parsed:
        if name in fail_funcs:
            continue
        # Failure blocks: those holding a message, or calling a split-out
        # failure path. Identical failure blocks (a helper inlined twice) may
        # have been merged, so each branch into one counts as one check.
        blocks = re.split(r"\n\s*<bb (\d+)>[^\n]*:\n", body)
        block_text = {blocks[i]: blocks[i + 1] for i in range(1, len(blocks) - 1, 2)}
        fail_loc = {}
        for b, txt in block_text.items():
            m = find_message(txt)
            if m:
                if in_family(m.group(1)):  # checks of other functions are not counted
                    fail_loc[b] = (m.group(2), m.group(3), m.group(4))
            elif any(re.search(r"\b" + re.escape(f) + r" \(", txt) for f in fail_funcs):
                fail_loc[b] = None  # location: the branch's
        checks = []  # (location, position in the text)
        entered = set()
        for m in re.finditer(r"(?:\[([^\]]*)\] )?if \([^\n]*\)\n\s*goto <bb (\d+)>[^\n]*\n\s*else\n\s*goto <bb (\d+)>", body):
            for target in (m.group(2), m.group(3)):
                if target in fail_loc:
                    loc = fail_loc[target]
                    if loc is None and m.group(1):
                        lm = loc_re.match(m.group(1))
                        loc = lm.groups() if lm else None
                    checks.append((loc, m.start()))
                    entered.add(target)
        for b, loc in fail_loc.items():
            if b not in entered and loc is not None:
                checks.append((loc, body.find("<bb " + b + ">")))
        calls = []  # (function, glibc-checked, location, position)
        for m in call_re.finditer(body):
            c = classify(m.group(2))
            if not c:
                continue
            loc = None
            if m.group(1):
                lm = loc_re.match(m.group(1))
                loc = lm.groups() if lm else None
            calls.append((c[0], c[1], loc, m.start()))
        match(t, checks, calls)
    return t.result()


def match(t, checks, calls):
    """Pairs each surviving check with the nearest call at its location (one to one)."""
    checked = [False] * len(calls)
    for loc, pos in checks:
        best = None
        for i, (_, _, cloc, cpos) in enumerate(calls):
            if not checked[i] and cloc == loc and (best is None or abs(cpos - pos) < abs(calls[best][3] - pos)):
                best = i
        if best is None:
            t.unmatched += 1
        else:
            checked[best] = True
    for i, (func, chk, _, _) in enumerate(calls):
        t.add(func, chk or checked[i])


def llvm_ir(path):
    text = open(path, errors="replace").read()
    messages = {}
    for m in re.finditer(r'^(@[\w.$]+) = [^\n]*c"(fortify: buffer overflow in [^"]*)"', text, re.M):
        mm = MESSAGE.search(m.group(2))
        if mm:
            messages[m.group(1)] = (mm.group(1), mm.group(3), mm.group(4))
    dilocs = {}
    for m in re.finditer(r"^(![0-9]+) = (?:distinct )?!DILocation\(line: (\d+), column: (\d+)", text, re.M):
        dilocs[m.group(1)] = (m.group(2), m.group(3))
    call_re = re.compile(r"\b(?:tail |musttail |notail )?(?:call|invoke) [^@\n]*@([\w.$]+)\(([^\n]*)$", re.M)
    t = Tally()
    for fm in re.finditer(r"^define [^\n]*\{\n(.*?)^\}", text, re.M | re.S):
        body = fm.group(1)
        # Failure blocks hold a message; each conditional branch into one is a
        # check (SimplifyCFG may merge the identical failure blocks of a
        # helper inlined twice).
        labels = [(m.group(1), m.start()) for m in re.finditer(r"^([\w.$-]+):", body, re.M)]
        fail = {}
        for i, (label, pos) in enumerate(labels):
            stop = labels[i + 1][1] if i + 1 < len(labels) else len(body)
            mm = re.search(r"(@fortify\.message[\w.$]*)\b", body[pos:stop])
            if mm and mm.group(1) in messages and in_family(messages[mm.group(1)][0]):
                fail[label] = messages[mm.group(1)][1:]
        checks, entered = [], set()
        for m in re.finditer(r"\bbr i1 [^,]+, label %([\w.$-]+), label %([\w.$-]+)", body):
            for target in (m.group(1), m.group(2)):
                if target in fail:
                    checks.append((fail[target], m.start()))
                    entered.add(target)
        for label, loc in fail.items():
            if label not in entered:
                checks.append((loc, body.find("\n" + label + ":")))
        calls = []
        for m in call_re.finditer(body):
            c = classify(m.group(1))
            if not c:
                continue
            dm = re.search(r"!dbg (![0-9]+)", m.group(2))
            calls.append((c[0], c[1], dilocs.get(dm.group(1)) if dm else None, m.start()))
        match(t, checks, calls)
    return t.result()


def object_file(path):
    out = subprocess.run(["readelf", "-rW", path], capture_output=True, text=True, check=True).stdout
    t = Tally()
    in_text = False
    for line in out.splitlines():
        if line.startswith("Relocation section"):
            in_text = "'.rela.text" in line
            continue
        parts = line.split()
        if in_text and len(parts) >= 5 and parts[2].startswith("R_X86_64_") and ("PLT32" in parts[2] or "PC32" in parts[2]):
            sym = parts[4].split("@")[0]
            c = classify(sym)
            if c and not sym.startswith("__builtin"):
                t.add(c[0], c[1])
    return t.result()


def main():
    kind, path = sys.argv[1], sys.argv[2]
    r = {"gcc-dump": gcc_dump, "llvm-ir": llvm_ir, "object": object_file}[kind](path)
    json.dump(r, sys.stdout)
    print()


if __name__ == "__main__":
    main()
