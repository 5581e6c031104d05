#include "site-model.h"

#include <algorithm>
#include <tuple>

namespace fortify {
namespace {

unsigned bits(Fortifier fortifier) { return unsigned(fortifier); }

constexpr Instrumented kAllInstrumented[] = {Instrumented::Check, Instrumented::Libc,
                                             Instrumented::LibcCheck, Instrumented::Safe,
                                             Instrumented::Overflow, Instrumented::None};

}  // namespace

std::string_view instrumentedName(Instrumented what) {
  switch (what) {
  case Instrumented::Check:
    return "check";
  case Instrumented::Libc:
    return "libc";
  case Instrumented::LibcCheck:
    return "libc-check";
  case Instrumented::Safe:
    return "safe";
  case Instrumented::Overflow:
    return "overflow";
  case Instrumented::None:
    return "none";
  }
  return "?";
}

bool parseInstrumented(std::string_view name, Instrumented &what) {
  for (Instrumented candidate : kAllInstrumented)
    if (instrumentedName(candidate) == name) {
      what = candidate;
      return true;
    }
  return false;
}

void SiteFacts::record(Instrumented what) {
  switch (what) {
  case Instrumented::Check:
    pluginCheck = true;
    break;
  case Instrumented::Libc:
    libcUnobservable = true;
    break;
  case Instrumented::LibcCheck:
    libcCheck = true;
    break;
  case Instrumented::Safe:
    provenSafe = true;
    break;
  case Instrumented::Overflow:
    provenOverflow = true;
    break;
  case Instrumented::None:
    noCheck = true;
    break;
  }
}

void SiteFacts::observeCheck(SiteStatus status) {
  checkStatus_ = checkObserved_ ? combineStatus(checkStatus_, status) : status;
  checkObserved_ = true;
}

// Copies of one call (the function holding it inlined in several places)
// may fare differently: the site is unknown when one copy knew no size, and
// a fortifier knew it when it knew it in every copy.
void SiteFacts::observeLibcSizes(Fortifier knew) {
  if (knew == Fortifier::None)
    libcSizeUnknownSomewhere_ = true;
  libcKnewEverywhere_ = libcSizesSeen_ ? libcKnewEverywhere_ & bits(knew) : bits(knew);
  libcKnewSomewhere_ |= bits(knew);
  libcSizesSeen_ = true;
}

void SiteFacts::observeLibcCheckSurvives(bool sizeKnown) {
  libcSurvives_ = true;
  libcSurvivesUnknown_ |= !sizeKnown;
}

SiteStatus SiteFacts::status() const {
  // The least protected of what the calls behind the descriptor got.
  SiteStatus status = SiteStatus::Safe;
  auto add = [&](SiteStatus next) { status = combineStatus(status, next); };
  if (libcUnobservable)
    add(SiteStatus::Checked);
  if (libcCheck) {
    // The library's check is made where its checked call survived, unless
    // its size was -1 (glibc then calls the plain function); one that folded
    // with no size known was no check at all. A check gone before its sizes
    // could be seen folded as passing: both sizes were known (no folder
    // before the object-size passes gives up on a size).
    if (libcOverflow_)
      add(SiteStatus::Overflow);
    if (libcSizeUnknownSomewhere_ || libcSurvivesUnknown_)
      add(SiteStatus::Unknown);
    else if (libcSurvives_)
      add(SiteStatus::Checked);
  }
  if (provenOverflow)
    add(SiteStatus::Overflow);
  if (noCheck)
    add(SiteStatus::Unknown);
  if (pluginCheck && checkObserved_)
    add(checkStatus_);  // otherwise every copy of the check folded away
  if (sharedQueryUnknown_)
    add(SiteStatus::Unknown);
  return status;
}

Fortifier SiteFacts::knownBy() const {
  if (status() == SiteStatus::Unknown)
    return Fortifier::None;
  unsigned knew = 0;
  if (pluginCheck || provenSafe || provenOverflow)
    knew |= bits(Fortifier::Plugin);
  if (libcUnobservable)
    knew |= bits(Fortifier::Libc);
  if (libcCheck) {
    if (!libcSizesSeen_)
      // Folded before it could be seen: with both sizes known, or (%n,
      // open) a check that has no sizes, the library's alone.
      knew |= problemInfo(descriptor.problem).hasSizes ? bits(Fortifier::Both)
                                                       : bits(Fortifier::Libc);
    else
      knew |= libcKnewEverywhere_ ? libcKnewEverywhere_ : libcKnewSomewhere_;
  }
  return Fortifier(knew);
}

void SiteFacts::noteUnknownReason(UnknownReason why) { ++reasonCounts_[unsigned(why)]; }

void SiteFacts::inheritUnknownQuery(UnknownReason why) {
  if (sharedQueryUnknown_)
    return;
  sharedQueryUnknown_ = true;
  noteUnknownReason(why);
}

std::optional<UnknownReason> SiteFacts::unknownReason() const {
  if (status() != SiteStatus::Unknown)
    return std::nullopt;
  unsigned best = 0;
  for (unsigned i = 1; i < kUnknownReasonCount; ++i)
    if (reasonCounts_[i] > reasonCounts_[best])
      best = i;
  if (reasonCounts_[best])
    return UnknownReason(best);
  return noCheck ? UnknownReason::NotChecked : UnknownReason::Other;
}

SiteStatus markerStatus(const MarkerFacts &marker) {
  if (marker.sizeUnknown)
    return SiteStatus::Unknown;
  // On the failure path the optimisers substitute what the path condition
  // implies (a length known to be 1 or 2 fails `size < len + 1` with size 2
  // only as len = 2): constant sizes there prove nothing while the test is
  // there. Jump threading copies a check into the paths of the program's
  // own branches, and the copy on one path may fold to "fails" while the
  // call still runs, fitting, on another.
  if ((marker.guardedByItsCheck && marker.guardedByItsCheck()) ||
      (marker.callSurvivesElsewhere && marker.callSurvivesElsewhere()) ||
      marker.sharedBySeveralSites)
    return SiteStatus::Checked;
  // The test folded: the failure is certain once reached. Problems with
  // sizes need them as constants for the message (a length known only to
  // be in a range that does not fit stays a run-time check).
  if (!problemInfo(marker.problem).hasSizes)
    return SiteStatus::Overflow;
  if (marker.needed && marker.available && *marker.available < *marker.needed)
    return SiteStatus::Overflow;
  return SiteStatus::Checked;
}

SiteFacts &SiteTable::add(const SiteDescriptor &descriptor) {
  SiteFacts &facts = sites_[encodeSite(descriptor)];
  facts.descriptor = descriptor;
  return facts;
}

SiteFacts *SiteTable::find(std::string_view encoded) {
  auto found = sites_.find(encoded);
  return found == sites_.end() ? nullptr : &found->second;
}

SiteFacts *SiteTable::findOrDecode(std::string_view encoded) {
  if (SiteFacts *facts = find(encoded))
    return facts;
  SiteDescriptor descriptor;
  if (!decodeSite(encoded, descriptor))
    return nullptr;
  SiteFacts &facts = sites_[std::string(encoded)];
  facts.descriptor = descriptor;
  return &facts;
}

namespace {

// Source order: file, line, column, then the problem's word, the function
// and the caller, so that records read as the program does and come out
// the same from one build to the next.
bool inSourceOrder(const CoverageRecord &a, const CoverageRecord &b) {
  const SiteDescriptor &x = a.site, &y = b.site;
  return std::make_tuple(std::string_view(x.file), x.line, x.column, problemWord(x.problem),
                         std::string_view(x.function), std::string_view(x.caller)) <
         std::make_tuple(std::string_view(y.file), y.line, y.column, problemWord(y.problem),
                         std::string_view(y.function), std::string_view(y.caller));
}

}  // namespace

void SiteTable::shareSizeQuery(SiteFacts &first, SiteFacts &second) {
  if (&first == &second || (first.sizeQueryGroup && first.sizeQueryGroup == second.sizeQueryGroup))
    return;
  if (!first.sizeQueryGroup && !second.sizeQueryGroup) {
    first.sizeQueryGroup = second.sizeQueryGroup = ++lastGroup_;
    return;
  }
  if (!first.sizeQueryGroup || !second.sizeQueryGroup) {
    unsigned group = first.sizeQueryGroup | second.sizeQueryGroup;
    first.sizeQueryGroup = second.sizeQueryGroup = group;
    return;
  }
  const unsigned from = second.sizeQueryGroup, to = first.sizeQueryGroup;
  for (auto &[text, site] : sites_)
    if (site.sizeQueryGroup == from)
      site.sizeQueryGroup = to;
}

void SiteTable::settleSharedQueries() {
  // The reason of the first check of each size-query group seen unknown.
  std::map<unsigned, UnknownReason> unknownGroups;
  for (const auto &[text, site] : sites_)
    if (site.sizeQueryGroup && site.checkSeenUnknown())
      if (auto why = site.unknownReason())
        unknownGroups.emplace(site.sizeQueryGroup, *why);
  for (auto &[text, site] : sites_) {
    auto group = unknownGroups.find(site.sizeQueryGroup);
    if (group != unknownGroups.end() && (site.checkFoldedAway() || site.libcCheckFoldedAway()) &&
        site.status() == SiteStatus::Safe)
      site.inheritUnknownQuery(group->second);
  }
}

UnitSummary summarizeUnit(const SiteTable &table, std::string_view compiler,
                          std::string_view translationUnit, const Options &options,
                          int libcLevel) {
  UnitSummary summary;
  for (const auto &[text, site] : table.sites()) {
    CoverageRecord record;
    record.compiler = std::string(compiler);
    record.translationUnit = std::string(translationUnit);
    record.site = site.descriptor;
    record.status = site.status();
    record.level = options.level;
    record.by = site.knownBy();
    record.libcLevel = libcLevel;
    record.why = site.unknownReason();
    if (isHeadlineSite(site.descriptor))
      summary.counts.add(record.status);
    summary.records.push_back(std::move(record));
  }
  std::sort(summary.records.begin(), summary.records.end(), inSourceOrder);
  return summary;
}

SkippedResult skippedCallResult(const Rule &rule, ResultType type, bool destinationFits) {
  switch (type) {
  case ResultType::Pointer:
    return destinationFits && rule.dest != kNoArg && !rule.nullOnFailure ? SkippedResult::Destination
                                                                         : SkippedResult::Null;
  case ResultType::SignedInteger:
    return SkippedResult::MinusOne;
  case ResultType::UnsignedInteger:
  case ResultType::Other:
    return SkippedResult::Zero;
  }
  return SkippedResult::Zero;
}

}  // namespace fortify
