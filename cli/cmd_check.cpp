// tlatv check: does a window (pre-state, post-state) satisfy the next-state relation or an
// action? On failure, says where the action failed and which successor came closest.
#include "cli/action_input.hpp"
#include "cli/args.hpp"
#include "cli/commands.hpp"
#include "evaluator/action_check.hpp"
#include "evaluator/action_state.hpp"

#include <fmt/format.h>

#include <cstdio>

namespace tlatv::cli {

namespace {

constexpr const char* check_usage =
    "usage: tlatv check SPEC.tla [--config SPEC.cfg] --pre STATE --post STATE [--action NAME]\n"
    "                   [--max-states N] [--timeout-ms N]\n"
    "Exit code 0 when some action holds on the window, 1 when none does (with a diagnostic),\n"
    "2 on usage, input or evaluation errors.\n"
    "STATE is TLC's state text (`/\\ x = 1` lines) or a JSON object {\"x\": 1, ...}; variables\n"
    "the post-state leaves out are enumerated, the pre-state must give every variable.\n"
    "NAME is an action's label (`Request(c1,{r1})`), an operator of the next-state relation\n"
    "(all its instances) or a definition; without it, the whole next-state relation.\n";

std::string one_line(std::string text) {
    for (char& c : text)
        if (c == '\n') c = ' ';
    return text;
}

void print_failure(const eval::CompiledSpec& spec, const eval::PartialState& post,
                   const eval::CheckResult& result) {
    if (result.false_conjunct) {
        const eval::FalseConjunct& f = *result.false_conjunct;
        fmt::print("first false conjunct ({} conjunct{} held before it):\n  {}:{}:{}\n",
                   f.conjuncts_before, f.conjuncts_before == 1 ? "" : "s", f.file,
                   f.span.begin.line, f.span.begin.column);
        if (auto text = source_text(f.file, f.span)) fmt::print("  {}\n", one_line(*text));
        for (const auto& part : f.parts) {
            auto text = source_text(f.file, part.span);
            fmt::print("    {} = {}\n", text ? one_line(*text) : std::string("(operand)"),
                       part.value);
        }
    }
    if (!result.enabled) {
        fmt::print("the action is not enabled in the pre-state (it has no successor)\n");
        return;
    }
    if (result.closest) {
        const auto& c = *result.closest;
        fmt::print("closest successor ({}), differing in {} variable{}:\n", c.action,
                   c.differing.size(), c.differing.size() == 1 ? "" : "s");
        for (std::uint32_t i : c.differing)
            fmt::print("  {}: observed {}, successor {}\n", spec.variables()[i].name,
                       post[i]->to_string(), c.state[i].to_string());
    }
}

} // namespace

int run_check(int argc, char** argv) {
    Args args(argc, argv, 2,
              {{"config"},
               {"pre"},
               {"post"},
               {"action"},
               {"max-states"},
               {"timeout-ms"},
               {"help", false}});
    if (args.has("help")) {
        fmt::print("{}", check_usage);
        return 0;
    }
    eval::CheckOptions options;
    if (auto n = args.integer("max-states"))
        options.limits.max_states = static_cast<std::size_t>(*n);
    if (auto n = args.integer("timeout-ms"))
        options.limits.time_budget = std::chrono::milliseconds(*n);
    if (!args.error().empty() || args.positional().size() != 1 || !args.value("pre") ||
        !args.value("post")) {
        fmt::print(stderr, "tlatv check: {}\n{}",
                   args.error().empty() ? "one SPEC.tla, --pre and --post are required"
                                        : args.error(),
                   check_usage);
        return 2;
    }
    auto setup = load_action_setup("check", args.positional()[0], args.value("config"),
                                   args.value("action"));
    if (!setup) return 2;
    const eval::CompiledSpec& spec = *setup->model.spec;
    auto pre = read_state_argument("check", spec, *args.value("pre"), "--pre");
    auto post = read_state_argument("check", spec, *args.value("post"), "--post");
    if (!pre || !post) return 2;

    eval::CheckResult result =
        eval::check_window(*setup->context, setup->actions, *pre, *post, options);
    if (!result.unconstrained.empty()) {
        std::string names;
        for (const auto& n : result.unconstrained)
            names += (names.empty() ? "" : ", ") + n;
        fmt::print("unconstrained post variables (enumerated): {}\n", names);
    }
    switch (result.verdict) {
    case eval::Verdict::Pass:
        fmt::print("PASS: {}\n", *result.passed_by);
        if (!result.unconstrained.empty())
            fmt::print("with the post-state\n{}\n", eval::state_text(spec, *result.post));
        return 0;
    case eval::Verdict::Fail:
        fmt::print("FAIL: no action among {} holds on the window\n",
                   setup->actions.size() == 1 ? setup->actions[0].label()
                                              : fmt::format("{} actions", setup->actions.size()));
        print_failure(spec, *post, result);
        return 1;
    case eval::Verdict::Error:
        fmt::print(stderr, "tlatv check: {}\n",
                   result.error ? result.error->format() : std::string("evaluation failed"));
        return 2;
    }
    return 2;
}

} // namespace tlatv::cli
