// The C++ API (include/tlatv/): results as values, no exception escaping.
#include "tlatv/tlatv.hpp"

#include <catch2/catch.hpp>

#include <string>

namespace {
const std::string example = std::string(TLATV_SOURCE_DIR) + "/examples/lockservice/";
const std::string free_lock = "/\\ holder = \"none\"\n/\\ waiting = <<>>";
} // namespace

TEST_CASE("a spec loads with its config and reports its variables") {
    auto spec = tlatv::Spec::load(example + "LockService.tla", {example + "LockService.cfg"});
    REQUIRE(spec.ok());
    CHECK(spec->module_name() == "LockService");
    CHECK(spec->variables() == std::vector<std::string>{"holder", "waiting"});
}

TEST_CASE("load errors are diagnostics, not exceptions") {
    auto missing = tlatv::Spec::load(example + "NoSuchSpec.tla");
    REQUIRE_FALSE(missing.ok());
    CHECK_FALSE(missing.errors().empty());
    auto bad_config = tlatv::Spec::load(example + "LockService.tla", {example + "nope.cfg"});
    REQUIRE_FALSE(bad_config.ok());
    CHECK(bad_config.error_text().find("nope.cfg") != std::string::npos);
}

TEST_CASE("successors and window checks through the API") {
    auto spec = tlatv::Spec::load(example + "LockService.tla", {example + "LockService.cfg"});
    REQUIRE(spec.ok());
    auto next = spec->successors(free_lock);
    REQUIRE(next.ok());
    CHECK(next.value().size() == 3);

    auto pass = spec->check(free_lock, "/\\ holder = \"c1\"\n/\\ waiting = <<>>", "Request");
    CHECK(pass.verdict == tlatv::Verdict::Pass);
    CHECK(pass.action == "Request(\"c1\")");

    auto fail = spec->check(free_lock, "/\\ holder = \"c1\"\n/\\ waiting = <<>>", "Release");
    CHECK(fail.verdict == tlatv::Verdict::Fail);
    CHECK_FALSE(fail.explanation.empty());

    auto partial = spec->check(free_lock, "/\\ holder = \"c3\"", "Next");
    CHECK(partial.verdict == tlatv::Verdict::Pass);
    CHECK(partial.unconstrained == std::vector<std::string>{"waiting"});

    auto error = spec->check(free_lock, "/\\ holder = \"c1\"", "NoSuchAction");
    CHECK(error.verdict == tlatv::Verdict::Error);
}

TEST_CASE("constant expressions evaluate to TLC's printed form") {
    CHECK(tlatv::evaluate("[a |-> 1, b |-> <<2>>]").value() == "[a |-> 1, b |-> <<2>>]");
    auto overflow = tlatv::evaluate("2147483647 + 1");
    CHECK_FALSE(overflow.ok());
    CHECK(tlatv::evaluate("2147483647 + 1", {"Integers"}, tlatv::IntegerMode::Exact).value() ==
          "2147483648");
}

TEST_CASE("a window set is validated per action through the API") {
    auto right = tlatv::Spec::load(example + "LockService.tla", {example + "LockService.cfg"});
    auto under =
        tlatv::Spec::load(example + "LockServiceUnder.tla", {example + "LockServiceUnder.cfg"});
    REQUIRE(right.ok());
    REQUIRE(under.ok());
    auto good = right->validate({example + "trace.ndjson", "", 2, {}});
    REQUIRE(good.ok());
    CHECK(good->all_pass());
    CHECK(good->windows == 196);
    auto bad = under->validate({example + "trace.ndjson", "", 1, {}});
    REQUIRE(bad.ok());
    CHECK_FALSE(bad->all_pass());
    REQUIRE(bad->actions.size() == 2);
    CHECK(bad->actions[0].action == "Release");
    CHECK(bad->actions[0].fails > 0);
    CHECK(bad->actions[1].action == "Request");
    CHECK(bad->actions[1].fails == 0);
    CHECK(bad->json.find("\"Release\"") != std::string::npos);
    auto missing = right->validate({example + "none.ndjson", "", 1, {}});
    CHECK_FALSE(missing.ok());
}
