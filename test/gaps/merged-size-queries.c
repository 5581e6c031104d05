// Two calls on the same object ask the same size query; the optimiser
// merges the queries and drops the second check as redundant (GCC's FRE,
// LLVM's EarlyCSE and GVN). A check that vanished that way is not a check
// whose size was known: when the size is unknown, both sites are unknown
// (SiteTable::shareSizeQuery), with the reason of the one seen. With a known
// size both are safe; a call on another object keeps its own status.
// RUN: rm -rf %t && mkdir -p %t
// RUN: for cc in "%gcc-fortify" "%clang-fortify"; do for o in -O0 -O2; do for l in 2 3; do \
// RUN:   rm -f %t/r.jsonl; $cc $o -fplugin-arg-fortify-level=$l -fplugin-arg-fortify-report=%t/r.jsonl -c %s -o %t/o.o || exit 1; \
// RUN:   sed -E 's/.*"function":"([a-z]+)".*"caller":"([a-z_]+)","check":"([a-z]+)","status":"([a-z]+)".*/\2 \1 \3 \4/' %t/r.jsonl | sort -s -k1,1 > %t/sites; \
// RUN:   FileCheck %s --input-file=%t/sites || exit 1; done; done; done
// Beside the C library's fortify the same holds: its check of memset asks
// the query of memcpy's read check, whose test then proves memset fits.
// RUN: for cc in "%gcc-fortify" "%clang-fortify"; do for l in 2 3; do \
// RUN:   rm -f %t/r.jsonl; $cc -O2 -D_FORTIFY_SOURCE=$l -fplugin-arg-fortify-level=$l -fplugin-arg-fortify-report=%t/r.jsonl -c %s -o %t/o.o || exit 1; \
// RUN:   sed -E 's/.*"function":"([a-z]+)".*"caller":"([a-z_]+)","check":"([a-z]+)","status":"([a-z]+)".*/\2 \1 \3 \4/' %t/r.jsonl | sort -s -k1,1 > %t/sites; \
// RUN:   FileCheck %s --input-file=%t/sites || exit 1; done; done
// The trace says what the record says (the group rule is settled first).
// RUN: %gcc-fortify -O2 -fplugin-arg-fortify-trace -c %s -o %t/o.o 2>&1 | FileCheck %s --check-prefix=TRACE
// RUN: %clang-fortify -O2 -fplugin-arg-fortify-trace -c %s -o %t/o.o 2>&1 | FileCheck %s --check-prefix=TRACE
// TRACE: fortify: write memset at {{.*}}merged-size-queries.c:{{[0-9]+:[0-9]+}} in clear: unknown{{$}}
#include <string.h>

struct bitvec {
  unsigned size;
  union {
    unsigned hash[125];
    struct bitvec *sub[62];
  } u;
};

// CHECK: clear memcpy read unknown
// CHECK-NEXT: clear memcpy write unknown
// CHECK-NEXT: clear memset write unknown
void clear(struct bitvec *p, unsigned *buf) {
  memcpy(buf, p->u.hash, sizeof(p->u.hash));
  memset(p->u.hash, 0, sizeof(p->u.hash));
}

// CHECK-NEXT: clear_local memcpy read safe
// CHECK-NEXT: clear_local memcpy write unknown
// CHECK-NEXT: clear_local memset write safe
void sink(void *);
void clear_local(unsigned *buf) {
  struct bitvec v;
  sink(&v);
  memcpy(buf, v.u.hash, sizeof(v.u.hash));
  memset(v.u.hash, 0, sizeof(v.u.hash));
  sink(&v);
}

// CHECK-NEXT: other_object memcpy read unknown
// CHECK-NEXT: other_object memcpy write unknown
// CHECK-NEXT: other_object memset write safe
void other_object(struct bitvec *p, unsigned *buf) {
  struct bitvec v;
  sink(&v);
  memcpy(buf, p->u.hash, sizeof(p->u.hash));
  memset(v.u.hash, 0, sizeof(v.u.hash));
  sink(&v);
}

// SQLite's sqlite3_value_dup: the block comes from an allocator that may
// return NULL (a choice GCC sizes on each edge, NULL as unknown: a phi of
// sizes that all fold to -1) and two checks query it.
// CHECK-NEXT: value_dup memset write unknown
// CHECK-NEXT: value_dup memcpy read unknown
// CHECK-NEXT: value_dup memcpy write unknown
int initialize(void);
void *raw_malloc(unsigned long long n);
void *checked_malloc(int n) {
  if (initialize())
    return 0;
  return n <= 0 ? 0 : raw_malloc(n);
}
struct bitvec *value_dup(const struct bitvec *o) {
  struct bitvec *p;
  if (o == 0)
    return 0;
  p = checked_malloc(sizeof *p);
  if (p == 0)
    return 0;
  memset(p, 0, sizeof *p);
  memcpy(p, o, 24);
  return p;
}
// CHECK-NOT: {{.}}
