// GCC's access attribute declares, inside the callee, the size of the
// buffer a parameter points to: access (write_only, 1, 2) says argument 1
// has argument 2 elements of its pointed-to type. A libc call writing
// through that parameter is checked against that size at every level
// (GCC's own objsz uses it only for level 3's dynamic sizes). Clang 19 has
// no access attribute (it warns "unknown attribute 'access' ignored"): GCC
// only, C and C++.
//
// Before: every write through a parameter was unknown ("why":"parameter")
// at level 2; at level 3 GCC's objsz already used the attribute.
//
//   fit / over     write_only, 16 bytes declared and present: 16 run, 17 stop
//   ints           read_write on int *: 4 elements = 16 bytes: 16 run, 17 stop
//   zero           0 elements declared: 0 runs, 1 stops
//   plain          no attribute: unknown, 17 bytes into a 16-byte member of
//                  a larger object run
//   nosize         access (write_only, 1) gives no size: runs
//   lie            the caller declares 32 for a 16-byte member: the
//                  declaration is the caller's word, 20 bytes run (no
//                  plugin can see past it; the object is 64 bytes)
//   none           access (none, 1, 2) bounds no access: the plugin takes no
//                  size from it (level 2 runs); at level 3 GCC's own objsz
//                  does, as for glibc's _FORTIFY_SOURCE=3: stopped (not on
//                  GCC 11, whose level 3 is level 2)
// RUN: rm -rf %t && mkdir -p %t
// RUN: for cc in "%gcc-fortify" "%gxx-fortify -x c++"; do for O in -O0 -O2; do for L in 2 3; do \
// RUN:   $cc $O -fplugin-arg-fortify-level=$L -fplugin-arg-fortify-mode=abort -fplugin-arg-fortify-report=%t/r.jsonl %s -o %t/p || exit 1; \
// RUN:   %t/p over 16 && %t/p ints 16 && %t/p zero 0 && %t/p plain 17 && %t/p nosize 17 && %t/p lie 20 || exit 1; \
// RUN:   not --crash %t/p over 17 2>&1 | FileCheck %s --check-prefix=STOP || exit 1; \
// RUN:   not --crash %t/p ints 17 2>&1 | FileCheck %s --check-prefix=STOP || exit 1; \
// RUN:   not --crash %t/p zero 1 2>&1 | FileCheck %s --check-prefix=STOP || exit 1; \
// RUN:   if [ $L = 2 ]; then %t/p none 17 || exit 1; else %level3-stop %t/p none 17 || exit 1; fi; \
// RUN: done; done; done
// RUN: sed -nE 's/.*"caller":"([a-z_]+)","check":"write","status":"([a-z]+)","level":([23]),"by":"([a-z]+)".*/\1 \2 \3 \4/p' %t/r.jsonl | sort -u > %t/sites
// RUN: FileCheck %s --check-prefix=SITES%gcc-level3 --input-file=%t/sites
// A checked site has no unknown-size reason ("why":"parameter" before):
// RUN: not grep '"status":"checked".*"why"' %t/r.jsonl
// STOP: fortify: buffer overflow in memset
// SITES3: lie checked 2 plugin
// SITES3-NEXT: lie checked 3 plugin
// SITES3-NEXT: none checked 3 plugin
// SITES3-NEXT: none unknown 2 none
// SITES3-NEXT: nosize unknown 2 none
// SITES3-NEXT: nosize unknown 3 none
// SITES3-NEXT: over checked 2 plugin
// SITES3-NEXT: over checked 3 plugin
// SITES3-NEXT: plain unknown 2 none
// SITES3-NEXT: plain unknown 3 none
// SITES3-NEXT: put_ints checked 2 plugin
// SITES3-NEXT: put_ints checked 3 plugin
// SITES3-NEXT: zero checked 2 plugin
// SITES3-NEXT: zero checked 3 plugin
// SITES3-EMPTY:
// GCC 11 checks level 3 as level 2 (no dynamic sizes): its records say
// level 2 for both builds, and `none` is not stopped at level 3 either.
// SITES2: lie checked 2 plugin
// SITES2-NEXT: none unknown 2 none
// SITES2-NEXT: nosize unknown 2 none
// SITES2-NEXT: over checked 2 plugin
// SITES2-NEXT: plain unknown 2 none
// SITES2-NEXT: put_ints checked 2 plugin
// SITES2-NEXT: zero checked 2 plugin
// SITES2-EMPTY:
#include <stdlib.h>
#include <string.h>

struct holder {
  char a[16];
  char rest[48];
};

__attribute__((noinline, access(write_only, 1, 2))) void over(char *p, size_t n, size_t m) {
  memset(p, 'x', m);
}
__attribute__((noinline, access(read_write, 1, 2))) void put_ints(int *p, int n, size_t m) {
  memset(p, 0, m);
}
__attribute__((noinline, access(write_only, 1, 2))) void zero(char *p, size_t n, size_t m) {
  memset(p, 'x', m);
}
__attribute__((noinline)) void plain(char *p, size_t n, size_t m) { memset(p, 'x', m); }
__attribute__((noinline, access(write_only, 1))) void nosize(char *p, size_t n, size_t m) {
  memset(p, 'x', m);
}
__attribute__((noinline, access(write_only, 1, 2))) void lie(char *p, size_t n, size_t m) {
  memset(p, 'x', m);
}
__attribute__((noinline, access(none, 1, 2))) void none(char *p, size_t n, size_t m) {
  memset(p, 'x', m);
}

int main(int argc, char **argv) {
  static struct holder h;
  char buf[16];
  int ints[4];
  if (argc != 3)
    return 2;
  size_t m = (size_t)atoi(argv[2]);
  if (!strcmp(argv[1], "over"))
    over(buf, sizeof buf, m);
  else if (!strcmp(argv[1], "ints"))
    put_ints(ints, 4, m);
  else if (!strcmp(argv[1], "zero"))
    zero(buf, 0, m);
  else if (!strcmp(argv[1], "plain"))
    plain(h.a, sizeof h.a, m);
  else if (!strcmp(argv[1], "nosize"))
    nosize(h.a, sizeof h.a, m);
  else if (!strcmp(argv[1], "lie"))
    lie(h.a, 32, m);
  else if (!strcmp(argv[1], "none"))
    none(h.a, sizeof h.a, m);
  return buf[0] + ints[0] + h.rest[0] == 1;
}
