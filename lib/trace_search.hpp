// Internals of the trace search shared by its files (not a public header).
#pragma once

#include "evaluator/action.hpp"
#include "lib/trace.hpp"
#include "lib/trace_acceptance.hpp"

#include <memory>
#include <string>
#include <vector>

namespace tlatv::trace_detail {

// What the configuration asks of the search, resolved once.
struct SearchPlan {
    eval::Action init;
    eval::Action next;
    std::string view;                            // empty: states are compared whole
    std::vector<std::string> constraints;        // CONSTRAINT
    std::vector<std::string> action_constraints; // ACTION_CONSTRAINT
    Acceptance acceptance;
};

// An evaluation context as the trace spec needs it: IOEnv and file access.
std::unique_ptr<eval::EvalContext> make_context(const Model& model, const TraceOptions& options);

// Why each action of the Next yields no successor of `state` (at level `level`) that the
// constraints keep.
std::vector<ActionDiagnosis> diagnose(eval::EvalContext& ctx, const SearchPlan& plan,
                                      const eval::State& state, std::int64_t level,
                                      const eval::EnumerationLimits& limits);

} // namespace tlatv::trace_detail
