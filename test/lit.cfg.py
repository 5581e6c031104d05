# lit configuration for fortify-plugins. Substitutions:
#   %gcc-fortify / %gxx-fortify            gcc / g++ with the GCC plugin loaded
#   %musl-gcc-fortify                      musl-gcc with the GCC plugin loaded
#   %clang-fortify / %clangxx-fortify      clang / clang++ of the plugin's LLVM (19 by default) with the Clang plugin loaded
#   %musl-clang-fortify                    that clang against musl's headers, linked with musl
#   %clang, %clangxx, %opt                 that LLVM's clang, clang++ and opt, without the plugin
#                                          (%opt reads opaque pointers on LLVM 14 too)
#   %opaque-pointers                       -mllvm -opaque-pointers on LLVM 14 (for -fpass-plugin= alone), else nothing
#   %clang-plugin / %gcc-plugin            the plugin files themselves
#   %run-cases                             runs a test/Inputs/cases.h program through its cases
#   %level3-stop PROGRAM ARGS              runs a case only level 3 stops: stopped (note: level=3),
#                                          or on GCC 11's builds not stopped (note: level=2)
#   %gcc-level3                            the level GCC's level 3 checks at and records: 3, or 2 on GCC 11
#   %fortify-rules, %docs                  the rule-table printer, the docs directory
#   %fortify-coverage                      the coverage report tool (tools/coverage)
#   %fortify-advise                        the annotation adviser (tools/advise; feature advise)
# Features: gcc-plugin, clang-plugin (each present when that plugin was built), musl;
#   llvm-N for the LLVM the tests run (14, 15, 16, 19), llvm-ge-N for every N up to it,
#   so that a test can say what a version lacks (UNSUPPORTED: llvm-14) or pick
#   per-version CHECK prefixes (docs/CLANG-PLUGIN.md, "LLVM versions").
import os
import re
import shutil
import subprocess
import sys

import lit.formats

config.name = "fortify"
config.test_format = lit.formats.ShTest(execute_external=True)  # bash: tests use loops
config.suffixes = [".c", ".cpp", ".ll", ".test"]
config.excludes = ["Inputs", "unit", "tools", "CMakeLists.txt", "lit.cfg.py", "lit.site.cfg.py.in"]
config.test_source_root = os.path.dirname(__file__)
config.test_exec_root = os.path.join(config.fortify_obj_root, "test")

config.environment["PATH"] = os.pathsep.join([config.llvm_tools_dir, config.environment.get("PATH", "")])
for name in ("FORTIFY_OPTIONS", "FORTIFY_PLUGIN_OPTIONS", "CFLAGS", "CPPFLAGS", "LDFLAGS", "REALGCC"):
    config.environment.pop(name, None)

llvm_major = config.llvm_major
config.substitutions.append(("%llvm-major", str(llvm_major)))
config.available_features.add("llvm-%d" % llvm_major)
for n in range(14, llvm_major + 1):
    config.available_features.add("llvm-ge-%d" % n)

tools_dir = os.path.join(config.test_source_root, "tools")
inputs_dir = os.path.join(config.test_source_root, "Inputs")
config.substitutions.append(("%inputs", inputs_dir))
config.substitutions.append(("%fortify-rules", config.fortify_rules))
config.substitutions.append(("%fortify-coverage", config.fortify_coverage))
config.substitutions.append(("%docs", os.path.join(config.fortify_src_root, "docs")))
config.substitutions.append(("%run-cases", "%s %s" % (shutil.which("python3"), os.path.join(tools_dir, "run-cases.py"))))

# The plain compilers of that LLVM (substituted after the %clang-fortify
# family: lit replaces in order and %clang is a prefix of those).
late_substitutions = [
    ("%clangxx", os.path.join(config.llvm_tools_dir, "clang++")),
    ("%clang", os.path.join(config.llvm_tools_dir, "clang")),
]

