// Calls of one macro expansion share their location, hence their site: the
// record then carries the least protected status of them (a check that runs
// is not hidden behind a literal format, an unprotected call not behind a
// checked one).
// RUN: rm -f %t.gcc.jsonl %t.clang.jsonl
// RUN: %gcc-fortify -O2 -fplugin-arg-fortify-reads=off -fplugin-arg-fortify-report=%t.gcc.jsonl -c %s -o /dev/null
// RUN: %clang-fortify -O2 -fplugin-arg-fortify-reads=off -fplugin-arg-fortify-report=%t.clang.jsonl -c %s -o /dev/null
// RUN: FileCheck %s --input-file=%t.gcc.jsonl
// RUN: FileCheck %s --input-file=%t.clang.jsonl
#include <stdio.h>
#include <string.h>

#define COPY_BOTH(known, unknown, s) (strcpy(known, s), strcpy(unknown, s))
#define PRINT_BOTH(format) (printf(format), printf("literal\n"))

char global[8];

void copy(char *unknown, const char *s, const char *format) {
  // CHECK-DAG: "function":"strcpy",{{.*}}"line":[[@LINE+2]],{{.*}}"check":"write","status":"unknown"
  // CHECK-DAG: "function":"printf",{{.*}}"line":[[@LINE+2]],{{.*}}"check":"format","status":"checked"
  COPY_BOTH(global, unknown, s);
  PRINT_BOTH(format);
}
