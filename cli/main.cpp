// The tlatv command: dispatches to one subcommand per job.
#include <fmt/format.h>

#include <cstdio>
#include <string_view>

namespace {

constexpr std::string_view usage = R"(usage: tlatv <command> [options]

commands:
  parse FILE.tla...      parse and resolve modules
  eval 'EXPR'            evaluate a constant expression
  version                print the version
)";

} // namespace

int main(int argc, char** argv) {
    if (argc < 2) {
        fmt::print(stderr, "{}", usage);
        return 2;
    }
    std::string_view command = argv[1];
    if (command == "version" || command == "--version") {
        fmt::print("tlatv 0.1.0\n");
        return 0;
    }
    if (command == "help" || command == "--help" || command == "-h") {
        fmt::print("{}", usage);
        return 0;
    }
    fmt::print(stderr, "tlatv: unknown command '{}'\n{}", command, usage);
    return 2;
}
