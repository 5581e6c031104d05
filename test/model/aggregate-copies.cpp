// Clang lowers a call of memcpy, memmove or memset and its own aggregate
// copies (struct and class assignment, initialisation from a global or a
// constant, by-value arguments and results) alike to llvm.mem* intrinsics;
// GCC's aggregate copies are assignments. Only calls the program wrote are
// call sites, on both compilers, with and without -g (FrontendFacts.h,
// isProgramCall): a macro, a call over several lines, a call inside an
// expression, a template instantiated twice (one site), a lambda, the
// __builtin_ spelling.
// RUN: rm -rf %t && mkdir -p %t
// RUN: %gxx-fortify -O0 -fplugin-arg-fortify-report=%t/gcc0.jsonl %s -o %t/gcc0 && %t/gcc0
// RUN: %gxx-fortify -O2 -g0 -fplugin-arg-fortify-report=%t/gcc2.jsonl %s -o %t/gcc2 && %t/gcc2
// RUN: %clangxx-fortify -O0 -fplugin-arg-fortify-report=%t/clang0.jsonl %s -o %t/clang0 && %t/clang0
// RUN: %clangxx-fortify -O2 -fplugin-arg-fortify-report=%t/clang2.jsonl %s -o %t/clang2 && %t/clang2
// RUN: %clangxx-fortify -O0 -g0 -fplugin-arg-fortify-report=%t/clang0g0.jsonl %s -o %t/clang0g0 && %t/clang0g0
// RUN: %clangxx-fortify -O2 -g0 -fplugin-arg-fortify-report=%t/clang2g0.jsonl %s -o %t/clang2g0 && %t/clang2g0
// RUN: for r in gcc0 gcc2 clang0 clang2 clang0g0 clang2g0; do \
// RUN:   sed -E 's/.*"function":"([a-z_]+)","file":"[^"]*","line":([0-9]+).*"check":"([a-z]+)".*/\2 \1 \3/' %t/$r.jsonl \
// RUN:   | sort -k1,1n -k2 -k3 -u > %t/$r.sites; done
// RUN: FileCheck %s --input-file=%t/gcc0.sites
// RUN: diff %t/gcc0.sites %t/gcc2.sites && diff %t/gcc0.sites %t/clang0.sites && diff %t/gcc0.sites %t/clang2.sites
// The -g0 runs are compared at the end of the file (Clang 16 and older differ).
#include <string.h>

struct big { char name[64]; int n; };
struct big g = {"global", 1};

#define COPY(d, s) memcpy((d), (s), sizeof *(d))

__attribute__((noinline)) void take(struct big b) { g.n += b.n; }
__attribute__((noinline)) struct big give(void) { struct big r = g; r.n++; return r; }

template <class T> __attribute__((noinline)) void put(T *d, const T *s) {
  memcpy(d, s, sizeof *d);
}

class holder {
public:
  char data[100];
  int used;
};

__attribute__((noinline)) void copies(struct big *a, const struct big *b, holder *h,
                                      const holder *k, char *out, const char *in, unsigned n) {
  *a = *b;
  struct big x = g;
  struct big zero = {};
  struct big named = {"named", 2};
  take(x);
  *a = give();
  *h = *k;
  holder local = *k;
  memcpy(out, in, n);
  COPY(a, &named);
  memmove(out,
          in,
          n);
  char *r = (char *)memset(out, 0, n);
  put(a, &zero);
  put(h, &local);
  auto clear = [&](char *d) { memset(d, 1, n); };
  clear(r);
  __builtin_memcpy(out, in, n);
}

int main() {
  struct big a, b = {"b", 3};
  holder h, k = {"k", 4};
  char out[200], in[200] = "in";
  copies(&a, &b, &h, &k, out, in, 10);
  return a.n;
}
// CHECK: {{^}}33 memcpy read{{$}}
// CHECK-NEXT: {{^}}33 memcpy write{{$}}
// CHECK-NEXT: {{^}}52 memcpy read{{$}}
// CHECK-NEXT: {{^}}52 memcpy write{{$}}
// CHECK-NEXT: {{^}}53 memcpy read{{$}}
// CHECK-NEXT: {{^}}53 memcpy write{{$}}
// CHECK-NEXT: {{^}}54 memmove read{{$}}
// CHECK-NEXT: {{^}}54 memmove write{{$}}
// CHECK-NEXT: {{^}}57 memset write{{$}}
// CHECK-NEXT: {{^}}60 memset write{{$}}
// CHECK-NEXT: {{^}}62 memcpy read{{$}}
// CHECK-NEXT: {{^}}62 memcpy write{{$}}
// CHECK-NOT: {{.}}
// Clang 16 and older: the plugin's location tracking without -g does not
// reach IR generation (docs/CLANG-PLUGIN.md, "LLVM versions"): at -g0 every
// record has line 0 and aggregate copies cannot be told from calls.
// RUN: %if llvm-ge-17 %{ diff %t/gcc0.sites %t/clang0g0.sites && diff %t/gcc0.sites %t/clang2g0.sites %} \
// RUN:   %else %{ not grep -v '^0 ' %t/clang0g0.sites %t/clang2g0.sites %}
