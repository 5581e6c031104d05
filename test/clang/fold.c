// At -O2 a check whose size is unknown, or which provably fits, leaves no
// code behind (no objectsize, no strlen, no trap); one that may overflow stays.
// RUN: %clang-fortify -O2 -S -emit-llvm %s -o - | FileCheck %s
#include <string.h>

void consume(char *);

// CHECK-LABEL: define {{.*}}void @fits(
// CHECK-NOT: @llvm.trap
// CHECK-NOT: @llvm.objectsize
// CHECK-NOT: @strlen
// CHECK: ret void
void fits(const char *s) {
  char buffer[16];
  memcpy(buffer, s, 8);
  strncpy(buffer + 8, s, 8);
  strcpy(buffer, "hello");
  consume(buffer);
}

// CHECK-LABEL: define {{.*}}void @unknown(
// CHECK-NOT: @llvm.trap
// CHECK-NOT: @llvm.objectsize
// CHECK-NOT: @strlen
// CHECK: ret void
void unknown(char *d, const char *s, size_t n) {
  memcpy(d, s, n);
  strcpy(d, s);
  strcat(d, s);
}

// CHECK-LABEL: define {{.*}}void @may_overflow(
// CHECK: @llvm.trap
// CHECK: ret void
void may_overflow(const char *s, size_t n) {
  char buffer[16];
  memcpy(buffer, s, n);
  consume(buffer);
}
