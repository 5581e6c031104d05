// A pointer moved back into its object (`&a[1] - 1`) has the object's size
// from that point: no false stop. GCC 12 folds a dynamic size query on such
// an expression to 0 when it folds it early, before its objsz passes (found
// by GCC's torture test strlen-4.c at -O0).
// RUN: for CC in "%gcc-fortify" "%clang-fortify"; do \
// RUN:   for O in -O0 -O1 -O2; do \
// RUN:     $CC $O %s -o %t && %t || exit 1; \
// RUN:   done; \
// RUN: done
#include <string.h>

typedef char A28[28];
static const A28 table[2][3] = {{"1", "123", "12345"}, {"1234567", "123456789", "12345678901"}};
static char buffer[2][28];

int main(void) {
  if (strlen(*(&table[0][1] - 1)) != 1 || strlen(*(&table[1][2] - 2)) != 7)
    return 1;
  memcpy(*(&buffer[1] - 1), "0123456789", 10);
  strcpy(&buffer[1][4] - 4, "abc");
  return strcmp(buffer[1], "abc") != 0;
}
