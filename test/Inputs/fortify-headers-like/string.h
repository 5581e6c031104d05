/* A stand-in for fortify-headers (Alpine's fortify on musl), for tests: the
 * same shape as its <string.h> — #include_next, then always_inline
 * gnu_inline wrappers in a system header that trap when
 * __builtin_object_size says the call overflows — reduced to memcpy and
 * strcpy. Included with -isystem, as a distribution puts it on the path. */
#include_next <string.h>

#if defined(_FORTIFY_SOURCE) && _FORTIFY_SOURCE > 0 && defined(__OPTIMIZE__) && __OPTIMIZE__ > 0
#define _FH_FN(fn) \
  extern __inline__ __attribute__((__always_inline__, __gnu_inline__, __artificial__))
#ifdef __cplusplus
extern "C" {
#endif
__typeof__(memcpy) __fh_orig_memcpy __asm__("memcpy");
_FH_FN(memcpy) void *memcpy(void *__od, const void *__os, size_t __n) {
  size_t __bd = __builtin_object_size(__od, 0);
  if (__n > __bd)
    __builtin_trap();
  return __fh_orig_memcpy(__od, __os, __n);
}
__typeof__(strcpy) __fh_orig_strcpy __asm__("strcpy");
_FH_FN(strcpy) char *strcpy(char *__d, const char *__s) {
  size_t __n = strlen(__s) + 1;
  if (__n > __builtin_object_size(__d, 0))
    __builtin_trap();
  return __fh_orig_strcpy(__d, __s);
}
#ifdef __cplusplus
}
#endif
#endif
