#include "apply.h"

#include "clang/Tooling/Core/Replacement.h"
#include "llvm/ADT/SmallString.h"
#include "llvm/Support/Error.h"
#include "llvm/Support/FileSystem.h"
#include "llvm/Support/MemoryBuffer.h"
#include "llvm/Support/Path.h"
#include "llvm/Support/raw_ostream.h"

#include <map>

namespace fortify::advise {

// Each annotation is empty where the compiler lacks it (GCC 12 warns about
// pass_object_size and counted_by, Clang 19 about access); counted_by is
// left out of C++, where both compilers ignore it. The __x__ spellings are
// immune to a program's own macros.
std::string annotationMacros() {
  return R"(/* fortify-advise: size annotations for the fortify plugins (docs/USAGE.md),
   empty where the compiler does not have them. */
#ifndef FORTIFY_ADVISE_ANNOTATIONS
#define FORTIFY_ADVISE_ANNOTATIONS
#ifdef __has_attribute
#define FORTIFY_HAS_ATTRIBUTE_(x) __has_attribute(x)
#else
#define FORTIFY_HAS_ATTRIBUTE_(x) 0
#endif
#if FORTIFY_HAS_ATTRIBUTE_(__access__) && !defined(__clang__)
#define FORTIFY_ACCESS(mode, pointer, size) __attribute__((__access__(mode, pointer, size)))
#else
#define FORTIFY_ACCESS(mode, pointer, size)
#endif
#if FORTIFY_HAS_ATTRIBUTE_(__pass_object_size__)
#define FORTIFY_PASS_OBJECT_SIZE(type) __attribute__((__pass_object_size__(type)))
#else
#define FORTIFY_PASS_OBJECT_SIZE(type)
#endif
#if FORTIFY_HAS_ATTRIBUTE_(__counted_by__) && !defined(__cplusplus)
#define FORTIFY_COUNTED_BY(field) __attribute__((__counted_by__(field)))
#else
#define FORTIFY_COUNTED_BY(field)
#endif
#if FORTIFY_HAS_ATTRIBUTE_(__alloc_size__)
#define FORTIFY_ALLOC_SIZE(...) __attribute__((__alloc_size__(__VA_ARGS__)))
#else
#define FORTIFY_ALLOC_SIZE(...)
#endif
#endif
)";
}

namespace {

std::string outputPath(const std::string &file, const std::string &base,
                       const std::string &outputDirectory) {
  llvm::SmallString<256> out(outputDirectory);
  llvm::StringRef rest(file);
  llvm::SmallString<256> prefix(base);
  llvm::sys::path::append(prefix, "");  // ends with the separator
  if (rest.consume_front(prefix.str()))
    llvm::sys::path::append(out, rest);
  else
    llvm::sys::path::append(out, llvm::sys::path::relative_path(file));
  return std::string(out);
}

}  // namespace

bool applyInsertions(const std::vector<Insertion> &insertions, const std::string &base,
                     const std::string &outputDirectory, std::vector<std::string> &written,
                     std::string &error) {
  // Insertions at one offset become one replacement (tooling::Replacements
  // refuses two insertions at the same place), in a fixed order.
  std::map<std::string, std::map<unsigned, std::string>> byFile;
  for (const Insertion &insertion : insertions)
    byFile[insertion.file][insertion.offset] += insertion.text;
  for (auto &[file, texts] : byFile) {
    auto buffer = llvm::MemoryBuffer::getFile(file);
    if (!buffer) {
      error = file + ": cannot read: " + buffer.getError().message();
      return false;
    }
    texts[0] = annotationMacros() + texts[0];
    clang::tooling::Replacements replacements;
    for (const auto &[offset, text] : texts)
      if (llvm::Error e = replacements.add(clang::tooling::Replacement(file, offset, 0, text))) {
        error = file + ": " + llvm::toString(std::move(e));
        return false;
      }
    llvm::Expected<std::string> code =
        clang::tooling::applyAllReplacements((*buffer)->getBuffer(), replacements);
    if (!code) {
      error = file + ": " + llvm::toString(code.takeError());
      return false;
    }
    const std::string out = outputPath(file, base, outputDirectory);
    if (std::error_code ec = llvm::sys::fs::create_directories(llvm::sys::path::parent_path(out))) {
      error = out + ": cannot create its directory: " + ec.message();
      return false;
    }
    std::error_code ec;
    llvm::raw_fd_ostream stream(out, ec);
    if (!ec) {
      stream << *code;
      stream.close();
      ec = stream.error();
    }
    if (ec) {
      error = out + ": cannot write: " + ec.message();
      return false;
    }
    written.push_back(out);
  }
  return true;
}

}  // namespace fortify::advise
