// Every record of status unknown says why (common/unknown-reason.h), and
// both plugins say the same: one call per reason, at -O0 and -O2, levels 2
// and 3. The records are compared as test/model/same-words.c compares them.
// GCC 11 checks level 3 as level 2: its level-3 records are Clang's level-2
// ones, record for record (%gcc-level3).
// RUN: rm -rf %t && mkdir -p %t
// RUN: for o in O0 O2; do for l in 2 3; do \
// RUN:   %gcc-fortify -$o -fplugin-arg-fortify-level=$l -Wno-deprecated-declarations -fplugin-arg-fortify-report=%t/gcc-$o-$l.jsonl -c %s -o /dev/null 2>/dev/null && \
// RUN:   %clang-fortify -$o -fplugin-arg-fortify-level=$l -Wno-deprecated-declarations -fplugin-arg-fortify-report=%t/clang-$o-$l.jsonl -c %s -o /dev/null 2>/dev/null && \
// RUN:   for c in gcc clang; do sed -E 's/"compiler":"[^"]*",//; s/"column":[0-9]+,//; s/"(tu|file)":"[^"]*\//"\1":"/g' %t/$c-$o-$l.jsonl > %t/$c-$o-$l.records; done && \
// RUN:   diff %t/gcc-$o-$l.records %t/clang-$o-$(( l < %gcc-level3 ? l : %gcc-level3 )).records || exit 1; done; done
// RUN: grep '"check":"write"' %t/gcc-O0-2.records | FileCheck %s --check-prefixes=CHECK,L2
// RUN: grep '"check":"write"' %t/gcc-O2-2.records | FileCheck %s --check-prefixes=CHECK,L2
// RUN: grep '"check":"write"' %t/gcc-O0-3.records | FileCheck %s --check-prefixes=CHECK,L%gcc-level3
// RUN: grep '"check":"write"' %t/gcc-O2-3.records | FileCheck %s --check-prefixes=CHECK,L%gcc-level3
// A record that is not unknown has no reason.
// RUN: cat %t/*.jsonl | grep -v '"status":"unknown"' | not grep why
// RUN: cat %t/*.jsonl | grep '"status":"unknown"' | not grep -v '"why":"'
#include <stdlib.h>
#include <string.h>

char *gets(char *);
__attribute__((noinline)) void sink(void *p) { __asm__ volatile("" : : "r"(p) : "memory"); }

struct holder {
  char *p;
};
char *global_pointer;
extern char incomplete[];
char *get_buffer(void);

// CHECK: "caller":"parameter","check":"write","status":"unknown",{{.*}}"why":"parameter"}
void parameter(char *d, const char *s) { strcpy(d, s); }

// CHECK-NEXT: "caller":"field","check":"write","status":"unknown",{{.*}}"why":"loaded"}
void field(struct holder *h, const char *s) { strcpy(h->p, s); }

// CHECK-NEXT: "caller":"global","check":"write","status":"unknown",{{.*}}"why":"loaded"}
void global(const char *s) { strcpy(global_pointer, s); }

// CHECK-NEXT: "caller":"result","check":"write","status":"unknown",{{.*}}"why":"call-result"}
void result(const char *s) { strcpy(get_buffer(), s); }

// Level 3 sizes malloc(n).
// L2-NEXT: "caller":"allocated","check":"write","status":"unknown",{{.*}}"why":"allocator"}
// L3-NEXT: "caller":"allocated","check":"write","status":"checked",{{.*}}"libc_level":0}
void allocated(size_t n, const char *s) {
  char *p = malloc(n);
  strcpy(p, s);
  sink(p);
}

// CHECK-NEXT: "caller":"external","check":"write","status":"unknown",{{.*}}"why":"external"}
void external(const char *s) { strcpy(incomplete, s); }

// A sized object among the choices does not count: only the parameter.
// CHECK-NEXT: "caller":"chosen","check":"write","status":"unknown",{{.*}}"why":"chosen"}
// CHECK-NEXT: "caller":"parameter_or_local","check":"write","status":"unknown",{{.*}}"why":"parameter"}
void chosen(struct holder *h, char *d, int c, const char *s) { strcpy(c ? h->p : d, s); }
void parameter_or_local(char *d, int c, const char *s) {
  char local[8];
  char *p = c ? local : d;
  strcpy(p, s);
  sink(local);
}

// CHECK-NEXT: "caller":"unchecked","check":"write","status":"unknown",{{.*}}"why":"not-checked"}
void unchecked(void) {
  char b[8];
  gets(b);
  sink(b);
}
