// fread(ptr, size, nmemb) writes size * nmemb bytes: either factor may be
// the large one, a zero nmemb never stops, and a product that wraps around
// is caught rather than compared after wrapping.
// RUN: for CC in "%gcc-fortify" "%musl-gcc-fortify" "%clang-fortify" "%musl-clang-fortify"; do \
// RUN:   for O in -O0 -O2; do \
// RUN:     $CC $O %s -o %t || exit 1; \
// RUN:     %t 4 4 && %t 16 1 && %t 1 16 && %t 100 0 && %t 0 100 || exit 1; \
// RUN:     not --crash %t 17 1 && not --crash %t 1 17 && not --crash %t 3 6 || exit 1; \
// RUN:     not --crash %t 9223372036854775809 2 || exit 1; \
// RUN:   done; \
// RUN: done
#include <stdio.h>
#include <stdlib.h>

int main(int argc, char **argv) {
  size_t size = strtoull(argv[1], NULL, 10);
  size_t count = strtoull(argv[2], NULL, 10);
  char buffer[16] = {0};
  FILE *zero = fopen("/dev/zero", "r");
  if (!zero)
    return 3;
  size_t got = fread(buffer, size, count, zero);
  return got > count ? 4 : 0;
}
