#include "elf-notes.h"

#include "report.h"

#include <cstdint>

namespace fortify::coverage {
namespace {

constexpr unsigned kElfClass32 = 1, kElfClass64 = 2;
constexpr unsigned kElfData2Lsb = 1, kElfData2Msb = 2;
constexpr uint32_t kShtNote = 7, kShtNobits = 8;
constexpr uint32_t kShnXindex = 0xffff;
constexpr uint64_t kShfCompressed = 0x800;

struct Section {
  uint32_t name = 0, type = 0;
  uint64_t flags = 0, offset = 0, size = 0;
  uint32_t link = 0;
};

class ElfReader {
public:
  ElfReader(std::string_view bytes, std::string &error) : bytes_(bytes), error_(error) {}

  ElfStatus read(std::vector<std::string> &descriptions, std::string *records) {
    if (bytes_.size() < 4 || bytes_.substr(0, 4) != std::string_view("\x7f" "ELF", 4))
      return ElfStatus::NotElf;
    if (bytes_.size() < 16)
      return malformed("truncated ELF header");
    const unsigned elfClass = uint8_t(bytes_[4]), data = uint8_t(bytes_[5]);
    if (elfClass != kElfClass32 && elfClass != kElfClass64)
      return malformed("unknown ELF class " + std::to_string(elfClass));
    if (data != kElfData2Lsb && data != kElfData2Msb)
      return malformed("unknown ELF data encoding " + std::to_string(data));
    is64_ = elfClass == kElfClass64;
    bigEndian_ = data == kElfData2Msb;

    const uint64_t headerSize = is64_ ? 64 : 52;
    if (bytes_.size() < headerSize)
      return malformed("truncated ELF header");
    uint64_t shoff, shentsize, shnum, shstrndx;
    if (is64_) {
      word(0x28, 8, shoff);
      word(0x3a, 2, shentsize);
      word(0x3c, 2, shnum);
      word(0x3e, 2, shstrndx);
    } else {
      word(0x20, 4, shoff);
      word(0x2e, 2, shentsize);
      word(0x30, 2, shnum);
      word(0x32, 2, shstrndx);
    }
    if (shoff == 0)
      return malformed("no section headers (cannot look for the fortify note)");
    const uint64_t minimumEntry = is64_ ? 64 : 40;
    if (shentsize < minimumEntry)
      return malformed("section header size " + std::to_string(shentsize) + " is too small");
    if (shoff > bytes_.size() || bytes_.size() - shoff < shentsize)
      return malformed("section headers lie outside the file");
    shoff_ = shoff;
    shentsize_ = shentsize;
    // More than 0xff00 sections: the real count and string table index are
    // in section 0.
    Section first;
    if (!section(0, first))
      return ElfStatus::Malformed;
    if (shnum == 0)
      shnum = first.size;
    if (shstrndx == kShnXindex)
      shstrndx = first.link;
    if (shnum > (bytes_.size() - shoff) / shentsize)
      return malformed("section headers lie outside the file (" + std::to_string(shnum) +
                       " sections)");
    if (shstrndx == 0 || shstrndx >= shnum)
      return malformed("no section name table");
    Section names;
    if (!section(shstrndx, names) || !inFile(names, "the section name table"))
      return ElfStatus::Malformed;

    for (uint64_t index = 1; index < shnum; ++index) {
      Section s;
      if (!section(index, s))
        return ElfStatus::Malformed;
      std::string_view name;
      if (!sectionName(names, s.name, name))
        return ElfStatus::Malformed;
      if (records && name == kRecordsSectionName) {
        if (s.flags & kShfCompressed)
          return malformed("section " + std::string(kRecordsSectionName) +
                           " is compressed (objcopy --decompress-debug-sections FILE)");
        if (s.type == kShtNobits)
          return malformed("section " + std::string(kRecordsSectionName) + " has no contents");
        if (!inFile(s, "section " + std::string(kRecordsSectionName)))
          return ElfStatus::Malformed;
        records->append(bytes_.substr(s.offset, s.size));
        continue;
      }
      if (name != kNoteSectionName)
        continue;
      if (s.type == kShtNobits)
        return malformed("section " + std::string(kNoteSectionName) + " has no contents");
      if (s.type != kShtNote)
        return malformed("section " + std::string(kNoteSectionName) +
                         " is not a note section (type " + std::to_string(s.type) + ")");
      if (!inFile(s, "section " + std::string(kNoteSectionName)) ||
          !notes(bytes_.substr(s.offset, s.size), descriptions))
        return ElfStatus::Malformed;
    }
    return ElfStatus::Ok;
  }

private:
  ElfStatus malformed(const std::string &what) {
    error_ = what;
    return ElfStatus::Malformed;
  }

