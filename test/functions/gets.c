// gets has no bound: both plugins warn at compile time, naming fgets (GCC:
// in -Wstringop-overflow, Clang: in -Wfortify-source, which the
// substitutions turn off), and
// the program is built and runs as written.
// RUN: %gcc-fortify -Wstringop-overflow -std=gnu99 -O2 -c %s -o /dev/null 2>&1 | FileCheck %s
// RUN: %musl-gcc-fortify -Wstringop-overflow -O0 -c %s -o /dev/null 2>&1 | FileCheck %s
// RUN: %gcc-fortify -std=gnu99 -Wno-deprecated-declarations -O2 -c %s -o /dev/null 2>&1 | count 0
// RUN: %clang-fortify -Wfortify-source -std=gnu99 -Wno-deprecated-declarations -O2 -c %s -o /dev/null 2>&1 | FileCheck %s
// RUN: %gcc-fortify -std=gnu99 -O2 %s -o %t 2>/dev/null && echo line | %t | FileCheck %s --check-prefix=OUTPUT
// CHECK: warning: {{.*}}gets{{.*}} cannot be bounded; use {{.*}}fgets{{.*}} instead
// OUTPUT-LABEL: read line
#include <stdio.h>

char *gets(char *);

int main(void) {
  char line[64];
  if (gets(line))
    printf("read %s\n", line);
  return 0;
}
