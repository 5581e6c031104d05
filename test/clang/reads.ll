; Over-reads (level 2 and up, unless reads=off), bounded by the whole object
; the argument points into (never a subobject):
;  - Length: memcpy's source, write, fwrite (size * nmemb, product not
;    computed): n > size before the call;
;  - LengthUntilMatch: memchr(s, c, n) with n > size stops only if
;    memchr(s, c, size) finds nothing;
;  - StringResult: after strlen(s) = r, stop if r >= size (size known);
;    after strnlen(s, n) = r, if min(r + 1, n) > size; nothing if unused;
;  - String: strchr(s, c) stops first if strnlen(s, size) == size.
; RUN: %opt -load-pass-plugin %clang-plugin -passes=fortify -S %s | FileCheck %s
; RUN: %opt -load-pass-plugin %clang-plugin -passes='fortify<reads=off>' -S %s | FileCheck %s --check-prefix=OFF
; RUN: env FORTIFY_PLUGIN_OPTIONS=reads=off %opt -load-pass-plugin %clang-plugin -passes=fortify -S %s | FileCheck %s --check-prefix=OFF
; RUN: %opt -load-pass-plugin %clang-plugin -passes='fortify<level=1>' -S %s | FileCheck %s --check-prefix=OFF
; RUN: %opt -load-pass-plugin %clang-plugin -passes='fortify,default<O2>' -S %s | FileCheck %s --check-prefix=O2
; RUN: not %opt -load-pass-plugin %clang-plugin -passes='fortify<reads=maybe>' -disable-output %s 2>&1 | FileCheck %s --check-prefix=BAD
; BAD: error: invalid fortify pass parameter 'reads=maybe': reads must be on or off

target datalayout = "e-m:e-p270:32:32-p271:32:32-p272:64:64-i64:64-i128:128-f80:128-n8:16:32:64-S128"
target triple = "x86_64-pc-linux-gnu"

%struct.two = type { [8 x i8], [8 x i8] }

declare ptr @memcpy(ptr, ptr, i64)
declare i64 @write(i32, ptr, i64)
declare i64 @fwrite(ptr, i64, i64, ptr)
declare ptr @memchr(ptr, i32, i64)
declare i64 @strlen(ptr)
declare i64 @strnlen(ptr, i64)
declare ptr @strchr(ptr, i32)
declare void @use(ptr)

