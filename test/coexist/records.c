// Coverage records beside the C library's fortify headers tell the truth: a
// call through glibc's wrapper is "checked" when glibc's __*_chk call
// survives with a known size, "safe" when it folded as fitting, "unknown"
// when the size was (size_t)-1; "by" names which fortification knew the size
// (glibc's static sizes at levels 1 and 2 do not know malloc(n + 1)) and
// "libc_level" glibc's level. Wrapper bodies in system headers are no sites.
// RUN: rm -rf %t.dir && mkdir -p %t.dir
// RUN: %gcc-fortify -O2 -fplugin-arg-fortify-reads=off -fplugin-arg-fortify-report=%t.dir/g0 -U_FORTIFY_SOURCE -c %s -o /dev/null
// RUN: %gcc-fortify -O2 -fplugin-arg-fortify-reads=off -fplugin-arg-fortify-report=%t.dir/g2 -D_FORTIFY_SOURCE=2 -c %s -o /dev/null
// RUN: %gcc-fortify -O2 -fplugin-arg-fortify-reads=off -fplugin-arg-fortify-report=%t.dir/g3 -D_FORTIFY_SOURCE=3 -c %s -o /dev/null
// RUN: FileCheck %s -DL=%gcc-level3 -DLIBC3=%gcc-level3 --check-prefixes=ALL,ALONE,ALONE-L%gcc-level3 --input-file=%t.dir/g0 --implicit-check-not=/usr/include
// RUN: FileCheck %s -DL=%gcc-level3 -DLIBC3=%gcc-level3 --check-prefixes=ALL,F2,F2-L%gcc-level3 --input-file=%t.dir/g2 --implicit-check-not=/usr/include
// RUN: FileCheck %s -DL=%gcc-level3 -DLIBC3=%gcc-level3 --check-prefixes=ALL,F3,F3-L%gcc-level3,F3-GCC%gcc-level3 --input-file=%t.dir/g3 --implicit-check-not=/usr/include
// RUN: %clang-fortify -O2 -fplugin-arg-fortify-reads=off -fplugin-arg-fortify-report=%t.dir/c0 -U_FORTIFY_SOURCE -c %s -o /dev/null
// RUN: %clang-fortify -O2 -fplugin-arg-fortify-reads=off -fplugin-arg-fortify-report=%t.dir/c2 -D_FORTIFY_SOURCE=2 -c %s -o /dev/null
// RUN: %clang-fortify -O2 -fplugin-arg-fortify-reads=off -fplugin-arg-fortify-report=%t.dir/c3 -D_FORTIFY_SOURCE=3 -c %s -o /dev/null
// RUN: FileCheck %s -DL=3 -DLIBC3=3 --check-prefixes=ALL,ALONE,ALONE-L3 --input-file=%t.dir/c0 --implicit-check-not=/usr/include
// RUN: FileCheck %s -DL=3 -DLIBC3=3 --check-prefixes=ALL,F2,F2-L3 --input-file=%t.dir/c2 --implicit-check-not=/usr/include
// RUN: FileCheck %s -DL=3 -DLIBC3=3 --check-prefixes=ALL,F3,F3-L3,F3-CLANG --input-file=%t.dir/c3 --implicit-check-not=/usr/include
// At -O0 glibc's fortify is off: the plugin's own records, libc_level 0.
// RUN: %gcc-fortify -O0 -Wno-cpp -fplugin-arg-fortify-reads=off -fplugin-arg-fortify-report=%t.dir/g00 -D_FORTIFY_SOURCE=2 -c %s -o /dev/null
// RUN: %clang-fortify -O0 -Wno-#warnings -fplugin-arg-fortify-reads=off -fplugin-arg-fortify-report=%t.dir/c00 -D_FORTIFY_SOURCE=2 -c %s -o /dev/null
// RUN: FileCheck %s -DL=%gcc-level3 -DLIBC3=%gcc-level3 --check-prefixes=ALL,ALONE,ALONE-L%gcc-level3 --input-file=%t.dir/g00 --implicit-check-not=/usr/include
// RUN: FileCheck %s -DL=3 -DLIBC3=3 --check-prefixes=ALL,ALONE,ALONE-L3 --input-file=%t.dir/c00 --implicit-check-not=/usr/include
// One build gives glibc's coverage and the plugin's side by side.
// RUN: %fortify-coverage %t.dir/g2 | FileCheck %s --check-prefix=TOOL%gcc-level3
// RUN: %fortify-coverage --json=- %t.dir/g2 | FileCheck %s --check-prefix=JSON%gcc-level3
// JSON3: "libc_levels": [2],
// JSON3-NEXT: "write": {"sites": 6, "safe": 1, "checked": 4, "unknown": 1, "overflow": 0, "protected": 5, {{.*}}},
// JSON3-NEXT: "write_libc_alone": {"sites": 6, "safe": 1, "checked": 2, "unknown": 3, "overflow": 0, "protected": 3, {{.*}}},
// TOOL3: C library alone: 3 of 6 call sites (50.00%); with the plugin: 5 (83.33%)
// GCC 11 checks level 3 as level 2 (the records say level 2): the blocks
// malloc(n + 1) gives are unknown to the plugin as to glibc, and glibc's
// _FORTIFY_SOURCE=3 is its level 2 there (it needs GCC 12's
// __builtin_dynamic_object_size). The plugin adds the member's size only.
// JSON2: "libc_levels": [2],
// JSON2-NEXT: "write": {"sites": 6, "safe": 1, "checked": 2, "unknown": 3, "overflow": 0, "protected": 3, {{.*}}},
// JSON2-NEXT: "write_libc_alone": {"sites": 6, "safe": 1, "checked": 2, "unknown": 3, "overflow": 0, "protected": 3, {{.*}}},
// TOOL2: C library alone: 3 of 6 call sites (50.00%); with the plugin: 3 (50.00%)
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

