#include "SubobjectSize.h"

#include "FrontendFacts.h"
#include "llvm-compat.h"

#include "llvm/ADT/STLExtras.h"
#include "llvm/ADT/SmallVector.h"
#include "llvm/ADT/StringExtras.h"
#include "llvm/IR/Constants.h"
#include "llvm/IR/DataLayout.h"
#include "llvm/IR/DerivedTypes.h"
#include "llvm/IR/GlobalVariable.h"
#include "llvm/IR/IRBuilder.h"
#include "llvm/IR/Instructions.h"
#include "llvm/IR/Operator.h"

#include <algorithm>

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
  return type->hasName() && startsWith(type->getName(), "union.");
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

// The front end's layout of field `field` of `structure`: the C member at
// the field's offset with the field's size, when every record of the type's
// name (less LLVM's ".N" suffix) of the type's size has exactly one and they
// agree. Nothing for padding, bit-field storage, base classes, or without
// the front end: the caller then falls back on what the IR shows.
std::optional<MemberLayout> frontendMember(const FrontendFacts *facts, StructType *structure,
                                           unsigned field, const DataLayout &layout) {
  if (!facts || !structure->hasName())
    return std::nullopt;
  StringRef name = structure->getName();
  auto found = facts->records.find(name);
  if (found == facts->records.end()) {
    auto [base, suffix] = name.rsplit('.');
    if (suffix.empty() || !llvm::all_of(suffix, isDigit))
      return std::nullopt;
    found = facts->records.find(base);
    if (found == facts->records.end())
      return std::nullopt;
  }
  std::optional<uint64_t> size = allocSize(structure, layout);
  std::optional<uint64_t> fieldSize = allocSize(structure->getElementType(field), layout);
  if (!size || !fieldSize)
    return std::nullopt;
  uint64_t offset = layout.getStructLayout(structure)->getElementOffset(field);
  std::optional<MemberLayout> agreed;
  for (const RecordLayout &record : found->second) {
    if (record.size != *size)
      continue;  // another record of that name
    const MemberLayout *match = nullptr;
    for (const MemberLayout &member : record.members) {
      if (member.offset != offset || member.size != *fieldSize)
        continue;
      if (match)
        return std::nullopt;
      match = &member;
    }
    if (!match)
      return std::nullopt;
    if (agreed && (agreed->last != match->last || agreed->isArray != match->isArray ||
                   agreed->flexibleLike != match->flexibleLike || agreed->counted != match->counted ||
                   agreed->countOffset != match->countOffset ||
                   agreed->countBytes != match->countBytes ||
                   agreed->countSigned != match->countSigned ||
                   agreed->elementSize != match->elementSize))
      return std::nullopt;
    agreed = *match;
  }
  return agreed;
}

struct Walk {
  bool inMember = false;      // a struct member has been entered
  uint64_t memberSize = 0;
  int64_t offset = 0;         // from the start of that member ...
  SmallVector<std::pair<Value *, int64_t>, 2> scaledIndices;  // ... plus index x stride
  bool atEnd = true;          // every member entered so far is its struct's last
  bool memberAtEnd = false;   // ... as of entering the current member
  bool memberEmpty = false;
  std::optional<MemberLayout> member;  // the front end's view of it
  const GEPOperator *memberGEP = nullptr;  // the GEP that entered it ...
  unsigned memberIndex = 0;                // ... at this index
};

}  // namespace

std::optional<SubobjectLimit> closestSubobject(const Value *pointer, const DataLayout &layout,
                                               const SubobjectQuery &query) {
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
  auto addIndex = [&](Value *index, int64_t stride) {
    if (const auto *constant = dyn_cast<ConstantInt>(index))
      walk.offset += constant->getSExtValue() * stride;
    else
      walk.scaledIndices.emplace_back(index, stride);
  };
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
    if (walk.inMember)
      addIndex(index->get(), int64_t(*stride));
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
        walk.member = frontendMember(query.facts, structure, field, layout);
        walk.atEnd = walk.atEnd && (walk.member ? walk.member->last
                                                : isLastMember(structure, field, layout));
        walk.inMember = true;
        walk.memberSize = *size;
        walk.memberAtEnd = walk.atEnd;
        walk.memberEmpty = *size == 0;
        walk.offset = 0;
        walk.scaledIndices.clear();
        walk.memberGEP = gep;
        walk.memberIndex = unsigned(index - gep->idx_begin());
      } else if (auto *array = dyn_cast<ArrayType>(current)) {
        current = array->getElementType();
        std::optional<uint64_t> size = allocSize(current, layout);
        if (!size)
          return std::nullopt;
        if (walk.inMember)
          addIndex(index->get(), int64_t(*size));
      } else {
        return std::nullopt;  // vectors and scalars are not subobjects here
      }
    }
  }
  if (!walk.inMember)
    return std::nullopt;

  SubobjectLimit limit;
  limit.size = walk.memberSize;
  limit.offset = walk.offset;
  limit.scaledIndices = walk.scaledIndices;
  // counted_by (level 3, as Clang's __builtin_dynamic_object_size): the
  // member holds count elements, whichever object-size type is asked.
  if (query.dynamic && walk.member && walk.member->counted) {
    limit.counted = true;
    limit.recordGEP = walk.memberGEP;
    limit.recordIndices = walk.memberIndex;
    limit.countOffset = walk.member->countOffset;
    limit.countBytes = walk.member->countBytes;
    limit.countSigned = walk.member->countSigned;
    limit.elementSize = walk.member->elementSize;
    return limit;
  }
  if (!query.subobject)
    return std::nullopt;
  // A variable offset inside the member is a size computed at run time, as
  // GCC's __builtin_dynamic_object_size does: level 3 only.
  if (!walk.scaledIndices.empty() && !query.dynamic)
    return std::nullopt;
  bool declared = isDeclaredObject(root, *chain.front());
  if (walk.member) {
    // The front end's layout: a trailing array reached through a pointer is
    // a flexible array where Clang's own __builtin_object_size says so (at
    // the unit's -fstrict-flex-arrays level). Any other last member is not
    // narrowed either.
    if (walk.memberAtEnd && !declared && (!walk.member->isArray || walk.member->flexibleLike))
      return std::nullopt;
  } else {
    // A zero-sized member ([0] or []) is always a flexible array, wherever it
    // sits: Clang may place explicit tail padding after it.
    if (walk.memberEmpty)
      return std::nullopt;
    // The last member of a struct reached through a pointer may be a
    // flexible array in disguise ([1], or any size under
    // -fstrict-flex-arrays=0, Clang's default): not bounded.
    if (walk.memberAtEnd && !declared)
      return std::nullopt;
  }
  if (limit.isConstant() && (walk.offset < 0 || uint64_t(walk.offset) > walk.memberSize))
    return std::nullopt;
  return limit;
}

