// A program may define __fortify_report itself: its definition is used and
// the static runtime's object is not even pulled in (no duplicate symbol).
// RUN: gcc -g -I%fortify-rt-include %s %fortify-rt -o %t
// RUN: %t 2>&1 | FileCheck %s
// RUN: nm %t | FileCheck %s --check-prefix=SYMS
// CHECK: own handler: write 17/16
// SYMS-NOT: printSummary
#include <fortify/runtime.h>
#include <stdio.h>

void __fortify_report(const char *site, size_t needed, size_t available) {
  printf("own handler: %s %zu/%zu\n", site, needed, available);
}

int main(void) {
  __fortify_report("write\0memcpy\0o.c\0" "1\0" "1\0main", 17, 16);
  return 0;
}
