#!/usr/bin/env python3
"""Checks a plugin's pass table in docs/ against the plugin's sources.

The table sits between <!-- passes-table-begin --> and <!-- passes-table-end -->;
its header names the columns (pass, where, file, and for Clang `-passes=`).

  check-pass-docs.py gcc DOC SRC [--dump-passes FILE]
    every pass_data name of SRC/gcc-plugin/*.cpp has a row with the file that
    defines it; every registration in plugin.cpp (make...Pass(...), "ref",
    PASS_POS_...) has its own row whose `where` says "before `ref`" or
    "after `ref`" (and "every" for instance 0). With the output of
    `gcc -fdump-passes`, the rows must be in the order of their reference
    passes in GCC's pipeline.

  check-pass-docs.py clang DOC SRC [--opt OPT --plugin-file SO] [--pass-log FILE]...
    every PassInfoMixin class of SRC/clang-plugin has a row with the file
    that defines its run(), the extension points (register...EPCallback)
    that add it, and every name the -passes= parser recognises (pass-name
    constants, literals compared in the parsing code). With opt
    and the plugin, each name in the table runs its row's class; with a
    -fdebug-pass-manager log, the rows are in the order the passes ran.

Exit status 1 with one line per problem; the patterns below are what the
sources look like today: when a refactoring changes that, the script says it
found nothing rather than passing.
"""
import argparse
import glob
import os
import re
import shlex
import subprocess
import sys

problems = []


def problem(message):
    problems.append(message)


def read(path):
    with open(path, encoding="utf-8") as f:
        return f.read()


def code_spans(cell):
    return re.findall(r"`([^`]+)`", cell)


def doc_rows(doc):
    text = read(doc)
    match = re.search(r"^<!-- passes-table-begin -->\n(.*?)^<!-- passes-table-end -->$", text, re.M | re.S)
    if not match:
        sys.exit("%s: no <!-- passes-table-begin --> ... <!-- passes-table-end --> table" % doc)
    lines = [line.strip() for line in match.group(1).splitlines() if line.strip()]
    split = lambda line: [cell.strip() for cell in line.strip("|").split("|")]
    header = [cell.strip("`").lower() for cell in split(lines[0])]
    rows = []
    for line in lines[2:]:
        cells = split(line)
        if len(cells) != len(header):
            problem("%s: row with %d cells, the header has %d: %s" % (doc, len(cells), len(header), line))
            continue
        row = dict(zip(header, cells))
        spans = code_spans(row.get("pass", ""))
        row["name"] = spans[0] if len(spans) == 1 else None
        if row["name"] is None:
            problem("%s: the pass cell must be one `name`: %s" % (doc, line))
        rows.append(row)
    for column in ("pass", "where", "file", "what"):
        if column not in header:
            problem("%s: the pass table has no '%s' column" % (doc, column))
    return rows


def row_file_matches(row, path, directory):
    relative = os.path.relpath(path, os.path.dirname(directory))  # gcc-plugin/x.cpp
    return any(span in (os.path.basename(path), relative) for span in code_spans(row.get("file", "")))


# ---- GCC ------------------------------------------------------------------

def gcc_pass_names(directory):
    """pass name -> file, from `const pass_data kX = { GIMPLE_PASS, "name", ...`."""
    names = {}
    for path in sorted(glob.glob(os.path.join(directory, "*.cpp")) + glob.glob(os.path.join(directory, "*.h"))):
        for name in re.findall(r"\bpass_data\s+\w+\s*=\s*\{\s*\w+\s*,\s*\"([^\"]+)\"", read(path)):
            if name in names:
                problem("pass name '%s' defined in both %s and %s" % (name, names[name], path))
            names[name] = path
    if not names:
        problem("no pass_data found in %s/*.cpp: update test/tools/check-pass-docs.py" % directory)
    return names


