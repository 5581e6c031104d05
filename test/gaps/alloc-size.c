// alloc_size on an allocator the program defines is a caller-side
// attribute: both compilers' object-size analyses (GCC's objsz, LLVM's
// llvm.objectsize) size the block it returns, so both plugins check writes
// into it with no work of their own. alloc_size(1, 2) multiplies its two
// arguments. A constant size is known from level 2, a size known only at
// run time from level 3. Inside the allocator nothing is declared about its
// parameters: alloc_size says nothing on the callee side.
//
//   fixed     my_calloc(2, sizeof(int)): 8 bytes run, 9 stop (levels 2, 3)
//   runtime   my_alloc(8 + (argv[1][0] == 0)), 8 bytes at run time: 8 run, 9 stop at
//             level 3; at level 2 the size is unknown: 9 runs (the block is
//             64 bytes, the allocator hides that); GCC 11 checks level 3 as
//             level 2: 9 runs there too
// RUN: rm -rf %t && mkdir -p %t
// RUN: for cc in "%gcc-fortify" "%gxx-fortify -x c++" "%clang-fortify" "%clangxx-fortify -x c++"; do for O in -O0 -O2; do for L in 2 3; do \
// RUN:   $cc $O -fplugin-arg-fortify-level=$L -fplugin-arg-fortify-mode=abort %s -o %t/p || exit 1; \
// RUN:   %t/p fixed 8 && %t/p runtime 8 || exit 1; \
// RUN:   not --crash %t/p fixed 9 2>&1 | FileCheck %s || exit 1; \
// RUN:   if [ $L = 3 ]; then %level3-stop --message '^fortify: buffer overflow in memset' %t/p runtime 9 || exit 1; else %t/p runtime 9 || exit 1; fi; \
// RUN: done; done; done
// CHECK: fortify: buffer overflow in memset
#include <stdlib.h>
#include <string.h>

__attribute__((noinline, malloc, alloc_size(1))) void *my_alloc(size_t n) {
  return malloc(n < 64 ? 64 : n);
}
__attribute__((noinline, malloc, alloc_size(1, 2))) void *my_calloc(size_t n, size_t size) {
  return calloc(n * size < 64 ? 64 : n * size, 1);
}

int main(int argc, char **argv) {
  if (argc != 3)
    return 2;
  size_t m = (size_t)atoi(argv[2]);
  if (!strcmp(argv[1], "fixed")) {
    char *p = (char *)my_calloc(2, sizeof(int));
    memset(p, 0, m);
    free(p);
  } else {
    char *p = (char *)my_alloc(8 + (argv[1][0] == 0));
    memset(p, 0, m);
    free(p);
  }
  return 0;
}
