#include <stdlib.h>
#include <string.h>

#include "copy.h"

char *keep(const char *s, size_t n);

int main(int argc, char **argv) {
  char small[8];
  copy_into(small, argv[0], (size_t)argc);
  char *p = keep(small, (size_t)argc);
  strcpy(p, argv[0]);
  return p[0] == 0;
}