def gcc_registrations(directory, names):
    """[(pass name, position, reference, instance)] in plugin.cpp's order."""
    makers = {}  # make...Pass -> the pass name of the file defining it
    for path in glob.glob(os.path.join(directory, "*.cpp")):
        for maker in re.findall(r"\bopt_pass\s*\*\s*(make\w+)\s*\([^;{]*\)\s*\{", read(path)):
            in_file = [name for name, where in names.items() if where == path]
            if len(in_file) == 1:
                makers[maker] = in_file[0]
            else:
                problem("%s defines %s and %d pass_data: cannot tell which it makes" % (path, maker, len(in_file)))
    registrations = []
    plugin = os.path.join(directory, "plugin.cpp")
    pattern = (r"\b(make\w+)\s*\((?:[^()]|\([^()]*\))*\)\s*,\s*\"(\w+)\"\s*,\s*"
               r"PASS_POS_(INSERT_BEFORE|INSERT_AFTER|REPLACE)\s*(?:,\s*(\d+))?\s*\)")
    for maker, reference, position, instance in re.findall(pattern, read(plugin)):
        if maker not in makers:
            problem("plugin.cpp registers %s, defined in no file with one pass_data" % maker)
            continue
        registrations.append((makers[maker], position, reference, int(instance or 1)))
    if not registrations:
        problem("no pass registration (make...Pass(...), \"ref\", PASS_POS_...) found in %s: "
                "update test/tools/check-pass-docs.py" % plugin)
    for name in names:
        if name not in [r[0] for r in registrations]:
            problem("pass '%s' (%s) is never registered in plugin.cpp" % (name, os.path.basename(names[name])))
    return registrations


def where_text(position, reference, instance):
    word = {"INSERT_BEFORE": "before", "INSERT_AFTER": "after", "REPLACE": "instead of"}[position]
    return "%s %s`%s`" % (word, "every " if instance == 0 else "", reference)


def check_gcc(doc, source, dump_passes):
    directory = os.path.join(source, "gcc-plugin")
    names = gcc_pass_names(directory)
    registrations = gcc_registrations(directory, names)
    rows = doc_rows(doc)
    for row in rows:
        if row["name"] and row["name"] not in names:
            problem("%s: pass `%s` is in the table but no pass_data has that name" % (doc, row["name"]))
    unmatched = list(rows)
    for name, position, reference, instance in registrations:
        where = where_text(position, reference, instance)
        found = [row for row in unmatched if row["name"] == name and where in row["where"]]
        if not found:
            problem("%s: no row for pass `%s` registered %s (in %s): add `| `%s` | %s | `%s` | ... |`"
                    % (doc, name, where, os.path.basename(names[name]), name, where,
                       os.path.basename(names[name])))
            continue
        row = found[0]
        unmatched.remove(row)
        if not row_file_matches(row, names[name], directory):
            problem("%s: pass `%s`: file should be `%s`, the table says %s"
                    % (doc, name, os.path.basename(names[name]), row["file"]))
        row["reference"] = (position, reference)
    for name, path in sorted(names.items()):
        if not any(row["name"] == name and row_file_matches(row, path, directory) for row in rows):
            problem("%s: no row for pass `%s` with its file `%s`" % (doc, name, os.path.basename(path)))
    for row in unmatched:
        if row["name"] in names:
            problem("%s: row for `%s` (%s) matches no registration in plugin.cpp" % (doc, row["name"], row["where"]))
    if dump_passes:
        check_gcc_order(doc, rows, read(dump_passes))
    return len(registrations)


def check_gcc_order(doc, rows, dump):
    # "   tree-objsz1      :  ON": GCC's pipeline, nested passes indented.
    pipeline = []
    for line in dump.splitlines():
        match = re.match(r"\s*\*?(?:[a-z-]+?-)?([\w ]+?)\d*\s*:\s*(ON|OFF)\s*$", line)
        if match:
            pipeline.append(match.group(1))
    previous = None
    for row in rows:
        if "reference" not in row:
            continue
        position, reference = row["reference"]
        if reference not in pipeline:
            problem("gcc -fdump-passes shows no pass '%s' (the reference of `%s`)" % (reference, row["name"]))
            continue
        key = pipeline.index(reference) + (-0.5 if position == "INSERT_BEFORE" else 0.5)
        if previous and key < previous[0]:
            problem("%s: `%s` (%s) runs before `%s` (%s) in GCC's pipeline: swap the rows"
                    % (doc, row["name"], row["where"], previous[1]["name"], previous[1]["where"]))
        previous = (key, row)


