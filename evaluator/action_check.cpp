#include "evaluator/action_check.hpp"

#include <fmt/format.h>

namespace tlatv::eval {

namespace {

Diagnostic plain_error(std::string message) {
    Diagnostic d;
    d.message = std::move(message);
    return d;
}

// Calls fn(pre) for every completion of `pre` over the domains of its unknown variables, until fn
// returns false.
template <typename Fn>
bool for_each_completion(State& pre, const std::vector<std::uint32_t>& unknown,
                         const std::vector<std::vector<Value>>& domains, std::size_t i, Fn&& fn) {
    if (i == unknown.size()) return fn(static_cast<const State&>(pre));
    for (const Value& v : domains[i]) {
        pre[unknown[i]] = v;
        if (!for_each_completion(pre, unknown, domains, i + 1, fn)) return false;
    }
    return true;
}

// The walk for diagnostics: where each action failed, and the successor closest to `post`.
void diagnose(EvalContext& ctx, std::span<const Action> actions, const State& pre,
              const PartialState& post, const CheckOptions& options, CheckResult& result) {
    for (const Action& action : actions) {
        FalseConjunct trace;
        WalkRequest request;
        request.action = &action;
        request.pre = &pre;
        request.fixed = post;
        request.limits = options.limits;
        request.trace = &trace;
        request.on_state = [](const PartialState&) { return false; };
        try {
            walk_action(ctx, request);
        } catch (const EvalError&) {
            continue; // diagnostics are best effort; the verdict stands
        }
        if (!trace.file.empty() &&
            (!result.false_conjunct ||
             trace.conjuncts_before > result.false_conjunct->conjuncts_before))
            result.false_conjunct = std::move(trace);
    }
    for (const Action& action : actions) {
        std::vector<State> next;
        try {
            next = successors(ctx, action, pre, options.limits);
        } catch (const EvalError&) {
            continue;
        }
        if (!next.empty()) result.enabled = true;
        for (State& s : next) {
            std::vector<std::uint32_t> differing;
            for (std::uint32_t i = 0; i < s.size(); ++i)
                if (post[i] && !(*post[i] == s[i])) differing.push_back(i);
            if (!result.closest || differing.size() < result.closest->differing.size())
                result.closest =
                    ClosestSuccessor{action.label(), std::move(s), std::move(differing)};
        }
    }
}

} // namespace

CheckResult check_window(EvalContext& ctx, std::span<const Action> actions, const PartialState& pre,
                         const PartialState& post, const CheckOptions& options) {
    CheckResult result;
    const auto& variables = ctx.spec().variables();
    const std::size_t count = variables.size();
    if (pre.size() != count || post.size() != count) {
        result.verdict = Verdict::Error;
        result.error = plain_error(fmt::format("A window needs one entry per variable ({}); the "
                                               "pre-state has {} and the post-state {}.",
                                               count, pre.size(), post.size()));
        return result;
    }
    std::vector<std::uint32_t> unknown;
    std::vector<std::vector<Value>> domains;
    State completion(count);
    for (std::uint32_t i = 0; i < count; ++i) {
        if (!post[i]) result.unconstrained.push_back(variables[i].name);
        if (pre[i]) {
            completion[i] = *pre[i];
            continue;
        }
        result.unknown_pre.push_back(variables[i].name);
        const Value* domain = i < options.pre_domains.size() && options.pre_domains[i]
                                  ? &*options.pre_domains[i]
                                  : nullptr;
        if (domain == nullptr || !domain->is_set() || !domain->is_finite_set()) {
            result.verdict = Verdict::Error;
            result.error = plain_error(fmt::format(
                "The pre-state does not give {} and no finite set of values to try was given.",
                variables[i].name));
            return result;
        }
        unknown.push_back(i);
        auto elements = domain->enumerate();
        domains.emplace_back(elements.begin(), elements.end());
    }

    std::size_t tried = 0;
    std::optional<State> first_completion;
    try {
        for_each_completion(completion, unknown, domains, 0, [&](const State& full) {
            if (!first_completion) first_completion = full;
            if (++tried > options.limits.max_states)
                throw EvalError(fmt::format("More than {} completions of the pre-state to try.",
                                            options.limits.max_states));
            for (const Action& action : actions) {
                std::optional<State> found;
                WalkRequest request;
                request.action = &action;
                request.pre = &full;
                request.fixed = post;
                request.limits = options.limits;
                request.on_state = [&](const PartialState& s) {
                    State state;
                    state.reserve(s.size());
                    for (const auto& v : s)
                        state.push_back(*v);
                    if (options.accept && !options.accept(full, state)) return true;
                    found = std::move(state);
                    return false;
                };
                walk_action(ctx, request);
                if (found) {
                    result.verdict = Verdict::Pass;
                    result.passed_by = action.label();
                    result.pre = full;
                    result.post = std::move(found);
                    return false;
                }
            }
            return true;
        });
    } catch (const EvalFailure& failure) {
        result.verdict = Verdict::Error;
        result.error = failure.diagnostic();
        return result;
    } catch (const EvalError& error) {
        result.verdict = Verdict::Error;
        result.error = plain_error(error.what());
        return result;
    }
    if (result.verdict == Verdict::Fail && options.diagnose && first_completion)
        diagnose(ctx, actions, *first_completion, post, options, result);
    return result;
}

} // namespace tlatv::eval
