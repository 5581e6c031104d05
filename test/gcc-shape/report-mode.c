// mode=report: a failed check calls the runtime's __fortify_report(site,
// needed, available), which returns. A check before the call then skips
// the call, and its result takes the skipped call's value: the destination
// for a pointer (memcpy), null where null means failure (fgets), -1 for a
// signed integer (read), 0 for an unsigned one (fread). A check after the
// call (strlen) and the bounded sibling of a formatted write (snprintf,
// which wrote what fit) go on with the call's result.
// RUN: rm -rf %t && mkdir %t
// RUN: %gcc-fortify -O0 -S -o /dev/null -fplugin-arg-fortify-mode=report %plugin-dumps %t/ %s
// RUN: cat %t/*.fortify | FileCheck %s --implicit-check-not=__fortify_fail
#include <stdio.h>
#include <string.h>
#include <unistd.h>

char buf[16];

// Both checks skip the call.
// CHECK-LABEL: ;; Function copy (
// CHECK: __fortify_report (&"write\x00memcpy\x00{{[^"]*}}"[0], n, {{fortify\.[0-9]+}});
// CHECK-NEXT: [[R:D\.[0-9]+]] = (void *) &buf;
// CHECK-NEXT: goto <[[SKIP:D\.[0-9]+]]>;
// CHECK: __fortify_report (&"read\x00memcpy\x00{{[^"]*}}"[0], n, {{fortify\.[0-9]+}});
// CHECK-NEXT: [[R]] = (void *) &buf;
// CHECK-NEXT: goto <[[SKIP]]>;
// CHECK-NEXT: <{{D\.[0-9]+}}>:
// CHECK-NEXT: [[R]] = memcpy (&buf, s, n);
// CHECK-NEXT: <[[SKIP]]>:
// CHECK-NEXT: return [[R]];
void *copy(const char *s, size_t n) { return memcpy(buf, s, n); }

// CHECK-LABEL: ;; Function input (
// CHECK: __fortify_report (&"write\x00read\x00
// CHECK-NEXT: [[R:D\.[0-9]+]] = -1;
// CHECK-NEXT: goto <[[SKIP:D\.[0-9]+]]>;
// CHECK-NEXT: <{{D\.[0-9]+}}>:
// CHECK-NEXT: [[R]] = read (fd, &buf, n);
// CHECK-NEXT: <[[SKIP]]>:
ssize_t input(int fd, size_t n) { return read(fd, buf, n); }

// CHECK-LABEL: ;; Function line (
// CHECK: __fortify_report (&"write\x00fgets\x00
// CHECK-NEXT: [[R:D\.[0-9]+]] = 0B;
// CHECK-NEXT: goto <[[SKIP:D\.[0-9]+]]>;
// CHECK-NEXT: <{{D\.[0-9]+}}>:
// CHECK-NEXT: [[R]] = fgets (&buf, n, f);
// CHECK-NEXT: <[[SKIP]]>:
char *line(FILE *f, int n) { return fgets(buf, n, f); }

// CHECK-LABEL: ;; Function records (
// CHECK: __fortify_report (&"write\x00fread\x00
// CHECK-NEXT: [[R:D\.[0-9]+]] = 0;
// CHECK-NEXT: goto <[[SKIP:D\.[0-9]+]]>;
// CHECK-NEXT: <{{D\.[0-9]+}}>:
// CHECK-NEXT: [[R]] = fread (&buf, n, k, f);
// CHECK-NEXT: <[[SKIP]]>:
size_t records(FILE *f, size_t n, size_t k) { return fread(buf, n, k, f); }

// CHECK-LABEL: ;; Function length (
// CHECK: [[R:D\.[0-9]+]] = strlen (s);
// CHECK: if ({{fortify\.[0-9]+}} > {{fortify\.[0-9]+}}) goto <[[FAIL:D\.[0-9]+]]>; else goto <[[PASS:D\.[0-9]+]]>;
// CHECK-NEXT: <[[FAIL]]>:
// CHECK-NEXT: __fortify_report (&"read\x00strlen\x00
// CHECK-NEXT: goto <[[PASS]]>;
// CHECK-NEXT: <[[PASS]]>:
// CHECK-NEXT: return [[R]];
size_t length(const char *s) { return strlen(s); }

// CHECK-LABEL: ;; Function format (
// CHECK: [[W:fortify\.[0-9]+]] = __builtin_snprintf (&buf,
// CHECK: __fortify_report (&"write\x00sprintf\x00
// CHECK-NEXT: goto <[[FITS:D\.[0-9]+]]>;
// CHECK-NEXT: <[[FITS]]>:
// CHECK-NEXT: [[R:D\.[0-9]+]] = [[W]];
int format(int x) { return sprintf(buf, "%d", x); }