char global[16];
struct pair { char a[8]; char b[8]; } pair;

void calls(char *out, const char *in, size_t n, size_t m, int fd) {
  // ALONE-DAG: "line":[[@LINE+3]],{{.*}}"status":"checked","level":[[L]],"by":"plugin","libc_level":0}
  // F2-DAG: "line":[[@LINE+2]],{{.*}}"status":"checked","level":[[L]],"by":"both","libc_level":2}
  // F3-DAG: "line":[[@LINE+1]],{{.*}}"status":"checked","level":[[L]],"by":"both","libc_level":[[LIBC3]]}
  memcpy(global, in, n);
  // ALONE-DAG: "line":[[@LINE+3]],{{.*}}"status":"safe","level":[[L]],"by":"plugin"
  // F2-DAG: "line":[[@LINE+2]],{{.*}}"status":"safe","level":[[L]],"by":"both"
  // F3-DAG: "line":[[@LINE+1]],{{.*}}"status":"safe","level":[[L]],"by":"both"
  memcpy(global, in, 4);
  // ALL-DAG: "line":[[@LINE+1]],{{.*}}"status":"unknown","level":[[L]],"by":"none"
  memcpy(out, in, n);
  char *p = malloc(n + 1);
  // ALONE-L3-DAG: "line":[[@LINE+6]],{{.*}}"status":"checked","level":3,"by":"plugin"
  // F2-L3-DAG: "line":[[@LINE+5]],{{.*}}"status":"checked","level":3,"by":"plugin","libc_level":2}
  // F3-L3-DAG: "line":[[@LINE+4]],{{.*}}"status":"checked","level":3,"by":"both","libc_level":3}
  // ALONE-L2-DAG: "line":[[@LINE+3]],{{.*}}"status":"unknown","level":2,"by":"none","libc_level":0,"why":"allocator"}
  // F2-L2-DAG: "line":[[@LINE+2]],{{.*}}"status":"unknown","level":2,"by":"none","libc_level":2,"why":"allocator"}
  // F3-L2-DAG: "line":[[@LINE+1]],{{.*}}"status":"unknown","level":2,"by":"none","libc_level":2,"why":"allocator"}
  memcpy(p, in, m);
  // ALONE-DAG: "line":[[@LINE+3]],{{.*}}"status":"checked","level":[[L]],"by":"plugin"
  // F2-DAG: "line":[[@LINE+2]],{{.*}}"status":"checked","level":[[L]],"by":"both"
  // F3-DAG: "line":[[@LINE+1]],{{.*}}"status":"checked","level":[[L]],"by":"both"
  strcpy(pair.a, in);
  // glibc 2.36 wraps read for GCC only: under Clang the check is the plugin's.
  // ALONE-L3-DAG: "line":[[@LINE+7]],{{.*}}"status":"checked","level":3,"by":"plugin"
  // F2-L3-DAG: "line":[[@LINE+6]],{{.*}}"status":"checked","level":3,"by":"plugin"
  // F3-GCC3-DAG: "line":[[@LINE+5]],{{.*}}"status":"checked","level":3,"by":"both"
  // F3-CLANG-DAG: "line":[[@LINE+4]],{{.*}}"status":"checked","level":3,"by":"plugin","libc_level":3}
  // ALONE-L2-DAG: "line":[[@LINE+3]],{{.*}}"status":"unknown","level":2,"by":"none","libc_level":0,"why":"allocator"}
  // F2-L2-DAG: "line":[[@LINE+2]],{{.*}}"status":"unknown","level":2,"by":"none","libc_level":2,"why":"allocator"}
  // F3-GCC2-DAG: "line":[[@LINE+1]],{{.*}}"status":"unknown","level":2,"by":"none","libc_level":2,"why":"allocator"}
  if (read(fd, p, 10) < 0)
    abort();
  free(p);
}

// %n in a format that is not a literal: glibc looks for it (its checked
// printf, flag 1) from its level 2; the plugin does alone.
void format(const char *f) {
  // ALONE-DAG: "function":"printf",{{.*}}"line":[[@LINE+3]],{{.*}}"check":"format","status":"checked","level":[[L]],"by":"plugin","libc_level":0}
  // F2-DAG: "function":"printf",{{.*}}"line":[[@LINE+2]],{{.*}}"check":"format","status":"checked","level":[[L]],"by":"libc","libc_level":2}
  // F3-DAG: "function":"printf",{{.*}}"line":[[@LINE+1]],{{.*}}"check":"format","status":"checked","level":[[L]],"by":"libc","libc_level":[[LIBC3]]}
  printf(f, 1);
}
