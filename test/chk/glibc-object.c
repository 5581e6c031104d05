// The use libfortify_chk is for: an object compiled against glibc's headers
// with -O2 -D_FORTIFY_SOURCE=2 (so it calls __strcpy_chk, __memcpy_chk,
// __sprintf_chk, __read_chk, __printf_chk, __fdelt_chk) linked into a musl
// program, static and dynamic. Fitting calls run as on glibc; one byte more
// stops with glibc's message.
// REQUIRES: musl
// RUN: gcc -O2 -D_FORTIFY_SOURCE=2 -DLIBRARY -c %s -o %t.glibc.o
// RUN: nm -u %t.glibc.o | FileCheck %s --check-prefix=IMPORTS
// IMPORTS-DAG: U __fdelt_chk
// IMPORTS-DAG: U __memcpy_chk
// IMPORTS-DAG: U __printf_chk
// IMPORTS-DAG: U __read_chk
// IMPORTS-DAG: U __sprintf_chk
// IMPORTS-DAG: U __strcpy_chk
// RUN: musl-gcc -O1 %s %t.glibc.o %fortify-chk-dir/libfortify_chk.a -static -o %t.static
// RUN: musl-gcc -O1 %s %t.glibc.o -L%fortify-chk-dir -lfortify_chk -Wl,-rpath,%fortify-chk-dir -o %t.dynamic
// RUN: for bin in %t.static %t.dynamic; do \
// RUN:   for n in 7 8; do echo "n=$n:"; $bin $n 2>&1; echo "status=$?"; done; done | FileCheck %s
// CHECK:      n=7:
// CHECK-NEXT: copied abcdefg, formatted <abcdefg>, read 7, fd word 1, printed
// CHECK-NEXT: status=0
// CHECK-NEXT: n=8:
// CHECK-NEXT: *** buffer overflow detected ***: terminated
// CHECK-NEXT: status=134
// CHECK:      n=7:
// CHECK-NEXT: copied abcdefg, formatted <abcdefg>, read 7, fd word 1, printed
// CHECK-NEXT: status=0
// CHECK-NEXT: n=8:
// CHECK-NEXT: *** buffer overflow detected ***: terminated
// CHECK-NEXT: status=134
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/select.h>
#include <unistd.h>

int library(int n);

#ifdef LIBRARY
// n characters into 8-byte objects: 7 fit with the terminator, 8 do not.
int library(int n) {
  char src[32] = "abcdefghijklmnop", copy[8], formatted[10], bytes[8];
  int p[2];
  fd_set set;
  src[n] = '\0';
  strcpy(copy, src);
  sprintf(formatted, "<%s>", copy);
  memcpy(bytes, src, (size_t)n);
  if (pipe(p) != 0 || write(p[1], src, (size_t)n) != n)
    return 1;
  ssize_t got = read(p[0], bytes, (size_t)n);
  FD_ZERO(&set);
  FD_SET(p[0] % 4, &set);
  printf("copied %s, formatted %s, read %zd, fd word %d, printed\n", copy, formatted, got,
         FD_ISSET(p[0] % 4, &set) ? 1 : 0);
  return 0;
}
#else
int main(int argc, char **argv) {
  if (argc != 2)
    return 2;
  return library(atoi(argv[1]));
}
#endif
