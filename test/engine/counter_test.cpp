// The engine's rules on a small spec: arguments by name, by position or from the next-state
// relation; windows marked impossible; invariants on successors; windows that cannot be checked;
// mapping ranges for parameters and absent variables.
#include "lib/engine.hpp"

#include <catch2/catch.hpp>

#include <filesystem>

#include <variant>

namespace {

using namespace tlatv;

// A model loaded with its TLC configuration.
ModelOptions with_config(const std::filesystem::path& cfg) {
    ModelOptions options;
    options.config_file = cfg;
    return options;
}

const std::string kData = std::string(TLATV_ENGINE_TEST_DIR) + "/data/";

struct Run {
    engine::ValidationResult result;
    std::vector<engine::WindowVerdict> verdicts;

    const engine::ActionSummary& action(std::string_view name) const {
        for (const auto& a : result.summary.actions)
            if (a.action == name) return a;
        FAIL("no action " << name);
        throw;
    }
};

Run validate(const lib::Mapping* mapping, std::vector<std::string> invariants = {}) {
    auto load = load_model(kData + "Counter.tla", with_config(kData + "Counter.cfg"));
    REQUIRE(load.model);
    engine::ValidateOptions options;
    options.threads = 2;
    options.invariants = std::move(invariants);
    Run run;
    options.on_verdict = [&](const engine::WindowVerdict& v) { run.verdicts.push_back(v); };
    run.result = engine::validate_windows(*load.model, kData + "counter.ndjson", mapping, options);
    REQUIRE(run.result.ok());
    REQUIRE(run.verdicts.size() == 9);
    return run;
}

} // namespace

TEST_CASE("verdicts without a mapping") {
    Run run = validate(nullptr, {"Bounded"});
    const auto& v = run.verdicts;
    using eval::Verdict;
    CHECK(v[0].verdict == Verdict::Pass); // args by name
    CHECK(v[0].passed_by == "Add(1)");
    CHECK(v[0].outcomes->extra_count == 0);
    CHECK(v[1].verdict == Verdict::Pass);   // no args: the instances of Next
    CHECK(v[1].outcomes->extra_count == 1); // Add(2) could have made x = 3
    CHECK(v[2].verdict == Verdict::Pass);   // positional args
    CHECK(v[2].outcomes->extra_count == 0);
    CHECK(v[3].verdict == Verdict::Pass); // impossible, and the spec agrees
    CHECK(v[4].verdict == Verdict::Fail); // impossible, but the spec takes it
    CHECK(v[4].failure == engine::FailureKind::AcceptedImpossible);
    CHECK(v[4].outcomes->violating_successors == 2); // x = 4 and x = 5 break Bounded
    CHECK(v[5].verdict == Verdict::Pass);
    REQUIRE(v[6].verdict == Verdict::Error);
    CHECK(v[6].error->message.find("speed, which is not a variable") != std::string::npos);
    REQUIRE(v[7].verdict == Verdict::Error);
    CHECK(v[7].error->message.find("Reset is not a definition") != std::string::npos);
    REQUIRE(v[8].verdict == Verdict::Error); // mode is not given and has no range
    CHECK(v[8].error->message.find("mode") != std::string::npos);

    const auto& add = run.action("Add");
    CHECK(add.windows == 6);
    CHECK(add.passes == 4);
    CHECK(add.fails == 0);
    CHECK(add.accepted_impossible == 1);
    CHECK(add.errors == 1);
    CHECK(add.invariant_violations == 1);
    CHECK(add.with_extra_outcomes == 2); // windows 2 and 5
    CHECK(run.action("Stop").errors == 1);
    CHECK(run.action("Reset").errors == 1);
    CHECK(run.result.summary.fails == 1);
}

TEST_CASE("a mapping's ranges for parameters and absent variables") {
    auto parsed = lib::read_mapping(kData + "counter_mapping.json");
    REQUIRE(std::holds_alternative<lib::Mapping>(parsed));
    Run run = validate(&std::get<lib::Mapping>(parsed));
    const auto& v = run.verdicts;
    CHECK(v[0].verdict == eval::Verdict::Pass);
    CHECK(v[0].outcomes->extra_count == 1);     // the range tries n = 1 and n = 2
    CHECK(v[8].verdict == eval::Verdict::Pass); // mode ranges over {"run", "stopped"}
    CHECK_FALSE(v[8].outcomes);                 // so the pre-state is not fully known
}

TEST_CASE("input errors are values") {
    auto load = load_model(kData + "Counter.tla", with_config(kData + "Counter.cfg"));
    REQUIRE(load.model);
    engine::ValidateOptions options;
    options.invariants = {"NoSuchInvariant"};
    auto result = engine::validate_windows(*load.model, kData + "counter.ndjson", nullptr, options);
    CHECK_FALSE(result.ok());
    options.invariants.clear();
    result = engine::validate_windows(*load.model, kData + "missing.ndjson", nullptr, options);
    CHECK_FALSE(result.ok());
}
