// A block whose usable size the program asked for (malloc_usable_size) is
// never stopped inside that size: systemd writes up to malloc_usable_size(p)
// bytes, which glibc's _FORTIFY_SOURCE=3 stops. The checks' size of a block
// the function asks malloc_usable_size about, through any pointer derived
// from it, is unknown (reason "allocator"); every other block keeps its
// size. The GCC plugin decides after inlining, right before objsz; the
// Clang plugin when it instruments, since LLVM folds allocation sizes before
// inlining: a malloc_usable_size call that only inlining brings next to the
// write (`helper`) is seen by GCC at -O1 and up only.
//
// Before: both plugins stopped `usable` and `derived` at levels 2 and 3,
// -O0 and -O2, as glibc's level 3 does.
//
// The program: OP (memset, memcpy, strcpy) writes into a malloc'd block of 13
// bytes (a constant with -DFIXED, else known only at run time)
//   usable   all of its usable size, `u = malloc_usable_size(p)`
//   derived  the usable size past p + 4, asked about p
//   helper   the usable size, asked through an inline helper
//   other    all of p's usable size, then one byte past q, a block of the
//            same function never asked about: stopped
//   fit, empty, over   a block never asked about: exactly 13 bytes, none,
//            14 (stopped)
// RUN: rm -rf %t && mkdir -p %t
// RUN: for cc in "%gcc-fortify" "%gxx-fortify -x c++" "%clang-fortify" "%clangxx-fortify -x c++"; do for O in -O0 -O2; do \
// RUN:   for cfg in "-fplugin-arg-fortify-level=2 -DFIXED" "-fplugin-arg-fortify-level=3 -DFIXED" "-fplugin-arg-fortify-level=3"; do \
// RUN:     $cc $O $cfg -fplugin-arg-fortify-mode=abort %s -o %t/prog || exit 1; \
// RUN:     for op in memset memcpy strcpy; do \
// RUN:       for how in usable derived fit empty; do %t/prog $op $how || { echo "stopped: $cc $O $cfg $op $how"; exit 1; }; done; \
// RUN:       case "$cc$O" in gcc\ *-O2|g++\ *-O2) %t/prog $op helper || { echo "stopped: $cc $O $cfg $op helper"; exit 1; };; esac; \
// RUN:       for how in other over; do \
// RUN:         if [ "$cfg" = -fplugin-arg-fortify-level=3 ]; then %level3-stop --message '^fortify: buffer overflow' %t/prog $op $how; \
// RUN:         else not --crash %t/prog $op $how 2>&1 | grep '^fortify: buffer overflow' >/dev/null; fi || { echo "not stopped: $cc $O $cfg $op $how"; exit 1; }; \
// RUN:       done; \
// RUN:     done; \
// RUN:   done; \
// RUN: done; done
//
// Beside glibc's fortify (a size known only at run time). With
// -D_FORTIFY_SOURCE=2 the plugin gives glibc's checks its own, dynamic, size
// but not for a block asked about: nothing stops inside it. With
// -D_FORTIFY_SOURCE=3 glibc's own __memset_chk, __memcpy_chk and
// __strcpy_chk stop `usable` and `derived` (glibc 2.36's own behaviour,
// docs/USAGE.md): the plugin adds no stop of its own there. Past a block
// never asked about, glibc's check stops (with the plugin's size at =2).
// RUN: for cc in "%gcc-fortify" "%clang-fortify"; do \
// RUN:   $cc -O2 -D_FORTIFY_SOURCE=2 -fplugin-arg-fortify-mode=abort %s -o %t/f2 || exit 1; \
// RUN:   $cc -O2 -D_FORTIFY_SOURCE=3 -fplugin-arg-fortify-mode=abort %s -o %t/f3 || exit 1; \
// RUN:   for op in memset memcpy strcpy; do \
// RUN:     for how in usable derived fit empty; do %t/f2 $op $how || { echo "stopped: $cc =2 $op $how"; exit 1; }; done; \
// RUN:     case "$cc" in gcc\ *) %t/f2 $op helper || { echo "stopped: $cc =2 $op helper"; exit 1; };; esac; \
// RUN:     for how in usable derived; do %t/f3 $op $how 2>&1 | grep '^fortify:' && { echo "plugin stopped: $cc =3 $op $how"; exit 1; }; done; \
// RUN:     for how in fit empty; do %t/f3 $op $how || exit 1; done; \
// RUN:     for t in %t/f2 %t/f3; do for how in other over; do \
// RUN:       %level3-stop $t $op $how 2>/dev/null || { echo "not stopped: $cc $t $op $how"; exit 1; }; \
// RUN:     done; done; \
// RUN:   done; \
// RUN: done
//
// musl has malloc_usable_size too (mallocng answers the requested size).
// RUN: %if musl %{ for cc in "%musl-gcc-fortify" "%musl-clang-fortify"; do for O in -O0 -O2; do \
// RUN:   $cc $O -fplugin-arg-fortify-mode=abort %s -o %t/musl || exit 1; \
// RUN:   for op in memset memcpy strcpy; do \
// RUN:     for how in usable derived fit empty; do %t/musl $op $how || { echo "stopped: $cc $O $op $how"; exit 1; }; done; \
// RUN:     for how in other over; do \
// RUN:       %level3-stop --message '^fortify: buffer overflow' %t/musl $op $how || { echo "not stopped: $cc $O $op $how"; exit 1; }; \
// RUN:     done; \
// RUN:   done; \
// RUN: done; done %}
#include <malloc.h>
#include <stdlib.h>
#include <string.h>

