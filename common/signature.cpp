#include "signature.h"

namespace fortify {
namespace {

bool matches(char letter, const ValueShape &value, const DataModel &model, bool intrinsic) {
  // An intrinsic's integer widths are its own overloaded types
  // (llvm.memcpy.p0.p0.i32 is memcpy all the same).
  if (intrinsic && (letter == 'i' || letter == 'z'))
    letter = 'c';
  switch (letter) {
  case 'v':
    return value.kind == ValueClass::Void;
  case 'p':
    return value.kind == ValueClass::Pointer;
  case 'i':
    return value.kind == ValueClass::Integer && value.bits == model.intBits;
  case 'z':
    return value.kind == ValueClass::Integer && value.bits == model.sizeBits;
  case 'c':
    return value.kind == ValueClass::Integer;
  case 'a':
    return true;
  }
  return false;
}

}  // namespace

bool matchesSignature(const Rule &rule, const CallShape &call, const DataModel &model) {
  const std::string_view signature = rule.signature;
  const std::size_t colon = signature.find(':');
  if (colon != 1)
    return false;
  const int given = int(call.arguments.size());
  const bool moreMayFollow = rule.variadic || call.intrinsic;
  if (moreMayFollow ? given < rule.arity : given != rule.arity)
    return false;
  if (!call.intrinsic && !matches(signature[0], call.result, model, false))
    return false;
  for (int i = 0; i < rule.arity; ++i)
    if (!matches(signature[colon + 1 + i], call.arguments[i], model, call.intrinsic))
      return false;
  return true;
}

}  // namespace fortify
