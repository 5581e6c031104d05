// Size fields the user names: the member of a struct that holds how many
// elements another member points to (a pointer) or holds (a flexible array
// member), given as `-fplugin-arg-fortify-size-field=STRUCT.MEMBER:FIELD`,
// and counted_by(FIELD) on a flexible array member where the compiler does
// not know that attribute. Both plugins parse, look up and judge them here;
// each only finds the members in its compiler's representation.
//
// The unit is elements of the member's pointee (or array element) type, as
// counted_by's (bytes for `void *`), so that one spelling means the same on
// both compilers and with counted_by. At level 3 a call through
// `p->MEMBER` (or `&p->MEMBER[i]` for an array) is bounded by FIELD read
// from the same object `*p` at the call, minus the offset; 0 when the field
// is negative or the offset past it (as Clang's counted_by).
#ifndef FORTIFY_COMMON_SIZE_FIELDS_H
#define FORTIFY_COMMON_SIZE_FIELDS_H

#include <string>
#include <string_view>
#include <vector>

namespace fortify {

struct SizeField {
  std::string record;  // struct tag (or typedef name of an untagged struct); C++: unqualified
  std::string member;  // the pointer or flexible array member
  std::string field;   // the integer member holding its number of elements
};

// Parses "STRUCT.MEMBER:FIELD" (identifiers). Returns false and sets
// `reason` to one line saying what is wrong.
bool parseSizeField(std::string_view text, SizeField &sizeField, std::string &reason);

// Adds a parsed size field to `sizeFields`; the same STRUCT.MEMBER named
// twice with different fields is an error (the same text twice is not).
bool addSizeField(std::vector<SizeField> &sizeFields, std::string_view text, std::string &reason);

// "STRUCT.MEMBER:FIELD", as parseSizeField reads it.
std::string sizeFieldText(const SizeField &sizeField);

// The size field named for `record`'s `member`, or null.
const SizeField *findSizeField(const std::vector<SizeField> &sizeFields, std::string_view record,
                               std::string_view member);

// What a plugin found for a named member and its size field in a record.
enum class MemberShape { Missing, Pointer, FlexibleArray, Other };
enum class CountShape { Missing, Integer, Other };

// Whether the pair can bound calls: a pointer (to a complete type or void)
// or a flexible array member, and an integer field (not a bit-field) of the
// same struct. Otherwise the one-line reason, worded for both plugins:
// "struct buf: size field 'cap' of member 'data' is not an integer member".
// `origin` names where it was declared ("counted_by", "size-field=buf.data:cap").
bool usableSizeField(std::string_view record, std::string_view member, MemberShape memberShape,
                     std::string_view field, CountShape countShape, std::string_view origin,
                     std::string &reason);

}  // namespace fortify

#endif
