// Correct programs that write past a member's declared type must run: trailing
// arrays used as flexible arrays ([], [0], [1], also in an over-aligned
// struct where Clang adds tail padding after the array), writes through a
// union member into the union's larger storage, and a pointer into a buffer
// carried through a local variable.
// RUN: %clang-fortify -O0 %s -o %t.O0 && %t.O0
// RUN: %clang-fortify -O2 %s -o %t.O2 && %t.O2
// RUN: %clang-fortify -O2 -fplugin-arg-fortify-level=2 %s -o %t.L2 && %t.L2
// RUN: %clang-fortify -O0 -fplugin-arg-fortify-level=2 %s -o %t.O0L2 && %t.O0L2
#include <stdlib.h>
#include <string.h>

struct __attribute__((aligned(16))) aligned_one { int len; char data[1]; };
struct one { int len; char data[1]; };
struct zero { int len; char data[0]; };
struct flexible { int len; char data[]; };
union storage { char small[4]; char big[32]; };
struct with_union { int kind; union storage u; int tail; };

static const char text[] = "a string that is longer than any declared array";

__attribute__((noinline)) static void consume(const void *p) {
  __asm__ volatile("" : : "r"(p) : "memory");
}

int main(void) {
  struct aligned_one *a = malloc(sizeof *a + sizeof text);
  strcpy(a->data, text);
  consume(a);
  struct one *o = malloc(sizeof *o + sizeof text);
  strncpy(o->data, text, sizeof text);
  consume(o);
  struct zero *z = malloc(sizeof *z + sizeof text);
  z->data[0] = 0;
  strcat(z->data, text);
  consume(z);
  struct flexible *f = malloc(sizeof *f + sizeof text);
  stpcpy(f->data, text);
  consume(f);

  struct with_union w;
  strcpy(w.u.small, "sixteen chars..");
  consume(&w);

  char buffer[64];
  char *p = buffer + 8;
  strcpy(p, text);
  consume(buffer);
  free(a);
  free(o);
  free(z);
  free(f);
  return 0;
}
