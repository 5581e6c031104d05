/* glibc only gained strlcpy/strlcat in 2.38 (Debian 12 has 2.36); musl has
 * them. Tests that call them include this after the libc headers. The
 * definitions are ordinary external functions, so the plugin checks calls to
 * them exactly as it checks calls into a libc that has them. */
#include <string.h> /* defines __GLIBC__ on glibc */
#if defined(__GLIBC__) && !(__GLIBC__ > 2 || (__GLIBC__ == 2 && __GLIBC_MINOR__ >= 38))
#include <stddef.h>
#include <string.h>
#ifdef __cplusplus
extern "C" {
#endif
size_t strlcpy(char *dst, const char *src, size_t size) {
  size_t length = strlen(src);
  if (size) {
    size_t copied = length < size - 1 ? length : size - 1;
    memcpy(dst, src, copied);
    dst[copied] = '\0';
  }
  return length;
}
size_t strlcat(char *dst, const char *src, size_t size) {
  size_t present = strnlen(dst, size);
  if (present == size)
    return size + strlen(src);
  return present + strlcpy(dst + present, src, size - present);
}
#ifdef __cplusplus
}
#endif
#endif
