// FORTIFY_OPTIONS is read at startup: an unknown option or a bad value is a
// one-line error on stderr and exit status 1 before main runs, even in a
// program that never reports. Items are separated by ':' or ','; empty items
// are ignored.
// RUN: gcc -g -I%fortify-rt-include %s %fortify-rt -o %t
// RUN: env FORTIFY_OPTIONS=halt_on_errors=0 not %t 2>&1 | FileCheck %s --check-prefix=UNKNOWN --match-full-lines
// RUN: env FORTIFY_OPTIONS=dedup=1:verbose not %t 2>&1 | FileCheck %s --check-prefix=UNKNOWN-BARE --match-full-lines
// RUN: env FORTIFY_OPTIONS=halt_on_error=yes not %t 2>&1 | FileCheck %s --check-prefix=VALUE --match-full-lines
// RUN: env FORTIFY_OPTIONS=dedup not %t 2>&1 | FileCheck %s --check-prefix=NO-VALUE --match-full-lines
// RUN: env FORTIFY_OPTIONS=log_path= not %t 2>&1 | FileCheck %s --check-prefix=EMPTY-PATH --match-full-lines
// The status is 1 exactly (not a crash, not the program's own status).
// RUN: env FORTIFY_OPTIONS=bogus=1 sh -c '%t; echo status $?' 2>/dev/null | FileCheck %s --check-prefix=STATUS
// Good options, separators and empty items: the program runs.
// RUN: env FORTIFY_OPTIONS= %t | FileCheck %s --check-prefix=RUNS
// RUN: env FORTIFY_OPTIONS=:halt_on_error=1,,dedup=0: %t | FileCheck %s --check-prefix=RUNS
// RUN: env FORTIFY_OPTIONS=halt_on_error=0,dedup=1:log_path=%t.log %t | FileCheck %s --check-prefix=RUNS
//
// UNKNOWN: fortify: unknown runtime option 'halt_on_errors' in FORTIFY_OPTIONS; valid options: halt_on_error=0|1, log_path=PATH, dedup=0|1
// UNKNOWN-NOT: main ran
// UNKNOWN-BARE: fortify: unknown runtime option 'verbose' in FORTIFY_OPTIONS; valid options: halt_on_error=0|1, log_path=PATH, dedup=0|1
// VALUE: fortify: invalid value in runtime option 'halt_on_error=yes' in FORTIFY_OPTIONS; valid options: halt_on_error=0|1, log_path=PATH, dedup=0|1
// NO-VALUE: fortify: invalid value in runtime option 'dedup' in FORTIFY_OPTIONS; valid options: halt_on_error=0|1, log_path=PATH, dedup=0|1
// EMPTY-PATH: fortify: invalid value in runtime option 'log_path=' in FORTIFY_OPTIONS; valid options: halt_on_error=0|1, log_path=PATH, dedup=0|1
// STATUS: status 1
// RUNS: main ran
#include <fortify/runtime.h>
#include <stdio.h>

int main(int argc, char **argv) {
  (void)argv;
  puts("main ran");
  if (argc > 5)  // never: the runtime is linked in but no check fails
    __fortify_report("write\0memcpy\0x.c\0" "1\0" "1\0main", 2, 1);
  return 0;
}
