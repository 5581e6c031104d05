// The little JSON fortify-coverage needs: a reader for one flat object per
// line (string and integer values only, as the plugins write them) and the
// quoting the tool's own JSON output uses.
#ifndef FORTIFY_TOOLS_COVERAGE_JSON_H
#define FORTIFY_TOOLS_COVERAGE_JSON_H

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace fortify::coverage {

struct JsonValue {
  bool isString = false;
  std::string text;     // a string value, decoded
  int64_t integer = 0;  // an integer value
};

struct JsonMember {
  std::string key;
  JsonValue value;
};

// Parses `text` as exactly one JSON object whose values are strings or
// integers (no nesting, no fractions, no true/false/null), with nothing but
// white space around it. Keys must be distinct. On failure returns false and
// sets `error` to what is wrong, naming the column (1-based).
bool parseFlatObject(std::string_view text, std::vector<JsonMember> &members, std::string &error);

// `text` as a JSON string literal, quotes included.
std::string jsonQuote(std::string_view text);

}  // namespace fortify::coverage

#endif
