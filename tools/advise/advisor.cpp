#include "advisor.h"

#include "rules.h"

#include "clang/AST/ASTConsumer.h"
#include "clang/AST/ASTContext.h"
#include "clang/AST/Attr.h"
#include "clang/AST/DeclCXX.h"
#include "clang/AST/ParentMapContext.h"
#include "clang/AST/RecursiveASTVisitor.h"
#include "clang/Basic/SourceManager.h"
#include "clang/Lex/Lexer.h"
#include "llvm/ADT/SmallString.h"
#include "llvm/Config/llvm-config.h"
#include "llvm/Support/FileSystem.h"
#include "llvm/Support/Path.h"

#include <algorithm>
#include <cctype>
#include <optional>

namespace fortify::advise {
namespace {

using namespace clang;

// A path as one spelling, so that a record's file and the AST's compare:
// relative paths are taken from the compile command's directory.
std::string absolutePath(llvm::StringRef directory, llvm::StringRef path) {
  llvm::SmallString<256> full(path);
  if (!llvm::sys::path::is_absolute(full)) {
    full = directory;
    llvm::sys::path::append(full, path);
  }
  llvm::sys::path::remove_dots(full, /*remove_dot_dot=*/true);
  return std::string(full);
}

std::string realPath(const std::string &path) {
  llvm::SmallString<256> real;
  if (llvm::sys::fs::real_path(path, real))
    return path;
  return std::string(real);
}

// Every call of the translation unit with the function holding it.
struct CallInfo {
  const CallExpr *call;
  const FunctionDecl *function;
  std::string file;  // absolute
  unsigned line, column;
};

class CallCollector : public RecursiveASTVisitor<CallCollector> {
public:
  CallCollector(ASTContext &context, const std::string &directory, std::vector<CallInfo> &calls)
      : context_(context), directory_(directory), calls_(calls) {}

