#include "SharedQueries.h"
#include "IRProtocol.h"
#include "Sites.h"
#include "Strings.h"

#include "site-model.h"

#include "llvm/ADT/SmallVector.h"
#include "llvm/IR/Function.h"
#include "llvm/IR/Instructions.h"
#include "llvm/IR/IntrinsicInst.h"
#include "llvm/IR/Metadata.h"
#include "llvm/IR/Module.h"

#include <algorithm>
#include <map>
#include <string>
#include <tuple>
#include <vector>

using namespace llvm;

namespace fortify_llvm {
namespace {

// The value a load reads when its slot is a local written exactly once and
// otherwise only loaded (its lifetime markers aside): the spill of a parameter or of a pointer set once,
// before mem2reg (the instrumentation runs at the start of the pipeline).
const Value *throughSingleStore(const Value *value) {
  const auto *load = dyn_cast<LoadInst>(value);
  const auto *slot = load ? dyn_cast<AllocaInst>(load->getPointerOperand()) : nullptr;
  if (!slot || load->isVolatile())
    return value;
  const Value *stored = nullptr;
  for (const User *user : slot->users()) {
    if (const auto *other = dyn_cast<LoadInst>(user); other && !other->isVolatile())
      continue;
    if (const auto *marker = dyn_cast<IntrinsicInst>(user); marker && marker->isLifetimeStartOrEnd())
      continue;
    const auto *store = dyn_cast<StoreInst>(user);
    if (!store || store->isVolatile() || store->getPointerOperand() != slot || stored)
      return value;
    stored = store->getValueOperand();
  }
  return stored ? stored : value;
}

// The size a caller passed, when `size` is bounded by it as the checks of
// a pass_object_size parameter or a caller-sized copy are
// (CheckEmitter.cpp): umin(own, usub.sat(passed, offset) | unknown);
// `own` is then the check's own size.
const Value *passedBound(const Value *&size) {
  const auto *bound = dyn_cast<IntrinsicInst>(size);
  if (!bound || bound->getIntrinsicID() != Intrinsic::umin)
    return nullptr;
  const auto *either = dyn_cast<BinaryOperator>(bound->getArgOperand(1));
  const auto *left = either && either->getOpcode() == Instruction::Or
                         ? dyn_cast<IntrinsicInst>(either->getOperand(0))
                         : nullptr;
  if (!left || left->getIntrinsicID() != Intrinsic::usub_sat)
    return nullptr;
  size = bound->getArgOperand(0);
  return left->getArgOperand(0)->stripPointerCasts();
}

// What an llvm.objectsize call asks: the object's base pointer, the constant
// offset into it, the query's flags, and the size a caller passed that
// bounds it (two checks with one query and one bound merge as one). Null
// base: not a query.
using QueryKey = std::tuple<const Value *, int64_t, bool, bool, bool, const Value *>;

QueryKey keyOf(const Value *size, const DataLayout &layout) {
  const Value *passed = passedBound(size);
  const auto *query = dyn_cast<IntrinsicInst>(size);
  if (!query || query->getIntrinsicID() != Intrinsic::objectsize)
    return {};
  const Value *pointer = query->getArgOperand(0);
  int64_t total = 0;
  for (int depth = 0; depth < 8; ++depth) {
    APInt offset(layout.getIndexTypeSizeInBits(pointer->getType()), 0);
    const Value *base =
        pointer->stripAndAccumulateConstantOffsets(layout, offset, /*AllowNonInbounds=*/true);
    if (offset.getSignificantBits() > 63)
      return {};
    total += offset.getSExtValue();
    const Value *next = throughSingleStore(base);
    pointer = base;
    if (next == base)
      break;
    pointer = next;
  }
  auto flag = [&](unsigned i) { return cast<ConstantInt>(query->getArgOperand(i))->isOne(); };
  return {pointer, total, flag(1), flag(2), flag(3), passed};
}

}  // namespace

void noteSharedSizeQueries(Function &function) {
  SmallVector<CallBase *, 16> markers;
  failureCalls(function, markers);
  const DataLayout &layout = function.getParent()->getDataLayout();
  std::map<QueryKey, std::vector<StringRef>> groups;
  for (CallBase *marker : markers) {
    QueryKey key = keyOf(marker->getArgOperand(2), layout);
    SmallVector<StringRef, 2> texts;
    descriptorTexts(marker->getArgOperand(0), texts);
    if (!std::get<0>(key) || texts.size() != 1)
      continue;
    std::vector<StringRef> &group = groups[key];
    if (std::find(group.begin(), group.end(), texts[0]) == group.end())
      group.push_back(texts[0]);
  }
  LLVMContext &context = function.getContext();
  NamedMDNode *list = nullptr;
  for (const auto &[key, texts] : groups) {
    if (texts.size() < 2)
      continue;
    SmallVector<Metadata *, 4> names;
    for (StringRef text : texts)
      names.push_back(MDString::get(context, text));
    if (!list)
      list = function.getParent()->getOrInsertNamedMetadata(kSharedQueriesMetadata);
    list->addOperand(MDNode::get(context, names));
  }
}

void loadSharedSizeQueries(Module &module, fortify::SiteTable &table) {
  NamedMDNode *list = module.getNamedMetadata(kSharedQueriesMetadata);
  if (!list)
    return;
  for (MDNode *node : list->operands()) {
    fortify::SiteFacts *first = nullptr;
    for (const MDOperand &operand : node->operands()) {
      auto *text = dyn_cast<MDString>(operand.get());
      fortify::SiteFacts *site = text ? table.findOrDecode(view(text->getString())) : nullptr;
      if (!site)
        continue;
      if (first)
        table.shareSizeQuery(*first, *site);
      else
        first = site;
    }
  }
}

}  // namespace fortify_llvm
