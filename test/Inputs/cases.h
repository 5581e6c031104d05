/* Harness for run-time tests of one fortified function.
 *
 * A test defines WRITE(dst, n): the call under test, written so that it puts
 * exactly n bytes into dst (n counts the terminating NUL for the string
 * functions), then includes this file. The program is run as
 *     prog WHERE SIZE N
 * and performs WRITE on a destination of SIZE bytes of the kind WHERE:
 *   stack   char buf[16] (SIZE must be 16)       static size
 *   global  a global char[16] (SIZE must be 16)  static size
 *   cheap   malloc(16), a constant size          static size
 *   heap    malloc(SIZE)                         dynamic size (level 3)
 *   vla     char v[SIZE]                         dynamic size (level 3)
 *   offset  malloc(SIZE) + 4                     dynamic size, pointer into the middle
 *   member  s.a in struct { char a[8]; char b[8]; } (SIZE must be 8)
 *   unknown a buffer the compiler cannot see      never checked
 * test/tools/run-cases.py knows which runs must be stopped.
 *
 * A test of a function that reads may define PREPARE(p, available, n),
 * called before WRITE with the number of bytes the object really has, to
 * fill it (e.g. with a string of n bytes when it fits). Buffers are aligned
 * for wide characters. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* A NUL-terminated string of n - 1 'x' characters (n bytes with the NUL). */
static char *text_of_bytes(size_t n) {
  static char storage[4096];
  if (n == 0 || n > sizeof storage)
    abort();
  memset(storage, 'x', n - 1);
  storage[n - 1] = '\0';
  return storage;
}
/* A source that is always long enough to copy n bytes from. */
static char copy_source[4096] = "source bytes";

#ifndef PREPARE
#define PREPARE(p, available, n) ((void)0)
#endif

__attribute__((aligned(16))) char global_buffer[16];

/* Hides a pointer's origin from the compiler's object-size analysis. */
__attribute__((noinline)) static char *opaque(char *p) {
  __asm__ volatile("" : "+r"(p));
  return p;
}

__attribute__((noinline)) static void consume(const char *p) {
  __asm__ volatile("" : : "r"(p) : "memory");
}

struct __attribute__((aligned(16))) two_members {
  char a[8];
  char b[8];
};

int main(int argc, char **argv) {
  if (argc != 4) {
    fprintf(stderr, "usage: %s WHERE SIZE N\n", argv[0]);
    return 2;
  }
  const char *where = argv[1];
  size_t size = strtoul(argv[2], NULL, 10);
  size_t n = strtoul(argv[3], NULL, 10);

  if (!strcmp(where, "stack")) {
    __attribute__((aligned(16))) char buffer[16];
    PREPARE(buffer, 16, n);
    WRITE(buffer, n);
    consume(buffer);
  } else if (!strcmp(where, "global")) {
    PREPARE(global_buffer, 16, n);
    WRITE(global_buffer, n);
    consume(global_buffer);
  } else if (!strcmp(where, "cheap")) {
    char *p = (char *)malloc(16);
    PREPARE(p, 16, n);
    WRITE(p, n);
    consume(p);
    free(p);
  } else if (!strcmp(where, "heap")) {
    char *p = (char *)malloc(size);
    PREPARE(p, size, n);
    WRITE(p, n);
    consume(p);
    free(p);
  } else if (!strcmp(where, "vla")) {
    __attribute__((aligned(16))) char v[size + 0];
    PREPARE(v, size, n);
    WRITE(v, n);
    consume(v);
  } else if (!strcmp(where, "offset")) {
    char *p = (char *)malloc(size);
    char *q = p + 4;
    PREPARE(q, size - 4, n);
    WRITE(q, n);
    consume(p);
    free(p);
  } else if (!strcmp(where, "member")) {
    struct two_members s;
    memset(&s, 0, sizeof s);
    PREPARE(s.a, sizeof s, n);
    WRITE(s.a, n);
    consume(s.a);
  } else if (!strcmp(where, "unknown")) {
    __attribute__((aligned(16))) char buffer[64];
    char *p = opaque(buffer);
    PREPARE(p, 64, n);
    WRITE(p, n);
    consume(p);
  } else {
    fprintf(stderr, "unknown case %s\n", where);
    return 2;
  }
  (void)size;
  return 0;
}
