// Building blocks for the checks: appends statements to a high-GIMPLE
// sequence (no CFG yet: control flow through labels and GIMPLE_CONDs), and
// the library functions the checks call.
#ifndef FORTIFY_GCC_SEQUENCE_BUILDER_H
#define FORTIFY_GCC_SEQUENCE_BUILDER_H

#include "gcc-compat.h"
#include "options.h"

#include <initializer_list>
#include <string_view>

namespace fortify_gcc {

// C library functions the checks call that GCC has no builtin for.
enum class LibraryFunction { Write, Wcslen, Wcsnlen, MbCurMax, Count };

// The decl of a library function; cached per translation unit (and kept
// alive across garbage collections by registerGarbageCollectorRoots).
tree libraryDecl(LibraryFunction function);

// Whether the translation unit defines a function of this assembler name
// itself (a static `write`, or libc): a check must not call it.
bool translationUnitDefines(const char *name);

void registerGarbageCollectorRoots(const char *pluginName);

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
  void assign(tree variable, tree value);
  void branch(tree_code comparison, tree a, tree b, tree ifTrue, tree ifFalse);
  void jump(tree labelDecl);
  void label(tree labelDecl);
  tree newLabel() { return create_artificial_label(location_); }
  tree newTemporary(tree type) { return create_tmp_reg(type, "fortify"); }
  void append(gimple *stmt);

  // Code that stops the program: a trap, or in abort mode one line naming
  // the function and this location on stderr, then abort().
  void fail(fortify::Problem problem, std::string_view function, const fortify::Options &options);

private:
  location_t location_;
  gimple_seq sequence_ = nullptr;
};

}  // namespace fortify_gcc

#endif
