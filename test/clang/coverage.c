// Coverage records (-fplugin-arg-fortify-report=PATH, JSON Lines appended
// once per translation unit): one per call-site check, after optimisation.
// Copies of a site made by inlining are one site, the least protected of
// them: known in one caller and unknown in another is unknown. Calls through
// glibc's own _FORTIFY_SOURCE (its inline wrappers, __sprintf_chk) are what
// became of glibc's check (libc-records.c); a call the plugin cannot check is
// unknown. A report file that cannot be written fails the compilation,
// naming it.
// RUN: rm -f %t.O2.jsonl %t.O0.jsonl %t.glibc.jsonl %t.cxx.jsonl
// RUN: %clang-fortify -O2 -fplugin-arg-fortify-report=%t.O2.jsonl -c %s -o /dev/null
// RUN: FileCheck %s --check-prefixes=CHECK,O2 --input-file=%t.O2.jsonl
// RUN: head -n 1 %t.O2.jsonl | FileCheck %s --check-prefix=FIRST
// RUN: %clang-fortify -O0 -fplugin-arg-fortify-report=%t.O0.jsonl -c %s -o /dev/null
// RUN: FileCheck %s --check-prefixes=CHECK,O0 --input-file=%t.O0.jsonl
// RUN: %clang-fortify -O2 -D_FORTIFY_SOURCE=2 -fplugin-arg-fortify-report=%t.glibc.jsonl -c %s -o /dev/null
// RUN: FileCheck %s --check-prefix=GLIBC --input-file=%t.glibc.jsonl
// RUN: %clangxx-fortify -x c++ -O2 -fplugin-arg-fortify-report=%t.cxx.jsonl -c %s -o /dev/null
// RUN: FileCheck %s --check-prefix=CXX --input-file=%t.cxx.jsonl
// RUN: not %clang-fortify -O2 -fplugin-arg-fortify-report=%t.missing/dir/report.jsonl -c %s -o /dev/null 2>&1 | FileCheck %s --check-prefix=ERROR
// ERROR: error: fortify: cannot open the coverage report '{{.*}}.missing/dir/report.jsonl': No such file or directory
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

void sink(void *);

// Every record names the compiler, the translation unit, the level, which
// fortification knew the size and the C library's fortify level.
// FIRST: {"compiler":"clang {{[0-9.]+}}","tu":"{{[^"]*}}coverage.c","function":"memcpy",{{.*}},"level":3,"by":"none","libc_level":0,"why":"parameter"}

static inline void put(char *d, const char *s, size_t n) {
  // CHECK: "function":"memcpy",{{.*}}"line":[[@LINE+3]],"column":{{[0-9]+}},"caller":"put","check":"write","status":"unknown"
  // GLIBC: "function":"memcpy",{{.*}}"line":[[@LINE+2]],"column":{{[0-9]+}},"caller":"put","check":"write","status":"unknown","level":3,"by":"none","libc_level":2,"why":{{"[a-z-]+"}}}
  // CXX: "function":"memcpy",{{.*}}"line":[[@LINE+1]],"column":{{[0-9]+}},"caller":"put(char*, char const*, unsigned long)","check":"write","status":"unknown"
  memcpy(d, s, n);
}
void known(const char *s, size_t n) {
  char b[8];
  put(b, s, n);
  sink(b);
}
void unknown(char *d, const char *s, size_t n) { put(d, s, n); }

// Inlined twice, both copies fit: one record, safe (at -O0 nothing is
// inlined and the size of `d` is unknown).
static inline void put8(char *d, const char *s) {
  // O2: "function":"memcpy",{{.*}}"line":[[@LINE+2]],"column":{{[0-9]+}},"caller":"put8","check":"write","status":"safe"
  // O0: "function":"memcpy",{{.*}}"line":[[@LINE+1]],"column":{{[0-9]+}},"caller":"put8","check":"write","status":"unknown"
  memcpy(d, s, 8);
}
void twice(const char *s) {
  char a[8], b[16];
  put8(a, s);
  put8(b, s);
  sink(a);
  sink(b);
}

size_t measure(void) {
  char *p = (char *)malloc(4);
  memcpy(p, "abc", 4);
  // CHECK: "function":"strlen",{{.*}}"line":[[@LINE+2]],"column":{{[0-9]+}},"caller":"measure","check":"read","status":"checked"
  // GLIBC: "function":"strlen",{{.*}}"line":[[@LINE+1]],"column":{{[0-9]+}},"caller":"measure","check":"read","status":"checked"
  return strlen(p);
}

int format(char *out, int v) {
  // CHECK: "function":"sprintf",{{.*}}"line":[[@LINE+3]],"column":{{[0-9]+}},"caller":"format","check":"format","status":"safe"
  // CHECK: "function":"sprintf",{{.*}}"line":[[@LINE+2]],"column":{{[0-9]+}},"caller":"format","check":"write","status":"unknown"
  // GLIBC: "function":"sprintf",{{.*}}"line":[[@LINE+1]],"column":{{[0-9]+}},"caller":"format","check":"write","status":"unknown","level":3,"by":"none","libc_level":2,"why":{{"[a-z-]+"}}}
  return sprintf(out, "%d", v);
}

#ifdef __cplusplus
namespace ns {
// CXX: "function":"strcpy",{{.*}}"caller":"ns::copy(char const*)","check":"write","status":"overflow"
void copy(const char *s) {
  char b[4];
  strcpy(b, "hello");
  sink(b);
}
}  // namespace ns
#endif

// CHECK-NOT: "status"
// GLIBC-NOT: "status"
