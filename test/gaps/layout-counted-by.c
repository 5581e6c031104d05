// Issue 12: counted_by (Clang 18+; GCC 15, which is not here: GCC 11 and 12
// ignore the attribute, and the GCC plugin registers it there: issue 16,
// gcc-plugin/field-sizes.cpp). A flexible array member declared counted_by(n) holds n
// elements for Clang's __builtin_dynamic_object_size (p->fam: n * size,
// &p->fam[i]: (n - i) * size, 0 when negative); the Clang plugin uses the
// same size at level 3 (the front end tells it which member is counted by
// which field), for the string and the mem functions alike, as Clang's own
// types 1 and 0 do. Level 2 is static: the whole block bounds the call.
// Negative twins: exact fits, a flexible array without the attribute, a
// zero-length copy into a zero count, C++ (where Clang 19 ignores it).
//
// RUN: rm -rf %t && mkdir -p %t
// RUN: for O in -O0 -O2; do for L in 2 3; do \
// RUN:   %clang-fortify $O -fplugin-arg-fortify-level=$L %s -o %t/clang$O-$L && \
// RUN:   %clangxx-fortify -Wno-ignored-attributes -x c++ $O -fplugin-arg-fortify-level=$L %s -o %t/clangxx$O-$L && \
// RUN:   %gcc-fortify $O -fplugin-arg-fortify-level=$L %s -o %t/gcc$O-$L && \
// RUN:   %gxx-fortify -x c++ $O -fplugin-arg-fortify-level=$L %s -o %t/gxx$O-$L || exit 1; done; done
//
// Before Clang 18 the attribute is ignored (a warning): level 3 bounds such
// a member as level 2 does, by the whole block (docs/CLANG-PLUGIN.md).
// The GCC plugin likewise in C, on GCC 11 too (the count needs no
// __builtin_dynamic_object_size).
// RUN: for p in %t/gcc-*-3 %if llvm-ge-18 %{%t/clang-*-3%}; do echo $p; \
// RUN:   $p heap 7 && not --crash $p heap 8 && \
// RUN:   $p stack 7 && not --crash $p stack 8 && \
// RUN:   $p memcpy 8 && not --crash $p memcpy 9 && \
// RUN:   $p index 4 && not --crash $p index 5 && \
// RUN:   $p wide 20 && not --crash $p wide 21 && \
// RUN:   not --crash $p zero 1 || exit 1; done
// Level 2, and C++: the block (32 bytes of array) bounds it.
// RUN: for p in %t/clang-*-2 %t/clangxx* %t/gcc-*-2 %t/gxx* %if llvm-ge-18 %{%} %else %{%t/clang-*-3%}; do echo $p; \
// RUN:   $p heap 8 && $p stack 8 && $p memcpy 9 && $p index 5 && $p wide 21 && $p zero 1 && \
// RUN:   not --crash $p heap 32 || exit 1; done
// Never narrowed: no attribute; nothing written into a zero count.
// RUN: for p in %t/*; do $p plain 31 && $p zero 0 || exit 1; done
#include <stdlib.h>
#include <string.h>

#include "text-of-length.h"

#ifdef __cplusplus
#define COUNTED_BY(n)
#else
#define COUNTED_BY(n) __attribute__((counted_by(n)))
#endif

struct counted {
  int n;
  char fam[] COUNTED_BY(n);
};
struct counted_int {
  short n;
  int fam[] COUNTED_BY(n);
};
struct plain {
  int n;
  char fam[];
};

int main(int argc, char **argv) {
  if (argc != 3)
    return 2;
  const char *c = argv[1];
  int len = atoi(argv[2]);
  const char *s = text_of_length(len);
  struct counted *p = (struct counted *)malloc(sizeof *p + 32);
  p->n = 8;
  __attribute__((aligned(8))) char buffer[sizeof(struct counted) + 32];
  struct counted *q = (struct counted *)buffer;
  q->n = 8;
  if (!strcmp(c, "heap"))
    strcpy(p->fam, s);
  else if (!strcmp(c, "stack"))
    strcpy(q->fam, s);
  else if (!strcmp(c, "memcpy"))
    memcpy(p->fam, s, len);
  else if (!strcmp(c, "index"))
    strcpy(&p->fam[3], s);
  else if (!strcmp(c, "wide")) {
    struct counted_int *w = (struct counted_int *)malloc(sizeof *w + 32);
    w->n = 5;
    memcpy(w->fam, s, len);
    return w->fam[0] == 7;
  } else if (!strcmp(c, "zero")) {
    p->n = 0;
    memcpy(p->fam, s, len);
  } else if (!strcmp(c, "plain")) {
    struct plain *f = (struct plain *)malloc(sizeof *f + 32);
    f->n = 8;
    strcpy(f->fam, s);
    return f->fam[0] == 'y';
  } else
    return 2;
  return p->fam[0] == 'y' && q->fam[0] == 'y';
}
