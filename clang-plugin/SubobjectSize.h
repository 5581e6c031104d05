// Closest-subobject sizes (__builtin_object_size type 1), which llvm.objectsize
// cannot compute: derived from the typed GEP chain of the destination pointer
// as Clang emits it, before any optimisation flattens it into byte offsets.
#ifndef FORTIFY_CLANG_SUBOBJECT_SIZE_H
#define FORTIFY_CLANG_SUBOBJECT_SIZE_H

#include <cstdint>
#include <optional>

namespace llvm {
class DataLayout;
class Value;
}  // namespace llvm

namespace fortify_llvm {

// Bytes from `pointer` to the end of the struct member it points into, or
// nothing when that cannot be known for sure: no member access in the chain,
// variable offsets inside the member, unions, reinterpreting casts, and
// trailing arrays reached through a pointer (they may be flexible).
std::optional<std::uint64_t> closestSubobjectRemaining(const llvm::Value *pointer,
                                                       const llvm::DataLayout &layout);

}  // namespace fortify_llvm

#endif
