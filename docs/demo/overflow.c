/* The README demo: a classic strcpy into a fixed-size struct member. */
#include <stdio.h>
#include <string.h>

struct user {
  char name[8];
  int is_admin;
};

int main(int argc, char **argv) {
  struct user u = {"", 0};
  strcpy(u.name, argc > 1 ? argv[1] : "guest");
  printf("hello %s, admin=%d\n", u.name, u.is_admin);
  return 0;
}
