// The counters of what the passes did are LLVM statistics too (DEBUG_TYPE
// "fortify"): clang prints them with -Xclang -print-stats and writes them
// with -save-stats, even from Debian's LLVM 19, which is built without
// statistics (its -mllvm -stats says "Statistics are disabled"). The
// plugin's stats and trace options print them, and the decisions, on any
// LLVM; they are the GCC plugin's words and numbers for the same calls
// (test/model/decisions.c).
// RUN: rm -rf %t && mkdir %t && cd %t
// RUN: %clang-fortify -O2 -c %s -o /dev/null -Xclang -print-stats 2>&1 | FileCheck %s --check-prefix=PRINT
// PRINT: Statistics Collected
// PRINT: 2 fortify{{ *}} - copy-length calls seen
// PRINT: 1 fortify{{ *}} - copy-length sites folded (safe)
// PRINT: 1 fortify{{ *}} - copy-length sites checked at run time
// RUN: %clang-fortify -O2 -c %s -o %t/x.o -save-stats=obj
// RUN: FileCheck %s --check-prefix=JSON < %t/statistics.stats
// JSON: "fortify.CopyLengthCalls": 2,
// JSON: "fortify.CopyLengthSitesFolded": 1,
// RUN: %clang-fortify -O2 -c %s -o /dev/null -fplugin-arg-fortify-stats -fplugin-arg-fortify-trace 2>&1 \
// RUN:   | FileCheck %s --check-prefix=OPTIONS
// OPTIONS: fortify: memcpy at {{.*}}statistics.c:[[@LINE+9]]:{{[0-9]+}} in copy (copy-length, read-length): direct: write=check, read=check
// OPTIONS: fortify: write memcpy at {{.*}}statistics.c:[[@LINE+8]]:{{[0-9]+}} in copy: checked by plugin
// OPTIONS: Statistics Collected
// OPTIONS: 2 fortify - copy-length calls seen
// RUN: %clang-fortify -O2 -c %s -o /dev/null 2>&1 | count 0
#include <string.h>

char buf[8];

void copy(const char *s, size_t n) { memcpy(buf, s, n); }
void fits(const char *s) { memcpy(buf, s, 4); }
