#include "unknown-reason.h"

namespace fortify {

std::string_view unknownReasonName(UnknownReason reason) {
  switch (reason) {
  case UnknownReason::Parameter:
    return "parameter";
  case UnknownReason::Loaded:
    return "loaded";
  case UnknownReason::CallResult:
    return "call-result";
  case UnknownReason::Allocator:
    return "allocator";
  case UnknownReason::External:
    return "external";
  case UnknownReason::Offset:
    return "offset";
  case UnknownReason::Chosen:
    return "chosen";
  case UnknownReason::NotChecked:
    return "not-checked";
  case UnknownReason::Other:
    return "other";
  }
  return "other";
}

bool parseUnknownReason(std::string_view name, UnknownReason &reason) {
  for (UnknownReason candidate : kAllUnknownReasons)
    if (unknownReasonName(candidate) == name) {
      reason = candidate;
      return true;
    }
  return false;
}

std::string unknownReasonList() {
  std::string list;
  for (unsigned i = 0; i < kUnknownReasonCount; ++i) {
    if (i)
      list += i + 1 == kUnknownReasonCount ? " or " : ", ";
    list += unknownReasonName(kAllUnknownReasons[i]);
  }
  return list;
}

std::string_view unknownReasonMeaning(UnknownReason reason) {
  switch (reason) {
  case UnknownReason::Parameter:
    return "a parameter: size it where the function is inlined, or give the size (access, "
           "counted_by)";
  case UnknownReason::Loaded:
    return "loaded from memory: a struct field or a global pointer";
  case UnknownReason::CallResult:
    return "returned by a call that is not a known allocator: mark it alloc_size or malloc";
  case UnknownReason::Allocator:
    return "a known allocator with a size not constant: level 3 sizes it";
  case UnknownReason::External:
    return "an object defined elsewhere or of incomplete type: declare its size";
  case UnknownReason::Offset:
    return "an offset into a sized object the compiler cannot follow";
  case UnknownReason::Chosen:
    return "chosen at run time between pointers of different origins";
  case UnknownReason::NotChecked:
    return "the call got no check (its shape, no_fortify, gets)";
  case UnknownReason::Other:
    return "anything else (an integer made a pointer, asm, a size query not followed)";
  }
  return "";
}

}  // namespace fortify
