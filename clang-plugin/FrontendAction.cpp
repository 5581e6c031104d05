// The Clang frontend plugin, so that `clang -fplugin=fortify-clang.so` alone
// turns the checks on: it parses -fplugin-arg-fortify-* and hands Clang's
// code generator a callback that adds the pass to its pipeline. The name
// "fortify" must not contain '-': the driver splits -fplugin-arg-NAME-ARG at
// the first one.
//
// The same .so is loaded into opt, which contains no Clang. Two things make
// that work (see also CMakeLists.txt): every reference this file makes to a
// Clang symbol is weakened after compilation, so the dynamic loader accepts
// it unresolved; and the action is entered into Clang's plugin registry by
// looking the registry up at load time instead of through
// FrontendPluginRegistry::Add, whose constructor would call into Clang
// unconditionally.
#include "FortifyPass.h"
#include "PluginOptions.h"
#define FORTIFY_COMPAT_CLANG
#include "llvm-compat.h"

#include "rules.h"

// GCC 12 warns "'this' pointer is null" inside Clang's ExternalASTSource.h
// when RecursiveASTVisitor's traversal of base classes is inlined: the
// pointer is checked just before; the warning is placed in the header.
#pragma GCC diagnostic push
#pragma GCC diagnostic ignored "-Wnonnull"
#include "clang/AST/ASTConsumer.h"
#include "clang/AST/ASTContext.h"
#include "clang/AST/Attr.h"
#include "clang/AST/Decl.h"
#include "clang/AST/DeclCXX.h"
#include "clang/AST/DeclGroup.h"
#include "clang/AST/Mangle.h"
#include "clang/AST/PrettyPrinter.h"
#include "clang/AST/RecordLayout.h"
#include "clang/AST/RecursiveASTVisitor.h"
#include "clang/Basic/Diagnostic.h"
#include "clang/Basic/DiagnosticSema.h"
#include "clang/Basic/SourceManager.h"
#include "clang/Frontend/CompilerInstance.h"
#include "clang/Frontend/FrontendPluginRegistry.h"
#include "clang/Lex/MacroInfo.h"
#include "clang/Lex/PPCallbacks.h"
#include "clang/Lex/Preprocessor.h"
#include "clang/Sema/ParsedAttr.h"
#include "clang/Sema/Sema.h"
#pragma GCC diagnostic pop
#include "llvm/ADT/StringSet.h"
#include "llvm/IR/DebugInfoMetadata.h"
#include "llvm/Passes/PassBuilder.h"
#include "llvm/Support/Path.h"

#include <dlfcn.h>

#include <cstdio>
#include <cstdlib>
#include <memory>
#include <string>
#include <vector>

namespace {

// The C library headers' own fortify level, from what the preprocessor
// defined by the end of the translation unit: glibc's __USE_FORTIFY_LEVEL
// (0 at -O0 or without _FORTIFY_SOURCE), or _FORTIFY_SOURCE where
// fortify-headers (musl) are in use and optimising. 0 without either.
int libcFortifyLevel(clang::Preprocessor &preprocessor) {
  auto value = [&](llvm::StringRef name, bool &defined) -> int {
    const clang::MacroInfo *macro = preprocessor.getMacroInfo(preprocessor.getIdentifierInfo(name));
    defined = macro != nullptr;
    if (!macro || macro->getNumTokens() != 1)
      return defined ? 1 : 0;
    const clang::Token &token = macro->getReplacementToken(0);
    if (!token.is(clang::tok::numeric_constant) || !token.getLiteralData())
      return 1;
    return std::atoi(std::string(token.getLiteralData(), token.getLength()).c_str());
  };
  bool defined = false;
  int level = value("__USE_FORTIFY_LEVEL", defined);
  if (defined)
    return level;
  bool fortifyHeaders = false, optimising = false;
  value("_FORTIFY_FN", fortifyHeaders);
  value("__OPTIMIZE__", optimising);
  level = value("_FORTIFY_SOURCE", defined);
  return defined && fortifyHeaders && optimising ? level : 0;
}

// A presumed file name as __FILE__ spells it (-fmacro-prefix-map applied).
std::string fileMacroName(const clang::CompilerInstance &compiler, llvm::StringRef presumed) {
  llvm::SmallString<256> name(presumed);
  fortify_llvm::processPathForFileMacro(name, compiler.getLangOpts(), compiler.getTarget());
  return std::string(name);
}

// Notes the name __FILE__ gives each file Clang enters (its presumed name,
// #line included, with -fmacro-prefix-map applied as the preprocessor does)
// under the name the file's debug information will have: CGDebugInfo builds
// that from the same presumed name, remapped with -fdebug-prefix-map, and
// makes a relative one relative to the (remapped) compilation directory.
class FileNameCollector : public clang::PPCallbacks {
public:
  FileNameCollector(clang::CompilerInstance &compiler,
                    std::shared_ptr<fortify_llvm::FrontendFacts> facts)
      : compiler_(compiler), facts_(std::move(facts)) {}

