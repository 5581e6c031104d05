// C++: std:: spellings, new[], members, and a method that happens to be
// called strcpy (never instrumented: it is not the C library function).
// new char[size] is sized at run time: stopped at level 3, not on GCC 11
// (level 3 is level 2 there).
// RUN: for CXX in "%gxx-fortify" "%clangxx-fortify"; do for O in -O0 -O2; do \
// RUN:   $CXX $O %s -o %t$O || exit 1; \
// RUN:   %t$O new 16 16 && %level3-stop %t$O new 16 17 || exit 1; \
// RUN:   %t$O new 0 0 && %level3-stop %t$O new 0 1 || exit 1; \
// RUN:   %t$O member 8 8 && not --crash %t$O member 8 9 || exit 1; \
// RUN:   %t$O method 8 100 || exit 1; \
// RUN:   %t$O vector 16 16 || exit 1; \
// RUN:   %t$O array 16 16 || exit 1; \
// std::array::data() is an out-of-line call at -O0: its size is only seen
// once it is inlined.
// RUN:   if [ $O = -O2 ]; then not --crash %t$O array 16 17 || exit 1; fi; \
// RUN: done; done
// RUN: %gxx-fortify -O2 -S -o /dev/null -fdump-tree-optimized=%t.gimple %s && FileCheck %s < %t.gimple
#include <array>
#include <cstdlib>
#include <cstring>
#include <string>
#include <vector>

static char source[256] = "source";

static const char *text_of_bytes(std::size_t n) {
  static char text[256];
  std::memset(text, 'x', n - 1);
  text[n - 1] = '\0';
  return text;
}

struct Record {
  char name[8];
  int id;
  // CHECK-LABEL: Record::strcpy
  // CHECK-NOT: __fortify_fail
  // CHECK: return
  __attribute__((noinline)) void strcpy(const char *, std::size_t count) { id = (int)count; }
};

int main(int argc, char **argv) {
  std::string what = argv[1];
  std::size_t size = std::strtoul(argv[2], nullptr, 10);
  std::size_t n = std::strtoul(argv[3], nullptr, 10);
  if (what == "new") {
    char *p = new char[size];
    std::memcpy(p, source, n);
    delete[] p;
  } else if (what == "member") {
    Record r;
    std::strcpy(r.name, text_of_bytes(n));
    return r.name[0] == 'x' ? 0 : 1;
  } else if (what == "method") {
    Record r;
    r.strcpy(source, n);
    return r.id == (int)n ? 0 : 1;
  } else if (what == "vector") {
    // Sizes behind an allocator are unknown: never a false stop.
    std::vector<char> v(size);
    std::memcpy(v.data(), source, n);
  } else if (what == "array") {
    std::array<char, 16> a;
    std::memset(a.data(), 0, n);
    return a[0];
  }
  return 0;
}