# Each plugin that CMake built must exist: a missing one is a broken build,
# never a reason to skip its tests.
def require(path, what):
    if path and not os.path.exists(path):
        lit_config.fatal("%s not found at %s: build it first" % (what, path))
    return bool(path)

# fortify-advise exists where the Clang plugin was built (it is a libTooling
# tool): feature advise.
if require(config.fortify_advise, "fortify-advise"):
    config.available_features.add("advise")
    config.substitutions.append(("%fortify-advise", config.fortify_advise))

# `--param fortify_mode=chk` (or trap|abort|report): every plugin substitution
# compiles in that mode, so the same tests run in it (test/chk/mode-chk.test).
# In mode=chk the musl programs link libfortify_chk: glibc has the entry points,
# musl does not.
fortify_mode = lit_config.params.get("fortify_mode")
mode_flag = " -fplugin-arg-fortify-mode=%s" % fortify_mode if fortify_mode else ""
chk_dir = os.path.join(config.fortify_obj_root, "chk")
musl_chk = ""
if fortify_mode == "chk":
    config.available_features.add("mode-chk")
    # musl-gcc links dynamically: the shared library, found through the
    # run path; musl-clang links statically: the archive, whole, since it
    # comes before the objects on the command line.
    musl_gcc_chk = " -L%s -Wl,-rpath,%s -lfortify_chk" % (chk_dir, chk_dir)
    musl_clang_chk = " -Wl,--whole-archive %s -Wl,--no-whole-archive" % os.path.join(chk_dir, "libfortify_chk.a")
else:
    musl_gcc_chk = musl_clang_chk = ""
# %lit: this lit, to run a directory again with other parameters.
config.substitutions.append(("%lit", "%s %s" % (sys.executable, os.path.abspath(sys.argv[0]))))

# The GCC the GCC plugin was built for (FORTIFY_GCC): %gcc-fortify runs it,
# %gcc and %gxx run it without the plugin (objects a test links with it, LTO).
# Features gcc-N (its major version), gcc-dynamic-sizes (GCC 12 and later:
# level 3; GCC 11 checks level 3 as level 2) and gcc-reproducible-lto. Tests whose GIMPLE differs
# between versions use the check prefix %gcc-prefix (GCC11, GCC12 ...).
gcc = config.gcc or "gcc"
gxx = config.gxx or "g++"
gcc_major = int(config.gcc_version_major or 12)
# GCC 11 has no __builtin_dynamic_object_size: its level 3 is level 2, in
# what it stops and in what its notes and records say.
gcc_level3 = 3 if gcc_major >= 12 else 2
config.substitutions.append(("%gcc-level3", str(gcc_level3)))
config.substitutions.append(("%level3-stop", "%s %s --gcc-level3 %d" % (
    shutil.which("python3"), os.path.join(tools_dir, "level3-stop.py"), gcc_level3)))

# A cross compiler (FORTIFY_TARGET_EMULATOR set): every program a compiler
# links becomes a small script that runs it under the emulator
# (test/tools/emulated-cc), so that RUN lines run %t as they do natively.
# Feature: emulated. musl-gcc builds host programs, so %musl-gcc-fortify is
# the cross compiler again.
emulator = config.target_emulator
def target_compiler(command):
    if not emulator:
        return command
    return "%s %s %s" % (shutil.which("python3"), os.path.join(tools_dir, "emulated-cc"), command)
if emulator:
    config.available_features.add("emulated")
    config.environment["FORTIFY_TEST_EMULATOR"] = emulator

