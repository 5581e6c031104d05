// What the passes decided, where GCC shows what a pass did: its dump file.
// The finishing pass's dump gets the unit's counters (per kind of check:
// calls seen, checks emitted, sites by status), and with -details a line
// per site. The instrumentation's dump (`fortify`) gets the counters of each
// function with -stats (GCC's flag for a pass's statistics) or -details, and
// with -details a line per call: rule kinds, route, the record of each
// check. -fplugin-arg-fortify-stats and -trace print the same on stderr.
// Counters in LLVM's -stats format (common/counters.h).
// RUN: rm -rf %t && mkdir %t
//
// A plain dump: the unit's counters alone; nothing on stderr.
// RUN: %gcc-fortify -O2 -S -o /dev/null %plugin-dumps %t/plain- %s 2> %t/plain.err
// RUN: cat %t/plain-*.fortify_finish | FileCheck %s --check-prefix=UNIT --implicit-check-not='fortify: write'
// RUN: not grep -e 'fortify -' -e 'fortify:' %t/plain-*.fortify
// RUN: not grep fortify %t/plain.err
// RUN: %gcc-fortify -O2 -S -o /dev/null -fdump-tree-all-stats=/dev/null -dumpdir %t/stats- %s
// RUN: cat %t/stats-*.fortify | FileCheck %s --check-prefix=FUNCTIONS --implicit-check-not='fortify: memcpy'
//
// With -details: the lines of each decision and site too.
// RUN: %gcc-fortify -O2 -S -o /dev/null -fdump-tree-all-details=/dev/null -dumpdir %t/details- %s
// RUN: cat %t/details-*.fortify | FileCheck %s --check-prefixes=FUNCTIONS,TRACE
// RUN: cat %t/details-*.fortify_finish | FileCheck %s --check-prefixes=UNIT,SITES
//
// The options, without any dump.
// RUN: %gcc-fortify -O2 -S -o /dev/null -fplugin-arg-fortify-stats %s 2>&1 \
// RUN:   | FileCheck %s --check-prefix=UNIT --implicit-check-not='fortify: '
// RUN: %gcc-fortify -O2 -S -o /dev/null -fplugin-arg-fortify-trace %s 2> %t/trace.err
// RUN: FileCheck %s --check-prefix=TRACE --implicit-check-not=Statistics < %t/trace.err
// RUN: FileCheck %s --check-prefix=SITES < %t/trace.err
//
// With -flto the statuses are taken before the IR is written: the unit's
// counters go into the dump of the finishing pass that ran there.
// RUN: %gcc-fortify -O2 -flto -c -o %t/lto.o %plugin-dumps %t/lto- %s
// RUN: cat %t/lto-*.fortify_finish | FileCheck %s --check-prefix=LTO
// LTO: ;; fortify: the unit's counters
// LTO: 3 fortify - copy-length calls seen
//
// A function of the same name with another prototype is no call site.
// RUN: %gcc-fortify -O0 -S -o /dev/null -DOTHER -Wno-builtin-declaration-mismatch \
// RUN:   -fplugin-arg-fortify-trace -fplugin-arg-fortify-stats %s 2>&1 \
// RUN:   | FileCheck %s --check-prefix=OTHER --implicit-check-not=Statistics
// The unit: copy's write is checked at run time, fits' folded, out's not
// protected; the reads of an unknown source have unknown sizes.
// UNIT:      Statistics Collected
// UNIT:      3 fortify - copy-length calls seen
// UNIT-NEXT: 2 fortify - copy-length checks emitted
// UNIT-NEXT: 1 fortify - copy-length sites folded (safe)
// UNIT-NEXT: 1 fortify - copy-length sites checked at run time
// UNIT-NEXT: 1 fortify - copy-length sites of unknown size
// UNIT-NEXT: 1 fortify - copy-string calls seen
// UNIT-NEXT: 1 fortify - copy-string checks emitted
// UNIT-NEXT: 1 fortify - copy-string sites checked at run time
// UNIT-NEXT: 2 fortify - format calls seen
// UNIT-NEXT: 1 fortify - format checks emitted
// UNIT-NEXT: 1 fortify - format sites folded (safe)
// UNIT-NEXT: 1 fortify - format sites checked at run time
// UNIT-NEXT: 2 fortify - read-length calls seen
// UNIT-NEXT: 2 fortify - read-length checks emitted
// UNIT-NEXT: 2 fortify - read-length sites of unknown size
// UNIT-EMPTY:

#ifndef OTHER
#include <stdio.h>
#include <string.h>

char buf[8];

// FUNCTIONS-LABEL: ;; Function copy (
// TRACE: fortify: memcpy at {{.*}}decisions.c:[[@LINE+7]]:{{[0-9]+}} in copy (copy-length, read-length): direct: write=check, read=check
// FUNCTIONS: ;; fortify: the function's counters
// FUNCTIONS: 1 fortify - copy-length calls seen
// FUNCTIONS-NEXT: 1 fortify - copy-length checks emitted
// FUNCTIONS-NEXT: 1 fortify - read-length calls seen
// FUNCTIONS-NEXT: 1 fortify - read-length checks emitted
// SITES-DAG: fortify: write memcpy at {{.*}}:[[@LINE+1]]:{{[0-9]+}} in copy: checked by plugin
void copy(const char *s, size_t n) { memcpy(buf, s, n); }

// Fits: the write check folds.
// SITES-DAG: fortify: write memcpy at {{.*}}:[[@LINE+2]]:{{[0-9]+}} in fits: safe by plugin
// SITES-DAG: fortify: read memcpy at {{.*}}:[[@LINE+1]]:{{[0-9]+}} in fits: unknown
void fits(const char *s) { memcpy(buf, s, 4); }

void string(const char *s) { strcpy(buf, s); }

// A literal format needs no check: seen, none emitted.
// FUNCTIONS-LABEL: ;; Function literal (
// TRACE: fortify: printf at {{.*}}:[[@LINE+5]]:{{[0-9]+}} in literal (format): direct: format=safe
// FUNCTIONS: 1 fortify - format calls seen
// FUNCTIONS-NOT: checks emitted
// FUNCTIONS: ;; Function
// SITES-DAG: fortify: format printf at {{.*}}:[[@LINE+1]]:{{[0-9]+}} in literal: safe by plugin
void literal(void) { printf("%d\n", 1); }

void format(const char *f) { printf(f, 1); }

// FUNCTIONS-LABEL: ;; Function out (
// TRACE: fortify: memcpy at {{.*}}:[[@LINE+4]]:{{[0-9]+}} in out (copy-length, read-length): no_fortify: write=none
// FUNCTIONS: 1 fortify - copy-length calls seen
// FUNCTIONS-NOT: checks emitted
// SITES-DAG: fortify: write memcpy at {{.*}}:[[@LINE+1]]:{{[0-9]+}} in out: unknown
__attribute__((no_fortify)) void out(const char *s, size_t n) { memcpy(buf, s, n); }

#else
typedef unsigned long size_t;
char *strcpy(char *d, int n);
// OTHER: fortify: strcpy at {{.*}}:[[@LINE+1]]:{{[0-9]+}} in other (copy-string): not-libc: no site
void other(char *d) { strcpy(d, 3); }
#endif
