// __attribute__((no_fortify)), registered by the plugins and visible to
// __has_attribute, turns the plugins off in one function: a deliberate
// write from one member into the next runs there and is stopped elsewhere;
// beside glibc's _FORTIFY_SOURCE=1 (whole-object sizes) the plugin's tighter
// size is dropped too. Without the plugins the code compiles unchanged, with
// no warning. Clang 16 and older do not ask plugins in __has_attribute: there
// the guard documented for them (docs/USAGE.md, "Opting a function out")
// writes the attribute with -Wunknown-attributes off around it (has
// no_fortify: 2), with the plugin or without.
// RUN: rm -rf %t.dir && mkdir -p %t.dir
// RUN: for CC in "%gcc-fortify" "%clang-fortify" "%gxx-fortify -x c++" "%clangxx-fortify -x c++"; do \
// RUN:   for F in -U_FORTIFY_SOURCE -D_FORTIFY_SOURCE=1; do \
// RUN:     for O in -O0 -O2; do \
// RUN:       $CC $O $F -Wno-cpp -Wno-#warnings %s -o %t.dir/prog || exit 1; \
// RUN:       P=HAS; case "$CC" in *clang*) P=%if llvm-ge-17 %{HAS%} %else %{HAS16%};; esac; \
// RUN:       %t.dir/prog | FileCheck %s --check-prefix=$P || { echo "opted-out call stopped: $CC $F $O"; exit 1; }; \
// RUN:       not --crash %t.dir/prog checked > /dev/null 2>&1 || { echo "not stopped: $CC $F $O"; exit 1; }; \
// RUN:     done; \
// RUN:   done; \
// RUN: done
// RUN: %gcc-fortify -O2 -fplugin-arg-fortify-report=%t.dir/r.jsonl -c %s -o /dev/null
// RUN: FileCheck %s --check-prefix=RECORD --input-file=%t.dir/r.jsonl
// RUN: gcc -O2 -Wall -Wextra -Wno-comment -Werror %s -o %t.dir/plain && %t.dir/plain | FileCheck %s --check-prefix=NONE
// RUN: %clang -O2 -Wall -Wextra -Wno-comment -Werror %s -o %t.dir/plain && %t.dir/plain | FileCheck %s --check-prefix=%if llvm-ge-17 %{NONE%} %else %{HAS16%}
// HAS: has no_fortify: 1
// HAS-NEXT: key+val: 0123456789ab
// HAS16: has no_fortify: 2
// HAS16-NEXT: key+val: 0123456789ab
// NONE: has no_fortify: 0
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#if defined(__has_attribute)
#if __has_attribute(no_fortify)
#define NO_FORTIFY __attribute__((no_fortify))
#define HAS_NO_FORTIFY 1
#elif defined(__clang__) && __clang_major__ < 17
#define NO_FORTIFY                                                       \
  _Pragma("clang diagnostic push")                                       \
  _Pragma("clang diagnostic ignored \"-Wunknown-attributes\"")           \
  __attribute__((no_fortify)) _Pragma("clang diagnostic pop")
#define HAS_NO_FORTIFY 2
#endif
#endif
#ifndef NO_FORTIFY
#define NO_FORTIFY
#define HAS_NO_FORTIFY 0
#endif

struct rec {
  int id;
  char key[8];
  char val[8];
};

// RECORD-DAG: "function":"strcpy",{{.*}}"line":[[@LINE+1]],{{.*}}"caller":"fill_both","check":"write","status":"unknown"
NO_FORTIFY static void fill_both(struct rec *r, const char *s) { strcpy(r->key, s); }
__attribute__((noinline)) static void fill_key(struct rec *r, const char *s) { strcpy(r->key, s); }

int main(int argc, char **argv) {
  struct rec *r = (struct rec *)calloc(1, sizeof *r);
  const char *text = argc > 5 ? argv[0] : "0123456789ab";
  printf("has no_fortify: %d\n", HAS_NO_FORTIFY);
  if (argc > 1) {
    fill_key(r, text);
    return 0;
  }
  fill_both(r, text);
  printf("key+val: %s\n", r->key);
  free(r);
  return 0;
}
