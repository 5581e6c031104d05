// Reports from many threads at once: with dedup each call site is reported
// exactly once and the counts add up (the runtime uses atomics, no lock).
// RUN: gcc -g -O2 -pthread -I%fortify-rt-include %s %fortify-rt -o %t
// RUN: env FORTIFY_OPTIONS=halt_on_error=0 %t 2>&1 | FileCheck %s --implicit-check-not=fortify:
// RUN: env FORTIFY_OPTIONS=halt_on_error=0:dedup=0 %t 2>&1 | grep -c 'write of' | FileCheck %s --check-prefix=ALL
// CHECK-DAG: fortify: memcpy: write of 2 bytes into an object of 1 byte at t.c:1:1 (in t0)
// CHECK-DAG: fortify: memcpy: write of 2 bytes into an object of 1 byte at t.c:2:1 (in t1)
// CHECK-DAG: fortify: memcpy: write of 2 bytes into an object of 1 byte at t.c:3:1 (in t2)
// CHECK-DAG: fortify: memcpy: write of 2 bytes into an object of 1 byte at t.c:4:1 (in t3)
// CHECK: fortify: 8000 findings (4 call sites)
// ALL: {{^}}8000{{$}}
#include <fortify/runtime.h>
#include <pthread.h>

static const char *const sites[4] = {
    "write\0memcpy\0t.c\0" "1\0" "1\0t0", "write\0memcpy\0t.c\0" "2\0" "1\0t1",
    "write\0memcpy\0t.c\0" "3\0" "1\0t2", "write\0memcpy\0t.c\0" "4\0" "1\0t3"};

static void *run(void *arg) {
  (void)arg;
  for (int i = 0; i < 250; ++i)
    for (int s = 0; s < 4; ++s)
      __fortify_report(sites[(s + i) % 4], 2, 1);
  return 0;
}

int main(void) {
  pthread_t threads[8];
  for (int i = 0; i < 8; ++i)
    pthread_create(&threads[i], 0, run, 0);
  for (int i = 0; i < 8; ++i)
    pthread_join(threads[i], 0);
  return 0;
}