  void FileChanged(clang::SourceLocation location, FileChangeReason reason,
                   clang::SrcMgr::CharacteristicKind, clang::FileID) override {
    if (reason != EnterFile && reason != RenameFile)
      return;
    clang::SourceManager &sources = compiler_.getSourceManager();
    clang::PresumedLoc presumed = sources.getPresumedLoc(location);
    if (presumed.isInvalid())
      return;
    llvm::StringRef name = presumed.getFilename();
    bool main = sources.getFileID(location) == sources.getMainFileID();
    if (!main && !seen_.insert(name).second)
      return;
    std::string spelled = fileMacroName(compiler_, name);
    if (main && facts_->mainFile.empty())
      facts_->mainFile = spelled;
    std::string debugName = remapDebugPath(name);
    facts_->fileNames.emplace(fortify_llvm::debugFileKey("", debugName), spelled);
    if (!llvm::sys::path::is_absolute(debugName))
      facts_->fileNames.emplace(fortify_llvm::debugFileKey(compilationDirectory(), debugName),
                                spelled);
  }

private:
  // CGDebugInfo::remapDIPath: the last matching -fdebug-prefix-map wins.
  std::string remapDebugPath(llvm::StringRef path) const {
    llvm::SmallString<256> remapped(path);
    for (const auto &[from, to] : llvm::reverse(compiler_.getCodeGenOpts().DebugPrefixMap))
      if (llvm::sys::path::replace_path_prefix(remapped, from, to))
        break;
    return std::string(remapped);
  }

  // CGDebugInfo::getCurrentDirname, remapped.
  const std::string &compilationDirectory() {
    if (directory_.empty()) {
      std::string directory = compiler_.getCodeGenOpts().DebugCompilationDir;
      if (directory.empty())
        if (auto current = compiler_.getVirtualFileSystem().getCurrentWorkingDirectory())
          directory = *current;
      directory_ = remapDebugPath(directory);
    }
    return directory_;
  }

  clang::CompilerInstance &compiler_;
  std::shared_ptr<fortify_llvm::FrontendFacts> facts_;
  llvm::StringSet<> seen_;
  std::string directory_;
};

// Notes the lines of every call of a builtin or a rule-table function
// (FrontendFacts::callLines), template instantiations included. Clang's
// implicit members (a defaulted copy assignment copies arrays with
// __builtin_memcpy) are aggregate copies and are left out. A call's
// instructions get its expansion location's presumed line (CGDebugInfo):
// every line from its first to its last token counts, so that a call
// written over several lines or inside a macro is found whatever part
// of it Clang chose.
class CallLineCollector : public clang::RecursiveASTVisitor<CallLineCollector> {
public:
  CallLineCollector(const clang::CompilerInstance &compiler, fortify_llvm::CallLines &lines)
      : compiler_(compiler), lines_(lines) {}

  bool shouldVisitTemplateInstantiations() const { return true; }

