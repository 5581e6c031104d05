; Closest-subobject sizes for the string functions at level >= 2, derived from
; the typed GEP chain Clang emits for a member access: the pass bounds the
; write by min(llvm.objectsize of the whole object, bytes left in the member).
; RUN: %opt -load-pass-plugin %clang-plugin -passes=fortify -S %s | FileCheck %s
; RUN: %opt -load-pass-plugin %clang-plugin -passes='fortify<level=1>' -S %s | FileCheck %s --check-prefix=LEVEL1
; RUN: %opt -load-pass-plugin %clang-plugin -passes='fortify<level=2>' -S %s | FileCheck %s --check-prefix=LEVEL2

target datalayout = "e-m:e-p270:32:32-p271:32:32-p272:64:64-i64:64-i128:128-f80:128-n8:16:32:64-S128"
target triple = "x86_64-pc-linux-gnu"

%struct.two = type { [8 x i8], [8 x i8] }
%struct.outer = type { i32, %struct.two, i32 }
%struct.creds = type { [20 x i8], [20 x i8] }
%struct.msg = type { i32, [1 x i8], [11 x i8] }
%struct.flex = type { i32, [1 x i8] }
%struct.zero = type { i32, [0 x i8], [4 x i8] }
%struct.has_union = type { i32, %union.u, i32 }
%union.u = type { [16 x i8] }

@global_two = global %struct.two zeroinitializer

declare ptr @strcpy(ptr, ptr)
declare ptr @strncpy(ptr, ptr, i64)
declare ptr @memcpy(ptr, ptr, i64)

