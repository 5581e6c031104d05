// Caller sizes (common/caller-sizes.h): a local function whose pointer
// parameter reaches a check of unknown size gets a copy taking, per such
// parameter, the size its caller's own check would use; every direct call
// goes to the copy. Inside the copy the parameter is sized as a declared
// pass_object_size parameter is (FortifyPass.cpp, CheckSite::PassedSize):
// caller sizes are an automatic hidden size argument.
#ifndef FORTIFY_CLANG_CALLER_SIZES_H
#define FORTIFY_CLANG_CALLER_SIZES_H

#include "options.h"

#include "llvm/ADT/DenseMap.h"
#include "llvm/ADT/SmallPtrSet.h"
#include "llvm/ADT/SmallVector.h"
#include "llvm/ADT/StringRef.h"

#include <functional>
#include <map>
#include <string>
#include <vector>

namespace llvm {
class CallBase;
class Function;
class Module;
class Value;
}  // namespace llvm

namespace fortify_llvm {

// A pointer parameter whose size arrives in another argument (IR argument
// numbers): from a pass_object_size declaration or from a copy's callers.
// `type`: the object-size type of that size (0 whole object, 1 closest
// subobject: it bounds only the checks that ask subobject sizes).
struct SizedParameter {
  unsigned pointer = 0;
  unsigned size = 0;
  int type = 0;
};

// A check in a function that will ask the size of the object one of its
// pointer parameters points into, and not know it there.
struct UnsizedUse {
  unsigned argument = 0;
  bool subobject = false;  // a closest-subobject check (string functions from level 2)
  // The callers' size must not bound the parameter's checks (the function
  // asks malloc_usable_size about it: UsableSizes.h).
  bool excluded = false;
};
using UnsizedUses = std::function<void(llvm::Function &, llvm::SmallVectorImpl<UnsizedUse> &)>;

struct CallerSizedCopy {
  std::string original;  // the original's symbol (pass_object_size facts are by name)
  std::vector<SizedParameter> parameters;
};

class CallerSizedCopies {
public:
  // Decides, copies and redirects every direct call, before any check is
  // made. `skipped`: functions the plugin leaves alone (no_fortify, the C
  // library's wrappers). `optimising`: not the -O0 pipeline. Returns whether
  // the module changed.
  bool make(llvm::Module &module, const fortify::Options &options, bool optimising,
            const llvm::SmallPtrSetImpl<const llvm::Function *> &skipped, const UnsizedUses &uses,
            bool trace);
  // The copy's facts when `function` is a copy made by this run.
  const CallerSizedCopy *copy(const llvm::Function &function) const;
  // Whether `call` is a call of a copy whose sizes are still to be filled
  // in (-1 until then): the instrumentation of its function computes them
  // as its own checks would.
  bool sizesPending(const llvm::CallBase &call) const { return pending_.count(&call) != 0; }

private:
  std::map<const llvm::Function *, CallerSizedCopy> copies_;
  llvm::SmallPtrSet<const llvm::CallBase *, 16> pending_;
};

// The function a copy was made of (`f` for `f.sized.0`): what records,
// messages and traces name, as for the original; any other name as it is.
llvm::StringRef originalFunctionName(llvm::StringRef name);

}  // namespace fortify_llvm

#endif
