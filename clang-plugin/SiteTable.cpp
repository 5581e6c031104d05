// What the Clang plugin reads off its IR for the shared site model: the
// records of the module, and the structure around a surviving failure path.
#include "SiteTable.h"
#include "Strings.h"
#include "LibcFortify.h"
#include "SharedQueries.h"
#include "Sites.h"

#include "llvm/IR/CFG.h"
#include "llvm/IR/Constants.h"
#include "llvm/IR/DebugLoc.h"
#include "llvm/IR/Dominators.h"
#include "llvm/IR/Instructions.h"
#include "llvm/IR/IntrinsicInst.h"
#include "llvm/IR/InstrTypes.h"
#include "llvm/IR/Metadata.h"
#include "llvm/IR/Module.h"

#include <string_view>

using namespace llvm;

namespace fortify_llvm {
namespace {

using fortify::SiteStatus;


// Whether the marker's block is still entered through its check's own test
// (the branch the emitter tagged, or one at the marker's very location). On
// the failure path the optimisers substitute what the path condition
// implies (a length known to be 1 or 2 fails `size < len + 1` with size 2
// only as len = 2): constant sizes there prove nothing while the test is
// there. Only a test that folded makes the failure certain once reached.
bool guardedByItsCheck(const CallBase &marker) {
  unsigned checkKind = marker.getContext().getMDKindID(kCheckBranchMetadata);
  const DebugLoc &where = marker.getDebugLoc();
  const BasicBlock *block = marker.getParent();
  for (unsigned depth = 0; block && depth < 8; ++depth) {
    const BasicBlock *single = nullptr;
    unsigned count = 0;
    for (const BasicBlock *predecessor : predecessors(block)) {
      const Instruction *terminator = predecessor->getTerminator();
      bool conditional = terminator->getNumSuccessors() > 1;
      if (conditional && (terminator->getMetadata(checkKind) ||
                          (where && terminator->getDebugLoc() == where)))
        return true;
      single = !conditional ? predecessor : nullptr;
      ++count;
    }
    // Through a chain of blocks entered unconditionally.
    block = count == 1 ? single : nullptr;
  }
  return false;
}

// Whether the call survives on a path that does not end in this failure:
// jump threading copies a check into the paths of the program's own branch
// (`n = b ? 2 : 4; memcpy(buf3, s, n)`), and the copy on one path may fold
// to "fails" while the call still runs, fitting, on the other; the call
// then does not always overflow. A store or call at the call's location in
// a block that does not dominate the failure is such a path; the copies
// that do dominate it (earlier iterations of an unrolled loop) lead to it.
bool callSurvivesElsewhere(const CallBase &marker) {
  const DebugLoc &where = marker.getDebugLoc();
  if (!where)
    return false;
  const Function &function = *marker.getFunction();
  DominatorTree dominators(const_cast<Function &>(function));
  const BasicBlock *failure = marker.getParent();
  for (const BasicBlock &block : function) {
    if (&block == failure || dominators.dominates(&block, failure))
      continue;
    for (const Instruction &instruction : block) {
      if (instruction.getDebugLoc() != where)
        continue;
      if (isa<StoreInst>(instruction))
        return true;
      const auto *call = dyn_cast<CallBase>(&instruction);
      const auto *intrinsic = dyn_cast_or_null<IntrinsicInst>(call);
      bool sizeQuery = intrinsic && intrinsic->getIntrinsicID() == Intrinsic::objectsize;
      if (call && !isFailureCall(*call) && !sizeQuery)
        return true;
    }
  }
  return false;
}

}  // namespace

void loadSites(Module &module, fortify::SiteTable &table) {
  if (NamedMDNode *list = module.getNamedMetadata(kSitesMetadata))
    for (MDNode *node : list->operands()) {
      if (node->getNumOperands() != 2)
        continue;
      auto *text = dyn_cast<MDString>(node->getOperand(0));
      auto *kind = dyn_cast<MDString>(node->getOperand(1));
      if (!text || !kind)
        continue;
      fortify::SiteFacts *state = table.findOrDecode(view(text->getString()));
      if (!state)
        continue;
      StringRef name = kind->getString();
      if (name == kKindCheck)
        state->pluginCheck = true;
      else if (name == kKindLibc)
        state->libcUnobservable = true;
      else if (name == kKindLibcCheck)
        state->libcCheck = true;
      else if (name == kKindSafe)
        state->provenSafe = true;
      else if (name == kKindOverflow)
        state->provenOverflow = true;
      else if (name == kKindNone)
        state->noCheck = true;
    }
  if (NamedMDNode *list = module.getNamedMetadata(kLibcSeenMetadata))
    for (MDNode *node : list->operands()) {
      if (node->getNumOperands() != 3)
        continue;
      auto *text = dyn_cast<MDString>(node->getOperand(0));
      auto *by = dyn_cast<MDString>(node->getOperand(1));
      auto *stage = dyn_cast<MDString>(node->getOperand(2));
      fortify::Fortifier knew = fortify::Fortifier::None;
      const bool someone = by && view(by->getString()) == kLibcKnownBySomeone;
      if (!text || !by || !stage ||
          (!someone && !fortify::parseFortifier(view(by->getString()), knew)))
        continue;
      fortify::SiteFacts *state = table.findOrDecode(view(text->getString()));
      if (!state)
        continue;
      // "known": a size was, but folding merged the two so that whose is
      // no longer visible.
      if (someone)
        knew = fortify::Fortifier::Both;
      if (stage->getString() == kLibcSeenFinal)
        state->observeLibcCheckSurvives(knew != fortify::Fortifier::None);
      state->observeLibcSizes(knew);
    }
  // (descriptor, reason, copies); a module of an older plugin: (descriptor).
  if (NamedMDNode *list = module.getNamedMetadata(kUnknownMetadata))
    for (MDNode *node : list->operands()) {
      auto *text = node->getNumOperands() ? dyn_cast<MDString>(node->getOperand(0)) : nullptr;
      fortify::SiteFacts *state = text ? table.findOrDecode(view(text->getString())) : nullptr;
      if (!state)
        continue;
      state->pluginCheck = true;
      state->observeCheck(SiteStatus::Unknown);
      auto *reason = node->getNumOperands() == 3 ? dyn_cast<MDString>(node->getOperand(1)) : nullptr;
      auto *copies = node->getNumOperands() == 3 ? dyn_cast<MDString>(node->getOperand(2)) : nullptr;
      fortify::UnknownReason why;
      unsigned count = 0;
      if (reason && copies && fortify::parseUnknownReason(view(reason->getString()), why) &&
          fortify::parseDecimal(view(copies->getString()), count))
        for (unsigned i = 0; i < count; ++i)
          state->noteUnknownReason(why);
    }
  loadSharedSizeQueries(module, table);
}

SiteStatus statusOf(const CallBase &marker, const fortify::SiteDescriptor &site,
                    const ConstantInt *needed, const ConstantInt *available, bool shared) {
  fortify::MarkerFacts facts;
  facts.problem = site.problem;
  facts.sizeUnknown = available && available->isMinusOne();
  facts.guardedByItsCheck = [&] { return guardedByItsCheck(marker); };
  facts.callSurvivesElsewhere = [&] { return callSurvivesElsewhere(marker); };
  facts.sharedBySeveralSites = shared;
  if (needed)
    facts.needed = needed->getZExtValue();
  if (available)
    facts.available = available->getZExtValue();
  return fortify::markerStatus(facts);
}

}  // namespace fortify_llvm
