// PUT(op, d, bytes): writes `bytes` bytes at d with the function named by
// the string op, "memset", "memcpy" or "strcpy" (the terminating NUL
// included; nothing when bytes is 0), copying from the including file's
// `text`, a char array filled with 'x' but for its last byte. A macro:
// each use is a call site of the function it is in.
#ifndef FORTIFY_TEST_PUT_BYTES_H
#define FORTIFY_TEST_PUT_BYTES_H

#include <string.h>

#define PUT(op, d, bytes)                                         \
  do {                                                            \
    if (!strcmp(op, "memset"))                                    \
      memset(d, 'x', bytes);                                      \
    else if (!strcmp(op, "memcpy"))                               \
      memcpy(d, text, bytes);                                     \
    else if (bytes)                                               \
      strcpy(d, text + sizeof text - (bytes));                    \
  } while (0)

#endif
