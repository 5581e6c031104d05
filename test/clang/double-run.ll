; Running the pass twice (the plugin loaded as both -fplugin and -fpass-plugin,
; or the IR instrumented once and fed to opt again) checks each call once:
; instrumented calls carry !fortify.checked.
; RUN: %opt -load-pass-plugin %clang-plugin -passes=fortify -S %s -o %t.once.ll
; RUN: %opt -load-pass-plugin %clang-plugin -passes=fortify,fortify -S %s -o %t.twice.ll
; RUN: diff %t.once.ll %t.twice.ll
; RUN: FileCheck %s < %t.once.ll
; RUN: %opt -load-pass-plugin %clang-plugin -passes=fortify %s \
; RUN:   | %opt -load-pass-plugin %clang-plugin -passes=fortify -S \
; RUN:   | grep -c "call i64 @llvm.objectsize" | FileCheck %s --check-prefix=COUNT
; memcpy: the destination and (reads) the source; strcpy: the destination.
; COUNT: {{^}}3{{$}}

target datalayout = "e-m:e-p270:32:32-p271:32:32-p272:64:64-i64:64-i128:128-f80:128-n8:16:32:64-S128"
target triple = "x86_64-pc-linux-gnu"

declare void @llvm.memcpy.p0.p0.i64(ptr, ptr, i64, i1)
declare ptr @strcpy(ptr, ptr)

; CHECK-LABEL: define void @f(
; CHECK: call i64 @llvm.objectsize
; CHECK: call void @__fortify_fail(
; CHECK: call void @llvm.memcpy.p0.p0.i64({{.*}}), !fortify.checked
; CHECK: call i64 @llvm.objectsize
; CHECK: call i64 @strlen
; CHECK: call void @__fortify_fail(
; CHECK: call ptr @strcpy({{.*}}), !fortify.checked
; CHECK-NEXT: ret void
define void @f(ptr %d, ptr %s, i64 %n) {
  call void @llvm.memcpy.p0.p0.i64(ptr %d, ptr %s, i64 %n, i1 false)
  call ptr @strcpy(ptr %d, ptr %s)
  ret void
}
