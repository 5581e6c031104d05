#include "aggregate.h"

namespace fortify::coverage {

CheckGroup groupOf(const SiteKey &key) { return checkGroup(key.check, key.function); }

const char *groupingName(Grouping grouping) {
  switch (grouping) {
  case Grouping::Function:
    return "function";
  case Grouping::File:
    return "file";
  case Grouping::Caller:
    return "caller";
  }
  return "function";
}

void Aggregate::add(const CoverageRecord &record) {
  ++records;
  compilers.insert(record.compiler);
  levels.insert(record.level);
  if (record.libcLevel > 0)
    libcLevels.insert(record.libcLevel);
  const SiteDescriptor &s = record.site;
  SiteKey key{s.file, s.line, s.column, s.function, s.caller, s.problem};
  auto [it, inserted] = sites.try_emplace(key);
  Site &site = it->second;
  site.status = inserted ? record.status : combineStatus(site.status, record.status);
  site.libcKnew = site.libcKnew && record.libcLevel > 0 && libcKnew(record.by);
  ++site.records;
  site.translationUnits.insert(record.translationUnit);
  site.compilers.insert(record.compiler);
  if (record.why)
    ++site.reasons[*record.why];
}

Counts Aggregate::libcAlone() const {
  Counts counts;
  for (const auto &[key, site] : sites)
    if (groupOf(key) == CheckGroup::Headline)
      counts.add(site.libcKnew ? site.status : SiteStatus::Unknown);
  return counts;
}

Counts Aggregate::total(CheckGroup group) const {
  Counts counts;
  for (const auto &[key, site] : sites)
    if (groupOf(key) == group)
      counts.add(site.status);
  return counts;
}

std::vector<Row> Aggregate::rows(Grouping grouping) const {
  std::map<std::pair<std::string, CheckGroup>, Row> byName;
  for (const auto &[key, site] : sites) {
    std::string name;
    switch (grouping) {
    case Grouping::Function:
      name = key.function;
      break;
    case Grouping::File:
      name = key.file.empty() ? "<unknown>" : key.file;
      break;
    case Grouping::Caller:
      name = (key.caller.empty() ? std::string("<unknown>") : key.caller) + " (" +
             (key.file.empty() ? std::string("<unknown>") : key.file) + ")";
      break;
    }
    const CheckGroup group = groupOf(key);
    Row &row = byName[{name, group}];
    row.name = name;
    row.group = group;
    row.checks.insert(key.check);
    row.counts.add(site.status);
  }
  std::vector<Row> rows;
  for (auto &[key, row] : byName)
    rows.push_back(std::move(row));
  return rows;
}

}  // namespace fortify::coverage
