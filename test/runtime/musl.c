// The static runtime links into musl programs, dynamic (musl's ld-musl) and
// fully static: it needs nothing glibc-specific.
// REQUIRES: musl
// RUN: musl-gcc -g -I%fortify-rt-include %s %fortify-rt -o %t
// RUN: env FORTIFY_OPTIONS=halt_on_error=0 %t 2>&1 | FileCheck %s --match-full-lines
// RUN: not --crash %t 2>&1 | FileCheck %s --check-prefix=HALT
// RUN: rm -rf %t.dir && mkdir %t.dir
// RUN: env FORTIFY_OPTIONS=halt_on_error=0:log_path=%t.dir/log %t 2>&1 | FileCheck %s --check-prefix=QUIET --allow-empty
// RUN: cat %t.dir/log.* | FileCheck %s --check-prefix=LOG --match-full-lines
// RUN: env FORTIFY_OPTIONS=dedup=x not %t 2>&1 | FileCheck %s --check-prefix=BAD
// The binary really is musl's: musl's dynamic linker, no glibc symbol versions.
// RUN: readelf -lV %t | FileCheck %s --check-prefix=MUSL --implicit-check-not=GLIBC_
// RUN: musl-gcc -static -g -I%fortify-rt-include %s %fortify-rt -o %t.static
// RUN: env FORTIFY_OPTIONS=halt_on_error=0 %t.static 2>&1 | FileCheck %s --match-full-lines
// RUN: not --crash %t.static 2>&1 | FileCheck %s --check-prefix=HALT
// RUN: readelf -lV %t.static | FileCheck %s --check-prefix=STATIC --implicit-check-not=GLIBC_ --implicit-check-not=INTERP
// CHECK: fortify: strcpy: write of 9 bytes into an object of 8 bytes at musl.c:3:1 (in main)
// CHECK-NEXT: after the reports
// CHECK-NEXT: fortify: 2 findings (1 call site)
// HALT: fortify: strcpy: write of 9 bytes into an object of 8 bytes at musl.c:3:1 (in main)
// QUIET: after the reports
// QUIET-NOT: fortify
// LOG: fortify: strcpy: write of 9 bytes into an object of 8 bytes at musl.c:3:1 (in main)
// LOG-NEXT: fortify: 2 findings (1 call site)
// BAD: fortify: invalid value in runtime option 'dedup=x' in FORTIFY_OPTIONS; {{.*}}
// MUSL: [Requesting program interpreter: {{.*}}ld-musl{{.*}}]
// STATIC: Program Headers:
#include <fortify/runtime.h>
#include <stdio.h>

int main(void) {
  for (int i = 0; i < 2; ++i)
    __fortify_report("write\0strcpy\0musl.c\0" "3\0" "1\0main", 9, 8);
  fprintf(stderr, "after the reports\n");
  return 0;
}
