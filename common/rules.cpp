#include "rules.h"

#include <algorithm>

namespace fortify {
namespace {

using K = CheckKind;
using R = ReadKind;

constexpr unsigned kWchar = 4;       // sizeof(wchar_t) on Linux
constexpr unsigned kGid = 4;         // sizeof(gid_t)
constexpr unsigned kPollFd = 8;      // sizeof(struct pollfd)
constexpr std::uint32_t kPathMax = 4096;  // PATH_MAX, glibc and musl

// Sizes: glibc bounds raw data (mem*, read, recv, fread ...) by the whole
// object and strings and text buffers by the closest subobject from level 2
// (__glibc_objsize vs __glibc_objsize0); .subobject() follows it.
constexpr Rule kRules[] = {
    // <string.h>, <strings.h>: writes, and (beyond glibc) the source read.
    Rule("memcpy", K::CopyLength).writes(0, 2).reads(R::Length, 1).prototype("p:ppz")
        .alias("__builtin_memcpy", "llvm.memcpy", "llvm.memcpy.inline").glibc("__memcpy_chk"),
    Rule("memmove", K::CopyLength).writes(0, 2).reads(R::Length, 1).prototype("p:ppz")
        .alias("__builtin_memmove", "llvm.memmove").glibc("__memmove_chk"),
    Rule("mempcpy", K::CopyLength).writes(0, 2).reads(R::Length, 1).prototype("p:ppz")
        .alias("__builtin_mempcpy", "__mempcpy").glibc("__mempcpy_chk"),
    Rule("memset", K::CopyLength).writes(0, 2).prototype("p:pcz")
        .alias("__builtin_memset", "llvm.memset", "llvm.memset.inline").glibc("__memset_chk"),
    Rule("bcopy", K::CopyLength).writes(1, 2).reads(R::Length, 0).prototype("v:ppz").alias("__builtin_bcopy")
        .glibcThroughOthers(),
    Rule("bzero", K::CopyLength).writes(0, 1).prototype("v:pz").alias("__builtin_bzero")
        .glibcThroughOthers(),
    Rule("explicit_bzero", K::CopyLength).writes(0, 1).prototype("v:pz").glibc("__explicit_bzero_chk"),
    Rule("strcpy", K::CopyString).writes(0).from(1).subobject().prototype("p:pp")
        .alias("__builtin_strcpy").glibc("__strcpy_chk"),
    Rule("stpcpy", K::CopyString).writes(0).from(1).subobject().prototype("p:pp")
        .alias("__builtin_stpcpy", "__stpcpy").glibc("__stpcpy_chk"),
    Rule("strncpy", K::CopyLength).writes(0, 2).subobject().prototype("p:ppz")
        .alias("__builtin_strncpy").glibc("__strncpy_chk"),
    Rule("stpncpy", K::CopyLength).writes(0, 2).subobject().prototype("p:ppz")
        .alias("__builtin_stpncpy", "__stpncpy").glibc("__stpncpy_chk"),
    Rule("strcat", K::AppendString).writes(0).from(1).subobject().prototype("p:pp")
        .alias("__builtin_strcat").glibc("__strcat_chk"),
    Rule("strncat", K::AppendBounded).writes(0, 2).from(1).subobject().prototype("p:ppz")
        .alias("__builtin_strncat").glibc("__strncat_chk"),
    // strlcpy/strlcat write at most n bytes; like glibc's __strlcpy_chk the
    // bound itself must fit, even when the source is shorter.
    Rule("strlcpy", K::CopyLength).writes(0, 2).subobject().prototype("z:ppz")
        .alias("__builtin_strlcpy").glibc("__strlcpy_chk"),
    Rule("strlcat", K::CopyLength).writes(0, 2).subobject().prototype("z:ppz")
        .alias("__builtin_strlcat").glibc("__strlcat_chk"),
    // Over-reads (bionic's __strlen_chk, __memchr_chk ...).
    Rule("strlen", K::None).reads(R::StringResult, 0).prototype("z:p").alias("__builtin_strlen"),
    Rule("strnlen", K::None).reads(R::StringResult, 0).lengthArg(1).prototype("z:pz").alias("__builtin_strnlen"),
    // memchr stops at a match; memrchr scans from the end, so its first read
    // is already past the object when the bound is.
    Rule("memchr", K::None).reads(R::LengthUntilMatch, 0).lengthArg(2).prototype("p:pcz")
        .alias("__builtin_memchr"),
    Rule("memrchr", K::None).reads(R::Length, 0).lengthArg(2).prototype("p:pcz"),
    Rule("strchr", K::None).reads(R::String, 0).prototype("p:pc").alias("__builtin_strchr"),
    Rule("strrchr", K::None).reads(R::String, 0).prototype("p:pc").alias("__builtin_strrchr"),

    // <stdio.h>
    Rule("sprintf", K::FormattedWrite).writes(0).formatArg(1).subobject().prototype("i:pp.")
        .through("snprintf").alias("__builtin_sprintf").glibc("__sprintf_chk"),
    Rule("vsprintf", K::FormattedWrite).writes(0).formatArg(1).subobject().prototype("i:ppa")
        .through("vsnprintf").alias("__builtin_vsprintf").glibc("__vsprintf_chk"),
    Rule("snprintf", K::CopyLength).writes(0, 1).formatArg(2).subobject().prototype("i:pzp.")
        .alias("__builtin_snprintf").glibc("__snprintf_chk"),
    Rule("vsnprintf", K::CopyLength).writes(0, 1).formatArg(2).subobject().prototype("i:pzpa")
        .alias("__builtin_vsnprintf").glibc("__vsnprintf_chk"),
    // gets has no bound at all: diagnosed, not checked.
    Rule("gets", K::Unbounded).writes(0).prototype("p:p").insteadUse("fgets").glibc("__gets_chk"),
    Rule("fgets", K::CopyLength).writes(0, 1).subobject().prototype("p:pip").failsWithNull()
        .glibc("__fgets_chk"),
    Rule("fgets_unlocked", K::CopyLength).writes(0, 1).subobject().prototype("p:pip").failsWithNull()
        .glibc("__fgets_unlocked_chk"),
    Rule("fread", K::CopyLength).writes(0, 1).times(2).prototype("z:pzzp").glibc("__fread_chk"),
    Rule("fread_unlocked", K::CopyLength).writes(0, 1).times(2).prototype("z:pzzp")
        .glibc("__fread_unlocked_chk"),
    Rule("fwrite", K::None).reads(R::Length, 0).lengthArg(1).times(2).prototype("z:pzzp")
        .alias("__builtin_fwrite"),
    Rule("fwrite_unlocked", K::None).reads(R::Length, 0).lengthArg(1).times(2).prototype("z:pzzp")
        .alias("__builtin_fwrite_unlocked"),
    // Formats: a %n in a format that is not a string literal stops.
    Rule("printf", K::None).formatArg(0).prototype("i:p.").alias("__builtin_printf").glibc("__printf_chk"),
    Rule("fprintf", K::None).formatArg(1).prototype("i:pp.").alias("__builtin_fprintf").glibc("__fprintf_chk"),
    Rule("dprintf", K::None).formatArg(1).prototype("i:ip.").glibc("__dprintf_chk"),
    Rule("asprintf", K::None).formatArg(1).prototype("i:pp.").glibc("__asprintf_chk"),
    Rule("vprintf", K::None).formatArg(0).prototype("i:pa").alias("__builtin_vprintf").glibc("__vprintf_chk"),
    Rule("vfprintf", K::None).formatArg(1).prototype("i:ppa").alias("__builtin_vfprintf").glibc("__vfprintf_chk"),
    Rule("vdprintf", K::None).formatArg(1).prototype("i:ipa").glibc("__vdprintf_chk"),
    Rule("vasprintf", K::None).formatArg(1).prototype("i:ppa").glibc("__vasprintf_chk"),
    Rule("syslog", K::None).formatArg(1).prototype("v:ip.").glibc("__syslog_chk"),
    Rule("vsyslog", K::None).formatArg(1).prototype("v:ipa").glibc("__vsyslog_chk"),

    // <unistd.h>
    Rule("read", K::CopyLength).writes(1, 2).prototype("z:ipz").glibc("__read_chk"),
    Rule("pread", K::CopyLength).writes(1, 2).prototype("z:ipzc").glibc("__pread_chk"),
    Rule("pread64", K::CopyLength).writes(1, 2).prototype("z:ipzc").glibc("__pread64_chk"),
    Rule("readlink", K::CopyLength).writes(1, 2).subobject().prototype("z:ppz").glibc("__readlink_chk"),
    Rule("readlinkat", K::CopyLength).writes(2, 3).subobject().prototype("z:ippz").glibc("__readlinkat_chk"),
    Rule("getcwd", K::CopyLength).writes(0, 1).subobject().prototype("p:pz").failsWithNull()
        .glibc("__getcwd_chk"),
    Rule("confstr", K::CopyLength).writes(1, 2).subobject().prototype("z:ipz").glibc("__confstr_chk"),
    Rule("swab", K::CopyLength).writes(1, 2).inWholePairs().reads(R::Length, 0).prototype("v:ppz"),
    Rule("getgroups", K::CopyLength).writes(1, 0, kGid).prototype("i:ip").glibc("__getgroups_chk"),
    Rule("ttyname_r", K::CopyLength).writes(1, 2).subobject().prototype("i:ipz").glibc("__ttyname_r_chk"),
    Rule("getlogin_r", K::CopyLength).writes(0, 1).subobject().prototype("i:pz").glibc("__getlogin_r_chk"),
    Rule("gethostname", K::CopyLength).writes(0, 1).subobject().prototype("i:pz").glibc("__gethostname_chk"),
    Rule("getdomainname", K::CopyLength).writes(0, 1).subobject().prototype("i:pz")
        .glibc("__getdomainname_chk"),
    Rule("write", K::None).reads(R::Length, 1).lengthArg(2).prototype("z:ipz"),
    Rule("pwrite", K::None).reads(R::Length, 1).lengthArg(2).prototype("z:ipzc"),
    Rule("pwrite64", K::None).reads(R::Length, 1).lengthArg(2).prototype("z:ipzc"),

    // <sys/socket.h>, <poll.h>
    Rule("recv", K::CopyLength).writes(1, 2).prototype("z:ipzi").glibc("__recv_chk"),
    Rule("recvfrom", K::CopyLength).writes(1, 2).prototype("z:ipzipp").glibc("__recvfrom_chk"),
    Rule("send", K::None).reads(R::Length, 1).lengthArg(2).prototype("z:ipzi"),
    Rule("sendto", K::None).reads(R::Length, 1).lengthArg(2).prototype("z:ipzipc"),
    Rule("poll", K::CopyLength).writes(0, 1, kPollFd).prototype("i:pzi").glibc("__poll_chk"),
    Rule("ppoll", K::CopyLength).writes(0, 1, kPollFd).prototype("i:pzpp").glibc("__ppoll_chk"),

    // <wchar.h>: counts are in wide characters.
    Rule("wmemcpy", K::CopyLength).writes(0, 2, kWchar).reads(R::Length, 1).prototype("p:ppz")
        .glibc("__wmemcpy_chk"),
    Rule("wmemmove", K::CopyLength).writes(0, 2, kWchar).reads(R::Length, 1).prototype("p:ppz")
        .glibc("__wmemmove_chk"),
    Rule("wmempcpy", K::CopyLength).writes(0, 2, kWchar).reads(R::Length, 1).prototype("p:ppz")
        .glibc("__wmempcpy_chk"),
    Rule("wmemchr", K::None).reads(R::LengthUntilMatch, 0).lengthArg(2).elements(kWchar).prototype("p:pcz"),
    Rule("wmemset", K::CopyLength).writes(0, 2, kWchar).prototype("p:pcz").glibc("__wmemset_chk"),
    Rule("wcscpy", K::CopyString).writes(0, kNoArg, kWchar).from(1).subobject().prototype("p:pp")
        .glibc("__wcscpy_chk"),
    Rule("wcpcpy", K::CopyString).writes(0, kNoArg, kWchar).from(1).subobject().prototype("p:pp")
        .glibc("__wcpcpy_chk"),
    Rule("wcsncpy", K::CopyLength).writes(0, 2, kWchar).subobject().prototype("p:ppz").glibc("__wcsncpy_chk"),
    Rule("wcpncpy", K::CopyLength).writes(0, 2, kWchar).subobject().prototype("p:ppz").glibc("__wcpncpy_chk"),
    Rule("wcscat", K::AppendString).writes(0, kNoArg, kWchar).from(1).subobject().prototype("p:pp")
        .glibc("__wcscat_chk"),
    Rule("wcsncat", K::AppendBounded).writes(0, 2, kWchar).from(1).subobject().prototype("p:ppz")
        .glibc("__wcsncat_chk"),
    Rule("wcslcpy", K::CopyLength).writes(0, 2, kWchar).subobject().prototype("z:ppz").glibc("__wcslcpy_chk"),
    Rule("wcslcat", K::CopyLength).writes(0, 2, kWchar).subobject().prototype("z:ppz").glibc("__wcslcat_chk"),
    Rule("swprintf", K::CopyLength).writes(0, 1, kWchar).subobject().prototype("i:pzp.")
        .glibc("__swprintf_chk"),
    Rule("vswprintf", K::CopyLength).writes(0, 1, kWchar).subobject().prototype("i:pzpa")
        .glibc("__vswprintf_chk"),
    Rule("fgetws", K::CopyLength).writes(0, 1, kWchar).subobject().prototype("p:pip").failsWithNull()
        .glibc("__fgetws_chk"),
    Rule("fgetws_unlocked", K::CopyLength).writes(0, 1, kWchar).subobject().prototype("p:pip").failsWithNull()
        .glibc("__fgetws_unlocked_chk"),
    Rule("wcrtomb", K::MinimumSize).writes(0).atLeast(kMinimumIsMbCurMax).subobject().prototype("z:pcp")
        .glibc("__wcrtomb_chk"),
    Rule("wctomb", K::MinimumSize).writes(0).atLeast(kMinimumIsMbCurMax).subobject().prototype("i:pc")
        .glibc("__wctomb_chk"),
    Rule("mbsrtowcs", K::CopyLength).writes(0, 2, kWchar).subobject().prototype("z:ppzp").glibc("__mbsrtowcs_chk"),
    Rule("mbsnrtowcs", K::CopyLength).writes(0, 3, kWchar).subobject().prototype("z:ppzzp")
        .glibc("__mbsnrtowcs_chk"),
    Rule("wcsrtombs", K::CopyLength).writes(0, 2).subobject().prototype("z:ppzp").glibc("__wcsrtombs_chk"),
    Rule("wcsnrtombs", K::CopyLength).writes(0, 3).subobject().prototype("z:ppzzp").glibc("__wcsnrtombs_chk"),
    Rule("mbstowcs", K::CopyLength).writes(0, 2, kWchar).subobject().prototype("z:ppz").glibc("__mbstowcs_chk"),
    Rule("wcstombs", K::CopyLength).writes(0, 2).subobject().prototype("z:ppz").glibc("__wcstombs_chk"),

    // <stdlib.h>
    Rule("realpath", K::MinimumSize).writes(1).atLeast(kPathMax).subobject().prototype("p:pp")
        .failsWithNull().glibc("__realpath_chk"),
    Rule("ptsname_r", K::CopyLength).writes(1, 2).subobject().prototype("i:ipz").glibc("__ptsname_r_chk"),

    // <fcntl.h>
    Rule("open", K::OpenMode).flagsArg(1).prototype("i:pi.").glibc("__open_2"),
    Rule("open64", K::OpenMode).flagsArg(1).prototype("i:pi.").glibc("__open64_2"),
    Rule("openat", K::OpenMode).flagsArg(2).prototype("i:ipi.").glibc("__openat_2"),
    Rule("openat64", K::OpenMode).flagsArg(2).prototype("i:ipi.").glibc("__openat64_2"),
};

}  // namespace

const Rule *rulesBegin() { return std::begin(kRules); }
const Rule *rulesEnd() { return std::end(kRules); }

const Rule *findRule(std::string_view name) {
  if (name.empty())
    return nullptr;
  for (const Rule &rule : kRules) {
    if (rule.name == name)
      return &rule;
    if (std::find(rule.aliases.begin(), rule.aliases.end(), name) != rule.aliases.end())
      return &rule;
  }
  return nullptr;
}

const Rule *findRuleByCheckedName(std::string_view name) {
  if (name.empty())
    return nullptr;
  for (const Rule &rule : kRules)
    if (rule.glibcChecked == name)
      return &rule;
  return nullptr;
}

int objectSizeType(const Rule &rule, int level) {
  return level >= 2 && rule.objectSize == ObjectSize::ClosestSubobject ? 1 : 0;
}

bool checksFormat(const Rule &rule, int level) { return level >= 2 && rule.format != kNoArg; }

bool glibcFortifies(const Rule &rule) { return !rule.glibcChecked.empty() || rule.glibcInline; }

bool checksWrite(const Rule &rule) {
  switch (rule.kind) {
  case CheckKind::CopyLength:
  case CheckKind::CopyString:
  case CheckKind::AppendString:
  case CheckKind::AppendBounded:
  case CheckKind::MinimumSize:
  case CheckKind::FormattedWrite:
    return rule.dest != kNoArg;
  case CheckKind::None:
  case CheckKind::OpenMode:
  case CheckKind::Unbounded:
    return false;
  }
  return false;
}

bool readsSourceString(const Rule &rule) {
  return kindNeedsStringLength(rule.kind) && rule.source != kNoArg;
}

bool checksRead(const Rule &rule, const Options &options) {
  return rule.read != ReadKind::None && rule.readArg != kNoArg && checksReads(options);
}

bool hasAnyCheck(const Rule &rule, const Options &options) {
  return checksWrite(rule) || rule.kind == CheckKind::OpenMode ||
         rule.kind == CheckKind::Unbounded || checksRead(rule, options) ||
         checksFormat(rule, options.level);
}

bool kindNeedsStringLength(CheckKind kind) {
  switch (kind) {
  case CheckKind::CopyString:
  case CheckKind::AppendString:
  case CheckKind::AppendBounded:
    return true;
  case CheckKind::None:
  case CheckKind::CopyLength:
  case CheckKind::MinimumSize:
  case CheckKind::FormattedWrite:
  case CheckKind::OpenMode:
  case CheckKind::Unbounded:
    return false;
  }
  return true;
}

bool writeCheckNeedsKnownSize(const Rule &rule) {
  if (kindNeedsStringLength(rule.kind))
    return true;
  if (rule.kind == CheckKind::CopyLength)
    return rule.elementSize != 1 || rule.count != kNoArg;
  if (rule.kind == CheckKind::MinimumSize)
    return rule.minimum == kMinimumIsMbCurMax;
  return false;
}

bool readCheckNeedsKnownSize(const Rule &rule) {
  switch (rule.read) {
  case ReadKind::String:
    return true;
  case ReadKind::Length:
  case ReadKind::LengthUntilMatch:
    return rule.elementSize != 1 || rule.count != kNoArg;
  case ReadKind::None:
  case ReadKind::StringResult:
    return false;
  }
  return true;
}

Characters characters(const Rule &rule) {
  const bool strings = kindNeedsStringLength(rule.kind) || rule.read == ReadKind::String ||
                       rule.read == ReadKind::StringResult;
  if (!strings)
    return Characters::None;
  return rule.elementSize == 1 ? Characters::Narrow : Characters::Wide;
}

const char *checkKindName(CheckKind kind) {
  switch (kind) {
  case CheckKind::None: return "none";
  case CheckKind::CopyLength: return "copy-length";
  case CheckKind::CopyString: return "copy-string";
  case CheckKind::AppendString: return "append-string";
  case CheckKind::AppendBounded: return "append-bounded";
  case CheckKind::MinimumSize: return "minimum-size";
  case CheckKind::FormattedWrite: return "formatted-write";
  case CheckKind::OpenMode: return "open-mode";
  case CheckKind::Unbounded: return "unbounded";
  }
  return "unknown";
}

const char *readKindName(ReadKind kind) {
  switch (kind) {
  case ReadKind::None: return "none";
  case ReadKind::Length: return "read-length";
  case ReadKind::StringResult: return "read-string-result";
  case ReadKind::String: return "read-string";
  case ReadKind::LengthUntilMatch: return "read-until-match";
  }
  return "unknown";
}

}  // namespace fortify
