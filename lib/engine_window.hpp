// Checking one window in the spec's terms: the verdict, the diagnostic of a failure, the outcomes
// the spec allows from a fully known pre-state, and the pre-state features used for clusters.
// One WindowChecker per worker thread: it owns that thread's EvalContext.
#pragma once

#include "evaluator/eval.hpp"
#include "lib/engine.hpp"
#include "lib/engine_actions.hpp"
#include "lib/mapping_apply.hpp"

#include <map>
#include <memory>
#include <mutex>
#include <string>
#include <vector>

namespace tlatv::engine {

// Source text of the spec's files, read once and shared by the workers (for diagnostics).
class SourceCache {
public:
    // The text of `file`, or empty when it cannot be read. Thread-safe.
    std::shared_ptr<const std::string> text(const std::string& file) const;

private:
    mutable std::mutex mutex_;
    mutable std::map<std::string, std::shared_ptr<const std::string>> files_;
};

// What a worker gives back for one window: the public verdict and what the merge step needs to
// group windows by pre-state.
struct CheckedWindow {
    WindowVerdict verdict;
    std::string group_key;           // action instance labels + pre-state; empty: not grouped
    lib::State group_pre;            // the pre-state, for the report
    lib::State observed;             // the post-state on the variables the window fixes
    std::vector<lib::State> allowed; // outcomes the spec allows (capped)
    bool observed_allowed = false;   // the observed outcome is among them
};

struct CheckSettings {
    const ValidateOptions* options = nullptr;
    const ActionCatalog* catalog = nullptr;
    const SourceCache* sources = nullptr;
    std::vector<std::uint32_t> invariants; // definitions of the spec
    std::size_t max_allowed = 64;          // outcomes kept per window for grouping
};

class WindowChecker {
public:
    WindowChecker(std::shared_ptr<const eval::CompiledSpec> spec, const CheckSettings& settings);

    CheckedWindow check(const lib::Window& window, const lib::SpecWindow& mapped);

private:
    void analyse_outcomes(const std::vector<eval::Action>& actions, const eval::State& pre,
                          const eval::PartialState& post, const lib::StepConditions* conditions,
                          CheckedWindow& out);
    FailureDiagnostic describe(const eval::CheckResult& result, const eval::PartialState& post);
    std::vector<std::string> features(const lib::SpecWindow& mapped, const lib::Window& window,
                                      const std::vector<eval::Action>& actions) const;

    eval::EvalContext ctx_;
    CheckSettings settings_;
};

} // namespace tlatv::engine