# ---- Clang ----------------------------------------------------------------

def clang_passes(directory):
    """class -> {"file": path of run(), "eps": set of extension points}."""
    sources = sorted(glob.glob(os.path.join(directory, "*.h")) + glob.glob(os.path.join(directory, "*.cpp")))
    passes = {}
    for path in sources:
        for cls in re.findall(r"\b(?:class|struct)\s+(\w+)\s*(?:final\s*)?:\s*public\s+(?:llvm::)?PassInfoMixin\s*<\s*(\w+)\s*>",
                              read(path)):
            if cls[0] == cls[1]:
                passes[cls[0]] = {"eps": set()}
    if not passes:
        problem("no PassInfoMixin class found in %s: update test/tools/check-pass-docs.py" % directory)
    for cls, info in passes.items():
        files = [path for path in sources if path.endswith(".cpp") and
                 re.search(r"\b%s::run\s*\(" % cls, read(path))]
        if len(files) != 1:
            problem("%s::run is defined in %d files of %s" % (cls, len(files), directory))
        info["file"] = files[0] if files else None
    for path in sources:
        text = read(path)
        # PassBuilder's register...EPCallback, or llvm-compat.h's wrapper
        # registerOptimizerEarly (OptimizerEarlyEP where LLVM has it).
        starts = [m for m in re.finditer(
            r"\bregister(\w+EP)Callback\s*\(|\bregister(OptimizerEarly)\(builder", text)]
        for index, match in enumerate(starts):
            end = starts[index + 1].start() if index + 1 < len(starts) else len(text)
            chunk = text[match.end():end]
            chunk = chunk[:chunk.find("\n}")] if "\n}" in chunk else chunk
            for cls in passes:
                if re.search(r"\b%s\s*[({]" % cls, chunk):
                    passes[cls]["eps"].add(match.group(1) or match.group(2) + "EP")
    return passes


def clang_pipeline_names(directory):
    """The words the -passes= parser knows: the pass names (constants
    `kXPassName = "name"`, or literals the parser compares names with) and
    the parameters compared as literals, in the file that registers the
    pipeline parsing callback and the one that parses pass parameters."""
    words = set()
    for path in glob.glob(os.path.join(directory, "*.cpp")) + glob.glob(os.path.join(directory, "*.h")):
        text = read(path)
        words.update(re.findall(r"\bk\w*PassName\s*=\s*\"([A-Za-z][\w-]*)\"", text))
        if "registerPipelineParsingCallback" not in text and "PassParameters" not in text:
            continue
        for word in re.findall(r"(?:consume_front|starts_with|startswith|equals|Case)\s*\(\s*\"([^\"]*)\"|==\s*\"([^\"]*)\"",
                               text):
            word = word[0] or word[1]
            if re.match(r"^[A-Za-z][\w-]*$", word):
                words.add(word)
    if not words:
        problem("no -passes= names found in %s (registerPipelineParsingCallback): "
                "update test/tools/check-pass-docs.py" % directory)
    return words


def pipeline_spans(row):
    return code_spans(row.get("-passes=", ""))


def span_words(span):
    match = re.match(r"^([\w-]+)(?:<(.*)>)?$", span)
    if not match:
        return set()
    words = {match.group(1)}
    for item in (match.group(2) or "").split(";"):
        words.add(item.split("=")[0].strip())
    return words


