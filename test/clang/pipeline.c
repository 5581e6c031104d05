// Where the three passes run, at every -O level and in the LTO pre-link
// pipelines: instrumentation at PipelineStartEP; the probe at
// OptimizerEarlyEP, after inlining and before LowerConstantIntrinsics folds
// the object sizes; the finishing pass at OptimizerLastEP. In the ThinLTO
// pre-link pipeline sizes fold after linking: nothing folds them before the
// finishing pass (which therefore leaves them to the link). At -O0 no pass
// folds them: the finishing pass lowers them itself. LLVM 14 refuses -flto,
// and has no OptimizerEarlyEP: the probe runs after rpo-function-attrs
// (llvm-compat.h), and is added at OptimizerLastEP too, where it skips a
// module it probed.
// RUN: %clang-fortify -O2 -c %s -o /dev/null -Xclang -fdebug-pass-manager 2>&1 | FileCheck %s --check-prefixes=CHECK,FOLD
// RUN: %clang-fortify -O1 -c %s -o /dev/null -Xclang -fdebug-pass-manager 2>&1 | FileCheck %s --check-prefixes=CHECK,FOLD
// RUN: %if llvm-ge-15 %{ %clang-fortify -O2 -flto -c %s -o /dev/null -Xclang -fdebug-pass-manager 2>&1 | FileCheck %s --check-prefixes=CHECK,FOLD %}
// RUN: %if llvm-ge-15 %{ %clang-fortify -O2 -flto=thin -c %s -o /dev/null -Xclang -fdebug-pass-manager 2>&1 | FileCheck %s --check-prefixes=%if llvm-ge-16 %{CHECK,NOFOLD%} %else %{THIN15%} %}
// RUN: %clang-fortify -O0 -c %s -o /dev/null -Xclang -fdebug-pass-manager 2>&1 | FileCheck %s --check-prefixes=CHECK,NOFOLD
// RUN: %if llvm-ge-15 %{ %clang-fortify -O0 -flto=thin -c %s -o /dev/null -Xclang -fdebug-pass-manager 2>&1 | FileCheck %s --check-prefixes=CHECK,NOFOLD %}
// CHECK: Running pass: fortify_llvm::FortifyPass on [module]
// FOLD: Running pass: InlinerPass on (inlined{{(\.sized\.0)?}})
// CHECK: Running pass: fortify_llvm::FortifyProbePass on [module]
// FOLD: Running pass: LowerConstantIntrinsicsPass on caller
// NOFOLD-NOT: LowerConstantIntrinsicsPass
// CHECK: Running pass: fortify_llvm::FortifyFinishPass on [module]
// CHECK-NOT: fortify_llvm::
// LLVM 15's ThinLTO pre-link pipeline calls no OptimizerEarlyEP callback
// (16 does): the finishing pass switches the level-3 queries itself, as in
// pipelines without the probe; nothing folds sizes before the link anyway.
// THIN15: Running pass: fortify_llvm::FortifyPass on [module]
// THIN15-NOT: fortify_llvm::FortifyProbePass
// THIN15: Running pass: fortify_llvm::FortifyFinishPass on [module]
// THIN15-NOT: fortify_llvm::
#include <string.h>

void sink(void *);

static void inlined(char *d, const char *s, size_t n) { memcpy(d, s, n); }

void caller(const char *s, size_t n) {
  char b[8];
  inlined(b, s, n);
  sink(b);
}