  bool TraverseFunctionDecl(FunctionDecl *function) {
    const FunctionDecl *outer = current_;
    if (function->doesThisDeclarationHaveABody())
      current_ = function;
    const bool result = RecursiveASTVisitor::TraverseFunctionDecl(function);
    current_ = outer;
    return result;
  }
  bool VisitCallExpr(CallExpr *call) {
    if (!current_)
      return true;
    const SourceManager &sm = context_.getSourceManager();
    const SourceLocation loc = sm.getFileLoc(call->getBeginLoc());
    if (loc.isInvalid() || sm.isInSystemHeader(loc))
      return true;
    const PresumedLoc presumed = sm.getPresumedLoc(loc);
    if (presumed.isInvalid())
      return true;
    calls_.push_back({call, current_, absolutePath(directory_, presumed.getFilename()),
                      presumed.getLine(), presumed.getColumn()});
    return true;
  }

private:
  ASTContext &context_;
  const std::string &directory_;
  std::vector<CallInfo> &calls_;
  const FunctionDecl *current_ = nullptr;
};

// What a function body does to one variable: the values assigned to it (its
// initialiser first), and whether it is otherwise changed or its address
// taken (then no single value describes it).
struct VarUses {
  std::vector<const Expr *> sources;
  bool changed = false;
  bool addressTaken = false;
};

class VarUseCollector : public RecursiveASTVisitor<VarUseCollector> {
public:
  VarUseCollector(const VarDecl *var, VarUses &uses) : var_(var), uses_(uses) {}
  bool VisitBinaryOperator(BinaryOperator *op) {
    if (op->isAssignmentOp() && refersTo(op->getLHS())) {
      if (op->getOpcode() == BO_Assign)
        uses_.sources.push_back(op->getRHS());
      else
        uses_.changed = true;
    }
    return true;
  }
  bool VisitUnaryOperator(UnaryOperator *op) {
    if (!refersTo(op->getSubExpr()))
      return true;
    if (op->isIncrementDecrementOp())
      uses_.changed = true;
    else if (op->getOpcode() == UO_AddrOf)
      uses_.addressTaken = true;
    return true;
  }

private:
  bool refersTo(const Expr *e) const {
    const auto *ref = dyn_cast<DeclRefExpr>(e->IgnoreParens());
    return ref && ref->getDecl() == var_;
  }
  const VarDecl *var_;
  VarUses &uses_;
};

VarUses usesOf(const VarDecl *var, const FunctionDecl *function) {
  VarUses uses;
  if (!isa<ParmVarDecl>(var) && var->getInit())
    uses.sources.push_back(var->getInit());
  if (Stmt *body = function->getBody())
    VarUseCollector(var, uses).TraverseStmt(body);
  return uses;
}

const Expr *stripCasts(const Expr *e) { return e->IgnoreParenCasts(); }

// Where a pointer comes from, following local variables assigned once.
struct Origin {
  enum Kind { Parameter, FlexibleArray, PointerField, CallResult, Other } kind = Other;
  const ParmVarDecl *param = nullptr;
  const FieldDecl *field = nullptr;
  const CallExpr *call = nullptr;
  bool moved = false;  // an offset from it
  std::string why;     // Other: what it is
};

bool isZero(const Expr *e, const ASTContext &context) {
  Expr::EvalResult result;
  return e->EvaluateAsInt(result, context) && result.Val.getInt() == 0;
}

Origin traceOrigin(const Expr *e, const FunctionDecl *function, const ASTContext &context,
                   unsigned depth = 0) {
  Origin other;
  if (depth > 8) {
    other.why = "too many steps back";
    return other;
  }
  e = stripCasts(e);
  if (const auto *op = dyn_cast<UnaryOperator>(e)) {
    if (op->getOpcode() == UO_AddrOf) {
      const Expr *sub = op->getSubExpr()->IgnoreParens();
      if (const auto *subscript = dyn_cast<ArraySubscriptExpr>(sub)) {
        Origin o = traceOrigin(subscript->getBase(), function, context, depth + 1);
        o.moved = o.moved || !isZero(subscript->getIdx(), context);
        return o;
      }
      if (isa<MemberExpr>(sub))
        return traceOrigin(sub, function, context, depth + 1);
    }
    other.why = "an expression";
    return other;
  }
  if (const auto *op = dyn_cast<BinaryOperator>(e)) {
    if (op->isAdditiveOp()) {
      const Expr *pointer = op->getLHS()->getType()->isPointerType() ? op->getLHS() : op->getRHS();
      Origin o = traceOrigin(pointer, function, context, depth + 1);
      o.moved = true;
      return o;
    }
    other.why = "an expression";
    return other;
  }
  if (const auto *ref = dyn_cast<DeclRefExpr>(e)) {
    if (const auto *param = dyn_cast<ParmVarDecl>(ref->getDecl())) {
      const VarUses uses = usesOf(param, function);
      if (!uses.sources.empty() || uses.changed || uses.addressTaken) {
        other.why = "parameter '" + param->getNameAsString() + "' is changed in the function";
        return other;
      }
      Origin o;
      o.kind = Origin::Parameter;
      o.param = param;
      return o;
    }
    if (const auto *var = dyn_cast<VarDecl>(ref->getDecl())) {
      if (!var->hasLocalStorage()) {
        other.why = "global '" + var->getNameAsString() + "'";
        return other;
      }
      const VarUses uses = usesOf(var, function);
      if (uses.sources.size() == 1 && !uses.changed && !uses.addressTaken)
        return traceOrigin(uses.sources.front(), function, context, depth + 1);
      other.why = "'" + var->getNameAsString() + "' is assigned more than once";
      return other;
    }
  }
  if (const auto *member = dyn_cast<MemberExpr>(e)) {
    if (const auto *field = dyn_cast<FieldDecl>(member->getMemberDecl())) {
      Origin o;
      o.field = field;
      if (field->getType()->isIncompleteArrayType()) {
        o.kind = Origin::FlexibleArray;
        return o;
      }
      if (field->getType()->isPointerType()) {
        o.kind = Origin::PointerField;
        return o;
      }
      other.why = "field '" + field->getNameAsString() + "'";
      return other;
    }
  }
  if (const auto *call = dyn_cast<CallExpr>(e)) {
    Origin o;
    o.kind = Origin::CallResult;
    o.call = call;
    return o;
  }
  other.why = isa<ConditionalOperator>(e) ? "a choice between pointers" : "an expression";
  return other;
}

bool isIntegerParam(const ParmVarDecl *param) {
  return param->getType()->isIntegerType() && !param->getType()->isBooleanType();
}

const Rule *ruleOf(const CallExpr *call) {
  const FunctionDecl *callee = call->getDirectCallee();
  if (!callee || !callee->getIdentifier())
    return nullptr;
  return findRule(callee->getName());
}

// The parameter an integer argument is, if it is one.
const ParmVarDecl *paramOf(const Expr *e) {
  const auto *ref = dyn_cast<DeclRefExpr>(stripCasts(e));
  return ref ? dyn_cast<ParmVarDecl>(ref->getDecl()) : nullptr;
}

// How a function uses a pointer parameter: GCC's access mode, and whether
// every checked write through it is a string function's, bounded by the
// closest subobject (Clang's pass_object_size type 1 then suffices).
struct Access {
  bool reads = false, writes = false;
  bool subobjectWrites = true;  // every write through a rule is ClosestSubobject
  const char *mode() const {
    return writes && !reads ? "write_only" : reads && !writes ? "read_only" : "read_write";
  }
};

const Stmt *parentOf(ASTContext &context, const Stmt *stmt) {
  const DynTypedNodeList parents = context.getParents(*stmt);
  return parents.empty() ? nullptr : parents[0].get<Stmt>();
}

class ParamAccessCollector : public RecursiveASTVisitor<ParamAccessCollector> {
public:
  ParamAccessCollector(ASTContext &context, const ParmVarDecl *param, Access &access)
      : context_(context), param_(param), access_(access) {}
  bool VisitDeclRefExpr(DeclRefExpr *ref) {
    if (ref->getDecl() == param_)
      classify(ref);
    return true;
  }

private:
  void unknown() { access_.reads = access_.writes = true; access_.subobjectWrites = false; }
  void classify(const Expr *use) {
    const Stmt *cur = use;
    const Stmt *parent = parentOf(context_, cur);
    while (parent && (isa<ImplicitCastExpr>(parent) || isa<ParenExpr>(parent) ||
                      isa<CStyleCastExpr>(parent))) {
      cur = parent;
      parent = parentOf(context_, cur);
    }
    if (!parent)
      return unknown();
    if (const auto *call = dyn_cast<CallExpr>(parent)) {
      const Rule *rule = ruleOf(call);
      bool known = false;
      for (unsigned i = 0; i < call->getNumArgs(); ++i) {
        if (call->getArg(i) != cur)
          continue;
        if (!rule)
          return unknown();
        if (int(i) == rule->dest) {
          known = true;
          access_.writes = true;
          if (rule->kind == CheckKind::AppendString || rule->kind == CheckKind::AppendBounded)
            access_.reads = true;
          if (rule->objectSize != ObjectSize::ClosestSubobject)
            access_.subobjectWrites = false;
        }
        if (int(i) == rule->source || int(i) == rule->readArg) {
          known = true;
          access_.reads = true;
        }
      }
      if (!known)
        unknown();
      return;
    }
    if (isa<ArraySubscriptExpr>(parent) ||
        (isa<UnaryOperator>(parent) && cast<UnaryOperator>(parent)->getOpcode() == UO_Deref)) {
      const Stmt *element = parent;
      const Stmt *user = parentOf(context_, element);
      while (user && isa<ParenExpr>(user)) {
        element = user;
        user = parentOf(context_, element);
      }
      const auto *assign = dyn_cast_or_null<BinaryOperator>(user);
      if (assign && assign->getLHS()->IgnoreParens() == element) {
        access_.writes = true;
        access_.subobjectWrites = false;
        if (assign->getOpcode() != BO_Assign)
          access_.reads = true;
        return;
      }
      if (const auto *op = dyn_cast_or_null<UnaryOperator>(user))
        if (op->isIncrementDecrementOp() || op->getOpcode() == UO_AddrOf)
          return unknown();
      access_.reads = true;
      return;
    }
    // Tests of the pointer itself access nothing.
    if (const auto *op = dyn_cast<BinaryOperator>(parent))
      if (op->isComparisonOp() || op->isLogicalOp())
        return;
    if (const auto *op = dyn_cast<UnaryOperator>(parent))
      if (op->getOpcode() == UO_LNot)
        return;
    if (isa<IfStmt>(parent) || isa<WhileStmt>(parent) || isa<ConditionalOperator>(parent))
      return;
    unknown();
  }
  ASTContext &context_;
  const ParmVarDecl *param_;
  Access &access_;
};

bool endsWith(const std::string &s, const std::string &suffix) {
  return s.size() >= suffix.size() && s.compare(s.size() - suffix.size(), suffix.size(), suffix) == 0;
}

std::string lower(std::string s) {
  for (char &c : s)
    c = char(std::tolower((unsigned char)c));
  return s;
}

// A parameter whose name says it is a size: len, size, n, cap, buflen ...
bool sizeLikeName(const std::string &name) {
  const std::string s = lower(name);
  for (const char *word : {"n", "len", "length", "size", "sz", "cap", "capacity", "max", "maxlen",
                           "nbytes", "limit", "avail", "room", "space", "count"})
    if (s == word)
      return true;
  for (const char *suffix : {"len", "length", "size", "_sz", "cap", "capacity"})
    if (endsWith(s, suffix))
      return true;
  return false;
}

// A field whose name says it counts the elements of flexible array `array`.
bool countLikeName(const std::string &name, const std::string &array) {
  const std::string s = lower(name), a = lower(array);
  for (const char *word : {"n", "count", "cnt", "len", "length", "size", "num", "nelem", "nelems",
                           "nmemb"})
    if (s == word)
      return true;
  for (const char *suffix : {"len", "count", "size", "_len", "_count", "_size"})
    if (s == a + suffix)
      return true;
  return s == "n" + a || s == "num_" + a || s == "n_" + a;
}

// The allocators whose size arguments alloc_size can name: index of the
// size, and of the count (calloc), or -1.
struct AllocatorArgs {
  int size = -1, count = -1;
};
std::optional<AllocatorArgs> allocatorArgs(const CallExpr *call) {
  const FunctionDecl *callee = call->getDirectCallee();
  if (!callee || !callee->getIdentifier())
    return std::nullopt;
  llvm::StringRef name = callee->getName();
  name.consume_front("__builtin_");
  if (name == "malloc")
    return AllocatorArgs{0, -1};
  if (name == "calloc")
    return AllocatorArgs{1, 0};
  if (name == "realloc" || name == "aligned_alloc")
    return AllocatorArgs{1, -1};
  if (name == "reallocarray")
    return AllocatorArgs{2, 1};
  return std::nullopt;
}

// The text of the macros --apply writes, by annotation.
std::string accessMacro(const char *mode, unsigned pointer, unsigned size) {
  return "FORTIFY_ACCESS(" + std::string(mode) + ", " + std::to_string(pointer) + ", " +
         std::to_string(size) + ")";
}

class Advisor : public ASTConsumer {
public:
  Advisor(std::vector<Site> sites, std::string directory, Findings &findings)
      : sites_(std::move(sites)), directory_(std::move(directory)), findings_(findings) {}

