// A pointer before the start of its block (`wcsncpy(buf - 8, ...)`, buf from
// malloc, alloca, a VLA or a stack array) has 0 bytes: glibc's level 3 and
// Clang's own stop the write, and GCC warns "region of size 0".
//
// Before: the GCC plugin recorded it safe at -O1 and up. The string rules'
// query (type 1) stayed static (early_objsz caps it, see chosen-object.c),
// and GCC's static object size of `buf - 8` is the whole block. The dynamic
// query, which the plugin now switches to after inlining, gives 0.
// `&a[1] - 1` is the start of `a` and keeps its whole size (gcc-plugin/
// check-emitter.cpp: the query waits for the objsz passes).
// GCC 11 checks level 3 as level 2 (no dynamic query): `before` is not
// stopped in its builds, and the write below the block may then crash the
// program by itself (%level3-stop --unchecked-may-crash).
//
// RUN: %gcc-fortify -O2 -fplugin-arg-fortify-mode=abort %s -o %t.g2
// RUN: %gcc-fortify -O0 -fplugin-arg-fortify-mode=abort %s -o %t.g0
// RUN: %gxx-fortify -O2 -fplugin-arg-fortify-mode=abort -x c++ %s -o %t.gxx
// RUN: %clang-fortify -O2 -fplugin-arg-fortify-mode=abort %s -o %t.c2
// RUN: %clang-fortify -O0 -fplugin-arg-fortify-mode=abort %s -o %t.c0
// RUN: %clangxx-fortify -O2 -fplugin-arg-fortify-mode=abort -x c++ %s -o %t.cxx
// RUN: for t in %t.g2 %t.g0 %t.gxx %t.c2 %t.c0 %t.cxx; do for w in heap alloca vla; do for op in wcsncpy memcpy strcpy; do \
// RUN:   %level3-stop --unchecked-may-crash --message '^fortify: buffer overflow' $t $op $w before || { echo "not stopped: $t $op $w"; exit 1; }; \
// RUN:   $t $op $w back || exit 1; $t $op $w start || exit 1; $t $op $w nothing || exit 1; \
// RUN: done; done; done
// The twins: `&a[1] - 1` and `(buf + 8) - 8` filled exactly, nothing
// written before the block (a length of 0).
// Level 2: the static size; GCC's of `buf - 8` is the whole block, so only
// the fits are asserted there.
// RUN: %gcc-fortify -O2 -fplugin-arg-fortify-level=2 -fplugin-arg-fortify-mode=abort %s -o %t.gl2
// RUN: %clang-fortify -O2 -fplugin-arg-fortify-level=2 -fplugin-arg-fortify-mode=abort %s -o %t.cl2
// RUN: for t in %t.gl2 %t.cl2; do for w in heap alloca vla; do for op in wcsncpy memcpy strcpy; do \
// RUN:   $t $op $w back && $t $op $w start && $t $op $w nothing || exit 1; \
// RUN: done; done; done
#include <alloca.h>
#include <stdlib.h>
#include <string.h>
#include <wchar.h>

static wchar_t wide[64];
static char text[256];

__attribute__((noinline)) static void consume(const void *p) { __asm__ volatile("" : : "r"(p) : "memory"); }

// Fills 16 wide characters (64 bytes) at d, or none.
#define WRITE(op, d, n)                                                   \
  do {                                                                    \
    if (!strcmp(op, "wcsncpy"))                                           \
      wcsncpy((wchar_t *)(d), wide, (n) / sizeof(wchar_t));               \
    else if (!strcmp(op, "memcpy"))                                       \
      memcpy(d, text, n);                                                 \
    else if (n)                                                           \
      strcpy((char *)(d), text + sizeof text - (n));                      \
  } while (0)

// "before": 8 wide characters before the block; "back": &b[1] - 1 with b
// the block, 64 bytes; "start": (b + 8) - 8, 64 bytes; "nothing": before
// the block, 0 bytes.
#define AT(op, base, how)                                                          \
  do {                                                                             \
    wchar_t *b = (wchar_t *)(base);                                                \
    if (!strcmp(how, "before"))                                                    \
      WRITE(op, b - 8, (size_t)64);                                                \
    else if (!strcmp(how, "back"))                                                 \
      WRITE(op, &b[1] - 1, (size_t)64);                                            \
    else if (!strcmp(how, "start"))                                                \
      WRITE(op, (b + 8) - 8, (size_t)64);                                          \
    else                                                                           \
      WRITE(op, b - 8, (size_t)0);                                                 \
    consume(b);                                                                    \
  } while (0)

__attribute__((noinline)) static void on_heap(const char *op, const char *how) {
  wchar_t *buf = (wchar_t *)malloc(16 * sizeof(wchar_t));
  AT(op, buf, how);
  free(buf);
}

__attribute__((noinline)) static void on_alloca(const char *op, const char *how) {
  wchar_t *buf = (wchar_t *)alloca(16 * sizeof(wchar_t));
  AT(op, buf, how);
}

__attribute__((noinline)) static void in_vla(const char *op, const char *how, size_t n) {
  wchar_t buf[n];
  AT(op, buf, how);
}

int main(int argc, char **argv) {
  if (argc != 4)
    return 2;
  wmemset(wide, L'x', 63);
  memset(text, 'x', sizeof text - 1);
  if (!strcmp(argv[2], "heap"))
    on_heap(argv[1], argv[3]);
  else if (!strcmp(argv[2], "alloca"))
    on_alloca(argv[1], argv[3]);
  else
    in_vla(argv[1], argv[3], (size_t)atoi("16"));
  return 0;
}
