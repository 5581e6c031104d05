// Sizes from callers (issue 16 part 1, docs/USAGE.md "Sizes from callers"),
// Clang: a static function whose pointer parameter reaches a check of
// unknown size gets a copy (NAME.sized.0) taking, per such parameter, the
// size its caller's own check would use; every direct call goes to the copy.
// RUN lines for Clang only (the GCC plugin's are in its own file).
//
//   two       fill() from small() (8 bytes) and large() (16 bytes), out of
//             line: each exact fit runs, each byte more stops
//   inlined   put() (strcpy), inlined into the same two callers
//   chain     hand_on() passes its parameter to fill(): it gets a copy too,
//             and main's 12-byte array bounds fill
//   unknown   fill_unknown() only from an exported function, whose pointer
//             has no size: runs, its record stays unknown
//   recursion rec() writes 2 bytes and recurses on p + 2 into a 10-byte
//             array: 5 levels run, 6 stop
//   pointer   via() called directly (sized) and through a function pointer
//             (the original: unknown sizes, never a false stop)
//   member    name() strcpy into the 8-byte member at offset 8 of a 32-byte
//             struct: the member's size at levels 2 and 3, what is left of
//             the struct (24) at 1
//   heap      fill_heap() of malloc(16) from a caller, the size hidden from
//             level 2 (16 plus a run-time 0): stopped past 16 at level 3 (a
//             size known at run time); unknown at level 2
//
// RUN: rm -rf %t && mkdir -p %t
// RUN: for cc in "%clang-fortify" "%clangxx-fortify -x c++"; do for L in 2 3; do \
// RUN:   $cc -O2 -fplugin-arg-fortify-level=$L -fplugin-arg-fortify-mode=abort -fplugin-arg-fortify-report=%t/r.jsonl %s -o %t/p || exit 1; \
// RUN:   %t/p two 8 && %t/p two 16 && %t/p inlined 8 && %t/p inlined 16 && %t/p unknown 24 && %t/p recursion 5 && \
// RUN:   %t/p pointer 12 && %t/p member 8 && %t/p heap 16 && %t/p chain 12 || exit 1; \
// RUN:   for c in "two 9" "two 17" "inlined 9" "inlined 17" "recursion 6" "pointer 13" "member 9" "chain 13"; do \
// RUN:     not --crash %t/p $c 2>&1 | FileCheck %s --check-prefix=STOP || exit 1; done; \
// RUN: done; done
// RUN: not --crash %t/p heap 17 2>&1 | FileCheck %s --check-prefix=STOP
// Level 1: whole objects only; the member's struct bounds it.
// RUN: %clang-fortify -O2 -fplugin-arg-fortify-level=1 -fplugin-arg-fortify-mode=abort %s -o %t/p1
// RUN: %t/p1 member 24 && %t/p1 two 8
// RUN: not --crash %t/p1 member 25 2>&1 | FileCheck %s --check-prefix=STOP
// RUN: not --crash %t/p1 two 9 2>&1 | FileCheck %s --check-prefix=STOP
// STOP: fortify: buffer overflow in {{memset|strcpy}}
//
// Records: one per source site, named for the function as written; sites
// sized by their callers are checked by the plugin, no longer
// "why":"parameter"; the one whose only caller does not know stays unknown,
// with the caller's reason.
// RUN: sed -nE 's/.*"caller":"([a-z_]+)[^"]*","check":"write","status":"([a-z]+)","level":([23]),"by":"([a-z]+)".*/\1 \2 \3 \4/p' %t/r.jsonl | sort -u > %t/sites
// RUN: FileCheck %s --check-prefix=SITES --input-file=%t/sites
// SITES: fill checked 2 plugin
// SITES-NEXT: fill checked 3 plugin
// SITES-NEXT: fill_heap checked 3 plugin
// SITES-NEXT: fill_heap unknown 2 none
// SITES-NEXT: fill_unknown unknown 2 none
// SITES-NEXT: fill_unknown unknown 3 none
// SITES-NEXT: name checked 2 plugin
// SITES-NEXT: name checked 3 plugin
// SITES-NEXT: put checked 2 plugin
// SITES-NEXT: put checked 3 plugin
// SITES-NEXT: rec checked 2 plugin
// SITES-NEXT: rec checked 3 plugin
// SITES-NEXT: string_of checked 2 plugin
// SITES-NEXT: string_of checked 3 plugin
// SITES-NEXT: via unknown 2 none
// SITES-NEXT: via unknown 3 none
// SITES-EMPTY:
// RUN: not grep '"caller":"fill".*"why":"parameter"' %t/r.jsonl
//
// The shape: the copy takes one i64 more; the callers pass their sizes
// (constants once folded; a run-time size at level 3; -1 from a caller that
// does not know); the exported function keeps its symbol and prototype; the
// original of via() stays for the function pointer, a call of the copy
// passing -1; fill's original is gone.
// RUN: %clang-fortify -O2 -S -emit-llvm %s -o - | FileCheck %s --check-prefix=SHAPE
// SHAPE-DAG: define dso_local void @outside(ptr noundef %[[Q:[0-9]+]], i64 noundef %[[M:[0-9]+]])
// SHAPE-DAG: call fastcc void @fill_unknown.sized.0(ptr noundef %[[Q]], i64 noundef %[[M]], i64 -1)
// SHAPE-DAG: define internal fastcc void @fill.sized.0(ptr noundef %{{[0-9]+}}, i64 noundef %{{[0-9]+}}, i64 %{{[0-9]+}})
// SHAPE-DAG: call fastcc void @fill.sized.0(ptr noundef nonnull %{{[0-9]+}}, i64 noundef %{{[0-9]+}}, i64 8)
// SHAPE-DAG: call fastcc void @fill.sized.0(ptr noundef nonnull %{{[0-9]+}}, i64 noundef %{{[0-9]+}}, i64 16)
// SHAPE-DAG: call fastcc void @fill_heap.sized.0(ptr noundef %{{[0-9]+}}, i64 noundef %{{[0-9]+}}, i64 %{{[0-9]+}})
// SHAPE-DAG: define internal void @via(ptr noundef %[[P:[0-9]+]], i64 noundef %[[N:[0-9]+]])
// SHAPE-DAG: call fastcc void @via.sized.0(ptr noundef %[[P]], i64 noundef %[[N]], i64 -1)
// SHAPE-DAG: call fastcc void @via.sized.0(ptr noundef nonnull %{{[0-9]+}}, i64 noundef %{{[0-9]+}}, i64 12)
// SHAPE-NOT: define internal {{.*}}void @fill(
// The trace names the shared model's word per function.
// RUN: %clang-fortify -O2 -c -o /dev/null -fplugin-arg-fortify-trace %s 2>&1 | FileCheck %s --check-prefix=TRACE
// TRACE-DAG: fortify: caller sizes: fill: copied
// TRACE-DAG: fortify: caller sizes: rec: copied
// TRACE-DAG: fortify: caller sizes: hand_on: copied
// TRACE-DAG: fortify: caller sizes: outside: visible-outside
// TRACE-DAG: fortify: caller sizes: main: visible-outside
// -O0 and caller-sizes=off: no copy, and the trace says why.
// RUN: %clang-fortify -O0 -S -emit-llvm %s -o - | FileCheck %s --check-prefix=NOCOPY
// RUN: %clang-fortify -O2 -fplugin-arg-fortify-caller-sizes=off -S -emit-llvm %s -o - | FileCheck %s --check-prefix=NOCOPY
// NOCOPY-NOT: .sized.
// RUN: %clang-fortify -O0 -c -o /dev/null -fplugin-arg-fortify-trace %s 2>&1 | FileCheck %s --check-prefix=O0
// O0: fortify: caller sizes: fill: not-optimised
// RUN: %clang-fortify -O2 -fplugin-arg-fortify-caller-sizes=off -c -o /dev/null -fplugin-arg-fortify-trace %s 2>&1 | FileCheck %s --check-prefix=OFF
// OFF: fortify: caller sizes: fill: disabled
// ThinLTO and full LTO: the copies are made when the file is compiled (the
// pre-link pipeline), and stop the same (LLVM 15 and later: 14 refuses -flto).
// RUN: for lto in %if llvm-ge-15 %{-flto=thin -flto%}; do %clang-fortify -O2 $lto -fuse-ld=lld -fplugin-arg-fortify-mode=abort %s -o %t/lto || exit 1; \
// RUN:   %t/lto two 8 && %t/lto recursion 5 && %t/lto chain 12 || exit 1; \
// RUN:   for c in "two 9" "recursion 6" "chain 13"; do not --crash %t/lto $c 2>&1 | FileCheck %s --check-prefix=STOP || exit 1; done; done
// The same program at -O0 still runs and stops what it stopped before.
// RUN: %clang-fortify -O0 -fplugin-arg-fortify-mode=abort %s -o %t/p0
// RUN: %t/p0 two 8 && %t/p0 recursion 5 && %t/p0 pointer 12
#include <stdlib.h>
#include <string.h>

