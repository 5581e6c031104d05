/* String/memory microbenchmarks: the call shapes whose checks survive
 * optimisation, so each kernel measures what one checked call costs.
 *
 *   micro KERNEL ITERATIONS     prints a checksum
 *
 * Kernels:
 *   memcpy_stack   memcpy(buf, src, n) into char buf[256], n known at run time
 *   memcpy_heap    memcpy(p, src, n) into p = malloc(size), size known at run time (level 3)
 *   strcpy_member  strcpy(s.name, name) into a char[32] struct member (level 2 subobject)
 *   strcat_path    strcpy + 2 x strcat building a path in char[128]
 *   memset_param   memset of a buffer passed to a non-inlined function (size unknown: no check)
 * The perf script runs each kernel with N and with 0 iterations and reports
 * the difference divided by N: instructions per iteration. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define barrier(p) __asm__ volatile("" : : "r"(p) : "memory")

static const char *const names[8] = {"alice", "bob", "carol-anne", "dave", "eve",
                                     "frank_the_third", "grace", "heidi"};
static const char *const parts[8] = {"usr", "local", "share", "doc", "lib", "x86_64-linux-gnu",
                                     "include", "bin"};
static unsigned lens[16];
static char src[512];

struct record {
  char name[32];
  int id;
  char note[16];
};

__attribute__((noinline)) static void clear(char *p, size_t n) { memset(p, 0, n); }

int main(int argc, char **argv) {
  if (argc < 3) {
    fprintf(stderr, "usage: micro KERNEL ITERATIONS\n");
    return 2;
  }
  const char *kernel = argv[1];
  long iters = atol(argv[2]);
  unsigned long sum = 0;
  for (int i = 0; i < 512; i++)
    src[i] = (char)('a' + i % 26);
  for (int i = 0; i < 16; i++)
    lens[i] = 8 + (unsigned)(i * 13 % 200);
  /* Sizes the compiler cannot see. */
  size_t heap_size = 200 + (size_t)(argc * 16);

  if (strcmp(kernel, "memcpy_stack") == 0) {
    char buf[256];
    for (long i = 0; i < iters; i++) {
      unsigned n = lens[i & 15];
      memcpy(buf, src + (i & 7), n);
      barrier(buf);
      sum += (unsigned char)buf[n - 1];
    }
  } else if (strcmp(kernel, "memcpy_heap") == 0) {
    char *p = malloc(heap_size);
    for (long i = 0; i < iters; i++) {
      unsigned n = lens[i & 15];
      memcpy(p, src + (i & 7), n);
      barrier(p);
      sum += (unsigned char)p[n - 1];
    }
    free(p);
  } else if (strcmp(kernel, "strcpy_member") == 0) {
    struct record r;
    for (long i = 0; i < iters; i++) {
      strcpy(r.name, names[i & 7]);
      r.id = (int)i;
      barrier(&r);
      sum += (unsigned char)r.name[1] + (unsigned)r.id;
    }
  } else if (strcmp(kernel, "strcat_path") == 0) {
    char path[128];
    for (long i = 0; i < iters; i++) {
      strcpy(path, "/opt");
      strcat(path, "/");
      strcat(path, parts[i & 7]);
      barrier(path);
      sum += (unsigned char)path[5];
    }
  } else if (strcmp(kernel, "memset_param") == 0) {
    char buf[256];
    for (long i = 0; i < iters; i++) {
      clear(buf, lens[i & 15]);
      barrier(buf);
      sum += (unsigned char)buf[3];
    }
  } else {
    fprintf(stderr, "micro: unknown kernel %s\n", kernel);
    return 2;
  }
  printf("%s %ld %lu\n", kernel, iters, sum);
  return 0;
}
