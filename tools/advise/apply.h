// --apply: copies of the files to annotate, with the insertions made and
// the annotation macros defined once at the top of each, so that a copy
// compiles unchanged with GCC, with Clang, and without the plugins.
#ifndef FORTIFY_TOOLS_ADVISE_APPLY_H
#define FORTIFY_TOOLS_ADVISE_APPLY_H

#include "advisor.h"

#include <string>
#include <vector>

namespace fortify::advise {

// The block of macro definitions a copy starts with.
std::string annotationMacros();

// Writes each file that has insertions to `outputDirectory`, at its path
// relative to `base` (the compilation database's directory), or below its
// absolute path when it is outside `base`. `written` gets the paths written.
// False with `error` set on the first file that cannot be read or written.
bool applyInsertions(const std::vector<Insertion> &insertions, const std::string &base,
                     const std::string &outputDirectory, std::vector<std::string> &written,
                     std::string &error);

}  // namespace fortify::advise

#endif
