// A string of `n` 'x' characters (n < 128), for the test programs that take
// the length to write on the command line.
#ifndef FORTIFY_TEST_TEXT_OF_LENGTH_H
#define FORTIFY_TEST_TEXT_OF_LENGTH_H

#include <string.h>

static char text_buffer[128];

static const char *text_of_length(int n) {
  memset(text_buffer, 'x', n);
  text_buffer[n] = 0;
  return text_buffer;
}

#endif
