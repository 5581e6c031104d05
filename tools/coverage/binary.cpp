#include "binary.h"

#include "aggregate.h"
#include "elf-notes.h"
#include "json.h"
#include "output.h"
#include "records.h"

#include <cerrno>
#include <cstdio>
#include <cstring>
#include <fstream>
#include <iterator>
#include <sstream>
#include <sys/stat.h>

namespace fortify::coverage {
namespace {

constexpr std::string_view kPrefix = "fortify-plugins ";

std::string plural(size_t n, const char *word) {
  return std::to_string(n) + " " + word + (n == 1 ? "" : "s");
}

// "gcc 12.2.0" or "gcc 12.2.0 (2 objects), clang 19.1.7 (1 object)", in
// order of first appearance.
std::string distinct(const std::vector<NoteInfo> &notes, std::string NoteInfo::*field) {
  std::vector<std::pair<std::string, size_t>> values;
  for (const NoteInfo &note : notes) {
    const std::string &value = note.*field;
    bool seen = false;
    for (auto &[known, count] : values)
      if (known == value) {
        ++count;
        seen = true;
      }
    if (!seen)
      values.emplace_back(value, 1);
  }
  std::string text;
  for (const auto &[value, count] : values) {
    text += text.empty() ? "" : ", ";
    text += value.empty() ? "<unknown>" : value;
    if (values.size() > 1)
      text += " (" + plural(count, "object") + ")";
  }
  return text;
}

}  // namespace

StatusCounts BinaryResult::total() const {
  if (records)
    return recordCounts;
  StatusCounts sum;
  for (const NoteInfo &note : notes)
    sum += note.counts;
  return sum;
}

bool parseNotePayload(std::string_view text, NoteInfo &info, std::string &error) {
  if (text.substr(0, kPrefix.size()) != kPrefix) {
    error = "does not start with \"fortify-plugins \"";
    return false;
  }
  bool have[4] = {};
  size_t start = 0;
  for (bool firstField = true;; firstField = false) {
    const size_t end = text.find("; ", start);
    const std::string_view field =
        text.substr(start, end == std::string_view::npos ? std::string_view::npos : end - start);
    if (firstField) {
      info.version = std::string(field.substr(kPrefix.size()));
    } else {
      const size_t equals = field.find('=');
      if (equals == std::string_view::npos) {
        error = "field \"" + std::string(field) + "\" is not KEY=VALUE";
        return false;
      }
      const std::string_view key = field.substr(0, equals), value = field.substr(equals + 1);
      unsigned *count = nullptr;
      int which = -1;
      if (key == "compiler")
        info.compiler = std::string(value);
      else if (key == "level")
        info.level = std::string(value);
      else if (key == "mode")
        info.mode = std::string(value);
      else if (key == "safe")
        count = &info.counts.safe, which = 0;
      else if (key == "checked")
        count = &info.counts.checked, which = 1;
      else if (key == "unknown")
        count = &info.counts.unknown, which = 2;
      else if (key == "overflow")
        count = &info.counts.overflow, which = 3;
      if (count) {
        if (!parseDecimal(value, *count)) {
          error = "\"" + std::string(key) + "\" is not a count: \"" + std::string(value) + "\"";
          return false;
        }
        have[which] = true;
      }
    }
    if (end == std::string_view::npos)
      break;
    start = end + 2;
  }
  static const char *const kCounts[] = {"safe", "checked", "unknown", "overflow"};
  for (int i = 0; i < 4; ++i)
    if (!have[i]) {
      error = std::string("no \"") + kCounts[i] + "\" count";
      return false;
    }
  return true;
}

BinaryResult inspectBinary(const std::string &path) {
  BinaryResult result;
  result.file = path;
  struct stat st;
  if (stat(path.c_str(), &st) != 0) {
    result.error = std::strerror(errno);
    return result;
  }
  if (S_ISDIR(st.st_mode)) {
    result.error = "is a directory";
    return result;
  }
  std::ifstream in(path, std::ios::binary);
  if (!in) {
    result.error = std::string("cannot open: ") + std::strerror(errno);
    return result;
  }
  const std::string bytes((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
  if (in.bad()) {
    result.error = std::string("read error: ") + std::strerror(errno);
    return result;
  }
  std::vector<std::string> descriptions;
  std::string error, recordsText;
  switch (readFortifyNotes(bytes, descriptions, error, &recordsText)) {
  case ElfStatus::NotElf:
    result.error = "not an ELF file";
    return result;
  case ElfStatus::Malformed:
    result.error = "malformed ELF file: " + error;
    return result;
  case ElfStatus::Ok:
    break;
  }
  for (size_t i = 0; i < descriptions.size(); ++i) {
    NoteInfo info;
    if (!parseNotePayload(descriptions[i], info, error)) {
      result.error = "fortify note " + std::to_string(i + 1) + " is malformed: " + error +
                     " (\"" + descriptions[i] + "\")";
      return result;
    }
    result.notes.push_back(std::move(info));
  }
  std::vector<CoverageRecord> records;
  if (!parseRecordLines(std::string(kRecordsSectionName), recordsText, records, error)) {
    result.error = "malformed records: " + error;
    return result;
  }
  if (!records.empty()) {
    Aggregate aggregate;
    for (const CoverageRecord &record : records)
      aggregate.add(record);
    result.records = records.size();
    result.recordCounts = aggregate.total(CheckGroup::Headline);
  }
  result.kind = result.notes.empty() ? BinaryResult::NoNote : BinaryResult::Notes;
  return result;
}

void printBinary(std::ostream &out, const BinaryResult &result) {
  if (result.kind == BinaryResult::NoNote) {
    out << result.file << ": no fortify note (not built with the fortify plugins)\n";
    return;
  }
  if (result.kind != BinaryResult::Notes)
    return;
  const StatusCounts total = result.total();
  out << result.file << ": built with fortify-plugins (" << plural(result.notes.size(), "object")
      << "): compiler=" << distinct(result.notes, &NoteInfo::compiler)
      << ", level=" << distinct(result.notes, &NoteInfo::level)
      << ", mode=" << distinct(result.notes, &NoteInfo::mode)
      << ", version=" << distinct(result.notes, &NoteInfo::version) << "\n";
  out << "  " << plural(total.sites(), "call site") << ": safe " << total.safe << ", checked "
      << total.checked << ", unknown " << total.unknown << ", overflow " << total.overflow
      << "; coverage " << formatPercent(total)
      << (result.records ? " (from " + plural(result.records, "record") + ")" : std::string())
      << "\n";
}

void printBinariesJson(std::ostream &out, const std::vector<BinaryResult> &results) {
  out << "{\n  \"tool\": \"fortify-coverage\",\n  \"binaries\": [";
  for (size_t i = 0; i < results.size(); ++i) {
    const BinaryResult &r = results[i];
    out << (i ? ",\n" : "\n") << "    {\"file\": " << jsonQuote(r.file) << ", \"status\": ";
    if (r.kind == BinaryResult::Error) {
      out << "\"error\", \"error\": " << jsonQuote(r.error) << "}";
      continue;
    }
    if (r.kind == BinaryResult::NoNote) {
      out << "\"no-note\"}";
      continue;
    }
    out << "\"fortify\", \"objects\": " << r.notes.size() << ", \"records\": " << r.records
        << ", " << jsonCounts(r.total())
        << ",\n     \"notes\": [";
    for (size_t j = 0; j < r.notes.size(); ++j) {
      const NoteInfo &n = r.notes[j];
      out << (j ? ",\n       " : "\n       ") << "{\"version\": " << jsonQuote(n.version)
          << ", \"compiler\": " << jsonQuote(n.compiler) << ", \"level\": " << jsonQuote(n.level)
          << ", \"mode\": " << jsonQuote(n.mode) << ", " << jsonCounts(n.counts) << "}";
    }
    out << "]}";
  }
  out << (results.empty() ? "]\n}\n" : "\n  ]\n}\n");
}

}  // namespace fortify::coverage
