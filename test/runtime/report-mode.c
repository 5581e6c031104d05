// Whole programs in report mode through the wrappers: the plugin calls the
// runtime, which names the function, the sizes and the place; by default
// the program aborts; with halt_on_error=0 the overflowing call is skipped
// (the buffer stays as it was) and the program goes on.
// These need a plugin that emits __fortify_report calls (features probed in
// lit.cfg.py); they run as soon as a plugin does.
// REQUIRES: gcc-plugin, clang-plugin
// RUN: rm -rf %t && mkdir -p %t && cp %S/Inputs/overflow.c %t/main.c
// RUN: for cc in %fortify-gcc %fortify-g++ %fortify-clang %fortify-clang++ ; do \
// RUN:   for O in -O0 -O2; do \
// RUN:     (cd %t && env FORTIFY_MODE=report $cc $O -g main.c -o prog) || exit 1; \
// RUN:     %t/prog 1234 | FileCheck %s --check-prefix=FITS || exit 1; \
// RUN:     not --crash %t/prog 123456789 2>&1 | FileCheck %s --check-prefix=HALT || exit 1; \
// RUN:     env FORTIFY_OPTIONS=halt_on_error=0 %t/prog 123456789 2>&1 | FileCheck %s --check-prefix=CONTINUE || exit 1; \
// RUN:   done; \
// RUN: done
// FITS: copied 4 bytes, buffer starts with '1'
// HALT: fortify: memcpy: write of 9 bytes into an object of 8 bytes at {{.*}}main.c:10:{{[0-9]+}} (in {{(int )?main(\(int, char\*\*\))?}})
// CONTINUE: fortify: memcpy: write of 9 bytes into an object of 8 bytes at {{.*}}main.c:10:{{[0-9]+}} (in {{(int )?main(\(int, char\*\*\))?}})
// CONTINUE-NEXT: copied 9 bytes, buffer starts with '-'
// CONTINUE-NEXT: fortify: 1 finding (1 call site)
