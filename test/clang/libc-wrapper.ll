; glibc's fortify wrappers as Clang 19 emits them under -D_FORTIFY_SOURCE=2
; (trimmed): an internal always_inline `strcpy.inline` clone whose body
; spills its arguments and calls __strcpy_chk with llvm.objectsize of the
; destination, and a direct __sprintf_chk from glibc's macro. The pass never
; instruments the wrapper's body; it inlines the wrapper at the call site,
; where the typed GEP still shows the member, and hands glibc's check
; umin(glibc's size, its own): one check, the member's 8 bytes. The
; __*_chk calls carry their site (!fortify.libc) and cannot be merged.
; RUN: %opt -load-pass-plugin %clang-plugin -passes='fortify<level=2>' -S %s | FileCheck %s
; RUN: %opt -load-pass-plugin %clang-plugin -passes='fortify<level=2>,default<O2>' -S %s | FileCheck %s --check-prefix=O2

target datalayout = "e-m:e-p270:32:32-p271:32:32-p272:64:64-i64:64-i128:128-f80:128-n8:16:32:64-S128"
target triple = "x86_64-pc-linux-gnu"

%struct.pair = type { i32, [8 x i8], [8 x i8] }

@.str = private unnamed_addr constant [3 x i8] c"%d\00", align 1

; CHECK-LABEL: define void @name(
; CHECK: %a = getelementptr inbounds [8 x i8], ptr %m, i64 0, i64 0
; CHECK-NEXT: [[OWN:%[0-9]+]] = call i64 @llvm.objectsize.i64.p0(ptr %a, i1 false, i1 true, i1 false), !fortify.checked
; CHECK-NEXT: [[NARROW:%[0-9]+]] = call i64 @llvm.umin.i64(i64 [[OWN]], i64 8)
; CHECK-NOT: call ptr @strcpy.inline
; CHECK: [[GLIBC:%[0-9]+]] = call i64 @llvm.objectsize.i64.p0(ptr {{%[0-9]+}}, i1 false, i1 true, i1 false){{( #[0-9]+)?$}}
; CHECK-NEXT: [[BOTH:%[0-9]+]] = call i64 @llvm.umin.i64(i64 [[GLIBC]], i64 [[NARROW]]), !fortify.libc.size
; CHECK-NEXT: call ptr @__strcpy_chk(ptr {{.*}}, ptr {{.*}}, i64 noundef [[BOTH]]) #[[NOMERGE:[0-9]+]], !fortify.checked !{{[0-9]+}}, !fortify.libc ![[SITE:[0-9]+]]
; CHECK-NOT: __fortify_fail
; CHECK: ret void
define void @name(ptr %p, ptr %s) {
  %m = getelementptr inbounds %struct.pair, ptr %p, i32 0, i32 1
  %a = getelementptr inbounds [8 x i8], ptr %m, i64 0, i64 0
  %r = call ptr @strcpy.inline(ptr noundef %a, ptr noundef %s)
  ret void
}

; The direct call: its size argument (before the format) tightened in place.
; CHECK-LABEL: define i32 @fmt(
; CHECK: [[OWN2:%[0-9]+]] = call i64 @llvm.objectsize.i64.p0(ptr %a, i1 false, i1 true, i1 false), !fortify.checked
; CHECK-NEXT: [[NARROW2:%[0-9]+]] = call i64 @llvm.umin.i64(i64 [[OWN2]], i64 8)
; CHECK-NEXT: [[BOTH2:%[0-9]+]] = call i64 @llvm.umin.i64(i64 16, i64 [[NARROW2]]), !fortify.libc.size
; CHECK-NEXT: call i32 (ptr, i32, i64, ptr, ...) @__sprintf_chk(ptr %a, i32 1, i64 [[BOTH2]], ptr @.str, i32 %v) #[[NOMERGE2:[0-9]+]], !fortify.checked !{{[0-9]+}}, !fortify.libc
define i32 @fmt(ptr %p, i32 %v) {
  %m = getelementptr inbounds %struct.pair, ptr %p, i32 0, i32 1
  %a = getelementptr inbounds [8 x i8], ptr %m, i64 0, i64 0
  %r = call i32 (ptr, i32, i64, ptr, ...) @__sprintf_chk(ptr %a, i32 1, i64 16, ptr @.str, i32 %v)
  ret i32 %r
}

; The wrapper's body is not instrumented: its calls are only marked, its
; destination's size query tagged.
; CHECK-LABEL: define internal ptr @strcpy.inline(
; CHECK-NOT: __fortify_fail
; CHECK-NOT: umin
; CHECK: call i64 @llvm.objectsize.i64.p0({{.*}}), !fortify.libc.size
; CHECK-NEXT: call ptr @__strcpy_chk({{.*}}!fortify.checked
; CHECK-NEXT: ret ptr
define internal ptr @strcpy.inline(ptr noalias nonnull %0, ptr noalias nonnull %1) alwaysinline nounwind {
  %3 = alloca ptr, align 8
  %4 = alloca ptr, align 8
  store ptr %0, ptr %3, align 8
  store ptr %1, ptr %4, align 8
  %5 = load ptr, ptr %3, align 8
  %6 = load ptr, ptr %4, align 8
  %7 = load ptr, ptr %3, align 8
  %8 = call i64 @llvm.objectsize.i64.p0(ptr %7, i1 false, i1 true, i1 false)
  %9 = call ptr @__strcpy_chk(ptr noundef %5, ptr noundef %6, i64 noundef %8) nounwind
  ret ptr %9
}

; CHECK: attributes #[[NOMERGE]] = {{{.*}}nomerge
; CHECK: attributes #[[NOMERGE2]] = {{{.*}}nomerge
; CHECK: ![[SITE]] = !{!"write\00strcpy\00{{[^"]*}}\00name\00", i32 2, i1 true}

; After optimisation one __strcpy_chk remains, with the member's size.
; O2-LABEL: define void @name(
; O2: call ptr @__strcpy_chk(ptr {{.*}}, ptr {{.*}}, i64 noundef 8)
; O2-LABEL: define i32 @fmt(
; O2: call i32 (ptr, i32, i64, ptr, ...) @__sprintf_chk(ptr {{.*}}, i32 1, i64 8,

declare ptr @strcpy(ptr noundef, ptr noundef)
declare ptr @__strcpy_chk(ptr noundef, ptr noundef, i64 noundef)
declare i32 @__sprintf_chk(ptr noundef, i32 noundef, i64 noundef, ptr noundef, ...)
declare i64 @llvm.objectsize.i64.p0(ptr, i1 immarg, i1 immarg, i1 immarg)
