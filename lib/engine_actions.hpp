// Which instances of a spec action a window's candidate stands for.
//
// A candidate names an operator of the spec. Its arguments come from the mapping (a value, or
// each element of a range), or, without a mapping, from the window's own arguments matched to the
// operator's parameters by name (or by position for positional `args`). When every argument is
// known the instances are the operator applied to them; when some are not, they are the
// instances of the operator in the next-state relation (as TLC splits it) that agree with the
// known ones, so `\E t \in Threads : AcquireLock(t)` tries every thread.
#pragma once

#include "evaluator/action.hpp"
#include "lib/action_select.hpp"
#include "lib/mapping_apply.hpp"
#include "lib/model.hpp"

#include <map>
#include <memory>
#include <mutex>
#include <string>
#include <string_view>
#include <vector>

namespace tlatv::engine {

class ActionCatalog {
public:
    // `next` names the next-state relation (split on first use).
    ActionCatalog(const Model& model, std::string next);

    // The instances of `candidate` for `window`. Throws eval::EvalError (with a message for the
    // user) when the action is unknown or its arguments cannot be found. Thread-safe.
    std::vector<eval::Action> instances(eval::EvalContext& ctx, const lib::SpecAction& candidate,
                                        const lib::Window& window) const;

    // The parameter names of the operator `name` as written in the spec (empty if none).
    const std::vector<std::string>& parameter_names(std::string_view name) const;

private:
    const std::vector<eval::Action>& next_instances(eval::EvalContext& ctx) const;

    const Model& model_;
    std::string next_;
    std::map<std::string, std::vector<std::string>, std::less<>> parameters_;
    mutable std::once_flag split_once_;
    mutable std::shared_ptr<const std::vector<eval::Action>> next_split_;
    mutable std::string next_error_;
};

} // namespace tlatv::engine
