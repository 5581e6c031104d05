// Why a check's object size is unknown (fortify::UnknownReason), read off
// the pointer a llvm.objectsize call that folds to -1 asks about: the probe
// (SizeProbe.cpp) carries it in !fortify.unknown.
#ifndef FORTIFY_CLANG_UNKNOWN_REASONS_H
#define FORTIFY_CLANG_UNKNOWN_REASONS_H

#include "unknown-reason.h"

namespace llvm {
class TargetLibraryInfo;
class Value;
}  // namespace llvm

namespace fortify_llvm {

// The reason the object `pointer` points into has no size, walking back
// through GEPs, casts, phis and selects and -O0's local variables to an
// argument, a load, a call, a global ... (Offset when the walk ends at an
// object LLVM can size).
fortify::UnknownReason classifyPointer(const llvm::Value *pointer,
                                       const llvm::TargetLibraryInfo &libraries);

}  // namespace fortify_llvm

#endif
