// Declarations the advise test's annotations must reach: a caller in
// another file sees only this prototype.
#ifndef SITES_H
#define SITES_H
#include <stddef.h>

void fill(char *buf, size_t len, const char *src);
char *make_buf(size_t n);

#endif
