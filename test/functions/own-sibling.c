// A program that defines vsnprintf itself on top of vsprintf (GCC's
// builtins test harness and some portability layers do): checking vsprintf
// through vsnprintf would recurse forever, so that call is left as written.
// (Found by bench/torture.sh on gcc.c-torture/execute/builtins.)
// RUN: for CC in "%gcc-fortify" "%clang-fortify"; do \
// RUN:   for O in -O0 -O2; do \
// RUN:     $CC $O %s -o %t && %t || exit 1; \
// RUN:   done; \
// RUN: done
#include <stdarg.h>
#include <stdio.h>
#include <string.h>

static char scratch[256];

int vsnprintf(char *s, size_t n, const char *format, va_list ap) {
  int r = vsprintf(scratch, format, ap);
  if (n) {
    size_t k = (size_t)r < n ? (size_t)r : n - 1;
    memcpy(s, scratch, k);
    s[k] = 0;
  }
  return r;
}

static int format_into(char *s, size_t n, const char *format, ...) {
  va_list ap;
  va_start(ap, format);
  int r = vsnprintf(s, n, format, ap);
  va_end(ap);
  return r;
}

int main(void) {
  char out[16];
  format_into(out, sizeof out, "%d", 42);
  return strcmp(out, "42") != 0;
}
