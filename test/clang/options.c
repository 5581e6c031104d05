// Options are parsed by the shared parser: same spelling, defaults and
// messages as the GCC plugin, and a bad one fails the compilation.
// RUN: %clang-fortify -fplugin-arg-fortify-level=2 -fplugin-arg-fortify-mode=abort -c %s -o %t.o
// RUN: not %clang-fortify -fplugin-arg-fortify-level=4 -c %s -o %t.o 2>&1 | FileCheck %s --check-prefix=LEVEL
// LEVEL: error: fortify: invalid option 'level=4': level must be 1, 2 or 3
// RUN: not %clang-fortify -fplugin-arg-fortify-mode=loud -c %s -o %t.o 2>&1 | FileCheck %s --check-prefix=MODE
// MODE: error: fortify: invalid option 'mode=loud': mode must be trap, abort, report or chk
// RUN: not %clang-fortify -fplugin-arg-fortify-colour=red -c %s -o %t.o 2>&1 | FileCheck %s --check-prefix=UNKNOWN
// UNKNOWN: error: fortify: unknown option 'colour=red'; valid options: level=1|2|3, mode=trap|abort|report|chk, reads=on|off, caller-sizes=on|off, werror, report=PATH, stats, trace, size-field=STRUCT.MEMBER:FIELD{{$}}
// RUN: not %clang-fortify -fplugin-arg-fortify-trace=yes -c %s -o %t.o 2>&1 | FileCheck %s --check-prefix=TRACE
// TRACE: error: fortify: invalid option 'trace=yes': trace takes no value (or on|off)
//
// LLVM 14 refuses -flto with one error (docs/CLANG-PLUGIN.md says why);
// later versions take it (test/clang/lto.c).
// RUN: %if llvm-ge-15 %{ %} %else %{ not %clang-fortify -flto=thin -c %s -o %t.o 2>&1 | FileCheck %s --check-prefix=NO-LTO %}
// NO-LTO: error: fortify: -flto is not supported with LLVM 14
// NO-LTO-NOT: error:
// The pass-plugin path (-fpass-plugin=, opt) reads FORTIFY_PLUGIN_OPTIONS
// (FORTIFY_OPTIONS is the report runtime's, and means nothing to the plugin).
// RUN: env FORTIFY_PLUGIN_OPTIONS="level=1, mode=abort" clang %opaque-pointers -fpass-plugin=%clang-plugin -O2 -S -emit-llvm %s -o - | FileCheck %s --check-prefix=ENV
// ENV: call i64 @write(i32 2
// ENV-NOT: llvm.objectsize
// RUN: env FORTIFY_PLUGIN_OPTIONS=level=0 not clang %opaque-pointers -fpass-plugin=%clang-plugin -c %s -o %t.o 2>&1 | FileCheck %s --check-prefix=ENVBAD
// ENVBAD: error: fortify: invalid option 'level=0': level must be 1, 2 or 3 (in FORTIFY_PLUGIN_OPTIONS)
// ENVBAD-NOT: error:
// RUN: env FORTIFY_OPTIONS=level=0 clang %opaque-pointers -fpass-plugin=%clang-plugin -c %s -o %t.o
#include <string.h>

void copy(const char *s, size_t n) {
  char buffer[16];
  memcpy(buffer, s, n);
  __asm__ volatile("" : : "r"(buffer) : "memory");
}
