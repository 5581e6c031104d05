// mode=report at run time, with the program's own __fortify_report (the
// runtime library's stand-in): a failed check reports its site and sizes in
// bytes and the program goes on without the overflow. A check before the
// call skips the call (the destination and the memory after it stay as
// they were) and the call's result is its fallback: the destination for a
// pointer, -1 for a signed integer (read, printf, open), 0 for an unsigned
// one (fread). sprintf's bounded sibling has already truncated the output
// and goes on with its result; strlen's result check goes on. C and C++,
// -O0 and -O2; calls that fit report nothing.
// RUN: %clang-fortify -O0 -fplugin-arg-fortify-mode=report %s -o %t.O0
// RUN: %clang-fortify -O2 -fplugin-arg-fortify-mode=report %s -o %t.O2
// RUN: %clangxx-fortify -x c++ -O2 -fplugin-arg-fortify-mode=report %s -o %t.cxx
// RUN: for exe in %t.O0 %t.O2 %t.cxx; do \
// RUN:   $exe overflow < /dev/null 2>&1 | FileCheck %s || exit 1; \
// RUN:   $exe fits < /dev/null 2>&1 | FileCheck %s --check-prefix=FITS --implicit-check-not=REPORT || exit 1; \
// RUN: done
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#ifdef __cplusplus
extern "C"
#endif
void __fortify_report(const char *site, size_t needed, size_t available) {
  const char *field[6];
  for (int i = 0; i < 6; i++) {
    field[i] = site;
    site += strlen(site) + 1;
  }
  fprintf(stderr, "REPORT %s %s %s:%s:%s in %s: %zu > %zu\n", field[0], field[1],
          strrchr(field[2], '/') ? strrchr(field[2], '/') + 1 : field[2], field[3], field[4],
          field[5], needed, available);
}

struct Guarded {
  char buffer[8];
  char guard[8];
};

int main(int argc, char **argv) {
  setvbuf(stdout, NULL, _IONBF, 0);
  setvbuf(stderr, NULL, _IONBF, 0);
  int over = argc > 1 && !strcmp(argv[1], "overflow");
  size_t extra = over;

  char *heap = (char *)malloc(8);
  memset(heap, 'x', 8);
  // CHECK: REPORT write memcpy report-mode.c:[[@LINE+1]]:{{[0-9]+}} in main: 9 > 8
  char *copied = (char *)memcpy(heap, "0123456789", 8 + extra);
  // CHECK-NEXT: memcpy: destination 1, untouched 1
  // FITS: memcpy: destination 1, untouched 0
  printf("memcpy: destination %d, untouched %d\n", copied == heap, heap[0] == 'x');

  struct Guarded g;
  strcpy(g.guard, "guard");
  // CHECK-NEXT: REPORT write strcpy report-mode.c:[[@LINE+1]]:{{[0-9]+}} in main: 11 > 8
  char *end = strcpy(g.buffer, over ? "0123456789" : "0123456");
  // CHECK-NEXT: strcpy: destination 1, guard guard
  // FITS: strcpy: destination 1, guard guard
  printf("strcpy: destination %d, guard %s\n", end == g.buffer, g.guard);

  char small[4];
  // CHECK-NEXT: REPORT write read report-mode.c:[[@LINE+1]]:{{[0-9]+}} in main: 12 > 4
  long got = read(0, small, 4 + 8 * extra);
  // CHECK-NEXT: read: -1
  // FITS: read: 0
  printf("read: %ld\n", got);

  // CHECK-NEXT: REPORT write fread report-mode.c:[[@LINE+1]]:{{[0-9]+}} in main: 8 > 4
  size_t items = fread(small, 4, 1 + extra, stdin);
  // CHECK-NEXT: fread: 0
  // FITS: fread: 0
  printf("fread: %zu\n", items);

  char out[8];
  // CHECK-NEXT: REPORT write sprintf report-mode.c:[[@LINE+1]]:{{[0-9]+}} in main: 11 > 8
  int printed = sprintf(out, "%s", over ? "0123456789" : "0123");
  // CHECK-NEXT: sprintf: 10 0123456
  // FITS: sprintf: 4 0123
  printf("sprintf: %d %s\n", printed, out);

  char format[4] = "%n";
  int count = 0;
  // CHECK-NEXT: REPORT format printf report-mode.c:[[@LINE+1]]:{{[0-9]+}} in main: 0 > 0
  int result = over ? printf(format, &count) : printf("%s", "");
  // CHECK-NEXT: printf: -1
  // FITS: printf: 0
  printf("printf: %d\n", result);

  int flags = over ? O_CREAT | O_WRONLY : O_RDONLY;
  // CHECK-NEXT: REPORT open open report-mode.c:[[@LINE+1]]:{{[0-9]+}} in main: 0 > 0
  int fd = open("/nonexistent/fortify-report-mode", flags);
  // CHECK-NEXT: open: -1
  // FITS: open: -1
  printf("open: %d\n", fd);

  char *text = (char *)malloc(4);
  memcpy(text, "abcd", 3 + extra);
  if (!over)
    text[3] = '\0';
  // CHECK-NEXT: REPORT read strlen report-mode.c:[[@LINE+1]]:{{[0-9]+}} in main: {{[0-9]+}} > 4
  size_t length = strlen(text);
  // CHECK-NEXT: strlen: 1
  // FITS: strlen: 1
  printf("strlen: %d\n", length >= 3);
  // CHECK-NEXT: done
  // FITS: done
  puts("done");
  return 0;
}
