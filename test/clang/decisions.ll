; What the passes decided, told as LLVM's passes tell it (DecisionLog.h):
; the `stats` parameter prints the counters per kind of check (calls seen,
; checks emitted, sites by status) in -stats format when opt exits, and
; `trace` a line per call decision (kinds, route, the record of each check)
; and, from the finishing pass, a line per site. The counters are also LLVM
; statistics (test/clang/stats.c): Debian's LLVM 19 has none (`opt -stats`
; says "Statistics are disabled") nor -debug-only, hence the parameters.
; RUN: %opt -load-pass-plugin %clang-plugin -passes='fortify<stats;trace>,fortify-probe,lower-constant-intrinsics,instcombine,simplifycfg,fortify-finish<trace>' -disable-output %s 2> %t.err
; RUN: FileCheck %s --check-prefix=TRACE < %t.err
; RUN: FileCheck %s --check-prefix=SITES < %t.err
; RUN: FileCheck %s --check-prefix=STATS < %t.err
; Any pass with `stats` prints the counters of all of them, once, at exit.
; RUN: %opt -load-pass-plugin %clang-plugin -passes='fortify,fortify-probe,lower-constant-intrinsics,instcombine,simplifycfg,fortify-finish<stats>' -disable-output %s 2>&1 \
; RUN:   | FileCheck %s --check-prefix=STATS --implicit-check-not='fortify:'
; RUN: env FORTIFY_PLUGIN_OPTIONS=stats %opt -load-pass-plugin %clang-plugin -passes='default<O2>' -disable-output %s 2>&1 \
; RUN:   | FileCheck %s --check-prefix=DEFAULT --implicit-check-not='fortify:'
; Neither: nothing.
; RUN: %opt -load-pass-plugin %clang-plugin -passes='fortify,fortify-probe,fortify-finish' -disable-output %s 2>&1 | count 0
; The instrumentation alone: calls and checks.
; RUN: %opt -load-pass-plugin %clang-plugin -passes='fortify<stats>' -disable-output %s 2>&1 \
; RUN:   | FileCheck %s --check-prefix=INSTRUMENTATION --implicit-check-not=sites

; TRACE:      fortify: memcpy at {{.*}}decisions.ll in copy (copy-length, read-length): direct: write=check, read=check
; TRACE-NEXT: fortify: memcpy at {{.*}}decisions.ll in fits (copy-length, read-length): direct: write=check, read=check
; TRACE-NEXT: fortify: strcpy at {{.*}}decisions.ll in string (copy-string): direct: write=check
; TRACE-NEXT: fortify: printf at {{.*}}decisions.ll in literal (format): direct: format=safe
; TRACE-NEXT: fortify: printf at {{.*}}decisions.ll in format (format): direct: format=check
; TRACE-NEXT: fortify: strlen at {{.*}}decisions.ll in other (read-string-result): not-libc: no site
; TRACE-NEXT: fortify: memcpy at {{.*}}decisions.ll in out (copy-length, read-length): no_fortify: write=none

; SITES-DAG: fortify: format printf at {{.*}}decisions.ll in format: checked by plugin
; SITES-DAG: fortify: format printf at {{.*}}decisions.ll in literal: safe by plugin
; SITES-DAG: fortify: read memcpy at {{.*}}decisions.ll in copy: unknown
; SITES-DAG: fortify: read memcpy at {{.*}}decisions.ll in fits: unknown
; SITES-DAG: fortify: write memcpy at {{.*}}decisions.ll in copy: checked by plugin
; SITES-DAG: fortify: write memcpy at {{.*}}decisions.ll in fits: safe by plugin
; SITES-DAG: fortify: write memcpy at {{.*}}decisions.ll in out: unknown
; SITES-DAG: fortify: write strcpy at {{.*}}decisions.ll in string: checked by plugin

; The same counters as GCC's for the same calls (test/gcc-shape/decisions.c).
; STATS:      ===-------------------------------------------------------------------------===
; STATS-NEXT:                           ... Statistics Collected ...
; STATS-NEXT: ===-------------------------------------------------------------------------===
; STATS-EMPTY:
; STATS-NEXT: 3 fortify - copy-length calls seen
; STATS-NEXT: 2 fortify - copy-length checks emitted
; STATS-NEXT: 1 fortify - copy-length sites folded (safe)
; STATS-NEXT: 1 fortify - copy-length sites checked at run time
; STATS-NEXT: 1 fortify - copy-length sites of unknown size
; STATS-NEXT: 1 fortify - copy-string calls seen
; STATS-NEXT: 1 fortify - copy-string checks emitted
; STATS-NEXT: 1 fortify - copy-string sites checked at run time
; STATS-NEXT: 2 fortify - format calls seen
; STATS-NEXT: 1 fortify - format checks emitted
; STATS-NEXT: 1 fortify - format sites folded (safe)
; STATS-NEXT: 1 fortify - format sites checked at run time
; STATS-NEXT: 2 fortify - read-length calls seen
; STATS-NEXT: 2 fortify - read-length checks emitted
; STATS-NEXT: 2 fortify - read-length sites of unknown size
; STATS-EMPTY:

; DEFAULT: Statistics Collected
; DEFAULT: 3 fortify - copy-length calls seen

; INSTRUMENTATION: 3 fortify - copy-length calls seen
; INSTRUMENTATION: 2 fortify - read-length checks emitted

target datalayout = "e-m:e-p270:32:32-p271:32:32-p272:64:64-i64:64-i128:128-f80:128-n8:16:32:64-S128"
target triple = "x86_64-pc-linux-gnu"

@buf = global [8 x i8] zeroinitializer
@text = private constant [4 x i8] c"%d\0A\00"

declare void @llvm.memcpy.p0.p0.i64(ptr, ptr, i64, i1)
declare ptr @strcpy(ptr, ptr)
declare i32 @printf(ptr, ...)

define void @copy(ptr %s, i64 %n) {
  call void @llvm.memcpy.p0.p0.i64(ptr @buf, ptr %s, i64 %n, i1 false)
  ret void
}

define void @fits(ptr %s) {
  call void @llvm.memcpy.p0.p0.i64(ptr @buf, ptr %s, i64 4, i1 false)
  ret void
}

define void @string(ptr %s) {
  %r = call ptr @strcpy(ptr @buf, ptr %s)
  ret void
}

define void @literal() {
  %r = call i32 (ptr, ...) @printf(ptr @text, i32 1)
  ret void
}

define void @format(ptr %f) {
  %r = call i32 (ptr, ...) @printf(ptr %f, i32 1)
  ret void
}

declare i64 @strlen(i64)

define i64 @other(i64 %x) {
  %r = call i64 @strlen(i64 %x)
  ret i64 %r
}

@no_fortify = private unnamed_addr constant [11 x i8] c"no_fortify\00", section "llvm.metadata"
@file = private unnamed_addr constant [4 x i8] c"x.c\00", section "llvm.metadata"
@llvm.global.annotations = appending global [1 x { ptr, ptr, ptr, i32, ptr }] [{ ptr, ptr, ptr, i32, ptr } { ptr @out, ptr @no_fortify, ptr @file, i32 1, ptr null }], section "llvm.metadata"

define void @out(ptr %s, i64 %n) {
  call void @llvm.memcpy.p0.p0.i64(ptr @buf, ptr %s, i64 %n, i1 false)
  ret void
}
