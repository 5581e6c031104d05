// Site statuses after optimisation, decided as the GCC plugin decides them
// (gcc-plugin/site-registry.cpp), so that both plugins say the same of a site.
#include "SiteTable.h"
#include "LibcFortify.h"
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

std::string_view view(StringRef text) { return {text.data(), text.size()}; }

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

SiteStatus SiteState::status() const {
  SiteStatus status = SiteStatus::Safe;
  auto add = [&](SiteStatus next) { status = fortify::combineStatus(status, next); };
  if (checkedByLibc)
    add(SiteStatus::Checked);
  if (provenAtInstrumentation)
    add(SiteStatus::Overflow);
  if (unchecked)
    add(SiteStatus::Unknown);
  if (instrumented && observed)
    add(observedStatus);  // otherwise every copy of the check folded away
  if (libcCheck) {
    // A surviving __*_chk call is glibc's run-time check, unless the size
    // it received is -1 (glibc then calls the plain function). One gone
    // before the end was folded as passing, unless the probe saw its size
    // unknown before that size folded to -1 and the call to the plain one.
    if (libcOverflow)
      add(SiteStatus::Overflow);
    if (libcProbedUnknown || libcSurvivedUnknown)
      add(SiteStatus::Unknown);
    else if (libcSurvived)
      add(SiteStatus::Checked);
  }
  return status;
}

fortify::Fortifier SiteState::by() const {
  if (status() == SiteStatus::Unknown)
    return fortify::Fortifier::None;
  unsigned bits = 0;
  if (instrumented || staticallySafe || provenAtInstrumentation)
    bits |= 1;
  if (checkedByLibc)
    bits |= 2;
  // A tagged check gone before the probe folded as passing with sizes
  // InstCombine knew: both constants.
  if (libcCheck)
    bits |= libcKnownBits ? libcKnownBits : 3u;
  return fortify::Fortifier(bits);
}

SiteTable::SiteTable(Module &module) {
  if (NamedMDNode *list = module.getNamedMetadata(kSitesMetadata))
    for (MDNode *node : list->operands()) {
      if (node->getNumOperands() != 2)
        continue;
      auto *text = dyn_cast<MDString>(node->getOperand(0));
      auto *kind = dyn_cast<MDString>(node->getOperand(1));
      if (!text || !kind)
        continue;
      SiteState *state = find(text->getString());
      if (!state)
        continue;
      StringRef name = kind->getString();
      if (name == kKindCheck)
        state->instrumented = true;
      else if (name == kKindLibc)
        state->checkedByLibc = true;
      else if (name == kKindLibcCheck)
        state->libcCheck = true;
      else if (name == kKindSafe)
        state->staticallySafe = true;
      else if (name == kKindOverflow)
        state->provenAtInstrumentation = true;
      else if (name == kKindNone)
        state->unchecked = true;
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
      SiteState *state = find(text->getString());
      if (!state)
        continue;
      const bool unknown = !someone && knew == fortify::Fortifier::None;
      if (stage->getString() == kLibcSeenFinal) {
        state->libcSurvived = true;
        state->libcSurvivedUnknown |= unknown;
      } else {
        state->libcProbed = true;
        state->libcProbedUnknown |= unknown;
      }
      state->libcKnownBits |= unsigned(knew);
    }
  if (NamedMDNode *list = module.getNamedMetadata(kUnknownMetadata))
    for (MDNode *node : list->operands())
      if (node->getNumOperands() == 1)
        if (auto *text = dyn_cast<MDString>(node->getOperand(0)))
          if (SiteState *state = find(text->getString())) {
            state->instrumented = true;
            state->observe(SiteStatus::Unknown);
          }
}

SiteState *SiteTable::find(StringRef text) {
  auto found = sites_.find(text.str());
  if (found != sites_.end())
    return &found->second;
  SiteState state;
  if (!fortify::decodeSite(view(text), state.descriptor))
    return nullptr;
  return &(sites_[text.str()] = state);
}

SiteStatus statusOf(const CallBase &marker, const fortify::SiteDescriptor &site,
                    const ConstantInt *needed, const ConstantInt *available) {
  if (available && available->isMinusOne())
    return SiteStatus::Unknown;
  if (guardedByItsCheck(marker) || callSurvivesElsewhere(marker))
    return SiteStatus::Checked;
  // The test folded: the failure is certain once reached. Problems with
  // sizes need them as constants for the message (a length known only to
  // be in a range that does not fit stays a run-time check).
  bool hasSizes = site.problem == fortify::Problem::Overflow ||
                  site.problem == fortify::Problem::OverRead;
  if (!hasSizes)
    return SiteStatus::Overflow;
  if (needed && available && needed->getValue().ugt(available->getValue()))
    return SiteStatus::Overflow;
  return SiteStatus::Checked;
}

}  // namespace fortify_llvm
