; sprintf and vsprintf (FormattedWrite): with a known destination size the
; call goes through the bounded sibling (snprintf, vsnprintf) with the size
; inserted after the destination, and stops when the output did not fit
; (r >= 0 && r >= size); its result replaces the original's. With an
; unknown size the original call is made unchanged.
; RUN: %opt -load-pass-plugin %clang-plugin -passes=fortify -S %s | FileCheck %s
; RUN: %opt -load-pass-plugin %clang-plugin -passes='fortify,default<O2>' -S %s | FileCheck %s --check-prefix=O2
; Twice: the sibling call is never checked again.
; RUN: %opt -load-pass-plugin %clang-plugin -passes=fortify -S %s -o %t.once.ll
; RUN: %opt -load-pass-plugin %clang-plugin -passes=fortify,fortify -S %s -o %t.twice.ll
; RUN: diff %t.once.ll %t.twice.ll

target datalayout = "e-m:e-p270:32:32-p271:32:32-p272:64:64-i64:64-i128:128-f80:128-n8:16:32:64-S128"
target triple = "x86_64-pc-linux-gnu"

declare i32 @sprintf(ptr, ptr, ...)
declare i32 @vsprintf(ptr, ptr, ptr)
declare void @use(ptr)

@fmt = private constant [6 x i8] c"%s-%d\00"

; CHECK-LABEL: define i32 @formatted(
; CHECK: [[S:%[0-9]+]] = call i64 @llvm.objectsize.i64.p0(ptr %d, i1 false, i1 true, i1 false)
; CHECK-NEXT: [[K:%[0-9]+]] = icmp ne i64 [[S]], -1
; CHECK-NEXT: br i1 [[K]], label %[[BOUNDED:[0-9]+]], label %[[PLAIN:[0-9]+]]
; CHECK: [[BOUNDED]]:
; CHECK-NEXT: [[R:%[0-9]+]] = call i32 (ptr, i64, ptr, ...) @snprintf(ptr noundef %d, i64 noundef [[S]], ptr noundef @fmt, ptr noundef %s, i32 noundef %x) [[ATTRS:#[0-9]+]], !fortify.checked
; CHECK-NEXT: [[RS:%[0-9]+]] = zext i32 [[R]] to i64
; CHECK-NEXT: [[NONNEG:%[0-9]+]] = icmp sge i32 [[R]], 0
; CHECK-NEXT: [[LONG:%[0-9]+]] = icmp uge i64 [[RS]], [[S]]
; CHECK-NEXT: [[STOP:%[0-9]+]] = and i1 [[NONNEG]], [[LONG]]
; CHECK-NEXT: br i1 [[STOP]], label %[[TRAP:[0-9]+]], label %[[FITS:[0-9]+]], !prof
; The output needed r + 1 bytes.
; CHECK: [[TRAP]]:
; CHECK-NEXT: [[NEEDED:%[0-9]+]] = add i64 [[RS]], 1
; CHECK-NEXT: call void @__fortify_fail(ptr @fortify.site{{[.0-9]*}}, i64 [[NEEDED]], i64 [[S]])
; CHECK-NEXT: unreachable
; CHECK: [[FITS]]:
; CHECK-NEXT: br label %[[JOIN:[0-9]+]]
; CHECK: [[PLAIN]]:
; CHECK-NEXT: %r = call i32 (ptr, ptr, ...) @sprintf(ptr noundef %d, ptr noundef @fmt, ptr noundef %s, i32 noundef %x) [[ATTRS]], !fortify.checked
; CHECK-NEXT: br label %[[JOIN]]
; CHECK: [[JOIN]]:
; CHECK-NEXT: [[M:%[0-9]+]] = phi i32 [ [[R]], %[[FITS]] ], [ %r, %[[PLAIN]] ]
; CHECK-NEXT: ret i32 [[M]]
; A literal format is not scanned for %n.
; CHECK-NOT: format_has_n
define i32 @formatted(ptr %d, ptr %s, i32 %x) {
  %r = call i32 (ptr, ptr, ...) @sprintf(ptr noundef %d, ptr noundef @fmt, ptr noundef %s, i32 noundef %x) #0
  ret i32 %r
}

; vsprintf: vsnprintf(d, size, fmt, ap); its format is not a literal, so it
; is scanned for %n first (level 2 and up).
; CHECK-LABEL: define i32 @vformatted(
; CHECK: call i1 @fortify.format_has_n(ptr %f), !fortify.checked
; CHECK: [[S:%[0-9]+]] = call i64 @llvm.objectsize.i64.p0(ptr %d,
; CHECK: [[R:%[0-9]+]] = call i32 @vsnprintf(ptr %d, i64 noundef [[S]], ptr %f, ptr %ap), !fortify.checked
; CHECK: %r = call i32 @vsprintf(ptr %d, ptr %f, ptr %ap), !fortify.checked
; CHECK: phi i32 [ [[R]], %{{[0-9]+}} ], [ %r, %{{[0-9]+}} ]
define i32 @vformatted(ptr %d, ptr %f, ptr %ap) {
  %r = call i32 @vsprintf(ptr %d, ptr %f, ptr %ap)
  ret i32 %r
}

; An unused result needs no phi.
; CHECK-LABEL: define void @unused(
; CHECK: call i32 (ptr, i64, ptr, ...) @snprintf(
; CHECK: call i32 (ptr, ptr, ...) @sprintf(
; CHECK-NOT: phi
; CHECK: ret void
define void @unused(ptr %d, ptr %s, i32 %x) {
  call i32 (ptr, ptr, ...) @sprintf(ptr %d, ptr @fmt, ptr %s, i32 %x)
  ret void
}

; CHECK: declare i32 @snprintf(ptr, i64, ptr, ...)
; CHECK: declare i32 @vsnprintf(ptr, i64, ptr, ptr)
; CHECK: attributes [[ATTRS]] = { nounwind }

; After -O2: an unknown size keeps sprintf alone; a known one leaves only
; snprintf and the comparison with the size.
; O2-LABEL: define {{.*}}i32 @formatted(
; O2-NOT: snprintf
; O2-NOT: trap
; O2: [[R:%[0-9a-z]+]] = {{.*}}call i32 (ptr, ptr, ...) @sprintf(ptr noundef {{.*}}%d,
; O2-NEXT: ret i32 [[R]]
; O2-LABEL: define {{.*}}i32 @known(
; O2-NOT: @sprintf
; O2: [[R:%[0-9]+]] = {{.*}}call i32 (ptr, i64, ptr, ...) @snprintf(ptr noundef {{.*}}%buf, i64 noundef 8, ptr noundef nonnull @fmt,
; O2-NEXT: icmp sgt i32 [[R]], 7
; O2: call void @llvm.trap()
; O2-NOT: @sprintf
; O2: ret i32 [[R]]
define i32 @known(ptr %s, i32 %x) {
  %buf = alloca [8 x i8]
  %r = call i32 (ptr, ptr, ...) @sprintf(ptr noundef %buf, ptr noundef @fmt, ptr noundef %s, i32 noundef %x) #0
  call void @use(ptr %buf)
  ret i32 %r
}

attributes #0 = { nounwind }
