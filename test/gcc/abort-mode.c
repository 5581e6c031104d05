// mode=abort prints one line naming the function and the call's location,
// then raises SIGABRT; nothing is printed when the write fits.
// RUN: %gcc-fortify -O0 -fplugin-arg-fortify-mode=abort %s -o %t.O0
// RUN: not --crash %t.O0 stack 16 17 2>&1 | FileCheck %s --check-prefix=STRCPY
// (malloc(n) has a size only at level 3, which GCC 11 checks as level 2.)
// RUN: %if gcc-dynamic-sizes %{ not --crash %t.O0 heap 16 17 2>&1 | FileCheck %s --check-prefix=STRCPY %}
// RUN: %t.O0 stack 16 16 2>&1 | count 0
// RUN: %run-cases --subobject --min-write 1 %t.O0
// RUN: %gcc-fortify -O2 -fplugin-arg-fortify-mode=abort %s -o %t.O2
// RUN: not --crash %t.O2 member 8 9 2>&1 | FileCheck %s --check-prefix=STRCPY
// RUN: %run-cases --subobject --min-write 1 %t.O2
// RUN: %musl-gcc-fortify -O2 -fplugin-arg-fortify-mode=abort %s -o %t.musl
// RUN: not --crash %t.musl stack 16 17 2>&1 | FileCheck %s --check-prefix=STRCPY
// RUN: %t.musl stack 16 16 2>&1 | count 0
// The message names the libc function even when the source spells the builtin.
// RUN: %gcc-fortify -O2 -fplugin-arg-fortify-mode=abort -DUSE_BUILTIN %s -o %t.builtin
// RUN: not --crash %t.builtin cheap 16 17 2>&1 | FileCheck %s --check-prefix=STRCPY
// Trap mode (the default) stops with SIGILL and prints nothing itself.
// RUN: %gcc-fortify -O2 %s -o %t.trap
// RUN: not --crash %t.trap stack 16 17 2>&1 | FileCheck %s --check-prefix=TRAP
// TRAP-NOT: fortify
// The trap instruction: ud2 on x86 (SIGILL), brk on aarch64 (SIGTRAP).
// TRAP: {{Illegal instruction|Trace/breakpoint trap}}
// TRAP-NOT: fortify

// The location is where the call is expanded: the WRITE line in cases.h.
// STRCPY: {{^}}fortify: buffer overflow in strcpy at {{.*}}Inputs/cases.h:{{[0-9]+}}:5{{$}}
#ifdef USE_BUILTIN
#define WRITE(dst, n) __builtin_strcpy(dst, text_of_bytes(n))
#else
#define WRITE(dst, n) strcpy(dst, text_of_bytes(n))
#endif
#include "cases.h"
