// tlatv sysmobench: one of SysMoBench's TV_<Action>.tla modules over all its windows.
#include "cli/args.hpp"
#include "cli/commands.hpp"
#include "lib/report.hpp"
#include "lib/sysmobench.hpp"

#include <fmt/format.h>

#include <cstdio>
#include <filesystem>
#include <fstream>
#include <unistd.h>

namespace tlatv::cli {

namespace {

constexpr const char* sysmobench_usage =
    "usage: tlatv sysmobench TV_<Action>.tla [--config FILE.cfg] [--windows FILE.ndjson]\n"
    "                        [--threads N] [--verdicts FILE] [--max-states N]\n"
    "Runs a SysMoBench trace-validation module for every window of windows_<Action>.ndjson\n"
    "(IOEnv.WINDOW_INDEX = 1, 2, ...) as SysMoBench runs TLC: a window passes when the module's\n"
    "invariant is violated, i.e. its post-state is reachable. Runs in the module's folder.\n"
    "Exit: 0 every window passes, 1 some window fails or errs, 2 usage or input errors.\n";

int usage_error(const std::string& message) {
    fmt::print(stderr, "tlatv sysmobench: {}\n{}", message, sysmobench_usage);
    return 2;
}

std::string json_string(std::string_view s) {
    std::string out = "\"";
    for (char c : s) {
        if (c == '"' || c == '\\') out += '\\';
        if (static_cast<unsigned char>(c) < 0x20) {
            out += fmt::format("\\u{:04x}", static_cast<unsigned>(c));
            continue;
        }
        out += c;
    }
    return out + "\"";
}

} // namespace

int run_sysmobench(int argc, char** argv) {
    Args args(argc, argv, 2,
              {{"config", true},
               {"windows", true},
               {"threads", true},
               {"verdicts", true},
               {"max-states", true},
               {"help", false}});
    if (args.has("help")) {
        fmt::print("{}", sysmobench_usage);
        return 0;
    }
    if (!args.error().empty()) return usage_error(args.error());
    if (args.positional().size() != 1) return usage_error("give exactly one TV_<Action>.tla");

    namespace fs = std::filesystem;
    std::error_code ec;
    const fs::path module = fs::absolute(args.positional().front(), ec);
    sysmobench::TvOptions options;
    if (auto config = args.value("config")) options.config_file = fs::absolute(*config, ec);
    if (auto windows = args.value("windows")) options.windows_file = fs::absolute(*windows, ec);
    if (args.has("threads")) {
        auto threads = args.integer("threads");
        if (!threads) return usage_error(args.error());
        options.threads = static_cast<unsigned>(*threads);
    }
    if (args.has("max-states")) {
        auto states = args.integer("max-states");
        if (!states) return usage_error(args.error());
        options.max_states = static_cast<std::size_t>(*states);
    }
    std::ofstream verdicts;
    if (auto path = args.value("verdicts")) {
        verdicts.open(fs::absolute(*path, ec));
        if (!verdicts) {
            fmt::print(stderr, "tlatv sysmobench: cannot write {}\n", *path);
            return 2;
        }
    }
    const bool show_progress = isatty(fileno(stderr)) != 0;
    if (show_progress)
        options.progress = [](std::size_t done, std::size_t total) {
            fmt::print(stderr, "\r{}", report::format_progress("sysmobench", done, total));
            std::fflush(stderr);
        };

    // The module's file names are relative to its folder, where SysMoBench starts TLC.
    fs::current_path(module.parent_path(), ec);
    if (ec) {
        fmt::print(stderr, "tlatv sysmobench: cannot enter {}: {}\n", module.parent_path().string(),
                   ec.message());
        return 2;
    }
    auto run = sysmobench::run_tv_module(module, options);
    if (show_progress) fmt::print(stderr, "\r\033[K");
    if (!run.ok()) {
        for (const auto& error : run.errors)
            fmt::print(stderr, "{}\n", error.format());
        return 2;
    }
    for (const auto& w : run.windows) {
        std::string line = fmt::format("window {}: {}", w.index, sysmobench::to_string(w.verdict));
        if (w.violated) line += fmt::format(" ({} violated)", *w.violated);
        if (w.error) line += "\n  " + w.error->format();
        fmt::print("{}\n", line);
        if (verdicts.is_open()) {
            verdicts << fmt::format(R"({{"index":{},"verdict":{},"states":{})", w.index,
                                    json_string(sysmobench::to_string(w.verdict)), w.states);
            if (w.error) verdicts << R"(,"error":)" << json_string(w.error->format());
            verdicts << "}\n";
        }
    }
    const std::size_t passes = run.count(sysmobench::TvVerdict::Pass);
    fmt::print("{}: {}/{} windows pass, {} fail, {} errors ({} threads)\n",
               module.filename().string(), passes, run.windows.size(),
               run.count(sysmobench::TvVerdict::Fail), run.count(sysmobench::TvVerdict::Error),
               run.threads);
    return passes == run.windows.size() ? 0 : 1;
}

} // namespace tlatv::cli
