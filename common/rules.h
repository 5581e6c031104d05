// The rule table: the one place where the semantics of every fortified libc
// function live. Both plugins read a Rule and emit the checks its kinds
// describe; neither contains per-function code.
#ifndef FORTIFY_COMMON_RULES_H
#define FORTIFY_COMMON_RULES_H

#include "options.h"

#include <array>
#include <cstddef>
#include <cstdint>
#include <optional>
#include <string_view>
#include <vector>

namespace fortify {

inline constexpr int kNoArg = -1;

// What must hold for the call's destination, checked before the call.
enum class CheckKind {
  // Nothing is written through a pointer argument (a rule that only reads,
  // or only has a format string).
  None,
  // arg(length) [* arg(count)] * elementSize bytes are written (memcpy,
  // snprintf's bound, read, fread's size * nmemb, wmemcpy ...). The product
  // is compared without being computed, so that one that wraps is caught.
  CopyLength,
  // (strlen(arg(source)) + 1) * elementSize (strcpy, stpcpy, wcscpy).
  CopyString,
  // strlen(arg(dest)) + strlen(arg(source)) + 1 elements (strcat, wcscat).
  AppendString,
  // strlen(arg(dest)) + strnlen(arg(source), arg(length)) + 1 elements
  // (strncat, wcsncat).
  AppendBounded,
  // The destination must hold at least `minimum` bytes whatever is written
  // (realpath: PATH_MAX; wcrtomb: MB_CUR_MAX, read at run time).
  MinimumSize,
  // A formatted write with no bound (sprintf, vsprintf): when the size is
  // known, the call is made through `boundedSibling` (snprintf, vsnprintf)
  // with the size inserted after the destination, and the program stops if
  // the output did not fit. Same output and return value when it fits.
  FormattedWrite,
  // open-like calls: arg(flags) asking for O_CREAT or O_TMPFILE needs a mode
  // argument; without one it is a compile-time error when the flags are
  // constant and a stop at run time when they are not.
  OpenMode,
  // The call has no bound to check (gets): a compile-time warning naming
  // `replacement`, the bounded function to use instead.
  Unbounded,
};

inline constexpr std::array<CheckKind, 9> kAllCheckKinds = {
    CheckKind::None,         CheckKind::CopyLength,  CheckKind::CopyString,
    CheckKind::AppendString, CheckKind::AppendBounded, CheckKind::MinimumSize,
    CheckKind::FormattedWrite, CheckKind::OpenMode, CheckKind::Unbounded};

// What a call reads from arg(readArg) and must find inside that object
// (beyond glibc, as bionic and fortify-headers do). Checked from level 2,
// unless turned off with the `reads=off` option.
enum class ReadKind {
  None,
  // arg(length) [* arg(count)] * elementSize bytes are read, checked before
  // the call (memcpy's source, write, send, fwrite, memchr).
  Length,
  // The string must end inside its object. Checked after the call on its
  // result, which costs nothing extra: strlen's result r means r + 1 bytes
  // were read; strnlen(s, n)'s means min(r + 1, n).
  StringResult,
  // The string must end inside its object, checked before the call with
  // strnlen(s, size) when the size is known (strchr, strrchr).
  String,
  // At most arg(length) elements are read, but the scan stops at the first
  // match (memchr, wmemchr: C11 7.24.5.1p2, 7.29.4.5.8p2), so a bound past
  // the object is valid when a match lies inside it (`memchr(s, c,
  // SIZE_MAX)` is an idiom). Checked only when the bound passes the object:
  // the same call bounded by the object's size must find the match, else
  // the scan would have left the object.
  LengthUntilMatch,
};

inline constexpr std::array<ReadKind, 5> kAllReadKinds = {
    ReadKind::None, ReadKind::Length, ReadKind::StringResult, ReadKind::String,
    ReadKind::LengthUntilMatch};

// How arg(length) counts the bytes a call moves. Plain: the value itself.
// WholePairs: swab(src, dest, n) swaps pairs of bytes, so it moves n & ~1
// bytes (an odd last byte is left alone, glibc and musl) and nothing when n
// is negative (POSIX: ssize_t): max(n, 0) & ~1, n read as signed.
enum class LengthForm { Plain, WholePairs };

// Which object size bounds the destination. glibc uses the whole object for
// the mem functions and, from level 2, the closest enclosing subobject (a
// struct member) for the string functions. At level 1 every rule falls back
// to the whole object.
enum class ObjectSize { WholeObject, ClosestSubobject };

// MinimumSize rules whose minimum is MB_CUR_MAX: the plugins call
// __ctype_get_mb_cur_max(), which glibc and musl both export (their
// MB_CUR_MAX macros expand to it), so the check is exactly glibc's.
inline constexpr std::uint32_t kMinimumIsMbCurMax = 0;

// open(2) flags that need a mode argument, as Linux numbers them on x86,
// x86-64, arm and aarch64 (O_CREAT, and the __O_TMPFILE bit of O_TMPFILE).
inline constexpr std::uint64_t kOpenFlagsNeedingMode = 0100 | 020000000;

// The same flags on the target a compiler builds for (its triple: GCC's
// --target, LLVM's module triple): Linux numbers them per architecture
// (arch/*/include/uapi/asm/fcntl.h), asm-generic's for most (the value
// above), others on alpha, hppa, mips and sparc. O_TMPFILE's O_DIRECTORY
// part differs more widely (aarch64: 040000, x86: 0200000), which is why
// only its __O_TMPFILE bit is tested, as glibc's __OPEN_NEEDS_MODE does.
std::uint64_t openFlagsNeedingMode(std::string_view targetTriple);

// printf characters that may stand between '%' and the conversion letter of
// one specification (flags, width, precision, argument positions, length
// modifiers): the %n scanners of both plugins skip exactly these; any other
// character ends the specification ("%%" included).
inline constexpr std::string_view kFormatSpecificationCharacters = "0123456789.-+ #'*$hlLjztqI";

struct Rule {
  std::string_view name;  // the C library name, as a call's symbol spells it
  CheckKind kind = CheckKind::None;
  int dest = kNoArg;      // argument written to
  int source = kNoArg;    // argument a string is read from (CopyString, Append*)
  int length = kNoArg;    // element count or bound
  int count = kNoArg;     // second factor of the length (fread's nmemb)
  LengthForm lengthForm = LengthForm::Plain;  // how arg(length) counts bytes
  int format = kNoArg;    // printf-style format string (narrow only)
  int flags = kNoArg;     // OpenMode: the open flags
  unsigned elementSize = 1;  // bytes per counted element (4 for wchar_t)
  ObjectSize objectSize = ObjectSize::WholeObject;
  // The C prototype, as LLVM's TargetLibraryInfo.def gives each function
  // its own: "RESULT:PARAMETERS", one letter per type (see signature.h),
  // "." last when more arguments may follow. A call that does not match it
  // is not a call of this function and is left alone.
  std::string_view signature;
  int arity = 0;          // the prototype's fixed arguments
  bool variadic = false;  // more arguments may follow (printf, open)
  ReadKind read = ReadKind::None;
  int readArg = kNoArg;   // argument read from (ReadKind != None)
  std::uint32_t minimum = 0;         // MinimumSize: bytes, or kMinimumIsMbCurMax
  std::string_view boundedSibling;   // FormattedWrite: "snprintf", "vsnprintf"
  std::string_view replacement;      // Unbounded: what to call instead
  // The pointer result is null when the call fails (fgets, getcwd,
  // realpath); otherwise a pointer result is the destination (memcpy,
  // strcpy). Report mode gives a skipped call this failure value.
  bool nullOnFailure = false;
  // Other spellings of the same function: compiler builtins and LLVM
  // intrinsics (by base name, which may add trailing arguments).
  std::array<std::string_view, 3> aliases{};
  // glibc's own fortified entry point. Calls to it are already checked by
  // glibc and are never checked again.
  std::string_view glibcChecked;
  // glibc's headers fortify the function without an entry point of its own
  // (bcopy and bzero through __memmove_chk and __memset_chk).
  bool glibcInline = false;
  // How mode=chk calls glibcChecked: the call's own arguments with, inserted
  // at these indices of the entry point's argument list, the destination's
  // object size (`chkSizeAt`; in elements of elementSize when
  // `chkSizeInElements`, as glibc's wide functions count it) and the printf
  // family's flag (`chkFlagAt`: chkFormatFlag). OpenMode entry points
  // (__open_2) take the arguments as they are. Read by chkArguments only.
  int chkSizeAt = kNoArg;
  int chkFlagAt = kNoArg;
  bool chkSizeInElements = false;

