// Every object the plugin compiles carries one ELF note in .note.fortify
// (SHT_NOTE, non-allocated; the linker keeps it): owner "fortify", type 1,
// and a text with the plugin version, the compiler, the options and the
// statuses of the call-site checks glibc makes too (write, open, format).
// Loaded twice (-fplugin and -fpass-plugin), the late pass still adds one.
// RUN: %clang-fortify -O2 -c %s -o %t.o
// RUN: llvm-readelf --notes %t.o | FileCheck %s --check-prefix=NOTES
// RUN: llvm-readelf --string-dump=.note.fortify %t.o | FileCheck %s
// RUN: llvm-readelf --sections %t.o | FileCheck %s --check-prefix=SECTION
// RUN: %clang-fortify -fpass-plugin=%clang-plugin -O2 -c %s -o %t.twice.o
// RUN: llvm-readelf --notes %t.twice.o | FileCheck %s --check-prefix=NOTES
// RUN: %clang-fortify -O0 -fplugin-arg-fortify-level=2 -fplugin-arg-fortify-mode=abort -c %s -o %t.O0.o
// RUN: llvm-readelf --string-dump=.note.fortify %t.O0.o | FileCheck %s --check-prefix=O0
// RUN: %clang-fortify -O2 -shared -fPIC %s -o %t.so
// RUN: llvm-readelf --notes %t.so | FileCheck %s --check-prefix=NOTES
// Without the plugin: no note.
// RUN: clang -O2 -c %s -o %t.plain.o
// RUN: llvm-readelf --sections %t.plain.o | FileCheck %s --check-prefix=PLAIN
// NOTES: Displaying notes found in: .note.fortify
// NOTES-NEXT: Owner
// NOTES-NEXT: fortify {{0x[0-9a-f]+}} NT_VERSION
// NOTES-NOT: fortify
// CHECK: fortify-plugins {{[0-9]+\.[0-9]+\.[0-9]+}}; compiler=clang {{[0-9.]+}}; level=3; mode=trap; safe=1; checked=1; unknown=1; overflow=0
// O0: fortify-plugins {{[0-9.]+}}; compiler=clang {{[0-9.]+}}; level=2; mode=abort; safe=1; checked=1; unknown=1; overflow=0
// SECTION: .note.fortify NOTE {{[0-9a-f]+}} {{[0-9a-f]+}} {{[0-9a-f]+}} 00 0 0 4
// PLAIN-NOT: .note.fortify
#include <string.h>

void sink(void *);

void fits(const char *s) {
  char b[8];
  memcpy(b, s, 8);
  sink(b);
}

void checked(const char *s, size_t n) {
  char b[8];
  memcpy(b, s, n);
  sink(b);
}

void unknown(char *d, const char *s, size_t n) { memcpy(d, s, n); }
