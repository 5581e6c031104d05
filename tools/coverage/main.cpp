// fortify-coverage: how many libc call sites the fortify plugins protect.
//   fortify-coverage [options] REPORT...        the plugins' coverage records
//   fortify-coverage --binary [options] FILE... the notes in built files
// Exit status: 0 fine; 1 a --min-coverage gate failed or (--binary) a file
// has no fortify note; 2 an error (bad option, unreadable or malformed
// input, no records at all).
#include "aggregate.h"
#include "binary.h"
#include "output.h"
#include "records.h"

#include <algorithm>
#include <cerrno>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <fstream>
#include <iostream>
#include <string>
#include <vector>

#ifndef FORTIFY_VERSION
#define FORTIFY_VERSION "unknown"
#endif

namespace {

using namespace fortify::coverage;

constexpr const char *kUsage = R"(usage: fortify-coverage [options] REPORT...
       fortify-coverage --binary [options] FILE...

Summarises how many libc call sites the fortify plugins protect.

REPORT is a coverage report the plugins wrote (-fplugin-arg-fortify-report=PATH:
one JSON object per line per call-site check), or a directory searched
recursively for files named *.jsonl or *.fortify. Records of one call site
(same file, line, column, function, caller and check) count once, with the
least protected of their statuses.

coverage = protected sites / all sites; a site is protected unless its status
is unknown (the compiler knew the object's size: proven safe, checked at run
time, or proven overflow). The headline counts the checks glibc also makes
(write, open, format); read checks are counted apart.

With --binary, FILE is an ELF object, executable or library; the tool reads
the .note.fortify section every instrumented object carries and sums its
counts (write, open and format checks, as the headline).

options:
  --by=LIST           tables to print for reports, comma-separated: function,
                      file, caller (default: function,file)
  --json=PATH         also write the numbers as JSON to PATH ('-': stdout,
                      instead of the table)
  --min-coverage=N    exit 1 when coverage is below N percent (0-100); with
                      --binary, for each file
  --binary            read the notes of built files instead of reports
  --help, --version

exit status: 0 fine; 1 below --min-coverage, or (--binary) a file without a
fortify note; 2 an error (bad option, unreadable or malformed input, no
coverage records at all).
)";

int fail(const std::string &message) {
  std::cerr << "fortify-coverage: " << message << "\n";
  return 2;
}

struct Settings {
  bool binary = false;
  bool haveJson = false;
  std::string jsonPath;
  std::vector<Grouping> groupings{Grouping::Function, Grouping::File};
  bool haveMinimum = false;
  double minimum = 0;
  std::string minimumText;
  std::vector<std::string> inputs;
};

bool parseGroupings(const std::string &value, std::vector<Grouping> &groupings,
                    std::string &error) {
  groupings.clear();
  size_t start = 0;
  for (;;) {
    const size_t comma = value.find(',', start);
    const std::string name =
        value.substr(start, comma == std::string::npos ? std::string::npos : comma - start);
    Grouping grouping;
    if (name == "function")
      grouping = Grouping::Function;
    else if (name == "file")
      grouping = Grouping::File;
    else if (name == "caller")
      grouping = Grouping::Caller;
    else {
      error = "invalid value '" + value + "' for --by: expected function, file or caller " +
              "(comma-separated)";
      return false;
    }
    bool seen = false;
    for (Grouping g : groupings)
      seen = seen || g == grouping;
    if (!seen)
      groupings.push_back(grouping);
    if (comma == std::string::npos)
      return true;
    start = comma + 1;
  }
}

bool parseMinimum(const std::string &value, double &minimum, std::string &error) {
  char *end = nullptr;
  const bool digitsOnly = !value.empty() && value.find_first_not_of("0123456789.") ==
                                                std::string::npos;
  minimum = digitsOnly ? std::strtod(value.c_str(), &end) : -1;
  if (!digitsOnly || *end != '\0' || minimum > 100) {
    error = "invalid value '" + value + "' for --min-coverage: expected a percentage from 0 to 100";
    return false;
  }
  return true;
}