  bool VisitCallExpr(clang::CallExpr *call) {
    const clang::FunctionDecl *callee = call->getDirectCallee();
    if (!callee || !callee->getIdentifier())
      return true;
    llvm::StringRef name = callee->getName();
    if (!callee->getBuiltinID() && !fortify::findRule({name.data(), name.size()}))
      return true;
    const clang::SourceManager &sources = compiler_.getSourceManager();
    clang::PresumedLoc first = sources.getPresumedLoc(sources.getExpansionLoc(call->getBeginLoc()));
    clang::PresumedLoc last = sources.getPresumedLoc(sources.getExpansionLoc(call->getEndLoc()));
    if (first.isInvalid())
      return true;
    unsigned end = first.getLine();
    if (last.isValid() && last.getFileID() == first.getFileID() && last.getLine() > end)
      end = last.getLine();
    std::set<unsigned> &lines = linesOf(first.getFilename());
    for (unsigned line = first.getLine(); line <= end; ++line)
      lines.insert(line);
    return true;
  }

private:
  std::set<unsigned> &linesOf(const char *presumed) {
    if (presumed != lastPresumed_) {
      lastPresumed_ = presumed;
      lastLines_ = &lines_[fileMacroName(compiler_, presumed)];
    }
    return *lastLines_;
  }

  const clang::CompilerInstance &compiler_;
  fortify_llvm::CallLines &lines_;
  const char *lastPresumed_ = nullptr;
  std::set<unsigned> *lastLines_ = nullptr;
};

// Notes, while Clang parses, what the passes need of the AST: whether the C
// prototypes of the rule table's functions return a signed integer (LLVM IR
// does not say, and report mode gives a skipped call's result -1 for signed:
// read, snprintf ..., 0 for unsigned: fread, confstr ...), where each
// function is defined (a warning about code without debug information is
// placed there), and at the end the C library's fortify level. The code
// generator runs the pipeline (and the passes read the facts) after the
// whole translation unit is parsed.
class FactsCollector : public clang::ASTConsumer {
public:
  FactsCollector(clang::CompilerInstance &compiler,
                 std::shared_ptr<fortify_llvm::FrontendFacts> facts,
                 std::shared_ptr<std::map<std::string, clang::SourceLocation>> definitions,
                 std::vector<fortify::SizeField> sizeFields)
      : compiler_(compiler), facts_(std::move(facts)), definitions_(std::move(definitions)),
        sizeFields_(std::move(sizeFields)) {}

  bool HandleTopLevelDecl(clang::DeclGroupRef group) override {
    for (clang::Decl *declaration : group) {
      visit(declaration);
      // `typedef struct { ... } name;`: the struct is defined before its
      // typedef names it, and a size-field option may name it so.
      if (auto *alias = llvm::dyn_cast<clang::TypedefNameDecl>(declaration); alias && !sizeFields_.empty())
        if (const clang::RecordDecl *record = alias->getUnderlyingType()->getAsRecordDecl();
            record && record->getTypedefNameForAnonDecl() == alias)
          recordLayout(*record);
    }
    return true;
  }

  void HandleTagDeclDefinition(clang::TagDecl *tag) override {
    if (auto *record = llvm::dyn_cast<clang::RecordDecl>(tag))
      recordLayout(*record);
  }

  void HandleTranslationUnit(clang::ASTContext &context) override {
    facts_->libcLevel = libcFortifyLevel(compiler_.getPreprocessor());
    CallLineCollector(compiler_, facts_->callLines).TraverseAST(context);
  }

private:
  void visit(clang::Decl *declaration) {
    if (auto *context = llvm::dyn_cast<clang::DeclContext>(declaration);
        context && (llvm::isa<clang::LinkageSpecDecl>(declaration) ||
                    llvm::isa<clang::NamespaceDecl>(declaration))) {
      for (clang::Decl *inner : context->decls())
        visit(inner);
      return;
    }
    auto *function = llvm::dyn_cast<clang::FunctionDecl>(declaration);
    if (!function || !function->getIdentifier())
      return;
    if (function->doesThisDeclarationHaveABody() && !function->isDependentContext() &&
        !llvm::isa<clang::CXXConstructorDecl>(function) &&
        !llvm::isa<clang::CXXDestructorDecl>(function)) {
      if (!names_)
        names_ = std::make_unique<clang::ASTNameGenerator>(function->getASTContext());
      (*definitions_)[names_->getName(function)] = function->getLocation();
      passedObjectSizes(*function);
    }
    llvm::StringRef name = function->getName();
    if (!fortify::findRule({name.data(), name.size()}))
      return;
    clang::QualType result = function->getReturnType();
    if (result->isIntegerType())
      facts_->signs[name.str()] = result->isSignedIntegerType();
  }