  void HandleTranslationUnit(ASTContext &context) override {
    context_ = &context;
    CallCollector(context, directory_, calls_).TraverseDecl(context.getTranslationUnitDecl());
    for (const Site &site : sites_) {
      const CallInfo *call = findCall(site);
      if (call)
        advise(site, *call);
    }
  }

private:
  SourceManager &sm() const { return context_->getSourceManager(); }

  const CallInfo *findCall(const Site &site) {
    const std::string file = absolutePath(directory_, site.file);
    std::vector<const CallInfo *> onLine;
    for (const CallInfo &call : calls_) {
      if (call.line != site.line)
        continue;
      const Rule *rule = ruleOf(call.call);
      if (!rule || rule->name != site.function)
        continue;
      if (call.file != file && realPath(call.file) != realPath(file))
        continue;
      if (call.column == site.column)
        return &call;
      onLine.push_back(&call);
    }
    // The compilers may place a call's column differently (a macro, the
    // parenthesis): one call of the function on the line is the one.
    if (onLine.size() == 1)
      return onLine.front();
    findings_.warnings.push_back(site.file + ":" + std::to_string(site.line) + ":" +
                                 std::to_string(site.column) + ": " +
                                 (onLine.empty() ? "no call of " + site.function + " there"
                                                 : "several calls of " + site.function +
                                                       " on the line and none at the column") +
                                 " in the translation unit (is the source the one compiled?)");
    return nullptr;
  }

  Suggestion start(const Site &site, std::string key) {
    Suggestion s;
    s.key = std::move(key);
    s.site = site;
    s.siteKeys.insert(site.file + ":" + std::to_string(site.line) + ":" +
                      std::to_string(site.column));
    return s;
  }

