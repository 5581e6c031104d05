; Constant flags with O_CREAT (or O_TMPFILE) and no mode argument are a
; compile-time error at the call.
; RUN: not %opt -load-pass-plugin %clang-plugin -passes=fortify -disable-output %s 2>&1 | FileCheck %s
; CHECK: error: {{.*}}in function create {{.*}}: 'open' is called with O_CREAT or O_TMPFILE and no mode [fortify]
; CHECK-NOT: error:

target datalayout = "e-m:e-p270:32:32-p271:32:32-p272:64:64-i64:64-i128:128-f80:128-n8:16:32:64-S128"
target triple = "x86_64-pc-linux-gnu"

declare i32 @open(ptr, i32, ...)

define i32 @create(ptr %p) {
  ; O_WRONLY | O_CREAT
  %r = call i32 (ptr, i32, ...) @open(ptr %p, i32 65)
  ret i32 %r
}