std::optional<SubobjectLimit> sizedPointerMember(const Value *pointer, const Instruction &call,
                                                 const DataLayout &layout,
                                                 const SubobjectQuery &query) {
  const auto *load = dyn_cast<LoadInst>(pointer);
  if (!query.dynamic || !load || !load->isSimple() || load->getParent() != call.getParent())
    return std::nullopt;
  // Clang's member access: a GEP of the struct type, the object and the
  // member's number.
  const auto *gep = dyn_cast<GEPOperator>(load->getPointerOperand());
  auto *structure = gep ? dyn_cast<StructType>(gep->getSourceElementType()) : nullptr;
  if (!structure || gep->getNumIndices() != 2)
    return std::nullopt;
  const auto *field = dyn_cast<ConstantInt>(gep->idx_begin()[1].get());
  if (!field || field->getZExtValue() >= structure->getNumElements())
    return std::nullopt;
  std::optional<MemberLayout> member =
      frontendMember(query.facts, structure, unsigned(field->getZExtValue()), layout);
  if (!member || !member->sizedPointer)
    return std::nullopt;
  const Instruction *between = load->getNextNode();
  for (; between && between != &call; between = between->getNextNode())
    if (between->mayWriteToMemory())
      return std::nullopt;
  if (between != &call)
    return std::nullopt;
  SubobjectLimit limit;
  limit.counted = true;
  limit.recordGEP = gep;
  limit.recordIndices = 1;
  limit.countOffset = member->countOffset;
  limit.countBytes = member->countBytes;
  limit.countSigned = member->countSigned;
  limit.elementSize = member->elementSize;
  return limit;
}

Value *emitSubobjectRemaining(IRBuilderBase &builder, const SubobjectLimit &limit,
                              IntegerType *sizeType) {
  if (limit.isConstant())
    return ConstantInt::get(sizeType, limit.size - uint64_t(limit.offset));
  Value *offset = ConstantInt::get(sizeType, uint64_t(limit.offset));
  for (auto [index, stride] : limit.scaledIndices)
    offset = builder.CreateAdd(
        offset, builder.CreateMul(builder.CreateSExtOrTrunc(index, sizeType),
                                  ConstantInt::get(sizeType, uint64_t(stride))));
  Value *available = ConstantInt::get(sizeType, limit.size);
  Value *outside = ConstantInt::getAllOnesValue(sizeType);
  if (limit.counted) {
    SmallVector<Value *, 4> indices;
    for (unsigned i = 0; i < limit.recordIndices; ++i)
      indices.push_back(limit.recordGEP->idx_begin()[i].get());
    Value *record = builder.CreateGEP(limit.recordGEP->getSourceElementType(),
                                      const_cast<Value *>(limit.recordGEP->getPointerOperand()),
                                      indices);
    Value *where = builder.CreateConstGEP1_64(builder.getInt8Ty(), record, limit.countOffset);
    Value *count = builder.CreateAlignedLoad(builder.getIntNTy(limit.countBytes * 8), where,
                                             Align(1));
    count = limit.countSigned ? builder.CreateSExtOrTrunc(count, sizeType)
                              : builder.CreateZExtOrTrunc(count, sizeType);
    Value *zero = ConstantInt::get(sizeType, 0);
    if (limit.countSigned)
      count = builder.CreateSelect(builder.CreateICmpSLT(count, zero), zero, count);
    // A product past SIZE_MAX bounds nothing.
    uint64_t most = sizeType->getBitMask() / std::max<uint64_t>(limit.elementSize, 1);
    available = builder.CreateSelect(
        builder.CreateICmpUGT(count, ConstantInt::get(sizeType, most)), outside,
        builder.CreateMul(count, ConstantInt::get(sizeType, limit.elementSize)));
    // Past the counted elements (or before them): nothing left, as Clang
    // says for &p->array[i] with i > count.
    outside = zero;
  }
  return builder.CreateSelect(builder.CreateICmpULE(offset, available),
                              builder.CreateSub(available, offset), outside);
}

}  // namespace fortify_llvm
