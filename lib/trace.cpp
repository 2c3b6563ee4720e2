// TLC's breadth-first search for trace validation: level L+1 is every distinct successor (under
// the VIEW) of level L that the constraints keep. Each level is expanded in parallel; which
// state survives deduplication is decided by its origin (level, frontier index, successor index),
// the smallest winning, so the result does not depend on the number of workers.
#include "lib/trace.hpp"

#include "evaluator/action_state.hpp"
#include "lib/action_select.hpp"
#include "lib/trace_search.hpp"

#include <oneapi/tbb/concurrent_hash_map.h>
#include <oneapi/tbb/enumerable_thread_specific.h>
#include <oneapi/tbb/parallel_for.h>
#include <oneapi/tbb/task_arena.h>

#include <fmt/format.h>

#include <algorithm>
#include <atomic>
#include <thread>
#include <tuple>

namespace tlatv {

namespace trace_detail {

std::unique_ptr<eval::EvalContext> make_context(const Model& model, const TraceOptions& options) {
    auto ctx = std::make_unique<eval::EvalContext>(model.spec);
    ctx->environment = options.environment;
    ctx->allow_file_access = true;
    return ctx;
}

} // namespace trace_detail

namespace {

using trace_detail::SearchPlan;

std::string name_of(const std::optional<cfg::Name>& name) {
    return name ? name->name : "";
}

SearchPlan plan_search(const Model& model) {
    const cfg::Config empty;
    const cfg::Config& config = model.config ? *model.config : empty;
    SearchPlan plan;
    if (config.specification) {
        auto formula = eval::spec_formula(*model.spec, config.specification->name);
        plan.init = std::move(formula.init);
        plan.next = std::move(formula.next);
    } else {
        plan.init = eval::definition_action(*model.spec, config.init ? config.init->name : "Init");
        plan.next = eval::definition_action(*model.spec, next_relation_name(model));
    }
    plan.view = name_of(config.view);
    for (const auto& c : config.constraints)
        plan.constraints.push_back(c.name);
    for (const auto& c : config.action_constraints)
        plan.action_constraints.push_back(c.name);
    plan.acceptance = trace_detail::read_acceptance(model);
    return plan;
}

bool holds(eval::EvalContext& ctx, const std::string& definition) {
    return ctx.evaluate(definition).as_bool();
}

// Where a state was first found: earlier levels, then earlier frontier states, then earlier
// successors win.
using Origin = std::tuple<std::size_t, std::size_t, std::size_t>;

struct KeyHashCompare {
    static std::size_t hash(const eval::Value& v) { return v.hash(); }
    static bool equal(const eval::Value& a, const eval::Value& b) { return a == b; }
};
using SeenSet = tbb::concurrent_hash_map<eval::Value, Origin, KeyHashCompare>;

// Where a state stands against the TraceMatched property: the line it waits for and whether
// every line is matched.
struct Progress {
    std::optional<std::int64_t> line;
    bool matched = false;
};

// One frontier state's successors that the constraints keep, with their keys.
struct Expansion {
    std::vector<eval::State> states;
    std::vector<eval::Value> keys;
    std::vector<std::size_t> order; // each state's index among the successors, for its origin
    std::vector<Progress> progress; // when the spec states TraceMatched
    std::size_t generated = 0;
};

class Search {
public:
    Search(const Model& model, const TraceOptions& options)
        : model_(model)
        , options_(options)
        , contexts_([&] { return context(); }) {}

