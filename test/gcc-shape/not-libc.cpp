// C++: only functions with C linkage are the C library's. A function named
// strcpy in a namespace and a method named memcpy have mangled assembler
// names: left alone. std::memcpy and ::strcpy are the C functions: checked.
// The site descriptor names the caller as GCC prints it.
// RUN: rm -rf %t && mkdir %t
// RUN: %gxx-fortify -O0 -S -o /dev/null %plugin-dumps %t/ %s
// RUN: cat %t/*.fortify | FileCheck %s
#include <cstring>

namespace mine {
char *strcpy(char *d, const char *s);
}
struct Buffer {
  char data[16];
  void memcpy(const void *s, std::size_t n);
};

// CHECK-LABEL: ;; Function cpp_names (
// CHECK-NOT: __builtin_object_size
// CHECK: Buffer::memcpy (b, s, n);
// CHECK-NEXT: [[R:D\.[0-9]+]] = mine::strcpy (d, s);
// CHECK-NEXT: return [[R]];
char *cpp_names(char *d, const char *s, Buffer &b, std::size_t n) {
  b.memcpy(s, n);
  return mine::strcpy(d, s);
}

// CHECK-LABEL: ;; Function c_names (
// CHECK: [[S:fortify\.[0-9]+]] = __builtin_object_size (d, 0);
// CHECK-NEXT: if (n > [[S]]) goto <[[FAIL:D\.[0-9]+]]>; else goto <[[PASS:D\.[0-9]+]]>;
// CHECK-NEXT: <[[FAIL]]>:
// CHECK-NEXT: __fortify_fail (&"write\x00memcpy\x00{{[^"]*}}not-libc.cpp\x00[[@LINE+10]]\x00{{[0-9]+}}\x00char* c_names(char*, const char*, std::size_t)"[0], n, [[S]]);
// CHECK: __fortify_fail (&"read\x00memcpy\x00
// CHECK: memcpy (d, s, n);
// CHECK-NEXT: [[D:fortify\.[0-9]+]] = __builtin_object_size (d, 1);
// CHECK-NEXT: if ([[D]] == 18446744073709551615)
// CHECK: __builtin_strlen (s);
// CHECK: __fortify_fail (&"write\x00strcpy\x00
// CHECK: [[R:D\.[0-9]+]] = strcpy (d, s);
// CHECK-NEXT: return [[R]];
char *c_names(char *d, const char *s, std::size_t n) {
  std::memcpy(d, s, n);
  return ::strcpy(d, s);
}