  // The location to insert before: a file location, never inside a macro.
  std::optional<std::pair<std::string, unsigned>> place(SourceLocation loc) {
    if (loc.isInvalid())
      return std::nullopt;
    loc = sm().getExpansionLoc(loc);
    if (sm().isInSystemHeader(loc))
      return std::nullopt;
    const FileID id = sm().getFileID(loc);
    const auto entry = sm().getFileEntryRefForID(id);  // llvm::Optional before LLVM 16
    if (!entry)
      return std::nullopt;
    return std::make_pair(absolutePath(directory_, entry->getName()), sm().getFileOffset(loc));
  }
  bool insertBefore(Suggestion &s, SourceLocation loc, const std::string &text) {
    auto where = place(loc);
    if (!where)
      return false;
    s.insertions.insert({where->first, where->second, text});
    return true;
  }
  bool insertAfterToken(Suggestion &s, SourceLocation loc, const std::string &text) {
    if (loc.isInvalid() || loc.isMacroID())
      return false;
    return insertBefore(s, Lexer::getLocForEndOfToken(loc, 0, sm(), context_->getLangOpts()),
                        text);
  }

  // The function's declarations the annotation must be on, in files we may
  // copy: all of them, or none (a declaration made by a macro, or in a
  // system header, would keep the old prototype for some callers).
  std::vector<const FunctionDecl *> declarations(const FunctionDecl *function) {
    std::vector<const FunctionDecl *> all;
    for (const FunctionDecl *decl : function->redecls()) {
      const SourceLocation name = decl->getLocation();
      if (name.isMacroID() || sm().isInSystemHeader(name))
        return {};
      all.push_back(decl);
    }
    std::sort(all.begin(), all.end(), [&](const FunctionDecl *a, const FunctionDecl *b) {
      return sm().isBeforeInTranslationUnit(a->getLocation(), b->getLocation());
    });
    return all;
  }

  // The declaration's own text up to its body or its ';', to see attributes
  // Clang drops (GCC's access) or that a macro hides from the AST.
  std::string declarationText(const FunctionDecl *decl) {
    const SourceLocation begin = sm().getExpansionLoc(decl->getBeginLoc());
    SourceLocation end = decl->hasBody() && decl->doesThisDeclarationHaveABody()
                             ? decl->getBody()->getBeginLoc()
                             : decl->getEndLoc();
    end = sm().getExpansionLoc(end);
    if (sm().getFileID(begin) != sm().getFileID(end))
      return {};
    bool invalid = false;
    llvm::StringRef buffer = sm().getBufferData(sm().getFileID(begin), &invalid);
    if (invalid)
      return {};
    const unsigned from = sm().getFileOffset(begin);
    unsigned to = sm().getFileOffset(end);
    if (!decl->doesThisDeclarationHaveABody()) {
      const size_t semicolon = buffer.find(';', to);
      to = semicolon == llvm::StringRef::npos ? unsigned(buffer.size()) : unsigned(semicolon);
    }
    return from <= to ? buffer.slice(from, to).str() : std::string();
  }
  static bool mentionsWord(const std::string &text, const std::string &word) {
    for (size_t at = text.find(word); at != std::string::npos; at = text.find(word, at + 1)) {
      const bool before = at == 0 || !(std::isalnum((unsigned char)text[at - 1]) || text[at - 1] == '_');
      const size_t after = at + word.size();
      const bool next = after >= text.size() ||
                        !(std::isalnum((unsigned char)text[after]) || text[after] == '_');
      if (before && next)
        return true;
    }
    return false;
  }

  bool addressTaken(const FunctionDecl *function) {
    if (!addressTaken_) {
      addressTaken_.emplace();
      struct Finder : RecursiveASTVisitor<Finder> {
        ASTContext &context;
        std::set<const FunctionDecl *> &out;
        Finder(ASTContext &c, std::set<const FunctionDecl *> &o) : context(c), out(o) {}
        bool VisitDeclRefExpr(DeclRefExpr *ref) {
          const auto *fn = dyn_cast<FunctionDecl>(ref->getDecl());
          if (!fn)
            return true;
          const Stmt *parent = parentOf(context, ref);
          const auto *cast = dyn_cast_or_null<ImplicitCastExpr>(parent);
          const auto *call = cast ? dyn_cast_or_null<CallExpr>(parentOf(context, cast)) : nullptr;
          if (!call || call->getCallee() != cast)
            out.insert(fn->getCanonicalDecl());
          return true;
        }
      } finder(*context_, *addressTaken_);
      finder.TraverseDecl(context_->getTranslationUnitDecl());
    }
    return addressTaken_->count(function->getCanonicalDecl()) != 0;
  }

  std::string functionKey(const FunctionDecl *function) {
    const FunctionDecl *first = function->getCanonicalDecl();
    auto where = place(first->getLocation());
    return function->getQualifiedNameAsString() +
           (function->isExternallyVisible() || !where ? "" : " (" + where->first + ")");
  }

  void advise(const Site &site, const CallInfo &info) {
    const Rule *rule = ruleOf(info.call);
    if (!rule || rule->dest == kNoArg || unsigned(rule->dest) >= info.call->getNumArgs())
      return;
    const Origin origin = traceOrigin(info.call->getArg(rule->dest), info.function, *context_);
    switch (origin.kind) {
    case Origin::Parameter:
      return adviseParameter(site, info, *rule, origin);
    case Origin::FlexibleArray:
      return adviseFlexibleArray(site, origin.field);
    case Origin::PointerField:
      return advisePointerField(site, origin.field);
    case Origin::CallResult:
      return adviseCallResult(site, origin.call);
    case Origin::Other:
      return explain(site, "other " + origin.why,
                     "the destination is " + origin.why + ": no annotation applies");
    }
  }

  void explain(const Site &site, const std::string &key, const std::string &text) {
    Suggestion s = start(site, key + " @" + site.file + ":" + std::to_string(site.line));
    s.text = text;
    findings_.add(std::move(s));
  }

