// strcpy writes strlen(src) + 1 bytes, bounded from level 2 by the closest
// subobject (s.a, not the whole struct), which the pass derives from the GEP
// chain at -O0 as at -O2.
// RUN: %clang-fortify -O0 %s -o %t.O0 && %run-cases --subobject --min-write 1 %t.O0
// RUN: %clang-fortify -O2 %s -o %t.O2 && %run-cases --subobject --min-write 1 %t.O2
// RUN: %clang-fortify -O2 -fplugin-arg-fortify-level=2 %s -o %t.L2 && %run-cases --level 2 --subobject --min-write 1 %t.L2
// RUN: %clang-fortify -O0 -fplugin-arg-fortify-level=1 %s -o %t.L1 && %run-cases --level 1 --subobject --min-write 1 %t.L1
#define WRITE(dst, n) strcpy(dst, text_of_bytes(n))
#include "cases.h"
