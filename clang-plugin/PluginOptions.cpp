#include "PluginOptions.h"

using namespace llvm;

namespace fortify_llvm {

bool applyOptionText(fortify::Options &options, StringRef item, std::string &error) {
  auto [key, value] = item.split('=');
  bool hasValue = item.contains('=');
  return fortify::applyOption(options, {key.data(), key.size()}, hasValue,
                              {value.data(), value.size()}, error);
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

}  // namespace fortify_llvm
