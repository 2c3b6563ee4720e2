#include "lib/sysmobench.hpp"

#include "evaluator/eval.hpp"
#include "lib/engine.hpp"

#include <fmt/format.h>
#include <oneapi/tbb/blocked_range.h>
#include <oneapi/tbb/parallel_for.h>
#include <oneapi/tbb/task_arena.h>

#include <deque>
#include <fstream>
#include <unordered_set>

namespace tlatv::sysmobench {

namespace {

struct StateHash {
    std::size_t operator()(const eval::State& s) const {
        std::size_t h = 0xcbf29ce484222325ull;
        for (const eval::Value& v : s)
            h = (h ^ v.hash()) * 0x100000001b3ull;
        return h;
    }
};

Diagnostic plain(std::string file, std::string message) {
    return Diagnostic{std::move(file), 0, 0, std::move(message), {}};
}

// What the cfg asks TLC to do, as actions and invariant definitions.
struct TvModel {
    eval::Action init;
    eval::Action next;
    std::vector<std::pair<std::uint32_t, std::string>> invariants;
};

std::optional<TvModel> tv_model(const Model& model, const std::string& cfg_name,
                                std::vector<Diagnostic>& errors) {
    const eval::CompiledSpec& spec = *model.spec;
    if (!model.config) {
        errors.push_back(plain(cfg_name, "a TV module needs its .cfg file"));
        return std::nullopt;
    }
    const cfg::Config& config = *model.config;
    if (!config.constraints.empty() || !config.action_constraints.empty()) {
        errors.push_back(plain(cfg_name, "state and action constraints are not supported"));
        return std::nullopt;
    }
    TvModel tv;
    try {
        if (config.specification) {
            auto formula = eval::spec_formula(spec, config.specification->name);
            tv.init = std::move(formula.init);
            tv.next = std::move(formula.next);
        } else if (config.init && config.next) {
            tv.init = eval::definition_action(spec, config.init->name);
            tv.next = eval::definition_action(spec, config.next->name);
        } else {
            errors.push_back(plain(cfg_name, "the cfg names neither SPECIFICATION nor INIT/NEXT"));
            return std::nullopt;
        }
    } catch (const eval::EvalFailure& failure) {
        errors.push_back(failure.diagnostic());
        return std::nullopt;
    } catch (const eval::EvalError& error) {
        errors.push_back(plain(cfg_name, error.what()));
        return std::nullopt;
    }
    for (const cfg::Name& name : config.invariants) {
        auto index = spec.find_definition(name.name);
        if (!index || spec.definition(*index).arity() != 0) {
            errors.push_back(Diagnostic{cfg_name,
                                        name.span.begin.line,
                                        name.span.begin.column,
                                        fmt::format("invariant {} is not a definition without "
                                                    "arguments",
                                                    name.name),
                                        {}});
            continue;
        }
        tv.invariants.emplace_back(*index, name.name);
    }
    if (tv.invariants.empty())
        errors.push_back(plain(cfg_name, "a TV module's cfg names its INVARIANT (e.g. NeverPost)"));
    return tv;
}

// The invariant `state` violates, if any.
std::optional<std::string> violated(eval::EvalContext& ctx, const TvModel& tv,
                                    const eval::State& state) {
    ctx.set_state(state);
    for (const auto& [index, name] : tv.invariants) {
        eval::Value holds = ctx.evaluate(index);
        if (!holds.is_bool())
            throw eval::EvalError(
                fmt::format("the invariant {} is not a boolean: {}", name, holds.to_string()));
        if (!holds.as_bool()) return name;
    }
    return std::nullopt;
}

// Breadth-first exploration of one window's module, as TLC: invariants on every distinct state.
TvWindowResult run_window(const Model& model, const TvModel& tv, std::uint64_t index,
                          const TvOptions& options,
                          const std::shared_ptr<eval::JsonFileCache>& json_files) {
    TvWindowResult result;
    result.index = index;
    // A fresh context per window: the module's window `w` is a constant-level definition that
    // the context caches, and it differs per WINDOW_INDEX.
    eval::EvalContext ctx(model.spec);
    ctx.environment["WINDOW_INDEX"] = std::to_string(index);
    ctx.allow_file_access = true;
    ctx.json_files = json_files; // the windows file is read once, not once per window
    try {
        std::unordered_set<eval::State, StateHash> seen;
        std::deque<eval::State> frontier;
        auto visit = [&](eval::State state) {
            if (!seen.insert(state).second) return false;
            if (seen.size() > options.max_states)
                throw eval::EvalError(fmt::format(
                    "more than {} distinct states reachable from the window", options.max_states));
            if (auto name = violated(ctx, tv, state)) {
                result.verdict = TvVerdict::Pass;
                result.violated = std::move(name);
                return true;
            }
            frontier.push_back(std::move(state));
            return false;
        };
        bool done = false;
        for (eval::State& s : eval::initial_states(ctx, tv.init, options.limits))
            if ((done = visit(std::move(s)))) break;
        while (!done && !frontier.empty()) {
            eval::State state = std::move(frontier.front());
            frontier.pop_front();
            for (eval::State& s : eval::successors(ctx, tv.next, state, options.limits))
                if ((done = visit(std::move(s)))) break;
        }
        if (!done) result.verdict = TvVerdict::Fail;
        result.states = seen.size();
    } catch (const eval::EvalFailure& failure) {
        result.verdict = TvVerdict::Error;
        result.error = failure.diagnostic();
    } catch (const eval::EvalError& error) {
        result.verdict = TvVerdict::Error;
        result.error = plain({}, error.what());
    }
    return result;
}

} // namespace

std::size_t TvRun::count(TvVerdict verdict) const {
    std::size_t n = 0;
    for (const auto& w : windows)
        n += w.verdict == verdict ? 1 : 0;
    return n;
}

std::string_view to_string(TvVerdict verdict) {
    switch (verdict) {
    case TvVerdict::Pass:
        return "pass";
    case TvVerdict::Fail:
        return "fail";
    case TvVerdict::Error:
        return "error";
    }
    return "error";
}

std::optional<std::size_t> count_ndjson_values(const std::filesystem::path& file) {
    std::ifstream in(file, std::ios::binary);
    if (!in) return std::nullopt;
    std::size_t count = 0;
    std::string line;
    while (std::getline(in, line))
        if (line.find_first_not_of(" \t\r") != std::string::npos) ++count;
    return count;
}

TvRun run_tv_module(const std::filesystem::path& module_file, const TvOptions& options) {
    TvRun run;
    ModelOptions model_options;
    model_options.config_file = options.config_file.empty()
                                    ? std::filesystem::path(module_file).replace_extension(".cfg")
                                    : options.config_file;
    model_options.search_path = options.search_path;
    ModelLoad load = load_model(module_file, model_options);
    if (!load.model) {
        run.errors = std::move(load.errors);
        return run;
    }
    const Model& model = *load.model;
    auto tv = tv_model(model, model_options.config_file.string(), run.errors);
    if (!tv || !run.errors.empty()) return run;

    run.windows_file = options.windows_file;
    if (run.windows_file.empty()) {
        const std::string stem = module_file.stem().string();
        if (stem.rfind("TV_", 0) != 0) {
            run.errors.push_back(plain(module_file.string(),
                                       "the module is not named TV_<Action>: give its windows "
                                       "file"));
            return run;
        }
        run.windows_file = module_file.parent_path() / ("windows_" + stem.substr(3) + ".ndjson");
    }
    auto total = count_ndjson_values(run.windows_file);
    if (!total) {
        run.errors.push_back(plain(run.windows_file.string(), "cannot read the windows file"));
        return run;
    }

    run.threads = engine::effective_threads(options.threads);
    run.windows.resize(*total);
    auto json_files = std::make_shared<eval::JsonFileCache>();
    tbb::task_arena arena(static_cast<int>(run.threads));
    // Batches keep progress reports coming from the calling thread.
    const std::size_t batch = std::max<std::size_t>(16, run.threads * 4);
    for (std::size_t start = 0; start < *total; start += batch) {
        const std::size_t end = std::min(*total, start + batch);
        arena.execute([&] {
            tbb::parallel_for(tbb::blocked_range<std::size_t>(start, end, 1),
                              [&](const tbb::blocked_range<std::size_t>& range) {
                                  for (std::size_t i = range.begin(); i != range.end(); ++i)
                                      run.windows[i] =
                                          run_window(model, *tv, i + 1, options, json_files);
                              });
        });
        if (options.progress) options.progress(end, *total);
    }
    return run;
}

} // namespace tlatv::sysmobench
