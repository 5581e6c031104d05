// -flto: the checks are inserted at compile time, before the IR is
// streamed, so link-time optimisation keeps them and folds them.
// RUN: %gcc-fortify -O2 -flto -c %s -o %t.o
// RUN: %gcc -O2 -flto %t.o -o %t
// RUN: %run-cases --subobject --min-write 1 %t
#define WRITE(dst, n) strcpy(dst, text_of_bytes(n))
#include "cases.h"
