// Only calls to the C library are checked. Left alone: a function of the
// same name with internal linkage (a program's static strcpy), one whose
// prototype has another number or kind of arguments (read(path),
// memset(long, long, long), strcat(d)), an indirect call, and glibc's own
// checked entry point called by name (__memcpy_chk: glibc checks it). A
// builtin is trusted by name (__builtin_memcpy), and a definition with
// external linkage is the C function itself (a program that provides
// strlcpy): both checked.
// RUN: rm -rf %t && mkdir %t
// RUN: %gcc-fortify -O0 -S -o /dev/null -Wno-builtin-declaration-mismatch %plugin-dumps %t/ %s
// RUN: cat %t/*.fortify | FileCheck %s
// No C library header: the declarations below are the program's own.
typedef unsigned long size_t;

// Neither the static strcpy's body nor strlcpy's is instrumented.
// CHECK-LABEL: ;; Function strcpy (
// CHECK-NOT: __builtin_object_size
// CHECK-LABEL: ;; Function strlcpy (
// CHECK-NOT: __builtin_object_size
// CHECK-LABEL: ;; Function f (
static char *strcpy(char *d, const char *s) {
  char *r = d;
  while ((*d++ = *s++))
    ;
  return r;
}
size_t strlcpy(char *d, const char *s, size_t n) { return 0; }

int read(const char *path);
long memset(long a, long b, long c);
char *strcat(char *d);
void *__memcpy_chk(void *d, const void *s, size_t n, size_t size);

// CHECK-NOT: __builtin_object_size
// CHECK: read (s);
// CHECK-NEXT: memset (n, n, n);
// CHECK-NEXT: strcat (d);
// CHECK-NEXT: strcpy (d, s);
// CHECK-NOT: __builtin_object_size
// CHECK: fn (d, s,
// CHECK-NOT: __builtin_object_size
// CHECK: __memcpy_chk (d, s, {{.*}}, 16);
// CHECK: __builtin_object_size (d, 0);
// CHECK: __fortify_fail (&"write\x00memcpy\x00
// CHECK: __fortify_fail (&"read\x00memcpy\x00
// CHECK: __builtin_memcpy (d, s,
// CHECK: __builtin_object_size (d, 1);
// CHECK: __fortify_fail (&"write\x00strlcpy\x00
// CHECK: strlcpy (d, s,
void f(char *d, const char *s, long n, void *(*fn)(void *, const void *, size_t)) {
  read(s);
  memset(n, n, n);
  strcat(d);
  strcpy(d, s);
  fn(d, s, n);
  __memcpy_chk(d, s, n, 16);
  __builtin_memcpy(d, s, n);
  strlcpy(d, s, n);
}
