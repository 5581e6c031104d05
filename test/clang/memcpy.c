// memcpy (an llvm.memcpy intrinsic in Clang's IR) writes n bytes into its
// destination, bounded by the whole object, in C and C++.
// RUN: %clang-fortify -O0 %s -o %t.O0 && %run-cases %t.O0
// RUN: %clang-fortify -O2 %s -o %t.O2 && %run-cases %t.O2
// RUN: %clang-fortify -O2 -fplugin-arg-fortify-level=1 %s -o %t.L1 && %run-cases --level 1 %t.L1
// RUN: %clang-fortify -O0 -fplugin-arg-fortify-level=2 %s -o %t.O0L2 && %run-cases --level 2 %t.O0L2
// RUN: %clangxx-fortify -x c++ -Wno-deprecated -Wno-vla-cxx-extension -O2 %s -o %t.cxx && %run-cases %t.cxx
// RUN: %clangxx-fortify -x c++ -Wno-deprecated -Wno-vla-cxx-extension -O0 %s -o %t.cxx0 && %run-cases %t.cxx0
#define WRITE(dst, n) memcpy(dst, copy_source, n)
#include "cases.h"
