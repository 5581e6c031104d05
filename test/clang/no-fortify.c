// Per-function opt-out: __attribute__((no_fortify)), registered by the
// plugin (the name the GCC plugin registers too), so __has_attribute sees it
// only when the plugin is loaded and code guarded by it compiles unchanged
// without. Clang 16 and older do not ask plugins in __has_attribute (false
// even with the plugin loaded): there the guard documented for them
// (docs/USAGE.md, "Opting a function out") writes the attribute with
// -Wunknown-attributes off around it, and the attribute itself must work.
// A marked function's calls get no check of the plugin (recorded
// as not protected); the same call elsewhere is stopped. Beside glibc's
// _FORTIFY_SOURCE the marked function keeps glibc's own check (whole
// struct: the 'overflow' into the next member passes it).
// RUN: for cfg in "-O0" "-O2" "-O2 -D_FORTIFY_SOURCE=2" "-O2 -D_FORTIFY_SOURCE=3"; do \
// RUN:   for cc in "%clang-fortify" "%clangxx-fortify -x c++"; do \
// RUN:     $cc $cfg -DEXPECT_ATTRIBUTE -Werror %s -o %t || exit 1; \
// RUN:     %t marked || { echo "stopped in the marked function: $cc $cfg"; exit 1; }; \
// RUN:     not --crash %t unmarked || { echo "not stopped: $cc $cfg"; exit 1; }; \
// RUN:   done; \
// RUN: done
// From Clang 17 __has_attribute(no_fortify) is true with the plugin loaded.
// RUN: %if llvm-ge-17 %{ %clang-fortify -DREQUIRE_HAS_ATTRIBUTE -fsyntax-only %s %}
// Without the plugin: no attribute, no warning, the same program.
// RUN: clang -Wall -Wextra -Werror -O2 %s -o %t.plain && %t.plain marked
// RUN: clang -Wall -Wextra -Werror -x c++ -O2 %s -o %t.plainxx && %t.plainxx marked
// The marked function's call is recorded as not protected.
// RUN: rm -f %t.jsonl
// RUN: %clang-fortify -O2 -fplugin-arg-fortify-report=%t.jsonl -c %s -o /dev/null
// RUN: FileCheck %s --input-file=%t.jsonl
// CHECK-DAG: "function":"strcpy",{{.*}}"caller":"legacy","check":"write","status":"unknown","level":3,"by":"none"
// CHECK-DAG: "function":"strcpy",{{.*}}"caller":"modern","check":"write","status":"checked","level":3,"by":"plugin"
// Anything but a function is refused.
// RUN: %clang-fortify -O2 -DMISPLACED -fsyntax-only %s 2>&1 | FileCheck %s --check-prefix=MISPLACED
// MISPLACED: warning: 'no_fortify' attribute only applies to functions
#include <stdio.h>
#include <string.h>

#if defined(__has_attribute)
#if __has_attribute(no_fortify)
#define NO_FORTIFY __attribute__((no_fortify))
#elif defined(__clang__) && __clang_major__ < 17
// Clang 16 and older: __has_attribute cannot see a plugin's attribute.
#define NO_FORTIFY                                                       \
  _Pragma("clang diagnostic push")                                       \
  _Pragma("clang diagnostic ignored \"-Wunknown-attributes\"")           \
  __attribute__((no_fortify)) _Pragma("clang diagnostic pop")
#elif defined(REQUIRE_HAS_ATTRIBUTE)
#error "__has_attribute(no_fortify) is false with the plugin loaded (Clang 17 and later)"
#endif
#endif
#ifndef NO_FORTIFY
#ifdef EXPECT_ATTRIBUTE
#error "__has_attribute(no_fortify) is false with the plugin loaded"
#endif
#define NO_FORTIFY
#endif

#ifdef MISPLACED
int NO_FORTIFY misplaced;
#endif

// A legacy record whose name runs on into the next member on purpose.
struct record {
  char name[4];
  char rest[12];
};

NO_FORTIFY int legacy(const char *s) {
  struct record r;
  strcpy(r.name, s);
  return puts(r.name);
}

int modern(const char *s) {
  struct record r;
  strcpy(r.name, s);
  return puts(r.name);
}

__attribute__((noinline)) static const char *opaque(const char *s) {
  __asm__ volatile("" : "+r"(s));
  return s;
}

int main(int argc, char **argv) {
  (void)argc;
  if (!strcmp(argv[1], "marked"))
    return legacy(opaque("longer")) < 0;
  return modern(opaque("longer")) < 0;
}
