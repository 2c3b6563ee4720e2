// Checking one window (pre-state, post-state) against actions: does some completion of the
// window satisfy one of them? The post variables the window fixes are bound before the walk, so
// `x' \in S` only tests membership; the others are enumerated by the same walk as successors.
#pragma once

#include "evaluator/action.hpp"
#include "tlatv/diagnostic.hpp"

#include <cstdint>
#include <functional>
#include <optional>
#include <span>
#include <string>
#include <vector>

namespace tlatv::eval {

struct CheckOptions {
    // For each pre-state variable the window does not give: the values to try (a set; a set of
    // one element acts as a default). Indexed by variable; may be shorter than the state.
    std::vector<std::optional<Value>> pre_domains;
    EnumerationLimits limits;
    // On failure, walk again to find the false conjunct and the closest successor.
    bool diagnose = true;
    // When set, a completion that matches the post-state counts only if this holds of it (a
    // mapping's checks on what the window does not fix). It may throw EvalError (an error).
    std::function<bool(const State& pre, const State& next)> accept;
};

enum class Verdict : std::uint8_t { Pass, Fail, Error };

// The successor of the pre-state that differs from the observed post-state in fewest variables.
struct ClosestSuccessor {
    std::string action; // its action's label
    State state;
    std::vector<std::uint32_t> differing; // variables whose value differs from the window's
};

struct CheckResult {
    Verdict verdict = Verdict::Fail;
    std::optional<Diagnostic> error;        // Verdict::Error: what went wrong, where
    std::vector<std::string> unknown_pre;   // pre variables the window did not give
    std::vector<std::string> unconstrained; // post variables the window did not give
    std::optional<std::string> passed_by;   // Pass: the label of the action that held
    std::optional<State> pre, post;         // Pass: the completion that satisfied it
    // Verdict::Fail with CheckOptions::diagnose:
    bool enabled = false; // some action had a successor from the pre-state
    std::optional<FalseConjunct> false_conjunct;
    std::optional<ClosestSuccessor> closest;
};

// Checks the window against `actions` (passes when one of them holds). `pre` and `post` have one
// entry per variable; unknown entries are std::nullopt. Never throws on bad input or evaluation
// errors: they give Verdict::Error.
CheckResult check_window(EvalContext& ctx, std::span<const Action> actions, const PartialState& pre,
                         const PartialState& post, const CheckOptions& options = {});

} // namespace tlatv::eval
