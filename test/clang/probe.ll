; What optimisation left of each site, in the coverage records: LowerConstantIntrinsics
; folds an unknown object size to -1 and the check vanishes exactly like one
; proven to fit, so fortify-probe (OptimizerEarlyEP, after inlining, before
; that pass) records the sites whose sizes are unknown; fortify-finish
; (OptimizerLastEP) then tells unknown, safe, checked and overflow apart.
; With fortify-finish<O0> (no size folding in the pipeline, as at -O0) the
; late pass probes and lowers the sizes itself.
; RUN: rm -f %t.probe.jsonl %t.noprobe.jsonl %t.O0.jsonl
; RUN: %opt -load-pass-plugin %clang-plugin -passes='fortify<reads=off>,fortify-probe,lower-constant-intrinsics,fortify-finish<report=%t.probe.jsonl>' -S %s -o %t.ll 2>%t.err
; RUN: FileCheck %s --input-file=%t.probe.jsonl
; RUN: FileCheck %s --check-prefix=IR < %t.ll
; RUN: FileCheck %s --check-prefix=WARN --implicit-check-not=warning: < %t.err
; RUN: %opt -load-pass-plugin %clang-plugin -passes='fortify<reads=off>,fortify-finish<O0;report=%t.O0.jsonl>' -S %s -o %t.O0.ll 2>/dev/null
; RUN: FileCheck %s --input-file=%t.O0.jsonl
; RUN: FileCheck %s --check-prefix=IR < %t.O0.ll
; Without the probe, the unknown site passes for a safe one.
; RUN: %opt -load-pass-plugin %clang-plugin -passes='fortify<reads=off>,lower-constant-intrinsics,fortify-finish<report=%t.noprobe.jsonl>' -disable-output %s 2>/dev/null
; RUN: FileCheck %s --input-file=%t.noprobe.jsonl --check-prefix=NOPROBE

; CHECK: {"compiler":"clang {{[0-9.]+}}","tu":"probe.c","function":"memcpy","file":"probe.c","line":3,"column":3,"caller":"unknown","check":"write","status":"unknown","level":3,"by":"none","libc_level":0,"why":"parameter"}
; CHECK-NEXT: "function":"memcpy",{{.*}}"line":7,"column":3,"caller":"fits","check":"write","status":"safe","level":3,"by":"plugin"
; CHECK-NEXT: "function":"memcpy",{{.*}}"line":11,"column":3,"caller":"checked","check":"write","status":"checked","level":3,"by":"plugin"
; CHECK-NEXT: "function":"memcpy",{{.*}}"line":15,"column":3,"caller":"overflow","check":"write","status":"overflow","level":3,"by":"plugin"
; CHECK-NOT: status
; NOPROBE: "caller":"unknown","check":"write","status":"safe"

; WARN: warning: probe.c:15:3: in function overflow void (ptr): 'memcpy' writes 16 bytes into a region of size 8 [fortify]

; No objectsize, marker or descriptor left; the overflow traps.
; IR-NOT: llvm.objectsize
; IR-NOT: __fortify_fail
; IR-NOT: fortify.site
; IR-LABEL: define void @overflow(
; IR: call void @llvm.trap()
; IR-NEXT: unreachable
; IR-NOT: !fortify.sites
; IR-NOT: !fortify.unknown
; IR: !fortify.finished

source_filename = "probe.c"
target datalayout = "e-m:e-p270:32:32-p271:32:32-p272:64:64-i64:64-i128:128-f80:128-n8:16:32:64-S128"
target triple = "x86_64-pc-linux-gnu"

declare void @llvm.memcpy.p0.p0.i64(ptr, ptr, i64, i1)
declare void @use(ptr)

define void @unknown(ptr %d, ptr %s, i64 %n) !dbg !5 {
  call void @llvm.memcpy.p0.p0.i64(ptr %d, ptr %s, i64 %n, i1 false), !dbg !8
  ret void
}

define void @fits(ptr %s) !dbg !9 {
  %b = alloca [8 x i8]
  call void @llvm.memcpy.p0.p0.i64(ptr %b, ptr %s, i64 8, i1 false), !dbg !10
  call void @use(ptr %b)
  ret void
}

define void @checked(ptr %s, i64 %n) !dbg !11 {
  %b = alloca [8 x i8]
  call void @llvm.memcpy.p0.p0.i64(ptr %b, ptr %s, i64 %n, i1 false), !dbg !12
  call void @use(ptr %b)
  ret void
}

define void @overflow(ptr %s) !dbg !13 {
  %b = alloca [8 x i8]
  call void @llvm.memcpy.p0.p0.i64(ptr %b, ptr %s, i64 16, i1 false), !dbg !14
  call void @use(ptr %b)
  ret void
}

!llvm.dbg.cu = !{!0}
!llvm.module.flags = !{!3, !4}
!0 = distinct !DICompileUnit(language: DW_LANG_C11, file: !1, producer: "clang", isOptimized: true, runtimeVersion: 0, emissionKind: FullDebug)
!1 = !DIFile(filename: "probe.c", directory: "/src")
!3 = !{i32 7, !"Dwarf Version", i32 5}
!4 = !{i32 2, !"Debug Info Version", i32 3}
!5 = distinct !DISubprogram(name: "unknown", scope: !1, file: !1, line: 2, type: !6, scopeLine: 2, spFlags: DISPFlagDefinition, unit: !0)
!6 = !DISubroutineType(types: !7)
!7 = !{null}
!8 = !DILocation(line: 3, column: 3, scope: !5)
!9 = distinct !DISubprogram(name: "fits", scope: !1, file: !1, line: 6, type: !6, scopeLine: 6, spFlags: DISPFlagDefinition, unit: !0)
!10 = !DILocation(line: 7, column: 3, scope: !9)
!11 = distinct !DISubprogram(name: "checked", scope: !1, file: !1, line: 10, type: !6, scopeLine: 10, spFlags: DISPFlagDefinition, unit: !0)
!12 = !DILocation(line: 11, column: 3, scope: !11)
!13 = distinct !DISubprogram(name: "overflow", scope: !1, file: !1, line: 14, type: !6, scopeLine: 14, spFlags: DISPFlagDefinition, unit: !0)
!14 = !DILocation(line: 15, column: 3, scope: !13)
