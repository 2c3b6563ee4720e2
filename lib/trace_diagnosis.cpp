// Why a state at the level the search could not leave has no matching successor: per action of
// the Next, its successors before the constraints or, when it has none, the first false conjunct
// on the branch the walk got furthest along.
#include "lib/trace_search.hpp"

#include <fmt/format.h>

namespace tlatv::trace_detail {

namespace {

std::string describe(const eval::FalseConjunct& conjunct) {
    std::string text = fmt::format("{}:{}:{}", conjunct.file, conjunct.span.begin.line,
                                   conjunct.span.begin.column);
    for (const auto& part : conjunct.parts)
        text +=
            fmt::format(" [{}:{} = {}]", part.span.begin.line, part.span.begin.column, part.value);
    return text;
}

} // namespace

std::vector<ActionDiagnosis> diagnose(eval::EvalContext& ctx, const SearchPlan& plan,
                                      const eval::State& state, std::int64_t level,
                                      const eval::EnumerationLimits& limits) {
    std::vector<ActionDiagnosis> diagnoses;
    ctx.clear_states();
    ctx.level = level;
    std::vector<eval::Action> actions;
    try {
        actions = eval::split_actions(ctx, plan.next);
    } catch (const eval::EvalError& e) {
        diagnoses.push_back({plan.next.label(), 0, "", e.what()});
        return diagnoses;
    }
    for (const auto& action : actions) {
        ActionDiagnosis d;
        d.action = action.label();
        eval::FalseConjunct conjunct;
        eval::WalkRequest request;
        request.action = &action;
        request.pre = &state;
        request.limits = limits;
        request.trace = &conjunct;
        request.on_state = [&](const eval::PartialState&) {
            ++d.successors;
            return true;
        };
        try {
            ctx.level = level;
            eval::walk_action(ctx, request);
            if (d.successors == 0 && !conjunct.file.empty()) d.false_conjunct = describe(conjunct);
        } catch (const eval::EvalError& e) {
            d.error = e.what();
        }
        diagnoses.push_back(std::move(d));
    }
    return diagnoses;
}

} // namespace tlatv::trace_detail
