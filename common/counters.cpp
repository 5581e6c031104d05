#include "counters.h"

#include <algorithm>

namespace fortify {
namespace {

DecisionScope *gActiveDecision = nullptr;

constexpr size_t kReadRows = kAllCheckKinds.size();
constexpr size_t kFormatRow = kReadRows + kAllReadKinds.size();

// "copy-length" -> "CopyLength": a statistic's name is an identifier.
std::string camelCase(std::string_view words) {
  std::string name;
  bool upper = true;
  for (char c : words) {
    if (c == '-') {
      upper = true;
      continue;
    }
    name += upper && c >= 'a' && c <= 'z' ? char(c - 'a' + 'A') : c;
    upper = false;
  }
  return name;
}

// LLVM prints statistics sorted by name: these sort as the measures read
// (calls, checks, then the sites by status).
std::string_view measureName(Measure measure) {
  switch (measure) {
  case Measure::Seen: return "Calls";
  case Measure::Checked: return "Checks";
  case Measure::Folded: return "SitesFolded";
  case Measure::Kept: return "SitesKept";
  case Measure::Unknown: return "SitesUnknown";
  case Measure::Overflow: return "SitesOverflow";
  }
  return "?";
}

std::string_view measureDescription(Measure measure) {
  switch (measure) {
  case Measure::Seen: return "calls seen";
  case Measure::Checked: return "checks emitted";
  case Measure::Folded: return "sites folded (safe)";
  case Measure::Kept: return "sites checked at run time";
  case Measure::Unknown: return "sites of unknown size";
  case Measure::Overflow: return "sites that always fail";
  }
  return "?";
}

Measure measureOf(SiteStatus status) {
  switch (status) {
  case SiteStatus::Safe: return Measure::Folded;
  case SiteStatus::Checked: return Measure::Kept;
  case SiteStatus::Unknown: return Measure::Unknown;
  case SiteStatus::Overflow: return Measure::Overflow;
  }
  return Measure::Unknown;
}

// "x.c:12:5", "x.c" without a line.
std::string location(const SiteDescriptor &site) {
  std::string text = site.file.empty() ? "?" : site.file;
  if (site.line != 0)
    text += ":" + std::to_string(site.line) + ":" + std::to_string(site.column);
  return text;
}

std::string callText(const SiteDescriptor &site) {
  std::string text = site.function + " at " + location(site);
  if (!site.caller.empty())
    text += " in " + site.caller;
  return text;
}

}  // namespace

std::string_view routeName(Route route) {
  switch (route) {
  case Route::Direct: return "direct";
  case Route::LibcWrapper: return "libc-wrapper";
  case Route::LibcChecked: return "libc-checked";
  case Route::OptedOut: return "no_fortify";
  case Route::NotLibc: return "not-libc";
  case Route::CompilerCopy: return "compiler-copy";
  }
  return "?";
}

void CallDecision::record(Problem problem, Instrumented what) {
  for (const auto &[known, how] : records)
    if (known == problem && how == what)
      return;
  records.emplace_back(problem, what);
}

DecisionScope::DecisionScope(const Rule &rule, Route route) : previous_(gActiveDecision) {
  decision_.rule = &rule;
  decision_.route = route;
  gActiveDecision = this;
}

DecisionScope::~DecisionScope() { gActiveDecision = previous_; }

void DecisionScope::noteRecord(Problem problem, Instrumented what) {
  if (gActiveDecision)
    gActiveDecision->decision_.record(problem, what);
}

std::string traceCall(const CallDecision &decision, const SiteDescriptor &where) {
  std::string line = callText(where);
  if (const Rule *rule = decision.rule) {
    std::vector<std::string_view> kinds;
    if (rule->kind != CheckKind::None)
      kinds.push_back(checkKindName(rule->kind));
    if (rule->read != ReadKind::None)
      kinds.push_back(readKindName(rule->read));
    if (rule->format != kNoArg)
      kinds.push_back("format");
    line += " (";
    for (size_t i = 0; i < kinds.size(); ++i)
      line += (i ? ", " : "") + std::string(kinds[i]);
    line += ")";
  }
  line += ": " + std::string(routeName(decision.route)) + ":";
  if (decision.records.empty())
    line += " no site";
  for (size_t i = 0; i < decision.records.size(); ++i) {
    const auto &[problem, what] = decision.records[i];
    line += (i ? ", " : " ") + std::string(problemWord(problem)) + "=" +
            std::string(instrumentedName(what));
  }
  return line;
}

std::string traceSite(const SiteFacts &site) {
  std::string line = std::string(problemWord(site.descriptor.problem)) + " " +
                     callText(site.descriptor) + ": " + std::string(statusName(site.status()));
  if (Fortifier by = site.knownBy(); by != Fortifier::None)
    line += " by " + std::string(fortifierName(by));
  return line;
}

size_t Counters::rowOf(Problem problem, const Rule &rule) {
  switch (problem) {
  case Problem::FormatN:
    return kFormatRow;
  case Problem::OverRead:
    return kReadRows + size_t(rule.read);
  case Problem::Overflow:
  case Problem::OpenWithoutMode:
    break;
  }
  return size_t(rule.kind);
}

std::string_view Counters::rowName(size_t row) {
  if (row < kReadRows) {
    CheckKind kind = kAllCheckKinds[row];
    return kind == CheckKind::None ? "write" : checkKindName(kind);
  }
  if (row < kFormatRow) {
    ReadKind kind = kAllReadKinds[row - kReadRows];
    return kind == ReadKind::None ? "read" : readKindName(kind);
  }
  return "format";
}

void Counters::count(const CallDecision &decision) {
  if (!decision.rule)
    return;
  for (const auto &[problem, what] : decision.records) {
    size_t row = rowOf(problem, *decision.rule);
    add(row, Measure::Seen, 1);
    if (what == Instrumented::Check)
      add(row, Measure::Checked, 1);
  }
}

void Counters::count(const SiteTable &table) {
  for (const auto &[text, site] : table.sites())
    if (const Rule *rule = findRule(site.descriptor.function))
      add(rowOf(site.descriptor.problem, *rule), measureOf(site.status()), 1);
}

unsigned Counters::get(size_t row, Measure measure) const {
  return row < kRows ? counts_[row][size_t(measure)] : 0;
}

void Counters::add(size_t row, Measure measure, unsigned value) {
  if (row < kRows)
    counts_[row][size_t(measure)] += value;
}

Counters &Counters::operator+=(const Counters &other) {
  for (size_t row = 0; row < kRows; ++row)
    for (Measure measure : kAllMeasures)
      add(row, measure, other.get(row, measure));
  return *this;
}

bool Counters::empty() const {
  for (size_t row = 0; row < kRows; ++row)
    for (Measure measure : kAllMeasures)
      if (get(row, measure))
        return false;
  return true;
}

std::string Counters::counterName(size_t row, Measure measure) {
  return camelCase(rowName(row)) + std::string(measureName(measure));
}

std::string Counters::counterDescription(size_t row, Measure measure) {
  return std::string(rowName(row)) + " " + std::string(measureDescription(measure));
}

std::vector<Counters::Counter> Counters::nonZero() const {
  std::vector<Counter> list;
  for (size_t row = 0; row < kRows; ++row)
    for (Measure measure : kAllMeasures)
      if (unsigned value = get(row, measure))
        list.push_back({row, measure, counterName(row, measure),
                        counterDescription(row, measure), value});
  std::sort(list.begin(), list.end(),
            [](const Counter &a, const Counter &b) { return a.name < b.name; });
  return list;
}

std::string formatCounters(const Counters &counters, std::string_view debugType) {
  const std::vector<Counters::Counter> list = counters.nonZero();
  if (list.empty())
    return {};
  size_t width = 0;
  for (const Counters::Counter &counter : list)
    width = std::max(width, std::to_string(counter.value).size());
  const std::string rule = "===" + std::string(73, '-') + "===\n";
  std::string text = rule + std::string(26, ' ') + "... Statistics Collected ...\n" + rule + "\n";
  for (const Counters::Counter &counter : list) {
    std::string value = std::to_string(counter.value);
    text += std::string(width - value.size(), ' ') + value + " " + std::string(debugType) +
            " - " + counter.description + "\n";
  }
  return text + "\n";
}

}  // namespace fortify