; s.a in a local struct: 8 bytes.
; CHECK-LABEL: define void @local_member(
; CHECK: [[M:%[0-9a-z.]+]] = getelementptr inbounds %struct.two, ptr %s, i32 0, i32 0
; CHECK: [[D:%[0-9a-z.]+]] = getelementptr inbounds [8 x i8], ptr [[M]], i64 0, i64 0
; CHECK: [[W:%[0-9a-z.]+]] = call i64 @llvm.objectsize.i64.p0(ptr [[D]], i1 false, i1 true, i1 true)
; CHECK-NEXT: [[N:%[0-9a-z.]+]] = call i64 @llvm.umin.i64(i64 [[W]], i64 8)
; CHECK-NEXT: icmp ne i64 [[N]], -1
; CHECK: call i64 @strlen(ptr %src)
; CHECK: call ptr @strcpy(ptr [[D]], ptr %src)
; LEVEL1-LABEL: define void @local_member(
; LEVEL1-NOT: umin
; LEVEL1: call ptr @strcpy(
define void @local_member(ptr %src) {
  %s = alloca %struct.two
  %a = getelementptr inbounds %struct.two, ptr %s, i32 0, i32 0
  %decay = getelementptr inbounds [8 x i8], ptr %a, i64 0, i64 0
  call ptr @strcpy(ptr %decay, ptr %src)
  ret void
}

; s.b + 3 in a local struct: b is the last member, but of a declared object,
; which nothing can extend: 8 - 3 bytes.
; CHECK-LABEL: define void @local_last_member_offset(
; CHECK: call i64 @llvm.umin.i64(i64 %{{[0-9a-z.]+}}, i64 5)
; CHECK: call ptr @strncpy(
define void @local_last_member_offset(ptr %src, i64 %n) {
  %s = alloca %struct.two
  %b = getelementptr inbounds %struct.two, ptr %s, i32 0, i32 1
  %decay = getelementptr inbounds [8 x i8], ptr %b, i64 0, i64 0
  %p = getelementptr inbounds i8, ptr %decay, i64 3
  call ptr @strncpy(ptr %p, ptr %src, i64 %n)
  ret void
}

; o->in.b through a pointer: b is last in `two` but `in` is not last in
; `outer`, so b is not a trailing array: 8 bytes. Same for a global's member
; written as a constant expression.
; CHECK-LABEL: define void @nested_member(
; CHECK: call i64 @llvm.umin.i64(i64 %{{[0-9a-z.]+}}, i64 8)
; CHECK: call ptr @strcpy(
; CHECK: call i64 @llvm.umin.i64(i64 %{{[0-9a-z.]+}}, i64 8)
; CHECK: call ptr @strcpy(ptr getelementptr inbounds (%struct.two, ptr @global_two, i32 0, i32 1)
define void @nested_member(ptr %o, ptr %src) {
  %in = getelementptr inbounds %struct.outer, ptr %o, i32 0, i32 1
  %b = getelementptr inbounds %struct.two, ptr %in, i32 0, i32 1
  %decay = getelementptr inbounds [8 x i8], ptr %b, i64 0, i64 0
  call ptr @strcpy(ptr %decay, ptr %src)
  call ptr @strcpy(ptr getelementptr inbounds (%struct.two, ptr @global_two, i32 0, i32 1), ptr %src)
  ret void
}

; Through a pointer, a member followed only by byte arrays is narrowed only
; when those cannot be Clang's tail padding (shorter than an alignment that
; divides the struct size): creds.user is followed by 20 bytes in a 40-byte
; struct, so by a real member.
; CHECK-LABEL: define void @pointer_member_before_bytes(
; CHECK: call i64 @llvm.umin.i64(i64 %{{[0-9a-z.]+}}, i64 20)
; CHECK: call ptr @strcpy(
define void @pointer_member_before_bytes(ptr %c, ptr %src) {
  %user = getelementptr inbounds %struct.creds, ptr %c, i32 0, i32 0
  call ptr @strcpy(ptr %user, ptr %src)
  ret void
}

; Element i of an array of structs, then a member: the member still bounds it.
; CHECK-LABEL: define void @array_of_structs(
; CHECK: call i64 @llvm.umin.i64(i64 %{{[0-9a-z.]+}}, i64 20)
; CHECK: call ptr @strcpy(
define void @array_of_structs(ptr %arr, i64 %i, ptr %src) {
  %a = getelementptr inbounds %struct.creds, ptr %arr, i64 %i, i32 0
  call ptr @strcpy(ptr %a, ptr %src)
  ret void
}

; The mem functions are bounded by the whole object, never the member.
; CHECK-LABEL: define void @memcpy_whole_object(
; CHECK-NOT: umin
; CHECK: call ptr @memcpy(
define void @memcpy_whole_object(ptr %src, i64 %n) {
  %s = alloca %struct.two
  %a = getelementptr inbounds %struct.two, ptr %s, i32 0, i32 0
  call ptr @memcpy(ptr %a, ptr %src, i64 %n)
  ret void
}

; Not narrowed: a trailing array reached through a pointer (a flexible array
; in disguise), also when Clang put tail padding after it (msg is
; `struct __attribute__((aligned(16))) { int len; char data[1]; }`), a
; member whose following bytes may be such padding (two.a: a 16-byte struct
; could be { char a[8]; } aligned to 16; without Clang's front end the IR
; cannot tell), a zero-length array wherever it is, a union member, a
; pointer loaded from a local variable, and a reinterpreting GEP over a member.
; CHECK-LABEL: define void @not_narrowed(
; CHECK-NOT: umin
; CHECK: ret void
define void @not_narrowed(ptr %p, ptr %src, i64 %i) {
  %flex = getelementptr inbounds %struct.flex, ptr %p, i32 0, i32 1
  %flex.decay = getelementptr inbounds [1 x i8], ptr %flex, i64 0, i64 0
  call ptr @strcpy(ptr %flex.decay, ptr %src)

  %msg = getelementptr inbounds %struct.msg, ptr %p, i32 0, i32 1
  call ptr @strcpy(ptr %msg, ptr %src)

  %two.a = getelementptr inbounds %struct.two, ptr %p, i32 0, i32 0
  call ptr @strcpy(ptr %two.a, ptr %src)

  %zero = getelementptr inbounds %struct.zero, ptr %p, i32 0, i32 1
  call ptr @strcpy(ptr %zero, ptr %src)

  %u = getelementptr inbounds %struct.has_union, ptr %p, i32 0, i32 1
  %u.member = getelementptr inbounds [4 x i8], ptr %u, i64 0, i64 0
  call ptr @strcpy(ptr %u.member, ptr %src)
  %u.field = getelementptr inbounds %union.u, ptr %u, i32 0, i32 0
  call ptr @strcpy(ptr %u.field, ptr %src)

  %s = alloca %struct.two
  %a = getelementptr inbounds %struct.two, ptr %s, i32 0, i32 0

  %slot = alloca ptr
  store ptr %a, ptr %slot
  %loaded = load ptr, ptr %slot
  call ptr @strcpy(ptr %loaded, ptr %src)

  %cast = getelementptr inbounds %struct.flex, ptr %a, i32 0, i32 0
  call ptr @strcpy(ptr %cast, ptr %src)
  ret void
}

; A variable index inside the member: the bytes left are computed at run
; time at level 3 (8 - i when 0 <= i <= 8, else the whole object bounds it),
; as GCC's __builtin_dynamic_object_size does; not narrowed at level 2.
; CHECK-LABEL: define void @variable_index(
; CHECK: [[I:%[0-9a-z.]+]] = mul i64 %i, 1
; CHECK-NEXT: [[OFF:%[0-9a-z.]+]] = add i64 0, [[I]]
; CHECK-NEXT: [[LEFT:%[0-9a-z.]+]] = sub i64 8, [[OFF]]
; CHECK-NEXT: [[IN:%[0-9a-z.]+]] = icmp ule i64 [[OFF]], 8
; CHECK-NEXT: [[LIMIT:%[0-9a-z.]+]] = select i1 [[IN]], i64 [[LEFT]], i64 -1
; CHECK-NEXT: call i64 @llvm.umin.i64(i64 %{{[0-9a-z.]+}}, i64 [[LIMIT]])
; CHECK: call ptr @strcpy(
; LEVEL2-LABEL: define void @variable_index(
; LEVEL2-NOT: umin
; LEVEL2: ret void
define void @variable_index(ptr %src, i64 %i) {
  %s = alloca %struct.two
  %a = getelementptr inbounds %struct.two, ptr %s, i32 0, i32 0
  %a.i = getelementptr inbounds [8 x i8], ptr %a, i64 0, i64 %i
  call ptr @strcpy(ptr %a.i, ptr %src)
  ret void
}

; A local struct's trailing [1] array is bounded (nothing can be allocated
; past a declared object), as Clang does for __builtin_object_size(s.t, 1).
; CHECK-LABEL: define void @local_trailing(
; CHECK: call i64 @llvm.umin.i64(i64 %{{[0-9a-z.]+}}, i64 1)
define void @local_trailing(ptr %src) {
  %s = alloca %struct.flex
  %t = getelementptr inbounds %struct.flex, ptr %s, i32 0, i32 1
  call ptr @strcpy(ptr %t, ptr %src)
  ret void
}
