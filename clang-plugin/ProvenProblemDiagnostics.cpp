// The proven-problem diagnostic goes through LLVM's diagnostic machinery so
// that clang prints it in its own format and -Werror applies; the call may
// have been inlined far from where the programmer wrote it, hence the notes.
#include "ProvenProblemDiagnostics.h"
#include "FortifyDiagnostic.h"

#include "llvm/ADT/StringRef.h"
#include "llvm/Demangle/Demangle.h"
#include "llvm/IR/DebugInfoMetadata.h"
#include "llvm/IR/DiagnosticInfo.h"
#include "llvm/IR/Function.h"
#include "llvm/IR/InstrTypes.h"

#include <string>
#include <string_view>

using namespace llvm;

namespace fortify_llvm {
namespace {

std::string_view view(StringRef text) { return {text.data(), text.size()}; }

std::string functionName(const DISubprogram *subprogram) {
  if (!subprogram)
    return "<unknown>";
  if (!subprogram->getLinkageName().empty())
    return demangle(view(subprogram->getLinkageName()));
  return subprogram->getName().str();
}

}  // namespace

void diagnoseOverflow(CallBase &call, const fortify::SiteDescriptor &site, uint64_t needed,
                      uint64_t available, bool werror) {
  LLVMContext &context = call.getContext();
  const std::string message = fortify::provenProblemMessage(site, needed, available);
  context.diagnose(DiagnosticInfoUnsupported(*call.getFunction(), message, call.getDebugLoc(),
                                             werror ? DS_Error : DS_Warning));
  // Where the function containing the call was inlined, innermost first (as
  // GCC's "inlined from" lines). Clang cannot attach a location to a note
  // from the back end: the location is in the text.
  const DILocation *location = call.getDebugLoc().get();
  for (const DILocation *at = location ? location->getInlinedAt() : nullptr; at;
       at = at->getInlinedAt()) {
    const std::string note = "inlined from '" + functionName(at->getScope()->getSubprogram()) +
                             "' at " +
                             fortify::formatLocation(view(at->getFilename()), at->getLine(),
                                                     at->getColumn());
    context.diagnose(FortifyDiagnostic(DS_Note, note));
  }
}

}  // namespace fortify_llvm