  // Where Clang passes the sizes of pass_object_size parameters
  // (FrontendFacts::passedObjectSizes): after each such parameter. Methods
  // (an implicit `this`) and parameters that may take several IR arguments
  // or none are left out.
  void passedObjectSizes(const clang::FunctionDecl &function) {
    if (auto *method = llvm::dyn_cast<clang::CXXMethodDecl>(&function); method && !method->isStatic())
      return;
    fortify_llvm::PassedObjectSizes sizes;
    for (const clang::ParmVarDecl *parameter : function.parameters()) {
      clang::QualType type = parameter->getType();
      if (!type->isPointerType() && !type->isReferenceType() && !type->isIntegralOrEnumerationType() &&
          !type->isRealFloatingType())
        return;
      unsigned position = sizes.arguments++;
      if (const auto *attribute = parameter->getAttr<clang::PassObjectSizeAttr>()) {
        sizes.parameters.push_back({position, sizes.arguments++, attribute->getType()});
      }
    }
    if (!sizes.parameters.empty())
      facts_->passedObjectSizes[names_->getName(&function)] = std::move(sizes);
  }

  // The C layout of a record, for the pass's subobject sizes (a member and
  // Clang's padding look alike in IR when both are bytes), under the name
  // of its LLVM struct type. Unions are never narrowed into.
  void recordLayout(const clang::RecordDecl &record) {
    if (record.isUnion() || record.isInvalidDecl() || record.isDependentType() ||
        !record.isCompleteDefinition())
      return;
    if (!sizeFields_.empty())
      missingNamedMembers(record);
    clang::ASTContext &context = record.getASTContext();
    const clang::ASTRecordLayout &layout = context.getASTRecordLayout(&record);
    fortify_llvm::RecordLayout facts;
    facts.size = uint64_t(layout.getSize().getQuantity());
    for (const clang::FieldDecl *field : record.fields()) {
      if (field->isBitField()) {
        fortify_llvm::MemberLayout unused;  // a bit-field is never sized: said once
        namedSizeField(record, *field, unused);
        continue;
      }
      clang::QualType type = field->getType();
      if (type->isDependentType() || (type->isIncompleteType() && !type->isIncompleteArrayType()))
        return;
      fortify_llvm::MemberLayout member;
      member.offset = uint64_t(
          context.toCharUnitsFromBits(int64_t(layout.getFieldOffset(field->getFieldIndex())))
              .getQuantity());
      if (!type->isIncompleteArrayType())
        member.size = uint64_t(context.getTypeSizeInChars(type).getQuantity());
      member.last = field->getFieldIndex() + 1 == layout.getFieldCount();
      if (const clang::ArrayType *array = context.getAsArrayType(type)) {
        member.isArray = true;
        member.flexibleLike = flexibleLike(context, array);
        const clang::ArrayType *innermost = array;
        while (const clang::ArrayType *inner = context.getAsArrayType(innermost->getElementType()))
          innermost = inner;
        member.flexibleLike = member.flexibleLike || flexibleLike(context, innermost);
#if FORTIFY_HAS_COUNTED_BY
        if (type->isIncompleteArrayType() && !array->getElementType()->isIncompleteType())
          countedBy(context, record, *field, *array, member);
#endif
      }
      namedSizeField(record, *field, member);
      facts.members.push_back(member);
    }
    facts_->records[irTypeName(record)].push_back(std::move(facts));
  }

  // The name a size-field option gives a record: its tag, or the typedef
  // name of an untagged struct; C++ classes by their unqualified name (as
  // the GCC plugin).
  static std::string optionName(const clang::RecordDecl &record) {
    if (record.getIdentifier())
      return record.getName().str();
    if (const clang::TypedefNameDecl *alias = record.getTypedefNameForAnonDecl())
      return alias->getName().str();
    return {};
  }

  void warnIgnored(clang::SourceLocation location, const std::string &reason) {
    clang::DiagnosticsEngine &diagnostics = compiler_.getDiagnostics();
    diagnostics.Report(location, diagnostics.getCustomDiagID(clang::DiagnosticsEngine::Warning,
                                                             "fortify: %0; ignored"))
        << reason;
  }

