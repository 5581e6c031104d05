// -fplugin-arg-fortify-report=PATH: one record per call-site check, taken
// after optimisation, with the status of what is left of the check; the
// fortify-coverage tool sums the records of a build, and reads the note
// section every instrumented object carries.
// RUN: rm -f %t.gcc2.jsonl %t.gcc0.jsonl %t.clang2.jsonl %t.clang0.jsonl %t.l2.jsonl
// RUN: %gcc-fortify -O2 -fplugin-arg-fortify-reads=off -fplugin-arg-fortify-report=%t.gcc2.jsonl -c %s -o %t.gcc.o
// RUN: %gcc-fortify -O0 -fplugin-arg-fortify-reads=off -fplugin-arg-fortify-report=%t.gcc0.jsonl -c %s -o /dev/null
// RUN: %clang-fortify -O2 -fplugin-arg-fortify-reads=off -fplugin-arg-fortify-report=%t.clang2.jsonl -c %s -o %t.clang.o
// RUN: %clang-fortify -O0 -fplugin-arg-fortify-reads=off -fplugin-arg-fortify-report=%t.clang0.jsonl -c %s -o /dev/null
// RUN: for report in %t.gcc2.jsonl %t.gcc0.jsonl; do \
// RUN:   FileCheck %s --input-file=$report --check-prefixes=RECORD,RECORD-L%gcc-level3 --implicit-check-not='"check":"read"' || exit 1; done
// RUN: for report in %t.clang2.jsonl %t.clang0.jsonl; do \
// RUN:   FileCheck %s --input-file=$report --check-prefixes=RECORD,RECORD-L3 --implicit-check-not='"check":"read"' || exit 1; done
// At level 2 sizes computed at run time are not used: the dynamic site is
// unknown. GCC 11 checks level 3 as level 2, and its records say level 2.
// RUN: %gcc-fortify -O2 -fplugin-arg-fortify-level=2 -fplugin-arg-fortify-reads=off -fplugin-arg-fortify-report=%t.l2.jsonl -c %s -o /dev/null
// RUN: %clang-fortify -O2 -fplugin-arg-fortify-level=2 -fplugin-arg-fortify-reads=off -fplugin-arg-fortify-report=%t.l2.jsonl -c %s -o /dev/null
// RUN: FileCheck %s --input-file=%t.l2.jsonl --check-prefix=LEVEL2
// The tool: 10 sites per compiler, the unknown one and the gets call unprotected.
// RUN: %fortify-coverage %t.gcc2.jsonl | FileCheck %s --check-prefix=TABLE%gcc-level3
// RUN: %fortify-coverage %t.clang2.jsonl | FileCheck %s --check-prefix=TABLE3
// A report file that cannot be written fails the compilation.
// RUN: not %gcc-fortify -fplugin-arg-fortify-report=%t.missing/r.jsonl -c %s -o /dev/null 2>&1 | FileCheck %s --check-prefix=BADPATH
// RUN: not %clang-fortify -fplugin-arg-fortify-report=%t.missing/r.jsonl -c %s -o /dev/null 2>&1 | FileCheck %s --check-prefix=BADPATH
// BADPATH: error: fortify: cannot open the coverage report '{{.*}}missing/r.jsonl': No such file or directory
// The note: one per object file.
// RUN: %fortify-coverage --binary %t.gcc.o | FileCheck %s --check-prefix=NOTE-GCC%gcc-level3
// RUN: %fortify-coverage --binary %t.clang.o | FileCheck %s --check-prefix=NOTE-CLANG
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

void sink(void *);

void fits(const char *s) {
  char buffer[8];
  // RECORD-DAG: "function":"memcpy","file":"{{[^"]*}}coverage.c","line":[[@LINE+1]],"column":{{[0-9]+}},"caller":"fits","check":"write","status":"safe","level":{{[23]}},"by":"plugin","libc_level":0}
  memcpy(buffer, s, 8);
  sink(buffer);
}

void unknown(char *destination, const char *s, size_t n) {
  // RECORD-DAG: "line":[[@LINE+1]],"column":{{[0-9]+}},"caller":"unknown","check":"write","status":"unknown"
  memcpy(destination, s, n);
}

