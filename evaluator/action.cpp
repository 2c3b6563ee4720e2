// Actions as values (naming, the parts of a SPECIFICATION formula) and the enumerations built on
// the walk of eval.cpp.
#include "evaluator/action.hpp"

#include "evaluator/ir.hpp"

#include <fmt/format.h>

#include <unordered_set>

namespace tlatv::eval {

using ir::Node;
using ir::NodeKind;

std::string Action::label() const {
    if (parameters.empty()) return name;
    std::string out = name + "(";
    for (std::size_t i = 0; i < parameters.size(); ++i) {
        if (i > 0) out += ",";
        out += parameters[i].to_string();
    }
    return out + ")";
}

namespace {

[[noreturn]] void fail_at(const CompiledSpec& spec, std::uint16_t file, const ast::Span& span,
                          const std::string& message) {
    const auto& files = spec.ir().files;
    throw EvalFailure(message, file < files.size() ? files[file] : std::string(), span);
}

// The definition a name denotes after the cfg's replacements (`Next <- MCNext`).
std::uint32_t final_definition(const CompiledSpec& spec, std::uint32_t index) {
    while (spec.definition(index).replaced_by)
        index = *spec.definition(index).replaced_by;
    return index;
}

std::vector<Value> empty_frame(const ir::Definition& d) {
    return std::vector<Value>(d.frame_size);
}

struct StateHash {
    std::size_t operator()(const State& s) const {
        std::size_t h = 0x9e3779b97f4a7c15ull;
        for (const Value& v : s)
            h = (h ^ v.hash()) * 0x100000001b3ull;
        return h;
    }
};

std::vector<State> distinct_states(EvalContext& ctx, WalkRequest request) {
    std::vector<State> out;
    std::unordered_set<State, StateHash> seen;
    request.on_state = [&](const PartialState& s) {
        State state;
        state.reserve(s.size());
        for (const auto& v : s)
            state.push_back(*v);
        if (seen.insert(state).second) out.push_back(std::move(state));
        return true;
    };
    walk_action(ctx, request);
    return out;
}

// True when `n` holds a temporal operator or [A]_v, looking through zero-argument definitions.
bool is_temporal(const CompiledSpec& spec, const Node& n, int depth = 0) {
    if (depth > 64) return false;
    switch (n.kind) {
    case NodeKind::Temporal:
    case NodeKind::ActionBox:
    case NodeKind::ActionAngle:
        return true;
    case NodeKind::CallDef: {
        if (!n.kids.empty() || n.count != 0) return false;
        const ir::Definition& d = spec.definition(final_definition(spec, n.index));
        return d.arity() == 0 && d.body && !d.is_function && is_temporal(spec, *d.body, depth + 1);
    }
    default:
        for (const Node& k : n.kids)
            if (is_temporal(spec, k, depth + 1)) return true;
        return false;
    }
}

struct FormulaParts {
    std::vector<std::pair<const Node*, const ir::Definition*>> init; // conjunct, defined in
    std::vector<std::pair<const Node*, const ir::Definition*>> next;
};

void collect_formula(const CompiledSpec& spec, const Node& n, const ir::Definition& in,
                     FormulaParts& parts, int depth) {
    if (depth > 64)
        fail_at(spec, n.file, n.span, "The specification formula is nested too deeply.");
    if (!is_temporal(spec, n)) {
        parts.init.emplace_back(&n, &in);
        return;
    }
    switch (n.kind) {
    case NodeKind::And:
        for (const Node& k : n.kids)
            collect_formula(spec, k, in, parts, depth + 1);
        return;
    case NodeKind::CallDef: {
        const ir::Definition& d = spec.definition(final_definition(spec, n.index));
        collect_formula(spec, *d.body, d, parts, depth + 1);
        return;
    }
    case NodeKind::Temporal:
        if (n.text == "[]" && n.kids.size() == 1 && n.kids[0].kind == NodeKind::ActionBox) {
            parts.next.emplace_back(&n.kids[0].kids[0], &in);
            return;
        }
        break;
    default:
        break;
    }
    // Fairness conditions and other temporal properties say nothing about single steps.
}

Action expression_action(const CompiledSpec& spec, const Node& n, const ir::Definition& in) {
    Action a;
    a.expression = &n;
    a.frames.push_back(empty_frame(in));
    a.name = std::string(kUnnamedAction);
    if (n.kind == NodeKind::CallDef && n.kids.empty() && n.count == 0)
        a.name = spec.definition(final_definition(spec, n.index)).name;
    return a;
}

} // namespace

Action definition_action(const CompiledSpec& spec, std::string_view name,
                         std::vector<Value> arguments) {
    auto found = spec.find_definition(name);
    if (!found)
        throw EvalFailure(
            fmt::format("Unknown definition {} in module {}.", name, spec.root_module()), "",
            ast::Span{});
    const ir::Definition& d = spec.definition(final_definition(spec, *found));
    if (arguments.size() != d.arity())
        fail_at(spec, d.file, d.span,
                fmt::format("The operator {} requires {} arguments, but was given {}.", d.name,
                            d.arity(), arguments.size()));
    if (!d.body || d.is_function)
        fail_at(spec, d.file, d.span,
                fmt::format("{} is not an operator that can be used as an action.", d.name));
    Action a;
    a.name = d.name;
    a.expression = d.body.get();
    std::vector<Value> frame = empty_frame(d);
    std::copy(arguments.begin(), arguments.end(), frame.begin());
    a.frames.push_back(std::move(frame));
    a.parameters = std::move(arguments);
    return a;
}

SpecFormula spec_formula(const CompiledSpec& spec, std::string_view spec_name) {
    auto found = spec.find_definition(spec_name);
    if (!found)
        throw EvalFailure(
            fmt::format("Unknown definition {} in module {}.", spec_name, spec.root_module()), "",
            ast::Span{});
    const ir::Definition& d = spec.definition(final_definition(spec, *found));
    if (!d.body || d.arity() != 0)
        fail_at(spec, d.file, d.span, fmt::format("{} is not a specification formula.", spec_name));
    FormulaParts parts;
    collect_formula(spec, *d.body, d, parts, 0);
    if (parts.init.empty())
        fail_at(spec, d.file, d.span,
                fmt::format("The specification {} has no initial predicate.", spec_name));
    if (parts.next.size() != 1)
        fail_at(spec, d.file, d.span,
                fmt::format("The specification {} must have exactly one [][Next]_vars "
                            "conjunct; it has {}.",
                            spec_name, parts.next.size()));
    SpecFormula formula{expression_action(spec, *parts.init[0].first, *parts.init[0].second),
                        expression_action(spec, *parts.next[0].first, *parts.next[0].second)};
    for (std::size_t i = 1; i < parts.init.size(); ++i)
        formula.init.conjuncts.push_back(
            expression_action(spec, *parts.init[i].first, *parts.init[i].second));
    return formula;
}

std::vector<Action> select_actions(EvalContext& ctx, const Action& next, std::string_view name) {
    if (name.empty()) return {next};
    std::vector<Action> pieces = split_actions(ctx, next);
    const bool is_label = name.find('(') != std::string_view::npos;
    std::vector<Action> selected;
    for (Action& a : pieces)
        if (is_label ? a.label() == name : a.name == name) selected.push_back(std::move(a));
    if (!selected.empty()) return selected;
    if (is_label) {
        std::string known;
        for (const Action& a : pieces)
            known += (known.empty() ? "" : ", ") + a.label();
        throw EvalFailure(fmt::format("No action of the next-state relation is labelled {}; "
                                      "the actions are: {}.",
                                      name, known),
                          "", ast::Span{});
    }
    return {definition_action(ctx.spec(), name)};
}

std::vector<State> successors(EvalContext& ctx, const Action& action, const State& pre,
                              const EnumerationLimits& limits) {
    WalkRequest request;
    request.action = &action;
    request.pre = &pre;
    request.limits = limits;
    return distinct_states(ctx, std::move(request));
}

std::vector<State> initial_states(EvalContext& ctx, const Action& init,
                                  const EnumerationLimits& limits) {
    WalkRequest request;
    request.action = &init;
    request.initial = true;
    request.limits = limits;
    return distinct_states(ctx, std::move(request));
}

} // namespace tlatv::eval
