// Reading the coverage records the plugins append to a report file
// (-fplugin-arg-fortify-report=PATH): one JSON object per line, as
// fortify::formatCoverageRecord writes it.
#ifndef FORTIFY_TOOLS_COVERAGE_RECORDS_H
#define FORTIFY_TOOLS_COVERAGE_RECORDS_H

#include "report.h"

#include <string>
#include <string_view>
#include <vector>

namespace fortify::coverage {

// One line's record. Needs every key formatCoverageRecord writes, with its
// type; keys it does not know are ignored (a later plugin may add some).
// On failure returns false and sets `error` to what is wrong.
bool parseRecord(std::string_view line, CoverageRecord &record, std::string &error);

// The report files the command-line arguments name: a file as given, a
// directory searched recursively for regular files named *.jsonl or
// *.fortify (sorted, so that output does not depend on directory order).
// False and `error` set when an argument does not exist or cannot be read.
bool collectReportFiles(const std::vector<std::string> &arguments,
                        std::vector<std::string> &files, std::string &error);

// Appends the records of one report file. Blank lines are skipped. On the
// first bad line returns false with `error` "FILE:LINE: what is wrong".
// An ELF file (object, executable, shared library) gives the records its
// objects carry (fortify::kRecordsSectionName); one without any is an error.
bool readReportFile(const std::string &path, std::vector<CoverageRecord> &records,
                    std::string &error);

// Appends the records of `text` (JSON Lines, as a report file or a records
// section holds them; NUL bytes a linker may pad with are skipped). Errors
// as readReportFile's, `where` standing for the file.
bool parseRecordLines(const std::string &where, std::string_view text,
                      std::vector<CoverageRecord> &records, std::string &error);

}  // namespace fortify::coverage

#endif
