// From C: constant flags with O_CREAT or O_TMPFILE and no mode are an error
// that names the call's line (clang exits non-zero); flags known only at
// run time stop the program; a mode argument is always fine.
// RUN: not %clang-fortify -O0 -c -DCONSTANT %s -o /dev/null 2>&1 | FileCheck %s --check-prefix=ERROR
// RUN: not %clang-fortify -O2 -c -DCONSTANT %s -o /dev/null 2>&1 | FileCheck %s --check-prefix=ERROR
// ERROR: open-mode.c:[[# @LINE + 13]]:{{[0-9]+}}: error: 'open' is called with O_CREAT or O_TMPFILE and no mode [fortify]
// ERROR: open-mode.c:[[# @LINE + 13]]:{{[0-9]+}}: error: 'openat' is called with O_CREAT or O_TMPFILE and no mode [fortify]
// RUN: %clang-fortify -O0 %s -o %t.O0 && %t.O0 %t.file 0 && not --crash %t.O0 %t.file 64
// RUN: %clang-fortify -O2 %s -o %t.O2 && %t.O2 %t.file 0 && not --crash %t.O2 %t.file 64
// RUN: %musl-clang-fortify -O2 %s -o %t.musl && %t.musl %t.file 0 && not --crash %t.musl %t.file 64
#include <fcntl.h>
#include <stdlib.h>
#include <unistd.h>

int main(int argc, char **argv) {
  if (argc != 3)
    return 2;
#ifdef CONSTANT
  int a = open(argv[1], O_WRONLY | O_CREAT);
  int b = openat(AT_FDCWD, argv[1], O_RDWR | O_CREAT | O_TRUNC);
  close(a);
  close(b);
#endif
  int c = open(argv[1], O_WRONLY | O_CREAT, 0600);
  if (c < 0)
    return 1;
  close(c);
  int d = open(argv[1], O_RDONLY | atoi(argv[2]));
  if (d < 0)
    return 1;
  close(d);
  return 0;
}
