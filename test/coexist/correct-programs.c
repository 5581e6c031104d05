// Correct programs behave exactly as without the plugins beside the C
// library's own fortify headers (glibc _FORTIFY_SOURCE=1/2/3, the default
// flags of every distribution; glibc turns them off at -O0), at -O0 and -O2,
// in C and C++: no stop, no warning of the plugins, the same output. Covers what
// distribution rebuilds showed: open/openat with O_CREAT and a mode (constant
// and run-time flags; glibc's open wrapper passes the mode as
// __va_arg_pack ()), memchr with a bound past the object but a match inside
// it (C11 7.24.5.1p2), calls that fit exactly, and %n in a format in
// read-only storage.
// RUN: rm -rf %t.dir && mkdir -p %t.dir
// RUN: for CC in "%gcc-fortify" "%gxx-fortify -x c++" "%clang-fortify" "%clangxx-fortify -x c++"; do \
// RUN:   for F in -U_FORTIFY_SOURCE -D_FORTIFY_SOURCE=1 -D_FORTIFY_SOURCE=2 -D_FORTIFY_SOURCE=3; do \
// RUN:     for O in -O0 -O2; do \
// RUN:       $CC $O -U_FORTIFY_SOURCE $F -Wno-cpp -Wno-#warnings %s -o %t.dir/prog 2> %t.dir/err || exit 1; \
// RUN:       if grep 'fortify\]' %t.dir/err; then echo "warned: $CC $F $O"; exit 1; fi; \
// RUN:       %t.dir/prog %t.dir run > %t.dir/out || { echo "stopped: $CC $F $O"; exit 1; }; \
// RUN:       FileCheck %s < %t.dir/out || exit 1; \
// RUN:     done; \
// RUN:   done; \
// RUN: done
// The same without any plugin gives the same output.
// RUN: gcc -O2 -D_FORTIFY_SOURCE=2 %s -o %t.dir/plain && %t.dir/plain %t.dir run | FileCheck %s
// CHECK: open 1 1 1 1
// CHECK-NEXT: memchr 1 2 3 -1
// CHECK-NEXT: wmemchr 2
// CHECK-NEXT: fits ok
// CHECK-NEXT: 5 format 1
#include <fcntl.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include <wchar.h>

static char path[4096];
// %n in read-only storage is allowed (glibc's checked printf too).
static const char counting_format[] = "%d%n";

static const char *in(const char *dir, const char *name) {
  snprintf(path, sizeof path, "%s/%s", dir, name);
  return path;
}

int main(int argc, char **argv) {
  if (argc < 3)
    return 2;
  const char *dir = argv[1];
  // Flags known only at run time, and constant ones.
  int flags = argc > 5 ? O_RDONLY : (O_WRONLY | O_CREAT | O_TRUNC);
  int a = open(in(dir, "a"), O_WRONLY | O_CREAT | O_TRUNC, 0644);
  int b = open(in(dir, "b"), flags, 0600);
  int c = openat(AT_FDCWD, in(dir, "c"), flags, 0600);
  int d = openat(AT_FDCWD, in(dir, "d"), O_RDWR | O_CREAT, 0600);
  printf("open %d %d %d %d\n", a >= 0, b >= 0, c >= 0, d >= 0);
  close(a), close(b), close(c), close(d);

  // The scan stops at the match: the bound may pass the object.
  char buf[8] = "abc";
  volatile size_t huge = SIZE_MAX;
  size_t n = strlen(argv[2]) + 100;
  char *p = (char *)memchr(buf, 'b', huge);
  char *q = (char *)memchr(buf, 'c', n);
  char *r = (char *)memchr(buf, '\0', 100);
  char *s = (char *)memchr(buf, 'z', sizeof buf);  // no match, bound fits
  printf("memchr %d %d %d %d\n", (int)(p - buf), (int)(q - buf), (int)(r - buf),
         s ? (int)(s - buf) : -1);
  wchar_t wide[4] = L"xyz";
  wchar_t *w = wmemchr(wide, L'z', n);
  printf("wmemchr %d\n", (int)(w - wide));

  // Exact fits through the C library's wrappers.
  char dst[8];
  char *heap = (char *)malloc(n);
  memcpy(dst, "1234567", 8);
  strcpy(heap, argv[2]);
  snprintf(dst, sizeof dst, "%s", "toolongtofit");
  strncpy(dst, argv[2], sizeof dst);
  memset(heap, 0, n);
  free(heap);
  puts("fits ok");
  int counted = 0;
  printf(counting_format, 5, &counted);
  printf(" format %d\n", counted);
  return 0;
}
