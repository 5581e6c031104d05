// A %n in a printf-style format that is not a string literal stops the
// program from level 2 (as glibc's _FORTIFY_SOURCE=2); "%%n" is a literal
// percent sign followed by 'n'; a literal format may use %n. The formats
// come from a table (not string literals at the call), chosen by name.
// RUN: %clang-fortify -O0 %s -o %t.O0
// RUN: %clang-fortify -O2 %s -o %t.O2
// RUN: %musl-clang-fortify -O0 %s -o %t.musl-O0
// RUN: %musl-clang-fortify -O2 %s -o %t.musl-O2
// RUN: %clang-fortify -O2 -fplugin-arg-fortify-level=1 %s -o %t.L1
// RUN: for bin in %t.O0 %t.O2 %t.musl-O0 %t.musl-O2; do \
// RUN:   $bin literal | FileCheck %s --check-prefix=LITERAL && \
// RUN:   $bin percent | FileCheck %s --check-prefix=PERCENT && \
// RUN:   $bin plain | FileCheck %s --check-prefix=PLAIN && \
// RUN:   $bin other | FileCheck %s --check-prefix=OTHER && \
// RUN:   $bin v-percent | FileCheck %s --check-prefix=PERCENT && \
// RUN:   not --crash $bin n && not --crash $bin width && not --crash $bin char && \
// RUN:   not --crash $bin long && not --crash $bin position && not --crash $bin flags && \
// RUN:   not --crash $bin percent-n && not --crash $bin v-n || exit 1; \
// RUN: done
// At level 1 formats are not checked.
// RUN: %t.L1 v-n | FileCheck %s --check-prefix=LEVEL1
// LITERAL: literal 3
// PERCENT: text %n 0
// PLAIN: no conversion 0
// OTHER: {{^}}    0 (null) 0
// LEVEL1: {{^}}v  2{{$}}
#include <stdarg.h>
#include <stdio.h>
#include <string.h>

static const struct {
  const char *name;
  const char *format;
} kFormats[] = {
    {"percent", "text %%n"},       {"v-percent", "text %%n"},
    {"plain", "no conversion"},    {"other", "%5d %s"},
    {"n", "x%n"},                  {"width", "%5n"},
    {"char", "%hhn"},              {"long", "%ln"},
    {"position", "%1$n"},          {"flags", "%d %-+ #0*.*n"},
    {"percent-n", "%%%n"},         {"v-n", "v %n"},
};

static void v(const char *format, ...) {
  va_list ap;
  va_start(ap, format);
  vprintf(format, ap);
  va_end(ap);
}

int main(int argc, char **argv) {
  int n = 0;
  if (argc != 2)
    return 2;
  if (!strcmp(argv[1], "literal")) {
    printf("abc%n", &n);
    printf("\rliteral %d\n", n);
    return 0;
  }
  for (unsigned i = 0; i < sizeof kFormats / sizeof kFormats[0]; ++i) {
    if (strcmp(argv[1], kFormats[i].name))
      continue;
    const char *format = kFormats[i].format;
    // Arguments that suit every format above: an int 0, a null string.
    if (argv[1][0] == 'v')
      v(format, &n);
    else
      printf(format, 0, (char *)0, &n, &n);
    printf(" %d\n", n);
    return 0;
  }
  return 2;
}
