// Every optimisation level and every fortify level, on a mem function
// (whole object) and a string function (closest subobject from level 2).
// (GCC 11 has no -Oz; run-cases holds a GCC 11 program to level 2.)
// RUN: for CC in "%gcc-fortify" "%clang-fortify"; do \
// RUN: for O in -O0 -Og -O1 -O2 -O3 -Os %if !gcc-11 %{-Oz%}; do \
// RUN:   for L in 1 2 3; do \
// RUN:     $CC $O -fplugin-arg-fortify-level=$L %s -o %t.strcpy$O$L && \
// RUN:     %run-cases --subobject --min-write 1 --level $L %t.strcpy$O$L || exit 1; \
// RUN:     $CC $O -fplugin-arg-fortify-level=$L -DMEMCPY %s -o %t.memcpy$O$L && \
// RUN:     %run-cases --level $L %t.memcpy$O$L || exit 1; \
// RUN:   done; \
// RUN: done; \
// RUN: done
#ifdef MEMCPY
#define WRITE(dst, n) memcpy(dst, copy_source, n)
#else
#define WRITE(dst, n) strcpy(dst, text_of_bytes(n))
#endif
#include "cases.h"
