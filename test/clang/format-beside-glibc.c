// %n in a format that is not a literal beside glibc's _FORTIFY_SOURCE:
// glibc's checked entry points look for it from level 2 (their flag is
// _FORTIFY_SOURCE - 1); beside level 1 the plugin adds its own check at the
// call site (level >= 2), through glibc's vsprintf/vprintf wrappers and its
// __sprintf_chk macro alike. Either way the call stops; a format without %n
// runs. Records: the plugin's check is a "format" site beside level 1 only.
// RUN: for F in -U_FORTIFY_SOURCE -D_FORTIFY_SOURCE=1 -D_FORTIFY_SOURCE=2 -D_FORTIFY_SOURCE=3; do \
// RUN:   %clang-fortify -O2 $F %s -o %t || exit 1; \
// RUN:   for c in s v p; do \
// RUN:     %t $c 'fine %d' > /dev/null || { echo "false stop: $c $F"; exit 1; }; \
// RUN:     not --crash %t $c 'a%n' > /dev/null 2>&1 || { echo "not stopped: $c $F"; exit 1; }; \
// RUN:   done; \
// RUN: done
// RUN: rm -f %t.one.jsonl %t.two.jsonl
// RUN: %clang-fortify -O2 -D_FORTIFY_SOURCE=1 -fplugin-arg-fortify-report=%t.one.jsonl -c %s -o /dev/null
// RUN: %clang-fortify -O2 -D_FORTIFY_SOURCE=2 -fplugin-arg-fortify-report=%t.two.jsonl -c %s -o /dev/null
// RUN: FileCheck %s --check-prefix=ONE --input-file=%t.one.jsonl
// RUN: FileCheck %s --check-prefix=TWO --input-file=%t.two.jsonl
#include <stdarg.h>
#include <stdio.h>

static int unbounded(char *b, const char *format, ...) {
  va_list ap;
  va_start(ap, format);
  // ONE-DAG: "function":"vsprintf",{{.*}}"line":[[@LINE+2]],{{.*}}"check":"format","status":"checked","level":3,"by":"plugin","libc_level":1}
  // TWO-DAG: "function":"vsprintf",{{.*}}"line":[[@LINE+1]],{{.*}}"check":"write"
  int r = vsprintf(b, format, ap);
  va_end(ap);
  return r;
}

static int out(const char *format, ...) {
  va_list ap;
  va_start(ap, format);
  int r = vprintf(format, ap);
  va_end(ap);
  return r;
}

int main(int argc, char **argv) {
  char b[64];
  int n = 0;
  (void)argc;
  const char *format = argv[2];
  switch (argv[1][0]) {
  case 's':
    // ONE-DAG: "function":"sprintf",{{.*}}"line":[[@LINE+2]],{{.*}}"check":"format","status":"checked","level":3,"by":"plugin","libc_level":1}
    // TWO-NOT: "check":"format",{{.*}}"by":"plugin"
    sprintf(b, format, &n);
    break;
  case 'v':
    unbounded(b, format, &n);
    break;
  default:
    out(format, &n);
  }
  return n < 0;
}
