// On the failure path of a check the optimisers substitute the values the
// path implies: here the size of `end` is 2 or 3 and its length 1 or 2, so
// behind the run-time test `size < length + 1` GCC leaves
// __fortify_fail(site, 3, 2) — constant sizes that do not fit. That is not
// a proven overflow (the test is still there, and never true at run time):
// no diagnostic, even with werror, and both paths run clean. (Reduced from
// SQLite's createTableStmt, where it first showed up.)
// RUN: %gcc-fortify -O2 -fplugin-arg-fortify-werror %s -o %t.gcc 2>&1 | FileCheck %s --allow-empty --implicit-check-not=fortify
// RUN: %clang-fortify -O2 -fplugin-arg-fortify-werror %s -o %t.clang 2>&1 | FileCheck %s --allow-empty --implicit-check-not=fortify
// RUN: %gcc-fortify -O2 -fdump-tree-optimized=%t.gimple -c %s -o /dev/null
// RUN: FileCheck %s --check-prefixes=GIMPLE,GIMPLE-L%gcc-level3 < %t.gimple
// RUN: %t.gcc short && %t.gcc a-much-longer-list-of-arguments so that the statement is longer than fifty
// RUN: %t.clang short && %t.clang a-much-longer-list-of-arguments so that the statement is longer than fifty
// The shape that used to be taken for a proven over-read (at level 3: the
// sizes of `end` are path-dependent to the dynamic query; GCC 11, whose
// level 3 is level 2, takes the larger literal and folds the check away),
// and jump threading's copy in `threaded`, with constant sizes that do not
// fit, on every GCC:
// GIMPLE-L3: __fortify_fail (&"read{{.*}}"[0], 3, 2);
// GIMPLE-L2-NOT: __fortify_fail (&"read
// GIMPLE: __fortify_fail (&"write{{.*}}threaded"[0], 4, 3);
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static int strlen30(const char *z) {
  if (z == 0)
    return 0;
  return 0x3fffffff & (int)strlen(z);
}

struct column {
  const char *name;
  char affinity;
};

__attribute__((noinline)) char *statement(struct column *columns, int count, const char *name) {
  int i, k, len;
  long n = 0;
  const char *separator, *separator2, *end;
  for (i = 0; i < count; i++)
    n += strlen30(columns[i].name) + 5;
  n += strlen30(name);
  if (n < 50) {
    separator = "";
    separator2 = ",";
    end = ")";
  } else {
    separator = "\n  ";
    separator2 = ",\n  ";
    end = "\n)";
  }
  n += 35 + 6 * count;
  char *z = malloc(n);
  if (!z)
    return 0;
  memcpy(z, "CREATE TABLE ", 13);
  k = 13;
  for (i = 0; i < count; i++) {
    static const char *const types[] = {"", " TEXT", " NUM", " INT", " REAL", " NUM"};
    len = strlen30(separator);
    memcpy(&z[k], separator, len);
    k += len;
    separator = separator2;
    const char *type = types[columns[i].affinity - 'A'];
    len = strlen30(type);
    memcpy(&z[k], type, len);
    k += len;
  }
  len = strlen30(end);
  memcpy(&z[k], end, len + 1);
  return z;
}

// Jump threading copies the check into the paths of the program's own
// branch: on the !b path it folds to "fails", on the other the copy still
// runs and fits. The call does not always overflow: no diagnostic.
__attribute__((noinline)) void threaded(char *d, int b) {
  char buf[3] = "";
  size_t n = b ? 2 : 4;
  memcpy(buf, d, n);
  puts(buf);
}

__attribute__((noinline)) void threaded_twice(int a, int b, const char *s) {
  char buf[3] = "";
  char *d = a ? buf : buf + 1;
  size_t n = b ? 1 : 2;
  memcpy(d, s, n + 1);
  puts(buf);
}

int main(int argc, char **argv) {
  threaded("a", 1);
  threaded_twice(1, 1, "a");
  struct column columns[8];
  for (int i = 1; i < argc && i <= 8; i++)
    columns[i - 1] = (struct column){argv[i], 'A' + i % 6};
  char *text = statement(columns, argc - 1 > 8 ? 8 : argc - 1, "t");
  puts(text);
  free(text);
  return 0;
}