void dynamic(const char *s, size_t n, size_t m) {
  char *p = malloc(n);
  // RECORD-L3-DAG: "line":[[@LINE+3]],"column":{{[0-9]+}},"caller":"dynamic","check":"write","status":"checked","level":3
  // RECORD-L2-DAG: "line":[[@LINE+2]],"column":{{[0-9]+}},"caller":"dynamic","check":"write","status":"unknown","level":2,{{.*}}"why":"allocator"
  // LEVEL2-DAG: "line":[[@LINE+1]],"column":{{[0-9]+}},"caller":"dynamic","check":"write","status":"unknown"
  memcpy(p, s, m);
  sink(p);
}

void overflow(const char *s) {
  char buffer[4];
  // RECORD-DAG: "line":[[@LINE+1]],"column":{{[0-9]+}},"caller":"overflow","check":"write","status":"overflow"
  memcpy(buffer, s, 8);
  sink(buffer);
}

void literal_format(int n) {
  // RECORD-DAG: "function":"printf",{{.*}}"line":[[@LINE+1]],"column":{{[0-9]+}},"caller":"literal_format","check":"format","status":"safe"
  printf("%d\n", n);
}

void variable_format(const char *format, int n) {
  // RECORD-DAG: "function":"printf",{{.*}}"line":[[@LINE+1]],"column":{{[0-9]+}},"caller":"variable_format","check":"format","status":"checked"
  printf(format, n);
}

char *gets(char *);  // gone from C11 headers
char *unbounded(char *line) {
  // RECORD-DAG: "function":"gets",{{.*}}"line":[[@LINE+1]],"column":{{[0-9]+}},"caller":"unbounded","check":"write","status":"unknown"
  return gets(line);
}

// Flags known not to need a mode, or a mode passed: nothing to check.
int open_flags(const char *path, int flags) {
  // RECORD-DAG: "function":"open",{{.*}}"line":[[@LINE+1]],"column":{{[0-9]+}},"caller":"open_flags","check":"open","status":"safe"
  int a = open(path, O_RDONLY);
  // RECORD-DAG: "function":"open",{{.*}}"line":[[@LINE+1]],"column":{{[0-9]+}},"caller":"open_flags","check":"open","status":"safe"
  int b = open(path, O_CREAT | O_WRONLY, 0644);
  // RECORD-DAG: "function":"open",{{.*}}"line":[[@LINE+1]],"column":{{[0-9]+}},"caller":"open_flags","check":"open","status":"checked"
  return a + b + open(path, flags);
}

// TABLE3: glibc's size checks{{ +}}5{{ +}}1{{ +}}1{{ +}}2{{ +}}1{{ +}}60.00%
// TABLE3: format{{ +}}2{{ +}}1{{ +}}1{{ +}}0{{ +}}0{{ +}}100.00%
// TABLE3: open{{ +}}3{{ +}}2{{ +}}1{{ +}}0{{ +}}0{{ +}}100.00%
// NOTE-GCC3: built with fortify-plugins (1 object): compiler=gcc {{.*}}, level=3, mode=trap
// NOTE-GCC3-NEXT: 5 call sites: safe 1, checked 1, unknown 2, overflow 1; coverage 60.00%
// GCC 11 (level 3 is level 2): the dynamic site is unknown.
// TABLE2: compilers: gcc 11.{{[0-9.]+}}; level 2
// TABLE2: glibc's size checks{{ +}}5{{ +}}1{{ +}}0{{ +}}3{{ +}}1{{ +}}40.00%
// TABLE2: format{{ +}}2{{ +}}1{{ +}}1{{ +}}0{{ +}}0{{ +}}100.00%
// TABLE2: open{{ +}}3{{ +}}2{{ +}}1{{ +}}0{{ +}}0{{ +}}100.00%
// NOTE-GCC2: built with fortify-plugins (1 object): compiler=gcc 11.{{.*}}, level=2, mode=trap
// NOTE-GCC2-NEXT: 5 call sites: safe 1, checked 0, unknown 3, overflow 1; coverage 40.00%
// NOTE-CLANG: built with fortify-plugins (1 object): compiler=clang {{.*}}, level=3, mode=trap
// NOTE-CLANG-NEXT: 5 call sites: safe 1, checked 1, unknown 2, overflow 1; coverage 60.00%
