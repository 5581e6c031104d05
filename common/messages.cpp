#include "messages.h"

#include "report.h"

namespace fortify {

std::string formatLocation(std::string_view file, unsigned line, unsigned column) {
  std::string text(file.empty() ? std::string_view("<unknown>") : file);
  if (line != 0) {
    text += ":" + std::to_string(line);
    if (column != 0)
      text += ":" + std::to_string(column);
  }
  return text;
}

std::string abortMessage(const SiteDescriptor &site) {
  const ProblemInfo &info = problemInfo(site.problem);
  std::string message = "fortify: ";
  message += info.hasSizes ? info.abortPhrase : info.condition;
  message += " in " + site.function + " at " +
             formatLocation(site.file, site.line, site.column) + "\n";
  return message;
}

std::string abortMessageWithoutSite() { return "fortify: buffer overflow detected\n"; }

std::string provenProblemMessage(const SiteDescriptor &site, uint64_t needed,
                                 uint64_t available) {
  const ProblemInfo &info = problemInfo(site.problem);
  std::string message = "'" + site.function + "' ";
  if (info.hasSizes) {
    message += std::string(info.verb) + " " + std::to_string(needed) + " bytes " +
               std::string(info.preposition) + " a region of size " + std::to_string(available);
  } else {
    message += "is called with " + std::string(info.calledWith);
  }
  return message + " [fortify]";
}

std::string unboundedMessage(const Rule &rule) {
  return "'" + std::string(rule.name) + "' cannot be bounded; use '" +
         std::string(rule.replacement) + "' instead [fortify]";
}

std::string problemWordList() {
  std::string list;
  const std::size_t count = std::size(kProblems);
  for (std::size_t i = 0; i < count; ++i) {
    if (i != 0)
      list += i + 1 == count ? " or " : ", ";
    list += kProblems[i].word;
  }
  return list;
}

}  // namespace fortify
