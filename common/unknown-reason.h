// Why a call site's object size is unknown: the words coverage records give
// ("why") so that a maintainer sees what to annotate or restructure. Each
// plugin classifies the pointer whose size folded to "unknown" from its IR;
// the site model keeps one reason per site (SiteFacts::unknownReason).
#ifndef FORTIFY_COMMON_UNKNOWN_REASON_H
#define FORTIFY_COMMON_UNKNOWN_REASON_H

#include <string>
#include <string_view>

namespace fortify {

// In the order of the vocabulary (also the order ties are broken in).
enum class UnknownReason {
  Parameter,   // "parameter": a parameter of the function holding the call
  Loaded,      // "loaded": read from memory (a struct field, a global pointer)
  CallResult,  // "call-result": returned by a call that is not a known allocator
  Allocator,   // "allocator": a known allocator whose size is not a constant (levels 1, 2)
  External,    // "external": an object defined elsewhere or of incomplete type
  Offset,      // "offset": into a sized object at an offset the compiler cannot follow
  Chosen,      // "chosen": a phi or select of pointers of different origins
  NotChecked,  // "not-checked": the call got no check (shape, opted out, gets)
  Other,       // "other": anything else (an integer cast to a pointer, asm ...)
};
inline constexpr UnknownReason kAllUnknownReasons[] = {
    UnknownReason::Parameter, UnknownReason::Loaded,  UnknownReason::CallResult,
    UnknownReason::Allocator, UnknownReason::External, UnknownReason::Offset,
    UnknownReason::Chosen,    UnknownReason::NotChecked, UnknownReason::Other};
inline constexpr unsigned kUnknownReasonCount = sizeof kAllUnknownReasons / sizeof *kAllUnknownReasons;

// The record's word ("parameter", "call-result" ...).
std::string_view unknownReasonName(UnknownReason reason);
bool parseUnknownReason(std::string_view name, UnknownReason &reason);
// "parameter, loaded, ... or other": the words a record may give.
std::string unknownReasonList();
// One line for people: what the pointer was and what would size it.
std::string_view unknownReasonMeaning(UnknownReason reason);

// The reason of a pointer that is one of two values (a phi's or a select's
// operands, walked one by one): the same reason stays, different ones are
// Chosen.
inline UnknownReason chooseBetween(UnknownReason a, UnknownReason b) {
  return a == b ? a : UnknownReason::Chosen;
}

// Where a plugin's walk back from a pointer ended: a reason, or an object
// the compiler can size (`sized`). A sized object explains nothing on its
// own: among the operands of a phi or select it is left out, and at the end
// of the walk it means the offset to it was lost (Offset).
struct PointerRoot {
  bool sized = false;
  UnknownReason reason = UnknownReason::Other;

  static PointerRoot because(UnknownReason why) { return {false, why}; }
  static PointerRoot sizedObject() { return {true, UnknownReason::Offset}; }
  UnknownReason unknownReason() const { return sized ? UnknownReason::Offset : reason; }
};
inline PointerRoot chooseBetween(const PointerRoot &a, const PointerRoot &b) {
  if (a.sized)
    return b;
  if (b.sized)
    return a;
  return PointerRoot::because(chooseBetween(a.reason, b.reason));
}

// How far each plugin's walk goes. A walk back through phis, selects and
// (Clang, -O0) stack slots fans out: a value reached along many paths is
// classified once per query (each plugin memoises it), and a walk that
// still grows past kMaxWalkSteps values, or kMaxWalkDepth definitions deep,
// gives up with Other. Without the memo and the budget a big function's
// walk is exponential in its number of joins.
inline constexpr unsigned kMaxWalkDepth = 24;
inline constexpr unsigned kMaxWalkSteps = 4096;

}  // namespace fortify

#endif
