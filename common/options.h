// Plugin options, parsed identically by both plugins so that the spelling,
// the defaults and the error messages cannot drift apart.
#ifndef FORTIFY_COMMON_OPTIONS_H
#define FORTIFY_COMMON_OPTIONS_H

#include "size-fields.h"

#include <string>
#include <string_view>
#include <vector>

namespace fortify {

enum class FailureMode {
  Trap,   // an inline trap instruction; no runtime needed
  Abort,  // one line on stderr (write), then abort()
  Report, // a call into the runtime library (runtime/): a sanitizer-style
          // report, then abort() or, with halt_on_error=0, the call skipped
  Chk,    // glibc's checked entry point (__memcpy_chk ...) with the plugin's
          // size where glibc has one, so that the C library checks and
          // hardening tools see its imports; other checks fail as in Abort
};

// "trap", "abort", "report", "chk": the option's value, the note's word.
std::string_view modeName(FailureMode mode);

struct Options {
  int level = 3;
  FailureMode mode = FailureMode::Trap;
  // Over-read checks (source of memcpy, strlen, write ...), beyond glibc;
  // on from level 2 unless `reads=off`.
  bool reads = true;
  // Copies of local functions that take their callers' sizes for pointer
  // parameters (common/caller-sizes.h); on unless `caller-sizes=off`.
  bool callerSizes = true;
  // A check proven to fail at compile time is an error, not a warning.
  bool werror = false;
  // Where the coverage records go (JSON Lines, appended); empty: none.
  std::string reportPath;
  // Print the counters of what the passes did to stderr (common/counters.h),
  // and a line per call decision and per site (the trace).
  bool stats = false;
  bool trace = false;
  // Members whose number of elements another member holds
  // (size-field=STRUCT.MEMBER:FIELD, repeatable; common/size-fields.h).
  std::vector<SizeField> sizeFields;
};

// Applies one `-fplugin-arg-fortify-KEY[=VALUE]` option. `hasValue` tells
// "key" apart from "key=". Returns false and sets `error` to a one-line
// message naming the valid choices when the option or its value is bad.
bool applyOption(Options &options, std::string_view key, bool hasValue,
                 std::string_view value, std::string &error);

// The same, for callers that word the complaint themselves (the Clang
// plugin's pass parameters): `unknown` when no option has that name,
// otherwise `reason` says what the value must be ("level must be 1, 2 or 3").
bool setOption(Options &options, std::string_view key, bool hasValue, std::string_view value,
               bool &unknown, std::string &reason);

// Every option as applyOption spells it: "level=1|2|3, mode=trap|abort|report|chk, ...".
std::string_view validOptions();

// The items that applyOption reads back into `options` (for a printed pass
// pipeline): level, mode and reads always, the others when set.
std::vector<std::string> optionItems(const Options &options);

// mode=chk: a check glibc has an entry point for is a call of it
// (Rule::glibcChecked, laid out by chkArguments).
inline bool callsChkEntryPoints(const Options &options) {
  return options.mode == FailureMode::Chk;
}

// Whether an inline check's failure writes its line and aborts (abort mode,
// and the checks mode=chk keeps inline) rather than trapping.
inline bool failsWithMessage(const Options &options) {
  return options.mode == FailureMode::Abort || options.mode == FailureMode::Chk;
}

// Whether sizes computed at run time (malloc(n), VLAs) are used.
inline bool usesDynamicSizes(const Options &options) {
  return options.level >= 3;
}

// Whether the over-read checks of the rule table apply.
inline bool checksReads(const Options &options) {
  return options.level >= 2 && options.reads;
}

}  // namespace fortify

#endif
