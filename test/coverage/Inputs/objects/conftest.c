// What a configure probe looks like: compiled with the same flags, never
// linked into the product.
#include <string.h>
char buffer[4];
void probe(const char *s) { strcpy(buffer, s); memcpy(buffer, s, 3); }
