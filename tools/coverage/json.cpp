#include "json.h"

#include <cstdio>

namespace fortify::coverage {
namespace {

class Reader {
public:
  Reader(std::string_view text, std::string &error) : text_(text), error_(error) {}

  bool object(std::vector<JsonMember> &members) {
    members.clear();
    skipSpace();
    if (atEnd())
      return fail("empty line is not a JSON object");  // not reached: callers skip blank lines
    if (peek() != '{')
      return fail("expected '{' to start a JSON object");
    ++pos_;
    skipSpace();
    if (!atEnd() && peek() == '}') {
      ++pos_;
      return end();
    }
    for (;;) {
      skipSpace();
      if (atEnd() || peek() != '"')
        return fail("expected a string key");
      JsonMember member;
      const size_t keyStart = pos_;
      if (!string(member.key))
        return false;
      for (const JsonMember &seen : members)
        if (seen.key == member.key) {
          pos_ = keyStart;
          return fail("duplicate key \"" + member.key + "\"");
        }
      skipSpace();
      if (atEnd() || peek() != ':')
        return fail("expected ':' after a key");
      ++pos_;
      skipSpace();
      if (!value(member.value))
        return false;
      members.push_back(std::move(member));
      skipSpace();
      if (atEnd())
        return fail("unterminated object: expected ',' or '}'");
      if (peek() == ',') {
        ++pos_;
        continue;
      }
      if (peek() == '}') {
        ++pos_;
        return end();
      }
      return fail("expected ',' or '}'");
    }
  }

private:
  bool atEnd() const { return pos_ >= text_.size(); }
  char peek() const { return text_[pos_]; }

  bool fail(const std::string &what) {
    error_ = what + " (column " + std::to_string(pos_ + 1) + ")";
    return false;
  }

  void skipSpace() {
    while (!atEnd() && (peek() == ' ' || peek() == '\t' || peek() == '\r' || peek() == '\n'))
      ++pos_;
  }

  bool end() {
    skipSpace();
    if (!atEnd())
      return fail("unexpected text after the object");
    return true;
  }

  bool value(JsonValue &value) {
    if (atEnd())
      return fail("expected a value");
    const char c = peek();
    if (c == '"') {
      value.isString = true;
      return string(value.text);
    }
    if (c == '-' || (c >= '0' && c <= '9')) {
      value.isString = false;
      return integer(value.integer);
    }
    if (c == '{' || c == '[')
      return fail("nested objects and arrays are not allowed; values are strings or integers");
    if (c == 't' || c == 'f' || c == 'n')
      return fail("true, false and null are not allowed; values are strings or integers");
    return fail("expected a value (a string or an integer)");
  }

  bool integer(int64_t &result) {
    const size_t start = pos_;
    bool negative = false;
    if (peek() == '-') {
      negative = true;
      ++pos_;
    }
    if (atEnd() || peek() < '0' || peek() > '9')
      return fail("expected a digit");
    if (peek() == '0' && pos_ + 1 < text_.size() && text_[pos_ + 1] >= '0' &&
        text_[pos_ + 1] <= '9')
      return fail("leading zeros are not allowed in a number");
    uint64_t magnitude = 0;
    const uint64_t limit = negative ? uint64_t(INT64_MAX) + 1 : uint64_t(INT64_MAX);
    while (!atEnd() && peek() >= '0' && peek() <= '9') {
      const unsigned digit = unsigned(peek() - '0');
      if (magnitude > (limit - digit) / 10) {
        pos_ = start;
        return fail("number out of range");
      }
      magnitude = magnitude * 10 + digit;
      ++pos_;
    }
    if (!atEnd() && (peek() == '.' || peek() == 'e' || peek() == 'E'))
      return fail("only integers are allowed, not fractions or exponents");
    result = negative ? int64_t(0 - magnitude) : int64_t(magnitude);
    return true;
  }

