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

// mode=chk calls the .glibc() entry point with the arguments .chk() and
// .chkFlag() lay out (glibc 2.36's <bits/*_chk.h> prototypes): the size
// where glibc's wrapper passes __glibc_objsize[0], in elements where it
// divides by sizeof (wchar_t), the flag where it passes
// __USE_FORTIFY_LEVEL - 1.
//
// Sizes: glibc bounds raw data (mem*, read, recv, fread ...) by the whole
// object and strings and text buffers by the closest subobject from level 2
// (__glibc_objsize vs __glibc_objsize0); .subobject() follows it.
constexpr Rule kRules[] = {
    // <string.h>, <strings.h>: writes, and (beyond glibc) the source read.
    Rule("memcpy", K::CopyLength).writes(0, 2).reads(R::Length, 1).prototype("p:ppz")
        .alias("__builtin_memcpy", "llvm.memcpy", "llvm.memcpy.inline").glibc("__memcpy_chk").chk(3),
    Rule("memmove", K::CopyLength).writes(0, 2).reads(R::Length, 1).prototype("p:ppz")
        .alias("__builtin_memmove", "llvm.memmove").glibc("__memmove_chk").chk(3),
    Rule("mempcpy", K::CopyLength).writes(0, 2).reads(R::Length, 1).prototype("p:ppz")
        .alias("__builtin_mempcpy", "__mempcpy").glibc("__mempcpy_chk").chk(3),
    Rule("memset", K::CopyLength).writes(0, 2).prototype("p:pcz")
        .alias("__builtin_memset", "llvm.memset", "llvm.memset.inline").glibc("__memset_chk").chk(3),
    Rule("bcopy", K::CopyLength).writes(1, 2).reads(R::Length, 0).prototype("v:ppz").alias("__builtin_bcopy")
        .glibcThroughOthers(),
    Rule("bzero", K::CopyLength).writes(0, 1).prototype("v:pz").alias("__builtin_bzero")
        .glibcThroughOthers(),
    Rule("explicit_bzero", K::CopyLength).writes(0, 1).prototype("v:pz").glibc("__explicit_bzero_chk").chk(2),
    Rule("strcpy", K::CopyString).writes(0).from(1).subobject().prototype("p:pp")
        .alias("__builtin_strcpy").glibc("__strcpy_chk").chk(2),
    Rule("stpcpy", K::CopyString).writes(0).from(1).subobject().prototype("p:pp")
        .alias("__builtin_stpcpy", "__stpcpy").glibc("__stpcpy_chk").chk(2),
    Rule("strncpy", K::CopyLength).writes(0, 2).subobject().prototype("p:ppz")
        .alias("__builtin_strncpy").glibc("__strncpy_chk").chk(3),
    Rule("stpncpy", K::CopyLength).writes(0, 2).subobject().prototype("p:ppz")
        .alias("__builtin_stpncpy", "__stpncpy").glibc("__stpncpy_chk").chk(3),
    Rule("strcat", K::AppendString).writes(0).from(1).subobject().prototype("p:pp")
        .alias("__builtin_strcat").glibc("__strcat_chk").chk(2),
    Rule("strncat", K::AppendBounded).writes(0, 2).from(1).subobject().prototype("p:ppz")
        .alias("__builtin_strncat").glibc("__strncat_chk").chk(3),
    // strlcpy/strlcat write at most n bytes; like glibc's __strlcpy_chk the
    // bound itself must fit, even when the source is shorter. No .chk():
    // glibc before 2.38 has no __strlcpy_chk family, and a program that
    // takes strlcpy from a library (libbsd) would not link in mode=chk, so
    // these four keep the inline check in every mode.
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
        .through("snprintf").alias("__builtin_sprintf").glibc("__sprintf_chk").chk(2, 1),
    Rule("vsprintf", K::FormattedWrite).writes(0).formatArg(1).subobject().prototype("i:ppa")
        .through("vsnprintf").alias("__builtin_vsprintf").glibc("__vsprintf_chk").chk(2, 1),
    Rule("snprintf", K::CopyLength).writes(0, 1).formatArg(2).subobject().prototype("i:pzp.")
        .alias("__builtin_snprintf").glibc("__snprintf_chk").chk(3, 2),
    Rule("vsnprintf", K::CopyLength).writes(0, 1).formatArg(2).subobject().prototype("i:pzpa")
        .alias("__builtin_vsnprintf").glibc("__vsnprintf_chk").chk(3, 2),
    // gets has no bound at all: diagnosed, not checked.
    Rule("gets", K::Unbounded).writes(0).prototype("p:p").insteadUse("fgets").glibc("__gets_chk"),
    Rule("fgets", K::CopyLength).writes(0, 1).subobject().prototype("p:pip").failsWithNull()
        .glibc("__fgets_chk").chk(1),
    Rule("fgets_unlocked", K::CopyLength).writes(0, 1).subobject().prototype("p:pip").failsWithNull()
        .glibc("__fgets_unlocked_chk").chk(1),
    Rule("fread", K::CopyLength).writes(0, 1).times(2).prototype("z:pzzp").glibc("__fread_chk").chk(1),
    Rule("fread_unlocked", K::CopyLength).writes(0, 1).times(2).prototype("z:pzzp")
        .glibc("__fread_unlocked_chk").chk(1),
    Rule("fwrite", K::None).reads(R::Length, 0).lengthArg(1).times(2).prototype("z:pzzp")
        .alias("__builtin_fwrite"),
    Rule("fwrite_unlocked", K::None).reads(R::Length, 0).lengthArg(1).times(2).prototype("z:pzzp")
        .alias("__builtin_fwrite_unlocked"),
    // Formats: a %n in a format that is not a string literal stops.
    Rule("printf", K::None).formatArg(0).prototype("i:p.").alias("__builtin_printf").glibc("__printf_chk").chkFlag(0),
    Rule("fprintf", K::None).formatArg(1).prototype("i:pp.").alias("__builtin_fprintf").glibc("__fprintf_chk").chkFlag(1),
    Rule("dprintf", K::None).formatArg(1).prototype("i:ip.").glibc("__dprintf_chk").chkFlag(1),
    Rule("asprintf", K::None).formatArg(1).prototype("i:pp.").glibc("__asprintf_chk").chkFlag(1),
    Rule("vprintf", K::None).formatArg(0).prototype("i:pa").alias("__builtin_vprintf").glibc("__vprintf_chk").chkFlag(0),
    Rule("vfprintf", K::None).formatArg(1).prototype("i:ppa").alias("__builtin_vfprintf").glibc("__vfprintf_chk").chkFlag(1),
    Rule("vdprintf", K::None).formatArg(1).prototype("i:ipa").glibc("__vdprintf_chk").chkFlag(1),
    Rule("vasprintf", K::None).formatArg(1).prototype("i:ppa").glibc("__vasprintf_chk").chkFlag(1),
    Rule("syslog", K::None).formatArg(1).prototype("v:ip.").glibc("__syslog_chk").chkFlag(1),
    Rule("vsyslog", K::None).formatArg(1).prototype("v:ipa").glibc("__vsyslog_chk").chkFlag(1),

    // <unistd.h>
    Rule("read", K::CopyLength).writes(1, 2).prototype("z:ipz").glibc("__read_chk").chk(3),
    Rule("pread", K::CopyLength).writes(1, 2).prototype("z:ipzc").glibc("__pread_chk").chk(4),
    Rule("pread64", K::CopyLength).writes(1, 2).prototype("z:ipzc").glibc("__pread64_chk").chk(4),
    Rule("readlink", K::CopyLength).writes(1, 2).subobject().prototype("z:ppz").glibc("__readlink_chk").chk(3),
    Rule("readlinkat", K::CopyLength).writes(2, 3).subobject().prototype("z:ippz").glibc("__readlinkat_chk").chk(4),
    Rule("getcwd", K::CopyLength).writes(0, 1).subobject().prototype("p:pz").failsWithNull()
        .glibc("__getcwd_chk").chk(2),
    Rule("confstr", K::CopyLength).writes(1, 2).subobject().prototype("z:ipz").glibc("__confstr_chk").chk(3),
    Rule("swab", K::CopyLength).writes(1, 2).inWholePairs().reads(R::Length, 0).prototype("v:ppz"),
    Rule("getgroups", K::CopyLength).writes(1, 0, kGid).prototype("i:ip").glibc("__getgroups_chk").chk(2),
    Rule("ttyname_r", K::CopyLength).writes(1, 2).subobject().prototype("i:ipz").glibc("__ttyname_r_chk").chk(3),
    Rule("getlogin_r", K::CopyLength).writes(0, 1).subobject().prototype("i:pz").glibc("__getlogin_r_chk").chk(2),
    Rule("gethostname", K::CopyLength).writes(0, 1).subobject().prototype("i:pz").glibc("__gethostname_chk").chk(2),
    Rule("getdomainname", K::CopyLength).writes(0, 1).subobject().prototype("i:pz")
        .glibc("__getdomainname_chk").chk(2),
    Rule("write", K::None).reads(R::Length, 1).lengthArg(2).prototype("z:ipz"),
    Rule("pwrite", K::None).reads(R::Length, 1).lengthArg(2).prototype("z:ipzc"),
    Rule("pwrite64", K::None).reads(R::Length, 1).lengthArg(2).prototype("z:ipzc"),

    // <sys/socket.h>, <poll.h>
    Rule("recv", K::CopyLength).writes(1, 2).prototype("z:ipzi").glibc("__recv_chk").chk(3),
    Rule("recvfrom", K::CopyLength).writes(1, 2).prototype("z:ipzipp").glibc("__recvfrom_chk").chk(3),
    Rule("send", K::None).reads(R::Length, 1).lengthArg(2).prototype("z:ipzi"),
    Rule("sendto", K::None).reads(R::Length, 1).lengthArg(2).prototype("z:ipzipc"),
    Rule("poll", K::CopyLength).writes(0, 1, kPollFd).prototype("i:pzi").glibc("__poll_chk").chk(3),
    Rule("ppoll", K::CopyLength).writes(0, 1, kPollFd).prototype("i:pzpp").glibc("__ppoll_chk").chk(4),

    // <wchar.h>: counts are in wide characters.
    Rule("wmemcpy", K::CopyLength).writes(0, 2, kWchar).reads(R::Length, 1).prototype("p:ppz")
        .glibc("__wmemcpy_chk").chk(3).chkInElements(),
    Rule("wmemmove", K::CopyLength).writes(0, 2, kWchar).reads(R::Length, 1).prototype("p:ppz")
        .glibc("__wmemmove_chk").chk(3).chkInElements(),
    Rule("wmempcpy", K::CopyLength).writes(0, 2, kWchar).reads(R::Length, 1).prototype("p:ppz")
        .glibc("__wmempcpy_chk").chk(3).chkInElements(),
    Rule("wmemchr", K::None).reads(R::LengthUntilMatch, 0).lengthArg(2).elements(kWchar).prototype("p:pcz"),
    Rule("wmemset", K::CopyLength).writes(0, 2, kWchar).prototype("p:pcz").glibc("__wmemset_chk").chk(3).chkInElements(),
    Rule("wcscpy", K::CopyString).writes(0, kNoArg, kWchar).from(1).subobject().prototype("p:pp")
        .glibc("__wcscpy_chk").chk(2).chkInElements(),
    Rule("wcpcpy", K::CopyString).writes(0, kNoArg, kWchar).from(1).subobject().prototype("p:pp")
        .glibc("__wcpcpy_chk").chk(2).chkInElements(),
    Rule("wcsncpy", K::CopyLength).writes(0, 2, kWchar).subobject().prototype("p:ppz").glibc("__wcsncpy_chk").chk(3).chkInElements(),
    Rule("wcpncpy", K::CopyLength).writes(0, 2, kWchar).subobject().prototype("p:ppz").glibc("__wcpncpy_chk").chk(3).chkInElements(),
    Rule("wcscat", K::AppendString).writes(0, kNoArg, kWchar).from(1).subobject().prototype("p:pp")
        .glibc("__wcscat_chk").chk(2).chkInElements(),
    Rule("wcsncat", K::AppendBounded).writes(0, 2, kWchar).from(1).subobject().prototype("p:ppz")
        .glibc("__wcsncat_chk").chk(3).chkInElements(),
    Rule("wcslcpy", K::CopyLength).writes(0, 2, kWchar).subobject().prototype("z:ppz").glibc("__wcslcpy_chk"),
    Rule("wcslcat", K::CopyLength).writes(0, 2, kWchar).subobject().prototype("z:ppz").glibc("__wcslcat_chk"),
    Rule("swprintf", K::CopyLength).writes(0, 1, kWchar).subobject().prototype("i:pzp.")
        .glibc("__swprintf_chk").chk(3, 2).chkInElements(),
    Rule("vswprintf", K::CopyLength).writes(0, 1, kWchar).subobject().prototype("i:pzpa")
        .glibc("__vswprintf_chk").chk(3, 2).chkInElements(),
    Rule("fgetws", K::CopyLength).writes(0, 1, kWchar).subobject().prototype("p:pip").failsWithNull()
        .glibc("__fgetws_chk").chk(1).chkInElements(),
    Rule("fgetws_unlocked", K::CopyLength).writes(0, 1, kWchar).subobject().prototype("p:pip").failsWithNull()
        .glibc("__fgetws_unlocked_chk").chk(1).chkInElements(),
    Rule("wcrtomb", K::MinimumSize).writes(0).atLeast(kMinimumIsMbCurMax).subobject().prototype("z:pcp")
        .glibc("__wcrtomb_chk").chk(3),
    Rule("wctomb", K::MinimumSize).writes(0).atLeast(kMinimumIsMbCurMax).subobject().prototype("i:pc")
        .glibc("__wctomb_chk").chk(2),
    Rule("mbsrtowcs", K::CopyLength).writes(0, 2, kWchar).subobject().prototype("z:ppzp").glibc("__mbsrtowcs_chk").chk(4).chkInElements(),
    Rule("mbsnrtowcs", K::CopyLength).writes(0, 3, kWchar).subobject().prototype("z:ppzzp")
        .glibc("__mbsnrtowcs_chk").chk(5).chkInElements(),
    Rule("wcsrtombs", K::CopyLength).writes(0, 2).subobject().prototype("z:ppzp").glibc("__wcsrtombs_chk").chk(4),
    Rule("wcsnrtombs", K::CopyLength).writes(0, 3).subobject().prototype("z:ppzzp").glibc("__wcsnrtombs_chk").chk(5),
    Rule("mbstowcs", K::CopyLength).writes(0, 2, kWchar).subobject().prototype("z:ppz").glibc("__mbstowcs_chk").chk(3).chkInElements(),
    Rule("wcstombs", K::CopyLength).writes(0, 2).subobject().prototype("z:ppz").glibc("__wcstombs_chk").chk(3),

    // <stdlib.h>
    Rule("realpath", K::MinimumSize).writes(1).atLeast(kPathMax).subobject().prototype("p:pp")
        .failsWithNull().glibc("__realpath_chk").chk(2),
    Rule("ptsname_r", K::CopyLength).writes(1, 2).subobject().prototype("i:ipz").glibc("__ptsname_r_chk").chk(3),

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

bool chkChecksSize(const Rule &rule) { return rule.chkSizeAt != kNoArg; }
bool chkChecksFormat(const Rule &rule) { return rule.chkFlagAt != kNoArg; }

bool hasChkEntry(const Rule &rule) {
  if (rule.glibcChecked.empty())
    return false;
  return chkChecksSize(rule) || chkChecksFormat(rule) || rule.kind == CheckKind::OpenMode;
}

std::vector<ChkArgument> chkArguments(const Rule &rule, int callArguments) {
  std::vector<ChkArgument> layout;
  if (!hasChkEntry(rule) || callArguments < rule.arity)
    return layout;
  // __open_2 (path, flags): only open without a mode has one.
  if (rule.kind == CheckKind::OpenMode && callArguments != rule.arity)
    return layout;
  const int inserted = int(chkChecksSize(rule)) + int(chkChecksFormat(rule));
  int next = 0;
  for (int i = 0; i < callArguments + inserted; ++i) {
    if (i == rule.chkSizeAt)
      layout.push_back({ChkArgumentKind::Size});
    else if (i == rule.chkFlagAt)
      layout.push_back({ChkArgumentKind::Flag});
    else
      layout.push_back({ChkArgumentKind::Original, next++});
  }
  return layout;
}

std::optional<std::uint64_t> chkNeeded(const Rule &rule, const ChkConstants &known) {
  constexpr std::uint64_t kMax = ~std::uint64_t(0);
  std::uint64_t units = 0;
  switch (rule.kind) {
  case CheckKind::CopyLength:
    if (!known.length)
      return std::nullopt;
    units = *known.length;
    if (rule.count != kNoArg) {
      if (!known.count || (*known.count && units > kMax / *known.count))
        return std::nullopt;
      units *= *known.count;
    }
    break;
  case CheckKind::CopyString:
    if (!known.sourceLength || *known.sourceLength == kMax)
      return std::nullopt;
    units = *known.sourceLength + 1;
    break;
  case CheckKind::MinimumSize:
    if (rule.minimum == kMinimumIsMbCurMax)
      return std::nullopt;
    return rule.minimum;
  default:
    return std::nullopt;
  }
  if (rule.chkSizeInElements || rule.elementSize == 1)
    return units;
  if (units > kMax / rule.elementSize)
    return std::nullopt;
  return units * rule.elementSize;
}

std::uint64_t openFlagsNeedingMode(std::string_view targetTriple) {
  const std::string_view arch = targetTriple.substr(0, targetTriple.find('-'));
  auto is = [&](std::string_view prefix) { return arch.substr(0, prefix.size()) == prefix; };
  if (is("alpha"))
    return 01000 | 0100000000;
  if (is("hppa") || is("parisc"))
    return (1u << 8) | (1u << 23);
  if (is("mips"))
    return 0x100 | 020000000;
  if (is("sparc"))
    return 0x200 | 0x2000000;
  return kOpenFlagsNeedingMode;
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
