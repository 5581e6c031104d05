// Coverage records beside glibc's _FORTIFY_SOURCE say what became of glibc's
// own check, given the plugin's size where tighter: "checked" when the
// __*_chk call survives with a known size, "safe" when it folded as fitting,
// "unknown" when its size was (size_t)-1; "by" names whose size was known
// (glibc's static sizes at level 2 do not know malloc(n), the plugin's level
// 1 does not either, level 3 of both does), and "libc_level" is the level of
// the headers (0 at -O0, where glibc turns its fortify off). Wrapper bodies
// in the system headers are never sites of their own.
// RUN: rm -rf %t && mkdir -p %t
// RUN: %clang-fortify -O2 -U_FORTIFY_SOURCE -fplugin-arg-fortify-report=%t/alone -c %s -o /dev/null
// RUN: %clang-fortify -O2 -D_FORTIFY_SOURCE=2 -fplugin-arg-fortify-report=%t/two -c %s -o /dev/null
// RUN: %clang-fortify -O2 -D_FORTIFY_SOURCE=3 -fplugin-arg-fortify-report=%t/three -c %s -o /dev/null
// RUN: %clang-fortify -O2 -D_FORTIFY_SOURCE=3 -fplugin-arg-fortify-level=1 -fplugin-arg-fortify-report=%t/one -c %s -o /dev/null
// RUN: %clang-fortify -O0 -D_FORTIFY_SOURCE=2 -Wno-#warnings -fplugin-arg-fortify-report=%t/O0 -c %s -o /dev/null
// RUN: FileCheck %s --check-prefixes=ALL,ALONE --input-file=%t/alone --implicit-check-not=/usr/include
// RUN: FileCheck %s --check-prefixes=ALL,TWO --input-file=%t/two --implicit-check-not=/usr/include
// RUN: FileCheck %s --check-prefixes=ALL,THREE --input-file=%t/three --implicit-check-not=/usr/include
// RUN: FileCheck %s --check-prefixes=ONE --input-file=%t/one --implicit-check-not=/usr/include
// RUN: FileCheck %s --check-prefixes=ALL,O0 --input-file=%t/O0 --implicit-check-not=/usr/include
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

void sink(void *);

void stack(const char *s, size_t n) {
  char buffer[8];
  // ALONE-DAG: "line":[[@LINE+4]],{{.*}}"check":"write","status":"checked","level":3,"by":"plugin","libc_level":0}
  // TWO-DAG: "line":[[@LINE+3]],{{.*}}"check":"write","status":"checked","level":3,"by":"both","libc_level":2}
  // THREE-DAG: "line":[[@LINE+2]],{{.*}}"check":"write","status":"checked","level":3,"by":"both","libc_level":3}
  // O0-DAG: "line":[[@LINE+1]],{{.*}}"check":"write","status":"checked","level":3,"by":"plugin","libc_level":0}
  memcpy(buffer, s, n);
  sink(buffer);
}

void heap(const char *s, size_t n, size_t m) {
  char *p = malloc(n);
  // ALONE-DAG: "line":[[@LINE+4]],{{.*}}"check":"write","status":"checked","level":3,"by":"plugin","libc_level":0}
  // TWO-DAG: "line":[[@LINE+3]],{{.*}}"check":"write","status":"checked","level":3,"by":"plugin","libc_level":2}
  // THREE-DAG: "line":[[@LINE+2]],{{.*}}"check":"write","status":"checked","level":3,"by":"both","libc_level":3}
  // ONE-DAG: "line":[[@LINE+1]],{{.*}}"check":"write","status":"checked","level":1,"by":"libc","libc_level":3}
  memcpy(p, s, m);
  sink(p);
}

void fits(const char *s) {
  char buffer[8];
  // ALONE-DAG: "line":[[@LINE+3]],{{.*}}"check":"write","status":"safe","level":3,"by":"plugin"
  // TWO-DAG: "line":[[@LINE+2]],{{.*}}"check":"write","status":"safe","level":3,"by":"both"
  // THREE-DAG: "line":[[@LINE+1]],{{.*}}"check":"write","status":"safe","level":3,"by":"both"
  memcpy(buffer, s, 4);
  sink(buffer);
}

void unknown(char *out, const char *s, size_t n) {
  // ALL-DAG: "line":[[@LINE+2]],{{.*}}"check":"write","status":"unknown","level":3,"by":"none"
  // ONE-DAG: "line":[[@LINE+1]],{{.*}}"check":"write","status":"unknown","level":1,"by":"none"
  memcpy(out, s, n);
}

int format(int v) {
  char buffer[4];
  // ALONE-DAG: "line":[[@LINE+3]],{{.*}}"check":"write","status":"checked","level":3,"by":"plugin"
  // TWO-DAG: "line":[[@LINE+2]],{{.*}}"check":"write","status":"checked","level":3,"by":"both"
  // THREE-DAG: "line":[[@LINE+1]],{{.*}}"check":"write","status":"checked","level":3,"by":"both"
  sprintf(buffer, "%d", v);
  sink(buffer);
  return buffer[0];
}

// glibc's fread wrapper keeps its size in a variable and calls __fread_chk
// on two branches: still one site, told as the others.
size_t file(FILE *f, char *out, size_t n, size_t m) {
  char *p = malloc(n);
  // ALL-DAG: "line":[[@LINE+1]],{{.*}}"check":"write","status":"unknown","level":3,"by":"none"
  size_t r = fread(out, 1, m, f);
  // ALONE-DAG: "line":[[@LINE+3]],{{.*}}"check":"write","status":"checked","level":3,"by":"plugin"
  // TWO-DAG: "line":[[@LINE+2]],{{.*}}"check":"write","status":"checked","level":3,"by":"plugin"
  // THREE-DAG: "line":[[@LINE+1]],{{.*}}"check":"write","status":"checked","level":3,"by":"both"
  r += fread(p, 1, m, f);
  sink(p);
  return r;
}
