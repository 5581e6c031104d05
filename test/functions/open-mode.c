// open with O_CREAT (or O_TMPFILE) and no mode: a compile-time error when
// the flags are constant, a stop at run time when they are not. With a mode,
// or without O_CREAT, nothing happens.
// RUN: for CC in "%gcc-fortify" "%clang-fortify"; do \
// RUN:   not $CC -c -DCONSTANT_CREAT %s -o /dev/null 2>&1 | FileCheck %s --check-prefix=ERROR || exit 1; \
// RUN: done
// RUN: for CC in "%gcc-fortify" "%musl-gcc-fortify" "%clang-fortify" "%musl-clang-fortify"; do \
// RUN:   for O in -O0 -O2; do \
// RUN:     $CC $O %s -o %t || exit 1; \
// RUN:     %t %t.file read || exit 1; \
// RUN:     %t %t.file create-with-mode || exit 1; \
// RUN:     not --crash %t %t.file create || exit 1; \
// RUN:     not --crash %t %t.file create-at || exit 1; \
// RUN:   done; \
// RUN: done
// ERROR: error: {{.*}}open{{.*}}O_CREAT{{.*}}O_TMPFILE{{.*}}mode
#include <fcntl.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

int main(int argc, char **argv) {
  const char *path = argv[1];
  const char *what = argv[2];
#ifdef CONSTANT_CREAT
  int fd = open(path, O_CREAT | O_WRONLY);
#else
  int create = strncmp(what, "create", 6) == 0 ? O_CREAT : 0;
  int flags = O_RDONLY | create;
  int fd;
  if (!strcmp(what, "create-with-mode"))
    fd = open(path, flags | O_WRONLY, 0600);
  else if (!strcmp(what, "create-at"))
    fd = openat(AT_FDCWD, path, flags | O_WRONLY);
  else if (!strcmp(what, "create"))
    fd = open(path, flags | O_WRONLY);
  else
    fd = open("/dev/null", flags);
#endif
  if (fd >= 0)
    close(fd);
  return 0;
}
