#include "SubobjectSize.h"

#include "llvm/ADT/SmallVector.h"
#include "llvm/IR/Constants.h"
#include "llvm/IR/DataLayout.h"
#include "llvm/IR/DerivedTypes.h"
#include "llvm/IR/GlobalVariable.h"
#include "llvm/IR/Instructions.h"
#include "llvm/IR/Operator.h"

using namespace llvm;

namespace fortify_llvm {
namespace {

// Longer chains are not what Clang emits for a member access; giving up
// costs only some narrowing.
constexpr unsigned kMaxChain = 16;

std::optional<uint64_t> allocSize(Type *type, const DataLayout &layout) {
  if (!type->isSized())
    return std::nullopt;
  TypeSize size = layout.getTypeAllocSize(type);
  if (size.isScalable())
    return std::nullopt;
  return size.getFixedValue();
}

// Clang names union types "union.NAME" (with ".N" suffixes after linking).
// Union members share storage: a union is never narrowed into.
bool isUnion(const StructType *type) {
  return type->hasName() && type->getName().starts_with("union.");
}

// Whether `pointer`'s chain starts at an object whose full extent is its
// declared type: a local variable or a global defined here. Nothing can be
// allocated past such an object, so even its last member is bounded (Clang
// narrows trailing arrays of declared objects too). Anything reached through
// a pointer may be a struct allocated with extra room for a trailing array.
bool isDeclaredObject(const Value *root, const GEPOperator &outermost) {
  Type *declared = nullptr;
  if (const auto *local = dyn_cast<AllocaInst>(root)) {
    if (!local->isArrayAllocation())
      declared = local->getAllocatedType();
  } else if (const auto *global = dyn_cast<GlobalVariable>(root)) {
    if (global->hasDefinitiveInitializer())
      declared = global->getValueType();
  }
  if (!declared || declared != outermost.getSourceElementType())
    return false;
  const auto *first = dyn_cast<ConstantInt>(outermost.idx_begin()->get());
  return first && first->isZero();
}

bool isByteArray(Type *type) {
  if (auto *array = dyn_cast<ArrayType>(type))
    type = array->getElementType();
  return type->isIntegerTy(8);
}

// Whether no C member follows field `field`. Clang spells C members and the
// padding it inserts the same way when both are bytes: a struct that is
// over-aligned by an attribute, such as
//   struct __attribute__((aligned(16))) msg { int len; char data[1]; };
// becomes { i32, [1 x i8], [11 x i8] }, where `data` is the last C member (a
// flexible array in disguise) despite the field after it. Tail padding is
// shorter than the C alignment, which divides the struct size and exceeds the
// IR alignment; byte fields that cannot be that are real members.
bool isLastMember(StructType *structure, unsigned field, const DataLayout &layout) {
  unsigned count = structure->getNumElements();
  if (field + 1 == count)
    return true;
  for (unsigned later = field + 1; later < count; ++later)
    if (!isByteArray(structure->getElementType(later)))
      return false;
  const StructLayout *fields = layout.getStructLayout(structure);
  uint64_t size = fields->getSizeInBytes();
  uint64_t tail = size - fields->getElementOffset(field + 1);
  uint64_t largestAlignment = size & (~size + 1);  // largest power of 2 dividing size
  return size == 0 ||
         (tail < largestAlignment && largestAlignment > layout.getABITypeAlign(structure).value());
}

struct Walk {
  bool inMember = false;      // a struct member has been entered
  uint64_t memberSize = 0;
  int64_t offset = 0;         // from the start of that member
  bool offsetKnown = true;
  bool atEnd = true;          // every member entered so far is its struct's last
  bool memberAtEnd = false;   // ... as of entering the current member
  bool memberEmpty = false;
};

}  // namespace

std::optional<uint64_t> closestSubobjectRemaining(const Value *pointer,
                                                  const DataLayout &layout) {
  SmallVector<const GEPOperator *, 4> chain;
  const Value *root = pointer;
  while (const auto *gep = dyn_cast<GEPOperator>(root)) {
    if (chain.size() == kMaxChain || gep->getNumIndices() == 0)
      return std::nullopt;
    chain.push_back(gep);
    root = gep->getPointerOperand();
  }
  if (chain.empty())
    return std::nullopt;
  std::reverse(chain.begin(), chain.end());

  Walk walk;
  Type *current = nullptr;  // the type the pointer points into so far
  for (const GEPOperator *gep : chain) {
    Type *source = gep->getSourceElementType();
    // A later GEP that indexes into a type other than the one the chain has
    // reached reinterprets memory (a cast): its member steps mean nothing.
    if (current && gep->getNumIndices() > 1 && source != current)
      return std::nullopt;
    auto index = gep->idx_begin();
    // The first index steps over whole `source` objects: plain pointer
    // arithmetic, an offset within the member entered so far.
    std::optional<uint64_t> stride = allocSize(source, layout);
    if (!stride)
      return std::nullopt;
    if (const auto *constant = dyn_cast<ConstantInt>(index->get())) {
      if (walk.inMember)
        walk.offset += constant->getSExtValue() * int64_t(*stride);
    } else if (walk.inMember) {
      walk.offsetKnown = false;
    }
    current = source;
    for (++index; index != gep->idx_end(); ++index) {
      const auto *constant = dyn_cast<ConstantInt>(index->get());
      if (auto *structure = dyn_cast<StructType>(current)) {
        if (!constant || isUnion(structure) || structure->isOpaque())
          return std::nullopt;
        unsigned field = unsigned(constant->getZExtValue());
        if (field >= structure->getNumElements())
          return std::nullopt;
        current = structure->getElementType(field);
        std::optional<uint64_t> size = allocSize(current, layout);
        if (!size)
          return std::nullopt;
        walk.atEnd = walk.atEnd && isLastMember(structure, field, layout);
        walk.inMember = true;
        walk.memberSize = *size;
        walk.memberAtEnd = walk.atEnd;
        walk.memberEmpty = *size == 0;
        walk.offset = 0;
        walk.offsetKnown = true;
      } else if (auto *array = dyn_cast<ArrayType>(current)) {
        current = array->getElementType();
        std::optional<uint64_t> size = allocSize(current, layout);
        if (!size)
          return std::nullopt;
        if (!walk.inMember)
          continue;
        if (constant)
          walk.offset += constant->getSExtValue() * int64_t(*size);
        else
          walk.offsetKnown = false;
      } else {
        return std::nullopt;  // vectors and scalars are not subobjects here
      }
    }
  }

  if (!walk.inMember || !walk.offsetKnown)
    return std::nullopt;
  // A zero-sized member ([0] or []) is always a flexible array, wherever it
  // sits: Clang may place explicit tail padding after it.
  if (walk.memberEmpty)
    return std::nullopt;
  // The last member of a struct reached through a pointer may be a flexible
  // array in disguise ([1], or any size under -fstrict-flex-arrays=0, Clang's
  // default): not bounded.
  if (walk.memberAtEnd && !isDeclaredObject(root, *chain.front()))
    return std::nullopt;
  if (walk.offset < 0 || uint64_t(walk.offset) > walk.memberSize)
    return std::nullopt;
  return walk.memberSize - uint64_t(walk.offset);
}

}  // namespace fortify_llvm
