// Size fields the user names (issue 16): -fplugin-arg-fortify-size-field=
// STRUCT.MEMBER:FIELD says that FIELD holds the number of elements MEMBER
// points to (a pointer) or holds (a flexible array member), on both
// compilers and every version. At level 3 a call through p->MEMBER (or
// &p->fam[i]) is bounded by FIELD * element size (minus the index; 0 past
// it), read from the same object at the call; level 2 keeps the static
// bound (the 32-byte blocks here). C and C++ alike (it is an option, not
// counted_by).
//
//   ptr     memcpy(b->data, s, n), cap 8: 8 runs, 9 stops
//   pstr    strcpy(b->data, s): 7 runs, 8 stops
//   read    memcpy(dst, b->data, n) reads b->data: 8 runs, 9 stops
//   wide    int *data, short cap 3: 12 bytes run, 13 stop
//   typedef a typedef'd untagged struct, by its typedef name: 8 runs, 9 stops
//   fam     flexible array, int n = 8: 8 runs, 9 stops
//   index   strcpy(&p->fam[3], s): 4 run, 5 stop
//   zero    cap 0: 0 runs, 1 stops;  negative: n = -1 holds nothing: 0 runs, 1 stops
//   twin    the same layout, not named: 31 runs (only the block bounds it)
//   grow    cap set to 32 inside the call's own arguments: 20 runs (a store
//           between the pointer's load and the call: the field is not read)
//   volatile a volatile cap is never read by a check: 31 runs
//
// RUN: rm -rf %t && mkdir -p %t
// RUN: FIELDS="-fplugin-arg-fortify-size-field=buf.data:cap -fplugin-arg-fortify-size-field=wbuf.data:cap -fplugin-arg-fortify-size-field=named.fam:n -fplugin-arg-fortify-size-field=tbuf.data:cap -fplugin-arg-fortify-size-field=vbuf.data:cap"; \
// RUN: for cc in "%gcc-fortify" "%gxx-fortify -x c++" "%clang-fortify" "%clangxx-fortify -x c++"; do for O in -O0 -O2; do for L in 2 3; do \
// RUN:   echo "$cc $O level $L"; \
// RUN:   $cc $O -fplugin-arg-fortify-level=$L -fplugin-arg-fortify-mode=abort $FIELDS %s -o %t/p || exit 1; \
// RUN:   %t/p ptr 8 && %t/p pstr 7 && %t/p read 8 && %t/p wide 12 && %t/p typedef 8 && %t/p fam 8 && \
// RUN:   %t/p index 4 && %t/p zero 0 && %t/p negative 0 && %t/p twin 31 && %t/p plain 31 && %t/p grow 20 && %t/p volatile 31 || exit 1; \
// RUN:   if [ $L = 3 ]; then \
// RUN:     not --crash %t/p ptr 9 2>&1 | FileCheck %s --check-prefix=MEMCPY && \
// RUN:     not --crash %t/p pstr 8 2>&1 | FileCheck %s --check-prefix=STRCPY && \
// RUN:     not --crash %t/p read 9 2>&1 | FileCheck %s --check-prefix=READ && \
// RUN:     not --crash %t/p wide 13 && not --crash %t/p typedef 9 && not --crash %t/p fam 9 && \
// RUN:     not --crash %t/p index 5 && not --crash %t/p zero 1 && not --crash %t/p negative 1 || exit 1; \
// RUN:   else \
// RUN:     %t/p ptr 9 && %t/p pstr 8 && %t/p read 9 && %t/p wide 13 && %t/p typedef 9 && %t/p fam 9 && \
// RUN:     %t/p index 5 && %t/p zero 1 && %t/p negative 1 || exit 1; \
// RUN:   fi; \
// RUN: done; done; done
// Beside glibc's _FORTIFY_SOURCE wrappers (-O2 -D_FORTIFY_SOURCE=2): the
// Clang plugin gives glibc's __memcpy_chk the field's bound; the GCC plugin,
// which tightens glibc's query inside the wrapper where the member is gone,
// checks the field's bound itself before the wrapper; the over-read check
// is the plugin's own on both.
// RUN: FIELDS="-fplugin-arg-fortify-size-field=buf.data:cap"; \
// RUN: for cc in "%gcc-fortify" "%clang-fortify"; do \
// RUN:   $cc -O2 -D_FORTIFY_SOURCE=2 $FIELDS %s -o %t/glibc && \
// RUN:   %t/glibc ptr 8 && %t/glibc pstr 7 && %t/glibc twin 31 && %t/glibc grow 20 && \
// RUN:   not --crash %t/glibc ptr 9 && not --crash %t/glibc pstr 8 && not --crash %t/glibc read 9 || exit 1; \
// RUN: done
// MEMCPY: fortify: buffer overflow in memcpy
// STRCPY: fortify: buffer overflow in strcpy
// READ: fortify: buffer over-read in memcpy
#include <stdlib.h>
#include <string.h>

#include "text-of-length.h"

struct buf {
  char *data;
  size_t cap;
};
struct wbuf {
  short cap;
  int *data;
};
typedef struct {
  unsigned cap;
  char *data;
} tbuf;
struct named {
  int n;
  char fam[];
};
struct twin {
  char *data;
  size_t cap;
};
struct vbuf {
  char *data;
  volatile size_t cap;
};
struct plain {
  int n;
  char fam[];
};

// Out of line, so that at -O2 the compiler does not see the block's size.
__attribute__((noinline)) static void *block(void) {
  void *p = malloc(32 + sizeof(struct named));
  memset(p, 0, 32 + sizeof(struct named));
  return p;
}

int main(int argc, char **argv) {
  if (argc != 3)
    return 2;
  const char *c = argv[1];
  int len = atoi(argv[2]);
  const char *s = text_of_length(len);
  char dst[64];
  struct buf b = {(char *)block(), 8};
  struct buf *bp = &b;
  if (!strcmp(c, "ptr"))
    memcpy(bp->data, s, len);
  else if (!strcmp(c, "pstr"))
    strcpy(bp->data, s);
  else if (!strcmp(c, "read"))
    memcpy(dst, bp->data, len);
  else if (!strcmp(c, "zero")) {
    bp->cap = 0;
    memcpy(bp->data, s, len);
  } else if (!strcmp(c, "grow"))
    memcpy(bp->data, s, (bp->cap = 32, len));
  else if (!strcmp(c, "wide")) {
    struct wbuf w = {3, (int *)block()};
    memcpy(w.data, s, len);
    return w.data[0] == 7;
  } else if (!strcmp(c, "typedef")) {
    tbuf t = {8, (char *)block()};
    memcpy(t.data, s, len);
    return t.data[0] == 7;
  } else if (!strcmp(c, "fam") || !strcmp(c, "index") || !strcmp(c, "negative")) {
    struct named *p = (struct named *)block();
    p->n = c[0] == 'n' ? -1 : 8;
    if (c[0] == 'i')
      strcpy(&p->fam[3], s);
    else
      memcpy(p->fam, s, len);
    return p->fam[0] == 7;
  } else if (!strcmp(c, "twin")) {
    struct twin t = {(char *)block(), 8};
    memcpy(t.data, s, len);
    return t.data[0] == 7;
  } else if (!strcmp(c, "volatile")) {
    struct vbuf v = {(char *)block(), 8};
    memcpy(v.data, s, len);
    return v.data[0] == 7;
  } else if (!strcmp(c, "plain")) {
    struct plain *p = (struct plain *)block();
    p->n = 8;
    memcpy(p->fam, s, len);
    return p->fam[0] == 7;
  } else
    return 2;
  return b.data[0] == 7 && dst[0] == 7;
}