  // A size field named for `field` with size-field=STRUCT.MEMBER:FIELD: a
  // flexible array member becomes counted as by counted_by (on every Clang),
  // a pointer member sized. One that does not fit is a warning (the option
  // is for a whole build, where another struct may have the name).
  void namedSizeField(const clang::RecordDecl &record, const clang::FieldDecl &field,
                      fortify_llvm::MemberLayout &member) {
    if (sizeFields_.empty() || record.isUnion() || !field.getIdentifier())
      return;
    std::string name = optionName(record);
    const fortify::SizeField *named =
        fortify::findSizeField(sizeFields_, name, field.getName().str());
    if (!named)
      return;
    clang::ASTContext &context = record.getASTContext();
    clang::QualType type = field.getType();
    fortify::MemberShape shape = fortify::MemberShape::Other;
    clang::QualType element;
    if (const clang::ArrayType *array = context.getAsArrayType(type);
        array && type->isIncompleteArrayType() && !array->getElementType()->isIncompleteType()) {
      shape = fortify::MemberShape::FlexibleArray;
      element = array->getElementType();
    } else if (type->isPointerType() && !type->isFunctionPointerType() &&
               (type->getPointeeType()->isVoidType() ||
                !type->getPointeeType()->isIncompleteType())) {
      shape = fortify::MemberShape::Pointer;
      element = type->getPointeeType();
    }
    const clang::FieldDecl *count = nullptr;
    for (const clang::FieldDecl *sibling : record.fields())
      if (sibling->getIdentifier() && sibling->getName() == named->field)
        count = sibling;
    fortify::CountShape countShape = !count ? fortify::CountShape::Missing
                                     : count->getType()->isIntegerType() &&
                                             !count->getType()->isBooleanType() &&
                                             !count->isBitField()
                                         ? fortify::CountShape::Integer
                                         : fortify::CountShape::Other;
    std::string reason;
    if (!fortify::usableSizeField(name, named->member, shape, named->field, countShape,
                                  "size-field=" + fortify::sizeFieldText(*named), reason)) {
      warnIgnored(field.getLocation(), reason);
      return;
    }
    // A volatile or atomic count is not read by a check: the read itself
    // would change what the program does.
    if (count->getType().isVolatileQualified() || count->getType()->isAtomicType())
      return;
    countField(context, record, *count, element, member);
    member.counted = shape == fortify::MemberShape::FlexibleArray;
    member.sizedPointer = shape == fortify::MemberShape::Pointer;
  }

  // Where `count` is in `record`, and the bytes of the elements it counts.
  static void countField(clang::ASTContext &context, const clang::RecordDecl &record,
                         const clang::FieldDecl &count, clang::QualType element,
                         fortify_llvm::MemberLayout &member) {
    const clang::ASTRecordLayout &layout = context.getASTRecordLayout(&record);
    member.countOffset = uint64_t(
        context.toCharUnitsFromBits(int64_t(layout.getFieldOffset(count.getFieldIndex())))
            .getQuantity());
    member.countBytes = unsigned(context.getTypeSizeInChars(count.getType()).getQuantity());
    member.countSigned = count.getType()->isSignedIntegerType();
    member.elementSize =
        element->isVoidType() ? 1 : uint64_t(context.getTypeSizeInChars(element).getQuantity());
  }

  // A size-field option for a member the record does not have.
  void missingNamedMembers(const clang::RecordDecl &record) {
    std::string name = optionName(record);
    for (const fortify::SizeField &named : sizeFields_) {
      if (named.record != name)
        continue;
      bool found = false;
      for (const clang::FieldDecl *field : record.fields())
        found = found || (field->getIdentifier() && field->getName() == named.member);
      std::string reason;
      if (!found && !fortify::usableSizeField(name, named.member, fortify::MemberShape::Missing,
                                              named.field, fortify::CountShape::Missing,
                                              "size-field=" + fortify::sizeFieldText(named),
                                              reason))
        warnIgnored(record.getLocation(), reason);
    }
  }

