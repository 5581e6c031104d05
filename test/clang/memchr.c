// memchr and wmemchr stop at the first match (C11 7.24.5.1p2, 7.29.4.5.8p2):
// a bound past the object is valid while a match lies inside it
// (memchr(s, c, SIZE_MAX) is an idiom). Such calls run, with no warning; a
// bound past the object with no match inside it stops. Twins: a bound that
// fits exactly, an object of unknown size, a bound of 0. At -O0 and -O2,
// beside glibc's _FORTIFY_SOURCE=2 and 3 (which has no memchr check), C and
// C++.
// RUN: for cfg in "-O0" "-O2" "-O2 -D_FORTIFY_SOURCE=2" "-O2 -D_FORTIFY_SOURCE=3" "-O0 -D_FORTIFY_SOURCE=2"; do \
// RUN:   for cc in "%clang-fortify" "%clangxx-fortify -x c++"; do \
// RUN:     echo "== $cc $cfg" && \
// RUN:     $cc $cfg -Wfortify-source -Wno-cpp %s -o %t 2>%t.err && not grep . %t.err && \
// RUN:     %t match-sizemax && %t match-past 100 && %t match-past-heap 100 && \
// RUN:     %t fits 8 && %t unknown 100 && %t zero 0 && %t wide-match 100 && %t wide-fits 4 && \
// RUN:     not --crash %t no-match 9 && not --crash %t no-match-heap 100 && \
// RUN:     not --crash %t wide-no-match 5 || exit 1; \
// RUN:   done; \
// RUN: done
// A constant object with no match is a proven over-read; one with a match
// says nothing.
// RUN: %clang-fortify -O2 -Wfortify-source -c %s -DPROVEN -o /dev/null 2>&1 | FileCheck %s --implicit-check-not=warning:
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <wchar.h>

#ifdef PROVEN
static const char text[8] = "abc";
const void *proven(void) {
  // CHECK: memchr.c:[[@LINE+1]]:10: warning: 'memchr' reads 100 bytes from a region of size 8 [fortify]
  return memchr(text, 'z', 100);
}
const void *fine(void) { return memchr(text, 'c', 100); }
#else
__attribute__((noinline)) static char *opaque(char *p) {
  __asm__ volatile("" : "+r"(p));
  return p;
}

int main(int argc, char **argv) {
  const char *what = argv[1];
  size_t n = argc > 2 ? strtoul(argv[2], 0, 0) : SIZE_MAX;
  char buf[8] = "abc";
  wchar_t wide[4] = L"ab";
  const void *r = 0;
  if (!strcmp(what, "match-sizemax"))
    r = memchr(buf, 'b', SIZE_MAX);
  else if (!strcmp(what, "match-past"))
    r = memchr(buf, 'c', n);
  else if (!strcmp(what, "match-past-heap")) {
    char *p = (char *)malloc(argc + 6);
    strcpy(p, "abc");
    r = memchr(p, 'c', n) ? buf : 0;
    free(p);
  } else if (!strcmp(what, "fits"))
    r = memchr(buf, 'z', n) ? 0 : buf;
  else if (!strcmp(what, "unknown")) {
    static char big[128];
    r = memchr(opaque(big), 'z', n) ? 0 : buf;
  } else if (!strcmp(what, "zero"))
    r = memchr(buf, 'a', n) ? 0 : buf;
  else if (!strcmp(what, "no-match"))
    r = memchr(buf, 'z', n);
  else if (!strcmp(what, "no-match-heap")) {
    char *p = (char *)malloc(argc + 5);
    memset(p, 'a', argc + 5);
    r = memchr(p, 'z', n);
  } else if (!strcmp(what, "wide-match"))
    r = wmemchr(wide, L'b', n);
  else if (!strcmp(what, "wide-fits"))
    r = wmemchr(wide, L'z', n) ? 0 : buf;
  else if (!strcmp(what, "wide-no-match"))
    r = wmemchr(wide, L'z', n);
  return r ? 0 : 3;
}
#endif
