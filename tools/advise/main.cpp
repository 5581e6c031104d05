// fortify-advise: for each call site the coverage records leave with an
// unknown size because its destination is a parameter, a struct field or a
// function's result, the annotation that would give the plugins its size.
//   fortify-advise [-p BUILD_DIR] [--apply DIR] REPORT...
// Exit status: 0 fine (suggestions or not); 2 an error (bad option,
// unreadable or malformed records, no compilation database, a copy not
// written).
#include "advisor.h"
#include "apply.h"
#include "records.h"

#include "clang/Frontend/FrontendActions.h"
#include "clang/Tooling/CompilationDatabase.h"
#include "clang/Tooling/JSONCompilationDatabase.h"
#include "clang/Tooling/Tooling.h"
#include "llvm/ADT/SmallString.h"
#include "llvm/Support/FileSystem.h"
#include "llvm/Support/Path.h"

#include <algorithm>
#include <iostream>
#include <map>
#include <set>
#include <string>
#include <tuple>
#include <vector>

#ifndef FORTIFY_VERSION
#define FORTIFY_VERSION "unknown"
#endif
#ifndef FORTIFY_CLANG_RESOURCE_DIR
#define FORTIFY_CLANG_RESOURCE_DIR ""
#endif

namespace {

// StringRef's starts_with/ends_with are LLVM 16's (startswith before, gone in
// LLVM 19): the tool builds against every LLVM the plugin does.
bool startsWith(llvm::StringRef text, llvm::StringRef prefix) {
  return text.take_front(prefix.size()) == prefix;
}
bool endsWith(llvm::StringRef text, llvm::StringRef suffix) {
  return text.size() >= suffix.size() && text.take_back(suffix.size()) == suffix;
}

using namespace fortify::advise;
namespace tooling = clang::tooling;

constexpr const char *kUsage = R"(usage: fortify-advise [options] REPORT...

For each call site the fortify plugins' coverage records leave unprotected
(status unknown) because its destination is a parameter, a struct field or
the result of a call, finds the call in the source (through the compilation
database) and prints the annotation that would let the plugins check it:

  FILE:LINE: function CALLER: WHAT: ANNOTATION

access and pass_object_size for a buffer parameter with a size parameter,
counted_by for a flexible array member, alloc_size for an allocator wrapper;
or why none applies. REPORT is a coverage report (-fplugin-arg-fortify-report=)
of either plugin, a directory of them (*.jsonl, *.fortify), or a built file
carrying its records.

options:
  -p DIR          the build directory holding compile_commands.json (default:
                  the current directory or the nearest parent that has one)
  --apply DIR     write copies of the files to annotate into DIR (their paths
                  relative to the build directory), the annotations inserted
                  as macros defined at the top of each copy
  --help, --version

exit status: 0 fine; 2 an error (bad option, unreadable or malformed records,
no compile_commands.json, a copy not written).
)";

int fail(const std::string &message) {
  std::cerr << "fortify-advise: " << message << "\n";
  return 2;
}

struct Settings {
  std::string buildDirectory;
  std::string applyDirectory;
  bool apply = false;
  std::vector<std::string> inputs;
};

// Returns -1 to go on, else the exit status.
int parseArguments(int argc, char **argv, Settings &settings) {
  bool optionsEnded = false;
  for (int i = 1; i < argc; ++i) {
    const std::string argument = argv[i];
    if (optionsEnded || argument.empty() || argument[0] != '-' || argument == "-") {
      settings.inputs.push_back(argument);
      continue;
    }
    if (argument == "--") {
      optionsEnded = true;
      continue;
    }
    if (argument == "--help" || argument == "-h") {
      std::cout << kUsage;
      return 0;
    }
    if (argument == "--version") {
      std::cout << "fortify-advise (fortify-plugins " FORTIFY_VERSION ")\n";
      return 0;
    }
    std::string name = argument, value;
    bool haveValue = false;
    if (argument.rfind("--", 0) == 0 && argument.find('=') != std::string::npos) {
      name = argument.substr(0, argument.find('='));
      value = argument.substr(argument.find('=') + 1);
      haveValue = true;
    } else if (argument.rfind("-p", 0) == 0 && argument.size() > 2) {
      name = "-p";
      value = argument.substr(2);
      haveValue = true;
    }
    if (name != "-p" && name != "--apply")
      return fail("unknown option '" + argument + "' (see --help)");
    if (!haveValue) {
      if (i + 1 >= argc)
        return fail("option '" + name + "' needs a directory");
      value = argv[++i];
    }
    if (value.empty())
      return fail("option '" + name + "' needs a directory");
    if (name == "-p") {
      settings.buildDirectory = value;
    } else {
      settings.apply = true;
      settings.applyDirectory = value;
    }
  }
  if (settings.inputs.empty())
    return fail("no input reports (see --help)");
  return -1;
}