common_flags = "-g -Wno-stringop-overflow -Wno-array-bounds -Wno-fortify-source -Wno-unknown-warning-option"
if require(config.gcc_plugin, "GCC plugin"):
    config.available_features.add("gcc-plugin")
    config.available_features.add("gcc-%d" % gcc_major)
    if gcc_major >= 12:
        config.available_features.add("gcc-dynamic-sizes")
        # GCC 11's own -flto links differ between build directories, also
        # without the plugin (test/repro/objects.test).
        config.available_features.add("gcc-reproducible-lto")
    gcc_common = "-fplugin=%s -I%s -Wno-stringop-overflow -Wno-array-bounds -Wno-stringop-truncation -g" % (config.gcc_plugin, inputs_dir) + mode_flag
    config.substitutions.append(("%gcc-plugin", config.gcc_plugin))
    config.substitutions.append(("%gcc-prefix", "GCC%d" % gcc_major))
    config.substitutions.append(("%gcc-fortify", target_compiler(gcc + " " + gcc_common)))
    config.substitutions.append(("%gxx-fortify", target_compiler(gxx + " " + gcc_common)))
    # The other GCCs installed here (native and cross), which the plugin
    # must refuse with one line: %other-gccs, feature other-gcc.
    other_gccs = []
    this = os.path.realpath(shutil.which(gcc) or gcc)
    for name in ["gcc-%d" % v for v in range(9, 16)] + ["aarch64-linux-gnu-gcc-%d" % v for v in range(9, 16)]:
        path = shutil.which(name)
        if path and os.path.realpath(path) != this:
            other_gccs.append(name)
    if other_gccs:
        config.available_features.add("other-gcc")
    config.substitutions.append(("%other-gccs", " ".join(other_gccs)))
    if emulator:
        config.substitutions.append(("%musl-gcc-fortify", target_compiler(gcc + " " + gcc_common)))
    elif shutil.which("musl-gcc"):
        config.available_features.add("musl")
        config.substitutions.append(("%musl-gcc-fortify", "musl-gcc " + gcc_common + musl_gcc_chk))
        config.environment["REALGCC"] = gcc  # the GCC musl-gcc runs

if require(config.clang_plugin, "Clang plugin"):
    config.available_features.add("clang-plugin")
    clang_common = "-fplugin=%s -I%s -Wno-fortify-source -Wno-array-bounds -g" % (config.clang_plugin, inputs_dir) + mode_flag
    clang = os.path.join(config.llvm_tools_dir, "clang")
    clangxx = os.path.join(config.llvm_tools_dir, "clang++")
    if emulator:  # the GCC cross compiler's target, its libraries and linker
        clang += " --target=" + config.gcc_target
        clangxx += " --target=" + config.gcc_target
    config.substitutions.append(("%clang-plugin-dir", os.path.dirname(config.clang_plugin)))
    config.substitutions.append(("%clang-plugin", config.clang_plugin))
    config.substitutions.append(("%clangxx-fortify", target_compiler("%s %s" % (clangxx, clang_common))))
    config.substitutions.append(("%clang-fortify", target_compiler("%s %s" % (clang, clang_common))))
    # LLVM 14 reads `ptr` only with opaque pointers on; the plugin works on
    # opaque pointers only (as -fplugin= turns them on in clang-14).
    # %opaque-pointers: what clang-14 needs beside -fpass-plugin= alone. It
    # loads such a file only when it runs the optimiser, after it made the
    # module with typed pointers, so there the plugin cannot turn them on
    # itself (as it does for -fplugin=) and refuses with one error; on other
    # LLVMs it is empty.
    config.substitutions.append(("%opaque-pointers", "-mllvm -opaque-pointers" if llvm_major == 14 else ""))
    opt = os.path.join(config.llvm_tools_dir, "opt")
    config.substitutions.append(("%opt", opt + (" -opaque-pointers" if llvm_major == 14 else "")))
    if emulator:
        config.substitutions.append(("%musl-clang-fortify", target_compiler("%s %s" % (clang, clang_common))))
    elif shutil.which("musl-gcc"):
        config.substitutions.append(("%musl-clang-fortify", "%s %s %s" % (
            os.path.join(tools_dir, "musl-clang"), clang, clang_common + musl_clang_chk)))

