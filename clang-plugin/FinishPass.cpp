// The finishing pass (FortifyFinishPass, OptimizerLastEP): only once
// optimisation is over can it be told what became of each site, and the
// failure markers must stay markers until then. It runs the steps in their
// order; each step lives in its own file.
#include "FortifyPass.h"
#include "Strings.h"
#include "ChkCalls.h"
#include "DecisionLog.h"
#include "DynamicSizes.h"
#include "LibcFortify.h"
#include "LinkTimeSizes.h"
#include "MarkerLowering.h"
#include "PluginOptions.h"
#include "ProvenProblemDiagnostics.h"
#include "SiteTable.h"
#include "Sites.h"
#include "UnfoldedSizes.h"
#include "UnitReport.h"
#include "UsableSizes.h"

#include "llvm/ADT/SmallVector.h"
#include "llvm/IR/Constants.h"
#include "llvm/IR/InstrTypes.h"
#include "llvm/IR/Module.h"

#include <vector>

using namespace llvm;

namespace fortify_llvm {
using fortify::SiteStatus;

PreservedAnalyses FortifyFinishPass::run(Module &module, ModuleAnalysisManager &analyses) {
  ActiveFacts active(facts_.get());
  FunctionAnalysisManager &functions =
      analyses.getResult<FunctionAnalysisManagerModuleProxy>(module).getManager();
  const bool finished = module.getNamedMetadata(kFinishedMetadata) != nullptr;

  // 0. Full LTO: the queries the probe kept from LowerConstantIntrinsics
  // are llvm.objectsize again, for the link to fold (LinkTimeSizes.cpp).
  bool changed = restoreKeptSizes(module);

  // The checks' level-3 queries become dynamic, if the probe (which
  // switches them after inlining) did not run: `opt -passes=fortify,
  // fortify-finish` (DynamicSizes.cpp). After LowerConstantIntrinsics
  // there is nothing left to switch.
  changed |= switchToDynamicSizes(module);

  // 1. Sizes still unfolded (-O0, optnone functions, the ThinLTO and, kept
  // above, the full LTO pre-link pipelines): probe them and, at -O0, lower
  // them as LowerConstantIntrinsics would, so that a check that folds leaves
  // no code.
  changed |= probeAndLowerUnfoldedSizes(module, functions, lowerSizes_);
  // Probed: the placeholders hiding the sizes of blocks the program asks
  // malloc_usable_size about become their pointers again (UsableSizes.h).
  changed |= removeBlockPlaceholders(module);

  // 2. What survived: a failure path with constant sizes that do not fit
  // always fails when reached; any other is a run-time check. So does a
  // __*_chk call the C library's check was given a known size for.
  // mode=chk: an entry point with nothing to check is the plain call; its
  // site then has the status of a library check that folded away (the
  // probe saw whether its size was known).
  changed |= plainUnneededChkCalls(module);
  if (!finished)
    observeLibcChecks(module, functions, kLibcSeenFinal);
  fortify::SiteTable table;
  loadSites(module, table);
  std::vector<CallBase *> markers;
  for (Function &function : module) {
    if (function.isDeclaration())
      continue;
    SmallVector<CallBase *, 8> calls;
    failureCalls(function, calls);
    for (CallBase *call : calls) {
      SmallVector<StringRef, 2> texts;
      descriptorTexts(call->getArgOperand(0), texts);
      auto *needed = dyn_cast<ConstantInt>(call->getArgOperand(1));
      auto *available = dyn_cast<ConstantInt>(call->getArgOperand(2));
      for (StringRef text : texts) {
        fortify::SiteFacts *state = table.findOrDecode(view(text));
        if (!state)
          continue;
        state->pluginCheck = true;
        // A failure path shared by several sites proves nothing about one.
        SiteStatus status =
            statusOf(*call, state->descriptor, needed, available, texts.size() != 1);
        state->observeCheck(status);
        // Once per site, however many copies inlining or unrolling made.
        if (status == SiteStatus::Overflow && !state->diagnosed && !finished) {
          auto value = [](const ConstantInt *number) {
            return number ? number->getZExtValue() : uint64_t(0);
          };
          diagnoseOverflow(*call, state->descriptor, value(needed), value(available),
                           options_.werror);
          state->diagnosed = true;
        }
      }
      if (isFailMarker(*call))
        markers.push_back(call);
    }
  }

  // The C library's checks given constant sizes that cannot fit: proven as
  // the plugin's own would be.
  SmallVector<ProvenLibcOverflow, 4> provenByLibc;
  provenLibcOverflows(module, provenByLibc);
  for (const ProvenLibcOverflow &overflow : provenByLibc) {
    fortify::SiteFacts *state = table.findOrDecode(view(overflow.descriptor));
    if (!state)
      continue;
    state->observeLibcOverflow();
    if (!state->diagnosed && !finished) {
      diagnoseOverflow(*overflow.call, state->descriptor, overflow.needed, overflow.available,
                       options_.werror);
      state->diagnosed = true;
    }
  }

  // 3. The markers become what the mode says; __fortify_report calls stay
  // (the runtime's entry point).
  changed |= lowerFailMarkers(module, options_, markers);

  if (finished)
    return changed ? PreservedAnalyses::none() : PreservedAnalyses::all();

  // 4. What the sites became, counted and traced (DecisionLog.h); the
  // coverage records and the note; once per module.
  table.settleSharedQueries();
  fortify::Counters counters;
  counters.count(table);
  publishCounters(counters, options_);
  if (tracing(options_))
    for (const auto &[text, site] : table.sites())
      traceStream() << "fortify: " << fortify::traceSite(site) << "\n";
  writeUnitReport(module, options_, table, facts_ ? facts_->libcLevel : 0);
  for (const char *name : {kSitesMetadata, kUnknownMetadata, kLibcSeenMetadata})
    if (NamedMDNode *list = module.getNamedMetadata(name))
      module.eraseNamedMetadata(list);
  module.getOrInsertNamedMetadata(kFinishedMetadata);
  return PreservedAnalyses::none();
}

void FortifyFinishPass::printPipeline(raw_ostream &out,
                                      function_ref<StringRef(StringRef)> passNameOf) {
  printPass(out, passNameOf(name()), kFinishPassName, {options_, lowerSizes_});
}

}  // namespace fortify_llvm
