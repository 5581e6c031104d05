#include "FrontendFacts.h"
#include "FortifyDiagnostic.h"

#include "llvm/ADT/SmallString.h"
#include "llvm/IR/DebugInfoMetadata.h"
#include "llvm/IR/Function.h"
#include "llvm/IR/LLVMContext.h"
#include "llvm/IR/Module.h"
#include "llvm/Support/Path.h"

namespace fortify_llvm {
namespace {

const FrontendFacts *gActive = nullptr;

}  // namespace

const FrontendFacts *activeFacts() { return gActive; }

ActiveFacts::ActiveFacts(const FrontendFacts *facts) : previous_(gActive) { gActive = facts; }

ActiveFacts::~ActiveFacts() { gActive = previous_; }

std::string debugFileKey(llvm::StringRef directory, llvm::StringRef file) {
  llvm::SmallString<256> joined;
  if (!llvm::sys::path::is_absolute(file))
    joined = directory;
  llvm::sys::path::append(joined, file);
  // Component by component, as Clang rebuilds the two halves it splits.
  llvm::SmallString<256> key;
  for (auto part = llvm::sys::path::begin(joined), end = llvm::sys::path::end(joined); part != end;
       ++part)
    llvm::sys::path::append(key, *part);
  return std::string(key);
}

std::string sourceFileName(const llvm::DILocation &location) {
  if (const FrontendFacts *facts = activeFacts()) {
    auto found =
        facts->fileNames.find(debugFileKey(location.getDirectory(), location.getFilename()));
    if (found != facts->fileNames.end())
      return found->second;
  }
  return location.getFilename().str();
}

bool isProgramCall(const llvm::DILocation *location) {
  const FrontendFacts *facts = activeFacts();
  if (!facts || !location || location->getLine() == 0)
    return true;
  auto file = facts->fileNames.find(debugFileKey(location->getDirectory(), location->getFilename()));
  if (file == facts->fileNames.end())
    return true;
  auto lines = facts->callLines.find(file->second);
  return lines != facts->callLines.end() && lines->second.count(location->getLine()) != 0;
}

std::string sourceFileName(const llvm::Module &module) {
  if (const FrontendFacts *facts = activeFacts(); facts && !facts->mainFile.empty())
    return facts->mainFile;
  return module.getSourceFileName();
}

void warnAt(const llvm::Function &function, bool forceError, const std::string &message,
            const llvm::DebugLoc &location, const std::vector<std::string> &notes) {
  if (const FrontendFacts *facts = activeFacts())
    if (facts->warn &&
        facts->warn(forceError, message, location.get(), notes, function.getName().str()))
      return;
  llvm::LLVMContext &context = function.getContext();
  context.diagnose(llvm::DiagnosticInfoUnsupported(function, message, location,
                                                   forceError ? llvm::DS_Error : llvm::DS_Warning));
  for (const std::string &note : notes)
    context.diagnose(FortifyDiagnostic(llvm::DS_Note, note));
}

}  // namespace fortify_llvm
