// Finds the fortify notes in an ELF file (relocatable object, executable or
// shared library; ELF32 or ELF64, either byte order) without libelf: the
// section headers name ".note.fortify" (fortify::kNoteSectionName); a linked
// file holds one note per object file, concatenated in that one section.
// Every offset and size read from the file is checked against the file's
// bounds, so a truncated or hostile file gives an error, never a crash.
#ifndef FORTIFY_TOOLS_COVERAGE_ELF_NOTES_H
#define FORTIFY_TOOLS_COVERAGE_ELF_NOTES_H

#include <string>
#include <string_view>
#include <vector>

namespace fortify::coverage {

enum class ElfStatus {
  Ok,        // `descriptions` holds the notes' texts (empty: no fortify note)
  NotElf,    // no ELF magic
  Malformed, // `error` says what is wrong
};

// `bytes` is the whole file. Collects the description (without its NUL) of
// every note with owner "fortify" and type fortify::kNoteType in every
// section named kNoteSectionName; notes of other owners or types there are
// skipped, and so are zero words where a note would start (padding a linker
// may put between objects' notes).
//
// With `records`, also appends to it the contents of every section named
// kRecordsSectionName (the coverage records the objects carry, JSON Lines);
// a compressed one (SHF_COMPRESSED) is an error naming the fix.
ElfStatus readFortifyNotes(std::string_view bytes, std::vector<std::string> &descriptions,
                           std::string &error, std::string *records = nullptr);

}  // namespace fortify::coverage

#endif
