#include "size-fields.h"

namespace fortify {
namespace {

bool isIdentifier(std::string_view text) {
  if (text.empty() || (text[0] >= '0' && text[0] <= '9'))
    return false;
  for (char c : text)
    if (!(c == '_' || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9')))
      return false;
  return true;
}

}  // namespace

bool parseSizeField(std::string_view text, SizeField &sizeField, std::string &reason) {
  const std::string form = "size-field must be STRUCT.MEMBER:FIELD (e.g. buf.data:cap)";
  size_t dot = text.find('.');
  size_t colon = text.find(':');
  if (dot == std::string_view::npos || colon == std::string_view::npos || colon < dot) {
    reason = form;
    return false;
  }
  std::string_view parts[] = {text.substr(0, dot), text.substr(dot + 1, colon - dot - 1),
                              text.substr(colon + 1)};
  for (std::string_view part : parts)
    if (!isIdentifier(part)) {
      reason = part.empty() ? form
                            : "size-field: '" + std::string(part) + "' is not an identifier (" +
                                  form.substr(std::string_view("size-field ").size()) + ")";
      return false;
    }
  if (parts[1] == parts[2]) {
    reason = "size-field: the size of '" + std::string(parts[1]) + "' must be another member";
    return false;
  }
  sizeField = {std::string(parts[0]), std::string(parts[1]), std::string(parts[2])};
  return true;
}

bool addSizeField(std::vector<SizeField> &sizeFields, std::string_view text, std::string &reason) {
  SizeField parsed;
  if (!parseSizeField(text, parsed, reason))
    return false;
  if (const SizeField *known = findSizeField(sizeFields, parsed.record, parsed.member)) {
    if (known->field == parsed.field)
      return true;
    reason = "size-field: " + parsed.record + "." + parsed.member + " is given two sizes ('" +
             known->field + "' and '" + parsed.field + "')";
    return false;
  }
  sizeFields.push_back(std::move(parsed));
  return true;
}

std::string sizeFieldText(const SizeField &sizeField) {
  return sizeField.record + "." + sizeField.member + ":" + sizeField.field;
}

const SizeField *findSizeField(const std::vector<SizeField> &sizeFields, std::string_view record,
                               std::string_view member) {
  for (const SizeField &sizeField : sizeFields)
    if (sizeField.record == record && sizeField.member == member)
      return &sizeField;
  return nullptr;
}

bool usableSizeField(std::string_view record, std::string_view member, MemberShape memberShape,
                     std::string_view field, CountShape countShape, std::string_view origin,
                     std::string &reason) {
  std::string where = "struct " + std::string(record) + ": ";
  std::string from = " (" + std::string(origin) + ")";
  switch (memberShape) {
  case MemberShape::Missing:
    reason = where + "no member '" + std::string(member) + "'" + from;
    return false;
  case MemberShape::Other:
    reason = where + "member '" + std::string(member) +
             "' is neither a pointer nor a flexible array member" + from;
    return false;
  case MemberShape::Pointer:
  case MemberShape::FlexibleArray:
    break;
  }
  switch (countShape) {
  case CountShape::Missing:
    reason = where + "no member '" + std::string(field) + "' for the size of '" +
             std::string(member) + "'" + from;
    return false;
  case CountShape::Other:
    reason = where + "size field '" + std::string(field) + "' of member '" + std::string(member) +
             "' is not an integer member (bit-fields are not)" + from;
    return false;
  case CountShape::Integer:
    break;
  }
  return true;
}

}  // namespace fortify
