// Beside glibc's own fortify (-D_FORTIFY_SOURCE=2 and 3, as distributions
// build, and 1), a call gets at least what the plugin alone gives at its
// level: the same overflow programs are stopped alone, beside =1, =2 and =3
// (dynamic sizes, subobjects, over-reads), and every twin that fits
// exactly runs. The binaries keep glibc's __*_chk imports.
// RUN: %clang-fortify -O2 %s -o %t.alone
// RUN: %clang-fortify -O2 -D_FORTIFY_SOURCE=1 %s -o %t.one
// RUN: %clang-fortify -O2 -D_FORTIFY_SOURCE=2 %s -o %t.two
// RUN: %clang-fortify -O2 -D_FORTIFY_SOURCE=3 %s -o %t.three
// RUN: %clangxx-fortify -x c++ -O2 -D_FORTIFY_SOURCE=3 %s -o %t.cxx
// RUN: for bin in %t.alone %t.one %t.two %t.three %t.cxx; do \
// RUN:   stopped=0; \
// RUN:   for i in $(seq 1 $(%t.alone count)); do \
// RUN:     %t.alone fit $i >/dev/null || { echo "false stop: $bin fit $i"; exit 1; }; \
// RUN:     $bin fit $i >/dev/null || { echo "false stop: $bin fit $i"; exit 1; }; \
// RUN:     if not --crash $bin overflow $i >/dev/null 2>&1; then stopped=$((stopped+1)); else echo "not stopped: $bin $i $($bin name $i)"; fi; \
// RUN:   done; \
// RUN:   echo "$(basename $bin): $stopped of $(%t.alone count)"; \
// RUN: done | tee %t.counts
// RUN: FileCheck %s --input-file=%t.counts --implicit-check-not="not stopped" --implicit-check-not="false stop"
// CHECK: [[ALL:[0-9]+]] of [[ALL]]
// CHECK-NEXT: .one: [[ALL]] of [[ALL]]
// CHECK-NEXT: .two: [[ALL]] of [[ALL]]
// CHECK-NEXT: .three: [[ALL]] of [[ALL]]
// CHECK-NEXT: .cxx: [[ALL]] of [[ALL]]
// RUN: nm -D %t.two | FileCheck %s --check-prefix=IMPORTS
// IMPORTS-DAG: U __memcpy_chk
// IMPORTS-DAG: U __strcpy_chk
// IMPORTS-DAG: U __sprintf_chk
#define _GNU_SOURCE
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <unistd.h>
#include <wchar.h>

struct pair { char a[8]; char b[8]; };

static const char text[] = "0123456789abcdefghijklmnopqrstuvwxyz0123456789abcdefghijklmnopqrstuvwxyz";

__attribute__((noinline)) static void sink(const void *p) { __asm__ volatile("" : : "r"(p) : "memory"); }

#define CASES(X) \
  X(heap_memcpy) X(heap_memmove) X(heap_mempcpy) X(heap_memset) X(heap_bzero) X(heap_bcopy) \
  X(heap_explicit_bzero) X(heap_strcpy) X(heap_stpcpy) X(heap_strncpy) X(heap_stpncpy) \
  X(heap_strcat) X(heap_strncat) X(heap_sprintf) X(heap_snprintf) X(heap_wmemcpy) \
  X(heap_wmemmove) X(heap_fread) X(heap_read) X(vla_strcpy) X(vla_memcpy) X(chosen_memcpy) \
  X(member_strcpy) X(member_stpcpy) X(member_strncpy) X(member_strcat) X(member_strncat) \
  X(member_sprintf) X(member_snprintf) \
  X(stack_memcpy) X(stack_strcpy) X(read_memcpy) X(read_write) X(read_strlen) X(read_memchr)

#define NAME(c) #c,
static const char *names[] = {CASES(NAME)};
enum { kCount = sizeof names / sizeof *names };

// `extra` is 0 for the twin that fits exactly, 1 for the overflow.
static void run(int which, size_t extra, size_t eight) {
  size_t n = eight + extra;  // the bytes the call needs
  char *heap = (char *)malloc(eight);
  struct pair pair;
  FILE *zero = fopen("/dev/zero", "r");
  int fd = fileno(zero);
  char copy[64];
  switch (which) {
  case 0: memcpy(heap, text, n); break;
  case 1: memmove(heap, text, n); break;
  case 2: mempcpy(heap, text, n); break;
  case 3: memset(heap, 'x', n); break;
  case 4: bzero(heap, n); break;
  case 5: bcopy(text, heap, n); break;
  case 6: explicit_bzero(heap, n); break;
  case 7: strcpy(heap, text + sizeof text - n); break;
  case 8: stpcpy(heap, text + sizeof text - n); break;
  case 9: strncpy(heap, text, n); break;
  case 10: stpncpy(heap, text, n); break;
  case 11: heap[0] = 'a'; heap[1] = 0; strcat(heap, text + sizeof text - n + 1); break;
  case 12: heap[0] = 0; strncat(heap, text, n - 1); break;
  case 13: sprintf(heap, "%s", text + sizeof text - n); break;
  case 14: snprintf(heap, n, "%s", text); break;
  case 15: { wchar_t *w = (wchar_t *)malloc(eight * sizeof(wchar_t)); wmemcpy(w, L"0123456789abcdefghij", n); sink(w); break; }
  case 16: { wchar_t *w = (wchar_t *)malloc(eight * sizeof(wchar_t)); wmemmove(w, L"0123456789abcdefghij", n); sink(w); break; }
  case 17: if (fread(heap, 1, n, zero) != n) exit(2); break;
  case 18: if (read(fd, heap, n) != (ssize_t)n) exit(2); break;
  case 19: { char vla[eight]; strcpy(vla, text + sizeof text - n); sink(vla); break; }
  case 20: { char vla[eight]; memcpy(vla, text, n); sink(vla); break; }
  case 21: { char small[8], big[16]; char *p = eight & 16 ? big : small; memcpy(p, text, n); sink(small); sink(big); break; }
  case 22: strcpy(pair.a, text + sizeof text - n); break;
  case 23: stpcpy(pair.a, text + sizeof text - n); break;
  case 24: strncpy(pair.a, text, n); break;
  case 25: pair.a[0] = 0; strcat(pair.a, text + sizeof text - n); break;
  case 26: pair.a[0] = 0; strncat(pair.a, text, n - 1); break;
  case 27: sprintf(pair.a, "%s", text + sizeof text - n); break;
  case 28: snprintf(pair.a, n, "%s", text); break;
  case 29: { char stack[8]; memcpy(stack, text, n); sink(stack); break; }
  case 30: { char stack[8]; strcpy(stack, text + sizeof text - n); sink(stack); break; }
  // Over-reads: beyond glibc, the plugin's own.
  case 31: memcpy(copy, heap, n); sink(copy); break;
  case 32: if (write(fileno(stderr), heap, n) < 0) exit(2); break;
  case 33: memset(heap, 'x', eight); if (!extra) heap[eight - 1] = 0; if (strlen(heap) > eight) exit(2); break;
  case 34: memset(heap, 'x', eight); if (memchr(heap, 'z', n)) exit(2); break;
  }
  sink(heap);
  sink(&pair);
}

int main(int argc, char **argv) {
  if (!strcmp(argv[1], "count"))
    return printf("%d\n", (int)kCount) < 0;
  int which = atoi(argv[2]) - 1;
  if (!strcmp(argv[1], "name"))
    return printf("%s\n", names[which]) < 0;
  run(which, !strcmp(argv[1], "overflow"), (size_t)(argc + 5));
  return 0;
}
