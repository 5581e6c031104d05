#include "options.h"

namespace fortify {
namespace {

constexpr std::string_view kValidOptions =
    "level=1|2|3, mode=trap|abort|report|chk, reads=on|off, caller-sizes=on|off, werror, report=PATH, stats, trace, size-field=STRUCT.MEMBER:FIELD";

// A switch given alone ("werror"), or on|off.
bool setSwitch(bool &field, std::string_view name, bool hasValue, std::string_view value,
               std::string &reason) {
  if (!hasValue || value == "on" || value == "off") {
    field = !hasValue || value == "on";
    return true;
  }
  reason = std::string(name) + " takes no value (or on|off)";
  return false;
}

// A setting that takes on or off and nothing else.
bool setOnOff(bool &field, std::string_view name, std::string_view value, std::string &reason) {
  if (value == "on" || value == "off") {
    field = value == "on";
    return true;
  }
  reason = std::string(name) + " must be on or off";
  return false;
}

}  // namespace

std::string_view validOptions() { return kValidOptions; }

std::string_view modeName(FailureMode mode) {
  switch (mode) {
  case FailureMode::Trap:
    return "trap";
  case FailureMode::Abort:
    return "abort";
  case FailureMode::Report:
    return "report";
  case FailureMode::Chk:
    return "chk";
  }
  return "?";
}

bool setOption(Options &options, std::string_view key, bool hasValue, std::string_view value,
               bool &unknown, std::string &reason) {
  unknown = false;
  if (key == "level") {
    if (value == "1" || value == "2" || value == "3") {
      options.level = value[0] - '0';
      return true;
    }
    reason = "level must be 1, 2 or 3";
    return false;
  }
  if (key == "mode") {
    for (FailureMode mode : {FailureMode::Trap, FailureMode::Abort, FailureMode::Report, FailureMode::Chk})
      if (value == modeName(mode)) {
        options.mode = mode;
        return true;
      }
    reason = "mode must be trap, abort, report or chk";
    return false;
  }
  if (key == "reads")
    return setOnOff(options.reads, key, value, reason);
  if (key == "caller-sizes")
    return setOnOff(options.callerSizes, key, value, reason);
  if (key == "werror")
    return setSwitch(options.werror, key, hasValue, value, reason);
  if (key == "stats")
    return setSwitch(options.stats, key, hasValue, value, reason);
  if (key == "trace")
    return setSwitch(options.trace, key, hasValue, value, reason);
  if (key == "report") {
    if (!value.empty()) {
      options.reportPath = std::string(value);
      return true;
    }
    reason = "report needs a file name (report=PATH)";
    return false;
  }
  if (key == "size-field")
    return addSizeField(options.sizeFields, value, reason);
  unknown = true;
  return false;
}

bool applyOption(Options &options, std::string_view key, bool hasValue,
                 std::string_view value, std::string &error) {
  bool unknown = false;
  std::string reason;
  if (setOption(options, key, hasValue, value, unknown, reason))
    return true;
  const std::string quoted = "'" + std::string(key) +
                             (hasValue ? "=" + std::string(value) : "") + "'";
  if (unknown)
    error = "fortify: unknown option " + quoted + "; valid options: " + std::string(kValidOptions);
  else
    error = "fortify: invalid option " + quoted + ": " + reason;
  return false;
}

std::vector<std::string> optionItems(const Options &options) {
  std::vector<std::string> items = {"level=" + std::to_string(options.level),
                                    "mode=" + std::string(modeName(options.mode)),
                                    options.reads ? "reads=on" : "reads=off"};
  if (!options.callerSizes)
    items.push_back("caller-sizes=off");
  if (options.werror)
    items.push_back("werror");
  if (!options.reportPath.empty())
    items.push_back("report=" + options.reportPath);
  if (options.stats)
    items.push_back("stats");
  if (options.trace)
    items.push_back("trace");
  for (const SizeField &sizeField : options.sizeFields)
    items.push_back("size-field=" + sizeFieldText(sizeField));
  return items;
}

}  // namespace fortify
