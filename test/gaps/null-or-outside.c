// A pointer that is either NULL or outside its block (`p = c ? NULL : buf -
// 8`): the block's side has 0 bytes, and Clang's own level 3 stops a write
// there (once it deletes the NULL path as undefined). The plugins size the
// choice at level 3 as null or the object chosen: the object's side is
// checked exactly, and a NULL destination is never stopped (its size is
// unknown), so `memcpy(NULL, s, 0)` and every call that takes NULL on
// purpose (getcwd, mbstowcs ...) stay as they were.
//
// Before: both plugins recorded the write unknown (the Clang plugin asks
// llvm.objectsize with null as "unknown", GCC's objsz takes a null phi
// argument for unknown), and let it through.
//
// The program: WHERE (heap, stack) the block; SHAPE (phi, select) how the
// choice is made; then
//   outside  the block's side chosen, p = buf - 8, 8 bytes written: stopped
//   over     p = NULL or buf, buf's side chosen, one byte past it: stopped
//   fit      p = NULL or buf, buf's side chosen, exactly its size
//   null     the NULL side chosen, 0 bytes written (memcpy(NULL, s, 0))
//   empty    the block's side of `buf - 8`, 0 bytes written
//   unknown  p = NULL or a pointer of unknown size minus 8, 8 bytes written
// GCC 11 checks level 3 as level 2: `outside` is not stopped there, and the
// write below the block may then crash the program (%level3-stop
// --unchecked-may-crash); `over`, and getcwd's and mbstowcs's object below,
// are stopped there too (the blocks' static sizes).
// RUN: rm -rf %t && mkdir -p %t
// RUN: for cc in "%gcc-fortify" "%gxx-fortify -x c++" "%clang-fortify" "%clangxx-fortify -x c++"; do for O in -O0 -O2; do for L in 2 3; do \
// RUN:   $cc $O -fplugin-arg-fortify-level=$L -fplugin-arg-fortify-mode=abort %s -o %t/prog || exit 1; \
// RUN:   for w in heap stack; do for s in phi select; do for op in memcpy memset strcpy; do \
// RUN:     for how in fit null empty unknown; do %t/prog $op $w $s $how || { echo "stopped: $cc $O $L $op $w $s $how"; exit 1; }; done; \
// RUN:     case "$O$L" in -O23) \
// RUN:       %level3-stop --unchecked-may-crash --message '^fortify: buffer overflow' %t/prog $op $w $s outside || { echo "not stopped: $cc $O $L $op $w $s outside"; exit 1; }; \
// RUN:       not --crash %t/prog $op $w $s over 2>&1 | grep '^fortify: buffer overflow' >/dev/null || { echo "not stopped: $cc $O $L $op $w $s over"; exit 1; };; \
// RUN:     esac; \
// RUN:   done; done; done; \
// RUN: done; done; done
// At -O0 the GCC plugin sees the phi too (GCC's SSA form keeps a pointer
// variable in a register); the Clang plugin sees a load of a stack slot
// stored twice, which it does not follow.
// RUN: for cc in "%gcc-fortify" "%gxx-fortify -x c++"; do \
// RUN:   $cc -O0 -fplugin-arg-fortify-mode=abort %s -o %t/g0 || exit 1; \
// RUN:   for w in heap stack; do for op in memcpy memset strcpy; do \
// RUN:     %level3-stop --unchecked-may-crash --message '^fortify: buffer overflow' %t/g0 $op $w phi outside || { echo "not stopped: $cc -O0 $op $w"; exit 1; }; \
// RUN:   done; done; \
// RUN: done
// Calls that take NULL on purpose, with a length past the object's side:
// getcwd(NULL, 4096) allocates, mbstowcs(NULL, s, n) only counts. The NULL
// side chosen is never stopped; the 16-byte object's side is, at level 3.
// RUN: for cc in "%gcc-fortify" "%clang-fortify"; do for O in -O0 -O2; do \
// RUN:   $cc $O -fplugin-arg-fortify-mode=abort %s -o %t/takes || exit 1; \
// RUN:   for f in getcwd mbstowcs; do %t/takes $f heap phi null || { echo "stopped: $cc $O $f null"; exit 1; }; done; \
// RUN:   [ $O = -O2 ] || continue; \
// RUN:   for f in getcwd mbstowcs; do \
// RUN:     not --crash %t/takes $f heap phi object 2>&1 | grep '^fortify: buffer overflow' >/dev/null || { echo "not stopped: $cc $O $f object"; exit 1; }; \
// RUN:   done; \
// RUN: done; done
// With -flto the GCC plugin splits the choice before the IR is written.
// RUN: %gcc-fortify -O2 -flto -fplugin-arg-fortify-mode=abort %s -o %t/lto
// RUN: for w in heap stack; do for op in memcpy memset strcpy; do \
// RUN:   for how in fit null empty unknown; do %t/lto $op $w phi $how || { echo "stopped: -flto $op $w $how"; exit 1; }; done; \
// RUN:   %level3-stop --unchecked-may-crash --message '^fortify: buffer overflow' %t/lto $op $w phi outside || { echo "not stopped: -flto $op $w outside"; exit 1; }; \
// RUN:   not --crash %t/lto $op $w phi over 2>&1 | grep '^fortify: buffer overflow' >/dev/null || { echo "not stopped: -flto $op $w over"; exit 1; }; \
// RUN: done; done
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include <wchar.h>

