// Building blocks for the checks: appends statements to a high-GIMPLE
// sequence (no CFG yet: control flow through labels and GIMPLE_CONDs), and
// the library functions the checks call.
#ifndef FORTIFY_GCC_SEQUENCE_BUILDER_H
#define FORTIFY_GCC_SEQUENCE_BUILDER_H

#include "gcc-compat.h"
#include "options.h"
#include "report.h"

#include <initializer_list>
#include <string_view>

namespace fortify_gcc {

// Functions the checks call that GCC has no builtin for: C library
// functions, the failure marker (replaced after optimisation, see
// finish-pass.cpp) and the report runtime's entry point.
enum class LibraryFunction { Write, Wcslen, Wcsnlen, MbCurMax, FailMarker, Report, Count };

// The decl of a library function; cached per translation unit (and kept
// alive across garbage collections by registerGarbageCollectorRoots).
tree libraryDecl(LibraryFunction function);

// Whether the translation unit defines a function of this assembler name
// itself (a static `write`, or libc): a check must not call it.
bool translationUnitDefines(const char *name);

void registerGarbageCollectorRoots(const char *pluginName);

// The bytes of one element a pointer to `pointee` counts (void: 1), or 0
// when its size is not a known non-zero constant.
unsigned HOST_WIDE_INT pointeeBytes(tree pointee);

class SequenceBuilder {
public:
  explicit SequenceBuilder(location_t location) : location_(location) {}

  gimple_seq &sequence() { return sequence_; }
  location_t location() const { return location_; }

  // Appends a call; returns its result in a new temporary, or NULL_TREE
  // when resultType is NULL_TREE.
  tree call(tree fndecl, tree resultType, std::initializer_list<tree> args);
  gcall *callWithArgs(tree fndecl, tree resultType, vec<tree> &args);
  tree binary(tree_code code, tree a, tree b);
  tree convert(tree type, tree value);
  tree toSize(tree value) { return convert(size_type_node, value); }
  tree load(tree type, tree pointer);
  // `elements` (size_t) of `elementSize` bytes each, as bytes; a product
  // past SIZE_MAX saturates (no object is larger) instead of wrapping.
  tree elementBytes(tree elements, unsigned HOST_WIDE_INT elementSize);
  void assign(tree variable, tree value);
  void branch(tree_code comparison, tree a, tree b, tree ifTrue, tree ifFalse);
  void jump(tree labelDecl);
  void label(tree labelDecl);
  tree newLabel() { return create_artificial_label(location_); }
  tree newTemporary(tree type) { return create_tmp_reg(type, "fortify"); }
  void append(gimple *stmt);

  // The failure path of a check: in trap and abort modes a call of the
  // noreturn failure marker __fortify_fail(site, needed, available), which
  // the finishing pass turns into the mode's code after optimisation; in
  // report mode a call of the runtime's __fortify_report(...), which may
  // return (the caller then decides where the program continues).
  // `needed` and `available` are byte counts (size_t).
  void fail(const fortify::SiteDescriptor &site, tree needed, tree available,
            const fortify::Options &options);

private:
  location_t location_;
  gimple_seq sequence_ = nullptr;
};

}  // namespace fortify_gcc

#endif
