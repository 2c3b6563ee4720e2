// tlatv validate: windows cut from traces of the real system against a spec, per action.
#include "cli/args.hpp"
#include "cli/commands.hpp"
#include "lib/engine.hpp"
#include "lib/mapping.hpp"
#include "lib/report.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <cstdio>
#include <fstream>
#include <limits>
#include <unistd.h>
#include <variant>

namespace tlatv::cli {

namespace {

constexpr const char* validate_usage =
    "usage: tlatv validate SPEC.tla [--config SPEC.cfg] --windows FILE.ndjson\n"
    "                      [--mapping MAP.json] [--invariant NAME]... [--threads N]\n"
    "                      [--json FILE] [--verdicts FILE] [--window-format NAME]\n"
    "                      [--search-path DIR]... [--no-over-approximation]\n"
    "                      [--max-states N] [--timeout-ms N] [--max-depth N]\n"
    "Checks every window (pre-state, action, post-state) against the spec's action and reports,\n"
    "per action, the windows the spec cannot reproduce (under-approximation) and the outcomes\n"
    "it allows that the system did not produce (over-approximation).\n"
    "Bounds per window (a window that reaches one is an error; the others are still checked):\n"
    "states enumerated (--max-states, default 100000), time (--timeout-ms, default 10000),\n"
    "nested calls of recursive definitions (--max-depth, default 100000).\n"
    "--config defaults to SPEC.cfg when that file exists. Exit: 0 every window passes, 1 some\n"
    "window fails or cannot be checked, 2 usage or input errors.\n";

int usage_error(const std::string& message) {
    fmt::print(stderr, "tlatv validate: {}\n{}", message, validate_usage);
    return 2;
}

} // namespace

int run_validate(int argc, char** argv) {
    Args args(argc, argv, 2,
              {{"config", true},
               {"windows", true},
               {"mapping", true},
               {"invariant", true, true},
               {"threads", true},
               {"json", true},
               {"verdicts", true},
               {"window-format", true},
               {"search-path", true, true},
               {"no-over-approximation", false},
               {"max-states", true},
               {"timeout-ms", true},
               {"max-depth", true},
               {"help", false}});
    if (args.has("help")) {
        fmt::print("{}", validate_usage);
        return 0;
    }
    if (!args.error().empty()) return usage_error(args.error());
    if (args.positional().size() != 1) return usage_error("give exactly one SPEC.tla");
    const auto windows = args.value("windows");
    if (!windows) return usage_error("--windows FILE.ndjson is required");
    const std::string spec_file = args.positional().front();

    ModelOptions model_options;
    if (auto config = args.value("config")) {
        model_options.config_file = *config;
    } else {
        auto beside = std::filesystem::path(spec_file).replace_extension(".cfg");
        if (std::filesystem::exists(beside)) model_options.config_file = beside;
    }
    for (const auto& dir : args.values("search-path"))
        model_options.search_path.emplace_back(dir);

    engine::ValidateOptions options;
    if (args.has("threads")) {
        auto threads = args.integer("threads");
        if (!threads) return usage_error(args.error());
        options.threads = static_cast<unsigned>(*threads);
    }
    if (auto n = args.integer("max-states"))
        options.limits.max_states = static_cast<std::size_t>(*n);
    if (auto n = args.integer("timeout-ms"))
        options.limits.time_budget = std::chrono::milliseconds(*n);
    if (auto n = args.integer("max-depth"))
        options.eval_limits.max_call_depth = static_cast<std::uint32_t>(
            std::min<long>(*n, std::numeric_limits<std::uint32_t>::max()));
    if (!args.error().empty()) return usage_error(args.error());
    options.invariants = args.values("invariant");
    options.over_approximation = !args.has("no-over-approximation");
    if (auto format = args.value("window-format")) {
        auto parsed = lib::parse_window_format(*format);
        if (!parsed) return usage_error(fmt::format("unknown window format '{}'", *format));
        options.reader.format = *parsed;
    }

    ModelLoad load = load_model(spec_file, model_options);
    if (!load.model) {
        for (const auto& error : load.errors)
            fmt::print(stderr, "{}\n", error.format());
        return 2;
    }
    std::optional<lib::Mapping> mapping;
    if (auto path = args.value("mapping")) {
        auto parsed = lib::read_mapping(*path);
        if (auto* errors = std::get_if<std::vector<Diagnostic>>(&parsed)) {
            for (const auto& error : *errors)
                fmt::print(stderr, "{}\n", error.format());
            return 2;
        }
        mapping = std::move(std::get<lib::Mapping>(parsed));
    }

    std::ofstream verdicts;
    if (auto path = args.value("verdicts")) {
        verdicts.open(*path);
        if (!verdicts) {
            fmt::print(stderr, "tlatv validate: cannot write {}\n", *path);
            return 2;
        }
        options.on_verdict = [&](const engine::WindowVerdict& v) {
            verdicts << report::format_verdict_line(v) << '\n';
        };
    }
    const bool show_progress = isatty(fileno(stderr)) != 0;
    if (show_progress)
        options.progress = [](const engine::Progress& p) {
            fmt::print(stderr, "\r{}", report::format_progress("validate", p.done, 0));
            std::fflush(stderr);
        };

    auto result =
        engine::validate_windows(*load.model, *windows, mapping ? &*mapping : nullptr, options);
    if (show_progress) fmt::print(stderr, "\r\033[K");
    if (!result.ok()) {
        for (const auto& error : result.input_errors)
            fmt::print(stderr, "{}\n", error.format());
        return 2;
    }
    fmt::print("{}", report::format_table(result.summary));
    if (auto path = args.value("json")) {
        std::ofstream out(*path);
        report::ReportSource source{spec_file, model_options.config_file.string(), *windows,
                                    args.value("mapping").value_or("")};
        out << report::format_json(result.summary, source) << '\n';
        if (!out) {
            fmt::print(stderr, "tlatv validate: cannot write {}\n", *path);
            return 2;
        }
    }
    const auto& s = result.summary;
    return s.fails == 0 && s.errors == 0 ? 0 : 1;
}

} // namespace tlatv::cli
