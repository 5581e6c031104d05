/* False stop, GCC plugin, -O0, level 3 (the over-read check of strlen).
 * Found by bench/torture.sh on gcc.c-torture/execute/strlen-4.c.
 *   gcc -O0 -fplugin=fortify.so -fplugin-arg-fortify-mode=abort strlen-overread-o0.c && ./a.out
 *   -> fortify: buffer over-read in strlen at strlen-overread-o0.c:<line of the strlen> (SIGABRT)
 * Correct program (exit 0) without the plugin, with the plugin at -O2, with
 * level=2 or reads=off, and with the Clang plugin. Plugin commit f0127f0. */
#include <string.h>
static const char a[3][8] = {"1", "123", "12345"};
int main(void) {
  /* a[1] - 1 is a[0]: "1", strlen 1 - a correct program */
  return strlen(*(&a[1] - 1)) != 1;
}
