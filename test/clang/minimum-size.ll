; MinimumSize: the destination must hold at least `minimum` bytes, whatever
; is written: realpath's PATH_MAX (a constant: size < 4096 stops, an unknown
; size, -1, never does) and wcrtomb's MB_CUR_MAX, read at run time through
; __ctype_get_mb_cur_max() once the size is known. A null destination
; (realpath(p, NULL), wcrtomb(NULL, ...)) has an unknown size: never stopped.
; RUN: %opt -load-pass-plugin %clang-plugin -passes=fortify -S %s | FileCheck %s
; RUN: %opt -load-pass-plugin %clang-plugin -passes='fortify,default<O2>' -S %s | FileCheck %s --check-prefix=O2
; RUN: %opt -load-pass-plugin %clang-plugin -passes='fortify,fortify-finish<O0>' -S %s | FileCheck %s --check-prefix=O0

target datalayout = "e-m:e-p270:32:32-p271:32:32-p272:64:64-i64:64-i128:128-f80:128-n8:16:32:64-S128"
target triple = "x86_64-pc-linux-gnu"

declare ptr @realpath(ptr, ptr)
declare i64 @wcrtomb(ptr, i32, ptr)
declare void @use(ptr)

; CHECK-LABEL: define ptr @constant_minimum(
; CHECK: [[S:%[0-9]+]] = call i64 @llvm.objectsize.i64.p0(ptr %d, i1 false, i1 true, i1 false)
; CHECK-NEXT: [[C:%[0-9]+]] = icmp ult i64 [[S]], 4096
; CHECK-NEXT: br i1 [[C]], label %[[TRAP:[0-9]+]], label %{{[0-9]+}}, !prof
; The failure path: needed is the minimum, available the size.
; CHECK: [[TRAP]]:
; CHECK-NEXT: call void @__fortify_fail(ptr @fortify.site{{[.0-9]*}}, i64 4096, i64 [[S]])
; CHECK: call ptr @realpath(ptr %p, ptr %d), !fortify.checked
define ptr @constant_minimum(ptr %p, ptr %d) {
  %r = call ptr @realpath(ptr %p, ptr %d)
  ret ptr %r
}

; CHECK-LABEL: define i64 @mb_cur_max(
; CHECK: [[S:%[0-9]+]] = call i64 @llvm.objectsize.i64.p0(ptr %d, i1 false, i1 true, i1 false)
; CHECK-NEXT: [[K:%[0-9]+]] = icmp ne i64 [[S]], -1
; CHECK-NEXT: br i1 [[K]], label %[[KNOWN:[0-9]+]], label %{{[0-9]+}}
; CHECK: [[KNOWN]]:
; CHECK-NEXT: [[M:%[0-9]+]] = call i64 @__ctype_get_mb_cur_max(), !fortify.checked
; CHECK-NEXT: [[C:%[0-9]+]] = icmp ult i64 [[S]], [[M]]
; CHECK-NEXT: br i1 [[C]], label %[[TRAP:[0-9]+]], label %{{[0-9]+}}, !prof
; CHECK: [[TRAP]]:
; CHECK-NEXT: call void @__fortify_fail(ptr @fortify.site{{[.0-9]*}}, i64 [[M]], i64 [[S]])
; CHECK: call i64 @wcrtomb(ptr %d, i32 %c, ptr %st), !fortify.checked
define i64 @mb_cur_max(ptr %d, i32 %c, ptr %st) {
  %r = call i64 @wcrtomb(ptr %d, i32 %c, ptr %st)
  ret i64 %r
}
; CHECK: declare i64 @__ctype_get_mb_cur_max()

; After -O2: unknown sizes and null destinations leave nothing; a known
; size too small for PATH_MAX always stops; one big enough leaves nothing;
; a known size is compared with MB_CUR_MAX at run time.
; O2-LABEL: define {{.*}}@constant_minimum(
; O2-NOT: trap
; O2: ret ptr
; O2-LABEL: define {{.*}}@mb_cur_max(
; O2-NOT: __ctype_get_mb_cur_max
; O2-NOT: trap
; O2: ret i64
; O2-LABEL: define {{.*}}void @null_destinations(
; O2-NOT: __ctype_get_mb_cur_max
; O2-NOT: trap
; O2: ret void
; O2-LABEL: define {{.*}}void @known(
; O2-NOT: trap
; O2: call ptr @realpath(ptr %p, ptr nonnull %big)
; O2: [[M:%[0-9]+]] = {{.*}}call i64 @__ctype_get_mb_cur_max()
; O2-NEXT: icmp ugt i64 [[M]], 2
; O2: call void @llvm.trap()
; O2: call i64 @wcrtomb(ptr nonnull %small,
; O2-LABEL: define {{.*}}void @too_small(
; O2: call void @llvm.trap()
; O2-NEXT: unreachable
; At -O0 the late pass lowers the object sizes itself: null destinations
; are not stopped either, and leave no code.
; O0-LABEL: define void @null_destinations(
; O0-NOT: trap
; O0-NOT: __ctype_get_mb_cur_max
; O0: call ptr @realpath(ptr %p, ptr null)
; O0-NOT: trap
; O0-NOT: __ctype_get_mb_cur_max
; O0: call i64 @wcrtomb(ptr null,
; O0-NEXT: ret void
define void @null_destinations(ptr %p, i32 %c, ptr %st) {
  call ptr @realpath(ptr %p, ptr null)
  call i64 @wcrtomb(ptr null, i32 %c, ptr %st)
  ret void
}
define void @known(ptr %p, i32 %c, ptr %st) {
  %big = alloca [4096 x i8]
  %small = alloca [2 x i8]
  call ptr @realpath(ptr %p, ptr %big)
  call i64 @wcrtomb(ptr %small, i32 %c, ptr %st)
  call void @use(ptr %big)
  call void @use(ptr %small)
  ret void
}
define void @too_small(ptr %p) {
  %buf = alloca [100 x i8]
  call ptr @realpath(ptr %p, ptr %buf)
  call void @use(ptr %buf)
  ret void
}
