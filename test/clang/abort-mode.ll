; mode=abort: write(2, message, length) then abort(), the message naming the
; function and the call's source location as the DILocation spells it; with
; no location, the module's source file. The failure block carries the call's
; debug location in both modes.
; The checks call the marker __fortify_fail(site, needed, available); the
; late pass (fortify-finish) makes it the mode's failure code.
; RUN: %opt -load-pass-plugin %clang-plugin -passes='fortify<mode=abort>,fortify-finish<mode=abort>' -S %s | FileCheck %s
; RUN: env FORTIFY_PLUGIN_OPTIONS=mode=abort %opt -load-pass-plugin %clang-plugin -passes=fortify,fortify-finish -S %s | FileCheck %s
; RUN: %opt -load-pass-plugin %clang-plugin -passes=fortify,fortify-finish -S %s | FileCheck %s --check-prefix=TRAP

source_filename = "demo.c"
target datalayout = "e-m:e-p270:32:32-p271:32:32-p272:64:64-i64:64-i128:128-f80:128-n8:16:32:64-S128"
target triple = "x86_64-pc-linux-gnu"

declare ptr @strcpy(ptr, ptr)
declare void @llvm.memset.p0.i64(ptr, i8, i64, i1)
declare i64 @strlen(ptr)
declare i32 @open(ptr, i32, ...)
declare i32 @printf(ptr, ...)
declare i32 @sprintf(ptr, ptr, ...)
declare void @llvm.memcpy.p0.p0.i64(ptr, ptr, i64, i1)

