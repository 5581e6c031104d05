// Caller sizes (issue 16): a buffer that reaches a checked call as a
// parameter of its function has no size there, while the function's callers
// often know it. For a function whose every call is in view, each plugin
// makes a copy that takes, per such parameter, one extra argument: the size
// the caller's own check would use for the argument it passes (its level's
// size, or -1 when the caller does not know it either). Inside the copy the
// check uses the smaller of the compiler's own size and that argument, as
// for a declared contract (`access`, `pass_object_size`).
//
// The decisions that need no compiler live here: which functions get a copy,
// what a refusal is called, how the copy is named. Each plugin gathers the
// facts from its IR and does the copying.
#ifndef FORTIFY_COMMON_CALLER_SIZES_H
#define FORTIFY_COMMON_CALLER_SIZES_H

#include <cstdint>
#include <string>
#include <string_view>

namespace fortify {

// What a plugin knows of one function defined in the translation unit.
struct CalleeFacts {
  // Not visible outside the unit (static, an anonymous namespace, or
  // internalised by the LTO link), so every call of it is in view.
  bool localLinkage = false;
  // Some call of it is not a direct call the plugin can give an argument
  // (its address is stored, passed, compared; an alias). The copy then
  // serves the direct calls and the original stays for the others.
  bool addressTaken = false;
  bool variadic = false;
  // The compiler can copy its body: not marked `noclone` or `noipa`, no
  // label taken from outside it, a prototype to add parameters to.
  bool copyable = true;
  // The compiler optimises the function (not -O0, not `optnone`). At -O0
  // and -Og a copy would show in stack traces and debuggers under another
  // name; issue 16 keeps those as they are.
  bool optimised = false;
  bool optimisedForDebugging = false;  // -Og
  // The parameters whose value reaches a check of this plugin with a size
  // the compiler cannot work out, and that no declared contract sizes.
  unsigned unsizedPointerParameters = 0;
  // Direct calls of it in the unit (recursive ones included).
  unsigned directCalls = 0;
};

// Why a function gets no copy; None: it gets one.
enum class CallerSizeRefusal {
  None,
  Disabled,           // caller-sizes=off
  NotOptimised,       // -O0, -Og, optnone: stack traces stay as written
  VisibleOutside,     // callers outside the unit would not pass the sizes
  Variadic,           // the extra arguments would mix with the variable ones
  NothingToSize,      // no parameter reaches a check of unknown size
  NoDirectCall,       // only called through pointers, or never
  TooManyParameters,  // more than kMaxCallerSizedParameters to size
  NotCopyable,        // the compiler cannot copy it (CalleeFacts::copyable)
};

// A copy passes at most this many sizes; a function with more unsized
// pointer parameters is left as it is (its checks stay unknown), which
// bounds the cost of each call.
inline constexpr unsigned kMaxCallerSizedParameters = 4;

CallerSizeRefusal callerSizeRefusal(const CalleeFacts &facts, bool enabled);

// The trace's word: "copied", "disabled", "not-optimised", ...
std::string_view callerSizeRefusalName(CallerSizeRefusal refusal);

// The copy's symbol: the function's name with ".sized" and a number, in the
// style of GCC's own clones (.constprop.0, .isra.0), which symbolizers,
// debuggers and perf already show as the function they came from.
inline constexpr std::string_view kCallerSizedSuffix = "sized";
std::string callerSizedName(std::string_view function, unsigned number);

// The size a check inside the copy uses for a pointer `offset` bytes past
// the start of the parameter whose caller passed `callerSize` (-1: the
// caller did not know; sizes as __builtin_object_size gives them, so -1 is
// the largest value): the smaller of the compiler's own size and what is
// left of the caller's size. Before the start (offset < 0) nothing is known.
uint64_t sizeFromCaller(uint64_t compilerSize, uint64_t callerSize, int64_t offset);

}  // namespace fortify

#endif
