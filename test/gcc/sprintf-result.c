// The gimplifier can make a call's result an SSA name before the plugin
// runs; the sprintf rewrite must keep it a single definition (this shape,
// from GCC's torture test pr78586, was an internal compiler error).
// RUN: for O in -O0 -O1 -O2 -O3; do \
// RUN:   %gcc-fortify $O %s -o %t$O && %t$O || exit 1; \
// RUN: done
void foo(unsigned long x) {
  char a[30];
  unsigned long b = __builtin_sprintf(a, "%lu", x);
  if (b != 4)
    __builtin_abort();
}

int main(void) {
  foo(1000);
  return 0;
}
