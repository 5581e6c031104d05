#!/usr/bin/env python3
"""Helper of bench/distro-rebuild.sh.

  summarise.py --collect-tests SRC --test-log LOG     one "STATUS name" per test
  summarise.py --results DIR [--coverage-tool T] [--packages "a b"] [--out F] [--json F]
      compares every plugin way with its reference (gcc with baseline, clang
      with clang-baseline) and prints a markdown table; exits 1 when a target
      is missed (build break, test regression, false stop, compiler crash).
"""
import argparse
import collections
import hashlib
import json
import os
import re
import subprocess
import sys

WAYS = ["baseline", "gcc", "clang-baseline", "clang"]
REF = {"gcc": "baseline", "clang": "clang-baseline"}
CPU_TARGET = {"gcc": 1.0, "clang": 2.0}  # percent


# ----------------------------------------------------------------- tests
def collect_tests(src, test_log):
    out = []
    # automake: one .trs per test (TAP tests: one :test-result: per subtest)
    for root, dirs, files in os.walk(src):
        dirs[:] = [d for d in dirs if d not in (".pc", ".git")]
        for f in files:
            if not f.endswith(".trs"):
                continue
            path = os.path.join(root, f)
            name = os.path.relpath(path, src)[:-4]
            try:
                results = re.findall(r"^:test-result: (\S+)", open(path, errors="replace").read(), re.M)
            except OSError:
                continue
            if len(results) == 1:
                out.append((results[0], name))
            else:
                for i, r in enumerate(results, 1):
                    out.append((r, "%s#%d" % (name, i)))
    have_trs = {n.split("/")[0] for _, n in out}
    section, section_tests, exits = ".", collections.Counter(), {}
    try:
        lines = open(test_log, errors="replace").read().splitlines()
    except OSError:
        lines = []
    for line in lines:
        m = re.match(r"=== tests in (.*)", line)
        if m:
            section = m.group(1)
            continue
        m = re.match(r"=== exit (\d+) in (.*)", line)
        if m:
            exits[m.group(2)] = int(m.group(1))
            continue
        # ctest
        m = re.match(r"\s*\d+/\d+ Test\s+#\d+: (\S+) \.+\s*(\*+)?\s*(Passed|Failed|Not Run|Skipped|Timeout|Exception|SEGFAULT|Subprocess aborted|Child aborted|ILLEGAL|BAD_COMMAND|\w+)", line)
        if m:
            st = m.group(3)
            st = {"Passed": "PASS", "Not Run": "SKIP", "Skipped": "SKIP"}.get(st, "FAIL")
            out.append((st, "%s/%s" % (section, m.group(1))))
            section_tests[section] += 1
            continue
        # sudo: "check_addr: 9 tests run, 0 errors, 100% success rate"
        m = re.match(r"(\S+): (\d+) tests? run, (\d+) errors?", line)
        if m:
            st = "PASS" if m.group(3) == "0" else "FAIL"
            out.append((st, "%s/%s(%s run)" % (section, m.group(1), m.group(2))))
            section_tests[section] += 1
            continue
        # zlib: "*** zlib shared test OK ***"
        m = re.match(r"\s*\*\*\* (zlib.*test) (OK|FAILED) \*\*\*", line)
        if m:
            out.append(("PASS" if m.group(2) == "OK" else "FAIL", "%s/%s" % (section, m.group(1))))
            section_tests[section] += 1
    # bash: tests/run-all prints "run-NAME", then the test's diff against its
    # expected output (nothing when it passes, apart from "warning:" notes).
    # A test with output is DIFF:<hash of the output>, so a different failure
    # than the reference's shows as a change.
    cur, buf = None, []

    def flush():
        if cur:
            # the diff's own lines, less the locale warnings of a machine without en_US etc.
            # pids and the like are numbers; a directory left in /tmp by an earlier run is no failure
            body = [re.sub(r"\d{3,}", "N", re.sub(r"/build/[^/\s]+/", "/build/WAY/", l)) for l in buf
                    if l.strip() and not re.search(r"^\s*warning: |^make|^\s*(UTF-8|LANG|LC_)|setlocale|cannot change locale|"
                                                    r"^\d+(,\d+)?[acd]\d+(,\d+)?$|^---$|File exists", l)]
            if not body:
                out.append(("PASS", cur))
            else:
                h = hashlib.md5("\n".join(body).encode()).hexdigest()[:8]
                out.append(("DIFF:%s" % h, cur))

    for line in lines:
        m = re.match(r"(run-[A-Za-z0-9_.-]+)$", line)
        if m and m.group(1) != "run-all":
            flush()
            cur, buf = "bash-tests/" + m.group(1), []
            section_tests["."] += 1
        elif line.startswith("=== exit") or re.match(r"make(\[\d+\])?: Leaving directory .*tests", line):
            flush()
            cur, buf = None, []
        elif cur:
            buf.append(line)
    flush()
    for sec, rc in exits.items():
        has_trs = any(n == sec or n.startswith(sec.rstrip("/") + "/") or sec == "." for _, n in out)
        if section_tests[sec] == 0 and not has_trs:
            out.append(("PASS" if rc == 0 else "FAIL", "%s/make-check-exit" % sec))
    for st, name in sorted(out, key=lambda x: x[1]):
        print(st, name)


