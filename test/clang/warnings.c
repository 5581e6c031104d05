// A check that always fails when reached is a compile-time warning, printed
// by clang in its own format at the call (file:line:col, with the source
// line and caret; it belongs to -Wfortify-source: warning-group.c), once
// per call site however many copies
// inlining or unrolling made; inlined copies add one "inlined from" note per
// level. werror makes it an error that fails the compilation. Code the
// optimiser removed, calls that fit and unknown sizes say nothing.
// RUN: %clang-fortify -Wfortify-source -O2 -c %s -o /dev/null 2>&1 | FileCheck %s --check-prefixes=CHECK,O2,C,%if llvm-ge-17 %{LINENO%} %else %{NOLINENO%} --implicit-check-not=fortify] --implicit-check-not=note:
// RUN: %clang-fortify -Wfortify-source -O0 -c %s -o /dev/null 2>&1 | FileCheck %s --check-prefixes=CHECK,O0,%if llvm-ge-17 %{LINENO%} %else %{NOLINENO%} --implicit-check-not=fortify] --implicit-check-not=note:
// RUN: %clangxx-fortify -Wfortify-source -x c++ -O2 -c %s -o /dev/null 2>&1 | FileCheck %s --check-prefixes=CHECK,O2,CXX,%if llvm-ge-17 %{LINENO%} %else %{NOLINENO%} --implicit-check-not=fortify] --implicit-check-not=note:
// RUN: not %clang-fortify -Wfortify-source -O2 -fplugin-arg-fortify-werror -c %s -o /dev/null 2>&1 | FileCheck %s --check-prefix=ERROR
// RUN: %clang-fortify -O2 -fplugin-arg-fortify-werror=off -c %s -o /dev/null
// Without the plugin's werror the object is built.
// RUN: %clang-fortify -O2 -c %s -o %t.o && test -s %t.o
#include <string.h>

void sink(void *);

void too_long(const char *s) {
  char buffer[8];
  // Clang 17 and later print the source line with its number, older ones without.
  // CHECK: warnings.c:[[@LINE+4]]:3: warning: 'memcpy' writes 16 bytes into a region of size 8 [fortify]
  // LINENO-NEXT: {{^ *}}[[@LINE+3]] | memcpy(buffer, s, 16);
  // NOLINENO-NEXT: {{^ *}}memcpy(buffer, s, 16);{{$}}
  // ERROR: warnings.c:[[@LINE+1]]:3: error: 'memcpy' writes 16 bytes into a region of size 8 [fortify]
  memcpy(buffer, s, 16);
  sink(buffer);
}

// Inlined into two callers, both overflowing: one warning, with where the
// copy it is about was inlined (innermost first); at -O0 nothing is inlined.
static inline void put(char *d, const char *s) {
  // O2: warnings.c:[[@LINE+1]]:3: warning: 'memcpy' writes 12 bytes into a region of size 8 [fortify]
  memcpy(d, s, 12);
}
static inline void middle(char *d, const char *s) {
  put(d, s);
}
void outer(const char *s) {
  char a[8], b[8];
  // C: note: inlined from 'middle' at {{.*}}warnings.c:[[@LINE-4]]:3
  // C-NEXT: note: inlined from 'outer' at {{.*}}warnings.c:[[@LINE+3]]:3
  // CXX: note: inlined from 'middle(char*, char const*)' at {{.*}}warnings.c:[[@LINE-6]]:3
  // CXX-NEXT: note: inlined from 'outer(char const*)' at {{.*}}warnings.c:[[@LINE+1]]:3
  middle(a, s);
  middle(b, s);
  sink(a);
  sink(b);
}

// Unrolled: only the last copy overflows the array; one warning.
void unrolled(const char *s) {
  char rows[4][8];
  // O2: warnings.c:[[@LINE+1]]:{{[0-9]+}}: warning: 'memcpy' writes 9 bytes into a region of size 8 [fortify]
  for (int i = 0; i < 4; i++) memcpy(rows[i], s, 9);
  sink(rows);
}

// At -O0 the branch stays, and so does the warning; with optimisation the
// call is gone and nothing is said.
void dead(const char *s) {
  char buffer[8];
  int enabled = 0;
  // O0: warnings.c:[[@LINE+1]]:16: warning: 'memcpy' writes 32 bytes into a region of size 8 [fortify]
  if (enabled) memcpy(buffer, s, 32);
  sink(buffer);
}

// Over-reads and string copies, at every level of optimisation (code after
// a failure that is certain is dead: one per function).
void reads(char *out) {
  char key[4] = "abc";
  // CHECK: warnings.c:[[@LINE+1]]:3: warning: 'memcpy' reads 12 bytes from a region of size 4 [fortify]
  memcpy(out, key, 12);
}
void copies(void) {
  char name[4];
  // CHECK: warnings.c:[[@LINE+1]]:3: warning: 'strcpy' writes 6 bytes into a region of size 4 [fortify]
  strcpy(name, "hello");
  sink(name);
}

// Exactly fits, size 0, unknown size, a length only known at run time.
void quiet(const char *s, char *unknown, size_t n) {
  char buffer[8];
  memcpy(buffer, s, 8);
  memcpy(buffer, s, 0);
  memcpy(unknown, s, 64);
  memcpy(buffer, s, n);
  sink(buffer);
}
// CHECK: {{[0-9]+}} warnings generated.
