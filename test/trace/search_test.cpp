// The search's rules on a small trace spec (specs/StepTrace.tla): levels, the VIEW, the
// POSTCONDITION over TLCGet("stats"), the rejection line and its diagnosis, one worker or two.
#include "lib/model.hpp"
#include "lib/trace.hpp"

#include <catch2/catch.hpp>

#include <filesystem>
#include <string>

namespace {

const std::filesystem::path specs = std::filesystem::path(TLATV_TRACE_TEST_DIR) / "specs";

tlatv::TraceResult run(const std::string& config, unsigned threads = 1,
                       const std::string& spec = "StepTrace.tla") {
    tlatv::ModelOptions options;
    options.config_file = specs / config;
    auto load = tlatv::load_model(specs / spec, options);
    REQUIRE(load.model);
    tlatv::TraceOptions trace_options;
    trace_options.threads = threads;
    return tlatv::validate_trace(*load.model, trace_options);
}

} // namespace

TEST_CASE("A log every step matches is accepted; the VIEW merges states it does not tell apart") {
    auto result = run("StepTrace.cfg");
    CHECK(result.accepted);
    CHECK_FALSE(result.rejected_line);
    // Two initial states (y = 0, 1) under one view; each level one view value.
    CHECK(result.states_per_level == std::vector<std::size_t>{1, 1, 1, 1, 1});
    CHECK(result.diameter == 5);
    CHECK(result.distinct == 5);
    // Generated: 2 initial states, then 2 successors (y' = 0, 1) of each of the 4 states kept.
    CHECK(result.generated == 2 + 4 * 2);
}

TEST_CASE("A log with a step no action takes is rejected at that line, with the false conjunct") {
    auto result = run("StepTraceBad.cfg");
    CHECK_FALSE(result.accepted);
    REQUIRE(result.rejected_line);
    CHECK(*result.rejected_line == 3); // 2 -> 5 is no step of 1 or 2
    CHECK(result.candidates == 1);
    CHECK(result.candidate_state.find("x = 2") != std::string::npos);
    REQUIRE(result.diagnoses.size() == 2);
    for (const auto& d : result.diagnoses) {
        INFO(d.action);
        CHECK(d.successors == 0);
        CHECK(d.false_conjunct.find("StepTrace.tla:13:") != std::string::npos);
    }
}

TEST_CASE("Two workers find the states of one") {
    auto one = run("StepTraceBad.cfg", 1);
    auto two = run("StepTraceBad.cfg", 2);
    CHECK(one.states_per_level == two.states_per_level);
    CHECK(one.generated == two.generated);
    CHECK(one.rejected_line == two.rejected_line);
}

TEST_CASE("A configuration without acceptance criterion is refused with a reason") {
    CHECK_THROWS_WITH(run("StepTraceNoAcceptance.cfg"), Catch::Contains("no acceptance criterion"));
}

TEST_CASE("TraceMatched: accepted when some state has matched every line") {
    auto result = run("StepTraceMatched.cfg");
    CHECK(result.accepted);
    CHECK(result.criteria == std::vector<std::string>{"PROPERTY TraceMatched"});
    // The spec formula given as a PROPERTY is a refinement, noted as not checked.
    CHECK(result.unchecked == std::vector<std::string>{"PROPERTY Spec (refinement)"});
    CHECK(result.states_per_level == std::vector<std::size_t>{1, 1, 1, 1, 1});
}

TEST_CASE("TraceMatched: rejected at the line the furthest states wait for") {
    auto result = run("StepTraceMatchedBad.cfg", 2);
    CHECK_FALSE(result.accepted);
    REQUIRE(result.rejected_line);
    CHECK(*result.rejected_line == 3); // l = 3 waits for 5, which follows 2 by no step
    CHECK(result.candidates == 1);
    CHECK(result.candidate_state.find("l = 3") != std::string::npos);
    REQUIRE(result.diagnoses.size() == 2);
    CHECK(result.diagnoses[0].false_conjunct.find("StepTrace.tla:13:") != std::string::npos);
}

TEST_CASE("A PROPERTY of a shape tlatv does not know is refused, naming it") {
    CHECK_THROWS_WITH(run("StepTraceUnknownProperty.cfg"),
                      Catch::Contains("PROPERTY Bounded100 has a shape"));
}

TEST_CASE("A \\cdot B: the intermediate state keeps the pre-state's value of what A leaves") {
    auto result = run("CdotTrace.cfg", 1, "CdotTrace.tla");
    CHECK(result.accepted);
    CHECK(result.states_per_level == std::vector<std::size_t>{1, 1, 1, 1});
}

TEST_CASE("Sibling quantifiers of an action keep their own bindings during the walk") {
    auto result = run("SiblingScopes.cfg", 1, "SiblingScopes.tla");
    CHECK(result.accepted);
    CHECK(result.states_per_level == std::vector<std::size_t>{1, 2}); // done = 1 and 11
}

TEST_CASE("ASSUMEs hold before the search; the registers they set are the run's") {
    // TLCSet(0, 0) in an ASSUME, raised by each step (on either worker), read by the
    // POSTCONDITION after the CONSTRAINT stopped the search with TLCSet("exit", TRUE); the stop
    // leaves TraceMatched unviolated, as in TLC.
    for (unsigned threads : {1u, 2u}) {
        auto result = run("RegisterTrace.cfg", threads, "RegisterTrace.tla");
        CHECK(result.accepted);
        CHECK(result.exit_requested);
    }
    auto bad = run("RegisterTraceBad.cfg", 1, "RegisterTrace.tla");
    CHECK_FALSE(bad.accepted);
    REQUIRE(bad.rejected_line);
    CHECK(*bad.rejected_line == 3);
    CHECK_THROWS_WITH(run("RegisterTraceOddLog.cfg", 1, "RegisterTrace.tla"),
                      Catch::Contains("RegisterTrace.tla:9:") &&
                          Catch::Contains("the assumption is false"));
}
