// sprintf and vsprintf go through snprintf/vsnprintf with the known size:
// the same output and return value when it fits, stopped when it would not;
// an unknown size keeps the original call. vsnprintf and vswprintf bounds
// must fit. The va_list forms need the buffer in the variadic function.
// RUN: for CC in "%gcc-fortify" "%musl-gcc-fortify" "%clang-fortify" "%musl-clang-fortify"; do \
// RUN:   for O in -O0 -O2; do \
// RUN:     $CC $O %s -o %t || exit 1; \
// RUN:     %t sprintf 7 | FileCheck %s --check-prefix=FITS || exit 1; \
// RUN:     not --crash %t sprintf 8 || exit 1; \
// RUN:     %t unknown 40 | FileCheck %s --check-prefix=UNKNOWN || exit 1; \
// RUN:     %t vsprintf 7 | FileCheck %s --check-prefix=FITS || exit 1; \
// RUN:     not --crash %t vsprintf 8 || exit 1; \
// RUN:     %t vsnprintf 8 | FileCheck %s --check-prefix=BOUND || exit 1; \
// RUN:     not --crash %t vsnprintf 9 || exit 1; \
// RUN:     %t vswprintf 4 || exit 1; \
// RUN:     not --crash %t vswprintf 5 || exit 1; \
// RUN:     %t error 0 | FileCheck %s --check-prefix=ERROR || exit 1; \
// RUN:   done; \
// RUN: done
// FITS: result 7 [xxxxxxx]
// UNKNOWN: result 40
// BOUND: result 7 [xxxxxxx]
// ERROR: same result as plain sprintf
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <wchar.h>

__attribute__((noinline)) static char *opaque(char *p) {
  __asm__ volatile("" : "+r"(p));
  return p;
}

static const char *text(size_t n) {
  static char storage[64];
  memset(storage, 'x', n);
  storage[n] = '\0';
  return storage;
}

static int with_vsprintf(const char *format, ...) {
  char buffer[8];
  va_list ap;
  va_start(ap, format);
  int result = vsprintf(buffer, format, ap);
  va_end(ap);
  printf("result %d [%s]\n", result, buffer);
  return result;
}

static int with_vsnprintf(size_t bound, const char *format, ...) {
  char buffer[8];
  va_list ap;
  va_start(ap, format);
  int result = vsnprintf(buffer, bound, format, ap);
  va_end(ap);
  printf("result %d [%s]\n", result, buffer);
  return result;
}

static int with_vswprintf(size_t bound, const wchar_t *format, ...) {
  wchar_t buffer[4];
  va_list ap;
  va_start(ap, format);
  int result = vswprintf(buffer, bound, format, ap);
  va_end(ap);
  return result;
}

int main(int argc, char **argv) {
  const char *what = argv[1];
  size_t n = strtoul(argv[2], NULL, 10);
  char buffer[8];
  if (!strcmp(what, "sprintf")) {
    int result = sprintf(buffer, "%s", text(n));
    printf("result %d [%s]\n", result, buffer);
  } else if (!strcmp(what, "unknown")) {
    char big[64];
    int result = sprintf(opaque(big), "%s", text(n));
    printf("result %d\n", result);
  } else if (!strcmp(what, "vsprintf")) {
    with_vsprintf("%s", text(n));
  } else if (!strcmp(what, "vsnprintf")) {
    with_vsnprintf(n, "%s", text(7));
  } else if (!strcmp(what, "vswprintf")) {
    with_vswprintf(n, L"%ls", L"ab");
  } else if (!strcmp(what, "error")) {
    // An invalid wide character makes both sprintf and snprintf fail; the
    // checked call must return what sprintf returns, not stop.
    wchar_t invalid[2] = {(wchar_t)0x7fffffff, 0};
    char big[64];
    int checked = sprintf(buffer, "%ls", invalid);
    int plain = sprintf(opaque(big), "%ls", invalid);
    if (checked == plain)
      printf("same result as plain sprintf\n");
  }
  return 0;
}