  std::string recordName(const FieldDecl *field) {
    const RecordDecl *record = field->getParent();
    std::string name = record->getNameAsString();
    if (name.empty())
      return "an unnamed struct";
    return (record->isUnion() ? "union " : "struct ") + name;
  }

  void adviseParameter(const Site &site, const CallInfo &info, const Rule &rule,
                       const Origin &origin) {
    const FunctionDecl *function = info.function;
    const ParmVarDecl *param = origin.param;
    const std::string fname = function->getNameAsString();
    const std::string pname = param->getNameAsString();
    const unsigned index = param->getFunctionScopeIndex();
    const std::string key = "parameter " + functionKey(function) + "#" + std::to_string(index);
    Suggestion s = start(site, key);
    const std::string subject = "parameter '" + pname + "'";

    // The size parameter: the call's own bound when it is the destination's
    // capacity, else the one integer parameter named as a size that no
    // other call uses as a bound of something else.
    const ParmVarDecl *size = nullptr;
    std::string because;
    if (rule.kind == CheckKind::CopyLength && rule.count == kNoArg && rule.length != kNoArg &&
        unsigned(rule.length) < info.call->getNumArgs()) {
      const ParmVarDecl *bound = paramOf(info.call->getArg(rule.length));
      if (bound && bound->getDeclContext() == function && isIntegerParam(bound))
        size = bound;
    }
    std::vector<const ParmVarDecl *> candidates;
    std::string otherBound;  // a size-named parameter that bounds something else
    if (!size) {
      for (const ParmVarDecl *other : function->parameters()) {
        if (other == param || !isIntegerParam(other) || !sizeLikeName(other->getNameAsString()))
          continue;
        if (const Rule *bounded = boundsSomethingElse(other, param, function)) {
          otherBound = "'" + other->getNameAsString() + "' bounds " +
                       std::string(bounded->name) + "'s count, not the buffer";
          continue;
        }
        candidates.push_back(other);
      }
      if (candidates.size() == 1)
        size = candidates.front();
    }
    if (size) {
      const VarUses uses = usesOf(size, function);
      if (!uses.sources.empty() || uses.changed) {
        s.text = subject + ": its size '" + size->getNameAsString() +
                 "' is changed in the function: no annotation applies (the plugins take a "
                 "declared size only when neither is changed)";
        findings_.add(std::move(s));
        return;
      }
    }
    if (!size) {
      if (candidates.size() > 1) {
        std::string names;
        for (size_t i = 0; i < candidates.size(); ++i)
          names += (i ? (i + 1 == candidates.size() ? " or " : ", ") : "") +
                   ("'" + candidates[i]->getNameAsString() + "'");
        s.text = subject + ": name its size parameter (" + names +
                 "), then __attribute__((access(MODE, " + std::to_string(index + 1) +
                 ", SIZE)))";
      } else if (!otherBound.empty()) {
        s.text = subject + " has no size parameter (" + otherBound + "): add one";
      } else {
        s.text = subject + " has no size parameter: " + noSizeAdvice(function);
      }
      findings_.add(std::move(s));
      return;
    }

    Access access;
    ParamAccessCollector(*context_, param, access).TraverseStmt(function->getBody());
    const unsigned shift = isa<CXXMethodDecl>(function) &&
                                   cast<CXXMethodDecl>(function)->isInstance()
                               ? 1
                               : 0;
    const unsigned pointerArg = index + 1 + shift;
    const unsigned sizeArg = size->getFunctionScopeIndex() + 1 + shift;
    const std::vector<const FunctionDecl *> decls = declarations(function);

    // GCC's part: unless a declaration already says access.
    bool haveAccess = false;
    for (const FunctionDecl *decl : function->redecls()) {
      const std::string text = declarationText(decl);
      haveAccess = haveAccess || mentionsWord(text, "access") ||
                   mentionsWord(text, "__access__") || mentionsWord(text, "FORTIFY_ACCESS");
    }
    // Clang's part: pass_object_size passes the size in a hidden argument,
    // so every declaration must say it, the function's address must not be
    // taken (Clang refuses), and the parameter becomes const.
    bool havePos = false;
    for (const FunctionDecl *decl : function->redecls())
      havePos = havePos || decl->getParamDecl(index)->hasAttr<PassObjectSizeAttr>();
    std::string noPos;
    if (!havePos) {
      bool scalars = true;
      for (const ParmVarDecl *p : function->parameters())
        scalars = scalars && (p->getType()->isScalarType());
      if (addressTaken(function))
        noPos = "its address is taken, which pass_object_size forbids";
      else if (!scalars)
        noPos = "a parameter is not a scalar or pointer (the plugin reads pass_object_size only "
                "then)";
      else if (param->getOriginalType()->isArrayType())
        noPos = "the parameter is declared as an array";
      else if (function->isVariadic())
        noPos = "the function is variadic";
    }
    const int posType = access.subobjectWrites ? 1 : 0;
    if (haveAccess && havePos) {
      s.text = subject + " is already annotated (access, pass_object_size): build again with "
                         "the plugin to see it checked";
      findings_.add(std::move(s));
      return;
    }
    std::string text = subject + " has its size in '" + size->getNameAsString() + "': ";
    std::vector<std::string> parts;
    if (!haveAccess)
      parts.push_back("__attribute__((access(" + std::string(access.mode()) + ", " +
                      std::to_string(pointerArg) + ", " + std::to_string(sizeArg) + "))) on " +
                      fname + " (GCC)");
    if (!havePos && noPos.empty())
      parts.push_back("__attribute__((pass_object_size(" + std::to_string(posType) +
                      "))) on '" + pname + "', made const (Clang)");
    else if (!havePos)
      parts.push_back("no pass_object_size (Clang): " + noPos);
    for (size_t i = 0; i < parts.size(); ++i)
      text += (i ? "; " : "") + parts[i];
    s.text = text;
    if (decls.empty()) {
      s.text += " [not applied: a declaration is in a macro or a system header]";
      findings_.add(std::move(s));
      return;
    }
    s.annotates = true;
    for (const FunctionDecl *decl : decls) {
      if (!haveAccess &&
          !insertBefore(s, decl->getBeginLoc(),
                        accessMacro(access.mode(), pointerArg, sizeArg) + " "))
        s.annotates = false;
      if (havePos || !noPos.empty())
        continue;
      const ParmVarDecl *p = decl->getParamDecl(index);
      const std::string pos = "FORTIFY_PASS_OBJECT_SIZE(" + std::to_string(posType) + ")";
      const bool isConst = p->getType().isConstQualified();
      bool ok;
      if (p->getIdentifier())
        ok = (isConst || insertBefore(s, p->getLocation(), "const ")) &&
             insertAfterToken(s, p->getLocation(), " " + pos);
      else
        ok = insertAfterToken(s, p->getEndLoc(), (isConst ? " " : " const ") + pos);
      s.annotates = s.annotates && ok;
    }
    if (!s.annotates) {
      s.insertions.clear();
      s.text += " [not applied: a declaration is in a macro]";
    }
    findings_.add(std::move(s));
  }

