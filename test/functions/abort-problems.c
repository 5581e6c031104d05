// In abort mode the message names the problem: an overflow, an over-read,
// open with O_CREAT and no mode, or %n in a non-literal format.
// RUN: for CC in "%gcc-fortify" "%clang-fortify" "%musl-gcc-fortify"; do \
// RUN:   for O in -O0 -O2; do \
// RUN:     $CC $O -fplugin-arg-fortify-mode=abort %s -o %t || exit 1; \
// RUN:     not --crash %t overflow 2>&1 | FileCheck %s --check-prefix=OVERFLOW || exit 1; \
// RUN:     %level3-stop --message '^fortify: buffer over-read in strlen at .*abort-problems.c:%(line+28):[0-9]+$' %t over-read || exit 1; \
// RUN:     not --crash %t open %t.file 2>&1 | FileCheck %s --check-prefix=OPEN || exit 1; \
// RUN:     not --crash %t format 2>&1 | FileCheck %s --check-prefix=FORMAT || exit 1; \
// RUN:   done; \
// RUN: done
// OVERFLOW: {{^}}fortify: buffer overflow in memcpy at {{.*}}abort-problems.c:[[#@LINE+17]]:{{[0-9]+}}{{$}}
// The over-read is of malloc(n), sized at run time: GCC 11 (level 3 is level 2) lets it run.
// OPEN: {{^}}fortify: O_CREAT or O_TMPFILE without a mode in open at {{.*}}abort-problems.c:[[#@LINE+26]]:{{[0-9]+}}{{$}}
// FORMAT: {{^}}fortify: %n in a format that is not a string literal in printf at {{.*}}abort-problems.c:[[#@LINE+29]]:{{[0-9]+}}{{$}}
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static const char *format_with_n(void) { return "%n"; }

int main(int argc, char **argv) {
  const char *what = argv[1];
  size_t n = strlen(what) + 4;
  int count = 0;
  if (!strcmp(what, "overflow")) {
    char *p = malloc(8);
    memcpy(p, "0123456789abcdef", n);
    return p[0];
  }
  if (!strcmp(what, "over-read")) {
    char *p = malloc(n);
    memset(p, 'x', n);
    volatile size_t length = strlen(p);
    return length == 0;
  }
  if (!strcmp(what, "open")) {
    int flags = argc > 2 ? O_CREAT | O_WRONLY : 0;
    return open(argv[2], flags);
  }
  if (!strcmp(what, "format")) {
    const char *format = argc > 1 ? format_with_n() : "";
    printf(format, &count);
  }
  return count;
}
