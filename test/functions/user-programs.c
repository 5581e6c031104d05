// Programs as a new user writes them: struct members, pointers into the
// middle of buffers, VLAs, realloc, calloc, alloca, custom alloc_size
// allocators, small constant copies into heap buffers, and flexible array
// members, which must not be bounded by their declared size. Blocks sized
// at run time (and a run-time offset) are stopped at level 3 (%level3-stop);
// on GCC 11, where level 3 is level 2, they are not.
// RUN: for CC in "%gcc-fortify" "%musl-gcc-fortify" "%clang-fortify" "%musl-clang-fortify"; do for O in -O0 -O2; do \
// RUN:   $CC $O %s -o %t || exit 1; \
// RUN:   %t flex 10 10 && %level3-stop %t flex 10 11 || exit 1; \
// RUN:   %t flex0 10 10 && %level3-stop %t flex0 10 11 || exit 1; \
// RUN:   %t flex1 10 14 && %level3-stop %t flex1 10 15 || exit 1; \
// RUN:   %t realloc 16 16 && %level3-stop %t realloc 16 17 || exit 1; \
// RUN:   %t realloc 2 2 && %level3-stop %t realloc 2 3 || exit 1; \
// RUN:   %t calloc 8 16 && %level3-stop %t calloc 8 17 || exit 1; \
// RUN:   %t my_alloc 16 16 && %level3-stop %t my_alloc 16 17 || exit 1; \
// RUN:   %t my_calloc 8 16 && %level3-stop %t my_calloc 8 17 || exit 1; \
// RUN:   %t alloca 16 16 && %level3-stop %t alloca 16 17 || exit 1; \
// RUN:   %t middle 16 16 && %level3-stop %t middle 16 17 || exit 1; \
// RUN:   %t middle 32 0 && %level3-stop %t middle 32 1 || exit 1; \
// RUN:   %t member 0 8 && not --crash %t member 0 9 || exit 1; \
// RUN:   %t member_memcpy 0 16 && not --crash %t member_memcpy 0 17 || exit 1; \
// RUN:   %t array_of_structs 0 8 && not --crash %t array_of_structs 0 9 || exit 1; \
// RUN:   not --crash %t small_heap 0 0 || exit 1; \
// RUN:   %t small_heap_fits 0 0 || exit 1; \
// RUN: done; done
#include <alloca.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

struct flex { int n; char data[]; };
struct flex0 { int n; char data[0]; };
struct flex1 { int n; char data[1]; };  /* sizeof == 8: data has 4 bytes of padding */
struct record { char name[8]; int id; char tail[4]; };

__attribute__((noinline, malloc, alloc_size(1))) void *my_alloc(size_t n) { return malloc(n); }
__attribute__((noinline, alloc_size(1, 2))) void *my_calloc(size_t a, size_t b) { return calloc(a, b); }

static char source[256];

/* n bytes of string: n - 1 characters and the NUL. */
static const char *text_of_bytes(size_t n) {
  memset(source, 'x', n - 1);
  source[n - 1] = '\0';
  return source;
}

int main(int argc, char **argv) {
  const char *what = argv[1];
  size_t size = strtoul(argv[2], 0, 10);
  size_t n = strtoul(argv[3], 0, 10);
  volatile char sink;
  if (!strcmp(what, "flex")) {
    struct flex *f = malloc(sizeof *f + size);
    strcpy(f->data, text_of_bytes(n));
    sink = f->data[0];
  } else if (!strcmp(what, "flex0")) {
    struct flex0 *f = malloc(sizeof *f + size);
    memcpy(f->data, source, n);
    sink = f->data[0];
  } else if (!strcmp(what, "flex1")) {
    struct flex1 *f = malloc(sizeof *f + size);
    strcpy(f->data, text_of_bytes(n));
    sink = f->data[0];
  } else if (!strcmp(what, "realloc")) {
    char *p = malloc(4);
    p = realloc(p, size);
    memcpy(p, source, n);
    sink = p[0];
  } else if (!strcmp(what, "calloc")) {
    char *p = calloc(size, 2);
    memset(p, 1, n);
    sink = p[0];
  } else if (!strcmp(what, "my_alloc")) {
    char *p = my_alloc(size);
    memmove(p, source, n);
    sink = p[0];
  } else if (!strcmp(what, "my_calloc")) {
    char *p = my_calloc(size, 2);
    memcpy(p, source, n);
    sink = p[0];
  } else if (!strcmp(what, "alloca")) {
    char *p = alloca(size);
    memcpy(p, source, n);
    sink = p[0];
  } else if (!strcmp(what, "middle")) {
    char buffer[32];
    memset(buffer + size, 0, n); /* a runtime offset into a stack buffer */
    sink = buffer[0];
  } else if (!strcmp(what, "member")) {
    struct record r;
    strcpy(r.name, text_of_bytes(n));
    sink = r.name[0];
  } else if (!strcmp(what, "member_memcpy")) {
    struct record r; /* mem functions are bounded by the whole object: 16 bytes */
    memcpy(r.name, source, n);
    sink = r.name[0];
  } else if (!strcmp(what, "array_of_structs")) {
    struct record *rs = malloc(3 * sizeof *rs);
    strcpy(rs[1].name, text_of_bytes(n));
    sink = rs[1].name[0];
  } else if (!strcmp(what, "small_heap")) {
    char *p = malloc(4);
    memcpy(p, "0123456789", 8); /* GCC turns this into one 8-byte move */
    sink = p[0];
  } else if (!strcmp(what, "small_heap_fits")) {
    char *p = malloc(8);
    memcpy(p, "0123456789", 8);
    sink = p[0];
  }
  (void)sink;
  return 0;
}
