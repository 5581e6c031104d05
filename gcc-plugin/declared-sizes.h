// Sizes the program declares for a pointer parameter: GCC's access
// attribute (`access (write_only, 1, 2)`: the buffer at argument 1 has the
// number of elements in argument 2). Inside the callee a check whose
// pointer is that parameter is checked against the declared size.
#ifndef FORTIFY_GCC_DECLARED_SIZES_H
#define FORTIFY_GCC_DECLARED_SIZES_H

#include "gcc-compat.h"

namespace fortify_gcc {

class SequenceBuilder;

// The bytes the access attribute of the function being instrumented
// declares for `pointer` (a parameter it never assigns), built in `b`;
// NULL_TREE when nothing is declared.
tree declaredObjectSize(SequenceBuilder &b, tree pointer);

// Whether the access attribute of `fndecl` declares a size for its pointer
// parameter `parm` that declaredObjectSize would use (the mode and size
// argument it takes). Caller sizes (caller-sizes-pass.cpp) are the same
// bound, passed automatically: a parameter with a declared size needs none.
bool declaresSize(tree fndecl, tree parm);

}  // namespace fortify_gcc

#endif