    TraceResult run() {
        auto main_ctx = context();
        check_assumptions(*main_ctx);
        plan_ = plan_search(model_);
        TraceResult result;
        const auto& acceptance = plan_.acceptance;
        result.unchecked = acceptance.unchecked;
        if (acceptance.trace_matched)
            result.criteria.push_back("PROPERTY " + acceptance.trace_matched->name);
        if (!acceptance.postcondition.empty())
            result.criteria.push_back("POSTCONDITION " + acceptance.postcondition);

        // Level 1: the initial states.
        std::vector<eval::State> frontier;
        {
            auto& ctx = *main_ctx;
            ctx.level = 1;
            auto initial = eval::initial_states(ctx, plan_.init, options_.limits);
            result.generated += initial.size();
            for (std::size_t j = 0; j < initial.size(); ++j) {
                if (!keeps_state(ctx, initial[j], 1)) continue;
                auto key = key_of(ctx, initial[j], 1);
                SeenSet::accessor a;
                if (seen_.insert(a, key)) {
                    a->second = Origin{1, 0, j};
                    note_progress(progress_of(ctx, initial[j], 1), initial[j], 1);
                    frontier.push_back(std::move(initial[j]));
                }
            }
            result.exit_requested = ctx.exit_requested;
        }
        std::size_t level = 1;
        if (!frontier.empty()) result.states_per_level.push_back(frontier.size());

        tbb::task_arena arena(options_.threads == 0 ? tbb::task_arena::automatic
                                                    : static_cast<int>(options_.threads));
        while (!frontier.empty() && !result.exit_requested) {
            std::vector<Expansion> expansions(frontier.size());
            arena.execute([&] {
                tbb::parallel_for(std::size_t{0}, frontier.size(), [&](std::size_t i) {
                    expansions[i] = expand(*contexts_.local(), frontier[i], level, i);
                });
            });
            std::vector<eval::State> next;
            for (std::size_t i = 0; i < expansions.size(); ++i) {
                auto& e = expansions[i];
                result.generated += e.generated;
                for (std::size_t j = 0; j < e.states.size(); ++j) {
                    SeenSet::const_accessor a;
                    if (seen_.find(a, e.keys[j]) && a->second == Origin{level + 1, i, e.order[j]}) {
                        if (acceptance.trace_matched)
                            note_progress(e.progress[j], e.states[j], level + 1);
                        next.push_back(std::move(e.states[j]));
                    }
                }
            }
            for (auto& ctx : contexts_)
                if (ctx->exit_requested) result.exit_requested = true;
            if (next.empty()) break;
            ++level;
            result.states_per_level.push_back(next.size());
            frontier = std::move(next);
        }

        result.diameter = result.states_per_level.size();
        result.distinct = 0;
        for (auto n : result.states_per_level)
            result.distinct += n;
        result.queue = result.exit_requested ? frontier.size() : 0;

        auto& ctx = *main_ctx;
        ctx.clear_states();
        ctx.level.reset();
        ctx.tlc_stats = eval::Value::record({
            {"diameter", eval::Value::integer(static_cast<std::int64_t>(result.diameter))},
            {"distinct", eval::Value::integer(static_cast<std::int64_t>(result.distinct))},
            {"generated", eval::Value::integer(static_cast<std::int64_t>(result.generated))},
            {"queue", eval::Value::integer(static_cast<std::int64_t>(result.queue))},
        });
        result.accepted = true;
        // TraceMatched fails only when the search runs out of states while some state waits for
        // a line; a search the spec stopped itself (TLCSet("exit", TRUE)) never ran out, and its
        // POSTCONDITION decides, as in TLC.
        if (acceptance.trace_matched) result.accepted = matched_ || result.exit_requested;
        if (!acceptance.postcondition.empty())
            result.accepted = result.accepted && holds(ctx, acceptance.postcondition);
        ctx.tlc_stats.reset();
        if (result.accepted || frontier.empty()) return result;

        // Rejected: the states that got furthest, and why none of them goes on.
        const eval::State* candidate = &frontier.front();
        std::size_t candidate_level = level;
        result.rejected_line = result.diameter;
        result.candidates = frontier.size();
        if (acceptance.trace_matched && furthest_line_) {
            result.rejected_line = static_cast<std::size_t>(*furthest_line_);
            result.candidates = furthest_count_;
            candidate = &furthest_state_;
            candidate_level = furthest_level_;
        }
        result.candidate_state = eval::state_text(*model_.spec, *candidate);
        result.diagnoses = trace_detail::diagnose(
            ctx, plan_, *candidate, static_cast<std::int64_t>(candidate_level), options_.limits);
        return result;
    }

private:
    // CONSTRAINT on a state of level `level`.
    bool keeps_state(eval::EvalContext& ctx, const eval::State& state, std::size_t level) {
        if (plan_.constraints.empty()) return true;
        ctx.set_state(state);
        ctx.level = static_cast<std::int64_t>(level);
        return std::all_of(plan_.constraints.begin(), plan_.constraints.end(),
                           [&](const std::string& c) { return holds(ctx, c); });
    }

    eval::Value key_of(eval::EvalContext& ctx, const eval::State& state, std::size_t level) {
        if (plan_.view.empty()) return eval::Value::tuple(state);
        ctx.set_state(state);
        ctx.level = static_cast<std::int64_t>(level);
        return ctx.evaluate(plan_.view);
    }