#define NOINLINE __attribute__((noinline))

struct record {
  char head[8];
  char name[8];
  char rest[16];
};

static const char text[] = "0123456789abcdefghijklmnopqrstuvwxyz0123456789abcdefghijklmnopqrstuvwxyz";
static char copied[sizeof text];

// Keeps a buffer alive, as far as the optimisers know.
NOINLINE void use(void *p) { __asm__ volatile("" : : "r"(p) : "memory"); }

// n - 1 characters and the NUL: n bytes.
static const char *string_of(size_t n) {
  memcpy(copied, text, n - 1);
  copied[n - 1] = 0;
  return copied;
}

static NOINLINE void fill(char *p, size_t n) { memset(p, 'x', n); }
static void put(char *p, const char *s) { strcpy(p, s); }
static NOINLINE void hand_on(char *p, size_t n) { fill(p, n); }
static NOINLINE void fill_unknown(char *p, size_t n) { memset(p, 'u', n); }
static NOINLINE void fill_heap(char *p, size_t n) { memset(p, 'h', n); }
static NOINLINE void via(char *p, size_t n) { memset(p, 'v', n); }
static NOINLINE int rec(char *p, int levels) {
  if (levels == 0)
    return 0;
  memset(p, 'r', 2);
  return 1 + rec(p + 2, levels - 1);
}
static NOINLINE void name(char *p, const char *s) { strcpy(p, s); }

