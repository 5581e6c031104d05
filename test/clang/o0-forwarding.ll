; At -O0 (optnone) locals live in allocas and no mem2reg runs, so the pass
; hands llvm.objectsize the value a single-store, non-escaping local holds,
; rebuilding pointer arithmetic on it: `char *p = malloc(n); char *q = p + 4;
; memcpy(q, ...)` is sized from the malloc, and `p = realloc(p, n)` from the
; realloc (the last store before the load in its block). Slots whose address
; escapes, or written on several paths, are left as they are.
; RUN: %opt -load-pass-plugin %clang-plugin -passes=fortify -S %s | FileCheck %s

target datalayout = "e-m:e-p270:32:32-p271:32:32-p272:64:64-i64:64-i128:128-f80:128-n8:16:32:64-S128"
target triple = "x86_64-pc-linux-gnu"

declare ptr @malloc(i64)
declare ptr @realloc(ptr, i64)
declare void @llvm.memcpy.p0.p0.i64(ptr, ptr, i64, i1)
declare void @escape(ptr)

; CHECK-LABEL: define void @forwarded(
; CHECK: [[M:%[0-9a-z.]+]] = call ptr @malloc(i64 %size)
; CHECK: [[Q:%[0-9a-z.]+]] = load ptr, ptr %q.addr
; CHECK: [[G:%[0-9a-z.]+]] = getelementptr inbounds i8, ptr [[M]], i64 4
; CHECK-NEXT: call i64 @llvm.objectsize.i64.p0(ptr [[G]], i1 false, i1 true, i1 true)
; CHECK: call void @llvm.memcpy.p0.p0.i64(ptr [[Q]],
define void @forwarded(i64 %size, ptr %s, i64 %n) noinline optnone {
  %p.addr = alloca ptr
  %q.addr = alloca ptr
  %m = call ptr @malloc(i64 %size)
  store ptr %m, ptr %p.addr
  %p = load ptr, ptr %p.addr
  %q.init = getelementptr inbounds i8, ptr %p, i64 4
  store ptr %q.init, ptr %q.addr
  %q = load ptr, ptr %q.addr
  call void @llvm.memcpy.p0.p0.i64(ptr %q, ptr %s, i64 %n, i1 false)
  ret void
}

; CHECK-LABEL: define void @last_store_in_block(
; CHECK: [[M2:%[0-9a-z.]+]] = call ptr @realloc(
; CHECK: call i64 @llvm.objectsize.i64.p0(ptr [[M2]],
define void @last_store_in_block(ptr %s, i64 %n) noinline optnone {
  %p.addr = alloca ptr
  %m1 = call ptr @malloc(i64 4)
  store ptr %m1, ptr %p.addr
  %old = load ptr, ptr %p.addr
  %m2 = call ptr @realloc(ptr %old, i64 %n)
  store ptr %m2, ptr %p.addr
  %p = load ptr, ptr %p.addr
  call void @llvm.memcpy.p0.p0.i64(ptr %p, ptr %s, i64 %n, i1 false)
  ret void
}

; CHECK-LABEL: define void @not_forwarded(
; CHECK: [[A:%[0-9a-z.]+]] = load ptr, ptr %twice
; CHECK-NEXT: call i64 @llvm.objectsize.i64.p0(ptr [[A]],
; CHECK: [[B:%[0-9a-z.]+]] = load ptr, ptr %escapes
; CHECK-NEXT: call i64 @llvm.objectsize.i64.p0(ptr [[B]],
define void @not_forwarded(i1 %c, ptr %s, i64 %n) noinline optnone {
  %twice = alloca ptr
  %escapes = alloca ptr
  %m1 = call ptr @malloc(i64 16)
  store ptr %m1, ptr %twice
  br i1 %c, label %then, label %join
then:
  %m2 = call ptr @malloc(i64 32)
  store ptr %m2, ptr %twice
  br label %join
join:
  %a = load ptr, ptr %twice
  call void @llvm.memcpy.p0.p0.i64(ptr %a, ptr %s, i64 %n, i1 false)
  store ptr %m1, ptr %escapes
  call void @escape(ptr %escapes)
  %b = load ptr, ptr %escapes
  call void @llvm.memcpy.p0.p0.i64(ptr %b, ptr %s, i64 %n, i1 false)
  ret void
}

; The store must dominate the load: here it happens on one path only.
; CHECK-LABEL: define void @not_dominating(
; CHECK: [[L:%[0-9a-z.]+]] = load ptr, ptr %slot
; CHECK-NEXT: call i64 @llvm.objectsize.i64.p0(ptr [[L]],
define void @not_dominating(i1 %c, ptr %s, i64 %n) noinline optnone {
  %slot = alloca ptr
  br i1 %c, label %then, label %join
then:
  %m = call ptr @malloc(i64 16)
  store ptr %m, ptr %slot
  br label %join
join:
  %l = load ptr, ptr %slot
  call void @llvm.memcpy.p0.p0.i64(ptr %l, ptr %s, i64 %n, i1 false)
  ret void
}
