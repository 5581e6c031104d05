// A program's own function that shares a C library name but not its
// prototype is not the library's function (the rule table's signatures,
// common/signature.cpp): never checked, never a coverage record, on both
// compilers. This memcpy takes an int and copies nothing for a negative
// count; checked as the library's, -1 would be SIZE_MAX bytes and stop.
// RUN: rm -rf %t && mkdir -p %t
// RUN: %gcc-fortify -O2 -Wno-builtin-declaration-mismatch -fplugin-arg-fortify-report=%t/gcc.jsonl %s -o %t/gcc
// RUN: %t/gcc | FileCheck %s
// RUN: %clang-fortify -O2 -Wno-incompatible-library-redeclaration -fplugin-arg-fortify-report=%t/clang.jsonl %s -o %t/clang
// RUN: %t/clang | FileCheck %s
// RUN: %gcc-fortify -O0 -Wno-builtin-declaration-mismatch %s -o %t/gcc0 && %t/gcc0 | FileCheck %s
// RUN: %clang-fortify -O0 -Wno-incompatible-library-redeclaration %s -o %t/clang0 && %t/clang0 | FileCheck %s
// RUN: FileCheck %s --check-prefix=RECORDS --input-file=%t/gcc.jsonl
// RUN: FileCheck %s --check-prefix=RECORDS --input-file=%t/clang.jsonl
// CHECK: copied nothing
// CHECK-NEXT: ok
// The library's strlen beside it is still a call site.
// RECORDS-NOT: "function":"memcpy"
// RECORDS: "function":"strlen"
// RECORDS-NOT: "function":"memcpy"
int printf(const char *, ...);
unsigned long strlen(const char *);

__attribute__((noinline)) void *memcpy(void *d, const void *s, int n) {
  if (n > 0)
    *(char *)d = *(const char *)s;
  return d;
}

int main(int argc, char **argv) {
  char small[4];
  small[0] = 'x', small[1] = 'y', small[2] = 'z', small[3] = 0;
  volatile int n = -1;
  memcpy(small, argv[0], n);
  printf("copied %s\n", small[0] == 'x' ? "nothing" : "something");
  printf("%s\n", strlen(small) == 3 ? "ok" : "bad");
  return argc - 1;
}
