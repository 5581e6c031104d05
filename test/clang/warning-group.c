// The plugin's compile-time warnings belong to Clang's -Wfortify-source
// group, at the level it has where the call is: -Wno-fortify-source and -w
// silence them, -Werror makes them errors, -Wno-error=fortify-source keeps
// them warnings in a -Werror build, -Werror=fortify-source makes them errors
// alone, and a pragma ignoring the group around a function silences that
// function's. The plugin's werror option makes them errors whatever the
// flags. Clang's own fortify warnings stay as they are beside them. The
// switch is named as after Clang's own warnings (unless
// -fno-diagnostics-show-option). Beside glibc's _FORTIFY_SOURCE the same
// warnings come, at the call site, not in glibc's wrapper. Without debug
// information a warning is placed at the enclosing function.
// (lit's substitutions pass -Wno-fortify-source: turned back on here.)
// RUN: %clang-fortify -Wfortify-source -O2 -c %s -o /dev/null 2>&1 | FileCheck %s --check-prefixes=CHECK,WARN --implicit-check-not=fortify]
// RUN: %clang-fortify -Wfortify-source -Werror -Wno-error=fortify-source -O2 -c %s -o /dev/null 2>&1 | FileCheck %s --check-prefixes=CHECK,WARN --implicit-check-not=fortify]
// RUN: not %clang-fortify -Wfortify-source -Werror -O2 -c %s -o /dev/null 2>&1 | FileCheck %s --check-prefixes=CHECK,ERROR --implicit-check-not=fortify]
// RUN: not %clang-fortify -Werror=fortify-source -O2 -c %s -o /dev/null 2>&1 | FileCheck %s --check-prefixes=CHECK,ERROR --implicit-check-not=fortify]
// RUN: %clang-fortify -Wno-fortify-source -Werror -O2 -c %s -o /dev/null 2>&1 | count 0
// RUN: %clang-fortify -Wfortify-source -w -O2 -c %s -o /dev/null 2>&1 | count 0
// RUN: not %clang-fortify -Wno-fortify-source -fplugin-arg-fortify-werror -O2 -c %s -o /dev/null 2>&1 | FileCheck %s --check-prefix=FORCED --implicit-check-not=fortify]
// RUN: %clang-fortify -g0 -Wfortify-source -O2 -c %s -o /dev/null 2>&1 | FileCheck %s --check-prefix=%if llvm-ge-17 %{NODEBUG%} %else %{NODEBUG16%}
// RUN: %clang-fortify -Wfortify-source -fno-diagnostics-show-option -O2 -c %s -o /dev/null 2>&1 | FileCheck %s --check-prefix=NOOPTION
// RUN: %clang-fortify -Wfortify-source -D_FORTIFY_SOURCE=2 -O2 -DMEMBER -c %s -o /dev/null 2>&1 | FileCheck %s --check-prefixes=CHECK,WARN,MEMBER --implicit-check-not=fortify]
// RUN: %clang-fortify -Wfortify-source -D_FORTIFY_SOURCE=3 -O2 -DMEMBER -c %s -o /dev/null 2>&1 | FileCheck %s --check-prefixes=CHECK,WARN,MEMBER --implicit-check-not=fortify]
// Beside clang's own: both warn about a write clang's front end sees.
// RUN: %clang-fortify -Wfortify-source -O2 -DOWN -c %s -o /dev/null 2>&1 | FileCheck %s --check-prefix=OWN
#include <string.h>

void sink(void *);

// Clang's front end sees no over-read.
void reads(char *out) {
  char key[4] = "abc";
  // WARN: warning-group.c:[[@LINE+4]]:3: warning: 'memcpy' reads 12 bytes from a region of size 4 [fortify] [-Wfortify-source]{{$}}
  // ERROR: warning-group.c:[[@LINE+3]]:3: error: 'memcpy' reads 12 bytes from a region of size 4 [fortify] [-Werror,-Wfortify-source]{{$}}
  // FORCED: warning-group.c:[[@LINE+2]]:3: error: 'memcpy' reads 12 bytes from a region of size 4 [fortify]{{$}}
  // NOOPTION: warning-group.c:[[@LINE+1]]:3: warning: 'memcpy' reads 12 bytes from a region of size 4 [fortify]{{$}}
  memcpy(out, key, 12);
}
// NODEBUG: warning-group.c:[[@LINE-2]]:3: warning: 'memcpy' reads 12 bytes from a region of size 4 [fortify]
// Clang 16 and older: the plugin's location tracking without -g does not
// reach IR generation (docs/CLANG-PLUGIN.md, "LLVM versions"): no location,
// and the warning is placed at the function's definition.
// NODEBUG16: warning-group.c:[[@LINE-12]]:6: warning: 'memcpy' reads 12 bytes from a region of size 4 [fortify]

#pragma clang diagnostic push
#pragma clang diagnostic ignored "-Wfortify-source"
void quiet(char *out) {
  char key[4] = "abc";
  // FORCED: warning-group.c:[[@LINE+1]]:3: error: 'memcpy' reads 16 bytes from a region of size 4 [fortify]
  memcpy(out, key, 16);
}
#pragma clang diagnostic pop

#ifdef MEMBER
struct pair {
  int id;
  char first[8];
  char second[8];
};
// Through glibc's strcpy wrapper, whose size (the whole struct behind a
// pointer: unknown) the plugin's member size tightens.
void member(struct pair *p) {
  // MEMBER: warning-group.c:[[@LINE+1]]:3: warning: 'strcpy' writes 13 bytes into a region of size 8 [fortify] [-Wfortify-source]
  strcpy(p->first, "0123456789ab");
  sink(p);
}
#endif

#ifdef OWN
void own(const char *s) {
  char buffer[8];
  // OWN: warning-group.c:[[@LINE+2]]:3: warning: 'memcpy' will always overflow; destination buffer has size 8, but size argument is 16 [-Wfortify-source]
  // OWN: warning-group.c:[[@LINE+1]]:3: warning: 'memcpy' writes 16 bytes into a region of size 8 [fortify]
  memcpy(buffer, s, 16);
  sink(buffer);
}
#endif
// CHECK-NOT: quiet
