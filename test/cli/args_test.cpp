#include "cli/args.hpp"

#include <catch2/catch.hpp>

#include <vector>

namespace {

tlatv::cli::Args read(std::vector<const char*> words) {
    std::vector<char*> argv;
    for (const char* w : words)
        argv.push_back(const_cast<char*>(w));
    return tlatv::cli::Args(static_cast<int>(argv.size()), argv.data(), 0,
                            {{"config"}, {"threads"}, {"json", false}, {"env", true, true}});
}

} // namespace

TEST_CASE("options, flags and positional arguments are told apart") {
    auto args = read({"Spec.tla", "--config", "Spec.cfg", "--json", "--env=A=1", "--env", "B=2"});
    REQUIRE(args.error().empty());
    CHECK(args.positional() == std::vector<std::string>{"Spec.tla"});
    CHECK(args.value("config") == "Spec.cfg");
    CHECK(args.has("json"));
    CHECK(args.values("env") == std::vector<std::string>{"A=1", "B=2"});
    CHECK_FALSE(args.has("threads"));
}

TEST_CASE("usage errors are reported, not guessed around") {
    CHECK(read({"--nope"}).error() == "unknown option --nope");
    CHECK(read({"--config"}).error() == "option --config needs a value");
    CHECK(read({"--config", "a", "--config", "b"}).error() == "option --config given twice");
    CHECK(read({"--json=1"}).error() == "option --json takes no value");
    auto args = read({"--threads", "x2"});
    CHECK_FALSE(args.integer("threads"));
    CHECK(args.error() == "option --threads needs a non-negative integer, not 'x2'");
}

TEST_CASE("a double dash ends the options") {
    auto args = read({"--", "--json"});
    CHECK(args.positional() == std::vector<std::string>{"--json"});
    CHECK_FALSE(args.has("json"));
}
