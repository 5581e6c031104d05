; The passes' parameters as LLVM's own passes have them: opt
; -print-pipeline-passes prints each pass with every parameter (pass
; parameters over FORTIFY_PLUGIN_OPTIONS), and what it prints parses back to
; the same passes. A bad parameter makes the pipeline fail to parse: the
; plugin says why, opt names the element and exits 1 (LLVM 19's parsing
; callbacks can only refuse a name), no crash. A bad FORTIFY_PLUGIN_OPTIONS
; is one error line, from the pipeline or, in a default pipeline, the pass.
; RUN: %opt -load-pass-plugin %clang-plugin -passes='fortify<level=2;mode=abort;reads=off;werror;report=%t.jsonl;stats;trace>,fortify-probe,fortify-finish<O0;level=1>' \
; RUN:   -print-pipeline-passes -disable-verify -disable-output %s > %t.printed
; RUN: FileCheck %s --check-prefix=PRINTED -DREPORT=%t.jsonl < %t.printed
; RUN: %opt -load-pass-plugin %clang-plugin -passes="$(cat %t.printed)" -print-pipeline-passes -disable-verify -disable-output %s > %t.again
; RUN: diff %t.printed %t.again
; PRINTED: {{^}}fortify<level=2;mode=abort;reads=off;werror;report=[[REPORT]];stats;trace>,fortify-probe,fortify-finish<O0;level=1;mode=trap;reads=on>
;
; Defaults, and the environment under the parameters.
; RUN: %opt -load-pass-plugin %clang-plugin -passes='fortify,fortify-finish' -print-pipeline-passes -disable-verify -disable-output %s \
; RUN:   | FileCheck %s --check-prefix=DEFAULTS
; DEFAULTS: {{^}}fortify<level=3;mode=trap;reads=on>,fortify-finish<level=3;mode=trap;reads=on>
; RUN: env FORTIFY_PLUGIN_OPTIONS="mode=report reads=off" %opt -load-pass-plugin %clang-plugin -passes='fortify<level=1>' \
; RUN:   -print-pipeline-passes -disable-verify -disable-output %s | FileCheck %s --check-prefix=ENVIRONMENT
; ENVIRONMENT: {{^}}fortify<level=1;mode=report;reads=off>
;
; The default pipelines name the passes where the plugin adds them.
; RUN: env FORTIFY_PLUGIN_OPTIONS=level=2 %opt -load-pass-plugin %clang-plugin -passes='default<O2>' -print-pipeline-passes -disable-verify \
; RUN:   -disable-output %s | FileCheck %s --check-prefix=%if llvm-ge-15 %{O2%} %else %{O2-LLVM14%}
; O2: ,fortify<level=2;mode=trap;reads=on>,{{.*}},fortify-probe,{{.*}},fortify-finish<level=2;mode=trap;reads=on>,
; LLVM 14 has no OptimizerEarlyEP: the probe runs from the instrumentation
; before require<globals-aa> (llvm-compat.h), unseen in the pipeline, and is
; at OptimizerLastEP only for pipelines without that point.
; O2-LLVM14: ,fortify<level=2;mode=trap;reads=on>,{{.*}},require<globals-aa>,{{.*}},fortify-probe,fortify-finish<level=2;mode=trap;reads=on>
; RUN: %opt -load-pass-plugin %clang-plugin -passes='default<O0>' -print-pipeline-passes -disable-verify -disable-output %s \
; RUN:   | FileCheck %s --check-prefix=O0
; O0: fortify<level=3;mode=trap;reads=on>,{{.*}}fortify-probe,{{.*}}fortify-finish<O0;level=3;mode=trap;reads=on>
;
; Bad parameters.
; RUN: not %opt -load-pass-plugin %clang-plugin -passes='fortify<colour=red>' -disable-output %s 2>&1 \
; RUN:   | FileCheck %s --check-prefix=UNKNOWN --implicit-check-not=invalid
; UNKNOWN: error: invalid fortify pass parameter 'colour=red'; valid parameters: level=1|2|3, mode=trap|abort|report|chk, reads=on|off, caller-sizes=on|off, werror, report=PATH, stats, trace, size-field=STRUCT.MEMBER:FIELD{{$}}
; UNKNOWN-NEXT: unknown pass name 'fortify<colour=red>'
; RUN: not %opt -load-pass-plugin %clang-plugin -passes='fortify,fortify-finish<level=4>' -disable-output %s 2>&1 \
; RUN:   | FileCheck %s --check-prefix=VALUE --implicit-check-not=invalid
; VALUE: error: invalid fortify-finish pass parameter 'level=4': level must be 1, 2 or 3
; VALUE-NEXT: unknown module pass 'fortify-finish<level=4>'
; RUN: not %opt -load-pass-plugin %clang-plugin -passes='fortify-finish<O1>' -disable-output %s 2>&1 | FileCheck %s --check-prefix=O1
; O1: error: invalid fortify-finish pass parameter 'O1'; valid parameters: O0, level=1|2|3,
; RUN: not %opt -load-pass-plugin %clang-plugin -passes='fortify<O0>' -disable-output %s 2>&1 | FileCheck %s --check-prefix=NOO0
; NOO0: error: invalid fortify pass parameter 'O0'; valid parameters: level=1|2|3,
; RUN: not %opt -load-pass-plugin %clang-plugin -passes='fortify-probe<level=2>' -disable-output %s 2>&1 | FileCheck %s --check-prefix=PROBE
; PROBE: error: invalid fortify-probe pass parameter 'level=2'; it takes none
;
; A bad environment.
; RUN: env FORTIFY_PLUGIN_OPTIONS=colour=red not %opt -load-pass-plugin %clang-plugin -passes=fortify -disable-output %s 2>&1 \
; RUN:   | FileCheck %s --check-prefix=ENVBAD --implicit-check-not=error:
; RUN: env FORTIFY_PLUGIN_OPTIONS=colour=red not %opt -load-pass-plugin %clang-plugin -passes='default<O1>' -disable-output %s 2>&1 \
; RUN:   | FileCheck %s --check-prefix=ENVBAD --implicit-check-not=error:
; ENVBAD: error: fortify: unknown option 'colour=red'; valid options: {{.*}} (in FORTIFY_PLUGIN_OPTIONS)
;
; The class names are registered too: -print-after= finds the pass.
; RUN: %opt -load-pass-plugin %clang-plugin -passes=fortify -print-after=fortify -disable-output %s 2>&1 \
; RUN:   | FileCheck %s --check-prefix=AFTER
; AFTER: IR Dump After {{.*}}fortify
; AFTER: call void @__fortify_fail(

target datalayout = "e-m:e-p270:32:32-p271:32:32-p272:64:64-i64:64-i128:128-f80:128-n8:16:32:64-S128"
target triple = "x86_64-pc-linux-gnu"

declare void @llvm.memcpy.p0.p0.i64(ptr, ptr, i64, i1)

define void @f(ptr %d, ptr %s, i64 %n) {
  call void @llvm.memcpy.p0.p0.i64(ptr %d, ptr %s, i64 %n, i1 false)
  ret void
}
