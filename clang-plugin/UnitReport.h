// What a translation unit tells about its sites once optimisation is over:
// the coverage records (-fplugin-arg-fortify-report=PATH) and the
// .note.fortify note every object carries, which the GCC plugin writes too.
#ifndef FORTIFY_CLANG_UNIT_REPORT_H
#define FORTIFY_CLANG_UNIT_REPORT_H

#include "options.h"
#include "site-model.h"

namespace llvm {
class Module;
}

namespace fortify_llvm {

// Appends one coverage record per site to options.reportPath (when set; a
// file that cannot be written is an error) and adds the note to `module`.
// `libcLevel`: the C library headers' _FORTIFY_SOURCE level (0: off or not
// known, without the front end).
void writeUnitReport(llvm::Module &module, const fortify::Options &options,
                     const fortify::SiteTable &table,
                     int libcLevel);

}  // namespace fortify_llvm

#endif
