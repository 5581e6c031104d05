// What only Clang's front end knows, handed to the passes: FrontendAction.cpp
// fills it while Clang parses, the passes read it when the pipeline runs
// (after the whole translation unit is parsed). Absent on the pass-plugin
// path (-fpass-plugin, opt), which has no AST and no preprocessor.
#ifndef FORTIFY_CLANG_FRONTEND_FACTS_H
#define FORTIFY_CLANG_FRONTEND_FACTS_H

#include "IRProtocol.h"

#include "llvm/IR/DiagnosticInfo.h"

#include <cstdint>
#include <functional>
#include <map>
#include <set>
#include <string>
#include <vector>

namespace llvm {
class DILocation;
class Module;
class StringRef;
}

namespace fortify_llvm {


// Whether the C prototypes of rule-table functions return signed integers,
// by name, as Clang's AST declares them.
using ResultSigns = std::map<std::string, bool, std::less<>>;

// A C member of a record as Clang's front end laid it out (bit-fields are
// left out). In LLVM IR a member and the padding Clang adds are alike when
// both are bytes (`{ [16 x i8], [48 x i8] }` is `struct { char key[16]; char
// val[48]; }` or an over-aligned `struct { char key[16]; }`); this tells them
// apart (SubobjectSize.cpp).
struct MemberLayout {
  std::uint64_t offset = 0;  // bytes from the start of the record
  std::uint64_t size = 0;    // bytes; 0 for a flexible array member
  bool last = false;         // no field follows it in the record
  bool isArray = false;
  // A trailing array of this declared shape is a possible flexible array for
  // Clang's __builtin_object_size at the unit's -fstrict-flex-arrays level
  // ([] always; [0] below 3; [1] at 1; any size at 0).
  bool flexibleLike = false;
  // counted_by(count) on a flexible array member, or a size field named
  // for it (size-field=STRUCT.MEMBER:FIELD): the count field, a sibling in
  // the same record.
  bool counted = false;
  // A pointer member with a named size field: the count* fields say where
  // the number of elements it points to is (common/size-fields.h).
  bool sizedPointer = false;
  std::uint64_t countOffset = 0;
  unsigned countBytes = 0;
  bool countSigned = false;
  std::uint64_t elementSize = 0;
};

struct RecordLayout {
  std::uint64_t size = 0;  // sizeof
  std::vector<MemberLayout> members;
};

// Records by the name Clang's code generator gives their LLVM struct type
// ("struct.rec", "class.ns::S"); several records may share a name (a struct
// declared in two functions), LLVM then adds ".0", ".1" to the type names.
using RecordLayouts = std::map<std::string, std::vector<RecordLayout>, std::less<>>;

// File names as __FILE__ spells them (the presumed name, -fmacro-prefix-map
// applied), by the path the file's debug information gives it (debugFileKey):
// the passes see only the latter, which Clang derives from the same presumed
// name but remaps with -fdebug-prefix-map and splits at the compilation
// directory.
using FileNames = std::map<std::string, std::string, std::less<>>;

// The lines (as the debug information numbers them, by the file's __FILE__
// name) on which the program calls a builtin or a rule-table function.
using CallLines = std::map<std::string, std::set<unsigned>, std::less<>>;

// A pointer parameter declared with pass_object_size(type) or
// pass_dynamic_object_size(type): Clang passes, in the argument right after
// it, __builtin_object_size(argument, type) as the caller computed it.
// Positions are LLVM IR argument numbers, without a leading sret argument.
struct PassedObjectSize {
  unsigned pointer = 0;
  unsigned size = 0;
  int type = 0;
};
struct PassedObjectSizes {
  unsigned arguments = 0;  // IR arguments, hidden sizes included, sret not
  std::vector<PassedObjectSize> parameters;
};
// By the function's symbol name; only functions whose every parameter is a
// single IR argument (no aggregate or complex passed by value), so that the
// positions follow from the declaration.
using PassedObjectSizesByFunction = std::map<std::string, PassedObjectSizes, std::less<>>;

struct FrontendFacts {
  ResultSigns signs;
  // Clang lowers a call of memcpy, memmove or memset and its own aggregate
  // copies (struct assignment, initialisation from a constant, by-value
  // arguments) alike to llvm.memcpy/memmove/memset; an intrinsic on a line
  // without such a call is one of the latter (isProgramCall).
  CallLines callLines;
  FileNames fileNames;
  // The main source file as __FILE__ spells it there.
  std::string mainFile;
  RecordLayouts records;
  PassedObjectSizesByFunction passedObjectSizes;
  // The C library headers' own _FORTIFY_SOURCE level (glibc's
  // __USE_FORTIFY_LEVEL after the headers decided, e.g. 0 at -O0); 0: off.
  int libcLevel = 0;
  // Emits one of the plugin's warnings through Clang's DiagnosticsEngine, at
  // the level Clang's -Wfortify-source group has at `location`
  // (-Wno-fortify-source, -Werror, -Wno-error=fortify-source, pragmas);
  // `forceError`: the plugin's werror option. `notes` follow it, each
  // without a location; without a `location` the warning is placed at the
  // definition of `function` (its symbol name). Returns false when it was
  // not emitted (the caller then uses LLVM's diagnostic machinery).
  std::function<bool(bool forceError, const std::string &message, const llvm::DILocation *location,
                     const std::vector<std::string> &notes, const std::string &function)>
      warn;
};

// The key of FileNames: a DIFile's directory and name joined and normalised
// (Clang splits an absolute path at the compilation directory).
std::string debugFileKey(llvm::StringRef directory, llvm::StringRef file);

// A file name as the plugin embeds it (messages, descriptors, records): as
// __FILE__ spells it when the front end is there, so that -ffile-prefix-map
// and -fmacro-prefix-map apply as they do to __FILE__ and both plugins name
// a file alike; otherwise (-fpass-plugin, opt) the debug information's name.
std::string sourceFileName(const llvm::DILocation &location);
// The translation unit's main file, likewise (the module's source file name
// without the front end).
std::string sourceFileName(const llvm::Module &module);

// Whether an llvm.mem* intrinsic at `location` may be a call the program
// wrote rather than an aggregate copy Clang made: true unless the front end
// saw every call of the location's file and none on its line. GCC's
// aggregate copies are assignments, never calls: neither plugin counts them.
bool isProgramCall(const llvm::DILocation *location);

// The facts of the translation unit whose pipeline is running, or null; set
// by the passes for the length of their run (ActiveFacts).
const FrontendFacts *activeFacts();

class ActiveFacts {
public:
  explicit ActiveFacts(const FrontendFacts *facts);
  ~ActiveFacts();
  ActiveFacts(const ActiveFacts &) = delete;
  ActiveFacts &operator=(const ActiveFacts &) = delete;

private:
  const FrontendFacts *previous_;
};

// A warning of the plugin's: through Clang when the front end is there,
// otherwise through LLVM's diagnostic machinery (as an error with
// `forceError`), the notes as notes.
void warnAt(const llvm::Function &function, bool forceError, const std::string &message,
            const llvm::DebugLoc &location, const std::vector<std::string> &notes);

}  // namespace fortify_llvm

#endif