  // The rule of a call `size` bounds whose destination is not `param`
  // (strncat's count, a memcpy into another buffer): then it is not
  // param's size.
  const Rule *boundsSomethingElse(const ParmVarDecl *size, const ParmVarDecl *param,
                                  const FunctionDecl *function) {
    for (const CallInfo &call : calls_) {
      if (call.function != function)
        continue;
      const Rule *rule = ruleOf(call.call);
      if (!rule)
        continue;
      for (int arg : {rule->length, rule->count}) {
        if (arg == kNoArg || unsigned(arg) >= call.call->getNumArgs() ||
            paramOf(call.call->getArg(arg)) != size)
          continue;
        const Origin dest = rule->dest == kNoArg
                                ? Origin()
                                : traceOrigin(call.call->getArg(rule->dest), function, *context_);
        if (rule->kind != CheckKind::CopyLength || rule->count != kNoArg ||
            dest.kind != Origin::Parameter || dest.param != param)
          return rule;
      }
    }
    return nullptr;
  }

  std::string noSizeAdvice(const FunctionDecl *function) {
    const std::string name = function->getNameAsString();
    if (!function->isExternallyVisible())
      return name + " is static: its callers' sizes reach it (caller sizes, issue 16 part 1) "
                    "when they all know them; otherwise add a size parameter";
    for (const FunctionDecl *decl : function->redecls()) {
      auto where = place(decl->getLocation());
      if (where && sm().getFileID(sm().getExpansionLoc(decl->getLocation())) !=
                       sm().getMainFileID())
        return "add one (" + name + " is declared in " +
               llvm::sys::path::filename(where->first).str() + ", so other files may call it)";
    }
    return "make " + name + " static if no other file calls it (its callers then size it, "
           "issue 16 part 1), or add one";
  }

  void adviseFlexibleArray(const Site &site, const FieldDecl *field) {
    const RecordDecl *record = field->getParent();
    const std::string subject = "field '" + field->getNameAsString() + "' of " + recordName(field);
    Suggestion s = start(site, "field " + record->getQualifiedNameAsString() + "::" +
                                   field->getNameAsString() + " " + keyFile(record));
#if LLVM_VERSION_MAJOR >= 18  // counted_by is Clang 18's (FORTIFY_HAS_COUNTED_BY in llvm-compat.h)
    if (field->getType()->getAs<CountAttributedType>())
      return;  // counted_by already: the record predates it, or the compiler ignores it
#endif
    if (context_->getLangOpts().CPlusPlus) {
      s.text = subject + ": counted_by is for C (Clang and GCC ignore it in C++)";
      findings_.add(std::move(s));
      return;
    }
    std::string because;
    const FieldDecl *count = countFromAllocations(field, because);
    if (!count) {
      std::vector<const FieldDecl *> named;
      for (const FieldDecl *other : record->fields())
        if (other != field && other->getType()->isIntegerType() && !other->isBitField() &&
            countLikeName(other->getNameAsString(), field->getNameAsString()))
          named.push_back(other);
      if (named.size() == 1) {
        count = named.front();
        because = "its name";
      }
    }
    if (!count) {
      s.text = subject + ": name the count field: __attribute__((counted_by(FIELD))) (no "
                         "allocation or field name says which)";
      findings_.add(std::move(s));
      return;
    }
    s.text = subject + ": __attribute__((counted_by(" + count->getNameAsString() +
             "))) (Clang 18+, GCC 15+; the count from " + because + ")";
    s.annotates = insertAfterToken(s, field->getEndLoc(),
                                   " FORTIFY_COUNTED_BY(" + count->getNameAsString() + ")");
    if (!s.annotates)
      s.text += " [not applied: the field is declared in a macro]";
    findings_.add(std::move(s));
  }

