; Only calls to the C library are checked: a function with internal linkage,
; a call with the wrong number of arguments (an unprototyped or different
; function of the same name), indirect calls and C++ functions with mangled
; names are left alone. A definition with external linkage is the C function
; itself (a program that provides strlcpy): checked. So is an inline
; definition (available_externally or always_inline) that does not call the
; C library's checked entry points: checked at its call as the function it
; defines, its body never instrumented (LibcFortify.h handles those that do).
; RUN: %opt -load-pass-plugin %clang-plugin -passes=fortify -S %s | FileCheck %s
; CHECK-LABEL: define void @f(
; CHECK-NOT: objectsize
; CHECK: call ptr @strcpy(
; CHECK-NOT: objectsize
; CHECK: call {{.*}}@llvm.objectsize
; CHECK: call ptr @memmove({{.*}}!fortify.checked
; CHECK: call i64 @llvm.objectsize.i64.p0(ptr %d,
; CHECK: call i64 @llvm.objectsize.i64.p0(ptr %s,
; CHECK: call ptr @memcpy({{.*}}!fortify.checked
; CHECK: call i64 @llvm.objectsize.i64.p0(ptr %d,
; CHECK: call ptr @memset({{.*}}!fortify.checked
; CHECK-NOT: objectsize
; CHECK: ret void
; RUN: %opt -load-pass-plugin %clang-plugin -passes=fortify -S %s | FileCheck %s --check-prefix=BODY
; BODY-LABEL: define available_externally ptr @memcpy(
; BODY-NEXT: ret ptr %d
; BODY-LABEL: define ptr @memset(
; BODY-NEXT: ret ptr %d

target datalayout = "e-m:e-p270:32:32-p271:32:32-p272:64:64-i64:64-i128:128-f80:128-n8:16:32:64-S128"
target triple = "x86_64-pc-linux-gnu"

declare ptr @strcat(ptr)
declare ptr @_Z6strcpyPcPKc(ptr, ptr)

define internal ptr @strcpy(ptr %d, ptr %s) {
  ret ptr %d
}

define ptr @memmove(ptr %d, ptr %s, i64 %n) {
  ret ptr %d
}

define available_externally ptr @memcpy(ptr %d, ptr %s, i64 %n) {
  ret ptr %d
}

define ptr @memset(ptr %d, i32 %c, i64 %n) alwaysinline {
  ret ptr %d
}

define void @f(ptr %d, ptr %s, i64 %n, ptr %fn) {
  call ptr @strcpy(ptr %d, ptr %s)
  call ptr @memmove(ptr %d, ptr %s, i64 %n)
  call ptr @memcpy(ptr %d, ptr %s, i64 %n)
  call ptr @memset(ptr %d, i32 0, i64 %n)
  call ptr @strcat(ptr %d)
  call ptr @_Z6strcpyPcPKc(ptr %d, ptr %s)
  call ptr %fn(ptr %d, ptr %s, i64 %n)
  ret void
}
