; mode=abort: write(2, message, length) then abort(), the message naming the
; function and the call's source location as the DILocation spells it; with
; no location, the module's source file. The failure block carries the call's
; debug location in both modes.
; RUN: %opt -load-pass-plugin %clang-plugin -passes='fortify<mode=abort>' -S %s | FileCheck %s
; RUN: env FORTIFY_OPTIONS=mode=abort %opt -load-pass-plugin %clang-plugin -passes=fortify -S %s | FileCheck %s
; RUN: %opt -load-pass-plugin %clang-plugin -passes=fortify -S %s | FileCheck %s --check-prefix=TRAP

source_filename = "demo.c"
target datalayout = "e-m:e-p270:32:32-p271:32:32-p272:64:64-i64:64-i128:128-f80:128-n8:16:32:64-S128"
target triple = "x86_64-pc-linux-gnu"

declare ptr @strcpy(ptr, ptr)
declare void @llvm.memset.p0.i64(ptr, i8, i64, i1)

; CHECK: [[MSG1:@[0-9a-z.]+]] = private unnamed_addr constant [51 x i8] c"fortify: buffer overflow in strcpy at demo.c:12:5\0A\00"
; CHECK: [[MSG2:@[0-9a-z.]+]] = private unnamed_addr constant [46 x i8] c"fortify: buffer overflow in memset at demo.c\0A\00"
; CHECK-LABEL: define void @f(
; CHECK: call i64 @write(i32 2, ptr [[MSG1]], i64 50), !dbg [[LOC:![0-9]+]]
; CHECK-NEXT: call void @abort() #[[NORETURN:[0-9]+]], !dbg [[LOC]]
; CHECK-NEXT: unreachable
; CHECK: call ptr @strcpy(ptr %d, ptr %s), !dbg [[LOC]], !fortify.checked
; CHECK: call i64 @write(i32 2, ptr [[MSG2]], i64 45)
; CHECK-NEXT: call void @abort()
; CHECK: attributes #[[NORETURN]] = { noreturn }
; CHECK: [[LOC]] = !DILocation(line: 12, column: 5,
; TRAP: call void @llvm.trap() #{{[0-9]+}}, !dbg [[LOC:![0-9]+]]
; TRAP: call ptr @strcpy(ptr %d, ptr %s), !dbg [[LOC]], !fortify.checked
define void @f(ptr %d, ptr %s, i64 %n) !dbg !5 {
  call ptr @strcpy(ptr %d, ptr %s), !dbg !8
  call void @llvm.memset.p0.i64(ptr %d, i8 0, i64 %n, i1 false)
  ret void
}

!llvm.dbg.cu = !{!0}
!llvm.module.flags = !{!3, !4}
!0 = distinct !DICompileUnit(language: DW_LANG_C11, file: !1, producer: "clang", isOptimized: false, runtimeVersion: 0, emissionKind: FullDebug)
!1 = !DIFile(filename: "demo.c", directory: "/src")
!3 = !{i32 7, !"Dwarf Version", i32 5}
!4 = !{i32 2, !"Debug Info Version", i32 3}
!5 = distinct !DISubprogram(name: "f", scope: !1, file: !1, line: 10, type: !6, scopeLine: 10, spFlags: DISPFlagDefinition, unit: !0)
!6 = !DISubroutineType(types: !7)
!7 = !{null}
!8 = !DILocation(line: 12, column: 5, scope: !5)