  // Builders, so that each table row names what it sets.
  constexpr Rule(std::string_view functionName, CheckKind checkKind)
      : name(functionName), kind(checkKind) {}
  constexpr Rule writes(int destArg, int lengthArg = kNoArg, unsigned bytesPerElement = 1) const {
    Rule r = *this; r.dest = destArg; r.length = lengthArg; r.elementSize = bytesPerElement; return r;
  }
  constexpr Rule times(int countArg) const { Rule r = *this; r.count = countArg; return r; }
  constexpr Rule inWholePairs() const { Rule r = *this; r.lengthForm = LengthForm::WholePairs; return r; }
  constexpr Rule from(int sourceArg) const { Rule r = *this; r.source = sourceArg; return r; }
  constexpr Rule subobject() const { Rule r = *this; r.objectSize = ObjectSize::ClosestSubobject; return r; }
  constexpr Rule prototype(std::string_view letters) const {
    Rule r = *this;
    r.signature = letters;
    std::string_view parameters = letters.substr(letters.find(':') + 1);
    r.variadic = !parameters.empty() && parameters.back() == '.';
    r.arity = int(parameters.size()) - (r.variadic ? 1 : 0);
    return r;
  }
  constexpr Rule reads(ReadKind readKind, int arg) const { Rule r = *this; r.read = readKind; r.readArg = arg; return r; }
  constexpr Rule lengthArg(int arg) const { Rule r = *this; r.length = arg; return r; }
  constexpr Rule flagsArg(int arg) const { Rule r = *this; r.flags = arg; return r; }
  constexpr Rule elements(unsigned bytes) const { Rule r = *this; r.elementSize = bytes; return r; }
  constexpr Rule formatArg(int arg) const { Rule r = *this; r.format = arg; return r; }
  constexpr Rule atLeast(std::uint32_t bytes) const { Rule r = *this; r.minimum = bytes; return r; }
  constexpr Rule through(std::string_view sibling) const { Rule r = *this; r.boundedSibling = sibling; return r; }
  constexpr Rule insteadUse(std::string_view bounded) const { Rule r = *this; r.replacement = bounded; return r; }
  constexpr Rule failsWithNull() const { Rule r = *this; r.nullOnFailure = true; return r; }
  constexpr Rule alias(std::string_view a, std::string_view b = {}, std::string_view c = {}) const {
    Rule r = *this; r.aliases = {a, b, c}; return r;
  }
  constexpr Rule glibc(std::string_view checked) const { Rule r = *this; r.glibcChecked = checked; return r; }
  constexpr Rule glibcThroughOthers() const { Rule r = *this; r.glibcInline = true; return r; }
  // glibcChecked's argument layout (see chkSizeAt): .chk(3) for
  // __memcpy_chk(d, s, n, size), .chk(3, 2) for __snprintf_chk(s, n, flag,
  // size, fmt, ...), .chkFlag(0) for __printf_chk(flag, fmt, ...).
  constexpr Rule chk(int sizeAt, int flagAt = kNoArg) const {
    Rule r = *this; r.chkSizeAt = sizeAt; r.chkFlagAt = flagAt; return r;
  }
  constexpr Rule chkFlag(int flagAt) const { Rule r = *this; r.chkFlagAt = flagAt; return r; }
  constexpr Rule chkInElements() const { Rule r = *this; r.chkSizeInElements = true; return r; }
};

// Every rule, in a fixed order (the order reports use).
const Rule *rulesBegin();
const Rule *rulesEnd();

// The rule for a symbol or builtin/intrinsic name, or nullptr.
const Rule *findRule(std::string_view name);

// The rule whose glibc checked form (e.g. "__memcpy_chk") this is, or nullptr.
const Rule *findRuleByCheckedName(std::string_view name);

// mode=chk: one argument of the call of glibc's checked entry point.
enum class ChkArgumentKind {
  Original,  // the call's own argument `index`
  Size,      // the destination's object size (bytes, or elements: chkSizeInElements)
  Flag,      // the printf family's flag (chkFormatFlag), an int
};
struct ChkArgument {
  ChkArgumentKind kind;
  int index = kNoArg;  // Original
};
// The entry point's arguments for a call with `callArguments` arguments
// (variadic ones included), or an empty list when the rule has no entry
// point mode=chk can call (none, or glibc's entry point needs what the
// plugin does not have: gets). The one description of glibc's layouts;
// neither plugin knows a function's.
std::vector<ChkArgument> chkArguments(const Rule &rule, int callArguments);

// Whether mode=chk calls glibcChecked for the rule (chkArguments is not
// empty for a call of the rule's arity).
bool hasChkEntry(const Rule &rule);

// Whether the entry point checks the destination's size (its Size argument)
// or, with its flag, the format (%n only in read-only formats).
bool chkChecksSize(const Rule &rule);
bool chkChecksFormat(const Rule &rule);

// mode=chk: what a call needs of its destination, in the unit of the entry
// point's size argument, from what a plugin found constant among its
// arguments: arg(length) and arg(count) (CopyLength), the length of a
// literal source string (CopyString). Empty when not all of it is constant,
// for kinds measured otherwise, or when the product overflows. A call whose
// need fits its constant size is the plain call, as glibc's headers make it.
struct ChkConstants {
  std::optional<std::uint64_t> length, count, sourceLength;
};
std::optional<std::uint64_t> chkNeeded(const Rule &rule, const ChkConstants &known);

// The flag of the printf family's entry points, as glibc's headers pass it
// (__USE_FORTIFY_LEVEL - 1, at most 1): from level 2 a %n is allowed only
// in a read-only format, the level at which the plugin checks formats.
inline int chkFormatFlag(int level) { return level >= 2 ? 1 : 0; }

// Object-size type (as in __builtin_object_size) to use for a rule at a level.
int objectSizeType(const Rule &rule, int level);

// Whether the write check needs strlen/strnlen (or wcslen/wcsnlen) at run
// time; such checks must only run when the destination size is known.
bool kindNeedsStringLength(CheckKind kind);

// Whether the rule describes a check of the object written through arg(dest).
bool checksWrite(const Rule &rule);

// Whether the write check reads a string from arg(source) (CopyString,
// AppendString, AppendBounded).
bool readsSourceString(const Rule &rule);

// Whether the over-read check of the rule applies with these options.
bool checksRead(const Rule &rule, const Options &options);

// Whether glibc's _FORTIFY_SOURCE fortifies the function: the functions
// Red Hat's coverage figures count.
bool glibcFortifies(const Rule &rule);

// Whether %n checks apply to the rule's format at a level (glibc: level 2).
bool checksFormat(const Rule &rule, int level);

// Whether the rule has anything to check or say with these options.
bool hasAnyCheck(const Rule &rule, const Options &options);

// Whether the write check must first branch on the size being known: string
// measurements, divisions (elementSize != 1, a count factor) and runtime
// minimums would otherwise leave code behind when the size is unknown.
bool writeCheckNeedsKnownSize(const Rule &rule);

// The same for the over-read check: string scans and divisions.
bool readCheckNeedsKnownSize(const Rule &rule);

// Object-size type for what a rule reads: always the whole object, so that
// legacy code reading across struct members is never stopped.
inline constexpr int kReadObjectSizeType = 0;

// Which string functions measure the rule's strings: strlen and strnlen,
// wcslen and wcsnlen, or none (the rule reads no string: getgroups and
// poll count elements, they have no characters).
enum class Characters { None, Narrow, Wide };
Characters characters(const Rule &rule);

const char *checkKindName(CheckKind kind);
const char *readKindName(ReadKind kind);

}  // namespace fortify

#endif
