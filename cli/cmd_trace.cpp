// tlatv trace: validate a whole trace with a TLC trace-validation spec (breadth-first search for
// a behaviour matching every log line).
#include "cli/args.hpp"
#include "cli/commands.hpp"
#include "lib/model.hpp"
#include "lib/trace.hpp"

#include <fmt/format.h>

#include <chrono>
#include <cstdio>
#include <filesystem>

extern char** environ;

namespace tlatv::cli {

namespace {

constexpr const char* trace_usage =
    "usage: tlatv trace TRACESPEC.tla [--config X.cfg] [--env NAME=VALUE]... [--threads N]\n"
    "Runs a TLC trace-validation spec: breadth-first search over its Next, with the cfg's VIEW,\n"
    "CONSTRAINT and ACTION_CONSTRAINT. Acceptance is the cfg's POSTCONDITION over\n"
    "TLCGet(\"stats\") or its TraceMatched property (some state matches every line).\n"
    "IOEnv is the process environment overridden by --env. The cfg defaults to TRACESPEC.cfg.\n"
    "Prints `accepted` (exit 0) or `rejected at line N` (exit 1); input errors exit 2.\n";

std::map<std::string, std::string, std::less<>> process_environment() {
    std::map<std::string, std::string, std::less<>> env;
    for (char** e = environ; e && *e; ++e) {
        std::string_view entry(*e);
        auto eq = entry.find('=');
        if (eq != std::string_view::npos)
            env[std::string(entry.substr(0, eq))] = std::string(entry.substr(eq + 1));
    }
    return env;
}

} // namespace

int run_trace(int argc, char** argv) {
    Args args(argc, argv, 2, {{"config"}, {"env", true, true}, {"threads"}, {"help", false}});
    if (args.has("help")) {
        fmt::print("{}", trace_usage);
        return 0;
    }
    TraceOptions options;
    if (auto n = args.integer("threads")) options.threads = static_cast<unsigned>(*n);
    if (!args.error().empty() || args.positional().size() != 1) {
        fmt::print(stderr, "tlatv trace: {}\n{}",
                   args.error().empty() ? "one TRACESPEC.tla is required" : args.error(),
                   trace_usage);
        return 2;
    }
    options.environment = process_environment();
    for (const auto& assignment : args.values("env")) {
        auto eq = assignment.find('=');
        if (eq == std::string::npos || eq == 0) {
            fmt::print(stderr, "tlatv trace: --env expects NAME=VALUE, got '{}'\n", assignment);
            return 2;
        }
        options.environment[assignment.substr(0, eq)] = assignment.substr(eq + 1);
    }

    const std::filesystem::path spec_file = args.positional()[0];
    ModelOptions model_options;
    if (auto config = args.value("config"))
        model_options.config_file = *config;
    else if (auto implicit = std::filesystem::path(spec_file).replace_extension(".cfg");
             std::filesystem::exists(implicit))
        model_options.config_file = implicit;
    const auto start = std::chrono::steady_clock::now();
    auto load = load_model(spec_file, model_options);
    if (!load.model) {
        for (const auto& e : load.errors)
            fmt::print(stderr, "{}\n", e.format());
        return 2;
    }
    TraceResult result;
    try {
        result = validate_trace(*load.model, options);
    } catch (const eval::EvalFailure& e) {
        fmt::print(stderr, "{}\n", e.diagnostic().format());
        return 2;
    } catch (const std::exception& e) {
        fmt::print(stderr, "tlatv trace: {}\n", e.what());
        return 2;
    }
    const double seconds =
        std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();

    if (result.accepted) {
        fmt::print("accepted\n");
    } else if (result.rejected_line) {
        fmt::print("rejected at line {}\n", *result.rejected_line);
        fmt::print("{} state(s) waiting for that line; the first:\n{}\n", result.candidates,
                   result.candidate_state);
        for (const auto& d : result.diagnoses) {
            if (!d.error.empty())
                fmt::print("  {}: error: {}\n", d.action, d.error);
            else if (d.successors > 0)
                fmt::print("  {}: {} successor(s), none kept by the constraints\n", d.action,
                           d.successors);
            else
                fmt::print("  {}: false: {}\n", d.action,
                           d.false_conjunct.empty() ? "(no conjunct recorded)" : d.false_conjunct);
        }
    } else {
        fmt::print("rejected (no initial state)\n");
    }
    for (const auto& c : result.criteria)
        fmt::print("decided: {}\n", c);
    for (const auto& u : result.unchecked)
        fmt::print("note: {} not checked\n", u);
    fmt::print("states per level:");
    for (auto n : result.states_per_level)
        fmt::print(" {}", n);
    fmt::print("\ndiameter {}, distinct {}, generated {}, queue {}{}, {:.2f} s\n", result.diameter,
               result.distinct, result.generated, result.queue,
               result.exit_requested ? " (stopped by TLCSet(\"exit\"))" : "", seconds);
    return result.accepted ? 0 : 1;
}

} // namespace tlatv::cli
