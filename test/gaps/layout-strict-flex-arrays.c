// Issue 12: -fstrict-flex-arrays=N (Clang 19; GCC 12 has no such option). A
// trailing array of a struct reached through a pointer is bounded exactly
// where Clang's own __builtin_object_size(p->d, 1) bounds it: N=0 never
// (any trailing array may be flexible), 1: all but [0], [1] and [], 2: all
// but [0] and [], 3: all but []. The Clang plugin learns N and the declared
// shape from the front end; before, it treated every level as 0. GCC 12
// behaves as N=0 whatever the flags (docs/GCC-PLUGIN.md).
// Negative twins: exact fits, [] at every level, an over-aligned struct's
// trailing [1] (its padding is no member) below level 2.
//
// RUN: rm -rf %t && mkdir -p %t
// Clang 14 has no -fstrict-flex-arrays (every trailing array may be
// flexible: level 0, what test/gaps/layout-*.c check without the option);
// Clang 15 takes levels 0 to 2 (docs/CLANG-PLUGIN.md).
// REQUIRES: llvm-ge-15
// RUN: for N in 0 1 2 %if llvm-ge-16 %{3%}; do for O in -O0 -O2; do for L in 2 3; do \
// RUN:   %clang-fortify -fstrict-flex-arrays=$N $O -fplugin-arg-fortify-level=$L %s -o %t/clang-$N$O-$L && \
// RUN:   %clangxx-fortify -x c++ -fstrict-flex-arrays=$N $O -fplugin-arg-fortify-level=$L %s -o %t/clangxx-$N$O-$L \
// RUN:   || exit 1; done; done; done
// RUN: for O in -O0 -O2; do for L in 2 3; do \
// RUN:   %gcc-fortify $O -fplugin-arg-fortify-level=$L %s -o %t/gcc$O-$L && \
// RUN:   %gxx-fortify -x c++ $O -fplugin-arg-fortify-level=$L %s -o %t/gxx$O-$L || exit 1; done; done
//
// Exact fits and [] run at every level, both compilers:
// RUN: for p in %t/*; do echo $p; \
// RUN:   $p four 3 && $p one 0 && $p flex 40 && $p declared 3 && not --crash $p declared 4 || exit 1; done
// Level 0 (and GCC 12): nothing trailing is bounded.
// RUN: for p in %t/clang*-0-* %t/g*; do echo $p; \
// RUN:   $p four 40 && $p one 40 && $p zero 40 && $p aligned 40 || exit 1; done
// Level 1: [4] bounded; [1], [0] flexible.
// RUN: for p in %t/clang*-1-*; do echo $p; \
// RUN:   not --crash $p four 4 && $p one 40 && $p zero 40 && $p aligned 40 || exit 1; done
// Level 2: [4] and [1] bounded (the over-aligned struct's too); [0] flexible.
// RUN: for p in %t/clang*-2-*; do echo $p; \
// RUN:   not --crash $p four 4 && not --crash $p one 1 && $p zero 40 && not --crash $p aligned 1 || exit 1; done
// Level 3: [0] bounded too (0 bytes).
// RUN: for p in %if llvm-ge-16 %{%t/clang*-3-*%}; do echo $p; \
// RUN:   not --crash $p four 4 && not --crash $p one 1 && not --crash $p zero 0 && not --crash $p aligned 1 || exit 1; done
#include <stdlib.h>
#include <string.h>

#include "text-of-length.h"

struct four {
  int n;
  char d[4];
};
struct one {
  int n;
  char d[1];
};
struct zero {
  int n;
  char d[0];
};
struct flex {
  int n;
  char d[];
};
struct __attribute__((aligned(16))) msg {
  int len;
  char data[1];
};

int main(int argc, char **argv) {
  if (argc != 3)
    return 2;
  const char *c = argv[1];
  const char *s = text_of_length(atoi(argv[2]));
  void *block = malloc(64);
  struct four local;
  if (!strcmp(c, "four"))
    strcpy(((struct four *)block)->d, s);
  else if (!strcmp(c, "one"))
    strcpy(((struct one *)block)->d, s);
  else if (!strcmp(c, "zero"))
    strcpy(((struct zero *)block)->d, s);
  else if (!strcmp(c, "flex"))
    strcpy(((struct flex *)block)->d, s);
  else if (!strcmp(c, "aligned"))
    strcpy(((struct msg *)block)->data, s);
  else if (!strcmp(c, "declared")) {
    // A declared object's trailing array is its own size at every level.
    strcpy(local.d, s);
    return local.d[0] == 'y';
  } else
    return 2;
  return ((char *)block)[5] == 'y';
}
