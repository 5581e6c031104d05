; Every check's failure path calls a marker with its site descriptor and the
; bytes needed and available:
;   trap, abort:  call void @__fortify_fail(ptr site, i64 needed, i64 available)
;                 (noreturn nounwind cold nomerge), then unreachable;
;   report:       call void @__fortify_report(ptr site, i64 needed, i64 available)
;                 (nounwind cold, returns): a check before the call skips it
;                 and the call's users see its fallback value (the destination
;                 for a pointer, -1 / 0 for a signed / unsigned integer); a
;                 check on the result (strlen) or sprintf's bounded sibling
;                 goes on.
; The descriptor is "problem\0function\0file\0line\0column\0caller\0"; every
; check is recorded in !fortify.sites. fortify-finish lowers __fortify_fail
; (trap here; abort-mode.ll for abort) and drops the descriptors no longer
; used; report calls and their descriptors stay.
; RUN: %opt -load-pass-plugin %clang-plugin -passes=fortify -S %s | FileCheck %s --check-prefixes=CHECK,TRAP-%if llvm-ge-16 %{MEMORY%} %else %{ATTRIBUTES%}
; RUN: %opt -load-pass-plugin %clang-plugin -passes='fortify<mode=abort>' -S %s | FileCheck %s --check-prefixes=CHECK,ABORT
; RUN: %opt -load-pass-plugin %clang-plugin -passes='fortify<mode=report>' -S %s | FileCheck %s --check-prefix=REPORT
; RUN: %opt -load-pass-plugin %clang-plugin -passes='fortify,fortify-finish' -S %s | FileCheck %s --check-prefix=FINISH
; RUN: %opt -load-pass-plugin %clang-plugin -passes='fortify<mode=report>,fortify-finish<mode=report>' -S %s | FileCheck %s --check-prefix=FINISH-REPORT

source_filename = "demo.c"
target datalayout = "e-m:e-p270:32:32-p271:32:32-p272:64:64-i64:64-i128:128-f80:128-n8:16:32:64-S128"
target triple = "x86_64-pc-linux-gnu"

declare ptr @memcpy(ptr, ptr, i64)
declare i64 @read(i32, ptr, i64)
declare i64 @strlen(ptr)
declare i32 @sprintf(ptr, ptr, ...)

; CHECK: @fortify.site = private unnamed_addr constant [30 x i8] c"write\00memcpy\00demo.c\0012\005\00copy\00", align 1
; CHECK: @fortify.site.1 = private unnamed_addr constant [29 x i8] c"read\00memcpy\00demo.c\0012\005\00copy\00", align 1
; CHECK: @fortify.site.2 = private unnamed_addr constant [30 x i8] c"write\00read\00demo.c\0021\0010\00input\00", align 1
; Without a debug location: the module's source file, line and column 0.
; CHECK: @fortify.site.3 = private unnamed_addr constant [30 x i8] c"read\00strlen\00demo.c\000\000\00length\00", align 1
; CHECK: @fortify.site.4 = private unnamed_addr constant [33 x i8] c"format\00sprintf\00demo.c\000\000\00format\00", align 1
; CHECK: @fortify.site.5 = private unnamed_addr constant [32 x i8] c"write\00sprintf\00demo.c\000\000\00format\00", align 1

