// Beside glibc's fortify, a size GCC's early_objsz already bounded
// (q = MIN (__builtin_object_size (p, 1), 19)) is a known size: the call is
// checked by glibc with it, not "unknown" (zlib's gzdopen: snprintf into
// malloc(19) was recorded unknown beside -D_FORTIFY_SOURCE=3, safe without).
// The size is static: the same on GCC 11, whose records say level 2.
// RUN: rm -rf %t && mkdir -p %t
// RUN: %gcc-fortify -O2 -w -U_FORTIFY_SOURCE -fplugin-arg-fortify-report=%t/g0 -c %s -o /dev/null
// RUN: %gcc-fortify -O2 -w -D_FORTIFY_SOURCE=2 -fplugin-arg-fortify-report=%t/g2 -c %s -o /dev/null
// RUN: %gcc-fortify -O2 -w -D_FORTIFY_SOURCE=3 -fplugin-arg-fortify-report=%t/g3 -c %s -o /dev/null
// RUN: %clang-fortify -O2 -w -U_FORTIFY_SOURCE -fplugin-arg-fortify-report=%t/c0 -c %s -o /dev/null
// RUN: %clang-fortify -O2 -w -D_FORTIFY_SOURCE=2 -fplugin-arg-fortify-report=%t/c2 -c %s -o /dev/null
// RUN: %clang-fortify -O2 -w -D_FORTIFY_SOURCE=3 -fplugin-arg-fortify-report=%t/c3 -c %s -o /dev/null
// RUN: FileCheck %s -DL=%gcc-level3 --check-prefix=ALONE --input-file=%t/g0
// RUN: FileCheck %s -DL=3 --check-prefix=ALONE --input-file=%t/c0
// RUN: FileCheck %s -DL=%gcc-level3 --check-prefix=BESIDE --input-file=%t/g2
// RUN: FileCheck %s -DL=%gcc-level3 --check-prefix=BESIDE --input-file=%t/g3
// RUN: FileCheck %s -DL=3 --check-prefix=BESIDE --input-file=%t/c2
// RUN: FileCheck %s -DL=3 --check-prefix=BESIDE --input-file=%t/c3
// ALONE: "function":"snprintf",{{.*}}"check":"write","status":"safe","level":[[L]],"by":"plugin"
// BESIDE: "function":"snprintf",{{.*}}"check":"write","status":"checked","level":[[L]],"by":"both"
// The twin whose bound does not fit: proven alone; beside glibc, glibc's
// __snprintf_chk makes the check (and stops at run time).
// ALONE: "function":"snprintf",{{.*}}"caller":"too_small","check":"write","status":"overflow"
// BESIDE: "function":"snprintf",{{.*}}"caller":"too_small","check":"write","status":"checked"
#include <stdio.h>
#include <stdlib.h>

char *fd_name(int fd) {
  char *path;
  if (fd == -1 || (path = (char *)malloc(7 + 3 * sizeof(int))) == NULL)
    return NULL;
  (void)snprintf(path, 7 + 3 * sizeof(int), "<fd:%d>", fd);
  return path;
}

char *too_small(int fd) {
  char *path = (char *)malloc(8);
  if (path)
    (void)snprintf(path, 19, "<fd:%d>", fd);
  return path;
}
