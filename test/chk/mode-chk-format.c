// mode=chk follows glibc's entry points where the plugin's inline checks are
// stricter: __printf_chk(1, ...) lets a %n through in a read-only format (a
// literal chosen at run time) and stops one in writable memory; glibc 2.36's
// __wcrtomb_chk stops only when the character written does not fit, not for
// a buffer shorter than MB_CUR_MAX. On glibc (its own entry points) and on
// musl (libfortify_chk), with both compilers.
// RUN: for CC in "%gcc-fortify" "%clang-fortify" \
// RUN:     "%musl-gcc-fortify -L%fortify-chk-dir -Wl,-rpath,%fortify-chk-dir -lfortify_chk" \
// RUN:     "%musl-clang-fortify -Wl,--whole-archive %fortify-chk-dir/libfortify_chk.a -Wl,--no-whole-archive"; do \
// RUN:   for O in -O0 -O2; do \
// RUN:     $CC $O -fplugin-arg-fortify-mode=chk %s -o %t || exit 1; \
// RUN:     %t rodata | FileCheck %s || exit 1; \
// RUN:     not --crash %t writable 2>&1 | FileCheck %s --check-prefix=WRITABLE || exit 1; \
// RUN:     %t narrow-fits || exit 1; \
// RUN:     not --crash %t narrow-past 2>&1 | FileCheck %s --check-prefix=OVERFLOW || exit 1; \
// RUN:   done; \
// RUN: done
// REQUIRES: musl
// CHECK: count 1
// WRITABLE: *** %n in writable segment detected ***
// OVERFLOW: *** buffer overflow detected ***: terminated
#include <locale.h>
#include <stdio.h>
#include <string.h>
#include <wchar.h>

__attribute__((noinline)) static const char *pick(const char *what) {
  return what[0] == 'r' ? "x%n\n" : "y%n\n";
}

int main(int argc, char **argv) {
  const char *what = argv[1];
  int count = 0;
  if (!strcmp(what, "rodata") || !strcmp(what, "writable")) {
    char writable[16];
    const char *format = pick(what);
    if (!strcmp(what, "writable"))
      format = strcpy(writable, format);
    printf(format, &count);
    printf("count %d\n", count);
    return 0;
  }
  if (!setlocale(LC_ALL, "C.UTF-8"))
    return 3;
  char narrow[2];
  mbstate_t state;
  memset(&state, 0, sizeof state);
  // 'a' is one byte, the euro sign three: both into two bytes.
  size_t written = wcrtomb(narrow, strcmp(what, "narrow-past") ? L'a' : L'\u20ac', &state);
  return written == 1 ? 0 : 1;
}
