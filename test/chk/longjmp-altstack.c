// __longjmp_chk's exception: a signal handler on the alternate stack may
// jump to a frame below its own stack pointer when that frame is outside the
// alternate stack (here the alternate stack lies in main's frame, above the
// frame that called setjmp). glibc allows it, and so must libfortify_chk, on
// glibc and on musl. (A jump to a frame that has returned stops:
// differential.test, longjmp:past.)
// REQUIRES: musl
// RUN: gcc -O1 -I%S/Inputs %s -o %t.glibc
// RUN: gcc -O1 -I%S/Inputs %s %fortify-chk-dir/libfortify_chk.so -Wl,-rpath,%fortify-chk-dir -o %t.glibc-chk
// RUN: musl-gcc -O1 -I%S/Inputs %s %fortify-chk-dir/libfortify_chk.a -static -o %t.musl
// RUN: for bin in %t.glibc %t.glibc-chk %t.musl; do $bin; echo "status=$?"; done 2>&1 | FileCheck %s
// CHECK-COUNT-3: back from the handler: 3{{$}}
// CHECK-NEXT: status=0
#define _GNU_SOURCE 1
#undef _FORTIFY_SOURCE
#include <setjmp.h>
#include <signal.h>
#include <stdio.h>
#include <string.h>
#include "chk-decls.h"

static jmp_buf target;

static void handler(int sig) {
  (void)sig;
  __longjmp_chk((struct __jmp_buf_tag *)target, 3);
}

static __attribute__((noinline)) void deeper(void) {
  volatile char pad[512];
  pad[0] = 0;
  int r = setjmp(target);
  if (r == 0)
    raise(SIGUSR1);
  printf("back from the handler: %d\n", r + pad[0]);
}

int main(void) {
  char alt[65536]; // in main's frame: above deeper()'s
  stack_t ss;
  struct sigaction sa;
  memset(&ss, 0, sizeof ss);
  ss.ss_sp = alt;
  ss.ss_size = sizeof alt;
  memset(&sa, 0, sizeof sa);
  sa.sa_handler = handler;
  sa.sa_flags = SA_ONSTACK | SA_NODEFER;
  if (sigaltstack(&ss, NULL) != 0 || sigaction(SIGUSR1, &sa, NULL) != 0)
    return 2;
  deeper();
  return 0;
}
