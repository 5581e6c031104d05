// What both plugins tell people about the calls they instrument: the site
// descriptor the checks pass to the runtime, the compile-time diagnostic,
// the coverage records and the note section. One definition each, so that a
// GCC build and a Clang build report alike and tools read both.
#ifndef FORTIFY_COMMON_REPORT_H
#define FORTIFY_COMMON_REPORT_H

#include "options.h"
#include "problems.h"
#include "rules.h"
#include "unknown-reason.h"

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace fortify {

// ---------------------------------------------------------------------------
// Site descriptors.
//
// Every check's failure path calls
//   __fortify_fail(const char *site, size_t needed, size_t available)
// (trap and abort modes: noreturn; the plugin replaces it after optimisation
// by a trap or write+abort), or in report mode the runtime's
//   __fortify_report(const char *site, size_t needed, size_t available)
// `needed` and `available` are bytes (0 when the problem has no sizes).
// `site` is a string constant of six fields, each ended by a NUL:
//   problem word, function called, file, line, column, calling function
// e.g. "write\0memcpy\0x.c\0" "12\0" "5\0main\0". The descriptor's text also
// identifies the call site to the plugin's late pass (copies made by inlining
// or unrolling share it).
inline constexpr std::string_view kFailMarkerName = "__fortify_fail";
inline constexpr std::string_view kReportFunctionName = "__fortify_report";

struct SiteDescriptor {
  Problem problem = Problem::Overflow;
  std::string function;  // the libc function called
  std::string file;      // empty when unknown
  unsigned line = 0;     // 0 when unknown
  unsigned column = 0;
  std::string caller;    // the function containing the call
};

// What a call of this rule is mainly checked for; names the coverage record
// of a call that gets no check at all.
Problem primaryProblem(const Rule &rule);

// The bytes of the string constant, including the NUL that ends the last
// field (a C string literal of this content adds one more NUL: harmless).
std::string encodeSite(const SiteDescriptor &site);
// Reads the fields back; false when `text` is not a descriptor.
bool decodeSite(std::string_view text, SiteDescriptor &site);

// A decimal count of at most nine digits (the descriptor's line and column,
// the note's counts); false for anything else.
bool parseDecimal(std::string_view text, unsigned &value);

// ---------------------------------------------------------------------------
// Coverage: what optimisation left of each call site's check.
enum class SiteStatus {
  Safe,      // the size is known and the check folded away (or the call was removed)
  Checked,   // a run-time check remains
  Unknown,   // the object's size is unknown: not protected
  Overflow,  // the check always fails when reached (diagnosed at compile time)
};
std::string_view statusName(SiteStatus status);
bool parseStatus(std::string_view name, SiteStatus &status);

// glibc's level-3 study counted a call as fortified when the compiler knew
// the size of the object: everything but Unknown.
inline bool isProtected(SiteStatus status) { return status != SiteStatus::Unknown; }

// What the figures are given for. The headline is Red Hat's measure of
// glibc's _FORTIFY_SOURCE: the size checks (write) of the functions glibc
// fortifies, over all calls of those functions; the note section counts
// the same. The other checks have lines of their own.
enum class CheckGroup {
  Headline,    // write, of a function glibc fortifies
  OtherWrite,  // write, of a function glibc does not fortify
  Format,      // %n in a writable format
  Open,        // open's mode
  Read,        // over-reads (beyond glibc)
};
inline constexpr CheckGroup kAllCheckGroups[] = {CheckGroup::Headline, CheckGroup::OtherWrite,
                                                 CheckGroup::Format, CheckGroup::Open,
                                                 CheckGroup::Read};
CheckGroup checkGroup(Problem problem, std::string_view function);
// "glibc's size checks", "other writes", "format", "open", "read".
std::string_view checkGroupName(CheckGroup group);
// Its key in fortify-coverage's JSON: "headline", "other_writes", ...
std::string_view checkGroupKey(CheckGroup group);
inline bool isHeadlineSite(const SiteDescriptor &site) {
  return checkGroup(site.problem, site.function) == CheckGroup::Headline;
}

// The less protected of two statuses of one call site (copies of a site made
// by inlining may fare differently): Overflow, Unknown, Checked, Safe.
SiteStatus combineStatus(SiteStatus a, SiteStatus b);

// Which fortification knew the size a call site's check uses: the plugin
// (its own inline check, or the size it gave the C library's check), the C
// library's headers (glibc's _FORTIFY_SOURCE, fortify-headers) through
// their checked entry points (__memcpy_chk ...), both, or neither (status
// unknown). Beside glibc, one build thus gives glibc's coverage and ours.
// The values are bits: Both = Plugin | Libc.
enum class Fortifier { None = 0, Plugin = 1, Libc = 2, Both = 3 };
constexpr Fortifier fortifierOf(bool pluginKnew, bool libcKnew) {
  return Fortifier((pluginKnew ? 1 : 0) | (libcKnew ? 2 : 0));
}
std::string_view fortifierName(Fortifier fortifier);
bool parseFortifier(std::string_view name, Fortifier &fortifier);
// Whether the C library's own fortification knew the size (its coverage).
inline bool libcKnew(Fortifier f) { return f == Fortifier::Libc || f == Fortifier::Both; }

struct CoverageRecord {
  std::string compiler;        // "gcc 12.2.0", "clang 19.1.7"
  std::string translationUnit; // the main input file
  SiteDescriptor site;         // `problem` names the check the status is about
  SiteStatus status = SiteStatus::Unknown;
  int level = 3;               // the plugin's level
  Fortifier by = Fortifier::Plugin;
  int libcLevel = 0;           // the C library's _FORTIFY_SOURCE level; 0: off
  // Why the size is unknown: set on records of status unknown only.
  std::optional<UnknownReason> why;
};

// One JSON object on one line (JSON Lines), keys in this order:
// {"compiler":…,"tu":…,"function":…,"file":…,"line":…,"column":…,
//  "caller":…,"check":…,"status":…,"level":…,"by":…,"libc_level":…,"why":…}
// ("why" only when `why` is set: status unknown. "by" and "libc_level" are
// absent from records of plugins before 0.3, and so is "why":
// readers take "plugin", 0 and no reason.)
std::string formatCoverageRecord(const CoverageRecord &record);

// Appends the records to `path` in one write (O_APPEND), so that parallel
// compilers writing one report do not interleave lines. False and `error`
// set on failure.
bool appendCoverageRecords(const std::string &path, const std::vector<CoverageRecord> &records,
                           std::string &error);

// ---------------------------------------------------------------------------
// The note section every instrumented object carries: ELF note, owner
// "fortify", type kNoteType, description a NUL-terminated text (the counts
// are of call-site checks for which isHeadlineSite holds):
//   "fortify-plugins 0.2.0; compiler=gcc 12.2.0; level=3; mode=trap;
//    safe=N; checked=N; unknown=N; overflow=N"
inline constexpr std::string_view kNoteSectionName = ".note.fortify";
inline constexpr std::string_view kNoteOwner = "fortify";
inline constexpr uint32_t kNoteType = 1;

struct StatusCounts {
  unsigned safe = 0, checked = 0, unknown = 0, overflow = 0;
  void add(SiteStatus status);
  StatusCounts &operator+=(const StatusCounts &other);
  unsigned sites() const { return safe + checked + unknown + overflow; }
  unsigned protectedSites() const { return sites() - unknown; }
  // Percent of protected sites (isProtected); negative when there are none.
  double coverage() const;
};

std::string notePayload(std::string_view pluginVersion, std::string_view compiler,
                        const Options &options, const StatusCounts &counts);
// The complete note (header, padded owner, padded description) for the host
// byte order, ready to be emitted as the contents of kNoteSectionName.
std::string noteBytes(std::string_view payload);

// ---------------------------------------------------------------------------
// The coverage records travel inside each object too: the records' JSON
// Lines in a non-allocated section that linkers concatenate and keep, and
// that `strip` (and `objcopy --only-keep-debug`, into a debug package) treat
// as debugging information, hence the name. A cache hit (ccache), a
// distributed compile or LTO hands on the object and its records alike, and
// a linked program holds the records of exactly the objects linked into it.
inline constexpr std::string_view kRecordsSectionName = ".debug_fortify";

// The records as the section holds them: formatCoverageRecord's lines, each
// ending in a newline.
std::string recordsText(const std::vector<CoverageRecord> &records);

// Assembly that puts `bytes` into `section` (flags as for `.section`:
// "" non-allocated, "a" allocated) and returns to the section before, so
// that it fits at the end of an assembly file, in a top-level asm statement
// or in LLVM module assembly alike.
std::string sectionAssembly(std::string_view section, std::string_view flags,
                            std::string_view type, unsigned alignment, std::string_view bytes);

}  // namespace fortify

#endif
