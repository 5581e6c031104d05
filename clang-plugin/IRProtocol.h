// The Clang plugin's IR protocol: every name its passes leave in a module
// for a later pass (or a later run of the plugin, or the LTO link) to find.
// One place, so that a reader sees the whole protocol and no two passes
// spell a name twice.
//
// Named metadata (survives optimisation and the LTO pre-link bitcode):
//   !fortify.sites   = !{!{!"<descriptor>", !"<kind>"}, ...}
//     kind: "check" (a check with a failure path was inserted), "libc" (the C
//     library's own fortify checks it: an inline wrapper, a __*_chk call),
//     "libc-check" (the same, through a tagged __*_chk call: LibcFortify.h),
//     "safe" (provably fine without code: a literal format, open with a
//     mode), "none" (no check: wrong shape, gets, an option turned it off),
//     "overflow" (diagnosed at instrumentation: open(O_CREAT) without mode).
//   !fortify.unknown = !{!{!"<descriptor>", !"<reason>", !"<copies>"}, ...}:
//     sites one of whose copies asked llvm.objectsize about an object of
//     unknown size (the probe; LowerConstantIntrinsics would fold those
//     checks away silently), why (fortify::UnknownReason's word) and in how
//     many copies.
//   !fortify.shared = !{!{!"<descriptor>", !"<descriptor>", ...}, ...}: sites
//     whose checks asked the same size query when they were made
//     (SharedQueries.h).
//   !fortify.finished: the late pass ran (once per module).
// and on instructions: !fortify.check on each check's conditional branch,
// !fortify.chk on mode=chk's entry point calls,
// !fortify.dynamic on the checks' level-3 size queries (DynamicSizes.h),
// !fortify.null_guard on the select that gives a null pointer among a
// query's choices no size (DynamicSizes.h).
//
// The C library's checks (LibcFortify.h), on instructions:
//   !fortify.libc.size on glibc's size queries of the destination in a
//     wrapper body, and on the umin that tightens one after inlining;
//   !fortify.libc = !{!"<descriptor>", i32 <size argument or -1>, i1
//     <tightened>} on each `__*_chk` call standing for a call site.
// Named: !fortify.libc.seen = !{!{!"<descriptor>", !"<by>"|"known",
//   !"probe"|"final"}}:
//   what the probe (after inlining, before sizes fold) and the finishing
//   pass (what survived) saw of those calls (SiteTable.cpp).
#ifndef FORTIFY_CLANG_IR_PROTOCOL_H
#define FORTIFY_CLANG_IR_PROTOCOL_H

#include <string_view>

namespace fortify_llvm {

// Named metadata and globals of the call sites (Sites.h).
inline constexpr const char *kSitesMetadata = "fortify.sites";
inline constexpr const char *kUnknownMetadata = "fortify.unknown";
inline constexpr const char *kFinishedMetadata = "fortify.finished";
inline constexpr const char *kSharedQueriesMetadata = "fortify.shared";
inline constexpr const char *kSiteGlobalName = "fortify.site";
// On the conditional branch of each check, towards its failure block.
inline constexpr const char *kCheckBranchMetadata = "fortify.check";

// The kinds of a !fortify.sites record (fortify::Instrumented's words).
inline constexpr const char *kKindCheck = "check";
inline constexpr const char *kKindLibc = "libc";
// A call whose write the C library checks through a `__*_chk` call tagged
// !fortify.libc; its status is what became of that call (LibcFortify.h).
inline constexpr const char *kKindLibcCheck = "libc-check";
inline constexpr const char *kKindSafe = "safe";
inline constexpr const char *kKindNone = "none";
inline constexpr const char *kKindOverflow = "overflow";

// The C library's checks (LibcFortify.h).
inline constexpr const char *kLibcSizeMetadata = "fortify.libc.size";
inline constexpr const char *kLibcCheckMetadata = "fortify.libc";
inline constexpr const char *kLibcSeenMetadata = "fortify.libc.seen";
inline constexpr const char *kLibcSeenByProbe = "probe";
inline constexpr const char *kLibcSeenFinal = "final";
// In place of a fortifier's name: the size was known, but folding merged
// the two sizes so that whose is no longer visible.
inline constexpr std::string_view kLibcKnownBySomeone = "known";

// mode=chk: on the plugin's calls of glibc's checked entry points, !{i1
// <plain>}: whether the call checks a size and nothing else, and so becomes
// the plain call again when the size is unknown or the call fits
// (ChkCalls.h).
inline constexpr const char *kChkEntryMetadata = "fortify.chk";

// On `select (p == null), -1, size`: a check's query about a choice between
// null and objects, made to size the objects exactly; the probe reads the
// size, not the -1 of the null path (DynamicSizes.h).
inline constexpr const char *kNullGuardMetadata = "fortify.null_guard";

// Instrumented calls carry this metadata, so a second run of the pass (the
// plugin loaded both as -fplugin and as -fpass-plugin, or a later LTO run)
// leaves them alone.
inline constexpr const char *kCheckedMetadata = "fortify.checked";

// On the checks' own llvm.objectsize calls at level 3 (emitted with
// dynamic=false): the query is to ask for the dynamic size once inlining is
// done. The program's own calls never carry it.
inline constexpr const char *kDynamicSizeMetadata = "fortify.dynamic";

// The annotation `__attribute__((no_fortify))` becomes (FrontendAction.cpp);
// the pass checks no call of a function that carries it.
inline constexpr const char *kNoFortifyAnnotation = "no_fortify";

// Prefix of the functions this plugin defines itself (the format scanner);
// the pass never instruments them.
inline constexpr const char *kInternalPrefix = "fortify.";

}  // namespace fortify_llvm

#endif
