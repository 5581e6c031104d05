// The runtime links as a static and as a shared library, with GCC and Clang,
// into glibc programs; with halt_on_error=0 both behave alike.
// RUN: gcc -g -I%fortify-rt-include %s %fortify-rt -o %t.static
// RUN: env FORTIFY_OPTIONS=halt_on_error=0 %t.static 2>&1 | FileCheck %s --match-full-lines
// RUN: not --crash %t.static 2>&1 | FileCheck %s --check-prefix=HALT
// RUN: gcc -g -I%fortify-rt-include %s -L%fortify-rt-dir -lfortify_rt -Wl,-rpath,%fortify-rt-dir -o %t.shared
// RUN: env FORTIFY_OPTIONS=halt_on_error=0 %t.shared 2>&1 | FileCheck %s --match-full-lines
// RUN: not --crash %t.shared 2>&1 | FileCheck %s --check-prefix=HALT
// RUN: readelf -d %t.shared | FileCheck %s --check-prefix=NEEDED
// RUN: clang -g -I%fortify-rt-include %s %fortify-rt -o %t.clang-static
// RUN: env FORTIFY_OPTIONS=halt_on_error=0 %t.clang-static 2>&1 | FileCheck %s --match-full-lines
// RUN: clang -g -I%fortify-rt-include %s %fortify-rt-shared -Wl,-rpath,%fortify-rt-dir -o %t.clang-shared
// RUN: env FORTIFY_OPTIONS=halt_on_error=0 %t.clang-shared 2>&1 | FileCheck %s --match-full-lines
// Fully static glibc program.
// RUN: gcc -static -g -I%fortify-rt-include %s %fortify-rt -o %t.full-static
// RUN: env FORTIFY_OPTIONS=halt_on_error=0 %t.full-static 2>&1 | FileCheck %s --match-full-lines
// CHECK: fortify: memcpy: write of 17 bytes into an object of 16 bytes at lib.c:12:5 (in main)
// CHECK-NEXT: after the report
// CHECK-NEXT: fortify: 1 finding (1 call site)
// HALT: fortify: memcpy: write of 17 bytes into an object of 16 bytes at lib.c:12:5 (in main)
// NEEDED: Shared library: [libfortify_rt.so.0]
#include <fortify/runtime.h>
#include <stdio.h>

int main(void) {
  __fortify_report("write\0memcpy\0lib.c\0" "12\0" "5\0main", 17, 16);
  fprintf(stderr, "after the report\n");
  return 0;
}