def read_tests(path):
    tests = {}
    try:
        for line in open(path, errors="replace"):
            st, _, name = line.rstrip("\n").partition(" ")
            if name:
                tests[name] = st
    except OSError:
        pass
    return tests


# ----------------------------------------------------------------- one result
# compiler warnings only (file:line:column: or the driver's own), not doxygen's
WARN_RE = re.compile(r"(\S+:\d+:\d+: warning: .*|\b(?:gcc|cc1|cc1plus|clang|clang\+\+)(?:-\d+)?: warning: .*)")
ICE_RE = re.compile(r"internal compiler error|PLEASE submit a bug report|Please submit a full bug report|"
                    r"clang frontend command failed|compiler exited with signal|cc1(plus)?: .*(Segmentation fault|Killed)")
ERROR_SITE_RE = re.compile(r"^(\S+?):(\d+):(?:(\d+):)? (?:fatal )?error: ")


def read_file(path):
    try:
        return open(path, errors="replace").read()
    except OSError:
        return ""


def load(res_dir, pkg, way):
    d = os.path.join(res_dir, pkg, way)
    env_txt = read_file(os.path.join(d, "result.env"))
    if not env_txt:
        return None
    env = dict(l.split("=", 1) for l in env_txt.splitlines() if "=" in l)
    info = dict(l.split("=", 1) for l in read_file(os.path.join(d, "info")).splitlines() if "=" in l)
    r = {"pkg": pkg, "way": way, "dir": d, "build_ok": env.get("build_rc") == "0",
         "build_rc": env.get("build_rc"), "test_rc": env.get("test_rc"), "commit": info.get("plugin_commit", "")}
    t = read_file(os.path.join(d, "time")).split()
    try:
        nums = [float(x) for x in t[-3:]]
        r["cpu"] = nums[0] + nums[1]
        r["wall"] = nums[2]
    except (ValueError, IndexError):
        r["cpu"] = None
    r["tests"] = read_tests(os.path.join(d, "tests.txt"))
    blog = read_file(os.path.join(d, "build.log"))
    tlog = read_file(os.path.join(d, "test.log"))
    prefix_re = re.compile(r"/[^\s:'\"]*/build/%s/%s/src/" % (re.escape(way), re.escape(pkg)))
    warns = collections.Counter()
    fortify_warns = 0
    for line in blog.splitlines():
        m = WARN_RE.search(line)
        if m:
            line = prefix_re.sub("", m.group(1))
            line = re.sub(r"-fplugin(-arg-fortify-[a-z]+)?=\S+", "-fplugin=…", line)
            # the same warning on glibc's checked builtin or the plain one
            line = re.sub(r"__builtin___(\w+)_chk|__builtin_(\w+)", lambda m: m.group(1) or m.group(2), line)
            if "[fortify]" in line:
                fortify_warns += 1
            else:
                warns[line.strip()] += 1
    r["warnings"] = warns
    r["fortify_warnings"] = fortify_warns
    r["ice"] = [l for l in blog.splitlines() if ICE_RE.search(l)]
    # false stops: traps of this package's programs (or configure probes),
    # the plugin's own messages, killed-by-signal messages in the test logs
    own = set(read_file(os.path.join(d, "own-files.txt")).split())
    traps = []
    for line in read_file(os.path.join(d, "traps.txt")).splitlines():
        m = re.search(r"traps: (.+?)\[\d+\].* in ([^\[\s]+)\[", line)
        if not m:
            continue
        comm, obj = m.group(1), m.group(2)
        if comm.startswith("conftest") or comm in own or obj in own or obj.startswith(("libz", "lib" + pkg.split("-")[0])) or comm[:15] in {o[:15] for o in own}:
            traps.append(line)
    r["traps"] = traps
    r["fortify_msgs"] = len(re.findall(r"^fortify: ", tlog + "\n" + blog, re.M))
    sig = r"Illegal instruction|SIGILL|SIGABRT|Aborted|core dumped|\*\*\* buffer overflow detected"
    r["sig_msgs"] = len(re.findall(sig, tlog)) + len(re.findall(sig, blog))
    # installed copies of headers (debian/tmp, debian/<binary package>) are not configure results
    r["config"] = {l for l in read_file(os.path.join(d, "config.txt")).splitlines()
                   if not re.match(r"\./debian/[^/]+/usr/", l)}
    r["coverage_file"] = os.path.join(d, "coverage.jsonl")
    r["compiler_cmd"] = next((l for l in read_file(os.path.join(d, "info")).splitlines() if l.startswith("env=")), "")
    return r


