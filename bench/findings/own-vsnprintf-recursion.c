/* Infinite recursion (SIGSEGV), both plugins, -O0 and -O2.
 * Found by bench/torture.sh on gcc.c-torture/execute/builtins/{s,sn,vs,vsn}printf-chk.c and
 * pr23484-chk.c, whose lib/chk.c defines snprintf/vsnprintf on top of vsprintf.
 * The plugins check vsprintf through its bounded sibling vsnprintf; when the
 * translation unit defines vsnprintf itself, in terms of vsprintf, the rewritten
 * call recurses forever.
 *   gcc -O2 -fplugin=fortify.so own-vsnprintf-recursion.c && ./a.out        -> SIGSEGV
 *   clang-19 -O2 -fplugin=fortify-clang.so own-vsnprintf-recursion.c && ./a.out -> SIGSEGV
 * Exit 0 without the plugin. Plugin commit f0127f0. */
#include <stdarg.h>
#include <stdio.h>
#include <string.h>
/* A program that provides its own vsnprintf on top of vsprintf (as GCC's
   builtins test harness, and some portability layers, do). */
static char tmp[256];
int vsnprintf(char *s, size_t n, const char *fmt, va_list ap) {
  int r = vsprintf(tmp, fmt, ap);      /* the plugin turns this into vsnprintf(tmp, 256, ...) */
  if (n) { size_t k = (size_t)r < n ? (size_t)r : n - 1; memcpy(s, tmp, k); s[k] = 0; }
  return r;
}
static int fmt(char *s, size_t n, const char *f, ...) {
  va_list ap; va_start(ap, f); int r = vsnprintf(s, n, f, ap); va_end(ap); return r;
}
int main(void) {
  char out[16];
  fmt(out, sizeof out, "%d", 42);
  return strcmp(out, "42") != 0;
}
