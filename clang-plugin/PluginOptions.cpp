#include "PluginOptions.h"
#include "Strings.h"

#include "llvm/Support/FormatVariadic.h"

using namespace llvm;

namespace fortify_llvm {

bool applyOptionText(fortify::Options &options, StringRef item, std::string &error) {
  auto [key, value] = item.split('=');
  bool hasValue = item.contains('=');
  return fortify::applyOption(options, view(key), hasValue, view(value), error);
}

bool applyOptionList(fortify::Options &options, StringRef list, StringRef separators,
                     std::string &error) {
  while (!list.empty()) {
    size_t cut = list.find_first_of(separators);
    StringRef item = list.substr(0, cut).trim();
    list = cut == StringRef::npos ? StringRef() : list.substr(cut + 1);
    if (!item.empty() && !applyOptionText(options, item, error))
      return false;
  }
  return true;
}

Expected<PassParameters> parseFortifyParameters(StringRef text, StringRef pass, bool takesO0,
                                                const fortify::Options &base) {
  PassParameters parameters{base};
  while (!text.empty()) {
    StringRef item;
    std::tie(item, text) = text.split(';');
    item = item.trim();
    if (item.empty())
      continue;
    if (takesO0 && item == "O0") {
      parameters.lowerSizes = true;
      continue;
    }
    auto [key, value] = item.split('=');
    bool unknown = false;
    std::string reason;
    if (fortify::setOption(parameters.options, view(key), item.contains('='), view(value),
                           unknown, reason))
      continue;
    std::string valid = (takesO0 ? "O0, " : "") + std::string(fortify::validOptions());
    return make_error<StringError>(
        formatv("invalid {0} pass parameter '{1}'{2}", pass, item,
                unknown ? "; valid parameters: " + valid : ": " + reason)
            .str(),
        inconvertibleErrorCode());
  }
  return parameters;
}

void printPass(raw_ostream &out, StringRef name, StringRef fallbackName,
               const PassParameters &parameters) {
  out << (name.empty() ? fallbackName : name) << '<';
  if (parameters.lowerSizes)
    out << "O0;";
  const char *separator = "";
  for (const std::string &item : fortify::optionItems(parameters.options)) {
    out << separator << item;
    separator = ";";
  }
  out << '>';
}

}  // namespace fortify_llvm