PROBE_RE = re.compile(r"conftest|CMakeTmp|CMakeScratch|CMakeFiles/|try_compile")
STD_KEYS = {"compiler", "tu", "function", "file", "line", "column", "caller", "check", "status", "level"}


def coverage(r, tool):
    """Coverage of the package's own code (configure probes left out)."""
    path = r["coverage_file"]
    if not os.path.exists(path):
        return None
    kept, probes, system, extra = [], 0, 0, collections.Counter()
    for line in open(path, errors="replace"):
        try:
            rec = json.loads(line)
        except ValueError:
            continue
        if PROBE_RE.search(rec.get("tu", "")):
            probes += 1
            continue
        if rec.get("file", "").startswith("/usr/include"):
            system += 1
        if "by" in rec:  # which fortification made the check (issue 10 item 4)
            extra["%s/%s" % (rec["by"], rec.get("status"))] += 1
        kept.append(line)
    res = {"records": len(kept), "probe_records": probes, "system_header_records": system, "extra": dict(extra)}
    if kept and tool and os.path.exists(tool):
        filt = path + ".package"
        with open(filt, "w") as f:
            f.writelines(kept)
        js = path + ".json"
        p = subprocess.run([tool, "--json=" + js, filt], stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True)
        try:
            j = json.load(open(js))
            res["cov"] = j.get("coverage")
            res["read"] = j.get("read")
            res["write"] = j.get("write")  # write checks, and the C library's alone (issue 10 item 4)
            res["write_libc"] = j.get("write_libc_alone")
        except (OSError, ValueError):
            res["error"] = p.stderr.strip()[:200]
    return res


def counts(tests):
    c = collections.Counter()
    for st in tests.values():
        c[{"PASS": "pass", "XFAIL": "pass", "SKIP": "skip"}.get(st, "fail")] += 1
    return c


def fmt_cov(c):
    if not c:
        return "–"
    out = []
    if c.get("cov"):
        out.append("%s%% of %d" % (c["cov"].get("coverage"), c["cov"].get("sites", 0)))
    return "; ".join(out) or "%d rec" % c["records"]


def fmt_write(c):
    if not c or not c.get("write") or not c.get("write_libc") or not c["write"].get("sites"):
        return "–"
    return "%d → %d of %d" % (c["write_libc"].get("protected", 0), c["write"].get("protected", 0), c["write"]["sites"])


