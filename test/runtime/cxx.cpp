// A C++ program: the header declares __fortify_report with C linkage; the
// runtime brings no C++ runtime of its own (g++ and clang++, static and
// shared). The caller field of a C++ site has spaces and parentheses.
// RUN: g++ -g -I%fortify-rt-include %s %fortify-rt -o %t.static
// RUN: env FORTIFY_OPTIONS=halt_on_error=0 %t.static 2>&1 | FileCheck %s --match-full-lines
// RUN: clang++ -g -I%fortify-rt-include %s %fortify-rt-shared -Wl,-rpath,%fortify-rt-dir -o %t.shared
// RUN: env FORTIFY_OPTIONS=halt_on_error=0 %t.shared 2>&1 | FileCheck %s --match-full-lines
// RUN: not --crash %t.shared 2>&1 | FileCheck %s --check-prefix=HALT
// Linked with gcc (no libstdc++) a C++ object that does not use the C++
// library itself still links: the runtime adds no C++ dependency.
// RUN: g++ -g -fno-exceptions -c -I%fortify-rt-include %s -o %t.o
// RUN: gcc %t.o %fortify-rt -o %t.c-linked
// RUN: env FORTIFY_OPTIONS=halt_on_error=0 %t.c-linked 2>&1 | FileCheck %s --match-full-lines
// CHECK: fortify: memcpy: write of 40 bytes into an object of 32 bytes at cxx.cpp:7:3 (in void Buffer<int>::fill(unsigned long))
// CHECK-NEXT: fortify: 1 finding (1 call site)
// HALT: fortify: memcpy: write of 40 bytes into an object of 32 bytes
#include <fortify/runtime.h>

template <typename T> struct Buffer {
  T data[8];
  void fill(unsigned long n) {
    if (n * sizeof(T) > sizeof data)
      __fortify_report("write\0memcpy\0cxx.cpp\0" "7\0" "3\0void Buffer<int>::fill(unsigned long)",
                       n * sizeof(T), sizeof data);
  }
};

int main() {
  Buffer<int> buffer;
  buffer.fill(10);
  return 0;
}