  // A pointer member has no annotation the compilers honour (counted_by on
  // pointers is Clang 20's), but the plugins take its size field as an
  // option (size-field=STRUCT.MEMBER:FIELD, docs/USAGE.md): named by the
  // struct's tag, or the typedef of an untagged one. The field is the one
  // integer member whose name says it counts or sizes this one.
  void advisePointerField(const Site &site, const FieldDecl *field) {
    const RecordDecl *record = field->getParent();
    const std::string member = field->getNameAsString();
    const std::string subject = "field '" + member + "' of " + recordName(field);
    Suggestion s = start(site, "field " + record->getQualifiedNameAsString() + "::" + member +
                                   " " + keyFile(record));
    std::string name = record->getNameAsString();
    if (name.empty())
      if (const TypedefNameDecl *typedefName = record->getTypedefNameForAnonDecl())
        name = typedefName->getNameAsString();
    if (name.empty() || record->isUnion()) {
      s.text = subject + " is a pointer in a struct no option can name: pass its size along with it";
      findings_.add(std::move(s));
      return;
    }
    std::vector<const FieldDecl *> named;
    for (const FieldDecl *other : record->fields())
      if (other != field && other->getType()->isIntegerType() && !other->isBitField() &&
          (countLikeName(other->getNameAsString(), member) ||
           sizeLikeName(other->getNameAsString())))
        named.push_back(other);
    const std::string option = "-fplugin-arg-fortify-size-field=" + name + "." + member + ":";
    if (named.size() == 1)
      s.text = subject + " is a pointer: " + option + named.front()->getNameAsString() +
               " (no source change; level 3; the field must count the elements '" + member +
               "' points to)";
    else
      s.text = subject + " is a pointer: name its size field: " + option +
               "FIELD (no source change; level 3)";
    findings_.add(std::move(s));
  }

  std::string keyFile(const Decl *decl) {
    auto where = place(decl->getLocation());
    return where ? "(" + where->first + ")" : "";
  }

  // The count field the allocations of the struct name: `m = malloc(sizeof
  // *m + n * sizeof m->a[0])` and, in the same function, `m->count = n`.
  // Only when every such allocation names the same field.
  const FieldDecl *countFromAllocations(const FieldDecl *array, std::string &because) {
    const RecordDecl *record = array->getParent()->getDefinition();
    const QualType element = context_->getAsArrayType(array->getType())->getElementType();
    const bool bytes = context_->getTypeSizeInChars(element).isOne();
    const FieldDecl *found = nullptr;
    std::string where;
    for (const CallInfo &info : calls_) {
      const auto args = allocatorArgs(info.call);
      if (!args || args->count != -1 || unsigned(args->size) >= info.call->getNumArgs())
        continue;
      const VarDecl *var = assignedVariable(info.call);
      if (!var)
        continue;
      const auto *pointee = var->getType()->getPointeeType()->getAs<RecordType>();
      if (!pointee || pointee->getDecl()->getDefinition() != record)
        continue;
      // The terms of the size: `n * sizeof(element)`, or `n` for bytes.
      std::vector<const Expr *> terms{info.call->getArg(args->size)};
      std::vector<const VarDecl *> counts;
      while (!terms.empty()) {
        const Expr *term = stripCasts(terms.back());
        terms.pop_back();
        if (const auto *op = dyn_cast<BinaryOperator>(term)) {
          if (op->getOpcode() == BO_Add) {
            terms.push_back(op->getLHS());
            terms.push_back(op->getRHS());
            continue;
          }
          if (op->getOpcode() == BO_Mul) {
            for (auto [a, b] : {std::pair{op->getLHS(), op->getRHS()},
                                std::pair{op->getRHS(), op->getLHS()}}) {
              const auto *size = dyn_cast<UnaryExprOrTypeTraitExpr>(stripCasts(b));
              const auto *ref = dyn_cast<DeclRefExpr>(stripCasts(a));
              if (size && ref && size->getKind() == UETT_SizeOf &&
                  context_->hasSameUnqualifiedType(size->getTypeOfArgument(), element))
                if (const auto *v = dyn_cast<VarDecl>(ref->getDecl()))
                  counts.push_back(v);
            }
          }
          continue;
        }
        if (const auto *ref = dyn_cast<DeclRefExpr>(term))
          if (bytes)
            if (const auto *v = dyn_cast<VarDecl>(ref->getDecl()))
              counts.push_back(v);
      }
      for (const VarDecl *n : counts) {
        const FieldDecl *field = fieldAssigned(info.function, var, n, record);
        if (!field)
          continue;
        if (found && found != field)
          return nullptr;  // two allocations disagree
        found = field;
        where = info.function->getNameAsString();
      }
    }
    if (found)
      because = "the allocation in " + where;
    return found;
  }

  // The variable a call's result is stored in (`T *v = call` or `v = call`).
  const VarDecl *assignedVariable(const CallExpr *call) {
    const Stmt *cur = call;
    const Stmt *parent = parentOf(*context_, cur);
    while (parent && (isa<ImplicitCastExpr>(parent) || isa<ParenExpr>(parent) ||
                      isa<CStyleCastExpr>(parent))) {
      cur = parent;
      parent = parentOf(*context_, cur);
    }
    if (const auto *assign = dyn_cast_or_null<BinaryOperator>(parent))
      if (assign->getOpcode() == BO_Assign && assign->getRHS() == cur)
        if (const auto *ref = dyn_cast<DeclRefExpr>(assign->getLHS()->IgnoreParens()))
          return dyn_cast<VarDecl>(ref->getDecl());
    if (parent)
      return nullptr;
    // An initialiser's parent is the declaration, not a statement.
    const DynTypedNodeList parents = context_->getParents(*cur);
    if (!parents.empty())
      if (const auto *var = parents[0].get<VarDecl>())
        if (var->getInit() && var->getInit()->IgnoreParenCasts() == call)
          return var;
    return nullptr;
  }

