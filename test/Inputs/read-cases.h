/* For functions that read: before READ runs, the object holds a string of n
 * bytes (n - 1 'x' and the NUL) when n fits, and only 'x' when it does not,
 * so a string scan runs past its end exactly when n is too long. READ(src,
 * n) then reads n bytes of it. Sizes follow test/Inputs/cases.h. */
#include <string.h>

static char read_sink[4096];

#define PREPARE(p, available, n)                                            \
  do {                                                                      \
    size_t fill_ = (n) == 0 ? 0 : ((n) - 1 < (available) ? (n) - 1 : (available)); \
    for (size_t i_ = 0; i_ < fill_; ++i_)                                   \
      ((volatile char *)(p))[i_] = 'x';                                     \
    if ((n) != 0 && (n) <= (available))                                     \
      ((volatile char *)(p))[(n) - 1] = '\0';                               \
  } while (0)
#define WRITE(dst, n) READ(dst, n)
#include "cases.h"
