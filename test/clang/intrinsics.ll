; The mem intrinsics Clang emits for memcpy/memmove/memset (and their
; __builtin_ forms) are checked by their base name, whatever their trailing
; isvolatile argument; libc calls need the exact arity and a C declaration.
; RUN: %opt -load-pass-plugin %clang-plugin -passes=fortify -S %s | FileCheck %s --check-prefixes=CHECK,%if llvm-ge-15 %{MEMSET-INLINE%} %else %{MEMSET-14%}
; LLVM 14 has no llvm.memset.inline (LLVM 15): it reads the declaration as
; llvm.memset's, and the call is checked as that.
; RUN: %opt -load-pass-plugin %clang-plugin -passes='fortify<level=1>' -S %s | FileCheck %s --check-prefix=STATIC

target datalayout = "e-m:e-p270:32:32-p271:32:32-p272:64:64-i64:64-i128:128-f80:128-n8:16:32:64-S128"
target triple = "x86_64-pc-linux-gnu"

declare void @llvm.memcpy.p0.p0.i64(ptr, ptr, i64, i1)
declare void @llvm.memcpy.inline.p0.p0.i64(ptr, ptr, i64, i1)
declare void @llvm.memmove.p0.p0.i64(ptr, ptr, i64, i1)
declare void @llvm.memset.p0.i64(ptr, i8, i64, i1)
declare void @llvm.memset.inline.p0.i64(ptr, i8, i64, i1)
declare void @llvm.memcpy.p0.p0.i32(ptr, ptr, i32, i1)
declare ptr @memcpy(ptr, ptr, i64)
declare ptr @__memcpy_chk(ptr, ptr, i64, i64)
declare void @bzero(ptr, i64)

