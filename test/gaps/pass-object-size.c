// Clang's pass_object_size(type) (and pass_dynamic_object_size) parameters:
// the caller passes, in a hidden argument, __builtin_object_size(argument,
// type) as it knows it, and a libc call writing through the parameter is
// checked against that size (what is left of it past the pointer). Type 0
// bounds every check; type 1 (closest subobject) only the subobject checks
// (string functions from level 2), as Clang's own __builtin_object_size
// uses it; types 2 and 3 are lower bounds, 0 when the caller does not know,
// and are never used. The caller cannot lie: the size is the compiler's.
// GCC has no pass_object_size ("attribute directive ignored"): Clang only,
// C and C++.
//
// Before: every write through such a parameter was unknown
// ("why":"parameter") at levels 2 and 3.
//
//   whole    pass_object_size(0), 16-byte array: 16 run, 17 stop
//   offset   the same, writing at p + 4: 12 run, 13 stop
//   edge     the caller passes buf + 16 (0 bytes left): 0 runs, 1 stops
//   dynamic  pass_dynamic_object_size(0), 16 bytes left of malloc(n) in the
//            caller: the caller computes the size, whatever the plugin's
//            level; at -O2 it knows it (16 run, 17 stop), at -O0 Clang's
//            llvm.objectsize does not look through the caller's locals: its
//            unknown (-1) never stops
//   member   pass_object_size(1) on a 16-byte member of a 64-byte struct:
//            strcpy (a subobject check) of 16 bytes runs, of 17 stops;
//            memset (a whole-object check) of 17 runs
//   lower    pass_object_size(2): no size, 17 bytes into the member run
//   plain    no attribute: unknown, 17 bytes into the member run
// RUN: rm -rf %t && mkdir -p %t
// RUN: for cc in "%clang-fortify" "%clangxx-fortify -x c++"; do for O in -O0 -O2; do for L in 2 3; do \
// RUN:   $cc $O -fplugin-arg-fortify-level=$L -fplugin-arg-fortify-mode=abort -fplugin-arg-fortify-report=%t/r.jsonl %s -o %t/p || exit 1; \
// RUN:   %t/p whole 16 && %t/p offset 12 && %t/p edge 0 && %t/p dynamic 16 && %t/p member 16 && %t/p member-memset 17 && %t/p lower 17 && %t/p plain 17 || exit 1; \
// RUN:   for c in "whole 17" "offset 13" "edge 1" "member 17"; do not --crash %t/p $c 2>&1 | FileCheck %s --check-prefix=STOP || exit 1; done; \
// RUN:   if [ $O = -O2 ]; then not --crash %t/p dynamic 17 2>&1 | FileCheck %s --check-prefix=STOP || exit 1; fi; \
// RUN: done; done; done
// RUN: sed -nE 's/.*"caller":"([a-z_]+)","check":"write","status":"([a-z]+)","level":([23]),"by":"([a-z]+)".*/\1 \2 \3 \4/p' %t/r.jsonl | sort -u > %t/sites
// RUN: FileCheck %s --check-prefix=SITES --input-file=%t/sites
// A checked site has no unknown-size reason ("why":"parameter" before):
// RUN: not grep '"status":"checked".*"why"' %t/r.jsonl
// STOP: fortify: buffer overflow in {{memset|strcpy}}
// SITES: dynamic checked 2 plugin
// SITES-NEXT: dynamic checked 3 plugin
// SITES-NEXT: edge checked 2 plugin
// SITES-NEXT: edge checked 3 plugin
// SITES-NEXT: lower unknown 2 none
// SITES-NEXT: lower unknown 3 none
// SITES-NEXT: member checked 2 plugin
// SITES-NEXT: member checked 3 plugin
// SITES-NEXT: member_memset unknown 2 none
// SITES-NEXT: member_memset unknown 3 none
// SITES-NEXT: offset checked 2 plugin
// SITES-NEXT: offset checked 3 plugin
// SITES-NEXT: plain unknown 2 none
// SITES-NEXT: plain unknown 3 none
// SITES-NEXT: whole checked 2 plugin
// SITES-NEXT: whole checked 3 plugin
// SITES-EMPTY:
#include <stdlib.h>
#include <string.h>

#define SIZED(type) __attribute__((pass_object_size(type)))

struct holder {
  char a[16];
  char rest[48];
};

static const char text[] = "0123456789abcdefghijklmnopqrstuvwxyz0123456789abcdefghijklmnopqrstuvwxyz";

__attribute__((noinline)) void whole(char *const p SIZED(0), size_t m) { memset(p, 'x', m); }
__attribute__((noinline)) void offset(char *const p SIZED(0), size_t m) { memset(p + 4, 'x', m); }
__attribute__((noinline)) void edge(char *const p SIZED(0), size_t m) { memset(p, 'x', m); }
__attribute__((noinline)) void dynamic(char *const p __attribute__((pass_dynamic_object_size(0))),
                                       size_t m) {
  memset(p, 'x', m);
}
__attribute__((noinline)) void member(char *const p SIZED(1), size_t m) {
  char s[sizeof text];
  memcpy(s, text, m);
  s[m] = 0;
  strcpy(p, s);
}
__attribute__((noinline)) void member_memset(char *const p SIZED(1), size_t m) { memset(p, 'x', m); }
__attribute__((noinline)) void lower(char *const p SIZED(2), size_t m) { memset(p, 'x', m); }
__attribute__((noinline)) void plain(char *p, size_t m) { memset(p, 'x', m); }

int main(int argc, char **argv) {
  if (argc != 3)
    return 2;
  size_t m = (size_t)atoi(argv[2]);
  static struct holder h;
  char buf[16];
  char *heap = (char *)malloc((size_t)argc * 8);  // 24 bytes; 16 + 1 + 7 below
  const char *what = argv[1];
  if (!strcmp(what, "whole"))
    whole(buf, m);
  else if (!strcmp(what, "offset"))
    offset(buf, m);
  else if (!strcmp(what, "edge"))
    edge(buf + 16, m);
  else if (!strcmp(what, "dynamic"))
    dynamic(heap + 7 + (argc == 3), m);
  else if (!strcmp(what, "member"))
    member(h.a, m - 1);
  else if (!strcmp(what, "member-memset"))
    member_memset(h.a, m);
  else if (!strcmp(what, "lower"))
    lower(h.a, m);
  else if (!strcmp(what, "plain"))
    plain(h.a, m);
  int result = buf[0] + h.rest[0] + heap[0] == 1;
  free(heap);
  return result;
}