    // The TraceMatched property's predicates on a new state of level `level`.
    Progress progress_of(eval::EvalContext& ctx, const eval::State& state, std::size_t level) {
        Progress p;
        const auto& property = plan_.acceptance.trace_matched;
        if (!property) return p;
        ctx.level = static_cast<std::int64_t>(level);
        for (const auto& done : property->done)
            if (eval::evaluate_in_state(ctx, done, state).as_bool()) p.matched = true;
        if (property->line) {
            auto line = eval::evaluate_in_state(ctx, *property->line, state);
            if (line.is_int()) p.line = line.as_int();
        }
        return p;
    }

    // Called in the order of the search (level, then origin), so the first state found waiting
    // for the furthest line is the one reported.
    void note_progress(const Progress& p, const eval::State& state, std::size_t level) {
        if (p.matched) matched_ = true;
        if (!p.line) return;
        if (!furthest_line_ || *p.line > *furthest_line_) {
            furthest_line_ = p.line;
            furthest_count_ = 1;
            furthest_state_ = state;
            furthest_level_ = level;
        } else if (*p.line == *furthest_line_) {
            ++furthest_count_;
        }
    }

    Expansion expand(eval::EvalContext& ctx, const eval::State& pre, std::size_t level,
                     std::size_t index) {
        Expansion e;
        ctx.clear_states();
        ctx.level = static_cast<std::int64_t>(level);
        auto successors = eval::successors(ctx, plan_.next, pre, options_.limits);
        e.generated = successors.size();
        for (std::size_t k = 0; k < successors.size(); ++k) {
            auto& post = successors[k];
            if (!plan_.action_constraints.empty()) {
                ctx.set_state(pre);
                ctx.set_next_state(eval::PartialState(post.begin(), post.end()));
                ctx.level = static_cast<std::int64_t>(level);
                bool kept =
                    std::all_of(plan_.action_constraints.begin(), plan_.action_constraints.end(),
                                [&](const std::string& c) { return holds(ctx, c); });
                ctx.clear_states();
                if (!kept) continue;
            }
            if (!keeps_state(ctx, post, level + 1)) continue;
            auto key = key_of(ctx, post, level + 1);
            const Origin origin{level + 1, index, k};
            {
                SeenSet::accessor a;
                if (seen_.insert(a, key))
                    a->second = origin;
                else if (origin < a->second)
                    a->second = origin;
                else
                    continue;
            }
            if (plan_.acceptance.trace_matched)
                e.progress.push_back(progress_of(ctx, post, level + 1));
            e.keys.push_back(std::move(key));
            e.order.push_back(k);
            e.states.push_back(std::move(post));
        }
        return e;
    }

    // Every context of the run shares one register store, as TLC's single worker has one.
    std::unique_ptr<eval::EvalContext> context() {
        auto ctx = trace_detail::make_context(model_, options_);
        ctx->registers = registers_;
        return ctx;
    }

    // TLC evaluates the spec's ASSUMEs before the search and stops when one is false; their
    // side effects (TLCSet(0, 0), as trace specs write) hold for the search.
    void check_assumptions(eval::EvalContext& ctx) const {
        const auto& ir = model_.spec->ir();
        for (std::uint32_t index : ir.assumptions) {
            const eval::Value holds = ctx.evaluate(index);
            if (holds.is_bool() && holds.as_bool()) continue;
            const auto& definition = ir.definitions[index];
            throw TraceSetupError(
                fmt::format("{}:{}:{}: the assumption is {}", ir.files[definition.file],
                            definition.span.begin.line, definition.span.begin.column,
                            holds.is_bool() ? "false" : "not a boolean: " + holds.to_string()));
        }
    }

    const Model& model_;
    const TraceOptions& options_;
    std::shared_ptr<eval::TlcRegisters> registers_ = std::make_shared<eval::TlcRegisters>();
    SearchPlan plan_;
    SeenSet seen_;
    tbb::enumerable_thread_specific<std::unique_ptr<eval::EvalContext>> contexts_;
    // TraceMatched: whether some state matched every line, and the states waiting for the
    // furthest line.
    bool matched_ = false;
    std::optional<std::int64_t> furthest_line_;
    std::size_t furthest_count_ = 0;
    eval::State furthest_state_;
    std::size_t furthest_level_ = 0;
};

} // namespace

TraceResult validate_trace(const Model& model, const TraceOptions& options) {
    Search search(model, options);
    return search.run();
}

} // namespace tlatv
