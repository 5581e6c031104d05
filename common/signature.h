// Matching a call against the prototype in its rule (Rule::signature), so
// that a function that merely shares a C library name (a program's own
// `memcpy(void *, const void *, int)`, an old unprototyped declaration) is
// never checked as if it were the library's. Each plugin describes the call
// from its IR; the decision is made here, once.
//
// Letters: v void (results only), p a pointer, i an int, z an integer as
// wide as size_t (size_t, ssize_t, nfds_t), c an integer of any width (a
// character, off_t: the checks never use its value), a anything (va_list,
// which is a pointer on x86-64 and a structure on aarch64).
#ifndef FORTIFY_COMMON_SIGNATURE_H
#define FORTIFY_COMMON_SIGNATURE_H

#include "rules.h"

#include <vector>

namespace fortify {

enum class ValueClass { Void, Pointer, Integer, Other };

struct ValueShape {
  ValueClass kind = ValueClass::Other;
  unsigned bits = 0;  // integers: their width
};

// The widths of C's int and size_t on the target.
struct DataModel {
  unsigned intBits = 32;
  unsigned sizeBits = 64;
};

struct CallShape {
  ValueShape result;                // ValueClass::Void when the call returns nothing
  std::vector<ValueShape> arguments;
  // An LLVM intrinsic (llvm.memcpy ...): its result is not the C
  // function's, it may add trailing arguments (isvolatile), and its
  // integers may have any width.
  bool intrinsic = false;
};

bool matchesSignature(const Rule &rule, const CallShape &call, const DataModel &model);

}  // namespace fortify

#endif
