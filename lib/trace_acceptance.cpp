// Reading a trace spec's acceptance criterion: the POSTCONDITION, or a TraceMatched-shaped
// property recognised in the spec's resolved form (see trace_acceptance.hpp).
#include "lib/trace_acceptance.hpp"

#include "evaluator/ir.hpp"
#include "lib/trace.hpp"

#include <fmt/format.h>

namespace tlatv::trace_detail {

namespace {

using eval::ir::Definition;
using eval::ir::EvalOp;
using eval::ir::Node;
using eval::ir::NodeKind;

// An expression with the definition whose body it is written in (its frame).
struct Located {
    const Node* node = nullptr;
    const Definition* in = nullptr;
};

const Definition& final_definition(const eval::CompiledSpec& spec, std::uint32_t index) {
    while (spec.definition(index).replaced_by)
        index = *spec.definition(index).replaced_by;
    return spec.definition(index);
}

// Looks through calls of zero-argument definitions (`PROPERTY P` where `P == TraceMatched`).
Located unfold(const eval::CompiledSpec& spec, Located e) {
    for (int depth = 0; depth < 64 && e.node->kind == NodeKind::CallDef && e.node->kids.empty() &&
                        e.node->count == 0;
         ++depth) {
        const Definition& d = final_definition(spec, e.node->index);
        if (!d.body || d.is_function || d.arity() != 0) break;
        e = {d.body.get(), &d};
    }
    return e;
}

eval::Action action_of(const Located& e, const std::string& name) {
    eval::Action a;
    a.name = name;
    a.expression = e.node;
    a.frames.push_back(std::vector<eval::Value>(e.in->frame_size));
    return a;
}

bool is_always(const Node& n) {
    return n.kind == NodeKind::Temporal && n.text == "[]" && n.kids.size() == 1;
}

bool is_queue_read(const Node& n) {
    return n.kind == NodeKind::CallEvalOp && static_cast<EvalOp>(n.index) == EvalOp::TLCGet &&
           n.kids.size() == 1 && n.kids[0].kind == NodeKind::Literal &&
           n.kids[0].value.is_string() && n.kids[0].value.as_string() == "queue";
}

// A comparison with TLCGet("queue") as an operand: `TLCGet("queue") = 1`, `\in {1, 2}`.
bool is_queue_test(const Node& n) {
    switch (n.kind) {
    case NodeKind::Eq:
    case NodeKind::Neq:
    case NodeKind::In:
    case NodeKind::NotIn:
    case NodeKind::CallBuiltin:
        break;
    default:
        return false;
    }
    for (const Node& k : n.kids)
        if (is_queue_read(k)) return true;
    return false;
}

void collect_disjuncts(const eval::CompiledSpec& spec, Located e, std::vector<Located>& out) {
    e = unfold(spec, e);
    if (e.node->kind == NodeKind::Or) {
        for (const Node& k : e.node->kids)
            collect_disjuncts(spec, {&k, e.in}, out);
        return;
    }
    out.push_back(e);
}

// `[](P => [](Q \/ D...))` with Q a test of TLCGet("queue"); nullopt for another shape.
std::optional<TraceMatchedProperty> read_trace_matched(const eval::CompiledSpec& spec,
                                                       const std::string& name) {
    auto index = spec.find_definition(name);
    if (!index) return std::nullopt;
    const Definition& d = final_definition(spec, *index);
    if (!d.body || d.is_function || d.arity() != 0) return std::nullopt;
    Located outer = unfold(spec, {d.body.get(), &d});
    if (!is_always(*outer.node)) return std::nullopt;
    Located implication = unfold(spec, {&outer.node->kids[0], outer.in});
    if (implication.node->kind != NodeKind::Implies || implication.node->kids.size() != 2)
        return std::nullopt;
    Located inner = unfold(spec, {&implication.node->kids[1], implication.in});
    if (!is_always(*inner.node)) return std::nullopt;
    std::vector<Located> disjuncts;
    collect_disjuncts(spec, {&inner.node->kids[0], inner.in}, disjuncts);
    TraceMatchedProperty property;
    property.name = name;
    bool queue_tested = false;
    for (const Located& disjunct : disjuncts) {
        if (is_queue_test(*disjunct.node))
            queue_tested = true;
        else
            property.done.push_back(action_of(disjunct, name));
    }
    if (!queue_tested || property.done.empty()) return std::nullopt;
    Located pending = unfold(spec, {&implication.node->kids[0], implication.in});
    property.pending = action_of(pending, name);
    const Node& p = *pending.node;
    if (p.kind == NodeKind::CallBuiltin && p.builtin != nullptr && p.builtin->name == "\\leq" &&
        p.kids.size() == 2)
        property.line = action_of({&p.kids[0], pending.in}, name);
    return property;
}

// `Init /\ [][Next]_v`: the trace spec refines another spec (checked by TLC, not by tlatv).
bool is_refinement(const eval::CompiledSpec& spec, const std::string& name) {
    try {
        eval::spec_formula(spec, name);
        return true;
    } catch (const eval::EvalError&) {
        return false;
    }
}

} // namespace

Acceptance read_acceptance(const Model& model) {
    Acceptance acceptance;
    if (!model.config) throw TraceSetupError("the trace spec needs a configuration (.cfg)");
    const cfg::Config& config = *model.config;
    if (config.postcondition) acceptance.postcondition = config.postcondition->name;
    for (const auto& p : config.properties) {
        if (auto matched = read_trace_matched(*model.spec, p.name)) {
            if (acceptance.trace_matched)
                throw TraceSetupError(fmt::format(
                    "PROPERTY {} and PROPERTY {} both state when the trace is matched; tlatv "
                    "trace expects one",
                    acceptance.trace_matched->name, p.name));
            acceptance.trace_matched = std::move(matched);
        } else if (is_refinement(*model.spec, p.name)) {
            acceptance.unchecked.push_back("PROPERTY " + p.name + " (refinement)");
        } else {
            throw TraceSetupError(fmt::format(
                "PROPERTY {} has a shape tlatv trace does not know: it recognises "
                "[](P => [](TLCGet(\"queue\") ... \\/ D)) (TraceMatched) and refinement formulas "
                "Init /\\ [][Next]_v",
                p.name));
        }
    }
    for (const auto& i : config.invariants)
        acceptance.unchecked.push_back("INVARIANT " + i.name);
    if (acceptance.postcondition.empty() && !acceptance.trace_matched)
        throw TraceSetupError(
            "the configuration states no acceptance criterion: tlatv trace needs a POSTCONDITION "
            "(e.g. over TLCGet(\"stats\")) or a TraceMatched property "
            "[](P => [](TLCGet(\"queue\") ... \\/ D))");
    return acceptance;
}

} // namespace tlatv::trace_detail
