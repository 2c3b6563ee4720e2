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
    auto next = [&] { return eval::definition_action(spec, next_relation_name(model)); };
    // A label such as Request("c1") names pieces of the next-state relation.
    if (name.find('(') != std::string_view::npos) return eval::select_actions(ctx, next(), name);
    auto index = spec.find_definition(name);
    if (!index)
        throw eval::EvalError(
            fmt::format("{} is not a definition of module {}", name, spec.root_module()));
    if (spec.definition(*index).arity() == 0)
        return eval::split_actions(ctx, eval::definition_action(spec, name));
    return eval::select_actions(ctx, next(), name);
}

} // namespace tlatv
