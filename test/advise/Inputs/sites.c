// One call per case fortify-advise knows, and a twin of each where it must
// say nothing or that nothing applies (test/advise/advise.test).
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "sites.h"

#define NOINLINE __attribute__((noinline))

// A buffer and its size as parameters: access / pass_object_size.
NOINLINE void fill(char *buf, size_t len, const char *src) {
  strcpy(buf, src);
}
// strcat reads its destination too: read_write.
NOINLINE void append(char *buf, size_t size, const char *src) {
  strcat(buf, src);
}
// The size is the call's bound, whatever its name.
NOINLINE void format_id(char *out, int id, size_t size) {
  snprintf(out, size, "id-%d", id);
}
// Twin: already declared with both annotations (the tool's own macros).
#if defined(__has_attribute) && !defined(__clang__)
#if __has_attribute(__access__)
#define KNOWN_ACCESS __attribute__((__access__(__write_only__, 1, 2)))
#endif
#endif
#ifndef KNOWN_ACCESS
#define KNOWN_ACCESS
#endif
#if defined(__clang__)
#define KNOWN_POS(n) __attribute__((pass_object_size(n)))
#else
#define KNOWN_POS(n)
#endif
KNOWN_ACCESS NOINLINE void fill_known(char *const buf KNOWN_POS(1), size_t len, const char *src) {
  strcpy(buf, src);
}

// Twin: 'cap' is named as a size but bounds what strncat appends.
NOINLINE void append_bounded(char *buf, size_t cap, const char *src) {
  strncat(buf, src, cap);
}

// No size parameter: static (sized by its callers) or add one.
NOINLINE void copy_name(char *out, const char *in) {
  strcpy(out, in);
}
// Twin: static, so its callers size it (issue 16 part 1).
static NOINLINE void copy_static(char *out, const char *in) {
  strcpy(out, in);
}
// Twin: the destination is the function's own array (checked).
NOINLINE void copy_local(const char *in) {
  char out[16];
  strcpy(out, in);
  puts(out);
}

// A flexible array member and its count.
struct msg {
  int kind;
  size_t used;
  char data[];
};
NOINLINE struct msg *new_msg(size_t used) {
  struct msg *m = malloc(sizeof(*m) + used * sizeof(m->data[0]));
  m->kind = 1;
  m->used = used;
  return m;
}
NOINLINE void put_msg(struct msg *m, const char *text) {
  strcpy(m->data, text);
}
// A count field named as one.
struct named {
  int flags;
  unsigned len;
  char bytes[];
};
NOINLINE void put_named(struct named *n, const char *text) {
  memcpy(n->bytes, text, strlen(text));
}
// Twin: no field says which one counts.
struct tagged {
  int flags;
  int kind;
  char data[];
};
NOINLINE void put_tagged(struct tagged *t, const char *text) {
  strcpy(t->data, text);
}
// Twin: a pointer field (counted_by on pointers: later compilers).
struct pbuf {
  size_t cap;
  char *p;
};
NOINLINE void put_pbuf(struct pbuf *b, const char *text) {
  strcpy(b->p, text);
}

// An allocator wrapper: alloc_size on its declaration.
NOINLINE char *make_buf(size_t n) {
  char *p = malloc(n);
  if (!p)
    abort();
  return p;
}
// Twins: the size is not a parameter; not an allocation.
NOINLINE char *make_padded(size_t n) {
  return malloc(n + 1);
}
static char table[4][32];
NOINLINE char *pick(int i) {
  return table[i & 3];
}
NOINLINE void use_buf(size_t n, const char *text) {
  char *p = make_buf(n);
  strcpy(p, text);
}
NOINLINE void use_padded(size_t n, const char *text) {
  char *p = make_padded(n);
  strcpy(p, text);
}
NOINLINE void use_pick(int i, const char *text) {
  strcpy(pick(i), text);
}

int main(int argc, char **argv) {
  if (argc != 3)
    return 2;
  const char *what = argv[1];
  size_t n = strtoul(argv[2], 0, 10);
  char text[128];
  memset(text, 'x', n);
  text[n] = 0;
  char small[16];
  if (!strcmp(what, "fill"))
    fill(small, sizeof small, text);
  else if (!strcmp(what, "append")) {
    small[0] = 0;
    append(small, sizeof small, text);
  } else if (!strcmp(what, "bounded")) {
    small[0] = 0;
    append_bounded(small, sizeof small - 1, text);
  } else if (!strcmp(what, "format"))
    format_id(small, (int)n, sizeof small);
  else if (!strcmp(what, "known"))
    fill_known(small, sizeof small, text);
  else if (!strcmp(what, "copy"))
    copy_name(small, text);
  else if (!strcmp(what, "static"))
    copy_static(small, text);
  else if (!strcmp(what, "local"))
    copy_local(text);
  else if (!strcmp(what, "msg"))
    put_msg(new_msg(16), text);
  else if (!strcmp(what, "named")) {
    struct named *m = malloc(sizeof *m + 16);
    m->len = 16;
    put_named(m, text);
  } else if (!strcmp(what, "tagged")) {
    struct tagged *m = malloc(sizeof *m + 16);
    put_tagged(m, text);
  } else if (!strcmp(what, "pbuf")) {
    struct pbuf b = {16, malloc(16)};
    put_pbuf(&b, text);
  } else if (!strcmp(what, "alloc"))
    use_buf(16, text);
  else if (!strcmp(what, "padded"))
    use_padded(16, text);
  else if (!strcmp(what, "pick"))
    use_pick((int)n, text);
  return 0;
}