  // Whether Clang's __builtin_object_size takes a trailing array of this
  // shape for a flexible array member (isUserWritingOffTheEnd in Clang's
  // ExprConstant.cpp), at the unit's -fstrict-flex-arrays level.
  static bool flexibleLike(clang::ASTContext &context, const clang::ArrayType *array) {
    // 0: any trailing array, 1: [0], [1] and [], 2: [0] and [], 3: [] only.
    int level = fortify_llvm::strictFlexArraysLevel(context.getLangOpts());
    const auto *constant = llvm::dyn_cast<clang::ConstantArrayType>(array);
    if (!constant || level == 0)
      return true;
    uint64_t elements = constant->getSize().getZExtValue();
    return (elements == 0 && level != 3) || (elements == 1 && level == 1);
  }

#if FORTIFY_HAS_COUNTED_BY
  // counted_by(count) on a flexible array member, where count is a field of
  // the same record (what Clang 19's own __builtin_dynamic_object_size
  // follows, FindCountedByField).
  static void countedBy(clang::ASTContext &context, const clang::RecordDecl &record,
                        const clang::FieldDecl &field, const clang::ArrayType &array,
                        fortify_llvm::MemberLayout &member) {
    const auto *counted = field.getType()->getAs<clang::CountAttributedType>();
    if (!counted || counted->getKind() != clang::CountAttributedType::CountedBy)
      return;
    const auto *reference =
        llvm::dyn_cast<clang::DeclRefExpr>(counted->getCountExpr()->IgnoreParenImpCasts());
    const auto *count = reference ? llvm::dyn_cast<clang::FieldDecl>(reference->getDecl()) : nullptr;
    if (!count || count->isBitField() || count->getParent() != &record ||
        !count->getType()->isIntegerType())
      return;
    member.counted = true;
    countField(context, record, *count, array.getElementType(), member);
  }
#endif

  // The name Clang's code generator gives the record's LLVM struct type
  // (CodeGenTypes::addRecordTypeName), before LLVM makes it unique.
  static std::string irTypeName(const clang::RecordDecl &record) {
    std::string name;
    llvm::raw_string_ostream out(name);
    out << record.getKindName() << '.';
    clang::PrintingPolicy policy = record.getASTContext().getPrintingPolicy();
    policy.SuppressInlineNamespace = false;
    if (record.getIdentifier()) {
      if (record.getDeclContext())
        record.printQualifiedName(out, policy);
      else
        fortify_llvm::printName(record, out, policy);
    } else if (const clang::TypedefNameDecl *alias = record.getTypedefNameForAnonDecl()) {
      if (alias->getDeclContext())
        alias->printQualifiedName(out, policy);
      else
        alias->printName(out);
    } else {
      out << "anon";
    }
    return name;
  }

