; gets has no bound: a compile-time warning at the call naming fgets, no
; check, and the call is marked so that a second run does not warn again.
; RUN: %opt -load-pass-plugin %clang-plugin -passes='fortify,fortify' -S %s -o %t.ll 2>&1 | FileCheck %s --check-prefix=WARN --implicit-check-not=warning:
; RUN: FileCheck %s < %t.ll
; RUN: %opt -load-pass-plugin %clang-plugin -passes='fortify<mode=abort;level=1>' -disable-output %s 2>&1 | FileCheck %s --check-prefix=WARN --implicit-check-not=warning:
; WARN: warning: demo.c:7:3: in function f {{.*}}: 'gets' cannot be bounded; use 'fgets' instead [fortify]
; WARN: warning: {{.*}}in function g {{.*}}: 'gets' cannot be bounded; use 'fgets' instead [fortify]

; CHECK-LABEL: define ptr @f(
; CHECK-NEXT: %b = alloca [16 x i8]
; CHECK-NEXT: %r = call ptr @gets(ptr %b), !dbg !{{[0-9]+}}, !fortify.checked
; CHECK-NEXT: ret ptr %r
; CHECK-LABEL: define ptr @g(
; CHECK-NEXT: %r = call ptr @gets(ptr %p), !fortify.checked
; CHECK-NEXT: ret ptr %r
; CHECK-NOT: @llvm.trap
; CHECK-NOT: @abort

source_filename = "demo.c"
target datalayout = "e-m:e-p270:32:32-p271:32:32-p272:64:64-i64:64-i128:128-f80:128-n8:16:32:64-S128"
target triple = "x86_64-pc-linux-gnu"

declare ptr @gets(ptr)

define ptr @f() !dbg !5 {
  %b = alloca [16 x i8]
  %r = call ptr @gets(ptr %b), !dbg !8
  ret ptr %r
}

define ptr @g(ptr %p) {
  %r = call ptr @gets(ptr %p)
  ret ptr %r
}

!llvm.dbg.cu = !{!0}
!llvm.module.flags = !{!3, !4}
!0 = distinct !DICompileUnit(language: DW_LANG_C11, file: !1, producer: "clang", isOptimized: false, runtimeVersion: 0, emissionKind: FullDebug)
!1 = !DIFile(filename: "demo.c", directory: "/src")
!3 = !{i32 7, !"Dwarf Version", i32 5}
!4 = !{i32 2, !"Debug Info Version", i32 3}
!5 = distinct !DISubprogram(name: "f", scope: !1, file: !1, line: 5, type: !6, scopeLine: 5, spFlags: DISPFlagDefinition, unit: !0)
!6 = !DISubroutineType(types: !7)
!7 = !{null}
!8 = !DILocation(line: 7, column: 3, scope: !5)