  // Callers check the bounds first.
  void word(uint64_t offset, unsigned width, uint64_t &value) const {
    value = 0;
    for (unsigned i = 0; i < width; ++i) {
      const uint64_t byte = uint8_t(bytes_[offset + (bigEndian_ ? i : width - 1 - i)]);
      value = value << 8 | byte;
    }
  }
  uint32_t word32(std::string_view bytes, uint64_t offset) const {
    uint32_t value = 0;
    for (unsigned i = 0; i < 4; ++i)
      value = value << 8 | uint8_t(bytes[offset + (bigEndian_ ? i : 3 - i)]);
    return value;
  }

  bool section(uint64_t index, Section &s) {
    const uint64_t at = shoff_ + index * shentsize_;  // index < shnum: in the file
    if (at > bytes_.size() || bytes_.size() - at < shentsize_) {
      malformed("section header " + std::to_string(index) + " lies outside the file");
      return false;
    }
    uint64_t v;
    word(at + 0, 4, v);
    s.name = uint32_t(v);
    word(at + 4, 4, v);
    s.type = uint32_t(v);
    if (is64_) {
      word(at + 8, 8, s.flags);
      word(at + 24, 8, s.offset);
      word(at + 32, 8, s.size);
      word(at + 40, 4, v);
    } else {
      word(at + 8, 4, s.flags);
      word(at + 16, 4, s.offset);
      word(at + 20, 4, s.size);
      word(at + 24, 4, v);
    }
    s.link = uint32_t(v);
    return true;
  }

  bool inFile(const Section &s, const std::string &what) {
    if (s.offset > bytes_.size() || bytes_.size() - s.offset < s.size) {
      malformed(what + " lies outside the file (offset " + std::to_string(s.offset) +
                ", size " + std::to_string(s.size) + ")");
      return false;
    }
    return true;
  }

  bool sectionName(const Section &names, uint32_t offset, std::string_view &name) {
    const std::string_view table = bytes_.substr(names.offset, names.size);
    if (offset >= table.size()) {
      malformed("section name offset " + std::to_string(offset) +
                " lies outside the section name table");
      return false;
    }
    const size_t end = table.find('\0', offset);
    if (end == std::string_view::npos) {
      malformed("section name at offset " + std::to_string(offset) + " is not NUL-terminated");
      return false;
    }
    name = table.substr(offset, end - offset);
    return true;
  }

  static uint64_t align4(uint64_t n) { return (n + 3) & ~uint64_t(3); }

  bool notes(std::string_view section, std::vector<std::string> &descriptions) {
    uint64_t pos = 0;
    unsigned index = 0;
    while (pos < section.size()) {
      const uint64_t left = section.size() - pos;
      // A zero owner size is a padding word: a linker aligning the next
      // object's notes puts zeros between them, and no note of ours has an
      // empty owner.
      if (left >= 4 && word32(section, pos) == 0) {
        pos += 4;
        continue;
      }
      ++index;
      const std::string where = "note " + std::to_string(index) + " in " +
                                std::string(kNoteSectionName) + " (offset " +
                                std::to_string(pos) + ")";
      if (left < 12) {
        malformed("truncated " + where);
        return false;
      }
      const uint64_t namesz = word32(section, pos), descsz = word32(section, pos + 4);
      const uint32_t type = word32(section, pos + 8);
      const uint64_t nameAt = pos + 12, descAt = nameAt + align4(namesz);
      if (align4(namesz) > left - 12 || descsz > section.size() - descAt) {
        malformed(where + " is larger than its section (name " + std::to_string(namesz) +
                  " bytes, description " + std::to_string(descsz) + " bytes)");
        return false;
      }
      pos = descAt + align4(descsz);
      if (pos > section.size())
        pos = section.size();  // the last note's padding may be missing
      std::string owner(kNoteOwner);
      owner.push_back('\0');
      if (section.substr(nameAt, namesz) != owner || type != kNoteType)
        continue;
      const std::string_view description = section.substr(descAt, descsz);
      if (description.empty() || description.back() != '\0') {
        malformed(where + ": the description is not NUL-terminated");
        return false;
      }
      const size_t nul = description.find('\0');
      if (nul != description.size() - 1) {
        malformed(where + ": the description holds a NUL before its end");
        return false;
      }
      descriptions.emplace_back(description.substr(0, nul));
    }
    return true;
  }

  std::string_view bytes_;
  std::string &error_;
  bool is64_ = false, bigEndian_ = false;
  uint64_t shoff_ = 0, shentsize_ = 0;
};

}  // namespace

ElfStatus readFortifyNotes(std::string_view bytes, std::vector<std::string> &descriptions,
                           std::string &error, std::string *records) {
  return ElfReader(bytes, error).read(descriptions, records);
}

}  // namespace fortify::coverage
