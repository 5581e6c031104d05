#include "caller-sizes.h"

#include <algorithm>

namespace fortify {

CallerSizeRefusal callerSizeRefusal(const CalleeFacts &facts, bool enabled) {
  if (!enabled)
    return CallerSizeRefusal::Disabled;
  if (!facts.optimised || facts.optimisedForDebugging)
    return CallerSizeRefusal::NotOptimised;
  if (!facts.localLinkage)
    return CallerSizeRefusal::VisibleOutside;
  if (facts.variadic)
    return CallerSizeRefusal::Variadic;
  if (!facts.copyable)
    return CallerSizeRefusal::NotCopyable;
  if (facts.unsizedPointerParameters == 0)
    return CallerSizeRefusal::NothingToSize;
  if (facts.directCalls == 0)
    return CallerSizeRefusal::NoDirectCall;
  if (facts.unsizedPointerParameters > kMaxCallerSizedParameters)
    return CallerSizeRefusal::TooManyParameters;
  return CallerSizeRefusal::None;
}

std::string_view callerSizeRefusalName(CallerSizeRefusal refusal) {
  switch (refusal) {
  case CallerSizeRefusal::None:
    return "copied";
  case CallerSizeRefusal::Disabled:
    return "disabled";
  case CallerSizeRefusal::NotOptimised:
    return "not-optimised";
  case CallerSizeRefusal::VisibleOutside:
    return "visible-outside";
  case CallerSizeRefusal::Variadic:
    return "variadic";
  case CallerSizeRefusal::NothingToSize:
    return "nothing-to-size";
  case CallerSizeRefusal::NoDirectCall:
    return "no-direct-call";
  case CallerSizeRefusal::TooManyParameters:
    return "too-many-parameters";
  case CallerSizeRefusal::NotCopyable:
    return "not-copyable";
  }
  return "?";
}

std::string callerSizedName(std::string_view function, unsigned number) {
  return std::string(function) + "." + std::string(kCallerSizedSuffix) + "." + std::to_string(number);
}

uint64_t sizeFromCaller(uint64_t compilerSize, uint64_t callerSize, int64_t offset) {
  if (offset < 0)
    return compilerSize;
  const uint64_t past = static_cast<uint64_t>(offset);
  // An unknown caller size stays unknown whatever the offset.
  const uint64_t left = callerSize == UINT64_MAX ? UINT64_MAX : (past >= callerSize ? 0 : callerSize - past);
  return std::min(compilerSize, left);
}

}  // namespace fortify
