// A check made in a header's inline function: its file name is the header's.
#include <string.h>

static inline void copy_into(char *to, const char *from, size_t n) { memcpy(to, from, n); }
