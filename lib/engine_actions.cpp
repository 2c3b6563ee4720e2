#include "lib/engine_actions.hpp"

#include <fmt/format.h>

#include <algorithm>

namespace tlatv::engine {

namespace {

using eval::Value;

// Operator definitions as written, root module last so that its names win.
std::map<std::string, std::vector<std::string>, std::less<>>
written_parameters(const Model& model) {
    std::map<std::string, std::vector<std::string>, std::less<>> out;
    auto add_module = [&](const ast::Module& module) {
        for (const ast::Unit& unit : module.units)
            if (const auto* def = std::get_if<ast::OperatorDef>(&unit.node)) {
                std::vector<std::string> names;
                for (const ast::Param& p : def->params)
                    names.push_back(p.name);
                out[def->name] = std::move(names);
            }
    };
    for (const std::string& name : model.modules.load_order)
        if (auto it = model.modules.modules.find(name);
            it != model.modules.modules.end() && name != model.modules.root)
            add_module(it->second.module);
    if (auto it = model.modules.modules.find(model.modules.root); it != model.modules.modules.end())
        add_module(it->second.module);
    return out;
}

// Calls fn(args) for every combination of choices.
template <typename Fn>
void for_each_combination(const std::vector<std::vector<Value>>& choices, std::vector<Value>& args,
                          std::size_t i, Fn&& fn) {
    if (i == choices.size()) {
        fn(args);
        return;
    }
    for (const Value& v : choices[i]) {
        args[i] = v;
        for_each_combination(choices, args, i + 1, fn);
    }
}

std::string join(const std::vector<std::string>& names) {
    std::string out;
    for (const auto& n : names)
        out += (out.empty() ? "" : ", ") + n;
    return out;
}

} // namespace

ActionCatalog::ActionCatalog(const Model& model, std::string next)
    : model_(model)
    , next_(std::move(next))
    , parameters_(written_parameters(model)) {}

const std::vector<std::string>& ActionCatalog::parameter_names(std::string_view name) const {
    static const std::vector<std::string> none;
    auto it = parameters_.find(name);
    return it == parameters_.end() ? none : it->second;
}

const std::vector<eval::Action>& ActionCatalog::next_instances(eval::EvalContext& ctx) const {
    // Split once, by whichever worker comes first; the others wait for it, then read freely.
    std::call_once(split_once_, [&] {
        try {
            next_split_ = std::make_shared<const std::vector<eval::Action>>(
                eval::split_actions(ctx, eval::definition_action(*model_.spec, next_)));
        } catch (const eval::EvalError& error) {
            next_error_ = error.what();
        }
    });
    if (!next_split_)
        throw eval::EvalError(fmt::format(
            "the next-state relation {} cannot be split into actions: {}", next_, next_error_));
    return *next_split_;
}

std::vector<eval::Action> ActionCatalog::instances(eval::EvalContext& ctx,
                                                   const lib::SpecAction& candidate,
                                                   const lib::Window& window) const {
    const eval::CompiledSpec& spec = *model_.spec;
    const std::string& name = candidate.action;
    const auto index = spec.find_definition(name);
    if (!index)
        throw eval::EvalError(
            fmt::format("{} is not a definition of module {}", name, spec.root_module()));
    const std::size_t arity = spec.definition(*index).arity();
    if (arity == 0) return {eval::definition_action(spec, name)};

    const std::vector<std::string>& names = parameter_names(name);
    std::vector<std::optional<std::vector<Value>>> choices(arity);
    if (!candidate.parameters.empty()) {
        for (const lib::BoundParameter& bound : candidate.parameters) {
            auto at = std::find(names.begin(), names.end(), bound.name);
            if (at == names.end())
                throw eval::EvalError(fmt::format("{} has no parameter {} (its parameters: {})",
                                                  name, bound.name, join(names)));
            auto& slot = choices[static_cast<std::size_t>(at - names.begin())];
            if (bound.kind == lib::BoundParameter::Kind::Value) {
                slot = std::vector<Value>{bound.value};
            } else {
                if (!bound.value.is_finite_set())
                    throw eval::EvalError(fmt::format("the range of parameter {} of {} is not a "
                                                      "finite set",
                                                      bound.name, name));
                auto elements = bound.value.enumerate();
                slot = std::vector<Value>(elements.begin(), elements.end());
            }
        }
    } else {
        for (std::size_t i = 0; i < arity && i < names.size(); ++i)
            if (const Value* v = window.parameter(names[i])) choices[i] = std::vector<Value>{*v};
        std::vector<const Value*> positional;
        for (const lib::Parameter& p : window.parameters)
            if (p.name.empty()) positional.push_back(&p.value);
        if (positional.size() == arity)
            for (std::size_t i = 0; i < arity; ++i)
                choices[i] = std::vector<Value>{*positional[i]};
    }

    std::vector<eval::Action> out;
    if (std::all_of(choices.begin(), choices.end(), [](const auto& c) { return c.has_value(); })) {
        std::vector<std::vector<Value>> lists;
        for (auto& c : choices)
            lists.push_back(*c);
        std::vector<Value> args(arity);
        for_each_combination(lists, args, 0, [&](const std::vector<Value>& a) {
            out.push_back(eval::definition_action(spec, name, a));
        });
        return out;
    }
    // Some arguments are unknown: the instances of the next-state relation that agree.
    bool any_named = false;
    for (const eval::Action& action : next_instances(ctx)) {
        if (action.name != name || action.parameters.size() != arity) continue;
        any_named = true;
        bool agrees = true;
        for (std::size_t i = 0; i < arity && agrees; ++i)
            if (choices[i])
                agrees = std::any_of(choices[i]->begin(), choices[i]->end(),
                                     [&](const Value& v) { return v == action.parameters[i]; });
        if (agrees) out.push_back(action);
    }
    if (!any_named)
        throw eval::EvalError(fmt::format(
            "the window does not give every argument of {}({}), and {} has no instance of {} "
            "to take them from (give them in the window's args or in a mapping file)",
            name, join(names), next_, name));
    if (out.empty())
        throw eval::EvalError(
            fmt::format("no instance of {} in {} has the window's arguments", name, next_));
    return out;
}

} // namespace tlatv::engine
