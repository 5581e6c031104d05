// A program that defines its own `write` must not have abort mode call it:
// the check traps instead, and the program's write is never entered.
// RUN: for CC in "%gcc-fortify" "%clang-fortify"; do \
// RUN:   $CC -O0 -fplugin-arg-fortify-mode=abort %s -o %t || exit 1; \
// RUN:   %t abc || exit 1; \
// RUN:   not --crash %t abcd 2>&1 | FileCheck %s || exit 1; \
// RUN: done
// RUN: %clang-fortify -O0 -fplugin-arg-fortify-mode=abort -S -emit-llvm %s -o - | FileCheck %s --check-prefix=IR
// CHECK-NOT: own write called
// CHECK-NOT: fortify: buffer overflow
// (The trap: ud2 on x86, SIGILL; brk on aarch64, SIGTRAP.)
// CHECK: {{Illegal instruction|Trace/breakpoint trap}}
// IR: call void @llvm.trap()
// IR-NOT: call void @abort()
#include <stdio.h>
#include <string.h>

static int write(const char *what) {
  fprintf(stderr, "own write called\n");
  return what[0];
}

int main(int argc, char **argv) {
  char small[4];
  strcpy(small, argv[1]);
  return argc > 2 ? write(small) : 0;
}
