// The ABI values in the rule table are the target's: element sizes
// (gid_t, struct pollfd, wchar_t), PATH_MAX and the open flags that need a
// mode. Each is checked against the target's own headers, compiled by the
// compiler under test (a cross compiler's, under an emulator), in both
// directions: an exact fit compiles, one element more is a compile-time
// error; the open flags that need a mode stop, every other flag bit runs.
// A constant taken from the build machine, or simply wrong, fails here.
// RUN: for CC in "%gcc-fortify" "%clang-fortify"; do \
// RUN:   for c in GETGROUPS POLL WMEMCPY REALPATH; do \
// RUN:     $CC -O2 -fplugin-arg-fortify-werror -DCASE_$c -DEXTRA=0 -c %s -o %t.o || exit 1; \
// RUN:     not $CC -O2 -fplugin-arg-fortify-werror -DCASE_$c -DEXTRA=1 -c %s -o %t.o 2>&1 | FileCheck %s --check-prefix=OVERFLOW || exit 1; \
// RUN:   done; \
// RUN:   $CC -O2 -DCASE_OTHER_FLAGS -c %s -o %t.o || exit 1; \
// RUN:   not $CC -O2 -DCASE_TMPFILE -c %s -o %t.o 2>&1 | FileCheck %s --check-prefix=MODE || exit 1; \
// RUN:   for O in -O0 -O2; do \
// RUN:     $CC $O %s -o %t || exit 1; \
// RUN:     for bit in $(seq 0 30); do \
// RUN:       if [ "$(%t expect $bit)" = stop ]; then not --crash %t bit $bit || exit 1; else %t bit $bit || exit 1; fi; \
// RUN:     done; \
// RUN:     test "$(for bit in $(seq 0 30); do %t expect $bit; done | grep -c stop)" = 2 || exit 1; \
// RUN:   done; \
// RUN: done
// OVERFLOW: error: {{.*}}
// MODE: error: {{.*}}open{{.*}}O_CREAT{{.*}}O_TMPFILE{{.*}}mode
#define _GNU_SOURCE
#include <fcntl.h>
#include <limits.h>
#include <poll.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include <wchar.h>

void sink(void *);

#if defined(CASE_GETGROUPS)
void f(void) { gid_t g[4]; getgroups(4 + EXTRA, g); sink(g); }
#elif defined(CASE_POLL)
void f(void) { struct pollfd p[4]; memset(p, 0, sizeof p); poll(p, 4 + EXTRA, 0); sink(p); }
#elif defined(CASE_WMEMCPY)
void f(const wchar_t *s) { wchar_t w[4]; wmemcpy(w, s, 4 + EXTRA); sink(w); }
#elif defined(CASE_REALPATH)
void f(const char *path) { char b[PATH_MAX - EXTRA]; realpath(path, b); sink(b); }
#elif defined(CASE_OTHER_FLAGS)
// Every other flag the target's headers have: none needs a mode.
int f(const char *path) {
  return open(path, O_RDWR | O_APPEND | O_EXCL | O_NOCTTY | O_TRUNC | O_NONBLOCK | O_DSYNC | O_SYNC |
                        O_ASYNC | O_DIRECT | O_LARGEFILE | O_DIRECTORY | O_NOFOLLOW | O_NOATIME |
                        O_CLOEXEC | O_PATH);
}
#elif defined(CASE_TMPFILE)
int f(const char *path) { return open(path, O_TMPFILE | O_RDWR); }
#else
// The bit of O_TMPFILE that is not O_DIRECTORY (glibc's __O_TMPFILE; musl
// has no name for it).
#define TMPFILE_BIT (O_TMPFILE & ~O_DIRECTORY)

int main(int argc, char **argv) {
  if (argc != 3)
    return 2;
  unsigned flags = 1u << atoi(argv[2]);
  if (!strcmp(argv[1], "expect")) {
    puts(flags == O_CREAT || flags == TMPFILE_BIT ? "stop" : "run");
    return 0;
  }
  // A directory that does not exist: whatever the flag, nothing is created.
  int fd = open("/nonexistent-fortify-test/file", (int)flags);
  if (fd >= 0)
    close(fd);
  return 0;
}
#endif
