/* wcslcpy/wcslcat are in glibc only from 2.38 and not in musl 1.2.3: tests
 * define them, as ordinary external functions that the plugins check like
 * the libc ones. */
#include <stddef.h>
#include <wchar.h>
size_t wcslcpy(wchar_t *dst, const wchar_t *src, size_t size) {
  size_t length = wcslen(src);
  if (size) {
    size_t copied = length < size - 1 ? length : size - 1;
    wmemcpy(dst, src, copied);
    dst[copied] = L'\0';
  }
  return length;
}
size_t wcslcat(wchar_t *dst, const wchar_t *src, size_t size) {
  size_t present = wcsnlen(dst, size);
  if (present == size)
    return size + wcslen(src);
  return present + wcslcpy(dst + present, src, size - present);
}