  clang::CompilerInstance &compiler_;
  std::shared_ptr<fortify_llvm::FrontendFacts> facts_;
  std::shared_ptr<std::map<std::string, clang::SourceLocation>> definitions_;
  std::vector<fortify::SizeField> sizeFields_;
  std::unique_ptr<clang::ASTNameGenerator> names_;
};

// The plugin's warnings as members of Clang's -Wfortify-source group: at
// the level the group has where the call is (so -Wno-fortify-source
// silences them, -Werror makes them errors and -Wno-error=fortify-source
// keeps them warnings, pragmas included). Clang's custom diagnostics are
// never remapped by those flags themselves, hence the level asked of one of
// the group's own diagnostics, and the switch's name added to the text.
bool warnThroughClang(clang::CompilerInstance &compiler,
                      const std::map<std::string, clang::SourceLocation> &definitions,
                      bool forceError, const std::string &message, const llvm::DILocation *location,
                      const std::vector<std::string> &notes, const std::string &function) {
  clang::DiagnosticsEngine &diagnostics = compiler.getDiagnostics();
  clang::SourceManager &sources = compiler.getSourceManager();
  clang::SourceLocation where;
  if (location) {
    std::string path = location->getFilename().str();
    auto file = sources.getFileManager().getOptionalFileRef(path);
    if (!file && !location->getDirectory().empty())
      file = sources.getFileManager().getOptionalFileRef(location->getDirectory().str() + "/" + path);
    if (file && location->getLine())
      where = sources.translateFileLineCol(*file, location->getLine(),
                                           location->getColumn() ? location->getColumn() : 1);
  }
  if (where.isInvalid())
    if (auto found = definitions.find(function); found != definitions.end())
      where = found->second;
  clang::DiagnosticsEngine::Level level =
      diagnostics.getDiagnosticLevel(clang::diag::warn_fortify_source_overflow, where);
  if (level == clang::DiagnosticsEngine::Ignored && !forceError)
    return true;
  bool error = forceError || level >= clang::DiagnosticsEngine::Error;
  unsigned id = diagnostics.getCustomDiagID(
      error ? clang::DiagnosticsEngine::Error : clang::DiagnosticsEngine::Warning, "%0");
  // The switch that controls it, as Clang names it after its own warnings
  // (a custom diagnostic has none of its own to show).
  std::string text = message;
  if (!forceError && diagnostics.getDiagnosticOptions().ShowOptionNames)
    text += error ? " [-Werror,-Wfortify-source]" : " [-Wfortify-source]";
  diagnostics.Report(where, id) << text;
  unsigned noteId = diagnostics.getCustomDiagID(clang::DiagnosticsEngine::Note, "%0");
  for (const std::string &note : notes)
    diagnostics.Report(noteId) << note;
  return true;
}

// `__attribute__((no_fortify))` on a function: the plugin checks none of its
// calls. Registered here, in the same file, so that `__has_attribute
// (no_fortify)` is true exactly when the plugin is loaded and code can guard
// the attribute with it; the GCC plugin registers the same name. It becomes
// an `annotate("no_fortify")` the pass finds in llvm.global.annotations.
struct NoFortifyAttribute : public clang::ParsedAttrInfo {
  NoFortifyAttribute() {
    static constexpr Spelling kSpellings[] = {
        {clang::ParsedAttr::AS_GNU, "no_fortify"},
        {fortify_llvm::kC23Syntax, "fortify::no_fortify"},
        {clang::ParsedAttr::AS_CXX11, "fortify::no_fortify"}};
    Spellings = kSpellings;
  }

  bool diagAppertainsToDecl(clang::Sema &sema, const clang::ParsedAttr &attribute,
                            const clang::Decl *declaration) const override {
    if (llvm::isa<clang::FunctionDecl>(declaration))
      return true;
    fortify_llvm::wrongDeclarationType(sema.Diag(attribute.getLoc(),
                                                 clang::diag::warn_attribute_wrong_decl_type_str),
                                       attribute, "functions");
    return false;
  }

  AttrHandling handleDeclAttribute(clang::Sema &sema, clang::Decl *declaration,
                                   const clang::ParsedAttr &attribute) const override {
    declaration->addAttr(clang::AnnotateAttr::Create(sema.Context, fortify_llvm::kNoFortifyAnnotation,
                                                     nullptr, 0, attribute.getRange()));
    return AttributeApplied;
  }
};

// The file this plugin was loaded from (for Clangs that load the pass
// through CodeGenOptions::PassPlugins).
std::string ownPath() {
  Dl_info info;
  if (dladdr(reinterpret_cast<void *>(&ownPath), &info) && info.dli_fname)
    return info.dli_fname;
  return {};
}

class FortifyAction : public clang::PluginASTAction {
protected:
  bool ParseArgs(const clang::CompilerInstance &compiler,
                 const std::vector<std::string> &arguments) override {
    for (const std::string &argument : arguments) {
      std::string error;
      if (!fortify_llvm::applyOptionText(options_, argument, error)) {
        // Returning false alone would only drop the plugin; an error makes
        // the compilation fail, as in GCC.
        clang::DiagnosticsEngine &diagnostics = compiler.getDiagnostics();
        diagnostics.Report(diagnostics.getCustomDiagID(clang::DiagnosticsEngine::Error, "%0"))
            << error;
        return false;
      }
    }
    return true;
  }

