/* A library's always_inline helper in a system header that is no fortify
 * wrapper (it makes no check of its own): its calls are the program's, and
 * are instrumented. */
#include <string.h>
static inline __attribute__((always_inline)) void put_bytes(void *d, const void *s, size_t n) {
  memcpy(d, s, n);
}
