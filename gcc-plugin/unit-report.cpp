// What the plugin leaves behind for a translation unit: the note section in
// the object file (so that a tool can tell a binary was built with the
// plugin) and, with -fplugin-arg-fortify-report=PATH, one coverage record
// per call-site check.
#include "libc-wrappers.h"
#include "passes.h"
#include "site-registry.h"

#include <string>
#include <vector>

namespace fortify_gcc {
namespace {

const fortify::Options *gOptions;

std::string compilerName() { return std::string("gcc ") + gcc_version.basever; }

unsigned gFunctionsFinishedBeforeLinkTime;
bool gNoteEmitted;

// The note as assembly, self-contained (push/pop of the section), so that
// it can go into the assembly file or into a top-level asm statement.
fortify::UnitSummary summary() {
  return fortify::summarizeUnit(siteTable(), compilerName(),
                                sourceFileName(main_input_filename), *gOptions,
                                libcFortifyLevel());
}

std::string noteAssembly() {
  std::string bytes = fortify::noteBytes(
      fortify::notePayload(FORTIFY_VERSION, compilerName(), *gOptions, summary().counts));
  std::string text = "\t.pushsection " + std::string(fortify::kNoteSectionName) +
                     ",\"a\",@note\n\t.balign 4";
  for (size_t i = 0; i < bytes.size(); ++i)
    text += (i % 16 == 0 ? "\n\t.byte " : ",") + std::to_string((unsigned char)bytes[i]);
  return text + "\n\t.popsection\n";
}

// Without LTO the note goes straight into the assembly at the end.
void emitNoteSection(void *, void *) {
  if (!asm_out_file || in_lto_p || writesLinkTimeIr() || seen_error() || gNoteEmitted)
    return;
  gNoteEmitted = true;
  fputs(noteAssembly().c_str(), asm_out_file);
}

// With LTO the object file handed to the linker is rebuilt from the IR, so
// the note travels inside it as a top-level asm statement, added once every
// function has been through the early passes (where, in this mode, the
// statuses are settled) and before the IR is written.
void emitNoteIntoLinkTimeIr(void *, void *) {
  if (in_lto_p || !writesLinkTimeIr() || gNoteEmitted || gFunctionsFinishedBeforeLinkTime == 0 ||
      seen_error())
    return;
  gNoteEmitted = true;
  std::string text = noteAssembly();
  symtab->finalize_toplevel_asm(build_string(text.size(), text.c_str()));
}

void writeCoverageRecords(void *, void *) {
  if (gOptions->reportPath.empty() || in_lto_p || seen_error())
    return;
  std::string error;
  if (!fortify::appendCoverageRecords(gOptions->reportPath, summary().records, error))
    ::error("%s", error.c_str());
}

}  // namespace

void noteFunctionFinishedBeforeLinkTime() { ++gFunctionsFinishedBeforeLinkTime; }

void registerUnitReport(const char *pluginName, const fortify::Options &options) {
  gOptions = &options;
  register_callback(pluginName, PLUGIN_FINISH_UNIT, emitNoteSection, nullptr);
  register_callback(pluginName, PLUGIN_EARLY_GIMPLE_PASSES_END, emitNoteIntoLinkTimeIr, nullptr);
  register_callback(pluginName, PLUGIN_FINISH_UNIT, writeCoverageRecords, nullptr);
}

}  // namespace fortify_gcc