  // The integer field of `record` that `function` sets from `count` through
  // `var` (`var->field = count`).
  const FieldDecl *fieldAssigned(const FunctionDecl *function, const VarDecl *var,
                                 const VarDecl *count, const RecordDecl *record) {
    struct Finder : RecursiveASTVisitor<Finder> {
      const VarDecl *var, *count;
      const RecordDecl *record;
      const FieldDecl *found = nullptr;
      bool VisitBinaryOperator(BinaryOperator *op) {
        if (op->getOpcode() != BO_Assign)
          return true;
        const auto *member = dyn_cast<MemberExpr>(op->getLHS()->IgnoreParens());
        const auto *value = dyn_cast<DeclRefExpr>(stripCasts(op->getRHS()));
        if (!member || !value || value->getDecl() != count)
          return true;
        const auto *base = dyn_cast<DeclRefExpr>(stripCasts(member->getBase()));
        const auto *field = dyn_cast<FieldDecl>(member->getMemberDecl());
        if (base && base->getDecl() == var && field && field->getParent() == record &&
            field->getType()->isIntegerType())
          found = field;
        return true;
      }
    } finder;
    finder.var = var;
    finder.count = count;
    finder.record = record;
    finder.TraverseStmt(function->getBody());
    return finder.found;
  }

  void adviseCallResult(const Site &site, const CallExpr *call) {
    const FunctionDecl *callee = call->getDirectCallee();
    if (!callee) {
      explain(site, "indirect", "the destination is returned by an indirect call: no annotation "
                                "applies");
      return;
    }
    const std::string name = callee->getNameAsString();
    Suggestion s = start(site, "result " + functionKey(callee));
    const std::string subject = "the result of " + name;
    if (callee->hasAttr<AllocSizeAttr>())
      return;  // annotated since the records were written
    const FunctionDecl *definition = callee->getDefinition();
    if (!definition) {
      s.text = subject + ": its definition is not in this translation unit; if it returns an "
                         "allocation the size of one of its parameters, declare it "
                         "__attribute__((alloc_size(N)))";
      findings_.add(std::move(s));
      return;
    }
    std::string sizes, why;
    if (!wrapsAllocator(definition, sizes, why)) {
      s.text = subject + ": no annotation applies (" + name + " " + why + ")";
      findings_.add(std::move(s));
      return;
    }
    s.text = subject + ": __attribute__((alloc_size(" + sizes + "))) on " + name;
    const std::vector<const FunctionDecl *> decls = declarations(callee);
    s.annotates = !decls.empty();
    for (const FunctionDecl *decl : decls)
      s.annotates = insertBefore(s, decl->getBeginLoc(), "FORTIFY_ALLOC_SIZE(" + sizes + ") ") &&
                    s.annotates;
    if (!s.annotates) {
      s.insertions.clear();
      s.text += " [not applied: a declaration is in a macro or a system header]";
    }
    findings_.add(std::move(s));
  }

  // Whether every return of `function` is a null pointer or an allocation
  // whose size is exactly its parameters (`malloc(n)`, `calloc(n, size)`):
  // `sizes` then gets alloc_size's arguments. Anything else (a size that
  // adds to a parameter, a constant factor) would declare a size other
  // than the block's, so it is refused with `why`.
  bool wrapsAllocator(const FunctionDecl *function, std::string &sizes, std::string &why) {
    struct Returns : RecursiveASTVisitor<Returns> {
      std::vector<const ReturnStmt *> all;
      bool VisitReturnStmt(ReturnStmt *r) { all.push_back(r); return true; }
    } returns;
    returns.TraverseStmt(function->getBody());
    if (!function->getReturnType()->isPointerType() || returns.all.empty()) {
      why = "returns no pointer";
      return false;
    }
    std::string agreed;
    for (const ReturnStmt *ret : returns.all) {
      const Expr *value = ret->getRetValue();
      if (!value) {
        why = "has a return without a value";
        return false;
      }
      if (value->isNullPointerConstant(*context_, Expr::NPC_ValueDependentIsNotNull))
        continue;
      const Origin origin = traceOrigin(value, function, *context_);
      const auto args = origin.kind == Origin::CallResult && !origin.moved
                            ? allocatorArgs(origin.call)
                            : std::nullopt;
      if (!args) {
        why = "does not return what malloc, calloc or realloc return";
        return false;
      }
      std::string these;
      for (int arg : {args->count, args->size}) {
        if (arg == -1)
          continue;
        const ParmVarDecl *param =
            unsigned(arg) < origin.call->getNumArgs() ? paramOf(origin.call->getArg(arg)) : nullptr;
        const VarUses uses = param ? usesOf(param, function) : VarUses();
        if (!param || param->getDeclContext() != function || !isIntegerParam(param) ||
            !uses.sources.empty() || uses.changed) {
          why = "allocates a size that is not one of its parameters";
          return false;
        }
        these += (these.empty() ? "" : ", ") + std::to_string(param->getFunctionScopeIndex() + 1);
      }
      if (!agreed.empty() && agreed != these) {
        why = "allocates sizes from different parameters";
        return false;
      }
      agreed = these;
    }
    if (agreed.empty()) {
      why = "only returns null";
      return false;
    }
    sizes = agreed;
    return true;
  }

  std::vector<Site> sites_;
  std::string directory_;
  Findings &findings_;
  ASTContext *context_ = nullptr;
  std::vector<CallInfo> calls_;
  std::optional<std::set<const FunctionDecl *>> addressTaken_;
};

}  // namespace

void Findings::add(Suggestion suggestion) {
  auto [it, inserted] = suggestions.emplace(suggestion.key, suggestion);
  if (inserted)
    return;
  Suggestion &have = it->second;
  have.siteKeys.insert(suggestion.siteKeys.begin(), suggestion.siteKeys.end());
  if (std::tie(suggestion.site.file, suggestion.site.line) <
      std::tie(have.site.file, have.site.line))
    have.site = suggestion.site;
  have.insertions.insert(suggestion.insertions.begin(), suggestion.insertions.end());
}

std::unique_ptr<clang::ASTConsumer> makeAdvisor(std::vector<Site> sites, std::string directory,
                                                Findings &findings) {
  return std::make_unique<Advisor>(std::move(sites), std::move(directory), findings);
}

}  // namespace fortify::advise