; memcpy: the destination write, then the source read.
; CHECK-LABEL: define void @lengths(
; CHECK: call i64 @llvm.objectsize.i64.p0(ptr %d,
; CHECK: [[S:%[0-9]+]] = call i64 @llvm.objectsize.i64.p0(ptr %s, i1 false, i1 true, i1 false)
; CHECK-NEXT: [[C:%[0-9]+]] = icmp ugt i64 %n, [[S]]
; CHECK-NEXT: br i1 [[C]], label %[[TRAP:[0-9]+]], label %{{[0-9]+}}, !prof
; CHECK: [[TRAP]]:
; CHECK-NEXT: call void @__fortify_fail(ptr @fortify.site{{[.0-9]*}}, i64 %n, i64 [[S]])
; CHECK: call ptr @memcpy(ptr %d, ptr %s, i64 %n), !fortify.checked
; write(fd, buf, n): arg 1 read for n bytes; nothing written.
; CHECK: [[S2:%[0-9]+]] = call i64 @llvm.objectsize.i64.p0(ptr %s,
; CHECK-NEXT: icmp ugt i64 %n, [[S2]]
; CHECK: call i64 @write(i32 1, ptr %s, i64 %n), !fortify.checked
; fwrite(ptr, size, nmemb, f): size * nmemb, guarded by size != -1.
; CHECK: [[S3:%[0-9]+]] = call i64 @llvm.objectsize.i64.p0(ptr %s,
; CHECK-NEXT: icmp ne i64 [[S3]], -1
; CHECK: [[NZ:%[0-9]+]] = icmp ne i64 %m, 0
; CHECK-NEXT: [[DIV:%[0-9]+]] = select i1 [[NZ]], i64 %m, i64 1
; CHECK-NEXT: [[PER:%[0-9]+]] = udiv i64 [[S3]], [[DIV]]
; CHECK-NEXT: [[GT:%[0-9]+]] = icmp ugt i64 %n, [[PER]]
; CHECK-NEXT: and i1 [[NZ]], [[GT]]
; CHECK: call i64 @fwrite(ptr %s, i64 %n, i64 %m, ptr %f), !fortify.checked
; memchr(s, c, n) stops at a match: only a bound past the object is
; questioned, by the same call bounded by the object, which must find one.
; CHECK: [[S4:%[0-9]+]] = call i64 @llvm.objectsize.i64.p0(ptr %s,
; CHECK-NEXT: [[PAST:%[0-9]+]] = icmp ugt i64 %n, [[S4]]
; CHECK-NEXT: br i1 [[PAST]], label %[[RESCAN:[0-9]+]], label %[[CALL:[0-9]+]]
; CHECK: [[RESCAN]]:
; CHECK-NEXT: [[M:%[0-9]+]] = call ptr @memchr(ptr %s, i32 0, i64 [[S4]]), !fortify.checked
; CHECK-NEXT: [[NONE:%[0-9]+]] = icmp eq ptr [[M]], null
; CHECK-NEXT: br i1 [[NONE]], label %[[TRAP4:[0-9]+]], label %{{[0-9]+}}, !prof
; CHECK: [[TRAP4]]:
; CHECK-NEXT: call void @__fortify_fail(ptr @fortify.site{{[.0-9]*}}, i64 %n, i64 [[S4]])
; CHECK: [[CALL]]:
; CHECK-NEXT: call ptr @memchr(ptr %s, i32 0, i64 %n), !fortify.checked
define void @lengths(ptr %d, ptr %s, i64 %n, i64 %m, ptr %f) {
  call ptr @memcpy(ptr %d, ptr %s, i64 %n)
  call i64 @write(i32 1, ptr %s, i64 %n)
  call i64 @fwrite(ptr %s, i64 %n, i64 %m, ptr %f)
  call ptr @memchr(ptr %s, i32 0, i64 %n)
  ret void
}

; CHECK-LABEL: define i64 @results(
; CHECK: [[R:%[0-9a-z]+]] = call i64 @strlen(ptr %s), !fortify.checked
; CHECK-NEXT: [[S:%[0-9]+]] = call i64 @llvm.objectsize.i64.p0(ptr %s, i1 false, i1 true, i1 false)
; CHECK-NEXT: [[READ:%[0-9]+]] = add i64 [[R]], 1
; CHECK-NEXT: [[K:%[0-9]+]] = icmp ne i64 [[S]], -1
; CHECK-NEXT: [[GT:%[0-9]+]] = icmp ugt i64 [[READ]], [[S]]
; CHECK-NEXT: [[C:%[0-9]+]] = and i1 [[K]], [[GT]]
; CHECK-NEXT: br i1 [[C]], label %[[TRAP:[0-9]+]], label %{{[0-9]+}}, !prof
; CHECK: [[TRAP]]:
; CHECK-NEXT: call void @__fortify_fail(ptr @fortify.site{{[.0-9]*}}, i64 [[READ]], i64 [[S]])
; strnlen(s, n): min(r + 1, n) bytes were read.
; CHECK: [[R2:%[0-9a-z]+]] = call i64 @strnlen(ptr %s, i64 %n), !fortify.checked
; CHECK-NEXT: [[S2:%[0-9]+]] = call i64 @llvm.objectsize.i64.p0(ptr %s,
; CHECK-NEXT: [[P:%[0-9]+]] = add i64 [[R2]], 1
; CHECK-NEXT: [[MIN:%[0-9]+]] = call i64 @llvm.umin.i64(i64 [[P]], i64 %n)
; CHECK-NEXT: [[K2:%[0-9]+]] = icmp ne i64 [[S2]], -1
; CHECK-NEXT: [[GT2:%[0-9]+]] = icmp ugt i64 [[MIN]], [[S2]]
; CHECK-NEXT: and i1 [[K2]], [[GT2]]
; An unused result is not checked.
; CHECK: call i64 @strlen(ptr %s), !fortify.checked
; CHECK-NEXT: add i64 %a, %b
define i64 @results(ptr %s, i64 %n) {
  %a = call i64 @strlen(ptr %s)
  %b = call i64 @strnlen(ptr %s, i64 %n)
  call i64 @strlen(ptr %s)
  %c = add i64 %a, %b
  ret i64 %c
}

; CHECK-LABEL: define ptr @string(
; CHECK: [[S:%[0-9]+]] = call i64 @llvm.objectsize.i64.p0(ptr %s, i1 false, i1 true, i1 false)
; CHECK-NEXT: [[K:%[0-9]+]] = icmp ne i64 [[S]], -1
; CHECK-NEXT: br i1 [[K]], label %[[KNOWN:[0-9]+]], label %{{[0-9]+}}
; CHECK: [[KNOWN]]:
; CHECK-NEXT: [[L:%[0-9]+]] = call i64 @strnlen(ptr %s, i64 [[S]]), !fortify.checked
; CHECK-NEXT: [[C:%[0-9]+]] = icmp eq i64 [[L]], [[S]]
; CHECK-NEXT: br i1 [[C]], label %[[TRAP:[0-9]+]], label %{{[0-9]+}}, !prof
; strnlen(s, size) == size: size + 1 bytes would be read.
; CHECK: [[TRAP]]:
; CHECK-NEXT: [[N:%[0-9]+]] = add i64 [[L]], 1
; CHECK-NEXT: call void @__fortify_fail(ptr @fortify.site{{[.0-9]*}}, i64 [[N]], i64 [[S]])
; CHECK: call ptr @strchr(ptr %s, i32 %c), !fortify.checked
define ptr @string(ptr %s, i32 %c) {
  %r = call ptr @strchr(ptr %s, i32 %c)
  ret ptr %r
}

; Reads are bounded by the whole object, not the member: reading s.a for
; 16 bytes stays inside s.
; CHECK-LABEL: define void @whole_object(
; CHECK: call i64 @llvm.objectsize.i64.p0(ptr %s, i1 false, i1 true, i1 false)
; CHECK-NOT: umin
; CHECK: call i64 @write(
define void @whole_object(%struct.two* %t) {
  %s = getelementptr inbounds %struct.two, ptr %t, i64 0, i32 0
  call i64 @write(i32 1, ptr %s, i64 16)
  ret void
}

; OFF-NOT: call i64 @llvm.objectsize.i64.p0(ptr %s
; OFF-NOT: strnlen(ptr %s, i64 %{{[0-9]+}})

; After -O2: unknown sizes leave nothing (no strnlen for strchr either);
; reads that provably fit leave nothing; too long a read always stops.
; O2-LABEL: define {{.*}}@lengths(
; O2-NOT: trap
; O2: ret void
; O2-LABEL: define {{.*}}@results(
; O2-NOT: trap
; O2: ret i64
; O2-LABEL: define {{.*}}@string(
; O2-NOT: strnlen
; O2-NOT: trap
; O2: ret ptr
; O2-LABEL: define {{.*}}void @known(
; O2-NOT: trap
; O2: ret void
; O2-LABEL: define {{.*}}void @too_long(
; O2: call void @llvm.trap()
; O2-NEXT: unreachable
define void @known(i64 %n) {
  %buf = alloca [16 x i8]
  %t = alloca %struct.two
  call void @use(ptr %buf)
  call i64 @write(i32 1, ptr %buf, i64 16)
  call i64 @write(i32 1, ptr %t, i64 16)
  ret void
}
define void @too_long() {
  %buf = alloca [16 x i8]
  call void @use(ptr %buf)
  call i64 @write(i32 1, ptr %buf, i64 17)
  ret void
}
