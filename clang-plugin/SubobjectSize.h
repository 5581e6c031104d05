// Closest-subobject sizes (__builtin_object_size type 1), which llvm.objectsize
// cannot compute: derived from the typed GEP chain of the destination pointer
// as Clang emits it, before any optimisation flattens it into byte offsets,
// with the C layout of the records from Clang's front end when it is there
// (FrontendFacts.h). Also the size counted_by gives a flexible array member.
#ifndef FORTIFY_CLANG_SUBOBJECT_SIZE_H
#define FORTIFY_CLANG_SUBOBJECT_SIZE_H

#include "llvm/ADT/SmallVector.h"

#include <cstdint>
#include <optional>
#include <utility>

namespace llvm {
class DataLayout;
class GEPOperator;
class Instruction;
class IRBuilderBase;
class IntegerType;
class Value;
}  // namespace llvm

namespace fortify_llvm {

struct FrontendFacts;

// What bounds the bytes from a pointer to the end of the member it points
// into. The pointer's offset from the member's start is `offset` plus each
// variable index times its stride; the member holds `size` bytes, or with
// `counted` as many elements as its counted_by field says.
struct SubobjectLimit {
  std::uint64_t size = 0;
  std::int64_t offset = 0;
  llvm::SmallVector<std::pair<llvm::Value *, std::int64_t>, 2> scaledIndices;
  // counted_by: the record is `recordGEP`'s pointer operand indexed by its
  // first `recordIndices` indices; the count is an integer at byte
  // `countOffset` of it.
  bool counted = false;
  const llvm::GEPOperator *recordGEP = nullptr;
  unsigned recordIndices = 0;
  std::uint64_t countOffset = 0;
  unsigned countBytes = 0;
  bool countSigned = false;
  std::uint64_t elementSize = 0;

  bool isConstant() const { return !counted && scaledIndices.empty(); }
};

struct SubobjectQuery {
  bool subobject = false;  // closest-subobject sizes (object-size type 1)
  bool dynamic = false;    // level 3: run-time offsets and counted_by
  const FrontendFacts *facts = nullptr;  // null without the front end
};

// The limit for `pointer`, or nothing when none can be known for sure: no
// member access in the chain, unions, reinterpreting casts, a trailing array
// reached through a pointer that may be flexible (at the unit's
// -fstrict-flex-arrays level when the front end told, else any), a variable
// offset below level 3. Without `subobject` only counted_by.
std::optional<SubobjectLimit> closestSubobject(const llvm::Value *pointer,
                                               const llvm::DataLayout &layout,
                                               const SubobjectQuery &query);

// Level 3: the limit of `pointer` when it is a pointer member loaded from
// a struct whose size field the user named (size-field=STRUCT.MEMBER:FIELD,
// FrontendFacts.h), counted from the same object; nothing when something
// between that load and `call` may write memory (the field could then
// differ from what it was when the pointer was read), or without the front
// end.
std::optional<SubobjectLimit> sizedPointerMember(const llvm::Value *pointer,
                                                 const llvm::Instruction &call,
                                                 const llvm::DataLayout &layout,
                                                 const SubobjectQuery &query);

// The bytes left, computed before the builder's insertion point: a constant,
// or at run time; -1 (unknown: the whole object bounds the call) when the
// pointer is outside the member; 0 for a negative count.
llvm::Value *emitSubobjectRemaining(llvm::IRBuilderBase &builder, const SubobjectLimit &limit,
                                    llvm::IntegerType *sizeType);

}  // namespace fortify_llvm

#endif