#include <put-bytes.h>

static char text[256];

__attribute__((noinline)) static void consume(const void *p) { __asm__ volatile("" : : "r"(p) : "memory"); }
// Hides where a pointer comes from.
__attribute__((noinline)) static char *opaque(char *p) {
  __asm__ volatile("" : "+r"(p));
  return p;
}

// Hides a flag's value, so that the choice is made at run time.
__attribute__((noinline)) static int opaque_flag(int flag) {
  __asm__ volatile("" : "+r"(flag));
  return flag;
}

// d is NULL when `null`, else base + offset; then the write.
#define CHOOSE_AND_PUT(op, shape, null, base, offset, bytes)      \
  do {                                                            \
    char *d;                                                      \
    int is_null = opaque_flag(null);                              \
    if (!strcmp(shape, "phi")) {                                  \
      d = NULL;                                                   \
      if (!is_null) {                                             \
        consume(base);                                            \
        d = (base) + (offset);                                    \
      }                                                           \
    } else {                                                      \
      d = is_null ? NULL : (base) + (offset);                     \
    }                                                             \
    PUT(op, d, bytes);                                            \
    consume(d);                                                   \
  } while (0)

// The case's choice and write, into a 64-byte block at b.
#define CASE(op, shape, how, b)                                                        \
  do {                                                                                 \
    if (!strcmp(how, "outside"))                                                       \
      CHOOSE_AND_PUT(op, shape, 0, b, -8, (size_t)8);                                  \
    else if (!strcmp(how, "over"))                                                     \
      CHOOSE_AND_PUT(op, shape, 0, b, 0, (size_t)65);                                  \
    else if (!strcmp(how, "fit"))                                                      \
      CHOOSE_AND_PUT(op, shape, 0, b, 0, (size_t)64);                                  \
    else if (!strcmp(how, "null"))                                                     \
      CHOOSE_AND_PUT(op, shape, 1, b, -8, (size_t)0);                                  \
    else if (!strcmp(how, "empty"))                                                    \
      CHOOSE_AND_PUT(op, shape, 0, b, -8, (size_t)0);                                  \
    else                                                                               \
      CHOOSE_AND_PUT(op, shape, 0, opaque(b + 16), -8, (size_t)8);                     \
  } while (0)

// One function per object and function called: LLVM merges identical size
// queries of one pointer (and drops the checks' tags in doing so).
#define CASES(where, op, declare)                                                          \
  __attribute__((noinline)) static void where##_##op(const char *shape, const char *how) { \
    declare;                                                                               \
    CASE(#op, shape, how, b);                                                              \
    consume(b);                                                                            \
  }
#define ON_HEAP char *b = (char *)malloc(64); if (!b) exit(3)
#define ON_STACK char b[64]
CASES(heap, memcpy, ON_HEAP)
CASES(heap, memset, ON_HEAP)
CASES(heap, strcpy, ON_HEAP)
CASES(stack, memcpy, ON_STACK)
CASES(stack, memset, ON_STACK)
CASES(stack, strcpy, ON_STACK)

// getcwd or mbstowcs into NULL or a 16-byte block, by `how` (a function
// each: their queries of one pointer would be merged).
__attribute__((noinline)) static void takes_getcwd(const char *how) {
  char *b = (char *)malloc(16);
  char *d = opaque_flag(!strcmp(how, "null")) ? NULL : b;
  char *cwd = getcwd(d, 4096);
  if (cwd != d)
    free(cwd);
  consume(d);
  free(b);
}

__attribute__((noinline)) static void takes_mbstowcs(const char *how) {
  char *b = (char *)malloc(16);
  char *d = opaque_flag(!strcmp(how, "null")) ? NULL : b;
  mbstowcs((wchar_t *)d, "abcdefghijklmnopqrstuvwxyz", 8);
  consume(d);
  free(b);
}

int main(int argc, char **argv) {
  if (argc != 5)
    return 2;
  memset(text, 'x', sizeof text - 1);
  const char *op = argv[1], *shape = argv[3], *how = argv[4];
  if (!strcmp(op, "getcwd") || !strcmp(op, "mbstowcs")) {
    (!strcmp(op, "getcwd") ? takes_getcwd : takes_mbstowcs)(how);
    return 0;
  }
  int heap = !strcmp(argv[2], "heap");
  if (!strcmp(op, "memcpy"))
    (heap ? heap_memcpy : stack_memcpy)(shape, how);
  else if (!strcmp(op, "memset"))
    (heap ? heap_memset : stack_memset)(shape, how);
  else
    (heap ? heap_strcpy : stack_strcpy)(shape, how);
  return 0;
}
