#include "report.h"

#include <cerrno>
#include <cstring>
#include <fcntl.h>
#include <unistd.h>

namespace fortify {
namespace {

constexpr int kSiteFields = 6;

std::string jsonString(std::string_view text) {
  std::string out = "\"";
  for (unsigned char c : text) {
    switch (c) {
    case '"':
      out += "\\\"";
      break;
    case '\\':
      out += "\\\\";
      break;
    case '\n':
      out += "\\n";
      break;
    case '\t':
      out += "\\t";
      break;
    default:
      if (c < 0x20) {
        static const char kHex[] = "0123456789abcdef";
        out += "\\u00";
        out += kHex[c >> 4];
        out += kHex[c & 15];
      } else {
        out += char(c);
      }
    }
  }
  out += '"';
  return out;
}

// Lower rank: less protected.
int protectionRank(SiteStatus status) {
  switch (status) {
  case SiteStatus::Overflow:
    return 0;
  case SiteStatus::Unknown:
    return 1;
  case SiteStatus::Checked:
    return 2;
  case SiteStatus::Safe:
    return 3;
  }
  return 0;
}

void appendWord(std::string &out, uint32_t word) {
  out.append(reinterpret_cast<const char *>(&word), sizeof word);  // host byte order
}

void appendPadded(std::string &out, std::string_view bytes) {
  out.append(bytes);
  out.append((4 - bytes.size() % 4) % 4, '\0');
}

}  // namespace

bool parseDecimal(std::string_view text, unsigned &value) {
  if (text.empty() || text.size() > 9)
    return false;
  value = 0;
  for (char c : text) {
    if (c < '0' || c > '9')
      return false;
    value = value * 10 + unsigned(c - '0');
  }
  return true;
}

CheckGroup checkGroup(Problem problem, std::string_view function) {
  switch (problem) {
  case Problem::Overflow: {
    const Rule *rule = findRule(function);
    return rule && glibcFortifies(*rule) ? CheckGroup::Headline : CheckGroup::OtherWrite;
  }
  case Problem::OverRead:
    return CheckGroup::Read;
  case Problem::OpenWithoutMode:
    return CheckGroup::Open;
  case Problem::FormatN:
    return CheckGroup::Format;
  }
  return CheckGroup::OtherWrite;
}

namespace {

// Each group's words: the table's and the JSON key's.
struct CheckGroupWords {
  CheckGroup group;
  std::string_view name, key;
};
constexpr CheckGroupWords kCheckGroupWords[] = {
    {CheckGroup::Headline, "glibc's size checks", "headline"},
    {CheckGroup::OtherWrite, "other writes", "other_writes"},
    {CheckGroup::Format, "format", "format"},
    {CheckGroup::Open, "open", "open"},
    {CheckGroup::Read, "read", "read"},
};

const CheckGroupWords &wordsOf(CheckGroup group) {
  for (const CheckGroupWords &words : kCheckGroupWords)
    if (words.group == group)
      return words;
  return kCheckGroupWords[1];
}

}  // namespace

std::string_view checkGroupName(CheckGroup group) { return wordsOf(group).name; }
std::string_view checkGroupKey(CheckGroup group) { return wordsOf(group).key; }

Problem primaryProblem(const Rule &rule) {
  switch (rule.kind) {
  case CheckKind::None:
    break;
  case CheckKind::OpenMode:
    return Problem::OpenWithoutMode;
  default:
    return Problem::Overflow;
  }
  if (rule.read != ReadKind::None)
    return Problem::OverRead;
  if (rule.format != kNoArg)
    return Problem::FormatN;
  return Problem::Overflow;
}

std::string encodeSite(const SiteDescriptor &site) {
  const std::string line = std::to_string(site.line), column = std::to_string(site.column);
  std::string text;
  for (std::string_view field : {problemWord(site.problem), std::string_view(site.function),
                                 std::string_view(site.file), std::string_view(line),
                                 std::string_view(column), std::string_view(site.caller)}) {
    text.append(field);
    text.push_back('\0');
  }
  return text;
}

bool decodeSite(std::string_view text, SiteDescriptor &site) {
  std::string_view fields[kSiteFields];
  for (std::string_view &field : fields) {
    size_t end = text.find('\0');
    if (end == std::string_view::npos)
      return false;
    field = text.substr(0, end);
    text.remove_prefix(end + 1);
  }
  const ProblemInfo *problem = findProblem(fields[0]);
  if (!problem || fields[1].empty() || !parseDecimal(fields[3], site.line) ||
      !parseDecimal(fields[4], site.column))
    return false;
  site.problem = problem->problem;
  site.function = std::string(fields[1]);
  site.file = std::string(fields[2]);
  site.caller = std::string(fields[5]);
  return true;
}

std::string_view statusName(SiteStatus status) {
  switch (status) {
  case SiteStatus::Safe:
    return "safe";
  case SiteStatus::Checked:
    return "checked";
  case SiteStatus::Unknown:
    return "unknown";
  case SiteStatus::Overflow:
    return "overflow";
  }
  return "unknown";
}

bool parseStatus(std::string_view name, SiteStatus &status) {
  for (SiteStatus candidate :
       {SiteStatus::Safe, SiteStatus::Checked, SiteStatus::Unknown, SiteStatus::Overflow})
    if (name == statusName(candidate)) {
      status = candidate;
      return true;
    }
  return false;
}

SiteStatus combineStatus(SiteStatus a, SiteStatus b) {
  return protectionRank(a) <= protectionRank(b) ? a : b;
}

std::string_view fortifierName(Fortifier fortifier) {
  switch (fortifier) {
  case Fortifier::None: return "none";
  case Fortifier::Plugin: return "plugin";
  case Fortifier::Libc: return "libc";
  case Fortifier::Both: return "both";
  }
  return "none";
}

bool parseFortifier(std::string_view name, Fortifier &fortifier) {
  for (Fortifier candidate : {Fortifier::None, Fortifier::Plugin, Fortifier::Libc, Fortifier::Both})
    if (name == fortifierName(candidate)) {
      fortifier = candidate;
      return true;
    }
  return false;
}

std::string formatCoverageRecord(const CoverageRecord &record) {
  const SiteDescriptor &site = record.site;
  std::string line = "{";
  line += "\"compiler\":" + jsonString(record.compiler);
  line += ",\"tu\":" + jsonString(record.translationUnit);
  line += ",\"function\":" + jsonString(site.function);
  line += ",\"file\":" + jsonString(site.file);
  line += ",\"line\":" + std::to_string(site.line);
  line += ",\"column\":" + std::to_string(site.column);
  line += ",\"caller\":" + jsonString(site.caller);
  line += ",\"check\":" + jsonString(problemWord(site.problem));
  line += ",\"status\":" + jsonString(statusName(record.status));
  line += ",\"level\":" + std::to_string(record.level);
  line += ",\"by\":" + jsonString(fortifierName(record.by));
  line += ",\"libc_level\":" + std::to_string(record.libcLevel);
  if (record.why)
    line += ",\"why\":" + jsonString(unknownReasonName(*record.why));
  line += "}";
  return line;
}

std::string recordsText(const std::vector<CoverageRecord> &records) {
  std::string text;
  for (const CoverageRecord &record : records)
    text += formatCoverageRecord(record) + "\n";
  return text;
}

bool appendCoverageRecords(const std::string &path, const std::vector<CoverageRecord> &records,
                           std::string &error) {
  std::string text = recordsText(records);
  int fd = open(path.c_str(), O_WRONLY | O_CREAT | O_APPEND | O_CLOEXEC, 0666);
  if (fd < 0) {
    error = "fortify: cannot open the coverage report '" + path + "': " + strerror(errno);
    return false;
  }
  size_t done = 0;
  while (done < text.size()) {
    ssize_t written = write(fd, text.data() + done, text.size() - done);
    if (written < 0 && errno == EINTR)
      continue;
    if (written <= 0) {
      error = "fortify: cannot write the coverage report '" + path + "': " + strerror(errno);
      close(fd);
      return false;
    }
    done += size_t(written);
  }
  close(fd);
  return true;
}

void StatusCounts::add(SiteStatus status) {
  switch (status) {
  case SiteStatus::Safe:
    ++safe;
    break;
  case SiteStatus::Checked:
    ++checked;
    break;
  case SiteStatus::Unknown:
    ++unknown;
    break;
  case SiteStatus::Overflow:
    ++overflow;
    break;
  }
}

StatusCounts &StatusCounts::operator+=(const StatusCounts &other) {
  safe += other.safe;
  checked += other.checked;
  unknown += other.unknown;
  overflow += other.overflow;
  return *this;
}

double StatusCounts::coverage() const {
  return sites() == 0 ? -1.0 : 100.0 * double(protectedSites()) / double(sites());
}

std::string notePayload(std::string_view pluginVersion, std::string_view compiler,
                        const Options &options, const StatusCounts &counts) {
  std::string text = "fortify-plugins " + std::string(pluginVersion);
  text += "; compiler=" + std::string(compiler);
  text += "; level=" + std::to_string(options.level);
  text += "; mode=" + std::string(modeName(options.mode));
  text += "; safe=" + std::to_string(counts.safe);
  text += "; checked=" + std::to_string(counts.checked);
  text += "; unknown=" + std::to_string(counts.unknown);
  text += "; overflow=" + std::to_string(counts.overflow);
  return text;
}

std::string sectionAssembly(std::string_view section, std::string_view flags,
                            std::string_view type, unsigned alignment, std::string_view bytes) {
  std::string text = "\t.pushsection " + std::string(section) + ",\"" + std::string(flags) +
                     "\",@" + std::string(type) + "\n\t.balign " + std::to_string(alignment);
  for (size_t i = 0; i < bytes.size(); ++i)
    text += (i % 16 == 0 ? "\n\t.byte " : ",") + std::to_string((unsigned char)bytes[i]);
  return text + "\n\t.popsection\n";
}

std::string noteBytes(std::string_view payload) {
  std::string owner(kNoteOwner);
  owner.push_back('\0');
  std::string description(payload);
  description.push_back('\0');
  std::string bytes;
  appendWord(bytes, uint32_t(owner.size()));
  appendWord(bytes, uint32_t(description.size()));
  appendWord(bytes, kNoteType);
  appendPadded(bytes, owner);
  appendPadded(bytes, description);
  return bytes;
}

}  // namespace fortify
