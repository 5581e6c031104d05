// A call the plugin proves always overflows is a compile-time warning in the
// compiler's own format, at the call, once per call site; werror makes it an
// error. Calls that fit exactly, have an unknown size or size 0, or that the
// optimiser proved dead, give none.
// GCC's warnings belong to -Wstringop-overflow and -Wstringop-overread (the
// substitutions turn GCC's own off: turned back on here).
// RUN: %gcc-fortify -Wstringop-overflow -O2 -c %s -o /dev/null 2>&1 | FileCheck %s --check-prefixes=CHECK,WARN,GCC,GCC-L%gcc-level3 --implicit-check-not=fortify]
// RUN: %gcc-fortify -Wstringop-overflow -O0 -c %s -o /dev/null 2>&1 | FileCheck %s --check-prefixes=CHECK,WARN,O0 --implicit-check-not=fortify]
// RUN: %gxx-fortify -Wstringop-overflow -x c++ -O2 -c %s -o /dev/null 2>&1 | FileCheck %s --check-prefixes=CHECK,WARN,GCC,GCC-L%gcc-level3 --implicit-check-not=fortify]
// RUN: not %gcc-fortify -Wstringop-overflow -fplugin-arg-fortify-werror -O2 -c %s -o /dev/null 2>&1 | FileCheck %s --check-prefixes=CHECK,ERROR,GCC,GCC-L%gcc-level3 --implicit-check-not=fortify]
// A -Werror project: -Wno-error= keeps them warnings, -Wno- silences them.
// RUN: %gcc-fortify -Wstringop-overflow -Werror -Wno-error=stringop-overflow -Wno-error=stringop-overread -O2 -c %s -o /dev/null 2>&1 | FileCheck %s --check-prefixes=CHECK,WARN,GCC,GCC-L%gcc-level3 --implicit-check-not=fortify]
// RUN: %gcc-fortify -Werror -Wno-stringop-overflow -Wno-stringop-overread -O2 -c %s -o /dev/null 2>&1 | count 0
// RUN: not %gcc-fortify -Werror -Wstringop-overflow -O2 -c %s -o /dev/null 2>&1 | FileCheck %s --check-prefix=WERROR-GCC
// WERROR-GCC: error: 'memcpy' writes 16 bytes into a region of size 8 [fortify] [-Werror=stringop-overflow=]
// Clang's belong to -Wfortify-source (the substitutions turn it off).
// RUN: %clang-fortify -Wfortify-source -O2 -c %s -o /dev/null 2>&1 | FileCheck %s --check-prefixes=CHECK,WARN,CLANG --implicit-check-not=fortify]
// RUN: %clang-fortify -Wfortify-source -O0 -c %s -o /dev/null 2>&1 | FileCheck %s --check-prefixes=CHECK,WARN,O0 --implicit-check-not=fortify]
// RUN: %clangxx-fortify -Wfortify-source -x c++ -O2 -c %s -o /dev/null 2>&1 | FileCheck %s --check-prefixes=CHECK,WARN,CLANG --implicit-check-not=fortify]
// RUN: not %clang-fortify -Wfortify-source -fplugin-arg-fortify-werror -O2 -c %s -o /dev/null 2>&1 | FileCheck %s --check-prefixes=CHECK,ERROR,CLANG --implicit-check-not=fortify]
// RUN: %clang-fortify -Wfortify-source -Werror -Wno-error=fortify-source -O2 -c %s -o /dev/null 2>&1 | FileCheck %s --check-prefixes=CHECK,WARN,CLANG --implicit-check-not=fortify]
// RUN: %clang-fortify -Werror -Wno-fortify-source -O2 -c %s -o /dev/null 2>&1 | count 0
#include <stdlib.h>
#include <string.h>

void sink(void *);

void too_long(const char *s) {
  char buffer[8];
  // WARN: diagnostics.c:[[@LINE+2]]:{{[0-9]+}}: warning: 'memcpy' writes 16 bytes into a region of size 8 [fortify]
  // ERROR: diagnostics.c:[[@LINE+1]]:{{[0-9]+}}: error: 'memcpy' writes 16 bytes into a region of size 8 [fortify]
  memcpy(buffer, s, 16);
  sink(buffer);
}

void string_too_long(void) {
  char name[4];
  // CHECK: diagnostics.c:[[@LINE+1]]:{{[0-9]+}}: {{warning|error}}: 'strcpy' writes 6 bytes into a region of size 4 [fortify]
  strcpy(name, "hello");
  sink(name);
}

void reads_too_far(char *out) {
  char key[4] = "abc";
  // CHECK: diagnostics.c:[[@LINE+1]]:{{[0-9]+}}: {{warning|error}}: 'memcpy' reads 12 bytes from a region of size 4 [fortify]
  memcpy(out, key, 12);
}

// Exactly fits, size 0, unknown size: nothing to say.
void fits(const char *s, char *unknown, size_t n) {
  char buffer[8];
  memcpy(buffer, s, 8);
  memcpy(buffer, s, 0);
  memcpy(unknown, s, 64);
  sink(buffer);
}

// Code the optimiser removes says nothing (at -O0 the branch stays).
void dead(const char *s) {
  char buffer[8];
  int enabled = 0;
  // O0: diagnostics.c:[[@LINE+1]]:{{[0-9]+}}: warning: 'memcpy' writes 32 bytes into a region of size 8 [fortify]
  if (enabled) memcpy(buffer, s, 32);
  sink(buffer);
}

// One warning for one call site, however many copies optimisation makes;
// with optimisation the inlined copy names where it was inlined from.
static inline void put(char *d, const char *s) {
  // GCC: In function {{.+}}put{{.+}},
  // GCC-NEXT: inlined from {{.+}}inlined_twice{{.+}} at {{.*}}diagnostics.c:[[@LINE+7]]:{{[0-9]+}}:
  // GCC-NEXT: diagnostics.c:[[@LINE+2]]:{{[0-9]+}}: {{warning|error}}: 'memcpy' writes 12 bytes into a region of size 8 [fortify]
  // CLANG: diagnostics.c:[[@LINE+1]]:{{[0-9]+}}: {{warning|error}}: 'memcpy' writes 12 bytes into a region of size 8 [fortify]
  memcpy(d, s, 12);
}
void inlined_twice(const char *s) {
  char a[8], b[8];
  put(a, s);
  put(b, s);
  sink(a);
  sink(b);
}

void unrolled(const char *s) {
  char rows[4][8];
  // The last copy's destination is known once the loop is unrolled, to the
  // dynamic query only: GCC 11 (level 3 is level 2 there) says nothing.
  // CLANG: diagnostics.c:[[@LINE+3]]:{{[0-9]+}}: {{warning|error}}: 'memcpy' writes 9 bytes into a region of size 8 [fortify]
  // GCC-L3: diagnostics.c:[[@LINE+2]]:{{[0-9]+}}: {{warning|error}}: 'memcpy' writes 9 bytes into a region of size 8 [fortify]
  // GCC-L2-NOT: 'memcpy' writes 9 bytes
  for (int i = 0; i < 4; i++) memcpy(rows[i], s, 9);
  sink(rows);
}
