// Calls the report runtime by hand, through its installed header.
#include <fortify/runtime.h>

int main(void) {
  __fortify_report("write\0memcpy\0x.c\0" "1\0" "2\0main", 9, 8);
  return 0;
}
