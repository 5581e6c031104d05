// Beside glibc's _FORTIFY_SOURCE the compile-time warnings of a call that
// always overflows keep to the compilers' own switches: -Werror with
// -Wno-error=<switch> builds, -Wno-<switch> silences. With GCC the warning
// is GCC's own for glibc's __*_chk call, with the plugin's tighter size (a
// member, not the whole struct, beside _FORTIFY_SOURCE=1); with Clang it is
// -Wfortify-source. Correct code gets no warning at all. Under GCC 11 glibc
// says with #warning that _FORTIFY_SOURCE=3 is its level 2 there (no
// __builtin_dynamic_object_size): -Wno-cpp keeps that out of -Werror.
// RUN: for F in -U_FORTIFY_SOURCE -D_FORTIFY_SOURCE=1 -D_FORTIFY_SOURCE=2 -D_FORTIFY_SOURCE=3; do \
// RUN:   %gcc-fortify -O2 $F %if !gcc-dynamic-sizes %{-Wno-cpp%} -Wstringop-overflow -Werror -Wno-error=stringop-overflow -DOVERFLOW -c %s -o /dev/null 2>&1 | FileCheck %s --check-prefix=GCC || exit 1; \
// RUN:   %gcc-fortify -O2 $F %if !gcc-dynamic-sizes %{-Wno-cpp%} -Werror -Wno-stringop-overflow -DOVERFLOW -c %s -o /dev/null 2>&1 | count 0 || exit 1; \
// RUN:   %gcc-fortify -O2 $F %if !gcc-dynamic-sizes %{-Wno-cpp%} -Wstringop-overflow -Werror -c %s -o /dev/null 2>&1 | count 0 || exit 1; \
// RUN:   %clang-fortify -O2 $F -Wfortify-source -Werror -Wno-error=fortify-source -DOVERFLOW -c %s -o /dev/null 2>&1 | FileCheck %s --check-prefix=CLANG || exit 1; \
// RUN:   %clang-fortify -O2 $F -Werror -Wno-fortify-source -DOVERFLOW -c %s -o /dev/null 2>&1 | count 0 || exit 1; \
// RUN:   %clang-fortify -O2 $F -Wfortify-source -Werror -c %s -o /dev/null 2>&1 | count 0 || exit 1; \
// RUN: done
// GCC: warning: {{.*}}8{{.*}} [-Wstringop-overflow=]
// CLANG: warning: {{.*}} [-Wfortify-source]
#include <string.h>

struct pair {
  int id;
  char first[8];
  char second[8];
};

void sink(void *);

void copy(struct pair *p, const char *s) {
#ifdef OVERFLOW
  strcpy(p->first, "0123456789ab");
#else
  strcpy(p->first, "0123456");
  memcpy(p->second, s, sizeof p->second);
#endif
  sink(p);
}
