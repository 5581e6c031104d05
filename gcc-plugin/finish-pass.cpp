// After optimisation: what is left of each check decides its call site's
// status (a check that survives with constant sizes that do not fit always
// fails: diagnosed here, once per site), and the failure markers become the
// mode's code — a trap, or one line on stderr and abort().
//
// Markers stay opaque calls until here so that the sizes they carry survive
// optimisation; the trap that replaces them behaves the same way for the
// optimisers (noreturn, cold, leaf).
#include "check-markers.h"
#include "chk-calls.h"
#include "libc-wrappers.h"
#include "messages.h"
#include "passes.h"
#include "usable-sizes.h"
#include "sequence-builder.h"
#include "unknown-reasons.h"

#include <optional>
#include <string>

namespace fortify_gcc {
namespace {

const pass_data kFinishPassData = {
    GIMPLE_PASS,
    "fortify_finish",
    OPTGROUP_NONE,
    TV_NONE,
    PROP_cfg | PROP_ssa,
    0,
    0,
    0,
    0,
};

bool isConstant(tree value) { return TREE_CODE(value) == INTEGER_CST; }

bool sameLocation(location_t a, location_t b) {
  return LOCATION_LOCUS(a) == LOCATION_LOCUS(b) && LOCATION_BLOCK(a) == LOCATION_BLOCK(b);
}

// Whether the marker is still entered through a condition of its own check
// (which carries the call's location, as every statement of the check). A
// marker whose arguments are constants is not enough to call the check
// failed: on the failure path the optimisers substitute the values the
// path condition implies (`if (size < len + 1)` with size in {2, 3} and len
// in {1, 2} leaves `__fortify_fail (site, 3, 2)` behind a run-time test).
// Only when that test itself folded is the failure certain once reached.
bool guardedByItsCheck(gcall *marker) {
  basic_block block = gimple_bb(marker);
  location_t where = gimple_location(marker);
  edge incoming;
  edge_iterator it;
  FOR_EACH_EDGE(incoming, it, block->preds) {
    // A GIMPLE_COND, or one GCC made of them: the %n scanner's chain of
    // comparisons becomes a switch and then bit tests, whose conditions
    // have no location. Those may be the check's own, so they count as
    // such: a missed diagnostic is better than a wrong one.
    gimple *control = lastStatement(incoming->src);
    if (!control || !(is_a<gcond *>(control) || is_a<gswitch *>(control)))
      continue;
    location_t location = gimple_location(control);
    if (LOCATION_LOCUS(location) == UNKNOWN_LOCATION || sameLocation(location, where))
      return true;
  }
  return false;
}

// Whether the call survives on a path that does not end in this failure:
// jump threading copies a check into the paths of the program's own
// branches (`n = b ? 2 : 4; memcpy(buf3, s, n)`), and the copy on one path
// may fold to "fails" while the call still runs, fitting, on the other. The
// call then does not always overflow. A statement that keeps the call's
// location (the call, or the move GCC made of it) in a block that does not
// dominate the failure is such a path; the copies that do dominate it (the
// earlier iterations of an unrolled loop) are on the way to the failure.
bool callSurvivesElsewhere(function *fun, gcall *marker) {
  basic_block failure = gimple_bb(marker);
  location_t where = gimple_location(marker);
  if (!dom_info_available_p(fun, CDI_DOMINATORS))
    calculate_dominance_info(CDI_DOMINATORS);
  basic_block block;
  FOR_EACH_BB_FN(block, fun) {
    if (block == failure || dominated_by_p(CDI_DOMINATORS, failure, block))
      continue;
    for (gimple_stmt_iterator gsi = gsi_start_bb(block); !gsi_end_p(gsi); gsi_next(&gsi)) {
      gimple *stmt = gsi_stmt(gsi);
      if (is_gimple_debug(stmt) || !sameLocation(gimple_location(stmt), where))
        continue;
      // The check's own statements carry the location too.
      if (is_a<gcond *>(stmt) || is_a<gswitch *>(stmt) || is_a<glabel *>(stmt))
        continue;
      tree result = gimple_get_lhs(stmt);
      if (result && TREE_CODE(result) == SSA_NAME && isCheckTemporary(result))
        continue;
      gcall *call = dyn_cast<gcall *>(stmt);
      if (call && (markerDescriptor(call).size() > 0 || isSizeQuery(call)))
        continue;
      return true;
    }
  }
  return false;
}

fortify::SiteStatus statusOf(const CheckMarker &marker, bool beforeLinkTime) {
  fortify::MarkerFacts facts;
  facts.problem = marker.site->descriptor.problem;
  tree needed = marker.needed(), available = marker.available();
  facts.sizeUnknown =
      isUnknownSize(available) || (beforeLinkTime && isUnfoldedSizeQuery(available));
  facts.guardedByItsCheck = [&] { return guardedByItsCheck(marker.call); };
  facts.callSurvivesElsewhere = [&] { return callSurvivesElsewhere(cfun, marker.call); };
  auto constant = [](tree value) -> std::optional<uint64_t> {
    if (isConstant(value) && tree_fits_uhwi_p(value))
      return tree_to_uhwi(value);
    return std::nullopt;
  };
  facts.needed = constant(needed);
  facts.available = constant(available);
  return fortify::markerStatus(facts);
}

// GCC's own switches for the same findings, so that -Wno-stringop-overflow
// and -Wno-error=stringop-overflow work as a -Werror project expects.
int warningOption(fortify::Problem problem) {
  switch (problem) {
  case fortify::Problem::Overflow:
    return OPT_Wstringop_overflow_;
  case fortify::Problem::OverRead:
    return OPT_Wstringop_overread;
  case fortify::Problem::OpenWithoutMode:
  case fortify::Problem::FormatN:
    break;
  }
  return 0;
}

void diagnose(const CheckMarker &marker, const fortify::Options &options) {
  fortify::SiteFacts &site = *marker.site;
  if (site.diagnosed)
    return;
  site.diagnosed = true;
  auto value = [](tree number) { return isConstant(number) ? tree_to_uhwi(number) : 0; };
  std::string message = fortify::provenProblemMessage(site.descriptor, value(marker.needed()),
                                                      value(marker.available()));
  diagnoseAt(marker.call, options.werror, warningOption(site.descriptor.problem), message.c_str());
}

// The code a failure marker stands for, in place of it.
void lower(CheckMarker &marker, const fortify::Options &options) {
  location_t location = gimple_location(marker.call);
  gimple_seq replacement = nullptr;
  tree abortDecl = builtin_decl_explicit(BUILT_IN_ABORT);
  // A translation unit that defines its own `write` (a static helper, or
  // libc itself) would have abort mode call that instead: trap there.
  if (fortify::failsWithMessage(options) && marker.site && abortDecl &&
      !translationUnitDefines("write")) {
    std::string message = fortify::abortMessage(marker.site->descriptor);
    tree text = build_string_literal(message.size() + 1, message.c_str());
    gimple_seq_add_stmt(&replacement,
                        gimple_build_call(libraryDecl(LibraryFunction::Write), 3,
                                          build_int_cst(integer_type_node, 2), text,
                                          build_int_cst(size_type_node, message.size())));
    gimple_seq_add_stmt(&replacement, gimple_build_call(abortDecl, 0));
  } else {
    gimple_seq_add_stmt(&replacement, gimple_build_call(builtin_decl_explicit(BUILT_IN_TRAP), 0));
  }
  for (gimple_stmt_iterator i = gsi_start(replacement); !gsi_end_p(i); gsi_next(&i))
    gimple_set_location(gsi_stmt(i), location);
  gimple *last = gimple_seq_last_stmt(replacement);
  gsi_insert_seq_before(&marker.position, replacement, GSI_SAME_STMT);
  unlink_stmt_vdef(marker.call);
  gsi_remove(&marker.position, true);
  release_defs(marker.call);
  marker.position = gsi_for_stmt(last);
}

class FinishPass : public gimple_opt_pass {
public:
  FinishPass(gcc::context *context, const fortify::Options &options, bool beforeLinkTime)
      : gimple_opt_pass(kFinishPassData, context), options_(options),
        beforeLinkTime_(beforeLinkTime) {}

