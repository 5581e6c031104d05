; Level 3 asks for dynamic sizes, but LLVM's inliner cannot evaluate a
; dynamic llvm.objectsize (it costs the check as if it never folds), so the
; checks' queries stay static until inlining is done (DynamicSizes.cpp): a
; query about an object the function cannot see (a parameter) is emitted
; static and tagged !fortify.dynamic; fortify-probe (OptimizerEarlyEP, after
; the inliner) and fortify-finish switch the tagged queries to dynamic. A
; query about an object the function sees (here malloc(n)) is dynamic at
; once. The program's own llvm.objectsize calls are never touched.
; Without caller sizes, so that the helper's query stays its own
; (test/gaps/caller-sizes-clang.c has the copies).
; LLVM 14 has no allockind or alloc-family attributes (LLVM 15): it knows
; malloc by name, so the input drops them there.
; RUN: %if llvm-ge-15 %{ cp %s %t.ll %} %else %{ sed 's/allockind("[a-z,]*") //; s/ "alloc-family"="malloc"//' %s > %t.ll %}
; RUN: %opt -load-pass-plugin %clang-plugin -passes='fortify<caller-sizes=off>' -S %t.ll | FileCheck %s --check-prefix=INSTR
; RUN: %opt -load-pass-plugin %clang-plugin -passes='fortify<caller-sizes=off>,fortify-probe' -S %t.ll | FileCheck %s --check-prefix=SWITCHED
; RUN: %opt -load-pass-plugin %clang-plugin -passes='fortify<caller-sizes=off>,fortify-finish' -S %t.ll | FileCheck %s --check-prefix=SWITCHED
; RUN: %opt -load-pass-plugin %clang-plugin -passes='fortify<level=2;caller-sizes=off>,fortify-probe' -S %t.ll | FileCheck %s --check-prefix=LEVEL2
; After inlining the helper's query is about malloc(n): once switched, it
; folds to n; left static (no probe, no finishing pass), it folds to -1 and
; the check vanishes.
; RUN: %opt -load-pass-plugin %clang-plugin -passes='fortify<caller-sizes=off>,cgscc(inline),fortify-probe,function(lower-constant-intrinsics,instsimplify)' -S %t.ll | FileCheck %s --check-prefix=FOLDED
; RUN: %opt -load-pass-plugin %clang-plugin -passes='fortify<caller-sizes=off>,cgscc(inline),function(lower-constant-intrinsics,instsimplify)' -S %t.ll | FileCheck %s --check-prefix=NOSWITCH
; As at -O0: the finishing pass switches, then lowers the checks' own sizes.
; RUN: %opt -load-pass-plugin %clang-plugin -passes='fortify<caller-sizes=off>,cgscc(inline),fortify-finish<O0>,function(instsimplify)' -S %t.ll | FileCheck %s --check-prefix=O0

target datalayout = "e-m:e-p270:32:32-p271:32:32-p272:64:64-i64:64-i128:128-f80:128-n8:16:32:64-S128"
target triple = "x86_64-pc-linux-gnu"

; As InferFunctionAttrs declares it (LowerConstantIntrinsics needs allocsize).
declare noalias ptr @malloc(i64) #0
declare void @llvm.memcpy.p0.p0.i64(ptr, ptr, i64, i1)
declare i64 @llvm.objectsize.i64.p0(ptr, i1, i1, i1)

; INSTR-LABEL: define internal void @helper(
; INSTR: call i64 @llvm.objectsize.i64.p0(ptr %d, i1 false, i1 true, i1 false), !fortify.checked [[MD:![0-9]+]], !fortify.dynamic [[MD]]
; The program's own query: no tag.
; INSTR: %own = call i64 @llvm.objectsize.i64.p0(ptr %d, i1 false, i1 true, i1 false){{$}}
; INSTR-LABEL: define i64 @caller(
; INSTR: %p = call ptr @malloc(i64 %n)
; INSTR: call i64 @llvm.objectsize.i64.p0(ptr %p, i1 false, i1 true, i1 true), !fortify.checked [[MD]], !fortify.dynamic [[MD]]

; SWITCHED-LABEL: define internal void @helper(
; SWITCHED: call i64 @llvm.objectsize.i64.p0(ptr %d, i1 false, i1 true, i1 true), !fortify.checked [[MD:![0-9]+]], !fortify.dynamic [[MD]]
; SWITCHED: %own = call i64 @llvm.objectsize.i64.p0(ptr %d, i1 false, i1 true, i1 false){{$}}
; SWITCHED-LABEL: define i64 @caller(
; SWITCHED: call i64 @llvm.objectsize.i64.p0(ptr %p, i1 false, i1 true, i1 true), !fortify.checked [[MD]], !fortify.dynamic [[MD]]

; Level 2: static queries, untagged, never switched.
; LEVEL2-LABEL: define internal void @helper(
; LEVEL2: call i64 @llvm.objectsize.i64.p0(ptr %d, i1 false, i1 true, i1 false), !fortify.checked !{{[0-9]+}}{{$}}
; LEVEL2-LABEL: define i64 @caller(
; LEVEL2: call i64 @llvm.objectsize.i64.p0(ptr %p, i1 false, i1 true, i1 false), !fortify.checked !{{[0-9]+}}{{$}}
; LEVEL2-NOT: i1 true, i1 true)
; LEVEL2-NOT: !fortify.dynamic

; Both copies of the write check compare with n; the program's own static
; query of malloc(n) folds to -1.
; FOLDED-LABEL: define i64 @caller(
; FOLDED: %p = call ptr @malloc(i64 %n)
; FOLDED: icmp ugt i64 %m, %n
; FOLDED: call void @__fortify_fail(ptr @fortify.site.2,
; FOLDED: icmp ugt i64 %m, %n
; FOLDED: call void @__fortify_fail(ptr @fortify.site,
; FOLDED-NOT: llvm.objectsize
; FOLDED: store i64 -1, ptr %own.out

; NOSWITCH-LABEL: define i64 @caller(
; NOSWITCH: %p = call ptr @malloc(i64 %n)
; NOSWITCH: icmp ugt i64 %m, %n
; NOSWITCH: call void @__fortify_fail(ptr @fortify.site.2,
; NOSWITCH-NOT: __fortify_fail
; NOSWITCH: store i64 -1, ptr %own.out

; O0-LABEL: define i64 @caller(
; O0: icmp ugt i64 %m, %n
; O0: call void @llvm.trap()
; O0: icmp ugt i64 %m, %n
; O0: call void @llvm.trap()
; O0: %own.i = call i64 @llvm.objectsize.i64.p0(ptr %p, i1 false, i1 true, i1 false){{$}}

define internal void @helper(ptr %d, ptr %s, i64 %m, ptr %own.out) alwaysinline {
  call void @llvm.memcpy.p0.p0.i64(ptr %d, ptr %s, i64 %m, i1 false)
  %own = call i64 @llvm.objectsize.i64.p0(ptr %d, i1 false, i1 true, i1 false)
  store i64 %own, ptr %own.out
  ret void
}

define i64 @caller(i64 %n, ptr %s, i64 %m) {
  %own.out = alloca i64
  %p = call ptr @malloc(i64 %n)
  call void @llvm.memcpy.p0.p0.i64(ptr %p, ptr %s, i64 %m, i1 false)
  call void @helper(ptr %p, ptr %s, i64 %m, ptr %own.out)
  %own = load i64, ptr %own.out
  ret i64 %own
}

attributes #0 = { allockind("alloc,uninitialized") allocsize(0) "alloc-family"="malloc" }
