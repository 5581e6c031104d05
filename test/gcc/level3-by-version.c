// Level 3 needs __builtin_dynamic_object_size, which GCC 12 added. On GCC 11
// level 3 checks as level 2: sizes known only at run time (malloc(n)) are
// not checked, every static one still is, and the coverage note says
// level=2. Asking for level=3 there says so in one note; the default level
// says nothing (a distribution's every file). On GCC 12 and later nothing is
// said and malloc(n) is checked (feature gcc-dynamic-sizes).
// RUN: %gcc-fortify -O2 -fplugin-arg-fortify-level=3 %s -o %t.asked 2> %t.asked.err
// RUN: %if gcc-dynamic-sizes %{ count 0 < %t.asked.err %} %else %{ FileCheck %s --check-prefix=ASKED-STATIC < %t.asked.err %}
// RUN: %gcc-fortify -O2 %s -o %t 2>&1 | count 0
// RUN: %gcc-fortify -O2 -fplugin-arg-fortify-level=2 -c %s -o /dev/null 2>&1 | count 0
// RUN: for p in %t %t.asked; do \
// RUN:   $p static 16 || exit 1; not --crash $p static 17 || exit 1; $p heap 16 || exit 1; \
// RUN: done
// RUN: %if gcc-dynamic-sizes %{ not --crash %t heap 17 %} %else %{ %t heap 17 %}
// RUN: %if gcc-dynamic-sizes %{ not --crash %t.asked heap 17 %} %else %{ %t.asked heap 17 %}
// RUN: %gcc-fortify -O2 -c %s -o %t.o && grep -a -o 'compiler=[^;]*; level=[0-9]' %t.o > %t.note
// RUN: %if gcc-dynamic-sizes %{ FileCheck %s --check-prefix=NOTE-DYNAMIC < %t.note %} %else %{ FileCheck %s --check-prefix=NOTE-STATIC < %t.note %}
// ASKED-STATIC: note: fortify: GCC 11.{{[0-9]+}}.{{[0-9]+}} has no {{.*}}__builtin_dynamic_object_size{{.*}}: level 3 checks as level 2 (no sizes known only at run time)
// ASKED-STATIC-NOT: note
// NOTE-STATIC: level=2
// NOTE-DYNAMIC: level=3
#include <stdlib.h>
#include <string.h>

int main(int argc, char **argv) {
  static char fixed[16];
  size_t n = strtoul(argv[2], NULL, 10);
  if (strcmp(argv[1], "heap") == 0) {
    char *p = malloc(16 + (argc > 99));
    memset(p, 'x', n);
    return p[0] == 'y';
  }
  memset(fixed, 'x', n);
  return fixed[0] == 'y';
}
