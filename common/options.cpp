#include "options.h"

namespace fortify {
namespace {

constexpr const char *kValidOptions = "valid options: level=1|2|3, mode=trap|abort|report, reads=on|off, werror, report=PATH";

}  // namespace

bool applyOption(Options &options, std::string_view key, bool hasValue,
                 std::string_view value, std::string &error) {
  const std::string quoted = "'" + std::string(key) +
                             (hasValue ? "=" + std::string(value) : "") + "'";
  if (key == "level") {
    if (value == "1" || value == "2" || value == "3") {
      options.level = value[0] - '0';
      return true;
    }
    error = "fortify: invalid option " + quoted + ": level must be 1, 2 or 3";
    return false;
  }
  if (key == "mode") {
    if (value == "trap") {
      options.mode = FailureMode::Trap;
      return true;
    }
    if (value == "abort") {
      options.mode = FailureMode::Abort;
      return true;
    }
    if (value == "report") {
      options.mode = FailureMode::Report;
      return true;
    }
    error = "fortify: invalid option " + quoted + ": mode must be trap, abort or report";
    return false;
  }
  if (key == "reads") {
    if (value == "on" || value == "off") {
      options.reads = value == "on";
      return true;
    }
    error = "fortify: invalid option " + quoted + ": reads must be on or off";
    return false;
  }
  if (key == "werror") {
    if (!hasValue || value == "on" || value == "off") {
      options.werror = !hasValue || value == "on";
      return true;
    }
    error = "fortify: invalid option " + quoted + ": werror takes no value (or on|off)";
    return false;
  }
  if (key == "report") {
    if (!value.empty()) {
      options.reportPath = std::string(value);
      return true;
    }
    error = "fortify: invalid option " + quoted + ": report needs a file name (report=PATH)";
    return false;
  }
  error = "fortify: unknown option " + quoted + "; " + kValidOptions;
  return false;
}

}  // namespace fortify
