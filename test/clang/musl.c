// Against musl's headers and libc (test/tools/musl-clang), which has no
// fortify support of its own, including strlcpy, which glibc 2.36 lacks.
// REQUIRES: musl
// RUN: %musl-clang-fortify -O0 %s -o %t.O0 && %run-cases --subobject %t.O0
// RUN: %musl-clang-fortify -O2 %s -o %t.O2 && %run-cases --subobject %t.O2
// RUN: %musl-clang-fortify -O2 -fplugin-arg-fortify-level=1 %s -o %t.L1 && %run-cases --level 1 --subobject %t.L1
// RUN: %musl-clang-fortify -c -O2 %s -o %t.o && %musl-clang-fortify %t.o -o %t.linked && %run-cases --subobject %t.linked
// LTO: not with LLVM 14, where the plugin refuses -flto with one error (docs/CLANG-PLUGIN.md).
// RUN: %if llvm-ge-15 %{ %musl-clang-fortify -O2 -flto=thin -fuse-ld=lld %s -o %t.lto && %run-cases --subobject %t.lto %} \
// RUN: %else %{ not %musl-clang-fortify -O2 -flto=thin -fuse-ld=lld %s -o %t.lto 2>&1 | FileCheck %s --check-prefix=NO-LTO %}
// NO-LTO: error: fortify: -flto is not supported with LLVM 14
// RUN: %musl-clang-fortify -O2 -DMEMCPY %s -o %t.mem && %run-cases %t.mem
#ifdef MEMCPY
#define WRITE(dst, n) memcpy(dst, copy_source, n)
#else
#define WRITE(dst, n) strlcpy(dst, copy_source, n)
#endif
#include "cases.h"
