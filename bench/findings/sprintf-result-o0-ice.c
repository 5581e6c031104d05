/* Internal compiler error, GCC plugin at commit a622cd7, -O0 (the sprintf
 * rewrite); fixed in 28d14c1. Found by bench/torture.sh on gcc.c-torture/execute/pr78586.c
 * and pr79327.c.
 *   gcc -O0 -c -fplugin=fortify.so sprintf-result-o0-ice.c
 *   -> internal compiler error: in int_mode_for_mode, at stor-layout.cc:407 */
int f(unsigned long x) {
  char a[30];
  return __builtin_sprintf(a, "%lu", x) == 4;
}
