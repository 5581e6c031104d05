// The abort message gives the file, line and column of the call itself, for
// each function, in C and C++.
// RUN: %gcc-fortify -O2 -fplugin-arg-fortify-mode=abort %s -o %t
// RUN: not --crash %t 1 2>&1 | FileCheck %s --check-prefix=ONE
// RUN: not --crash %t 2 2>&1 | FileCheck %s --check-prefix=TWO
// RUN: %t 0 2>&1 | count 0
// RUN: %gxx-fortify -O0 -fplugin-arg-fortify-mode=abort -x c++ %s -o %t.cxx
// RUN: not --crash %t.cxx 1 2>&1 | FileCheck %s --check-prefix=ONE
// RUN: not --crash %t.cxx 2 2>&1 | FileCheck %s --check-prefix=TWO
// RUN: %clang-fortify -O2 -fplugin-arg-fortify-mode=abort %s -o %t.clang
// RUN: not --crash %t.clang 1 2>&1 | FileCheck %s --check-prefix=ONE
// RUN: not --crash %t.clang 2 2>&1 | FileCheck %s --check-prefix=TWO
// RUN: %t.clang 0 2>&1 | count 0
// RUN: %clangxx-fortify -O0 -fplugin-arg-fortify-mode=abort -x c++ %s -o %t.clangxx
// RUN: not --crash %t.clangxx 1 2>&1 | FileCheck %s --check-prefix=ONE
// RUN: not --crash %t.clangxx 2 2>&1 | FileCheck %s --check-prefix=TWO
#include <stdlib.h>
#include <string.h>

int main(int argc, char **argv) {
  char small[4];
  int which = atoi(argv[1]);
  size_t n = which ? 5 + (size_t)which : 4;
  if (which != 2)
    memset(small, 0, n);
  // ONE: {{^}}fortify: buffer overflow in memset at {{.*}}abort-location.c:[[@LINE-1]]:5{{$}}
  else
    strncat(small, "long text", n);
  // TWO: {{^}}fortify: buffer overflow in strncat at {{.*}}abort-location.c:[[@LINE-1]]:5{{$}}
  return small[0];
}
