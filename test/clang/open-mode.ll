; open without a mode argument: flags that may ask for O_CREAT or O_TMPFILE
; stop at run time; with a mode argument nothing is checked. Constant flags
; asking for them are a compile-time error (open-mode-error.ll).
; RUN: %opt -load-pass-plugin %clang-plugin -passes=fortify -S %s | FileCheck %s
; RUN: %opt -load-pass-plugin %clang-plugin -passes='fortify,default<O2>' -S %s | FileCheck %s --check-prefix=O2
; The flags' values are the target's (common/rules.cpp, openFlagsNeedingMode):
; O_CREAT | O_TMPFILE is 0x200 | 0x2000000 on sparc, 0x100 | 020000000 on mips.
; RUN: sed -e 's/x86_64-pc-linux-gnu/sparc64-unknown-linux-gnu/' -e '/^target datalayout/d' %s | %opt -load-pass-plugin %clang-plugin -passes=fortify -S | FileCheck %s --check-prefix=SPARC
; RUN: sed -e 's/x86_64-pc-linux-gnu/mips64el-unknown-linux-gnuabi64/' -e '/^target datalayout/d' %s | %opt -load-pass-plugin %clang-plugin -passes=fortify -S | FileCheck %s --check-prefix=MIPS
; SPARC-LABEL: define i32 @runtime_flags(
; SPARC: and i32 %flags, 33554944
; MIPS-LABEL: define i32 @runtime_flags(
; MIPS: and i32 %flags, 4194560

target datalayout = "e-m:e-p270:32:32-p271:32:32-p272:64:64-i64:64-i128:128-f80:128-n8:16:32:64-S128"
target triple = "x86_64-pc-linux-gnu"

declare i32 @open(ptr, i32, ...)
declare i32 @openat(i32, ptr, i32, ...)

; (flags & (O_CREAT | __O_TMPFILE)) != 0, 0100 | 020000000.
; CHECK-LABEL: define i32 @runtime_flags(
; CHECK: [[M:%[0-9]+]] = and i32 %flags, 4194368
; CHECK-NEXT: [[C:%[0-9]+]] = icmp ne i32 [[M]], 0
; CHECK-NEXT: br i1 [[C]], label %[[TRAP:[0-9]+]], label %{{[0-9]+}}, !prof
; CHECK: [[TRAP]]:
; CHECK-NEXT: call void @__fortify_fail(ptr @fortify.site{{[.0-9]*}}, i64 0, i64 0)
; CHECK: call i32 (ptr, i32, ...) @open(ptr %p, i32 %flags), !fortify.checked
; openat: the flags are its third argument.
; CHECK: [[M2:%[0-9]+]] = and i32 %flags, 4194368
; CHECK-NEXT: icmp ne i32 [[M2]], 0
; CHECK: call i32 (i32, ptr, i32, ...) @openat(i32 3, ptr %p, i32 %flags), !fortify.checked
; CHECK-NEXT: ret i32
define i32 @runtime_flags(ptr %p, i32 %flags) {
  %a = call i32 (ptr, i32, ...) @open(ptr %p, i32 %flags)
  %b = call i32 (i32, ptr, i32, ...) @openat(i32 3, ptr %p, i32 %flags)
  ret i32 %b
}

; With a mode, or with constant flags that need none: nothing.
; CHECK-LABEL: define void @no_check(
; CHECK-NOT: and i32
; CHECK-NOT: __fortify_fail
; CHECK: call i32 (ptr, i32, ...) @open(ptr %p, i32 %flags, i32 420)
; CHECK-NOT: __fortify_fail
; CHECK: call i32 (ptr, i32, ...) @open(ptr %p, i32 577, i32 420)
; CHECK-NOT: __fortify_fail
; CHECK: call i32 (ptr, i32, ...) @open(ptr %p, i32 2)
; CHECK-NEXT: ret void
define void @no_check(ptr %p, i32 %flags) {
  call i32 (ptr, i32, ...) @open(ptr %p, i32 %flags, i32 420)
  call i32 (ptr, i32, ...) @open(ptr %p, i32 577, i32 420)
  call i32 (ptr, i32, ...) @open(ptr %p, i32 2)
  ret void
}

; O2-LABEL: define {{.*}}@runtime_flags(
; O2: and i32 %flags, 4194368
; O2: call void @llvm.trap()
; O2-LABEL: define {{.*}}@no_check(
; O2-NOT: trap
; O2: ret void
