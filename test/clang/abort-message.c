// mode=abort prints one line naming the function and the call's location,
// then raises SIGABRT; a write that fits runs normally.
// RUN: %clang-fortify -O2 -fplugin-arg-fortify-mode=abort %s -o %t
// RUN: %t 16
// RUN: not --crash %t 17 2>&1 | FileCheck %s
// RUN: %clang-fortify -O0 -fplugin-arg-fortify-mode=abort -fplugin-arg-fortify-level=2 %s -o %t.O0
// RUN: not --crash %t.O0 17 2>&1 | FileCheck %s
#include <stdlib.h>
#include <string.h>

int main(int argc, char **argv) {
  char buffer[16];
  size_t n = argc > 1 ? strtoul(argv[1], NULL, 10) : 0;
  memset(buffer, 'x', n);
  // CHECK: fortify: buffer overflow in memset at {{.*}}abort-message.c:[[@LINE-1]]:3
  __asm__ volatile("" : : "r"(buffer) : "memory");
  return 0;
}
