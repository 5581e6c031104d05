; %n checks (level 2 and up): a format that is not a string literal is
; scanned by fortify.format_has_n, defined once per module, and the program
; stops if it holds a %n conversion. Literal formats (constant globals, also
; at a constant offset) are left alone, as are formats at level 1.
; RUN: %opt -load-pass-plugin %clang-plugin -passes=fortify -S %s | FileCheck %s
; RUN: %opt -load-pass-plugin %clang-plugin -passes='fortify<level=1>' -S %s | FileCheck %s --check-prefix=L1
; RUN: %opt -load-pass-plugin %clang-plugin -passes='fortify,default<O2>' -S %s | FileCheck %s --check-prefix=O2
; Twice: the scanner is defined once and its call never checked again.
; RUN: %opt -load-pass-plugin %clang-plugin -passes=fortify,fortify -S %s | FileCheck %s --check-prefix=TWICE
; TWICE-COUNT-1: define internal {{.*}}@fortify.format_has_n(
; TWICE-NOT: define internal {{.*}}@fortify.format_has_n

target datalayout = "e-m:e-p270:32:32-p271:32:32-p272:64:64-i64:64-i128:128-f80:128-n8:16:32:64-S128"
target triple = "x86_64-pc-linux-gnu"

declare i32 @printf(ptr, ...)
declare i32 @fprintf(ptr, ptr, ...)
declare i32 @snprintf(ptr, i64, ptr, ...)
declare void @syslog(i32, ptr, ...)

@literal = private unnamed_addr constant [6 x i8] c"a%nb\0A\00"
@writable = global [4 x i8] c"%n\0A\00"

; CHECK-LABEL: define void @literal_formats(
; CHECK-NOT: format_has_n
; CHECK: call i32 (ptr, ...) @printf(ptr @literal, ptr %x)
; CHECK-NOT: format_has_n
; CHECK: call i32 (ptr, ...) @printf(ptr getelementptr inbounds ([6 x i8], ptr @literal, i64 0, i64 1), ptr %x)
; CHECK-NEXT: ret void
define void @literal_formats(ptr %x) {
  call i32 (ptr, ...) @printf(ptr @literal, ptr %x)
  call i32 (ptr, ...) @printf(ptr getelementptr inbounds ([6 x i8], ptr @literal, i64 0, i64 1), ptr %x)
  ret void
}

; CHECK-LABEL: define void @other_formats(
; CHECK: [[N1:%[0-9]+]] = call i1 @fortify.format_has_n(ptr %f), !fortify.checked
; CHECK-NEXT: br i1 [[N1]], label %[[TRAP1:[0-9]+]], label %{{[0-9]+}}, !prof
; CHECK: [[TRAP1]]:
; CHECK-NEXT: call void @__fortify_fail(ptr @fortify.site{{[.0-9]*}}, i64 0, i64 0)
; CHECK: call i32 (ptr, ...) @printf(ptr %f, i32 1), !fortify.checked
; A writable global is no literal.
; CHECK: call i1 @fortify.format_has_n(ptr @writable)
; CHECK: call i32 (ptr, ptr, ...) @fprintf(ptr %out, ptr @writable, ptr %x)
; snprintf: the format is checked, then the bound.
; CHECK: call i1 @fortify.format_has_n(ptr %f)
; CHECK: call i64 @llvm.objectsize.i64.p0(ptr %d,
; CHECK: call i32 (ptr, i64, ptr, ...) @snprintf(ptr %d, i64 %n, ptr %f)
; CHECK: call i1 @fortify.format_has_n(ptr %f)
; CHECK: call void (i32, ptr, ...) @syslog(i32 3, ptr %f)
define void @other_formats(ptr %f, ptr %out, ptr %x, ptr %d, i64 %n) {
  call i32 (ptr, ...) @printf(ptr %f, i32 1)
  call i32 (ptr, ptr, ...) @fprintf(ptr %out, ptr @writable, ptr %x)
  call i32 (ptr, i64, ptr, ...) @snprintf(ptr %d, i64 %n, ptr %f)
  call void (i32, ptr, ...) @syslog(i32 3, ptr %f)
  ret void
}

; The scanner: null has no %n; "%" then flags, digits, '.', '*', '$' and
; length modifiers, then 'n'; "%%" is a literal percent.
; CHECK-LABEL: define internal i1 @fortify.format_has_n(ptr nocapture readonly %0)
; CHECK: icmp eq ptr %0, null
; CHECK: switch i8 %{{[0-9]+}}, label %text [
; CHECK-NEXT: i8 0, label %none
; CHECK-NEXT: i8 37, label %spec
; CHECK: switch i8 %{{[0-9]+}}, label %spec_end [
; CHECK-NEXT: i8 0, label %none
; CHECK-NEXT: i8 110, label %found
; CHECK: none:
; CHECK-NEXT: ret i1 false
; CHECK: found:
; CHECK-NEXT: ret i1 true

; L1-NOT: format_has_n

; O2-LABEL: define {{.*}}void @literal_formats(
; O2-NOT: format_has_n
; O2: ret void
; O2-LABEL: define {{.*}}void @other_formats(
; O2: call {{.*}}i1 @fortify.format_has_n(ptr %f)
; O2-LABEL: define internal {{.*}}i1 @fortify.format_has_n(
