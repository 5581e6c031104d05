// The late pass (fortify_finish, after "optimized") lowers each failure
// marker __fortify_fail(site, needed, available), which the optimisers saw
// as an opaque noreturn call, to the mode's code, in place:
//   trap (default): __builtin_trap ();
//   abort:          write (2, "fortify: <problem> in <function> at
//                   <file>:<line>:<column>\n", <length>); __builtin_abort ();
//   report:         no marker: __fortify_report(site, needed, available)
//                   was emitted instead, returns, and the call is skipped.
// The "optimized" dump still shows the marker with its site descriptor.
// A unit that defines its own write (a static helper, or libc itself)
// traps in abort mode.
// RUN: rm -rf %t && mkdir %t
// RUN: %gcc-fortify -O2 -S -o /dev/null %plugin-dumps %t/trap- -fdump-tree-optimized=%t/trap.optimized %s
// RUN: FileCheck %s --check-prefix=MARKER < %t/trap.optimized
// RUN: cat %t/trap-*.fortify_finish | FileCheck %s --check-prefix=TRAP
// RUN: %gcc-fortify -O2 -S -o /dev/null -fplugin-arg-fortify-mode=abort %plugin-dumps %t/abort- %s
// RUN: cat %t/abort-*.fortify_finish | FileCheck %s --check-prefix=ABORT
// RUN: %gcc-fortify -O0 -S -o /dev/null -fplugin-arg-fortify-mode=abort %plugin-dumps %t/abort0- %s
// RUN: cat %t/abort0-*.fortify_finish | FileCheck %s --check-prefix=ABORT
// RUN: %gcc-fortify -O2 -S -o /dev/null -fplugin-arg-fortify-mode=report %plugin-dumps %t/report- %s
// RUN: cat %t/report-*.fortify_finish | FileCheck %s --check-prefix=REPORT
// RUN: %gcc-fortify -O2 -S -o /dev/null -fplugin-arg-fortify-mode=abort -DDEFINES_WRITE %plugin-dumps %t/own- %s
// RUN: cat %t/own-*.fortify_finish | FileCheck %s --check-prefix=TRAP
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

char buf[16];
void use(char *);

#ifdef DEFINES_WRITE
static long write(int fd, const void *p, unsigned long n) { return 0; }
long (*keep)(int, const void *, unsigned long) = write;
#endif

// MARKER-LABEL: ;; Function copy (
// MARKER: __fortify_fail (&"write\x00memcpy\x00{{[^"]*}}finish.c\x00[[@LINE+31]]\x00{{[0-9]+}}\x00copy"[0], n_{{[0-9]+}}(D), 16);
// MARKER: memcpy (&buf,
// TRAP-LABEL: ;; Function copy (
// TRAP-NOT: __fortify_fail
// TRAP-NOT: write (
// TRAP: if (n_{{[0-9]+}}(D) > 16)
// TRAP: __builtin_trap ();
// TRAP-NOT: __fortify_fail
// TRAP: memcpy (&buf,
// ABORT-LABEL: ;; Function copy (
// ABORT-NOT: __fortify_fail
// ABORT-NOT: __builtin_trap
// ABORT: write (2, &"fortify: buffer overflow in memcpy at {{[^"]*}}finish.c:[[@LINE+19]]:{{[0-9]+}}\n"[0], {{[0-9]+}});
// ABORT-NEXT: __builtin_abort ();
// ABORT-NOT: __fortify_fail
// ABORT: memcpy (&buf,
// Report mode: the report returns and the call is skipped.
// REPORT-LABEL: ;; Function copy (
// REPORT-NOT: __fortify_fail
// REPORT-NOT: __builtin_trap
// REPORT: if (n_{{[0-9]+}}(D) > 16)
// REPORT-NEXT: goto <bb [[FAILED:[0-9]+]]>;
// REPORT-NEXT: else
// REPORT-NEXT: goto <bb [[CALL:[0-9]+]]>;
// REPORT: <bb [[FAILED]]> [count: 0]:
// REPORT-NEXT: __fortify_report (&"write\x00memcpy\x00{{[^"]*}}"[0], n_{{[0-9]+}}(D), 16);
// REPORT-NEXT: goto <bb [[SKIP:[0-9]+]]>;
// REPORT: <bb [[CALL]]> [local count: {{[0-9]+}}]:
// REPORT-NEXT: memcpy (&buf,
// REPORT: <bb [[SKIP]]> [local count: {{[0-9]+}}]:
// REPORT-NEXT: return;
void copy(const char *s, size_t n) { memcpy(buf, s, n); }

// Each problem has its message: an over-read, open without a mode, %n.
// ABORT-LABEL: ;; Function length (
// ABORT: write (2, &"fortify: buffer over-read in strlen at {{[^"]*}}finish.c:[[@LINE+6]]:{{[0-9]+}}\n"[0], {{[0-9]+}});
// ABORT-NEXT: __builtin_abort ();
// TRAP-LABEL: ;; Function length (
size_t length(void) {
  char *p = malloc(16);
  use(p);
  return strlen(p);
}

// ABORT-LABEL: ;; Function open_mode (
// ABORT: write (2, &"fortify: O_CREAT or O_TMPFILE without a mode in open at {{[^"]*}}finish.c:[[@LINE+3]]:{{[0-9]+}}\n"[0], {{[0-9]+}});
// ABORT-NEXT: __builtin_abort ();
// TRAP-LABEL: ;; Function open_mode (
int open_mode(const char *p, int flags) { return open(p, flags); }

// ABORT-LABEL: ;; Function format (
// ABORT: write (2, &"fortify: %n in a {{[^"]*}} in printf at {{[^"]*}}finish.c:[[@LINE+3]]:{{[0-9]+}}\n"[0], {{[0-9]+}});
// ABORT-NEXT: __builtin_abort ();
// TRAP-LABEL: ;; Function format (
int format(const char *f, int *n) { return printf(f, n); }
// TRAP-NOT: __fortify_fail
// ABORT-NOT: __fortify_fail
// REPORT-NOT: __fortify_fail