; CHECK-LABEL: define ptr @copy(
; CHECK: [[W:%[0-9]+]] = call i64 @llvm.objectsize.i64.p0(ptr %d, i1 false, i1 true, i1 false), !dbg [[LOC:![0-9]+]], !fortify.checked [[MD:![0-9]+]], !fortify.dynamic [[MD]]
; CHECK-NEXT: [[C:%[0-9]+]] = icmp ugt i64 %n, [[W]]
; CHECK-NEXT: br i1 [[C]], label %[[FAIL:[0-9]+]], label %{{[0-9]+}}, !dbg [[LOC]], !prof {{![0-9]+}}, !fortify.check
; CHECK: [[FAIL]]:
; CHECK-NEXT: call void @__fortify_fail(ptr @fortify.site, i64 %n, i64 [[W]]) [[MARKER:#[0-9]+]], !dbg [[LOC]]
; CHECK-NEXT: unreachable
; CHECK: [[R:%[0-9]+]] = call i64 @llvm.objectsize.i64.p0(ptr %s,
; CHECK: call void @__fortify_fail(ptr @fortify.site.1, i64 %n, i64 [[R]]) [[MARKER]], !dbg [[LOC]]
; CHECK-NEXT: unreachable
; CHECK: %r = call ptr @memcpy(ptr %d, ptr %s, i64 %n), !dbg [[LOC]], !fortify.checked
; CHECK-NEXT: ret ptr %r
; CHECK-NOT: __fortify_report
; CHECK: declare void @__fortify_fail(ptr, i64, i64) [[DECL:#[0-9]+]]
; Memory effects are one attribute from LLVM 16, several before.
; TRAP-MEMORY: attributes [[DECL]] = { cold noreturn nounwind memory(inaccessiblemem: readwrite) }
; TRAP-ATTRIBUTES: attributes [[DECL]] = { cold inaccessiblememonly noreturn nounwind }
; ABORT: attributes [[DECL]] = { cold noreturn nounwind }
; CHECK: attributes [[MARKER]] = { nomerge noreturn nounwind }
; CHECK: !fortify.sites = !{[[S0:![0-9]+]], [[S1:![0-9]+]],
; CHECK: [[S0]] = !{!"write\00memcpy\00demo.c\0012\005\00copy\00", !"check"}
; CHECK: [[S1]] = !{!"read\00memcpy\00demo.c\0012\005\00copy\00", !"check"}

; Report mode: the failed check reports and goes past the call; memcpy's
; users see its destination.
; REPORT-LABEL: define ptr @copy(
; REPORT: [[W:%[0-9]+]] = call i64 @llvm.objectsize.i64.p0(ptr %d,
; REPORT: br i1 {{%[0-9]+}}, label %[[FAIL1:[0-9]+]], label %[[OK1:[0-9]+]],
; REPORT: [[FAIL1]]:
; REPORT-NEXT: call void @__fortify_report(ptr @fortify.site, i64 %n, i64 [[W]]) [[REPORTED:#[0-9]+]], !dbg
; REPORT-NEXT: br label %[[JOIN:[.a-z0-9]+]]
; REPORT: [[OK1]]:
; REPORT: br i1 {{%[0-9]+}}, label %[[FAIL2:[0-9]+]], label %[[CALL:[0-9]+]],
; REPORT: [[FAIL2]]:
; REPORT-NEXT: call void @__fortify_report(ptr @fortify.site.1,
; REPORT-NEXT: br label %[[JOIN]]
; REPORT: [[CALL]]:
; REPORT-NEXT: %r = call ptr @memcpy(ptr %d, ptr %s, i64 %n)
; REPORT-NEXT: br label %[[JOIN]]
; REPORT: [[JOIN]]:
; REPORT-NEXT: [[RESULT:%[0-9]+]] = phi ptr [ %r, %[[CALL]] ], [ %d, %[[FAIL1]] ], [ %d, %[[FAIL2]] ]
; REPORT-NEXT: ret ptr [[RESULT]]
define ptr @copy(ptr %d, ptr %s, i64 %n) !dbg !5 {
  %r = call ptr @memcpy(ptr %d, ptr %s, i64 %n), !dbg !8
  ret ptr %r
}

; An integer result: without Clang's AST to say whether it is signed, one
; wider than int takes 0 (clang -fplugin gives read's ssize_t -1: see
; report-mode.c).
; REPORT-LABEL: define i64 @input(
; REPORT: [[FAIL:[0-9]+]]:
; REPORT-NEXT: call void @__fortify_report(ptr @fortify.site.2,
; REPORT-NEXT: br label %[[JOIN:[.a-z0-9]+]]
; REPORT: [[CALL:[0-9]+]]:
; REPORT-NEXT: %r = call i64 @read(
; REPORT: [[JOIN]]:
; REPORT-NEXT: phi i64 [ %r, %[[CALL]] ], [ 0, %[[FAIL]] ]
define i64 @input(i32 %fd, i64 %n) !dbg !9 {
  %b = alloca [8 x i8]
  %r = call i64 @read(i32 %fd, ptr %b, i64 %n), !dbg !10
  ret i64 %r
}

; strlen's result check reports r + 1 bytes read and goes on.
; REPORT-LABEL: define i64 @length(
; REPORT: %r = call i64 @strlen(ptr %b)
; REPORT-NEXT: [[S:%[0-9]+]] = call i64 @llvm.objectsize.i64.p0(ptr %b,
; REPORT-NEXT: [[READ:%[0-9]+]] = add i64 %r, 1
; REPORT: br i1 {{%[0-9]+}}, label %[[FAIL:[0-9]+]], label %[[DONE:[0-9]+]],
; REPORT: [[FAIL]]:
; REPORT-NEXT: call void @__fortify_report(ptr @fortify.site.3, i64 [[READ]], i64 [[S]])
; REPORT-NEXT: br label %[[DONE]]
; REPORT: [[DONE]]:
; REPORT-NEXT: ret i64 %r
define i64 @length(ptr %s) {
  %b = alloca [8 x i8]
  %r = call i64 @strlen(ptr %b)
  ret i64 %r
}

; sprintf: %n in the format skips the call (result -1, int is signed); the
; bounded sibling's overflow reports r + 1 bytes and goes on with its result.
; REPORT-LABEL: define i32 @format(
; REPORT: [[HASN:%[0-9]+]] = call i1 @fortify.format_has_n(ptr %f)
; REPORT-NEXT: br i1 [[HASN]], label %[[FORMAT:[0-9]+]], label
; REPORT: [[FORMAT]]:
; REPORT-NEXT: call void @__fortify_report(ptr @fortify.site.4, i64 0, i64 0)
; REPORT-NEXT: br label %[[JOIN:[.a-z0-9]+]]
; REPORT: [[W:%[0-9]+]] = call i32 (ptr, i64, ptr, ...) @snprintf(
; REPORT: [[WS:%[0-9]+]] = zext i32 [[W]] to i64
; REPORT: br i1 {{%[0-9]+}}, label %[[LONG:[0-9]+]], label %[[FITS:[0-9]+]],
; REPORT: [[LONG]]:
; REPORT-NEXT: [[NEEDED:%[0-9]+]] = add i64 [[WS]], 1
; REPORT-NEXT: call void @__fortify_report(ptr @fortify.site.5, i64 [[NEEDED]],
; REPORT-NEXT: br label %[[FITS]]
; REPORT: %r = call i32 (ptr, ptr, ...) @sprintf(
; REPORT: [[MERGED:%[0-9]+]] = phi i32 [ [[W]], %{{[0-9]+}} ], [ %r, %{{[0-9]+}} ]
; REPORT: [[JOIN]]:
; REPORT-NEXT: [[RESULT:%[0-9]+]] = phi i32 [ [[MERGED]], %{{[0-9]+}} ], [ -1, %[[FORMAT]] ]
; REPORT-NEXT: ret i32 [[RESULT]]
define i32 @format(ptr %f, i32 %v) {
  %b = alloca [8 x i8]
  %r = call i32 (ptr, ptr, ...) @sprintf(ptr %b, ptr %f, i32 %v)
  ret i32 %r
}

; An invoke (C++ on a libc whose functions may throw): skipped calls join on
; a block of its own on the normal edge, before the successor's phis.
; REPORT-LABEL: define ptr @invoked(
; REPORT: call void @__fortify_report(
; REPORT-NEXT: br label %[[JOIN:[0-9]+]]
; REPORT: %r = invoke ptr @memcpy(ptr %b, ptr %s, i64 %n)
; REPORT-NEXT: to label %[[JOIN]] unwind label %lp
; REPORT: [[JOIN]]:
; REPORT-NEXT: [[RESULT:%[0-9]+]] = phi ptr [ %r, %{{[0-9]+}} ], [ %b, %{{[0-9]+}} ], [ %b, %{{[0-9]+}} ]
; REPORT-NEXT: br label %ok
; REPORT: ok:
; REPORT-NEXT: %p = phi ptr [ [[RESULT]], %[[JOIN]] ]
define ptr @invoked(ptr %s, i64 %n) personality ptr @__gxx_personality_v0 {
entry:
  %b = alloca [8 x i8]
  %r = invoke ptr @memcpy(ptr %b, ptr %s, i64 %n) to label %ok unwind label %lp
ok:
  %p = phi ptr [ %r, %entry ]
  ret ptr %p
lp:
  %l = landingpad { ptr, i32 } cleanup
  resume { ptr, i32 } %l
}
declare i32 @__gxx_personality_v0(...)

; A musttail call cannot be skipped (nothing may stand between it and its
; return): report, then trap.
; REPORT-LABEL: define ptr @tail(
; REPORT: call void @__fortify_report(
; REPORT-NEXT: call void @llvm.trap()
; REPORT-NEXT: unreachable
; REPORT: %r = musttail call ptr @memcpy(ptr %d, ptr %s, i64 %n)
; REPORT-NEXT: ret ptr %r
define ptr @tail(ptr %d, ptr %s, i64 %n) {
  %r = musttail call ptr @memcpy(ptr %d, ptr %s, i64 %n)
  ret ptr %r
}

; REPORT-NOT: __fortify_fail
; REPORT: declare void @__fortify_report(ptr, i64, i64) [[DECL:#[0-9]+]]
; REPORT: attributes [[DECL]] = { cold nounwind }
; REPORT: attributes [[REPORTED]] = { nomerge nounwind }

; After fortify-finish: traps at the markers' locations, no marker, no
; descriptor; report calls keep theirs.
; FINISH-NOT: @fortify.site
; FINISH-LABEL: define ptr @copy(
; FINISH: call void @llvm.trap() #{{[0-9]+}}, !dbg
; FINISH-NEXT: unreachable
; FINISH-NOT: __fortify_fail
; FINISH-REPORT: @fortify.site = private unnamed_addr constant [30 x i8] c"write\00memcpy
; FINISH-REPORT-NOT: llvm.trap
; FINISH-REPORT: call void @__fortify_report(ptr @fortify.site,
; FINISH-REPORT-NOT: llvm.trap
; FINISH-REPORT: define ptr @tail(

!llvm.dbg.cu = !{!0}
!llvm.module.flags = !{!3, !4}
!0 = distinct !DICompileUnit(language: DW_LANG_C11, file: !1, producer: "clang", isOptimized: false, runtimeVersion: 0, emissionKind: FullDebug)
!1 = !DIFile(filename: "demo.c", directory: "/src")
!3 = !{i32 7, !"Dwarf Version", i32 5}
!4 = !{i32 2, !"Debug Info Version", i32 3}
!5 = distinct !DISubprogram(name: "copy", scope: !1, file: !1, line: 10, type: !6, scopeLine: 10, spFlags: DISPFlagDefinition, unit: !0)
!6 = !DISubroutineType(types: !7)
!7 = !{null}
!8 = !DILocation(line: 12, column: 5, scope: !5)
!9 = distinct !DISubprogram(name: "input", scope: !1, file: !1, line: 20, type: !6, scopeLine: 20, spFlags: DISPFlagDefinition, unit: !0)
!10 = !DILocation(line: 21, column: 10, scope: !9)
