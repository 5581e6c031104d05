// LLVM 14 refuses -flto (test/clang/options.c checks the error).
// REQUIRES: llvm-ge-15
// Full and thin LTO: the pass runs at PipelineStartEP of the pre-link
// pipeline; dynamic sizes are folded at link time by lld-19 (the system
// ld.lld may be an older lld that cannot read LLVM 19 bitcode, so the
// driver's -fuse-ld=lld must find Clang's own).
// RUN: %clang-fortify -O2 -flto -fuse-ld=lld %s -o %t.full && %run-cases --subobject --min-write 1 %t.full
// RUN: %clang-fortify -O2 -flto=thin -fuse-ld=lld %s -o %t.thin && %run-cases --subobject --min-write 1 %t.thin
// RUN: %clang-fortify -O0 -flto -fuse-ld=lld %s -o %t.O0 && %run-cases --subobject --min-write 1 %t.O0
// RUN: %clang-fortify -O2 -flto=thin -fuse-ld=lld -fplugin-arg-fortify-level=1 %s -o %t.L1 && %run-cases --level 1 --subobject --min-write 1 %t.L1
// The records and the note are made before the link (the pre-link
// pipelines run the late pass); the note survives LTO into the executable.
// RUN: rm -f %t.records.jsonl
// RUN: %clang-fortify -O2 -flto=thin -fuse-ld=lld -fplugin-arg-fortify-report=%t.records.jsonl %s -o %t.notes
// RUN: FileCheck %s --input-file=%t.records.jsonl
// RUN: llvm-readelf --string-dump=.note.fortify %t.notes | FileCheck %s --check-prefix=NOTE
// CHECK: "function":"stpcpy",{{.*}}"check":"write","status":"{{checked|safe}}"
// NOTE: fortify-plugins {{.*}}; compiler=clang {{.*}}; level=3; mode=trap;
#define WRITE(dst, n) stpcpy(dst, text_of_bytes(n))
#include "cases.h"
