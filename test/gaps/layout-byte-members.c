// Issue 12: struct members reached through a pointer when every member is
// bytes. In LLVM IR `struct rec { char key[16]; char val[48]; }` is
// { [16 x i8], [48 x i8] }, which an over-aligned `struct { char key[16]; }`
// also is (tail padding), so the Clang plugin never narrowed r->key; it now
// takes the layout from Clang's front end (FrontendFacts.h). A variable offset
// inside a member (r->key + 4 * v) is narrowed at level 3, as GCC's
// __builtin_dynamic_object_size does (and the GCC plugin did already).
// Negative twins: exact fits, the last member (a flexible array in
// disguise: the block has room), an over-aligned struct's trailing [1] before
// its padding, a [0] member, and an unknown size (a parameter).
//
// RUN: rm -rf %t && mkdir -p %t
// RUN: for O in -O0 -O2; do for L in 2 3; do \
// RUN:   %clang-fortify $O -fplugin-arg-fortify-level=$L %s -o %t/clang$O-$L && \
// RUN:   %clangxx-fortify -x c++ $O -fplugin-arg-fortify-level=$L %s -o %t/clangxx$O-$L && \
// RUN:   %gcc-fortify $O -fplugin-arg-fortify-level=$L %s -o %t/gcc$O-$L && \
// RUN:   %gxx-fortify -x c++ $O -fplugin-arg-fortify-level=$L %s -o %t/gxx$O-$L || exit 1; done; done
//
// Narrowed to the member (16 bytes) at levels 2 and 3, heap and stack, C and C++:
// RUN: for p in %t/*; do echo $p; \
// RUN:   $p heap-key 15 && not --crash $p heap-key 16 && \
// RUN:   $p stack-key 15 && not --crash $p stack-key 16 && \
// RUN:   $p new-key 15 && not --crash $p new-key 16 || exit 1; done
// A variable offset inside the member: 16 - 4 bytes left, at level 3 (GCC 11
// checks level 3 as level 2: not stopped there, as at level 2 below):
// RUN: for p in %t/*-3; do echo $p; \
// RUN:   $p heap-var 11 && %level3-stop $p heap-var 12 && \
// RUN:   $p stack-var 11 && %level3-stop $p stack-var 12 || exit 1; done
// ... and never a stop at level 2, where sizes are static:
// RUN: for p in %t/*-2; do $p heap-var 11 && $p heap-var 12 || exit 1; done
// Never narrowed: the last member (the block is 32 bytes longer), the
// over-aligned struct's trailing [1], [0]; unknown: the parameter.
// RUN: for p in %t/*; do echo $p; \
// RUN:   $p heap-last 70 && \
// RUN:   $p aligned 40 && $p zero 40 && $p unknown 40 || exit 1; done
#include <stdlib.h>
#include <string.h>

#include "text-of-length.h"

struct rec {
  char key[16];
  char val[48];
};
struct __attribute__((aligned(16))) msg {
  int len;
  char data[1];
};
struct zero {
  int n;
  char d[0];
};

// The size is unknown inside: a parameter, never inlined, of an exported
// function (a static one gets its callers' sizes: docs/USAGE.md "Sizes from
// callers").
__attribute__((noinline)) void copy_to(char *d, const char *s) { strcpy(d, s); }

volatile int one = 1;

int main(int argc, char **argv) {
  if (argc != 3)
    return 2;
  const char *c = argv[1];
  const char *s = text_of_length(atoi(argv[2]));
  struct rec *r = (struct rec *)malloc(sizeof(struct rec) + 32);
  struct rec local;
  struct rec *l = &local;
  int v = one;
  if (!strcmp(c, "heap-key"))
    strcpy(r->key, s);
  else if (!strcmp(c, "stack-key"))
    strcpy(l->key, s);
  else if (!strcmp(c, "new-key")) {
#ifdef __cplusplus
    struct rec *n = new rec;
#else
    struct rec *n = (struct rec *)calloc(1, sizeof *n);
#endif
    strcpy(n->key, s);
    r = n;
  } else if (!strcmp(c, "heap-var"))
    strcpy(r->key + 4 * v, s);
  else if (!strcmp(c, "stack-var"))
    strcpy(local.key + 4 * v, s);
  else if (!strcmp(c, "heap-last"))
    strcpy(r->val, s);
  else if (!strcmp(c, "aligned")) {
    struct msg *m = (struct msg *)malloc(64);
    strcpy(m->data, s);
    return m->data[0] == 'y';
  } else if (!strcmp(c, "zero")) {
    struct zero *z = (struct zero *)malloc(64);
    strcpy(z->d, s);
    return z->d[0] == 'y';
  } else if (!strcmp(c, "unknown"))
    copy_to(r->key, s);
  else
    return 2;
  return r->val[0] == 'y' && local.val[0] == 'y';
}