  bool hex4(uint32_t &code) {
    code = 0;
    for (int i = 0; i < 4; ++i, ++pos_) {
      if (atEnd())
        return fail("truncated \\u escape");
      const char c = peek();
      unsigned digit;
      if (c >= '0' && c <= '9')
        digit = unsigned(c - '0');
      else if (c >= 'a' && c <= 'f')
        digit = unsigned(c - 'a' + 10);
      else if (c >= 'A' && c <= 'F')
        digit = unsigned(c - 'A' + 10);
      else
        return fail("\\u must be followed by four hex digits");
      code = code * 16 + digit;
    }
    return true;
  }

  static void appendUtf8(std::string &out, uint32_t code) {
    if (code < 0x80) {
      out += char(code);
    } else if (code < 0x800) {
      out += char(0xc0 | (code >> 6));
      out += char(0x80 | (code & 0x3f));
    } else if (code < 0x10000) {
      out += char(0xe0 | (code >> 12));
      out += char(0x80 | ((code >> 6) & 0x3f));
      out += char(0x80 | (code & 0x3f));
    } else {
      out += char(0xf0 | (code >> 18));
      out += char(0x80 | ((code >> 12) & 0x3f));
      out += char(0x80 | ((code >> 6) & 0x3f));
      out += char(0x80 | (code & 0x3f));
    }
  }

  // At the opening quote.
  bool string(std::string &out) {
    out.clear();
    ++pos_;
    for (;;) {
      if (atEnd())
        return fail("unterminated string");
      const unsigned char c = static_cast<unsigned char>(peek());
      if (c == '"') {
        ++pos_;
        return true;
      }
      if (c < 0x20)
        return fail("control character in a string (must be escaped)");
      if (c != '\\') {
        out += char(c);
        ++pos_;
        continue;
      }
      const size_t escape = pos_;
      ++pos_;
      if (atEnd())
        return fail("unterminated string");
      const char e = peek();
      ++pos_;
      switch (e) {
      case '"': out += '"'; break;
      case '\\': out += '\\'; break;
      case '/': out += '/'; break;
      case 'b': out += '\b'; break;
      case 'f': out += '\f'; break;
      case 'n': out += '\n'; break;
      case 'r': out += '\r'; break;
      case 't': out += '\t'; break;
      case 'u': {
        uint32_t code;
        if (!hex4(code))
          return false;
        if (code >= 0xdc00 && code <= 0xdfff) {
          pos_ = escape;
          return fail("unpaired low surrogate in \\u escape");
        }
        if (code >= 0xd800 && code <= 0xdbff) {
          uint32_t low = 0;
          if (pos_ + 1 >= text_.size() || text_[pos_] != '\\' || text_[pos_ + 1] != 'u') {
            pos_ = escape;
            return fail("unpaired high surrogate in \\u escape");
          }
          pos_ += 2;
          if (!hex4(low))
            return false;
          if (low < 0xdc00 || low > 0xdfff) {
            pos_ = escape;
            return fail("unpaired high surrogate in \\u escape");
          }
          code = 0x10000 + ((code - 0xd800) << 10) + (low - 0xdc00);
        }
        if (code == 0) {
          pos_ = escape;
          return fail("\\u0000 is not allowed in a string");
        }
        appendUtf8(out, code);
        break;
      }
      default:
        pos_ = escape;
        return fail(std::string("invalid escape '\\") + e + "'");
      }
    }
  }

  std::string_view text_;
  std::string &error_;
  size_t pos_ = 0;
};

}  // namespace

bool parseFlatObject(std::string_view text, std::vector<JsonMember> &members, std::string &error) {
  return Reader(text, error).object(members);
}

std::string jsonQuote(std::string_view text) {
  std::string out = "\"";
  for (unsigned char c : text) {
    switch (c) {
    case '"': out += "\\\""; break;
    case '\\': out += "\\\\"; break;
    case '\n': out += "\\n"; break;
    case '\t': out += "\\t"; break;
    default:
      if (c < 0x20) {
        char buffer[8];
        std::snprintf(buffer, sizeof buffer, "\\u%04x", c);
        out += buffer;
      } else {
        out += char(c);
      }
    }
  }
  return out + '"';
}

}  // namespace fortify::coverage
