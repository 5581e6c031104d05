// mode=report: each failed check prints one sanitizer-style line through the
// runtime library and stops the program (SIGABRT); with
// FORTIFY_OPTIONS=halt_on_error=0 the program goes on, the offending call is
// skipped (no memory is corrupted: the guard next to the buffer survives),
// and every finding of the run is reported, then a summary.
// RUN: %gcc-fortify -O2 -fplugin-arg-fortify-mode=report %s %fortify-rt -o %t.gcc
// RUN: %gcc-fortify -O0 -fplugin-arg-fortify-mode=report %s %fortify-rt -o %t.gcc0
// RUN: %clang-fortify -O2 -fplugin-arg-fortify-mode=report %s %fortify-rt -o %t.clang
// RUN: %clang-fortify -O0 -fplugin-arg-fortify-mode=report %s %fortify-rt -o %t.clang0
// RUN: for exe in %t.gcc %t.gcc0 %t.clang %t.clang0; do \
// RUN:   not --crash $exe write 2>&1 | FileCheck %s --check-prefix=WRITE || exit 1; \
// RUN:   not --crash $exe read 2>&1 | FileCheck %s --check-prefix=READ || exit 1; \
// RUN:   not --crash $exe open 2>&1 | FileCheck %s --check-prefix=OPEN || exit 1; \
// RUN:   not --crash $exe format 2>&1 | FileCheck %s --check-prefix=FORMAT || exit 1; \
// RUN:   $exe fits 2>&1 | FileCheck %s --check-prefix=FITS --allow-empty || exit 1; \
// RUN:   env FORTIFY_OPTIONS=halt_on_error=0 $exe all 2>&1 | FileCheck %s --check-prefix=CONTINUE || exit 1; \
// RUN: done
// REQUIRES: musl
// RUN: %musl-gcc-fortify -O2 -fplugin-arg-fortify-mode=report %s %fortify-rt -o %t.musl
// RUN: not --crash %t.musl write 2>&1 | FileCheck %s --check-prefix=WRITE
// RUN: env FORTIFY_OPTIONS=halt_on_error=0 %t.musl all 2>&1 | FileCheck %s --check-prefix=CONTINUE
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

struct Guarded {
  char buffer[8];
  char guard[8];
};

int main(int argc, char **argv) {
  setvbuf(stdout, NULL, _IONBF, 0);  // in order with the reports on stderr
  const char *what = argc > 1 ? argv[1] : "fits";
  int all = !strcmp(what, "all");
  size_t extra = strcmp(what, "fits") ? 1 : 0;
  struct Guarded *g = malloc(sizeof *g);
  strcpy(g->guard, "guard");
  char *small = malloc(8);
  if (all || !strcmp(what, "write") || !strcmp(what, "fits")) {
    // WRITE: fortify: memcpy: write of 9 bytes into an object of 8 bytes at {{.*}}report-mode.c:[[@LINE+1]]:{{[0-9]+}} (in {{.*}}main{{.*}})
    char *result = memcpy(small, "0123456789abcdef", 8 + extra);
    printf("memcpy returned its destination: %d\n", result == small);
  }
  if (all || !strcmp(what, "read") || !strcmp(what, "fits")) {
    char *text = malloc(4);
    memcpy(text, argv[0], 3 + extra);  // argv[0] is a path: at least 4 bytes
    if (!extra)
      text[3] = '\0';
    // READ: fortify: strlen: read of {{[0-9]+}} bytes from an object of 4 bytes at {{.*}}report-mode.c:[[@LINE+1]]
    size_t length = strlen(text);
    printf("strlen: %d\n", length >= 3);
  }
  if (all || !strcmp(what, "open")) {
    // OPEN: fortify: open: O_CREAT or O_TMPFILE without a mode at {{.*}}report-mode.c:[[@LINE+1]]
    int fd = open("/nonexistent/fortify", O_CREAT | O_WRONLY | (argc > 99 ? O_EXCL : 0));
    printf("open returned %d\n", fd);
  }
  if (all || !strcmp(what, "format")) {
    char format[8] = "%n";
    int count;
    // FORMAT: fortify: printf: %n in a format that is not a string literal at {{.*}}report-mode.c:[[@LINE+1]]
    printf(format, &count);
  }
  printf("guard: %s\n", g->guard);
  return 0;
}
// FITS-NOT: fortify:
// FITS: guard: guard
// CONTINUE: fortify: memcpy: write of 9 bytes into an object of 8 bytes
// CONTINUE: memcpy returned its destination: 1
// CONTINUE: fortify: strlen: read of
// CONTINUE: fortify: open: O_CREAT
// CONTINUE: open returned -1
// CONTINUE: fortify: printf: %n
// CONTINUE: guard: guard
// CONTINUE: fortify: 4 findings (4 call sites)
