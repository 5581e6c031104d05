#include "records.h"

#include "elf-notes.h"

#include "json.h"
#include "messages.h"
#include "unknown-reason.h"

#include <algorithm>
#include <cerrno>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <limits>
#include <sstream>
#include <system_error>

namespace fortify::coverage {
namespace {

namespace fs = std::filesystem;

const JsonMember *find(const std::vector<JsonMember> &members, std::string_view key) {
  for (const JsonMember &member : members)
    if (member.key == key)
      return &member;
  return nullptr;
}

bool getString(const std::vector<JsonMember> &members, std::string_view key, std::string &out,
               std::string &error) {
  const JsonMember *member = find(members, key);
  if (!member) {
    error = "missing key \"" + std::string(key) + "\"";
    return false;
  }
  if (!member->value.isString) {
    error = "\"" + std::string(key) + "\" must be a string";
    return false;
  }
  out = member->value.text;
  return true;
}

bool getInteger(const std::vector<JsonMember> &members, std::string_view key, int64_t min,
                int64_t max, int64_t &out, std::string &error) {
  const JsonMember *member = find(members, key);
  if (!member) {
    error = "missing key \"" + std::string(key) + "\"";
    return false;
  }
  if (member->value.isString) {
    error = "\"" + std::string(key) + "\" must be an integer";
    return false;
  }
  if (member->value.integer < min || member->value.integer > max) {
    error = "\"" + std::string(key) + "\" must be between " + std::to_string(min) + " and " +
            std::to_string(max) + ", not " + std::to_string(member->value.integer);
    return false;
  }
  out = member->value.integer;
  return true;
}

bool isReportName(const fs::path &path) {
  const std::string name = path.filename().string();
  auto endsWith = [&](std::string_view suffix) {
    return name.size() > suffix.size() &&
           name.compare(name.size() - suffix.size(), suffix.size(), suffix) == 0;
  };
  return endsWith(".jsonl") || endsWith(".fortify");
}

}  // namespace

bool parseRecord(std::string_view line, CoverageRecord &record, std::string &error) {
  std::vector<JsonMember> members;
  if (!parseFlatObject(line, members, error))
    return false;
  std::string check, status;
  int64_t lineNumber, column, level;
  const int64_t maxUnsigned = std::numeric_limits<unsigned>::max();
  if (!getString(members, "compiler", record.compiler, error) ||
      !getString(members, "tu", record.translationUnit, error) ||
      !getString(members, "function", record.site.function, error) ||
      !getString(members, "file", record.site.file, error) ||
      !getInteger(members, "line", 0, maxUnsigned, lineNumber, error) ||
      !getInteger(members, "column", 0, maxUnsigned, column, error) ||
      !getString(members, "caller", record.site.caller, error) ||
      !getString(members, "check", check, error) ||
      !getString(members, "status", status, error) ||
      !getInteger(members, "level", 1, 3, level, error))
    return false;
  if (record.site.function.empty()) {
    error = "\"function\" must not be empty";
    return false;
  }
  const ProblemInfo *problem = findProblem(check);
  if (!problem) {
    error = "unknown check \"" + check + "\" (expected " + problemWordList() + ")";
    return false;
  }
  record.site.problem = problem->problem;
  if (!parseStatus(status, record.status)) {
    error = "unknown status \"" + status + "\" (expected safe, checked, unknown or overflow)";
    return false;
  }
  record.site.line = unsigned(lineNumber);
  record.site.column = unsigned(column);
  record.level = int(level);
  // Records of plugins before 0.3 have neither key: the plugin's own check,
  // no C library fortification.
  record.by = Fortifier::Plugin;
  record.libcLevel = 0;
  if (find(members, "by")) {
    std::string by;
    if (!getString(members, "by", by, error))
      return false;
    if (!parseFortifier(by, record.by)) {
      error = "unknown \"by\" \"" + by + "\" (expected plugin, libc, both or none)";
      return false;
    }
  }
  if (find(members, "libc_level")) {
    int64_t libcLevel;
    if (!getInteger(members, "libc_level", 0, 3, libcLevel, error))
      return false;
    record.libcLevel = int(libcLevel);
  }
  // Records of plugins before 0.3 give no reason.
  record.why.reset();
  if (find(members, "why")) {
    std::string why;
    if (!getString(members, "why", why, error))
      return false;
    UnknownReason reason;
    if (!parseUnknownReason(why, reason)) {
      error = "unknown \"why\" \"" + why + "\" (expected " + unknownReasonList() + ")";
      return false;
    }
    if (record.status != SiteStatus::Unknown) {
      error = "\"why\" on a record of status " + std::string(statusName(record.status)) +
              " (only unknown sizes have a reason)";
      return false;
    }
    record.why = reason;
  }
  return true;
}

bool collectReportFiles(const std::vector<std::string> &arguments,
                        std::vector<std::string> &files, std::string &error) {
  for (const std::string &argument : arguments) {
    std::error_code ec;
    const fs::file_status status = fs::status(argument, ec);
    if (ec || !fs::exists(status)) {
      error = argument + ": " + (ec ? ec.message() : "No such file or directory");
      return false;
    }
    if (!fs::is_directory(status)) {
      files.push_back(argument);
      continue;
    }
    std::vector<std::string> found;
    fs::recursive_directory_iterator it(argument, fs::directory_options::none, ec), end;
    for (; !ec && it != end; it.increment(ec)) {
      std::error_code typeError;
      if (it->is_regular_file(typeError) && isReportName(it->path()))
        found.push_back(it->path().string());
    }
    if (ec) {
      error = argument + ": " + ec.message();
      return false;
    }
    std::sort(found.begin(), found.end());
    files.insert(files.end(), found.begin(), found.end());
  }
  return true;
}

bool parseRecordLines(const std::string &where, std::string_view text,
                      std::vector<CoverageRecord> &records, std::string &error) {
  unsigned lineNumber = 0;
  for (size_t start = 0; start < text.size();) {
    size_t end = text.find('\n', start);
    if (end == std::string_view::npos)
      end = text.size();
    std::string line(text.substr(start, end - start));
    start = end + 1;
    ++lineNumber;
    line.erase(std::remove(line.begin(), line.end(), '\0'), line.end());
    if (line.find_first_not_of(" \t\r") == std::string::npos)
      continue;
    CoverageRecord record;
    std::string what;
    if (!parseRecord(line, record, what)) {
      error = where + ":" + std::to_string(lineNumber) + ": " + what;
      return false;
    }
    records.push_back(std::move(record));
  }
  return true;
}

bool readReportFile(const std::string &path, std::vector<CoverageRecord> &records,
                    std::string &error) {
  std::ifstream in(path, std::ios::binary);
  if (!in) {
    error = path + ": cannot open: " + std::strerror(errno);
    return false;
  }
  const std::string bytes((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
  if (in.bad()) {
    error = path + ": read error: " + std::strerror(errno);
    return false;
  }
  std::vector<std::string> notes;
  std::string text, what;
  switch (readFortifyNotes(bytes, notes, what, &text)) {
  case ElfStatus::NotElf:
    return parseRecordLines(path, bytes, records, error);
  case ElfStatus::Malformed:
    error = path + ": malformed ELF file: " + what;
    return false;
  case ElfStatus::Ok:
    break;
  }
  if (text.find_first_not_of(std::string_view("\0\n", 2)) == std::string::npos) {
    error = path + ": no fortify records (not built with the fortify plugins, by an older "
                   "plugin, or stripped)";
    return false;
  }
  return parseRecordLines(path + " (" + std::string(kRecordsSectionName) + ")", text, records,
                          error);
}

}  // namespace fortify::coverage
