// realpath needs PATH_MAX bytes; wcrtomb and wctomb need MB_CUR_MAX bytes
// (read at run time, as glibc's checks do). A null destination (realpath
// allocating, wcrtomb resetting the state) is never stopped. In mode=chk,
// glibc's __wcrtomb_chk stops only when the character written does not fit
// (test/chk/mode-chk-format.c has it). The buffer is malloc(size), sized at
// run time: stopped at level 3, not on GCC 11 (level 3 is level 2 there).
// RUN: for CC in "%gcc-fortify" "%musl-gcc-fortify" "%clang-fortify" "%musl-clang-fortify"; do \
// RUN:   for O in -O0 -O2; do \
// RUN:     $CC $O %s -o %t || exit 1; \
// RUN:     for f in realpath %if mode-chk %{ %} %else %{ wcrtomb %} wctomb; do \
// RUN:       %t $f fits || exit 1; \
// RUN:       %level3-stop %t $f short || exit 1; \
// RUN:       %t $f null || exit 1; \
// RUN:     done; \
// RUN:   done; \
// RUN: done
#include <limits.h>
#include <locale.h>
#include <stdlib.h>
#include <string.h>
#include <wchar.h>

int main(int argc, char **argv) {
  const char *what = argv[1];
  const char *how = argv[2];
  if (!setlocale(LC_ALL, "C.UTF-8"))
    return 3;
  size_t needed = !strcmp(what, "realpath") ? PATH_MAX : MB_CUR_MAX;
  size_t size = !strcmp(how, "short") ? needed - 1 : needed;
  mbstate_t state;
  memset(&state, 0, sizeof state);
  if (!strcmp(how, "null")) {
    if (!strcmp(what, "realpath"))
      free(realpath("/", NULL));
    else if (!strcmp(what, "wcrtomb"))
      wcrtomb(NULL, L'a', &state);
    else if (!strcmp(what, "wctomb"))
      wctomb(NULL, L'a');
    return 0;
  }
  char *buffer = malloc(size);
  if (!strcmp(what, "realpath")) {
    char *result = realpath("/", buffer);
    if (!result)
      return 1;
  } else if (!strcmp(what, "wcrtomb")) {
    wcrtomb(buffer, L'a', &state);
  } else if (!strcmp(what, "wctomb")) {
    wctomb(buffer, L'a');
  }
  free(buffer);
  return 0;
}
