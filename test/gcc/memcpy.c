// memcpy writes n bytes into its destination, bounded by the whole object.
// RUN: %gcc-fortify -O0 %s -o %t.O0 && %run-cases %t.O0
// RUN: %gcc-fortify -O2 %s -o %t.O2 && %run-cases %t.O2
// RUN: %gcc-fortify -O2 -fplugin-arg-fortify-level=1 %s -o %t.L1 && %run-cases --level 1 %t.L1
#define WRITE(dst, n) memcpy(dst, copy_source, n)
#include "cases.h"
