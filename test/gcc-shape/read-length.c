// ReadKind Length (level 2 and up, unless reads=off): arg(length)
// [* arg(count)] * elementSize bytes are read from arg(readArg), checked
// before the call as the writes are (n > size; with a count or wide
// elements, once the size is known, without computing the product). Reads
// are bounded by the whole object the pointer points into
// (__builtin_object_size type 0), never by a member, so that code reading
// across struct members is never stopped.
// RUN: rm -rf %t && mkdir %t
// RUN: %gcc-fortify -O0 -S -o /dev/null %plugin-dumps %t/on- %s
// RUN: cat %t/on-*.fortify | FileCheck %s
// RUN: %gcc-fortify -O0 -S -o /dev/null -fplugin-arg-fortify-reads=off %plugin-dumps %t/off- %s
// RUN: cat %t/off-*.fortify | FileCheck %s --check-prefix=OFF
// RUN: %gcc-fortify -O0 -S -o /dev/null -fplugin-arg-fortify-level=1 %plugin-dumps %t/l1- %s
// RUN: cat %t/l1-*.fortify | FileCheck %s --check-prefix=OFF
// RUN: %gcc-fortify -O2 -S -o /dev/null -fdump-tree-optimized=%t/O2 %s
// RUN: FileCheck %s --check-prefix=O2 < %t/O2
// OFF-NOT: "read\x00
#include <stdio.h>
#include <string.h>
#include <unistd.h>
#include <wchar.h>

struct two {
  char a[8];
  char b[8];
} two;
char buf[16];

// memcpy: the destination's write, then the source's read.
// CHECK-LABEL: ;; Function copy (
// CHECK: __builtin_object_size (d, 0);
// CHECK: __fortify_fail (&"write\x00memcpy\x00
// CHECK-NEXT: <[[WRITTEN:D\.[0-9]+]]>:
// CHECK-NEXT: [[S:fortify\.[0-9]+]] = __builtin_object_size (s, 0);
// CHECK-NEXT: if (n > [[S]]) goto <[[FAIL:D\.[0-9]+]]>; else goto <[[CALL:D\.[0-9]+]]>;
// CHECK-NEXT: <[[FAIL]]>:
// CHECK-NEXT: __fortify_fail (&"read\x00memcpy\x00{{[^"]*}}read-length.c\x00[[@LINE+4]]\x00{{[0-9]+}}\x00copy"[0], n, [[S]]);
// CHECK-NEXT: <[[CALL]]>:
// CHECK-NEXT: [[R:D\.[0-9]+]] = memcpy (d, s, n);
// CHECK-NEXT: return [[R]];
void *copy(void *d, const void *s, size_t n) { return memcpy(d, s, n); }

// write(fd, buf, n): argument 1 is read, nothing written.
// CHECK-LABEL: ;; Function output (
// CHECK: [[S:fortify\.[0-9]+]] = __builtin_object_size (s, 0);
// CHECK-NEXT: if (n > [[S]]) goto <[[FAIL:D\.[0-9]+]]>; else goto <[[CALL:D\.[0-9]+]]>;
// CHECK-NEXT: <[[FAIL]]>:
// CHECK-NEXT: __fortify_fail (&"read\x00write\x00{{[^"]*}}\x00[[@LINE+4]]\x00{{[0-9]+}}\x00output"[0], n, [[S]]);
// CHECK-NEXT: <[[CALL]]>:
// CHECK-NEXT: [[R:D\.[0-9]+]] = write (1, s, n);
// CHECK-NEXT: return [[R]];
ssize_t output(const char *s, size_t n) { return write(1, s, n); }

