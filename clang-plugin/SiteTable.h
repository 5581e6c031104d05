// What optimisation left of each call site: the instrumentation recorded
// every site (Sites.h), but only the surviving failure paths say whether a
// site is still checked, always fails, or lost its check to an unknown size.
#ifndef FORTIFY_CLANG_SITE_TABLE_H
#define FORTIFY_CLANG_SITE_TABLE_H

#include "report.h"

#include "llvm/ADT/MapVector.h"
#include "llvm/ADT/StringRef.h"

#include <map>
#include <string>

namespace llvm {
class CallBase;
class ConstantInt;
class Module;
}  // namespace llvm

namespace fortify_llvm {

struct SiteState {
  fortify::SiteDescriptor descriptor;
  // What the calls behind one descriptor got (calls of one macro expansion
  // share their location, hence their descriptor); the status is the least
  // protected of them.
  bool instrumented = false;   // a check with a failure path was inserted
  bool unchecked = false;      // no check at all: not protected
  bool checkedByLibc = false;  // the C library's own fortify checks it
  // Through a tagged __*_chk call (LibcFortify.h): what the probe and the
  // finishing pass saw of it; `libcBy` whose size it received was known.
  bool libcCheck = false;
  bool libcProbed = false, libcProbedUnknown = false;
  bool libcSurvived = false, libcSurvivedUnknown = false;
  unsigned libcKnownBits = 0;  // fortify::Fortifier as bits: 1 plugin, 2 libc
  bool libcOverflow = false;   // its __*_chk call always fails once reached
  bool staticallySafe = false; // proven fine without code
  bool provenAtInstrumentation = false;  // open(O_CREAT) without a mode
  bool observed = false;       // a failure path survived, or the probe saw it
  fortify::SiteStatus observedStatus = fortify::SiteStatus::Safe;
  bool diagnosed = false;

  void observe(fortify::SiteStatus status) {
    observedStatus = observed ? fortify::combineStatus(observedStatus, status) : status;
    observed = true;
  }

  // As the GCC plugin decides (gcc-plugin/site-registry.cpp).
  fortify::SiteStatus status() const;
  // Which fortification knew the size behind that status.
  fortify::Fortifier by() const;
};

class SiteTable {
public:
  // The sites of !fortify.sites, and those !fortify.unknown marks unknown.
  explicit SiteTable(llvm::Module &module);

  // The site of a descriptor text, added when new; null when the text is
  // not a descriptor.
  SiteState *find(llvm::StringRef text);

  llvm::MapVector<std::string, SiteState, std::map<std::string, unsigned>> &sites() {
    return sites_;
  }

private:
  llvm::MapVector<std::string, SiteState, std::map<std::string, unsigned>> sites_;
};

// What a surviving failure marker says of its site: unknown (the size folded
// to -1), checked (a run-time check), or overflow (it always fails once
// reached). `needed`/`available`: the marker's sizes when constant.
fortify::SiteStatus statusOf(const llvm::CallBase &marker, const fortify::SiteDescriptor &site,
                             const llvm::ConstantInt *needed, const llvm::ConstantInt *available);

}  // namespace fortify_llvm

#endif