; CHECK: [[MSG1:@[0-9a-z.]+]] = private unnamed_addr constant [51 x i8] c"fortify: buffer overflow in strcpy at demo.c:12:5\0A\00"
; CHECK: [[MSG2:@[0-9a-z.]+]] = private unnamed_addr constant [46 x i8] c"fortify: buffer overflow in memset at demo.c\0A\00"
; CHECK: [[WRITE:@[0-9a-z.]+]] = private unnamed_addr constant [51 x i8] c"fortify: buffer overflow in memcpy at demo.c:21:3\0A\00"
; CHECK: [[READ:@[0-9a-z.]+]] = private unnamed_addr constant [52 x i8] c"fortify: buffer over-read in memcpy at demo.c:21:3\0A\00"
; CHECK: [[STRLEN:@[0-9a-z.]+]] = private unnamed_addr constant [53 x i8] c"fortify: buffer over-read in strlen at demo.c:22:10\0A\00"
; CHECK: [[OPEN:@[0-9a-z.]+]] = private unnamed_addr constant [70 x i8] c"fortify: O_CREAT or O_TMPFILE without a mode in open at demo.c:23:12\0A\00"
; CHECK: [[FORMAT:@[0-9a-z.]+]] = private unnamed_addr constant [80 x i8] c"fortify: %n in a format that is not a string literal in printf at demo.c:24:11\0A\00"
; CHECK: [[SPRINTF_N:@[0-9a-z.]+]] = private unnamed_addr constant [81 x i8] c"fortify: %n in a format that is not a string literal in sprintf at demo.c:25:11\0A\00"
; CHECK: [[SPRINTF:@[0-9a-z.]+]] = private unnamed_addr constant [53 x i8] c"fortify: buffer overflow in sprintf at demo.c:25:11\0A\00"
; CHECK-LABEL: define void @f(
; CHECK: call i64 @write(i32 2, ptr [[MSG1]], i64 50), !dbg [[LOC:![0-9]+]]
; CHECK-NEXT: call void @abort() #[[NORETURN:[0-9]+]], !dbg [[LOC]]
; CHECK-NEXT: unreachable
; CHECK: call ptr @strcpy(ptr %d, ptr %s), !dbg [[LOC]], !fortify.checked
; CHECK: call i64 @write(i32 2, ptr [[MSG2]], i64 45)
; CHECK-NEXT: call void @abort()
; TRAP: call void @llvm.trap() #{{[0-9]+}}, !dbg [[LOC:![0-9]+]]
; TRAP: call ptr @strcpy(ptr %d, ptr %s), !dbg [[LOC]], !fortify.checked
define void @f(ptr %d, ptr %s, i64 %n) !dbg !5 {
  call ptr @strcpy(ptr %d, ptr %s), !dbg !8
  call void @llvm.memset.p0.i64(ptr %d, i8 0, i64 %n, i1 false)
  ret void
}

; Each check names its problem: what memcpy and strlen read is an over-read,
; open's flags asking for a mode that is not passed, %n in a format that is
; not a literal; what sprintf's bounded sibling writes is an overflow. The
; failure blocks carry the call's location, strlen's (after the call) too.
; CHECK-LABEL: define i64 @g(
; CHECK: call i64 @write(i32 2, ptr [[WRITE]], i64 50), !dbg [[MEMCPY_LOC:![0-9]+]]
; CHECK: call i64 @write(i32 2, ptr [[READ]], i64 51), !dbg [[MEMCPY_LOC]]
; CHECK: call void @llvm.memcpy.p0.p0.i64(ptr %d, ptr %b, i64 %n, i1 false), !dbg [[MEMCPY_LOC]], !fortify.checked
; CHECK: %r = call i64 @strlen(ptr %b), !dbg [[STRLEN_LOC:![0-9]+]], !fortify.checked
; CHECK: call i64 @write(i32 2, ptr [[STRLEN]], i64 52), !dbg [[STRLEN_LOC]]
; CHECK-NEXT: call void @abort() {{.*}}!dbg [[STRLEN_LOC]]
; CHECK: call i64 @write(i32 2, ptr [[OPEN]], i64 69)
; CHECK: call i32 (ptr, i32, ...) @open(ptr %path, i32 %flags)
; CHECK: call i64 @write(i32 2, ptr [[FORMAT]], i64 79)
; CHECK: call i32 (ptr, ...) @printf(ptr %format, ptr %count)
; CHECK: call i64 @write(i32 2, ptr [[SPRINTF_N]], i64 80)
; CHECK: call i32 (ptr, i64, ptr, ...) @snprintf(
; CHECK: call i64 @write(i32 2, ptr [[SPRINTF]], i64 52)
; CHECK: call i32 (ptr, ptr, ...) @sprintf(
; CHECK: attributes #[[NORETURN]] = { noreturn }
; CHECK: [[LOC]] = !DILocation(line: 12, column: 5,
; TRAP-LABEL: define i64 @g(
; TRAP: %r = call i64 @strlen(ptr %b), !dbg [[STRLEN_LOC:![0-9]+]], !fortify.checked
; TRAP: call void @llvm.trap() #{{[0-9]+}}, !dbg [[STRLEN_LOC]]
; TRAP: call i32 (ptr, i32, ...) @open(
define i64 @g(ptr %d, i64 %n, ptr %path, i32 %flags, ptr %format, ptr %count, i32 %v) !dbg !9 {
  %b = alloca [8 x i8]
  call void @llvm.memcpy.p0.p0.i64(ptr %d, ptr %b, i64 %n, i1 false), !dbg !10
  %r = call i64 @strlen(ptr %b), !dbg !11
  %fd = call i32 (ptr, i32, ...) @open(ptr %path, i32 %flags), !dbg !12
  %p = call i32 (ptr, ...) @printf(ptr %format, ptr %count), !dbg !13
  %s = call i32 (ptr, ptr, ...) @sprintf(ptr %b, ptr %format, i32 %v), !dbg !14
  ret i64 %r
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
!9 = distinct !DISubprogram(name: "g", scope: !1, file: !1, line: 20, type: !6, scopeLine: 20, spFlags: DISPFlagDefinition, unit: !0)
!10 = !DILocation(line: 21, column: 3, scope: !9)
!11 = !DILocation(line: 22, column: 10, scope: !9)
!12 = !DILocation(line: 23, column: 12, scope: !9)
!13 = !DILocation(line: 24, column: 11, scope: !9)
!14 = !DILocation(line: 25, column: 11, scope: !9)
