// The proven-problem diagnostic goes through Clang's diagnostics as a member
// of -Wfortify-source when the front end is there (FrontendFacts.h), else
// through LLVM's machinery, so that clang prints it in its own format; the
// call may have been inlined far from where the programmer wrote it, hence
// the notes.
#include "ProvenProblemDiagnostics.h"
#include "Strings.h"
#include "FrontendFacts.h"
#include "messages.h"
#include "llvm-compat.h"

#include "llvm/ADT/StringRef.h"
#include "llvm/Demangle/Demangle.h"
#include "llvm/IR/DebugInfoMetadata.h"
#include "llvm/IR/DiagnosticInfo.h"
#include "llvm/IR/Function.h"
#include "llvm/IR/InstrTypes.h"

#include <string>
#include <string_view>
#include <vector>

using namespace llvm;

namespace fortify_llvm {
namespace {


std::string functionName(const DISubprogram *subprogram) {
  if (!subprogram)
    return "<unknown>";
  if (!subprogram->getLinkageName().empty())
    return demangleName(subprogram->getLinkageName());
  return subprogram->getName().str();
}

}  // namespace

void diagnoseOverflow(CallBase &call, const fortify::SiteDescriptor &site, uint64_t needed,
                      uint64_t available, bool werror) {
  const std::string message = fortify::provenProblemMessage(site, needed, available);
  // Where the function containing the call was inlined, innermost first (as
  // GCC's "inlined from" lines). Clang cannot attach a location to a note
  // from the back end: the location is in the text.
  std::vector<std::string> notes;
  const DILocation *location = call.getDebugLoc().get();
  for (const DILocation *at = location; at; at = at->getInlinedAt())
    if (at->getLine() == site.line && at->getColumn() == site.column &&
        sourceFileName(*at) == site.file) {
      location = at;
      break;
    }
  for (const DILocation *at = location ? location->getInlinedAt() : nullptr; at;
       at = at->getInlinedAt())
    notes.push_back("inlined from '" + functionName(at->getScope()->getSubprogram()) + "' at " +
                    fortify::formatLocation(view(at->getFilename()), at->getLine(),
                                            at->getColumn()));
  warnAt(*call.getFunction(), werror, message, DebugLoc(location), notes);
}

}  // namespace fortify_llvm
