// What the plugin leaves behind for a translation unit: the note section in
// the object file (so that a tool can tell a binary was built with the
// plugin) and, with -fplugin-arg-fortify-report=PATH, one coverage record
// per call-site check.
#include "passes.h"
#include "site-registry.h"

#include <string>
#include <vector>

namespace fortify_gcc {
namespace {

const fortify::Options *gOptions;

std::string compilerName() { return std::string("gcc ") + gcc_version.basever; }

// The note goes straight into the assembly: the object file carries it
// whatever GCC does with its own sections.
void emitNoteSection(void *, void *) {
  if (!asm_out_file || in_lto_p || seen_error())
    return;
  fortify::StatusCounts counts;
  forEachSite([&](const SiteState &site) { counts.add(site.status()); });
  std::string bytes = fortify::noteBytes(
      fortify::notePayload(FORTIFY_VERSION, compilerName(), *gOptions, counts));
  fprintf(asm_out_file, "\t.pushsection %s,\"a\",@note\n\t.balign 4\n",
          std::string(fortify::kNoteSectionName).c_str());
  for (size_t i = 0; i < bytes.size(); ++i)
    fprintf(asm_out_file, "%s%u", i % 16 == 0 ? "\n\t.byte " : ",", unsigned((unsigned char)bytes[i]));
  fprintf(asm_out_file, "\n\t.popsection\n");
}

void writeCoverageRecords(void *, void *) {
  if (gOptions->reportPath.empty() || in_lto_p || seen_error())
    return;
  std::vector<fortify::CoverageRecord> records;
  forEachSite([&](const SiteState &site) {
    fortify::CoverageRecord record;
    record.compiler = compilerName();
    record.translationUnit = main_input_filename ? main_input_filename : "";
    record.site = site.descriptor;
    record.status = site.status();
    record.level = gOptions->level;
    records.push_back(record);
  });
  std::string error;
  if (!fortify::appendCoverageRecords(gOptions->reportPath, records, error))
    ::error("%s", error.c_str());
}

}  // namespace

void registerUnitReport(const char *pluginName, const fortify::Options &options) {
  gOptions = &options;
  register_callback(pluginName, PLUGIN_FINISH_UNIT, emitNoteSection, nullptr);
  register_callback(pluginName, PLUGIN_FINISH_UNIT, writeCoverageRecords, nullptr);
}

}  // namespace fortify_gcc