// fwrite(p, size, nmemb, f): size != -1 && nmemb != 0 && n > size / nmemb.
// CHECK-LABEL: ;; Function records (
// CHECK: [[S:fortify\.[0-9]+]] = __builtin_object_size (s, 0);
// CHECK-NEXT: if ([[S]] == 18446744073709551615) goto <[[CALL:D\.[0-9]+]]>; else goto <[[KNOWN:D\.[0-9]+]]>;
// CHECK-NEXT: <[[KNOWN]]>:
// CHECK-NEXT: if (m == 0) goto <[[CALL]]>; else goto <[[NONZERO:D\.[0-9]+]]>;
// CHECK-NEXT: <[[NONZERO]]>:
// CHECK-NEXT: [[PER:fortify\.[0-9]+]] = [[S]] / m;
// CHECK-NEXT: if (n > [[PER]]) goto <[[FAIL:D\.[0-9]+]]>; else goto <[[CALL]]>;
// CHECK-NEXT: <[[FAIL]]>:
// CHECK-NOT: <D.
// CHECK: __fortify_fail (&"read\x00fwrite\x00{{[^"]*}}\x00[[@LINE+4]]\x00{{[0-9]+}}\x00records"[0], {{fortify\.[0-9]+}}, [[S]]);
// CHECK-NEXT: <[[CALL]]>:
// CHECK-NEXT: [[R:D\.[0-9]+]] = fwrite (s, n, m, f);
// CHECK-NEXT: return [[R]];
size_t records(const char *s, size_t n, size_t m, FILE *f) { return fwrite(s, n, m, f); }

// wmemcpy's source: n > size / 4, once the size is known.
// CHECK-LABEL: ;; Function wide (
// CHECK: __fortify_fail (&"write\x00wmemcpy\x00
// CHECK-NEXT: <{{D\.[0-9]+}}>:
// CHECK-NEXT: [[S:fortify\.[0-9]+]] = __builtin_object_size (s, 0);
// CHECK-NEXT: if ([[S]] == 18446744073709551615) goto <[[CALL:D\.[0-9]+]]>; else goto <[[KNOWN:D\.[0-9]+]]>;
// CHECK-NEXT: <[[KNOWN]]>:
// CHECK-NEXT: [[E:fortify\.[0-9]+]] = [[S]] / 4;
// CHECK-NEXT: if (n > [[E]]) goto <[[FAIL:D\.[0-9]+]]>; else goto <[[CALL]]>;
// CHECK: __fortify_fail (&"read\x00wmemcpy\x00{{[^"]*}}"[0], {{fortify\.[0-9]+}}, [[S]]);
// CHECK-NEXT: <[[CALL]]>:
// CHECK-NEXT: [[R:D\.[0-9]+]] = wmemcpy (d, s, n);
wchar_t *wide(wchar_t *d, const wchar_t *s, size_t n) { return wmemcpy(d, s, n); }

// A member is read within its whole object: type 0 even for a string
// function's argument.
// CHECK-LABEL: ;; Function member (
// CHECK: [[S:fortify\.[0-9]+]] = __builtin_object_size (&two.a, 0);
// CHECK-NEXT: if (n > [[S]])
// CHECK: write (1, &two.a, n);
ssize_t member(size_t n) { return write(1, two.a, n); }

// After -O2: unknown sizes leave nothing; reads that fit leave nothing
// (16 bytes of the 16-byte struct from its first member too); one byte
// more always fails.
// O2-LABEL: ;; Function unknown (
// O2-NOT: __fortify_fail
// O2: return;
void unknown(const char *s, size_t n, size_t m, FILE *f) {
  write(1, s, n);
  fwrite(s, n, m, f);
}

// O2-LABEL: ;; Function fits (
// O2-NOT: __fortify_fail
// O2: return;
void fits(FILE *f) {
  write(1, buf, 16);
  write(1, two.a, 16);
  fwrite(buf, 4, 4, f);
  fwrite(buf, 100, 0, f);
}

// O2-LABEL: ;; Function one_over (
// O2: __fortify_fail (&"read\x00write\x00{{[^"]*}}"[0], 17, 16);
// O2: __fortify_fail (&"read\x00fwrite\x00{{[^"]*}}"[0], 20, 16);
void one_over(FILE *f, int which) {
  if (which)
    write(1, two.a, 17);
  else
    fwrite(buf, 5, 4, f);
}
