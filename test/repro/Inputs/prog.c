// Built in two directories by test/repro/objects.test: every file name the
// plugins embed must follow -ffile-prefix-map, as __FILE__ does.
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "copy.h"

char *dup_into(const char *s, size_t n) {
  char *p = (char *)malloc(n);
  if (!p)
    return p;
  strcpy(p, s);
  copy_into(p, s, n + 1);
  return p;
}

int main(int argc, char **argv) {
  char line[16];
  snprintf(line, (size_t)argc * 8, "%s", argv[0]);
  char *p = dup_into(line, (size_t)argc);
  puts(p);
  free(p);
  return 0;
}