  // With -flto the IR is written out before the late passes: the markers
  // are lowered before that (in early_local_passes), so that a link without
  // the plugin still works, and the final instance has nothing left to do.
  bool gate(function *) override { return beforeLinkTime_ == writesLinkTimeIr(); }

  unsigned int execute(function *fun) override { return finishChecks(fun, options_, beforeLinkTime_); }

private:
  const fortify::Options &options_;
  bool beforeLinkTime_;
};

}  // namespace

bool writesLinkTimeIr() { return flag_generate_lto || flag_generate_offload; }

unsigned int finishChecks(function *fun, const fortify::Options &options, bool beforeLinkTime) {
  if (beforeLinkTime) {
    noteFunctionFinishedBeforeLinkTime();
    // The link-time objsz pass must see dynamic queries, and no size of a
    // block whose usable size is asked: the plugin need not be loaded there.
    forgetUsableSizes(fun);
    guardNullChoices(fun);
    if (fortify::usesDynamicSizes(options))
      switchToDynamicSizes(fun);
    observeLibcSizes(fun);
    observeCallerSizes(fun, true);
  }
  observeLibcChecks(fun);
  bool lowered = finishChkCalls(fun, options, beforeLinkTime);
  forEachCheckMarker(fun, [&](CheckMarker &marker) {
    if (marker.site) {
      fortify::SiteStatus status = statusOf(marker, beforeLinkTime);
      marker.site->observeCheck(status);
      if (status == fortify::SiteStatus::Unknown)
        if (auto why = reasonOfMarker(marker.call))
          marker.site->noteUnknownReason(*why);
      if (status == fortify::SiteStatus::Overflow)
        diagnose(marker, options);
    }
    if (!marker.returns) {
      lower(marker, options);
      lowered = true;
    }
  });
  if (!lowered)
    return 0;
  cgraph_edge::rebuild_edges();
  mark_virtual_operands_for_renaming(fun);
  return TODO_update_ssa_only_virtuals;
}

opt_pass *makeFinishPass(gcc::context *context, const fortify::Options &options,
                         bool beforeLinkTime) {
  return new FinishPass(context, options, beforeLinkTime);
}

}  // namespace fortify_gcc