def check_clang(doc, source, opt, plugin, pass_logs):
    directory = os.path.join(source, "clang-plugin")
    passes = clang_passes(directory)
    words = clang_pipeline_names(directory)
    rows = doc_rows(doc)
    by_name = {}
    for row in rows:
        if row["name"] in by_name:
            problem("%s: two rows for `%s`" % (doc, row["name"]))
        by_name[row["name"]] = row
        if row["name"] and row["name"] not in passes:
            problem("%s: pass `%s` is in the table but no PassInfoMixin class has that name" % (doc, row["name"]))
    for cls, info in sorted(passes.items()):
        file = os.path.basename(info["file"]) if info["file"] else "?"
        row = by_name.get(cls)
        if not row:
            problem("%s: no row for pass `%s` (%s, %s): add `| `%s` | `name` | %s | `%s` | ... |`"
                    % (doc, cls, file, ", ".join(sorted(info["eps"])) or "no extension point", cls,
                       ", ".join("`%s`" % ep for ep in sorted(info["eps"])), file))
            continue
        if info["file"] and not row_file_matches(row, info["file"], directory):
            problem("%s: pass `%s`: file should be `%s`, the table says %s" % (doc, cls, file, row["file"]))
        for ep in sorted(info["eps"]):
            if "`%s`" % ep not in row["where"]:
                problem("%s: pass `%s` is added at %s: the where column says %s" % (doc, cls, ep, row["where"]))
        if not pipeline_spans(row):
            problem("%s: pass `%s` has no `-passes=` name in the table" % (doc, cls))
    documented = set()
    for row in rows:
        for span in pipeline_spans(row):
            documented |= span_words(span)
    for word in sorted(words - documented):
        problem("%s: the -passes= parser knows '%s', which no row's `-passes=` cell shows" % (doc, word))
    if opt and plugin:
        check_clang_names(doc, rows, passes, opt, plugin)
    for log in pass_logs:
        check_clang_order(doc, rows, passes, log, read(log))
    return len(passes)


def check_clang_names(doc, rows, passes, opt, plugin):
    module = "define void @f() {\n  ret void\n}\n"
    for row in rows:
        for span in pipeline_spans(row):
            run = subprocess.run(shlex.split(opt) + ["-load-pass-plugin=" + plugin, "-passes=" + span, "-debug-pass-manager",
                                  "-disable-output"], input=module, capture_output=True, text=True)
            ran = re.findall(r"Running pass: (?:\w+::)*(\w+) on", run.stdout + run.stderr)
            ran = [cls for cls in ran if cls in passes]
            if run.returncode != 0 or ran != [row["name"]]:
                problem("%s: opt -passes='%s' runs %s, the table says `%s`%s"
                        % (doc, span, ", ".join(ran) or "nothing of the plugin", row["name"],
                           (" (" + run.stderr.strip().splitlines()[-1] + ")") if run.returncode and run.stderr.strip() else ""))


def check_clang_order(doc, rows, passes, path, log):
    order = []
    for cls in re.findall(r"Running pass: (?:\w+::)*(\w+) on", log):
        if cls in passes and cls not in order:
            order.append(cls)
    if not order:
        problem("%s shows none of the plugin's passes" % path)
    table = [row["name"] for row in rows if row["name"] in order]
    if table != order:
        problem("%s: the passes run in the order %s (%s), the table lists %s"
                % (doc, ", ".join(order), path, ", ".join(table)))


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("plugin", choices=["gcc", "clang"])
    parser.add_argument("doc")
    parser.add_argument("source", help="the source tree (containing gcc-plugin/, clang-plugin/)")
    parser.add_argument("--dump-passes", help="gcc: output of gcc -fdump-passes")
    parser.add_argument("--opt", help="clang: opt and its options (one shell word list), to run each -passes= name")
    parser.add_argument("--plugin-file", help="clang: the pass plugin opt loads")
    parser.add_argument("--pass-log", action="append", default=[],
                        help="clang: output of clang -Xclang -fdebug-pass-manager (repeatable)")
    args = parser.parse_args()
    if args.plugin == "gcc":
        count = check_gcc(args.doc, args.source, args.dump_passes)
    else:
        count = check_clang(args.doc, args.source, args.opt, args.plugin_file, args.pass_log)
    for message in problems:
        print("error: " + message)
    if problems:
        return 1
    print("%s: all %d %s in the table" % (args.doc, count, "registrations" if args.plugin == "gcc" else "passes"))
    return 0


if __name__ == "__main__":
    sys.exit(main())
