; Lengths with a second factor (fread's size * nmemb) and wide elements are
; compared without computing the product:
;   size != -1 && count != 0 && length > (size / elementSize) / count,
; so a product that wraps is caught. Wide string kinds measure with wcslen
; and wcsnlen, in elements.
; RUN: %opt -load-pass-plugin %clang-plugin -passes=fortify -S %s | FileCheck %s
; RUN: %opt -load-pass-plugin %clang-plugin -passes='fortify,default<O2>' -S %s 2>%t.err | FileCheck %s --check-prefix=O2
; RUN: FileCheck %s --check-prefix=WARN --implicit-check-not=warning: < %t.err
; WARN: warning: {{.*}}in function wraps {{.*}}: 'fread' writes 18446744073709551615 bytes into a region of size 16 [fortify]

target datalayout = "e-m:e-p270:32:32-p271:32:32-p272:64:64-i64:64-i128:128-f80:128-n8:16:32:64-S128"
target triple = "x86_64-pc-linux-gnu"

declare i64 @fread(ptr, i64, i64, ptr)
declare ptr @wmemcpy(ptr, ptr, i64)
declare ptr @wcscpy(ptr, ptr)
declare ptr @wcscat(ptr, ptr)
declare ptr @wcsncat(ptr, ptr, i64)
declare i32 @swprintf(ptr, i64, ptr, ...)
declare void @use(ptr)

; CHECK-LABEL: define i64 @count(
; CHECK: [[S:%[0-9]+]] = call i64 @llvm.objectsize.i64.p0(ptr %d, i1 false, i1 true, i1 false)
; CHECK-NEXT: [[K:%[0-9]+]] = icmp ne i64 [[S]], -1
; CHECK-NEXT: br i1 [[K]], label %[[KNOWN:[0-9]+]], label %[[CALL:[0-9]+]]
; CHECK: [[KNOWN]]:
; CHECK-NEXT: [[NZ:%[0-9]+]] = icmp ne i64 %m, 0
; CHECK-NEXT: [[DIV:%[0-9]+]] = select i1 [[NZ]], i64 %m, i64 1
; CHECK-NEXT: [[PER:%[0-9]+]] = udiv i64 [[S]], [[DIV]]
; CHECK-NEXT: [[GT:%[0-9]+]] = icmp ugt i64 %n, [[PER]]
; CHECK-NEXT: [[STOP:%[0-9]+]] = and i1 [[NZ]], [[GT]]
; CHECK-NEXT: br i1 [[STOP]], label %[[TRAP:[0-9]+]], label %{{[0-9]+}}, !prof
; The failure path names the bytes fread would write, n * m, saturating
; at SIZE_MAX instead of wrapping.
; CHECK: [[TRAP]]:
; CHECK-NEXT: [[NZ2:%[0-9]+]] = icmp ne i64 %m, 0
; CHECK-NEXT: [[DIV2:%[0-9]+]] = select i1 [[NZ2]], i64 %m, i64 1
; CHECK-NEXT: [[LIMIT:%[0-9]+]] = udiv i64 -1, [[DIV2]]
; CHECK-NEXT: [[WRAPS:%[0-9]+]] = icmp ugt i64 %n, [[LIMIT]]
; CHECK-NEXT: [[PRODUCT:%[0-9]+]] = mul i64 %n, %m
; CHECK-NEXT: [[NEEDED:%[0-9]+]] = select i1 [[WRAPS]], i64 -1, i64 [[PRODUCT]]
; CHECK-NEXT: call void @__fortify_fail(ptr @fortify.site{{[.0-9]*}}, i64 [[NEEDED]], i64 [[S]])
; CHECK-NEXT: unreachable
; CHECK: [[CALL]]:
; CHECK-NEXT: call i64 @fread(ptr %d, i64 %n, i64 %m, ptr %f), !fortify.checked
define i64 @count(ptr %d, i64 %n, i64 %m, ptr %f) {
  %r = call i64 @fread(ptr %d, i64 %n, i64 %m, ptr %f)
  ret i64 %r
}

; wmemcpy: n > size / 4 (the destination), then the source read the same way.
; CHECK-LABEL: define ptr @wide_length(
; CHECK: [[S:%[0-9]+]] = call i64 @llvm.objectsize.i64.p0(ptr %d,
; CHECK-NEXT: icmp ne i64 [[S]], -1
; CHECK: [[E:%[0-9]+]] = udiv i64 [[S]], 4
; CHECK-NEXT: icmp ugt i64 %n, [[E]]
; CHECK: [[SS:%[0-9]+]] = call i64 @llvm.objectsize.i64.p0(ptr %s,
; CHECK-NEXT: icmp ne i64 [[SS]], -1
; CHECK: [[ES:%[0-9]+]] = udiv i64 [[SS]], 4
; CHECK-NEXT: icmp ugt i64 %n, [[ES]]
; CHECK: call ptr @wmemcpy(ptr %d, ptr %s, i64 %n), !fortify.checked
define ptr @wide_length(ptr %d, ptr %s, i64 %n) {
  %r = call ptr @wmemcpy(ptr %d, ptr %s, i64 %n)
  ret ptr %r
}

; wcscpy: size != -1 && wcslen(src) >= size / 4.
; CHECK-LABEL: define ptr @wide_copy(
; CHECK: [[S:%[0-9]+]] = call i64 @llvm.objectsize.i64.p0(ptr %d,
; CHECK-NEXT: icmp ne i64 [[S]], -1
; CHECK: [[E:%[0-9]+]] = udiv i64 [[S]], 4
; CHECK-NEXT: [[L:%[0-9]+]] = call i64 @wcslen(ptr %s), !fortify.checked
; CHECK-NEXT: icmp uge i64 [[L]], [[E]]
; CHECK-NOT: strlen
; CHECK: call ptr @wcscpy(ptr %d, ptr %s), !fortify.checked
define ptr @wide_copy(ptr %d, ptr %s) {
  %r = call ptr @wcscpy(ptr %d, ptr %s)
  ret ptr %r
}

; wcscat: wcslen(dst) + wcslen(src) >= size / 4.
; CHECK-LABEL: define ptr @wide_append(
; CHECK: [[E:%[0-9]+]] = udiv i64 %{{[0-9]+}}, 4
; CHECK-NEXT: [[L1:%[0-9]+]] = call i64 @wcslen(ptr %d), !fortify.checked
; CHECK-NEXT: [[L2:%[0-9]+]] = call i64 @wcslen(ptr %s), !fortify.checked
; CHECK-NEXT: [[T:%[0-9]+]] = add i64 [[L1]], [[L2]]
; CHECK-NEXT: icmp uge i64 [[T]], [[E]]
define ptr @wide_append(ptr %d, ptr %s) {
  %r = call ptr @wcscat(ptr %d, ptr %s)
  ret ptr %r
}

; wcsncat: wcslen(dst) + wcsnlen(src, n) >= size / 4.
; CHECK-LABEL: define ptr @wide_append_bounded(
; CHECK: [[E:%[0-9]+]] = udiv i64 %{{[0-9]+}}, 4
; CHECK-NEXT: [[L1:%[0-9]+]] = call i64 @wcslen(ptr %d), !fortify.checked
; CHECK-NEXT: [[L2:%[0-9]+]] = call i64 @wcsnlen(ptr %s, i64 %n), !fortify.checked
; CHECK-NEXT: [[T:%[0-9]+]] = add i64 [[L1]], [[L2]]
; CHECK-NEXT: icmp uge i64 [[T]], [[E]]
define ptr @wide_append_bounded(ptr %d, ptr %s, i64 %n) {
  %r = call ptr @wcsncat(ptr %d, ptr %s, i64 %n)
  ret ptr %r
}

; swprintf is variadic: any number of arguments after the fixed three.
; CHECK-LABEL: define i32 @variadic(
; CHECK: [[E:%[0-9]+]] = udiv i64 %{{[0-9]+}}, 4
; CHECK-NEXT: icmp ugt i64 %n, [[E]]
; CHECK: call i32 (ptr, i64, ptr, ...) @swprintf(ptr %d, i64 %n, ptr %f, i32 1, i32 2), !fortify.checked
define i32 @variadic(ptr %d, i64 %n, ptr %f) {
  %r = call i32 (ptr, i64, ptr, ...) @swprintf(ptr %d, i64 %n, ptr %f, i32 1, i32 2)
  ret i32 %r
}

; Declarations the checks call.
; CHECK: declare i64 @wcslen(ptr)
; CHECK: declare i64 @wcsnlen(ptr, i64)

; After -O2: an unknown size leaves nothing behind (no division, no wcslen).
; O2-LABEL: define {{.*}}@count(
; O2-NOT: udiv
; O2-NOT: trap
; O2: ret i64
; O2-LABEL: define {{.*}}@wide_copy(
; O2-NOT: wcslen
; O2-NOT: trap
; O2: ret ptr
; A product that wraps (2^62 * 4 elements of 1 byte = 0 mod 2^64) is still
; caught, at compile time here; one that fits leaves nothing.
; O2-LABEL: define {{.*}}void @wraps(
; O2: call void @llvm.trap()
; O2-LABEL: define {{.*}}void @fits(
; O2-NOT: trap
; O2: ret void
define void @wraps(ptr %f) {
  %buf = alloca [16 x i8]
  call i64 @fread(ptr %buf, i64 4611686018427387904, i64 4, ptr %f)
  call void @use(ptr %buf)
  ret void
}
define void @fits(ptr %f) {
  %buf = alloca [16 x i8]
  call i64 @fread(ptr %buf, i64 4, i64 4, ptr %f)
  call i64 @fread(ptr %buf, i64 1, i64 16, ptr %f)
  call i64 @fread(ptr %buf, i64 100, i64 0, ptr %f)
  call ptr @wmemcpy(ptr %buf, ptr %buf, i64 4)
  call void @use(ptr %buf)
  ret void
}
