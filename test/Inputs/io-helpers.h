/* Sources for the stdio/unistd/socket tests: /dev/zero as a FILE* and as a
 * file descriptor, and wide strings of a given length. */
#ifndef FORTIFY_TEST_IO_HELPERS_H
#define FORTIFY_TEST_IO_HELPERS_H
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <unistd.h>
#include <wchar.h>

static FILE *zero_stream(void) {
  static FILE *stream;
  if (!stream && !(stream = fopen("/dev/zero", "r")))
    abort();
  return stream;
}

static int zero_fd(void) {
  static int fd = -1;
  if (fd < 0 && (fd = open("/dev/zero", O_RDONLY)) < 0)
    abort();
  return fd;
}

/* A wide string of `elements` wide characters including the terminator. */
static wchar_t *wide_text_of(size_t elements) {
  static wchar_t storage[1024];
  if (elements == 0 || elements > 1024)
    abort();
  for (size_t i = 0; i + 1 < elements; ++i)
    storage[i] = L'x';
  storage[elements - 1] = L'\0';
  return storage;
}
#endif
