// The tlatv command: dispatches to one subcommand per job (cli/commands.hpp).
#include "cli/commands.hpp"

#include <fmt/format.h>

#include <cstdio>
#include <string_view>

namespace {

struct Command {
    std::string_view name;
    int (*run)(int argc, char** argv);
    std::string_view summary;
};

constexpr Command commands[] = {
    {"parse", tlatv::cli::run_parse, "parse and resolve modules"},
    {"eval", tlatv::cli::run_eval, "evaluate constant expressions"},
    {"successors", tlatv::cli::run_successors, "enumerate the successors of a state"},
    {"check", tlatv::cli::run_check, "check a (pre-state, post-state) window against actions"},
    {"validate", tlatv::cli::run_validate, "validate windows of a system's traces, per action"},
    {"sysmobench", tlatv::cli::run_sysmobench, "run a SysMoBench TV_<Action>.tla over its windows"},
    {"trace", tlatv::cli::run_trace, "validate a whole trace with a TLC trace-validation spec"},
};

void print_usage(std::FILE* out) {
    fmt::print(out, "usage: tlatv <command> [options]   (tlatv <command> --help for more)\n\n"
                    "commands:\n");
    for (const auto& c : commands)
        fmt::print(out, "  {:<12} {}\n", c.name, c.summary);
    fmt::print(out, "  {:<12} {}\n", "version", "print the version");
}

} // namespace

int main(int argc, char** argv) {
    if (argc < 2) {
        print_usage(stderr);
        return 2;
    }
    std::string_view name = argv[1];
    if (name == "version" || name == "--version") {
        fmt::print("tlatv 0.1.0\n");
        return 0;
    }
    if (name == "help" || name == "--help" || name == "-h") {
        print_usage(stdout);
        return 0;
    }
    for (const auto& c : commands)
        if (c.name == name) return c.run(argc, argv);
    fmt::print(stderr, "tlatv: unknown command '{}'\n", name);
    print_usage(stderr);
    return 2;
}
