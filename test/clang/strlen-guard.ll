; The string kinds measure lengths only once the size is known to be known
; (size != -1), so that an unknown size, once folded, leaves no code behind;
; each kind emits the comparison of gcc-plugin/check-emitter.cpp.
; RUN: %opt -load-pass-plugin %clang-plugin -passes=fortify -S %s | FileCheck %s
; RUN: %opt -load-pass-plugin %clang-plugin -passes='fortify,default<O2>' -S %s | FileCheck %s --check-prefix=O2

target datalayout = "e-m:e-p270:32:32-p271:32:32-p272:64:64-i64:64-i128:128-f80:128-n8:16:32:64-S128"
target triple = "x86_64-pc-linux-gnu"

declare ptr @strcpy(ptr, ptr)
declare ptr @strcat(ptr, ptr)
declare ptr @strncat(ptr, ptr, i64)
declare ptr @strncpy(ptr, ptr, i64)

; strcpy: size != -1 && strlen(src) >= size.
; CHECK-LABEL: define ptr @copy_string(
; CHECK: [[S:%[0-9a-z.]+]] = call i64 @llvm.objectsize.i64.p0(ptr %d,
; CHECK-NEXT: [[K:%[0-9a-z.]+]] = icmp ne i64 [[S]], -1
; CHECK-NEXT: br i1 [[K]], label %[[MEASURE:[0-9a-z.]+]], label %[[CALL:[0-9a-z.]+]]
; CHECK: [[MEASURE]]:
; CHECK-NEXT: [[L:%[0-9a-z.]+]] = call i64 @strlen(ptr %s)
; CHECK-NEXT: [[C:%[0-9a-z.]+]] = icmp uge i64 [[L]], [[S]]
; CHECK-NEXT: br i1 [[C]], label %[[TRAP:[0-9a-z.]+]], label %{{[0-9a-z.]+}}, !prof
; The failure path passes the bytes strcpy would write, strlen(src) + 1,
; reusing the measured length.
; CHECK: [[TRAP]]:
; CHECK-NEXT: [[N:%[0-9a-z.]+]] = add i64 [[L]], 1
; CHECK-NEXT: call void @__fortify_fail(ptr @fortify.site{{[.0-9]*}}, i64 [[N]], i64 [[S]])
; CHECK-NEXT: unreachable
; CHECK: [[CALL]]:
; CHECK-NEXT: call ptr @strcpy(ptr %d, ptr %s), !fortify.checked
define ptr @copy_string(ptr %d, ptr %s) {
  %r = call ptr @strcpy(ptr %d, ptr %s)
  ret ptr %r
}

; strcat: size != -1 && strlen(dst) + strlen(src) >= size.
; CHECK-LABEL: define ptr @append_string(
; CHECK: icmp ne i64 [[S:%[0-9a-z.]+]], -1
; CHECK: [[L1:%[0-9a-z.]+]] = call i64 @strlen(ptr %d)
; CHECK-NEXT: [[L2:%[0-9a-z.]+]] = call i64 @strlen(ptr %s)
; CHECK-NEXT: [[T:%[0-9a-z.]+]] = add i64 [[L1]], [[L2]]
; CHECK-NEXT: icmp uge i64 [[T]], [[S]]
; CHECK: [[N:%[0-9a-z.]+]] = add i64 [[T]], 1
; CHECK-NEXT: call void @__fortify_fail(ptr @fortify.site{{[.0-9]*}}, i64 [[N]], i64 [[S]])
define ptr @append_string(ptr %d, ptr %s) {
  %r = call ptr @strcat(ptr %d, ptr %s)
  ret ptr %r
}

; strncat: size != -1 && strlen(dst) + strnlen(src, n) >= size.
; CHECK-LABEL: define ptr @append_bounded(
; CHECK: icmp ne i64 [[S:%[0-9a-z.]+]], -1
; CHECK: [[L1:%[0-9a-z.]+]] = call i64 @strlen(ptr %d)
; CHECK-NEXT: [[L2:%[0-9a-z.]+]] = call i64 @strnlen(ptr %s, i64 %n)
; CHECK-NEXT: [[T:%[0-9a-z.]+]] = add i64 [[L1]], [[L2]]
; CHECK-NEXT: icmp uge i64 [[T]], [[S]]
define ptr @append_bounded(ptr %d, ptr %s, i64 %n) {
  %r = call ptr @strncat(ptr %d, ptr %s, i64 %n)
  ret ptr %r
}

; strncpy is a length copy: n > size, no strlen, no guard needed.
; CHECK-LABEL: define ptr @copy_length(
; CHECK: [[S:%[0-9a-z.]+]] = call i64 @llvm.objectsize.i64.p0(ptr %d,
; CHECK-NEXT: icmp ugt i64 %n, [[S]]
; CHECK-NOT: strlen
; CHECK: call ptr @strncpy(
define ptr @copy_length(ptr %d, ptr %s, i64 %n) {
  %r = call ptr @strncpy(ptr %d, ptr %s, i64 %n)
  ret ptr %r
}

; After -O2 an unknown size leaves nothing: no strlen, no trap, no objectsize.
; O2-LABEL: define {{.*}}ptr @copy_string(
; O2-NOT: strlen
; O2-NOT: trap
; O2-NOT: objectsize
; O2: ret ptr
; O2-LABEL: define {{.*}}ptr @append_bounded(
; O2-NOT: strnlen
; O2-NOT: trap
; O2: ret ptr

; A known size that provably fits leaves nothing either; one that may not
; fit keeps the check.
; O2-LABEL: define {{.*}}void @fits(
; O2-NOT: trap
; O2-NOT: strlen
; O2: ret void
define void @fits(ptr %s) {
  %buf = alloca [16 x i8]
  call ptr @strcpy(ptr %buf, ptr @short)
  call ptr @strncpy(ptr %buf, ptr %s, i64 16)
  call void @use(ptr %buf)
  ret void
}
; O2-LABEL: define {{.*}}void @may_not_fit(
; O2: call i64 @strlen(ptr {{.*}}%s)
; O2: icmp ugt i64 %{{[0-9a-z.]+}}, 15
; O2: call void @llvm.trap()
define void @may_not_fit(ptr %s) {
  %buf = alloca [16 x i8]
  call ptr @strcpy(ptr %buf, ptr %s)
  call void @use(ptr %buf)
  ret void
}

@short = private constant [6 x i8] c"hello\00"
declare void @use(ptr)
