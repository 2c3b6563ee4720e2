// tlatv successors: every successor of a state under the next-state relation or one action.
#include "cli/action_input.hpp"
#include "cli/args.hpp"
#include "cli/commands.hpp"
#include "evaluator/action_state.hpp"

#include <fmt/format.h>

#include <cstdio>
#include <map>

namespace tlatv::cli {

namespace {

constexpr const char* successors_usage =
    "usage: tlatv successors SPEC.tla [--config SPEC.cfg] --state STATE [--action NAME]\n"
    "                        [--max-states N] [--timeout-ms N]\n"
    "Prints every successor of STATE in TLC's state format, one block each, headed by the\n"
    "labels of the actions that produce it, then their count.\n"
    "STATE is TLC's state text (`/\\ x = 1` lines) or a JSON object {\"x\": 1, ...}.\n"
    "NAME is an action's label (`Request(c1,{r1})`), an operator of the next-state relation\n"
    "(all its instances) or a definition; without it, the whole next-state relation.\n";

} // namespace

int run_successors(int argc, char** argv) {
    Args args(argc, argv, 2,
              {{"config"}, {"state"}, {"action"}, {"max-states"}, {"timeout-ms"}, {"help", false}});
    if (args.has("help")) {
        fmt::print("{}", successors_usage);
        return 0;
    }
    eval::EnumerationLimits limits;
    if (auto n = args.integer("max-states")) limits.max_states = static_cast<std::size_t>(*n);
    if (auto n = args.integer("timeout-ms")) limits.time_budget = std::chrono::milliseconds(*n);
    if (!args.error().empty() || args.positional().size() != 1 || !args.value("state")) {
        fmt::print(stderr, "tlatv successors: {}\n{}",
                   args.error().empty() ? "one SPEC.tla and --state are required" : args.error(),
                   successors_usage);
        return 2;
    }
    auto setup = load_action_setup("successors", args.positional()[0], args.value("config"),
                                   args.value("action"));
    if (!setup) return 2;
    const eval::CompiledSpec& spec = *setup->model.spec;
    if (!args.value("action")) {
        // The pieces of the next-state relation, so that each successor shows its actions.
        try {
            setup->actions = eval::split_actions(*setup->context, setup->formula.next);
        } catch (const eval::EvalError& e) {
            fmt::print(stderr, "tlatv successors: {}\n", e.what());
            return 2;
        }
    }
    auto pre = read_state_argument("successors", spec, *args.value("state"), "--state");
    if (!pre) return 2;
    eval::State state;
    for (std::size_t i = 0; i < pre->size(); ++i) {
        if (!(*pre)[i]) {
            fmt::print(stderr, "tlatv successors: --state does not give {}\n",
                       spec.variables()[i].name);
            return 2;
        }
        state.push_back(*(*pre)[i]);
    }
    // Successors in the order found, each with the labels of the actions that produce it.
    std::vector<eval::State> found;
    std::vector<std::vector<std::string>> labels;
    std::map<std::string, std::size_t> index;
    try {
        for (const eval::Action& action : setup->actions) {
            for (eval::State& s : eval::successors(*setup->context, action, state, limits)) {
                std::string text = eval::state_text(spec, s);
                auto [it, fresh] = index.emplace(text, found.size());
                if (fresh) {
                    found.push_back(std::move(s));
                    labels.emplace_back();
                }
                auto& l = labels[it->second];
                if (l.empty() || l.back() != action.label()) l.push_back(action.label());
            }
        }
    } catch (const eval::EvalFailure& e) {
        fmt::print(stderr, "tlatv successors: {}\n", e.diagnostic().format());
        return 2;
    } catch (const eval::EvalError& e) {
        fmt::print(stderr, "tlatv successors: {}\n", e.what());
        return 2;
    }
    for (std::size_t i = 0; i < found.size(); ++i) {
        std::string joined;
        for (const auto& l : labels[i])
            joined += (joined.empty() ? "" : ", ") + l;
        fmt::print("\\* {}\n{}\n\n", joined, eval::state_text(spec, found[i]));
    }
    fmt::print("{} successor{}\n", found.size(), found.size() == 1 ? "" : "s");
    return 0;
}

} // namespace tlatv::cli
