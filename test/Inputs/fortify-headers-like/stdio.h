/* fortify-headers-like <stdio.h> (see string.h here): snprintf bounded by
 * the destination's size, and no %n check, as fortify-headers has none. */
#include_next <stdio.h>

#if defined(_FORTIFY_SOURCE) && _FORTIFY_SOURCE > 0 && defined(__OPTIMIZE__) && __OPTIMIZE__ > 0
#ifdef __cplusplus
extern "C" {
#endif
__typeof__(snprintf) __fh_orig_snprintf __asm__("snprintf");
extern __inline__ __attribute__((__always_inline__, __gnu_inline__, __artificial__)) int
snprintf(char *__s, size_t __n, const char *__f, ...) {
  size_t __b = __builtin_object_size(__s, 0);
  if (__n > __b)
    __builtin_trap();
  return __fh_orig_snprintf(__s, __n, __f, __builtin_va_arg_pack());
}
#ifdef __cplusplus
}
#endif
#endif
