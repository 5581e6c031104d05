#include "output.h"

#include "json.h"
#include "reasons.h"

#include <algorithm>
#include <cstdio>

namespace fortify::coverage {
namespace {

const char *const kDefinition =
    "coverage = protected sites / all sites; a site is protected unless its status is "
    "unknown (the compiler knew the object's size: proven safe, checked at run time, or "
    "proven overflow)";
const char *const kHeadline =
    "the headline is Red Hat's measure of glibc's _FORTIFY_SOURCE: the size checks of the "
    "functions glibc fortifies, over all calls of them; other writes, format, open and read "
    "checks are counted apart";

std::string plural(unsigned n, const char *word) {
  return std::to_string(n) + " " + word + (n == 1 ? "" : "s");
}

std::string checksText(const std::set<Problem> &checks) {
  std::string text;
  for (Problem check : checks)
    text += (text.empty() ? "" : "+") + std::string(problemWord(check));
  return text;
}

std::string groupLabel(CheckGroup group) { return std::string(checkGroupName(group)); }

// A table: left-aligned text columns, then right-aligned number columns.
class Table {
public:
  Table(std::vector<std::string> header, size_t textColumns)
      : textColumns_(textColumns) {
    rows_.push_back(std::move(header));
  }
  void add(std::vector<std::string> row) { rows_.push_back(std::move(row)); }
  void print(std::ostream &out) const {
    std::vector<size_t> width(rows_[0].size(), 0);
    for (const auto &row : rows_)
      for (size_t i = 0; i < row.size(); ++i)
        width[i] = std::max(width[i], row[i].size());
    for (const auto &row : rows_) {
      std::string line;
      for (size_t i = 0; i < row.size(); ++i) {
        const std::string pad(width[i] - row[i].size(), ' ');
        if (i > 0)
          line += "  ";
        line += i < textColumns_ ? row[i] + pad : pad + row[i];
      }
      while (!line.empty() && line.back() == ' ')
        line.pop_back();
      out << line << "\n";
    }
  }

private:
  size_t textColumns_;
  std::vector<std::vector<std::string>> rows_;
};

std::vector<std::string> countCells(const Counts &c) {
  return {std::to_string(c.sites()),   std::to_string(c.safe),     std::to_string(c.checked),
          std::to_string(c.unknown), std::to_string(c.overflow), formatPercent(c)};
}

std::vector<std::string> withCounts(std::vector<std::string> cells, const Counts &counts) {
  for (std::string &cell : countCells(counts))
    cells.push_back(std::move(cell));
  return cells;
}

const std::vector<std::string> kCountHeader = {"sites",   "safe",     "checked",
                                               "unknown", "overflow", "coverage"};

std::vector<std::string> header(std::vector<std::string> cells) {
  cells.insert(cells.end(), kCountHeader.begin(), kCountHeader.end());
  return cells;
}

std::string jsonNumber(double value) {
  char buffer[32];
  std::snprintf(buffer, sizeof buffer, "%.2f", value);
  return buffer;
}

template <typename Container>
std::string jsonStrings(const Container &values) {
  std::string text = "[";
  for (const auto &value : values)
    text += (text.size() > 1 ? ", " : "") + jsonQuote(value);
  return text + "]";
}

}  // namespace

std::string jsonCounts(const Counts &c) {
  return "\"sites\": " + std::to_string(c.sites()) + ", \"safe\": " + std::to_string(c.safe) +
         ", \"checked\": " + std::to_string(c.checked) + ", \"unknown\": " +
         std::to_string(c.unknown) + ", \"overflow\": " + std::to_string(c.overflow) +
         ", \"protected\": " + std::to_string(c.protectedSites()) + ", \"coverage\": " +
         (c.sites() == 0 ? std::string("null") : jsonNumber(c.coverage()));
}

std::string formatPercent(const Counts &counts) {
  if (counts.sites() == 0)
    return "-";
  char buffer[32];
  std::snprintf(buffer, sizeof buffer, "%.2f%%", counts.coverage());
  return buffer;
}

void printTable(std::ostream &out, const Aggregate &aggregate, unsigned files,
                const std::vector<Grouping> &groupings) {
  out << "fortify-coverage: " << plural(unsigned(aggregate.sites.size()), "call site")
      << " from " << plural(aggregate.records, "record") << " in "
      << plural(files, "report file");
  if (aggregate.duplicates() != 0)
    out << " (" << plural(aggregate.duplicates(), "duplicate record") << " merged)";
  out << "\n";
  std::vector<std::string> levels;
  for (int level : aggregate.levels)
    levels.push_back(std::to_string(level));
  out << "compilers: ";
  bool first = true;
  for (const std::string &compiler : aggregate.compilers) {
    out << (first ? "" : ", ") << (compiler.empty() ? "<unknown>" : compiler);
    first = false;
  }
  out << "; level" << (levels.size() == 1 ? " " : "s ");
  for (size_t i = 0; i < levels.size(); ++i)
    out << (i ? ", " : "") << levels[i];
  out << "\n"
      << "coverage = protected sites / all sites; a site is protected unless its status is\n"
         "unknown (the compiler knew the object's size: proven safe, checked at run time,\n"
         "or proven overflow). The headline is Red Hat's measure of glibc's fortify: the\n"
         "size checks of the functions glibc fortifies; other writes, format, open and\n"
         "read checks are counted apart.\n";

  for (Grouping grouping : groupings) {
    out << "\n";
    Table table(header({std::string("by ") + groupingName(grouping), "checks"}), 2);
    for (const Row &row : aggregate.rows(grouping))
      table.add(withCounts({row.name, checksText(row.checks)}, row.counts));
    table.print(out);
  }
  printReasons(out, aggregate);

  out << "\n";
  Table totals(header({"total"}), 1);
  for (CheckGroup group : kAllCheckGroups)
    totals.add(withCounts({groupLabel(group)}, aggregate.total(group)));
  totals.print(out);
  const Counts headline = aggregate.total(CheckGroup::Headline);
  out << "\ncoverage: " << formatPercent(headline) << " (" << headline.protectedSites() << " of "
      << plural(headline.sites(), "call site") << " protected; glibc's size checks)\n";
  if (!aggregate.libcLevels.empty()) {
    const Counts alone = aggregate.libcAlone();
    out << "C library alone: " << alone.protectedSites() << " of "
        << plural(headline.sites(), "call site") << " (" << formatPercent(alone)
        << "); with the plugin: " << headline.protectedSites() << " ("
        << formatPercent(headline) << ")\n";
  }
}

void printJson(std::ostream &out, const Aggregate &aggregate, unsigned files) {
  out << "{\n";
  out << "  \"tool\": \"fortify-coverage\",\n";
  out << "  \"definition\": " << jsonQuote(std::string(kDefinition) + "; " + kHeadline)
      << ",\n";
  out << "  \"files\": " << files << ",\n";
  out << "  \"records\": " << aggregate.records << ",\n";
  out << "  \"duplicates\": " << aggregate.duplicates() << ",\n";
  out << "  \"compilers\": " << jsonStrings(aggregate.compilers) << ",\n";
  out << "  \"levels\": [";
  bool first = true;
  for (int level : aggregate.levels) {
    out << (first ? "" : ", ") << level;
    first = false;
  }
  out << "],\n";
  out << "  \"coverage\": {" << jsonCounts(aggregate.total(CheckGroup::Headline)) << "},\n";
  for (CheckGroup group : kAllCheckGroups)
    if (group != CheckGroup::Headline)
      out << "  \"" << checkGroupKey(group) << "\": {" << jsonCounts(aggregate.total(group))
          << "},\n";
  // The headline sites, and those the C library's own fortification knew
  // (empty levels: it was off).
  out << "  \"libc_levels\": [";
  first = true;
  for (int level : aggregate.libcLevels) {
    out << (first ? "" : ", ") << level;
    first = false;
  }
  out << "],\n";
  out << "  \"write\": {" << jsonCounts(aggregate.total(CheckGroup::Headline)) << "},\n";
  out << "  \"write_libc_alone\": {" << jsonCounts(aggregate.libcAlone()) << "},\n";
  for (Grouping grouping : {Grouping::Function, Grouping::File, Grouping::Caller}) {
    out << "  \"by_" << groupingName(grouping) << "\": [";
    const std::vector<Row> rows = aggregate.rows(grouping);
    for (size_t i = 0; i < rows.size(); ++i) {
      const Row &row = rows[i];
      out << (i ? ",\n    " : "\n    ") << "{\"" << groupingName(grouping)
          << "\": " << jsonQuote(row.name) << ", \"group\": \""
          << checkGroupKey(row.group) << "\", \"checks\": "
          << jsonQuote(checksText(row.checks)) << ", " << jsonCounts(row.counts) << "}";
    }
    out << (rows.empty() ? "],\n" : "\n  ],\n");
  }
  printReasonsJson(out, aggregate);
  out << "  \"sites\": [";
  size_t index = 0;
  for (const auto &[key, site] : aggregate.sites) {
    out << (index++ ? ",\n    " : "\n    ") << "{\"file\": " << jsonQuote(key.file)
        << ", \"line\": " << key.line << ", \"column\": " << key.column
        << ", \"function\": " << jsonQuote(key.function) << ", \"caller\": "
        << jsonQuote(key.caller) << ", \"check\": \"" << problemWord(key.check)
        << "\", \"status\": \"" << statusName(site.status) << "\""
        << (siteReason(site) && site.status == SiteStatus::Unknown
                ? ", \"why\": " + jsonQuote(unknownReasonName(*siteReason(site)))
                : std::string())
        << ", \"records\": "
        << site.records << ", \"tus\": " << jsonStrings(site.translationUnits)
        << ", \"compilers\": " << jsonStrings(site.compilers) << "}";
  }
  out << (aggregate.sites.empty() ? "]\n" : "\n  ]\n");
  out << "}\n";
}

}  // namespace fortify::coverage
