// halt_on_error=0: the program goes on after each report, and at exit one
// summary line counts the failed checks and their call sites. dedup (on by
// default) reports each call site once; dedup=0 reports every failure.
// RUN: gcc -g -I%fortify-rt-include %s %fortify-rt -o %t
// RUN: env FORTIFY_OPTIONS=halt_on_error=0 %t 3 2>%t.err | FileCheck %s --check-prefix=OUT
// RUN: FileCheck %s --check-prefix=DEDUP --match-full-lines --implicit-check-not=fortify: < %t.err
// RUN: env FORTIFY_OPTIONS=halt_on_error=0:dedup=1 %t 3 2>&1 >/dev/null | FileCheck %s --check-prefix=DEDUP --match-full-lines --implicit-check-not=fortify:
// RUN: env FORTIFY_OPTIONS=halt_on_error=0,dedup=0 %t 3 2>&1 >/dev/null | FileCheck %s --check-prefix=ALL --match-full-lines --implicit-check-not=fortify:
// One finding: the summary is singular.
// RUN: env FORTIFY_OPTIONS=dedup=0:halt_on_error=0 %t 0 2>&1 >/dev/null | FileCheck %s --check-prefix=ONE --match-full-lines --implicit-check-not=fortify:
// halt_on_error=1 (the default, or given) stops at the first finding: no summary.
// RUN: not --crash %t 3 2>&1 | FileCheck %s --check-prefix=HALT --implicit-check-not=fortify:
// RUN: env FORTIFY_OPTIONS=dedup=0:halt_on_error=1 not --crash %t 3 2>&1 | FileCheck %s --check-prefix=HALT --implicit-check-not=fortify:
// No finding, no output at all.
// RUN: env FORTIFY_OPTIONS=halt_on_error=0 %t none 2>&1 | count 0
//
// OUT: continued after 4 reports
//
// DEDUP: fortify: memcpy: write of 17 bytes into an object of 16 bytes at loop.c:10:3 (in loop)
// DEDUP-NEXT: fortify: strlen: read of 9 bytes from an object of 8 bytes at once.c:20:7 (in once)
// DEDUP-NEXT: fortify: 4 findings (2 call sites)
//
// ALL: fortify: memcpy: write of 17 bytes into an object of 16 bytes at loop.c:10:3 (in loop)
// ALL-NEXT: fortify: memcpy: write of 18 bytes into an object of 16 bytes at loop.c:10:3 (in loop)
// ALL-NEXT: fortify: memcpy: write of 19 bytes into an object of 16 bytes at loop.c:10:3 (in loop)
// ALL-NEXT: fortify: strlen: read of 9 bytes from an object of 8 bytes at once.c:20:7 (in once)
// ALL-NEXT: fortify: 4 findings (2 call sites)
//
// ONE: fortify: strlen: read of 9 bytes from an object of 8 bytes at once.c:20:7 (in once)
// ONE-NEXT: fortify: 1 finding (1 call site)
//
// HALT: fortify: memcpy: write of 17 bytes into an object of 16 bytes at loop.c:10:3 (in loop)
#include <fortify/runtime.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

int main(int argc, char **argv) {
  if (!strcmp(argv[1], "none"))
    return 0;
  int loops = atoi(argv[1]);
  for (int i = 0; i < loops; ++i)
    __fortify_report("write\0memcpy\0loop.c\0" "10\0" "3\0loop", 17 + i, 16);
  __fortify_report("read\0strlen\0once.c\0" "20\0" "7\0once", 9, 8);
  printf("continued after %d reports\n", loops + 1);
  return 0;
}
