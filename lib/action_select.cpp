#include "lib/action_select.hpp"

#include <fmt/format.h>

namespace tlatv {

std::string next_relation_name(const Model& model) {
    if (model.config) {
        if (model.config->next) return model.config->next->name;
        if (model.config->specification) {
            try {
                auto formula = eval::spec_formula(*model.spec, model.config->specification->name);
                if (!formula.next.name.empty() && formula.next.name != eval::kUnnamedAction)
                    return formula.next.name;
            } catch (const eval::EvalError&) {
                // Not of the form Init /\ [][Next]_v: fall back to the conventional name.
            }
        }
    }
    return "Next";
}

std::vector<eval::Action> select_actions(eval::EvalContext& ctx, const Model& model,
                                         std::string_view name) {
    const auto& spec = *model.spec;
    auto index = spec.find_definition(name);
    if (!index)
        throw eval::EvalError(
            fmt::format("{} is not a definition of module {}", name, spec.root_module()));
    if (spec.definition(*index).arity() == 0)
        return eval::split_actions(ctx, eval::definition_action(spec, name));

    const std::string next = next_relation_name(model);
    std::vector<eval::Action> selected;
    for (auto& action : eval::split_actions(ctx, eval::definition_action(spec, next)))
        if (action.name == name) selected.push_back(std::move(action));
    if (selected.empty())
        throw eval::EvalError(
            fmt::format("{} takes parameters, and {} has no action {}(...) to take them from", name,
                        next, name));
    return selected;
}

} // namespace tlatv
