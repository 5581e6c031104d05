// __builtin_ spellings are the same functions, and GCC's own early rewrites
// (strcpy of a literal into memcpy, small constant memcpy into a move, bzero
// into memset) cannot hide a call: the plugin sees them first. The block is
// malloc(over ? 4 : 8), a size known only at run time: stopped at level 3
// (%level3-stop), and on GCC 11, which checks level 3 as level 2, not.
// RUN: for CC in "%gcc-fortify" "%clang-fortify"; do for O in -O0 -O2; do \
// RUN:   $CC $O %s -o %t$O || exit 1; \
// RUN:   for c in builtin_memcpy builtin_strcpy literal_strcpy small_memcpy bzero_small; do \
// RUN:     %t$O $c 0 || exit 1; %level3-stop %t$O $c 1 || exit 1; \
// RUN:   done; \
// RUN: done; done
#include <stdlib.h>
#include <string.h>
#include <strings.h>

int main(int argc, char **argv) {
  const char *what = argv[1];
  int over = atoi(argv[2]);
  char *heap = malloc(over ? 4 : 8);
  volatile char sink;
  char four[4], eight[8];
  char *target = over ? four : eight;
  if (!strcmp(what, "builtin_memcpy")) {
    __builtin_memcpy(heap, "0123456789", over ? 8 : 8);
    sink = heap[0];
  } else if (!strcmp(what, "builtin_strcpy")) {
    __builtin_strcpy(heap, "0123456");
    sink = heap[0];
  } else if (!strcmp(what, "literal_strcpy")) {
    strcpy(heap, "0123456"); /* becomes memcpy(heap, "0123456", 8) */
    sink = heap[0];
  } else if (!strcmp(what, "small_memcpy")) {
    memcpy(heap, "01234567", 8); /* becomes one 8-byte move */
    sink = heap[0];
  } else if (!strcmp(what, "bzero_small")) {
    bzero(heap, 8); /* becomes memset, then a move */
    sink = heap[0];
  }
  (void)target;
  (void)sink;
  return 0;
}
