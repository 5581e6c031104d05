// A program that defines its own `write` must not have abort mode call it:
// the check traps instead, and the program's write is never entered.
// RUN: %gcc-fortify -O0 -fplugin-arg-fortify-mode=abort %s -o %t
// RUN: %t abc
// RUN: not --crash %t abcd 2>&1 | FileCheck %s
// CHECK-NOT: own write called
// CHECK: Illegal instruction
#include <stdio.h>
#include <string.h>

int main(int argc, char **argv);

static int write(const char *what) {
  fprintf(stderr, "own write called\n");
  return what[0];
}

int main(int argc, char **argv) {
  char small[4];
  strcpy(small, argv[1]);
  return argc > 2 ? write(small) : 0;
}