std::string absolute(const std::string &directory, const std::string &path) {
  llvm::SmallString<256> full(path);
  if (!llvm::sys::path::is_absolute(full)) {
    full = directory;
    llvm::sys::path::append(full, path);
  }
  llvm::sys::path::remove_dots(full, true);
  return std::string(full);
}

// compile_commands.json in `directory` (-p), else in the current directory
// or the nearest parent that has one.
std::unique_ptr<tooling::CompilationDatabase> loadDatabase(const Settings &settings,
                                                           std::string &base,
                                                           std::string &error) {
  llvm::SmallString<256> cwd;
  llvm::sys::fs::current_path(cwd);
  std::vector<std::string> tried;
  if (!settings.buildDirectory.empty()) {
    tried.push_back(absolute(std::string(cwd), settings.buildDirectory));
  } else {
    for (llvm::StringRef dir = cwd; !dir.empty(); dir = llvm::sys::path::parent_path(dir))
      tried.push_back(dir.str());
  }
  for (const std::string &dir : tried) {
    llvm::SmallString<256> file(dir);
    llvm::sys::path::append(file, "compile_commands.json");
    if (!llvm::sys::fs::exists(file))
      continue;
    std::string why;
    auto database = tooling::JSONCompilationDatabase::loadFromFile(
        file, why, tooling::JSONCommandLineSyntax::AutoDetect);
    if (!database) {
      error = std::string(file) + ": " + why;
      return nullptr;
    }
    base = dir;
    return database;
  }
  error = settings.buildDirectory.empty()
              ? "no compile_commands.json in " + std::string(cwd) +
                    " or its parents (give the build directory with -p)"
              : "no compile_commands.json in " + settings.buildDirectory;
  return nullptr;
}

// The compile command of a record's translation unit: the same file, taken
// from the command's directory, else the one command whose file ends with
// the record's path.
const tooling::CompileCommand *findCommand(const std::vector<tooling::CompileCommand> &commands,
                                           const std::string &unit) {
  std::vector<const tooling::CompileCommand *> suffixed;
  for (const tooling::CompileCommand &command : commands) {
    const std::string file = absolute(command.Directory, command.Filename);
    if (file == absolute(command.Directory, unit))
      return &command;
    if (!llvm::sys::path::is_absolute(unit) && endsWith(file, "/" + unit))
      suffixed.push_back(&command);
  }
  return suffixed.size() == 1 ? suffixed.front() : nullptr;
}

// The one command a ClangTool run parses.
class OneCommand : public tooling::CompilationDatabase {
public:
  explicit OneCommand(tooling::CompileCommand command) : command_(std::move(command)) {}
  std::vector<tooling::CompileCommand> getCompileCommands(llvm::StringRef) const override {
    return {command_};
  }
  std::vector<std::string> getAllFiles() const override { return {command_.Filename}; }

private:
  tooling::CompileCommand command_;
};

// The build's own compiler flags, less what only a compiler run needs: the
// plugins (Clang would load the GCC plugin), GCC's spec files; warnings off.
tooling::CommandLineArguments adjust(const tooling::CommandLineArguments &arguments,
                                     llvm::StringRef) {
  tooling::CommandLineArguments out;
  bool haveResourceDir = false;
  for (const std::string &argument : arguments) {
    const llvm::StringRef a(argument);
    if (startsWith(a, "-fplugin") || startsWith(a, "-fpass-plugin") || startsWith(a, "-specs=") ||
        startsWith(a, "--specs="))
      continue;
    haveResourceDir = haveResourceDir || startsWith(a, "-resource-dir");
    out.push_back(argument);
  }
  out.push_back("-w");
  out.push_back("-Qunused-arguments");
  if (!haveResourceDir && *FORTIFY_CLANG_RESOURCE_DIR)
    out.push_back("-resource-dir=" FORTIFY_CLANG_RESOURCE_DIR);
  return out;
}

class AdviseAction : public clang::ASTFrontendAction {
public:
  AdviseAction(std::vector<Site> sites, std::string directory, Findings &findings)
      : sites_(std::move(sites)), directory_(std::move(directory)), findings_(findings) {}
  std::unique_ptr<clang::ASTConsumer> CreateASTConsumer(clang::CompilerInstance &,
                                                        llvm::StringRef) override {
    return makeAdvisor(sites_, directory_, findings_);
  }

private:
  std::vector<Site> sites_;
  std::string directory_;
  Findings &findings_;
};