  std::unique_ptr<clang::ASTConsumer> CreateASTConsumer(clang::CompilerInstance &compiler,
                                                        llvm::StringRef) override {
    if (const char *unsupported = fortify_llvm::unsupportedCompilation(compiler.getCodeGenOpts())) {
      clang::DiagnosticsEngine &diagnostics = compiler.getDiagnostics();
      diagnostics.Report(diagnostics.getCustomDiagID(clang::DiagnosticsEngine::Error, "%0"))
          << unsupported;
      return std::make_unique<clang::ASTConsumer>();
    }
    fortify::Options options = options_;
    auto facts = std::make_shared<fortify_llvm::FrontendFacts>();
    auto definitions = std::make_shared<std::map<std::string, clang::SourceLocation>>();
    clang::CompilerInstance *instance = &compiler;
    facts->warn = [instance, definitions](bool forceError, const std::string &message,
                                          const llvm::DILocation *location,
                                          const std::vector<std::string> &notes,
                                          const std::string &function) {
      return warnThroughClang(*instance, *definitions, forceError, message, location, notes,
                              function);
    };
    // Without -g the IR has no locations: every call of one function in
    // one function would share a site and abort messages would name no line.
    // Location tracking alone (what -Rpass asks for) gives the instructions
    // their lines and columns and emits no debug information.
    fortify_llvm::trackLocations(compiler.getCodeGenOpts());
    fortify_llvm::addPassBuilderCallback(
        compiler.getCodeGenOpts(),
        [options, facts](llvm::PassBuilder &builder) {
          fortify_llvm::registerFortifyPass(builder, options, facts);
        },
        ownPath(), [options, facts] { fortify_llvm::setFrontendRegistration(options, facts); });
    compiler.getPreprocessor().addPPCallbacks(std::make_unique<FileNameCollector>(compiler, facts));
    return std::make_unique<FactsCollector>(compiler, facts, definitions, options.sizeFields);
  }

  ActionType getActionType() override { return AddBeforeMainAction; }

private:
  fortify::Options options_;
};

using Registry = llvm::Registry<clang::PluginASTAction>;
using AttributeRegistry = llvm::Registry<clang::ParsedAttrInfo>;

// llvm::Registry<clang::PluginASTAction>::add_node(node *), which Clang
// instantiates and exports (LLVM_INSTANTIATE_REGISTRY).
constexpr const char *kAddNodeSymbol =
    "_ZN4llvm8RegistryIN5clang15PluginASTActionEE8add_nodeEPNS3_4nodeE";
// llvm::Registry<clang::ParsedAttrInfo>::add_node(node *), likewise.
constexpr const char *kAddAttributeSymbol =
    "_ZN4llvm8RegistryIN5clang14ParsedAttrInfoEE8add_nodeEPNS3_4nodeE";
// Any symbol that only a Clang frontend defines.
constexpr const char *kClangFrontendSymbol = "_ZN5clang14FrontendActionC2Ev";

std::unique_ptr<clang::PluginASTAction> createAction() {
  return std::make_unique<FortifyAction>();
}

const Registry::entry gEntry("fortify", "inline buffer-overflow checks for libc calls",
                             createAction);
Registry::node gNode(gEntry);

std::unique_ptr<clang::ParsedAttrInfo> createAttribute() {
  return std::make_unique<NoFortifyAttribute>();
}

const AttributeRegistry::entry gAttributeEntry("no_fortify", "no fortify checks in this function",
                                               createAttribute);
AttributeRegistry::node gAttributeNode(gAttributeEntry);

struct Registration {
  Registration() {
    using AddNode = void (*)(Registry::node *);
    using AddAttribute = void (*)(AttributeRegistry::node *);
    if (auto addNode = reinterpret_cast<AddNode>(dlsym(RTLD_DEFAULT, kAddNodeSymbol))) {
      fortify_llvm::preferOpaquePointers();
      addNode(&gNode);
      if (auto addAttribute =
              reinterpret_cast<AddAttribute>(dlsym(RTLD_DEFAULT, kAddAttributeSymbol)))
        addAttribute(&gAttributeNode);
      return;
    }
    // In opt there is no frontend and nothing to do; in a Clang that does
    // not export its registry, -fplugin= would silently check nothing.
    if (dlsym(RTLD_DEFAULT, kClangFrontendSymbol))
      std::fprintf(stderr, "fortify: cannot register with this clang's plugin registry; "
                           "use -fpass-plugin= and FORTIFY_PLUGIN_OPTIONS instead\n");
  }
} gRegistration;

}  // namespace