#include <put-bytes.h>

static char text[4096];

__attribute__((noinline)) static void consume(const void *p) { __asm__ volatile("" : : "r"(p) : "memory"); }

static inline size_t usable_size(void *p) { return malloc_usable_size(p); }

#ifdef FIXED
#define SIZE(n) 13
#else
#define SIZE(n) (n)
#endif

// Each case in a function of its own: a malloc_usable_size call anywhere in
// a function counts for the whole function.
__attribute__((noinline)) static void asked(const char *op, size_t n) {
  char *p = (char *)malloc(SIZE(n));
  size_t u = malloc_usable_size(p);
  PUT(op, p, u);
  consume(p);
  free(p);
}

__attribute__((noinline)) static void derived(const char *op, size_t n) {
  char *p = (char *)malloc(SIZE(n));
  char *r = p + 4;
  size_t u = malloc_usable_size(p);
  PUT(op, r, u - 4);
  consume(p);
  free(p);
}

__attribute__((noinline)) static void helper(const char *op, size_t n) {
  char *p = (char *)malloc(SIZE(n));
  size_t u = usable_size(p);
  PUT(op, p, u);
  consume(p);
  free(p);
}

__attribute__((noinline)) static void other(const char *op, size_t n) {
  char *p = (char *)malloc(SIZE(n));
  char *q = (char *)malloc(SIZE(n));
  size_t u = malloc_usable_size(p);
  PUT(op, p, u);
  PUT(op, q, SIZE(n) + 1);
  consume(p);
  consume(q);
  free(p);
  // q is not freed (nor plain's p): where a write past it is not stopped
  // (GCC 11 at level 3, which is level 2 there), musl's malloc would find
  // its end overwritten and crash, which is no check of ours.
}

// Never asked: the requested size, written exactly, not at all, one past.
__attribute__((noinline)) static void plain(const char *op, size_t n, size_t bytes) {
  char *p = (char *)malloc(SIZE(n));
  PUT(op, p, bytes);
  consume(p);
}

int main(int argc, char **argv) {
  if (argc != 3)
    return 2;
  memset(text, 'x', sizeof text - 1);
  const char *op = argv[1], *how = argv[2];
  size_t n = strlen(op) + 7;  // 13
  if (!strcmp(how, "usable"))
    asked(op, n);
  else if (!strcmp(how, "derived"))
    derived(op, n);
  else if (!strcmp(how, "helper"))
    helper(op, n);
  else if (!strcmp(how, "other"))
    other(op, n);
  else if (!strcmp(how, "fit"))
    plain(op, n, n);
  else if (!strcmp(how, "over"))
    plain(op, n, n + 1);
  else
    plain(op, n, 0);
  return 0;
}
