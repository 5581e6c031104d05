// The report runtime: what a failed check calls in report mode
// (-fplugin-arg-fortify-mode=report). See docs/RUNTIME.md.
//
// It must link into any C or C++ program against any libc (glibc, musl,
// static or dynamic), so it uses no C++ runtime (no exceptions, RTTI, static
// guards or operator new), no stdio and nothing glibc-specific: only write,
// abort, getenv, open, close, getpid, atexit and _exit. It is never built with
// _FORTIFY_SOURCE or the plugins (it would report itself). Shared state is
// atomics only, so that reports from several threads neither lock nor race.
#include "fortify/runtime.h"
#include "problems.h"  // common/: the words both plugins use

#include <errno.h>
#include <fcntl.h>
#include <stdint.h>
#include <stdlib.h>
#include <unistd.h>

namespace {

constexpr char kValidOptions[] = "valid options: halt_on_error=0|1, log_path=PATH, dedup=0|1";

// ---------------------------------------------------------------------------
// Options, from FORTIFY_OPTIONS, read once (constructor or first report).
bool gHaltOnError = true;
bool gDedup = true;
// log_path's value, copied: the environment may change later. Empty: stderr.
constexpr size_t kMaxPath = 4096;
char gLogPath[kMaxPath];

// 0: not read yet, 1: being read, 2: read.
int gOptionsState = 0;

// Writes `value` in decimal to `out` (at most 20 characters, no NUL);
// returns the number of characters.
size_t decimal(unsigned long long value, char *out) {
  char reversed[20];
  size_t count = 0;
  do {
    reversed[count++] = static_cast<char>('0' + value % 10);
    value /= 10;
  } while (value != 0);
  for (size_t i = 0; i < count; ++i)
    out[i] = reversed[count - 1 - i];
  return count;
}

// ---------------------------------------------------------------------------
// A line of output, built in a fixed buffer and written with one write().
class Line {
public:
  void add(const char *text, size_t length) {
    for (size_t i = 0; i < length; ++i)
      add(text[i]);
  }
  void add(const char *text) {
    while (*text)
      add(*text++);
  }
  void add(char c) {
    if (length_ < kCapacity)
      buffer_[length_++] = c;
  }
  // Characters from a site string: control characters become '?', so that
  // a broken descriptor cannot garble the terminal or split the line.
  void addField(const char *text, size_t length) {
    for (size_t i = 0; i < length; ++i) {
      unsigned char c = static_cast<unsigned char>(text[i]);
      add(c < 0x20 || c == 0x7f ? '?' : text[i]);
    }
  }
  void addNumber(unsigned long long value) {
    char digits[24];
    add(digits, decimal(value, digits));
  }
  // "1 byte", "17 bytes".
  void addBytes(unsigned long long value) {
    addNumber(value);
    add(value == 1 ? " byte" : " bytes");
  }
  // Ends the line (a truncated line still ends with a newline) and writes it.
  void writeTo(int fd) {
    if (length_ == kCapacity)
      length_ = kCapacity - 4, add("...");
    buffer_[length_++] = '\n';
    const char *data = buffer_;
    size_t left = length_;
    while (left != 0) {
      ssize_t written = write(fd, data, left);
      if (written < 0 && errno == EINTR)
        continue;
      if (written <= 0)
        return;
      data += written;
      left -= static_cast<size_t>(written);
    }
  }

private:
  static constexpr size_t kCapacity = 2047;  // plus the newline
  char buffer_[kCapacity + 1];
  size_t length_ = 0;
};

bool equal(const char *text, size_t length, const char *literal) {
  size_t i = 0;
  for (; i < length; ++i)
    if (literal[i] != text[i])  // also stops at literal's end
      return false;
  return literal[i] == '\0';
}

// ---------------------------------------------------------------------------
// FORTIFY_OPTIONS: items "name=value" separated by ':' or ','.
[[noreturn]] void badOption(const char *prefix, const char *item, size_t length,
                            const char *suffix) {
  Line line;
  line.add("fortify: ");
  line.add(prefix);
  line.addField(item, length);
  line.add(suffix);
  line.add(kValidOptions);
  line.writeTo(2);
  _exit(1);
}

bool parseBool(const char *value, size_t length, bool &result) {
  if (equal(value, length, "0"))
    result = false;
  else if (equal(value, length, "1"))
    result = true;
  else
    return false;
  return true;
}

void applyOption(const char *item, size_t length) {
  size_t nameLength = 0;
  while (nameLength < length && item[nameLength] != '=')
    ++nameLength;
  const bool known = equal(item, nameLength, "halt_on_error") ||
                     equal(item, nameLength, "log_path") || equal(item, nameLength, "dedup");
  if (!known)
    badOption("unknown runtime option '", item, nameLength, "' in FORTIFY_OPTIONS; ");
  const char *value = item + nameLength + 1;
  size_t valueLength = nameLength < length ? length - nameLength - 1 : 0;
  bool valid;
  if (nameLength == length) {
    valid = false;  // "dedup" alone
  } else if (equal(item, nameLength, "halt_on_error")) {
    valid = parseBool(value, valueLength, gHaltOnError);
  } else if (equal(item, nameLength, "dedup")) {
    valid = parseBool(value, valueLength, gDedup);
  } else {
    valid = valueLength != 0 && valueLength < kMaxPath - 24;  // room for ".<pid>"
    if (valid) {
      for (size_t i = 0; i < valueLength; ++i)
        gLogPath[i] = value[i];
      gLogPath[valueLength] = '\0';
    }
  }
  if (!valid)
    badOption("invalid value in runtime option '", item, length, "' in FORTIFY_OPTIONS; ");
}

void parseOptions(const char *text) {
  while (*text) {
    size_t length = 0;
    while (text[length] && text[length] != ':' && text[length] != ',')
      ++length;
    if (length != 0)  // empty items ("a::b", a trailing ':') are ignored
      applyOption(text, length);
    text += length;
    if (*text)
      ++text;
  }
}

void readOptions() {
  int state = __atomic_load_n(&gOptionsState, __ATOMIC_ACQUIRE);
  if (state == 2)
    return;
  int expected = 0;
  if (__atomic_compare_exchange_n(&gOptionsState, &expected, 1, false, __ATOMIC_ACQ_REL,
                                  __ATOMIC_ACQUIRE)) {
    if (const char *text = getenv("FORTIFY_OPTIONS"))
      parseOptions(text);
    __atomic_store_n(&gOptionsState, 2, __ATOMIC_RELEASE);
    return;
  }
  while (__atomic_load_n(&gOptionsState, __ATOMIC_ACQUIRE) != 2) {
  }
}

// At startup, so that a bad option stops the program before it runs (as the
// sanitizers do) rather than at its first finding. A report made by an
// earlier constructor reads the options itself.
__attribute__((constructor)) void readOptionsAtStartup() { readOptions(); }

// ---------------------------------------------------------------------------
// Where reports go: stderr, or log_path.<pid> (opened at the first report of
// each process, so that a forked child writes its own file). The descriptor
// and the pid it belongs to live in one atomic word: fd in the low half
// (kLogFailed: could not be opened, stderr is used), pid in the high half.
constexpr int kLogFailed = -2;
uint64_t gLog = 0;  // pid 0: nothing opened yet

uint64_t packLog(int fd, pid_t pid) {
  return static_cast<uint64_t>(static_cast<uint32_t>(pid)) << 32 | static_cast<uint32_t>(fd);
}

int outputFd() {
  if (gLogPath[0] == '\0')
    return 2;
  const pid_t pid = getpid();
  uint64_t current = __atomic_load_n(&gLog, __ATOMIC_ACQUIRE);
  for (;;) {
    const int fd = static_cast<int>(static_cast<uint32_t>(current));
    if (current >> 32 == static_cast<uint32_t>(pid))
      return fd == kLogFailed ? 2 : fd;
    // "PATH.<pid>"
    char name[kMaxPath];
    size_t length = 0;
    for (const char *p = gLogPath; *p; ++p)
      name[length++] = *p;
    name[length++] = '.';
    length += decimal(static_cast<unsigned long long>(pid), name + length);
    name[length] = '\0';
    int opened = open(name, O_WRONLY | O_CREAT | O_APPEND | O_CLOEXEC, 0644);
    const uint64_t wanted = packLog(opened < 0 ? kLogFailed : opened, pid);
    if (__atomic_compare_exchange_n(&gLog, &current, wanted, false, __ATOMIC_ACQ_REL,
                                    __ATOMIC_ACQUIRE)) {
      if (current >> 32 != 0 && fd >= 0)
        close(fd);  // inherited from the parent process: its file, not ours
      if (opened < 0) {
        Line line;
        line.add("fortify: cannot open log_path file '");
        line.addField(name, length);
        line.add("'; reporting to stderr");
        line.writeTo(2);
        return 2;
      }
      return opened;
    }
    if (opened >= 0)
      close(opened);  // another thread was first; `current` is now its word
  }
}

// ---------------------------------------------------------------------------
// Call sites already reported, keyed by the descriptor's address: an
// open-addressing set of pointers, insert-only, lock-free.
constexpr size_t kSiteSlots = 4096;
const char *gSites[kSiteSlots];
unsigned long long gFindings = 0;  // failed checks, reported or not
unsigned long long gCallSites = 0; // distinct call sites among them
int gSummaryRegistered = 0;

// True the first time `site` is seen. When the set is full every further
// site counts as new (reported, counted as another call site).
bool firstTime(const char *site) {
  static const char nullSite = 0;  // a null descriptor is a site too
  if (site == nullptr)
    site = &nullSite;
  uint64_t hash = reinterpret_cast<uintptr_t>(site);
  hash = (hash ^ (hash >> 29)) * 0x9e3779b97f4a7c15ull;
  for (size_t probe = 0; probe < kSiteSlots; ++probe) {
    const char **slot = &gSites[(hash + probe) % kSiteSlots];
    const char *seen = __atomic_load_n(slot, __ATOMIC_ACQUIRE);
    if (seen == nullptr) {
      if (__atomic_compare_exchange_n(slot, &seen, site, false, __ATOMIC_ACQ_REL,
                                      __ATOMIC_ACQUIRE))
        return true;
      // `seen` is now whoever won the slot.
    }
    if (seen == site)
      return false;
  }
  return true;
}

void printSummary() {
  const unsigned long long findings = __atomic_load_n(&gFindings, __ATOMIC_ACQUIRE);
  const unsigned long long sites = __atomic_load_n(&gCallSites, __ATOMIC_ACQUIRE);
  Line line;
  line.add("fortify: ");
  line.addNumber(findings);
  line.add(findings == 1 ? " finding (" : " findings (");
  line.addNumber(sites);
  line.add(sites == 1 ? " call site)" : " call sites)");
  line.writeTo(outputFd());
}

// ---------------------------------------------------------------------------
// The descriptor: six NUL-terminated fields. Nothing tells where a broken
// one ends, so reading stops at the first field that breaks the format: a
// field without its NUL within kMaxField bytes, an empty problem word, a
// line or column that is not a decimal number. The fields read before it are
// used; the rest count as missing.
constexpr size_t kMaxField = 1024;
constexpr int kFields = 6;
enum Field { Problem, Function, File, LineNumber, Column, Caller };

struct Site {
  const char *text[kFields] = {};
  size_t length[kFields] = {};
  int count = 0;  // fields read
};

bool isNumber(const char *text, size_t length) {
  if (length == 0 || length > 10)
    return false;
  for (size_t i = 0; i < length; ++i)
    if (text[i] < '0' || text[i] > '9')
      return false;
  return true;
}

Site decode(const char *site) {
  Site result;
  if (site == nullptr)
    return result;
  const char *p = site;
  for (int field = 0; field < kFields; ++field) {
    size_t length = 0;
    while (length < kMaxField && p[length] != '\0')
      ++length;
    if (length == kMaxField)
      break;
    if ((field == LineNumber || field == Column) && !isNumber(p, length))
      break;
    result.text[field] = p;
    result.length[field] = length;
    result.count = field + 1;
    if (field == Problem && length == 0)
      break;
    p += length + 1;
  }
  return result;
}

// A line or column; 0 (unknown) when missing.
unsigned long long number(const Site &site, Field field) {
  if (site.count <= field)
    return 0;
  unsigned long long value = 0;
  for (size_t i = 0; i < site.length[field]; ++i)
    value = value * 10 + static_cast<unsigned>(site.text[field][i] - '0');
  return value;
}

bool has(const Site &site, Field field) {
  return site.count > field && site.length[field] != 0;
}

void formatReport(Line &line, const Site &site, size_t needed, size_t available) {
  line.add("fortify: ");
  if (has(site, Function))
    line.addField(site.text[Function], site.length[Function]);
  else
    line.add("<unknown function>");
  line.add(": ");
  const char *problem = site.count > Problem ? site.text[Problem] : "";
  const size_t problemLength = site.count > Problem ? site.length[Problem] : 0;
  // Compared with the runtime's own equal(): string_view's == would import
  // memcmp.
  const fortify::ProblemInfo *info = nullptr;
  for (const fortify::ProblemInfo &candidate : fortify::kProblems)
    if (equal(problem, problemLength, candidate.word.data()))
      info = &candidate;
  if (info && info->hasSizes) {
    line.add(info->word.data(), info->word.size());
    line.add(" of ");
    line.addBytes(needed);
    line.add(' ');
    line.add(info->preposition.data(), info->preposition.size());
    line.add(" an object of ");
    line.addBytes(available);
  } else if (info) {
    line.add(info->condition.data(), info->condition.size());
  } else {
    // A descriptor from a newer plugin, or a broken one: say what is known.
    line.add("failed check");
    if (problemLength != 0) {
      line.add(" '");
      line.addField(problem, problemLength);
      line.add('\'');
    }
    line.add(" (");
    line.addBytes(needed);
    line.add(" needed, ");
    line.addBytes(available);
    line.add(" available)");
  }
  // The location as fortify::formatLocation writes it.
  line.add(" at ");
  if (has(site, File))
    line.addField(site.text[File], site.length[File]);
  else
    line.add("<unknown>");
  if (const unsigned long long lineNumber = number(site, LineNumber)) {
    line.add(':');
    line.addNumber(lineNumber);
    if (const unsigned long long column = number(site, Column)) {
      line.add(':');
      line.addNumber(column);
    }
  }
  if (has(site, Caller)) {
    line.add(" (in ");
    line.addField(site.text[Caller], site.length[Caller]);
    line.add(')');
  }
}

}  // namespace

extern "C" __attribute__((visibility("default"))) void
__fortify_report(const char *site, size_t needed, size_t available) {
  readOptions();
  __atomic_add_fetch(&gFindings, 1, __ATOMIC_ACQ_REL);
  const bool first = firstTime(site);
  if (first)
    __atomic_add_fetch(&gCallSites, 1, __ATOMIC_ACQ_REL);
  if (gHaltOnError || first || !gDedup) {
    Line line;
    formatReport(line, decode(site), needed, available);
    line.writeTo(outputFd());
  }
  if (gHaltOnError)
    abort();
  int expected = 0;
  if (__atomic_compare_exchange_n(&gSummaryRegistered, &expected, 1, false, __ATOMIC_ACQ_REL,
                                  __ATOMIC_ACQUIRE))
    atexit(printSummary);
}