; CHECK-LABEL: define void @intrinsics(
; Level 3: static queries tagged !fortify.dynamic, switched to dynamic once
; inlining is done (dynamic-switch.ll); level 1 leaves them untagged.
; CHECK: [[S1:%[0-9a-z.]+]] = call i64 @llvm.objectsize.i64.p0(ptr %d, i1 false, i1 true, i1 false), !fortify.checked [[MD:![0-9]+]], !fortify.dynamic [[MD]]
; CHECK-NEXT: [[C1:%[0-9a-z.]+]] = icmp ugt i64 %n, [[S1]]
; CHECK-NEXT: br i1 [[C1]], label %[[TRAP1:[0-9a-z.]+]], label %[[OK1:[0-9a-z.]+]], !prof
; CHECK: [[TRAP1]]:
; CHECK-NEXT: call void @__fortify_fail(ptr [[WRITE:@fortify.site[.0-9]*]], i64 %n, i64 [[S1]]) [[MARKER:#[0-9]+]]
; CHECK-NEXT: unreachable
; CHECK: [[OK1]]:
; Then (reads, on from level 2) the source must hold the n bytes read.
; CHECK-NEXT: [[R1:%[0-9a-z.]+]] = call i64 @llvm.objectsize.i64.p0(ptr %s, i1 false, i1 true, i1 false)
; CHECK-NEXT: [[RC1:%[0-9a-z.]+]] = icmp ugt i64 %n, [[R1]]
; CHECK-NEXT: br i1 [[RC1]], label %[[TRAP2:[0-9a-z.]+]], label %[[OK2:[0-9a-z.]+]], !prof
; CHECK: [[TRAP2]]:
; CHECK-NEXT: call void @__fortify_fail(ptr [[READ:@fortify.site[.0-9]*]], i64 %n, i64 [[R1]]) [[MARKER]]
; CHECK: [[OK2]]:
; CHECK-NEXT: call void @llvm.memcpy.p0.p0.i64(ptr %d, ptr %s, i64 %n, i1 false), !fortify.checked
; CHECK: call i64 @llvm.objectsize.i64.p0(ptr %d, i1 false, i1 true, i1 false)
; CHECK: call void @llvm.memcpy.inline.p0.p0.i64(ptr %d, ptr %s, i64 8, i1 true), !fortify.checked
; CHECK: call i64 @llvm.objectsize.i64.p0(ptr %d, i1 false, i1 true, i1 false)
; CHECK: call void @llvm.memmove.p0.p0.i64(ptr %d, ptr %s, i64 %n, i1 false), !fortify.checked
; CHECK: call i64 @llvm.objectsize.i64.p0(ptr %d, i1 false, i1 true, i1 false)
; CHECK: call void @llvm.memset.p0.i64(ptr %d, i8 0, i64 %n, i1 false), !fortify.checked
; CHECK: call i64 @llvm.objectsize.i64.p0(ptr %d, i1 false, i1 true, i1 false)
; MEMSET-INLINE: call void @llvm.memset.inline.p0.i64(ptr %d, i8 0, i64 4, i1 false), !fortify.checked
; MEMSET-14: call void @llvm.memset.p0.i64(ptr %d, i8 0, i64 4, i1 false), !fortify.checked
; A 32-bit length is widened to size_t before the comparison.
; CHECK: [[S6:%[0-9a-z.]+]] = call i64 @llvm.objectsize.i64.p0(ptr %d, i1 false, i1 true, i1 false)
; CHECK-NEXT: [[W:%[0-9a-z.]+]] = zext i32 %m to i64
; CHECK-NEXT: icmp ugt i64 [[W]], [[S6]]
; CHECK: call void @llvm.memcpy.p0.p0.i32(ptr %d, ptr %s, i32 %m, i1 false), !fortify.checked
; CHECK-NEXT: ret void
; STATIC-LABEL: define void @intrinsics(
; STATIC: call i64 @llvm.objectsize.i64.p0(ptr %d, i1 false, i1 true, i1 false)
; STATIC-NOT: i1 true, i1 true)
; STATIC-NOT: !fortify.dynamic
; STATIC: ret void
define void @intrinsics(ptr %d, ptr %s, i64 %n, i32 %m) {
  call void @llvm.memcpy.p0.p0.i64(ptr %d, ptr %s, i64 %n, i1 false)
  call void @llvm.memcpy.inline.p0.p0.i64(ptr %d, ptr %s, i64 8, i1 true)
  call void @llvm.memmove.p0.p0.i64(ptr %d, ptr %s, i64 %n, i1 false)
  call void @llvm.memset.p0.i64(ptr %d, i8 0, i64 %n, i1 false)
  call void @llvm.memset.inline.p0.i64(ptr %d, i8 0, i64 4, i1 false)
  call void @llvm.memcpy.p0.p0.i32(ptr %d, ptr %s, i32 %m, i1 false)
  ret void
}

; A libc call, the bzero rule's destination and length (arguments 0 and 1).
; CHECK-LABEL: define void @calls(
; CHECK: call i64 @llvm.objectsize.i64.p0(ptr %d,
; CHECK: call ptr @memcpy(ptr %d, ptr %s, i64 %n), !fortify.checked
; CHECK: [[SB:%[0-9a-z.]+]] = call i64 @llvm.objectsize.i64.p0(ptr %s,
; CHECK-NEXT: icmp ugt i64 %n, [[SB]]
; CHECK: call void @bzero(ptr %s, i64 %n), !fortify.checked
; glibc's own checked form keeps its check, given the tighter of its size
; and the plugin's; the source read is the plugin's.
; CHECK: [[OWN:%[0-9]+]] = call i64 @llvm.objectsize.i64.p0(ptr %d,
; CHECK-NEXT: [[BOTH:%[0-9]+]] = call i64 @llvm.umin.i64(i64 16, i64 [[OWN]]), !fortify.libc.size
; CHECK-NEXT: [[SRC:%[0-9]+]] = call i64 @llvm.objectsize.i64.p0(ptr %s,
; CHECK-NEXT: icmp ugt i64 %n, [[SRC]]
; CHECK: call ptr @__memcpy_chk(ptr %d, ptr %s, i64 %n, i64 [[BOTH]]){{.*}}, !fortify.checked !{{[0-9]+}}, {{.*}}!fortify.libc
; CHECK-NEXT: ret void
define void @calls(ptr %d, ptr %s, i64 %n) {
  call ptr @memcpy(ptr %d, ptr %s, i64 %n)
  call void @bzero(ptr %s, i64 %n)
  call ptr @__memcpy_chk(ptr %d, ptr %s, i64 %n, i64 16)
  ret void
}
