// The runtime's line for each kind of finding, the location forms of
// fortify::formatLocation, and broken descriptors (printed as far as they
// can be read). By default every report aborts (SIGABRT).
// RUN: gcc -g -I%fortify-rt-include %s %fortify-rt -o %t
// RUN: for what in write read open format; do \
// RUN:   not --crash %t $what 2>&1 | FileCheck %s --check-prefix=$(echo $what | tr a-z A-Z) --match-full-lines --implicit-check-not=fortify: || exit 1; \
// RUN: done
// RUN: env FORTIFY_OPTIONS=halt_on_error=0 %t all 2>&1 | FileCheck %s --check-prefix=ALL --match-full-lines --implicit-check-not=fortify:
// WRITE: fortify: memcpy: write of 17 bytes into an object of 16 bytes at src/x.c:12:5 (in main)
// READ: fortify: strlen: read of 17 bytes from an object of 16 bytes at x.c:3:9 (in main)
// OPEN: fortify: open: O_CREAT or O_TMPFILE without a mode at x.c:3:9 (in main)
// FORMAT: fortify: printf: %n in a format that is not a string literal at x.c:3:9 (in main)
#include <fortify/runtime.h>
#include <stdint.h>
#include <string.h>

#define WRITE "write\0memcpy\0src/x.c\0" "12\0" "5\0main"
#define READ "read\0strlen\0x.c\0" "3\0" "9\0main"
#define OPEN "open\0open\0x.c\0" "3\0" "9\0main"
#define FORMAT "format\0printf\0x.c\0" "3\0" "9\0main"

// Descriptors in one array, so that a broken one's reader finds a NUL soon
// after it whatever the compiler places next.
static const char broken_empty[8] = "";
static const char broken_line[32] = "write\0memcpy\0y.c\0twelve\0" "5\0f";

int main(int argc, char **argv) {
  const char *what = argc > 1 ? argv[1] : "all";
  int all = !strcmp(what, "all");
  if (all || !strcmp(what, "write"))
    __fortify_report(WRITE, 17, 16);
  if (all || !strcmp(what, "read"))
    __fortify_report(READ, 17, 16);
  if (all || !strcmp(what, "open"))
    __fortify_report(OPEN, 0, 0);
  if (all || !strcmp(what, "format"))
    __fortify_report(FORMAT, 0, 0);
  if (!all)
    return 0;
  // ALL: fortify: memcpy: write of 17 bytes into an object of 16 bytes at src/x.c:12:5 (in main)
  // ALL: fortify: strlen: read of 17 bytes from an object of 16 bytes at x.c:3:9 (in main)
  // ALL: fortify: open: O_CREAT or O_TMPFILE without a mode at x.c:3:9 (in main)
  // ALL: fortify: printf: %n in a format that is not a string literal at x.c:3:9 (in main)

  // Location forms: column 0, line 0, no file, no caller; C++ callers.
  __fortify_report("write\0strcpy\0a.c\0" "7\0" "0\0f", 1, 0);
  // ALL: fortify: strcpy: write of 1 byte into an object of 0 bytes at a.c:7 (in f)
  __fortify_report("write\0strcpy\0a.c\0" "0\0" "4\0f", 2, 1);
  // ALL: fortify: strcpy: write of 2 bytes into an object of 1 byte at a.c (in f)
  __fortify_report("read\0memchr\0\0" "0\0" "0\0", 9, 8);
  // ALL: fortify: memchr: read of 9 bytes from an object of 8 bytes at <unknown>
  __fortify_report("write\0memcpy\0dir with space/b.cc\0" "3\0" "1\0ns::f(int, char const*)", 4, 3);
  // ALL: fortify: memcpy: write of 4 bytes into an object of 3 bytes at dir with space/b.cc:3:1 (in ns::f(int, char const*))

  // The largest sizes print in full.
  __fortify_report("write\0memcpy\0big.c\0" "1\0" "1\0main", SIZE_MAX, SIZE_MAX - 1);
  // ALL: fortify: memcpy: write of 18446744073709551615 bytes into an object of 18446744073709551614 bytes at big.c:1:1 (in main)

  // A problem word this runtime does not know (a newer plugin): the sizes.
  __fortify_report("spill\0frob\0c.c\0" "1\0" "2\0g", 5, 3);
  // ALL: fortify: frob: failed check 'spill' (5 bytes needed, 3 bytes available) at c.c:1:2 (in g)

  // Broken descriptors: null, empty, a line that is not a number (reading
  // stops there), control characters.
  __fortify_report(0, 1, 0);
  // ALL: fortify: <unknown function>: failed check (1 byte needed, 0 bytes available) at <unknown>
  __fortify_report(broken_empty, 3, 2);
  // ALL: fortify: <unknown function>: failed check (3 bytes needed, 2 bytes available) at <unknown>
  __fortify_report(broken_line, 6, 5);
  // ALL: fortify: memcpy: write of 6 bytes into an object of 5 bytes at y.c
  __fortify_report("write\0mem\ncpy\0x\ty.c\0" "1\0" "1\0m\033[31m", 2, 1);
  // ALL: fortify: mem?cpy: write of 2 bytes into an object of 1 byte at x?y.c:1:1 (in m?[31m)

  // A field with no NUL within 1024 bytes ends the descriptor.
  static char long_field[4096];
  memset(long_field, 'a', sizeof long_field - 1);
  __fortify_report(long_field, 1, 0);
  // ALL: fortify: <unknown function>: failed check (1 byte needed, 0 bytes available) at <unknown>
  static char long_file[2048] = "write\0memcpy";
  memset(long_file + 13, 'f', sizeof long_file - 14);
  __fortify_report(long_file, 1, 0);
  // ALL: fortify: memcpy: write of 1 byte into an object of 0 bytes at <unknown>
  return 0;
  // ALL: fortify: 16 findings (16 call sites)
}
