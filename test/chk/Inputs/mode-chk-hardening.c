#include <string.h>
#include <stdlib.h>
int main(int argc, char **argv) {
  char buf[16];
  memcpy(buf, argv[0], strtoul(argv[1], 0, 10));
  return buf[0] == 'x';
}