// Returns -1 to go on, else the exit status.
int parseArguments(int argc, char **argv, Settings &settings) {
  bool optionsEnded = false;
  for (int i = 1; i < argc; ++i) {
    const std::string argument = argv[i];
    if (optionsEnded || argument.empty() || argument[0] != '-' || argument == "-") {
      settings.inputs.push_back(argument);
      continue;
    }
    if (argument == "--") {
      optionsEnded = true;
      continue;
    }
    if (argument == "--help" || argument == "-h") {
      std::cout << kUsage;
      return 0;
    }
    if (argument == "--version") {
      std::cout << "fortify-coverage (fortify-plugins " FORTIFY_VERSION ")\n";
      return 0;
    }
    if (argument == "--binary") {
      settings.binary = true;
      continue;
    }
    const size_t equals = argument.find('=');
    const std::string name = argument.substr(0, equals);
    if (name != "--json" && name != "--by" && name != "--min-coverage")
      return fail("unknown option '" + argument + "' (see --help)");
    std::string value;
    if (equals != std::string::npos) {
      value = argument.substr(equals + 1);
    } else if (i + 1 < argc) {
      value = argv[++i];
    } else {
      return fail("option '" + name + "' needs a value");
    }
    std::string error;
    if (name == "--json") {
      if (value.empty())
        return fail("option '--json' needs a path ('-' for stdout)");
      settings.haveJson = true;
      settings.jsonPath = value;
    } else if (name == "--by") {
      if (!parseGroupings(value, settings.groupings, error))
        return fail(error);
    } else {
      if (!parseMinimum(value, settings.minimum, error))
        return fail(error);
      settings.haveMinimum = true;
      settings.minimumText = value;
    }
  }
  if (settings.inputs.empty())
    return fail(std::string("no input ") + (settings.binary ? "files" : "reports") +
                " (see --help)");
  return -1;
}

// Writes JSON to the --json destination; false after reporting an error.
template <typename Print>
bool writeJson(const Settings &settings, Print print) {
  if (settings.jsonPath == "-") {
    print(std::cout);
    return true;
  }
  std::ofstream out(settings.jsonPath);
  if (out)
    print(out);
  out.close();
  if (!out) {
    fail(settings.jsonPath + ": cannot write the JSON output: " + std::strerror(errno));
    return false;
  }
  return true;
}

bool belowMinimum(const Settings &settings, double coverage) {
  return settings.haveMinimum && (coverage < 0 || coverage < settings.minimum);
}

int runReports(const Settings &settings) {
  std::vector<std::string> files;
  std::string error;
  if (!collectReportFiles(settings.inputs, files, error))
    return fail(error);
  Aggregate aggregate;
  for (const std::string &file : files) {
    std::vector<fortify::CoverageRecord> records;
    if (!readReportFile(file, records, error))
      return fail(error);
    for (const fortify::CoverageRecord &record : records)
      aggregate.add(record);
  }
  if (aggregate.records == 0) {
    std::string inputs;
    for (const std::string &input : settings.inputs)
      inputs += (inputs.empty() ? "" : ", ") + input;
    return fail("no coverage records in " + inputs +
                (files.empty() ? " (no *.jsonl or *.fortify files)" : ""));
  }
  const unsigned fileCount = unsigned(files.size());
  if (!(settings.haveJson && settings.jsonPath == "-"))
    printTable(std::cout, aggregate, fileCount, settings.groupings);
  if (settings.haveJson &&
      !writeJson(settings, [&](std::ostream &out) { printJson(out, aggregate, fileCount); }))
    return 2;
  const fortify::coverage::Counts headline = aggregate.total(fortify::CheckGroup::Headline);
  if (belowMinimum(settings, headline.coverage())) {
    std::cout.flush();
    std::cerr << "fortify-coverage: coverage " << formatPercent(headline)
              << " is below --min-coverage=" << settings.minimumText << "\n";
    return 1;
  }
  return 0;
}

int runBinaries(const Settings &settings) {
  std::vector<BinaryResult> results;
  int status = 0;
  const bool text = !(settings.haveJson && settings.jsonPath == "-");
  for (const std::string &file : settings.inputs) {
    BinaryResult result = inspectBinary(file);
    if (result.kind == BinaryResult::Error) {
      std::cout.flush();
      fail(file + ": " + result.error);
      status = 2;
    } else if (result.kind == BinaryResult::NoNote) {
      status = std::max(status, 1);
    } else if (belowMinimum(settings, result.total().coverage())) {
      status = std::max(status, 1);
    }
    if (text)
      printBinary(std::cout, result);
    results.push_back(std::move(result));
  }
  if (settings.haveJson &&
      !writeJson(settings, [&](std::ostream &out) { printBinariesJson(out, results); }))
    return 2;
  std::cout.flush();
  for (const BinaryResult &result : results)
    if (result.kind == BinaryResult::Notes && belowMinimum(settings, result.total().coverage()))
      std::cerr << "fortify-coverage: " << result.file << ": coverage "
                << formatPercent(result.total()) << " is below --min-coverage="
                << settings.minimumText << "\n";
  return status;
}

}  // namespace

int main(int argc, char **argv) {
  Settings settings;
  const int status = parseArguments(argc, argv, settings);
  if (status >= 0)
    return status;
  return settings.binary ? runBinaries(settings) : runReports(settings);
}