class AdviseFactory : public tooling::FrontendActionFactory {
public:
  AdviseFactory(std::vector<Site> sites, std::string directory, Findings &findings)
      : sites_(std::move(sites)), directory_(std::move(directory)), findings_(findings) {}
  std::unique_ptr<clang::FrontendAction> create() override {
    return std::make_unique<AdviseAction>(sites_, directory_, findings_);
  }

private:
  std::vector<Site> sites_;
  std::string directory_;
  Findings &findings_;
};

// The records worth advising on: unknown writes whose pointer is a
// parameter, loaded from memory, or a call's result; one site each.
std::map<std::string, std::vector<Site>> sitesByUnit(
    const std::vector<fortify::CoverageRecord> &records) {
  std::map<std::string, std::vector<Site>> units;
  std::map<std::string, std::set<std::string>> seen;
  for (const fortify::CoverageRecord &record : records) {
    if (record.status != fortify::SiteStatus::Unknown ||
        record.site.problem != fortify::Problem::Overflow || !record.why)
      continue;
    const fortify::UnknownReason why = *record.why;
    if (why != fortify::UnknownReason::Parameter && why != fortify::UnknownReason::Loaded &&
        why != fortify::UnknownReason::CallResult)
      continue;
    if (record.site.file.empty() || record.site.line == 0)
      continue;
    const std::string key = record.site.file + ":" + std::to_string(record.site.line) + ":" +
                            std::to_string(record.site.column) + ":" + record.site.function;
    if (!seen[record.translationUnit].insert(key).second)
      continue;
    units[record.translationUnit].push_back({record.site.file, record.site.line,
                                             record.site.column, record.site.function,
                                             record.site.caller});
  }
  return units;
}

int run(const Settings &settings) {
  std::vector<std::string> files;
  std::string error;
  if (!fortify::coverage::collectReportFiles(settings.inputs, files, error))
    return fail(error);
  std::vector<fortify::CoverageRecord> records;
  for (const std::string &file : files)
    if (!fortify::coverage::readReportFile(file, records, error))
      return fail(error);
  std::string base;
  std::unique_ptr<tooling::CompilationDatabase> database = loadDatabase(settings, base, error);
  if (!database)
    return fail(error);
  const std::vector<tooling::CompileCommand> commands = database->getAllCompileCommands();

  Findings findings;
  for (auto &[unit, sites] : sitesByUnit(records)) {
    const tooling::CompileCommand *command = findCommand(commands, unit);
    if (!command) {
      std::cerr << "fortify-advise: warning: " << unit << ": not in the compilation database; its "
                << sites.size() << " unknown site(s) are left out\n";
      continue;
    }
    OneCommand one(*command);
    tooling::ClangTool tool(one, {command->Filename});
    tool.appendArgumentsAdjuster(adjust);
    AdviseFactory factory(sites, command->Directory, findings);
    if (tool.run(&factory) != 0) {
      std::cerr << "fortify-advise: warning: " << unit
                << ": Clang could not parse it whole; its sites were looked up in what it "
                   "parsed\n";
    }
  }
  for (const std::string &warning : findings.warnings)
    std::cerr << "fortify-advise: warning: " << warning << "\n";

  std::vector<const Suggestion *> lines;
  for (const auto &[key, suggestion] : findings.suggestions)
    lines.push_back(&suggestion);
  std::sort(lines.begin(), lines.end(), [](const Suggestion *a, const Suggestion *b) {
    return std::tie(a->site.file, a->site.line, a->key) <
           std::tie(b->site.file, b->site.line, b->key);
  });
  std::vector<Insertion> insertions;
  for (const Suggestion *s : lines) {
    std::cout << s->site.file << ":" << s->site.line << ": function " << s->site.caller << ": "
              << s->text;
    if (s->siteKeys.size() > 1)
      std::cout << " [" << s->siteKeys.size() << " sites]";
    std::cout << "\n";
    if (s->annotates)
      insertions.insert(insertions.end(), s->insertions.begin(), s->insertions.end());
  }
  if (settings.apply) {
    std::cout.flush();
    std::vector<std::string> written;
    if (!applyInsertions(insertions, base, settings.applyDirectory, written, error))
      return fail(error);
    for (const std::string &file : written)
      std::cerr << "fortify-advise: wrote " << file << "\n";
  }
  return 0;
}

}  // namespace

int main(int argc, char **argv) {
  Settings settings;
  const int status = parseArguments(argc, argv, settings);
  if (status >= 0)
    return status;
  return run(settings);
}