# The report runtime (runtime/) and the compiler wrappers (tools/wrappers/):
#   %fortify-rt, %fortify-rt-shared, %fortify-rt-dir   libfortify_rt.a, libfortify_rt.so, their directory
#   %fortify-rt-include                                 the directory of fortify/runtime.h
#   %fortify-gcc, %fortify-g++, %fortify-clang, %fortify-clang++   build/bin's wrappers
# Feature: musl (also without the GCC plugin). Longer names come first: lit
# replaces in order and %fortify-rt is a prefix of %fortify-rt-shared.
for name in ("FORTIFY_MODE", "FORTIFY_GCC", "FORTIFY_GXX", "FORTIFY_CLANG", "FORTIFY_CLANGXX"):
    config.environment.pop(name, None)
if shutil.which("musl-gcc") and not emulator:
    config.available_features.add("musl")
rt_dir = config.fortify_rt_dir
require(os.path.join(rt_dir, "libfortify_rt.a"), "report runtime")
require(os.path.join(rt_dir, "libfortify_rt.so"), "report runtime")
config.substitutions.append(("%fortify-rt-shared", os.path.join(rt_dir, "libfortify_rt.so")))
config.substitutions.append(("%fortify-rt-include", os.path.join(config.fortify_src_root, "runtime", "include")))
config.substitutions.append(("%fortify-rt-dir", rt_dir))
config.substitutions.append(("%fortify-rt", os.path.join(rt_dir, "libfortify_rt.a")))
for wrapper, plugin in (("fortify-clang++", config.clang_plugin), ("fortify-clang", config.clang_plugin),
                        ("fortify-g++", config.gcc_plugin), ("fortify-gcc", config.gcc_plugin)):
    path = os.path.join(config.fortify_wrappers_dir, wrapper)
    if plugin and require(path, wrapper):
        config.substitutions.append((re.escape("%" + wrapper), path))  # keys are regexes: g++


# Installing (test/install/): `cmake --install` of this build, and where the
# plugins and the runtime go below the prefix.
#   %cmake                                          the cmake that configured this build
#   %obj-root, %src-root                            the build and the source tree
#   %install-gcc-plugin-dir, %install-clang-plugin-dir, %install-libdir, %install-bindir
# Features: ccache, pkg-config, gfortran (when installed).
config.substitutions.append(("%cmake", config.cmake))
config.substitutions.append(("%obj-root", config.fortify_obj_root))
config.substitutions.append(("%src-root", config.fortify_src_root))
for name in ("gcc-plugin-dir", "clang-plugin-dir", "libdir", "bindir"):
    config.substitutions.append(("%install-" + name, getattr(config, "install_" + name.replace("-", "_"))))
for tool in ("ccache", "pkg-config"):
    if shutil.which(tool):
        config.available_features.add(tool)
# gfortran of the GCC the plugin is for (gcc-11: gfortran-11): %gfortran.
gfortran = re.sub(r"gcc(-[0-9]+)?$", r"gfortran\1", gcc)
if shutil.which(gfortran) and not emulator:
    config.available_features.add("gfortran")
config.substitutions.append(("%gfortran", gfortran))
for name in ("CCACHE_DIR", "CCACHE_EXTRAFILES", "CCACHE_DISABLE", "CCACHE_PREFIX", "PKG_CONFIG_PATH", "DESTDIR"):
    config.environment.pop(name, None)

# libfortify_chk (chk/, test/chk/): %fortify-chk-dir holds libfortify_chk.a
# and libfortify_chk.so; %chk-differential runs test/tools/chk-differential.py.
config.substitutions.append(("%fortify-chk-dir", os.path.join(config.fortify_obj_root, "chk")))
config.substitutions.append(("%chk-differential", "%s %s" % (shutil.which("python3"), os.path.join(tools_dir, "chk-differential.py"))))

# Last, so that the longer names above (%gcc-fortify, %gcc-plugin ...) are
# replaced first.
config.substitutions.append(("%gcc", target_compiler(gcc)))
config.substitutions.append(("%gxx", target_compiler(gxx)))
config.substitutions.extend(late_substitutions)
