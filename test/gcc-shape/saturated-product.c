// The bytes a failed CopyLength check reports (its __fortify_fail argument,
// and the compile-time warning made of it) are the product saturated at
// SIZE_MAX on both compilers: fread(buf, 3, 2^63) asks for more than
// SIZE_MAX bytes, and so does a product that wraps to a small number.
// RUN: %clang-fortify -O2 -Wfortify-source -c %s -o /dev/null 2>&1 | FileCheck %s
// RUN: %gcc-fortify -O2 -Wstringop-overflow -c %s -o /dev/null 2>&1 | FileCheck %s
// CHECK: 'fread' writes 18446744073709551615 bytes into a region of size 16
// CHECK: 'fread' writes 18446744073709551615 bytes into a region of size 16
// CHECK: 'wmemset' writes 18446744073709551615 bytes into a region of size 16
// CHECK: 'wmemset' writes 18446744073709551615 bytes into a region of size 16
#include <stdio.h>
#include <wchar.h>

char buf[16];
wchar_t wbuf[4];

void product_wraps_to_zero(FILE *f) { fread(buf, 1ul << 62, 4, f); }
void product_past_max(FILE *f) { fread(buf, 3, 1ul << 63, f); }
void elements_wrap_to_zero(void) { wmemset(wbuf, 0, 1ul << 62); }
void elements_past_max(void) { wmemset(wbuf, 0, (1ul << 62) + 1); }
