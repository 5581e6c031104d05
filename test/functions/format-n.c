// From level 2, a %n in a format that is not a string literal stops the
// program, whatever the conversion's flags, width or length ("%5n", "%hhn");
// "%%n" is a literal '%' then 'n' and runs. Literal formats are not checked.
// RUN: for CC in "%gcc-fortify" "%musl-gcc-fortify" "%clang-fortify" "%musl-clang-fortify"; do \
// RUN:   for O in -O0 -O2; do \
// RUN:     $CC $O %s -o %t || exit 1; \
// RUN:     for f in printf fprintf sprintf snprintf vprintf; do \
// RUN:       %t $f percent > /dev/null || exit 1; \
// RUN:       for format in plain width length flags; do \
// RUN:         not --crash %t $f $format > /dev/null || exit 1; \
// RUN:       done; \
// RUN:     done; \
// RUN:     %t literal x | FileCheck %s || exit 1; \
// RUN:   done; \
// RUN:   $CC -O2 -fplugin-arg-fortify-level=1 %s -o %t.L1 && %t.L1 printf plain > /dev/null || exit 1; \
// RUN: done
// In mode=chk the printf family is glibc's __*printf_chk(1, ...), which
// allows %n in a read-only format (these are): test/chk/mode-chk-format.c.
// UNSUPPORTED: mode-chk
// CHECK: count 2
#include <stdarg.h>
#include <stdio.h>
#include <string.h>

static int with_vprintf(const char *format, ...) {
  va_list ap;
  va_start(ap, format);
  int result = vprintf(format, ap);
  va_end(ap);
  return result;
}

// Formats by name (lit would expand '%' in a RUN line).
static const char *format_named(const char *name) {
  if (!strcmp(name, "percent"))
    return "ok %%n %%5n";
  if (!strcmp(name, "plain"))
    return "x%n";
  if (!strcmp(name, "width"))
    return "x%5n";
  if (!strcmp(name, "length"))
    return "x%hhn";
  if (!strcmp(name, "flags"))
    return "x%-3ln";
  return "";
}

int main(int argc, char **argv) {
  const char *what = argv[1];
  const char *format = format_named(argc > 2 ? argv[2] : "");
  int count = 0;
  char buffer[64];
  if (!strcmp(what, "printf"))
    printf(format, &count);
  else if (!strcmp(what, "fprintf"))
    fprintf(stdout, format, &count);
  else if (!strcmp(what, "sprintf"))
    sprintf(buffer, format, &count);
  else if (!strcmp(what, "snprintf"))
    snprintf(buffer, sizeof buffer, format, &count);
  else if (!strcmp(what, "vprintf"))
    with_vprintf(format, &count);
  else if (!strcmp(what, "literal")) {
    snprintf(buffer, sizeof buffer, "ab%n", &count);
    printf("count %d\n", count);
  }
  return 0;
}