NOINLINE void small(size_t n, int inlined) {
  char b[8];
  inlined ? put(b, string_of(n)) : fill(b, n);
  use(b);
}

NOINLINE void large(size_t n, int inlined) {
  char b[16];
  inlined ? put(b, string_of(n)) : fill(b, n);
  use(b);
}

// Exported: its callers are not all in view, its pointer has no size.
NOINLINE void outside(char *p, size_t n) { fill_unknown(p, n); }

void (*volatile through)(char *, size_t) = via;

int main(int argc, char **argv) {
  if (argc != 3)
    return 2;
  const char *what = argv[1];
  size_t n = (size_t)atoi(argv[2]);
  if (!strcmp(what, "two") || !strcmp(what, "inlined")) {
    int inlined = !strcmp(what, "inlined");
    if (n <= 8)
      small(n, inlined);
    if (n == 9 || n >= 16)
      (n == 9 ? small : large)(n, inlined);
  } else if (!strcmp(what, "chain")) {
    char b[12];
    hand_on(b, n);
    use(b);
  } else if (!strcmp(what, "unknown")) {
    char b[24];
    outside(b, n);
    use(b);
  } else if (!strcmp(what, "recursion")) {
    char r[10];
    rec(r, (int)n);
    use(r);
  } else if (!strcmp(what, "pointer")) {
    char b[12];
    through(b, 12);  // unsized: runs whatever the size
    via(b, n);
    use(b);
  } else if (!strcmp(what, "member")) {
    static struct record r;
    name(r.name, string_of(n));
    use(&r);
  } else if (!strcmp(what, "heap")) {
    char *h = (char *)malloc(16 + (n > 100));
    fill_heap(h, n);
    use(h);
    free(h);
  }
  return 0;
}
