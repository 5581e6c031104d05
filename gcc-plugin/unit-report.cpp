// What the plugin leaves behind for a translation unit: the note section in
// the object file (so that a tool can tell a binary was built with the
// plugin), one coverage record per call-site check in the object's records
// section and, with -fplugin-arg-fortify-report=PATH, in that file too.
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
  siteTable().settleSharedQueries();
  return fortify::summarizeUnit(siteTable(), compilerName(),
                                sourceFileName(main_input_filename), *gOptions,
                                libcFortifyLevel());
}

// The note, non-allocated: nothing reads it at run time, so it takes no
// memory in the process (docs/COVERAGE.md), and the records beside it.
std::string noteAssembly() {
  fortify::UnitSummary unit = summary();
  std::string text = fortify::sectionAssembly(
      fortify::kNoteSectionName, "", "note", 4,
      fortify::noteBytes(
          fortify::notePayload(FORTIFY_VERSION, compilerName(), *gOptions, unit.counts)));
  return text + fortify::sectionAssembly(fortify::kRecordsSectionName, "", "progbits", 1,
                                         fortify::recordsText(unit.records));
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
