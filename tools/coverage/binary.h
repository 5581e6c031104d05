// `fortify-coverage --binary`: what the fortify notes of built files say.
#ifndef FORTIFY_TOOLS_COVERAGE_BINARY_H
#define FORTIFY_TOOLS_COVERAGE_BINARY_H

#include "report.h"

#include <map>
#include <ostream>
#include <string>
#include <string_view>
#include <vector>

namespace fortify::coverage {

// One object file's note, as fortify::notePayload writes it:
// "fortify-plugins 0.2.0; compiler=gcc 12.2.0; level=3; mode=trap;
//  safe=3; checked=2; unknown=1; overflow=0"
struct NoteInfo {
  std::string version;
  std::string compiler, level, mode;
  StatusCounts counts;
};

// False and `error` set when `text` is not such a payload. Keys it does not
// know are ignored; the four counts are required.
bool parseNotePayload(std::string_view text, NoteInfo &info, std::string &error);

struct BinaryResult {
  enum Kind { Notes, NoNote, Error } kind = Error;
  std::string file;
  std::string error;            // Error
  std::vector<NoteInfo> notes;  // Notes
  // The records the objects carry (fortify::kRecordsSectionName), when the
  // file has them: then the counts are theirs, duplicates merged as in a
  // report (a header's inline function in several objects is one site), so
  // that --binary and the records agree; the notes' sums otherwise.
  size_t records = 0;
  StatusCounts recordCounts;
  StatusCounts total() const;
};

// Reads one file (whole) and its notes.
BinaryResult inspectBinary(const std::string &path);

// "FILE: built with fortify-plugins (2 objects): compiler=gcc 12.2.0,
// level=3, mode=trap, version=0.2.0" and a line of counts; or "FILE: no
// fortify note (...)". Errors are not printed here.
void printBinary(std::ostream &out, const BinaryResult &result);

void printBinariesJson(std::ostream &out, const std::vector<BinaryResult> &results);

}  // namespace fortify::coverage

#endif
