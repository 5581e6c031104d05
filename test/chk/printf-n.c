// The %n rule of __printf_chk & co. (flag > 0: %n only in a read-only
// format) for formats outside any module, where libfortify_chk reads
// /proc/self/maps as glibc does: a read-only mmap page passes, the heap and
// the stack stop. glibc itself is the reference.
// REQUIRES: musl
// RUN: gcc -O1 -I%S/Inputs %s -o %t.glibc
// RUN: musl-gcc -O1 -I%S/Inputs %s %fortify-chk-dir/libfortify_chk.a -static -o %t.musl
// RUN: for bin in %t.glibc %t.musl; do \
// RUN:   for where in rodata mmap-ro heap stack flag0; do \
// RUN:     $bin $where >/dev/null 2>%t.err; status=$?; echo "$where: $(tr -d '\n' < %t.err) status=$status"; \
// RUN:   done; done | FileCheck %s
// CHECK: rodata: n=2 status=0
// CHECK-NEXT: mmap-ro: n=2 status=0
// CHECK-NEXT: heap: *** %n in writable segment detected *** status=134
// CHECK-NEXT: stack: *** %n in writable segment detected *** status=134
// CHECK-NEXT: flag0: n=2 status=0
// CHECK-NEXT: rodata: n=2 status=0
// CHECK-NEXT: mmap-ro: n=2 status=0
// CHECK-NEXT: heap: *** %n in writable segment detected *** status=134
// CHECK-NEXT: stack: *** %n in writable segment detected *** status=134
// CHECK-NEXT: flag0: n=2 status=0
#define _GNU_SOURCE 1
#undef _FORTIFY_SOURCE
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include "chk-decls.h"

int main(int argc, char **argv) {
  static const char ro[] = "%s%n\n";
  char stack[16];
  const char *fmt = ro;
  int flag = 1, n = 0;
  if (argc != 2)
    return 2;
  if (strcmp(argv[1], "mmap-ro") == 0) {
    char *page = mmap(NULL, 4096, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
    strcpy(page, ro);
    mprotect(page, 4096, PROT_READ);
    fmt = page;
  } else if (strcmp(argv[1], "heap") == 0) {
    fmt = strcpy(malloc(16), ro);
  } else if (strcmp(argv[1], "stack") == 0) {
    fmt = strcpy(stack, ro);
  } else if (strcmp(argv[1], "flag0") == 0) {
    fmt = strcpy(stack, ro);
    flag = 0;
  }
  __fprintf_chk(stdout, flag, fmt, "ab", &n);
  fprintf(stderr, "n=%d", n);
  return 0;
}