def fmt_read(c):
    if not c or not c.get("read") or not c["read"].get("sites"):
        return "–"
    return "%s%% of %d" % (c["read"].get("coverage"), c["read"]["sites"])


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--collect-tests")
    ap.add_argument("--test-log")
    ap.add_argument("--results")
    ap.add_argument("--coverage-tool")
    ap.add_argument("--packages", default="")
    ap.add_argument("--out")
    ap.add_argument("--json")
    ap.add_argument("--all-rows", action="store_true", help="also one row per package and way")
    a = ap.parse_args()
    if a.collect_tests:
        collect_tests(a.collect_tests, a.test_log)
        return 0
    res_dir = a.results
    pkgs = a.packages.split() or sorted(os.listdir(res_dir))
    pkgs += [p for p in sorted(os.listdir(res_dir)) if p not in pkgs and os.path.isdir(os.path.join(res_dir, p))]
    rows, details, misses = [], [], collections.Counter()
    wrows = {w: [] for w in REF}
    ratios = {w: [] for w in REF}
    totals = {w: collections.Counter() for w in WAYS}
    cpu = {w: [0.0, 0.0] for w in REF}
    commits = set()
    allj = {}
    for pkg in pkgs:
        loaded = {w: load(res_dir, pkg, w) for w in WAYS}
        for w in WAYS:
            r = loaded[w]
            if r is None:
                continue
            ref = loaded.get(REF.get(w, ""), None)
            c = counts(r["tests"])
            build = "ok" if r["build_ok"] else "**FAIL**"
            regress, fixed, stops, ice, neww, cfg, ratio = [], [], [], r["ice"], [], [], None
            if w in REF:
                commits.add(r["commit"])
                if ref is not None:
                    if ref["build_ok"] and not r["build_ok"]:
                        misses["build break"] += 1
                    for name, st in r["tests"].items():
                        rs = ref["tests"].get(name)
                        bad = st not in ("PASS", "XFAIL", "SKIP")
                        if bad and rs in ("PASS", "XFAIL"):
                            regress.append(name)
                        elif bad and st.startswith("DIFF") and rs and rs.startswith("DIFF") and st != rs:
                            regress.append(name + " (other output)")
                        elif bad and rs is None and ref["tests"]:
                            regress.append(name + " (new failure)")
                        elif not bad and rs not in (None, "PASS", "XFAIL", "SKIP"):
                            fixed.append(name)
                    if r["build_ok"]:  # a suite that stopped early: its tests did not run
                        regress += [n + " (not run)" for n, rs in ref["tests"].items()
                                    if rs in ("PASS", "XFAIL") and n not in r["tests"]]
                    neww = sorted((r["warnings"] - ref["warnings"]).elements())
                    cfg = sorted(("-" + l) for l in ref["config"] - r["config"]) + sorted(("+" + l) for l in r["config"] - ref["config"])
                    cfg = [l for l in cfg if "CMAKE_C_COMPILER" not in l]
                    if r.get("cpu") and ref.get("cpu") and r["build_ok"] and ref["build_ok"]:
                        ratio = r["cpu"] / ref["cpu"]
                        cpu[w][0] += r["cpu"]
                        cpu[w][1] += ref["cpu"]
                        ratios[w].append(ratio)
                stops = r["traps"]
                nstops = len(stops) + r["fortify_msgs"] + max(0, r["sig_msgs"] - (ref["sig_msgs"] if ref else 0))
                if regress:
                    misses["test regression"] += len(regress)
                if nstops:
                    misses["false stop"] += nstops
                if ice:
                    misses["compiler crash"] += len(ice)
                if cfg:  # a configure probe that behaves differently: a silent false stop
                    misses["configure difference (package)"] += 1
            else:
                nstops = len(r["traps"])
            cov = coverage(r, a.coverage_tool) if w in REF else None
            vs = "–"
            if w in REF and ref is not None and r["build_ok"] and ref["build_ok"]:
                vs = "same" if not regress else "**%d regressed**" % len(regress)
                if fixed:
                    vs += " (%d only-baseline fails)" % len(fixed)
            cpu_s = "%.0f" % r["cpu"] if r.get("cpu") is not None else "–"
            ratio_s = "%+.1f%%" % ((ratio - 1) * 100) if ratio else "–"
            row = [pkg, w, build, "%d/%d/%d" % (c["pass"], c["fail"], c["skip"]), vs,
                   str(nstops) if w in REF else ("(%d)" % nstops if nstops else "–"),
                   str(len(ice)) if w in REF else "–",
                   str(r["fortify_warnings"]) if w in REF else "–",
                   str(len(neww)) if w in REF else "–",
                   str(len(cfg)) if w in REF else "–",
                   fmt_cov(cov), fmt_write(cov), fmt_read(cov), cpu_s, ratio_s]
            rows.append(row)
            if w in REF:  # the per-compiler table: one row a package, beside its reference
                rc = counts(ref["tests"]) if ref else collections.Counter()
                wrows[w].append([
                    pkg,
                    "%s / %s" % ("ok" if ref and ref["build_ok"] else "**fail**" if ref else "–",
                                 "ok" if r["build_ok"] else "**fail**"),
                    "%s → %d/%d/%d" % ("%d/%d/%d" % (rc["pass"], rc["fail"], rc["skip"]) if ref else "–",
                                       c["pass"], c["fail"], c["skip"]),
                    vs, str(nstops), str(len(ice)), str(r["fortify_warnings"]), str(len(neww)), str(len(cfg)),
                    fmt_cov(cov), fmt_write(cov), fmt_read(cov),
                    "%s → %s (%s)" % ("%.0f" % ref["cpu"] if ref and ref.get("cpu") else "–", cpu_s, ratio_s)])
            t = totals[w]
            t["packages"] += 1
            t["built"] += r["build_ok"]
            t["pass"] += c["pass"]; t["fail"] += c["fail"]; t["skip"] += c["skip"]
            t["regress"] += len(regress); t["stops"] += nstops; t["ice"] += len(ice)
            t["fortify_warnings"] += r["fortify_warnings"]; t["new_warnings"] += len(neww); t["config"] += len(cfg)
            if cov and cov.get("cov"):
                t["sites"] += cov["cov"].get("sites", 0); t["protected"] += cov["cov"].get("protected", 0)
            if cov and cov.get("write") and cov.get("write_libc"):
                t["wsites"] += cov["write"].get("sites", 0); t["wplugin"] += cov["write"].get("protected", 0)
                t["wlibc"] += cov["write_libc"].get("protected", 0)
            if cov and cov.get("read"):
                t["rsites"] += cov["read"].get("sites", 0) or 0; t["rprotected"] += cov["read"].get("protected", 0) or 0
            d = []
            if not r["build_ok"]:
                errs = [l for l in read_file(os.path.join(r["dir"], "build.log")).splitlines() if ERROR_SITE_RE.search(l) or "error:" in l][:5]
                d.append("build failed (rc %s): %s" % (r["build_rc"], " | ".join(errs) or "see build.log"))
            if regress:
                d.append("test regressions: " + ", ".join(regress[:20]) + (" …" if len(regress) > 20 else ""))
            if w in REF and stops:
                d.append("traps (SIGILL): %d, e.g. %s" % (len(stops), "; ".join(s.split("traps: ")[-1][:90] for s in stops[:4])))
            if w in REF and (r["fortify_msgs"] or r["sig_msgs"]):
                d.append("'fortify:' messages %d, signal messages in test log %d (reference %d)" % (r["fortify_msgs"], r["sig_msgs"], ref["sig_msgs"] if ref else 0))
            if ice:
                d.append("compiler crash: " + " | ".join(ice[:3]))
            if neww:
                d.append("new warnings (%d): %s" % (len(neww), " | ".join(neww[:4])))
            if cfg:
                d.append("configure differences (%d): %s" % (len(cfg), " | ".join(cfg[:6])))
            if cov and cov.get("extra"):
                d.append("records by " + ", ".join("%s %d" % kv for kv in sorted(cov["extra"].items())))
            if cov:
                d.append("coverage records: %d of the package (%d in /usr/include wrapper bodies), %d from configure probes left out" % (cov["records"], cov["system_header_records"], cov["probe_records"]))
            if d:
                details.append("- **%s / %s**: " % (pkg, w) + "; ".join(d))
            allj["%s/%s" % (pkg, w)] = {"build_ok": r["build_ok"], "tests": dict(c), "regressions": regress,
                                        "false_stops": nstops, "ice": len(ice), "fortify_warnings": r["fortify_warnings"],
                                        "new_warnings": neww, "config_diff": cfg, "coverage": cov, "cpu": r.get("cpu"),
                                        "cpu_ratio": ratio}
    out = []
    out.append("plugins measured at: %s" % (", ".join(sorted(c for c in commits if c)) or "?"))
    out.append("")
    for w in REF:
        if not wrows[w]:
            continue
        out.append("**%s** (reference: %s)" % ({"gcc": "GCC plugin", "clang": "Clang plugin"}[w], REF[w]))
        out.append("")
        out.append("| package | build ref / plugin | tests pass/fail/skip ref → plugin | tests vs reference | false stops | compiler crashes | `[fortify]` warnings | new warnings | configure diffs | coverage (glibc's size checks) | glibc alone → with plugin | read coverage | build CPU s ref → plugin |")
        out.append("|---|---|---|---|---|---|---|---|---|---|---|---|---|")
        for row in wrows[w]:
            out.append("| " + " | ".join(row) + " |")
        out.append("")
    if a.all_rows:
        out.append("| package | way | build | tests pass/fail/skip | tests vs reference | false stops | compiler crashes | `[fortify]` warnings | new warnings | configure diffs | coverage (glibc's size checks) | glibc alone → with plugin | read coverage | build CPU s | CPU vs reference |")
        out.append("|---|---|---|---|---|---|---|---|---|---|---|---|---|---|---|")
        for row in rows:
            out.append("| " + " | ".join(row) + " |")
        out.append("")
    out.append("| way | packages built | tests pass/fail/skip | test regressions | false stops | compiler crashes | `[fortify]` warnings | new warnings | configure diffs | coverage | write sites: glibc alone → with plugin | read coverage | build CPU vs reference (sum) |")
    out.append("|---|---|---|---|---|---|---|---|---|---|---|---|---|")
    for w in WAYS:
        t = totals[w]
        if not t["packages"]:
            continue
        cov_s = "%.1f%% of %d" % (100.0 * t["protected"] / t["sites"], t["sites"]) if t["sites"] else "–"
        rcov_s = "%.1f%% of %d" % (100.0 * t["rprotected"] / t["rsites"], t["rsites"]) if t["rsites"] else "–"
        cpu_s = "–"
        if w in REF and cpu[w][1]:
            pct = (cpu[w][0] / cpu[w][1] - 1) * 100
            rs = sorted(ratios[w])
            med = (rs[len(rs) // 2] + rs[(len(rs) - 1) // 2]) / 2 if rs else 1
            cpu_s = "sum %+.2f%% (%.0f s vs %.0f s), median %+.1f%%; target ≤ %+.0f%%" % (
                pct, cpu[w][0], cpu[w][1], (med - 1) * 100, CPU_TARGET[w])
            if pct > CPU_TARGET[w]:
                misses["build CPU over target (%s)" % w] += 1
        isref = w not in REF
        wcov_s = "%d → %d of %d" % (t["wlibc"], t["wplugin"], t["wsites"]) if t["wsites"] else "–"
        out.append("| %s | %d/%d | %d/%d/%d | %s | %s | %s | %s | %s | %s | %s | %s | %s | %s |" % (
            w, t["built"], t["packages"], t["pass"], t["fail"], t["skip"],
            "–" if isref else t["regress"], "–" if isref else t["stops"], "–" if isref else t["ice"],
            "–" if isref else t["fortify_warnings"], "–" if isref else t["new_warnings"], "–" if isref else t["config"],
            cov_s, wcov_s, rcov_s, cpu_s))
    out.append("")
    out.append("Targets missed: " + (", ".join("%s %d" % kv for kv in sorted(misses.items())) or "none"))
    if details:
        out.append("")
        out.append("Details:")
        out.append("")
        out.extend(details)
    text = "\n".join(out) + "\n"
    sys.stdout.write(text)
    if a.out:
        open(a.out, "w").write(text)
    if a.json or a.out:
        json.dump(allj, open(a.json or (a.out.rsplit(".", 1)[0] + ".json"), "w"), indent=1, default=list)
    hard = sum(v for k, v in misses.items() if not k.startswith("build CPU"))
    return 1 if hard else 0


if __name__ == "__main__":
    sys.exit(main())
