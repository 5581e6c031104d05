// The checks of different sites that ask the same size query, noted when
// they are made (common/site-model.h, SiteTable::shareSizeQuery): EarlyCSE
// and GVN merge such llvm.objectsize calls and then drop the dominated check
// as redundant (memcpy(buf, p->a, n) then memset(p->a, 0, n)), which would
// otherwise look like a check whose size was known.
#ifndef FORTIFY_CLANG_SHARED_QUERIES_H
#define FORTIFY_CLANG_SHARED_QUERIES_H

namespace llvm {
class Function;
class Module;
}  // namespace llvm

namespace fortify {
class SiteTable;
}

namespace fortify_llvm {

// After instrumenting `function`: records its groups of sites whose checks
// query the same object at the same offset with the same type, in
// !fortify.shared (IRProtocol.h).
void noteSharedSizeQueries(llvm::Function &function);

// Tells the table the groups a module's !fortify.shared records.
void loadSharedSizeQueries(llvm::Module &module, fortify::SiteTable &table);

}  // namespace fortify_llvm

#endif
