// Copies argv[1] into an 8-byte buffer: more than 8 characters overflow it.
// The memcpy is on line 10.
#include <stdio.h>
#include <string.h>

int main(int argc, char **argv) {
  setvbuf(stdout, NULL, _IONBF, 0);  // in order with the runtime's stderr
  size_t n = argc > 1 ? strlen(argv[1]) : 0;
  char buffer[8] = "";
  memcpy(buffer, argc > 1 ? argv[1] : "", n);
#ifdef GREETING
  puts(GREETING);
#endif
  printf("copied %zu bytes, buffer starts with '%c'\n", n, buffer[0] ? buffer[0] : '-');
  return 0;
}
