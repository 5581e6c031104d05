#include "reasons.h"

#include "json.h"
#include "output.h"

#include <algorithm>
#include <iomanip>
#include <map>
#include <sstream>

namespace fortify::coverage {
namespace {

std::string callerName(const SiteKey &key) {
  return key.caller + " (" + (key.file.empty() ? std::string("<unknown>") : key.file) + ")";
}

std::string reasonName(const std::optional<UnknownReason> &reason) {
  return reason ? std::string(unknownReasonName(*reason)) : std::string("(not recorded)");
}

std::string percent(unsigned part, unsigned whole) {
  std::ostringstream text;
  text << std::fixed << std::setprecision(2) << (whole ? 100.0 * part / whole : 0.0);
  return text.str();
}

unsigned unknownSites(const Aggregate &aggregate) {
  unsigned count = 0;
  for (const auto &[key, site] : aggregate.sites)
    count += site.status == SiteStatus::Unknown;
  return count;
}

}  // namespace

std::optional<UnknownReason> siteReason(const Site &site) {
  std::optional<UnknownReason> best;
  unsigned most = 0;
  for (const auto &[reason, count] : site.reasons)  // in the vocabulary's order
    if (count > most) {
      best = reason;
      most = count;
    }
  return best;
}

std::vector<ReasonRow> reasonRows(const Aggregate &aggregate) {
  // Keyed by the reason's rank; not recorded after every reason.
  std::map<unsigned, ReasonRow> rows;
  std::map<unsigned, std::map<std::string, unsigned>> callers;
  for (const auto &[key, site] : aggregate.sites) {
    if (site.status != SiteStatus::Unknown)
      continue;
    std::optional<UnknownReason> reason = siteReason(site);
    unsigned rank = reason ? unsigned(*reason) : kUnknownReasonCount;
    ReasonRow &row = rows[rank];
    row.reason = reason;
    ++row.sites;
    row.headline += groupOf(key) == CheckGroup::Headline;
    ++callers[rank][callerName(key)];
  }
  std::vector<ReasonRow> sorted;
  for (auto &[rank, row] : rows) {
    row.callers.assign(callers[rank].begin(), callers[rank].end());
    std::stable_sort(row.callers.begin(), row.callers.end(),
                     [](const auto &a, const auto &b) { return a.second > b.second; });
    sorted.push_back(std::move(row));
  }
  std::stable_sort(sorted.begin(), sorted.end(),
                   [](const ReasonRow &a, const ReasonRow &b) { return a.sites > b.sites; });
  return sorted;
}

void printReasons(std::ostream &out, const Aggregate &aggregate, unsigned callers) {
  const unsigned total = unknownSites(aggregate);
  const std::vector<ReasonRow> rows = reasonRows(aggregate);
  // Reports of plugins before 0.3 give no reason at all: no table.
  if (!total || (rows.size() == 1 && !rows.front().reason))
    return;
  std::vector<std::vector<std::string>> lines{
      {"unknown-size reasons", "sites", "share", "headline", "leading callers"}};
  for (const ReasonRow &row : rows) {
    std::string leading;
    for (size_t i = 0; i < row.callers.size() && i < callers; ++i)
      leading += (i ? ", " : "") + row.callers[i].first + " " + std::to_string(row.callers[i].second);
    if (row.callers.size() > callers)
      leading += ", ...";
    lines.push_back({reasonName(row.reason), std::to_string(row.sites),
                     percent(row.sites, total) + "%", std::to_string(row.headline), leading});
  }
  // Left: the reason and the callers; right: the numbers.
  std::vector<size_t> widths(5, 0);
  for (const auto &line : lines)
    for (size_t i = 0; i < line.size(); ++i)
      widths[i] = std::max(widths[i], line[i].size());
  out << "\n";
  for (const auto &line : lines) {
    std::string text = line[0] + std::string(widths[0] - line[0].size(), ' ');
    for (size_t i = 1; i < 4; ++i)
      text += "  " + std::string(widths[i] - line[i].size(), ' ') + line[i];
    text += "  " + line[4];
    while (!text.empty() && text.back() == ' ')
      text.pop_back();
    out << text << "\n";
  }
  out << "(share: of the " << total << " unknown site" << (total == 1 ? "" : "s")
      << " of every check; headline: those of glibc's size checks)\n";
}

void printReasonsJson(std::ostream &out, const Aggregate &aggregate, unsigned callers) {
  const unsigned total = unknownSites(aggregate);
  const std::vector<ReasonRow> rows = reasonRows(aggregate);
  out << "  \"unknown_reasons\": [";
  for (size_t i = 0; i < rows.size(); ++i) {
    const ReasonRow &row = rows[i];
    out << (i ? ",\n    " : "\n    ") << "{\"why\": "
        << (row.reason ? jsonQuote(unknownReasonName(*row.reason)) : std::string("null"))
        << ", \"sites\": " << row.sites << ", \"share\": " << percent(row.sites, total)
        << ", \"headline\": " << row.headline << ", \"callers\": [";
    for (size_t c = 0; c < row.callers.size() && c < callers; ++c)
      out << (c ? ", " : "") << "{\"caller\": " << jsonQuote(row.callers[c].first)
          << ", \"sites\": " << row.callers[c].second << "}";
    out << "]}";
  }
  out << (rows.empty() ? "],\n" : "\n  ],\n");
}

}  // namespace fortify::coverage
