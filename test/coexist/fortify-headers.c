// musl with a header-only fortify on the include path (fortify-headers, as
// Alpine ships it; test/Inputs/fortify-headers-like is a stand-in of the same
// shape): its wrappers' bodies are not instrumented, their size queries get
// the plugin's size, and exact fits run. The headers alone miss the heap
// block sized at run time, the member and %n in a writable format (it has
// no %n check at any level); beside the plugin all stop, the heap block at
// level 3 (on GCC 11, where level 3 is level 2, it is not stopped).
// REQUIRES: musl
// RUN: rm -rf %t.dir && mkdir -p %t.dir
// RUN: for CC in "%musl-gcc-fortify" "%musl-clang-fortify"; do \
// RUN:   for F in -U_FORTIFY_SOURCE -D_FORTIFY_SOURCE=2; do \
// RUN:     for O in -O0 -O2; do \
// RUN:       $CC $O $F -isystem %inputs/fortify-headers-like %s -o %t.dir/prog || exit 1; \
// RUN:       for c in heap member format_n; do \
// RUN:         %t.dir/prog $c fit || { echo "false stop: $c $CC $F $O"; exit 1; }; \
// RUN:         if [ $c = heap ]; then %level3-stop %t.dir/prog $c over; else not --crash %t.dir/prog $c over; fi || { echo "missed: $c $CC $F $O"; exit 1; }; \
// RUN:       done; \
// RUN:     done; \
// RUN:   done; \
// RUN: done
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

struct rec {
  int id;
  char key[8];
  char val[8];
};

int main(int argc, char **argv) {
  if (argc < 3)
    return 2;
  int over = strcmp(argv[2], "over") == 0;
  size_t n = strlen(argv[1]) % 4 + 8;
  if (!strcmp(argv[1], "heap")) {
    char *p = (char *)malloc(n);
    memcpy(p, "0123456789abcdef", n + over);
    // Not freed: musl's malloc would find the block's end overwritten (a
    // crash that is not a check) where the write is not stopped (GCC 11).
  } else if (!strcmp(argv[1], "format_n")) {
    char format[16], out[32];
    int count = 0;
    strcpy(format, over ? "%s%n" : "%s");
    snprintf(out, sizeof out, format, "x", &count);
    puts(out);
  } else {
    struct rec *r = (struct rec *)malloc(sizeof *r);
    strcpy(r->key, over ? "01234567" : "0123456");
    free(r);
  }
  return 0;
}
